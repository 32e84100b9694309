"""Recomputing every formula for all municipalities from the series store.

Target (issue 4): all five formulas for all 357 municipalities over 2017–2022 in under one
second, and the time linear in the number of municipalities. Measured end to end from the
store: reading code history and series from the database, harmonising to today's borders,
computing. The store is filled once from the real SSB files in ../shared/data/ssb.

Run: `DEBUG=1 .venv/bin/python bench/recompute.py` (part of `make bench`).
"""

from __future__ import annotations

import csv
import gc
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("TEMAPLAN_SSB_DATA", ROOT.parent / "shared" / "data" / "ssb"))
YEARS = list(range(2017, 2023))
LIMIT_SECONDS = 1.0


def setup_django(folder: Path) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'bench.sqlite3'}"
    os.environ["TEMAPLAN_VAR_DIR"] = str(folder)
    os.environ.setdefault("DEBUG", "1")
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def fill_store() -> None:
    from django.core.management import call_command

    from temaplan.statistics.services import klass_snapshot_store

    regions = DATA / "regions"
    with open(regions / "klass131_changes_2011_2024.csv", encoding="utf-8") as f:
        klass_snapshot_store(
            classification=131,
            kind="changes",
            parameters="2011-01-01/2026-01-01",
            body=list(csv.DictReader(f)),
        )
    codes = json.loads((regions / "klass_131_codesAt_2026-01-01.json").read_text())
    klass_snapshot_store(classification=131, kind="codesAt", parameters="2026-01-01", body=codes)
    quiet = open(os.devnull, "w")
    population = [str(DATA / "population_07459" / f"Personer{y}.csv") for y in range(2019, 2024)]
    population.append(str(DATA / "population_07459" / "Personer2015-2018.csv"))
    call_command("ssb", "import", "--table", "07459", *population, stdout=quiet)
    call_command(
        "ssb",
        "import",
        "--table",
        "11618",
        str(DATA / "employment_11618" / "employment_11618_15_74_2017_2022.csv"),
        stdout=quiet,
    )
    call_command(
        "ssb",
        "import",
        "--table",
        "03321",
        str(DATA / "commuting_03321" / "commuting_matrix_03321_2017_2022.csv.gz"),
        stdout=quiet,
    )


def recompute_all(codes: list[str]) -> int:
    from temaplan.statistics.compute import code_history, formula_values
    from temaplan.statistics.formulas import FORMULAS

    history = code_history()
    values = 0
    for key in FORMULAS:
        for rows in formula_values(key, codes=codes, years=YEARS, history=history).values():
            values += sum(1 for row in rows if row.value is not None)
    return values


def timed_run(codes: list[str]) -> tuple[float, int]:
    # A garbage collection landing inside one size's run and not another's is noise in the
    # linearity fit: collect before each run, none during it.
    gc.collect()
    gc.disable()
    try:
        start = time.perf_counter()
        computed = recompute_all(codes)
        return time.perf_counter() - start, computed
    finally:
        gc.enable()


def median_seconds_by_size(
    all_codes: list[str], sizes: list[int], rounds: int = 9
) -> dict[int, tuple[float, int]]:
    """Median time per size. The sizes take turns within each round, so a machine that
    slows down or speeds up during the benchmark shifts every size alike instead of bending
    the line."""
    for n in sizes:
        recompute_all(all_codes[:n])  # warm-up
    times: dict[int, list[float]] = {n: [] for n in sizes}
    computed: dict[int, int] = {}
    for _ in range(rounds):
        for n in sizes:
            seconds, computed[n] = timed_run(all_codes[:n])
            times[n].append(seconds)
    return {n: (statistics.median(times[n]), computed[n]) for n in sizes}


def main() -> int:
    if not DATA.is_dir():
        print(f"SSB-dataene mangler i {DATA}")
        return 1
    with tempfile.TemporaryDirectory() as folder:
        setup_django(Path(folder))
        print("Fyller lageret fra de ekte SSB-filene …")
        fill_store()
        from temaplan.statistics.compute import code_history

        start = time.perf_counter()
        all_codes = sorted(code_history().valid_codes(2024))
        cold_codes_seconds = time.perf_counter() - start
        start = time.perf_counter()
        recompute_all(all_codes)
        cold = time.perf_counter() - start + cold_codes_seconds
        print(f"Første beregning i en ny prosess (bygger kodehistorikken): {cold:.3f} s")
        print(
            f"Alle fem formler, {YEARS[0]}–{YEARS[-1]}, fra lageret "
            "(median av 9 runder, størrelsene på omgang):"
        )
        sizes = [45, 90, 135, 180, 270, len(all_codes)]
        rows = []
        for n, (seconds, computed) in median_seconds_by_size(all_codes, sizes).items():
            rows.append((n, seconds))
            print(
                f"  {n:>4} kommuner  {seconds * 1000:8.1f} ms  {computed:>6} verdier  "
                f"{seconds / n * 1e6:7.1f} µs per kommune"
            )
        total = rows[-1][1]
        # Linear: time = fixed + per-municipality cost × n, checked by a least-squares fit
        # (a fixed cost for reading the store does not make it non-linear; a growing
        # per-municipality cost would, and shows as a poor fit).
        ns, ts = [n for n, _ in rows], [t for _, t in rows]
        slope, intercept = statistics.linear_regression(ns, ts)
        r_squared = statistics.correlation(ns, ts) ** 2
        ok_time = total < LIMIT_SECONDS
        ok_linear = r_squared >= 0.95
        print(
            f"{'PASS' if ok_time else 'FAIL'}  alle {len(all_codes)} kommuner på "
            f"{total:.3f} s (grense {LIMIT_SECONDS:.1f} s)"
        )
        print(
            f"{'PASS' if ok_linear else 'FAIL'}  lineært: tid ≈ {intercept * 1000:.0f} ms + "
            f"{slope * 1e6:.0f} µs × antall kommuner, R² = {r_squared:.3f} (krav ≥ 0,95)"
        )
        return 0 if ok_time and ok_linear else 1


if __name__ == "__main__":
    sys.exit(main())
