"""`ssb sync` end to end through the fake SSB server with the real clients."""

import io
from datetime import date
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from temaplan.indicators.models import Observation, ObservationRevision
from temaplan.statistics.models import KlassSnapshot, SeriesValue
from temaplan.statistics.sync import NOTHING_TO_SYNC, SyncFailed, ssb_sync

TODAY = date(2026, 11, 28)


def sync(pxweb_client, klass_client, **kwargs):
    return ssb_sync(pxweb=pxweb_client, klass=klass_client, today=TODAY, **kwargs)


def database_state():
    return (
        SeriesValue.objects.count(),
        KlassSnapshot.objects.count(),
        sorted(Observation.objects.values_list("indicator__key", "year", "value", "version")),
        ObservationRevision.objects.count(),
    )


def test_a_sync_stores_the_series_and_recomputes_asker_s_indicators(
    asker_plan, pxweb_client, klass_client
):
    summary = sync(pxweb_client, klass_client, municipality_numbers=["3203"])
    assert summary.created > 0 and summary.revised == []
    # Stored as published: Asker's predecessors before 2020, 3025 after.
    jobs = SeriesValue.objects.filter(table="11618", content="SysselsatteArbsted")
    assert jobs.get(region="0220", year=2019).value == 27887
    assert jobs.get(region="3025", year=2020).value == 36699
    assert summary.vintages["11618"]
    # The share working in Asker, recomputed from 03321 and 11618, agrees with the plan.
    share = asker_plan.indicators.get(key="andel-sysselsatt-i-egen-kommune")
    values = dict(share.observations.values_list("year", "value"))
    for year, published in {2017: "41.9", 2018: "42.3", 2019: "41.4", 2020: "41.7"}.items():
        assert abs(values[year] - Decimal(published)) <= Decimal("0.1"), (year, values[year])
    assert 2021 in values and 2022 in values  # new years from SSB
    # Where the computed value differs from the slide, the old one is kept as a revision.
    job = asker_plan.indicators.get(key="arbeidsplassvekst-av-befolkningsvekst")
    revised = ObservationRevision.objects.filter(observation__indicator=job)
    assert revised.filter(observation__year=2020, value=Decimal(-101)).exists()
    report = summary.report()
    # 11618 counts jobs for ages 15–74 only (−88 in 2020), the slide all ages (−480).
    assert (
        "Prosentvis vekst i arbeidsplasser av befolkningsveksten 2020: −101\u00a0% → −18,6\u00a0%"
        in report
    )


def test_syncing_again_changes_nothing(asker_plan, pxweb_client, klass_client):
    sync(pxweb_client, klass_client, municipality_numbers=["3203"])
    before = database_state()
    summary = sync(pxweb_client, klass_client, municipality_numbers=["3203"])
    assert summary.created == 0 and summary.revised == [] and summary.observations == []
    assert database_state() == before


@pytest.mark.parametrize("fault", ["500", "timeout", "invalid_json", "truncated"])
def test_a_failed_sync_leaves_series_and_observations_unchanged(
    asker_plan, fake_ssb, pxweb_client, klass_client, fault
):
    before = database_state()
    fake_ssb.inject(fault, times=50, path_contains="/tables/03321/data")
    with pytest.raises(SyncFailed, match="SSB"):
        sync(pxweb_client, klass_client, municipality_numbers=["3203"])
    assert database_state() == before


def test_an_unknown_municipality_is_refused_before_anything_is_fetched(
    asker_plan, fake_ssb, pxweb_client, klass_client
):
    with pytest.raises(SyncFailed, match="«0220» er ikke et gyldig kommunenummer i dag"):
        sync(pxweb_client, klass_client, municipality_numbers=["0220"])
    assert not any("/tables/" in r.path for r in fake_ssb.requests)


def test_a_municipality_without_ssb_indicators_has_nothing_to_sync(
    baerum_plan, pxweb_client, klass_client
):
    with pytest.raises(SyncFailed, match=NOTHING_TO_SYNC[:30]):
        sync(pxweb_client, klass_client, municipality_numbers=["3201"])


def test_the_command_reports_a_failure_in_norwegian(asker_plan, settings, fake_ssb, tmp_path):
    settings.TEMAPLAN_SSB_API = fake_ssb.pxweb_url
    settings.TEMAPLAN_KLASS_API = "http://127.0.0.1:1/klass"
    settings.TEMAPLAN_SSB_CACHE_DIR = str(tmp_path)
    with pytest.raises(CommandError, match="Hentingen feilet; ingenting er endret"):
        call_command("ssb", "sync", "--municipality", "3203", stdout=io.StringIO())
