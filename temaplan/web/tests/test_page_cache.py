"""The cached page bodies (core.fragments) never show yesterday's rows: a change to any row a
page shows is there at the next request, even one written without a new version, and the day
turning is enough to mark an action «forfalt»."""

from datetime import datetime, time, timedelta

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from temaplan.actions.models import Action, BudgetAllocation
from temaplan.indicators.models import Indicator
from temaplan.testing.personas import READER

NEW = "Endret rett i databasen"


def first(queryset):
    """The first row's queryset, for an update that bypasses the services (and the version)."""
    return queryset.model.objects.filter(pk=queryset.order_by("pk").values_list("pk")[:1])


def actions(plan, **more):
    return Action.objects.filter(period__plan=plan, **more)


CHANGES = {
    "actions:list": lambda plan: first(actions(plan)).update(title=NEW),
    "indicators:table": lambda plan: first(Indicator.objects.filter(plan=plan)).update(name=NEW),
    "actions:budget": lambda plan: first(BudgetAllocation.objects.filter(plan=plan)).update(
        label=NEW
    ),
    "actions:roadmap": lambda plan: first(actions(plan, kind="study", phases__isnull=False)).update(
        title=NEW
    ),
}


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.mark.parametrize("page", list(CHANGES))
def test_a_change_to_a_shown_row_is_on_the_page_at_the_next_request(page, reader, asker_plan):
    url = reverse(page, args=[asker_plan.pk])
    assert NEW not in reader.get(url).content.decode()
    assert reader.get(url).status_code == 200  # now from the cache
    CHANGES[page](asker_plan)
    assert NEW in reader.get(url).content.decode()


def test_an_action_is_marked_late_the_day_after_its_due_date(client, asker_plan):
    today = timezone.localdate()
    first(actions(asker_plan, status="planned")).update(due_date=today)  # not late today
    url = reverse("actions:list", args=[asker_plan.pk])
    zone = timezone.get_current_timezone()
    # A minute before midnight and a minute after: the same rows, a new day, the same session.
    with time_machine.travel(datetime.combine(today, time(23, 59), zone), tick=False) as clock:
        client.force_login(get_user_model().objects.get(username=READER))
        before = client.get(url).content.decode().count("forfalt")
        clock.move_to(datetime.combine(today + timedelta(days=1), time(0, 1), zone))
        after = client.get(url).content.decode().count("forfalt")
    assert after == before + 1
