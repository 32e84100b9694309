"""The fake server's tables, built from the real files in the shared data folder.

11618 (employment), 03321 (commuting) and 07459 (population), each read once, lazily, with the
region dimension's code lists `agg_KommSummer` (counts summed to today's municipalities, from
the fake's own reading of the KLASS changes, klass_data.py) and `vs_Kommun` (all codes).
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
import threading
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

from devtools.fake_ssb.common import Response
from devtools.fake_ssb.klass_data import TODAY, KlassFiles

__all__ = ["CATALOG", "Codelist", "Data", "Dim", "Entry", "Table"]


@dataclass
class Codelist:
    id: str
    label: str
    type: str  # "Aggregation" or "Valueset"
    codes: list[str]
    labels: list[str]
    weights: np.ndarray | None = None  # Aggregation: (time, out code, source code)
    members: list[int] | None = None  # Valueset: positions of its codes in the variable


@dataclass
class Dim:
    id: str
    label: str
    codes: list[str]
    labels: list[str]
    eliminable: bool
    role: str | None = None
    elimination_code: str | None = None
    units: dict[str, dict[str, Any]] | None = None
    codelists: dict[str, Codelist] = field(default_factory=dict)


@dataclass(frozen=True)
class Entry:
    """What `/tables` tells about a table, known without reading its data."""

    label: str
    updated: str
    description: str
    subject_code: str
    variables: tuple[str, ...]
    first_period: str
    last_period: str


CATALOG: dict[str, Entry] = {
    "11618": Entry(
        label=(
            "11618: Sysselsatte etter arbeidssted og bosted, og befolkning 15-74 år, etter region, "
            "alder, kjønn, statistikkvariabel og år"
        ),
        updated="2023-06-08T06:00:00Z",
        description="Sysselsetting og befolkning, kommune (laget av den falske serveren)",
        subject_code="al",
        variables=("region", "alder", "kjønn", "statistikkvariabel", "år"),
        first_period="2017",
        last_period="2022",
    ),
    "03321": Entry(
        label=(
            "03321: Sysselsatte (15-74 år), etter bostedskommune, arbeidsstedskommune, "
            "statistikkvariabel og år (4. kvartal)"
        ),
        updated="2023-06-08T06:00:00Z",
        description="Pendling mellom kommuner (laget av den falske serveren)",
        subject_code="al",
        variables=("bostedskommune", "arbeidsstedskommune", "statistikkvariabel", "år"),
        first_period="2017",
        last_period="2022",
    ),
    "07459": Entry(
        label="07459: Befolkning, etter region, alder, statistikkvariabel og år",
        updated="2023-02-21T07:00:00Z",
        description="Folkemengde 1. januar, etter ettårig alder",
        subject_code="be",
        variables=("region", "alder", "statistikkvariabel", "år"),
        first_period="2015",
        last_period="2023",
    ),
}


@dataclass
class Table:
    id: str
    dims: list[Dim]
    values: np.ndarray  # float64, NaN where missing
    missing_symbol: str | None = "."
    notes: list[str] = field(default_factory=list)

    @property
    def entry(self) -> Entry:
        return CATALOG[self.id]

    @property
    def label(self) -> str:
        return self.entry.label

    @property
    def updated(self) -> str:
        return self.entry.updated

    def dim(self, name: str) -> Dim | None:
        folded = name.casefold()
        return next((d for d in self.dims if d.id.casefold() == folded), None)

    @property
    def time(self) -> Dim:
        return next(d for d in self.dims if d.role == "time")


ERRORS_FALLBACK = {
    "ugyldig tabell-ID": {
        "status": 400,
        "body": '{"type":"Parameter error","title":"Non-existent table","status":404}',
    },
    "ugyldig kommune-kode": {
        "status": 400,
        "body": '{"type":"Parameter error","title":"Non-existent value","status":400}',
    },
    "manglende mandatory": {
        "status": 400,
        "body": '{"type":"Parameter error","title":"Missing selection for mandantory variable",'
        '"status":400}',
    },
}


class Data:
    """The shared data folder, read lazily (each table once)."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self._lock = threading.RLock()
        self._tables: dict[str, Table] = {}
        self._klass: KlassFiles | None = None
        self._errors: dict[str, dict[str, Any]] | None = None

    # -- KLASS

    def klass(self) -> KlassFiles:
        with self._lock:
            if self._klass is None:
                self._klass = KlassFiles(self.root / "regions")
            return self._klass

    def error_bodies(self) -> dict[str, dict[str, Any]]:
        with self._lock:
            if self._errors is None:
                path = self.root / "api_responses" / "ssb_v2_error_responses.json"
                try:
                    self._errors = json.loads(path.read_text(encoding="utf-8"))
                except (OSError, ValueError):
                    self._errors = ERRORS_FALLBACK
            return self._errors

    def real_error(self, key: str) -> Response:
        entry = self.error_bodies().get(key) or ERRORS_FALLBACK[key]
        return Response(int(str(entry["status"])), str(entry["body"]).encode())

    # -- tables

    def table(self, table_id: str) -> Table | None:
        with self._lock:
            if table_id in self._tables:
                return self._tables[table_id]
        builder = TABLES.get(table_id)
        if builder is None:
            return None
        with self._lock:
            if table_id not in self._tables:
                self._tables[table_id] = builder(self)
            return self._tables[table_id]

    def region_dim(self, codes_by_year: dict[int, set[str]], label: str = "region") -> Dim:
        years = sorted(codes_by_year)
        codes = sorted(set().union(*codes_by_year.values()))
        klass = self.klass()
        labels = []
        for code in codes:
            present = [y for y in years if code in codes_by_year[y]]
            at = date(present[-1], 1, 1)
            label_text = klass.name_on(code, at) if code != "0" else "Hele landet"
            if code != "0" and present[-1] < years[-1]:
                label_text += f" (-{present[-1]})"
            labels.append(label_text)
        return Dim("Region", label, codes, labels, eliminable=False, role="geo")

    def komm_summer(self, dim: Dim, years: list[int]) -> Codelist:
        """agg_KommSummer: counts summed to today's municipalities, year by year."""
        klass = self.klass()
        targets = sorted(klass.codes_on(TODAY))
        out_at = {code: i for i, code in enumerate(targets)}
        src_at = {code: i for i, code in enumerate(dim.codes)}
        weights = np.zeros((len(years), len(targets), len(dim.codes)))
        for t, year in enumerate(years):
            since = date(min(year, TODAY.year), 1, 1)
            for code in klass.codes_on(since):
                if code not in src_at:
                    continue
                for target, weight in klass.shares_today(code, since).items():
                    if target in out_at:
                        weights[t, out_at[target], src_at[code]] += weight
        return Codelist(
            "agg_KommSummer",
            "Kommuner, summerte tidsserier (dagens kommuneinndeling)",
            "Aggregation",
            [f"K-{c}" for c in targets],
            [klass.name_on(c, TODAY) for c in targets],
            weights=weights,
        )

    def with_codelists(self, dim: Dim, years: list[int]) -> Dim:
        dim.codelists = {
            "agg_KommSummer": self.komm_summer(dim, years),
            "vs_Kommun": Codelist(
                "vs_Kommun",
                "Alle kommuner (gjeldende og historiske)",
                "Valueset",
                list(dim.codes),
                list(dim.labels),
                members=list(range(len(dim.codes))),
            ),
        }
        return dim


