"""What the StatBank file readers share: the error, text decoding and cell values.

StatBank writes its files as UTF-8 (with or without BOM), UTF-16 or ISO-8859-1/Windows-1252;
`decode_text` finds out which. `cell_numbers` reads cells as float64, SSB's symbols (`.`, `..`,
`:`…) as NaN with the symbol kept. Plain Python and numpy, no Django.
"""

from __future__ import annotations

import codecs

import numpy as np

from temaplan.statistics.jsonstat_model import MISSING_REASONS

__all__ = ["MISSING_SYMBOLS", "StatbankFileError", "cell_numbers", "decode_text", "shorten"]


class StatbankFileError(ValueError):
    """The file cannot be read as a StatBank export; the message says where and why."""


MISSING_SYMBOLS = frozenset(MISSING_REASONS) | {"", "\u2026"}


def decode_text(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """The file's text and the encoding it was read with."""
    if not isinstance(data, bytes | bytearray | memoryview):
        raise StatbankFileError(f"Filen må gis som bytes, ikke {type(data).__name__}.")
    data = bytes(data)
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise StatbankFileError("Filen sier den er UTF-16, men er det ikke.") from None
    if declared:
        try:
            return data.decode(declared), declared
        except LookupError:
            raise StatbankFileError(f"Ukjent tegnsett «{declared}» i filen.") from None
        except UnicodeDecodeError:
            pass  # declared wrongly: guess as for any other file
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"  # ISO-8859-1 plus the Windows characters
    except UnicodeDecodeError:
        return data.decode("latin-1"), "iso-8859-1"


def cell_numbers(
    cells: list[str], decimal_comma: bool = False
) -> tuple[np.ndarray, dict[int, str], int]:
    """Cell texts to float64; symbols and empty cells become NaN (symbols noted in status).

    Returns the values, the status by position, and the position of the first cell that is
    neither a number nor a symbol (-1 when all are fine).
    """
    arr = np.array(cells, dtype=np.str_) if cells else np.array([], dtype=np.str_)
    if arr.size and (np.char.find(arr, " ") >= 0).any():
        arr = np.char.strip(arr)
    missing = np.isin(arr, list(MISSING_SYMBOLS))
    values = np.full(arr.shape, np.nan)
    present = ~missing
    if decimal_comma:
        arr = np.char.replace(arr, ",", ".")
    try:
        values[present] = arr[present].astype(np.float64)
    except ValueError:
        for i in np.flatnonzero(present):
            try:
                float(arr[i])
            except ValueError:
                return values, {}, int(i)
    status = {int(i): str(arr[i]) for i in np.flatnonzero(missing) if arr[i]}
    return values, status, -1


def shorten(value: object, limit: int = 60) -> str:
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
