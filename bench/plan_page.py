"""Benchmark: how the plan page scales with the size of the plan.

What it measures: the time to answer GET /planer/<id>/ (the whole request through Django's test
client, as the Asker editor) for the demo's Asker plan and for a plan ten times its size
(80 focus areas, 430 strategies, 50 ambitions, 20 premises), and the number of SQL queries each
page makes.

Why: the page reads a whole plan in a fixed number of queries (plans/queries.py), so the query
count must not grow with the plan, and the time should grow no faster than the markup does.
The matrix SVG is cached by spec, so warm renders skip the chart; the cold render (cache
cleared) shows what a first visit after an edit costs.

Run from the repository root: `make bench` (DEBUG=1 .venv/bin/python bench/plan_page.py).
It uses a throwaway SQLite database and the local-memory cache; nothing of yours is touched.
Exits non-zero if the two pages make different numbers of queries, or more than MAX_QUERIES.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
WARMUPS = 3
RUNS = 30
COLD_RUNS = 3
MAX_QUERIES = 10
SCALE = {"focus_areas": 80, "strategies": 430, "ambitions": 50, "premises": 20}


def setup_django(workdir: str) -> None:
    """Point Django at a fresh SQLite file in workdir (before setup) and migrate it quietly."""
    sys.path.insert(0, str(REPO_ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("DEBUG", "1")
    os.environ["DATABASE_URL"] = f"sqlite:///{Path(workdir) / 'bench.sqlite3'}"
    os.environ["TEMAPLAN_VAR_DIR"] = workdir
    os.environ.pop("REDIS_URL", None)  # cache.clear() below must never reach a shared cache

    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0, interactive=False)


def build_large_plan(municipality):
    """A plan of SCALE's size in the given municipality, written with bulk_create."""
    from temaplan.plans.models import Ambition, FocusArea, Plan, Premise, Strategy

    plan = Plan.objects.create(
        municipality=municipality,
        name="Benchmark: stor plan",
        first_year=2024,
        last_year=2036,
        status=Plan.Status.DRAFT,
    )
    owned = {"municipality": municipality, "plan": plan}
    Ambition.objects.bulk_create(
        Ambition(**owned, position=i, text=f"Ambisjon {i + 1}: " + "tekst " * 20)
        for i in range(SCALE["ambitions"])
    )
    areas = FocusArea.objects.bulk_create(
        FocusArea(
            **owned,
            number=i + 1,
            position=i,
            name=f"Innsatsområde {i + 1}",
            description="Beskrivelse " * 10,
            influence=i % 5 + 1,
            importance=(i // 5) % 5 + 1,
        )
        for i in range(SCALE["focus_areas"])
    )
    # bulk_create sets primary keys on SQLite and PostgreSQL, so the areas can be referenced.
    # Strategies are dealt round the areas: 430 over 80 gives each area five or six.
    strategies = []
    for i in range(SCALE["strategies"]):
        area, rank = areas[i % len(areas)], i // len(areas)
        strategies.append(
            Strategy(
                **owned,
                focus_area=area,
                position=rank,
                code=f"{area.number}.{rank + 1}",
                text=f"Strategi {i + 1}: " + "tiltak " * 15,
            )
        )
    Strategy.objects.bulk_create(strategies)
    Premise.objects.bulk_create(
        Premise(
            **owned,
            position=i,
            name=f"Premiss {i + 1}",
            description="Forutsetning " * 8,
            influence=(i + 2) % 5 + 1,
            importance=(i + 4) % 5 + 1,
        )
        for i in range(SCALE["premises"])
    )
    return plan


def timed_get(client, url: str) -> float:
    """Milliseconds for one GET, which must answer 200."""
    start = time.perf_counter()
    response = client.get(url)
    elapsed = (time.perf_counter() - start) * 1000
    if response.status_code != 200:
        raise SystemExit(f"GET {url} svarte {response.status_code}, ikke 200.")
    return elapsed


def query_count(client, url: str) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        timed_get(client, url)
    return len(captured.captured_queries)


def measure(client, url: str) -> dict:
    """Cold (cache cleared) and warm render times in ms, and the warm page's query count."""
    from django.core.cache import cache

    cold = []
    for _ in range(COLD_RUNS):
        cache.clear()
        cold.append(timed_get(client, url))
    for _ in range(WARMUPS):
        timed_get(client, url)
    warm = sorted(timed_get(client, url) for _ in range(RUNS))
    return {
        "median": statistics.median(warm),
        "p90": warm[int(0.9 * (len(warm) - 1))],
        "cold": statistics.median(cold),
        "queries": query_count(client, url),
    }


def report(name: str, plan, result: dict) -> None:
    from temaplan.plans.queries import plan_contents

    contents = plan_contents(plan)
    size = (
        f"{len(contents.focus_areas)} områder, {contents.strategy_count} strategier, "
        f"{len(contents.ambitions)} ambisjoner, {len(contents.premises)} premisser"
    )
    print(f"{name:<6} ({size})")
    print(
        f"       median {result['median']:7.1f} ms   p90 {result['p90']:7.1f} ms   "
        f"kald {result['cold']:7.1f} ms   spørringer {result['queries']}"
    )


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="temaplan-bench-") as workdir:
        setup_django(workdir)
        from django.contrib.auth import get_user_model
        from django.test import Client
        from django.urls import reverse

        from temaplan.demo.services import demo_load

        small = demo_load(password="demo")["asker"]
        large = build_large_plan(small.municipality)
        client = Client()
        client.force_login(get_user_model().objects.get(username="asker-redaktor"))

        print(
            f"Planside: {RUNS} målinger etter {WARMUPS} oppvarminger, kald = median av "
            f"{COLD_RUNS} med tømt cache"
        )
        results = {}
        for name, plan in (("liten", small), ("stor", large)):
            results[name] = measure(client, reverse("plans:plan_detail", args=[plan.pk]))
            report(name, plan, results[name])

        small_r, large_r = results["liten"], results["stor"]
        print(
            f"forhold stor/liten: median {large_r['median'] / small_r['median']:.2f}x   "
            f"p90 {large_r['p90'] / small_r['p90']:.2f}x   "
            f"kald {large_r['cold'] / small_r['cold']:.2f}x"
        )
        return check_queries(small_r["queries"], large_r["queries"])


def check_queries(small: int, large: int) -> int:
    if small != large:
        print(f"FEIL: antall spørringer vokser med planen ({small} mot {large}).")
        return 1
    if large > MAX_QUERIES:
        print(f"FEIL: {large} spørringer, grensen er {MAX_QUERIES}.")
        return 1
    print(f"OK: {large} spørringer for begge planene (grense {MAX_QUERIES}).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
