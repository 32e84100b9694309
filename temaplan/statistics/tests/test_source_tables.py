"""Where a source lies in a table, read from the table's metadata (source_tables.py)."""

from __future__ import annotations

import pytest

from temaplan.statistics.pxweb_meta import TableMeta, Variable, parse_metadata
from temaplan.statistics.source_tables import (
    NO_MATCHING_CONTENT,
    SEVERAL_MATCHING_CONTENTS,
    SourceNotInTable,
    label_has_words,
    resolve_in_table,
)
from temaplan.statistics.sources import SOURCES, Source

# SSB's labels for the employment contents (table 11616) and a population one.
WORKPLACE = "Sysselsatte personer med arbeidssted i regionen"
RESIDENCE = "Sysselsatte personer bosatt i regionen"
POPULATION = "Personer 15-74 år bosatt i regionen"


def variable(id_, label, codes, labels=None, role=None):
    return Variable(id_, label, tuple(codes), tuple(labels or codes), False, role)


def table(*variables, id_="11618"):
    return TableMeta(id_, f"{id_}: en tabell", None, tuple(variables))


def contents(codes, labels):
    return variable("ContentsCode", "statistikkvariabel", codes, labels, "metric")


REGION = variable("Region", "region", ["3203"], ["Asker"], "geo")
KOSTRA_REGION = variable("KOKkommuneregion0000", "region", ["3203"], ["Asker"], "geo")
YEAR = variable("Tid", "år", ["2022"], role="time")
EMPLOYMENT = contents(["Arb", "Bos", "Bef"], [WORKPLACE, RESIDENCE, POPULATION])


@pytest.mark.parametrize(
    ("label", "words", "expected"),
    [
        (RESIDENCE, ("sysselsatte", "bosatt|bosted"), True),
        ("Sysselsatte etter bosted", ("sysselsatte", "bosatt|bosted"), True),
        (WORKPLACE, ("sysselsatte", "bosatt|bosted"), False),
        (WORKPLACE, ("SYSSELSATTE", "Arbeidssted"), True),  # case does not matter
        (POPULATION, ("befolkning|personer", "-sysselsatte"), True),
        (RESIDENCE, ("befolkning|personer", "-sysselsatte"), False),  # «-word»: not this word
        ("Befolkning 15-74 år", ("befolkning|personer", "-sysselsatte"), True),
        ("Omdisponert dyrka jord (dekar)", ("dyrka", "jord"), True),
    ],
)
def test_a_label_has_the_words(label, words, expected):
    assert label_has_words(label, words) is expected


EMPLOYMENT_LABELS = [WORKPLACE, RESIDENCE, POPULATION]


@pytest.mark.parametrize(
    ("source", "codes", "labels", "expected"),
    [
        # The configured code, when the table has it, wins over the label words.
        ("employed_residents", ["SysselsatteBosted", "X"], [WORKPLACE, RESIDENCE],
         "SysselsatteBosted"),
        # SSB matches codes ignoring case; the table's own spelling is what is used.
        ("employed_residents", ["sysselsattebosted"], [RESIDENCE], "sysselsattebosted"),
        # Otherwise the one code whose label has the words.
        ("employed_residents", ["Arb", "Bos", "Bef"], EMPLOYMENT_LABELS, "Bos"),
        ("jobs_by_workplace", ["Arb", "Bos", "Bef"], EMPLOYMENT_LABELS, "Arb"),
        ("population_15_74", ["Arb", "Bos", "Bef"], EMPLOYMENT_LABELS, "Bef"),
    ],
)  # fmt: skip
def test_the_content_code_is_the_configured_one_or_the_one_with_the_words(
    source, codes, labels, expected
):
    resolved = resolve_in_table(SOURCES[source], table(REGION, contents(codes, labels), YEAR))
    assert resolved.content == expected
    assert resolved.content_label == labels[codes.index(expected)]


def test_no_matching_label_names_the_table_and_lists_its_labels_with_the_codes_in_detail():
    labels = ["Lønnstakere bosatt i regionen", "Lønnstakere med arbeidssted i regionen"]
    meta = table(REGION, contents(["L1", "L2"], labels), YEAR)
    with pytest.raises(SourceNotInTable) as caught:
        resolve_in_table(SOURCES["employed_residents"], meta)
    assert str(caught.value) == NO_MATCHING_CONTENT.format(
        table="11618",
        source="«Sysselsatte 15–74 år etter bosted (11618)»",
        labels="«Lønnstakere bosatt i regionen», «Lønnstakere med arbeidssted i regionen»",
    )
    assert caught.value.detail == (
        "tabell 11618, ContentsCode: L1 = «Lønnstakere bosatt i regionen», "
        "L2 = «Lønnstakere med arbeidssted i regionen»; ventet koden SysselsatteBosted "
        "eller én med ordene sysselsatte bosatt|bosted"
    )


