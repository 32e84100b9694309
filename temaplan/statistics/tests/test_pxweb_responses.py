"""SSB's answers: merged parts and refusals read into Norwegian (pxweb_responses)."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import numpy as np
import pytest

from temaplan.statistics.http import SsbRequestError
from temaplan.statistics.jsonstat import decode
from temaplan.statistics.pxweb import PxWebClient
from temaplan.statistics.pxweb_responses import merge_datasets

# The fake SSB server and the clients on it (fake_ssb, pxweb_client, klass_client).


def explicit(region: str = "0220", year: str = "2019") -> dict[str, list[str]]:
    """A small selection with explicit codes only (no metadata request needed)."""
    return {"Region": [region], "ContentsCode": ["SysselsatteBosted"], "Tid": [year]}


def test_merged_parts_keep_the_widest_dtype_of_the_parts() -> None:
    def part(code: str, value: float) -> bytes:
        return json.dumps(
            {
                "version": "2.0",
                "class": "dataset",
                "id": ["Region"],
                "size": [1],
                "dimension": {"Region": {"category": {"index": [code]}}},
                "value": [value],
            }
        ).encode()

    counts = [decode(part("0219", 10)), decode(part("0220", 20))]
    assert merge_datasets(counts).values.dtype == np.float32
    mixed = [*counts, decode(part("3025", 0.1))]
    merged = merge_datasets(mixed)
    assert merged.values.dtype == np.float64 and merged.values.tolist() == [10, 20, 0.1]


# --- SSB's error bodies ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("table", "selection", "message"),
    [
        ("99999", explicit(), "Tabell 99999 finnes ikke hos SSB."),
        ("99999", {"Tid": "top(1)"}, "Tabell 99999 finnes ikke hos SSB."),  # at the metadata
        (
            "11618",
            explicit("9999"),
            "SSB kjenner ikke verdien 9999 i tabell 11618 (Region=9999).",
        ),
        (
            "11618",
            {
                "Region": ["0220", "9998", "9999"],
                "ContentsCode": "SysselsatteBosted",
                "Tid": "2019",
            },
            "SSB kjenner ikke verdiene 9998 og 9999 i tabell 11618 (Region=9998,9999).",
        ),
        (
            "11618",
            {"Region": "0220", "ContentsCode": "Sysselsatte", "Tid": "2019"},
            "SSB kjenner ikke verdien Sysselsatte i tabell 11618 (ContentsCode=Sysselsatte).",
        ),
        (
            "11618",
            {"Region": "0220", "ContentsCode": "SysselsatteBosted"},
            "Tabell 11618 krever at du velger verdier for Tid.",
        ),
        (
            "11618",
            {"Region": "0220", "ContentsCode": "SysselsatteBosted", "Tid": "from(1999)"},
            "SSB kjenner ikke verdien 1999 i tabell 11618 (Tid=from(1999)).",
        ),
        (
            "11618",
            {"Region": "0220", "ContentsCode": "*", "Tid": "top(x)"},
            "«top(x)» er ikke et gyldig utvalg for Tid i tabell 11618.",
        ),
        (
            "11618",
            {"Fylke": "03", "ContentsCode": "SysselsatteBosted", "Tid": "2019"},
            "Tabell 11618 har ingen variabel Fylke (Fylke=03; ContentsCode=SysselsatteBosted; "
            "Tid=2019).",
        ),
    ],
)
def test_ssbs_error_bodies_become_norwegian_messages_naming_table_and_value(
    pxweb_client: PxWebClient, fake_ssb, table, selection, message
) -> None:
    with pytest.raises(SsbRequestError) as caught:
        pxweb_client.dataset(table, selection)
    assert str(caught.value) == message
    assert len(fake_ssb.data_requests()) <= 1  # a refusal is not retried


def test_the_fake_sends_ssbs_own_error_bodies(fake_ssb, ssb_data: Path) -> None:
    real = json.loads((ssb_data / "api_responses" / "ssb_v2_error_responses.json").read_text())
    response = httpx.get(fake_ssb.pxweb_url + "/tables/99999/data?valueCodes[Tid]=2019")
    assert (response.status_code, response.text) == (
        real["ugyldig tabell-ID"]["status"],
        real["ugyldig tabell-ID"]["body"],
    )


def test_an_unknown_codelist_is_named(pxweb_client: PxWebClient) -> None:
    with pytest.raises(SsbRequestError, match="har ikke kodelisten agg_Fylker for Region"):
        pxweb_client.dataset("11618", explicit(), codelists={"Region": "agg_Fylker"})
