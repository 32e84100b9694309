"""Benchmark: decoding a large JSON-stat response, against pyjstat and against orjson.loads.

What it measures: a 03321-shaped PxWebApi v2 response (home municipality × work municipality ×
contents × year, the 356 × 356 commuting matrices of 2020–2022: 380,208 cells, built from the
real data in ../shared/data/ssb/commuting_03321/, with SSB's region names, a few missing cells
with status symbols, values as an array), serialised with orjson. Timed warm, median of
repeated runs, interleaved so machine noise hits all alike:
  (a) ours: `temaplan.statistics.jsonstat.decode(body).columns()` (long-form numpy columns);
  (b) pyjstat: `pyjstat.Dataset.read(text).write("dataframe")`, the usual Python peer;
  (c) `orjson.loads(body)` alone: the floor for anything that parses the whole document.
And the peak memory of `decode` (tracemalloc) against the size of the JSON text.

Targets: (a) at least 50× faster than (b); (a) at most 5× (c); decode's peak memory at most
3× the text. Prints PASS/FAIL per target and exits 1 if one fails. It also prints the result's
dtype and size against the text: this table is 79 % zeros (about 2 bytes of text per cell), so
a float64 result alone (8 bytes per cell) would be 3.8× the text. `decode` gives float32 (4
bytes per cell, 1.9× the text) because float32 holds every value here exactly: they are whole
numbers of persons, the largest far below 2**24 = 16,777,216. The values are checked against
pyjstat's as float64.

Run from the repository root: `make bench` (.venv/bin/python bench/jsonstat_decode.py).
BENCH_RUNS (default 21) and BENCH_PYJSTAT_RUNS (default 3) set the repetitions.
"""

from __future__ import annotations

import gc
import gzip
import math
import os
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import numpy as np
import orjson

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from temaplan.statistics.jsonstat import decode  # noqa: E402
from temaplan.statistics.statbank_csv import read_csv_export  # noqa: E402

SSB_DATA = Path(os.environ.get("TEMAPLAN_SSB_DATA", REPO_ROOT.parent / "shared" / "data" / "ssb"))
RUNS = int(os.environ.get("BENCH_RUNS", "21"))
PYJSTAT_RUNS = int(os.environ.get("BENCH_PYJSTAT_RUNS", "3"))
YEARS = (2020, 2021, 2022)
# A few cells withheld the way SSB marks them: null in "value", the symbol in "status".
STATUS = {17: "..", 5_000: ":", 123_456: ".", 200_001: ":", 380_000: ".."}

MIN_SPEEDUP_VS_PYJSTAT = 50.0
MAX_RATIO_TO_ORJSON = 5.0
MAX_MEMORY_RATIO = 3.0


def build_response() -> bytes:
    """The 03321 matrices of 2020–2022 as a PxWebApi v2 JSON-stat 2.0 body."""
    path = SSB_DATA / "commuting_03321" / "commuting_matrix_03321_2017_2022.csv.gz"
    with gzip.open(path, "rt") as f:
        rows = np.loadtxt(f, delimiter=",", skiprows=1, dtype=np.int64)
    rows = rows[np.isin(rows[:, 0], YEARS)]
    codes = np.unique(rows[:, 1])
    n = codes.size
    home = np.searchsorted(codes, rows[:, 1])
    work = np.searchsorted(codes, rows[:, 2])
    year = rows[:, 0] - YEARS[0]
    matrix = np.zeros((n, n, 1, len(YEARS)), dtype=np.int64)
    matrix[home, work, 0, year] = rows[:, 3]
    values: list = matrix.ravel().tolist()
    for cell in STATUS:
        values[cell] = None

    names = region_names()
    code_text = [f"{c:04d}" for c in codes.tolist()]
    region_category = {
        "index": {c: i for i, c in enumerate(code_text)},
        "label": {c: names.get(c, c) for c in code_text},
    }
    region_extension = {"elimination": False, "show": "value"}
    doc = {
        "version": "2.0",
        "class": "dataset",
        "label": "03321: Sysselsatte (15-74 år), etter bostedskommune, arbeidsstedskommune, "
        "statistikkvariabel og år",
        "source": "Statistisk sentralbyrå",
        "updated": "2023-06-08T06:00:00Z",
        "note": ["Tallene gjelder 4. kvartal.", "Kommuneinndeling per 1. januar 2020."],
        "role": {"time": ["Tid"], "geo": ["Bokommuen", "ArbstedKomm"], "metric": ["ContentsCode"]},
        "id": ["Bokommuen", "ArbstedKomm", "ContentsCode", "Tid"],
        "size": [n, n, 1, len(YEARS)],
        "dimension": {
            "Bokommuen": {
                "label": "bostedskommune",
                "category": region_category,
                "extension": region_extension,
            },
            "ArbstedKomm": {
                "label": "arbeidsstedskommune",
                "category": region_category,
                "extension": region_extension,
            },
            "ContentsCode": {
                "label": "statistikkvariabel",
                "category": {
                    "index": {"Sysselsatte": 0},
                    "label": {"Sysselsatte": "Sysselsatte personer"},
                    "unit": {"Sysselsatte": {"base": "personer", "decimals": 0}},
                },
            },
            "Tid": {
                "label": "år",
                "category": {
                    "index": {str(y): i for i, y in enumerate(YEARS)},
                    "label": {str(y): str(y) for y in YEARS},
                },
            },
        },
        "extension": {"px": {"tableid": "03321", "decimals": 0, "language": "no"}},
        "status": {str(cell): symbol for cell, symbol in STATUS.items()},
        "value": values,
    }
    return orjson.dumps(doc)


