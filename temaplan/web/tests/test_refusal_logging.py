"""A refused request is one line in the log; a fault keeps its traceback, printed once.

The lines are read from the console handler settings.LOGGING puts on the root logger, the
one that writes to stderr in production, with its stream swapped for a buffer.
"""

from __future__ import annotations

import io
import logging

import pytest
from django.test import override_settings
from django.urls import reverse

from temaplan.accounts.access import READ_ONLY_MESSAGE
from temaplan.testing.personas import EDITOR, client_for
from temaplan.web.log_filters import OneLineRefusals

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]
ERROR_URLS = override_settings(DEBUG=False, ROOT_URLCONF="temaplan.web.tests.error_urls")


@pytest.fixture
def console():
    """What the site's console handler writes, as text."""
    (handler,) = [
        h
        for h in logging.getLogger().handlers
        if any(isinstance(f, OneLineRefusals) for f in h.filters)
    ]
    buffer = io.StringIO()
    # Not setStream(): it flushes the old stream, which an earlier test's capture may have
    # closed already.
    previous, handler.stream = handler.stream, buffer
    yield buffer
    handler.stream = previous


def lines(buffer: io.StringIO) -> list[str]:
    return buffer.getvalue().splitlines()


@ERROR_URLS
def test_a_readers_403_is_logged_as_one_line_with_the_reason(reader, asker_plan, console, caplog):
    url = reverse("plans:plan_edit", args=[asker_plan.pk])
    with caplog.at_level(logging.INFO):
        reader.get(url)
    assert [r.levelname for r in caplog.records if r.name.startswith("django")] == ["WARNING"]
    assert lines(console) == [
        f"Forbidden (Permission denied): {url} (PermissionDenied: {READ_ONLY_MESSAGE})"
    ]


@ERROR_URLS
def test_a_suspicious_request_is_logged_as_one_line(editor, console):
    editor.get("/test/ugyldig/")
    # The message is the exception's own text, so nothing is added to it.
    assert lines(console) == ["Invalid HTTP_HOST header: 'evil.example'."]


@ERROR_URLS
def test_a_404_and_a_csrf_failure_are_one_line_each(outsider, asker_plan, console):
    from django.test import Client

    outsider.get(reverse("plans:plan_detail", args=[asker_plan.pk]))
    Client(enforce_csrf_checks=True).post("/konto/logg-inn/", {})
    assert lines(console) == [
        f"Not Found: /planer/{asker_plan.pk}/",
        "Forbidden (CSRF cookie not set.): /konto/logg-inn/",
    ]


@ERROR_URLS
def test_a_fault_is_logged_once_with_its_traceback(console):
    client = client_for(EDITOR)
    client.raise_request_exception = False
    client.get("/test/feil/")
    text = console.getvalue()
    assert text.startswith("Internal Server Error: /test/feil/\nTraceback (most recent call last):")
    assert text.count("Traceback") == 1
    assert text.rstrip().endswith("RuntimeError: the database fell over")


@override_settings(DEBUG=True)
def test_with_debug_on_a_refusal_is_still_printed_once(reader, asker_plan, console):
    """Django's own console handler for the «django» logger (DEBUG only) printed it again."""
    reader.get(reverse("plans:plan_edit", args=[asker_plan.pk]))
    assert len(lines(console)) == 1
    assert not logging.getLogger("django").handlers
