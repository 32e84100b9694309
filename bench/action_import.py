"""Benchmark: importing an action workbook at the documented limit of 20 000 rows.

What it measures: `action_workbook_import` of a workbook with N new actions (every column
filled, four of them dates, two strategies each) into an empty period, end to end: reading the
file, checking every cell, writing the actions, their history rows, strategies and status
history in one transaction. The floor is openpyxl's bare read-only iteration over the same file
(every cell touched, nothing done with it): no import can read the file faster than that.

Targets (issue 9): 20 000 rows in at most 10 s and at most 3× the floor, and the time linear in
the number of rows (a least-squares fit over a few sizes, like bench/recompute.py). It runs on
a throwaway SQLite database, and on PostgreSQL when one answers at 127.0.0.1:5432 (a scratch
database `temaplan_bench_excel`, created and dropped here; nothing else is touched). Set
BENCH_POSTGRES_URL to use another server.

Run from the repository root: `make bench` (DEBUG=1 .venv/bin/python bench/action_import.py).
Exits 1 if a target is missed.
"""

from __future__ import annotations

import gc
import io
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
ROWS = 20_000
SIZES = [2_500, 5_000, 10_000, ROWS]
LIMIT_SECONDS = 10.0
LIMIT_RATIO = 3.0
POSTGRES = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432")
SCRATCH = "temaplan_bench_excel"


