"""The report page is rendered once per published report and then served from the cache,
keyed on its ETag (issue 14's benchmark, bench/portal_load.py): the same body for everybody,
without reading the document again; another version, another publishing time or new markup
(queries.PAGES_VERSION) renders it anew."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from temaplan.portal import queries, views
from temaplan.reports.models import Report
from temaplan.testing.personas import ASKER

URL = reverse("portal:report", args=[ASKER, 2020])


@pytest.fixture
def renders(monkeypatch):
    """How many times the page's content was built (and so the document read)."""
    cache.clear()
    built = []
    real = views._page_context

    def counted(report):
        built.append(report.pk)
        return real(report)

    monkeypatch.setattr(views, "_page_context", counted)
    yield built
    cache.clear()


@pytest.fixture
def published(demo):
    return Report.objects.get(plan=demo["asker"], year=2020, state="published")


def test_the_report_page_is_rendered_once_then_served_from_the_cache_to_everybody(
    renders, published, anonymous, editor, django_assert_max_num_queries
):
    first = anonymous.get(URL)
    with django_assert_max_num_queries(1):  # the freshness row, not the document
        again = anonymous.get(URL)
    assert first.status_code == again.status_code == 200
    assert again.content == first.content == editor.get(URL).content
    assert again["ETag"] == first["ETag"]
    assert "41,7\u00a0%" in again.content.decode()
    assert renders == [published.pk]


@pytest.mark.parametrize(
    "change",
    [
        lambda report, _: Report.objects.filter(pk=report.pk).update(fingerprint="ny"),
        lambda report, _: Report.objects.filter(pk=report.pk).update(
            published_at=report.published_at.replace(year=2024)
        ),
        lambda _, monkeypatch: monkeypatch.setattr(queries, "PAGES_VERSION", "neste"),
    ],
    ids=["another fingerprint", "published again", "new markup"],
)
def test_a_changed_report_or_new_markup_renders_the_page_anew(
    renders, published, anonymous, monkeypatch, change
):
    before = anonymous.get(URL)
    change(published, monkeypatch)
    after = anonymous.get(URL)
    assert after.status_code == 200
    assert after["ETag"] != before["ETag"]
    assert len(renders) == 2


def test_a_report_no_longer_published_is_not_served_from_the_cache(renders, published, anonymous):
    assert anonymous.get(URL).status_code == 200
    Report.objects.filter(pk=published.pk).update(state="superseded")
    assert anonymous.get(URL).status_code == 404
