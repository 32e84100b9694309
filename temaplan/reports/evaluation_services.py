"""The result evaluation of a draft report: generated from the figures, edited by an editor.

Interface used by the workflow (services.py): `evaluation_refresh` (before showing or
freezing a draft), `evaluation_sentences` (what goes into the frozen document) and
`evaluation_problems` (what stops a freeze). The editing pages use `evaluation_text_edit`
and `evaluation_text_reset`.

What a refresh does to the stored sentences (EvaluationText rows):
- a sentence generated for the first time is stored;
- an unedited sentence takes the new text and figures;
- an edited sentence keeps its text, always: only its figures are brought up to date, so the
  stale-number check (evaluation.stale_numbers) compares what the editor wrote with today's
  figures;
- a sentence no longer generated is removed if unedited; an edited one is kept, with no
  generated text (`generated == ""`), and stops the freeze until the editor removes it.
A frozen report's sentences are never touched.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from temaplan.core.versioning import record_update

from .document import Document, EvaluationSentence
from .evaluation import SECTION_LABELS, generate, stale_numbers
from .models import EvaluationText, Report

FROZEN_MESSAGE = (
    "Rapporten er låst, så vurderingen kan ikke endres. Lag en ny versjon av rapporten for å "
    "endre teksten."
)
EMPTY_MESSAGE = "Teksten kan ikke være tom."
STALE_MESSAGE = (
    "Den redigerte setningen «{sentence}» ({section}) nevner {numbers}, som ikke stemmer med "
    "tallene den bygger på. Rett tallene, eller tilbakestill setningen til den genererte teksten."
)
ORPHAN_MESSAGE = (
    "Den redigerte setningen «{sentence}» ({section}) bygger på tall som ikke lenger er med i "
    "rapporten. Fjern den, eller skriv innholdet inn i en annen setning."
)
QUOTE_LENGTH = 80


def evaluation_refresh(*, report: Report, document: Document) -> list[EvaluationText]:
    """Generate the sentences from the document's figures; never overwrite an edited one."""
    if report.is_frozen:
        return list(report.evaluation.all())
    generated = _each_once(generate(document))
    with transaction.atomic():
        # One refresh of a report at a time; an edit waits for it, and it for an edit.
        Report.objects.select_for_update().filter(pk=report.pk).first()
        stored = {
            (row.section, row.key): row
            for row in EvaluationText.objects.select_for_update().filter(report=report)
        }
        new: list[EvaluationText] = []
        changed: dict[int, EvaluationText] = {}
        for position, found in enumerate(generated):
            row = stored.pop((found["section"], found["key"]), None)
            if row is None:
                new.append(
                    EvaluationText(
                        municipality_id=report.municipality_id,
                        report=report,
                        section=found["section"],
                        key=found["key"],
                        position=position,
                        generated=found["text"],
                        text=found["text"],
                        figures=found["figures"],
                    )
                )
                continue
            changes: dict[str, Any] = {
                "position": position,
                "generated": found["text"],
                "figures": found["figures"],
            }
            if not row.edited:
                changes["text"] = found["text"]
            if _changed(row, changes):
                changed[row.pk] = row
        after = len(generated)
        gone = []
        for row in sorted(stored.values(), key=lambda r: r.position):
            if not row.edited:
                gone.append(row.pk)
            elif _changed(row, {"generated": "", "position": after}):
                changed[row.pk] = row
                after += 1
        # In bulk, history included: a bigger plan costs more rows, not more queries.
        if gone:
            EvaluationText.objects.filter(pk__in=gone).delete()
        if new:
            bulk_create_with_history(new, EvaluationText)
        if changed:
            bulk_update_with_history(list(changed.values()), EvaluationText, REFRESHED)
    return list(report.evaluation.all())


def _each_once(sentences: list[EvaluationSentence]) -> list[EvaluationSentence]:
    """The first sentence of each (section, key): two with one key would break the row's
    uniqueness (keys come from the document, where they are unique already)."""
    seen: set[tuple[str, str]] = set()
    once = []
    for found in sentences:
        if (found["section"], found["key"]) not in seen:
            seen.add((found["section"], found["key"]))
            once.append(found)
    return once


# The fields a refresh may change.
REFRESHED = ["position", "generated", "figures", "text", "version"]


def _changed(row: EvaluationText, changes: dict[str, Any]) -> bool:
    """Apply `changes` to the row in memory (its version up by one); whether any differed."""
    differing = {name: value for name, value in changes.items() if getattr(row, name) != value}
    for name, value in differing.items():
        setattr(row, name, value)
    if differing:
        row.version += 1
    return bool(differing)


