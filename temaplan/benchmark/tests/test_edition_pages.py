"""The Kommune-NM data pages in the browser: personas on every view, entry and correction of
editions, themes and rankings with bad input refused on the field, edit conflicts, upload with
every error listed, downloads and the empty state."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from temaplan.accounts.access import READ_ONLY_MESSAGE
from temaplan.benchmark import edition_services, ranking_services
from temaplan.benchmark import import_checks as im
from temaplan.benchmark import workbook as wb
from temaplan.benchmark.models import Edition, Parameter, Ranking, Theme, ThemeRank
from temaplan.core.versioning import EDIT_CONFLICT_MESSAGE
from temaplan.testing.database import stored_rows
from temaplan.testing.personas import (
    Endpoint,
    client_for,
    persona_tests,
    second_editor,
    url_names,
)
from temaplan.testing.workbooks import edited, put

THEMES = ("naeringsliv", "arbeidsmarked", "demografi", "kompetanse", "kommuneokonomi")


def number(plan) -> str:
    return plan.municipality.number


def an_edition(plan) -> Edition:
    return Edition.objects.get(municipality=plan.municipality, year=2021)


def a_theme(plan) -> Theme:
    return Theme.objects.get(edition=an_edition(plan), key="demografi")


def a_ranking(plan) -> Ranking:
    return Ranking.objects.get(edition=an_edition(plan), data_year=2020, code="3025")


def page(name: str, *parts) -> Callable:
    """The URL of a page under the municipality (and an edition, theme or ranking)."""

    def url(plan) -> str:
        args: list = [number(plan)]
        for part in parts:
            row = part(plan)
            args += [row.year] if isinstance(row, Edition) else [row.edition.year, row.pk]
        return reverse(f"benchmark:{name}", args=args)

    return url


def edition_url(name: str) -> Callable:
    return lambda plan: reverse(f"benchmark:{name}", args=[number(plan), 2021])


def new_edition(plan) -> dict:
    return {
        "year": "2022",
        "data_year": "2021",
        "published_on": "2022-06-01",
        "municipalities_ranked": "356",
        "source": "NHO Kommune-NM 2022, nho.no",
    }


def edited_edition(plan) -> dict:
    edition = an_edition(plan)
    return {
        "year": "2021",
        "data_year": "2020",
        "published_on": "2021-06-01",
        "municipalities_ranked": "356",
        "source": "NHO Kommune-NM 2021",
        "note": "Rettet kilde",
        "version": edition.version,
    }


def new_theme(plan) -> dict:
    return {"name": "Innovasjon", "key": "", "parameters": "Patenter\nForskning"}


def edited_theme(plan) -> dict:
    theme = a_theme(plan)
    return {
        "name": "Demografi",
        "key": "demografi",
        "parameters": "Befolkningsvekst\nAndel i arbeidsfør alder\nNetto innflytting",
        "version": theme.version,
    }


def new_ranking(plan) -> dict:
    return {"data_year": "2020", "code": "3005", "name": "Drammen", "rank": "40"}


def edited_ranking(plan) -> dict:
    ranking = a_ranking(plan)
    ranks = dict(zip(THEMES, ("6", "56", "97", "54", "11"), strict=True))
    return {
        "data_year": "2020",
        "code": "3025",
        "name": "Asker",
        "rank": "4",
        **{ranking_services.theme_field(key): rank for key, rank in ranks.items()},
        "version": ranking.version,
    }


def upload(plan) -> dict:
    data = wb.editions_workbook(plan.municipality)
    return {"file": SimpleUploadedFile("kommune-nm.xlsx", data)}


EDITION_ENDPOINTS = [
    Endpoint("editions", "get", False, page("editions")),
    Endpoint("edition_detail", "get", False, page("edition_detail", an_edition)),
    Endpoint("editions_export", "get", False, page("editions_export")),
    Endpoint("editions_csv", "get", False, page("editions_csv")),
    Endpoint("editions_template", "get", False, page("editions_template")),
    Endpoint("edition_create", "get", True, page("edition_create")),
    Endpoint("edition_create", "post", True, page("edition_create"), new_edition),
    Endpoint("edition_edit", "get", True, page("edition_edit", an_edition)),
    Endpoint("edition_edit", "post", True, page("edition_edit", an_edition), edited_edition),
    Endpoint("edition_delete", "get", True, page("edition_delete", an_edition)),
    Endpoint("edition_delete", "post", True, page("edition_delete", an_edition)),
    Endpoint("theme_create", "get", True, page("theme_create", an_edition)),
    Endpoint("theme_create", "post", True, page("theme_create", an_edition), new_theme),
    Endpoint("theme_edit", "get", True, page("theme_edit", a_theme)),
    Endpoint("theme_edit", "post", True, page("theme_edit", a_theme), edited_theme),
    Endpoint("theme_delete", "get", True, page("theme_delete", a_theme)),
    Endpoint("theme_delete", "post", True, page("theme_delete", a_theme)),
    Endpoint("ranking_create", "get", True, page("ranking_create", an_edition)),
    Endpoint("ranking_create", "post", True, page("ranking_create", an_edition), new_ranking),
    Endpoint("ranking_edit", "get", True, page("ranking_edit", a_ranking)),
    Endpoint("ranking_edit", "post", True, page("ranking_edit", a_ranking), edited_ranking),
    Endpoint("ranking_delete", "get", True, page("ranking_delete", a_ranking)),
    Endpoint("ranking_delete", "post", True, page("ranking_delete", a_ranking)),
    Endpoint("editions_import", "get", True, page("editions_import")),
    Endpoint("editions_import", "post", True, page("editions_import"), upload),
]


def snapshot():
    return [
        list(model.objects.order_by("pk").values_list("pk", "version"))
        for model in (Edition, Theme, Parameter, Ranking, ThemeRank)
    ] + [list(Edition.objects.order_by("pk").values_list("source", "note"))]


(
    test_anonymous_visitors_are_sent_to_login,
    test_the_editor_of_another_municipality_gets_404,
    test_the_read_only_member_changes_nothing,
    test_the_editor_may_do_everything,
) = persona_tests(EDITION_ENDPOINTS, snapshot)


def test_the_table_covers_every_edition_page():
    names = url_names("benchmark")
    edition_pages = {name for name in names if name.startswith(("edition", "theme", "ranking"))}
    assert {endpoint.name for endpoint in EDITION_ENDPOINTS} == edition_pages


def test_a_read_only_member_is_told_why_a_write_is_refused(reader, asker_plan):
    response = reader.post(page("ranking_delete", a_ranking)(asker_plan))
    assert response.status_code == 403
    assert READ_ONLY_MESSAGE in response.content.decode()


# --- The pages --------------------------------------------------------------------------------


def test_the_list_shows_each_edition_with_its_source(editor, asker_plan):
    text = editor.get(page("editions")(asker_plan)).content.decode()
    for year in (2018, 2019, 2020, 2021):
        assert f"Kommune-NM {year}" in text
    assert "Lysbildet «NHO Kommune-NM 2021 (2020-tall)» i planpresentasjonen" in text


def test_a_municipality_without_editions_is_told_what_to_do_next(baerum_plan):
    Edition.objects.filter(municipality=baerum_plan.municipality).delete()
    text = client_for("baerum-redaktor").get(page("editions")(baerum_plan)).content.decode()
    assert "Ingen Kommune-NM-utgaver er lagt inn ennå." in text
    assert reverse("benchmark:edition_create", args=["3201"]) in text
    assert reverse("benchmark:editions_template", args=["3201"]) in text


def test_the_edition_shows_first_published_and_restated_years_and_the_county_rank(
    editor, asker_plan
):
    text = editor.get(page("edition_detail", an_edition)(asker_plan)).content.decode()
    assert "Dataår 2020, slik først publisert" in text
    assert "Dataår 2019, slik utgave 2021 gjengir det" in text
    assert "4. av de 6 kommunene i Viken vi har tall for" in text


def test_the_downloads_are_the_workbook_the_csv_and_the_template(editor, asker_plan):
    xlsx = editor.get(page("editions_export")(asker_plan))
    assert xlsx.content == wb.editions_workbook(asker_plan.municipality)
    csv = editor.get(page("editions_csv")(asker_plan))
    assert csv["Content-Type"].startswith("text/csv")
    assert csv.content.decode("utf-8-sig").startswith("Utgave;Dataår;Kommunenummer")
    template = editor.get(page("editions_template")(asker_plan))
    assert template.content == wb.template_workbook()


# --- Entry and correction ---------------------------------------------------------------------


def test_an_editor_adds_an_edition_and_a_ranking_in_it(editor, asker_plan):
    response = editor.post(page("edition_create")(asker_plan), new_edition(asker_plan))
    assert response.status_code == 302
    edition = Edition.objects.get(municipality=asker_plan.municipality, year=2022)
    url = reverse("benchmark:ranking_create", args=["3203", 2022])
    data = {"data_year": "2021", "code": "3025", "name": "Asker", "rank": "9"}
    assert editor.post(url, data).status_code == 302
    assert Ranking.objects.get(edition=edition).rank == 9


def test_a_correction_changes_the_rank_and_the_theme_ranks(editor, asker_plan):
    response = editor.post(page("ranking_edit", a_ranking)(asker_plan), edited_ranking(asker_plan))
    assert response.status_code == 302
    ranking = a_ranking(asker_plan)
    assert (ranking.rank, ranking.version) == (4, 2)
    assert ranking.theme_ranks.get(theme__key="demografi").rank == 97


@pytest.mark.parametrize(
    "changes, field, message",
    [
        ({"rank": "357"}, "rank", ranking_services.RANK_OUT_OF_RANGE.format(ranked=356)),
        ({"rank": "0"}, "rank", None),
        ({"code": "0220"}, "code", "Kommunenummer 0220 fantes ikke 1.6.2021"),
        (
            {"code": "3024"},
            "code",
            ranking_services.DUPLICATE_CODE.format(code="3024", data_year=2020),
        ),
        (
            {ranking_services.theme_field("demografi"): ""},
            ranking_services.theme_field("demografi"),
            ranking_services.THEME_RANK_MISSING.format(theme="Demografi"),
        ),
        ({"rank": "elleve"}, "rank", None),
    ],
)
def test_a_bad_ranking_is_refused_on_its_field_and_changes_nothing(
    editor, asker_plan, changes, field, message
):
    before = stored_rows()
    url = page("ranking_edit", a_ranking)(asker_plan)
    response = editor.post(url, {**edited_ranking(asker_plan), **changes})
    assert response.status_code == 422
    assert stored_rows() == before
    errors = response.context["form"].errors[field]
    if message:
        assert any(error.startswith(message) for error in errors), errors


def test_an_edition_year_taken_is_refused(editor, asker_plan):
    response = editor.post(
        page("edition_create")(asker_plan),
        {
            **new_edition(asker_plan),
            "year": "2021",
            "data_year": "2020",
            "published_on": "2021-06-01",
        },
    )
    assert response.status_code == 422
    assert response.context["form"].errors["year"] == [
        edition_services.EDITION_EXISTS.format(year=2021)
    ]


def test_fewer_municipalities_ranked_than_a_stored_rank_is_refused(editor, asker_plan):
    data = {**edited_edition(asker_plan), "municipalities_ranked": "10"}
    response = editor.post(page("edition_edit", an_edition)(asker_plan), data)
    assert response.status_code == 422
    assert response.context["form"].errors["municipalities_ranked"] == [
        edition_services.RANKED_BELOW_STORED.format(rank=14, name="Ås")
    ]


def test_the_second_of_two_editors_gets_an_edit_conflict(editor, asker_plan):
    other = second_editor(asker_plan.municipality)
    stale = edited_ranking(asker_plan)
    assert other.post(page("ranking_edit", a_ranking)(asker_plan), stale).status_code == 302
    response = editor.post(page("ranking_edit", a_ranking)(asker_plan), {**stale, "rank": "5"})
    assert response.status_code == 409
    assert EDIT_CONFLICT_MESSAGE in response.content.decode()
    assert a_ranking(asker_plan).rank == 4


def test_a_theme_gets_its_parameters_and_a_ranking_then_takes_values_for_them(editor, asker_plan):
    editor.post(page("theme_edit", a_theme)(asker_plan), edited_theme(asker_plan))
    names = list(a_theme(asker_plan).parameters.values_list("name", flat=True))
    assert names == ["Befolkningsvekst", "Andel i arbeidsfør alder", "Netto innflytting"]
    field = ranking_services.parameter_field(
        "demografi", edition_services.parameter_key("Befolkningsvekst")
    )
    data = {**edited_ranking(asker_plan), field: "1,25"}
    assert editor.post(page("ranking_edit", a_ranking)(asker_plan), data).status_code == 302
    assert str(a_ranking(asker_plan).parameter_values.get().value) == "1.2500"


# --- Upload -----------------------------------------------------------------------------------


def test_an_upload_with_errors_lists_them_by_sheet_row_and_column_and_saves_nothing(
    editor, asker_plan
):
    data = edited(wb.editions_workbook(asker_plan.municipality), put(wb.RANKINGS, 2, wb.RANK, 0))
    before = stored_rows()
    response = editor.post(
        page("editions_import")(asker_plan), {"file": SimpleUploadedFile("nm.xlsx", data)}
    )
    assert response.status_code == 422
    assert stored_rows() == before
    text = response.content.decode()
    assert "Ingenting er lagret: filen har 1 feil." in text
    message = im.RANK_RANGE.format(rank=0, ranked=422, year=2018)
    assert f"Ark «Plasseringer», rad 2, kolonne «Plassering»: {message}" in text


def test_a_csv_upload_corrects_a_rank(editor, asker_plan):
    text = wb.editions_csv(asker_plan.municipality).decode("utf-8-sig")
    text = text.replace("2021;2020;3025;Asker;11;", "2021;2020;3025;Asker;7;")
    response = editor.post(
        page("editions_import")(asker_plan),
        {"file": SimpleUploadedFile("nm.csv", text.encode("utf-8"))},
    )
    assert response.status_code == 302
    assert a_ranking(asker_plan).rank == 7
