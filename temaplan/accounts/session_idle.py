"""Sessions end after SESSION_COOKIE_AGE (TEMAPLAN_SESSION_IDLE_HOURS) without a request.

A session's expiry is set each time it is saved. Saving it on every request
(SESSION_SAVE_EVERY_REQUEST) would cost a database write per page; instead a logged-in
session is saved again only when its last save is more than REFRESH_SECONDS old. The idle time
is then kept to within that minute, at one write a minute per active user at most.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from django.contrib.auth import SESSION_KEY
from django.http import HttpRequest, HttpResponse

REFRESH_SECONDS = 60
# When the session was last saved, as seconds since the epoch.
SAVED_AT = "temaplan_saved_at"


def stamp(session) -> None:
    session[SAVED_AT] = int(time.time())


def stamp_at_login(sender, request: HttpRequest, user, **kwargs) -> None:
    """user_logged_in: the session is saved at login, so its clock starts there."""
    stamp(request.session)


class SessionIdleRefresh:
    """After SessionMiddleware: keeps a logged-in session alive while it is being used."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        session = request.session
        # No cookie, or logged out during the request: nothing to keep alive.
        if session.session_key is None or SESSION_KEY not in session:
            return response
        if time.time() - session.get(SAVED_AT, 0) >= REFRESH_SECONDS:
            stamp(session)  # modified, so SessionMiddleware saves it with a new expiry
        return response