def test_a_long_list_of_labels_is_cut_in_the_message_and_whole_in_the_detail():
    labels = [f"Nøkkeltall {n}" for n in range(1, 9)]
    meta = table(REGION, contents([f"K{n}" for n in range(1, 9)], labels), YEAR)
    with pytest.raises(SourceNotInTable) as caught:
        resolve_in_table(SOURCES["employed_residents"], meta)
    assert str(caught.value).endswith("«Nøkkeltall 5» og 3 til.")
    assert "K8 = «Nøkkeltall 8»" in caught.value.detail


def test_two_matching_labels_are_refused_rather_than_guessed():
    meta = table(REGION, contents(["A", "B"], [RESIDENCE, RESIDENCE + " (prosent)"]), YEAR)
    with pytest.raises(SourceNotInTable) as caught:
        resolve_in_table(SOURCES["employed_residents"], meta)
    assert str(caught.value) == SEVERAL_MATCHING_CONTENTS.format(
        table="11618",
        source="«Sysselsatte 15–74 år etter bosted (11618)»",
        labels=f"«{RESIDENCE}», «{RESIDENCE} (prosent)»",
    )


HOME = variable("Bokommuen", "bostedskommune", ["3203"], role="geo")
WORK = variable("ArbstedKomm", "arbeidsstedskommune", ["3203"], role="geo")
KOSTRA_HOME = variable("KOKbokommune0000", "bostedskommune", ["3203"], role="geo")
KOSTRA_WORK = variable("KOKarbkommune0000", "arbeidsstedskommune", ["3203"], role="geo")
COMMUTERS = contents(["Sysselsatte"], ["Sysselsatte"])
OTHER_YEAR = variable("Aargang", "årgang", ["2022"], role="time")
UNROLED_REGION = variable("Region", "region", ["3203"], ["Asker"])


@pytest.mark.parametrize(
    ("source", "variables", "regions", "time"),
    [
        ("employed_residents", [REGION, EMPLOYMENT, YEAR], ("Region",), "Tid"),
        # KOSTRA's name for the region, found by its role; so is a renamed time dimension.
        ("employed_residents", [KOSTRA_REGION, EMPLOYMENT, YEAR], ("KOKkommuneregion0000",), "Tid"),
        ("employed_residents", [KOSTRA_REGION, EMPLOYMENT, OTHER_YEAR], ("KOKkommuneregion0000",),
         "Aargang"),
        # A configured name is kept even without the role.
        ("employed_residents", [UNROLED_REGION, EMPLOYMENT, YEAR], ("Region",), "Tid"),
        # Home before work: the configured names, or the two geo dimensions in table order.
        ("employed_residents_in_03321", [HOME, WORK, COMMUTERS, YEAR],
         ("Bokommuen", "ArbstedKomm"), "Tid"),
        ("employed_residents_in_03321", [KOSTRA_HOME, KOSTRA_WORK, COMMUTERS, YEAR],
         ("KOKbokommune0000", "KOKarbkommune0000"), "Tid"),
    ],
)  # fmt: skip
def test_region_and_time_dimensions_are_found_by_name_or_by_role(source, variables, regions, time):
    resolved = resolve_in_table(SOURCES[source], table(*variables))
    assert (resolved.regions, resolved.time) == (regions, time)


@pytest.mark.parametrize(
    ("source", "variables", "message"),
    [
        (
            "employed_residents_in_03321",
            [KOSTRA_REGION, COMMUTERS, YEAR],
            "har ikke 2 regiondimensjoner (rollen «geo») for «Sysselsatte etter bosted, summert "
            "over alle arbeidssteder (03321)». Dimensjonene i tabellen er: «region», "
            "«statistikkvariabel», «år».",
        ),
        (
            "employed_residents",
            [KOSTRA_REGION, EMPLOYMENT, variable("Aar", "år", ["2022"])],
            "har ingen tidsdimensjon for «Sysselsatte 15–74 år etter bosted (11618)»",
        ),
        (
            "employed_residents",
            [KOSTRA_REGION, variable("Maal", "mål", ["A"]), YEAR],
            "har ingen statistikkvariabel; «Sysselsatte 15–74 år etter bosted (11618)»",
        ),
    ],
    ids=["one region for two", "no time role", "no content variable"],
)
def test_a_table_without_the_dimensions_needed_is_refused_naming_those_it_has(
    source, variables, message
):
    with pytest.raises(SourceNotInTable) as caught:
        resolve_in_table(SOURCES[source], table(*variables))
    assert message in str(caught.value)
    assert "KOKkommuneregion0000 (rolle geo)" in caught.value.detail


