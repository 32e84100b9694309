"""Importing the indicator workbook (format: see excel.py) into a plan: all or nothing.

`indicator_workbook_import` reads every row, checks it against the plan (keys, years, units,
focus areas) and the models' field rules in memory, and collects every problem. If there is
any, it raises `ImportRejected` and nothing is written. Otherwise it writes in bulk in one
transaction (import_saving.py): indicators created or updated by key, ambitions, results (a
changed value keeps the old one as a revision, as `services.observation_record` does), each
changed row with a new version and, where the model keeps history, a history row. A row equal
to what is stored writes nothing, so importing the same file twice changes nothing the second
time (no new versions, revisions or history rows).
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from django.db import transaction

from temaplan.core.text_limits import PARAGRAPHS, SENTENCES
from temaplan.core.workbook import (
    DUPLICATE_KEY,
    UNKNOWN_FOCUS_AREA,
    CellProblem,
    ImportRejected,
    ImportSummary,
    RowReader,
    SheetRow,
    read_workbook,
    shown,
)
from temaplan.core.workbook_labels import choices_with_nb_labels
from temaplan.plans.models import FocusArea, Plan
from temaplan.statistics.formulas import FORMULAS

from . import excel
from .import_saving import DefinitionRow, Stored, TargetRow, ValueRow, rows_saved
from .models import (
    COMPARATOR_CHOICES,
    DIRECTION_CHOICES,
    UNIT_CHOICES,
    Indicator,
    Influence,
    KommuneNm,
    Source,
)
from .status import Comparator, Direction, TargetRule, Unit
from .validation import value_problem, year_problem

__all__ = ["ImportRejected", "ImportSummary", "indicator_workbook_import"]

UNKNOWN_KEY = "nøkkelen «{key}» finnes verken i planen eller på arket «Indikatorer»"
DUPLICATE_YEAR = "«{key}» for {year} står også på rad {first}"
OFFSET_RANGE = "må være et helt tall fra −10 til 10"
TOLERANCE_NEGATIVE = "toleransen kan ikke være negativ"
GOAL_VALUE_WITHOUT_COMPARATOR = "målet har en verdi, men «Mål: sammenligning» er tom"
GOAL_BETWEEN = (
    "«mellom» kan ikke brukes i det langsiktige målet, som ikke har noen øvre grense; "
    "bruk en ambisjon for hvert år"
)
HIGH_ONLY_FOR_BETWEEN = "øvre grense brukes bare med sammenligningen «mellom»"
UNIT_DOES_NOT_FIT = "enheten passer ikke til resultatet for {year} som er lagret: {problem}"
DENOMINATOR_WITHOUT_FORMULA = (
    "en nevner kan bare gis når formelen er «Andel sysselsatte bosatte som jobber i egen kommune»"
)

MAX_OFFSET = 10


_SMALL_NUMBER = re.compile(r"^[0-9]{1,5}$")


class IndicatorRowReader(RowReader):
    """RowReader with the cells only indicators have: decimals as the database keeps them, and
    lists of focus-area numbers."""

    def decimal(self, column: str, *, places: int = excel.DECIMAL_PLACES, required=False):
        return super().decimal(column, places=places, required=required)

    def numbers(self, column: str) -> list[int]:
        """A comma-separated list of whole numbers («1, 8»), or a single number."""
        cell = self.cell(column, required=False)
        if cell is None:
            return []
        value = cell.value
        if isinstance(value, int) and not isinstance(value, bool) and 0 < value < 100_000:
            return [value]
        if isinstance(value, float) and value.is_integer() and 0 < value < 100_000:
            return [int(value)]
        parts = [part for part in re.split(r"[,;\s]+", str(value)) if part]
        if isinstance(value, str) and parts and all(_SMALL_NUMBER.match(p) for p in parts):
            return sorted({int(part) for part in parts})
        self.error(column, excel.BAD_NUMBER_LIST.format(text=shown(value)))
        return []


def _checked_rule(
    read: IndicatorRowReader,
    comparator: str,
    value,
    high,
    unit,
    value_column: str,
    high_column: str,
) -> None:
    """Report a rule that lacks the numbers its comparator needs, or has numbers the unit
    cannot have."""
    problem = TargetRule(Comparator(comparator), value, high).problem
    if problem:
        needs_high = high is None and comparator == Comparator.BETWEEN and value is not None
        read.error(high_column if needs_high else value_column, problem)
    if unit is not None:
        for column, number in ((value_column, value), (high_column, high)):
            if number is not None and (problem := value_problem(number, unit)):
                read.error(column, problem)


class _Checker:
    """Turns sheet rows into checked rows, collecting every problem in `errors`."""

    def __init__(self, plan: Plan, existing: dict[str, Indicator]):
        self.plan = plan
        self.existing = existing
        self.errors: list[CellProblem] = []
        self.focus_areas = {area.number: area for area in FocusArea.objects.filter(plan=plan)}
        self.units = choices_with_nb_labels(UNIT_CHOICES)
        self.directions = choices_with_nb_labels(DIRECTION_CHOICES)
        self.sources = choices_with_nb_labels(Source.choices)
        self.influences = choices_with_nb_labels(Influence.choices)
        self.comparators = choices_with_nb_labels(COMPARATOR_CHOICES)
        self.formulas = [(key, formula.name) for key, formula in FORMULAS.items()]
        self.fed = [(value, str(label)) for value, label in KommuneNm.choices if value]
        self.denominators = [
            (value, choice.label) for value, choice in excel.DENOMINATOR_SETTING.choices.items()
        ]
        # key → unit for the rows below: the file's definition wins over the stored one
        self.file_units: dict[str, Unit | None] = {}

    def definitions(self, rows: list[SheetRow]) -> list[DefinitionRow]:
        checked: list[DefinitionRow] = []
        first_row: dict[Any, int] = {}
        for row in rows:
            read = IndicatorRowReader(row, self.errors)
            key = read.key(excel.KEY)
            if key in first_row:
                read.error(excel.KEY, DUPLICATE_KEY.format(key=key, first=first_row[key]))
            elif key:
                first_row[key] = row.number
            unit = read.choice(excel.UNIT, self.units, required=True)
            fields = {
                "name": read.text(excel.NAME, required=True, max_length=300),
                "description": read.text(excel.DESCRIPTION, max_length=PARAGRAPHS),
                "unit": unit,
                "direction": read.choice(excel.DIRECTION, self.directions) or Direction.HIGHER,
                "source": read.choice(excel.SOURCE, self.sources, required=True),
                "influence": read.choice(excel.INFLUENCE, self.influences) or Influence.MEDIUM,
                "report_year_offset": read.integer(excel.OFFSET) or 0,
                "tolerance": read.decimal(excel.TOLERANCE),
                "goal_text": read.text(excel.GOAL_TEXT, max_length=200),
                "goal_comparator": read.choice(excel.GOAL_COMPARATOR, self.comparators),
                "goal_value": read.decimal(excel.GOAL_VALUE),
                "footnote": read.text(excel.FOOTNOTE, max_length=SENTENCES),
            }
            fields.update(self._calculation(read))
            if excel.KOMMUNE_NM in read.row.cells:
                fields["kommune_nm"] = read.choice(excel.KOMMUNE_NM, self.fed)
            numbers = read.numbers(excel.FOCUS_AREAS)
            unknown = [n for n in numbers if n not in self.focus_areas]
            if unknown:
                read.error(
                    excel.FOCUS_AREAS,
                    UNKNOWN_FOCUS_AREA.format(numbers=", ".join(map(str, unknown))),
                )
            if abs(fields["report_year_offset"]) > MAX_OFFSET:
                read.error(excel.OFFSET, OFFSET_RANGE)
            if fields["tolerance"] is None:
                fields["tolerance"] = Decimal(0)
            elif fields["tolerance"] < 0:
                read.error(excel.TOLERANCE, TOLERANCE_NEGATIVE)
            known_unit = Unit(unit) if unit else None
            if fields["goal_comparator"] == Comparator.BETWEEN:
                read.error(excel.GOAL_COMPARATOR, GOAL_BETWEEN)
            elif fields["goal_comparator"] and read.ok(excel.GOAL_VALUE):
                _checked_rule(
                    read,
                    fields["goal_comparator"],
                    fields["goal_value"],
                    None,
                    known_unit,
                    excel.GOAL_VALUE,
                    excel.GOAL_COMPARATOR,
                )
            elif fields["goal_value"] is not None and read.ok(excel.GOAL_COMPARATOR):
                read.error(excel.GOAL_VALUE, GOAL_VALUE_WITHOUT_COMPARATOR)
            if key and key in self.existing and known_unit:
                self._check_stored_values(read, self.existing[key], known_unit)
            if key and key not in self.file_units:
                self.file_units[key] = known_unit
            if key:
                checked.append(DefinitionRow(row.number, key, fields, numbers, known_unit))
        return checked

    def _calculation(self, read: IndicatorRowReader) -> dict:
        """`formula` and `formula_options` from the optional Formel and Nevner columns; nothing
        (the stored ones kept) when the file has no Formel column."""
        if excel.CALCULATION not in read.row.cells:
            return {}
        formula = read.choice(excel.CALCULATION, self.formulas)
        setting = excel.DENOMINATOR_SETTING
        denominator = ""
        if excel.DENOMINATOR in read.row.cells:
            denominator = read.choice(excel.DENOMINATOR, self.denominators)
        if denominator and formula != excel.DENOMINATOR_FORMULA and read.ok(excel.CALCULATION):
            read.error(excel.DENOMINATOR, DENOMINATOR_WITHOUT_FORMULA)
        options = {"denominator": denominator} if denominator not in ("", setting.default) else {}
        return {"formula": formula, "formula_options": options}

    def _check_stored_values(
        self, read: IndicatorRowReader, indicator: Indicator, unit: Unit
    ) -> None:
        """A changed unit must fit the results already stored (those in the file are checked
        on their own rows)."""
        if Unit(indicator.unit) == unit:
            return
        for observation in indicator.observations.order_by("year"):
            if problem := value_problem(observation.value, unit):
                read.error(
                    excel.UNIT, UNIT_DOES_NOT_FIT.format(year=observation.year, problem=problem)
                )
                return

    def _unit_for(self, key: str) -> tuple[bool, Unit | None]:
        """Whether the key is known, and its unit (None when unknown or its cell was bad)."""
        if key in self.file_units:
            return True, self.file_units[key]
        if key in self.existing:
            return True, Unit(self.existing[key].unit)
        return False, None

    def _key_and_year(
        self, read: IndicatorRowReader, first_row: dict
    ) -> tuple[str, int | None, Unit | None]:
        key = read.key(excel.KEY)
        known, unit = self._unit_for(key) if key else (True, None)
        if not known:
            read.error(excel.KEY, UNKNOWN_KEY.format(key=key))
        year = read.integer(excel.YEAR, required=True)
        if year is not None:
            if problem := year_problem(year, self.plan.first_year, self.plan.last_year):
                read.error(excel.YEAR, problem)
                year = None
        if key and year is not None:
            if (key, year) in first_row:
                duplicate = DUPLICATE_YEAR.format(key=key, year=year, first=first_row[key, year])
                read.error(excel.YEAR, duplicate)
            else:
                first_row[key, year] = read.row.number
        return key, year, unit

    def targets(self, rows: list[SheetRow]) -> list[TargetRow]:
        checked: list[TargetRow] = []
        first_row: dict[Any, int] = {}
        for row in rows:
            read = IndicatorRowReader(row, self.errors)
            key, year, unit = self._key_and_year(read, first_row)
            comparator = read.choice(excel.COMPARATOR, self.comparators, required=True)
            value = read.decimal(excel.VALUE)
            high = read.decimal(excel.HIGH)
            if comparator and read.ok(excel.VALUE, excel.HIGH):
                _checked_rule(read, comparator, value, high, unit, excel.VALUE, excel.HIGH)
                if high is not None and comparator != Comparator.BETWEEN:
                    read.error(excel.HIGH, HIGH_ONLY_FOR_BETWEEN)
            if key and year is not None and comparator:
                checked.append(TargetRow(row.number, key, year, comparator, value, high))
        return checked

    def values(self, rows: list[SheetRow]) -> list[ValueRow]:
        checked: list[ValueRow] = []
        first_row: dict[Any, int] = {}
        for row in rows:
            read = IndicatorRowReader(row, self.errors)
            key, year, unit = self._key_and_year(read, first_row)
            value = read.decimal(excel.VALUE, required=True)
            if value is not None and unit is not None and (problem := value_problem(value, unit)):
                read.error(excel.VALUE, problem)
            provisional = read.boolean(excel.PROVISIONAL)
            source_note = read.text(excel.SOURCE_NOTE, max_length=300)
            vintage = read.text(excel.VINTAGE, max_length=100)
            if key and year is not None and value is not None:
                checked.append(
                    ValueRow(row.number, key, year, value, provisional, source_note, vintage)
                )
        return checked


# Importing ----------------------------------------------------------------------------------


def indicator_workbook_import(*, plan: Plan, data: bytes, user=None) -> ImportSummary:
    """Apply an uploaded workbook to the plan, or raise ImportRejected with every problem
    (sheet, row, column, Norwegian message) and change nothing."""
    sheets = read_workbook(data, excel.COLUMNS)
    with transaction.atomic():
        stored = Stored.of(plan)
        checker = _Checker(plan, stored.indicators)
        definitions = checker.definitions(sheets[excel.INDICATORS])
        targets = checker.targets(sheets[excel.TARGETS])
        values = checker.values(sheets[excel.VALUES])
        if checker.errors:
            raise ImportRejected(checker.errors)
        return rows_saved(
            plan=plan,
            stored=stored,
            focus_areas=checker.focus_areas,
            definitions=definitions,
            targets=targets,
            values=values,
            user=user,
        )
