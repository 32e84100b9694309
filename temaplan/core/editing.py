"""The save step every editing view shares: validate, save through a service, and answer a
refused save the same way everywhere (422 for bad input, 409 when someone else saved first)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from django import forms

from .versioning import EditConflict

INVALID = 422
CONFLICT = 409


F = TypeVar("F", bound=forms.BaseForm)


def save_or_status(form: F, save: Callable[[F], object]) -> int | None:
    """None when saved; otherwise the status to answer with, the reason already on the form."""
    if not form.is_valid():
        return INVALID
    try:
        save(form)
    except EditConflict as conflict:
        form.add_error(None, str(conflict))
        return CONFLICT
    return None
