"""The stored evaluation of a draft report (evaluation_services): refreshed from the document
without ever overwriting an edited sentence, edited and reset with versions, and the problems
that stop a freeze."""

import pytest
from django.core.exceptions import ValidationError

from temaplan.core.versioning import DELETED_MEANWHILE_MESSAGE, EDIT_CONFLICT_MESSAGE, EditConflict
from temaplan.reports.evaluation import generate
from temaplan.reports.evaluation_services import (
    EMPTY_MESSAGE,
    FROZEN_MESSAGE,
    ORPHAN_MESSAGE,
    STALE_MESSAGE,
    evaluation_problems,
    evaluation_refresh,
    evaluation_sentences,
    evaluation_text_edit,
    evaluation_text_reset,
)
from temaplan.reports.models import Report

from .evaluation_documents import NBSP, document, indicator, missing_year
from .evaluation_reports import new_draft, small_document


@pytest.fixture
def report(asker_plan):
    return new_draft(asker_plan)


def stored(report):
    return [(t.section, t.key, t.text, t.edited) for t in report.evaluation.all()]


def row(report, key="andel", section="indicator"):
    return report.evaluation.get(section=section, key=key)


def revised_share():
    """The share revised by SSB from 41,7 % to 41,8 %."""
    return document(
        indicators=[
            indicator(value="41.8", shown=f"41,8{NBSP}%", revised_from=[f"41,7{NBSP}%"]),
            missing_year(),
        ]
    )


def edit(text_row, text):
    return evaluation_text_edit(
        text_row=text_row, text=text, expected_version=text_row.version, user=None
    )


# --- Refresh ----------------------------------------------------------------------------------


def test_a_refresh_stores_every_generated_sentence_in_order(report):
    doc = small_document()
    rows = evaluation_refresh(report=report, document=doc)
    assert [(r.section, r.key, r.text) for r in rows] == [
        (s["section"], s["key"], s["text"]) for s in generate(doc)
    ]
    assert [r.position for r in rows] == list(range(len(rows)))
    assert all(r.municipality_id == report.municipality_id for r in rows)
    assert all(r.generated == r.text and not r.edited for r in rows)


def test_a_second_refresh_of_the_same_figures_changes_nothing(report):
    evaluation_refresh(report=report, document=small_document())
    before = list(report.evaluation.values_list("pk", "version", "text"))
    evaluation_refresh(report=report, document=small_document())
    assert list(report.evaluation.values_list("pk", "version", "text")) == before


def test_an_unedited_sentence_takes_the_new_text_and_figures(report):
    evaluation_refresh(report=report, document=small_document())
    old = row(report)
    evaluation_refresh(report=report, document=revised_share())
    new = row(report)
    assert new.pk == old.pk and new.version == old.version + 1
    assert "41,8" in new.text and new.text == new.generated
    assert new.figures["verdi"]["value"] == "41.8"


def test_an_edited_sentence_keeps_its_text_but_takes_the_new_figures(report):
    evaluation_refresh(report=report, document=small_document())
    edited = edit(row(report), "Andelen steg til 41,7 % i 2020.")
    evaluation_refresh(report=report, document=revised_share())
    after = row(report)
    assert after.text == "Andelen steg til 41,7 % i 2020." and after.edited
    assert after.figures["verdi"]["value"] == "41.8"
    assert "41,8" in after.generated
    assert after.figures_when_edited == edited.figures_when_edited


def test_a_sentence_no_longer_generated_is_removed_unless_edited(report):
    evaluation_refresh(report=report, document=small_document())
    edit(row(report, "jordvern"), "Jordvernet venter på tallene.")
    without_both = document(indicators=[], budget=[])
    evaluation_refresh(report=report, document=without_both)
    assert not report.evaluation.filter(key="andel").exists()
    kept = row(report, "jordvern")
    assert kept.text == "Jordvernet venter på tallene." and kept.generated == ""
    assert kept.position == report.evaluation.count() - 1


def test_a_new_sentence_is_stored_beside_the_edited_ones(report):
    evaluation_refresh(report=report, document=small_document())
    edit(row(report), "Egen tekst om 41,7 % i 2020.")
    evaluation_refresh(report=report, document=revised_share())
    assert row(report, "andel.forbehold").text.startswith("Andel sysselsatt i egen kommune:")
    assert row(report).text == "Egen tekst om 41,7 % i 2020."


def test_a_frozen_reports_evaluation_is_never_refreshed(report):
    evaluation_refresh(report=report, document=small_document())
    report.state = Report.State.FROZEN
    report.save()
    before = stored(report)
    evaluation_refresh(report=report, document=revised_share())
    assert stored(report) == before


# --- The frozen document's sentences ----------------------------------------------------------


def test_the_sentences_for_the_frozen_document_are_the_stored_ones_in_order(report):
    evaluation_refresh(report=report, document=small_document())
    edit(row(report), "Egen tekst.")
    sentences = evaluation_sentences(report)
    assert [(s["section"], s["key"]) for s in sentences] == [
        (s["section"], s["key"]) for s in generate(small_document())
    ]
    share = next(s for s in sentences if s["key"] == "andel")
    assert share["text"] == "Egen tekst." and share["edited"] is True
    assert share["figures"]["verdi"]["shown"] == f"41,7{NBSP}%"


