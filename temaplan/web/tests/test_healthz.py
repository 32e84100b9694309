"""GET /healthz: 200 when the database answers, 503 when it does not (the reason only logged)."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def test_health_is_ok_with_a_working_database(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]


def healthz_in_a_fresh_process(database_url: str) -> tuple[int, dict, str]:
    """Ask /healthz in a new process whose database cannot be reached (a real failure)."""
    script = (
        "import django, json; django.setup();"
        "from django.test import Client;"
        "r = Client().get('/healthz');"
        "print(r.status_code); print(r.content.decode())"
    )
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DEBUG": "1",
        "DJANGO_SETTINGS_MODULE": "config.settings",
    }
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    status, body = result.stdout.strip().splitlines()[-2:]
    return int(status), json.loads(body), result.stderr


def test_health_is_503_when_postgresql_is_unreachable_and_the_log_says_where():
    status, body, log = healthz_in_a_fresh_process("postgres://nobody@127.0.0.1:1/none")
    assert status == 503
    assert body == {"status": "error", "database": "unavailable"}
    assert "Health check: the database is unavailable: OperationalError" in log
    assert "127.0.0.1" in log and "127.0.0.1" not in json.dumps(body)


def test_health_is_503_when_the_sqlite_file_cannot_be_opened(tmp_path):
    missing = tmp_path / "no-such-folder" / "db.sqlite3"
    status, body, log = healthz_in_a_fresh_process(f"sqlite:///{missing}")
    assert status == 503
    assert body == {"status": "error", "database": "unavailable"}
    assert "unable to open database file" in log


def test_health_answers_head_requests_for_load_balancers(client, db):
    assert client.head("/healthz").status_code == 200


def test_health_refuses_other_methods(client, db):
    assert client.post("/healthz").status_code == 405


def test_health_refuses_a_host_that_is_not_allowed(client, db):
    assert client.get("/healthz", HTTP_HOST="evil.example").status_code == 400


def test_health_is_answered_before_the_session_is_read(client, db, django_assert_num_queries):
    client.cookies["sessionid"] = "k" * 32
    with django_assert_num_queries(1):  # the SELECT 1, no session lookup
        assert client.get("/healthz").status_code == 200
