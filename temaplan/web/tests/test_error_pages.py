"""The pages a refusal or an error gets, in bokmål with the site header and a way back.

Django uses the handlers only with DEBUG off, so every test here turns it off. The URLs that
fail on purpose (400, 500) come from error_urls.py.
"""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client, override_settings
from django.urls import reverse

from temaplan.accounts.access import READ_ONLY_MESSAGE
from temaplan.testing.personas import EDITOR, client_for
from temaplan.web import errors

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("demo"),
]
ERROR_URLS = override_settings(DEBUG=False, ROOT_URLCONF="temaplan.web.tests.error_urls")


def assert_error_page(response, status: int, *texts: str) -> str:
    """The site's page: bokmål, the header, the texts, a way back to the front page."""
    assert response.status_code == status
    html = response.content.decode()
    assert '<html lang="nb">' in html
    assert '<header class="site-header">' in html
    assert 'href="/">Til forsiden</a>' in html
    assert html.count("<h1>") == 1
    for text in texts:
        assert text in html, text
    main = html.split('<main id="main"', 1)[1]
    for english in ("Forbidden", "Not Found", "Server Error", "Bad Request", "CSRF"):
        assert english not in main, english
    return html


@ERROR_URLS
def test_a_bad_request_gets_the_400_page_in_bokmal(editor):
    response = editor.get("/test/ugyldig/")
    html = assert_error_page(
        response, 400, errors.BAD_REQUEST_TITLE, errors.BAD_REQUEST_REASON, "Feilkode 400"
    )
    assert "evil.example" not in html


@ERROR_URLS
def test_a_reader_who_tries_to_edit_gets_the_403_page_with_the_reason(reader, asker_plan):
    response = reader.get(
        reverse("plans:plan_edit", args=[asker_plan.pk]),
        HTTP_REFERER=f"http://testserver/planer/{asker_plan.pk}/",
    )
    html = assert_error_page(response, 403, errors.FORBIDDEN_TITLE, READ_ONLY_MESSAGE)
    # The header is the whole site header, with the reader's municipality in the menu.
    assert ">Asker</a>" in html and "Logg ut" in html
    assert f'href="http://testserver/planer/{asker_plan.pk}/">Tilbake til forrige side' in html


@ERROR_URLS
def test_a_way_back_is_offered_only_to_a_page_of_this_site(reader, asker_plan):
    url = reverse("plans:plan_edit", args=[asker_plan.pk])
    html = reader.get(url, HTTP_REFERER="https://evil.example/").content.decode()
    assert "evil.example" not in html and "Tilbake til forrige side" not in html


@ERROR_URLS
def test_a_form_without_its_csrf_token_gets_the_403_page_in_bokmal(asker_plan):
    client = Client(enforce_csrf_checks=True)
    client.force_login(get_user_model().objects.get(username=EDITOR))
    client.get(reverse("plans:plan_detail", args=[asker_plan.pk]))  # sets the CSRF cookie
    response = client.post(reverse("plans:plan_edit", args=[asker_plan.pk]), {"name": "x"})
    assert_error_page(response, 403, errors.CSRF_TITLE, errors.CSRF_REASON)


@ERROR_URLS
def test_a_form_sent_without_the_csrf_cookie_says_to_allow_cookies(asker_plan):
    client = Client(enforce_csrf_checks=True)
    client.force_login(get_user_model().objects.get(username=EDITOR))
    response = client.post(reverse("plans:plan_edit", args=[asker_plan.pk]), {"name": "x"})
    assert_error_page(response, 403, errors.CSRF_NO_COOKIE_REASON)


@ERROR_URLS
def test_another_municipalitys_plan_gets_the_404_page_with_the_reason(outsider, asker_plan):
    response = outsider.get(reverse("plans:plan_detail", args=[asker_plan.pk]))
    assert_error_page(response, 404, errors.NOT_FOUND_TITLE, "Fant ikke det du ba om.")


@ERROR_URLS
def test_an_address_that_does_not_exist_gets_the_404_page_without_the_url_patterns(editor):
    html = assert_error_page(
        editor.get("/finnes-ikke/"), 404, errors.NOT_FOUND_TITLE, errors.NOT_FOUND_REASON
    )
    assert "tried" not in html and "finnes-ikke" not in html


@ERROR_URLS
def test_a_fault_gets_the_500_page_in_bokmal_without_the_database(django_assert_num_queries):
    client = client_for(EDITOR)
    client.raise_request_exception = False
    with django_assert_num_queries(2):  # the session and the user, read by the middleware
        response = client.get("/test/feil/")
    html = assert_error_page(
        response, 500, errors.SERVER_ERROR_TITLE, errors.SERVER_ERROR_REASON, "Feilkode 500"
    )
    assert "the database fell over" not in html


@ERROR_URLS
def test_the_500_page_is_sent_even_when_its_template_cannot_be_rendered(monkeypatch):
    def broken_template(*args, **kwargs):
        raise ValueError("Missing staticfiles manifest entry for 'web/temaplan.css'")

    monkeypatch.setattr(errors, "render_to_string", broken_template)
    client = client_for(EDITOR)
    client.raise_request_exception = False
    response = client.get("/test/feil/")
    assert response.status_code == 500
    html = response.content.decode()
    assert '<html lang="nb">' in html and '<header class="site-header">' in html
    assert errors.SERVER_ERROR_REASON in html and "Til forsiden" in html


# --- htmx: the message only, shown where the user acted (web/refusals.js) ------------------


@ERROR_URLS
def test_an_htmx_request_that_is_refused_gets_only_the_message_and_keeps_its_status(
    reader, asker_plan
):
    response = reader.get(reverse("plans:plan_edit", args=[asker_plan.pk]), HTTP_HX_REQUEST="true")
    assert response.status_code == 403
    html = response.content.decode().strip()
    assert html == f'<p class="refusal" role="alert" data-refusal>{READ_ONLY_MESSAGE}</p>'


@ERROR_URLS
@pytest.mark.parametrize(
    ("url", "status", "message"),
    [
        ("/test/ugyldig/", 400, errors.BAD_REQUEST_REASON),
        ("/finnes-ikke/", 404, errors.NOT_FOUND_REASON),
        ("/test/feil/", 500, errors.SERVER_ERROR_REASON),
    ],
)
def test_every_error_answers_an_htmx_request_with_the_message_alone(url, status, message):
    client = client_for(EDITOR)
    client.raise_request_exception = False
    response = client.get(url, HTTP_HX_REQUEST="true")
    assert response.status_code == status
    html = response.content.decode()
    assert 'role="alert"' in html and message in html and "<html" not in html


def test_every_page_loads_the_script_that_shows_a_refusal_inline(editor):
    assert "web/refusals.js" in editor.get("/").content.decode()
