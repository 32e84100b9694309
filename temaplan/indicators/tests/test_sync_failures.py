"""A sync that SSB cannot serve: one plain sentence on the page and in the CLI, the detail
folded away, a Norwegian date. Through the fake SSB server, or a `.invalid` host that no
resolver knows (no internet needed)."""

from __future__ import annotations

import functools
import io
from datetime import UTC, date, datetime

import pytest
from django.core.management import call_command, execute_from_command_line
from django.urls import reverse

from temaplan.indicators import sync as indicator_sync
from temaplan.indicators.models import Observation
from temaplan.indicators.sync import SyncFailed, indicators_sync
from temaplan.statistics.klass import KlassClient
from temaplan.statistics.models import KlassSnapshot, ResolvedSource, SeriesValue, SyncRun
from temaplan.statistics.pxweb import PxWebClient
from temaplan.statistics.ssb_problems import SENTENCES

TODAY = date(2026, 11, 28)
NOWHERE = "http://data.ssb.invalid/api"


@pytest.fixture
def ssb_nowhere(settings, tmp_path, monkeypatch):
    """SSB at a host name that does not resolve, asked once (no retries, no waiting)."""
    settings.TEMAPLAN_SSB_API = f"{NOWHERE}/pxwebapi/v2"
    settings.TEMAPLAN_KLASS_API = f"{NOWHERE}/klass/v1"
    settings.TEMAPLAN_SSB_CACHE_DIR = str(tmp_path)
    monkeypatch.setattr(indicator_sync, "KlassClient", functools.partial(KlassClient, retries=0))
    monkeypatch.setattr(indicator_sync, "PxWebClient", functools.partial(PxWebClient, retries=0))


@pytest.mark.parametrize(
    ("fault", "kind", "in_detail"),
    [
        ("503", "ssb_down", "HTTP 503"),
        ("429", "rate_limited", "HTTP 429"),
        ("invalid_json", "bad_answer", "ødelagt eller ufullstendig"),
    ],
)
def test_a_sync_ssb_cannot_serve_stops_with_the_plain_sentence(
    asker_plan, fake_ssb, pxweb_client, klass_client, fault, kind, in_detail
):
    fake_ssb.inject(fault, times=50, path_contains="/tables/03321/data")
    with pytest.raises(SyncFailed) as caught:
        indicators_sync(
            pxweb=pxweb_client, klass=klass_client, today=TODAY, municipality_numbers=["3203"]
        )
    assert str(caught.value) == SENTENCES[kind]
    assert "tabell 03321" in caught.value.detail and in_detail in caught.value.detail


def test_a_sync_started_on_the_web_without_dns_stores_the_sentence_and_the_detail(
    editor, asker_plan, ssb_nowhere, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        editor.post(reverse("ssb:sync_start", args=["3203"]))
    run = SyncRun.objects.get()
    assert run.state == SyncRun.State.FAILED
    assert run.message == SENTENCES["dns"]
    assert "KLASS" in run.detail and "Name or service not known" in run.detail


def test_the_page_of_a_failed_sync_shows_the_sentence_the_time_and_the_folded_detail(
    editor, asker_plan
):
    run = SyncRun.objects.create(
        municipality=asker_plan.municipality,
        state=SyncRun.State.FAILED,
        message=SENTENCES["timeout"],
        detail="SSB svarte ikke som forventet på data fra tabell 07459 ← ReadTimeout: timed out",
        finished_at=datetime(2026, 12, 3, 5, 15, tzinfo=UTC),  # 06.15 in Oslo
    )
    page = editor.get(reverse("ssb:sync_run", args=["3203", run.pk])).content.decode()
    assert f"Feilet</strong>: {SENTENCES['timeout']}" in page
    assert "Stoppet 3. desember 2026 kl. 06.15." in page
    assert (
        '<details class="technical"><summary>Teknisk detalj</summary>'
        "<p>SSB svarte ikke som forventet på data fra tabell 07459 ← ReadTimeout: timed out</p>"
    ) in page
    listing = editor.get(reverse("ssb:sync_page", args=["3203"])).content.decode()
    assert SENTENCES["timeout"] in listing


def test_the_command_prints_the_sentence_and_the_detail_and_exits_with_1(
    asker_plan, ssb_nowhere, capsys
):
    with pytest.raises(SystemExit) as exit_:
        execute_from_command_line(["temaplan", "ssb", "sync", "--municipality", "3203"])
    assert exit_.value.code == 1
    err = capsys.readouterr().err
    lines = err.strip().splitlines()
    assert lines[0] == f"Hentingen feilet; ingenting er endret. {SENTENCES['dns']}"
    assert lines[1].startswith("Teknisk detalj: SSB svarte ikke som forventet på")
    assert "Name or service not known" in lines[1]
    assert len(lines) == 2 and "Traceback" not in err and "CommandError" not in err


def test_called_from_code_the_command_still_raises_its_error(asker_plan, ssb_nowhere):
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="Fant ikke SSB sitt nettsted"):
        call_command("ssb", "sync", "--municipality", "3203", stdout=io.StringIO())


def resolved_sources():
    return sorted(ResolvedSource.objects.values_list("name", "table", "content", "resolved_at"))


def test_a_table_without_the_content_asked_for_stops_the_sync_naming_the_labels_it_has(
    asker_plan, fake_ssb, pxweb_client, klass_client, tmp_path
):
    """SSB renames a content: neither the configured code nor the label words match. The
    sync names the table and its labels, fetches no data from it and changes nothing."""
    sync = functools.partial(
        indicators_sync, klass=klass_client, today=TODAY, municipality_numbers=["3203"]
    )
    sync(pxweb=pxweb_client)  # a first sync, so there is something that must stay as it is
    before = (
        SeriesValue.objects.count(),
        KlassSnapshot.objects.count(),
        Observation.objects.count(),
        resolved_sources(),
    )
    labels = [
        "Lønnstakere med arbeidssted i regionen",
        "Lønnstakere bosatt i regionen",
        "Personer 15-74 år bosatt i regionen",
    ]
    fake_ssb.reshape("11618", contents=[(f"K{i}", label) for i, label in enumerate(labels)])
    seen = len(fake_ssb.requests)
    clock = fake_ssb.clock
    later = PxWebClient(  # a later day's client: the metadata it had is no longer cached
        fake_ssb.pxweb_url, cache_dir=tmp_path / "later", clock=clock, sleep=clock.sleep
    )
    with pytest.raises(SyncFailed) as caught:
        sync(pxweb=later)
    message = str(caught.value)
    assert message.startswith("Tabell 11618 har ingen statistikkvariabel for «Sysselsatte 15–74")
    assert "Statistikkvariablene i tabellen er: «" + "», «".join(labels) + "»." in message
    assert "K0 = «Lønnstakere med arbeidssted i regionen»" in caught.value.detail
    assert not [r for r in fake_ssb.requests[seen:] if r.is_data and "/11618/" in r.path]
    after = (
        SeriesValue.objects.count(),
        KlassSnapshot.objects.count(),
        Observation.objects.count(),
        resolved_sources(),
    )
    assert after == before
