"""`make bench-load` (bench/load.py, bench/locustfile.py) without running it: locust can load
the scenario, the script reads its arguments, keeps to loopback, and judges the figures."""

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[3] / "bench"


def load_script():
    spec = importlib.util.spec_from_file_location("bench_load", BENCH / "load.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_locust_loads_the_scenario_in_a_process_of_its_own():
    # Its own process: importing locust patches the standard library for gevent.
    listed = subprocess.run(
        [sys.executable, "-m", "locust", "-f", str(BENCH / "locustfile.py"), "--list"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert listed.returncode == 0, listed.stderr
    assert "TemaplanUser" in listed.stdout


def test_the_defaults_are_those_of_the_issue():
    args = load_script().parse_args([])
    assert (args.users, args.page_seconds, args.healthz_seconds, args.workers) == (30, 120, 20, 3)
    assert (args.host, args.database, args.min_ratio) == ("127.0.0.1", "temaplan_bench", 0.5)


def test_the_floor_run_asks_only_the_logged_in_home_page(tmp_path):
    # In a process of its own, as locust imports it, with the environment load.py gives it.
    script = (
        "import sys; sys.path.insert(0, sys.argv[1]); import locustfile; "
        "print(sorted(locustfile.PAGES.items()))"
    )
    script_module = load_script()
    seen = {}
    for name, argv in {"pages": [], "floor": ["--floor"]}.items():
        args = script_module.parse_args(argv)
        env = script_module.scenario_environment(args, tmp_path / "summary.json")
        listed = subprocess.run(
            [sys.executable, "-c", script, str(BENCH)],
            capture_output=True,
            text=True,
            timeout=60,
            env=env,
        )
        assert listed.returncode == 0, listed.stderr
        seen[name] = listed.stdout.strip()
    assert seen["floor"] == "[('forsiden (innlogget)', '/')]"
    assert "'indikatorer', 'indikatorer/'" in seen["pages"]


@pytest.mark.parametrize(
    "argv",
    [
        ["--host", "10.0.0.5"],
        ["--host", "0.0.0.0"],
        ["--postgres", "postgres://postgres@db.example.no:5432"],
        ["--database", "bench; DROP DATABASE test"],
        ["--users", "0"],
        ["--status-editors", "31"],
    ],
    ids=["private address", "every address", "remote database", "odd name", "no users", "editors"],
)
def test_the_script_refuses_what_would_leave_loopback_or_make_no_sense(argv, capsys):
    with pytest.raises(SystemExit) as exit:
        load_script().parse_args(argv)
    assert exit.value.code == 2
    assert "må" in capsys.readouterr().err


def summary(*, healthz: int, pages: int, failures: int = 0, logged_in: int = 30) -> dict:
    row = {"p50": 10, "p95": 20, "p99": 30, "mean_bytes": 1000, "method": "GET"}
    names = ["plan", "indikatorer", "tiltak", "budsjett", "veikart"]
    return {
        "users": 30,
        "logged_in": logged_in,
        "healthz_seconds": 10.0,
        "page_seconds": 10.0,
        "pages": names,
        "requests": [
            {**row, "name": "healthz", "count": healthz, "failures": 0},
            *({**row, "name": n, "count": pages // 5, "failures": 0} for n in names),
            {**row, "name": "status: lagre", "method": "POST", "count": 5, "failures": failures},
        ],
        "errors": [],
    }


@pytest.mark.parametrize(
    "figures, code, says",
    [
        ({"healthz": 1000, "pages": 500}, 0, "OK"),
        ({"healthz": 1000, "pages": 450}, 1, "forholdet 0.45 er under 0.50"),
        ({"healthz": 1000, "pages": 900, "failures": 1}, 1, "1 forespørsler feilet"),
        ({"healthz": 1000, "pages": 900, "logged_in": 29}, 1, "ikke alle brukerne"),
    ],
    ids=["on target", "too slow", "an error", "a user never started"],
)
def test_the_figures_are_judged_by_ratio_errors_and_users(figures, code, says, capsys):
    assert load_script().report(summary(**figures), min_ratio=0.5) == code
    printed = capsys.readouterr().out
    assert says in printed
    assert "plan" in printed and "p95" in printed
