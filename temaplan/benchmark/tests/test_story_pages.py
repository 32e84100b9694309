"""The story in the browser: personas, an edit kept when the story is made anew, a sentence
flagged when its figures change, taking the new text or keeping one's own, edit conflicts."""

import pytest
from django.urls import reverse

from temaplan.benchmark.models import Edition, Ranking, StorySentence
from temaplan.benchmark.peer_services import benchmark_data
from temaplan.benchmark.story import story
from temaplan.benchmark.story_services import GONE, story_regenerate
from temaplan.core.text_limits import PARAGRAPHS
from temaplan.core.versioning import EDIT_CONFLICT_MESSAGE
from temaplan.testing.personas import Endpoint, persona_tests, second_editor

HTMX = {"HTTP_HX_REQUEST": "true"}
RIVAL = "rival-above"
MINE = "Lier er den vi må slå."


def story_url(name, key="county", year=2021):
    return lambda plan: reverse(f"benchmark:{name}", args=[plan.pk, year, key])


def edited(plan) -> dict:
    return {"text": "Asker tok to plasser i Viken.", "version": 1}


def version_1(plan) -> dict:
    return {"version": 1}


STORY_ENDPOINTS = [
    Endpoint("story_edit", "get", True, story_url("story_edit")),
    Endpoint("story_edit", "post", True, story_url("story_edit"), edited),
    Endpoint("story_take", "post", True, story_url("story_take"), version_1),
    Endpoint("story_keep", "post", True, story_url("story_keep"), version_1),
]


def snapshot():
    return list(StorySentence.objects.order_by("pk").values_list("pk", "text", "edited", "version"))


(
    test_anonymous_visitors_are_sent_to_login,
    test_the_editor_of_another_municipality_gets_404,
    test_the_read_only_member_changes_nothing,
    test_the_editor_may_do_everything,
) = persona_tests(STORY_ENDPOINTS, snapshot)


def sentence(plan, key=RIVAL) -> StorySentence:
    return StorySentence.objects.get(plan=plan, edition__year=2021, key=key)


def edit(client, plan, text=MINE, key=RIVAL, version=1):
    url = reverse("benchmark:story_edit", args=[plan.pk, 2021, key])
    return client.post(url, {"text": text, "version": version}, **HTMX)


def lier_ranked(plan, rank: int) -> None:
    Ranking.objects.filter(
        edition__municipality=plan.municipality, edition__year=2021, data_year=2020, code="3049"
    ).update(rank=rank)


def story_html(client, plan) -> str:
    html = client.get(reverse("benchmark:page", args=[plan.pk])).content.decode()
    return html.split('id="story"')[1]


def test_the_read_only_member_is_told_why(reader, asker_plan):
    response = edit(reader, asker_plan)
    assert response.status_code == 403
    assert "Du har bare lesetilgang i denne kommunen." in response.content.decode()


def test_the_page_writes_nothing_until_someone_edits(reader, asker_plan):
    story_html(reader, asker_plan)
    assert not StorySentence.objects.filter(plan=asker_plan).exists()


def test_an_edited_sentence_is_shown_marked_and_kept_with_its_figures(editor, asker_plan):
    response = edit(editor, asker_plan)
    assert response.status_code == 200
    assert MINE in response.content.decode() and "Redigert" in response.content.decode()
    row = sentence(asker_plan)
    assert (row.text, row.edited, row.version, row.stale) == (MINE, True, 2, False)
    assert (
        row.figures_when_edited
        == row.figures
        == {
            "edition": 2021,
            "county": "Viken",
            "rival": "Lier",
            "place": 3,
            "rival_rank": 10,
            "national_rank": 11,
        }
    )
    assert row.history.count() >= 1
    # Every other sentence of the story is stored as generated.
    assert StorySentence.objects.filter(plan=asker_plan, edited=False).count() == 4


def test_the_generated_text_typed_back_is_no_edit(editor, asker_plan):
    generated = next(s.text for s in story_of(asker_plan) if s.key == RIVAL)
    edit(editor, asker_plan, text=generated)
    assert sentence(asker_plan).edited is False


def story_of(plan):
    data = benchmark_data(plan=plan, history=None)
    return story(data.story_input(2021))


def test_regenerating_never_overwrites_an_edited_sentence_and_flags_it_when_figures_change(
    editor, asker_plan
):
    edit(editor, asker_plan)
    lier_ranked(asker_plan, 9)
    edition = Edition.objects.get(municipality=asker_plan.municipality, year=2021)
    story_regenerate(plan=asker_plan, edition=edition, fresh=story_of(asker_plan))
    row = sentence(asker_plan)
    assert row.text == MINE
    assert row.stale
    assert "2 plasser foran Asker" in row.generated
    html = story_html(editor, asker_plan)
    assert "Tallene har endret seg siden setningen ble redigert." in html
    assert "Bruk den nye teksten" in html and "Behold min tekst" in html


