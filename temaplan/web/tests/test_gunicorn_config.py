"""The shipped gunicorn configuration loads the application, takes its numbers from the
environment, and is the one docs/operations.md's systemd unit runs."""

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
CONFIG = ROOT / "config" / "gunicorn.conf.py"
OPERATIONS = ROOT / "docs" / "operations.md"
GUNICORN = Path(sys.executable).with_name("gunicorn")


def gunicorn(*args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(GUNICORN), "--config", str(CONFIG), *args, "config.wsgi"],
        cwd=ROOT,
        env={**os.environ, "DEBUG": "1", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def printed_config(**env: str) -> dict[str, str]:
    result = gunicorn("--print-config", **env)
    assert result.returncode == 0, result.stderr
    pairs = (line.split("=", 1) for line in result.stdout.splitlines() if "=" in line)
    return {name.strip(): value.strip() for name, value in pairs}


def test_gunicorn_checks_the_configuration_and_loads_the_application():
    result = gunicorn("--check-config")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_configuration_binds_to_loopback_and_logs_every_request_with_its_duration():
    config = printed_config()
    assert config["bind"] == "['127.0.0.1:8000']"
    assert config["accesslog"] == "-"
    assert "%(M)sms" in config["access_log_format"]
    assert "%({x-forwarded-for}i)s" in config["access_log_format"]


def test_the_defaults_are_two_workers_per_cpu_plus_one_and_the_timeouts():
    config = printed_config()
    assert int(config["workers"]) == 2 * len(os.sched_getaffinity(0)) + 1
    assert (config["timeout"], config["graceful_timeout"]) == ("60", "25")


def test_the_environment_sets_workers_and_timeouts():
    config = printed_config(
        TEMAPLAN_GUNICORN_WORKERS="7",
        TEMAPLAN_GUNICORN_TIMEOUT="45",
        TEMAPLAN_GUNICORN_GRACEFUL_TIMEOUT="12",
    )
    assert (config["workers"], config["timeout"], config["graceful_timeout"]) == ("7", "45", "12")


def systemd_unit() -> str:
    docs = OPERATIONS.read_text(encoding="utf-8")
    match = re.search(r"```ini\n(\[Unit\]\nDescription=Temaplan \(gunicorn\).*?)```", docs, re.S)
    assert match, "docs/operations.md has no systemd unit for gunicorn"
    return match.group(1)


def test_the_systemd_unit_in_the_docs_runs_the_shipped_configuration():
    unit = systemd_unit().replace("\\\n", " ")  # the ExecStart line, continued lines joined
    exec_start = re.search(r"^ExecStart=(.*)$", unit, re.M)
    assert exec_start
    assert re.search(r"--config (\S+) config\.wsgi", exec_start.group(1))
    path = re.search(r"--config (\S+)", exec_start.group(1)).group(1)
    # The docs install the source checkout in /opt/temaplan/src.
    assert path == "/opt/temaplan/src/" + str(CONFIG.relative_to(ROOT))


def test_systemd_waits_longer_than_the_graceful_timeout():
    stop = re.search(r"^TimeoutStopSec=(\d+)$", systemd_unit(), re.M)
    assert stop
    assert int(printed_config()["graceful_timeout"]) < int(stop.group(1))
