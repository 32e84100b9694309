"""The evaluation's section of a draft report in the browser: personas for every view, inline
editing with htmx, flagged sentences, bad input refused with nothing saved, a frozen report."""

import pytest
from django.urls import reverse

from temaplan.accounts.access import READ_ONLY_MESSAGE
from temaplan.core.versioning import EDIT_CONFLICT_MESSAGE
from temaplan.reports.evaluation_forms import TEXT_REQUIRED
from temaplan.reports.evaluation_services import FROZEN_MESSAGE, STALE_MESSAGE
from temaplan.reports.models import EvaluationText, Report
from temaplan.testing.personas import Endpoint, persona_tests, second_editor, url_of

from .evaluation_reports import a_text, an_edited_text, draft_with_evaluation

HTMX = {"HTTP_HX_REQUEST": "true"}


def edited_data(plan) -> dict:
    row = a_text(plan)
    return {"text": "Andelen steg til 41,7 % i 2020.", "version": row.version}


def reset_data(plan) -> dict:
    return {"version": an_edited_text(plan).version}


def url(name, row):
    return url_of(f"reports:{name}", row)


EVALUATION_ENDPOINTS = [
    Endpoint("evaluation", "get", False, url("evaluation", draft_with_evaluation)),
    Endpoint("evaluation_text", "get", False, url("evaluation_text", a_text)),
    Endpoint("evaluation_text_edit", "get", True, url("evaluation_text_edit", a_text)),
    Endpoint(
        "evaluation_text_edit", "post", True, url("evaluation_text_edit", a_text), edited_data
    ),
    Endpoint(
        "evaluation_text_reset",
        "post",
        True,
        url("evaluation_text_reset", an_edited_text),
        reset_data,
    ),
]


def snapshot():
    return (
        list(EvaluationText.objects.order_by("pk").values_list("pk", "text", "edited", "version")),
        list(Report.objects.order_by("pk").values_list("pk", "state", "version")),
    )


(
    test_anonymous_visitors_are_sent_to_login,
    test_the_editor_of_another_municipality_gets_404,
    test_the_read_only_member_changes_nothing,
    test_the_editor_may_do_everything,
) = persona_tests(EVALUATION_ENDPOINTS, snapshot)


def test_the_read_only_member_is_told_why_a_write_is_refused(reader, asker_plan):
    response = reader.post(reverse("reports:evaluation_text_edit", args=[a_text(asker_plan).pk]))
    assert response.status_code == 403
    assert READ_ONLY_MESSAGE in response.content.decode()


def test_the_read_only_member_sees_no_editing_controls(reader, asker_plan):
    report = draft_with_evaluation(asker_plan)
    an_edited_text(asker_plan)
    page = reader.get(reverse("reports:evaluation", args=[report.pk])).content.decode()
    assert "tallene for 2020 foreligger ikke ennå" in page
    assert "Rediger</a>" not in page and "Tilbakestill" not in page


def test_every_view_is_in_the_persona_table():
    from temaplan.testing.personas import url_names

    assert url_names("reports") >= {e.name for e in EVALUATION_ENDPOINTS}
    evaluation_names = {n for n in url_names("reports") if n.startswith("evaluation")}
    assert evaluation_names == {e.name for e in EVALUATION_ENDPOINTS}


# --- The section ------------------------------------------------------------------------------


def test_the_section_lists_the_sentences_grouped_by_section(editor, asker_plan):
    report = draft_with_evaluation(asker_plan)
    page = editor.get(reverse("reports:evaluation", args=[report.pk]), **HTMX).content.decode()
    assert '<section id="evaluering"' in page and "<h1" not in page
    headings = [
        h for h in ("Sammendrag", "Indikatorer", "Innsatsområder", "Kommune-NM", "Budsjett")
    ]
    places = [page.index(f"<h3>{h}</h3>") for h in headings]
    assert places == sorted(places)
    assert "tallene for 2020 foreligger ikke ennå" in page


def test_a_flagged_sentence_says_so_in_words_and_with_an_icon(editor, asker_plan):
    report = draft_with_evaluation(asker_plan)
    row = an_edited_text(asker_plan)
    page = editor.get(reverse("reports:evaluation", args=[report.pk])).content.decode()
    message = STALE_MESSAGE.format(sentence=row.text, section="indikatorer", numbers="«41,8 %»")
    assert f"<strong>Må rettes før låsing:</strong> {message}" in page.replace("&laquo;", "«")
    assert '<span aria-hidden="true">⚠</span>' in page
    assert "1 setning må rettes før rapporten kan låses." in page
    assert '<span class="badge">Redigert</span>' in page


def test_the_edit_form_comes_in_place_of_the_sentence(editor, asker_plan):
    row = a_text(asker_plan)
    response = editor.get(reverse("reports:evaluation_text_edit", args=[row.pk]), **HTMX)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.strip().startswith(f'<li id="evaluering-{row.pk}"')
    assert '<textarea name="text"' in html and f'id="id_text_{row.pk}"' in html
    assert f'hx-get="{reverse("reports:evaluation_text", args=[row.pk])}"' in html  # Avbryt


