"""The action plan's workbook (.xlsx): a plan's periods, budget and partner agreements, out and
in. (The actions themselves are in each period's workbook, excel.py.)

Four data sheets; header = row 1, the order of the columns does not matter, extra columns are
ignored. Each row is found again by its natural key (in brackets):
    Perioder     [Navn*], Fra*, Til*
    Budsjett     [År*, Type*] (vedtatt ramme / forslag i økonomiplan), Ramme (kr)*, Årsverk,
                 Kostnad for årsverkene (kr), Vedtak / kilde
    Tildelinger  [År*, and what the money goes to: Periode + Tiltak (an action), Partner +
                 Avtale fra (an agreement, from this file or the plan), Post (a label)],
                 Tildelt (kr)*, Brukt hittil (kr)
    Partnerskap  [Partner*, Fra*], Til*, Formål*, Årlig beløp (kr), Medfinansiering (kr),
                 Leveranser, Tiltak (action keys separated by commas; «a01 (2022/23)» names the
                 period of a key that is in more than one), Kontaktperson (may be absent: a
                 file without it leaves the contacts as they are)
«Veiledning» explains the columns; it is write-protected and ignored on import.

(* = required.) A row is the whole record: an empty optional cell sets the field to its
default. Rows missing from the file are left as they are; nothing is deleted. A changed key
(a period's name, an agreement's partner or start) is a new record beside the old one.

Cells are read and written as every workbook does (temaplan.core.workbook). This module
declares the sheets and writes a plan's workbook with `workbook_bytes(plan)`; reading, checking
and saving is plan_importing.py's work.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

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
from temaplan.plans.models import Plan

from .models import Action, ActionPeriod, BudgetAllocation, BudgetFrame, PartnerAgreement

__all__ = ["COLUMNS", "SHEETS", "action_references", "plan_sheets", "workbook_bytes"]

# The sheets and their columns ---------------------------------------------------------------

PERIODS, BUDGET, ALLOCATIONS, AGREEMENTS = "Perioder", "Budsjett", "Tildelinger", "Partnerskap"
SHEETS = (PERIODS, BUDGET, ALLOCATIONS, AGREEMENTS)

NAME, FIRST, LAST = "Navn", "Fra", "Til"
YEAR, KIND, FRAME = "År", "Type", "Ramme (kr)"
FTE, FTE_COST, REFERENCE = "Årsverk", "Kostnad for årsverkene (kr)", "Vedtak / kilde"
PARTNER, PURPOSE, START, END = "Partner", "Formål", "Fra", "Til"
YEARLY, CO_FUNDING = "Årlig beløp (kr)", "Medfinansiering (kr)"
DELIVERABLES, ACTIONS, CONTACT = "Leveranser", "Tiltak", "Kontaktperson"
PERIOD, ACTION, AGREEMENT_START, LABEL = "Periode", "Tiltak", "Avtale fra", "Post"
ALLOCATED, SPENT = "Tildelt (kr)", "Brukt hittil (kr)"

ACTION_KEYS_HELP = (
    "Nøklene til tiltakene avtalen gjelder, skilt med komma: «a01-campus, a07-grundere». "
    "Finnes en nøkkel i flere perioder, skriv perioden i parentes: «a01-campus (2022/23)»."
)
COLUMNS: dict[str, Columns] = {
    PERIODS: (
        Column(NAME, 20, True, "Periodens navn, for eksempel «2022/23». Kjenner igjen perioden."),
        Column(FIRST, 12, True, "Første dag i perioden: 01.01.2022.", kind=DATE),
        Column(LAST, 12, True, "Siste dag i perioden; ikke før første dag.", kind=DATE),
    ),
    BUDGET: (
        Column(YEAR, 8, True, "Budsjettåret: «2023».", kind=NUMBER),
        Column(
            KIND,
            22,
            True,
            "Vedtatt ramme (kommunestyrets vedtak) eller forslag i økonomiplan; «vedtatt» og "
            "«forslag» går også. År og type kjenner igjen rammen.",
            kind=CHOICE,
        ),
        Column(FRAME, 16, True, "Hele rammen i kroner, årsverkene medregnet.", kind=NUMBER),
        Column(FTE, 10, False, "Antall årsverk i rammen. Tom: 0.", kind=NUMBER),
        Column(FTE_COST, 16, False, "Hva årsverkene koster, i kroner. Tom: 0.", kind=NUMBER),
        Column(REFERENCE, 40, False, "Vedtaket eller kilden: «Kommunestyrevedtak 2022»."),
    ),
    ALLOCATIONS: (
        Column(YEAR, 8, True, "Året pengene er satt av til.", kind=NUMBER),
        Column(
            PERIOD,
            12,
            False,
            "Handlingsperioden tiltaket hører til. Kan stå tom når "
            "nøkkelen bare finnes i én periode.",
        ),
        Column(ACTION, 26, False, "Nøkkelen til tiltaket pengene går til."),
        Column(
            PARTNER, 36, False, "Partneren til avtalen pengene går til (ikke sammen med tiltak)."
        ),
        Column(
            AGREEMENT_START,
            12,
            False,
            "Fra-datoen til avtalen; trengs bare når det er flere avtaler med samme partner.",
            kind=DATE,
        ),
        Column(
            LABEL,
            30,
            False,
            "Navn på en post som ikke er et tiltak eller en avtale: "
            "«Lønn 2 årsverk». Fyll ut tiltak, partner eller post.",
        ),
        Column(ALLOCATED, 16, True, "Beløpet som er satt av, i kroner.", kind=NUMBER),
        Column(SPENT, 16, False, "Brukt hittil, i kroner. Tom: 0.", kind=NUMBER),
    ),
    AGREEMENTS: (
        Column(
            PARTNER,
            36,
            True,
            "Partneren avtalen er med. Partner og fra-dato kjenner igjen avtalen.",
        ),
        Column(START, 12, True, "Første dag avtalen gjelder.", kind=DATE),
        Column(END, 12, True, "Siste dag avtalen gjelder; ikke før første dag.", kind=DATE),
        Column(PURPOSE, 50, True, "Hva avtalen skal oppnå."),
        Column(YEARLY, 16, False, "Kommunens årlige beløp i kroner. Tom: 0.", kind=NUMBER),
        Column(CO_FUNDING, 16, False, "Partnerens medfinansiering i kroner. Tom: 0.", kind=NUMBER),
        Column(DELIVERABLES, 50, False, "Hva partneren leverer."),
        Column(ACTIONS, 36, False, ACTION_KEYS_HELP),
        Column(
            CONTACT,
            30,
            False,
            "Kontaktpersonen hos partneren, for eksempel navn og rolle. Uten kolonnen "
            "beholdes kontaktpersonene.",
            may_be_absent=True,
        ),
    ),
}


# Writing the workbook -----------------------------------------------------------------------

GUIDE_INTRO = (
    "Veiledning for handlingsplanens Excel-fil",
    "Filen brukes til å hente ut og lese inn handlingsplanens perioder, budsjettrammer, "
    "tildelinger og partnerskapsavtaler. Tiltakene har en egen fil per periode.",
    "Første rad på hvert ark er kolonneoverskriftene; ikke endre dem. Hver rad under kjennes "
    "igjen ved neste import: en periode på navnet, en budsjettramme på år og type, en avtale på "
    "partner og fra-dato, og en tildeling på år og hva pengene går til (tiltak, avtale eller "
    "post). Endrer du noe av dette, blir raden en ny, og den gamle blir stående.",
    "Importen leser arkene «Perioder», «Budsjett», «Tildelinger» og «Partnerskap». Dette arket "
    "leses ikke inn.",
    "Er noe galt i filen, blir ingenting lagret, og du får en liste med ark, rad og kolonne "
    "for hver feil.",
    "Rader som ikke står i filen, blir stående; ingenting slettes av en import.",
    "En rad er hele raden: en tom valgfri celle gir standardverdien.",
    "Skriv tall som tall, ikke som formler. Beløp kan ikke være negative. Datoer skrives som "
    "datoer i Excel, eller som tekst: 11.01.2022 eller 2022-01-11.",
)


def action_references(actions: Iterable[Action]) -> dict[int, str]:
    """Action pk → how a cell names it: its key, with its period «a01 (2022/23)» when the key
    is in more than one of the plan's periods."""
    actions = list(actions)
    counts = Counter(action.key for action in actions)
    return {
        action.pk: action.key if counts[action.key] == 1 else f"{action.key} ({action.period})"
        for action in actions
    }


