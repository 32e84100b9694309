"""The SSB fixtures of the statistics tests (real data, the code history built from the real
KLASS files, the local fake SSB server and clients wired to it), for the benchmark tests."""

from temaplan.statistics.tests.conftest import ssb_data  # noqa: F401
from temaplan.statistics.tests.fake_server_fixtures import (  # noqa: F401
    fake_ssb,
    fake_ssb_server,
    klass_client,
    pxweb_client,
    served_names,
)
from temaplan.statistics.tests.regions_fixtures import (  # noqa: F401
    changes,
    current_codes,
    history,
)
