"""Action plan pages: personas for every view, filters, in-place status, conflicts, budget."""

from datetime import date
from decimal import Decimal

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from temaplan.actions.models import Action, ActionPeriod, ActionStatusChange, BudgetAllocation
from temaplan.actions.tests.test_budget_pages import BUDGET_ENDPOINTS
from temaplan.actions.tests.test_meeting_pages import MEETING_ENDPOINTS
from temaplan.actions.tests.test_partner_pages import AGREEMENT_ENDPOINTS
from temaplan.actions.tests.test_period_pages import PERIOD_ENDPOINTS
from temaplan.actions.tests.test_study_pages import STUDY_ENDPOINTS
from temaplan.core.versioning import EDIT_CONFLICT_MESSAGE
from temaplan.testing.personas import (
    EDITOR,
    READER,
    Endpoint,
    assert_allowed,
    assert_not_found,
    assert_read_only,
    assert_sent_to_login,
    call,
    client_for,
    endpoint_id,
    second_editor,
    url_names,
)

from .test_plan_excel_views import PLAN_EXCEL_ENDPOINTS

HTMX = {"HTTP_HX_REQUEST": "true"}


def period(plan) -> ActionPeriod:
    return plan.action_periods.get(name="2022/23")


def an_action(plan, key="a05") -> Action:
    action = Action.objects.filter(period__plan=plan, key__startswith=key).first()
    assert action is not None, key
    return action


def a_study(plan) -> Action:
    study = Action.objects.filter(period__plan=plan, kind="study").order_by("priority").first()
    assert study is not None
    return study


def new_action(plan):
    return {
        "key": "ny-test",
        "title": "Nytt tiltak",
        "kind": "time_bound",
        "status": "planned",
        "weight": "1",
        "version": "",
    }


def edited(plan):
    action = an_action(plan)
    return {
        "key": action.key,
        "title": "Endret tittel",
        "kind": action.kind,
        "status": action.status,
        "weight": "1",
        "version": action.version,
    }


ENDPOINTS = [
    Endpoint("list", "get", False, lambda p: reverse("actions:list", args=[p.pk])),
    Endpoint("roadmap", "get", False, lambda p: reverse("actions:roadmap", args=[p.pk])),
    Endpoint("budget", "get", False, lambda p: reverse("actions:budget", args=[p.pk])),
    Endpoint("partners", "get", False, lambda p: reverse("actions:partners", args=[p.pk])),
    Endpoint("dialogue", "get", False, lambda p: reverse("actions:dialogue", args=[p.pk])),
    Endpoint("focus_area", "get", False, lambda p: reverse("actions:focus_area", args=[p.pk, 1])),
    Endpoint("create", "get", True, lambda p: reverse("actions:create", args=[period(p).pk])),
    Endpoint(
        "create", "post", True, lambda p: reverse("actions:create", args=[period(p).pk]), new_action
    ),
    Endpoint(
        "excel_export", "get", False, lambda p: reverse("actions:excel_export", args=[period(p).pk])
    ),
    Endpoint(
        "excel_import", "get", True, lambda p: reverse("actions:excel_import", args=[period(p).pk])
    ),
    Endpoint("detail", "get", False, lambda p: reverse("actions:detail", args=[a_study(p).pk])),
    Endpoint("edit", "get", True, lambda p: reverse("actions:edit", args=[an_action(p).pk])),
    Endpoint(
        "edit", "post", True, lambda p: reverse("actions:edit", args=[an_action(p).pk]), edited
    ),
    Endpoint("status", "get", True, lambda p: reverse("actions:status", args=[an_action(p).pk])),
    Endpoint(
        "status",
        "post",
        True,
        lambda p: reverse("actions:status", args=[an_action(p).pk]),
        lambda p: {"status": "done", "progress": "100", "version": an_action(p).version},
    ),
]


def snapshot():
    return (
        list(Action.objects.order_by("pk").values_list("pk", "title", "status", "version")),
        ActionStatusChange.objects.count(),
    )


