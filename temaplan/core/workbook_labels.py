"""Choice labels in workbooks: written in bokmål whatever language is active, so files travel,
and read in bokmål, in the active language, or as the stored code."""

from __future__ import annotations

from django.utils import translation


def labels(choices) -> dict[str, str]:
    """Code → label, in the active language (exports run under translation.override("nb"))."""
    return {code: str(label) for code, label in choices}


def choices_with_nb_labels(choices) -> list[tuple[str, str]]:
    """Codes with their bokmål labels and, if another language is active, its labels too."""
    current = [(code, str(label)) for code, label in choices]
    with translation.override("nb"):
        bokmal = [(code, str(label)) for code, label in choices]
    return bokmal + [pair for pair in current if pair not in bokmal]
