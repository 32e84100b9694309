"""The PxWebApi v2 client, exercised through the fake SSB server over real HTTP."""

from __future__ import annotations

import csv
import gzip
import io
from pathlib import Path

import httpx
import numpy as np
import pytest

from temaplan.statistics.http import UNAVAILABLE, SsbUnavailable
from temaplan.statistics.pxweb import PxWebClient
from temaplan.statistics.pxweb_plan import SSB_MAX_CELLS_PER_REQUEST
from temaplan.statistics.pxweb_responses import merge_datasets

ASKER_BEFORE_2020 = ["0220", "0627", "0628"]
MEASURES = {
    "SysselsatteArbsted": "employed_by_workplace",
    "SysselsatteBosted": "employed_by_residence",
    "Befolkning15_74": "population_15_74_resident",
}
YEARS = ["2017", "2018", "2019", "2020", "2021", "2022"]

# The fake SSB server and the clients on it (fake_ssb, pxweb_client, klass_client).


@pytest.fixture(scope="module")
def employment(ssb_data: Path) -> dict[tuple[str, str, str], float]:
    """(municipality, year, content code) → value, straight from the 11618 CSV."""
    path = ssb_data / "employment_11618" / "employment_11618_15_74_2017_2022.csv"
    out = {}
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            for code, column in MEASURES.items():
                out[(row["municipality"], row["year"], code)] = float(row[column])
    return out


def explicit(region: str = "0220", year: str = "2019") -> dict[str, list[str]]:
    """A small selection with explicit codes only (no metadata request needed)."""
    return {"Region": [region], "ContentsCode": ["SysselsatteBosted"], "Tid": [year]}


# --- Search and metadata -----------------------------------------------------------------------


def test_search_finds_11618_by_a_norwegian_word(pxweb_client: PxWebClient) -> None:
    hits = pxweb_client.search_tables("sysselsatte bosted")
    assert [t.id for t in hits] == ["11618", "03321"]  # «bosted» is in «bostedskommune» too
    info = hits[0]
    assert (info.first_period, info.last_period) == ("2017", "2022")
    assert info.updated and info.label.startswith("11618:")
    assert "03321" in [t.id for t in pxweb_client.search_tables("pendling")]
    assert pxweb_client.search_tables("skipsfart") == []


def test_metadata_lists_the_variables_and_what_may_be_left_out(pxweb_client: PxWebClient):
    meta = pxweb_client.metadata("11618")
    assert [v.id for v in meta.variables] == ["Region", "Alder", "Kjonn", "ContentsCode", "Tid"]
    assert meta.mandatory == ("Region", "ContentsCode", "Tid")
    assert (meta.time_variable, meta.content_variable, meta.geo_variables) == (
        "Tid",
        "ContentsCode",
        ("Region",),
    )
    region = meta.variable("region")  # SSB ignores case in variable names
    assert {"0220", "0627", "0628", "3025"} <= set(region.codes)
    assert region.labels[region.codes.index("3025")] == "Asker"
    assert [c.id for c in region.codelists] == ["agg_KommSummer", "vs_Kommun"]
    assert meta.variable("Tid").codes == tuple(YEARS)


# --- Data --------------------------------------------------------------------------------------


def test_askers_predecessors_2017_2019_match_the_csv(
    pxweb_client: PxWebClient, fake_ssb, employment
) -> None:
    selection = {"Region": ASKER_BEFORE_2020, "ContentsCode": "*", "Tid": "range(2017,2019)"}
    [response] = pxweb_client.fetch("11618", selection)
    ds = response.dataset
    assert ds.ids == ["Region", "ContentsCode", "Tid"]  # Alder and Kjonn eliminated
    assert ds.dimension("Tid").codes == ["2017", "2018", "2019"]
    for i, region in enumerate(ASKER_BEFORE_2020):
        for j, content in enumerate(ds.dimension("ContentsCode").codes):
            for k, year in enumerate(["2017", "2018", "2019"]):
                assert ds.values[i, j, k] == employment[(region, year, content)]
    assert response.updated == "2023-06-08T06:00:00Z"  # the data vintage
    sent = fake_ssb.data_requests()[-1]
    assert ("valueCodes[Tid]", "[range(2017,2019)]") in sent.query


