"""The schema's links (api/links.py), followed as a client would on the demo data: every one
leads from a real answer to a call that succeeds, the status write from the version it was
given, and the schemathesis stateful test walks the same links with generated data."""

import re

import pytest

from temaplan.actions.models import Action
from temaplan.testing.personas import ASKER, EDITOR

from ..links import LINKS, Link, links_add
from .support import api_client, token_for

API = "/api/v1"


def pointer(document, expression: str):
    """«$response.body#/items/0/id» in `document`, the answer's JSON."""
    for part in expression.split("#", 1)[1].strip("/").split("/"):
        if part:
            document = document[int(part) if isinstance(document, list) else part]
    return document


def resolved(value, answer, path_values: dict):
    if isinstance(value, dict):
        return {k: resolved(v, answer, path_values) for k, v in value.items()}
    if isinstance(value, list):
        return [resolved(v, answer, path_values) for v in value]
    if isinstance(value, str) and value.startswith("$response.body#"):
        return pointer(answer, value)
    if isinstance(value, str) and value.startswith("$request.path."):
        return path_values[value.removeprefix("$request.path.")]
    return value


def operations(schema):
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            yield method.upper(), path.removeprefix(API), operation


def call(client, label: str, values: dict, body=None):
    """The call `label` («GET /plans/{plan_id}») with the link's values: the path's own, the
    rest as query parameters; the answer's JSON."""
    method, template = label.split(" ", 1)
    names = re.findall(r"{(\w+)}", template)
    path = template.format(**{n: values[n] for n in names})
    query = {k: v for k, v in values.items() if k not in names}
    if method == "GET":
        response = client.get(API + path, query)
    else:
        response = client.post(API + path, body, content_type="application/json")
    assert response.status_code == 200, (label, values, body, response.content[:500])
    return response.json()


def test_every_link_leads_from_a_real_answer_to_a_call_that_succeeds(demo):
    client = api_client(token_for(EDITOR, ASKER))
    schema = client.get(f"{API}/openapi.json").json()
    declared = {
        (f"{method} {path}", name): link
        for method, path, operation in operations(schema)
        for name, link in operation["responses"]["200"].get("links", {}).items()
    }
    assert set(declared) == {(link.source, link.name) for link in LINKS}
    by_id = {op["operationId"]: f"{m} {p}" for m, p, op in operations(schema)}
    followed = set()

    def walk(source: str, values: dict, body=None) -> None:
        """Call `source`, then follow each of its links not yet followed, each from a fresh
        answer (a write between would leave a version stale: 409, as a client would get),
        skipping one whose first row this answer lacks (an empty page or batch)."""
        answer = call(client, source, values, body)
        for (label, name), link in declared.items():
            if label != source or (label, name) in followed:
                continue
            if source.startswith("GET"):
                answer = call(client, source, values)
            try:
                to_values = resolved(link["parameters"], answer, values)
                # A write linked without a body takes the client's own rows: here none.
                to_body = resolved(link.get("requestBody", {"rows": []}), answer, values)
            except (IndexError, KeyError):
                continue
            followed.add((label, name))
            walk(by_id[link["operationId"]], to_values, to_body)

    for method, path, _ in list(operations(schema)):
        if method == "GET" and "{" not in path:
            walk(f"GET {path}", {})
    assert followed == set(declared)


def test_a_status_written_through_the_links_moves_the_action_to_its_next_version(demo):
    client = api_client(token_for(EDITOR, ASKER))
    [to_write] = [link for link in LINKS if link.name == "SetStatus" and "{" in link.source]
    action = Action.objects.filter(municipality__number=ASKER).order_by("pk").first()
    answer = call(client, "GET /actions/{action_id}", {"action_id": action.pk})
    body = resolved(to_write.body, answer, {})
    written = call(client, to_write.target, resolved(to_write.parameters, answer, {}), body)
    assert [row["version"] for row in written["rows"]] == [action.version + 1]
    action.refresh_from_db()
    assert (action.status, action.progress) == ("in_progress", 50)


def test_a_link_to_an_operation_the_schema_does_not_have_is_an_error_not_a_skipped_link():
    schema = {"paths": {"/api/v1/plans": {"get": {"operationId": "x", "responses": {200: {}}}}}}
    wrong = Link("GET /plans", "Nowhere", "GET /nowhere", {}, "Finnes ikke.")
    with pytest.raises(KeyError):
        links_add(schema, "/api/v1/", links=(wrong,))
