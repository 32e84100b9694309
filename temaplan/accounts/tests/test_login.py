"""Norwegian login and logout; repeated failed logins lock the account out for a while."""

from django.urls import reverse

LOGIN = "/konto/logg-inn/"


def test_the_login_page_is_in_norwegian(client, demo):
    page = client.get(LOGIN).content.decode()
    assert '<html lang="nb">' in page
    assert "Logg inn i Temaplan" in page and "Brukernavn" in page and "Passord" in page


def test_a_good_login_leads_to_the_page_asked_for(client, asker_plan):
    target = reverse("plans:plan_detail", args=[asker_plan.pk])
    response = client.post(LOGIN, {"username": "asker-leser", "password": "demo", "next": target})
    assert response.status_code == 302 and response["Location"] == target
    assert client.get(target).status_code == 200


def test_a_wrong_password_gets_a_norwegian_message(client, demo):
    response = client.post(LOGIN, {"username": "asker-leser", "password": "feil"})
    assert response.status_code == 200
    assert "Feil brukernavn eller passord" in response.content.decode()


def test_repeated_failed_logins_lock_out_even_the_right_password(client, demo, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(LOGIN, {"username": "asker-leser", "password": "feil"})
    response = client.post(LOGIN, {"username": "asker-leser", "password": "demo"})
    assert response.status_code == 429
    assert "Innlogging midlertidig sperret" in response.content.decode()
    assert client.get("/").status_code == 302  # still not logged in


def test_another_user_is_not_locked_out_by_someone_elses_failures(client, demo, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(LOGIN, {"username": "asker-leser", "password": "feil"})
    response = client.post(LOGIN, {"username": "asker-redaktor", "password": "demo"})
    assert response.status_code == 302


def test_logout_ends_the_session(editor):
    assert editor.get("/").status_code == 200
    response = editor.post(reverse("accounts:logout"))
    assert response.status_code == 302 and response["Location"] == LOGIN
    assert editor.get("/").status_code == 302
