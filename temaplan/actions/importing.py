"""Importing the action workbook (format: see excel.py) into a period: all or nothing.

`action_workbook_import` reads every row of «Tiltak» and checks it in memory (keys, the plan's
focus areas and strategies, dates, ranges, the model's field rules), collecting every problem;
if there is any it raises ImportRejected and writes nothing. Otherwise it writes in bulk in one
transaction what the action services do one row at a time: new keys as `action_create` does
them, changed rows as `action_update` does (a new version, a history row, and an entry in the
status history when status or progress changed). A row equal to what is stored writes nothing,
so importing the same file twice changes nothing the second time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from temaplan.core.bulk import (
    concrete_field,
    history_user,
    links_of,
    links_replaced,
    rows_saved,
    values_inserted,
)
from temaplan.core.text_limits import PARAGRAPHS
from temaplan.core.workbook import (
    ImportSummary,
    RowReader,
    SheetRow,
    problems,
    read_workbook,
    shown,
)
from temaplan.core.workbook.summary import CREATED, UNCHANGED, UPDATED
from temaplan.core.workbook_labels import choices_with_nb_labels
from temaplan.plans.models import FocusArea, Strategy

from . import excel
from .excel import ACTIONS, COLUMNS, MAX_PRIORITY, MAX_WEIGHT, WEIGHT_PLACES
from .models import Action, ActionPeriod, ActionStatusChange

ImportRejected = problems.ImportRejected  # what callers catch

__all__ = ["ImportRejected", "ImportSummary", "action_workbook_import", "read_rows"]

UNKNOWN_STRATEGY = "planen har ikke strategi {codes}"
DUE_BEFORE_START = "fristen {due} er før start {start}"
CREATED_COMMENT = "Opprettet"  # what action_create writes in the status history
STATUS_FIELDS = (
    "municipality",
    "action",
    "status",
    "progress",
    "comment",
    "changed_at",
    "changed_by",
)


def read_rows(data: bytes) -> list[SheetRow]:
    """The non-empty data rows of «Tiltak», keyed by header, or ImportRejected for problems
    with the file, the sheet or its header row."""
    return read_workbook(data, {ACTIONS: COLUMNS})[ACTIONS]


class ActionRowReader(RowReader):
    """RowReader with the cells only actions have: weight, focus area, strategies."""

    def weight(self, column: str) -> Decimal:
        number = self.decimal(column, places=WEIGHT_PLACES)
        if number is None:
            return Decimal(1)
        if number < 0:
            self.error(column, problems.UNDER.format(value=shown(number), limit=0))
        elif number > MAX_WEIGHT:
            self.error(column, problems.OVER.format(value=shown(number), limit=shown(MAX_WEIGHT)))
        return number

    def focus_area(self, column: str, focus_areas: dict[int, FocusArea]) -> FocusArea | None:
        """The plan's focus area with the number in the cell; None when empty."""
        number = self.integer(column)
        if number is None:
            return None
        if number not in focus_areas:
            self.error(column, problems.UNKNOWN_FOCUS_AREA.format(numbers=number))
        return focus_areas.get(number)

    def strategies(self, column: str, strategies: dict[str, Strategy]) -> list[Strategy]:
        """The plan's strategies whose codes are listed in the cell: «2.3, 2.4» (or «;»)."""
        parts = re.split(r"[,;\s]+", self.text(column))
        codes = list(dict.fromkeys(part for part in parts if part))
        unknown = [code for code in codes if code.casefold() not in strategies]
        if unknown:
            self.error(column, UNKNOWN_STRATEGY.format(codes=", ".join(unknown)))
        return [strategies[code.casefold()] for code in codes if code.casefold() in strategies]


# Checking -----------------------------------------------------------------------------------


@dataclass
class ActionRow:
    number: int
    key: str
    fields: dict[str, Any]  # Action fields, focus_area as a FocusArea or None
    strategies: list[Strategy]


