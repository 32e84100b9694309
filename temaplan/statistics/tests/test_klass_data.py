"""Reading KLASS's change lists and code lists (klass_data.py)."""

import ast
from datetime import date

import pytest

from temaplan.statistics.klass_data import (
    MISSING_COLUMN,
    MISSING_FIELD,
    changes_from_csv,
    changes_from_klass,
)
from temaplan.statistics.regions import CodeChange
from temaplan.statistics.tests.regions_fixtures import (
    CHANGES_PYLITERAL,
)

# --- parsing ------------------------------------------------------------------------------------


def test_klass_json_and_csv_give_the_same_changes(ssb_data, changes):
    body = ast.literal_eval((ssb_data / CHANGES_PYLITERAL).read_text(encoding="utf-8"))
    assert changes_from_klass(body) == changes
    assert changes_from_klass({"codeChanges": body}) == changes
    assert len(changes) == 516


def test_a_change_is_parsed_with_its_names(changes):
    assert CodeChange(date(2024, 1, 1), "3025", "Asker", "3203", "Asker") in changes


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            [{"oldCode": "0220", "newCode": "3025"}],
            MISSING_FIELD.format(row=1, field="changeOccurred"),
        ),
        (
            [{"oldCode": "0220", "newCode": "", "changeOccurred": "2020-01-01"}],
            MISSING_FIELD.format(row=1, field="newCode"),
        ),
        ([{"oldCode": "0220", "newCode": "3025", "changeOccurred": "1. jan"}], "ikke en dato"),
        ({"codes": []}, "codeChanges"),
    ],
)
def test_bad_klass_bodies_are_refused(body, message):
    with pytest.raises(ValueError, match=message):
        changes_from_klass(body)


def test_a_csv_without_a_needed_column_is_refused():
    with pytest.raises(ValueError) as error:
        changes_from_csv("changeOccurred,oldCode,newCode,newName\n")
    assert str(error.value) == MISSING_COLUMN.format(column="oldName")