# --- Problems before a freeze -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text, numbers",
    [
        ("Andelen steg til 41,7 % i 2020.", None),
        ("Andelen steg i 2020, fra 41,4 %.", None),
        ("Andelen steg og steg.", None),
        ("Andelen steg til 41,9 % i 2020.", "«41,9 %»"),
        ("Andelen steg til 41,9 % i 2021.", "«41,9 %» og «2021»"),
    ],
)
def test_an_edited_sentence_quoting_numbers_not_among_its_figures_stops_the_freeze(
    report, text, numbers
):
    evaluation_refresh(report=report, document=small_document())
    edit(row(report), text)
    problems = evaluation_problems(report=report, document=small_document())
    if numbers is None:
        assert problems == []
    else:
        assert problems == [
            STALE_MESSAGE.format(sentence=text, section="indikatorer", numbers=numbers)
        ]


def test_a_revised_figure_makes_the_edited_sentence_that_quotes_the_old_one_stale(report):
    evaluation_refresh(report=report, document=small_document())
    edit(row(report), "Andelen steg til 41,7 % i 2020.")
    assert evaluation_problems(report=report, document=small_document()) == []
    problems = evaluation_problems(report=report, document=revised_share())
    assert len(problems) == 1 and "«41,7 %»" in problems[0]
    assert "Andelen steg til 41,7 % i 2020." in problems[0]


def test_unedited_sentences_are_never_problems(report):
    evaluation_refresh(report=report, document=small_document())
    assert evaluation_problems(report=report, document=revised_share()) == []


def test_an_edited_sentence_the_document_no_longer_has_stops_the_freeze(report):
    evaluation_refresh(report=report, document=small_document())
    edit(row(report, "jordvern"), "Jordvernet venter.")
    problems = evaluation_problems(report=report, document=document(indicators=[]))
    assert problems == [ORPHAN_MESSAGE.format(sentence="Jordvernet venter.", section="indikatorer")]


def test_a_long_sentence_is_named_by_its_beginning(report):
    evaluation_refresh(report=report, document=small_document())
    edit(row(report), "Andelen " + "steg veldig " * 20 + "til 50 %.")
    (problem,) = evaluation_problems(report=report, document=small_document())
    assert "«Andelen steg veldig" in problem and "…» (indikatorer) nevner «50 %»" in problem


# --- Edit and reset ---------------------------------------------------------------------------


def test_an_edit_stores_the_text_with_the_figures_it_was_written_against(report):
    evaluation_refresh(report=report, document=small_document())
    before = row(report)
    after = edit(before, "  Egen tekst.  ")
    assert (after.text, after.edited, after.version) == ("Egen tekst.", True, before.version + 1)
    assert after.figures_when_edited == before.figures
    assert after.history.count() == 2


def test_an_edit_back_to_the_generated_text_is_not_an_edit(report):
    evaluation_refresh(report=report, document=small_document())
    edited = edit(row(report), "Egen tekst.")
    again = edit(edited, edited.generated.replace(" ", "  "))
    assert (again.text, again.edited, again.figures_when_edited) == (edited.generated, False, {})


def test_an_empty_edit_is_refused(report):
    evaluation_refresh(report=report, document=small_document())
    with pytest.raises(ValidationError) as refused:
        edit(row(report), "   ")
    assert refused.value.message_dict == {"text": [EMPTY_MESSAGE]}
    assert not row(report).edited


def test_the_second_of_two_edits_from_the_same_version_is_refused(report):
    evaluation_refresh(report=report, document=small_document())
    first = row(report)
    edit(first, "Den første.")
    with pytest.raises(EditConflict, match=EDIT_CONFLICT_MESSAGE):
        edit(first, "Den andre.")
    assert row(report).text == "Den første."


def test_an_edit_of_a_frozen_report_is_refused_with_a_clear_message(report):
    evaluation_refresh(report=report, document=small_document())
    Report.objects.filter(pk=report.pk).update(state=Report.State.FROZEN)
    with pytest.raises(ValidationError, match="Rapporten er låst"):
        edit(row(report), "Etter låsing.")
    with pytest.raises(ValidationError) as refused:
        evaluation_text_reset(text_row=row(report), expected_version=row(report).version)
    assert refused.value.messages == [FROZEN_MESSAGE]
    assert not row(report).edited


def test_a_reset_brings_back_the_generated_text(report):
    evaluation_refresh(report=report, document=small_document())
    edited = edit(row(report), "Egen tekst.")
    reset = evaluation_text_reset(text_row=edited, expected_version=edited.version, user=None)
    assert (reset.text, reset.edited, reset.figures_when_edited) == (edited.generated, False, {})


def test_a_reset_of_a_sentence_no_longer_generated_removes_it(report):
    evaluation_refresh(report=report, document=small_document())
    edit(row(report, "jordvern"), "Jordvernet venter.")
    evaluation_refresh(report=report, document=document(indicators=[]))
    orphan = row(report, "jordvern")
    assert evaluation_text_reset(text_row=orphan, expected_version=orphan.version) is None
    assert not report.evaluation.filter(key="jordvern").exists()
    with pytest.raises(EditConflict, match=DELETED_MEANWHILE_MESSAGE):
        evaluation_text_reset(text_row=orphan, expected_version=orphan.version)


def test_a_reset_from_an_old_version_is_refused(report):
    evaluation_refresh(report=report, document=small_document())
    old = row(report)
    edit(old, "Egen tekst.")
    with pytest.raises(EditConflict):
        evaluation_text_reset(text_row=old, expected_version=old.version)
    assert row(report).text == "Egen tekst."