def _agreement_row(agreement: PartnerAgreement, names: dict[int, str]) -> list[Any]:
    linked = sorted(agreement.actions.all(), key=lambda a: (a.period.first_date, a.key))
    return [
        agreement.partner,
        agreement.start_date,
        agreement.end_date,
        agreement.purpose,
        cell_number(agreement.yearly_amount),
        cell_number(agreement.co_funding),
        agreement.deliverables,
        ", ".join(names[action.pk] for action in linked),
        agreement.contact,
    ]


def _allocation_row(allocation: BudgetAllocation) -> list[Any]:
    action, agreement = allocation.action, allocation.agreement
    return [
        allocation.year,
        action.period.name if action else None,
        action.key if action else None,
        agreement.partner if agreement else None,
        agreement.start_date if agreement else None,
        allocation.label,
        cell_number(allocation.amount),
        cell_number(allocation.spent),
    ]


def _allocation_order(allocation: BudgetAllocation) -> tuple:
    action, agreement = allocation.action, allocation.agreement
    return (
        allocation.year,
        (action.period.first_date, action.key) if action else (),
        (agreement.partner, agreement.start_date) if agreement else (),
        allocation.label,
        allocation.pk,
    )


def plan_sheets(plan: Plan) -> list[Sheet]:
    """The four data sheets of the plan, rows in a fixed order (so the same plan gives the
    same bytes)."""
    kinds = labels(BudgetFrame.Kind.choices)
    periods = ActionPeriod.objects.filter(plan=plan).order_by("first_date", "name")
    frames = BudgetFrame.objects.filter(plan=plan).order_by("year", "kind")
    agreements = (
        PartnerAgreement.objects.filter(plan=plan)
        .prefetch_related("actions__period")
        .order_by("partner", "start_date", "pk")
    )
    allocations = BudgetAllocation.objects.filter(plan=plan).select_related(
        "action__period", "agreement"
    )
    names = action_references(Action.objects.filter(period__plan=plan).select_related("period"))
    return [
        Sheet(PERIODS, COLUMNS[PERIODS], [[p.name, p.first_date, p.last_date] for p in periods]),
        Sheet(
            BUDGET,
            COLUMNS[BUDGET],
            [
                [
                    frame.year,
                    kinds.get(frame.kind, frame.kind),
                    cell_number(frame.amount),
                    cell_number(frame.fte),
                    cell_number(frame.fte_cost),
                    frame.decision_reference,
                ]
                for frame in frames
            ],
            {KIND: list(kinds.values())},
        ),
        Sheet(
            ALLOCATIONS,
            COLUMNS[ALLOCATIONS],
            [_allocation_row(a) for a in sorted(allocations, key=_allocation_order)],
        ),
        Sheet(AGREEMENTS, COLUMNS[AGREEMENTS], [_agreement_row(a, names) for a in agreements]),
    ]


def workbook_bytes(plan: Plan) -> bytes:
    """The plan's periods, budget and agreements as an .xlsx workbook. Labels are written in
    bokmål whatever language is active, so files travel."""
    with translation.override("nb"):
        return write_workbook(
            plan_sheets(plan), guide=GUIDE_INTRO, title=f"{plan.name}: handlingsplan"
        )
