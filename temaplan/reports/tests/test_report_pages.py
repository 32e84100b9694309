"""The report pages in the browser: personas for every view (the reader reads and downloads
but makes, freezes and publishes nothing; another municipality's editor gets 404), the draft
as a live preview of every section, the frozen report as it was frozen with what has changed
since, downloads with a safe file name, refusals with their message, and Bærum's empty list."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from temaplan.accounts.access import READ_ONLY_MESSAGE
from temaplan.actions.models import Action
from temaplan.indicators.models import Indicator
from temaplan.indicators.services import observation_record
from temaplan.reports import services
from temaplan.reports.models import Report, ReportFile
from temaplan.reports.snapshot import TITLE
from temaplan.testing.personas import Endpoint, h1_count, persona_tests

NBSP = "\u00a0"


def draft(plan) -> Report:
    return Report.objects.get(plan=plan, year=2021)


def published(plan) -> Report:
    return Report.objects.get(plan=plan, year=2020, number=1)


def frozen(plan) -> Report:
    """A frozen report not yet published (made here: the demo's 2020 report is published)."""
    found = Report.objects.filter(plan=plan, state=Report.State.FROZEN).first()
    if found is not None:
        return found
    source = published(plan)
    return Report.objects.create(
        municipality=plan.municipality,
        plan=plan,
        year=2022,
        title=TITLE.format(year=2022),
        state=Report.State.FROZEN,
        schema_version=source.schema_version,
        document=source.document,
        fingerprint=source.fingerprint,
        frozen_at=timezone.now(),
    )


def at(name, row=None, *extra):
    def url(plan):
        args = [plan.pk] + ([row(plan).pk] if row else []) + list(extra)
        return reverse(f"reports:{name}", args=args)

    return url


def version_of(row):
    return lambda plan: {"version": row(plan).version}


REPORT_ENDPOINTS = [
    Endpoint("list", "get", False, at("list")),
    Endpoint("create", "get", True, at("create")),
    Endpoint("create", "post", True, at("create"), lambda plan: {"year": "2022"}),
    Endpoint("detail", "get", False, at("detail", draft)),
    Endpoint("detail", "get", False, at("detail", published)),
    Endpoint("freeze", "post", True, at("freeze", draft), version_of(draft)),
    Endpoint("publish", "post", True, at("publish", frozen), version_of(frozen)),
    Endpoint("supersede", "get", True, at("supersede", published)),
    Endpoint(
        "supersede",
        "post",
        True,
        at("supersede", published),
        lambda plan: {"reason": "SSB har revidert 2020.", "version": published(plan).version},
    ),
    Endpoint("download", "get", False, at("download", published, "pdf")),
]


def snapshot():
    return (
        list(Report.objects.order_by("pk").values_list("pk", "state", "version", "number")),
        list(ReportFile.objects.order_by("pk").values_list("pk", "sha256")),
    )


(
    test_anonymous_visitors_are_sent_to_login,
    test_the_editor_of_another_municipality_gets_404,
    test_the_read_only_member_changes_nothing,
    test_the_editor_may_do_everything,
) = persona_tests(REPORT_ENDPOINTS, snapshot)


@pytest.mark.parametrize(
    "endpoint", [e for e in REPORT_ENDPOINTS if e.writes], ids=lambda e: f"{e.method} {e.name}"
)
def test_the_reader_is_told_they_only_read(reader, asker_plan, endpoint):
    url = endpoint.url(asker_plan)
    response = (
        reader.post(url, endpoint.data(asker_plan))
        if endpoint.method == "post"
        else reader.get(url)
    )
    assert response.status_code == 403
    assert READ_ONLY_MESSAGE in response.content.decode()


def text(response) -> str:
    return response.content.decode().replace(NBSP, " ").replace("&nbsp;", " ")


# --- The list ---------------------------------------------------------------------------------


def test_the_list_shows_every_year_and_both_versions_of_a_superseded_report(editor, asker_plan):
    old = published(asker_plan)
    services.report_supersede(report=old, user=None, reason="SSB har revidert andelen.")
    page = text(editor.get(reverse("reports:list", args=[asker_plan.pk])))
    assert "Resultatrapport 2021" in page and "Resultatrapport 2020" in page
    assert "Versjon 2" in page and "Versjon 1" in page
    assert "Erstatter versjon 1: SSB har revidert andelen." in page
    assert "Lag utkast" in page


def test_baerum_with_no_report_is_told_what_to_do_next(outsider, baerum_plan):
    page = text(outsider.get(reverse("reports:list", args=[baerum_plan.pk])))
    assert "Planen har ingen resultatrapporter ennå." in page
    assert "Lag et utkast for året du skal rapportere på." in page
    assert 'action="' + reverse("reports:create", args=[baerum_plan.pk]) + '"' in page


def test_a_year_that_has_a_report_is_refused_on_the_field(editor, asker_plan):
    before = snapshot()
    response = editor.post(reverse("reports:create", args=[asker_plan.pk]), {"year": "2020"})
    assert response.status_code == 422
    message = services.REPORT_EXISTS.format(year=2020, number=1, state="publisert")
    assert message in text(response)
    assert snapshot() == before


@pytest.mark.parametrize("year", ["", "1999", "abc", "2100"])
def test_a_year_outside_the_list_is_refused(editor, asker_plan, year):
    before = snapshot()
    response = editor.post(reverse("reports:create", args=[asker_plan.pk]), {"year": year})
    assert response.status_code == 422
    assert snapshot() == before


def test_making_a_draft_leads_to_its_preview(editor, asker_plan):
    response = editor.post(reverse("reports:create", args=[asker_plan.pk]), {"year": "2022"})
    report = Report.objects.get(plan=asker_plan, year=2022)
    assert response["Location"] == reverse("reports:detail", args=[asker_plan.pk, report.pk])


# --- The draft --------------------------------------------------------------------------------


SECTIONS = [
    "Indikatorer",
    "NHOs Kommune-NM",
    "Handlingsplanen 2022/23",
    "Utredninger",
    "Budsjett",
    "Partnerskapsavtaler",
    "Dialogmøter i 2021",
    "Resultatvurdering",
]


def test_the_draft_page_previews_every_section_from_the_live_data(editor, asker_plan):
    response = editor.get(reverse("reports:detail", args=[asker_plan.pk, draft(asker_plan).pk]))
    page = text(response)
    for heading in SECTIONS:
        assert f">{heading}</h2>" in page, heading
    assert h1_count(response.content.decode()) == 1
    assert '<th scope="col">Resultat</th>' in page
    assert '<th scope="row">Campus Bærekraft / sirkulærøkonomi</th>' in page
    assert "Lås rapporten" in page
    assert "Endret siden låsing" not in page


def test_the_draft_follows_the_live_data(editor, asker_plan):
    share = Indicator.objects.get(plan=asker_plan, key="andel-sysselsatt-i-egen-kommune")
    observation_record(indicator=share, year=2021, value=Decimal("43.2"))
    page = text(editor.get(reverse("reports:detail", args=[asker_plan.pk, draft(asker_plan).pk])))
    assert "43,2 %" in page


def queries_of(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_draft_page_does_not_grow_in_queries_with_the_plan(editor, asker_plan):
    from temaplan.reports.tests.test_snapshot import more_of_everything

    url = reverse("reports:detail", args=[asker_plan.pk, draft(asker_plan).pk])
    queries_of(editor, url)
    before = queries_of(editor, url)
    more_of_everything(asker_plan, 10)
    queries_of(editor, url)  # the first look stores the new sentences (in bulk)
    assert queries_of(editor, url) == before
    assert before <= 60


def test_freezing_from_the_page(editor, asker_plan):
    report = draft(asker_plan)
    url = reverse("reports:freeze", args=[asker_plan.pk, report.pk])
    response = editor.post(url, {"version": report.version})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.state == "frozen" and report.frozen_by.username == "asker-redaktor"


def test_freezing_a_page_someone_else_changed_meanwhile_is_refused(editor, asker_plan):
    report = draft(asker_plan)
    before = snapshot()
    url = reverse("reports:freeze", args=[asker_plan.pk, report.pk])
    response = editor.post(url, {"version": report.version + 1})
    assert response.status_code == 409
    assert "Noen andre har endret dette" in text(response)
    assert snapshot() == before


def test_freezing_a_report_with_no_indicators_shows_why(outsider, baerum_plan):
    report = services.report_draft_create(plan=baerum_plan, year=2021, user=None)
    url = reverse("reports:freeze", args=[baerum_plan.pk, report.pk])
    response = outsider.post(url, {"version": report.version})
    assert response.status_code == 422
    assert services.NO_INDICATORS in text(response)
    assert Report.objects.get(pk=report.pk).state == "draft"


@pytest.mark.parametrize("data", [{}, {"version": "abc"}, {"version": "-1"}])
def test_a_freeze_without_a_readable_version_is_refused(editor, asker_plan, data):
    before = snapshot()
    url = reverse("reports:freeze", args=[asker_plan.pk, draft(asker_plan).pk])
    response = editor.post(url, data)
    assert response.status_code in (409, 422)
    assert snapshot() == before


# --- The frozen report ------------------------------------------------------------------------


def test_the_frozen_page_shows_the_frozen_figures_and_what_changed_since(editor, asker_plan):
    report = published(asker_plan)
    share = Indicator.objects.get(plan=asker_plan, key="andel-sysselsatt-i-egen-kommune")
    observation_record(indicator=share, year=2020, value=Decimal("41.8"), vintage="SSB 2023-06-01")
    Action.objects.filter(key="a05-partneravtaler").update(status="cancelled")
    page = text(editor.get(reverse("reports:detail", args=[asker_plan.pk, report.pk])))
    assert "41,7 %" in page  # the frozen result, not the live one
    assert ">Endret siden låsing</h2>" in page
    assert (
        f"SSB har revidert «{share.name}» for 2020 fra 41,7 % til 41,8 % (SSB 2023-06-01)." in page
    )
    assert "har endret status fra" in page and "til avlyst." in page
    assert "1. mai 2022 kl. 02.00 av Asker redaktør (demo)" in page  # who froze it, and when
    for kind in ("pdf", "docx", "xlsx", "pptx"):
        assert reverse("reports:download", args=[asker_plan.pk, report.pk, kind]) in page
    assert "Publiser rapporten" not in page  # published already
    assert "Lag en ny versjon" in page


def test_a_frozen_report_with_nothing_changed_says_so(editor, asker_plan):
    report = services.report_freeze(
        report=draft(asker_plan), user=None, expected_version=draft(asker_plan).version
    )
    page = text(editor.get(reverse("reports:detail", args=[asker_plan.pk, report.pk])))
    assert "Ingenting av det rapporten viser er endret siden den ble låst." in page
    assert "Publiser rapporten" in page


def test_publishing_twice_is_refused_with_a_message(editor, asker_plan):
    report = published(asker_plan)
    before = snapshot()
    url = reverse("reports:publish", args=[asker_plan.pk, report.pk])
    response = editor.post(url, {"version": report.version})
    assert response.status_code == 422
    assert "Resultatrapporten er allerede publisert (9. mai 2022 kl. 12.00)." in text(response)
    assert snapshot() == before


@pytest.mark.parametrize(
    "kind, content_type",
    [
        ("pdf", "application/pdf"),
        ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
    ],
)
def test_the_reader_downloads_the_stored_files(reader, asker_plan, kind, content_type):
    report = published(asker_plan)
    response = reader.get(reverse("reports:download", args=[asker_plan.pk, report.pk, kind]))
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"] == (
        f'attachment; filename="resultatrapport-3203-2020-v1.{kind}"'
    )
    assert response.content == bytes(report.files.get(kind=kind).content)


@pytest.mark.parametrize("kind", ["exe", "PDF", "..", "pdf.exe"])
def test_an_unknown_file_kind_is_404(reader, asker_plan, kind):
    report = published(asker_plan)
    assert (
        reader.get(reverse("reports:download", args=[asker_plan.pk, report.pk, kind])).status_code
        == 404
    )


def test_a_draft_has_no_files(reader, asker_plan):
    url = reverse("reports:download", args=[asker_plan.pk, draft(asker_plan).pk, "pdf"])
    assert reader.get(url).status_code == 404


def test_a_report_of_another_plan_is_404(editor, asker_plan, baerum_plan):
    url = reverse("reports:detail", args=[asker_plan.pk, 10**6])
    assert editor.get(url).status_code == 404


def test_a_new_version_needs_a_reason_on_the_page(editor, asker_plan):
    report = published(asker_plan)
    before = snapshot()
    url = reverse("reports:supersede", args=[asker_plan.pk, report.pk])
    response = editor.post(url, {"reason": " ", "version": report.version})
    assert response.status_code == 422
    assert "Skriv hvorfor rapporten skal erstattes." in text(response)
    assert snapshot() == before


def test_a_new_version_from_the_page(editor, asker_plan):
    report = published(asker_plan)
    url = reverse("reports:supersede", args=[asker_plan.pk, report.pk])
    response = editor.post(url, {"reason": "SSB har revidert.", "version": report.version})
    newer = Report.objects.get(plan=asker_plan, year=2020, number=2)
    assert response["Location"] == reverse("reports:detail", args=[asker_plan.pk, newer.pk])
    page = text(editor.get(response["Location"]))
    assert "Erstatter versjon 1. Begrunnelse: SSB har revidert." in page
    old_page = text(editor.get(reverse("reports:detail", args=[asker_plan.pk, report.pk])))
    assert "Versjon 2 erstatter denne versjonen." in old_page


def test_the_plan_page_links_to_the_reports(editor, asker_plan):
    page = text(editor.get(reverse("plans:plan_detail", args=[asker_plan.pk])))
    assert reverse("reports:list", args=[asker_plan.pk]) in page


def test_the_dates_of_the_demo(asker_plan):
    assert published(asker_plan).frozen_at.date() == date(2022, 5, 1)


def test_the_table_covers_every_report_page():
    from temaplan.reports.report_urls import urlpatterns

    assert {e.name for e in REPORT_ENDPOINTS} == {p.name for p in urlpatterns}


def test_a_reader_s_look_at_a_draft_writes_nothing_but_shows_the_evaluation(reader, asker_plan):
    from temaplan.reports.models import EvaluationText

    report = draft(asker_plan)
    EvaluationText.objects.filter(report=report).delete()
    page = reader.get(reverse("reports:detail", args=[asker_plan.pk, report.pk]))
    assert page.status_code == 200
    assert not EvaluationText.objects.filter(report=report).exists()
    assert "indikatorer når ambisjonen" in page.content.decode()
