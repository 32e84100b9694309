"""An anonymous visitor finds the portal from the login page; a logged-in user from home."""

from django.urls import reverse

from temaplan.testing.personas import ASKER

LINK_TEXT = "Se publiserte resultater"


def test_the_login_page_links_to_the_portal(anonymous):
    page = anonymous.get(reverse("accounts:login")).content.decode()
    assert f'href="{reverse("portal:municipalities")}"' in page and LINK_TEXT in page


def test_the_home_page_links_to_the_portal(editor):
    page = editor.get(reverse("web:home")).content.decode()
    assert f'href="{reverse("portal:municipalities")}"' in page and LINK_TEXT in page


def test_an_anonymous_visitor_reaches_the_published_report_by_links(anonymous):
    """login → list → Asker → the 2020 report, following the pages' own links."""
    path = reverse("portal:municipalities")
    assert path in anonymous.get(reverse("accounts:login")).content.decode()
    municipality = reverse("portal:municipality", args=[ASKER])
    assert municipality in anonymous.get(path).content.decode()
    report = reverse("portal:report", args=[ASKER, 2020])
    assert report in anonymous.get(municipality).content.decode()
    assert "41,7" in anonymous.get(report).content.decode()
