"""The pages a refusal or an error gets: 400, 403 (the CSRF failure too), 404 and 500, in bokmål.

config/urls.py names them as handler400/403/404/500 and settings.py as CSRF_FAILURE_VIEW; Django
uses them only when DEBUG is off. A page extends the site's base template; an htmx request gets
only the short message (the `refusal` partial), which web/refusals.js shows beside the control
the user used, with the status code kept.

The 500 page is rendered without the request: the request context reads the user and their
municipalities from the database, which may be what failed. If even the template cannot be
rendered (a missing static manifest, a broken template), a fixed page in the same words is sent.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import REASON_NO_CSRF_COOKIE
from django.template.loader import render_to_string
from django.urls import Resolver404
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop as N_
from django.views.decorators.csrf import requires_csrf_token

TEMPLATE = "web/error.html"
REFUSAL = "web/error.html#refusal"

BAD_REQUEST_TITLE = N_("Forespørselen kunne ikke behandles")
BAD_REQUEST_REASON = N_(
    "Nettleseren sendte noe Temaplan ikke kunne lese. Gå tilbake og prøv igjen."
)
FORBIDDEN_TITLE = N_("Du har ikke tilgang")
FORBIDDEN_REASON = N_("Du har ikke tilgang til dette.")
CSRF_TITLE = N_("Skjemaet kunne ikke sendes")
CSRF_REASON = N_(
    "Skjemaet var for gammelt eller manglet sikkerhetsnøkkelen. "
    "Last inn siden på nytt og prøv igjen."
)
CSRF_NO_COOKIE_REASON = N_(
    "Nettleseren sendte ikke informasjonskapselen Temaplan trenger for skjemaer. Tillat "
    "informasjonskapsler for dette nettstedet, last inn siden på nytt og prøv igjen."
)
NOT_FOUND_TITLE = N_("Fant ikke siden")
NOT_FOUND_REASON = N_("Siden finnes ikke, eller du har ikke tilgang til den.")
SERVER_ERROR_TITLE = N_("Noe gikk galt")
SERVER_ERROR_REASON = N_(
    "Det oppstod en feil hos oss, og den er logget. Prøv igjen om litt. "
    "Hvis feilen kommer igjen, si fra til den som drifter Temaplan."
)


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    # The exception's text is Django's, in English and technical (e.g. a bad Host header).
    return _refusal(request, 400, BAD_REQUEST_TITLE, _(BAD_REQUEST_REASON))


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    """403 with the reason the code gave, e.g. «Du har bare lesetilgang i denne kommunen.»"""
    return _refusal(request, 403, FORBIDDEN_TITLE, _reason(exception) or _(FORBIDDEN_REASON))


@requires_csrf_token
def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    text = CSRF_NO_COOKIE_REASON if reason == REASON_NO_CSRF_COOKIE else CSRF_REASON
    return _refusal(request, 403, CSRF_TITLE, _(text))


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    """404 with the reason the code gave (all of ours are Norwegian sentences); the
    resolver's own «not found» carries a dict of tried patterns, not words for a user."""
    reason = None if isinstance(exception, Resolver404) else _reason(exception)
    return _refusal(request, 404, NOT_FOUND_TITLE, reason or _(NOT_FOUND_REASON))


def server_error(request: HttpRequest) -> HttpResponse:
    context = {"status": 500, "title": _(SERVER_ERROR_TITLE), "reason": _(SERVER_ERROR_REASON)}
    htmx = request.headers.get("HX-Request") == "true"
    template = REFUSAL if htmx else TEMPLATE
    body: str
    try:
        body = render_to_string(template, context)
    except Exception:  # noqa: BLE001 - the error page itself must never fail
        body = _fixed_fragment(context) if htmx else _fixed_page(context)
    return HttpResponse(body, status=500)


def _refusal(request: HttpRequest, status: int, title: str, reason: str) -> HttpResponse:
    context = {"status": status, "title": _(title), "reason": reason, "back": _back(request)}
    htmx = request.headers.get("HX-Request") == "true"
    template = REFUSAL if htmx else TEMPLATE
    body: str
    try:
        body = render_to_string(template, context, request=request)
    except Exception:  # noqa: BLE001 - e.g. the database behind the header is down
        try:
            body = render_to_string(template, context)
        except Exception:  # noqa: BLE001
            body = _fixed_fragment(context) if htmx else _fixed_page(context)
    return HttpResponse(body, status=status)


def _reason(exception: Exception) -> str | None:
    first = exception.args[0] if exception.args else None
    return first.strip() if isinstance(first, str) and first.strip() else None


def _back(request: HttpRequest) -> str | None:
    """The page the user came from, when it is one of ours: «Tilbake» needs no script."""
    referer = request.META.get("HTTP_REFERER", "")
    try:
        allowed = {request.get_host()}
    except Exception:  # noqa: BLE001 - a disallowed Host header is itself a 400
        return None
    if referer and url_has_allowed_host_and_scheme(
        referer, allowed_hosts=allowed, require_https=request.is_secure()
    ):
        return referer
    return None


def _fixed_fragment(context: dict) -> str:
    return format_html('<p class="refusal" role="alert" data-refusal>{}</p>', context["reason"])


def _fixed_page(context: dict) -> str:
    return format_html(
        '<!doctype html>\n<html lang="nb"><head><meta charset="utf-8"><title>{} – Temaplan</title>'
        '</head><body><header class="site-header"><a class="brand" href="/">Temaplan</a></header>'
        '<main id="main"><h1>{}</h1><p>{}</p><p><a href="/">Til forsiden</a></p></main>'
        "</body></html>",
        context["title"],
        context["title"],
        context["reason"],
    )
