"""The public portal with the four personas: nobody logged in, Asker's editor, its read-only
member and Bærum's editor all see exactly Asker's published 2020 report, and nothing of the
2021 draft, of a report that is frozen but not published, or of a superseded version."""

import json

import pytest
from django.urls import reverse

from temaplan.portal import queries, statement
from temaplan.reports.models import Report, ReportFile
from temaplan.reports.services import report_preview
from temaplan.testing.personas import ASKER, BAERUM, assert_one_h1, url_names

PERSONAS = ("anonymous", "editor", "reader", "outsider")
PUBLISHED_YEAR, DRAFT_YEAR = 2020, 2021


def published_urls() -> dict[str, str]:
    """Every portal URL of the demo's published data."""
    urls = {
        "list": reverse("portal:municipalities"),
        "municipality": reverse("portal:municipality", args=[ASKER]),
        "statement": reverse("portal:accessibility", args=[ASKER]),
        "report": reverse("portal:report", args=[ASKER, PUBLISHED_YEAR]),
        "csv": reverse("portal:indicators_csv", args=[ASKER, PUBLISHED_YEAR]),
        "json": reverse("portal:indicators_json", args=[ASKER, PUBLISHED_YEAR]),
    }
    for kind in ReportFile.Kind.values:
        urls[kind] = reverse("portal:download", args=[ASKER, PUBLISHED_YEAR, kind])
    return urls


def hidden_urls(year: int = DRAFT_YEAR, number: str = ASKER) -> list[str]:
    return [
        reverse("portal:report", args=[number, year]),
        reverse("portal:indicators_csv", args=[number, year]),
        reverse("portal:indicators_json", args=[number, year]),
        *(reverse("portal:download", args=[number, year, kind]) for kind in ReportFile.Kind.values),
    ]


@pytest.fixture
def published(demo):
    return Report.objects.get(plan=demo["asker"], year=PUBLISHED_YEAR, state="published")


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize(
    "name", ["list", "municipality", "statement", "report", "csv", "json", *ReportFile.Kind.values]
)
def test_every_persona_gets_the_same_published_answer(request, anonymous, persona, name):
    url = published_urls()[name]
    response = request.getfixturevalue(persona).get(url)
    assert response.status_code == 200, (url, response.status_code)
    assert_one_h1(response)
    if persona != "anonymous":
        assert response.content == anonymous.get(url).content


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_draft_year_and_a_municipality_without_a_published_report_are_not_found(
    request, persona
):
    client = request.getfixturevalue(persona)
    for url in [*hidden_urls(DRAFT_YEAR), *hidden_urls(PUBLISHED_YEAR, BAERUM)]:
        assert client.get(url).status_code == 404, url
    assert client.get(reverse("portal:municipality", args=[BAERUM])).status_code == 404
    assert client.get(reverse("portal:accessibility", args=[BAERUM])).status_code == 404


@pytest.mark.parametrize("state", ["frozen", "superseded", "draft"])
def test_a_report_that_is_not_published_now_is_never_shown(anonymous, published, state):
    Report.objects.filter(pk=published.pk).update(state=state)
    for url in hidden_urls(PUBLISHED_YEAR):
        assert anonymous.get(url).status_code == 404, url
    assert anonymous.get(reverse("portal:municipality", args=[ASKER])).status_code == 404
    assert ASKER.encode() not in anonymous.get(reverse("portal:municipalities")).content


def test_the_list_names_asker_only(anonymous):
    page = anonymous.get(reverse("portal:municipalities")).content.decode()
    assert reverse("portal:municipality", args=[ASKER]) in page
    assert "Bærum" not in page


def test_the_report_page_shows_the_published_figures(anonymous, published):
    page = anonymous.get(reverse("portal:report", args=[ASKER, PUBLISHED_YEAR])).content.decode()
    for figure in ("41,7\u00a0%", "Resultatrapport 2020", '<svg role="img"', "Vis som tabell"):
        assert figure in page, figure
    for section in ("plan", "indikatorer", "kommune-nm", "handlingsplan", "utredninger"):
        assert f'id="{section}"' in page
    assert 'scope="col"' in page and "<caption" in page
    assert "<script" not in page and "<form" not in page


