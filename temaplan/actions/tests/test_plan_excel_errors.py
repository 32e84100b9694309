"""A bad action-plan workbook is refused with every problem named by sheet, row and column, in
Norwegian, and nothing of it is saved.

Each case starts from the export of the demo's Asker plan and breaks it. Rows (header = 1):
Perioder 2 «2022/23». Budsjett 2 2022 vedtatt, 3 2023 vedtatt, 4–7 2023–2026 forslag.
Tildelinger 2 the 2022 salary post, 3 Fjordporten (from 01.04.2022), 4 Kunnskapspark, 5
Sirkulærklyngen, 6–9 the actions a01–a04 in 2022; 10–17 the same for 2023. Partnerskap
2 Fjordporten, 3 Kunnskapspark, 4 Sirkulærklyngen.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from temaplan.actions import plan_excel as excel
from temaplan.actions.models import BudgetFrame
from temaplan.actions.plan_excel import AGREEMENTS, ALLOCATIONS, BUDGET, PERIODS, workbook_bytes
from temaplan.actions.plan_importing import (
    AMBIGUOUS_ACTION,
    AMBIGUOUS_ACTION_KEY,
    AMBIGUOUS_AGREEMENT,
    BAD_ACTION_REFERENCE,
    BOTH_TARGETS,
    DUPLICATE_ALLOCATION,
    DUPLICATE_ROW,
    END_BEFORE_START,
    NO_TARGET,
    ONLY_WITH,
    UNKNOWN_ACTION,
    UNKNOWN_ACTION_IN_PERIOD,
    UNKNOWN_AGREEMENT,
    UNKNOWN_AGREEMENT_FROM,
    UNKNOWN_PERIOD,
    plan_workbook_import,
)
from temaplan.core.workbook import (
    FORMULA,
    FORMULA_TEXT,
    NOT_A_DATE,
    NOT_A_NUMBER,
    OVER,
    REQUIRED,
    TOO_LONG,
    TOO_MANY_DECIMALS,
    UNDER,
    UNKNOWN_CHOICE,
    ImportRejected,
)
from temaplan.testing.workbooks import (
    E,
    allowed,
    copy_row,
    edited,
    put,
)
from temaplan.testing.workbooks import action_plan_snapshot as snapshot

from .workbook_fixtures import two_of_each_fixture  # noqa: F401 (a fixture)

FJORDPORTEN = "Innovasjonsselskapet Fjordporten AS"
A01 = "a01-campus-baerekraft"


def case(edits, expected, id):
    return pytest.param(edits, expected, id=id)


def refused(plan, data: bytes) -> list:
    """The problems named when the workbook is refused; the database is left as it was."""
    before = snapshot()
    with pytest.raises(ImportRejected) as rejected:
        plan_workbook_import(plan=plan, data=data)
    assert snapshot() == before
    return rejected.value.errors


PERIOD_CASES = [
    case(
        [put(PERIODS, 2, excel.LAST, datetime(2021, 12, 31))],
        [E(PERIODS, 2, excel.LAST, END_BEFORE_START.format(end="31.12.2021", start="01.01.2022"))],
        "a period that ends before it begins",
    ),
    case([put(PERIODS, 2, excel.NAME, None)], [E(PERIODS, 2, excel.NAME, REQUIRED)], "no name"),
    case(
        [put(PERIODS, 2, excel.FIRST, None)],
        [E(PERIODS, 2, excel.FIRST, REQUIRED)],
        "a period without its first date",
    ),
    case(
        [put(PERIODS, 2, excel.FIRST, "snart")],
        [E(PERIODS, 2, excel.FIRST, NOT_A_DATE.format(text="snart"))],
        "a first date that is no date",
    ),
    case(
        [copy_row(PERIODS, 2)],
        [E(PERIODS, 3, excel.NAME, DUPLICATE_ROW.format(what="perioden «2022/23»", first=2))],
        "the same period twice",
    ),
]

BUDGET_CASES = [
    case(
        [put(BUDGET, 2, excel.FRAME, -5)],
        [E(BUDGET, 2, excel.FRAME, UNDER.format(value="-5", limit=0))],
        "a negative frame",
    ),
    case(
        [put(BUDGET, 3, excel.FTE_COST, "−1 000")],
        [E(BUDGET, 3, excel.FTE_COST, UNDER.format(value="-1000", limit=0))],
        "a negative FTE cost written with a minus sign and a space",
    ),
    case([put(BUDGET, 2, excel.FRAME, None)], [E(BUDGET, 2, excel.FRAME, REQUIRED)], "no amount"),
    case(
        [put(BUDGET, 2, excel.KIND, "ønskeliste")],
        [
            E(
                BUDGET,
                2,
                excel.KIND,
                UNKNOWN_CHOICE.format(text="ønskeliste", allowed=allowed(BudgetFrame.Kind.choices)),
            )
        ],
        "an unknown kind of frame",
    ),
    case([put(BUDGET, 2, excel.KIND, None)], [E(BUDGET, 2, excel.KIND, REQUIRED)], "no kind"),
    case(
        [put(BUDGET, 2, excel.YEAR, 1999)],
        [E(BUDGET, 2, excel.YEAR, UNDER.format(value=1999, limit=2000))],
        "a year before 2000",
    ),
    case(
        [put(BUDGET, 2, excel.YEAR, "i fjor")],
        [E(BUDGET, 2, excel.YEAR, NOT_A_NUMBER.format(text="i fjor"))],
        "a year that is no number",
    ),
    case(
        [put(BUDGET, 2, excel.FTE, 10_000)],
        [E(BUDGET, 2, excel.FTE, OVER.format(value="10000", limit="9999,99"))],
        "more FTEs than can be stored",
    ),
    case(
        [put(BUDGET, 2, excel.FTE, 1.125)],
        [E(BUDGET, 2, excel.FTE, TOO_MANY_DECIMALS.format(text="1,125", places=2))],
        "FTEs with three decimals",
    ),
    case(
        [put(BUDGET, 2, excel.FRAME, "=9600000*1")],
        [E(BUDGET, 2, excel.FRAME, FORMULA)],
        "a formula for the amount",
    ),
    case(
        [copy_row(BUDGET, 2)],
        [
            E(
                BUDGET,
                8,
                excel.KIND,
                DUPLICATE_ROW.format(what="rammen for 2022 (vedtatt ramme)", first=2),
            )
        ],
        "the same year and kind twice",
    ),
]

ALLOCATION_CASES = [
    case(
        [put(ALLOCATIONS, 6, excel.ALLOCATED, -1)],
        [E(ALLOCATIONS, 6, excel.ALLOCATED, UNDER.format(value="-1", limit=0))],
        "a negative allocation",
    ),
    case(
        [put(ALLOCATIONS, 6, excel.SPENT, "-100")],
        [E(ALLOCATIONS, 6, excel.SPENT, UNDER.format(value="-100", limit=0))],
        "negative spending",
    ),
    case(
        [put(ALLOCATIONS, 6, excel.ACTION, "a99-finnes-ikke")],
        [
            E(
                ALLOCATIONS,
                6,
                excel.ACTION,
                UNKNOWN_ACTION_IN_PERIOD.format(period="2022/23", key="a99-finnes-ikke"),
            )
        ],
        "an action key the period does not have",
    ),
    case(
        [put(ALLOCATIONS, 6, excel.PERIOD, None), put(ALLOCATIONS, 6, excel.ACTION, "a99")],
        [E(ALLOCATIONS, 6, excel.ACTION, UNKNOWN_ACTION.format(keys="«a99»"))],
        "an action key the plan does not have",
    ),
    case(
        [put(ALLOCATIONS, 6, excel.PERIOD, "2030/31")],
        [E(ALLOCATIONS, 6, excel.PERIOD, UNKNOWN_PERIOD.format(name="2030/31"))],
        "a period the plan does not have",
    ),
    case(
        [put(ALLOCATIONS, 2, excel.PERIOD, "2022/23")],
        [E(ALLOCATIONS, 2, excel.PERIOD, ONLY_WITH.format(other="Tiltak"))],
        "a period without an action",
    ),
    case(
        [put(ALLOCATIONS, 2, excel.AGREEMENT_START, datetime(2022, 3, 1))],
        [E(ALLOCATIONS, 2, excel.AGREEMENT_START, ONLY_WITH.format(other="Partner"))],
        "an agreement start without a partner",
    ),
    case(
        [put(ALLOCATIONS, 6, excel.PARTNER, FJORDPORTEN)],
        [E(ALLOCATIONS, 6, excel.PARTNER, BOTH_TARGETS)],
        "an action and an agreement at once",
    ),
    case(
        [put(ALLOCATIONS, 2, excel.LABEL, None)],
        [E(ALLOCATIONS, 2, None, NO_TARGET)],
        "an allocation to nothing",
    ),
    case(
        [put(ALLOCATIONS, 3, excel.PARTNER, "Ukjent AS")],
        [
            E(
                ALLOCATIONS,
                3,
                excel.PARTNER,
                UNKNOWN_AGREEMENT_FROM.format(partner="Ukjent AS", start="01.04.2022"),
            )
        ],
        "a partner the plan has no agreement with",
    ),
    case(
        [
            put(ALLOCATIONS, 3, excel.PARTNER, "Ukjent AS"),
            put(ALLOCATIONS, 3, excel.AGREEMENT_START, None),
        ],
        [E(ALLOCATIONS, 3, excel.PARTNER, UNKNOWN_AGREEMENT.format(partner="Ukjent AS"))],
        "a partner the plan has no agreement with, without a start date",
    ),
    case(
        [put(ALLOCATIONS, 3, excel.AGREEMENT_START, "01.05.2022")],
        [
            E(
                ALLOCATIONS,
                3,
                excel.PARTNER,
                UNKNOWN_AGREEMENT_FROM.format(partner=FJORDPORTEN, start="01.05.2022"),
            )
        ],
        "an agreement start that is not the agreement's",
    ),
    case(
        [copy_row(ALLOCATIONS, 6)],
        [E(ALLOCATIONS, 18, None, DUPLICATE_ALLOCATION.format(first=6))],
        "the same year and action twice",
    ),
    case(
        [put(ALLOCATIONS, 2, excel.LABEL, "x" * 201)],
        [E(ALLOCATIONS, 2, excel.LABEL, TOO_LONG.format(length=201, limit=200))],
        "a label longer than the field",
    ),
]

AGREEMENT_CASES = [
    case(
        [put(AGREEMENTS, 2, excel.END, datetime(2022, 1, 1))],
        [
            E(
                AGREEMENTS,
                2,
                excel.END,
                END_BEFORE_START.format(end="01.01.2022", start="01.04.2022"),
            )
        ],
        "an agreement that ends before it begins",
    ),
    case(
        [put(AGREEMENTS, 2, excel.YEARLY, -900_000)],
        [E(AGREEMENTS, 2, excel.YEARLY, UNDER.format(value="-900000", limit=0))],
        "a negative yearly amount",
    ),
    case(
        [put(AGREEMENTS, 3, excel.CO_FUNDING, "-0,5")],
        [E(AGREEMENTS, 3, excel.CO_FUNDING, UNDER.format(value="-0,5", limit=0))],
        "negative co-funding",
    ),
    case(
        [put(AGREEMENTS, 2, excel.PURPOSE, " ")],
        [E(AGREEMENTS, 2, excel.PURPOSE, REQUIRED)],
        "an agreement without a purpose",
    ),
    case(
        [put(AGREEMENTS, 2, excel.PURPOSE, '="Formål"')],
        [E(AGREEMENTS, 2, excel.PURPOSE, FORMULA_TEXT)],
        "a formula for the purpose",
    ),
    case(
        [put(AGREEMENTS, 2, excel.ACTIONS, "a02-invester-i-asker, a99; a98")],
        [E(AGREEMENTS, 2, excel.ACTIONS, UNKNOWN_ACTION.format(keys="«a99», «a98»"))],
        "action keys the plan does not have",
    ),
    case(
        [put(AGREEMENTS, 2, excel.ACTIONS, "a02 invester")],
        [E(AGREEMENTS, 2, excel.ACTIONS, BAD_ACTION_REFERENCE.format(text="a02 invester"))],
        "an action reference that is no key",
    ),
    case(
        [put(AGREEMENTS, 2, excel.ACTIONS, "a02-invester-i-asker (2030/31)")],
        [E(AGREEMENTS, 2, excel.ACTIONS, UNKNOWN_PERIOD.format(name="2030/31"))],
        "an action key in a period the plan does not have",
    ),
    case(
        [copy_row(AGREEMENTS, 2)],
        [
            E(
                AGREEMENTS,
                5,
                excel.START,
                DUPLICATE_ROW.format(what=f"avtalen med «{FJORDPORTEN}» fra 01.04.2022", first=2),
            )
        ],
        "the same agreement twice",
    ),
]


@pytest.mark.parametrize(
    ("edits", "expected"),
    PERIOD_CASES + BUDGET_CASES + ALLOCATION_CASES + AGREEMENT_CASES,
)
def test_a_bad_workbook_is_refused_with_where_and_why_and_nothing_is_saved(
    asker_plan, edits, expected
):
    assert refused(asker_plan, edited(workbook_bytes(asker_plan), *edits)) == expected


# Keys that are not enough on their own (the plan of two_of_each) ------------------------------

AMBIGUOUS_CASES = [
    case(
        [put(ALLOCATIONS, 6, excel.PERIOD, None)],
        [
            E(
                ALLOCATIONS,
                6,
                excel.ACTION,
                AMBIGUOUS_ACTION.format(key=A01, periods="2022/23, 2030/31"),
            )
        ],
        "an action key in two periods without the period",
    ),
    case(
        [put(ALLOCATIONS, 3, excel.AGREEMENT_START, None)],
        [
            E(
                ALLOCATIONS,
                3,
                excel.PARTNER,
                AMBIGUOUS_AGREEMENT.format(partner=FJORDPORTEN, starts="01.04.2022, 01.04.2027"),
            )
        ],
        "a partner with two agreements without the start date",
    ),
    case(
        [put(AGREEMENTS, 4, excel.ACTIONS, f"{A01}, a07-forstelinje-grundere")],
        [
            E(
                AGREEMENTS,
                4,
                excel.ACTIONS,
                AMBIGUOUS_ACTION_KEY.format(key=A01, periods="2022/23, 2030/31", period="2022/23"),
            )
        ],
        "an agreement's action key in two periods without the period",
    ),
]


@pytest.mark.parametrize(("edits", "expected"), AMBIGUOUS_CASES)
def test_a_key_that_names_two_rows_is_refused_with_what_to_add(two_of_each, edits, expected):
    assert refused(two_of_each, edited(workbook_bytes(two_of_each), *edits)) == expected
