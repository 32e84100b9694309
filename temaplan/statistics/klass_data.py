"""Reading KLASS classification 131 as plain data: its changes and its code lists (snapshots).

KLASS answers `changes.json` with `{"codeChanges": [...]}` (one row per old code → new code on
the date the change took effect) and `codesAt.json` with the codes valid on one date (a
snapshot, with 9999 "Uoppgitt"). SSB also exports the changes as CSV. These readers turn them
into `CodeChange` rows and code sets for `CodeHistory` (regions.py), and `history_from_files`
builds a history from the two files in the shared data folder. No Django import.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from temaplan.statistics.regions import UNKNOWN_CODE, CodeChange, CodeHistory, SplitWeights

# A KLASS answer as JSON decodes it: the whole document, or the list inside it.
KlassBody = dict[str, Any] | list[dict[str, Any]]

__all__ = ["changes_from_csv", "changes_from_klass", "codes_from_klass", "history_from_files"]

MISSING_FIELD = "KLASS-endring nr. {row}: feltet «{field}» mangler."
BAD_DATE = (
    "KLASS-endring nr. {row}: «{value}» i feltet «changeOccurred» er ikke en dato (ÅÅÅÅ-MM-DD)."
)
BAD_BODY = "KLASS-svaret har ikke listen «{key}»."
MISSING_COLUMN = "Endringsfilen mangler kolonnen «{column}»."


def _change(row: Mapping[str, object], number: int) -> CodeChange:
    values: dict[str, str] = {}
    for field in ("changeOccurred", "oldCode", "newCode"):
        value = row.get(field)
        if value is None or str(value).strip() == "":
            raise ValueError(MISSING_FIELD.format(row=number, field=field))
        values[field] = str(value).strip()
    try:
        occurred = date.fromisoformat(values["changeOccurred"][:10])
    except ValueError:
        raise ValueError(BAD_DATE.format(row=number, value=values["changeOccurred"])) from None
    return CodeChange(
        occurred=occurred,
        old_code=values["oldCode"],
        old_name=str(row.get("oldName") or "").strip(),
        new_code=values["newCode"],
        new_name=str(row.get("newName") or "").strip(),
    )


def _listed(body: KlassBody, key: str) -> list[dict[str, Any]]:
    """The list a KLASS body holds under `key` (or the body itself, when it is that list)."""
    if isinstance(body, dict):
        if not isinstance(body.get(key), list):
            raise ValueError(BAD_BODY.format(key=key))
        listed: list[dict[str, Any]] = body[key]
        return listed
    return body


def changes_from_klass(body: KlassBody) -> list[CodeChange]:
    """Parse a KLASS `changes.json` body (`{"codeChanges": [...]}`) or its list of changes."""
    rows = _listed(body, "codeChanges")
    return [_change(row, number) for number, row in enumerate(rows, start=1)]


def changes_from_csv(text: str) -> list[CodeChange]:
    """Parse the CSV export of KLASS changes (columns named as in the JSON body)."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    for column in ("changeOccurred", "oldCode", "oldName", "newCode", "newName"):
        if column not in (reader.fieldnames or []):
            raise ValueError(MISSING_COLUMN.format(column=column))
    return [_change(row, number) for number, row in enumerate(reader, start=1)]


def codes_from_klass(body: KlassBody, *, include_unknown: bool = False) -> set[str]:
    """The codes in a KLASS `codesAt` body (`{"codes": [{"code": ...}, ...]}`), without 9999."""
    codes = {str(item["code"]).strip() for item in _listed(body, "codes")}
    if not include_unknown:
        codes.discard(UNKNOWN_CODE)
    return codes


def history_from_files(
    changes_csv: Path,
    codes_at_json: Path,
    *,
    as_of: date | None = None,
    split_weights: SplitWeights | None = None,
) -> CodeHistory:
    """A `CodeHistory` from the KLASS changes CSV and a `codesAt` JSON file.

    `as_of` is the date the code list is valid for; by default it is read from a file name like
    `klass_131_codesAt_2026-01-01.json`, else the date of the last change.
    """
    changes = changes_from_csv(Path(changes_csv).read_text(encoding="utf-8"))
    codes = codes_from_klass(json.loads(Path(codes_at_json).read_text(encoding="utf-8")))
    if as_of is None:
        found = re.search(r"(\d{4}-\d{2}-\d{2})", Path(codes_at_json).name)
        as_of = date.fromisoformat(found.group(1)) if found else None
    return CodeHistory(changes, codes, as_of=as_of, split_weights=split_weights)
