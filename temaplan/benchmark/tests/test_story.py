"""The story made from the figures, sentence by sentence: no database."""

import pytest

from temaplan.benchmark.county import CountyRank
from temaplan.benchmark.story import (
    COUNTY,
    RIVAL_ABOVE,
    STRONGEST,
    THREAT_BELOW,
    WEAKEST,
    StoryInput,
    county_sentence,
    figure_rows,
    names,
    places,
    rival_sentence,
    story,
    strongest_sentence,
    theme_movements,
    threat_sentence,
    weakest_sentence,
)

THEMES = (
    ("naeringsliv", "Næringsliv"),
    ("arbeidsmarked", "Arbeidsmarked"),
    ("demografi", "Demografi"),
    ("kompetanse", "Kompetanse"),
    ("kommuneokonomi", "Kommuneøkonomi"),
)
ASKER_2021 = dict(zip([k for k, _ in THEMES], (6, 56, 98, 54, 11), strict=True))


def place(code, name, national, rank, of=6, county="30", county_name="Viken", size=None):
    return CountyRank(code, name, national, county, county_name, rank, of, size)


# The slide's six in Viken, 2021: national ranks and places among the six.
VIKEN_2021 = [
    place("3024", "Bærum", 1, 1),
    place("3006", "Kongsberg", 8, 2),
    place("3049", "Lier", 10, 3),
    place("3025", "Asker", 11, 4),
    place("3033", "Ullensaker", 12, 5),
    place("3021", "Ås", 14, 6),
]
ASKER = VIKEN_2021[3]


def slide(**changes):
    values = dict(
        name="Asker",
        edition=2021,
        county=ASKER,
        previous_county=place("3025", "Asker", 13, 6),
        neighbours=VIKEN_2021,
        themes=THEMES,
        theme_ranks=ASKER_2021,
        previous_edition=2020,
    )
    return StoryInput(**(values | changes))


@pytest.mark.parametrize(
    "now, before, text",
    [
        (
            ASKER,
            place("3025", "Asker", 13, 6),
            "Asker rykket opp fra 6. til 4. plass i Viken, blant de 6 kommunene vi har tall for.",
        ),
        (
            place("3025", "Asker", 13, 6),
            ASKER,
            "Asker falt fra 4. til 6. plass i Viken, blant de 6 kommunene vi har tall for.",
        ),
        (
            ASKER,
            place("3025", "Asker", 12, 4),
            "Asker holdt 4. plass i Viken, blant de 6 kommunene vi har tall for.",
        ),
        (
            ASKER,
            None,
            "Asker er på 4. plass i Viken, blant de 6 kommunene vi har tall for.",
        ),
        (  # the whole county ranked: a county place, said without reservation
            place("3025", "Asker", 11, 4, of=51, size=51),
            place("3025", "Asker", 13, 6, of=51, size=51),
            "Asker rykket opp fra 6. til 4. plass i Viken.",
        ),
        (  # fewer figures the year before: said so
            ASKER,
            place("3025", "Asker", 13, 5, of=5),
            "Asker rykket opp fra 5. til 4. plass i Viken, blant de 6 kommunene vi har tall for "
            "(året før blant 5).",
        ),
        (  # a new county from this edition
            place("3203", "Asker", 9, 2, of=21, county="32", county_name="Akershus", size=21),
            place("3025", "Asker", 11, 4, of=51, size=51),
            "Asker er på 2. plass i Akershus; året før var Asker på 4. plass i Viken.",
        ),
        (  # a new county, with only some of the municipalities before
            place("3025", "Asker", 13, 6),
            place("0220", "Asker", 12, 1, of=1, county="02", county_name="Akershus"),
            "Asker er på 6. plass i Viken, blant de 6 kommunene vi har tall for; året før var "
            "Asker på 1. plass i Akershus (den eneste vi hadde tall for).",
        ),
        (
            place("0220", "Asker", 12, 1, of=1, county="02", county_name="Akershus"),
            None,
            "Asker er på 1. plass i Akershus, den eneste kommunen der vi har tall for.",
        ),
    ],
)
def test_the_county_sentence_tells_the_movement_in_the_county(now, before, text):
    sentence = county_sentence(slide(county=now, previous_county=before))
    assert (sentence.key, sentence.text) == (COUNTY, text)


def test_the_county_sentence_rests_on_the_places_and_how_many_we_have_figures_for():
    assert county_sentence(slide()).figures == {
        "edition": 2021,
        "county": "Viken",
        "rank": 4,
        "of": 6,
        "complete": False,
        "before": 6,
        "before_county": "Viken",
        "before_of": 6,
    }


