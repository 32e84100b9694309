"""The health check, for load balancers and monitoring: is the app up, can it reach its database?

HealthCheckMiddleware comes first in MIDDLEWARE and answers /healthz itself, before the session
middleware: a request carrying a session cookie would otherwise load its session from the very
database that is down, and get a 500 page instead of the 503 JSON. The public answer says only
that the database is unavailable; which host, port or file failed goes to the log.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.contrib.auth.decorators import login_not_required
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)

PATH = "/healthz"
OK = {"status": "ok", "database": "ok"}
UNAVAILABLE = {"status": "error", "database": "unavailable"}


@login_not_required
@never_cache
@require_safe
def healthz(request: HttpRequest) -> HttpResponse:
    """200 when a `SELECT 1` succeeds, 503 when it does not (GET and HEAD)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as error:  # whatever fails, the answer is 503, never a 500 page
        detail = " ".join(str(error).split()) or "(no message)"
        logger.error(
            "Health check: the database is unavailable: %s: %s", type(error).__name__, detail
        )
        return JsonResponse(UNAVAILABLE, status=503)
    return JsonResponse(OK)


class HealthCheckMiddleware:
    """Answers /healthz before any other middleware reads the session, the user or the database."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path_info != PATH:
            return self.get_response(request)
        request.get_host()  # ALLOWED_HOSTS still holds: an unknown host gets 400
        return healthz(request)
