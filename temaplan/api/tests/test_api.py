"""The API with the personas: no token, an expired or revoked one, a reader's, an editor's
and another municipality's editor's; pagination and filtering; fixed query counts; the bulk
writes, all or nothing, with the row named; the docs page from the server's own files."""

import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from temaplan.accounts.access import READ_ONLY_MESSAGE
from temaplan.actions.models import Action, ActionPeriod
from temaplan.core.versioning import EDIT_CONFLICT_MESSAGE
from temaplan.indicators.models import Indicator, Observation
from temaplan.reports.models import Report
from temaplan.testing.personas import ASKER, BAERUM, EDITOR, OUTSIDER, READER

from ..errors import NOT_AUTHENTICATED
from ..models import ApiToken
from ..routers.indicators import UNKNOWN_INDICATOR
from ..tokens import digest_of, token_revoke
from .support import api_client, token_for

API = "/api/v1"


def reads(plan):
    indicator = plan.indicators.order_by("pk").first()
    action = Action.objects.filter(period__plan=plan).order_by("pk").first()
    urls = [
        f"/municipalities/{plan.municipality.number}",
        f"/plans/{plan.pk}",
        f"/indicators/{indicator.pk}",
        f"/actions/{action.pk}",
        f"/plans/{plan.pk}/observations",
    ]
    report = Report.objects.filter(plan=plan, state=Report.State.PUBLISHED).first()
    if report:
        urls.append(f"/snapshots/{report.pk}")
    return urls


LISTS = [
    "/municipalities",
    "/plans",
    "/focus-areas",
    "/strategies",
    "/indicators",
    "/action-periods",
    "/actions",
    "/studies",
    "/budget/frames",
    "/budget/allocations",
    "/kommune-nm/editions",
    "/snapshots",
]


def writes(plan):
    period = ActionPeriod.objects.filter(plan=plan).order_by("pk").first()
    action = period.actions.order_by("pk").first()
    indicator = plan.indicators.order_by("pk").first()
    return [
        (
            f"/plans/{plan.pk}/observations",
            {"rows": [{"indicator": indicator.key, "year": plan.first_year, "value": "1"}]},
        ),
        (
            f"/action-periods/{period.pk}/actions/status",
            {
                "rows": [
                    {
                        "action": action.key,
                        "status": "done",
                        "progress": 100,
                        "version": action.version,
                    }
                ]
            },
        ),
    ]


def post(client, url, body):
    return client.post(API + url, body, content_type="application/json")


def stored():
    return (
        sorted(Observation.objects.values_list("indicator_id", "year", "value", "version")),
        sorted(Action.objects.values_list("pk", "status", "progress", "version")),
    )


# --- Who gets in ----------------------------------------------------------------------------


@pytest.mark.parametrize("url", LISTS)
def test_no_token_gets_401_on_every_list(demo, url):
    response = api_client(None).get(API + url)
    assert response.status_code == 401
    assert response.json() == {"detail": NOT_AUTHENTICATED, "errors": []}


def test_no_token_gets_401_on_every_read_and_write(asker_plan):
    for url in reads(asker_plan):
        assert api_client(None).get(API + url).status_code == 401, url
    before = stored()
    for url, body in writes(asker_plan):
        assert post(api_client(None), url, body).status_code == 401, url
    assert stored() == before


@pytest.mark.parametrize("how", ["expired", "revoked", "unknown", "not a member any more"])
def test_an_expired_revoked_or_unknown_token_gets_401(asker_plan, how):
    secret = token_for(EDITOR, ASKER)
    token = ApiToken.objects.get(digest=digest_of(secret))
    if how == "expired":
        ApiToken.objects.filter(pk=token.pk).update(
            expires_at=timezone.now() - timedelta(seconds=1)
        )
    elif how == "revoked":
        token_revoke(token=token)
    elif how == "unknown":
        secret = secret[:-2] + "xx"
    else:
        token.user.memberships.filter(municipality=token.municipality).delete()
    assert api_client(secret).get(f"{API}/plans").status_code == 401


