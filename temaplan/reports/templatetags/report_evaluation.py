"""The result evaluation as its section shows it: {% evaluation_of report as evaluation %}.

The draft report page includes reports/evaluation_section.html with only `report` and
`can_edit` in its context; this tag reads the stored sentences, grouped by section in the
report's order, each with what is wrong with it (evaluation_services.row_problem)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django import template

from temaplan.reports.evaluation import SECTION_LABELS, SECTIONS
from temaplan.reports.evaluation_services import row_problem
from temaplan.reports.models import EvaluationText, Report

register = template.Library()


@dataclass
class Item:
    row: EvaluationText
    problem: str | None


@dataclass
class Group:
    section: str
    label: str
    items: list[Item] = field(default_factory=list)


@dataclass
class Shown:
    groups: list[Group]
    problems: int


def item_of(row: EvaluationText) -> Item:
    return Item(row, row_problem(row))


def evaluation_shown(report: Report) -> Shown:
    groups: dict[str, Group] = {}
    for row in report.evaluation.all():
        group = groups.setdefault(
            row.section, Group(row.section, SECTION_LABELS.get(row.section, row.section))
        )
        group.items.append(item_of(row))
    ordered = sorted(
        groups.values(),
        key=lambda g: SECTIONS.index(g.section) if g.section in SECTIONS else len(SECTIONS),
    )
    problems = sum(1 for g in ordered for i in g.items if i.problem)
    return Shown(ordered, problems)


@register.simple_tag
def evaluation_of(report: Report) -> Shown:
    return evaluation_shown(report)
