"""Schemathesis against the API in-process, with the schema the server itself serves: every
operation, every check (no server error, every answer as the schema declares, schema-invalid
input refused, schema-valid input accepted; schemathesis.toml at the root says which 4xx a
bulk write may give to a well-formed body), and the stateful test that follows the schema's
links (api/links.py), with an editor's token for Asker. `make check-api` runs the same
against a running server, with more examples."""

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from hypothesis.stateful import run_state_machine_as_test

from config.wsgi import application
from temaplan.accounts.models import Membership
from temaplan.testing.personas import ASKER, EDITOR

from ..models import ApiToken
from ..tokens import PREFIX_LENGTH, digest_of, token_create

# A fixed secret, known before any test runs: schemathesis is told the header when the schema
# is loaded, so it sends it with every case and never counts a request as «invalid» because it
# left the header out (the 401s are tested in test_api.py). The token itself, in the test
# database, is made by the fixture below.
SECRET = "tp_schemathesis-in-process-test-token-0123456789"
AUTHORIZATION = {"Authorization": f"Bearer {SECRET}"}

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
schema.config.update(headers=AUTHORIZATION)

# Few examples: this runs in `make test` on SQLite and PostgreSQL; `make check-api` runs more.
FEW = settings(
    max_examples=15,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)


@pytest.fixture
def secret(demo):
    membership = Membership.objects.get(user__username=EDITOR, municipality__number=ASKER)
    token, _ = token_create(
        user=membership.user, municipality=membership.municipality, name="schemathesis"
    )
    ApiToken.objects.filter(pk=token.pk).update(
        prefix=SECRET[:PREFIX_LENGTH], digest=digest_of(SECRET)
    )
    return SECRET


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
@FEW
def test_every_operation_answers_as_its_schema_says(case, secret):
    case.call_and_validate(headers=AUTHORIZATION)


class Workflow(schema.as_state_machine()):  # type: ignore[misc]
    """Calls chained by the schema's links: a plan, its indicators, an action's status."""

    def get_call_kwargs(self, case):
        return {"headers": AUTHORIZATION}


def test_the_links_lead_from_answer_to_answer_as_the_schema_says(secret):
    run_state_machine_as_test(
        Workflow,
        settings=settings(FEW, max_examples=20, stateful_step_count=10),
    )
