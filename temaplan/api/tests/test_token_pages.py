"""The token pages with the personas: a member makes and revokes their own tokens (the secret
shown once, the role the membership's); the anonymous visitor goes to login; the editor of
another municipality gets 404 and changes nothing."""

import pytest
from django.urls import reverse

from temaplan.testing.personas import (
    ASKER,
    Endpoint,
    assert_allowed,
    assert_not_found,
    assert_sent_to_login,
    call,
    client_for,
    endpoint_id,
)

from ..forms import NAME_REQUIRED
from ..models import ApiToken
from ..tokens import digest_of, token_create


def a_token(plan) -> ApiToken:
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.get(username="asker-redaktor")
    token = ApiToken.objects.filter(user=user, municipality=plan.municipality).first()
    return token or token_create(user=user, municipality=plan.municipality, name="Fra før")[0]


TOKEN_ENDPOINTS = [
    Endpoint("tokens", "get", False, lambda plan: reverse("api:tokens", args=[ASKER])),
    Endpoint(
        "tokens",
        "post",
        True,
        lambda plan: reverse("api:tokens", args=[ASKER]),
        lambda plan: {"name": "Datavarehus", "days": "90"},
    ),
    Endpoint(
        "token_revoke",
        "post",
        True,
        lambda plan: reverse("api:token_revoke", args=[ASKER, a_token(plan).pk]),
    ),
]
each = pytest.mark.parametrize("endpoint", TOKEN_ENDPOINTS, ids=endpoint_id)


def tokens():
    return sorted(ApiToken.objects.values_list("pk", "revoked_at"))


@each
def test_anonymous_visitors_are_sent_to_login(anonymous, asker_plan, endpoint):
    assert_sent_to_login(call(anonymous, endpoint, asker_plan))


@each
def test_the_editor_of_another_municipality_gets_404(outsider, asker_plan, endpoint):
    endpoint.url(asker_plan)
    before = tokens()
    assert_not_found(call(outsider, endpoint, asker_plan))
    assert tokens() == before


@each
def test_the_editor_may_do_everything(editor, asker_plan, endpoint):
    assert_allowed(call(editor, endpoint, asker_plan))


def test_a_reader_makes_a_token_with_the_reader_s_role_shown_once(reader, asker_plan):
    response = reader.post(reverse("api:tokens", args=[ASKER]), {"name": "Excel", "days": "30"})
    assert response.status_code == 200
    token = ApiToken.objects.get(name="Excel")
    secret = response.context["secret"]
    assert token.digest == digest_of(secret) and token.user.username == "asker-leser"
    assert secret not in reader.get(reverse("api:tokens", args=[ASKER])).content.decode()


def test_a_reader_cannot_revoke_the_editor_s_token(reader, asker_plan):
    token = a_token(asker_plan)
    response = reader.post(reverse("api:token_revoke", args=[ASKER, token.pk]))
    assert response.status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_a_revoked_token_is_shown_as_such_and_stops_working(editor, asker_plan):
    token = a_token(asker_plan)
    editor.post(reverse("api:token_revoke", args=[ASKER, token.pk]))
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert "trukket tilbake" in editor.get(reverse("api:tokens", args=[ASKER])).content.decode()


def test_a_token_without_a_name_is_refused_in_norwegian(editor, asker_plan):
    before = tokens()
    response = editor.post(reverse("api:tokens", args=[ASKER]), {"name": " ", "days": "90"})
    assert response.status_code == 422
    assert NAME_REQUIRED in response.content.decode()
    assert tokens() == before


def test_the_municipality_page_is_not_needed_to_find_the_docs(demo):
    assert client_for(None).get("/api/v1/docs").status_code == 200
