"""The Monte Carlo behind the rank intervals of Temaplans egen indeks
(benchmark/index_intervals.py).

Target (issue 12): 10,000 draws over 357 municipalities in at most 1 s, and the time linear
in the number of draws and in the number of municipalities. Measured on `rank_intervals`
end to end (the other normalisation fitted, theme scores, Dirichlet weights, the ranks of
every draw, the 5/50/95 % quantiles) over a made-up panel of the index's shape (357
municipalities × 5 years × 7 parameters): the time does not depend on the values. Pure numpy,
no database.

Run: `.venv/bin/python bench/index_montecarlo.py` (part of `make bench`).
"""

from __future__ import annotations

import gc
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from temaplan.benchmark.index import DEFAULT_SPEC, IndexResult, Panel, compute_index  # noqa: E402
from temaplan.benchmark.index_intervals import rank_intervals  # noqa: E402

MUNICIPALITIES = 357
DRAWS = 10_000
YEARS = (2018, 2019, 2020, 2021, 2022)
LIMIT_SECONDS = 1.0
ROUNDS = 7


def made_up_index(municipalities: int) -> IndexResult:
    rng = np.random.default_rng(12)
    values = rng.normal(size=(municipalities, len(YEARS), len(DEFAULT_SPEC.parameters)))
    codes = tuple(f"{i:04d}" for i in range(municipalities))
    return compute_index(Panel(codes, YEARS, DEFAULT_SPEC.keys, values))


def timed(result: IndexResult, draws: int) -> float:
    gc.collect()
    gc.disable()  # a collection inside one size's run and not another's bends the line
    try:
        start = time.perf_counter()
        rank_intervals(result, YEARS[-1], draws=draws)
        return time.perf_counter() - start
    finally:
        gc.enable()


def medians(cases: list[tuple[IndexResult, int]]) -> list[float]:
    """Median time per case; the cases take turns within each round, so a machine that
    slows down during the run shifts them all alike."""
    for result, draws in cases:
        timed(result, draws)  # warm-up
    times: list[list[float]] = [[] for _ in cases]
    for _ in range(ROUNDS):
        for i, (result, draws) in enumerate(cases):
            times[i].append(timed(result, draws))
    return [statistics.median(t) for t in times]


def linear(label: str, sizes: list[int], seconds: list[float], unit: str) -> bool:
    """Print each size's time and the ratio to the size before; check a straight line."""
    print(f"{label} (median av {ROUNDS} runder):")
    previous: tuple[int, float] | None = None
    for n, t in zip(sizes, seconds, strict=True):
        ratio = ""
        if previous is not None:
            ratio = f"  ×{t / previous[1]:.2f} tid for ×{n / previous[0]:.2f} {unit}"
        print(f"  {n:>6} {unit}  {t * 1000:8.1f} ms{ratio}")
        previous = (n, t)
    slope, intercept = statistics.linear_regression(sizes, seconds)
    r_squared = statistics.correlation(sizes, seconds) ** 2
    ok = r_squared >= 0.95
    print(
        f"{'PASS' if ok else 'FAIL'}  lineært i {unit}: tid ≈ {intercept * 1000:.0f} ms + "
        f"{slope * 1e6:.2f} µs × antall {unit}, R² = {r_squared:.3f} (krav ≥ 0,95)"
    )
    return ok


def main() -> int:
    full = made_up_index(MUNICIPALITIES)
    draw_sizes = [1250, 2500, 5000, 7500, 10_000]
    by_draws = medians([(full, n) for n in draw_sizes])
    municipality_sizes = [45, 90, 180, 270, MUNICIPALITIES]
    by_municipalities = medians([(made_up_index(n), DRAWS) for n in municipality_sizes])

    ok_draws = linear(f"{MUNICIPALITIES} kommuner", draw_sizes, by_draws, "trekk")
    ok_municipalities = linear(f"{DRAWS} trekk", municipality_sizes, by_municipalities, "kommuner")
    total = by_draws[-1]
    ok_time = total <= LIMIT_SECONDS
    print(
        f"{'PASS' if ok_time else 'FAIL'}  {DRAWS} trekk over {MUNICIPALITIES} kommuner på "
        f"{total:.3f} s (grense {LIMIT_SECONDS:.1f} s)"
    )
    return 0 if ok_time and ok_draws and ok_municipalities else 1


if __name__ == "__main__":
    sys.exit(main())