def test_the_token_s_secret_is_stored_only_as_its_sha256(asker_plan):
    secret = token_for(EDITOR, ASKER)
    token = ApiToken.objects.get(digest=digest_of(secret))
    assert secret not in {token.digest, token.prefix, token.name}
    assert re.fullmatch(r"[0-9a-f]{64}", token.digest)
    assert secret.startswith(token.prefix)


def test_a_token_for_one_municipality_gets_404_on_another_s_objects(asker_plan):
    outsider = api_client(token_for(OUTSIDER, BAERUM))
    for url in reads(asker_plan):
        response = outsider.get(API + url)
        assert response.status_code == 404, url
        assert set(response.json()) == {"detail", "errors"}
    before = stored()
    for url, body in writes(asker_plan):
        assert post(outsider, url, body).status_code == 404, url
    assert stored() == before


def test_a_token_s_lists_hold_only_its_municipality(asker_plan, baerum_plan):
    outsider = api_client(token_for(OUTSIDER, BAERUM))
    plans = outsider.get(f"{API}/plans").json()["items"]
    assert {p["id"] for p in plans} == {baerum_plan.pk}
    assert [m["number"] for m in outsider.get(f"{API}/municipalities").json()["items"]] == [BAERUM]
    ids = {i["id"] for i in outsider.get(f"{API}/indicators?limit=1000").json()["items"]}
    assert not ids & set(asker_plan.indicators.values_list("pk", flat=True))


def test_a_reader_s_token_reads_everything_and_writes_nothing(asker_plan):
    reader = api_client(token_for(READER, ASKER))
    for url in reads(asker_plan) + LISTS:
        assert reader.get(API + url).status_code == 200, url
    before = stored()
    for url, body in writes(asker_plan):
        response = post(reader, url, body)
        assert response.status_code == 403, url
        assert response.json()["detail"] == READ_ONLY_MESSAGE
    assert stored() == before


def test_an_editor_s_token_reads_and_writes(asker_plan):
    editor = api_client(token_for(EDITOR, ASKER))
    for url in reads(asker_plan) + LISTS:
        assert editor.get(API + url).status_code == 200, url
    for url, body in writes(asker_plan):
        assert post(editor, url, body).status_code == 200, (url, post(editor, url, body).content)


# --- Reading --------------------------------------------------------------------------------


def test_lists_are_paged_with_limit_and_offset(asker_plan):
    editor = api_client(token_for(EDITOR, ASKER))
    everything = editor.get(f"{API}/indicators?limit=1000").json()
    page = editor.get(f"{API}/indicators?limit=2&offset=1").json()
    assert page["count"] == everything["count"] > 3
    assert [i["id"] for i in page["items"]] == [i["id"] for i in everything["items"][1:3]]


def test_indicators_carry_targets_and_the_status_of_each_result(asker_plan):
    editor = api_client(token_for(EDITOR, ASKER))
    indicators = editor.get(f"{API}/indicators?limit=1000").json()["items"]
    assert any(i["targets"] for i in indicators)
    statuses = {r["status"] for i in indicators for r in i["results"]}
    assert statuses & {"green", "amber", "red"}


def test_filtering_by_year_keeps_that_year_only(asker_plan):
    editor = api_client(token_for(EDITOR, ASKER))
    year = asker_plan.first_year
    observations = editor.get(f"{API}/plans/{asker_plan.pk}/observations?year={year}&limit=1000")
    assert {o["year"] for o in observations.json()["items"]} == {year}
    indicators = editor.get(f"{API}/indicators?year={year}&limit=1000").json()["items"]
    assert {r["year"] for i in indicators for r in i["results"]} == {year}


@pytest.mark.parametrize("url", LISTS + ["/plans/{plan}/observations"])
def test_the_query_count_of_a_list_does_not_grow_with_its_rows(asker_plan, url):
    editor = api_client(token_for(EDITOR, ASKER))
    url = API + url.format(plan=asker_plan.pk)
    editor.get(url)  # the token's last use is written once
    with CaptureQueriesContext(connection) as one:
        assert editor.get(url + "?limit=1").status_code == 200
    with CaptureQueriesContext(connection) as many:
        assert editor.get(url + "?limit=1000").status_code == 200
    assert len(many) == len(one), url