@pytest.mark.parametrize(
    ("tid", "years"),
    [
        ("top(2)", ["2021", "2022"]),
        ("from(2021)", ["2021", "2022"]),
        ("range(2018,2020)", ["2018", "2019", "2020"]),
        ("*", YEARS),
        (["2019", "2017"], ["2017", "2019"]),
    ],
)
def test_time_expressions_select_the_right_years(
    pxweb_client: PxWebClient, employment, tid, years
) -> None:
    selection = {"Region": "0301", "ContentsCode": "Befolkning15_74", "Tid": tid}
    ds = pxweb_client.dataset("11618", selection)
    assert ds.dimension("Tid").codes == years
    assert list(ds.values.ravel()) == [employment[("0301", y, "Befolkning15_74")] for y in years]


def test_a_code_is_missing_with_a_dot_in_years_it_did_not_exist(
    pxweb_client: PxWebClient, employment
) -> None:
    ds = pxweb_client.dataset("11618", explicit("0219", "*"))  # Bærum: 0219 until 2019
    values = ds.values.ravel()
    assert list(values[:3]) == [employment[("0219", y, "SysselsatteBosted")] for y in YEARS[:3]]
    assert np.isnan(values[3:]).all()
    assert [ds.reason_at(i) for i in (2, 3)] == [None, "ikke mulig å oppgi"]


def test_a_codelist_is_passed_through_and_sums_to_todays_asker(
    pxweb_client: PxWebClient, fake_ssb, employment
) -> None:
    ds = pxweb_client.dataset(
        "11618",
        {"Region": "K-3203", "ContentsCode": "SysselsatteBosted", "Tid": "*"},
        codelists={"Region": "agg_KommSummer"},
    )
    assert ds.dimension("Region").codes == ["K-3203"]
    expected = [
        sum(employment[(c, y, "SysselsatteBosted")] for c in ASKER_BEFORE_2020)
        if y < "2020"
        else employment[("3025", y, "SysselsatteBosted")]
        for y in YEARS
    ]
    assert list(ds.values.ravel()) == expected
    assert all(("codelist[Region]", "agg_KommSummer") in r.query for r in fake_ssb.requests)


def test_a_selection_too_long_for_a_url_goes_by_post(
    pxweb_client: PxWebClient, fake_ssb, employment
) -> None:
    codes_2017 = sorted({m for (m, y, _) in employment if y == "2017"})
    assert len(codes_2017) == 426
    ds = pxweb_client.dataset(
        "11618", {"Region": codes_2017, "ContentsCode": "SysselsatteArbsted", "Tid": "2017"}
    )
    [sent] = fake_ssb.data_requests()
    assert sent.method == "POST" and sent.status == 200
    assert ds.dimension("Region").codes == codes_2017
    at = codes_2017.index("0220")
    assert ds.values[at, 0, 0] == employment[("0220", "2017", "SysselsatteArbsted")]


def test_population_07459_has_ssbs_numbers_and_a_national_total(pxweb_client: PxWebClient):
    oslo = pxweb_client.dataset("07459", {"Region": "0301", "ContentsCode": "*", "Tid": "top(2)"})
    # SSB's own 07459 answer for Oslo, 1 January 2022 and 2023.
    assert list(oslo.values.ravel()) == [699827, 709037]
    country = pxweb_client.dataset("07459", {"ContentsCode": "Personer1", "Tid": "2023"})
    assert country.ids == ["ContentsCode", "Tid"]  # Region eliminated to «0 Hele landet»
    assert country.values.ravel()[0] > 5_000_000


# --- The cell limit ----------------------------------------------------------------------------


def test_the_full_03321_matrix_for_three_years_is_split_under_the_cell_limit(
    pxweb_client: PxWebClient, fake_ssb, ssb_data: Path
) -> None:
    selection = {"Bokommuen": "*", "ArbstedKomm": "*", "ContentsCode": "*"} | {
        "Tid": "range(2017,2019)"
    }
    meta = pxweb_client.metadata("03321")
    cells = meta.variable("Bokommuen").size * meta.variable("ArbstedKomm").size * 3
    assert cells > SSB_MAX_CELLS_PER_REQUEST

    responses = pxweb_client.fetch("03321", selection)
    sent = fake_ssb.data_requests()
    assert len(sent) == len(responses) >= 2
    assert all(r.status == 200 and r.cells <= SSB_MAX_CELLS_PER_REQUEST for r in sent)
    assert sum(r.cells for r in sent) == cells

    merged = merge_datasets([r.dataset for r in responses])
    assert merged.shape == (meta.variable("Bokommuen").size,) * 2 + (1, 3)
    path = ssb_data / "commuting_03321" / "commuting_matrix_03321_2017_2022.csv.gz"
    raw = gzip.decompress(path.read_bytes()).partition(b"\n")[2]
    rows = np.loadtxt(io.BytesIO(raw), delimiter=",", dtype=np.int64)
    rows = rows[rows[:, 0] <= 2019]
    home = {c: i for i, c in enumerate(merged.dimension("Bokommuen").codes)}
    work = {c: i for i, c in enumerate(merged.dimension("ArbstedKomm").codes)}
    h = np.array([home[f"{c:04d}"] for c in rows[:, 1]])
    w = np.array([work[f"{c:04d}"] for c in rows[:, 2]])
    np.testing.assert_array_equal(merged.values[h, w, 0, rows[:, 0] - 2017], rows[:, 3])
    assert merged.values.sum() == rows[:, 3].sum()  # and nothing else: every other cell is 0


