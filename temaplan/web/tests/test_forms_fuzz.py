"""Whatever the editor types into any field of any form, the answer is never a 500, and a
refused save writes nothing: random text, numbers and dates are sent to every form and every
htmx fragment of the site (hypothesis).

The endpoints are those of the persona tables (every `Endpoint` list in the apps' tests), so a
new form is tried as soon as its views are in a table. Each form's fields are read from the
page that shows it, as a browser would; a POST-only endpoint (delete, move) gets the fields of
its table's sample data. Every example starts from the demo: it runs in a savepoint that is
rolled back afterwards.
"""

from __future__ import annotations

import os
import string
from datetime import date
from importlib import import_module
from pathlib import Path

import pytest
from django.core.exceptions import ObjectDoesNotExist
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from temaplan.testing.database import changed_models, stored_rows
from temaplan.testing.html_forms import HtmlField, HtmlForm, form_for
from temaplan.testing.personas import Endpoint, endpoint_id

APPS = Path(__file__).resolve().parents[2]
# A deeper hunt: TEMAPLAN_FUZZ_EXAMPLES=500 pytest temaplan/web/tests/test_forms_fuzz.py
EXAMPLES = settings(
    max_examples=int(os.environ.get("TEMAPLAN_FUZZ_EXAMPLES", "15")),
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
# Endpoints with nothing to type into that start work outside the site.
LEFT_OUT = {"sync_start": "starts a fetch from SSB; it has no fields"}
REFUSED = 400  # from here up, the answer refused the request: nothing may have been written
CSRF = "csrfmiddlewaretoken"
EXTRA = "ekstra"


# The app whose tests hold each endpoint's table, by the endpoint's id(): the URL makers are
# shared (personas.url_of), so the endpoint itself does not say which app it belongs to.
APP_OF: dict[int, str] = {}


def persona_endpoints() -> list[Endpoint]:
    """Every endpoint of every app's persona tables, each once."""
    found: dict[int, Endpoint] = {}
    for path in sorted(APPS.glob("*/tests/test_*.py")):
        if "Endpoint(" not in path.read_text():
            continue
        module = import_module(".".join(path.relative_to(APPS.parent).with_suffix("").parts))
        app = path.relative_to(APPS).parts[0]
        for value in vars(module).values():
            if isinstance(value, list) and value and all(isinstance(e, Endpoint) for e in value):
                found.update((id(endpoint), endpoint) for endpoint in value)
                APP_OF.update((id(endpoint), app) for endpoint in value)
    return [e for e in found.values() if e.name not in LEFT_OUT]


def fuzz_id(endpoint: Endpoint) -> str:
    return f"{APP_OF[id(endpoint)]} {endpoint_id(endpoint)}"


ENDPOINTS = sorted(persona_endpoints(), key=fuzz_id)


# --- What a person might type ---------------------------------------------------------------

TRICKY = [
    "",
    " ",
    "\x00",
    "%",
    "100 %",
    "%(key)s",
    "%s",
    "1_000",
    "1e309",
    "NaN",
    "-0",
    "−5",
    "1.234",
    "1 234,5",
    "9" * 40,
    "-" + "9" * 40,
    "32768",
    "2147483648",
    "9223372036854775808",
    "٣٢٠٣",
    "<script>",
    "'; drop table x; --",
    "x" * 5000,
    "31.02.2023",
    "2023-02-31",
    "0000-01-01",
    "9999-12-31",
]
numbers = st.one_of(
    st.integers().map(str),
    st.integers(-(10**6), 10**6).map(lambda n: f"{n:,}".replace(",", "\u00a0")),
    st.decimals(allow_nan=False, allow_infinity=False, places=4).map(
        lambda d: str(d).replace(".", ",")
    ),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
)
dates = st.one_of(
    st.dates().map(date.isoformat),
    st.dates().map(lambda d: d.strftime("%d.%m.%Y")),
)
text = st.one_of(
    st.sampled_from(TRICKY),
    st.text(max_size=60),
    st.text(alphabet=string.digits + ",.- %\u00a0", max_size=12),
    numbers,
    dates,
)


def value_for(field: HtmlField) -> st.SearchStrategy:
    """What may be sent for one field: mostly a value of its kind, often anything at all."""
    if field.kind == "file":
        return st.binary(max_size=200).map(lambda data: SimpleUploadedFile("fil.xlsx", data))
    if field.kind in ("checkbox", "radio", "select") and field.choices:
        picks = st.sampled_from(field.choices)
        if field.multiple:
            return st.one_of(st.lists(picks, max_size=4, unique=True), st.lists(text, max_size=2))
        return st.one_of(picks, text)
    if field.kind == "hidden":  # the version: as sent, another, or junk
        return st.one_of(st.just(field.value), st.integers(-2, 10**10).map(str), text)
    if field.kind == "date":
        return st.one_of(dates, text)
    if field.kind == "number":
        return st.one_of(numbers, text)
    return text


def as_sent(data: dict) -> dict:
    """The data with the fields a browser would not send (None) left out."""
    return {name: value for name, value in data.items() if value is not None}


def posted_data(fields: dict[str, HtmlField], valid: dict) -> st.SearchStrategy:
    """Mostly the valid data with one to three fields typed wrong or left out, so the bad value
    reaches the model and the save; sometimes every field at random."""
    names = sorted(fields)
    changed = st.lists(st.sampled_from(names), min_size=1, max_size=3, unique=True).flatmap(
        lambda chosen: st.fixed_dictionaries(
            {name: st.one_of(st.none(), value_for(fields[name])) for name in chosen}
        )
    )
    anything = st.fixed_dictionaries({}, optional={n: value_for(fields[n]) for n in names})
    return st.one_of(
        changed.map(lambda changes: as_sent({**valid, **changes})),
        anything,
    )


# --- The form behind each endpoint ----------------------------------------------------------


def page_form(client, url: str, methods: tuple[str, ...]) -> HtmlForm | None:
    """The form on the page at `url` (or on the page an htmx GET answers with) that sends to
    `url` with the first of `methods` it has."""
    for headers in ({}, {"HTTP_HX_REQUEST": "true"}):
        page = client.get(url, **headers)
        if page.status_code != 200 or not page["Content-Type"].startswith("text/html"):
            continue
        for method in methods:
            if form := form_for(page.content.decode(), url, url.split("?")[0], method):
                return form
    return None


def fields_of(client, endpoint: Endpoint, url: str, plan) -> tuple[dict[str, HtmlField], dict]:
    """The fields of the form that sends to `url`, and valid data for them: what the page
    shows, with the table's sample data over it. A POST-only endpoint (delete, move) gets the
    fields of its sample data; the GET of a form page gets its form's fields as the query
    parameters that fill the form in (frame_create?year=2025)."""
    if endpoint.method == "post":
        form, sample = page_form(client, url, ("post",)), endpoint.data(plan)
    else:
        form = page_form(client, url, ("get", "post") if endpoint.writes else ("get",))
        sample = {}
    fields = dict(form.fields) if form else {}
    for name, value in sample.items():
        fields.setdefault(name, HtmlField(name, "text", str(value)))
    fields.pop(CSRF, None)
    shown = {name: field.sent() for name, field in fields.items()}
    return fields, as_sent({**shown, **sample})


def send(client, endpoint: Endpoint, url: str, data: dict, htmx: bool):
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    if endpoint.method == "post":
        return client.post(url, data, **headers)
    return client.get(url, data, **headers)


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=fuzz_id)
def test_nothing_typed_into_a_form_answers_500_or_half_saves(editor, asker_plan, endpoint):
    with transaction.atomic():
        try:
            url = endpoint.url(asker_plan)  # may make the row it needs
        except ObjectDoesNotExist:  # a row its own table's tests make with a fixture
            transaction.set_rollback(True)
            return
        fields, valid = fields_of(editor, endpoint, url, asker_plan)
        if endpoint.method == "get" and not fields:  # a page without a form: nothing to type
            transaction.set_rollback(True)
            return
        fields.setdefault(EXTRA, HtmlField(EXTRA, "text"))  # what no form asks for
        before = stored_rows()

        @EXAMPLES
        @given(data=posted_data(fields, valid), htmx=st.booleans())
        def typed(data, htmx):
            with transaction.atomic():
                response = send(editor, endpoint, url, data, htmx)
                assert response.status_code < 500, response.status_code
                if response.status_code >= REFUSED:
                    after = stored_rows()
                    assert after == before, (response.status_code, changed_models(before, after))
                transaction.set_rollback(True)

        typed()
        transaction.set_rollback(True)


def test_every_form_of_the_persona_tables_is_tried():
    names = {fuzz_id(endpoint) for endpoint in ENDPOINTS}
    assert {
        "actions POST create",
        "actions POST status",
        "indicators POST year_edit",
        "plans POST part_create",
        "actions POST frame_create",
    } <= names
