"""Shared fixtures: the demo municipalities and the three personas every view is tested with.

- editor:   asker-redaktor, editor in Asker (3203)
- reader:   asker-leser, read-only member of Asker
- outsider: baerum-redaktor, editor in Bærum (3201), a stranger to Asker's rows
"""

import pytest
from django.test import Client

from temaplan.demo.services import demo_load

ASKER_PLAN_NAME = "Temaplan næring 2020–2032"


# Tests need no slow password hashing; the demo loaded once below must use the same hasher.
FAST_HASHING = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = FAST_HASHING


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the demo once into the test database; each test then runs in a rolled-back
    transaction on top of it. (Transactional tests, which pytest-django runs last, flush it
    and load what they need themselves.)"""
    from django.test import override_settings

    with django_db_blocker.unblock(), override_settings(PASSWORD_HASHERS=FAST_HASHING):
        demo_load(password="demo")


@pytest.fixture
def demo(db):
    from temaplan.plans.models import Plan

    plans = {
        "asker": Plan.objects.filter(municipality__number="3203").order_by("pk").first(),
        "baerum": Plan.objects.filter(municipality__number="3201").order_by("pk").first(),
    }
    if None in plans.values():
        plans = demo_load(password="demo")
    return plans


@pytest.fixture
def asker_plan(demo):
    return demo["asker"]


@pytest.fixture
def baerum_plan(demo):
    return demo["baerum"]


def client_for(username: str | None) -> Client:
    from django.contrib.auth import get_user_model

    client = Client()
    if username:
        client.force_login(get_user_model().objects.get(username=username))
    return client


@pytest.fixture
def editor(demo) -> Client:
    return client_for("asker-redaktor")


@pytest.fixture
def reader(demo) -> Client:
    return client_for("asker-leser")


@pytest.fixture
def outsider(demo) -> Client:
    return client_for("baerum-redaktor")


@pytest.fixture
def anonymous(demo) -> Client:
    return client_for(None)