def test_only_published_snapshots_are_listed(asker_plan):
    editor = api_client(token_for(EDITOR, ASKER))
    listed = {s["id"] for s in editor.get(f"{API}/snapshots?limit=1000").json()["items"]}
    published = Report.objects.filter(plan__municipality__number=ASKER, state="published")
    assert listed == set(published.values_list("pk", flat=True))
    for draft in Report.objects.exclude(state="published").filter(plan=asker_plan):
        assert editor.get(f"{API}/snapshots/{draft.pk}").status_code == 404


# --- Writing --------------------------------------------------------------------------------


def many_indicators(plan, count):
    for n in range(count):
        Indicator.objects.create(
            municipality_id=plan.municipality_id,
            plan=plan,
            key=f"api-test-{n}",
            name=f"API-test {n}",
            unit="count",
            direction="up",
            source="manual",
        )


def test_a_thousand_observations_are_stored_in_one_request(asker_plan):
    many_indicators(asker_plan, 100)
    rows = [
        {"indicator": f"api-test-{n}", "year": year, "value": str(n * year)}
        for n in range(100)
        for year in range(asker_plan.first_year, asker_plan.first_year + 10)
    ]
    assert len(rows) == 1000
    editor = api_client(token_for(EDITOR, ASKER))
    response = post(editor, f"/plans/{asker_plan.pk}/observations", {"rows": rows})
    assert response.status_code == 200, response.content[:500]
    assert response.json()["created"] == 1000
    stored_values = Observation.objects.filter(indicator__key__startswith="api-test-")
    assert stored_values.count() == 1000
    assert stored_values.get(
        indicator__key="api-test-7", year=asker_plan.first_year
    ).value == Decimal(7 * asker_plan.first_year)


def test_one_bad_row_of_a_thousand_changes_nothing_and_the_error_names_it(asker_plan):
    many_indicators(asker_plan, 100)
    rows = [
        {"indicator": f"api-test-{n}", "year": year, "value": "1"}
        for n in range(100)
        for year in range(asker_plan.first_year, asker_plan.first_year + 10)
    ]
    rows[637] = {"indicator": "finnes-ikke", "year": asker_plan.first_year, "value": "1"}
    editor = api_client(token_for(EDITOR, ASKER))
    before = stored()
    response = post(editor, f"/plans/{asker_plan.pk}/observations", {"rows": rows})
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"row": 637, "field": "indicator", "message": UNKNOWN_INDICATOR.format(key="finnes-ikke")}
    ]
    assert stored() == before


def test_a_value_the_web_refuses_is_refused_with_the_web_s_message(asker_plan):
    percent = asker_plan.indicators.filter(unit="percent").first()
    editor = api_client(token_for(EDITOR, ASKER))
    rows = [{"indicator": percent.key, "year": asker_plan.first_year, "value": "150"}]
    before = stored()
    response = post(editor, f"/plans/{asker_plan.pk}/observations", {"rows": rows})
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {
            "row": 0,
            "field": "value",
            "message": "En andel i prosent må være mellom 0 og 100, ikke 150.",
        }
    ]
    assert stored() == before


def test_an_observation_changed_meanwhile_gives_409_and_changes_nothing(asker_plan):
    observation = Observation.objects.filter(indicator__plan=asker_plan).order_by("pk").first()
    editor = api_client(token_for(EDITOR, ASKER))
    other = (
        Observation.objects.filter(indicator__plan=asker_plan).exclude(pk=observation.pk).first()
    )
    rows = [
        {
            "indicator": other.indicator.key,
            "year": other.year,
            "value": str(other.value),
            "provisional": True,
        },
        {
            "indicator": observation.indicator.key,
            "year": observation.year,
            "value": str(observation.value),
            "provisional": not observation.provisional,
            "version": observation.version + 5,
        },
    ]
    before = stored()
    response = post(editor, f"/plans/{asker_plan.pk}/observations", {"rows": rows})
    assert response.status_code == 409
    assert response.json()["errors"] == [
        {"row": 1, "field": "version", "message": EDIT_CONFLICT_MESSAGE}
    ]
    assert stored() == before


