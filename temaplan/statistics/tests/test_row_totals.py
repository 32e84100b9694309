"""Row sums of a home × work table, and when a downloaded file's rows are whole. Pure."""

import numpy as np
import pytest

from temaplan.statistics.row_totals import RowTotal, incomplete_years, row_totals

NAN = float("nan")


def columns(rows):
    """(home, work, year, content, value) rows to the long-form columns row_totals takes."""
    homes, works, years, contents, values = zip(*rows, strict=True)
    return (
        np.array(homes),
        np.array(works),
        np.array(years),
        np.array(contents),
        np.array(values, dtype=float),
    )


@pytest.mark.parametrize(
    "rows, expected",
    [
        pytest.param(
            [("0220", "0220", 2019, "S", 10), ("0220", "0301", 2019, "S", 5)],
            [RowTotal("S", "0220", 2019, 15.0)],
            id="a row sums every work region",
        ),
        pytest.param(
            [("0220", "0220", 2019, "S", 10), ("0220", "2111", 2019, "S", 1)],
            [RowTotal("S", "0220", 2019, 11.0)],
            id="pseudo-regions with four digits (Svalbard) count",
        ),
        pytest.param(
            [
                ("0220", "0220", 2019, "S", 10),
                ("0220", "0", 2019, "S", 99),
                ("0220", "30", 2019, "S", 9),
            ],
            [RowTotal("S", "0220", 2019, 10.0)],
            id="the national and county aggregates are left out",
        ),
        pytest.param(
            [("0220", "0220", 2019, "S", 10), ("0220", "0301", 2019, "S", NAN)],
            [RowTotal("S", "0220", 2019, None)],
            id="a missing cell makes the row sum missing, not short",
        ),
        pytest.param(
            [
                ("0220", "0220", 2019, "S", 1),
                ("0220", "0220", 2020, "S", 2),
                ("0627", "0220", 2019, "S", 4),
                ("0220", "0220", 2019, "T", 8),
            ],
            [
                RowTotal("S", "0220", 2019, 1.0),
                RowTotal("S", "0220", 2020, 2.0),
                RowTotal("S", "0627", 2019, 4.0),
                RowTotal("T", "0220", 2019, 8.0),
            ],
            id="each content, home region and year has its own sum",
        ),
        pytest.param(
            [("Hele landet", "0220", 2019, "S", 1)], [], id="a home that is no region gives nothing"
        ),
    ],
)
def test_row_totals_sum_each_home_region_over_every_work_region(rows, expected):
    assert row_totals(*columns(rows)) == expected


def square(codes, year=2019):
    return [(h, w, year, "S", 1) for h in codes for w in codes]


COUNTRY = frozenset(f"{n:04d}" for n in range(1, 201))


@pytest.mark.parametrize(
    "rows, valid, expected",
    [
        pytest.param(square(sorted(COUNTRY)), COUNTRY, {}, id="the whole country is whole"),
        pytest.param(
            square(sorted(COUNTRY - {"0200"})),
            COUNTRY,
            {},
            id="one code of two hundred missing is tolerated (Rindal 2019 in SSB's export)",
        ),
        pytest.param(
            square(sorted(COUNTRY - {"0199", "0200", "0198"})),
            COUNTRY,
            {2019: "3 av 200 kommuner mangler som arbeidssted (0198, 0199, 0200)"},
            id="more than one per cent missing is not whole",
        ),
        pytest.param(
            square(["0001", "0002"]),
            COUNTRY,
            {
                2019: "198 av 200 kommuner mangler som arbeidssted "
                "(0003, 0004, 0005, 0006, 0007 og 193 til)"
            },
            id="a selection of a few municipalities is not whole even when square",
        ),
        pytest.param(
            [(h, w, 2019, "S", 1) for h in ["0001", "0002"] for w in sorted(COUNTRY - {"0002"})],
            COUNTRY,
            {2019: "bostedskommune 0002 mangler som arbeidssted"},
            id="a home region missing as a work region is not whole",
        ),
        pytest.param(
            square(sorted(COUNTRY)),
            None,
            {2019: "kommuneinndelingen det året er ukjent"},
            id="an unknown year is not whole",
        ),
    ],
)
def test_incomplete_years_say_why_a_file_s_rows_are_not_whole(rows, valid, expected):
    homes, works, years, _contents, _values = columns(rows)
    assert incomplete_years(homes, works, years, lambda year: valid) == expected
