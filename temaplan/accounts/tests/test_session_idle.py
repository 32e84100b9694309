"""A session ends after TEMAPLAN_SESSION_IDLE_HOURS (default 8) without a request; every
request starts the wait again, and an active session is written at most once a minute."""

import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
import time_machine
from django.contrib.sessions.models import Session
from django.utils import timezone

ROOT = Path(__file__).resolve().parents[3]


def logged_in_at(client, moment) -> bool:
    with time_machine.travel(moment, tick=False):
        response = client.get("/")
    return response.status_code == 200


def test_a_user_who_keeps_working_stays_logged_in_past_the_idle_time(editor, settings):
    idle = timedelta(seconds=settings.SESSION_COOKIE_AGE)
    start = timezone.now()
    assert logged_in_at(editor, start)
    # Three requests, each a little less than the idle time after the one before.
    for step in (1, 2, 3):
        assert logged_in_at(editor, start + step * (idle - timedelta(minutes=5)))


def test_a_user_idle_for_longer_than_the_idle_time_is_logged_out(editor, settings):
    idle = timedelta(seconds=settings.SESSION_COOKIE_AGE)
    start = timezone.now()
    assert logged_in_at(editor, start)
    with time_machine.travel(start + idle + timedelta(minutes=1), tick=False):
        response = editor.get("/")
    assert response.status_code == 302 and response["Location"].startswith("/konto/logg-inn/")


def expiry(client):
    return Session.objects.get(session_key=client.session.session_key).expire_date


def test_an_active_session_is_written_again_at_most_once_a_minute(editor):
    start = timezone.now()
    assert logged_in_at(editor, start + timedelta(seconds=61))
    refreshed = expiry(editor)
    assert logged_in_at(editor, start + timedelta(seconds=90))
    assert expiry(editor) == refreshed  # 29 s later: not written
    assert logged_in_at(editor, start + timedelta(seconds=125))
    assert expiry(editor) > refreshed


def test_an_anonymous_visitor_gets_no_session_written(client, db):
    client.get("/konto/logg-inn/")
    assert not Session.objects.exists()


def session_age(hours: str | None) -> int:
    env = {k: v for k, v in os.environ.items() if k != "TEMAPLAN_SESSION_IDLE_HOURS"}
    if hours is not None:
        env["TEMAPLAN_SESSION_IDLE_HOURS"] = hours
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from django.conf import settings; print(settings.SESSION_COOKIE_AGE, "
            "settings.SESSION_SAVE_EVERY_REQUEST)",
        ],
        cwd=ROOT,
        env={**env, "DEBUG": "1", "DJANGO_SETTINGS_MODULE": "config.settings"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    age, every_request = result.stdout.split()
    assert every_request == "False"  # written once a minute at most (accounts/session_idle.py)
    return int(age)


@pytest.mark.parametrize("hours, seconds", [(None, 8 * 3600), ("2", 7200), ("0.5", 1800)])
def test_the_idle_time_comes_from_the_environment(hours, seconds):
    assert session_age(hours) == seconds
