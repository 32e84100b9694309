"""The result evaluation written from the figures (reports/evaluation.py), table-driven over
small hand-made documents (evaluation_documents.py). No database."""

import pytest

from temaplan.reports.evaluation import (
    FOCUS_AREA,
    INDICATOR,
    SECTIONS,
    SUMMARY,
    generate,
    stale_numbers,
    unstable_reason,
)

from .evaluation_documents import (
    MINUS,
    NBSP,
    action_plan,
    budget_year,
    document,
    focus_area,
    indicator,
    kommune_nm,
    missing_year,
    own_index,
    rank,
)


def plain(text: str) -> str:
    """No-break spaces as spaces, so the expected texts below read as typed."""
    return text.replace(NBSP, " ")


def texts(doc, section=None) -> dict[str, str]:
    return {s["key"]: plain(s["text"]) for s in generate(doc) if section in (None, s["section"])}


def red_ratio(**overrides):
    values = {
        "name": "Arbeidsplassvekst av befolkningsvekst",
        "unit": "ratio",
        "value": "-101",
        "shown": f"{MINUS}101{NBSP}%",
        "target": f"over 50{NBSP}%",
        "status": "red",
        "status_label": "Ikke nådd",
        "previous_value": "47",
        "previous_shown": f"47{NBSP}%",
    }
    return indicator("jobb", **(values | overrides))


# --- One indicator: its status sentence -------------------------------------------------------

ANDEL = "Andel sysselsatt i egen kommune"


@pytest.mark.parametrize(
    "entry, expected",
    [
        pytest.param(
            indicator(),
            f"{ANDEL}: 41,7 % i 2020, opp fra 41,4 % i 2019, og ambisjonen for 2020 "
            "(minst 41,4 %) er nådd.",
            id="green, up",
        ),
        pytest.param(
            indicator(
                status="amber",
                value="41.2",
                shown=f"41,2{NBSP}%",
                previous_value="41.9",
                previous_shown=f"41,9{NBSP}%",
            ),
            f"{ANDEL}: 41,2 % i 2020, ned fra 41,9 % i 2019, nesten i mål med ambisjonen for "
            "2020 (minst 41,4 %).",
            id="amber, down",
        ),
        pytest.param(
            red_ratio(),
            "Arbeidsplassvekst av befolkningsvekst: −101 % i 2020, ned fra 47 % i 2019, og "
            "ambisjonen for 2020 (over 50 %) er ikke nådd.",
            id="red, down",
        ),
        pytest.param(
            indicator(previous_value="41.7", previous_shown=f"41,7{NBSP}%"),
            f"{ANDEL}: 41,7 % i 2020, uendret fra 2019, og ambisjonen for 2020 (minst 41,4 %) "
            "er nådd.",
            id="green, unchanged",
        ),
        pytest.param(
            indicator(previous_value=None, previous_shown="–"),
            f"{ANDEL}: 41,7 % i 2020, og ambisjonen for 2020 (minst 41,4 %) er nådd.",
            id="green, no previous year",
        ),
        pytest.param(
            rank(),
            "Plass i Kommune-NM: 11 i 2020, en bedring fra plass 13 i 2019, og ambisjonen for "
            "2020 (12 eller bedre) er nådd.",
            id="rank improved: a lower number is better",
        ),
        pytest.param(
            rank(value="14", shown="14", status="red", previous_value="13", previous_shown="13"),
            "Plass i Kommune-NM: 14 i 2020, en svekkelse fra plass 13 i 2019, og ambisjonen for "
            "2020 (12 eller bedre) er ikke nådd.",
            id="rank worsened",
        ),
        pytest.param(
            missing_year(),
            "Jordvernmålet: tallene for 2020 foreligger ikke ennå, så ambisjonen kan først "
            "vurderes når de kommer.",
            id="missing year",
        ),
        pytest.param(
            indicator(
                status="no_data",
                status_label="Ingen data",
                target="",
                reason="Ingen ambisjon for 2020.",
            ),
            f"{ANDEL}: 41,7 % i 2020, opp fra 41,4 % i 2019; ingen ambisjon for 2020.",
            id="a value without an ambition",
        ),
        pytest.param(
            indicator(
                status="not_due",
                status_label="Ikke målt ennå",
                value=None,
                shown="–",
                reason="Ikke tid for måling ennå (2024).",
            ),
            f"{ANDEL}: ikke tid for måling ennå (2024).",
            id="not due",
        ),
    ],
)
def test_each_indicator_is_judged_against_the_years_ambition_with_its_direction(entry, expected):
    assert texts(document(indicators=[entry]), INDICATOR)[entry["key"]] == expected


