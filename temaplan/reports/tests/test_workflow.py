"""The report's workflow: draft → frozen → published, superseded by a new version with a
reason; every refusal with its clear Norwegian message and nothing changed; and a frozen
report that nothing afterwards changes, byte for byte."""

import hashlib
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from temaplan.core.versioning import EditConflict
from temaplan.indicators.models import Indicator
from temaplan.indicators.services import indicator_observations_recompute, observation_record
from temaplan.reports import evaluation_services, services
from temaplan.reports.changes import changes_since
from temaplan.reports.document import SCHEMA_VERSION, canonical_bytes, fingerprint
from temaplan.reports.evaluation_services import evaluation_sentences
from temaplan.reports.models import Report, ReportFile
from temaplan.reports.rendering import KINDS
from temaplan.reports.snapshot import snapshot_build
from temaplan.statistics.formulas import FormulaValue
from temaplan.statistics.models import SeriesValue
from temaplan.statistics.store import series_store

NOW = datetime(2023, 3, 1, 12, 0, tzinfo=UTC)
TODAY = date(2023, 3, 1)


@pytest.fixture
def user(demo):
    return get_user_model().objects.get(username="asker-redaktor")


@pytest.fixture
def published(asker_plan):
    return Report.objects.get(plan=asker_plan, year=2020)


@pytest.fixture
def draft(asker_plan):
    return Report.objects.get(plan=asker_plan, year=2021)


def refused(call) -> str:
    with pytest.raises(ValidationError) as error:
        call()
    return " ".join(error.value.messages)


def rows() -> list:
    return list(Report.objects.order_by("pk").values_list("pk", "state", "version", "number"))


# --- Drafts -----------------------------------------------------------------------------------


def test_a_draft_is_made_for_a_year_without_a_report(asker_plan, user):
    report = services.report_draft_create(plan=asker_plan, year=2022, user=user, today=TODAY)
    assert (report.state, report.number, report.title) == ("draft", 1, "Resultatrapport 2022")
    assert report.history.first().history_user == user


@pytest.mark.parametrize(
    "year, message",
    [
        (2020, services.REPORT_EXISTS.format(year=2020, number=1, state="publisert")),
        (2021, services.DRAFT_EXISTS.format(year=2021)),
        (2019, services.YEAR_OUTSIDE_PLAN.format(first=2020, last=2032)),
        (2024, services.YEAR_IN_FUTURE.format(year=2024)),
    ],
)
def test_a_draft_is_refused_with_a_clear_message(asker_plan, user, year, message):
    before = rows()
    assert (
        refused(
            lambda: services.report_draft_create(plan=asker_plan, year=year, user=user, today=TODAY)
        )
        == message
    )
    assert rows() == before


def test_the_preview_of_a_draft_is_the_live_document_with_its_evaluation(draft):
    document = services.report_preview(draft)
    assert document["meta"]["title"] == "Resultatrapport 2021"
    assert document["evaluation"] == evaluation_sentences(draft)
    assert {s["section"] for s in document["evaluation"]} >= {"summary", "indicator"}
    assert Report.objects.get(pk=draft.pk).document is None


def test_the_preview_of_a_frozen_report_is_its_stored_document(published):
    assert services.report_preview(published) == published.document


# --- Freezing ---------------------------------------------------------------------------------


def test_freezing_stores_the_document_its_fingerprint_who_and_when_and_the_files(draft, user):
    frozen = services.report_freeze(
        report=draft, user=user, expected_version=draft.version, today=TODAY, now=NOW
    )
    frozen.refresh_from_db()
    assert (frozen.state, frozen.frozen_by, frozen.frozen_at) == ("frozen", user, NOW)
    assert frozen.schema_version == SCHEMA_VERSION
    assert frozen.fingerprint == fingerprint(frozen.document)
    built = snapshot_build(plan=draft.plan, year=2021, today=TODAY, now=NOW)
    assert frozen.document == {**built, "evaluation": evaluation_sentences(frozen)}
    assert frozen.document["evaluation"]
    files = {f.kind: f for f in frozen.files.all()}
    assert sorted(files) == sorted(KINDS)
    for stored in files.values():
        assert stored.sha256 == hashlib.sha256(bytes(stored.content)).hexdigest()
        assert stored.created_at == NOW


def test_the_evaluation_goes_into_the_frozen_document(draft, user, monkeypatch):
    sentence = {"section": "summary", "key": "", "text": "4 av 5.", "figures": {}, "edited": False}
    monkeypatch.setattr(evaluation_services, "evaluation_sentences", lambda report: [sentence])
    frozen = services.report_freeze(report=draft, user=user, expected_version=draft.version)
    assert frozen.document["evaluation"] == [sentence]


def test_a_report_with_no_indicators_is_not_frozen(baerum_plan):
    editor = get_user_model().objects.get(username="baerum-redaktor")
    report = services.report_draft_create(plan=baerum_plan, year=2021, user=editor)
    message = refused(
        lambda: services.report_freeze(report=report, user=editor, expected_version=report.version)
    )
    assert message == services.NO_INDICATORS
    report.refresh_from_db()
    assert (report.state, report.document, report.files.count()) == ("draft", None, 0)


