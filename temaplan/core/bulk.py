"""Writing many checked rows at once, inside the caller's transaction: what an import does after
every row has been checked in memory.

Rows go to the database as one prepared statement run once per row (`executemany`; on
PostgreSQL new rows are streamed with COPY), with their
history rows (django-simple-history's historical tables, filled the way its
`bulk_history_create` fills them: the tracked fields, the date, the type «+» or «~» and the
user). The ORM's bulk_create costs more in building SQL than the database spends writing, so a
20 000-row workbook would spend most of its time there.

Updated rows must already carry their new version (the caller adds one), so the edit-conflict
rules of core.versioning hold for whoever opened the row before the import.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import connection, models
from django.utils import timezone

from temaplan.core.workbook import NOT_SAVED, CellProblem, ImportSummary
from temaplan.core.workbook.summary import CREATED, UNCHANGED, UPDATED

BATCH_SIZE = 2000
# Field types whose Python value the database drivers take as it is.
_PLAIN = (models.CharField, models.TextField, models.IntegerField, models.BooleanField)


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


def _prepare(field: models.Field):
    """A function from the field's Python value to what the database driver takes."""
    if field.is_relation or isinstance(field, _PLAIN):
        return None
    return lambda value: field.get_db_prep_save(value, connection)


def _executed(sql: str, rows: list[tuple]) -> None:
    with connection.cursor() as cursor:
        for start in range(0, len(rows), BATCH_SIZE):
            cursor.executemany(sql, rows[start : start + BATCH_SIZE])


def _prepared(fields: Sequence[models.Field], rows) -> list[tuple]:
    """Rows of Python values as the driver takes them: only the fields that need it converted."""
    converted = [(i, conv) for i, field in enumerate(fields) if (conv := _prepare(field))]
    result = []
    for row in rows:
        row = list(row)
        for index, conv in converted:
            row[index] = conv(row[index])
        result.append(tuple(row))
    return result


def values_inserted(model: type[models.Model], fields: Sequence[models.Field], rows) -> None:
    """Insert rows of Python values (in the order of `fields`) into the model's table."""
    quote = connection.ops.quote_name
    prepared = _prepared(fields, rows)
    if not prepared:
        return
    table = quote(model._meta.db_table)
    columns = ", ".join(quote(field.column) for field in fields)
    if connection.vendor == "postgresql":  # COPY: the rows stream in, no SQL per row
        connection.ensure_connection()
        with connection.connection.cursor() as cursor:
            with cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in prepared:
                    copy.write_row(row)
        return
    placeholders = ", ".join(["%s"] * len(fields))
    _executed(f"INSERT INTO {table} ({columns}) VALUES ({placeholders})", prepared)


def concrete_field(model: type[models.Model], name: str) -> models.Field:
    """A model's own column by name (not a reverse relation)."""
    field = model._meta.get_field(name)
    assert isinstance(field, models.Field), name
    return field


def _own_fields(model: type[models.Model]) -> list[models.Field]:
    return [f for f in model._meta.concrete_fields if not isinstance(f, models.AutoField)]


def records_inserted(
    records: Sequence[models.Model],
    *,
    pks: models.QuerySet | None = None,
    key: tuple[str, ...] = ("key",),
) -> None:
    """Insert unsaved rows of one model. With `pks` (a queryset of the rows' scope, such as a
    period's actions, in which the `key` fields tell rows apart) each gets its primary key."""
    if not records:
        return
    model = type(records[0])
    fields = _own_fields(model)
    for record in records:
        # What Model.save() and bulk_create check first: no unsaved related object.
        record._prepare_related_fields_for_save(operation_name="bulk_create")  # type: ignore[attr-defined]
    values_inserted(model, fields, [[getattr(r, f.attname) for f in fields] for r in records])
    if pks is not None:
        by_key = {tuple(row[:-1]): row[-1] for row in pks.values_list(*key, "pk")}
        for record in records:
            record.pk = by_key[tuple(getattr(record, name) for name in key)]
            record._state.adding, record._state.db = False, connection.alias


def records_updated(records: Sequence[models.Model], fields: Iterable[str]) -> None:
    """Write the given fields (and the version) of saved rows of one model."""
    if not records:
        return
    model = type(records[0])
    meta, quote = model._meta, connection.ops.quote_name
    chosen = [concrete_field(model, name) for name in sorted({*fields, "version"})]
    sql = "UPDATE {} SET {} WHERE {} = %s".format(
        quote(meta.db_table),
        ", ".join(f"{quote(field.column)} = %s" for field in chosen),
        quote(meta.pk.column),
    )
    rows = [
        [getattr(record, field.attname) for field in chosen] + [record.pk] for record in records
    ]
    _executed(sql, _prepared([*chosen, meta.pk], rows))


