"""The user's own API tokens for one municipality: list, create (the secret shown once), revoke.

Any member may make a token; it carries the member's role there (a reader's token reads only).
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from temaplan.accounts.access import get_municipality_for_user, roles_for
from temaplan.accounts.models import Role

from .forms import TokenForm
from .models import ApiToken
from .tokens import token_create, token_is_active, token_revoke

CREATED_MESSAGE = "API-nøkkelen «{name}» er laget. Kopier den nå: den vises ikke igjen."
REVOKED_MESSAGE = "API-nøkkelen «{name}» er trukket tilbake og virker ikke lenger."


def _page(request: HttpRequest, municipality, form: TokenForm, *, secret: str = "", status=200):
    tokens = ApiToken.objects.filter(user_id=int(request.user.pk or 0), municipality=municipality)
    role = roles_for(request)[municipality.id]
    return render(
        request,
        "api/tokens.html",
        {
            "municipality": municipality,
            "tokens": [(token, token_is_active(token)) for token in tokens],
            "form": form,
            "secret": secret,
            "role_label": Role(role).label,
        },
        status=status,
    )


def token_list(request: HttpRequest, number: str) -> HttpResponse:
    municipality = get_municipality_for_user(request, number)
    if request.method == "POST":
        form = TokenForm(request.POST)
        if not form.is_valid():
            return _page(request, municipality, form, status=422)
        token, secret = token_create(
            user=request.user,
            municipality=municipality,
            name=form.cleaned_data["name"],
            days=form.cleaned_data["days"],
        )
        messages.success(request, CREATED_MESSAGE.format(name=token.name))
        return _page(request, municipality, TokenForm(), secret=secret)
    return _page(request, municipality, TokenForm())


@require_POST
def token_revoke_view(request: HttpRequest, number: str, token_id: int) -> HttpResponse:
    municipality = get_municipality_for_user(request, number)
    token = ApiToken.objects.filter(
        pk=token_id, user_id=int(request.user.pk or 0), municipality=municipality
    ).first()
    if token is None:
        raise Http404("Fant ikke nøkkelen.")
    token_revoke(token=token)
    messages.success(request, REVOKED_MESSAGE.format(name=token.name))
    return redirect("api:tokens", municipality.number)
