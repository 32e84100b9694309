"""Workbook test helpers: building and editing .xlsx files, reading them back, and snapshots
of the rows an import may touch (to show that a refused file changed nothing)."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable

import openpyxl
from django.core import serializers

from temaplan.core.workbook import CellProblem, Column

# Building and editing -----------------------------------------------------------------------


def saved(book) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def edited(data: bytes, *edits) -> bytes:
    """The workbook in `data` after each edit(book) has changed it."""
    book = openpyxl.load_workbook(io.BytesIO(data))
    for edit in edits:
        edit(book)
    return saved(book)


def column_of(sheet, header: str) -> int:
    return next(cell.column for cell in sheet[1] if cell.value == header)


def put(sheet: str, row: int, header: str, value, number_format: str | None = None):
    def edit(book):
        cell = book[sheet].cell(row=row, column=column_of(book[sheet], header))
        cell.value = value
        if number_format:
            cell.number_format = number_format

    return edit


def copy_row(sheet: str, row: int):
    def edit(book):
        ws = book[sheet]
        ws.append([cell.value for cell in ws[row]])

    return edit


def delete_rows(sheet: str, first: int, count: int):
    return lambda book: book[sheet].delete_rows(first, count)


def delete_column(sheet: str, header: str):
    return lambda book: book[sheet].delete_cols(column_of(book[sheet], header))


def rename(old: str, new: str):
    def edit(book):
        book[old].title = new

    return edit


def remove(sheet: str):
    return lambda book: book.remove(book[sheet])


def new_workbook(sheets: dict[str, Iterable[Column] | None] | Iterable[str] = ()) -> bytes:
    """A new workbook with the named sheets (none: Excel's own «Sheet»), each with a header
    row of the given columns, or empty."""
    sheets = dict(sheets) if isinstance(sheets, dict) else dict.fromkeys(sheets)
    book = openpyxl.Workbook()
    if sheets:
        book.remove(book.active)
    for name, columns in sheets.items():
        ws = book.create_sheet(name)
        if columns:
            ws.append([column.header for column in columns])
    return saved(book)


def zipped(name: str, text: str) -> bytes:
    """A zip file with one entry: not a workbook, though it starts like one."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(name, text)
    return out.getvalue()


# Reading back -------------------------------------------------------------------------------


def cells(data: bytes) -> dict[str, list[tuple]]:
    """Every sheet's cell values, row by row."""
    book = openpyxl.load_workbook(io.BytesIO(data))
    return {ws.title: list(ws.iter_rows(values_only=True)) for ws in book}


def data_types(data: bytes, sheet: str) -> list[tuple[str, ...]]:
    """openpyxl's type of every cell on a sheet after loading the file: s text, n number, f
    formula…"""
    book = openpyxl.load_workbook(io.BytesIO(data))
    return [tuple(cell.data_type for cell in row) for row in book[sheet].iter_rows()]


def E(sheet, row, column, message) -> CellProblem:  # short, so the tables of cases read well
    return CellProblem(sheet, row, column, message)


def allowed(choices) -> str:
    """The list of labels a choice message offers."""
    return ", ".join(f"«{label}»" for _, label in choices)


# Nothing changed ----------------------------------------------------------------------------


def rows_snapshot(models: Iterable, with_history: Iterable) -> str:
    """Every row of the models (many-to-many links included) and the history count of each
    model kept with history, as one comparable text."""
    parts = [serializers.serialize("json", model.objects.order_by("pk")) for model in models]
    parts += [str(model.history.count()) for model in with_history]
    return "\n".join(parts)


def indicators_snapshot() -> str:
    """Every indicator row, with the history and revision counts, as one comparable text."""
    from temaplan.indicators.models import (
        Indicator,
        Observation,
        ObservationRevision,
        Target,
        YearComment,
    )

    return rows_snapshot(
        (Indicator, Target, Observation, ObservationRevision, YearComment), (Indicator, Target)
    )


def actions_snapshot() -> str:
    """Every action row, its status history, its strategies and its history count, as text."""
    from temaplan.actions.models import Action, ActionStatusChange

    return "\n".join(
        str(list(queryset))
        for queryset in (
            Action.objects.order_by("pk").values(),
            ActionStatusChange.objects.order_by("pk").values(),
            Action.strategies.through.objects.order_by("pk").values_list(
                "action_id", "strategy_id"
            ),
            [Action.history.count()],
        )
    )


def action_plan_snapshot() -> str:
    """Every period, budget frame, allocation and partner agreement (with its actions), and
    the history counts, as one comparable text."""
    from temaplan.actions.models import (
        ActionPeriod,
        BudgetAllocation,
        BudgetFrame,
        PartnerAgreement,
    )

    return rows_snapshot(
        (ActionPeriod, BudgetFrame, BudgetAllocation, PartnerAgreement),
        (BudgetFrame, PartnerAgreement),
    )


def assert_too_large_file_is_refused_unread(monkeypatch, run_import) -> None:
    """A file over the size limit is refused before openpyxl reads a byte of it:
    `run_import(data)` is an app's workbook import."""
    import pytest

    from temaplan.core.workbook import FILE_TOO_LARGE, MAX_FILE_BYTES, ImportRejected, reading

    def must_not_be_called(*args, **kwargs):
        raise AssertionError("read before the size was checked")

    monkeypatch.setattr(reading, "load_workbook", must_not_be_called)
    with pytest.raises(ImportRejected) as rejected:
        run_import(bytes(MAX_FILE_BYTES + 1))
    assert rejected.value.errors == [E(None, None, None, FILE_TOO_LARGE)]


def _not_a_workbook_cases() -> list:
    import pytest

    from temaplan.core.workbook import FILE_EMPTY, FILE_TOO_LARGE, MAX_FILE_BYTES, NOT_XLSX

    def refused(message: str) -> list[CellProblem]:
        return [E(None, None, None, message)]

    return [
        pytest.param(b"", refused(FILE_EMPTY), id="an empty file"),
        pytest.param(
            b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n",
            refused(NOT_XLSX),
            id="a pdf file",
        ),
        pytest.param(
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504),
            refused(NOT_XLSX),
            id="an old xls file",
        ),
        pytest.param(
            zipped("word/document.xml", "<w:document/>"),
            refused(NOT_XLSX),
            id="a zip file that is not a workbook",
        ),
        pytest.param(
            b"PK\x03\x04" + bytes(MAX_FILE_BYTES), refused(FILE_TOO_LARGE), id="a file over 10 MB"
        ),
    ]


# Files no workbook import may take, whatever the app: (data, the one problem named).
NOT_A_WORKBOOK_CASES = _not_a_workbook_cases()
