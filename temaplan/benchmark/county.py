"""County ranks from national ranks, at the county map of an edition's date. No Django import.

NHO ranks every municipality nationally; a municipality's place in its county follows from the
national ranks of the county's municipalities as the county was on the edition's date. When
only some of them are known (a slide with six municipalities), the rank is a rank among those,
and says so, instead of claiming a place in the whole county.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from temaplan.statistics.counties import county_name

FULL_RANK = "{rank}. av {of} i {county}"
PARTIAL_RANK = "{rank}. av de {of} kommunene i {county} vi har tall for"
ONLY_ONE = "den eneste kommunen i {county} vi har tall for"
UNKNOWN_COUNTY_NAME = "fylke {number} (fantes ikke på denne datoen)"


@dataclass(frozen=True)
class Ranked:
    """A municipality's national rank: code as valid on the day of the ranking."""

    code: str
    name: str
    rank: int


@dataclass(frozen=True)
class CountyRank:
    code: str
    name: str
    national_rank: int
    county_number: str
    county_name: str
    rank: int  # 1 + the number of the county's municipalities ranked strictly better
    of: int  # the county's municipalities with a national rank here
    county_size: int | None  # how many municipalities the county had, when known

    @property
    def complete(self) -> bool:
        """Whether every municipality of the county is ranked, so `rank` is the county rank."""
        return self.county_size is not None and self.of >= self.county_size

    @property
    def text(self) -> str:
        if self.of == 1 and not self.complete:
            return ONLY_ONE.format(county=self.county_name)
        template = FULL_RANK if self.complete else PARTIAL_RANK
        return template.format(rank=self.rank, of=self.of, county=self.county_name)


def county_of_code(code: str) -> str:
    """The county number of a municipality code valid on the day asked: its first two digits,
    in every era (SSB)."""
    return code[:2]


def county_ranks(
    ranked: Iterable[Ranked],
    *,
    at: date,
    county_sizes: Mapping[str, int] | None = None,
    county_of: Callable[[str], str] = county_of_code,
) -> dict[str, CountyRank]:
    """Every ranked municipality's place in its county on `at`, by code.

    `county_sizes` (county number → municipalities then) tells whether a county is fully
    covered; without it no rank claims to be the whole county's. Ties share a place (two
    municipalities with the same national rank are both 3rd; the next is 5th).
    """
    members: dict[str, list[Ranked]] = defaultdict(list)
    for entry in ranked:
        members[county_of(entry.code)].append(entry)
    result = {}
    for county, entries in members.items():
        try:
            name = county_name(county, at)
        except ValueError:  # a number from another era's county, stored without checks
            name = UNKNOWN_COUNTY_NAME.format(number=county)
        size = (county_sizes or {}).get(county)
        for entry in entries:
            better = sum(1 for other in entries if other.rank < entry.rank)
            result[entry.code] = CountyRank(
                code=entry.code,
                name=entry.name,
                national_rank=entry.rank,
                county_number=county,
                county_name=name,
                rank=better + 1,
                of=len(entries),
                county_size=size,
            )
    return result


def sizes_from_codes(codes: Iterable[str]) -> dict[str, int]:
    """County number → number of municipalities, from a list of the codes valid on a day."""
    sizes: dict[str, int] = defaultdict(int)
    for code in codes:
        sizes[county_of_code(code)] += 1
    return dict(sizes)