def test_an_evaluation_with_problems_stops_the_freeze(draft, user, monkeypatch):
    problem = "Setningen om andelen sier 41,7 %, men tallet er nå 41,8 %."
    monkeypatch.setattr(evaluation_services, "evaluation_problems", lambda **kw: [problem])
    message = refused(
        lambda: services.report_freeze(report=draft, user=user, expected_version=draft.version)
    )
    assert message == services.EVALUATION_PROBLEMS.format(problems=problem)
    assert Report.objects.get(pk=draft.pk).state == "draft"


def test_a_report_changed_meanwhile_is_not_frozen(draft, user):
    with pytest.raises(EditConflict):
        services.report_freeze(report=draft, user=user, expected_version=draft.version - 1)
    assert Report.objects.get(pk=draft.pk).state == "draft"


def test_a_frozen_report_is_not_frozen_again(published, user):
    message = refused(
        lambda: services.report_freeze(
            report=published, user=user, expected_version=published.version
        )
    )
    assert message == services.NOT_A_DRAFT.format(state="publisert")


# --- Publishing -------------------------------------------------------------------------------


def test_publishing_a_frozen_report(draft, user):
    frozen = services.report_freeze(report=draft, user=user, expected_version=draft.version)
    published = services.report_publish(report=frozen, user=user, now=NOW)
    assert (published.state, published.published_by, published.published_at) == (
        "published",
        user,
        NOW,
    )


def test_publishing_twice_gives_a_clear_message(published, user):
    before = rows()
    message = refused(lambda: services.report_publish(report=published, user=user))
    assert message == services.ALREADY_PUBLISHED.format(when="9. mai 2022 kl. 12.00")
    assert rows() == before


def test_a_draft_is_not_published(draft, user):
    message = refused(lambda: services.report_publish(report=draft, user=user))
    assert message == services.PUBLISH_NOT_FROZEN.format(state="utkast")


# --- Superseding ------------------------------------------------------------------------------


def test_a_new_version_supersedes_the_old_one_once_it_is_frozen(published, user):
    newer = services.report_supersede(report=published, user=user, reason="SSB reviderte 2020.")
    assert (newer.number, newer.state, newer.supersedes, newer.reason) == (
        2,
        "draft",
        published,
        "SSB reviderte 2020.",
    )
    published.refresh_from_db()
    assert published.state == "published"  # still the year's answer until the new one is frozen
    services.report_freeze(report=newer, user=user, expected_version=newer.version)
    published.refresh_from_db()
    assert published.state == "superseded"
    assert published.files.count() == len(KINDS)  # the old files stay, to be downloaded
    assert list(
        Report.objects.filter(plan=published.plan, year=2020).values_list("number", "state")
    ) == [
        (2, "frozen"),
        (1, "superseded"),
    ]


@pytest.mark.parametrize("reason", ["", "   "])
def test_a_new_version_needs_a_reason(published, user, reason):
    before = rows()
    message = refused(lambda: services.report_supersede(report=published, user=user, reason=reason))
    assert message == services.REASON_REQUIRED
    assert rows() == before


def test_a_report_is_superseded_only_once(published, user):
    services.report_supersede(report=published, user=user, reason="Første gang.")
    message = refused(
        lambda: services.report_supersede(report=published, user=user, reason="Andre gang.")
    )
    assert message == services.ALREADY_SUPERSEDED.format(number=2)


def test_a_draft_is_not_superseded(draft, user):
    message = refused(lambda: services.report_supersede(report=draft, user=user, reason="Nei."))
    assert message == services.SUPERSEDE_NOT_FROZEN.format(state="utkast")


# --- Immutability -----------------------------------------------------------------------------


def stored(report: Report) -> tuple:
    report = Report.objects.get(pk=report.pk)
    files = {f.kind: hashlib.sha256(bytes(f.content)).hexdigest() for f in report.files.all()}
    assert report.document is not None
    return hashlib.sha256(canonical_bytes(report.document)).hexdigest(), report.fingerprint, files


def test_later_edits_revisions_and_recomputations_leave_a_frozen_report_unchanged(published):
    before = stored(published)
    share = Indicator.objects.get(plan=published.plan, key="andel-sysselsatt-i-egen-kommune")
    # An editor edits an observation; SSB publishes a revision; Temaplan recomputes.
    observation_record(indicator=share, year=2019, value=Decimal("41.5"), vintage="registrert")
    cells = [("3203", "", 2020, 100.0, "")]
    series_store(table="13470", content="Sysselsatte", cells=cells, vintage="2022-06-01")
    cells = [("3203", "", 2020, 101.0, "")]
    series_store(table="13470", content="Sysselsatte", cells=cells, vintage="2023-06-01")
    assert SeriesValue.objects.get(table="13470", region="3203").revisions.count() == 1
    indicator_observations_recompute(
        indicator=share,
        values=[FormulaValue(2020, 41.8)],
        vintage="SSB 2023-06-01",
        source_note="Beregnet av Temaplan fra SSB",
    )
    assert stored(published) == before
    assert ReportFile.objects.filter(report=published).count() == len(KINDS)
    lines = changes_since(
        Report.objects.get(pk=published.pk).document, snapshot_build(plan=published.plan, year=2020)
    )
    name = share.name
    assert (
        f"SSB har revidert «{name}» for 2020 fra 41,7\u00a0% til 41,8\u00a0% (SSB 2023-06-01)."
        in lines
    )
    assert f"SSB har revidert «{name}» for 2019 fra 41,4\u00a0% til 41,5\u00a0%." in lines
