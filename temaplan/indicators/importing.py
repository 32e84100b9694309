"""Importing the indicator workbook (format: see excel.py) into a plan: all or nothing.

`import_workbook` reads every row, checks it against the plan (keys, years, units, focus
areas) and collects every problem. If there is any, it raises `ImportRejected` and nothing is
written. Otherwise it applies the rows in one transaction: indicators are created or updated
by key, ambitions through `services.target_set`, results through `services.observation_record`.
A row equal to what is stored writes nothing, so importing the same file twice changes nothing
the second time (no new versions, revisions or history rows).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation

from temaplan.plans.models import FocusArea, Plan
from temaplan.statistics.formulas import FORMULAS

from . import excel
from .excel import ImportError_, ImportRejected, RowReader, SheetRow
from .models import (
    COMPARATOR_CHOICES,
    DIRECTION_CHOICES,
    UNIT_CHOICES,
    Indicator,
    Influence,
    Source,
)
from .services import indicator_create, observation_record, target_set
from .status import Comparator, Direction, TargetRule, Unit
from .validation import value_problem, year_problem

__all__ = ["ImportError_", "ImportRejected", "ImportSummary", "import_workbook"]

UNKNOWN_KEY = "nøkkelen «{key}» finnes verken i planen eller på arket «Indikatorer»"
DUPLICATE_KEY = "nøkkelen «{key}» står også på rad {first}"
DUPLICATE_YEAR = "«{key}» for {year} står også på rad {first}"
UNKNOWN_FOCUS_AREA = "planen har ikke innsatsområde {numbers}"
OFFSET_RANGE = "må være et helt tall fra −10 til 10"
TOLERANCE_NEGATIVE = "toleransen kan ikke være negativ"
GOAL_VALUE_WITHOUT_COMPARATOR = "målet har en verdi, men «Mål: sammenligning» er tom"
GOAL_BETWEEN = (
    "«mellom» kan ikke brukes i det langsiktige målet, som ikke har noen øvre grense; "
    "bruk en ambisjon for hvert år"
)
HIGH_ONLY_FOR_BETWEEN = "øvre grense brukes bare med sammenligningen «mellom»"
UNIT_DOES_NOT_FIT = "enheten passer ikke til resultatet for {year} som er lagret: {problem}"
NOT_SAVED = "kunne ikke lagres: {problem}"
DENOMINATOR_WITHOUT_FORMULA = (
    "en nevner kan bare gis når formelen er «Andel sysselsatte bosatte som jobber i egen kommune»"
)

MAX_OFFSET = 10


@dataclass
class SheetCounts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    def add(self, outcome: str) -> None:
        if outcome == "created":
            self.created += 1
        elif outcome == "unchanged":
            self.unchanged += 1
        else:  # "updated", or "revised" for a result whose old value is kept as a revision
            self.updated += 1


@dataclass
class ImportSummary:
    """What an import did, per sheet (keyed by the sheet's name)."""

    sheets: dict[str, SheetCounts] = field(
        default_factory=lambda: {name: SheetCounts() for name in excel.SHEETS}
    )

    @property
    def created(self) -> int:
        return sum(counts.created for counts in self.sheets.values())

    @property
    def updated(self) -> int:
        return sum(counts.updated for counts in self.sheets.values())

    @property
    def unchanged(self) -> int:
        return sum(counts.unchanged for counts in self.sheets.values())

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated)

    def __str__(self) -> str:
        return " ".join(
            f"{name}: {c.created} nye, {c.updated} endret, {c.unchanged} uendret."
            for name, c in self.sheets.items()
        )


# Parsed rows --------------------------------------------------------------------------------


@dataclass
class DefinitionRow:
    number: int
    key: str
    fields: dict[str, Any]  # Indicator fields
    focus_area_numbers: list[int]
    unit: Unit | None  # None when the cell was bad


@dataclass
class TargetRow:
    number: int
    key: str
    year: int
    comparator: str
    value: Decimal | None
    high: Decimal | None


@dataclass
class ValueRow:
    number: int
    key: str
    year: int
    value: Decimal
    provisional: bool
    source_note: str
    vintage: str


def choices_with_nb_labels(choices) -> list[tuple[str, str]]:
    """Codes with their bokmål labels and, if another language is active, its labels too."""
    current = [(code, str(label)) for code, label in choices]
    with translation.override("nb"):
        bokmal = [(code, str(label)) for code, label in choices]
    return bokmal + [pair for pair in current if pair not in bokmal]


