"""The accessibility statement (tilgjengelighetserklæring) of a municipality's portal pages,
structured as Norwegian statements are: conformance, known deviations, feedback and contact,
and the date. Temaplan's part (below) says what Temaplan checks itself and the deviations it
knows; the municipality fills in the rest (its contact, its own deviations, its manual
evaluation, the day it reviewed the statement), and `merged` puts the two together. No Django.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from temaplan.core.dates import long_date

# When the text below was last checked against what the test suite does: raise it with the text.
REVIEWED = date(2026, 12, 3)
STANDARD = "WCAG 2.1 nivå A og AA"
CONFORMANCE = (
    "Sidene med publiserte resultater skal oppfylle kravene i {standard}, slik forskrift om "
    "universell utforming av IKT-løsninger krever. Temaplan tester hver side automatisk med "
    "axe-core i nettleseren (alle regler for {standard}) ved hver endring av programmet, og "
    "testene krever null brudd. Automatiske tester finner bare en del av mulige brudd."
)
NOT_EVALUATED = "En manuell vurdering av alle kravene er ikke gjort ennå."
EVALUATED = "{by} gjorde en manuell vurdering av sidene {day}."
NO_CONTACT = "Kommunens eget kontaktpunkt for tilgjengelighet er ikke lagt inn i Temaplan ennå."
CHECKED = (
    "Alle sider testes med axe-core for {standard} i Chromium, i full bredde (1366 px) og på "
    "mobil (390 px).",
    "Sidene virker uten JavaScript: de har ingen skript, og «Vis som tabell» er vanlig HTML.",
    "Hver side har én hovedoverskrift, tabellene har overskrift (caption) og kolonne- og "
    "radoverskrifter, og språket er satt til norsk bokmål.",
    "Hvert diagram har en tekst som sier hva det viser, med tallene, og de samme tallene "
    "finnes i en tabell.",
    "PDF-filen lages som tagget PDF (PDF/UA-1).",
)
DEVIATIONS = (
    "Word-, Excel- og PowerPoint-filene til nedlasting er ikke testet automatisk for "
    "tilgjengelighet. Tallene i dem finnes også på siden og i PDF-filen.",
    "Diagrammene er bilder med tekstalternativ: enkeltpunktene i et diagram kan ikke nås "
    "hver for seg med tastatur eller skjermleser; bruk tabellen under diagrammet.",
    "Kontrasten i diagrammene er valgt for å være tydelig, men er ikke målt for hver farge.",
)
COMPLAINT = (
    "Får du ikke svar, eller er du ikke fornøyd med svaret, kan du klage til Tilsynet for "
    "universell utforming av ikt (Uu-tilsynet)."
)
COMPLAINT_URL = "https://www.uutilsynet.no/"


def conformance() -> str:
    return CONFORMANCE.format(standard=STANDARD)


def checked() -> list[str]:
    return [line.format(standard=STANDARD) for line in CHECKED]


@dataclass(frozen=True)
class Filled:
    """What the municipality filled in (all of it; the empty texts are the optional parts)."""

    unit: str
    email: str
    phone: str
    form_url: str
    deviations: tuple[str, ...]
    evaluated_on: date | None
    evaluated_by: str
    reviewed_on: date


@dataclass(frozen=True)
class Statement:
    """The statement as the page shows it: Temaplan's checks and deviations with the
    municipality's beside them, its contact (None: not filled in), and the later of the two
    review dates."""

    conformance: str
    evaluation: str
    checked: list[str]
    deviations: tuple[str, ...]
    own_deviations: tuple[str, ...]
    contact: Filled | None
    reviewed: date


def merged(filled: Filled | None) -> Statement:
    """Temaplan's part with the municipality's (None: it has filled in nothing)."""
    evaluation = NOT_EVALUATED
    if filled is not None and filled.evaluated_on is not None:
        evaluation = EVALUATED.format(by=filled.evaluated_by, day=long_date(filled.evaluated_on))
    return Statement(
        conformance=conformance(),
        evaluation=evaluation,
        checked=checked(),
        deviations=DEVIATIONS,
        own_deviations=filled.deviations if filled else (),
        contact=filled,
        reviewed=max(REVIEWED, filled.reviewed_on) if filled else REVIEWED,
    )
