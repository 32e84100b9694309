"""Starting an SSB sync from the web and watching it: personas, and a real run."""

from unittest import mock

import pytest
from django.urls import reverse

from temaplan.statistics.http import HttpFetcher
from temaplan.statistics.models import SyncRun
from temaplan.testing.personas import (
    Endpoint,
    assert_allowed,
    assert_not_found,
    assert_read_only,
    assert_sent_to_login,
    call,
    endpoint_id,
    url_names,
)


def a_run(plan) -> SyncRun:
    """The municipality's one sync run (made by the `run` fixture)."""
    return SyncRun.objects.get(municipality=plan.municipality)


@pytest.fixture
def run(asker_plan):
    return SyncRun.objects.create(municipality=asker_plan.municipality, municipality_numbers="3203")


def number(plan) -> str:
    return plan.municipality.number


ENDPOINTS = [
    Endpoint("sync_page", "get", False, lambda p: reverse("ssb:sync_page", args=[number(p)])),
    Endpoint("sync_start", "post", True, lambda p: reverse("ssb:sync_start", args=[number(p)])),
    Endpoint(
        "sync_run",
        "get",
        False,
        lambda p: reverse("ssb:sync_run", args=[number(p), a_run(p).pk]),
    ),
]


def test_the_table_covers_every_sync_page():
    assert {endpoint.name for endpoint in ENDPOINTS} == url_names("ssb")


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=endpoint_id)
def test_anonymous_visitors_are_sent_to_login(anonymous, asker_plan, run, endpoint):
    assert_sent_to_login(call(anonymous, endpoint, asker_plan))


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=endpoint_id)
def test_the_editor_of_another_municipality_gets_404(outsider, asker_plan, run, endpoint):
    assert_not_found(call(outsider, endpoint, asker_plan))
    assert SyncRun.objects.count() == 1


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=endpoint_id)
def test_the_read_only_member_reads_but_cannot_start_a_sync(reader, asker_plan, run, endpoint):
    assert_read_only(call(reader, endpoint, asker_plan), endpoint)
    assert SyncRun.objects.count() == 1


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=endpoint_id)
def test_the_editor_reads_every_page_and_may_start_a_sync(editor, asker_plan, run, endpoint):
    # The run already queued is shown again rather than a second one started.
    assert_allowed(call(editor, endpoint, asker_plan))


def test_an_editor_starts_a_sync_and_watches_it_finish(
    editor, asker_plan, fake_ssb, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.TEMAPLAN_SSB_API = fake_ssb.pxweb_url
    settings.TEMAPLAN_KLASS_API = fake_ssb.klass_url
    settings.TEMAPLAN_SSB_CACHE_DIR = str(tmp_path)
    page = editor.get(reverse("ssb:sync_page", args=["3203"])).content.decode()
    assert "Hent fra SSB nå" in page and "Andelen av innbyggerne" in page

    with django_capture_on_commit_callbacks(execute=True):
        response = editor.post(reverse("ssb:sync_start", args=["3203"]))
    run = SyncRun.objects.get()
    assert response["Location"] == reverse("ssb:sync_run", args=["3203", run.pk])
    assert run.state == SyncRun.State.DONE, run.message
    assert run.progress == 100
    watched = editor.get(response["Location"], HTTP_HX_REQUEST="true").content.decode()
    assert watched.lstrip().startswith('<section id="progress"')
    assert "every 1s" not in watched  # finished: the page stops polling
    assert "Indikatorresultater endret" in watched


def test_a_running_sync_is_polled_every_second(editor, run):
    page = editor.get(reverse("ssb:sync_run", args=["3203", run.pk])).content.decode()
    assert 'hx-trigger="every 1s"' in page and "<progress" in page


def test_a_failed_sync_says_why(
    editor, asker_plan, settings, tmp_path, django_capture_on_commit_callbacks, monkeypatch
):
    # The retries still happen, without the real 1 + 2 + 4 + 8 s between them.
    monkeypatch.setattr(HttpFetcher, "backoff_delay", lambda self, attempt: 0.0)
    settings.TEMAPLAN_SSB_API = "http://127.0.0.1:1/api/pxwebapi/v2"
    settings.TEMAPLAN_KLASS_API = "http://127.0.0.1:1/api/klass/v1"
    settings.TEMAPLAN_SSB_CACHE_DIR = str(tmp_path)
    with django_capture_on_commit_callbacks(execute=True):
        editor.post(reverse("ssb:sync_start", args=["3203"]))
    run = SyncRun.objects.get()
    assert run.state == SyncRun.State.FAILED
    assert "SSB" in run.message or "KLASS" in run.message


def test_with_the_database_queue_the_request_only_queues_and_a_worker_runs_the_sync(
    editor, asker_plan, fake_ssb, settings, tmp_path, django_capture_on_commit_callbacks
):
    """Production with several web processes: TEMAPLAN_TASKS_BACKEND is django-tasks-db's
    DatabaseBackend and `temaplan db_worker` runs the queue in a process of its own."""
    from django.core.management import call_command
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.TEMAPLAN_SSB_API = fake_ssb.pxweb_url
    settings.TEMAPLAN_KLASS_API = fake_ssb.klass_url
    settings.TEMAPLAN_SSB_CACHE_DIR = str(tmp_path)
    with django_capture_on_commit_callbacks(execute=True):
        response = editor.post(reverse("ssb:sync_start", args=["3203"]))
    run = SyncRun.objects.get()
    assert run.state == SyncRun.State.QUEUED  # the request only put it in the queue
    assert DBTaskResult.objects.count() == 1 and not fake_ssb.requests
    queued = editor.get(response["Location"]).content.decode()
    assert 'hx-trigger="every 1s"' in queued

    # The worker drops connections that are not in autocommit, as a real one always is. Here
    # the test's transaction holds the connection (PostgreSQL would lose it), so keep it.
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    run.refresh_from_db()
    assert run.state == SyncRun.State.DONE, run.message
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"
    watched = editor.get(response["Location"]).content.decode()
    assert "every 1s" not in watched and "Indikatorresultater endret" in watched


@pytest.mark.parametrize("minutes_ago, abandoned", [(5, False), (29, False), (31, True)])
def test_a_run_that_never_finished_stops_blocking_new_ones_after_30_minutes(
    editor, run, minutes_ago, abandoned, django_capture_on_commit_callbacks
):
    from datetime import timedelta

    from django.utils import timezone

    from temaplan.statistics.services import ABANDONED_MESSAGE

    SyncRun.objects.filter(pk=run.pk).update(
        state=SyncRun.State.RUNNING, created_at=timezone.now() - timedelta(minutes=minutes_ago)
    )
    with django_capture_on_commit_callbacks(execute=False) as enqueued:
        response = editor.post(reverse("ssb:sync_start", args=["3203"]))
    run.refresh_from_db()
    if abandoned:
        assert run.state == SyncRun.State.FAILED and run.message == ABANDONED_MESSAGE
        new = SyncRun.objects.exclude(pk=run.pk).get()
        assert response["Location"] == reverse("ssb:sync_run", args=["3203", new.pk])
        assert len(enqueued) == 1
        page = editor.get(reverse("ssb:sync_page", args=["3203"])).content.decode()
        assert "Avbrutt: hentingen ble ikke ferdig innen 30 minutter" in page
    else:
        assert run.state == SyncRun.State.RUNNING and SyncRun.objects.count() == 1
        assert response["Location"] == reverse("ssb:sync_run", args=["3203", run.pk])
        assert enqueued == []