def test_cancel_shows_the_sentence_again(editor, asker_plan):
    row = a_text(asker_plan)
    html = editor.get(reverse("reports:evaluation_text", args=[row.pk]), **HTMX).content.decode()
    assert html.strip().startswith(f'<li id="evaluering-{row.pk}"') and "<textarea" not in html
    assert row.text in html


def test_a_save_answers_with_the_section_showing_the_edited_sentence(editor, asker_plan):
    row = a_text(asker_plan)
    response = editor.post(
        reverse("reports:evaluation_text_edit", args=[row.pk]), edited_data(asker_plan), **HTMX
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert html.strip().startswith('<section id="evaluering"')
    assert "Andelen steg til 41,7 % i 2020." in html and "Må rettes" not in html
    row.refresh_from_db()
    assert row.edited and row.text == "Andelen steg til 41,7 % i 2020."


def test_without_htmx_a_save_goes_back_to_the_sentence_on_the_page(editor, asker_plan):
    row = a_text(asker_plan)
    response = editor.post(
        reverse("reports:evaluation_text_edit", args=[row.pk]), edited_data(asker_plan)
    )
    assert response.status_code == 302
    assert response["Location"].endswith(f"/vurdering/#evaluering-{row.pk}")


def test_a_reset_brings_back_the_generated_text(editor, asker_plan):
    row = an_edited_text(asker_plan)
    response = editor.post(
        reverse("reports:evaluation_text_reset", args=[row.pk]), reset_data(asker_plan), **HTMX
    )
    assert response.status_code == 200
    row.refresh_from_db()
    assert not row.edited and row.text == row.generated
    assert row.generated in response.content.decode()


# --- Refused ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, message",
    [
        ("", TEXT_REQUIRED),
        ("   ", TEXT_REQUIRED),
        ("x" * 5001, "Sørg for at denne verdien har 5000 eller færre tegn (den har nå 5001)."),
        ("a\x00b", "Null-tegn er ikke tillatt."),
    ],
)
def test_bad_text_is_refused_on_the_field_and_saves_nothing(editor, asker_plan, text, message):
    row = a_text(asker_plan)
    response = editor.post(
        reverse("reports:evaluation_text_edit", args=[row.pk]),
        {"text": text, "version": row.version},
        **HTMX,
    )
    assert response.status_code == 422
    assert response.context["form"].errors["text"] == [message]
    assert 'aria-invalid="true"' in response.content.decode()
    after = EvaluationText.objects.get(pk=row.pk)
    assert (after.text, after.version) == (row.text, row.version)


def test_the_second_of_two_editors_is_refused_with_the_conflict(editor, asker_plan):
    row = a_text(asker_plan)
    other = second_editor(asker_plan.municipality)
    url = reverse("reports:evaluation_text_edit", args=[row.pk])
    assert other.post(url, {"text": "Den andres.", "version": row.version}).status_code == 302
    response = editor.post(url, {"text": "Min.", "version": row.version}, **HTMX)
    assert response.status_code == 409
    assert EDIT_CONFLICT_MESSAGE in response.content.decode()
    assert EvaluationText.objects.get(pk=row.pk).text == "Den andres."


@pytest.mark.parametrize("version", ["", "abc", "-1", "99999999999999"])
def test_a_missing_or_broken_version_is_refused_as_a_conflict(editor, asker_plan, version):
    row = a_text(asker_plan)
    response = editor.post(
        reverse("reports:evaluation_text_edit", args=[row.pk]), {"text": "Ny.", "version": version}
    )
    assert response.status_code == 409
    assert EvaluationText.objects.get(pk=row.pk).text == row.text


def test_a_frozen_reports_evaluation_cannot_be_edited(editor, asker_plan):
    row = an_edited_text(asker_plan)
    Report.objects.filter(pk=row.report_id).update(state=Report.State.FROZEN)
    edit_url = reverse("reports:evaluation_text_edit", args=[row.pk])
    shown = editor.get(edit_url, **HTMX)
    assert shown.status_code == 409 and FROZEN_MESSAGE in shown.content.decode()
    saved = editor.post(edit_url, {"text": "Etter låsing.", "version": row.version}, **HTMX)
    assert saved.status_code == 422 and FROZEN_MESSAGE in saved.content.decode()
    reset = editor.post(
        reverse("reports:evaluation_text_reset", args=[row.pk]), {"version": row.version}, **HTMX
    )
    assert reset.status_code == 422 and FROZEN_MESSAGE in reset.content.decode()
    assert EvaluationText.objects.get(pk=row.pk).version == row.version
    page = editor.get(reverse("reports:evaluation", args=[row.report_id])).content.decode()
    assert "Rediger</a>" not in page


def test_the_section_renders_for_whoever_includes_it_with_report_and_can_edit(asker_plan):
    from django.template.loader import render_to_string

    report = draft_with_evaluation(asker_plan)
    html = render_to_string(
        "reports/evaluation_section.html", {"report": report, "can_edit": False}
    )
    assert '<section id="evaluering"' in html and "Rediger" not in html
