"""Fragments cached by the versions they show: a change anywhere gives a new key, and a cached
form carries the CSRF token of whoever asks."""

from datetime import UTC, datetime

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.template import Context, Template

from temaplan.core.fragments import fragment_key

TEMPLATE = Template(
    '{% load fragments %}{% fragment key "part" %}<p>{{ text }}</p>'
    '<form method="post">{% csrf_token %}</form>{% endfragment %}'
)


def render(key, text, token):
    return TEMPLATE.render(Context({"key": key, "text": text, "csrf_token": token}))


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


JOINED = datetime(2024, 1, 1, tzinfo=UTC)


def row(**changes):
    """Any model does; a user is one that core may import."""
    fields = {"pk": 7, "username": "anne", "first_name": "Anne", "date_joined": JOINED}
    return User(**{**fields, **changes})


@pytest.mark.parametrize(
    "changed",
    [{"username": "bjorn"}, {"first_name": "Anna"}, {"pk": 8}],
    ids=["another value", "another field", "another row"],
)
def test_any_change_to_a_shown_row_gives_another_key(changed):
    assert fragment_key("plan", [row()]) != fragment_key("plan", [row(**changed)])


def test_the_same_rows_give_the_same_key_and_a_flag_is_part_of_it():
    assert fragment_key("plan", True, [row()]) == fragment_key("plan", True, [row()])
    assert fragment_key("plan", True, [row()]) != fragment_key("plan", False, [row()])
    assert fragment_key("plan", [row()]) != fragment_key("plan", [row(), row()])


def test_something_that_is_neither_a_row_nor_a_value_is_refused():
    with pytest.raises(TypeError):
        fragment_key("plan", object())


def test_a_cached_form_carries_the_token_of_whoever_asks():
    first = render("k", "Første", "token-of-anne")
    second = render("k", "Andre", "token-of-bjorn")
    assert "Første" in second  # served from the cache, not rendered again
    assert 'value="token-of-anne"' in first and "token-of-anne" not in second
    assert 'value="token-of-bjorn"' in second


def test_text_that_looks_like_the_placeholder_is_left_as_it_is():
    shown = render("k", '<input type="hidden" value="csrf-token-placeholder">', "mine")
    assert "csrf-token-placeholder" in shown
    assert shown.count('value="mine"') == 1


def test_without_a_key_the_fragment_is_rendered_every_time():
    render("", "Første", "t")
    assert "Andre" in render("", "Andre", "t")
