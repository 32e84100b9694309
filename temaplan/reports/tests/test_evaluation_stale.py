"""The stale-number check on an edited sentence (evaluation.stale_numbers): the numbers it
quotes, in their Norwegian forms, that match none of the figures it rests on."""

import pytest

from temaplan.reports.evaluation import figure, quoted_numbers, stale_numbers

NBSP = "\u00a0"
MINUS = "\u2212"

SHARE = {"verdi": figure(f"41,7{NBSP}%", "41.7"), "år": figure(2020)}
RATIO = {"verdi": figure(f"{MINUS}101{NBSP}%", "-101"), "år": figure(2020)}
FRAME = {"ramme": figure(f"9,6{NBSP}mill.{NBSP}kr", "9600000"), "år": figure(2022)}
COUNT = {"verdi": figure(f"1{NBSP}234", "1234")}
COUNTY = {"fylke": figure("4. av de 6 kommunene i Viken vi har tall for")}
RANK = {"plass": figure(11), "forrige_plass": figure(13)}


@pytest.mark.parametrize(
    "text, figures, stale",
    [
        pytest.param("Andelen var 41,7 % i 2020.", SHARE, [], id="percent as shown"),
        pytest.param(f"Andelen var 41,7{NBSP}% i 2020.", SHARE, [], id="with a no-break space"),
        pytest.param("Andelen var 41,7% i 2020.", SHARE, [], id="without a space"),
        pytest.param("Andelen var 41,8 % i 2020.", SHARE, ["41,8 %"], id="percent changed"),
        pytest.param("Andelen var 41,7 % i 2021.", SHARE, ["2021"], id="the year changed"),
        pytest.param("Andelen var om lag 42 % i 2020.", SHARE, [], id="rounded is fine"),
        pytest.param("Andelen var om lag 41 % i 2020.", SHARE, ["41 %"], id="rounded wrong"),
        pytest.param("Veksten var −101 % i 2020.", RATIO, [], id="negative with U+2212"),
        pytest.param("Veksten var -101 % i 2020.", RATIO, [], id="negative with a hyphen"),
        pytest.param("Veksten var – 101 % i 2020.", RATIO, ["101 %"], id="a dash apart is no sign"),
        pytest.param("Veksten var 101 % i 2020.", RATIO, ["101 %"], id="the sign lost"),
        pytest.param("Rammen er 9,6 mill. kr for 2022.", FRAME, [], id="millions as shown"),
        pytest.param("Rammen er 9,6 mill. for 2022.", FRAME, [], id="millions without kr"),
        pytest.param("Rammen er 9 600 000 kr for 2022.", FRAME, [], id="the raw value in full"),
        pytest.param("Rammen er 10 mill. kr for 2022.", FRAME, [], id="millions rounded"),
        pytest.param(
            "Rammen er 10,6 mill. kr for 2022.", FRAME, ["10,6 mill. kr"], id="millions changed"
        ),
        pytest.param("Det var 1 234 i alt.", COUNT, [], id="grouped thousands"),
        pytest.param(f"Det var 1{NBSP}234 i alt.", COUNT, [], id="grouped with a no-break space"),
        pytest.param("Det var 1234 i alt.", COUNT, [], id="ungrouped thousands"),
        pytest.param("Det var 1 235 i alt.", COUNT, ["1 235"], id="thousands changed"),
        pytest.param("Asker er 4. i Viken av 6.", COUNTY, [], id="an ordinal"),
        pytest.param("Asker er 3. i Viken.", COUNTY, ["3"], id="an ordinal changed"),
        pytest.param("Asker er nr. 11, opp fra 13.", RANK, [], id="ranks"),
        pytest.param("Asker er nr. 12, opp fra 13.", RANK, ["12"], id="a rank changed"),
        pytest.param("Fra 2020–2022 gikk det bra.", {"år": figure(2020)}, ["2022"], id="a range"),
        pytest.param("Ingen tall her.", SHARE, [], id="no numbers"),
        pytest.param("41,8 % og så 41,8 % igjen.", SHARE, ["41,8 %"], id="each stale number once"),
        pytest.param("Andelen var 41,7 %.", {}, ["41,7 %"], id="no figures at all"),
        pytest.param(
            "Veksten var −101 % og andelen 41,7 %.",
            SHARE | {"x": figure("−101 %")},
            [],
            id="several figures",
        ),
        pytest.param(
            "Asker mistet 480 arbeidsplasser.",
            {"forklaring": figure("Asker mistet 480 arbeidsplasser i 2020.")},
            [],
            id="numbers inside a figure's text",
        ),
        pytest.param(
            "Revidert fra 41,8 %.",
            {"revidert_fra": figure("41,8 %", ["41.8"])},
            [],
            id="a figure whose value is a list",
        ),
    ],
)
def test_an_edited_sentence_quoting_a_number_no_longer_among_its_figures_is_stale(
    text, figures, stale
):
    assert stale_numbers(text, figures) == stale


@pytest.mark.parametrize(
    "text, values",
    [
        ("41,7 %", [{41.7}]),
        ("−101 %", [{-101}]),
        ("9,6 mill. kr", [{9.6, 9_600_000}]),
        ("2 mrd. kr", [{2, 2_000_000_000}]),
        ("1 234", [{1234}]),
        ("12 345 678", [{12_345_678}]),
        ("4.", [{4}]),
        ("2022/23", [{2022}, {23}]),
        ("2017–2020", [{2017}, {2020}]),
        ("i 2020 123 nye", [{2020}, {123}]),
        ("HP2023", []),
        ("11.01.2022", [{11}]),
    ],
)
def test_numbers_are_read_the_norwegian_way(text, values):
    assert [{float(v) for v in q.values} for q in quoted_numbers(text)] == [
        {float(v) for v in expected} for expected in values
    ]
