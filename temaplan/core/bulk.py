"""Writing many checked rows at once, inside the caller's transaction: what an import does after
every row has been checked in memory. Inserts and updates go in batches, each with its history
row where the model keeps history (django-simple-history), so a 20 000-row workbook is a few
hundred statements instead of a hundred thousand.

Updated rows must already carry their new version (the caller adds one), so the edit-conflict
rules of core.versioning hold for whoever opened the row before the import.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import models
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from temaplan.core.workbook import NOT_SAVED, CellProblem

BATCH_SIZE = 500


def history_user(user):
    """The user a history row names: the one given, else (None) the request's, if any."""
    return user if getattr(user, "is_authenticated", False) else None


def clean_problems(record: models.Model, *, sheet: str, row: int) -> list[CellProblem]:
    """The model's own field rules, as messages for the row: a rule the workbook checks did not
    foresee still gives a message, never a crash. Relations are not looked up again: the
    import found them itself."""
    relations = [field.name for field in record._meta.concrete_fields if field.is_relation]
    try:
        record.clean_fields(exclude=relations)
    except ValidationError as error:
        problem = " ".join(str(message) for message in error.messages)
        return [CellProblem(sheet, row, None, NOT_SAVED.format(problem=problem))]
    return []


def rows_saved(
    *,
    model: type[models.Model],
    created: list[models.Model],
    updated: list[models.Model],
    fields: Iterable[str],
    user=None,
) -> None:
    """Insert `created` and update `fields` (and the version) of `updated`, in batches."""
    fields = sorted({*fields, "version"})
    if hasattr(model, "history"):
        who = history_user(user)
        if created:
            bulk_create_with_history(created, model, batch_size=BATCH_SIZE, default_user=who)
        if updated:
            bulk_update_with_history(
                updated, model, fields, batch_size=BATCH_SIZE, default_user=who
            )
        return
    model._default_manager.bulk_create(created, batch_size=BATCH_SIZE)
    if updated:
        model._default_manager.bulk_update(updated, fields, batch_size=BATCH_SIZE)


def links_replaced(relation, links: Iterable[tuple[models.Model, Iterable[models.Model]]]) -> None:
    """Set a many-to-many relation (`Model.field`, the descriptor) of saved rows in bulk: each
    row's old links are deleted and the given ones inserted."""
    links = list(links)
    through = relation.through
    source = relation.field.m2m_field_name()
    target = relation.field.m2m_reverse_field_name()
    pks = [record.pk for record, _ in links]
    for start in range(0, len(pks), BATCH_SIZE):
        chunk = pks[start : start + BATCH_SIZE]
        through._default_manager.filter(**{f"{source}_id__in": chunk}).delete()
    through._default_manager.bulk_create(
        [
            through(**{f"{source}_id": record.pk, f"{target}_id": other.pk})
            for record, others in links
            for other in others
        ],
        batch_size=BATCH_SIZE,
    )


def links_of(relation, pks: Iterable[int]) -> dict[int, set[int]]:
    """Each row's linked pks over a many-to-many relation, in one query per batch."""
    through = relation.through
    source = relation.field.m2m_field_name()
    target = relation.field.m2m_reverse_field_name()
    result: dict[int, set[int]] = {}
    pks = list(pks)
    for start in range(0, len(pks), BATCH_SIZE):
        chunk = pks[start : start + BATCH_SIZE]
        rows = through._default_manager.filter(**{f"{source}_id__in": chunk})
        for one, other in rows.values_list(f"{source}_id", f"{target}_id"):
            result.setdefault(one, set()).add(other)
    return result
