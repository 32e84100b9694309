"""Every message Django %-formats can be formatted: a literal «%» in a validator's message
(«… 0 og 100 %.») made Django raise while building the error, and the editor got a 500
instead of the message.

Django formats a message with its parameters whenever the error carries some: every validator's
message, a form field's messages for limits and choices, and every ValidationError raised with
`params=`. Those messages must write a literal percent sign «%%»."""

from __future__ import annotations

import ast
from importlib import import_module
from pathlib import Path

from django import forms
from django.apps import apps

ROOT = Path(__file__).resolve().parents[2]

# The form field messages Django formats with parameters (the limit, the value, the count).
FORMATTED_CODES = {
    "min_value",
    "max_value",
    "step_size",
    "min_length",
    "max_length",
    "max_digits",
    "max_decimal_places",
    "max_whole_digits",
    "invalid_choice",
    "invalid_pk_value",
    "overflow",
}


class AnyParams(dict):
    """Whatever parameter a message names, it has a value."""

    def __missing__(self, key):
        return 1


def formatting_problem(message) -> str | None:
    try:
        str(message) % AnyParams()
    except (ValueError, TypeError, KeyError) as problem:
        return f"{str(message)!r}: {problem}"
    return None


def test_a_message_with_a_literal_percent_sign_is_caught_by_the_check():
    assert formatting_problem("Framdriften er mellom 0 og 100 %.") is not None
    assert formatting_problem("Framdriften er mellom 0 og 100 %%.") is None
    assert formatting_problem("Minst %(limit_value)s.") is None


def test_every_model_validator_message_can_be_formatted():
    problems = [
        f"{model._meta.label}.{field.name}: {problem}"
        for model in apps.get_models()
        if model.__module__.startswith("temaplan.")
        for field in model._meta.get_fields()
        for validator in getattr(field, "validators", ())
        if (problem := formatting_problem(getattr(validator, "message", "")))
    ]
    assert problems == []


def form_classes() -> list[type[forms.BaseForm]]:
    """Every form class the project defines (its modules imported first)."""
    for path in sorted(ROOT.rglob("*forms.py")):
        if "tests" not in path.parts:
            import_module(".".join(path.relative_to(ROOT.parent).with_suffix("").parts))
    found, todo = [], [forms.BaseForm]
    while todo:
        for sub in todo.pop().__subclasses__():
            todo.append(sub)
            if sub.__module__.startswith("temaplan."):
                found.append(sub)
    return found


def test_the_project_has_form_classes_to_check():
    names = {form.__name__ for form in form_classes()}
    assert {"ActionForm", "StatusForm", "IndicatorForm", "FocusAreaForm"} <= names


def test_every_form_field_message_django_formats_can_be_formatted():
    problems = [
        f"{form.__name__}.{name} «{code}»: {problem}"
        for form in form_classes()
        for name, field in form.base_fields.items()
        for code, message in field.error_messages.items()
        if code in FORMATTED_CODES or "%(" in str(message)
        if (problem := formatting_problem(message))
    ]
    assert problems == []


def source_modules() -> list[Path]:
    return [
        path
        for path in sorted(ROOT.rglob("*.py"))
        if not {"tests", "migrations", "testing"} & set(path.parts)
    ]


def parameter_texts(tree: ast.AST) -> list[tuple[int, str]]:
    """The string literals that name a parameter, docstrings left out."""
    docstrings = {id(node.value) for node in ast.walk(tree) if isinstance(node, ast.Expr)}
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
        if "%(" in node.value and id(node) not in docstrings
    ]


def test_every_message_with_parameters_in_the_source_can_be_formatted():
    """A text that names a parameter («%(key)s») is one Django or the code formats with it."""
    problems = [
        f"{path.relative_to(ROOT)}:{line}: {problem}"
        for path in source_modules()
        for line, text in parameter_texts(ast.parse(path.read_text()))
        if (problem := formatting_problem(text))
    ]
    assert problems == []
