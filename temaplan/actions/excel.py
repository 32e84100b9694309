"""The action workbook (.xlsx): one action period's actions, out and in.

«Tiltak», one row per action, found by its key within the period (header = row 1; the order of
the columns does not matter, extra columns are ignored):
    Nøkkel*              fixed key, letters a–z, digits, «-» and «_» («a01-campus»)
    Tittel*              the action's title
    Beskrivelse          free text
    Type                 tidsbestemt tiltak (default), generelt pådrivertiltak, utredning
    Innsatsområde        the focus area's number: «3»
    Strategier           the plan's strategy codes separated by commas: «2.3, 2.4»
    Ansvarlig enhet, Ansvarlig person, Samarbeidspartnere   free text
    Start, Frist         dates
    Status               planlagt (default), pågår, ferdig, forsinket, avlyst
    Framdrift (%)        a whole number 0–100; empty means not reported (not 0 %)
    Vekt                 how much the action counts in the total progress; 1 by default
    Prioritet            place on the priority list, 1 or more
    Forankret i, Møtedato, Saksnummer   where and when the action was anchored politically
«Veiledning» explains the columns; it is write-protected and ignored on import.

(* = required.) A row is the whole action: an empty optional cell sets the field to its default.
Actions missing from the file are left as they are; nothing is deleted.

Cells are read and written as every workbook does (temaplan.core.workbook: the same messages,
choices by label or code, numbers as numbers or Norwegian text, no formulas, text that never
turns into a formula). Dates are Excel dates, or text written «11.01.2022» or «2022-01-11».

This module declares the sheet and writes a period's workbook with `workbook_bytes(period)`;
reading, checking and saving the rows is importing.py's work.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db.models import F, Prefetch
from django.utils import translation

from temaplan.core.workbook import (
    CHOICE,
    DATE,
    NUMBER,
    Column,
    Columns,
    Sheet,
    cell_number,
    write_workbook,
)
from temaplan.core.workbook_labels import labels
from temaplan.plans.models import Strategy

from .models import Action, ActionPeriod

__all__ = ["ACTIONS", "COLUMNS", "period_rows", "workbook_bytes"]

# The sheet and its columns ------------------------------------------------------------------

ACTIONS = "Tiltak"

KEY = "Nøkkel"
TITLE = "Tittel"
DESCRIPTION = "Beskrivelse"
KIND = "Type"
FOCUS_AREA = "Innsatsområde"
STRATEGIES = "Strategier"
UNIT = "Ansvarlig enhet"
PERSON = "Ansvarlig person"
PARTNERS = "Samarbeidspartnere"
START = "Start"
DUE = "Frist"
STATUS = "Status"
PROGRESS = "Framdrift (%)"
WEIGHT = "Vekt"
PRIORITY = "Prioritet"
ANCHORED_BODY = "Forankret i"
ANCHORED_ON = "Møtedato"
ANCHORED_CASE = "Saksnummer"

PROGRESS_HELP = (
    "Hvor langt tiltaket er kommet, som helt tall fra 0 til 100. "
    "Tom: ikke rapportert (ikke det samme som 0)."
)
COLUMNS: Columns = (
    Column(KEY, 26, True, "Fast nøkkel som kjenner igjen tiltaket ved neste import."),
    Column(TITLE, 50, True, "Tiltakets tittel."),
    Column(DESCRIPTION, 50, False, "Hva tiltaket går ut på."),
    Column(KIND, 24, False, "Hva slags tiltak. Tom: tidsbestemt tiltak.", kind=CHOICE),
    Column(
        FOCUS_AREA, 14, False, "Nummeret på innsatsområdet tiltaket hører til: «3».", kind=NUMBER
    ),
    Column(STRATEGIES, 16, False, "Kodene til strategiene tiltaket følger opp: «2.3, 2.4»."),
    Column(UNIT, 26, False, "Enheten som har ansvaret."),
    Column(PERSON, 22, False, "Personen som har ansvaret."),
    Column(PARTNERS, 30, False, "Hvem kommunen samarbeider med om tiltaket."),
    Column(START, 12, False, "Når tiltaket starter: 11.01.2022.", kind=DATE),
    Column(DUE, 12, False, "Når tiltaket skal være ferdig; ikke før start.", kind=DATE),
    Column(STATUS, 12, False, "Hvor tiltaket står. Tom: planlagt.", kind=CHOICE),
    Column(PROGRESS, 12, False, PROGRESS_HELP, kind=NUMBER),
    Column(WEIGHT, 8, False, "Hvor mye tiltaket teller i samlet framdrift. Tom: 1.", kind=NUMBER),
    Column(PRIORITY, 10, False, "Plassen på prioriteringslisten: 1 eller høyere.", kind=NUMBER),
    Column(ANCHORED_BODY, 20, False, "Organet tiltaket er forankret i: «Formannskapet»."),
    Column(ANCHORED_ON, 12, False, "Datoen for møtet der tiltaket ble forankret.", kind=DATE),
    Column(ANCHORED_CASE, 14, False, "Saksnummeret: «45/22»."),
)
MAX_WEIGHT = Decimal("9999.99")  # the database keeps 6 digits, 2 of them after the comma
WEIGHT_PLACES = 2
MAX_PRIORITY = 32767


# Writing the workbook -----------------------------------------------------------------------

GUIDE_INTRO = (
    "Veiledning for tiltaksfilen",
    "Filen brukes til å hente ut og lese inn tiltakene i én handlingsperiode.",
    "Første rad på arket «Tiltak» er kolonneoverskriftene; ikke endre dem. Hver rad under er "
    "ett tiltak, som kjennes igjen på nøkkelen.",
    "Importen leser bare arket «Tiltak». Dette arket leses ikke inn.",
    "Er noe galt i filen, blir ingenting lagret, og du får en liste med ark, rad og kolonne "
    "for hver feil.",
    "Tiltak som ikke står i filen, blir stående; ingenting slettes av en import.",
    "En rad er hele tiltaket: en tom valgfri celle gir standardverdien.",
    "Skriv tall som tall, ikke som formler. Datoer skrives som datoer i Excel, eller som tekst: "
    "11.01.2022 eller 2022-01-11.",
)


def period_rows(period: ActionPeriod) -> list[list[Any]]:
    """The period's actions as rows in the order of COLUMNS (priority, then key)."""
    kinds, statuses = labels(Action.Kind.choices), labels(Action.Status.choices)
    actions = (
        Action.objects.filter(period=period)
        .select_related("focus_area")
        .prefetch_related(
            Prefetch(
                "strategies",
                queryset=Strategy.objects.order_by("focus_area__number", "position", "code", "pk"),
            )
        )
        .order_by(F("priority").asc(nulls_last=True), "key")
    )
    return [
        [
            action.key,
            action.title,
            action.description,
            kinds.get(action.kind, action.kind),
            action.focus_area.number if action.focus_area else None,
            ", ".join(strategy.code for strategy in action.strategies.all()),
            action.responsible_unit,
            action.responsible_person,
            action.partners,
            action.start_date,
            action.due_date,
            statuses.get(action.status, action.status),
            action.progress,
            cell_number(action.weight),
            action.priority,
            action.anchored_body,
            action.anchored_on,
            action.anchored_case,
        ]
        for action in actions
    ]


def workbook_bytes(period: ActionPeriod) -> bytes:
    """The period's actions as an .xlsx workbook (same actions, same bytes). Labels are
    written in bokmål whatever language is active, so files travel."""
    with translation.override("nb"):
        choices = {
            KIND: list(labels(Action.Kind.choices).values()),
            STATUS: list(labels(Action.Status.choices).values()),
        }
        sheet = Sheet(ACTIONS, COLUMNS, period_rows(period), choices)
        title = f"{period.plan.name}: tiltak {period.name}"
        return write_workbook([sheet], guide=GUIDE_INTRO, title=title)
