"""Loading the embedded demo. Running it again changes nothing that is already as it should be.

The data is in `asker`, `asker_indicators` and `asker_actions` (records from `records`); the
loaders beside them (`load_plan`, `load_indicators`, `load_actions`) write it with `upsert`.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import transaction

from temaplan.accounts.models import Membership, Municipality
from temaplan.plans.models import Plan

from . import asker as data
from .load_actions import asker_actions_load
from .load_indicators import asker_indicators_load
from .load_kommune_nm import asker_kommune_nm_load
from .load_plan import municipality_load, plan_load
from .load_reports import asker_reports_load, asker_statement_load
from .upsert import upsert


def demo_users_load(*, password: str) -> list[str]:
    User = get_user_model()
    usernames = []
    for row in data.DEMO_USERS:
        user = User.objects.filter(username=row.username).first() or User(username=row.username)
        names = {"first_name": row.first_name, "last_name": row.last_name}
        if user.pk is None or any(getattr(user, k) != v for k, v in names.items()):
            for field, value in names.items():
                setattr(user, field, value)
            user.save()
        if not user.check_password(password):
            user.set_password(password)
            user.save(update_fields=["password"])
        municipality = Municipality.objects.get(number=row.municipality)
        upsert(Membership, {"user": user, "municipality": municipality}, {"role": row.role})
        usernames.append(row.username)
    return usernames


@transaction.atomic
def demo_load(*, password: str) -> dict[str, Plan]:
    """Asker (3203) with its plan, Bærum (3201) with a small one, the three demo users, and
    Asker's result reports (2020 published, 2021 a draft) and its part of the accessibility
    statement."""
    asker = municipality_load(data.ASKER)
    baerum = municipality_load(data.BAERUM)
    plans = {
        "asker": plan_load(asker, data.ASKER_PLAN),
        "baerum": plan_load(baerum, data.BAERUM_PLAN),
    }
    asker_indicators_load(plans["asker"])
    asker_actions_load(plans["asker"])
    asker_kommune_nm_load(plans["asker"])
    demo_users_load(password=password)
    asker_reports_load(plans["asker"])
    asker_statement_load(plans["asker"])
    return plans
