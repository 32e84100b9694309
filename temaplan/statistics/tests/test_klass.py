"""The KLASS client, exercised through the fake SSB server over real HTTP."""

from __future__ import annotations

from datetime import date

import pytest

from temaplan.statistics.http import SsbRequestError, SsbUnavailable
from temaplan.statistics.klass import BAD_ORDER, NOT_FOUND, KlassClient
from temaplan.statistics.klass_data import codes_from_klass

# The fake SSB server and the clients on it (fake_ssb, pxweb_client, klass_client).


def test_357_municipalities_on_1_january_2026_besides_9999(klass_client: KlassClient) -> None:
    codes = klass_client.municipalities_at(date(2026, 1, 1))
    assert len(codes) == 358  # KLASS lists 9999 «Uoppgitt» too
    assert len(codes_from_klass(codes)) == 357
    assert {"code": "3203", "name": "Asker"}.items() <= next(
        c for c in codes if c["code"] == "3203"
    ).items()


def test_356_municipalities_on_1_january_2022(klass_client: KlassClient) -> None:
    codes = codes_from_klass(klass_client.municipalities_at("2022-01-01"))
    assert len(codes) == 356
    assert "3025" in codes and "3203" not in codes and "0220" not in codes


def test_askers_three_predecessors_on_1_january_2019(klass_client: KlassClient) -> None:
    names = {c["code"]: c["name"] for c in klass_client.municipalities_at(date(2019, 1, 1))}
    assert (names["0220"], names["0627"], names["0628"]) == ("Asker", "Røyken", "Hurum")
    assert "3025" not in names


@pytest.mark.parametrize(
    ("at", "count", "some"),
    [
        (date(2024, 1, 1), 15, {"31", "32", "33", "39", "40", "55", "56"}),
        (date(2023, 1, 1), 11, {"30", "38", "54"}),
    ],
)
def test_counties_at_a_date(klass_client: KlassClient, at: date, count: int, some: set) -> None:
    codes = {c["code"] for c in klass_client.counties_at(at)}
    assert len(codes) == count
    assert some <= codes


def test_changes_between_two_dates_include_the_2020_reform(klass_client: KlassClient) -> None:
    changes = klass_client.changes(131, date(2019, 1, 1), date(2020, 1, 1))
    pairs = {(c["oldCode"], c["newCode"]) for c in changes}
    assert {("0220", "3025"), ("0627", "3025"), ("0628", "3025")} <= pairs
    assert {c["changeOccurred"] for c in changes} == {"2020-01-01"}  # not 2019's renamings
    assert len(changes) == 317


def test_changes_refuse_dates_in_the_wrong_order(klass_client: KlassClient) -> None:
    with pytest.raises(ValueError) as caught:
        klass_client.changes(131, date(2020, 1, 1), date(2019, 1, 1))
    assert str(caught.value) == BAD_ORDER.format(start="2020-01-01", end="2019-01-01")


def test_a_server_error_is_retried(klass_client: KlassClient, fake_ssb) -> None:
    fake_ssb.inject("500", times=2)
    assert len(klass_client.counties_at(date(2024, 1, 1))) == 15
    assert [r.status for r in fake_ssb.requests] == [500, 500, 200]
    assert fake_ssb.clock.sleeps == [1.0, 2.0]


def test_a_lasting_fault_is_reported_in_norwegian(klass_client: KlassClient, fake_ssb) -> None:
    fake_ssb.inject("invalid_json", times=3)
    with pytest.raises(SsbUnavailable) as caught:
        klass_client.municipalities_at(date(2026, 1, 1))
    assert str(caught.value).startswith(
        "SSB svarte ikke som forventet på KLASS-klassifikasjon 131 per 2026-01-01 etter 3 "
        "forsøk: svaret var ødelagt eller ufullstendig"
    )


def test_an_unknown_classification_is_named(klass_client: KlassClient) -> None:
    with pytest.raises(SsbRequestError) as caught:
        klass_client.codes_at(999, date(2024, 1, 1))
    assert str(caught.value) == NOT_FOUND.format(classification=999)


def test_answers_are_cached_on_disk(klass_client: KlassClient, fake_ssb) -> None:
    first = klass_client.changes(131, "2019-01-01", "2020-01-01")
    again = klass_client.changes(131, "2019-01-01", "2020-01-01")
    assert first == again
    assert len(fake_ssb.requests) == 1
    klass_client.changes(131, "2019-01-01", "2020-01-01", refresh=True)
    assert len(fake_ssb.requests) == 2
