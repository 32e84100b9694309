"""Bearer tokens: `Authorization: Bearer tp_…`. The token decides the municipality and the role."""

from __future__ import annotations

from django.http import HttpRequest
from ninja.security import HttpBearer

from temaplan.accounts.access import READ_ONLY_MESSAGE
from temaplan.accounts.models import ROLES_THAT_EDIT

from .errors import ApiError
from .models import ApiToken
from .tokens import token_find


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> ApiToken | None:
        found = token_find(token)
        if found is None:
            return None
        api_token, role = found
        request.api_token = api_token  # type: ignore[attr-defined]
        request.api_role = role  # type: ignore[attr-defined]
        return api_token


def token_of(request: HttpRequest) -> ApiToken:
    return request.api_token  # type: ignore[attr-defined]


def municipality_id_of(request: HttpRequest) -> int:
    return token_of(request).municipality_id


def require_write(request: HttpRequest) -> None:
    """A viewer's token reads only: 403 with the web's message."""
    if request.api_role not in ROLES_THAT_EDIT:  # type: ignore[attr-defined]
        raise ApiError(403, READ_ONLY_MESSAGE)
