"""Importing the action plan's workbook (format: see plan_excel.py) into a plan: all or nothing.

`plan_workbook_import` reads the four sheets and checks every row in memory (dates in order,
amounts not negative, known budget kinds, the actions and agreements a row names, one row per
natural key), collecting every problem; if there is any it raises ImportRejected and writes
nothing. Otherwise plan_import_saving.py writes the rows in the same transaction: a row equal
to what is stored writes nothing, so importing the file just exported changes nothing.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from django.db import transaction

from temaplan.core.text_limits import PARAGRAPHS
from temaplan.core.workbook import (
    EMPTY,
    FORMULA,
    FORMULA_TEXT,
    OVER,
    UNDER,
    CellProblem,
    ImportRejected,
    ImportSummary,
    RowReader,
    SheetRow,
    read_workbook,
    shown,
)
from temaplan.core.workbook_labels import choices_with_nb_labels, labels
from temaplan.plans.models import Plan

from . import plan_excel as excel
from .models import Action, BudgetFrame
from .plan_import_saving import CheckedRow, Stored, rows_saved

__all__ = ["ImportRejected", "ImportSummary", "plan_workbook_import"]

FIRST_YEAR, LAST_YEAR = 2000, 2100
MONEY_PLACES = 2
MAX_FTE = Decimal("9999.99")
# Short forms of the budget kinds, as people say them.
KIND_ALIASES = {"vedtatt": BudgetFrame.Kind.DECIDED, "forslag": BudgetFrame.Kind.PROPOSED}

# Messages: they follow «Ark …, rad …, kolonne …:» (see CellProblem).
END_BEFORE_START = "til-datoen {end} er før fra-datoen {start}"
DUPLICATE_ROW = "{what} står også på rad {first}"
DUPLICATE_ALLOCATION = (
    "samme år, tiltak, avtale og post står også på rad {first}; slå radene sammen eller gi "
    "dem hver sin post"
)
UNKNOWN_PERIOD = "handlingsplanen har ikke perioden «{name}»"
UNKNOWN_ACTION = "handlingsplanen har ikke tiltak {keys}"
UNKNOWN_ACTION_IN_PERIOD = "perioden «{period}» har ikke tiltak «{key}»"
AMBIGUOUS_ACTION = "tiltaket «{key}» finnes i flere perioder ({periods}); fyll ut «Periode»"
AMBIGUOUS_ACTION_KEY = (
    "tiltaket «{key}» finnes i flere perioder ({periods}); skriv perioden i parentes: "
    "«{key} ({period})»"
)
BAD_ACTION_REFERENCE = (
    "«{text}» er ikke en tiltaksnøkkel; skriv for eksempel «a01-campus» eller "
    "«a01-campus (2022/23)»"
)
UNKNOWN_AGREEMENT = "handlingsplanen har ingen avtale med «{partner}»"
UNKNOWN_AGREEMENT_FROM = "handlingsplanen har ingen avtale med «{partner}» fra {start}"
AMBIGUOUS_AGREEMENT = "det er flere avtaler med «{partner}» (fra {starts}); fyll ut «Avtale fra»"
NO_TARGET = "fyll ut «Tiltak», «Partner» eller «Post»: hva pengene går til"
BOTH_TARGETS = "en tildeling går til et tiltak eller til en avtale, ikke til begge"
ONLY_WITH = "fylles bare ut sammen med «{other}»"

_REFERENCE = re.compile(r"^([-a-zA-Z0-9_]+)(?:\s*\((.+)\))?$")
_REFERENCES = re.compile(r"(?:[^,;\n(]|\([^)]*\)?)+")  # split at , ; and line breaks


class PlanRowReader(RowReader):
    """RowReader with the cells of the action plan's sheets: years, kroner, budget kinds."""

    def filled(self, column: str, formula: str = FORMULA_TEXT) -> bool:
        """Whether a required cell holds a value (a message when it does not)."""
        return self.cell(column, required=True, formula=formula) is not None

    def required_date(self, column: str) -> date | None:
        return self.date(column) if self.filled(column) else None

    def year(self, column: str) -> int | None:
        if not self.filled(column, FORMULA):
            return None
        return self.whole_number(column, FIRST_YEAR, LAST_YEAR)

    def amount(
        self, column: str, *, required: bool = False, limit: Decimal | None = None
    ) -> Decimal | None:
        """Kroner (or FTE) with at most two decimals, never negative; 0 when empty and
        optional."""
        if required and not self.filled(column, FORMULA):
            return None
        number = self.decimal(column, places=MONEY_PLACES)
        if number is None:
            return None if required else Decimal(0)
        if number < 0:
            self.error(column, UNDER.format(value=shown(number), limit=0))
        elif limit is not None and number > limit:
            self.error(column, OVER.format(value=shown(number), limit=shown(limit)))
        return number

    def frame_kind(self, column: str) -> str:
        value = self.row.cells.get(column, EMPTY).value
        if isinstance(value, str) and (alias := KIND_ALIASES.get(" ".join(value.split()).lower())):
            return alias
        return self.choice(column, choices_with_nb_labels(BudgetFrame.Kind.choices), required=True)

    def dates_in_order(self, start: date | None, end: date | None, column: str) -> None:
        if start and end and end < start:
            self.error(column, END_BEFORE_START.format(end=shown(end), start=shown(start)))


