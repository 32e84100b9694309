"""The fast reader of a JSON-stat `value` array: numbers straight from the text into numpy.

A response of 380,000 cells is mostly its `value` array. Turning that into a Python list first
costs a pointer per cell plus an object per number, several times the text. So the decoder
(temaplan.statistics.jsonstat) asks `split_value_array` to find the array in the raw text and
parse everything else with orjson, and `read_value_span` reads the values in slices of 8 KB
straight into a preallocated float32 array: integers of up to eight digits (SSB's counts) with
numpy, eight bytes at a time; any other slice (decimals, exponents, whitespace) with orjson.
The first slice with a number float32 cannot hold exactly turns the array into float64 once
(what has been read is copied over) and the rest is read into that. Anything unusual about the
array itself (strings among the values, a sparse `value` object, a `"value": [...]` the parse
does not confirm as the dataset's) makes `split_value_array` answer None, and the decoder takes
the plain path. bench/jsonstat_decode.py measures both against pyjstat.
"""

from __future__ import annotations

import sys
from typing import Any

import numpy as np
import orjson

from temaplan.statistics.jsonstat_model import JsonStatError

__all__ = ["SENTINEL", "count_message", "narrowest", "read_value_span", "split_value_array"]

# Values are read in slices of about this many bytes of text (peak memory beyond the result).
_CHUNK_BYTES = 8_192

# Stands in for the value array while the rest of the document is parsed; the NUL escape makes it
# a string no real document has (and decode checks that this one does not).
_SENTINEL_TEXT = b'"\\u0000temaplan:value-array"'
SENTINEL = "\x00temaplan:value-array"


def split_value_array(data: bytes) -> tuple[Any, tuple[int, int]] | None:
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


def read_value_span(data: bytes, span: tuple[int, int], n: int) -> np.ndarray:
    """Read the numbers between `[` and `]` into an array of n cells, slice by slice.

    The array is float32 until a slice has a number float32 cannot hold exactly; from there
    it is float64 (one copy of what was read), so no slice is ever rounded.
    """
    start, end = span
    if data.find(b"t", start, end) >= 0 or data.find(b"f", start, end) >= 0:
        raise JsonStatError("«value» inneholder true/false; verdiene må være tall eller null.")
    if n > 1_000_000 and data.count(b",", start, end) + 1 != n:
        # A large `size` with a short array: say so before allocating for it.
        raise JsonStatError(count_message(data.count(b",", start, end) + 1, n))
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
                raise JsonStatError(count_message(data.count(b",", start, end) + 1, n))
            part = np.array(items, dtype=np.float64)  # None -> NaN
            if out.dtype == np.float32 and narrowest(part).dtype != np.float32:
                out = _widened(out, count)
            out[count : count + k] = part
            if k == 0 and pos != start:
                raise JsonStatError(
                    "«value» er ikke en gyldig liste av tall: komma uten tall etter."
                )
        count += k
        pos = (cut if cut >= 0 else end) + 1
    if count != n:
        raise JsonStatError(count_message(count, n))
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


def narrowest(values: np.ndarray) -> np.ndarray:
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


def count_message(count: int, n: int) -> str:
    return (
        f"«value» har {count} verdier, men «size» gir {n} celler; "
        "de må stemme overens (eller bruk et objekt for glisne data)."
    )
