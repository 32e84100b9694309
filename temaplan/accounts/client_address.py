"""The address a login attempt comes from, which the lockout (django-axes) is keyed on together
with the user name (settings.AXES_CLIENT_IP_CALLABLE).

Behind the documented nginx every request comes from the proxy's own address, so keyed on that,
five wrong passwords from anywhere would lock the user out for everyone. With
TEMAPLAN_BEHIND_PROXY on, the address is the last entry of X-Forwarded-For: the one nginx
appends itself (`$proxy_add_x_forwarded_for`), so a client cannot choose it. Entries before it
are whatever the client sent and are never read. Without the setting the header is ignored
altogether, since anyone who reaches the server could send it.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str | None:
    connecting = request.META.get("REMOTE_ADDR")
    if not getattr(settings, "TEMAPLAN_BEHIND_PROXY", False):
        return connecting
    last_hop = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")[-1].strip()
    return last_hop if _is_address(last_hop) else connecting


def _is_address(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True