def history_inserted(
    records: Sequence[models.Model], *, kind: str, user: Any = None, when: Any = None
) -> None:
    """A history row for each saved row, as django-simple-history writes it: kind «+» for a
    new row, «~» for a changed one; the user given, else the request's."""
    if not records:
        return
    historical = type(records[0]).history.model  # type: ignore[attr-defined]
    tracked = list(historical.tracked_fields)
    who = history_user(user) or historical.get_default_history_user(records[0])
    fields = [concrete_field(historical, f.name) for f in tracked] + [
        concrete_field(historical, name)
        for name in ("history_date", "history_change_reason", "history_type", "history_user")
    ]
    extra: list[Any] = [when or timezone.now(), None, kind, who.pk if who else None]
    values_inserted(
        historical,
        fields,
        [[getattr(r, f.attname) for f in tracked] + extra for r in records],
    )


def rows_saved(
    *,
    created: Sequence[models.Model],
    updated: Sequence[models.Model],
    fields: Iterable[str],
    pks: models.QuerySet,
    key: tuple[str, ...] = ("key",),
    user=None,
) -> None:
    """Insert `created` (each gets its primary key from `pks` by `key`) and update `fields` of
    `updated`, with a history row each where the model keeps history."""
    records_inserted(created, pks=pks, key=key)
    records_updated(updated, fields)
    if hasattr(pks.model, "history"):
        now = timezone.now()
        history_inserted(created, kind="+", user=user, when=now)
        history_inserted(updated, kind="~", user=user, when=now)


def links_replaced(relation, links: Iterable[tuple[models.Model, Iterable[models.Model]]]) -> None:
    """Set a many-to-many relation (`Model.field`, the descriptor) of saved rows in bulk: each
    row's old links are deleted and the given ones inserted."""
    links = list(links)
    through = relation.through
    source = through._meta.get_field(relation.field.m2m_field_name())
    target = through._meta.get_field(relation.field.m2m_reverse_field_name())
    pks = [record.pk for record, _ in links]
    for start in range(0, len(pks), 500):
        chunk = pks[start : start + 500]
        through._default_manager.filter(**{f"{source.attname}__in": chunk}).delete()
    pairs = [(record.pk, other.pk) for record, others in links for other in others]
    values_inserted(through, [source, target], pairs)


def links_of(relation, pks: Iterable[int]) -> dict[int, set[int]]:
    """Each row's linked pks over a many-to-many relation, in one query per batch."""
    through = relation.through
    source = relation.field.m2m_field_name()
    target = relation.field.m2m_reverse_field_name()
    result: dict[int, set[int]] = {}
    pks = list(pks)
    for start in range(0, len(pks), 500):
        chunk = pks[start : start + 500]
        rows = through._default_manager.filter(**{f"{source}_id__in": chunk})
        for one, other in rows.values_list(f"{source}_id", f"{target}_id"):
            result.setdefault(one, set()).add(other)
    return result


def changed_fields(record: models.Model, wanted: dict[str, Any]) -> dict[str, Any]:
    """The wanted values that differ from the record's."""
    return {name: value for name, value in wanted.items() if getattr(record, name) != value}


class SheetChanges:
    """The rows of one model that one sheet of an import inserts and updates, and the fields the
    updates change; each row is counted in the summary and checked against the model's field
    rules (problems go to `errors`) before anything is written."""

    def __init__(self, sheet: str, summary: ImportSummary, errors: list[CellProblem]):
        self.sheet, self.counts, self.errors = sheet, summary.sheets[sheet], errors
        self.created: list = []
        self.updated: list = []
        self.fields: set[str] = set()

    def create(self, record, row: int, *, clean: bool = True) -> None:
        if clean:
            self.errors += clean_problems(record, sheet=self.sheet, row=row)
        self.created.append(record)
        self.counts.add(CREATED)

    def update(self, record, row: int, changes: dict[str, Any], *, clean: bool = True) -> None:
        """Apply the changes (none: the row is unchanged) and bump the version."""
        if not changes:
            self.counts.add(UNCHANGED)
            return
        for name, value in changes.items():
            setattr(record, name, value)
        record.version += 1
        if clean:
            self.errors += clean_problems(record, sheet=self.sheet, row=row)
        self.updated.append(record)
        self.fields.update(changes)
        self.counts.add(UPDATED)

    def save(self, **keys) -> None:
        rows_saved(created=self.created, updated=self.updated, fields=self.fields, **keys)
