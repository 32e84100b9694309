"""The indicator definition form: keys, long-term goals, formula settings, decimals."""

from decimal import Decimal

import pytest
from django.urls import reverse

from temaplan.indicators.tests.support import definition, indicator, snapshot
from temaplan.testing.personas import OUTSIDER, READER, client_for


def test_a_duplicate_indicator_key_is_refused(editor, asker_plan):
    response = editor.post(
        reverse("indicators:create", args=[asker_plan.pk]), definition(key="nho-rang-i-fylket")
    )
    assert response.status_code == 422
    assert "allerede en indikator med nøkkelen «nho-rang-i-fylket»" in response.content.decode()


@pytest.mark.parametrize(
    "overrides, field, message",
    [
        (
            {"goal_comparator": "between", "goal_value": "3"},
            "goal_comparator",
            "Et langsiktig mål kan ikke være «mellom»; bruk årlige ambisjoner.",
        ),
        ({"goal_value": "3"}, "goal_comparator", "Velg hvordan verdien skal sammenlignes."),
        ({"goal_comparator": "at_least"}, "goal_value", "Det langsiktige målet trenger en verdi."),
    ],
)
def test_an_incomplete_long_term_goal_is_refused(editor, asker_plan, overrides, field, message):
    response = editor.post(
        reverse("indicators:create", args=[asker_plan.pk]), definition(**overrides)
    )
    assert response.status_code == 422
    assert response.context["form"].errors[field] == [message]
    assert not asker_plan.indicators.filter(key="ny-indikator").exists()


DENOMINATOR = "formula_setting__share_working_in_home_municipality__denominator"


def share_definition(share, **overrides):
    return definition(
        key=share.key,
        name=share.name,
        unit=share.unit,
        direction=share.direction,
        source=share.source,
        influence=share.influence,
        formula="share_working_in_home_municipality",
        version=share.version,
        **overrides,
    )


def test_an_editor_chooses_the_03321_row_sum_as_the_denominator(editor, asker_plan):
    share = indicator(asker_plan, "andel-sysselsatt-i-egen-kommune")
    page = editor.get(reverse("indicators:edit", args=[share.pk])).content.decode()
    assert "Radsummen i 03321 (alle arbeidssteder)" in page
    response = editor.post(
        reverse("indicators:edit", args=[share.pk]),
        share_definition(share, **{DENOMINATOR: "row_total"}),
    )
    assert response.status_code == 302, response.content.decode()
    share.refresh_from_db()
    assert share.formula_options == {"denominator": "row_total"}
    # Back to the default: nothing is kept, as for an indicator never given a setting.
    editor.post(
        reverse("indicators:edit", args=[share.pk]),
        share_definition(share, **{DENOMINATOR: "employed_by_residence"}),
    )
    share.refresh_from_db()
    assert share.formula_options == {}


def test_a_denominator_is_only_kept_for_the_formula_that_has_it(editor, asker_plan):
    share = indicator(asker_plan, "andel-sysselsatt-i-egen-kommune")
    data = share_definition(share, **{DENOMINATOR: "row_total"})
    data["formula"] = "population_growth_3y"
    assert editor.post(reverse("indicators:edit", args=[share.pk]), data).status_code == 302
    share.refresh_from_db()
    assert share.formula == "population_growth_3y" and share.formula_options == {}


def test_an_unknown_denominator_is_refused_in_norwegian_and_changes_nothing(editor, asker_plan):
    share = indicator(asker_plan, "andel-sysselsatt-i-egen-kommune")
    before = snapshot()
    response = editor.post(
        reverse("indicators:edit", args=[share.pk]),
        share_definition(share, **{DENOMINATOR: "radsum"}),
    )
    assert response.status_code == 422
    assert response.context["form"].errors[DENOMINATOR] == [
        "«radsum» er ikke et av valgene for nevneren."
    ]
    assert snapshot() == before


@pytest.mark.parametrize("persona, status", [(READER, 403), (OUTSIDER, 404)])
def test_only_the_municipality_s_editor_can_change_the_denominator(asker_plan, persona, status):
    share = indicator(asker_plan, "andel-sysselsatt-i-egen-kommune")
    before = snapshot(), share.formula_options
    response = client_for(persona).post(
        reverse("indicators:edit", args=[share.pk]),
        share_definition(share, **{DENOMINATOR: "row_total"}),
    )
    assert response.status_code == status
    share.refresh_from_db()
    assert (snapshot(), share.formula_options) == before


def test_the_definition_form_shows_and_reads_decimals_the_norwegian_way(editor, asker_plan):
    share = indicator(asker_plan, "andel-sysselsatt-i-egen-kommune")
    assert share.tolerance == Decimal("0.3")
    page = editor.get(reverse("indicators:edit", args=[share.pk])).content.decode()
    assert 'name="tolerance" value="0,3"' in page
    response = editor.post(
        reverse("indicators:edit", args=[share.pk]), share_definition(share, tolerance="0,25")
    )
    assert response.status_code == 302
    share.refresh_from_db()
    assert share.tolerance == Decimal("0.25")