def _time_dim(years: Sequence[int]) -> Dim:
    codes = [str(y) for y in years]
    return Dim("Tid", "år", codes, codes, eliminable=False, role="time")


def _contents(codes: list[str], labels: list[str], unit: str = "personer") -> Dim:
    units = {c: {"base": unit, "decimals": 0} for c in codes}
    return Dim(
        "ContentsCode", "statistikkvariabel", codes, labels, False, role="metric", units=units
    )


def _build_11618(data: Data) -> Table:
    path = data.root / "employment_11618" / "employment_11618_15_74_2017_2022.csv"
    measures = {
        "SysselsatteArbsted": "employed_by_workplace",
        "SysselsatteBosted": "employed_by_residence",
        "Befolkning15_74": "population_15_74_resident",
    }
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    years = sorted({int(r["year"]) for r in rows})
    by_year: dict[int, set[str]] = defaultdict(set)
    for r in rows:
        by_year[int(r["year"])].add(r["municipality"])
    region = data.with_codelists(data.region_dim(by_year), years)
    at = {code: i for i, code in enumerate(region.codes)}
    values = np.full((len(region.codes), 1, 1, len(measures), len(years)), np.nan)
    for r in rows:
        for m, column in enumerate(measures.values()):
            if r[column] not in ("", None):
                values[at[r["municipality"]], 0, 0, m, years.index(int(r["year"]))] = float(
                    r[column]
                )
    contents = _contents(
        list(measures),
        ["Sysselsatte etter arbeidssted", "Sysselsatte etter bosted", "Befolkning 15-74 år"],
    )
    return Table(
        id="11618",
        dims=[
            region,
            Dim("Alder", "alder", ["15-74"], ["15-74 år"], eliminable=True),
            Dim("Kjonn", "kjønn", ["0"], ["Begge kjønn"], eliminable=True),
            contents,
            _time_dim(years),
        ],
        values=values,
    )


