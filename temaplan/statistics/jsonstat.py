"""A fast JSON-stat decoder: SSB's responses to columnar numpy arrays.

Plain Python and numpy, no Django. `decode(data)` takes the raw response body (bytes or text) of
a JSON-stat 2.0 dataset, or an old JSON-stat 1.0 response with its `{"dataset": {...}}` wrapper,
and returns a `Dataset`: the dimensions in `id` order with their category codes and labels, the
values as an array of shape `size` (C order, NaN where missing) and the status symbols.

The values' dtype is the narrowest float that loses nothing: float32 when every number in the
document is exactly a float32 (every integer of magnitude up to 2**24 = 16,777,216 is, which
covers SSB's municipal counts), otherwise float64, each value then exactly the float64 that
the JSON text means. Why: a 380,000-cell commuting matrix (03321) is about 2 bytes of text a
cell, mostly zeros; float64 would make the result alone 3.8 times the text, float32 makes it
1.9 times. Whichever way a document is read, the same document gives the same dtype and the
same values. Consumers that sum many cells should sum in float64 (`values.sum(dtype=np.float64)`,
`np.nansum(values, dtype=np.float64)`): a float32 total of large counts is rounded.

Speed and memory: the `value` array, most of a large response, is read straight from the text
by the fast reader (temaplan.statistics.jsonstat_fast). Anything unusual about the array takes
the plain path here: orjson on the whole document, then float64 narrowed to float32 when that
is exact. The result types (`Dataset`, `Dimension`, `JsonStatError`) live in jsonstat_model.

Every malformed input raises `JsonStatError` (a ValueError) with a Norwegian message.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from typing import Any

import numpy as np
import orjson

from temaplan.statistics.jsonstat_fast import (
    SENTINEL,
    count_message,
    narrowest,
    read_value_span,
    split_value_array,
)
from temaplan.statistics.jsonstat_model import MISSING_REASONS, Dataset, Dimension, JsonStatError

__all__ = ["MAX_DECODED_CELLS", "decode"]

# The most cells one decoded dataset may have (SSB gives at most 800,000 per request): a guard
# against a small document whose `size` promises an array too large to allocate.
MAX_DECODED_CELLS = 200_000_000


def decode(data: bytes | str) -> Dataset:
    """Decode a JSON-stat 2.0 dataset (or a 1.0 response) into a `Dataset`."""
    if isinstance(data, str):
        try:
            data = data.encode()
        except UnicodeEncodeError:
            raise JsonStatError("Teksten er ikke gyldig Unicode (ensom surrogat).") from None
    elif isinstance(data, bytearray | memoryview):
        data = bytes(data)
    elif not isinstance(data, bytes):
        raise JsonStatError(f"JSON-stat må gis som bytes eller tekst, ikke {type(data).__name__}.")
    fast = split_value_array(data)
    if fast is not None:
        doc, span = fast
        dataset = _dataset_object(doc)
        if dataset.get("value") == SENTINEL:
            return _build(dataset, lambda n: (read_value_span(data, span, n), {}))
    doc = _loads(data)
    dataset = _dataset_object(doc)
    return _build(dataset, lambda n: _values_from_json(dataset.get("value"), n))


def _loads(data: bytes) -> Any:
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        raise JsonStatError(f"Svaret er ikke gyldig JSON: {exc}.") from None


def _dataset_object(doc: Any) -> dict[str, Any]:
    """The dataset itself: the document (2.0) or the one inside a 1.0 response."""
    if not isinstance(doc, dict):
        raise JsonStatError(f"JSON-stat skal være et objekt på toppnivå, ikke {_type_name(doc)}.")
    if "class" in doc:
        cls = doc["class"]
        if cls != "dataset":
            raise JsonStatError(
                f"JSON-stat-klassen «{_short(cls)}» støttes ikke; bare «dataset» kan leses."
            )
        return doc
    if "title" in doc and "status" in doc and "dimension" not in doc:
        raise JsonStatError(
            f"SSB svarte med en feil i stedet for data: {_short(doc.get('title'))} "
            f"(status {_short(doc.get('status'))})."
        )
    if "dimension" in doc and "value" in doc:
        return doc  # 2.0 without "class", or a bare 1.0 dataset
    # JSON-stat 1.0: {"dataset": {...}} or a bundle {"name": {...}, ...}.
    inner = doc.get("dataset")
    if isinstance(inner, dict):
        return inner
    candidates = [v for v in doc.values() if isinstance(v, dict) and "dimension" in v]
    if len(candidates) == 1:
        return candidates[0]
    if len(candidates) > 1:
        raise JsonStatError(
            f"Svaret inneholder {len(candidates)} datasett; send ett datasett om gangen."
        )
    raise JsonStatError(
        "Fant ikke noe JSON-stat-datasett: mangler «class»: «dataset» "
        "(JSON-stat 2.0) eller «dataset» (JSON-stat 1.0)."
    )


def _build(
    ds: dict[str, Any], read_values: Callable[[int], tuple[np.ndarray, dict[int, str]]]
) -> Dataset:
    dims_obj = ds.get("dimension")
    if not isinstance(dims_obj, dict):
        raise JsonStatError("«dimension» mangler eller er ikke et objekt.")
    if "id" in ds or "size" in ds:  # 2.0
        ids, sizes, roles = ds.get("id"), ds.get("size"), ds.get("role")
    else:  # 1.0: id, size and role inside "dimension"
        ids, sizes, roles = dims_obj.get("id"), dims_obj.get("size"), dims_obj.get("role")
    ids = _string_list(ids, "«id»")
    sizes = _size_list(sizes)
    if len(ids) != len(sizes):
        raise JsonStatError(f"«id» har {len(ids)} dimensjoner, men «size» har {len(sizes)} tall.")
    if len(set(ids)) != len(ids):
        raise JsonStatError("«id» nevner samme dimensjon flere ganger.")
    if "value" in ids:
        raise JsonStatError("Dimensjons-id «value» er reservert for verdikolonnen.")
    n = math.prod(sizes)
    if n > MAX_DECODED_CELLS:
        raise JsonStatError(f"Datasettet har {n} celler, mer enn grensen på {MAX_DECODED_CELLS}.")
    role_of = _roles(roles)
    dimensions = [
        _dimension(dim_id, dims_obj.get(dim_id), size, role_of.get(dim_id))
        for dim_id, size in zip(ids, sizes, strict=True)
    ]
    if "value" not in ds:
        raise JsonStatError("«value» mangler.")
    values, symbols = read_values(n)
    status = {**symbols, **_status(ds.get("status"), n)}
    return Dataset(
        label=_optional_str(ds.get("label"), "«label»") or "",
        updated=_optional_str(ds.get("updated"), "«updated»"),
        source=_optional_str(ds.get("source"), "«source»"),
        dimensions=dimensions,
        values=values.reshape(sizes),
        status=status,
        notes=_notes(ds.get("note")),
    )


def _dimension(dim_id: str, obj: Any, size: int, role: str | None) -> Dimension:
    where = f"dimensjonen «{dim_id}»"
    if not isinstance(obj, dict):
        raise JsonStatError(f"«dimension» mangler {where}, eller den er ikke et objekt.")
    category = obj.get("category")
    if not isinstance(category, dict):
        raise JsonStatError(f"«category» mangler i {where}, eller er ikke et objekt.")
    labels_obj = category.get("label")
    if labels_obj is not None and not isinstance(labels_obj, dict):
        raise JsonStatError(f"«category.label» i {where} skal være et objekt kode → tekst.")
    index = category.get("index")
    if index is None:
        if not labels_obj or len(labels_obj) != 1:
            raise JsonStatError(
                f"«category.index» mangler i {where}; det kan bare utelates når "
                "dimensjonen har én kategori (med «label»)."
            )
        codes = list(labels_obj)
    elif isinstance(index, list):
        codes = _string_list(index, f"«category.index» i {where}")
        if len(set(codes)) != len(codes):
            raise JsonStatError(f"«category.index» i {where} har samme kode flere ganger.")
    elif isinstance(index, dict):
        codes = _codes_from_positions(index, where)
    else:
        raise JsonStatError(
            f"«category.index» i {where} skal være en liste eller et objekt, "
            f"ikke {_type_name(index)}."
        )
    if len(codes) != size:
        raise JsonStatError(
            f"{where[0].upper()}{where[1:]} har {len(codes)} kategorier, men «size» sier {size}."
        )
    labels = []
    for code in codes:
        text = labels_obj.get(code, code) if labels_obj else code
        if not isinstance(text, str):
            raise JsonStatError(f"Etiketten til «{code}» i {where} er ikke tekst.")
        labels.append(text)
    label = obj.get("label", dim_id)
    if not isinstance(label, str):
        raise JsonStatError(f"«label» i {where} er ikke tekst.")
    units = category.get("unit")
    if units is not None:
        if not isinstance(units, dict) or not all(isinstance(u, dict) for u in units.values()):
            raise JsonStatError(f"«category.unit» i {where} skal være et objekt kode → objekt.")
        units = dict(units)
    return Dimension(dim_id, label, codes, labels, role, units or None)


def _codes_from_positions(index: dict[str, Any], where: str) -> list[str]:
    n = len(index)
    codes: list[str | None] = [None] * n
    for code, pos in index.items():
        if type(pos) is not int:
            raise JsonStatError(
                f"Posisjonen til «{_short(code)}» i «category.index» i {where} er ikke et heltall."
            )
        if not 0 <= pos < n:
            raise JsonStatError(
                f"Posisjonen {pos} til «{_short(code)}» i «category.index» i {where} er utenfor "
                f"0–{n - 1}."
            )
        if codes[pos] is not None:
            raise JsonStatError(f"To koder har posisjon {pos} i «category.index» i {where}.")
        codes[pos] = code
    return codes  # type: ignore[return-value]  # every slot filled: n distinct positions < n


def _roles(roles: Any) -> dict[str, str]:
    if roles is None:
        return {}
    if not isinstance(roles, dict):
        raise JsonStatError('«role» skal være et objekt (for eksempel {"time": ["Tid"]}).')
    out: dict[str, str] = {}
    for role, dim_ids in roles.items():
        for dim_id in _string_list(dim_ids, f"«role.{_short(role)}»"):
            out.setdefault(dim_id, role)
    return out


def _values_from_json(value: Any, n: int) -> tuple[np.ndarray, dict[int, str]]:
    """The values (NaN where missing) and any status symbols written in place of a number.

    float32 when that holds every value exactly, float64 otherwise (as the fast path gives).
    """
    if isinstance(value, list):
        if len(value) != n:
            raise JsonStatError(count_message(len(value), n))
        items, symbols = _symbols_to_null(value)
        return narrowest(_float_array(items, "«value»")), symbols
    if isinstance(value, dict):  # sparse: {"17": 3.0}
        if value:
            positions = _positions(list(value), n, "«value»")
            items, symbols = _symbols_to_null(list(value.values()))
            given = narrowest(_float_array(items, "«value»"))
        else:
            positions, symbols, given = np.empty(0, np.intp), {}, np.empty(0, np.float32)
        try:
            out = np.full(n, np.nan, dtype=given.dtype)  # NaN is a float32 too
        except MemoryError:
            raise JsonStatError(f"Datasettet har {n} celler; det er ikke minne til dem.") from None
        out[positions] = given
        return out, {int(positions[i]): symbol for i, symbol in symbols.items()}
    raise JsonStatError(
        f"«value» skal være en liste eller et objekt (glisne data), ikke {_type_name(value)}."
    )


def _symbols_to_null(items: list[Any]) -> tuple[list[Any], dict[int, str]]:
    """Some producers write the symbol itself (".." or ":") as the value: null plus status."""
    if str not in set(map(type, items)):
        return items, {}
    items = list(items)
    symbols = {}
    for i, item in enumerate(items):
        if type(item) is str and item in MISSING_REASONS:
            symbols[i] = item
            items[i] = None
    return items, symbols


def _float_array(items: list[Any], where: str) -> np.ndarray:
    """Numbers and nulls to float64 in one numpy call (None -> NaN); anything else is refused."""
    kinds = set(map(type, items))  # a C-level pass: booleans would pass numpy as 0/1
    if kinds <= _NUMBER_TYPES:
        try:
            return np.array(items, dtype=np.float64)
        except OverflowError:
            pass
    for i, item in enumerate(items):
        if type(item) not in _NUMBER_TYPES:
            raise JsonStatError(
                f"{where}: verdi nr. {i} er {_type_name(item)} («{_short(item)}»), "
                "ikke et tall eller null."
            )
    raise JsonStatError(f"{where}: verdiene kan ikke leses som tall.")


_NUMBER_TYPES = frozenset({int, float, type(None)})


def _positions(keys: list[Any], n: int, where: str) -> np.ndarray:
    try:
        positions = np.array([int(k) for k in keys], dtype=np.int64)
    except (TypeError, ValueError, OverflowError):
        raise JsonStatError(f"{where}: nøklene i objektet skal være celle-numre.") from None
    if positions.size and (positions.min() < 0 or positions.max() >= n):
        bad = positions[(positions < 0) | (positions >= n)][0]
        raise JsonStatError(f"{where}: celle nr. {bad} er utenfor 0–{n - 1}.")
    if np.unique(positions).size != positions.size:
        raise JsonStatError(f"{where}: samme celle er nevnt flere ganger.")
    return positions


def _status(status: Any, n: int) -> dict[int, str]:
    if status is None:
        return {}
    if isinstance(status, str):
        return dict.fromkeys(range(n), status) if status else {}
    if isinstance(status, list):
        if len(status) != n:
            raise JsonStatError(
                f"«status» har {len(status)} elementer, men datasettet har {n} celler."
            )
        pairs = [(i, s) for i, s in enumerate(status) if s is not None]
    elif isinstance(status, dict):
        positions = _positions(list(status), n, "«status»").tolist()
        pairs = list(zip(positions, status.values(), strict=True))
    else:
        raise JsonStatError(
            f"«status» skal være tekst, en liste eller et objekt, ikke {_type_name(status)}."
        )
    out: dict[int, str] = {}
    for i, symbol in pairs:
        if not isinstance(symbol, str):
            raise JsonStatError(f"«status» for celle nr. {i} er ikke tekst.")
        if symbol:
            out[i] = symbol
    return out


def _notes(note: Any) -> list[str]:
    if note is None:
        return []
    if isinstance(note, str):
        return [note]
    if isinstance(note, list) and all(isinstance(x, str) for x in note):
        return list(note)
    if isinstance(note, dict) and all(isinstance(x, str) for x in note.values()):
        return list(note.values())
    raise JsonStatError("«note» skal være tekst eller en liste av tekster.")


def _string_list(items: Any, where: str) -> list[str]:
    if not isinstance(items, list) or not all(isinstance(x, str) for x in items):
        raise JsonStatError(f"{where} skal være en liste av tekster.")
    return items


def _size_list(sizes: Any) -> list[int]:
    if not isinstance(sizes, list) or not all(type(x) is int and x >= 0 for x in sizes):
        raise JsonStatError("«size» skal være en liste av ikke-negative heltall.")
    return sizes


def _optional_str(value: Any, where: str) -> str | None:
    if value is None or isinstance(value, str):
        return value
    raise JsonStatError(f"{where} skal være tekst.")


def _type_name(value: Any) -> str:
    if isinstance(value, Mapping):
        return "et objekt"
    return {
        list: "en liste",
        str: "tekst",
        bool: "en sannhetsverdi",
        int: "et tall",
        float: "et tall",
        type(None): "null",
    }.get(type(value), type(value).__name__)


def _short(value: Any, limit: int = 60) -> str:
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
