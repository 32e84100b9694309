from datetime import date, datetime

import pytest

from temaplan.core.dates import date_and_time, long_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (datetime(2026, 12, 3, 6, 15), "3. desember 2026 kl. 06.15"),
        (datetime(2026, 1, 31, 23, 5), "31. januar 2026 kl. 23.05"),
        (datetime(2025, 5, 17, 0, 0), "17. mai 2025 kl. 00.00"),
        (None, "–"),
    ],
)
def test_a_moment_is_written_with_the_month_in_words_and_kl(value, expected):
    assert date_and_time(value) == expected


@pytest.mark.parametrize(("value", "expected"), [(date(2026, 3, 1), "1. mars 2026"), (None, "–")])
def test_a_date_is_written_with_the_month_in_words(value, expected):
    assert long_date(value) == expected