def region_names() -> dict[str, str]:
    """2020 municipality names from the StatBank export of 07459 (`K-3001 Halden`)."""
    table = read_csv_export((SSB_DATA / "population_07459" / "Personer2020.csv").read_bytes())
    return dict(zip(table["region_code"].tolist(), table["region_name"].tolist(), strict=True))


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def peak_memory(fn: Callable[[], object]) -> int:
    gc.collect()
    tracemalloc.start()
    try:
        result = fn()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    del result
    return peak


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def main() -> int:
    if not SSB_DATA.is_dir():
        print(f"SKIP: SSB-dataene mangler i {SSB_DATA} (sett TEMAPLAN_SSB_DATA).")
        return 0
    from pyjstat import pyjstat

    body = build_response()
    text = body.decode()
    ds = decode(body)
    cells = math.prod(ds.shape)
    print(f"Response: 03321-shaped JSON-stat 2.0, shape {ds.shape} = {cells:,} cells,")
    print(f"          {len(body):,} bytes of JSON, {len(ds.status)} cells with status symbols,")
    present = ds.values[~np.isnan(ds.values)]
    whole = bool((np.trunc(present) == present).all())
    largest = float(np.abs(present).max())
    why = (
        f"{'whole numbers' if whole else 'numbers'} up to {largest:,.0f} in magnitude, "
        "each exactly a float32"
        if ds.values.dtype == np.float32
        else "some value is not exactly a float32"
    )
    print(f"          values {ds.values.dtype} ({why})")

    # Same numbers as the peer, and the same cells missing, compared as float64.
    frame = pyjstat.Dataset.read(text).write("dataframe")
    theirs = frame["value"].to_numpy(dtype=np.float64, na_value=np.nan)
    ours64 = ds.columns()["value"].astype(np.float64)
    if not np.array_equal(theirs, ours64, equal_nan=True):
        print("FAIL: our values differ from pyjstat's")
        return 1

    ours_fn = lambda: decode(body).columns()  # noqa: E731
    decode_fn = lambda: decode(body)  # noqa: E731
    orjson_fn = lambda: orjson.loads(body)  # noqa: E731
    for _ in range(3):  # warm
        ours_fn()
        orjson_fn()
    ours, decode_only, loads = [], [], []
    for _ in range(RUNS):  # interleaved, so that machine noise hits all three alike
        loads.append(timed(orjson_fn))
        ours.append(timed(ours_fn))
        decode_only.append(timed(decode_fn))
    peer = [
        timed(lambda: pyjstat.Dataset.read(text).write("dataframe")) for _ in range(PYJSTAT_RUNS)
    ]
    t_ours, t_decode, t_loads, t_peer = (
        statistics.median(x) for x in (ours, decode_only, loads, peer)
    )
    peak = peak_memory(decode_fn)
    result = ds.values.nbytes
    as_float64 = ds.values.size * np.dtype(np.float64).itemsize
    text_size = len(body)

    speedup = t_peer / t_ours
    to_orjson = t_ours / t_loads
    memory = peak / text_size
    print()
    rows = [
        ("(a) ours: decode + columns()", t_ours, f"decode alone {t_decode * 1e3:.1f} ms"),
        ("(b) pyjstat -> DataFrame", t_peer, f"median of {PYJSTAT_RUNS}"),
        ("(c) orjson.loads alone", t_loads, f"median of {RUNS}"),
    ]
    for label, seconds, note in rows:
        print(f"{label:32s} {seconds * 1e3:9.1f} ms   ({note})")
    print(
        f"{'peak memory of decode':32s} {peak / 1e6:9.2f} MB   (JSON text {text_size / 1e6:.2f} MB)"
    )
    print(
        f"  = the {ds.values.dtype} result {result / text_size:.2f}× the text "
        f"(as float64 it would be {as_float64 / text_size:.2f}×)\n"
        f"  + the rest {(peak - result) / text_size:.2f}× the text"
    )
    print()
    checks = [
        (
            f"ours ≥ {MIN_SPEEDUP_VS_PYJSTAT:.0f}× faster than pyjstat",
            f"{speedup:.0f}×",
            speedup >= MIN_SPEEDUP_VS_PYJSTAT,
        ),
        (
            f"ours ≤ {MAX_RATIO_TO_ORJSON:.0f}× orjson.loads",
            f"{to_orjson:.2f}×",
            to_orjson <= MAX_RATIO_TO_ORJSON,
        ),
        (
            f"decode peak memory ≤ {MAX_MEMORY_RATIO:.0f}× the JSON text",
            f"{memory:.2f}×",
            memory <= MAX_MEMORY_RATIO,
        ),
    ]
    for label, shown, ok in checks:
        print(f"{verdict(ok)}  {label:45s} {shown}")
    return 0 if all(ok for *_, ok in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
