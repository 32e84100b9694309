"""`make bench-portal` (bench/portal_load.py, bench/portal_locustfile.py) without running it:
locust can load the scenario, the script reads its arguments, keeps to loopback, hands the
scenario its phases, and judges the figures by the ratio and the errors."""

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[3] / "bench"


def load_script():
    spec = importlib.util.spec_from_file_location("bench_portal_load", BENCH / "portal_load.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_locust_loads_the_portal_scenario_in_a_process_of_its_own():
    listed = subprocess.run(
        [sys.executable, "-m", "locust", "-f", str(BENCH / "portal_locustfile.py"), "--list"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert listed.returncode == 0, listed.stderr
    assert "PortalUser" in listed.stdout
    assert "TemaplanUser" not in listed.stdout  # bench/locustfile.py's users stay out of it


def test_the_defaults_are_those_of_the_issue_and_the_database_is_its_own():
    args = load_script().parse_args([])
    assert (args.min_ratio, args.report, args.host) == (5.0, "/offentlig/3203/2020/", "127.0.0.1")
    assert args.database == "temaplan_bench_portal"  # not bench/load.py's
    assert args.portal_seconds + args.table_seconds <= 60  # ≤ 2 minutes with the setup


def test_the_scenario_gets_the_portal_phase_first_and_no_status_changes(tmp_path):
    script = load_script()
    env = script.locust_environment(script.parse_args([]), tmp_path / "s.json", {"PATH": "/x"})
    # bench/locustfile.py's first phase, «healthz» there, is the portal's.
    assert float(env["TEMAPLAN_LOAD_HEALTHZ_SECONDS"]) == 30
    assert float(env["TEMAPLAN_LOAD_PAGE_SECONDS"]) == 30
    assert env["TEMAPLAN_LOAD_STATUS_EDITORS"] == "0"
    assert env["TEMAPLAN_LOAD_SUMMARY"] == ""  # bench/locustfile.py's summary is not written
    assert env["TEMAPLAN_PORTAL_SUMMARY"] == str(tmp_path / "s.json")
    assert env["PATH"] == "/x"


@pytest.mark.parametrize(
    "argv",
    [
        ["--host", "10.0.0.5"],
        ["--postgres", "postgres://postgres@db.example.no:5432"],
        ["--database", "bench; DROP DATABASE test"],
        ["--report", "https://example.no/offentlig/3203/2020/"],
        ["--users", "0"],
        ["--table-seconds", "0"],
    ],
    ids=["private address", "remote database", "odd name", "another site", "no users", "no time"],
)
def test_the_script_refuses_what_would_leave_loopback_or_make_no_sense(argv, capsys):
    with pytest.raises(SystemExit) as exit:
        load_script().parse_args(argv)
    assert exit.value.code == 2
    assert "må" in capsys.readouterr().err


def summary(*, portal: int, table: int, failures: int = 0, logged_in: int = 20) -> dict:
    row = {"p50": 10, "p95": 20, "p99": 30, "mean_bytes": 1000, "method": "GET"}
    return {
        "users": 20,
        "logged_in": logged_in,
        "seconds": {"portal": 10.0, "indikatortabell": 20.0},
        "requests": [
            {**row, "name": "portal", "count": portal, "failures": failures},
            {**row, "name": "indikatortabell", "count": table, "failures": 0},
            {**row, "name": "oppstart: innlogging", "count": 20, "failures": 0},
        ],
        "errors": [],
    }


@pytest.mark.parametrize(
    "figures, code, says",
    [
        ({"portal": 1000, "table": 400}, 0, "forhold 5.0"),
        ({"portal": 1000, "table": 500}, 1, "forholdet 4.0 er under 5.0"),
        ({"portal": 2000, "table": 400, "failures": 1}, 1, "1 forespørsler feilet"),
        ({"portal": 2000, "table": 400, "logged_in": 19}, 1, "ikke alle brukerne"),
        ({"portal": 2000, "table": 0}, 1, "forholdet 0.0 er under 5.0"),
    ],
    ids=["on target", "too slow", "an error", "a user never started", "no table at all"],
)
def test_the_figures_are_judged_by_ratio_errors_and_users(figures, code, says, capsys):
    assert load_script().report(summary(**figures), min_ratio=5.0) == code
    printed = capsys.readouterr().out
    assert says in printed
    assert "portal" in printed and "indikatortabell" in printed and "p99" in printed
