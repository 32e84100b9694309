"""Temaplans egen indeks from the shared SSB data, synced through the fake SSB server for
every municipality valid today (skips, like the other SSB data tests, when the shared folder
is absent)."""

import copy
import io
from datetime import date

import numpy as np
import pytest
from django.core.management import CommandError, call_command

from temaplan.benchmark.index import UNRANKED
from temaplan.benchmark.index_data import (
    IndexDataMissing,
    index_compute,
    index_series_fetch,
    index_series_store,
    index_sources,
)
from temaplan.benchmark.index_intervals import rank_intervals
from temaplan.benchmark.index_moves import gain_one_place, rank_change
from temaplan.benchmark.management.commands.index import TOP_HEADING

TODAY = date(2026, 11, 28)
YEARS = [2018, 2019, 2020, 2021, 2022]  # 11618 and 03321 cover 2017–2022; growth looks back
ASKER = "3203"


_FETCHED = {}  # the fetch (no writes) is the slow part: made once for this module's tests


@pytest.fixture
def synced(db, pxweb_client, klass_client):
    """The index's series for all 357 municipalities, stored in this test's transaction."""
    if "fetched" not in _FETCHED:
        _FETCHED["fetched"] = index_series_fetch(
            today=TODAY, pxweb=pxweb_client, klass=klass_client
        )
    return index_series_store(copy.deepcopy(_FETCHED["fetched"]))


def test_every_municipality_valid_today_gets_a_rank_and_asker_an_interval(synced):
    assert len(synced.municipalities) == 357
    result = index_compute(years=YEARS)
    assert len(result.panel.codes) == 357
    for year in YEARS:
        ranks = result.ranks[:, result.panel.year_at(year)]
        # The shared extract of 11618 has Rindal (5061 from 2019) under its old code 1567,
        # all zeros, in 2019: no Arbeidsmarked for it that year, so no rank.
        unranked = {result.panel.codes[i] for i in np.flatnonzero(ranks == UNRANKED)}
        assert unranked == ({"5061"} if year == 2019 else set())
        ranked = len(result.panel.codes) - len(unranked)
        assert sorted(r for r in ranks.tolist() if r) == list(range(1, ranked + 1))  # no ties
    low, nominal, high = rank_intervals(result, 2022, draws=1000).of(ASKER)
    assert 1 <= low <= nominal <= high <= 357
    gains = gain_one_place(result, ASKER, 2022)
    assert [g.parameter for g in gains] == list(result.panel.parameters)
    assert all(g.change is not None for g in gains) or nominal == 1
    split = rank_change(result, ASKER, 2021, 2022)
    assert split.own + split.others == split.change


def test_the_index_reads_askers_figures_summed_over_the_merger(synced):
    result = index_compute(years=[2020])
    values = dict(
        zip(
            result.panel.parameters,
            result.panel.values[result.panel.code_at(ASKER), 0],
            strict=True,
        )
    )
    # Share working in Asker, as the plan has it for 2020.
    assert values["share_working_in_home_municipality"] == pytest.approx(41.7, abs=0.1)
    assert 0 < values["young_share_of_working_age"] < 100
    assert 50 < values["working_age_share"] < 70
    codes, _years, parameters = np.nonzero(np.isnan(result.panel.values))
    missing = {
        (result.panel.codes[c], result.panel.parameters[p])
        for c, p in zip(codes, parameters, strict=True)
    }
    assert missing == {("5061", "job_growth")}  # from Rindal's zeros of 2019, see above


def test_a_year_without_data_is_refused_in_norwegian(synced):
    with pytest.raises(IndexDataMissing, match="har ikke tall for 2023"):
        index_compute(years=[2022, 2023])


def test_the_index_reads_the_age_groups_of_07459():
    assert {"population_20_39", "population_20_66", "population_1_january"} <= set(index_sources())


def run_command(*args):
    out = io.StringIO()
    call_command("index", *args, stdout=out)
    return out.getvalue()


def test_the_command_prints_askers_rank_interval_and_what_moves_it(synced):
    text = run_command("--year", "2022", "--municipality", ASKER, "--draws", "1000")
    result = index_compute(years=range(2018, 2023))
    low, nominal, high = rank_intervals(result, 2022).of(ASKER)
    assert text.startswith("Temaplans egen indeks 2022 (ikke NHOs Kommune-NM): 357 kommuner")
    assert f"Asker (3203): {nominal}. plass av 357 (5–95 %-intervall: {low}.–{high}." in text
    assert "Temaer: Demografi " in text and "I Akershus: " in text
    assert "Fra 2021: " in text and "egen utvikling: " in text
    for parameter in result.spec.parameters:
        assert f"  {parameter.name}: " in text
    print(text)


def test_the_command_lists_the_top_ten_without_a_municipality(synced):
    lines = run_command("--year", "2022", "--draws", "200").splitlines()
    assert lines[1] == TOP_HEADING and len(lines) == 12
    assert lines[2].startswith("  1. ")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--year", "2022", "--municipality", "0220"], "«0220» er ikke et kommunenummer"),
        (["--year", "2024"], "har ikke tall for 2024"),
    ],
)
def test_the_command_refuses_bad_input_in_norwegian(synced, args, message):
    with pytest.raises(CommandError, match=message):
        run_command(*args)


def test_a_year_whose_earlier_years_lack_figures_is_normalised_over_the_complete_ones(synced):
    """2017 has no population growth over three years in the shared data: 2021 is still
    ranked, over 2018–2021, as the page does it."""
    out = run_command("--year", "2021", "--municipality", "3203")
    assert "2018–2021" in out


def test_too_few_draws_are_refused_before_anything_is_read(db):
    with pytest.raises(CommandError, match="Antall trekk må være mellom 100 og 100\u00a0000"):
        run_command("--year", "2022", "--draws", "5")


def test_the_command_without_stored_series_says_to_sync_first(db):
    with pytest.raises(CommandError, match="Kjør «temaplan index --sync --year 2022»"):
        run_command("--year", "2022")


def test_a_failed_sync_from_the_command_changes_nothing(db, settings, tmp_path, monkeypatch):
    from temaplan.statistics.http import HttpFetcher
    from temaplan.statistics.models import SeriesValue

    monkeypatch.setattr(HttpFetcher, "backoff_delay", lambda self, attempt: 0.0)
    settings.TEMAPLAN_SSB_API = "http://127.0.0.1:1/pxweb"
    settings.TEMAPLAN_KLASS_API = "http://127.0.0.1:1/klass"
    settings.TEMAPLAN_SSB_CACHE_DIR = str(tmp_path)
    before = SeriesValue.objects.count()
    with pytest.raises(CommandError, match="Hentingen feilet; ingenting er endret"):
        run_command("--sync", "--year", "2022")
    assert SeriesValue.objects.count() == before
