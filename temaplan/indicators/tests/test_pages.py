"""Indicator pages: personas for every view, the slide's numbers, the pages that read."""

from datetime import UTC

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from temaplan.indicators.models import Indicator, Observation, Target
from temaplan.indicators.tests.support import definition, indicator, snapshot, year_form
from temaplan.testing.personas import (
    Endpoint,
    assert_allowed,
    assert_not_found,
    assert_read_only,
    assert_sent_to_login,
    call,
    endpoint_id,
    url_names,
)


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


def test_the_table_covers_every_indicator_view():
    assert url_names("indicators") == {e.name for e in ENDPOINTS}


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=endpoint_id)
def test_anonymous_visitors_are_sent_to_login(anonymous, asker_plan, endpoint):
    assert_sent_to_login(call(anonymous, endpoint, asker_plan))


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=endpoint_id)
def test_the_editor_of_another_municipality_gets_404(outsider, asker_plan, endpoint):
    before = snapshot()
    assert_not_found(call(outsider, endpoint, asker_plan))
    assert snapshot() == before


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=endpoint_id)
def test_the_read_only_member_reads_but_gets_403_on_every_write(reader, asker_plan, endpoint):
    before = snapshot()
    assert_read_only(call(reader, endpoint, asker_plan), endpoint)
    assert snapshot() == before


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=endpoint_id)
def test_the_editor_may_do_everything(editor, asker_plan, endpoint):
    assert_allowed(call(editor, endpoint, asker_plan))


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
        for i in range(50 - asker_plan.indicators.count())
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


def test_the_indicator_page_says_which_kommune_nm_rank_it_takes_from_the_editions(
    reader, asker_plan
):
    county = indicator(asker_plan, "nho-rang-i-fylket")
    page = reader.get(reverse("indicators:detail", args=[county.pk])).content.decode()
    assert "Hentes fra Kommune-NM" in page and "Plassering i fylket fra de lagrede" in page
    share = indicator(asker_plan, "andel-sysselsatt-i-egen-kommune")
    page = reader.get(reverse("indicators:detail", args=[share.pk])).content.decode()
    assert "Hentes fra Kommune-NM" not in page


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