def test_action_status_and_progress_are_set_in_bulk_by_key(asker_plan):
    period = ActionPeriod.objects.filter(plan=asker_plan).order_by("pk").first()
    actions = list(period.actions.order_by("pk")[:3])
    editor = api_client(token_for(EDITOR, ASKER))
    rows = [
        {"action": a.key, "status": "in_progress", "progress": 40, "version": a.version}
        for a in actions
    ]
    response = post(editor, f"/action-periods/{period.pk}/actions/status", {"rows": rows})
    assert response.status_code == 200, response.content
    for action in actions:
        action.refresh_from_db()
        assert (action.status, action.progress) == ("in_progress", 40)


def test_an_action_changed_meanwhile_gives_409_and_changes_nothing(asker_plan):
    period = ActionPeriod.objects.filter(plan=asker_plan).order_by("pk").first()
    first, second = period.actions.order_by("pk")[:2]
    editor = api_client(token_for(EDITOR, ASKER))
    rows = [
        {"action": first.key, "status": "done", "progress": 100, "version": first.version},
        {"action": second.key, "status": "done", "progress": 100, "version": second.version + 1},
    ]
    before = stored()
    response = post(editor, f"/action-periods/{period.pk}/actions/status", {"rows": rows})
    assert response.status_code == 409
    assert response.json()["errors"][0]["row"] == 1
    assert stored() == before


def test_a_bad_status_is_refused_in_norwegian_naming_the_row(asker_plan):
    period = ActionPeriod.objects.filter(plan=asker_plan).order_by("pk").first()
    action = period.actions.order_by("pk").first()
    editor = api_client(token_for(EDITOR, ASKER))
    rows = [{"action": action.key, "status": "tull", "progress": 10, "version": action.version}]
    before = stored()
    response = post(editor, f"/action-periods/{period.pk}/actions/status", {"rows": rows})
    assert response.status_code == 422
    [error] = response.json()["errors"]
    assert (error["row"], error["field"]) == (0, "status")
    assert "tull" in error["message"]
    assert stored() == before


@pytest.mark.parametrize(
    "path", ["/plans/{plan}/observations", "/action-periods/{period}/actions/status"]
)
def test_a_body_too_large_is_refused_with_413_in_norwegian_storing_nothing(
    asker_plan, settings, path
):
    """Found by schemathesis: a 3 MB body answered 500. Limit lowered to keep the test small."""
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 2**20
    period = ActionPeriod.objects.filter(plan=asker_plan).order_by("pk").first()
    editor = api_client(token_for(EDITOR, ASKER))
    rows = [{"indicator": "x", "action": "x", "year": 2024, "value": "1", "comment": "é" * 300}]
    before = stored()
    url = path.format(plan=asker_plan.pk, period=period.pk)
    response = post(editor, url, {"rows": rows * 2000})
    assert response.status_code == 413
    assert response.json() == {
        "detail": "Forespørselen er for stor (over 1,0 MB): ingenting er lagret. "
        "Send radene i flere mindre forespørsler.",
        "errors": [],
    }
    assert stored() == before


def test_input_ninja_refuses_comes_in_the_same_error_schema(asker_plan):
    editor = api_client(token_for(EDITOR, ASKER))
    response = post(editor, f"/plans/{asker_plan.pk}/observations", {"rows": [{"year": "x"}]})
    assert response.status_code == 422
    body = response.json()
    assert set(body) == {"detail", "errors"}
    assert {e["row"] for e in body["errors"]} == {0}


# --- The docs ---------------------------------------------------------------------------------


def test_the_docs_page_loads_nothing_from_outside_the_server(demo):
    response = api_client(None).get(f"{API}/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert "swagger-ui-bundle.js" in html
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html), html


def test_the_schema_is_served_by_the_server_and_declares_every_error(demo):
    schema = api_client(None).get(f"{API}/openapi.json").json()
    assert schema["openapi"].startswith("3.")
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            assert {"401", "404", "422"} <= set(operation["responses"]), (path, method)


def test_an_offset_past_what_the_database_holds_is_refused_not_a_500(demo):
    """Found by schemathesis: SQLite answered «datatype mismatch» to such an OFFSET."""
    response = api_client(token_for(EDITOR, ASKER)).get(
        "/api/v1/indicators?offset=57665643357722570431203003858944&limit=75"
    )
    assert response.status_code == 422
    assert response.json()["errors"]