# --- One indicator: the caveats ---------------------------------------------------------------


@pytest.mark.parametrize(
    "overrides, expected",
    [
        pytest.param({}, None, id="none"),
        pytest.param(
            {"provisional": True},
            f"{ANDEL}: tallet for 2020 er foreløpig og kan bli endret.",
            id="provisional",
        ),
        pytest.param(
            {"revised_from": [f"41,8{NBSP}%"]},
            f"{ANDEL}: tallet for 2020 er revidert fra 41,8 %.",
            id="revised",
        ),
        pytest.param(
            {"revised_from": [f"41,8{NBSP}%", f"41,6{NBSP}%"]},
            f"{ANDEL}: tallet for 2020 er revidert fra 41,8 % (før det 41,6 %).",
            id="revised twice",
        ),
        pytest.param(
            {"source_note": "Ustabil: få observasjoner."},
            f"{ANDEL}: tallet for 2020 er ustabilt (ustabil: få observasjoner), så ett enkelt "
            "år sier lite om utviklingen.",
            id="unstable by its source note",
        ),
        pytest.param(
            {"provisional": True, "revised_from": [f"41,8{NBSP}%"]},
            f"{ANDEL}: tallet for 2020 er foreløpig og revidert fra 41,8 %.",
            id="provisional and revised",
        ),
        pytest.param(
            {"value": "63", "shown": f"63{NBSP}%", "provisional": True},
            f"{ANDEL}: tallet for 2020 er foreløpig og ustabilt (det gikk fra 41,4 % i 2019 til "
            "63 % i 2020), så ett enkelt år sier lite om utviklingen.",
            id="provisional and unstable by a swing",
        ),
    ],
)
def test_the_data_caveats_say_provisional_revised_and_unstable(overrides, expected):
    found = texts(document(indicators=[indicator(**overrides)]), INDICATOR).get("andel.forbehold")
    assert found == expected


def test_a_missing_year_has_no_caveats_on_a_value_it_does_not_have():
    found = texts(document(indicators=[missing_year(provisional=True, revised_from=["1"])]))
    assert "jordvern.forbehold" not in found


@pytest.mark.parametrize(
    "value, previous, note, reason",
    [
        ("41.7", "41.4", "", None),
        ("63", "41.4", "", "swing"),  # +52 % of last year's value
        ("61", "41.4", "", None),  # +47 %
        ("20", "41.4", "", "swing"),  # −52 %
        ("-101", "47", "", "swing"),  # the sign changed
        ("0", "47", "", "swing"),  # all of it gone
        ("5", "0", "", None),  # a swing from 0 is not judged
        ("41.7", None, "", None),
        (None, "41.4", "", None),
        ("41.7", "41.4", "SSB merker tallet som USTABIL", "note"),
    ],
)
def test_a_value_is_unstable_by_its_note_a_swing_of_half_or_a_change_of_sign(
    value, previous, note, reason
):
    entry = indicator(value=value, previous_value=previous, source_note=note)
    assert unstable_reason(entry) == reason


@pytest.mark.parametrize(
    "comment, footnote, expected",
    [
        ("", "", None),
        ("Koronaåret ga færre jobber", "", "Koronaåret ga færre jobber."),
        ("", "Asker mistet 480 arbeidsplasser i 2020.", "Asker mistet 480 arbeidsplasser i 2020."),
        ("Kommentaren vinner.", "Ikke fotnoten.", "Kommentaren vinner."),
    ],
)
def test_what_drove_it_is_the_years_comment_else_the_footnote(comment, footnote, expected):
    entry = indicator(comment=comment, footnote=footnote)
    assert texts(document(indicators=[entry])).get("andel.forklaring") == expected