def test_no_figure_of_the_2021_draft_appears_anywhere(anonymous, editor, published, demo):
    """A 2021 figure entered after the freeze is in the draft's preview, never in the portal."""
    from django.utils import timezone

    from temaplan.indicators.models import Indicator, Observation

    indicator = Indicator.objects.get(plan=demo["asker"], key="andel-sysselsatt-i-egen-kommune")
    Observation.objects.create(
        municipality=indicator.municipality,
        indicator=indicator,
        year=DRAFT_YEAR,
        value="77.7",
        recorded_at=timezone.now(),
    )
    draft = Report.objects.get(plan=demo["asker"], year=DRAFT_YEAR)
    preview = report_preview(draft, refresh=False)
    assert any(entry["shown"] == "77,7\u00a0%" for entry in preview["indicators"])
    for client in (anonymous, editor):
        for name, url in published_urls().items():
            if name in ("list", "municipality", "statement", "report", "csv", "json"):
                text = client.get(url).content.decode()
                assert "77,7" not in text and "77.7" not in text, url
                assert "Resultatrapport 2021" not in text, url


@pytest.mark.parametrize("name", ["municipality", "report", "csv", "json", "pdf"])
def test_answers_carry_etag_and_last_modified_and_304_when_unchanged(anonymous, published, name):
    url = published_urls()[name]
    first = anonymous.get(url)
    assert first["ETag"] and first["Last-Modified"]
    assert first["Cache-Control"] == "public, no-cache"
    assert anonymous.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    assert anonymous.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304
    assert anonymous.get(url, HTTP_IF_NONE_MATCH='"something-else"').status_code == 200


def test_each_representation_has_its_own_etag(anonymous, published):
    tags = {anonymous.get(url)["ETag"] for url in published_urls().values()}
    assert len(tags) == len(published_urls())


def test_the_files_are_attachments_byte_for_byte(anonymous, published):
    stored = ReportFile.objects.get(report=published, kind="pdf")
    response = anonymous.get(published_urls()["pdf"])
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    assert response.content == bytes(stored.content)


def test_an_unknown_file_kind_is_not_found(anonymous, published):
    assert anonymous.get(f"/offentlig/{ASKER}/{PUBLISHED_YEAR}/exe").status_code == 404


def test_the_json_documents_its_columns_licence_and_credit(anonymous, published):
    data = json.loads(anonymous.get(published_urls()["json"]).content)
    about = data["om"]
    assert about["lisens"].endswith("(NLOD) 2.0")
    assert about["kreditering"] == "Kilde: Statistisk sentralbyrå"
    assert about["fingeravtrykk"] == published.fingerprint
    names = [column["navn"] for column in about["kolonner"]]
    coded = {column["navn"]: column.get("koder", {}) for column in about["kolonner"]}
    assert coded["enhet"]["percent"] == "prosent" and coded["status"]["green"] == "grønn"
    assert all(row["enhet"] in coded["enhet"] for row in data["rader"])
    assert all(row["status"] in coded["status"] for row in data["rader"])
    assert data["rader"] and all(list(row) == names for row in data["rader"])


def test_the_csv_has_the_documented_header(anonymous, published):
    response = anonymous.get(published_urls()["csv"])
    assert response["Content-Disposition"] == (
        f'attachment; filename="indikatorer-{ASKER}-{PUBLISHED_YEAR}.csv"'
    )
    header = response.content.decode().splitlines()[0]
    assert header.split(",") == [name for name, _ in queries_columns()]


def queries_columns():
    from temaplan.portal.opendata import COLUMNS

    return COLUMNS


def test_a_post_is_refused(anonymous, published):
    assert anonymous.post(published_urls()["report"]).status_code == 405


def test_the_queries_find_only_published_reports(published):
    assert list(queries.published()) == [published]


def test_the_accessibility_statement_has_the_parts_norwegian_statements_have(anonymous):
    url = reverse("portal:accessibility", args=[ASKER])
    page = anonymous.get(url).content.decode()
    for heading in ("Samsvar med kravene", "Kjente avvik", "Tilbakemelding og kontakt", "Dato"):
        assert f">{heading}</h2>" in page, heading
    assert statement.STANDARD in page and "axe-core" in page and "uutilsynet.no" in page
    assert f'datetime="{statement.REVIEWED:%Y-%m-%d}"' in page
    first = anonymous.get(url)
    assert anonymous.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


def test_the_portal_pages_link_to_the_statement(anonymous):
    url = reverse("portal:accessibility", args=[ASKER])
    for name in ("municipality", "report"):
        assert url in anonymous.get(published_urls()[name]).content.decode(), name


def test_the_persona_table_covers_every_portal_url(demo):
    named = {
        "list": "municipalities",
        "statement": "accessibility",
        "csv": "indicators_csv",
        "json": "indicators_json",
        "pdf": "download",
    }
    covered = {named.get(name, name) for name in published_urls()}
    assert url_names("portal") <= covered
