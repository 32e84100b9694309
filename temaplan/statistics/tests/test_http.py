"""The shared HTTP layer (http.py): the rate limiter and Retry-After."""

from __future__ import annotations

import pytest

from devtools.fake_ssb import FakeClock
from temaplan.statistics.http import RateLimiter, parse_retry_after


def test_the_rate_limiter_waits_for_the_window() -> None:
    clock = FakeClock(start=0)
    limiter = RateLimiter(30, 60, clock=clock, sleep=clock.sleep)
    waits = [limiter.acquire() for _ in range(31)]
    assert waits[:30] == [0.0] * 30
    assert waits[30] == pytest.approx(60.0)


@pytest.mark.parametrize(
    ("header", "seconds"),
    [("7", 7.0), ("0", 0.0), ("Tue, 14 Nov 2023 22:13:25 GMT", 5.0), ("soon", None), (None, None)],
)
def test_retry_after_reads_seconds_and_http_dates(header: str | None, seconds: float | None):
    assert parse_retry_after(header, now=1_700_000_000.0) == seconds