def test_the_tables_cover_every_action_view():
    tables = (
        ENDPOINTS
        + PLAN_EXCEL_ENDPOINTS
        + PERIOD_ENDPOINTS
        + BUDGET_ENDPOINTS
        + AGREEMENT_ENDPOINTS
        + MEETING_ENDPOINTS
        + STUDY_ENDPOINTS
    )
    assert url_names("actions") == {e.name for e in tables}


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=endpoint_id)
def test_anonymous_visitors_are_sent_to_login(anonymous, asker_plan, endpoint):
    assert_sent_to_login(call(anonymous, endpoint, asker_plan))


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=endpoint_id)
def test_the_editor_of_another_municipality_gets_404(outsider, asker_plan, endpoint):
    before = snapshot()
    assert_not_found(call(outsider, endpoint, asker_plan))
    assert snapshot() == before


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=endpoint_id)
def test_the_read_only_member_reads_but_gets_403_on_every_write(reader, asker_plan, endpoint):
    before = snapshot()
    assert_read_only(call(reader, endpoint, asker_plan), endpoint)
    assert snapshot() == before


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=endpoint_id)
def test_the_editor_may_do_everything(editor, asker_plan, endpoint):
    assert_allowed(call(editor, endpoint, asker_plan))


def test_the_demo_period_shows_its_top_ten_anchored_in_the_executive_committee(reader, asker_plan):
    url = reverse("actions:list", args=[asker_plan.pk])
    top = reader.get(url, {"topp": "on"}).context["actions"]
    assert len(top) == 10
    assert {(a.anchored_body, a.anchored_on) for a in top} == {("Formannskapet", date(2022, 1, 11))}
    assert sum(1 for a in top if a.kind == "study") == 4
    assert [a.priority for a in top] == list(range(1, 11))


@pytest.mark.parametrize(
    "params, check",
    [
        ({"status": "cancelled"}, lambda a: a.status == "cancelled"),
        ({"type": "driver"}, lambda a: a.kind == "driver"),
        (
            {"ansvarlig": "næring"},
            lambda a: "næring" in (a.responsible_unit + a.responsible_person).lower(),
        ),
        (
            {"forfalt": "on"},
            lambda a: a.due_date < date.today() and a.status not in ("done", "cancelled"),
        ),
    ],
)
def test_the_list_filters(reader, asker_plan, params, check):
    actions = reader.get(reverse("actions:list", args=[asker_plan.pk]), params).context["actions"]
    assert actions and all(check(a) for a in actions)


def test_the_list_for_a_focus_area_filter(reader, asker_plan):
    area = asker_plan.focus_areas.get(number=3)
    actions = reader.get(
        reverse("actions:list", args=[asker_plan.pk]), {"innsatsomrade": area.pk}
    ).context["actions"]
    assert actions and all(a.focus_area_id == area.pk for a in actions)


def test_the_rollup_on_the_page_says_how_it_is_computed(reader, asker_plan):
    page = reader.get(reverse("actions:list", args=[asker_plan.pk])).content.decode()
    assert "Samlet framdrift" in page and "Slik er tallet regnet ut" in page
    assert "avlyst" in page.lower() and "uten rapportert framdrift" in page.lower()


def test_an_editor_changes_status_and_progress_in_place(editor, asker_plan):
    action = an_action(asker_plan)
    url = reverse("actions:status", args=[action.pk])
    form = editor.get(url, **HTMX)
    assert form.content.decode().lstrip().startswith('<section id="status"')
    response = editor.post(
        url,
        {
            "status": "in_progress",
            "progress": "40",
            "comment": "Godt i gang",
            "version": action.version,
        },
        **HTMX,
    )
    assert response.status_code == 200
    action.refresh_from_db()
    assert (action.status, action.progress) == ("in_progress", 40)
    latest = action.status_changes.order_by("-changed_at", "-id").first()
    assert (latest.comment, latest.changed_by.username) == ("Godt i gang", EDITOR)
    assert "Godt i gang" in response.content.decode()


@pytest.mark.parametrize(
    "data, message",
    [
        ({"progress": "140"}, "Framdriften er mellom 0 og 100 %."),
        ({"progress": "mye"}, "Framdriften er et helt tall fra 0 til 100."),
        ({"status": "ferdigish"}, "Velg et gyldig valg"),
    ],
)
def test_bad_status_input_is_refused_and_changes_nothing(editor, asker_plan, data, message):
    action = an_action(asker_plan)
    before = snapshot()
    response = editor.post(
        reverse("actions:status", args=[action.pk]),
        {"status": "done", "version": action.version, **data},
        **HTMX,
    )
    assert response.status_code == 422
    assert message in response.content.decode()
    assert snapshot() == before


def test_two_editors_changing_the_same_action_do_not_overwrite_each_other(editor, asker_plan):
    other = second_editor(asker_plan.municipality)
    action = an_action(asker_plan)
    url = reverse("actions:status", args=[action.pk])
    version = action.version
    assert (
        editor.post(
            url, {"status": "done", "progress": "100", "comment": "Ferdig", "version": version}
        ).status_code
        == 302
    )
    response = other.post(url, {"status": "cancelled", "version": version}, **HTMX)
    assert response.status_code == 409
    assert EDIT_CONFLICT_MESSAGE in response.content.decode()
    action.refresh_from_db()
    assert action.status == "done"


