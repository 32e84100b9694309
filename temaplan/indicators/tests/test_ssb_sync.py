"""`ssb sync` end to end through the fake SSB server with the real clients.

The tests that take `served_names` run twice: against the fake's own table names and against
SSB-style ones that sources.py does not name (see fake_server_fixtures)."""

import io
from datetime import date
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from temaplan.indicators.models import Observation, ObservationRevision
from temaplan.indicators.sync import NOTHING_TO_SYNC, SyncFailed, indicators_sync
from temaplan.statistics.http import HttpFetcher
from temaplan.statistics.models import KlassSnapshot, SeriesValue

TODAY = date(2026, 11, 28)


def sync(pxweb_client, klass_client, **kwargs):
    return indicators_sync(pxweb=pxweb_client, klass=klass_client, today=TODAY, **kwargs)


def database_state():
    return (
        SeriesValue.objects.count(),
        KlassSnapshot.objects.count(),
        sorted(Observation.objects.values_list("indicator__key", "year", "value", "version")),
        ObservationRevision.objects.count(),
    )


def test_a_sync_stores_the_series_and_recomputes_asker_s_indicators(
    asker_plan, pxweb_client, klass_client, served_names
):
    summary = sync(pxweb_client, klass_client, municipality_numbers=["3203"])
    assert summary.created > 0 and summary.revised == []
    # Stored as published: Asker's predecessors before 2020, 3025 after.
    jobs = SeriesValue.objects.filter(
        table="11618", content=served_names.contents["jobs_by_workplace"]
    )
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


def test_syncing_again_changes_nothing(asker_plan, pxweb_client, klass_client, served_names):
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


def test_the_command_reports_a_failure_in_norwegian(
    asker_plan, settings, fake_ssb, tmp_path, monkeypatch
):
    # The retries still happen, without the real 1 + 2 + 4 + 8 s between them.
    monkeypatch.setattr(HttpFetcher, "backoff_delay", lambda self, attempt: 0.0)
    settings.TEMAPLAN_SSB_API = fake_ssb.pxweb_url
    settings.TEMAPLAN_KLASS_API = "http://127.0.0.1:1/klass"
    settings.TEMAPLAN_SSB_CACHE_DIR = str(tmp_path)
    with pytest.raises(CommandError, match="Hentingen feilet; ingenting er endret"):
        call_command("ssb", "sync", "--municipality", "3203", stdout=io.StringIO())


@pytest.fixture
def made_up_kostra_table(fake_ssb):
    """A KOSTRA-style farmland table. The shared data has no copy of the real one, so these
    numbers are invented for the test: only the finding and summing are under test."""
    import numpy as np

    regions = ["0220", "0627", "0628", "3025"]
    years = ["2018", "2019", "2020"]
    values = np.array([[10, 20, 30], [1, 2, 3], [100, 200, 300], [7, 8, 9]], dtype=float)
    values = values.reshape(4, 1, 3)  # region × content × year
    fake_ssb.add_table(
        "99111",
        label="99111: Omdisponering av dyrka og dyrkbar jord (K) (testtabell med oppdiktede tall)",
        dimensions=[
            ("KOKkommuneregion0000", "region", regions, regions, "geo"),
            (
                "ContentsCode",
                "statistikkvariabel",
                ["KOSAG999"],
                ["Omdisponert dyrka jord (dekar)"],
                "metric",
            ),
            ("Tid", "år", years, years, "time"),
        ],
        values=values,
    )
    yield
    fake_ssb.remove_table("99111")


def test_the_farmland_table_is_found_by_search_and_summed_over_the_merger(
    asker_plan, pxweb_client, klass_client, made_up_kostra_table, served_names
):
    farmland = asker_plan.indicators.get(key="omdisponert-dyrket-mark")
    farmland.formula = "farmland_converted"
    farmland.save()
    summary = sync(pxweb_client, klass_client, municipality_numbers=["3203"])
    assert "99111" in summary.vintages
    # Stored as published: every cell asked for (4 regions × 3 years).
    assert SeriesValue.objects.filter(table="99111", content="KOSAG999").count() == 12
    values = dict(farmland.observations.values_list("year", "value"))
    # 2018 and 2019: Asker + Røyken + Hurum as published; 2020: 3025.
    assert values[2018] == Decimal(10 + 1 + 100)
    assert values[2019] == Decimal(20 + 2 + 200)
    assert values[2020] == Decimal(9)


def test_with_the_row_total_setting_a_sync_fetches_whole_rows_and_divides_by_their_sums(
    asker_plan, fake_ssb, pxweb_client, klass_client, ssb_data, served_names
):
    from temaplan.indicators.tests.test_ssb_command import commuting_by_hand
    from temaplan.statistics.models import ROW_TOTAL

    share = asker_plan.indicators.get(key="andel-sysselsatt-i-egen-kommune")
    share.formula_options = {"denominator": "row_total"}
    share.save()
    sync(pxweb_client, klass_client, municipality_numbers=["3203"])
    # The row sums were asked for with every work region, and stored per home region as
    # published (Asker's three predecessors before 2020, 3025 after).
    asked = [dict(r.query) for r in fake_ssb.data_requests() if "/03321/" in r.path]
    work = served_names.dimension("03321", "ArbstedKomm")
    assert any(q.get(f"valueCodes[{work}]") == "*" for q in asked), asked
    stored = SeriesValue.objects.filter(table="03321", region2=ROW_TOTAL)
    assert set(stored.values_list("region", flat=True)) == {"0220", "0627", "0628", "3025"}
    rows, within = commuting_by_hand(ssb_data)
    values = dict(share.observations.values_list("year", "value"))
    for year in range(2017, 2023):
        assert values[year] == round(Decimal(100 * within[year] / rows[year]), 1), year


def test_a_formula_setting_the_formula_does_not_have_stops_the_sync_before_fetching(
    asker_plan, fake_ssb, pxweb_client, klass_client
):
    share = asker_plan.indicators.get(key="andel-sysselsatt-i-egen-kommune")
    share.formula_options = {"denominator": "radsum"}
    share.save()
    before = database_state()
    with pytest.raises(SyncFailed, match="«radsum» er ikke et gyldig valg for «Nevner»"):
        sync(pxweb_client, klass_client, municipality_numbers=["3203"])
    assert not any("/tables/" in r.path for r in fake_ssb.requests)
    assert database_state() == before
