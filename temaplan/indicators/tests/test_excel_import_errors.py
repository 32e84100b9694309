"""A bad workbook is refused with every problem named by sheet, row and column, in Norwegian,
and the database is left exactly as it was.

Each case starts from the demo plan's own export and breaks it. Rows of the export (header = 1):
Verdier: 2–5 nho-kommune-nm-rang 2017–2020, 6–9 nho-rang-i-fylket, 10–13 arbeidsplassvekst,
14–17 andel-sysselsatt, 18–20 omdisponert-dyrket-mark 2017–2019. Ambisjoner: 2–5, 6–9, … per
indicator for 2021–2024. Indikatorer: 2–6 in the same order.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import pytest

from temaplan.core.workbook import (
    BAD_KEY,
    COLUMN_MISSING,
    COLUMN_TWICE,
    DUPLICATE_KEY,
    FORMULA,
    FORMULA_TEXT,
    NOT_A_NUMBER,
    NOT_A_WHOLE_NUMBER,
    NOT_YES_NO,
    NUMBER_TOO_LARGE,
    PERCENT_FORMAT,
    REQUIRED,
    SHEET_MISSING,
    TOO_LONG,
    TOO_MANY_DECIMALS,
    UNKNOWN_CHOICE,
    UNKNOWN_FOCUS_AREA,
    ImportRejected,
)
from temaplan.indicators import excel
from temaplan.indicators.excel import BAD_NUMBER_LIST, INDICATORS, TARGETS, VALUES, workbook_bytes
from temaplan.indicators.importing import (
    DUPLICATE_YEAR,
    GOAL_BETWEEN,
    GOAL_VALUE_WITHOUT_COMPARATOR,
    HIGH_ONLY_FOR_BETWEEN,
    TOLERANCE_NEGATIVE,
    UNIT_DOES_NOT_FIT,
    UNKNOWN_KEY,
    indicator_workbook_import,
)
from temaplan.indicators.models import COMPARATOR_CHOICES, UNIT_CHOICES
from temaplan.indicators.status import TARGET_NEEDS_HIGH, TARGET_NEEDS_VALUE, Unit
from temaplan.indicators.validation import value_problem, year_problem
from temaplan.testing.workbooks import (
    E,
    allowed,
    copy_row,
    delete_column,
    delete_rows,
    edited,
    put,
    remove,
    rename,
)
from temaplan.testing.workbooks import indicators_snapshot as snapshot

# The cases ----------------------------------------------------------------------------------

KEY, NAME, UNIT, SOURCE = excel.KEY, excel.NAME, excel.UNIT, excel.SOURCE
YEAR, VALUE, HIGH, COMPARATOR = excel.YEAR, excel.VALUE, excel.HIGH, excel.COMPARATOR
SHEETS_OF_EXPORT = "«Indikatorer», «Ambisjoner», «Verdier», «Veiledning»"


CELL_CASES = [
    pytest.param(
        [remove(VALUES)],
        [
            E(
                VALUES,
                None,
                None,
                SHEET_MISSING.format(found="«Indikatorer», «Ambisjoner», «Veiledning»"),
            )
        ],
        id="a sheet is missing",
    ),
    pytest.param(
        [rename(VALUES, "Resultater")],
        [
            E(
                VALUES,
                None,
                None,
                SHEET_MISSING.format(
                    found="«Indikatorer», «Ambisjoner», «Resultater», «Veiledning»"
                ),
            )
        ],
        id="a sheet has the wrong name",
    ),
    pytest.param(
        [delete_column(VALUES, VALUE)],
        [E(VALUES, 1, VALUE, COLUMN_MISSING)],
        id="a column is missing",
    ),
    pytest.param(
        [put(TARGETS, 1, HIGH, "år")],
        [E(TARGETS, 1, YEAR, COLUMN_TWICE), E(TARGETS, 1, HIGH, COLUMN_MISSING)],
        id="a column header appears twice",
    ),
    pytest.param(
        [put(VALUES, 7, VALUE, "fire")],
        [E(VALUES, 7, VALUE, NOT_A_NUMBER.format(text="fire"))],
        id="text in a number cell",
    ),
    pytest.param(
        [put(VALUES, 7, VALUE, True)],
        [E(VALUES, 7, VALUE, NOT_A_NUMBER.format(text="SANN"))],
        id="a boolean in a number cell",
    ),
    pytest.param(
        [put(VALUES, 7, VALUE, datetime(2020, 5, 17))],
        [E(VALUES, 7, VALUE, NOT_A_NUMBER.format(text="17.05.2020"))],
        id="a date in a number cell",
    ),
    pytest.param(
        [put(VALUES, 17, VALUE, 0.417, number_format="0.0%")],
        [E(VALUES, 17, VALUE, PERCENT_FORMAT.format(raw="0,417"))],
        id="a number cell formatted as percent in Excel",
    ),
    pytest.param(
        [put(VALUES, 17, VALUE, 41.71234)],
        [E(VALUES, 17, VALUE, TOO_MANY_DECIMALS.format(text="41,71234", places=4))],
        id="a number with more than four decimals",
    ),
    pytest.param(
        [put(VALUES, 17, VALUE, 10**13)],
        [E(VALUES, 17, VALUE, NUMBER_TOO_LARGE.format(text="10000000000000"))],
        id="a number too large to store",
    ),
    pytest.param(
        [put(VALUES, 3, VALUE, "=6*2")],
        [E(VALUES, 3, VALUE, FORMULA)],
        id="a formula in a number cell",
    ),
    pytest.param(
        [put(VALUES, 3, excel.SOURCE_NOTE, '="SSB"')],
        [E(VALUES, 3, excel.SOURCE_NOTE, FORMULA_TEXT)],
        id="a formula in a text cell",
    ),
    pytest.param(
        [put(VALUES, 2, KEY, "ukjent-indikator")],
        [E(VALUES, 2, KEY, UNKNOWN_KEY.format(key="ukjent-indikator"))],
        id="an unknown indicator key on Verdier",
    ),
    pytest.param(
        [put(TARGETS, 21, KEY, "ukjent-indikator")],
        [E(TARGETS, 21, KEY, UNKNOWN_KEY.format(key="ukjent-indikator"))],
        id="an unknown indicator key on Ambisjoner",
    ),
    pytest.param(
        [put(VALUES, 2, KEY, "nho rang")],
        [E(VALUES, 2, KEY, BAD_KEY.format(text="nho rang"))],
        id="a key that is not a key",
    ),
    pytest.param(
        [put(VALUES, 2, YEAR, 2009)],
        [E(VALUES, 2, YEAR, year_problem(2009, 2020, 2032))],
        id="a result year before the plan's baseline",
    ),
    pytest.param(
        [put(TARGETS, 2, YEAR, 2033)],
        [E(TARGETS, 2, YEAR, year_problem(2033, 2020, 2032))],
        id="an ambition year after the plan",
    ),
    pytest.param(
        [put(VALUES, 2, YEAR, "2017,5")],
        [E(VALUES, 2, YEAR, NOT_A_WHOLE_NUMBER.format(text="2017,5"))],
        id="a year that is not a whole number",
    ),
    pytest.param(
        [copy_row(VALUES, 2)],
        [
            E(
                VALUES,
                21,
                YEAR,
                DUPLICATE_YEAR.format(key="nho-kommune-nm-rang", year=2017, first=2),
            )
        ],
        id="the same result twice",
    ),
    pytest.param(
        [copy_row(TARGETS, 5)],
        [
            E(
                TARGETS,
                22,
                YEAR,
                DUPLICATE_YEAR.format(key="nho-kommune-nm-rang", year=2024, first=5),
            )
        ],
        id="the same ambition twice",
    ),
    pytest.param(
        [copy_row(INDICATORS, 3)],
        [E(INDICATORS, 7, KEY, DUPLICATE_KEY.format(key="nho-rang-i-fylket", first=3))],
        id="the same indicator twice",
    ),
    pytest.param(
        [put(VALUES, 14, VALUE, 141.9)],
        [E(VALUES, 14, VALUE, value_problem(Decimal("141.9"), Unit.PERCENT))],
        id="a share over 100 percent",
    ),
    pytest.param(
        [put(VALUES, 18, VALUE, -23)],
        [E(VALUES, 18, VALUE, value_problem(Decimal(-23), Unit.DECARES))],
        id="negative decares",
    ),
    pytest.param(
        [put(VALUES, 2, VALUE, "12,5")],
        [E(VALUES, 2, VALUE, value_problem(Decimal("12.5"), Unit.RANK))],
        id="a rank that is not a whole number",
    ),
    pytest.param(
        [put(TARGETS, 14, VALUE, 141)],
        [E(TARGETS, 14, VALUE, value_problem(Decimal(141), Unit.PERCENT))],
        id="an ambition the unit cannot have",
    ),
    pytest.param(
        [put(INDICATORS, 2, UNIT, "meter")],
        [
            E(
                INDICATORS,
                2,
                UNIT,
                UNKNOWN_CHOICE.format(text="meter", allowed=allowed(UNIT_CHOICES)),
            )
        ],
        id="an unknown unit",
    ),
    pytest.param(
        [put(TARGETS, 2, COMPARATOR, "omtrent")],
        [
            E(
                TARGETS,
                2,
                COMPARATOR,
                UNKNOWN_CHOICE.format(text="omtrent", allowed=allowed(COMPARATOR_CHOICES)),
            )
        ],
        id="an unknown comparison",
    ),
    pytest.param(
        [put(INDICATORS, 2, NAME, None), put(INDICATORS, 2, SOURCE, " ")],
        [E(INDICATORS, 2, NAME, REQUIRED), E(INDICATORS, 2, SOURCE, REQUIRED)],
        id="an indicator without name and source",
    ),
    pytest.param(
        [put(INDICATORS, 2, UNIT, None)],
        [E(INDICATORS, 2, UNIT, REQUIRED)],
        id="an indicator without unit",
    ),
    pytest.param(
        [put(INDICATORS, 2, KEY, None)],
        [E(INDICATORS, 2, KEY, REQUIRED)],
        id="an indicator without key",
    ),
    pytest.param(
        [put(VALUES, 2, YEAR, None), put(VALUES, 3, VALUE, None)],
        [E(VALUES, 2, YEAR, REQUIRED), E(VALUES, 3, VALUE, REQUIRED)],
        id="a result without year or value",
    ),
    pytest.param(
        [put(TARGETS, 2, COMPARATOR, None)],
        [E(TARGETS, 2, COMPARATOR, REQUIRED)],
        id="an ambition without comparison",
    ),
    pytest.param(
        [put(TARGETS, 2, VALUE, None)],
        [E(TARGETS, 2, VALUE, TARGET_NEEDS_VALUE)],
        id="an ambition whose comparison needs a value without one",
    ),
    pytest.param(
        [put(TARGETS, 14, COMPARATOR, "mellom")],
        [E(TARGETS, 14, HIGH, TARGET_NEEDS_HIGH)],
        id="a between ambition without upper bound",
    ),
    pytest.param(
        [put(TARGETS, 14, HIGH, 50)],
        [E(TARGETS, 14, HIGH, HIGH_ONLY_FOR_BETWEEN)],
        id="an upper bound on an ambition that is not between",
    ),
    pytest.param(
        [put(INDICATORS, 2, excel.GOAL_COMPARATOR, None)],
        [E(INDICATORS, 2, excel.GOAL_VALUE, GOAL_VALUE_WITHOUT_COMPARATOR)],
        id="a goal value without a goal comparison",
    ),
    pytest.param(
        [put(INDICATORS, 2, excel.GOAL_COMPARATOR, "topp")],
        [
            E(
                INDICATORS,
                2,
                excel.GOAL_COMPARATOR,
                UNKNOWN_CHOICE.format(text="topp", allowed=allowed(COMPARATOR_CHOICES)),
            )
        ],
        id="an unknown goal comparison",
    ),
    pytest.param(
        [put(INDICATORS, 2, excel.GOAL_VALUE, None)],
        [E(INDICATORS, 2, excel.GOAL_VALUE, TARGET_NEEDS_VALUE)],
        id="a goal comparison that needs a value without one",
    ),
    pytest.param(
        [put(INDICATORS, 2, excel.GOAL_COMPARATOR, "mellom")],
        [E(INDICATORS, 2, excel.GOAL_COMPARATOR, GOAL_BETWEEN)],
        id="a goal between two values",
    ),
    pytest.param(
        [put(INDICATORS, 2, excel.FOCUS_AREAS, "1, 9, 12")],
        [E(INDICATORS, 2, excel.FOCUS_AREAS, UNKNOWN_FOCUS_AREA.format(numbers="9, 12"))],
        id="a focus area the plan does not have",
    ),
    pytest.param(
        [put(INDICATORS, 2, excel.FOCUS_AREAS, "1 og 8")],
        [E(INDICATORS, 2, excel.FOCUS_AREAS, BAD_NUMBER_LIST.format(text="1 og 8"))],
        id="focus areas that are not numbers",
    ),
    pytest.param(
        [put(INDICATORS, 2, excel.TOLERANCE, -1)],
        [E(INDICATORS, 2, excel.TOLERANCE, TOLERANCE_NEGATIVE)],
        id="a negative tolerance",
    ),
    pytest.param(
        [put(VALUES, 2, excel.SOURCE_NOTE, "x" * 301)],
        [E(VALUES, 2, excel.SOURCE_NOTE, TOO_LONG.format(length=301, limit=300))],
        id="a text longer than the field",
    ),
    pytest.param(
        [put(INDICATORS, 2, excel.FOOTNOTE, "x" * 1001)],
        [E(INDICATORS, 2, excel.FOOTNOTE, TOO_LONG.format(length=1001, limit=1000))],
        id="a footnote longer than its limit",
    ),
    pytest.param(
        [put(VALUES, 2, excel.PROVISIONAL, "kanskje")],
        [E(VALUES, 2, excel.PROVISIONAL, NOT_YES_NO.format(text="kanskje"))],
        id="a provisional flag that is neither yes nor no",
    ),
    pytest.param(
        # The share's own rows are gone, so what conflicts is the results already stored.
        [
            put(INDICATORS, 5, UNIT, "plassering"),
            delete_rows(VALUES, 14, 4),
            delete_rows(TARGETS, 14, 4),
        ],
        [
            E(
                INDICATORS,
                5,
                UNIT,
                UNIT_DOES_NOT_FIT.format(
                    year=2017, problem=value_problem(Decimal("41.9"), Unit.RANK)
                ),
            )
        ],
        id="a new unit that the stored results do not fit",
    ),
]


@pytest.mark.parametrize(("edits", "expected"), CELL_CASES)
def test_a_bad_workbook_is_refused_with_where_and_why_and_changes_nothing(
    asker_plan, edits, expected
):
    data = edited(workbook_bytes(asker_plan), *edits)
    before = snapshot()
    with pytest.raises(ImportRejected) as rejected:
        indicator_workbook_import(plan=asker_plan, data=data)
    assert rejected.value.errors == expected
    assert snapshot() == before