def test_a_due_date_before_the_start_is_refused(editor, asker_plan):
    data = {**new_action(asker_plan), "start_date": "2023-05-01", "due_date": "2023-01-01"}
    response = editor.post(reverse("actions:create", args=[period(asker_plan).pk]), data)
    assert response.status_code == 422
    assert response.context["form"].errors["due_date"] == ["Fristen kan ikke være før starten."]


def test_a_study_whose_case_date_has_passed_without_decision_is_flagged(reader, asker_plan):
    study = Action.objects.get(
        period__plan=asker_plan, kind="study", title__startswith="Næringsutviklingsfond"
    )
    case = study.political_cases.get(outcome="pending")
    with time_machine.travel(case.planned_date, tick=False):
        before = client_for(READER).get(reverse("actions:detail", args=[study.pk]))
    with time_machine.travel(date.fromordinal(case.planned_date.toordinal() + 1), tick=False):
        after = client_for(READER).get(reverse("actions:detail", args=[study.pk]))
    before, after = before.content.decode(), after.content.decode()
    planned = case.planned_date.strftime("%d.%m.%Y")
    assert f"var planlagt {planned} og er ikke behandlet" not in before
    assert f"var planlagt {planned} og er ikke behandlet" in after


def test_the_budget_warns_when_allocations_exceed_the_frame(reader, asker_plan):
    BudgetAllocation.objects.create(
        municipality=asker_plan.municipality,
        plan=asker_plan,
        year=2022,
        label="Ekstra",
        amount=Decimal("2000000"),
    )
    page = reader.get(reverse("actions:budget", args=[asker_plan.pk])).content.decode()
    assert "over den vedtatte rammen på 9,6" in page


def test_the_budget_page_shows_the_frame_with_two_fte_and_the_proposal(reader, asker_plan):
    years = {
        y.year: y
        for y in reader.get(reverse("actions:budget", args=[asker_plan.pk])).context["years"]
    }
    assert years[2022].decided.amount == Decimal("9600000") and years[2022].decided.fte == 2
    assert years[2023].proposed.amount == Decimal("10600000")
    for year in years.values():
        assert year.allocated == sum((a.amount for a in year.allocations), Decimal(0))


def test_the_partner_register_warns_90_days_before_an_agreement_ends(reader, asker_plan):
    agreement = asker_plan.partner_agreements.order_by("end_date").last()
    with time_machine.travel(date.fromordinal(agreement.end_date.toordinal() - 30), tick=False):
        reader = client_for(READER)  # a session that has not expired on that day
        page = reader.get(reverse("actions:partners", args=[asker_plan.pk])).content.decode()
    assert "utløper om 30 dager" in page


def test_the_roadmap_has_a_chart_and_a_table(reader, asker_plan):
    page = reader.get(reverse("actions:roadmap", args=[asker_plan.pk])).content.decode()
    assert '<svg role="img" aria-labelledby="roadmap-title"' in page
    assert "Veikartet som tabell" in page and "Politisk sak (SAK)" in page


def test_the_action_list_for_1000_actions_makes_at_most_15_queries(editor, asker_plan):
    p = period(asker_plan)
    areas = list(asker_plan.focus_areas.all())
    Action.objects.bulk_create(
        Action(
            municipality=asker_plan.municipality,
            period=p,
            key=f"bulk-{i}",
            title=f"Tiltak {i}",
            focus_area=areas[i % len(areas)],
            progress=i % 101,
        )
        for i in range(1000 - Action.objects.filter(period__plan=asker_plan).count())
    )
    assert Action.objects.filter(period__plan=asker_plan).count() == 1000
    with CaptureQueriesContext(connection) as captured:
        response = editor.get(reverse("actions:list", args=[asker_plan.pk]))
    assert response.status_code == 200 and len(response.context["actions"]) == 1000
    assert len(captured) <= 15, [q["sql"][:80] for q in captured]


def test_an_action_s_weight_is_shown_and_read_the_norwegian_way(editor, asker_plan):
    action = an_action(asker_plan)
    Action.objects.filter(pk=action.pk).update(weight=Decimal("1.50"))
    page = editor.get(reverse("actions:edit", args=[action.pk])).content.decode()
    assert 'name="weight" value="1,5"' in page and 'inputmode="decimal"' in page
    data = {**edited(asker_plan), "weight": "2,25"}
    assert editor.post(reverse("actions:edit", args=[action.pk]), data).status_code == 302
    action.refresh_from_db()
    assert action.weight == Decimal("2.25")
