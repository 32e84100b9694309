"""The plan page costs the same number of SQL queries however large the plan is."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from temaplan.plans.models import Ambition, FocusArea, Plan, Premise, Strategy

MAX_QUERIES = 10


def plan_ten_times_the_demo(municipality) -> Plan:
    plan = Plan.objects.create(
        municipality=municipality, name="Stor plan", first_year=2020, last_year=2040
    )
    owned = {"plan": plan, "municipality": municipality}
    Ambition.objects.bulk_create(
        Ambition(**owned, position=i, text=f"Ambisjon {i}") for i in range(50)
    )
    areas = FocusArea.objects.bulk_create(
        FocusArea(
            **owned,
            number=i + 1,
            position=i,
            name=f"Område {i + 1}",
            influence=i % 5 + 1,
            importance=(i // 5) % 5 + 1,
        )
        for i in range(80)
    )
    Strategy.objects.bulk_create(
        Strategy(
            **owned,
            focus_area=areas[i % 80],
            code=f"{i % 80 + 1}.{i // 80 + 1}",
            position=i,
            text=f"Strategi {i}",
        )
        for i in range(430)
    )
    Premise.objects.bulk_create(
        Premise(**owned, position=i, name=f"Premiss {i}", influence=1, importance=5)
        for i in range(20)
    )
    return plan


def queries_for(client, plan) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("plans:plan_detail", args=[plan.pk]))
    assert response.status_code == 200
    return len(captured)


def test_the_plan_page_makes_as_few_queries_for_a_plan_ten_times_the_demo(editor, asker_plan):
    large = plan_ten_times_the_demo(asker_plan.municipality)
    assert large.strategies.count() == 430
    demo_queries = queries_for(editor, asker_plan)
    large_queries = queries_for(editor, large)
    assert demo_queries == large_queries
    assert demo_queries <= MAX_QUERIES
