"""Malformed JSON-stat: `JsonStatError` with a Norwegian message that says what is wrong."""

from __future__ import annotations

import copy
import re

import pytest

from temaplan.statistics.jsonstat import MAX_DECODED_CELLS, decode
from temaplan.statistics.jsonstat_model import JsonStatError
from temaplan.statistics.tests.jsonstat_docs import (
    encode,
    small,
)

# ----------------------------------------------------------------------------------------------
# Malformed input: JsonStatError with a message that says what is wrong


def _replace(path: tuple, value) -> bytes:
    doc = copy.deepcopy(small())
    target = doc
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return encode(doc)


def _delete(path: tuple) -> bytes:
    doc = copy.deepcopy(small())
    target = doc
    for key in path[:-1]:
        target = target[key]
    del target[path[-1]]
    return encode(doc)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "ikke gyldig JSON"),
        (b"{", "ikke gyldig JSON"),
        (b"\xff\xfe", "ikke gyldig JSON"),
        (b"<html>503</html>", "ikke gyldig JSON"),
        (b"[1, 2]", "objekt på toppnivå, ikke en liste"),
        (b"null", "objekt på toppnivå"),
        (encode({"class": "collection", "link": {}}), "«collection» støttes ikke"),
        (encode({"version": "2.0"}), "Fant ikke noe JSON-stat-datasett"),
        (_delete(("dimension",)), "«dimension» mangler"),
        (_replace(("dimension",), []), "«dimension» mangler eller er ikke et objekt"),
        (_delete(("value",)), "«value» mangler"),
        (_replace(("id",), "Region"), "«id» skal være en liste av tekster"),
        (_replace(("id",), ["Region", "Region"]), "samme dimensjon flere ganger"),
        (_replace(("id",), ["Region"]), "«id» har 1 dimensjoner, men «size» har 2"),
        (_replace(("size",), [2, "3"]), "«size» skal være en liste av ikke-negative heltall"),
        (_replace(("size",), [2, -3]), "ikke-negative heltall"),
        (_replace(("size",), [2, True]), "ikke-negative heltall"),
        (_replace(("size",), [2, 4]), "har 3 kategorier, men «size» sier 4"),
        (_replace(("size",), [10**6, 10**6]), f"mer enn grensen på {MAX_DECODED_CELLS}"),
        (_delete(("dimension", "Tid")), "mangler dimensjonen «Tid»"),
        (_delete(("dimension", "Tid", "category")), "«category» mangler i dimensjonen «Tid»"),
        (
            _delete(("dimension", "Tid", "category", "index")),
            "«category.index» mangler i dimensjonen «Tid»",
        ),
        (
            _replace(("dimension", "Region", "category", "index"), {"3025": 0, "3024": 2}),
            "Posisjonen 2 til «3024» i «category.index» i dimensjonen «Region» er utenfor 0–1",
        ),
        (
            _replace(("dimension", "Region", "category", "index"), {"3025": 0, "3024": 0}),
            "To koder har posisjon 0",
        ),
        (
            _replace(("dimension", "Region", "category", "index"), {"3025": 0, "3024": "1"}),
            "er ikke et heltall",
        ),
        (
            _replace(("dimension", "Region", "category", "index"), "3025,3024"),
            "skal være en liste eller et objekt, ikke tekst",
        ),
        (
            _replace(("dimension", "Tid", "category", "index"), ["2020", "2020", "2021"]),
            "samme kode flere ganger",
        ),
        (
            _replace(("dimension", "Region", "category", "label"), {"3025": 3025}),
            "Etiketten til «3025» i dimensjonen «Region» er ikke tekst",
        ),
        (_replace(("label",), 12), "«label» skal være tekst"),
        (_replace(("value",), [1, 2, 3]), "«value» har 3 verdier, men «size» gir 6 celler"),
        (_replace(("value",), list(range(7))), "«value» har 7 verdier, men «size» gir 6 celler"),
        (_replace(("value",), [1, 2, 3, 4, 5, "6"]), "verdi nr. 5 er tekst («6»)"),
        (_replace(("value",), [1, 2, 3, 4, 5, True]), "true/false"),
        (_replace(("value",), [1, 2, 3, 4, 5, [6]]), "verdi nr. 5 er en liste"),
        (_replace(("value",), "1,2,3"), "«value» skal være en liste eller et objekt"),
        (_replace(("value",), {"6": 1}), "celle nr. 6 er utenfor 0–5"),
        (_replace(("value",), {"x": 1}), "nøklene i objektet skal være celle-numre"),
        (_replace(("status",), [".."]), "«status» har 1 elementer, men datasettet har 6 celler"),
        (_replace(("status",), 3), "«status» skal være tekst, en liste eller et objekt"),
        (_replace(("status",), {"1": 2}), "«status» for celle nr. 1 er ikke tekst"),
        (_replace(("role",), ["time"]), "«role» skal være et objekt"),
        (_replace(("id",), ["Region", "value"]), "«value» er reservert"),
        (
            encode({"a": small(), "b": small()}).replace(b'"class":"dataset",', b""),
            "2 datasett",
        ),
        (b'{"class":"dataset","id":["a"],"size":[2],"value":[1,,2]', "ikke gyldig JSON"),
        (
            b'{"class":"dataset","id":["a"],"size":[2],"dimension":{"a":{"category":'
            b'{"index":["x","y"]}}},"value":[1,,2]}',
            "«value» er ikke en gyldig liste av tall",
        ),
        (
            b'{"class":"dataset","id":["a"],"size":[2],"dimension":{"a":{"category":'
            b'{"index":["x","y"]}}},"value":[1,2,]}',
            "«value» er ikke en gyldig liste av tall",
        ),
        (
            b'{"class":"dataset","id":["a"],"size":[2],"dimension":{"a":{"category":'
            b'{"index":["x","y"]}}},"value":[007,2]}',
            "leading zero",
        ),
    ],
)
def test_malformed_input_raises_a_clear_error(data, message):
    with pytest.raises(JsonStatError, match=re.escape(message)):
        decode(data)


def test_json_stat_error_is_a_value_error():
    assert issubclass(JsonStatError, ValueError)
    with pytest.raises(JsonStatError, match="bytes eller tekst"):
        decode(123)