def test_the_fake_refuses_more_than_800000_cells_like_ssb(fake_ssb) -> None:
    url = fake_ssb.pxweb_url + "/tables/03321/data"
    query = "valueCodes[Bokommuen]=*&valueCodes[ArbstedKomm]=*&valueCodes[ContentsCode]=*"
    response = httpx.get(f"{url}?{query}&valueCodes[Tid]=top(2)")
    assert response.status_code == 400
    assert response.json()["title"] == "Too many cells selected"


# --- Rate limit --------------------------------------------------------------------------------


def test_a_burst_of_45_requests_never_sends_more_than_30_in_60_seconds(
    pxweb_client: PxWebClient, fake_ssb, employment
) -> None:
    codes = sorted({m for (m, y, _) in employment if y == "2019"})[:45]
    fake_ssb.inject("500", times=2, path_contains="/data")  # retries count against the limit too
    for code in codes:
        pxweb_client.dataset("11618", explicit(code))
    times = sorted(r.time for r in fake_ssb.requests)
    assert len(times) == 47
    assert max(sum(t <= u < t + 60 for u in times) for t in times) == 30
    assert [r.status for r in fake_ssb.requests].count(429) == 0  # the fake never had to say so
    assert fake_ssb.clock() - times[0] >= 60


def test_a_split_request_merges_back_into_what_one_request_gives(fake_ssb, tmp_path: Path) -> None:
    clock = fake_ssb.clock
    selection = {"Region": ["0219", "0220", "3025"], "ContentsCode": "*", "Tid": "*"}
    whole = PxWebClient(fake_ssb.pxweb_url, cache_dir=None, clock=clock, sleep=clock.sleep)
    small = PxWebClient(
        fake_ssb.pxweb_url, cache_dir=None, max_cells=10, clock=clock, sleep=clock.sleep
    )
    one = whole.dataset("11618", selection)
    parts = small.datasets("11618", selection)
    assert len(parts) == 6 and all(p.size == 9 for p in parts)  # by year: 3 regions alone > 10
    merged = merge_datasets(parts)
    assert merged.ids == one.ids
    assert [d.codes for d in merged.dimensions] == [d.codes for d in one.dimensions]
    np.testing.assert_array_equal(merged.values, one.values)
    assert merged.values.dtype == one.values.dtype == np.float32  # counts: exact in float32
    assert merged.status == one.status and len(one.status) == 27  # 0219 from 2020, 3025 before
    assert merged.updated == one.updated


def test_the_fake_answers_429_to_a_client_without_a_limit(fake_ssb, tmp_path: Path) -> None:
    clock = fake_ssb.clock
    greedy = PxWebClient(
        fake_ssb.pxweb_url, cache_dir=None, max_requests=1000, clock=clock, sleep=clock.sleep
    )
    for code in ["0101", "0104", "0105", "0106", "0111", "0118", "0119", "0121"] * 4:
        greedy.dataset("11618", explicit(code, "2017"), refresh=True)
    statuses = [r.status for r in fake_ssb.requests]
    assert statuses.count(429) == 1 and statuses[30] == 429  # and it was waited out
    assert statuses.count(200) == 32
    assert fake_ssb.clock.sleeps == [60.0]


# --- Faults: retried, then reported ------------------------------------------------------------

FAULTS = {
    "timeout": "fikk ikke svar innen 0.3 sekunder",
    "429": "SSB ba oss vente fordi det kom for mange forespørsler (HTTP 429)",
    "500": "feil hos SSB (HTTP 500)",
    "503": "feil hos SSB (HTTP 503)",
    "truncated": "forbindelsen ble brutt før hele svaret var kommet fram",
    "truncated_json": "svaret var ødelagt eller ufullstendig",
    "invalid_json": "svaret var ødelagt eller ufullstendig",
}


