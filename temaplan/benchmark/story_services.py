"""The story's sentences as stored: generated from the figures, edited by people.

The page always shows the story made from today's figures (`story_lines`), with each edited
sentence's own words in place of the generated ones. Writing (`story_regenerate`, and every
edit, which regenerates first) stores the generated text and its figures on every sentence but
never touches an edited sentence's text: an edited sentence whose figures have changed since it
was edited is `stale`, and the editor chooses to take the new generated text
(`story_sentence_take_generated`) or keep their own (`story_sentence_keep_edited`). A sentence
whose figures are gone (no longer generated) is deleted, unless it was edited: then it stays,
flagged, until the editor lets it go.

The version on a sentence counts people's changes (edit, take, keep), not regenerations, so
an editor is refused only when another person changed the same sentence meanwhile. A sentence
not stored yet is at version 1, as it will be when stored.
"""

from __future__ import annotations

from django.db import transaction

from temaplan.core.versioning import DELETED_MEANWHILE_MESSAGE, EDIT_CONFLICT_MESSAGE, EditConflict
from temaplan.plans.models import Plan

from .models import Edition, StorySentence
from .story import Sentence

GONE = "Tallene denne setningen bygde på, finnes ikke lenger i utgaven."


def _merged(
    stored: list[StorySentence], fresh: list[Sentence], *, plan: Plan, edition: Edition
) -> tuple[list[StorySentence], list[StorySentence]]:
    """The sentences to show (stored rows brought up to date, unsaved rows for new ones) and
    the stored rows no longer generated nor edited (to delete)."""
    by_key = {row.key: row for row in stored}
    shown = []
    for position, sentence in enumerate(fresh):
        row = by_key.pop(sentence.key, None) or StorySentence(
            plan=plan, edition=edition, municipality_id=plan.municipality_id, key=sentence.key
        )
        row.position = position
        row.generated = sentence.text
        row.figures = sentence.figures
        if not row.edited:
            row.text = sentence.text
        shown.append(row)
    gone = []
    for row in sorted(by_key.values(), key=lambda r: r.position):
        if row.edited:
            row.position, row.generated, row.figures = len(shown), "", {}
            shown.append(row)
        else:
            gone.append(row)
    return shown, gone


def story_lines(*, plan: Plan, edition: Edition, fresh: list[Sentence]) -> list[StorySentence]:
    """The story to show, without writing: one query."""
    stored = list(StorySentence.objects.filter(plan=plan, edition=edition))
    return _merged(stored, fresh, plan=plan, edition=edition)[0]


_TRACKED = ("position", "generated", "figures", "text")


def story_regenerate(*, plan: Plan, edition: Edition, fresh: list[Sentence]) -> list[StorySentence]:
    """Store the story made from today's figures; edited text is never overwritten."""
    with transaction.atomic():
        stored = list(StorySentence.objects.select_for_update().filter(plan=plan, edition=edition))
        before = {row.pk: tuple(getattr(row, f) for f in _TRACKED) for row in stored}
        shown, gone = _merged(stored, fresh, plan=plan, edition=edition)
        for row in gone:
            row.delete()
        for row in shown:
            if row.pk is None or before[row.pk] != tuple(getattr(row, f) for f in _TRACKED):
                row.save()
    return shown


def _sentence(
    *, plan: Plan, edition: Edition, fresh: list[Sentence], key: str, expected_version: int
) -> StorySentence:
    """The sentence `key`, stored and up to date, locked; refused if someone else changed it."""
    rows = story_regenerate(plan=plan, edition=edition, fresh=fresh)
    row = next((r for r in rows if r.key == key), None)
    if row is None:
        raise EditConflict(DELETED_MEANWHILE_MESSAGE)
    row = StorySentence.objects.select_for_update().get(pk=row.pk)
    if row.version != expected_version:
        raise EditConflict(EDIT_CONFLICT_MESSAGE, current=row)
    return row


def story_sentence_edit(
    *,
    plan: Plan,
    edition: Edition,
    fresh: list[Sentence],
    key: str,
    text: str,
    expected_version: int,
) -> StorySentence:
    """The editor's words for a sentence, kept with the figures they were written against.
    The generated text typed back exactly makes the sentence generated again."""
    with transaction.atomic():
        row = _sentence(
            plan=plan, edition=edition, fresh=fresh, key=key, expected_version=expected_version
        )
        text = text.strip()
        if text == row.generated:
            row.edited, row.figures_when_edited = False, {}
        else:
            row.edited, row.figures_when_edited = True, row.figures
        row.text = text
        row.version += 1
        row.save()
    return row


def story_sentence_take_generated(
    *, plan: Plan, edition: Edition, fresh: list[Sentence], key: str, expected_version: int
) -> StorySentence | None:
    """The generated text instead of the edited one; a sentence whose figures are gone is
    deleted (None)."""
    with transaction.atomic():
        row = _sentence(
            plan=plan, edition=edition, fresh=fresh, key=key, expected_version=expected_version
        )
        if not row.generated:
            row.delete()
            return None
        row.text, row.edited, row.figures_when_edited = row.generated, False, {}
        row.version += 1
        row.save()
    return row


def story_sentence_keep_edited(
    *, plan: Plan, edition: Edition, fresh: list[Sentence], key: str, expected_version: int
) -> StorySentence:
    """The edited text kept against the new figures: no longer flagged."""
    with transaction.atomic():
        row = _sentence(
            plan=plan, edition=edition, fresh=fresh, key=key, expected_version=expected_version
        )
        row.figures_when_edited = row.figures
        row.version += 1
        row.save()
    return row
