"""The result evaluation of a draft report: generated from the figures, edited by an editor.

Interface used by the workflow (services.py): `evaluation_refresh` (before showing or
freezing a draft), `evaluation_sentences` (what goes into the frozen document) and
`evaluation_problems` (what stops a freeze). Placeholder until the generator lands: it keeps
what is stored and finds no problems.
"""

from __future__ import annotations

from .document import Document, EvaluationSentence
from .models import EvaluationText, Report


def evaluation_refresh(*, report: Report, document: Document) -> list[EvaluationText]:
    """Generate the sentences from the document's figures; never overwrite an edited one."""
    return list(report.evaluation.all())


def evaluation_sentences(report: Report) -> list[EvaluationSentence]:
    """The report's evaluation as it goes into the frozen document, in order."""
    return [
        EvaluationSentence(
            section=t.section, key=t.key, text=t.text, figures=t.figures, edited=t.edited
        )
        for t in report.evaluation.all()
    ]


def evaluation_problems(*, report: Report, document: Document) -> list[str]:
    """Why the evaluation cannot be frozen as it is, in Norwegian (empty when it can)."""
    return []
