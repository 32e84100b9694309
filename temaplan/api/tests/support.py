"""Tokens for the persona users, and a client that sends them."""

from django.contrib.auth import get_user_model
from django.test import Client

from temaplan.accounts.models import Municipality

from ..tokens import token_create


def token_for(username: str, number: str, **kwargs) -> str:
    user = get_user_model().objects.get(username=username)
    _, secret = token_create(
        user=user, municipality=Municipality.objects.get(number=number), name="test", **kwargs
    )
    return secret


def api_client(secret: str | None) -> Client:
    if secret is None:
        return Client()
    return Client(headers={"Authorization": f"Bearer {secret}"})
