"""Importing the Kommune-NM workbook or CSV file (format: see workbook.py): all or nothing.

`editions_import` reads every row, checks it against the stored editions and the file's own
(edition years, data years, ranks from 1 to the number ranked, municipality numbers valid on
the edition's date, one row per municipality and data year, every theme of the edition or
none), and collects every problem, named by sheet, row and column. If there is any, it raises
ImportRejected and nothing is written. Otherwise it writes in one transaction: a row equal to
what is stored writes nothing, so importing the same file twice changes nothing the second
time (no new versions or history rows). Then the Kommune-NM indicators are fed again.

The parts: reading the files (import_files.py), checking the rows and their messages
(import_checks.py), saving them (import_saving.py).
"""

from __future__ import annotations

from django.db import transaction

from temaplan.accounts.models import Municipality
from temaplan.core.workbook import CellProblem, ImportRejected, ImportSummary

from . import workbook as wb
from .codes import stored_history
from .feed import kommune_nm_feed
from .import_checks import Checker
from .import_files import csv_rows, workbook_rows
from .import_saving import Saver, Stored

__all__ = ["ImportRejected", "ImportSummary", "editions_import"]


def editions_import(
    *, municipality: Municipality, data: bytes, csv_file: bool = False, user=None
) -> ImportSummary:
    """Apply an uploaded workbook (or, with csv_file, a CSV file of «Plasseringer») to the
    municipality's editions, or raise ImportRejected with every problem and change nothing."""
    if csv_file:
        rankings_rows, headers = csv_rows(data)
        sheets = {wb.EDITIONS: [], wb.THEMES: [], wb.RANKINGS: rankings_rows, wb.VALUES: []}
    else:
        sheets, headers = workbook_rows(data)
    history = stored_history()
    with transaction.atomic():
        stored = Stored.of(municipality)
        checker = Checker(stored, history=history, csv_file=csv_file)
        editions = checker.edition_rows(sheets[wb.EDITIONS])
        themes = checker.theme_rows(sheets[wb.THEMES])
        rankings = checker.rank_rows(sheets[wb.RANKINGS], headers)
        values = checker.value_rows(sheets[wb.VALUES], rankings)
        checker.stored_rankings_fit(editions, rankings)
        if checker.errors:
            errors = checker.errors
            if csv_file:  # a CSV file has no sheets
                errors = [CellProblem(None, e.row, e.column, e.message) for e in errors]
            raise ImportRejected(errors)
        summary = ImportSummary.of(*((wb.RANKINGS,) if csv_file else wb.SHEETS))
        saver = Saver(municipality, stored, summary)
        if not csv_file:
            saver.editions(editions)
            saver.themes(themes)
        saver.rankings(rankings)
        if not csv_file:
            saver.values(values)
        if summary.changed:
            kommune_nm_feed(municipality=municipality, user=user)
    return summary
