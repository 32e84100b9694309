"""The fake server's own reading of the KLASS files in the shared data folder.

Municipality codes over time, read straight from `regions/klass131_changes_2011_2024.csv` and
`regions/klass_131_codesAt_2026-01-01.json`, without temaplan's code history (regions.py), so
that the fake's `codesAt` lists and its `agg_KommSummer` sums are a second, independent
reading of the same KLASS changes:

- the codes valid on a date are today's list with every later change undone (new codes out,
  old codes back in);
- a code's area on today's borders is followed forward change by change; an old code that went
  to several new codes gives each an equal share (as agg_KommSummer is documented to do here);
- a code's name on a date is the name it had in the first later change that renamed or retired
  it, else today's name, else the name an earlier change gave it.

Counties (classification 104) are a small table of the fake's own.
"""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any

__all__ = ["COUNTIES", "KlassFiles", "counties_on"]

TODAY = date(2026, 1, 1)
UNKNOWN = "9999"

_BEFORE_2018 = {
    "01": "Østfold", "02": "Akershus", "03": "Oslo", "04": "Hedmark", "05": "Oppland",
    "06": "Buskerud", "07": "Vestfold", "08": "Telemark", "09": "Aust-Agder",
    "10": "Vest-Agder", "11": "Rogaland", "12": "Hordaland", "14": "Sogn og Fjordane",
    "15": "Møre og Romsdal", "16": "Sør-Trøndelag", "17": "Nord-Trøndelag", "18": "Nordland",
    "19": "Troms", "20": "Finnmark",
}  # fmt: skip
#: County number → name, from the first day of each era (the county reforms of 2018, 2020, 2024).
COUNTIES: list[tuple[date, dict[str, str]]] = [
    (date.min, _BEFORE_2018),
    (
        date(2018, 1, 1),
        {**{k: v for k, v in _BEFORE_2018.items() if k not in ("16", "17")}, "50": "Trøndelag"},
    ),
    (
        date(2020, 1, 1),
        {
            "03": "Oslo",
            "11": "Rogaland",
            "15": "Møre og Romsdal",
            "18": "Nordland",
            "30": "Viken",
            "34": "Innlandet",
            "38": "Vestfold og Telemark",
            "42": "Agder",
            "46": "Vestland",
            "50": "Trøndelag",
            "54": "Troms og Finnmark",
        },
    ),  # fmt: skip
    (
        date(2024, 1, 1),
        {
            "03": "Oslo",
            "11": "Rogaland",
            "15": "Møre og Romsdal",
            "18": "Nordland",
            "31": "Østfold",
            "32": "Akershus",
            "33": "Buskerud",
            "34": "Innlandet",
            "39": "Vestfold",
            "40": "Telemark",
            "42": "Agder",
            "46": "Vestland",
            "50": "Trøndelag",
            "55": "Troms",
            "56": "Finnmark",
        },
    ),  # fmt: skip
]


def counties_on(at: date) -> dict[str, str]:
    """The counties of the era that `at` falls in."""
    return [names for start, names in COUNTIES if start <= at][-1]


class KlassFiles:
    """KLASS 131 as the shared data folder has it: today's list and every change since 2011."""

    def __init__(self, folder: Path) -> None:
        self.body: dict[str, Any] = json.loads(
            (folder / "klass_131_codesAt_2026-01-01.json").read_text(encoding="utf-8")
        )
        text = (folder / "klass131_changes_2011_2024.csv").read_text(encoding="utf-8")
        self.rows: list[dict[str, str]] = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
        self.names_today = {str(c["code"]): str(c["name"]) for c in self.body["codes"]}
        self.today = {code for code in self.names_today if code != UNKNOWN}
        # Each day a change took effect, oldest first: old code → its new codes (file order).
        by_day: dict[date, dict[str, list[str]]] = defaultdict(dict)
        for row in self.rows:
            day = date.fromisoformat(row["changeOccurred"].strip()[:10])
            news = by_day[day].setdefault(row["oldCode"].strip(), [])
            if row["newCode"].strip() not in news:
                news.append(row["newCode"].strip())
        self.days = sorted(by_day.items())
        self.rows_by_day = sorted(self.rows, key=_day)
        self.first_day = self.days[0][0] if self.days else TODAY

    def codes_on(self, at: date) -> set[str]:
        """The municipality codes valid on `at` (without 9999); ValueError before 2011."""
        if at < self.first_day:
            raise ValueError(f"KLASS-endringene i datamappen begynner {self.first_day}.")
        codes = set(self.today)
        for day, moves in reversed(self.days):
            if day <= at:
                break
            codes -= {new for news in moves.values() for new in news}
            codes |= set(moves)
        return codes

    def shares_today(self, code: str, since: date) -> dict[str, float]:
        """Where the area of `code` (valid on `since`) lies on today's borders: code → share."""
        shares = {code: 1.0}
        for day, moves in self.days:
            if day <= since:
                continue
            moved: dict[str, float] = defaultdict(float)
            for old, share in shares.items():
                news = moves.get(old, [old])
                for new in news:
                    moved[new] += share / len(news)
            shares = dict(moved)
        return shares

    def name_on(self, code: str, at: date) -> str:
        """The name of `code` on `at`."""
        rows = self.rows_by_day
        for row in rows:
            if row["oldCode"].strip() == code and _day(row) > at:
                return row["oldName"].strip() or code
        if code in self.names_today:
            return self.names_today[code]
        given = [
            r["newName"].strip() for r in rows if r["newCode"].strip() == code and _day(r) <= at
        ]
        return given[-1] if given else code


def _day(row: dict[str, str]) -> date:
    return date.fromisoformat(row["changeOccurred"].strip()[:10])