@pytest.mark.parametrize(
    "own, text",
    [
        (
            ASKER,
            "Lier er nærmeste konkurrent om 3. plassen i Viken, én plass foran Asker i landet "
            "(nr. 10 mot nr. 11).",
        ),
        (
            VIKEN_2021[5],
            "Ullensaker er nærmeste konkurrent om 5. plassen i Viken, 2 plasser foran Ås i "
            "landet (nr. 12 mot nr. 14).",
        ),
        (VIKEN_2021[0], None),  # the first in the county has nobody ahead
    ],
)
def test_the_nearest_rival_is_the_one_just_ahead_in_the_county(own, text):
    sentence = rival_sentence(slide(name=own.name, county=own))
    assert (sentence.text if sentence else None) == text
    if sentence:
        assert sentence.key == RIVAL_ABOVE


@pytest.mark.parametrize(
    "own, text",
    [
        (
            ASKER,
            "Nærmeste trussel bakfra er Ullensaker på 5. plass i Viken, én plass bak Asker i "
            "landet (nr. 12 mot nr. 11).",
        ),
        (
            VIKEN_2021[0],
            "Nærmeste trussel bakfra er Kongsberg på 2. plass i Viken, 7 plasser bak Bærum i "
            "landet (nr. 8 mot nr. 1).",
        ),
        (VIKEN_2021[5], None),  # the last has nobody behind
    ],
)
def test_the_nearest_threat_is_the_one_just_behind_in_the_county(own, text):
    sentence = threat_sentence(slide(name=own.name, county=own))
    assert (sentence.text if sentence else None) == text
    if sentence:
        assert sentence.key == THREAT_BELOW


def test_rivals_in_another_county_do_not_count():
    oslo = place("0301", "Oslo", 10, 1, of=1, county="03", county_name="Oslo")
    sentence = rival_sentence(slide(neighbours=[*VIKEN_2021[3:], oslo]))
    assert sentence is None


@pytest.mark.parametrize(
    "ranks, strongest, weakest",
    [
        (
            ASKER_2021,
            "Næringsliv er det sterkeste temaet (6. plass).",
            "Demografi er det svakeste temaet (98. plass).",
        ),
        (
            {"naeringsliv": 6, "demografi": 98, "kompetanse": 6, "arbeidsmarked": 98},
            "Næringsliv og Kompetanse er de sterkeste temaene (6. plass).",
            "Arbeidsmarked og Demografi er de svakeste temaene (98. plass).",
        ),
        ({"naeringsliv": 6}, "Næringsliv er det sterkeste temaet (6. plass).", None),
        (
            {"naeringsliv": 6, "demografi": 6},
            "Næringsliv og Demografi er de sterkeste temaene (6. plass).",
            None,
        ),
        ({}, None, None),
    ],
)
def test_the_strongest_and_the_weakest_theme(ranks, strongest, weakest):
    best, worst = (
        strongest_sentence(slide(theme_ranks=ranks)),
        weakest_sentence(slide(theme_ranks=ranks)),
    )
    assert (best.text if best else None, worst.text if worst else None) == (strongest, weakest)
    if worst:
        assert (best.key, worst.key) == (STRONGEST, WEAKEST)
        assert worst.figures == {"edition": 2021, "themes": worst.figures["themes"], "rank": 98}


@pytest.mark.parametrize(
    "before, texts",
    [
        ({}, []),  # the previous edition has no theme ranks (the demo's 2020)
        (
            {"naeringsliv": 9, "demografi": 80, "kompetanse": 54},
            [
                "I Næringsliv rykket Asker opp fra 9. til 6. plass siden utgaven 2020.",
                "I Demografi falt Asker fra 80. til 98. plass siden utgaven 2020.",
                "I Kompetanse holdt Asker 54. plass fra utgaven 2020.",
            ],
        ),
    ],
)
def test_theme_movements_only_where_both_editions_rank_the_theme(before, texts):
    sentences = theme_movements(slide(previous_theme_ranks=before))
    assert [s.text for s in sentences] == texts
    assert all(s.key.startswith("theme-") for s in sentences)


def test_the_slide_s_story_in_reading_order():
    assert [s.key for s in story(slide())] == [
        COUNTY,
        RIVAL_ABOVE,
        THREAT_BELOW,
        STRONGEST,
        WEAKEST,
    ]


def test_without_a_county_place_or_themes_there_is_no_story():
    assert story(StoryInput(name="Asker", edition=2019)) == []


@pytest.mark.parametrize("count, text", [(1, "én plass"), (2, "2 plasser"), (12, "12 plasser")])
def test_places_are_counted_in_words(count, text):
    assert places(count) == text


@pytest.mark.parametrize(
    "items, text", [((), ""), (("A",), "A"), (("A", "B"), "A og B"), (("A", "B", "C"), "A, B og C")]
)
def test_names_are_joined_the_norwegian_way(items, text):
    assert names(items) == text


def test_the_figures_are_shown_with_norwegian_labels():
    assert figure_rows({"rank": 4, "complete": False, "county": "Viken", "unknown": 1}) == [
        ("Fylke", "Viken"),
        ("Plass", "4"),
        ("Hele fylket med", "nei"),
    ]