def _check(
    rows: list[SheetRow], period: ActionPeriod
) -> tuple[list[ActionRow], list[problems.CellProblem]]:
    """The rows as actions, and every problem found in them (in the order of the columns)."""
    errors: list[problems.CellProblem] = []
    focus_areas = {area.number: area for area in FocusArea.objects.filter(plan=period.plan_id)}
    strategies: dict[str, Strategy] = {}
    for strategy in Strategy.objects.filter(plan=period.plan_id).order_by("position", "pk"):
        strategies.setdefault(strategy.code.strip().casefold(), strategy)
    kinds = choices_with_nb_labels(Action.Kind.choices)
    statuses = choices_with_nb_labels(Action.Status.choices)
    checked: list[ActionRow] = []
    first_row: dict[str, int] = {}
    for row in rows:
        read = ActionRowReader(row, errors)
        key = read.key(excel.KEY)
        if key in first_row:
            read.error(excel.KEY, problems.DUPLICATE_KEY.format(key=key, first=first_row[key]))
        elif key:
            first_row[key] = row.number
        fields: dict[str, Any] = {
            "title": read.text(excel.TITLE, required=True, max_length=300),
            "description": read.text(excel.DESCRIPTION, max_length=PARAGRAPHS),
            "kind": read.choice(excel.KIND, kinds) or Action.Kind.TIME_BOUND,
            "focus_area": read.focus_area(excel.FOCUS_AREA, focus_areas),
        }
        chosen = read.strategies(excel.STRATEGIES, strategies)
        fields |= {
            "responsible_unit": read.text(excel.UNIT, max_length=200),
            "responsible_person": read.text(excel.PERSON, max_length=200),
            "partners": read.text(excel.PARTNERS, max_length=500),
            "start_date": read.date(excel.START),
            "due_date": read.date(excel.DUE),
            "status": read.choice(excel.STATUS, statuses) or Action.Status.PLANNED,
            "progress": read.whole_number(excel.PROGRESS, 0, 100),
            "weight": read.weight(excel.WEIGHT),
            "priority": read.whole_number(excel.PRIORITY, 1, MAX_PRIORITY),
            "anchored_body": read.text(excel.ANCHORED_BODY, max_length=100),
            "anchored_on": read.date(excel.ANCHORED_ON),
            "anchored_case": read.text(excel.ANCHORED_CASE, max_length=50),
        }
        start, due = fields["start_date"], fields["due_date"]
        if start and due and due < start:
            read.error(excel.DUE, DUE_BEFORE_START.format(due=shown(due), start=shown(start)))
        if key:
            checked.append(ActionRow(row.number, key, fields, chosen))
    return checked, errors


# Saving -------------------------------------------------------------------------------------


def _stored(action: Action, name: str) -> Any:
    return action.focus_area_id if name == "focus_area" else getattr(action, name)


def _wanted(name: str, value: Any) -> Any:
    return value.pk if name == "focus_area" and value is not None else value


class _Saving:
    """The rows to insert and update, their strategies and status-history entries. The reader
    has checked every field rule of Action (lengths, choices, ranges, decimals, dates), so the
    rows are not cleaned again: at 20 000 rows that would cost a tenth of the import."""

    def __init__(self, period: ActionPeriod, user):
        self.period, self.user = period, history_user(user)
        self.existing = {
            action.key: action
            for action in Action.objects.select_for_update().filter(period=period)
        }
        self.links = links_of(Action.strategies, [a.pk for a in self.existing.values()])
        self.created: list[Action] = []
        self.updated: list[Action] = []
        self.fields: set[str] = set()
        self.strategies: list[tuple[Action, list[Strategy]]] = []
        self.logged: list[tuple[Action, str]] = []

    def add(self, row: ActionRow) -> str:
        action = self.existing.get(row.key)
        if action is None:
            action = Action(
                municipality_id=self.period.municipality_id,
                period=self.period,
                key=row.key,
                **row.fields,
            )
            self.created.append(action)
            self.strategies.append((action, row.strategies))
            self.logged.append((action, CREATED_COMMENT))
            return CREATED
        changes = {
            name: value
            for name, value in row.fields.items()
            if _stored(action, name) != _wanted(name, value)
        }
        strategies_changed = self.links.get(action.pk, set()) != {s.pk for s in row.strategies}
        if not changes and not strategies_changed:
            return UNCHANGED
        before = (action.status, action.progress)
        for name, value in changes.items():
            setattr(action, name, value)
        action.version += 1
        self.updated.append(action)
        self.fields.update(changes)
        if strategies_changed:
            self.strategies.append((action, row.strategies))
        if (action.status, action.progress) != before:
            self.logged.append((action, ""))
        return UPDATED

    def save(self) -> None:
        rows_saved(
            created=self.created,
            updated=self.updated,
            fields=self.fields,
            pks=Action.objects.filter(period=self.period),
            user=self.user,
        )
        links_replaced(Action.strategies, self.strategies)
        now, who = timezone.now(), self.user.pk if self.user else None
        values_inserted(
            ActionStatusChange,
            [concrete_field(ActionStatusChange, name) for name in STATUS_FIELDS],
            [
                (a.municipality_id, a.pk, a.status, a.progress, comment, now, who)
                for a, comment in self.logged
            ],
        )


def action_workbook_import(*, period: ActionPeriod, data: bytes, user=None) -> ImportSummary:
    """Apply an uploaded workbook to the period's actions, or raise ImportRejected with every
    problem (sheet, row, column, Norwegian message) and change nothing."""
    rows = read_rows(data)
    with transaction.atomic():
        saving = _Saving(period, user)
        checked, errors = _check(rows, period)
        if errors:
            raise ImportRejected(errors)
        summary = ImportSummary.of(ACTIONS)
        for row in checked:
            summary.sheets[ACTIONS].add(saving.add(row))
        saving.save()
    return summary