# --- The summary over status combinations -----------------------------------------------------


def with_status(key, status):
    return indicator(key, status=status)


@pytest.mark.parametrize(
    "indicators, expected",
    [
        pytest.param(
            [with_status(k, "green") for k in "abcd"] + [missing_year()],
            "4 av 5 indikatorer når ambisjonen for 2020; «Jordvernmålet» kan først vurderes når "
            "tallene for 2020 foreligger.",
            id="four met and a missing year (the slide)",
        ),
        pytest.param(
            [with_status("a", "green")],
            "1 av 1 indikator når ambisjonen for 2020.",
            id="one met",
        ),
        pytest.param(
            [with_status("a", "green"), with_status("b", "amber"), with_status("c", "red")],
            "1 av 3 indikatorer når ambisjonen for 2020, 1 er nær og 1 når den ikke.",
            id="one of each",
        ),
        pytest.param(
            [with_status("a", "red"), with_status("b", "red")],
            "0 av 2 indikatorer når ambisjonen for 2020 og 2 når den ikke.",
            id="none met",
        ),
        pytest.param(
            [missing_year("x", name="Jordvernmålet"), missing_year("y", name="Antall gründere")],
            "0 av 2 indikatorer når ambisjonen for 2020; «Jordvernmålet» og «Antall gründere» "
            "kan først vurderes når tallene for 2020 foreligger.",
            id="two missing years",
        ),
        pytest.param(
            [with_status("a", "green"), indicator("b", status="not_due", value=None)],
            "1 av 1 indikator når ambisjonen for 2020.",
            id="not due is not counted",
        ),
        pytest.param(
            [with_status("a", "green"), indicator("b", status="no_data", target="")],
            "1 av 2 indikatorer når ambisjonen for 2020; 1 indikator har ingen vurdering.",
            id="a value without an ambition",
        ),
        pytest.param([], "Ingen av indikatorene kan måles for 2020.", id="no indicators"),
    ],
)
def test_the_summary_counts_the_indicators_that_meet_the_ambition(indicators, expected):
    assert texts(document(indicators=indicators), SUMMARY) == {"sammendrag": expected}


# --- Every sentence, every document -----------------------------------------------------------

EVERYTHING = document(
    indicators=[
        indicator(provisional=True, revised_from=[f"41,8{NBSP}%"], comment="Flere pendlet kort."),
        red_ratio(footnote=f"Asker mistet 480 arbeidsplasser i 2020 ({MINUS}1,3{NBSP}%)."),
        rank(source_note="ustabil"),
        missing_year(),
        indicator("ikke-ennå", status="not_due", value=None, reason="Ikke tid ennå (2024)."),
    ],
    action_plan=action_plan(focus_areas=[focus_area(), focus_area("8", name="Omdømme")]),
    kommune_nm=kommune_nm(index=own_index()),
    budget=[budget_year(2022), budget_year(2023, warning="Brukt 110 % av rammen.")],
)


def test_every_generated_sentence_quotes_only_its_own_figures():
    for found in generate(EVERYTHING):
        assert stale_numbers(found["text"], found["figures"]) == [], found["text"]


def test_every_sentence_has_a_known_section_a_key_of_its_own_and_figures():
    sentences = generate(EVERYTHING)
    keys = [(s["section"], s["key"]) for s in sentences]
    assert len(keys) == len(set(keys))
    assert {s["section"] for s in sentences} == set(SECTIONS)
    assert all(s["figures"] and not s["edited"] and len(s["key"]) <= 80 for s in sentences)


def test_the_sections_come_in_the_reports_order():
    order = [s["section"] for s in generate(EVERYTHING)]
    assert order == sorted(order, key=SECTIONS.index)


