"""Keys that must be unique (an action's key in its period, a focus area's number in its plan).

The form checks the key before the save, but two saves of the same new key at the same moment
(a double click, two editors) both pass that check; then the model's own check in full_clean
or the database's unique constraint refuses the second, and either would reach the editor as a
500. `duplicates_refused` turns both into the form's own Norwegian message on the field, and
runs the save in a savepoint so that nothing of the refused save is kept.

A model names its key with a `unique_key` class attribute (a `UniqueKey`); record_update
(core.versioning) and the services that create rows use it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, models, transaction

# The codes Django's own uniqueness checks give their errors (Model.validate_unique and
# UniqueConstraint.validate).
UNIQUE_CODES = ("unique", "unique_together")


@dataclass(frozen=True)
class UniqueKey:
    """The field the editor types the key in, and the message for a key already taken (or a
    function of the row that gives it); the message names the key as «%(<field>)s»."""

    field: str
    message: Any

    def error(self, record: models.Model) -> ValidationError:
        message = self.message(record) if callable(self.message) else self.message
        value = getattr(record, self.field)
        return ValidationError(message, code="unique", params={self.field: value})


def unique_key_of(record: models.Model) -> UniqueKey | None:
    key = getattr(type(record), "unique_key", None)
    return key if isinstance(key, UniqueKey) else None


@contextmanager
def duplicates_refused(record: models.Model) -> Iterator[None]:
    """Save `record` inside: a key someone else has just taken is refused with the key's
    message (a ValidationError on its field), and what the block wrote is rolled back."""
    key = unique_key_of(record)
    try:
        with transaction.atomic():
            yield
    except IntegrityError:
        # Any other broken rule (a missing row, a check) is a bug, not the editor's mistake.
        if key is None or not _taken(record):
            raise
        raise ValidationError({key.field: key.error(record)}) from None
    except ValidationError as error:
        if key is None or not _unique_errors(error):
            raise
        raise _with_key_message(error, key, record) from None


def _taken(record: models.Model) -> bool:
    """Whether another row now holds the record's unique values (the savepoint is gone, so the
    query runs in the caller's transaction, which sees the other save once it is committed)."""
    try:
        record.validate_constraints()
        record.validate_unique()
    except ValidationError as error:
        return bool(_unique_errors(error))
    return False


def _by_field(error: ValidationError) -> dict[str, list[ValidationError]]:
    if hasattr(error, "error_dict"):
        return error.error_dict
    return {NON_FIELD_ERRORS: error.error_list}


def _unique_errors(error: ValidationError) -> list[ValidationError]:
    return [
        e
        for errors in _by_field(error).values()
        for e in errors
        if getattr(e, "code", None) in UNIQUE_CODES
    ]


def _with_key_message(
    error: ValidationError, key: UniqueKey, record: models.Model
) -> ValidationError:
    """The same errors, Django's generic «… finnes allerede» replaced by the key's message."""
    kept: dict[str, list[ValidationError]] = {}
    for field, errors in _by_field(error).items():
        rest = [e for e in errors if getattr(e, "code", None) not in UNIQUE_CODES]
        if rest:
            kept[field] = rest
    kept.setdefault(key.field, []).append(key.error(record))
    return ValidationError(kept)
