"""A path parameter that is no such thing (a NUL byte, letters for a municipality number) is
404, never a 500: PostgreSQL refuses a NUL byte in a query, so a NUL that reached one raised.

Every URL of the site is tried with each of its parameters replaced, so a new URL is covered
without being listed here. Run it on PostgreSQL too:
DATABASE_URL=postgres://postgres@127.0.0.1:5432/test."""

from __future__ import annotations

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

# The admin has its own catch-all that sends anyone who is not staff to its login. The API
# answers 401 without a token before it reads a path (temaplan/api/tests), and schemathesis
# sends it odd path values with one (test_schemathesis.py).
NOT_THE_SITE = ("admin/", "api/")
PARAMETER = re.compile(r"<[^>]+>")


def routes(patterns=None, prefix: str = "") -> list[str]:
    """Every route of the site as written in the URL patterns, «kommuner/<str:number>/»."""
    found = []
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(pattern.pattern)
        if route.startswith(NOT_THE_SITE):
            continue
        if isinstance(pattern, URLResolver):
            found += routes(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern) and PARAMETER.search(route):
            found.append(route)
    return sorted(set(found))


def test_the_site_has_routes_with_parameters_to_try():
    assert {"kommuner/<municipality_number:number>/", "planer/<int:plan_id>/"} <= set(routes())


@pytest.mark.parametrize("route", routes())
@pytest.mark.parametrize("method", ["get", "post"])
def test_a_nul_byte_in_any_path_parameter_is_404(editor, route, method):
    path = "/" + PARAMETER.sub("%00", route)
    response = getattr(editor, method)(path)
    assert response.status_code == 404, (path, response.status_code)


@pytest.mark.parametrize(
    "number",
    ["%00", "3203%00", "%003203", "32a3", "abcd", "32031", "320", "%EF%BC%93203", "-320"],
)
@pytest.mark.parametrize("below", ["", "planer/ny/", "ssb/", "ssb/hentinger/1/"])
def test_a_municipality_number_that_is_not_four_digits_is_404(editor, number, below):
    response = editor.get(f"/kommuner/{number}/{below}")
    assert response.status_code == 404
