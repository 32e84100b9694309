"""`temaplan demo` loads Asker and Bærum from the seed plan; running it again changes nothing."""

import pytest
from django.contrib.auth import get_user_model
from django.core import serializers
from django.core.management import CommandError, call_command
from django.db.models import Model

from temaplan.accounts.models import Membership, Municipality
from temaplan.demo.management.commands.demo import REFUSED_WITHOUT_DEBUG
from temaplan.plans.models import Ambition, FocusArea, Plan, Premise, Strategy

MODELS: list[type[Model]] = [Municipality, Membership, Plan, Ambition, FocusArea, Strategy, Premise]


def snapshot() -> str:
    rows = []
    for model in [get_user_model(), *MODELS]:
        rows.append(serializers.serialize("json", model._default_manager.order_by("pk")))
        history = getattr(model, "history", None)
        if history is not None:
            rows.append(str(history.count()))
    return "\n".join(rows)


def test_the_demo_has_the_asker_plan_of_the_seed(asker_plan):
    assert asker_plan.municipality.number == "3203"
    assert (asker_plan.first_year, asker_plan.last_year) == (2020, 2032)
    assert asker_plan.ambitions.count() == 5
    assert [a.name for a in asker_plan.focus_areas.order_by("number")] == [
        "Eksisterende næringer",
        "Gründerskap og innovasjonsmiljøer",
        "Landbruk",
        "Opplevelsesnæringer",
        "Nye næringer",
        "Grønn konkurransekraft",
        "Samarbeid og nettverk",
        "Omdømme og synlighet",
    ]
    assert asker_plan.strategies.count() == 43
    assert list(asker_plan.premises.values_list("name", flat=True)) == [
        "Infrastruktur og samferdsel",
        "Arealer og arealbestemmelser",
    ]


def test_what_the_presentation_does_not_give_is_marked_as_example(asker_plan):
    assert not asker_plan.strategies.filter(is_example=False).exists()
    assert not asker_plan.focus_areas.filter(placement_is_example=False).exists()
    assert "Eksempel" in Plan.objects.get(municipality__number="3201").name


def test_the_demo_has_three_users_in_two_municipalities(demo):
    roles = set(Membership.objects.values_list("user__username", "municipality__number", "role"))
    assert roles == {
        ("asker-redaktor", "3203", "editor"),
        ("asker-leser", "3203", "viewer"),
        ("baerum-redaktor", "3201", "editor"),
    }


def test_running_the_demo_twice_gives_the_same_database(demo, settings):
    settings.DEBUG = True
    call_command("demo", stdout=open("/dev/null", "w"))
    before = snapshot()
    call_command("demo", stdout=open("/dev/null", "w"))
    assert snapshot() == before


def test_the_demo_password_comes_from_the_setting(demo, settings):
    settings.DEBUG = True
    settings.TEMAPLAN_DEMO_PASSWORD = "hemmelig-demo"
    call_command("demo", stdout=open("/dev/null", "w"))
    assert get_user_model().objects.get(username="asker-leser").check_password("hemmelig-demo")


def test_the_demo_refuses_to_run_with_debug_off(db, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG er av"):
        call_command("demo")
    assert REFUSED_WITHOUT_DEBUG.startswith("Demoen lastes ikke")


def test_the_demo_runs_with_debug_off_when_forced(db, settings):
    settings.DEBUG = False
    call_command("demo", "--force", stdout=open("/dev/null", "w"))
    assert Plan.objects.filter(municipality__number="3203").count() == 1


def test_asker_has_filled_in_its_accessibility_statement_and_baerum_has_not(demo):
    from temaplan.demo.asker import EXAMPLE
    from temaplan.reports.models import AccessibilityStatement

    asker = AccessibilityStatement.objects.get(municipality__number="3203")
    assert asker.contact_email == "postmottak@asker.kommune.no" and asker.evaluated
    assert all(
        text.startswith(EXAMPLE) for text in (asker.contact_unit, asker.evaluated_by)
    ) and all(line.startswith(EXAMPLE) for line in asker.deviation_lines())
    assert not AccessibilityStatement.objects.filter(municipality__number="3201").exists()


def test_loading_the_statement_again_writes_nothing(demo):
    from temaplan.demo.services import demo_load
    from temaplan.reports.models import AccessibilityStatement

    before = list(AccessibilityStatement.objects.values_list())
    history = AccessibilityStatement.history.count()
    demo_load(password="demo")
    assert list(AccessibilityStatement.objects.values_list()) == before  # updated_at too
    assert AccessibilityStatement.history.count() == history