def setup_django(database_url: str, workdir: str) -> None:
    sys.path.insert(0, str(REPO_ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("DEBUG", "1")
    os.environ["DATABASE_URL"] = database_url
    os.environ["TEMAPLAN_VAR_DIR"] = workdir
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0, interactive=False)


def plan_with_strategies():
    from temaplan.accounts.models import Municipality
    from temaplan.plans.models import FocusArea, Plan, Strategy

    municipality = Municipality.objects.create(
        number="9999", name="Benchmark", county_number="99", county_name="Benchmark"
    )
    plan = Plan.objects.create(
        municipality=municipality, name="Benchmark", first_year=2024, last_year=2036
    )
    owned = {"municipality": municipality, "plan": plan}
    areas = FocusArea.objects.bulk_create(
        FocusArea(**owned, number=n, position=n, name=f"Område {n}", influence=3, importance=3)
        for n in range(1, 9)
    )
    Strategy.objects.bulk_create(
        Strategy(**owned, focus_area=area, position=i, code=f"{area.number}.{i}", text="Strategi")
        for area in areas
        for i in range(1, 5)
    )
    return plan


def workbook(rows: int) -> bytes:
    """A workbook of new actions with every column filled (openpyxl's write-only mode, which
    is quicker to make than the export and reads the same)."""
    from openpyxl import Workbook

    from temaplan.actions.excel import ACTIONS, COLUMNS

    start = date(2024, 1, 1)
    book = Workbook(write_only=True)
    sheet = book.create_sheet(ACTIONS)
    sheet.append([column.header for column in COLUMNS])
    for i in range(rows):
        area = i % 8 + 1
        sheet.append(
            [
                f"t{i:05d}",
                f"Tiltak nummer {i}: næringsvennlig saksbehandling",
                "Utrede og gjennomføre tiltaket sammen med næringslivet.",
                ("tidsbestemt tiltak", "utredning", "generelt pådrivertiltak")[i % 3],
                area,
                f"{area}.1, {area}.{i % 4 + 1}",
                "Næring og samfunnsutvikling",
                "Kari Nordmann",
                "NHO, Næringsrådet",
                start + timedelta(days=i % 365),
                start + timedelta(days=365 + i % 365),
                ("planlagt", "pågår", "ferdig", "forsinket")[i % 4],
                i % 101,
                1.5,
                i + 1,
                "Formannskapet",
                start + timedelta(days=i % 30),
                f"{i % 99 + 1}/24",
            ]
        )
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def floor_seconds(data: bytes) -> float:
    """openpyxl's bare read-only iteration of the file: every cell touched, nothing done."""
    from openpyxl import load_workbook

    start = time.perf_counter()
    book = load_workbook(io.BytesIO(data), read_only=True, data_only=False, keep_links=False)
    for row in book["Tiltak"].iter_rows():
        for cell in row:
            cell.value  # noqa: B018 (touching the cell is the point)
    book.close()
    return time.perf_counter() - start


def import_seconds(plan, data: bytes, name: str) -> float:
    from temaplan.actions.importing import action_workbook_import
    from temaplan.actions.models import ActionPeriod

    period = ActionPeriod.objects.create(
        municipality_id=plan.municipality_id,
        plan=plan,
        name=name,
        first_date=date(2024, 1, 1),
        last_date=date(2025, 12, 31),
    )
    start = time.perf_counter()
    summary = action_workbook_import(period=period, data=data)
    seconds = time.perf_counter() - start
    assert summary.updated == summary.unchanged == 0  # every row is a new action
    return seconds


def timed(function, *args) -> float:
    gc.collect()
    gc.disable()  # a collection inside one run and not another is noise in the fit
    try:
        return function(*args)
    finally:
        gc.enable()


def run(database: str) -> bool:
    """Measure on the database Django was set up with; True when every target is met."""
    plan = plan_with_strategies()
    files = {n: workbook(n) for n in SIZES}
    import_seconds(plan, files[SIZES[0]], "oppvarming")  # warm-up
    imports: dict[int, float] = {}
    floors: dict[int, float] = {}
    for n in SIZES:  # smallest first; the 20 000-row import twice more, for a median
        floors[n] = timed(floor_seconds, files[n])
        imports[n] = timed(import_seconds, plan, files[n], f"{n} rader")
    more = [timed(import_seconds, plan, files[ROWS], f"{ROWS} rader {i}") for i in (2, 3)]
    floor_more = [timed(floor_seconds, files[ROWS]) for _ in (2, 3)]  # beside the imports
    total = statistics.median([imports[ROWS], *more])
    floor = statistics.median([floors[ROWS], *floor_more])
    for n in SIZES:
        print(
            f"  {n:>6} rader  import {imports[n]:6.2f} s  gulv {floors[n]:5.2f} s  "
            f"{imports[n] / n * 1e6:5.0f} µs per rad"
        )
    ratio = total / floor
    sizes, seconds = list(imports), list(imports.values())
    slope, intercept = statistics.linear_regression(sizes, seconds)
    r_squared = statistics.correlation(sizes, seconds) ** 2
    ok_time, ok_ratio, ok_linear = total <= LIMIT_SECONDS, ratio <= LIMIT_RATIO, r_squared >= 0.95
    print(
        f"{'PASS' if ok_time else 'FAIL'}  {database}: {ROWS} tiltak importert på {total:.2f} s "
        f"(median av 3; grense {LIMIT_SECONDS:.0f} s)"
    )
    print(
        f"{'PASS' if ok_ratio else 'FAIL'}  {database}: {ratio:.2f} × gulvet "
        f"(openpyxl leser filen på {floor:.2f} s; grense {LIMIT_RATIO:.0f} ×)"
    )
    print(
        f"{'PASS' if ok_linear else 'FAIL'}  {database}: lineært: tid ≈ {intercept * 1000:.0f} ms"
        f" + {slope * 1e6:.0f} µs × antall rader, R² = {r_squared:.3f} (krav ≥ 0,95)"
    )
    return ok_time and ok_ratio and ok_linear


def postgres_answers() -> bool:
    host, port = POSTGRES.rsplit("@", 1)[-1].split("/")[0].split(":")
    try:
        socket.create_connection((host, int(port)), timeout=1).close()
    except OSError:
        return False
    return True


def scratch(action: str) -> None:
    import psycopg

    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{SCRATCH}" WITH (FORCE)')
        if action == "create":
            connection.execute(f'CREATE DATABASE "{SCRATCH}"')


def main() -> int:
    database = sys.argv[1] if len(sys.argv) > 1 else None
    if database is None:  # each database in a process of its own (Django is set up once)
        status = subprocess.call([sys.executable, __file__, "sqlite"])
        if postgres_answers():
            status |= subprocess.call([sys.executable, __file__, "postgresql"])
        else:
            print(f"PostgreSQL svarer ikke på {POSTGRES}; bare SQLite er målt.")
        return status
    with tempfile.TemporaryDirectory() as folder:
        if database == "sqlite":
            print(f"Import av tiltaksfilen, SQLite ({', '.join(map(str, SIZES))} rader):")
            setup_django(f"sqlite:///{Path(folder) / 'bench.sqlite3'}", folder)
            return 0 if run("SQLite") else 1
        print(f"Import av tiltaksfilen, PostgreSQL ({SCRATCH}):")
        scratch("create")
        try:
            setup_django(f"{POSTGRES}/{SCRATCH}", folder)
            ok = run("PostgreSQL")
            from django.db import connections

            connections.close_all()
        finally:
            scratch("drop")
        return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
