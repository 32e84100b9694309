"""Asker's Kommune-NM figures, as the plan presentation gives them (seed-plan.md).

The slide «NHO Kommune-NM 2021 (2020-tall)» gives the 2021 edition for Asker and five peers,
with the 2020 edition's rank in brackets and the five theme ranks. The bracket figures are
NHO's restatement in the 2021 edition: for Bærum the slide gives 3, where NHO's 2020 list as
first published has 2. The 2020 edition as first published is therefore Bærum's 2 from NHO's
list, Asker's 13 from the indicator slide, and the bracket figures for the other four (the
only figures we have; NHO may have restated them too). Asker's overall ranks 2017–2018
(editions 2018–2019) come from the indicator slide.

Pure data; `load_kommune_nm.py` loads it. Codes are as valid in each edition.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

INDICATOR_SLIDE = "Indikatorlysbildet i planpresentasjonen (mai 2022)"
EDITION_SLIDE = "Lysbildet «NHO Kommune-NM 2021 (2020-tall)» i planpresentasjonen (mai 2022)"
NHO_LIST_2020 = "NHOs liste for Kommune-NM 2020"

# The themes of the 2021–2025 editions and their number of parameters.
THEMES = (
    ("naeringsliv", "Næringsliv", 4),
    ("arbeidsmarked", "Arbeidsmarked", 4),
    ("demografi", "Demografi", 3),
    ("kompetanse", "Kompetanse", 3),
    ("kommuneokonomi", "Kommuneøkonomi", 5),
)


@dataclass(frozen=True)
class EditionRow:
    year: int
    source: str
    note: str = ""
    municipalities_ranked: int = 356
    themes: bool = False

    @property
    def data_year(self) -> int:
        return self.year - 1

    @property
    def published_on(self) -> date:
        return date(self.year, 6, 1)


@dataclass(frozen=True)
class RankRow:
    edition: int
    data_year: int
    code: str
    name: str
    rank: int
    themes: tuple[int, ...] = ()  # in the order of THEMES


EDITIONS = (
    EditionRow(2018, INDICATOR_SLIDE, municipalities_ranked=422),
    EditionRow(2019, INDICATOR_SLIDE, municipalities_ranked=422),
    EditionRow(
        2020,
        f"{INDICATOR_SLIDE}; {NHO_LIST_2020}; {EDITION_SLIDE} (tall i parentes)",
        note=(
            "Asker fra indikatorlysbildet, Bærum fra NHOs liste; de fire andre er tallene i "
            "parentes på 2021-lysbildet, som NHO kan ha justert."
        ),
    ),
    EditionRow(2021, EDITION_SLIDE, themes=True),
)

# Before 2020: 0220 Asker (with 0627 Røyken and 0628 Hurum from 2020), in Akershus.
RANKS = (
    RankRow(2018, 2017, "0220", "Asker", 12),
    RankRow(2019, 2018, "0220", "Asker", 12),
    RankRow(2020, 2019, "3025", "Asker", 13),
    RankRow(2020, 2019, "3024", "Bærum", 2),
    RankRow(2020, 2019, "3006", "Kongsberg", 6),
    RankRow(2020, 2019, "3033", "Ullensaker", 9),
    RankRow(2020, 2019, "3049", "Lier", 10),
    RankRow(2020, 2019, "3021", "Ås", 12),
    RankRow(2021, 2020, "3025", "Asker", 11, (6, 56, 98, 54, 11)),
    RankRow(2021, 2020, "3024", "Bærum", 1, (1, 5, 89, 3, 2)),
    RankRow(2021, 2020, "3006", "Kongsberg", 8, (23, 39, 100, 1, 43)),
    RankRow(2021, 2020, "3033", "Ullensaker", 12, (8, 187, 2, 279, 8)),
    RankRow(2021, 2020, "3049", "Lier", 10, (3, 45, 45, 167, 20)),
    RankRow(2021, 2020, "3021", "Ås", 14, (189, 35, 33, 10, 14)),
    # The brackets on the 2021 slide: the 2020 edition as restated in 2021.
    RankRow(2021, 2019, "3025", "Asker", 13),
    RankRow(2021, 2019, "3024", "Bærum", 3),
    RankRow(2021, 2019, "3006", "Kongsberg", 6),
    RankRow(2021, 2019, "3033", "Ullensaker", 9),
    RankRow(2021, 2019, "3049", "Lier", 10),
    RankRow(2021, 2019, "3021", "Ås", 12),
)

# The peers on the slide, by today's numbers (2024).
PEERS = (
    ("3201", "Bærum"),
    ("3303", "Kongsberg"),
    ("3209", "Ullensaker"),
    ("3312", "Lier"),
    ("3218", "Ås"),
)
