"""Rendering the report's files from a frozen document.

Targets (issue 13): the demo report's PDF in at most 3 s, Word, Excel and PowerPoint in at
most 1 s each, and a plan ten times the size (10× indicators and actions) at most linearly
slower: its time at most ten times the sample's. Measured from the document (the renderers
never read the database), charts included, in a warm process (median of 5 rounds, the sizes
taking turns); the first render in a new process (loading WeasyPrint, the chart engine and
fonts) is printed too.

Run: `DEBUG=1 .venv/bin/python bench/report_render.py` (part of `make bench`).
"""

from __future__ import annotations

import gc
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LIMITS = {"pdf": 3.0, "docx": 1.0, "xlsx": 1.0, "pptx": 1.0}
FACTOR = 10
ROUNDS = 5


def setup_django() -> None:
    os.environ.setdefault("DEBUG", "1")
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def timed(document: dict, kind: str) -> float:
    from temaplan.reports.rendering import render

    gc.collect()
    gc.disable()
    try:
        start = time.perf_counter()
        render(document, kind)  # type: ignore[arg-type]
        return time.perf_counter() - start
    finally:
        gc.enable()


def main() -> int:
    setup_django()
    from temaplan.reports.tests.sample_document import sample_document, scaled_document

    small, large = sample_document(), scaled_document(FACTOR)
    print(
        f"Rapportfilene fra dokumentet: prøvedokumentet ({len(small['indicators'])} "
        f"indikatorer, {len(small['action_plan']['actions'])} tiltak) og {FACTOR} ganger så "
        f"stort ({len(large['indicators'])} indikatorer, "
        f"{len(large['action_plan']['actions'])} tiltak); median av {ROUNDS} runder:"
    )
    ok = True
    for kind, limit in LIMITS.items():
        cold = timed(small, kind)
        times: dict[str, list[float]] = {"small": [], "large": []}
        timed(large, kind)  # warm-up of the large size
        for _ in range(ROUNDS):
            times["small"].append(timed(small, kind))
            times["large"].append(timed(large, kind))
        seconds = statistics.median(times["small"])
        big = statistics.median(times["large"])
        ratio = big / seconds
        ok_time, ok_linear = seconds <= limit, ratio <= FACTOR
        ok = ok and ok_time and ok_linear
        print(
            f"{'PASS' if ok_time else 'FAIL'}  {kind:<4} {seconds:6.3f} s (grense {limit:.1f} s; "
            f"første i ny prosess {cold:.3f} s)"
        )
        print(
            f"{'PASS' if ok_linear else 'FAIL'}  {kind:<4} {FACTOR}× størrelse: {big:6.3f} s, "
            f"forhold {ratio:.1f} (krav ≤ {FACTOR})"
        )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