def _build_03321(data: Data) -> Table:
    path = data.root / "commuting_03321" / "commuting_matrix_03321_2017_2022.csv.gz"
    header, _, rest = gzip.decompress(path.read_bytes()).partition(b"\n")
    if header.strip().split(b",") != [
        b"year",
        b"home_municipality",
        b"work_municipality",
        b"employed",
    ]:
        raise ValueError(f"Uventede kolonner i {path.name}: {header!r}")
    rows = np.loadtxt(io.BytesIO(rest), delimiter=",", dtype=np.int64, ndmin=2)
    years = sorted(int(y) for y in np.unique(rows[:, 0]))
    by_year = {y: {f"{c:04d}" for c in np.unique(rows[rows[:, 0] == y][:, 1:3])} for y in years}
    region = data.region_dim(by_year)
    position = np.zeros(10_000, dtype=np.intp)
    position[[int(c) for c in region.codes]] = np.arange(len(region.codes))
    values = np.zeros((len(region.codes), len(region.codes), 1, len(years)))
    year_at = np.searchsorted(np.array(years), rows[:, 0])
    values[position[rows[:, 1]], position[rows[:, 2]], 0, year_at] = rows[:, 3]
    home = Dim("Bokommuen", "bostedskommune", region.codes, region.labels, False, role="geo")
    work = Dim("ArbstedKomm", "arbeidsstedskommune", region.codes, region.labels, False, "geo")
    return Table(
        id="03321",
        dims=[home, work, _contents(["Sysselsatte"], ["Sysselsatte"]), _time_dim(years)],
        values=values,
        missing_symbol=None,
    )


_REGION_LABEL = re.compile(r"^\s*(?:K-)?(\d{4})\b")
_YEAR_HEADING = re.compile(r"(\d{4})")
_AGE_LABEL = re.compile(r"^\s*(\d+)\b")
# SSB's value codes for single ages in 07459: 000, 001, …, 104 and 105+ («105 år eller eldre»).
AGES = [f"{age:03d}" for age in range(105)] + ["105+"]
AGE_LABELS = [f"{age} år" for age in range(105)] + ["105 år eller eldre"]


def _age_code(label: str) -> str | None:
    match = _AGE_LABEL.match(label)
    if not match:
        return None
    age = int(match.group(1))
    return "105+" if age >= 105 else f"{age:03d}"


def _read_statbank_population(path: Path) -> dict[int, dict[str, dict[str, float]]]:
    """year → code → age code → persons from one StatBank export of 07459."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.lstrip('"').lower().startswith("region"))
    sep = max("\t;,", key=lines[start].count)
    reader = csv.reader(lines[start:], delimiter=sep)
    header = next(reader)
    columns = [(i, int(m.group(1))) for i, h in enumerate(header) if (m := _YEAR_HEADING.search(h))]
    out: dict[int, dict[str, dict[str, float]]] = defaultdict(
        lambda: defaultdict(lambda: defaultdict(float))
    )
    for row in reader:
        if len(row) != len(header):
            continue
        match = _REGION_LABEL.match(row[0])
        age = _age_code(row[1]) if len(row) > 1 else None
        if not match or age is None:
            continue
        for i, year in columns:
            cell = row[i].strip()
            if cell and cell.lstrip("-").isdigit():
                out[year][match.group(1)][age] += float(cell)
    return out


def _build_07459(data: Data) -> Table:
    folder = data.root / "population_07459"
    by_age: dict[int, dict[str, dict[str, float]]] = defaultdict(dict)
    for path in sorted(folder.glob("Personer*.csv")):
        for year, by_code in _read_statbank_population(path).items():
            # A code with nobody in a year did not exist then (the 2015–2018 file gives 0s).
            by_age[year].update({c: ages for c, ages in by_code.items() if sum(ages.values()) > 0})
    years = sorted(by_age)
    by_year = {y: set(by_age[y]) | {"0"} for y in years}
    region = data.with_codelists(data.region_dim(by_year), years)
    region.eliminable, region.elimination_code = True, "0"
    at = {code: i for i, code in enumerate(region.codes)}
    age_at = {code: i for i, code in enumerate(AGES)}
    values = np.full((len(region.codes), len(AGES), 1, len(years)), np.nan)
    for t, year in enumerate(years):
        country = np.zeros(len(AGES))
        for code, ages in by_age[year].items():
            persons = np.zeros(len(AGES))
            for age, count in ages.items():
                persons[age_at[age]] = count
            values[at[code], :, 0, t] = persons
            country += persons
        values[at["0"], :, 0, t] = country
    return Table(
        id="07459",
        dims=[
            region,
            Dim("Alder", "alder", list(AGES), list(AGE_LABELS), eliminable=True),
            _contents(["Personer1"], ["Personer"]),
            _time_dim(years),
        ],
        values=values,
    )


TABLES: dict[str, Callable[[Data], Table]] = {
    "11618": _build_11618,
    "03321": _build_03321,
    "07459": _build_07459,
}
