"""The accessibility statement (tilgjengelighetserklæring) of a municipality's portal pages,
structured as Norwegian statements are: conformance, known deviations, feedback and contact,
and the date. What it says is what Temaplan checks itself; a municipality's own contact point
and its manual evaluation are not stored yet (see the page's contact section). No Django.
"""

from __future__ import annotations

from datetime import date

# When the text below was last checked against what the test suite does: raise it with the text.
REVIEWED = date(2026, 12, 3)
STANDARD = "WCAG 2.1 nivå A og AA"
CONFORMANCE = (
    "Sidene med publiserte resultater skal oppfylle kravene i {standard}, slik forskrift om "
    "universell utforming av IKT-løsninger krever. Temaplan tester hver side automatisk med "
    "axe-core i nettleseren (alle regler for {standard}) ved hver endring av programmet, og "
    "testene krever null brudd. Automatiske tester finner bare en del av mulige brudd; en "
    "manuell vurdering av alle kravene er ikke gjort ennå."
)
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
