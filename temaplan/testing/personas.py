"""The people every view is tested with, and the endpoint tables that test them.

- editor:    asker-redaktor, editor in Asker (3203)
- reader:    asker-leser, read-only member of Asker
- outsider:  baerum-redaktor, editor in Bærum (3201), a stranger to Asker's rows
- anonymous: nobody logged in

The fixtures below (`demo`, `asker_plan`, `baerum_plan`, `editor`, `reader`, `outsider`,
`anonymous`) are registered for every test by `temaplan/conftest.py`; the demo itself is
loaded once per test database there. An app's persona table is a list of `Endpoint`s; its four
tests call each endpoint with `call` and check the answer with `assert_sent_to_login`,
`assert_not_found`, `assert_read_only` and `assert_allowed`, which also check that every
HTML page answered with 200 has exactly one `<h1>`.
"""

from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

EDITOR = "asker-redaktor"
READER = "asker-leser"
OUTSIDER = "baerum-redaktor"
ASKER = "3203"
BAERUM = "3201"


def client_for(username: str | None) -> Client:
    """A test client logged in as `username`, or an anonymous one for None."""
    from django.contrib.auth import get_user_model

    client = Client()
    if username:
        client.force_login(get_user_model().objects.get(username=username))
    return client


def second_editor(municipality, username: str = "asker-redaktor-2") -> Client:
    """A new editor of `municipality`, logged in: the other person in an edit conflict."""
    from django.contrib.auth import get_user_model

    from temaplan.accounts.models import Membership

    user = get_user_model().objects.create_user(username, password="x")
    Membership.objects.create(user=user, municipality=municipality, role="editor")
    return client_for(username)


# --- Fixtures -------------------------------------------------------------------------------


@pytest.fixture
def demo(db):
    """The demo plans, {"asker": Plan, "baerum": Plan}; loaded again after a flush."""
    from temaplan.demo.services import demo_load
    from temaplan.plans.models import Plan

    asker = Plan.objects.filter(municipality__number=ASKER).order_by("pk").first()
    baerum = Plan.objects.filter(municipality__number=BAERUM).order_by("pk").first()
    if asker is None or baerum is None:
        return demo_load(password="demo")
    return {"asker": asker, "baerum": baerum}


@pytest.fixture
def asker_plan(demo):
    return demo["asker"]


@pytest.fixture
def baerum_plan(demo):
    return demo["baerum"]


@pytest.fixture
def editor(demo) -> Client:
    return client_for(EDITOR)


@pytest.fixture
def reader(demo) -> Client:
    return client_for(READER)


@pytest.fixture
def outsider(demo) -> Client:
    return client_for(OUTSIDER)


@pytest.fixture
def anonymous(demo) -> Client:
    return client_for(None)


# --- Endpoint tables ------------------------------------------------------------------------


@dataclass(frozen=True)
class Endpoint:
    """One view called one way: `url(plan)` and, for a POST, `data(plan)`."""

    name: str
    method: str
    writes: bool
    url: Callable
    data: Callable = lambda plan: {}


def url_of(name: str, row: Callable | None = None) -> Callable:
    """An endpoint's URL maker: the named URL of `row(plan)`, or of the plan itself."""
    return lambda plan: reverse(name, args=[(row(plan) if row else plan).pk])


def call(client: Client, endpoint: Endpoint, plan):
    if endpoint.method == "post":
        return client.post(endpoint.url(plan), endpoint.data(plan))
    return client.get(endpoint.url(plan))


def endpoint_id(endpoint: Endpoint) -> str:
    """The test id of an endpoint, e.g. "POST edit"."""
    return f"{endpoint.method.upper()} {endpoint.name}"


def url_names(namespace: str) -> set[str]:
    """The names of every URL in a namespace, to check that a table covers every view."""
    return {
        str(pattern.name)
        for included in get_resolver().url_patterns
        if isinstance(included, URLResolver) and included.namespace == namespace
        for pattern in included.url_patterns
        if isinstance(pattern, URLPattern)
    }


# --- What each person gets ------------------------------------------------------------------


def assert_sent_to_login(response) -> None:
    assert response.status_code == 302, response.status_code
    assert response["Location"].startswith(reverse("accounts:login")), response["Location"]


def assert_not_found(response) -> None:
    assert response.status_code == 404, response.status_code


def assert_read_only(response, endpoint: Endpoint) -> None:
    """The read-only member: 403 on every write, the page itself on every read."""
    assert response.status_code == (403 if endpoint.writes else 200), response.status_code
    assert_one_h1(response)


def assert_allowed(response) -> None:
    """The municipality's editor: the page, or a redirect after a save."""
    assert response.status_code in (200, 302), response.content[:800]
    assert_one_h1(response)


class _HeadingCounter(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.h1 = 0

    def handle_starttag(self, tag, attrs) -> None:
        if tag == "h1":
            self.h1 += 1


def h1_count(html: str) -> int:
    counter = _HeadingCounter()
    counter.feed(html)
    counter.close()
    return counter.h1


def assert_one_h1(response) -> None:
    """Every HTML page answered with 200 has exactly one <h1>; other answers are let through."""
    if response.status_code != 200 or not response.get("Content-Type", "").startswith("text/html"):
        return
    count = h1_count(response.content.decode())
    path = getattr(response, "request", {}).get("PATH_INFO", "?")
    assert count == 1, f"{path} has {count} <h1> elements, not one"


# --- The four persona tests of an endpoint table, made once -------------------------------


def persona_tests(endpoints: list[Endpoint], snapshot: Callable[[], object]):
    """The four tests every endpoint table gets, for a test module to bind to test names:

        (
            test_anonymous_visitors_are_sent_to_login,
            test_the_editor_of_another_municipality_gets_404,
            test_the_read_only_member_changes_nothing,
            test_the_editor_may_do_everything,
        ) = persona_tests(ENDPOINTS, snapshot)

    `snapshot` reads the rows the endpoints could write; the outsider and the reader must leave
    them as they were. The endpoint's URL is built before the first snapshot, since building it
    may make the row it needs (an empty period, an unused agreement)."""
    each = pytest.mark.parametrize("endpoint", endpoints, ids=endpoint_id)

    def unchanged(client: Client, endpoint: Endpoint, plan, check) -> None:
        endpoint.url(plan)
        before = snapshot()
        check(call(client, endpoint, plan))
        assert snapshot() == before

    @each
    def anonymous_test(anonymous, asker_plan, endpoint):
        assert_sent_to_login(call(anonymous, endpoint, asker_plan))

    @each
    def outsider_test(outsider, asker_plan, endpoint):
        unchanged(outsider, endpoint, asker_plan, assert_not_found)

    @each
    def reader_test(reader, asker_plan, endpoint):
        unchanged(reader, endpoint, asker_plan, lambda r: assert_read_only(r, endpoint))

    @each
    def editor_test(editor, asker_plan, endpoint):
        assert_allowed(call(editor, endpoint, asker_plan))

    return anonymous_test, outsider_test, reader_test, editor_test
