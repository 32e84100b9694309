"""Asker's five business indicators, every figure as on the 2022 slide (seed-plan.md).

Columns on the slide are data years: 2017–2020 results, 2021–2024 ambitions. NHO's ranks
come from Kommune-NM editions published the year after (edition 2021 = figures for 2020).

Pure data, in the records of `records.py`; `load_indicators.py` loads it.
"""

from decimal import Decimal as D

from .records import AmbitionRow, IndicatorRow

SLIDE = "Presentasjon til Asker Næringsforenings årsmøte, mai 2022"

# Which focus areas each indicator follows up (`focus_areas`, by number) is an example reading.
ASKER_INDICATORS = (
    IndicatorRow(
        key="nho-kommune-nm-rang",
        name="Være blant topp 10 på samlet plassering i NHOs Kommune-NM",
        unit="rank",
        direction="lower",
        source="nho",
        kommune_nm="overall",
        influence="low",
        report_year_offset=1,
        tolerance=D(2),
        goal_text="topp 10",
        goal_comparator="rank_at_most",
        goal_value=D(10),
        footnote="",
        results={2017: D(12), 2018: D(12), 2019: D(13), 2020: D(11)},
        ambitions={
            y: AmbitionRow("rank_at_most", D(v))
            for y, v in {2021: 12, 2022: 12, 2023: 11, 2024: 10}.items()
        },
        focus_areas=(1, 8),
    ),
    IndicatorRow(
        key="nho-rang-i-fylket",
        name="Være blant topp 3 i Viken på samlet plassering i NHOs Kommune-NM",
        unit="rank",
        direction="lower",
        source="nho",
        kommune_nm="county",
        influence="low",
        report_year_offset=1,
        tolerance=D(1),
        goal_text="topp 3 i fylket",
        goal_comparator="rank_at_most",
        goal_value=D(3),
        footnote="",
        results={2017: D(5), 2018: D(5), 2019: D(5), 2020: D(4)},
        ambitions={
            y: AmbitionRow("rank_at_most", D(v))
            for y, v in {2021: 4, 2022: 3, 2023: 3, 2024: 3}.items()
        },
        focus_areas=(1, 8),
    ),
    IndicatorRow(
        key="arbeidsplassvekst-av-befolkningsvekst",
        formula="job_growth_share_of_population_growth",
        name="Prosentvis vekst i arbeidsplasser av befolkningsveksten",
        unit="ratio",
        direction="higher",
        source="ssb",
        influence="medium",
        report_year_offset=0,
        tolerance=D(5),
        goal_text="over 50 %",
        goal_comparator="above",
        goal_value=D(50),
        footnote=(
            "Asker mistet 480 arbeidsplasser i 2020 (−1,3 %). "
            "Bærum mistet 771 arbeidsplasser i 2020 (−1,0 %)."
        ),
        results={2017: D(54), 2018: D(130), 2019: D(47), 2020: D(-101)},
        ambitions={y: AmbitionRow("above", D(50)) for y in (2021, 2022, 2023, 2024)},
        focus_areas=(1, 2, 5),
    ),
    IndicatorRow(
        key="andel-sysselsatt-i-egen-kommune",
        formula="share_working_in_home_municipality",
        name="Andelen av innbyggerne som er sysselsatt i egen kommune skal øke år for år",
        unit="percent",
        direction="higher",
        source="ssb",
        influence="medium",
        report_year_offset=0,
        tolerance=D("0.3"),
        goal_text="øke år for år",
        goal_comparator="better_than_previous",
        goal_value=None,
        footnote="Andelen kortreiste økte selv om det i 2020 ble færre sysselsatte.",
        results={2017: D("41.9"), 2018: D("42.3"), 2019: D("41.4"), 2020: D("41.7")},
        ambitions={
            y: AmbitionRow("at_least", D(v))
            for y, v in {2021: "41.4", 2022: "42.0", 2023: "42.5", 2024: "43.0"}.items()
        },
        focus_areas=(1, 7),
    ),
    IndicatorRow(
        key="omdisponert-dyrket-mark",
        name="Nasjonalt jordvernmål: begrense omdisponering av dyrket mark (dekar)",
        unit="decares",
        direction="lower",
        source="ssb",
        influence="high",
        report_year_offset=0,
        tolerance=D(5),
        goal_text="høyst 15 daa i året",
        goal_comparator="at_most",
        goal_value=D(15),
        footnote=(
            "Tallet for 2020 var ikke tilgjengelig i mai 2022; jordvernmålet følges opp senere."
        ),
        results={2017: D(23), 2018: D(260), 2019: D(90)},
        ambitions={y: AmbitionRow("at_most", D(15)) for y in (2021, 2022, 2023, 2024)},
        focus_areas=(3,),
    ),
)
