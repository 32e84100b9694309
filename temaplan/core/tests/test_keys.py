import pytest

from temaplan.core.keys import free_key, key_from_text


@pytest.mark.parametrize(
    "text, key",
    [
        ("Utredning av næringsarealer", "utredning-av-naeringsarealer"),
        ("Pådriver for kunnskapsbedrifter", "padriver-for-kunnskapsbedrifter"),
        ("Øvre Årvoll", "ovre-arvoll"),
        ("  Tiltak 1.2 – «Reiseliv»!  ", "tiltak-1-2-reiseliv"),
        ("Café Zürich", "cafe-zurich"),
        ("pådriver-kunnskap", "padriver-kunnskap"),
        ("", ""),
        ("«»", ""),
    ],
)
def test_a_key_is_the_text_in_plain_lower_case_ascii_with_hyphens(text, key):
    assert key_from_text(text) == key


def test_a_long_key_is_cut_at_a_hyphen_to_fit():
    key = key_from_text("Samarbeid med næringslivet om kompetanse og rekruttering", max_length=30)
    assert key == "samarbeid-med-naeringslivet-om"
    assert key_from_text("a" * 80, max_length=10) == "a" * 10


@pytest.mark.parametrize(
    "base, taken, key",
    [
        ("studie", set(), "studie"),
        ("studie", {"studie"}, "studie-2"),
        ("studie", {"studie", "studie-2"}, "studie-3"),
    ],
)
def test_a_free_key_adds_the_first_number_not_taken(base, taken, key):
    assert free_key(base, taken) == key


def test_a_numbered_key_still_fits():
    assert free_key("x" * 10, {"x" * 10}, max_length=10) == "x" * 8 + "-2"