class _Actions:
    """The plan's actions by key (a key may be in more than one period)."""

    def __init__(self, plan: Plan):
        self.by_key: dict[str, list[Action]] = {}
        actions = Action.objects.filter(period__plan=plan).select_related("period")
        for action in actions.order_by("period__first_date", "key"):
            self.by_key.setdefault(action.key, []).append(action)

    def find(self, key: str, period: str, ambiguous: str) -> tuple[Action | None, str]:
        """The action with the key (in the named period, if any), or None and why not."""
        found = self.by_key.get(key, [])
        if period:
            found = [action for action in found if action.period.name == period]
            if not found:
                return None, UNKNOWN_ACTION_IN_PERIOD.format(period=period, key=key)
        if not found:
            return None, UNKNOWN_ACTION.format(keys=f"«{key}»")
        if len(found) > 1:
            names = ", ".join(action.period.name for action in found)
            return None, ambiguous.format(key=key, periods=names, period=found[0].period.name)
        return found[0], ""


class _Checker:
    """Reads and checks the rows of each sheet, collecting every problem in `errors`."""

    def __init__(self, plan: Plan, stored: Stored):
        self.errors: list[CellProblem] = []
        self.actions = _Actions(plan)
        self.periods = set(stored.periods)
        self.agreements: set[tuple[str, date]] = set(stored.agreements)

    def _once(self, read: PlanRowReader, seen: dict, key: tuple, column: str | None, what: str):
        """Whether the key is new in the sheet; a message on the row where it comes again."""
        if key not in seen:
            seen[key] = read.row.number
            return True
        row = read.row
        if column is None:
            message = DUPLICATE_ALLOCATION.format(first=seen[key])
            self.errors.append(CellProblem(row.sheet, row.number, None, message))
        else:
            read.error(column, DUPLICATE_ROW.format(what=what, first=seen[key]))
        return False

    def periods_read(self, rows: list[SheetRow]) -> list[CheckedRow]:
        checked: list[CheckedRow] = []
        seen: dict[tuple, int] = {}
        for row in rows:
            read = PlanRowReader(row, self.errors)
            name = read.text(excel.NAME, required=True, max_length=50)
            first, last = read.required_date(excel.FIRST), read.required_date(excel.LAST)
            read.dates_in_order(first, last, excel.LAST)
            if name and self._once(read, seen, (name,), excel.NAME, f"perioden «{name}»"):
                self.periods.add(name)
                fields = {"first_date": first, "last_date": last}
                checked.append(CheckedRow(row.number, (name,), fields))
        return checked

    def frames_read(self, rows: list[SheetRow]) -> list[CheckedRow]:
        kinds = labels(BudgetFrame.Kind.choices)
        checked: list[CheckedRow] = []
        seen: dict[tuple, int] = {}
        for row in rows:
            read = PlanRowReader(row, self.errors)
            year, kind = read.year(excel.YEAR), read.frame_kind(excel.KIND)
            fields = {
                "amount": read.amount(excel.FRAME, required=True),
                "fte": read.amount(excel.FTE, limit=MAX_FTE),
                "fte_cost": read.amount(excel.FTE_COST),
                "decision_reference": read.text(excel.REFERENCE, max_length=200),
            }
            what = f"rammen for {year} ({kinds.get(kind)})"
            if year and kind and self._once(read, seen, (year, kind), excel.KIND, what):
                checked.append(CheckedRow(row.number, (year, kind), fields))
        return checked

    def _linked_actions(self, read: PlanRowReader, column: str) -> list[Action]:
        """The actions named in the cell, «a01, a02 (2022/23)»; a message per unknown one."""
        found: dict[int, Action] = {}
        unknown: list[str] = []
        for part in _REFERENCES.findall(read.text(column)):
            if not (text := part.strip()):
                continue
            if not (match := _REFERENCE.match(text)):
                read.error(column, BAD_ACTION_REFERENCE.format(text=shown(text)))
                continue
            key, period = match.group(1), (match.group(2) or "").strip()
            if period and period not in self.periods:
                read.error(column, UNKNOWN_PERIOD.format(name=period))
                continue
            if not period and key not in self.actions.by_key:
                unknown.append(f"«{key}»")  # named together, in one message
                continue
            action, problem = self.actions.find(key, period, AMBIGUOUS_ACTION_KEY)
            if action is None:
                read.error(column, problem)
            else:
                found.setdefault(action.pk, action)
        if unknown:
            read.error(column, UNKNOWN_ACTION.format(keys=", ".join(unknown)))
        return list(found.values())

    def agreements_read(self, rows: list[SheetRow]) -> list[CheckedRow]:
        checked: list[CheckedRow] = []
        seen: dict[tuple, int] = {}
        for row in rows:
            read = PlanRowReader(row, self.errors)
            partner = read.text(excel.PARTNER, required=True, max_length=200)
            start, end = read.required_date(excel.START), read.required_date(excel.END)
            read.dates_in_order(start, end, excel.END)
            fields = {
                "end_date": end,
                "purpose": read.text(excel.PURPOSE, required=True, max_length=PARAGRAPHS),
                "yearly_amount": read.amount(excel.YEARLY),
                "co_funding": read.amount(excel.CO_FUNDING),
                "deliverables": read.text(excel.DELIVERABLES, max_length=PARAGRAPHS),
            }
            if excel.CONTACT in row.cells:  # an older file without the column keeps them
                fields["contact"] = read.text(excel.CONTACT, max_length=200)
            actions = self._linked_actions(read, excel.ACTIONS)
            what = f"avtalen med «{partner}» fra {shown(start)}"
            if partner and start and self._once(read, seen, (partner, start), excel.START, what):
                self.agreements.add((partner, start))
                checked.append(CheckedRow(row.number, (partner, start), fields, actions))
        return checked

    def _agreement(self, read: PlanRowReader, partner: str, start: date | None):
        """The natural key of the agreement a row names: from this file or the plan."""
        if start:
            if (partner, start) in self.agreements:
                return partner, start
            message = UNKNOWN_AGREEMENT_FROM.format(partner=partner, start=shown(start))
            read.error(excel.PARTNER, message)
            return None
        starts = sorted(s for p, s in self.agreements if p == partner)
        if len(starts) == 1:
            return partner, starts[0]
        if starts:
            listed = ", ".join(shown(s) for s in starts)
            read.error(excel.PARTNER, AMBIGUOUS_AGREEMENT.format(partner=partner, starts=listed))
        else:
            read.error(excel.PARTNER, UNKNOWN_AGREEMENT.format(partner=partner))
        return None

    def _action(self, read: PlanRowReader, key: str, period: str) -> Action | None:
        if period and period not in self.periods:
            read.error(excel.PERIOD, UNKNOWN_PERIOD.format(name=period))
            return None
        action, problem = self.actions.find(key, period, AMBIGUOUS_ACTION)
        if problem:
            read.error(excel.ACTION, problem)
        return action

    def allocations_read(self, rows: list[SheetRow]) -> list[CheckedRow]:
        checked: list[CheckedRow] = []
        seen: dict[tuple, int] = {}
        for row in rows:
            read = PlanRowReader(row, self.errors)
            year = read.year(excel.YEAR)
            period, key = read.text(excel.PERIOD), read.text(excel.ACTION)
            partner = read.text(excel.PARTNER, max_length=200)
            start = read.date(excel.AGREEMENT_START)
            label = read.text(excel.LABEL, max_length=200)
            fields = {
                "amount": read.amount(excel.ALLOCATED, required=True),
                "spent": read.amount(excel.SPENT),
            }
            action, agreement = None, None
            if period and not key:
                read.error(excel.PERIOD, ONLY_WITH.format(other=excel.ACTION))
            if start and not partner:
                read.error(excel.AGREEMENT_START, ONLY_WITH.format(other=excel.PARTNER))
            if key and partner:
                read.error(excel.PARTNER, BOTH_TARGETS)
            elif key:
                action = self._action(read, key, period)
            elif partner:
                agreement = self._agreement(read, partner, start)
            targets = (excel.PERIOD, excel.ACTION, excel.PARTNER, excel.AGREEMENT_START)
            if not (key or partner or label) and read.ok(*targets, excel.LABEL):
                self.errors.append(CellProblem(row.sheet, row.number, None, NO_TARGET))
            if year is None or not read.ok(*targets):
                continue
            target = (year, action, agreement, label)
            if self._once(
                read, seen, (year, action.pk if action else None, agreement, label), None, ""
            ):
                checked.append(CheckedRow(row.number, target, fields))
        return checked


def plan_workbook_import(*, plan: Plan, data: bytes, user=None) -> ImportSummary:
    """Apply an uploaded workbook to the plan's periods, budget and partner agreements, or
    raise ImportRejected with every problem (sheet, row, column, Norwegian message) and change
    nothing."""
    sheets = read_workbook(data, excel.COLUMNS)
    with transaction.atomic():
        stored = Stored.of(plan)
        checker = _Checker(plan, stored)
        checked = {
            excel.PERIODS: checker.periods_read(sheets[excel.PERIODS]),
            excel.BUDGET: checker.frames_read(sheets[excel.BUDGET]),
            excel.AGREEMENTS: checker.agreements_read(sheets[excel.AGREEMENTS]),
            excel.ALLOCATIONS: checker.allocations_read(sheets[excel.ALLOCATIONS]),
        }
        if checker.errors:
            order = {sheet: index for index, sheet in enumerate(excel.SHEETS)}
            raise ImportRejected(sorted(checker.errors, key=lambda e: order.get(e.sheet or "", 0)))
        return rows_saved(plan=plan, stored=stored, checked=checked, user=user)
