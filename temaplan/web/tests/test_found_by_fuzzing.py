"""The 500s the property test (test_forms_fuzz.py) found, each kept as a plain test: the
input, and the answer it gets now. Run them on PostgreSQL too:
DATABASE_URL=postgres://postgres@127.0.0.1:5432/test."""

from __future__ import annotations

import pytest
from django.urls import reverse

from temaplan.indicators.models import Indicator
from temaplan.testing.database import stored_rows

HUGE = "9" * 40


def an_indicator(plan) -> Indicator:
    return plan.indicators.get(key="nho-kommune-nm-rang")


@pytest.mark.parametrize("value", [HUGE, "-" + HUGE, "9223372036854775808"])
def test_a_choice_among_focus_areas_too_large_for_any_row_is_not_a_choice(
    editor, asker_plan, value
):
    indicator = an_indicator(asker_plan)
    page = editor.get(reverse("indicators:edit", args=[indicator.pk]))
    data = {
        name: page.context["form"][name].value()
        for name in page.context["form"].fields
        if page.context["form"][name].value() is not None
    }
    before = stored_rows()
    response = editor.post(
        reverse("indicators:edit", args=[indicator.pk]), {**data, "focus_areas": [value]}
    )
    assert response.status_code == 422
    assert "focus_areas" in response.context["form"].errors
    assert stored_rows() == before


def test_a_number_too_large_for_any_row_finds_no_row_among_several(asker_plan):
    assert list(Indicator.objects.filter(pk__in=[int(HUGE), -int(HUGE)])) == []
    found = Indicator.objects.filter(pk__in=[int(HUGE), an_indicator(asker_plan).pk])
    assert list(found) == [an_indicator(asker_plan)]