def test_the_page_flags_a_changed_figure_before_anything_is_regenerated(editor, asker_plan):
    edit(editor, asker_plan)
    lier_ranked(asker_plan, 9)
    html = story_html(editor, asker_plan)
    assert MINE in html
    assert "Tallene har endret seg siden setningen ble redigert." in html


def test_the_new_generated_text_can_be_taken(editor, asker_plan):
    edit(editor, asker_plan)
    lier_ranked(asker_plan, 9)
    url = reverse("benchmark:story_take", args=[asker_plan.pk, 2021, RIVAL])
    assert editor.post(url, {"version": 2}, **HTMX).status_code == 200
    row = sentence(asker_plan)
    assert (row.edited, row.stale, row.version) == (False, False, 3)
    assert row.text == row.generated and "2 plasser foran Asker" in row.text


def test_the_edited_text_can_be_kept_against_the_new_figures(editor, asker_plan):
    edit(editor, asker_plan)
    lier_ranked(asker_plan, 9)
    url = reverse("benchmark:story_keep", args=[asker_plan.pk, 2021, RIVAL])
    assert editor.post(url, {"version": 2}, **HTMX).status_code == 200
    row = sentence(asker_plan)
    assert (row.text, row.edited, row.stale) == (MINE, True, False)
    assert "Tallene har endret seg" not in story_html(editor, asker_plan)


def test_an_edited_sentence_whose_figures_are_gone_stays_flagged_until_let_go(editor, asker_plan):
    edit(editor, asker_plan)
    lier_ranked(asker_plan, 200)  # Asker is 3rd of the six; Ullensaker just ahead now
    lier_ranked_out = Ranking.objects.filter(
        edition__municipality=asker_plan.municipality, edition__year=2021, data_year=2020
    ).exclude(code="3025")
    lier_ranked_out.update(rank=300)  # nobody ahead of Asker any more: no rival sentence
    html = story_html(editor, asker_plan)
    assert MINE in html and GONE in html and "Fjern setningen" in html
    url = reverse("benchmark:story_take", args=[asker_plan.pk, 2021, RIVAL])
    assert editor.post(url, {"version": 2}, **HTMX).status_code == 200
    assert not StorySentence.objects.filter(plan=asker_plan, key=RIVAL).exists()


def test_a_second_editor_is_refused_and_shown_what_the_first_saved(editor, asker_plan):
    other = second_editor(asker_plan.municipality)
    edit(editor, asker_plan)
    response = edit(other, asker_plan, text="Noe annet.", version=1)
    assert response.status_code == 409
    html = response.content.decode()
    assert EDIT_CONFLICT_MESSAGE in html and MINE in html
    assert sentence(asker_plan).text == MINE


@pytest.mark.parametrize(
    "data, status, message",
    [
        ({"text": "", "version": 1}, 422, "Tekst må fylles ut."),
        ({"text": "x" * (PARAGRAPHS + 1), "version": 1}, 422, "5000 eller færre tegn"),
    ],
)
def test_a_bad_sentence_is_refused_on_the_field(editor, asker_plan, data, status, message):
    url = reverse("benchmark:story_edit", args=[asker_plan.pk, 2021, RIVAL])
    response = editor.post(url, data, **HTMX)
    assert response.status_code == status
    assert message in response.content.decode()
    assert not StorySentence.objects.filter(plan=asker_plan).exists()


@pytest.mark.parametrize("version", ["", "abc", "-1"])
def test_a_choice_without_a_good_version_is_refused_and_changes_nothing(
    editor, asker_plan, version
):
    url = reverse("benchmark:story_take", args=[asker_plan.pk, 2021, RIVAL])
    response = editor.post(url, {"version": version}, **HTMX)
    assert response.status_code == 422
    assert 'role="alert"' in response.content.decode()
    assert not StorySentence.objects.filter(plan=asker_plan).exists()


@pytest.mark.parametrize("year, key", [(2021, "no-such-sentence"), (1999, "county")])
def test_an_unknown_sentence_or_edition_is_not_found(editor, asker_plan, year, key):
    url = reverse("benchmark:story_edit", args=[asker_plan.pk, year, key])
    assert editor.get(url).status_code == 404


def test_the_edit_form_opens_inline_with_the_generated_text_beside_it(editor, asker_plan):
    url = reverse("benchmark:story_edit", args=[asker_plan.pk, 2021, RIVAL])
    html = editor.get(url, **HTMX).content.decode()
    assert html.lstrip().startswith('<section id="story"')
    assert "<textarea" in html and "Generert tekst:" in html
    assert 'name="version" value="1"' in html
