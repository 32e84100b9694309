"""County ranks at each edition's county map, through KLASS's real code history: a made-up
edition of every municipality of two counties, the same municipalities after the 2024 county
reform, and the county-rank indicator that follows Asker from Viken into Akershus."""

from datetime import date

import pytest

from temaplan.benchmark.feed import COUNTY_CHANGED, kommune_nm_feed
from temaplan.benchmark.models import Edition, Ranking
from temaplan.benchmark.standing import edition_standings
from temaplan.indicators.models import Observation
from temaplan.statistics.services import klass_snapshot_store
from temaplan.statistics.sync import HISTORY_START, MUNICIPALITIES, region_history_fetch

TODAY = date(2026, 11, 28)
# By hand: the leaders' national ranks; every other municipality comes after them.
LEADERS_2021 = {"3024": 1, "3805": 2, "3025": 3, "3803": 4, "3049": 5, "3006": 6}
# Their places in the county, counted by hand from the ranks above.
VIKEN_2021 = {"3024": 1, "3025": 2, "3049": 3, "3006": 4}
VESTFOLD_OG_TELEMARK_2021 = {"3805": 1, "3803": 2}
# The same municipalities in 2024: Bærum 3201 and Asker 3203 in Akershus, Lier 3312 and
# Kongsberg 3303 in Buskerud, Larvik 3909 and Tønsberg 3905 in Vestfold.
AKERSHUS_2024 = {"3201": 1, "3203": 2}
BUSKERUD_2024 = {"3312": 1, "3303": 2}
VESTFOLD_2024 = {"3909": 1, "3905": 2}


@pytest.fixture
def stored_code_history(klass_client, db):
    regions = region_history_fetch(klass=klass_client, today=TODAY)
    klass_snapshot_store(
        classification=MUNICIPALITIES,
        kind="changes",
        parameters=f"{HISTORY_START.isoformat()}/{TODAY.isoformat()}",
        body=regions.changes_body,
    )
    klass_snapshot_store(
        classification=MUNICIPALITIES,
        kind="codesAt",
        parameters=TODAY.isoformat(),
        body=regions.codes_body,
    )
    return regions.history


def two_counties(history, at: date, prefixes: tuple[str, ...]) -> list[str]:
    return sorted(c for c in history.valid_codes_at(at) if c[:2] in prefixes)


def made_up_edition(municipality, year: int, codes: list[str], leaders: dict[str, int]):
    edition = Edition.objects.create(
        municipality=municipality,
        year=year,
        data_year=year - 1,
        published_on=date(year, 6, 1),
        municipalities_ranked=357 if year >= 2024 else 356,
        source="Laget for testen",
    )
    others = [c for c in codes if c not in leaders]
    ranks = {**leaders, **{c: len(leaders) + 1 + i for i, c in enumerate(others)}}
    Ranking.objects.bulk_create(
        Ranking(
            municipality=municipality,
            edition=edition,
            data_year=year - 1,
            code=code,
            name=code,
            rank=rank,
        )
        for code, rank in ranks.items()
    )
    return edition


def successors_2024(history, codes: dict[str, int]) -> dict[str, int]:
    return {
        history.successors(code, 2023, at=date(2024, 1, 1))[0].code: rank
        for code, rank in codes.items()
    }


def test_a_full_edition_of_two_counties_gives_the_county_ranks_counted_by_hand(
    stored_code_history, asker_plan
):
    history = stored_code_history
    codes = two_counties(history, date(2021, 6, 1), ("30", "38"))
    assert len([c for c in codes if c[:2] == "30"]) == 51
    Edition.objects.filter(municipality=asker_plan.municipality).delete()  # the demo's
    edition = made_up_edition(asker_plan.municipality, 2021, codes, LEADERS_2021)
    standings = edition_standings(edition, history=history)
    for code, place in VIKEN_2021.items():
        assert standings[code].county.text == f"{place}. av 51 i Viken"
    for code, place in VESTFOLD_OG_TELEMARK_2021.items():
        assert standings[code].county.text == f"{place}. av 23 i Vestfold og Telemark"
    assert standings["3001"].county.complete


def test_the_same_municipalities_in_a_2024_edition_are_ranked_in_akershus_and_buskerud(
    stored_code_history, asker_plan
):
    history = stored_code_history
    leaders = successors_2024(history, LEADERS_2021)
    assert set(AKERSHUS_2024) | set(BUSKERUD_2024) | set(VESTFOLD_2024) == set(leaders)
    codes = two_counties(history, date(2024, 6, 1), ("31", "32", "33", "39", "40"))
    edition = made_up_edition(asker_plan.municipality, 2024, codes, leaders)
    standings = edition_standings(edition, history=history)
    for county, places, size in [
        ("Akershus", AKERSHUS_2024, 21),
        ("Buskerud", BUSKERUD_2024, 18),
        ("Vestfold", VESTFOLD_2024, 6),
    ]:
        for code, place in places.items():
            assert standings[code].county.text == f"{place}. av {size} i {county}"


def test_the_county_rank_indicator_follows_asker_from_viken_into_akershus(
    stored_code_history, asker_plan
):
    history = stored_code_history
    municipality = asker_plan.municipality
    Edition.objects.filter(municipality=municipality).delete()  # the demo's six-municipality ones
    viken = two_counties(history, date(2023, 6, 1), ("30",))
    made_up_edition(municipality, 2023, viken, {"3024": 1, "3049": 2, "3025": 3})
    after = two_counties(history, date(2024, 6, 1), ("31", "32", "33"))
    made_up_edition(municipality, 2024, after, {"3201": 1, "3312": 2, "3203": 3})

    summary = kommune_nm_feed(municipality=municipality)

    county = {
        o.year: o
        for o in Observation.objects.filter(
            indicator__plan=asker_plan, indicator__key="nho-rang-i-fylket"
        )
    }
    overall = {
        o.year: o.value
        for o in Observation.objects.filter(
            indicator__plan=asker_plan, indicator__key="nho-kommune-nm-rang"
        )
    }
    assert (county[2022].value, county[2023].value) == (3, 2)  # Lier went to Buskerud
    assert (overall[2022], overall[2023]) == (3, 3)
    assert county[2022].vintage == "Kommune-NM 2023"
    assert "3. av 51 i Viken" in county[2022].source_note
    assert "2. av 21 i Akershus" in county[2023].source_note
    assert COUNTY_CHANGED.format(now="Akershus", before="Viken") in county[2023].source_note
    assert summary.changed >= 4


def test_without_the_whole_county_the_county_rank_indicator_is_left_as_typed(asker_plan):
    """The demo holds six municipalities of Viken: 4th of those is not Asker's county rank."""
    before = list(
        Observation.objects.filter(indicator__key="nho-rang-i-fylket").values_list("year", "value")
    )
    summary = kommune_nm_feed(municipality=asker_plan.municipality)
    after = list(
        Observation.objects.filter(indicator__key="nho-rang-i-fylket").values_list("year", "value")
    )
    assert after == before
    assert any("bare har tall for 6 av kommunene i Viken" in why for why in summary.skipped)
