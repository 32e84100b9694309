"""Indicator pages: personas for every view, the slide's numbers, in-place editing, conflicts."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import get_resolver, reverse

from temaplan.conftest import client_for
from temaplan.core.versioning import EDIT_CONFLICT_MESSAGE
from temaplan.indicators.models import Indicator, Observation, ObservationRevision, Target

HTMX = {"HTTP_HX_REQUEST": "true"}


def indicator(plan, key="nho-kommune-nm-rang") -> Indicator:
    return plan.indicators.get(key=key)


def definition(**overrides):
    data = {
        "key": "ny-indikator",
        "name": "Antall nyetableringer",
        "unit": "count",
        "direction": "higher",
        "source": "own",
        "influence": "medium",
        "report_year_offset": 0,
        "tolerance": "0",
        "version": 1,
    }
    return {**data, **overrides}


def year_form(**overrides):
    return {"value": "10", "comparator": "rank_at_most", "target_value": "10", **overrides}


@dataclass(frozen=True)
class Endpoint:
    name: str
    method: str
    writes: bool
    url: Callable
    data: Callable = lambda plan: {}


def workbook_upload(plan):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from temaplan.indicators.excel import workbook_bytes

    return {"file": SimpleUploadedFile("indikatorer.xlsx", workbook_bytes(plan))}


ENDPOINTS = [
    Endpoint("table", "get", False, lambda p: reverse("indicators:table", args=[p.pk])),
    Endpoint(
        "excel_export", "get", False, lambda p: reverse("indicators:excel_export", args=[p.pk])
    ),
    Endpoint(
        "excel_import", "get", True, lambda p: reverse("indicators:excel_import", args=[p.pk])
    ),
    Endpoint(
        "excel_import",
        "post",
        True,
        lambda p: reverse("indicators:excel_import", args=[p.pk]),
        workbook_upload,
    ),
    Endpoint("create", "get", True, lambda p: reverse("indicators:create", args=[p.pk])),
    Endpoint(
        "create",
        "post",
        True,
        lambda p: reverse("indicators:create", args=[p.pk]),
        lambda p: definition(),
    ),
    Endpoint(
        "detail", "get", False, lambda p: reverse("indicators:detail", args=[indicator(p).pk])
    ),
    Endpoint("edit", "get", True, lambda p: reverse("indicators:edit", args=[indicator(p).pk])),
    Endpoint(
        "edit",
        "post",
        True,
        lambda p: reverse("indicators:edit", args=[indicator(p).pk]),
        lambda p: definition(key="nho-kommune-nm-rang", unit="rank", direction="lower"),
    ),
    Endpoint(
        "delete", "post", True, lambda p: reverse("indicators:delete", args=[indicator(p).pk])
    ),
    Endpoint(
        "year_edit",
        "get",
        True,
        lambda p: reverse("indicators:year_edit", args=[indicator(p).pk, 2021]),
    ),
    Endpoint(
        "year_edit",
        "post",
        True,
        lambda p: reverse("indicators:year_edit", args=[indicator(p).pk, 2021]),
        lambda p: year_form(),
    ),
]


def call(client, endpoint, plan):
    if endpoint.method == "post":
        return client.post(endpoint.url(plan), endpoint.data(plan))
    return client.get(endpoint.url(plan))


def ids(endpoint):
    return f"{endpoint.method.upper()} {endpoint.name}"


def snapshot():
    return (
        list(Indicator.objects.order_by("pk").values_list("pk", "name", "version")),
        list(Observation.objects.order_by("pk").values_list("pk", "value", "version")),
        list(Target.objects.order_by("pk").values_list("pk", "comparator", "value")),
    )


def test_the_table_covers_every_indicator_view():
    names = {
        p.name
        for ns in get_resolver().url_patterns
        if getattr(ns, "namespace", None) == "indicators"
        for p in ns.url_patterns
    }
    assert names == {e.name for e in ENDPOINTS}


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=ids)
def test_anonymous_visitors_are_sent_to_login(anonymous, asker_plan, endpoint):
    response = call(anonymous, endpoint, asker_plan)
    assert response.status_code == 302 and "/konto/logg-inn/" in response["Location"]


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=ids)
def test_the_editor_of_another_municipality_gets_404(outsider, asker_plan, endpoint):
    before = snapshot()
    assert call(outsider, endpoint, asker_plan).status_code == 404
    assert snapshot() == before


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=ids)
def test_the_read_only_member_reads_but_gets_403_on_every_write(reader, asker_plan, endpoint):
    before = snapshot()
    response = call(reader, endpoint, asker_plan)
    assert response.status_code == (403 if endpoint.writes else 200)
    assert snapshot() == before


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=ids)
def test_the_editor_may_do_everything(editor, asker_plan, endpoint):
    response = call(editor, endpoint, asker_plan)
    assert response.status_code in (200, 302), response.content[:800]


# The slide (seed-plan.md): every result 2017–2020 and every ambition 2021–2024.
SLIDE = {
    "nho-kommune-nm-rang": (
        ["12", "12", "13", "11"],
        ["12 eller bedre", "12 eller bedre", "11 eller bedre", "10 eller bedre"],
    ),
    "nho-rang-i-fylket": (
        ["5", "5", "5", "4"],
        ["4 eller bedre", "3 eller bedre", "3 eller bedre", "3 eller bedre"],
    ),
    "arbeidsplassvekst-av-befolkningsvekst": (
        ["54\u00a0%", "130\u00a0%", "47\u00a0%", "\u2212101\u00a0%"],
        ["over 50\u00a0%"] * 4,
    ),
    "andel-sysselsatt-i-egen-kommune": (
        ["41,9\u00a0%", "42,3\u00a0%", "41,4\u00a0%", "41,7\u00a0%"],
        ["minst 41,4\u00a0%", "minst 42\u00a0%", "minst 42,5\u00a0%", "minst 43\u00a0%"],
    ),
    "omdisponert-dyrket-mark": (
        ["23\u00a0daa", "260\u00a0daa", "90\u00a0daa", ""],
        ["høyst 15\u00a0daa"] * 4,
    ),
}


def test_the_demo_table_reproduces_every_number_of_the_slide(reader, asker_plan):
    response = reader.get(reverse("indicators:table", args=[asker_plan.pk]))
    table = response.context["table"]
    assert table.years == list(range(2017, 2025))
    assert [row.indicator.key for row in table.rows] == list(SLIDE)
    for row in table.rows:
        results, ambitions = SLIDE[row.indicator.key]
        assert [c.value_text for c in row.cells[:4]] == results, row.indicator.key
        assert [c.target_text for c in row.cells[4:]] == ambitions, row.indicator.key
    page = response.content.decode()
    assert "Asker mistet 480 arbeidsplasser i 2020" in page
    assert "Andelen kortreiste økte" in page


@pytest.mark.parametrize(
    "key, statuses",
    [
        ("nho-kommune-nm-rang", ["amber", "amber", "red", "green"]),
        ("nho-rang-i-fylket", ["red", "red", "red", "green"]),
        ("arbeidsplassvekst-av-befolkningsvekst", ["green", "green", "amber", "red"]),
        ("andel-sysselsatt-i-egen-kommune", ["no_data", "green", "red", "green"]),
        ("omdisponert-dyrket-mark", ["red", "red", "red", "no_data"]),
    ],
)
def test_the_demo_statuses_follow_from_the_rules(reader, asker_plan, key, statuses):
    """Years without their own ambition are measured against the long-term goal; Kommune-NM
    results are measured against the ambition of the edition that published them."""
    table = reader.get(reverse("indicators:table", args=[asker_plan.pk])).context["table"]
    row = next(r for r in table.rows if r.indicator.key == key)
    assert [c.evaluation.status.value for c in row.cells[:4]] == statuses
    assert all(c.target_is_goal for c in row.cells[:3])


def test_kommune_nm_2020_is_measured_against_the_ambition_for_the_2021_edition(reader, asker_plan):
    table = reader.get(reverse("indicators:table", args=[asker_plan.pk])).context["table"]
    cell = table.rows[0].cells[3]
    assert cell.year == 2020
    assert cell.evaluation.reason == "Rangert 11, ambisjon 12 eller bedre: grønn."
    assert cell.measured_against == "12 eller bedre (ambisjon for utgave 2021)"


def test_colour_is_never_the_only_signal(reader, asker_plan):
    page = reader.get(reverse("indicators:table", args=[asker_plan.pk])).content.decode()
    assert "✗ rød" in page and "! gul" in page and "✓ grønn" in page
    assert "Rangert 11, ambisjon 12 eller bedre: grønn." in page
    assert "Rangert 13, ambisjon 10 eller bedre: rød." in page


def test_an_editor_enters_a_result_and_an_ambition_in_place(editor, asker_plan):
    nho = indicator(asker_plan)
    url = reverse("indicators:year_edit", args=[nho.pk, 2021])
    opened = editor.get(url, **HTMX)
    assert opened.content.decode().lstrip().startswith('<section id="years"')
    response = editor.post(
        url, year_form(value="9", target_value="12", comment="Fin framgang"), **HTMX
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Rangert 9, ambisjon 12 eller bedre: grønn." in body and "Fin framgang" in body
    assert nho.observations.get(year=2021).value == 9


def test_a_revised_value_keeps_the_old_one_and_the_page_says_revidert(editor, asker_plan):
    share = indicator(asker_plan, "andel-sysselsatt-i-egen-kommune")
    url = reverse("indicators:year_edit", args=[share.pk, 2020])
    data = {"value": "41,8", "comparator": ""}
    assert editor.post(url, data).status_code == 302
    revision = ObservationRevision.objects.get(observation__indicator=share, observation__year=2020)
    assert revision.value == Decimal("41.7")
    page = editor.get(reverse("indicators:detail", args=[share.pk])).content.decode()
    assert "revidert, tidligere 41,7" in page and "41,8" in page


@pytest.mark.parametrize(
    "data, field, message",
    [
        ({"value": "fire"}, "value", "Oppgi et tall."),
        ({"value": "0"}, "value", "En plassering er et helt tall fra 1 og oppover."),
        ({"value": "2,5"}, "value", "En plassering er et helt tall fra 1 og oppover."),
        (
            {"comparator": "at_least", "target_value": ""},
            "target_value",
            "Ambisjonen trenger en verdi.",
        ),
        (
            {"comparator": "between", "target_value": "5", "target_high": "3"},
            "target_high",
            "Øvre grense kan ikke være lavere enn nedre.",
        ),
    ],
)
def test_bad_year_input_gets_a_norwegian_message_and_changes_nothing(
    editor, asker_plan, data, field, message
):
    nho = indicator(asker_plan)
    before = snapshot()
    url = reverse("indicators:year_edit", args=[nho.pk, 2020])
    response = editor.post(url, {"value": "11", "comparator": "", **data}, **HTMX)
    assert response.status_code == 422
    assert response.context["form"].errors[field] == [message]
    assert snapshot() == before


def test_a_percent_share_over_100_is_refused(editor, asker_plan):
    share = indicator(asker_plan, "andel-sysselsatt-i-egen-kommune")
    url = reverse("indicators:year_edit", args=[share.pk, 2021])
    response = editor.post(url, {"value": "141,7"})
    assert response.status_code == 422
    assert "mellom 0 og 100" in response.content.decode()


def test_a_duplicate_indicator_key_is_refused(editor, asker_plan):
    response = editor.post(
        reverse("indicators:create", args=[asker_plan.pk]), definition(key="nho-rang-i-fylket")
    )
    assert response.status_code == 422
    assert "allerede en indikator med nøkkelen «nho-rang-i-fylket»" in response.content.decode()


def test_two_editors_saving_the_same_year_do_not_overwrite_each_other(editor, asker_plan):
    from django.contrib.auth import get_user_model

    from temaplan.accounts.models import Membership

    user = get_user_model().objects.create_user("asker-redaktor-2", password="x")
    Membership.objects.create(user=user, municipality=asker_plan.municipality, role="editor")
    other = client_for("asker-redaktor-2")
    nho = indicator(asker_plan)
    url = reverse("indicators:year_edit", args=[nho.pk, 2020])
    token = editor.get(url).context["form"]["version"].value()
    assert other.get(url).context["form"]["version"].value() == token

    first = {"value": "10", "comparator": "", "version": token}
    second = {"value": "14", "comparator": "", "version": token}
    assert editor.post(url, first).status_code == 302
    response = other.post(url, second, **HTMX)
    assert response.status_code == 409
    assert EDIT_CONFLICT_MESSAGE in response.content.decode()
    assert nho.observations.get(year=2020).value == 10


def test_the_indicator_page_shows_a_projection_only_with_enough_points(reader, asker_plan):
    nho = indicator(asker_plan)
    page = reader.get(reverse("indicators:detail", args=[nho.pk])).content.decode()
    assert "Framskrivning av trenden 2017–2020" in page
    assert '<svg role="img" aria-labelledby="chart-title"' in page
    Observation.objects.filter(indicator=nho, year__lt=2019).delete()
    page = reader.get(reverse("indicators:detail", args=[nho.pk])).content.decode()
    assert "For få resultater til å framskrive trenden" in page


def test_the_indicator_table_for_50_indicators_and_15_years_makes_at_most_15_queries(
    editor, asker_plan
):
    from datetime import datetime

    owned = {"plan": asker_plan, "municipality": asker_plan.municipality}
    made = Indicator.objects.bulk_create(
        Indicator(
            **owned,
            key=f"i{i}",
            name=f"Indikator {i}",
            unit="count",
            source="own",
            position=100 + i,
        )
        for i in range(45)
    )
    when = datetime(2024, 1, 1, tzinfo=UTC)
    Observation.objects.bulk_create(
        Observation(
            municipality=asker_plan.municipality, indicator=ind, year=y, value=y, recorded_at=when
        )
        for ind in made
        for y in range(2015, 2030)
    )
    Target.objects.bulk_create(
        Target(
            municipality=asker_plan.municipality,
            indicator=ind,
            year=y,
            comparator="at_least",
            value=2020,
        )
        for ind in made
        for y in range(2015, 2030)
    )
    assert asker_plan.indicators.count() == 50
    with CaptureQueriesContext(connection) as captured:
        response = editor.get(reverse("indicators:table", args=[asker_plan.pk]))
    assert response.status_code == 200
    assert len(response.context["table"].years) == 15
    assert len(captured) <= 15, [q["sql"][:80] for q in captured]


def test_an_uploaded_workbook_with_errors_is_rejected_whole_with_every_error_listed(
    editor, asker_plan
):
    import io

    import openpyxl
    from django.core.files.uploadedfile import SimpleUploadedFile

    from temaplan.indicators.excel import workbook_bytes

    book = openpyxl.load_workbook(io.BytesIO(workbook_bytes(asker_plan)))
    sheet = book["Verdier"]
    header = [cell.value for cell in sheet[1]]
    sheet.cell(row=2, column=header.index("Verdi") + 1, value="fire")
    sheet.cell(row=3, column=header.index("Verdi") + 1, value=7)  # a valid change, not saved
    buffer = io.BytesIO()
    book.save(buffer)
    before = snapshot()
    response = editor.post(
        reverse("indicators:excel_import", args=[asker_plan.pk]),
        {"file": SimpleUploadedFile("feil.xlsx", buffer.getvalue())},
    )
    assert response.status_code == 422
    page = response.content.decode()
    assert "Ingenting er lagret" in page
    assert "Ark «Verdier», rad 2, kolonne «Verdi»: «fire» er ikke et tall" in page
    assert snapshot() == before


def test_a_file_that_is_not_excel_gets_a_clear_message(editor, asker_plan):
    from django.core.files.uploadedfile import SimpleUploadedFile

    before = snapshot()
    response = editor.post(
        reverse("indicators:excel_import", args=[asker_plan.pk]),
        {"file": SimpleUploadedFile("tall.csv", b"a;b\n1;2\n")},
    )
    assert response.status_code == 422
    assert "Filen er ikke en Excel-fil (.xlsx)" in response.content.decode()
    assert snapshot() == before


def test_the_export_downloads_as_an_xlsx_file(reader, asker_plan):
    response = reader.get(reverse("indicators:excel_export", args=[asker_plan.pk]))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert response["Content-Disposition"] == (
        f'attachment; filename="indikatorer-3203-{asker_plan.pk}.xlsx"'
    )
    assert response.content[:2] == b"PK"


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


@pytest.mark.parametrize("persona, status", [("asker-leser", 403), ("baerum-redaktor", 404)])
def test_only_the_municipality_s_editor_can_change_the_denominator(asker_plan, persona, status):
    share = indicator(asker_plan, "andel-sysselsatt-i-egen-kommune")
    response = client_for(persona).post(
        reverse("indicators:edit", args=[share.pk]),
        share_definition(share, **{DENOMINATOR: "row_total"}),
    )
    assert response.status_code == status
    share.refresh_from_db()
    assert share.formula_options == {}


def test_the_indicator_page_says_how_it_is_computed_from_ssb(reader, asker_plan):
    share = indicator(asker_plan, "andel-sysselsatt-i-egen-kommune")
    share.formula_options = {"denominator": "row_total"}
    share.save()
    page = reader.get(reverse("indicators:detail", args=[share.pk])).content.decode()
    assert "Beregnes fra SSB" in page
    assert "(nevner: radsummen i 03321 (alle arbeidssteder))" in page
    manual = indicator(asker_plan, "nho-kommune-nm-rang")
    assert not manual.formula
    assert (
        "Beregnes fra SSB"
        not in reader.get(reverse("indicators:detail", args=[manual.pk])).content.decode()
    )


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
