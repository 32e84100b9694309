"""Schemathesis against the API in-process, with the schema the server itself serves: every
operation, every check (no server error, every answer as the schema declares), with an
editor's token for Asker. `make check-api` runs the same against a running server."""

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import negative_data_rejection, positive_data_acceptance

from config.wsgi import application
from temaplan.testing.personas import ASKER, EDITOR

from .support import token_for

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)


@pytest.fixture
def secret(demo):
    return token_for(EDITOR, ASKER)


@pytest.fixture(autouse=True)
def the_test_s_connection_stays_open():
    """Schemathesis calls the WSGI application itself, whose request signals close the
    database connection after every request, as in production; the test's transaction lives
    on that connection (on PostgreSQL it was closed under the next case). Django's test
    client disconnects the same handler."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=15,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_every_operation_answers_as_its_schema_says(case, secret):
    # A bulk write whose rows are valid JSON may still name an indicator or action the plan
    # does not have: that is a refusal (422 naming the row), not a rejected valid request.
    # The token is sent with every case, so a case made «negative» only by a missing
    # Authorization header is a valid request: the 401s are tested in test_api.py.
    excluded = [negative_data_rejection]
    if case.method == "POST":
        excluded.append(positive_data_acceptance)
    case.call_and_validate(headers={"Authorization": f"Bearer {secret}"}, excluded_checks=excluded)
