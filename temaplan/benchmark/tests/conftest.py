"""The SSB fixtures of the statistics tests (real data, the local fake SSB server and clients
wired to it), for the index tests that sync from SSB."""

from temaplan.statistics.tests.conftest import ssb_data  # noqa: F401
from temaplan.statistics.tests.fake_server_fixtures import (  # noqa: F401
    fake_ssb,
    fake_ssb_server,
    klass_client,
    pxweb_client,
)
