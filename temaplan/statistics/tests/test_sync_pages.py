"""Starting an SSB sync from the web and watching it: personas, and a real run."""

import pytest
from django.urls import reverse

from temaplan.statistics.models import SyncRun


@pytest.fixture
def run(asker_plan):
    return SyncRun.objects.create(municipality=asker_plan.municipality, municipality_numbers="3203")


def urls(run):
    return {
        "sync_page": ("get", reverse("statistics:sync_page", args=["3203"])),
        "sync_start": ("post", reverse("statistics:sync_start", args=["3203"])),
        "sync_run": ("get", reverse("statistics:sync_run", args=["3203", run.pk])),
    }


WRITES = {"sync_start"}
NAMES = ["sync_page", "sync_start", "sync_run"]


@pytest.mark.parametrize("name", NAMES)
def test_anonymous_visitors_are_sent_to_login(anonymous, run, name):
    method, url = urls(run)[name]
    response = getattr(anonymous, method)(url)
    assert response.status_code == 302 and "/konto/logg-inn/" in response["Location"]


@pytest.mark.parametrize("name", NAMES)
def test_the_editor_of_another_municipality_gets_404(outsider, run, name):
    method, url = urls(run)[name]
    assert getattr(outsider, method)(url).status_code == 404
    assert SyncRun.objects.count() == 1


@pytest.mark.parametrize("name", NAMES)
def test_the_read_only_member_reads_but_cannot_start_a_sync(reader, run, name):
    method, url = urls(run)[name]
    assert getattr(reader, method)(url).status_code == (403 if name in WRITES else 200)
    assert SyncRun.objects.count() == 1


def test_an_editor_starts_a_sync_and_watches_it_finish(
    editor, asker_plan, fake_ssb, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.TEMAPLAN_SSB_API = fake_ssb.pxweb_url
    settings.TEMAPLAN_KLASS_API = fake_ssb.klass_url
    settings.TEMAPLAN_SSB_CACHE_DIR = str(tmp_path)
    page = editor.get(reverse("statistics:sync_page", args=["3203"])).content.decode()
    assert "Hent fra SSB nå" in page and "Andelen av innbyggerne" in page

    with django_capture_on_commit_callbacks(execute=True):
        response = editor.post(reverse("statistics:sync_start", args=["3203"]))
    run = SyncRun.objects.get()
    assert response["Location"] == reverse("statistics:sync_run", args=["3203", run.pk])
    assert run.state == SyncRun.State.DONE, run.message
    assert run.progress == 100
    watched = editor.get(response["Location"], HTTP_HX_REQUEST="true").content.decode()
    assert watched.lstrip().startswith('<section id="progress"')
    assert "every 1s" not in watched  # finished: the page stops polling
    assert "Indikatorresultater endret" in watched


def test_a_running_sync_is_polled_every_second(editor, run):
    page = editor.get(reverse("statistics:sync_run", args=["3203", run.pk])).content.decode()
    assert 'hx-trigger="every 1s"' in page and "<progress" in page


def test_a_failed_sync_says_why(
    editor, asker_plan, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.TEMAPLAN_SSB_API = "http://127.0.0.1:1/api/pxwebapi/v2"
    settings.TEMAPLAN_KLASS_API = "http://127.0.0.1:1/api/klass/v1"
    settings.TEMAPLAN_SSB_CACHE_DIR = str(tmp_path)
    with django_capture_on_commit_callbacks(execute=True):
        editor.post(reverse("statistics:sync_start", args=["3203"]))
    run = SyncRun.objects.get()
    assert run.state == SyncRun.State.FAILED
    assert "SSB" in run.message or "KLASS" in run.message
