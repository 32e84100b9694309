"""GET /healthz: 200 when the database answers, 503 with the reason when it does not."""

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


def healthz_in_a_fresh_process(database_url: str) -> tuple[int, dict]:
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
    return int(status), json.loads(body)


def test_health_is_503_with_the_reason_when_postgresql_is_unreachable():
    status, body = healthz_in_a_fresh_process("postgres://nobody@127.0.0.1:1/none")
    assert status == 503
    assert body["status"] == "error"
    assert "127.0.0.1" in body["database"] or "connect" in body["database"].lower()


def test_health_is_503_when_the_sqlite_file_cannot_be_opened(tmp_path):
    missing = tmp_path / "no-such-folder" / "db.sqlite3"
    status, body = healthz_in_a_fresh_process(f"sqlite:///{missing}")
    assert status == 503
    assert "unable to open database file" in body["database"]


def test_health_answers_head_requests_for_load_balancers(client, db):
    assert client.head("/healthz").status_code == 200