def evaluation_preview(*, report: Report, document: Document) -> list[EvaluationSentence]:
    """The evaluation a refresh would store, worked out in memory without writing: the
    generated sentences, with the editor's text where a stored sentence was edited. For
    looks that must not write (a reader's, or the page behind a refused request)."""
    edited = {(t.section, t.key): t for t in report.evaluation.all() if t.edited}
    sentences = []
    for found in _each_once(generate(document)):
        row = edited.get((found["section"], found["key"]))
        sentences.append(
            EvaluationSentence(**{**found, "text": row.text, "edited": True}) if row else found
        )
    return sentences


def evaluation_sentences(report: Report) -> list[EvaluationSentence]:
    """The report's evaluation as it goes into the frozen document, in order."""
    return [
        EvaluationSentence(
            section=t.section, key=t.key, text=t.text, figures=t.figures, edited=t.edited
        )
        for t in report.evaluation.all()
    ]


def evaluation_problems(*, report: Report, document: Document) -> list[str]:
    """Why the evaluation cannot be frozen as it is, in Norwegian (empty when it can): every
    edited sentence that quotes a number not among the figures the document gives it now, and
    every edited sentence whose figures the document no longer has."""
    figures = {(s["section"], s["key"]): s["figures"] for s in generate(document)}
    problems = []
    for row in report.evaluation.filter(edited=True):
        current = figures.get((row.section, row.key))
        if current is None:
            problems.append(ORPHAN_MESSAGE.format(**_named(row)))
        elif stale := stale_numbers(row.text, current):
            problems.append(text_problem(row, stale))
    return problems


def text_problem(row: EvaluationText, stale: list[str]) -> str:
    """The message for one edited sentence quoting numbers that no longer match."""
    numbers = [f"«{number}»" for number in stale]
    joined = numbers[0] if len(numbers) == 1 else ", ".join(numbers[:-1]) + " og " + numbers[-1]
    return STALE_MESSAGE.format(numbers=joined, **_named(row))


def row_problem(row: EvaluationText) -> str | None:
    """What is wrong with one stored sentence against its stored figures (the section's flag),
    or None. The figures are those of the last refresh."""
    if not row.edited:
        return None
    if not row.generated:
        return ORPHAN_MESSAGE.format(**_named(row))
    stale = stale_numbers(row.text, row.figures)
    return text_problem(row, stale) if stale else None


def _named(row: EvaluationText) -> dict[str, str]:
    text = " ".join(row.text.split())
    if len(text) > QUOTE_LENGTH:
        text = text[: QUOTE_LENGTH - 1].rstrip() + "…"
    return {"sentence": text, "section": SECTION_LABELS.get(row.section, row.section).lower()}


def evaluation_text_edit(
    *, text_row: EvaluationText, text: str, expected_version: int, user=None
) -> EvaluationText:
    """The editor's own wording of a sentence. A text equal to the generated one (spaces aside)
    is no longer edited. Refused on a frozen report, and when someone saved in between
    (EditConflict). The history records the user of the request (simple-history)."""
    _refuse_if_frozen(text_row)
    text = text.strip()
    if not text:
        raise ValidationError({"text": EMPTY_MESSAGE})
    edited = " ".join(text.split()) != " ".join(text_row.generated.split())
    return record_update(
        record=text_row,
        changes={
            "text": text if edited else text_row.generated,
            "edited": edited,
            "figures_when_edited": text_row.figures if edited else {},
        },
        expected_version=expected_version,
    )


def evaluation_text_reset(
    *, text_row: EvaluationText, expected_version: int, user=None
) -> EvaluationText | None:
    """Back to the generated text. A sentence no longer generated is removed (None)."""
    _refuse_if_frozen(text_row)
    if not text_row.generated:
        with transaction.atomic():
            current = EvaluationText.objects.select_for_update().filter(pk=text_row.pk).first()
            if current is not None and current.version == expected_version:
                current.delete()
                return None
        # Someone changed or removed it meanwhile: say so the usual way.
    return record_update(
        record=text_row,
        changes={"text": text_row.generated, "edited": False, "figures_when_edited": {}},
        expected_version=expected_version,
    )


def _refuse_if_frozen(text_row: EvaluationText) -> None:
    report = Report.objects.filter(pk=text_row.report_id).only("state").first()
    if report is None or report.is_frozen:
        raise ValidationError(FROZEN_MESSAGE)
