"""Draft reports with a stored evaluation, for the evaluation's service and page tests. The
workflow that builds reports is elsewhere; these are made directly with the model."""

from __future__ import annotations

from django.db.models import Max

from temaplan.reports.evaluation_services import evaluation_refresh
from temaplan.reports.models import EvaluationText, Report

from .evaluation_documents import budget_year, document, indicator, missing_year

TITLE = "Resultatrapport 2020 (evalueringstest)"


def small_document():
    """Two indicators (one met, one missing its year), a focus area, Kommune-NM, a budget."""
    return document(indicators=[indicator(), missing_year()], budget=[budget_year()])


def new_draft(plan, *, year: int = 2020, title: str = TITLE) -> Report:
    """A new draft report of the plan for `year`, numbered after any the plan has already."""
    last = Report.objects.filter(plan=plan, year=year).aggregate(n=Max("number"))["n"] or 0
    return Report.objects.create(
        plan=plan, municipality=plan.municipality, year=year, number=last + 1, title=title
    )


def draft_with_evaluation(plan) -> Report:
    """The plan's test draft with its evaluation stored, made once per test."""
    report = Report.objects.filter(plan=plan, title=TITLE).first() or new_draft(plan)
    if not report.evaluation.exists():
        evaluation_refresh(report=report, document=small_document())
    return report


def a_text(plan) -> EvaluationText:
    """The status sentence of the share indicator in the test draft."""
    return draft_with_evaluation(plan).evaluation.get(section="indicator", key="andel")


def an_edited_text(plan) -> EvaluationText:
    """The same sentence, edited (to quote a share that is no longer the figure)."""
    row = a_text(plan)
    if not row.edited:
        row.text = "Andelen var 41,8 % i 2020."
        row.edited = True
        row.version += 1
        row.save()
    return row
