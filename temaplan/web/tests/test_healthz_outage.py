"""/healthz tells the truth when the database stops: 503 JSON with or without a session cookie,
the host and port only in the log, 200 again once the database is back, and an answer within
the connect timeout from a database that accepts the connection and never replies.

Each case runs in a fresh process against a real failure: an SQLite file whose folder is moved
away, a PostgreSQL server asked for on a closed port, a socket that listens and stays silent.
"""

import json
import os
import socket
import subprocess
import sys
import threading
import uuid
from contextlib import ExitStack, contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

ROOT = Path(__file__).resolve().parents[3]

# Runs in the child: asks /healthz while the database is up, stopped and back, each time once
# without and once with a session cookie. STOP and START are the lines that stop and restart it.
OUTAGE = """
import django, json, os, shutil, time; django.setup()
from django.core.management import call_command
from django.db import connection
from django.test import Client

call_command("migrate", "sessions", verbosity=0)  # a session cookie is then read from the table

def ask():
    answers = []
    for cookie in (False, True):
        client = Client(raise_request_exception=False)
        if cookie:
            client.cookies["sessionid"] = "k" * 32
        start = time.monotonic()
        response = client.get("/healthz")
        answers.append({
            "status": response.status_code,
            "type": response["Content-Type"],
            "body": response.content.decode(),
            "seconds": time.monotonic() - start,
        })
    return answers

result = {"up": ask()}
connection.close()
STOP
result["down"] = ask()
connection.close()
START
result["back"] = ask()
print(json.dumps(result))
"""


def run_child(script: str, **env: str) -> tuple[dict, str]:
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env={**os.environ, "DEBUG": "1", "DJANGO_SETTINGS_MODULE": "config.settings", **env},
        capture_output=True,
        text=True,
        timeout=90,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1]), result.stderr


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def sqlite_outage(tmp_path: Path) -> tuple[str, str, str, dict]:
    folder = tmp_path / "db"
    folder.mkdir()
    away = tmp_path / "db-away"
    stop = f"shutil.move({str(folder)!r}, {str(away)!r})"
    start = f"shutil.move({str(away)!r}, {str(folder)!r})"
    return stop, start, "unable to open database file", {"DATABASE_URL": f"sqlite:///{folder}/t.db"}


@contextmanager
def scratch_postgresql_database():
    """A new, empty database on the server DATABASE_URL names, dropped afterwards."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        pytest.skip("needs a running PostgreSQL (DATABASE_URL=postgres://…)")
    import psycopg

    name = f"temaplan_healthz_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(url, autocommit=True) as server:
        server.execute(f"CREATE DATABASE {name}")
    try:
        yield urlunsplit(urlsplit(url)._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(url, autocommit=True) as server:
            server.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def postgresql_outage(url: str) -> tuple[str, str, str, dict]:
    port = closed_port()
    stop = (
        "saved = dict(connection.settings_dict); "
        f"connection.settings_dict.update(HOST='127.0.0.1', PORT={port})"
    )
    start = "connection.settings_dict.update(saved)"
    return stop, start, str(port), {"DATABASE_URL": url}


def outage(engine: str, tmp_path: Path) -> tuple[dict, str, str]:
    """What the child saw, its log, and the detail that only the log may name."""
    with ExitStack() as stack:
        if engine == "sqlite":
            stop, start, detail, env = sqlite_outage(tmp_path)
        else:
            url = stack.enter_context(scratch_postgresql_database())
            stop, start, detail, env = postgresql_outage(url)
        result, log = run_child(OUTAGE.replace("STOP", stop).replace("START", start), **env)
    return result, log, detail


@pytest.mark.parametrize("engine", ["sqlite", "postgresql"])
def test_health_is_503_json_while_the_database_is_stopped_and_200_when_it_is_back(engine, tmp_path):
    result, log, detail = outage(engine, tmp_path)

    for phase, status in [("up", 200), ("down", 503), ("back", 200)]:
        for answer in result[phase]:  # without, then with a session cookie
            assert answer["status"] == status, (phase, answer)
            assert answer["type"] == "application/json", (phase, answer)
    for answer in result["down"]:
        assert json.loads(answer["body"]) == {"status": "error", "database": "unavailable"}
        assert "127.0.0.1" not in answer["body"] and detail not in answer["body"]
    assert detail in log  # the operator finds the reason in the log


class SilentDatabase:
    """A listening socket that accepts every connection and never says a word."""

    def __init__(self):
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.held: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                connection, _address = self.server.accept()
            except OSError:
                return
            self.held.append(connection)

    def close(self):
        self.server.close()
        for connection in self.held:
            connection.close()


ASK_ONCE = """
import django, json, time; django.setup()
from django.test import Client
start = time.monotonic()
response = Client().get("/healthz")
print(json.dumps({"status": response.status_code, "body": response.content.decode(),
                  "seconds": time.monotonic() - start}))
"""


def test_a_database_that_never_answers_gets_503_within_the_connect_timeout():
    silent = SilentDatabase()
    try:
        answer, _log = run_child(
            ASK_ONCE,
            DATABASE_URL=f"postgres://nobody@127.0.0.1:{silent.port}/none",
            TEMAPLAN_DB_CONNECT_TIMEOUT="2",
        )
    finally:
        silent.close()
    assert silent.held, "the health check never connected to the silent database"
    assert answer["status"] == 503
    assert json.loads(answer["body"])["status"] == "error"
    # libpq's smallest timeout is 2 s: it waited for it, and not much longer.
    assert 1.5 <= answer["seconds"] < 4, answer


OPTIONS = """
import django, json; django.setup()
from django.conf import settings
print(json.dumps(settings.DATABASES["default"].get("OPTIONS", {})))
"""


def test_the_database_timeouts_come_from_the_environment():
    url = "postgres://nobody@127.0.0.1:1/none?sslmode=disable"
    defaults, _log = run_child(OPTIONS, DATABASE_URL=url)
    assert defaults == {
        "sslmode": "disable",
        "connect_timeout": 5,
        "options": "-c statement_timeout=30000",
    }
    chosen, _log = run_child(
        OPTIONS,
        DATABASE_URL=url,
        TEMAPLAN_DB_CONNECT_TIMEOUT="3",
        TEMAPLAN_DB_STATEMENT_TIMEOUT_MS="1234",
    )
    assert (chosen["connect_timeout"], chosen["options"]) == (3, "-c statement_timeout=1234")


def test_postgresql_connections_carry_the_statement_timeout(db):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("statement_timeout is PostgreSQL's")
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone() == ("30s",)
