"""The public accessibility statement: Temaplan's own part merged with what the municipality
filled in (its contact, its deviations beside Temaplan's, its manual evaluation, the later of
the two review dates); plain words when it has filled in nothing; and a new ETag and
Last-Modified after every save, so a browser's copy is never answered 304 when stale."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from temaplan.portal import statement
from temaplan.reports.models import AccessibilityStatement
from temaplan.testing.personas import ASKER

URL = reverse("portal:accessibility", args=[ASKER])
EDITOR_URL = reverse("reports:statement", args=[ASKER])


def filled(**changes) -> statement.Filled:
    values = {
        "unit": "Servicetorget",
        "email": "post@asker.kommune.no",
        "phone": "",
        "form_url": "",
        "deviations": ("Kartet er et bilde.",),
        "evaluated_on": None,
        "evaluated_by": "",
        "reviewed_on": date(2026, 1, 5),
    }
    return statement.Filled(**{**values, **changes})


LATER = statement.REVIEWED + timedelta(days=10)


@pytest.mark.parametrize(
    "given, reviewed, evaluation, own, has_contact",
    [
        (None, statement.REVIEWED, statement.NOT_EVALUATED, (), False),
        (filled(), statement.REVIEWED, statement.NOT_EVALUATED, ("Kartet er et bilde.",), True),
        (filled(reviewed_on=LATER), LATER, statement.NOT_EVALUATED, ("Kartet er et bilde.",), True),
        (
            filled(evaluated_on=date(2026, 3, 1), evaluated_by="Funka", deviations=()),
            statement.REVIEWED,
            "Funka gjorde en manuell vurdering av sidene 1. mars 2026.",
            (),
            True,
        ),
    ],
    ids=["nothing filled in", "filled in", "reviewed later", "evaluated"],
)
def test_the_merged_statement(given, reviewed, evaluation, own, has_contact):
    merged = statement.merged(given)
    assert merged.reviewed == reviewed
    assert merged.evaluation == evaluation
    assert merged.own_deviations == own
    assert merged.deviations == statement.DEVIATIONS  # Temaplan's own stay, whatever is given
    assert merged.checked == statement.checked()
    assert (merged.contact is not None) == has_contact


def page(client) -> str:
    return client.get(URL).content.decode()


def edit(client, **changes):
    stored = AccessibilityStatement.objects.get(municipality__number=ASKER)
    data = {
        "contact_unit": stored.contact_unit,
        "contact_email": stored.contact_email,
        "contact_phone": stored.contact_phone,
        "contact_form_url": stored.contact_form_url,
        "deviations": stored.deviations,
        "evaluated": "on" if stored.evaluated else "",
        "evaluated_on": stored.evaluated_on.isoformat() if stored.evaluated_on else "",
        "evaluated_by": stored.evaluated_by,
        "reviewed_on": stored.reviewed_on.isoformat(),
        "version": str(stored.version),
        **changes,
    }
    response = client.post(EDITOR_URL, data)
    assert response.status_code == 302 and response["Location"] == EDITOR_URL, response


def test_the_page_shows_the_municipality_s_contact_and_deviations_beside_temaplan_s(anonymous):
    html = page(anonymous)
    assert 'href="mailto:postmottak@asker.kommune.no"' in html
    assert "Eksempel: Kommunikasjon og digitalisering" in html
    assert "Avvik Asker kjenner</h3>" in html and "Avvik Temaplan kjenner</h3>" in html
    assert "Kartet over næringsområdene" in html
    for line in statement.DEVIATIONS:
        assert line in html
    for line in statement.checked():
        assert line in html
    assert "gjorde en manuell vurdering av sidene 2. mai 2022." in html
    assert statement.NOT_EVALUATED not in html and statement.NO_CONTACT not in html


def test_phone_and_web_form_are_shown_when_given(anonymous, editor):
    edit(editor, contact_phone="66 90 00 00", contact_form_url="https://asker.kommune.no/skjema")
    html = page(anonymous)
    assert 'href="tel:66900000">66 90 00 00</a>' in html
    assert 'href="https://asker.kommune.no/skjema">' in html


def test_with_nothing_filled_in_the_page_says_so_plainly(anonymous):
    AccessibilityStatement.objects.filter(municipality__number=ASKER).delete()
    html = page(anonymous)
    assert statement.NO_CONTACT in html and statement.NOT_EVALUATED in html
    assert "mailto:" not in html and "Avvik Asker kjenner" not in html
    assert f'datetime="{statement.REVIEWED:%Y-%m-%d}"' in html


def test_the_date_shown_is_the_later_of_the_two_reviews(anonymous, monkeypatch):
    assert f'datetime="{statement.REVIEWED:%Y-%m-%d}"' in page(anonymous)  # Asker's is 2022
    monkeypatch.setattr(statement, "REVIEWED", date(2022, 1, 1))
    assert 'datetime="2022-05-09"' in page(anonymous)


def test_a_save_gives_a_new_etag_and_last_modified_and_the_old_ones_get_no_304(anonymous, editor):
    first = anonymous.get(URL)
    etag, modified = first["ETag"], first["Last-Modified"]
    assert anonymous.get(URL, HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert anonymous.get(URL, HTTP_IF_MODIFIED_SINCE=modified).status_code == 304
    with time_machine.travel(timezone.now() + timedelta(minutes=5), tick=False):
        edit(editor, contact_unit="Servicetorget")
        after = anonymous.get(URL, HTTP_IF_NONE_MATCH=etag)
        assert after.status_code == 200 and "Servicetorget" in after.content.decode()
        assert after["ETag"] != etag and after["Last-Modified"] != modified
        again = anonymous.get(URL, HTTP_IF_MODIFIED_SINCE=modified)
        assert again.status_code == 200
        assert anonymous.get(URL, HTTP_IF_NONE_MATCH=after["ETag"]).status_code == 304


def test_the_first_fill_in_changes_the_etag_too(anonymous, editor):
    AccessibilityStatement.objects.filter(municipality__number=ASKER).delete()
    etag = anonymous.get(URL)["ETag"]
    response = editor.post(
        EDITOR_URL,
        {
            "contact_unit": "Servicetorget",
            "contact_email": "post@asker.kommune.no",
            "reviewed_on": "2026-01-05",
            "version": "",
        },
    )
    assert response.status_code == 302 and response["Location"] == EDITOR_URL
    assert anonymous.get(URL, HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_a_refused_save_keeps_the_etag(anonymous, editor):
    etag = anonymous.get(URL)["ETag"]
    assert editor.post(EDITOR_URL, {"contact_email": "ikke en adresse"}).status_code == 422
    assert anonymous.get(URL, HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_a_municipality_the_portal_does_not_show_gets_404_whatever_the_browser_has(anonymous):
    url = reverse("portal:accessibility", args=["3201"])
    long_ago = "Mon, 01 Jan 2024 00:00:00 GMT"
    assert anonymous.get(url, HTTP_IF_MODIFIED_SINCE=long_ago).status_code == 404
    assert anonymous.get(url, HTTP_IF_NONE_MATCH="*").status_code == 404
