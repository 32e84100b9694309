"""The plan's peers in the browser: personas for every view, add (by today's number), remove
and reorder, bad numbers refused on the field with nothing saved, the change history."""

import pytest
from django.urls import reverse

from temaplan.benchmark.models import Peer
from temaplan.benchmark.page_views import PEERS_CHANGED
from temaplan.benchmark.peer_services import (
    PEER_IS_OWN,
    PEER_NO_COUNTY_TODAY,
    PEER_NOT_FOUR_DIGITS,
    PEER_TWICE,
    peer_create,
)
from temaplan.testing.personas import Endpoint, persona_tests, url_of

HTMX = {"HTTP_HX_REQUEST": "true"}


def a_peer(plan) -> Peer:
    return plan.peers.order_by("position", "pk").first()


def new_peer(plan) -> dict:
    return {"code": "3301", "name": "Drammen"}


def move_url(direction):
    return lambda plan: reverse("benchmark:peer_move", args=[a_peer(plan).pk, direction])


PAGE_ENDPOINTS = [
    Endpoint("page", "get", False, url_of("benchmark:page")),
]
PEER_ENDPOINTS = [
    Endpoint("peer_create", "get", True, url_of("benchmark:peer_create")),
    Endpoint("peer_create", "post", True, url_of("benchmark:peer_create"), new_peer),
    Endpoint("peer_delete", "post", True, url_of("benchmark:peer_delete", a_peer)),
    Endpoint("peer_move", "post", True, move_url("ned")),
]


def snapshot():
    return list(Peer.objects.order_by("pk").values_list("pk", "code", "name", "position"))


(
    test_anonymous_visitors_are_sent_to_login,
    test_the_editor_of_another_municipality_gets_404,
    test_the_read_only_member_changes_nothing,
    test_the_editor_may_do_everything,
) = persona_tests(PAGE_ENDPOINTS + PEER_ENDPOINTS, snapshot)


def test_the_read_only_member_is_told_why(reader, asker_plan):
    response = reader.post(reverse("benchmark:peer_create", args=[asker_plan.pk]), new_peer(None))
    assert response.status_code == 403
    assert "Du har bare lesetilgang i denne kommunen." in response.content.decode()


def test_the_read_only_member_sees_no_controls(reader, asker_plan):
    html = reader.get(reverse("benchmark:page", args=[asker_plan.pk])).content.decode()
    assert "Legg til sammenligningskommune" not in html
    assert "Flytt opp" not in html


# --- Adding ---------------------------------------------------------------------------------


def test_a_peer_is_added_last_and_the_comparison_refreshes(editor, asker_plan):
    url = reverse("benchmark:peer_create", args=[asker_plan.pk])
    response = editor.post(url, {"code": " 3301 ", "name": " Drammen "}, **HTMX)
    assert response.status_code == 200
    assert response["HX-Trigger"] == PEERS_CHANGED
    html = response.content.decode()
    assert html.startswith('\n<section id="peers"') or '<section id="peers"' in html[:80]
    assert "Drammen (3301)" in html
    added = asker_plan.peers.order_by("position").last()
    assert (added.code, added.name, added.position) == ("3301", "Drammen", 5)
    assert added.history.count() == 1


def test_without_htmx_a_new_peer_goes_back_to_the_page(editor, asker_plan):
    url = reverse("benchmark:peer_create", args=[asker_plan.pk])
    response = editor.post(url, new_peer(asker_plan), follow=True)
    assert "Drammen er lagt til blant sammenligningskommunene." in response.content.decode()


@pytest.mark.parametrize(
    "data, field, message",
    [
        ({"code": "331", "name": "Lier"}, "code", PEER_NOT_FOUR_DIGITS),
        ({"code": "33120", "name": "Lier"}, "code", PEER_NOT_FOUR_DIGITS),
        ({"code": "lier", "name": "Lier"}, "code", PEER_NOT_FOUR_DIGITS),
        ({"code": "٣٣١٢", "name": "Lier"}, "code", PEER_NOT_FOUR_DIGITS),
        (
            {"code": "3049", "name": "Lier"},
            "code",
            PEER_NO_COUNTY_TODAY.format(code="3049", county="30"),
        ),
        ({"code": "3203", "name": "Asker"}, "code", PEER_IS_OWN.format(name="Asker")),
        ({"code": "3312", "name": "Lier"}, "code", PEER_TWICE.format(code="3312")),
        ({"code": "3301", "name": "  "}, "name", "Kommune må fylles ut."),
        ({"code": "", "name": "Drammen"}, "code", "Kommunenummer må fylles ut."),
    ],
)
def test_a_bad_peer_is_refused_on_the_field_and_nothing_is_saved(
    editor, asker_plan, data, field, message
):
    before = snapshot()
    url = reverse("benchmark:peer_create", args=[asker_plan.pk])
    response = editor.post(url, data, **HTMX)
    assert response.status_code == 422
    html = response.content.decode()
    assert f'id="id_{field}_error">{message}' in html.replace("&#x27;", "'")
    assert snapshot() == before


def test_the_same_number_saved_twice_at_once_is_refused_on_the_field(asker_plan):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as refused:
        peer_create(plan=asker_plan, data={"code": "3312", "name": "Lier"})
    assert refused.value.message_dict == {"code": [PEER_TWICE.format(code="3312")]}


# --- Removing and reordering ----------------------------------------------------------------


def names(plan):
    return list(plan.peers.order_by("position", "pk").values_list("name", flat=True))


def test_a_peer_is_removed(editor, asker_plan):
    peer = a_peer(asker_plan)
    response = editor.post(reverse("benchmark:peer_delete", args=[peer.pk]), **HTMX)
    assert response.status_code == 200
    assert names(asker_plan) == ["Kongsberg", "Ullensaker", "Lier", "Ås"]
    assert "Bærum (3201)" not in response.content.decode()


@pytest.mark.parametrize(
    "name, direction, order",
    [
        ("Lier", "opp", ["Bærum", "Kongsberg", "Lier", "Ullensaker", "Ås"]),
        ("Lier", "ned", ["Bærum", "Kongsberg", "Ullensaker", "Ås", "Lier"]),
        ("Bærum", "opp", ["Bærum", "Kongsberg", "Ullensaker", "Lier", "Ås"]),
        ("Ås", "ned", ["Bærum", "Kongsberg", "Ullensaker", "Lier", "Ås"]),
    ],
)
def test_peers_are_reordered_and_the_table_follows(editor, asker_plan, name, direction, order):
    peer = asker_plan.peers.get(name=name)
    url = reverse("benchmark:peer_move", args=[peer.pk, direction])
    assert editor.post(url, **HTMX).status_code == 200
    assert names(asker_plan) == order
    html = editor.get(reverse("benchmark:page", args=[asker_plan.pk])).content.decode()
    table = html.split('<table class="benchmark">')[1].split("</table>")[0]
    shown = [n for n in order if f'<th scope="row">{n}</th>' in table]
    assert sorted(shown, key=table.index) == order


def test_an_unknown_direction_is_not_found(editor, asker_plan):
    url = reverse("benchmark:peer_move", args=[a_peer(asker_plan).pk, "sidelengs"])
    assert editor.post(url).status_code == 404


def test_every_view_of_the_page_is_in_a_persona_table():
    from temaplan.benchmark.page_urls import urlpatterns
    from temaplan.benchmark.tests.test_story_pages import STORY_ENDPOINTS

    tables = PAGE_ENDPOINTS + PEER_ENDPOINTS + STORY_ENDPOINTS
    assert {pattern.name for pattern in urlpatterns} == {endpoint.name for endpoint in tables}