@pytest.fixture
def quick_client(fake_ssb, tmp_path: Path):
    """A client with a short timeout, for the fault tests."""
    clock = fake_ssb.clock
    client = PxWebClient(
        fake_ssb.pxweb_url,
        cache_dir=tmp_path / "cache",
        timeout=0.3,
        retries=2,
        backoff=1.0,
        clock=clock,
        sleep=clock.sleep,
    )
    yield client
    client.close()


@pytest.mark.parametrize("kind", list(FAULTS))
def test_each_fault_is_retried_and_then_succeeds(
    quick_client: PxWebClient, fake_ssb, employment, kind: str
) -> None:
    fake_ssb.inject(kind, times=2, delay=0.6)
    ds = quick_client.dataset("11618", explicit("0220", "2019"))
    assert ds.values.ravel()[0] == employment[("0220", "2019", "SysselsatteBosted")]
    assert [r.fault for r in fake_ssb.requests] == [kind, kind, None]
    expected_waits = [7.0, 7.0] if kind == "429" else [1.0, 2.0]
    assert fake_ssb.clock.sleeps == expected_waits


@pytest.mark.parametrize(("kind", "reason"), list(FAULTS.items()))
def test_a_fault_that_persists_is_reported_clearly_in_norwegian(
    quick_client: PxWebClient, fake_ssb, kind: str, reason: str
) -> None:
    fake_ssb.inject(kind, times=3, delay=0.6)
    with pytest.raises(SsbUnavailable) as caught:
        quick_client.dataset("11618", explicit("0220", "2019"))
    message = str(caught.value)
    assert message.startswith(
        UNAVAILABLE.format(what="data fra tabell 11618", attempts=3, reason="")[:-1]
    )
    assert reason in message
    assert len(fake_ssb.requests) == 3
    cache = quick_client.fetcher.cache
    assert cache is not None
    assert not list(cache.root.rglob("*.body"))  # nothing bad cached


@pytest.mark.parametrize(("retry_after", "waited"), [("7", 7.0), ("45", 45.0), ("date:5", 5.0)])
def test_429_waits_as_long_as_retry_after_says(
    pxweb_client: PxWebClient, fake_ssb, retry_after: str, waited: float
) -> None:
    fake_ssb.inject("429", retry_after=retry_after)
    pxweb_client.dataset("11618", explicit())
    assert fake_ssb.clock.sleeps == [waited]
    assert [r.status for r in fake_ssb.requests] == [429, 200]


# --- Disk cache --------------------------------------------------------------------------------


def test_a_second_identical_call_is_answered_from_the_disk_cache(fake_ssb, tmp_path: Path) -> None:
    clock = fake_ssb.clock

    def client() -> PxWebClient:
        return PxWebClient(fake_ssb.pxweb_url, cache_dir=tmp_path, clock=clock, sleep=clock.sleep)

    selection = {"Region": ASKER_BEFORE_2020, "ContentsCode": "*", "Tid": "top(3)"}
    first = client().fetch("11618", selection)
    assert len(fake_ssb.requests) == 2  # metadata (to count the cells) and data
    again = client().fetch("11618", selection)  # a new client: only the disk remembers
    assert len(fake_ssb.requests) == 2
    assert again[0].from_cache and not first[0].from_cache
    assert again[0].body == first[0].body
    assert len(list((tmp_path / "pxweb").rglob("*.body"))) == 2
    client().fetch("11618", selection, refresh=True)
    assert len(fake_ssb.requests) == 4


def test_addresses_and_the_cache_folder_come_from_the_settings(settings, tmp_path):
    """config/settings.py reads them from the environment (TEMAPLAN_SSB_API, ...)."""
    settings.TEMAPLAN_SSB_API = "http://ssb.example/api/pxwebapi/v2/"
    settings.TEMAPLAN_SSB_CACHE_DIR = str(tmp_path / "here")
    client = PxWebClient()
    assert client.base_url == "http://ssb.example/api/pxwebapi/v2"
    assert client.fetcher.cache is not None
    assert client.fetcher.cache.root == tmp_path / "here" / "pxweb"
    assert PxWebClient(cache_dir=None).fetcher.cache is None
    settings.TEMAPLAN_SSB_API = "https://data.ssb.no/api/pxwebapi/v2"
    assert PxWebClient(cache_dir=None).base_url == "https://data.ssb.no/api/pxwebapi/v2"
