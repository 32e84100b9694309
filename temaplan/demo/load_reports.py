"""Asker's result reports: 2020 frozen and published, as the plan presentation of May 2022
reported it, and 2021 as a draft (its figures were not all in). Bærum has none: its empty
list says what to do next. Asker has filled in its part of the accessibility statement of the
published pages; Bærum has not. Loading again changes nothing: a report already frozen is
never built again, and the times are fixed.
"""

from __future__ import annotations

from datetime import UTC, datetime

from django.contrib.auth import get_user_model

from temaplan.plans.models import Plan
from temaplan.reports.models import AccessibilityStatement, Report
from temaplan.reports.services import (
    report_draft_create,
    report_for_year,
    report_freeze,
    report_publish,
)

from .asker import ASKER_STATEMENT, DEMO_USERS
from .load_indicators import RECORDED
from .upsert import upsert

FROZEN_YEAR, DRAFT_YEAR = 2020, 2021
# The 2020 report was frozen the day the slide's figures were recorded, and published a week
# later; «today» for what was due and late is the same day.
FROZEN_AT = RECORDED
PUBLISHED_AT = datetime(2022, 5, 9, 10, 0, tzinfo=UTC)
TODAY = RECORDED.date()
EDITOR = next(u.username for u in DEMO_USERS if u.municipality == "3203" and u.role == "editor")


def asker_reports_load(plan: Plan) -> None:
    editor = get_user_model().objects.get(username=EDITOR)
    frozen = report_for_year(plan, FROZEN_YEAR) or report_draft_create(
        plan=plan, year=FROZEN_YEAR, user=editor, today=TODAY
    )
    if frozen.state == Report.State.DRAFT:
        frozen = report_freeze(
            report=frozen, user=editor, expected_version=frozen.version, today=TODAY, now=FROZEN_AT
        )
    if frozen.state == Report.State.FROZEN:
        report_publish(report=frozen, user=editor, now=PUBLISHED_AT)
    if report_for_year(plan, DRAFT_YEAR) is None:
        report_draft_create(plan=plan, year=DRAFT_YEAR, user=editor, today=TODAY)


def asker_statement_load(plan: Plan) -> AccessibilityStatement:
    return upsert(AccessibilityStatement, {"municipality": plan.municipality}, ASKER_STATEMENT)