def test_the_figures_keep_both_the_shown_and_the_raw_value():
    status = next(s for s in generate(EVERYTHING) if s["key"] == "jobb")
    assert status["figures"]["verdi"] == {"shown": f"{MINUS}101{NBSP}%", "value": "-101"}
    assert status["figures"]["forrige_verdi"] == {"shown": f"47{NBSP}%", "value": "47"}


def test_the_same_document_gives_the_same_evaluation():
    assert generate(EVERYTHING) == generate(EVERYTHING)


def test_a_focus_area_is_a_section_of_its_own():
    assert [k for k in texts(EVERYTHING, FOCUS_AREA)] == ["3", "8"]


# --- Whole documents: status combinations with a missing year, an unstable and a revised value


REVISED = indicator(revised_from=[f"41,8{NBSP}%"])
UNSTABLE_RED = red_ratio()
MISSING = missing_year()
AMBER_RANK = rank(status="amber", value="13", shown="13", previous_value="13", previous_shown="13")


@pytest.mark.parametrize(
    "indicators, expected",
    [
        pytest.param(
            [REVISED, UNSTABLE_RED, MISSING],
            [
                "1 av 3 indikatorer når ambisjonen for 2020 og 1 når den ikke; «Jordvernmålet» "
                "kan først vurderes når tallene for 2020 foreligger.",
                f"{ANDEL}: 41,7 % i 2020, opp fra 41,4 % i 2019, og ambisjonen for 2020 "
                "(minst 41,4 %) er nådd.",
                f"{ANDEL}: tallet for 2020 er revidert fra 41,8 %.",
                "Arbeidsplassvekst av befolkningsvekst: −101 % i 2020, ned fra 47 % i 2019, og "
                "ambisjonen for 2020 (over 50 %) er ikke nådd.",
                "Arbeidsplassvekst av befolkningsvekst: tallet for 2020 er ustabilt (det gikk fra "
                "47 % i 2019 til −101 % i 2020), så ett enkelt år sier lite om utviklingen.",
                "Jordvernmålet: tallene for 2020 foreligger ikke ennå, så ambisjonen kan først "
                "vurderes når de kommer.",
            ],
            id="met and revised, missed and unstable, missing",
        ),
        pytest.param(
            [AMBER_RANK, MISSING],
            [
                "0 av 2 indikatorer når ambisjonen for 2020 og 1 er nær; «Jordvernmålet» kan "
                "først vurderes når tallene for 2020 foreligger.",
                "Plass i Kommune-NM: 13 i 2020, uendret fra 2019, nesten i mål med ambisjonen for "
                "2020 (12 eller bedre).",
                "Jordvernmålet: tallene for 2020 foreligger ikke ennå, så ambisjonen kan først "
                "vurderes når de kommer.",
            ],
            id="nearly, missing",
        ),
        pytest.param(
            [indicator(provisional=True, source_note="SSB: ustabil"), REVISED],
            [
                "2 av 2 indikatorer når ambisjonen for 2020.",
                f"{ANDEL}: 41,7 % i 2020, opp fra 41,4 % i 2019, og ambisjonen for 2020 "
                "(minst 41,4 %) er nådd.",
                f"{ANDEL}: tallet for 2020 er foreløpig og ustabilt (SSB: ustabil), så ett enkelt "
                "år sier lite om utviklingen.",
                f"{ANDEL}: 41,7 % i 2020, opp fra 41,4 % i 2019, og ambisjonen for 2020 "
                "(minst 41,4 %) er nådd.",
                f"{ANDEL}: tallet for 2020 er revidert fra 41,8 %.",
            ],
            id="both met, one provisional and unstable, one revised",
        ),
    ],
)
def test_status_combinations_give_the_summary_and_each_indicators_sentences(indicators, expected):
    keyed = [dict(i, key=f"i{n}") for n, i in enumerate(indicators)]
    found = [
        plain(s["text"])
        for s in generate(document(indicators=keyed))
        if s["section"] in (SUMMARY, INDICATOR)
    ]
    assert found == expected
