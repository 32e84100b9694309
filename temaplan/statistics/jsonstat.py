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

Speed and memory: a response of 380,000 cells is mostly its `value` array. Turning that into a
Python list first costs a pointer per cell plus an object per number, several times the text.
So the decoder finds the array in the raw text, parses everything else with orjson, and reads
the values in slices of 8 KB straight into a preallocated float32 array: integers of up to
eight digits (SSB's counts) with numpy, eight bytes at a time; any other slice (decimals,
exponents, whitespace) with orjson. The first slice with a number float32 cannot hold exactly
turns the array into float64 once (what has been read is copied over) and the rest is read
into that. Anything unusual about the array itself (strings among the values, a sparse `value`
object, a `"value": [...]` the parse does not confirm as the dataset's) takes the plain path:
orjson on the whole document, then float64 narrowed to float32 when that is exact.
bench/jsonstat_decode.py measures both against pyjstat.

Every malformed input raises `JsonStatError` (a ValueError) with a Norwegian message.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import orjson

__all__ = [
    "MISSING_REASONS",
    "Dataset",
    "Dimension",
    "JsonStatError",
    "decode",
    "missing_reason",
]

# SSB's standard symbols (https://www.ssb.no/en/help/standard-symbols-in-tables): why a cell has
# no number, or what is special about the number it has.
MISSING_REASONS: dict[str, str] = {
    ".": "ikke mulig å oppgi",
    "..": "ikke tilgjengelig ennå",
    "...": "foreløpig ikke tilgjengelig",
    "…": "foreløpig ikke tilgjengelig",
    "....": "manglende verdi",
    ".....": "manglende verdi",
    "......": "manglende verdi",
    ":": "skjult (personvern)",
    "-": "null (ingenting å registrere)",
    "*": "foreløpig tall",
    "r": "rettet siden forrige publisering",
}

# The most cells one dataset may have (SSB gives at most 800,000 per request): a guard against a
# small document whose `size` promises an array too large to allocate.
MAX_CELLS = 200_000_000

# Values are read in slices of about this many bytes of text (peak memory beyond the result).
_CHUNK_BYTES = 8_192

# Stands in for the value array while the rest of the document is parsed; the NUL escape makes it
# a string no real document has (and decode checks that this one does not).
_SENTINEL_TEXT = b'"\\u0000temaplan:value-array"'
_SENTINEL = "\x00temaplan:value-array"


# The dtypes a Dataset's values may have: float32 when that is exact, float64 otherwise.
_VALUE_DTYPES = (np.dtype(np.float32), np.dtype(np.float64))


class JsonStatError(ValueError):
    """The document is not a JSON-stat dataset this decoder can read; the message says why."""


def missing_reason(symbol: str | None) -> str:
    """The Norwegian reason behind a status symbol (`"..": "ikke tilgjengelig ennå"`)."""
    if symbol is None or symbol == "":
        return "mangler (uten oppgitt årsak)"
    return MISSING_REASONS.get(symbol, f"spesielt merket (symbol «{symbol}»)")


@dataclass(frozen=True, eq=False)
class Dimension:
    """One dimension: its categories' codes and labels in index order."""

    id: str
    label: str
    codes: list[str]
    labels: list[str]
    role: str | None = None  # "time", "geo", "metric" or None
    units: dict[str, dict[str, Any]] | None = None  # code -> {"base": "kr", "decimals": 0}

    @property
    def size(self) -> int:
        return len(self.codes)

    def position(self, code: str) -> int:
        """The index of a category code; KeyError if the dimension has no such code."""
        try:
            return self.codes.index(code)
        except ValueError:
            raise KeyError(code) from None

    def label_of(self, code: str) -> str:
        return self.labels[self.position(code)]


@dataclass(frozen=True, eq=False)
class Dataset:
    """A decoded dataset: dimensions in `id` order and a float array of shape `size`.

    `values` is read-only and float32 or float64: `decode` gives float32 when that holds every
    value exactly (counts up to 2**24), to keep a large table small (a 380,000-cell commuting
    matrix is 1.5 MB in float32, 3 MB in float64), and float64 otherwise. NaN where missing.
    Sum many cells in float64 (`values.sum(dtype=np.float64)`); a float32 sum is rounded.
    """

    label: str
    updated: str | None
    source: str | None
    dimensions: list[Dimension]
    values: np.ndarray
    status: dict[int, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        shape = tuple(d.size for d in self.dimensions)
        if self.values.dtype not in _VALUE_DTYPES or self.values.shape != shape:
            raise JsonStatError(
                f"Verdiene har form {self.values.shape} ({self.values.dtype}), "
                f"men dimensjonene gir {shape} (float32 eller float64)."
            )
        self.values.flags.writeable = False

    @property
    def shape(self) -> tuple[int, ...]:
        return self.values.shape

    @property
    def size(self) -> int:
        return int(self.values.size)

    @property
    def ids(self) -> list[str]:
        return [d.id for d in self.dimensions]

    def dimension(self, dimension_id: str) -> Dimension:
        for dim in self.dimensions:
            if dim.id == dimension_id:
                return dim
        raise KeyError(dimension_id)

    def role(self, role: str) -> Dimension | None:
        """The first dimension with this role ("time", "geo" or "metric"), if any."""
        return next((d for d in self.dimensions if d.role == role), None)

    def columns(self) -> dict[str, np.ndarray]:
        """Long form: each dimension id -> its code per cell, and "value" -> the float values.

        Cells come in C order (the last dimension varies fastest), like `values.ravel()`.
        "value" is a view of `values`, so it has its dtype (float32 or float64, see `Dataset`):
        sum it in float64 (`col.sum(dtype=np.float64)`) when many cells are added up.
        Code columns are numpy string arrays (`col == "3025"` and `np.unique` are vectorised);
        a one-category dimension's column is a broadcast view that costs no memory. All
        columns are read-only.
        """
        out: dict[str, np.ndarray] = {}
        shape = self.values.shape
        n = self.values.size
        for axis, dim in enumerate(self.dimensions):
            codes = np.array(dim.codes, dtype=np.str_)
            if dim.size == 1:
                column = np.broadcast_to(codes, (n,))
            else:
                inner = math.prod(shape[axis + 1 :])
                outer = math.prod(shape[:axis])
                column = np.tile(np.repeat(codes, inner), outer)
                column.flags.writeable = False
            out[dim.id] = column
        out["value"] = self.values.reshape(-1)
        return out

    def missing_reason(self, symbol: str | None) -> str:
        return missing_reason(symbol)

    def reason_at(self, flat_index: int) -> str | None:
        """Why the cell at this flat (C-order) index is missing or flagged; None if normal."""
        symbol = self.status.get(flat_index)
        if symbol is not None:
            return missing_reason(symbol)
        if math.isnan(self.values.flat[flat_index]):
            return missing_reason(None)
        return None


# ----------------------------------------------------------------------------------------------
# decode


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
    fast = _split_value_array(data)
    if fast is not None:
        doc, span = fast
        dataset = _dataset_object(doc)
        if dataset.get("value") == _SENTINEL:
            return _build(dataset, lambda n: (_read_value_span(data, span, n), {}))
    doc = _loads(data)
    dataset = _dataset_object(doc)
    return _build(dataset, lambda n: _values_from_json(dataset.get("value"), n))


def _loads(data: bytes) -> Any:
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        raise JsonStatError(f"Svaret er ikke gyldig JSON: {exc}.") from None


def _split_value_array(data: bytes) -> tuple[Any, tuple[int, int]] | None:
    """Find the dataset's `"value": [...]` of plain numbers/nulls in the raw text.

    Returns the rest of the document, parsed, with a sentinel string where the array was, and
    the array's inside as (start, end) offsets; None when the fast path does not apply.
    """
    length = len(data)
    key = data.rfind(b'"value"')
    for _ in range(8):  # the last `"value"` key followed by an array; usually the first tried
        if key < 0:
            return None
        pos = key + 7
        while pos < length and data[pos] in _WHITESPACE:
            pos += 1
        if pos < length and data[pos] == _COLON:
            pos += 1
            while pos < length and data[pos] in _WHITESPACE:
                pos += 1
            if pos < length and data[pos] == _OPEN:
                break
        key = data.rfind(b'"value"', 0, key)
    else:
        return None
    start = pos + 1
    end = data.find(b"]", start)
    if end < 0:
        return None
    for bad in (b'"', b"{", b"["):
        if data.find(bad, start, end) >= 0:
            return None
    if data.find(_SENTINEL_TEXT) >= 0:
        return None
    rest = data[: start - 1] + _SENTINEL_TEXT + data[end + 1 :]
    try:
        doc = orjson.loads(rest)
    except orjson.JSONDecodeError:
        return None  # the plain path gives the precise error
    return doc, (start, end)


_WHITESPACE = frozenset(b" \t\r\n")
_COLON, _OPEN = ord(":"), ord("[")


def _read_value_span(data: bytes, span: tuple[int, int], n: int) -> np.ndarray:
    """Read the numbers between `[` and `]` into an array of n cells, slice by slice.

    The array is float32 until a slice has a number float32 cannot hold exactly; from there
    it is float64 (one copy of what was read), so no slice is ever rounded.
    """
    start, end = span
    if data.find(b"t", start, end) >= 0 or data.find(b"f", start, end) >= 0:
        raise JsonStatError("«value» inneholder true/false; verdiene må være tall eller null.")
    if n > 1_000_000 and data.count(b",", start, end) + 1 != n:
        # A large `size` with a short array: say so before allocating for it.
        raise JsonStatError(_count_message(data.count(b",", start, end) + 1, n))
    out = np.empty(n, dtype=np.float32)
    count = 0
    pos = start
    while pos <= end:
        cut = data.find(b",", min(pos + _CHUNK_BYTES, end), end)
        # Each slice keeps the comma after its last number (one is added at the very end).
        chunk = data[pos : cut + 1] if cut >= 0 else data[pos:end] + b","
        k = _read_integers(chunk, out, count) if _SWAR else -1
        if k == _NEEDS_FLOAT64:  # integers float32 cannot hold: widen, then read them again
            out = _widened(out, count)
            k = _read_integers(chunk, out, count)
        if k < 0:  # not plain integers of up to 8 digits: let orjson read the slice
            try:
                items = orjson.loads(b"[" + chunk[:-1] + b"]")
            except orjson.JSONDecodeError as exc:
                raise JsonStatError(f"«value» er ikke en gyldig liste av tall: {exc}.") from None
            k = len(items)
            if count + k > n:
                raise JsonStatError(_count_message(data.count(b",", start, end) + 1, n))
            part = np.array(items, dtype=np.float64)  # None -> NaN
            if out.dtype == np.float32 and _narrowest(part).dtype != np.float32:
                out = _widened(out, count)
            out[count : count + k] = part
            if k == 0 and pos != start:
                raise JsonStatError(
                    "«value» er ikke en gyldig liste av tall: komma uten tall etter."
                )
        count += k
        pos = (cut if cut >= 0 else end) + 1
    if count != n:
        raise JsonStatError(_count_message(count, n))
    return out


# Integers of up to eight digits are read eight bytes at a time (SWAR: "SIMD within a
# register", as simdjson does): the eight bytes that end at each number's comma, read as one
# little-endian uint64, keep only the number's own digits (zeros to their left) and are folded
# 8 -> 4 -> 2 -> 1 digits with three multiplications, for all numbers of a slice at once.
_SWAR = sys.byteorder == "little"
_U64 = np.uint64
# By digit count d (index 1-8): the low nibbles of the number's own d bytes in its window.
_KEEP = np.array(
    [0] + [(2**64 - (1 << (8 * (8 - d)))) & 0x0F0F0F0F0F0F0F0F for d in range(1, 9)],
    dtype=np.uint64,
)
# The smallest d-digit number (no leading zero); 1 for d = 0 flags an empty number.
_SMALLEST = np.array([1, 0] + [10 ** (d - 1) for d in range(2, 9)], dtype=np.uint64)
_FOLD = (
    (_U64(10 * 2**8 + 1), _U64(8), _U64(0x00FF00FF00FF00FF)),  # digit pairs
    (_U64(100 * 2**16 + 1), _U64(16), _U64(0x0000FFFF0000FFFF)),  # groups of four
    (_U64(10_000 * 2**32 + 1), _U64(32), None),  # the number
)
_INTEGER_BYTES = b"0123456789,-"
# Every integer of magnitude up to 2**24 is exactly a float32 (a 24-bit significand).
_FLOAT32_EXACT_INTEGERS = _U64(2**24)
# _read_integers' answer when the slice's integers are fine but `out` is float32 and one of them
# is not exactly a float32 (16,777,217, say): nothing was written.
_NEEDS_FLOAT64 = -2
_N, _MINUS, _COMMA = ord("n"), ord("-"), ord(",")


def _read_integers(chunk: bytes, out: np.ndarray, at: int) -> int:
    """Parse comma-terminated JSON integers (and nulls) into out[at:]; -1 if they are not.

    Returns how many numbers were read. Anything this reader is unsure of (a decimal point,
    an exponent, whitespace, more than eight digits, a stray minus, a leading zero, an empty
    number, a null glued to a number) makes it return -1, and the caller reads the same slice
    with orjson instead (overwriting whatever was written). When `out` is float32 and one of
    the integers is not exactly a float32, it writes nothing and returns `_NEEDS_FLOAT64`.
    """
    nulls = chunk.count(b"null") if b"n" in chunk else 0  # `in` runs at memchr speed
    plain = chunk.replace(b"null", b"0") if nulls else chunk
    if plain.translate(None, _INTEGER_BYTES):
        return -1
    a = np.frombuffer(plain, dtype=np.uint8)
    ends = np.flatnonzero(a == _COMMA)
    k = ends.size
    if k == 0 or at + k > out.size:
        return -1
    digits = np.empty(k, dtype=np.intp)
    digits[0] = ends[0]
    np.subtract(ends[1:], ends[:-1], out=digits[1:])
    digits[1:] -= 1
    minus = plain.count(b"-") if b"-" in plain else 0
    if minus:
        negative = a.take(ends - digits) == _MINUS
        if int(np.count_nonzero(negative)) != minus:
            return -1  # a minus sign inside a number
        digits -= negative
    padded = b"00000000" + plain
    windows = np.ndarray((a.size + 1,), dtype=np.uint64, buffer=padded, strides=(1,))
    x = windows.take(ends)  # the eight bytes before each comma
    try:
        x &= _KEEP.take(digits)
    except IndexError:
        return -1  # more than eight digits
    for multiplier, shift, mask in _FOLD:
        x *= multiplier
        x >>= shift
        if mask is not None:
            x &= mask
    if (x < _SMALLEST.take(digits)).any():
        return -1  # a leading zero ("007", not JSON) or an empty number (",,")
    if out.dtype == np.float32 and not _integers_fit_float32(x):
        return _NEEDS_FLOAT64
    target = out[at : at + k]
    target[:] = x
    if minus:
        np.negative(target, out=target, where=negative)
    if nulls and not _mark_nulls(chunk, nulls, digits, target):
        return -1
    return k


def _integers_fit_float32(x: np.ndarray) -> bool:
    """Whether float32 holds each of these magnitudes (uint64, below 10**8) exactly."""
    if x.max() <= _FLOAT32_EXACT_INTEGERS:
        return True
    # Larger ones are exact when they are a 24-bit number times a power of two (100,000,000).
    return bool(np.array_equal(x.astype(np.float32), x))


def _widened(out: np.ndarray, count: int) -> np.ndarray:
    """A float64 array of out's size holding out's first `count` values."""
    wide = np.empty(out.size, dtype=np.float64)
    wide[:count] = out[:count]
    return wide


def _narrowest(values: np.ndarray) -> np.ndarray:
    """float64 values as float32 if that is exact for every one (NaN stays NaN), else as given."""
    with np.errstate(over="ignore"):  # 1e300 -> inf is the answer "not exact", not a problem
        narrow = values.astype(np.float32)
    return narrow if np.array_equal(narrow, values, equal_nan=True) else values


def _mark_nulls(chunk: bytes, nulls: int, digits: np.ndarray, target: np.ndarray) -> bool:
    """Set the numbers that were `null` to NaN; False if a null does not stand alone."""
    original = np.frombuffer(chunk, dtype=np.uint8)
    where = np.flatnonzero(original == _N)
    if where.size != nulls:
        return False
    tokens = np.searchsorted(np.flatnonzero(original == _COMMA), where)
    before = np.maximum(where - 1, 0)
    alone = (
        (digits[tokens] == 1)
        & ((where == 0) | (original[before] == _COMMA))
        & (original[np.minimum(where + 4, original.size - 1)] == _COMMA)
    )
    if not alone.all():
        return False
    target[tokens] = np.nan
    return True


def _count_message(count: int, n: int) -> str:
    return (
        f"«value» har {count} verdier, men «size» gir {n} celler; "
        "de må stemme overens (eller bruk et objekt for glisne data)."
    )


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
    if n > MAX_CELLS:
        raise JsonStatError(f"Datasettet har {n} celler, mer enn grensen på {MAX_CELLS}.")
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
            raise JsonStatError(_count_message(len(value), n))
        items, symbols = _symbols_to_null(value)
        return _narrowest(_float_array(items, "«value»")), symbols
    if isinstance(value, dict):  # sparse: {"17": 3.0}
        if value:
            positions = _positions(list(value), n, "«value»")
            items, symbols = _symbols_to_null(list(value.values()))
            given = _narrowest(_float_array(items, "«value»"))
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
