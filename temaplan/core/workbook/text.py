"""Text in every spreadsheet Temaplan writes (Excel and CSV): never code, never refused.

A text that begins with «=», «+», «-», «@», a tab or a carriage return is a formula to Excel
(and to LibreOffice, Numbers, Google Sheets) when it is typed or opened from a CSV file: an
action titled `=HYPERLINK("http://…"&A2,"Klikk her")` would become a live link. Excel files
therefore store such text as a text cell marked with Excel's text prefix (so editing the cell
keeps it text); CSV files, which have no cell types, put an apostrophe before it, as the
spreadsheet programs read it.

Control characters are refused by Excel (openpyxl raises IllegalCharacterError). The vertical
tab and form feed are the line and page breaks Word puts in pasted text, so they become line
breaks; the other control characters (tab, line feed and carriage return are not among them)
are dropped. The same happens in CSV files, so every export says the same thing.
"""

from __future__ import annotations

import re
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_TEXT_PREFIX = "'"
_BREAKS = re.compile(r"[\x0b\x0c]")
_REFUSED = re.compile(r"[\x00-\x08\x0e-\x1f]")  # with _BREAKS: openpyxl's ILLEGAL_CHARACTERS_RE


def exported_text(text: str) -> str:
    """The text as an export writes it: line and page breaks as line breaks, no other control
    characters that spreadsheets refuse."""
    return _REFUSED.sub("", _BREAKS.sub("\n", text))


def looks_like_formula(text: str) -> bool:
    """Whether a spreadsheet would take the text for a formula if it were typed in."""
    return text.startswith(FORMULA_STARTS)


def csv_value(value: Any) -> Any:
    """A value for a CSV cell: text made safe (see the module), anything else as it is."""
    if not isinstance(value, str):
        return value
    text = exported_text(value)
    return CSV_TEXT_PREFIX + text if looks_like_formula(text) else text