def test_a_source_without_a_configured_code_takes_the_content_by_its_words():
    farmland = Source("farmland", "", "", content_label_words=("dyrka", "jord"))
    meta = table(
        KOSTRA_REGION,
        contents(["KOSAG1", "KOSAG2"], ["Areal i alt", "Omdisponert dyrka jord (dekar)"]),
        YEAR,
        id_="99111",
    )
    resolved = resolve_in_table(farmland, meta)
    assert (resolved.table, resolved.content, resolved.regions) == (
        "99111",
        "KOSAG2",
        ("KOKkommuneregion0000",),
    )


def test_a_real_kostra_answer_gives_its_region_and_time_by_role_and_its_content_by_label(
    ssb_data,
):
    """SSB's own 12134 body (shared data): region `KOKkommuneregion0000`, named only by
    role.geo; the content found by its label, as a KOSTRA source would be."""
    body = (ssb_data / "api_responses" / "ssb_v2_12134_jsonstat2_3kommuner_2024.json").read_bytes()
    meta = parse_metadata("12134", body)
    income = Source("free_income", "", "", content_label_words=("frie inntekter", "innbygger"))
    resolved = resolve_in_table(income, meta)
    assert resolved.regions == ("KOKkommuneregion0000",)
    assert (resolved.time, resolved.content_variable) == ("Tid", "ContentsCode")
    assert (resolved.content, resolved.content_label) == (
        "KOSAG110000",
        "Frie inntekter per innbygger (kr)",
    )
    with pytest.raises(SourceNotInTable) as caught:
        resolve_in_table(SOURCES["employed_residents"], meta)
    assert str(caught.value).startswith("Tabell 12134 har ingen statistikkvariabel for")
    assert str(caught.value).endswith("er: «Frie inntekter per innbygger (kr)».")


# -- a selection over another dimension (07459 by age) ---------------------------------------

AGES = [f"{age:03d}" for age in range(105)] + ["105+"]
AGE = variable("Alder", "alder", AGES)
POPULATION_TABLE = table(REGION, AGE, contents(["Personer1"], ["Personer"]), YEAR, id_="07459")


@pytest.mark.parametrize(
    ("selection", "resolved"),
    [
        ({"Alder": "range(020,039)"}, (("Alder", ("range(020,039)",)),)),
        ({"alder": ["020", "021"]}, (("Alder", ("020", "021")),)),  # ids match ignoring case
        ({"Alder": "range(020,105+)"}, (("Alder", ("range(020,105+)",)),)),
        ({}, ()),
    ],
)
def test_a_selection_is_resolved_to_the_tables_dimension(selection, resolved):
    source = Source("people", "07459", "Personer1", selection=selection)
    assert resolve_in_table(source, POPULATION_TABLE).selection == resolved


@pytest.mark.parametrize(
    ("selection", "message"),
    [
        ({"Kjonn": "1"}, "Tabell 07459 har ingen dimensjon «Kjonn» for «people»"),
        ({"Alder": "range(020,200)"}, "Tabell 07459 har ikke verdiene «range(020,200)» i «alder»"),
        ({"Alder": ["20"]}, "har ikke verdiene «20» i «alder»"),  # SSB's codes have 3 digits
    ],
)
def test_a_selection_the_table_cannot_give_is_refused_before_fetching(selection, message):
    source = Source("people", "07459", "Personer1", selection=selection)
    with pytest.raises(SourceNotInTable, match=message.replace("(", r"\(").replace(")", r"\)")):
        resolve_in_table(source, POPULATION_TABLE)


@pytest.mark.parametrize(
    ("name", "stored"),
    [
        ("population_1_january", "Personer1"),
        ("population_20_39", "Personer1|Alder=range(020,039)"),
        ("population_20_66", "Personer1|Alder=range(020,066)"),
    ],
)
def test_a_source_with_a_selection_is_stored_under_a_key_of_its_own(name, stored):
    assert SOURCES[name].stored_content("Personer1") == stored