def _checked_rule(
    read: RowReader, comparator: str, value, high, unit, value_column: str, high_column: str
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
        self.errors: list[ImportError_] = []
        self.focus_areas = {area.number: area for area in FocusArea.objects.filter(plan=plan)}
        self.units = choices_with_nb_labels(UNIT_CHOICES)
        self.directions = choices_with_nb_labels(DIRECTION_CHOICES)
        self.sources = choices_with_nb_labels(Source.choices)
        self.influences = choices_with_nb_labels(Influence.choices)
        self.comparators = choices_with_nb_labels(COMPARATOR_CHOICES)
        self.formulas = [(key, formula.name) for key, formula in FORMULAS.items()]
        self.denominators = [
            (value, choice.label) for value, choice in excel.DENOMINATOR_SETTING.choices.items()
        ]
        # key → unit for the rows below: the file's definition wins over the stored one
        self.file_units: dict[str, Unit | None] = {}

    def definitions(self, rows: list[SheetRow]) -> list[DefinitionRow]:
        checked, first_row = [], {}
        for row in rows:
            read = RowReader(row, self.errors)
            key = read.key()
            if key in first_row:
                read.error(excel.KEY, DUPLICATE_KEY.format(key=key, first=first_row[key]))
            elif key:
                first_row[key] = row.number
            unit = read.choice(excel.UNIT, self.units, required=True)
            fields = {
                "name": read.text(excel.NAME, required=True, max_length=300),
                "description": read.text(excel.DESCRIPTION),
                "unit": unit,
                "direction": read.choice(excel.DIRECTION, self.directions) or Direction.HIGHER,
                "source": read.choice(excel.SOURCE, self.sources, required=True),
                "influence": read.choice(excel.INFLUENCE, self.influences) or Influence.MEDIUM,
                "report_year_offset": read.integer(excel.OFFSET) or 0,
                "tolerance": read.decimal(excel.TOLERANCE),
                "goal_text": read.text(excel.GOAL_TEXT, max_length=200),
                "goal_comparator": read.choice(excel.GOAL_COMPARATOR, self.comparators),
                "goal_value": read.decimal(excel.GOAL_VALUE),
                "footnote": read.text(excel.FOOTNOTE),
            }
            fields.update(self._calculation(read))
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

    def _calculation(self, read: RowReader) -> dict:
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

    def _check_stored_values(self, read: RowReader, indicator: Indicator, unit: Unit) -> None:
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
        self, read: RowReader, first_row: dict
    ) -> tuple[str, int | None, Unit | None]:
        key = read.key()
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
        checked, first_row = [], {}
        for row in rows:
            read = RowReader(row, self.errors)
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
        checked, first_row = [], {}
        for row in rows:
            read = RowReader(row, self.errors)
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


# Writing ------------------------------------------------------------------------------------


def _not_saved(sheet: str, row: int, error: ValidationError) -> ImportError_:
    """A database check the rows above did not foresee: still a message, never a crash."""
    problem = " ".join(str(message) for message in error.messages)
    return ImportError_(sheet, row, None, NOT_SAVED.format(problem=problem))


def _apply_definition(
    plan: Plan, existing: dict[str, Indicator], row: DefinitionRow, focus_areas: dict
) -> str:
    areas = [focus_areas[number] for number in row.focus_area_numbers]
    indicator = existing.get(row.key)
    if indicator is None:
        existing[row.key] = indicator_create(
            plan=plan, data={"key": row.key, **row.fields, "focus_areas": areas}
        )
        return "created"
    changed = {
        name: value for name, value in row.fields.items() if getattr(indicator, name) != value
    }
    areas_changed = {a.pk for a in indicator.focus_areas.all()} != {a.pk for a in areas}
    if not changed and not areas_changed:
        return "unchanged"
    for name, value in changed.items():
        setattr(indicator, name, value)
    indicator.version += 1
    indicator.full_clean()
    indicator.save()
    if areas_changed:
        indicator.focus_areas.set(areas)
    return "updated"


def _apply(
    plan: Plan,
    existing: dict[str, Indicator],
    checker: _Checker,
    definitions: list[DefinitionRow],
    targets: list[TargetRow],
    values: list[ValueRow],
    user,
) -> tuple[ImportSummary, list[ImportError_]]:
    summary, errors = ImportSummary(), []
    for row in definitions:
        try:
            outcome = _apply_definition(plan, existing, row, checker.focus_areas)
            summary.sheets[excel.INDICATORS].add(outcome)
        except ValidationError as error:
            errors.append(_not_saved(excel.INDICATORS, row.number, error))
    if errors:  # later sheets refer to these indicators
        return summary, errors
    for target in targets:
        try:
            _, outcome = target_set(
                indicator=existing[target.key],
                year=target.year,
                comparator=target.comparator,
                value=target.value,
                high=target.high,
            )
            summary.sheets[excel.TARGETS].add(outcome)
        except ValidationError as error:
            errors.append(_not_saved(excel.TARGETS, target.number, error))
    for value in values:
        _, outcome = observation_record(
            indicator=existing[value.key],
            year=value.year,
            value=value.value,
            provisional=value.provisional,
            source_note=value.source_note,
            vintage=value.vintage,
            user=user,
        )
        summary.sheets[excel.VALUES].add(outcome)
    return summary, errors


def import_workbook(*, plan: Plan, data: bytes, user=None) -> ImportSummary:
    """Apply an uploaded workbook to the plan, or raise ImportRejected with every problem
    (sheet, row, column, Norwegian message) and change nothing."""
    sheets = excel.read_workbook(data)
    with transaction.atomic():
        existing = {
            indicator.key: indicator
            for indicator in Indicator.objects.select_for_update().filter(plan=plan)
        }
        checker = _Checker(plan, existing)
        definitions = checker.definitions(sheets[excel.INDICATORS])
        targets = checker.targets(sheets[excel.TARGETS])
        values = checker.values(sheets[excel.VALUES])
        if checker.errors:
            raise ImportRejected(checker.errors)
        summary, errors = _apply(plan, existing, checker, definitions, targets, values, user)
        if errors:
            raise ImportRejected(errors)  # leaving the block rolls everything back
    return summary
