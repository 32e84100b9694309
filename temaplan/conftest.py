"""Shared fixtures: the demo, loaded once per test database, and the personas every view is
tested with (defined in temaplan.testing.personas, registered here for every test):

- editor:    asker-redaktor, editor in Asker (3203)
- reader:    asker-leser, read-only member of Asker
- outsider:  baerum-redaktor, editor in Bærum (3201), a stranger to Asker's rows
- anonymous: nobody logged in
"""

import pytest

from temaplan.demo.services import demo_load
from temaplan.testing.personas import (  # noqa: F401 (fixtures registered for every test)
    anonymous,
    asker_plan,
    baerum_plan,
    client_for,
    demo,
    editor,
    outsider,
    reader,
)

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
