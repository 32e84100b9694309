"""Every free text a user types has a length limit: each TextField of Temaplan's models has a
max_length, each form's text area carries one, and a longer text is refused on the field with a
message in bokmål, nothing saved."""

import importlib
import pkgutil

import pytest
from django import forms
from django.apps import apps
from django.db import models
from django.urls import reverse

import temaplan
from temaplan.core.text_limits import PARAGRAPHS, SENTENCES
from temaplan.plans.models import Ambition, FocusArea

HTMX = {"HTTP_HX_REQUEST": "true"}
# Texts the code writes, never a user: an SSB sync's technical detail and summary.
WRITTEN_BY_THE_CODE = {"statistics.SyncRun.detail", "statistics.SyncRun.summary"}


def text_fields_without_a_limit() -> list[str]:
    return sorted(
        f"{model._meta.app_label}.{model.__name__}.{field.name}"
        for config in apps.get_app_configs()
        if config.name.startswith("temaplan.")
        for model in config.get_models()
        for field in model._meta.get_fields()
        if isinstance(field, models.TextField) and field.max_length is None
    )


def test_every_text_field_a_user_types_into_has_a_max_length():
    missing = [name for name in text_fields_without_a_limit() if name not in WRITTEN_BY_THE_CODE]
    assert missing == [], f"these TextFields have no max_length: {missing}"


def test_the_text_fields_without_a_limit_are_only_those_the_code_writes():
    assert set(text_fields_without_a_limit()) == WRITTEN_BY_THE_CODE


def temaplan_forms() -> list[type[forms.BaseForm]]:
    """Every form class defined in Temaplan's modules (each module imported to find them)."""
    for module in pkgutil.walk_packages(temaplan.__path__, "temaplan."):
        if "form" in module.name.rsplit(".", 1)[-1] and ".tests" not in module.name:
            importlib.import_module(module.name)
    found, todo = [], [forms.BaseForm]
    while todo:
        for subclass in todo.pop().__subclasses__():
            todo.append(subclass)
            if subclass.__module__.startswith("temaplan."):
                found.append(subclass)
    return found


def text_areas_without_a_limit() -> list[str]:
    return sorted(
        f"{form.__module__}.{form.__name__}.{name}"
        for form in temaplan_forms()
        for name, field in getattr(form, "base_fields", {}).items()
        if isinstance(field.widget, forms.Textarea) and getattr(field, "max_length", None) is None
    )


def test_the_form_walk_finds_the_forms_with_text_areas():
    names = {form.__name__ for form in temaplan_forms()}
    assert {"ActionForm", "YearForm", "MeetingForm", "AgreementForm", "CaseForm"} <= names


def test_every_text_area_of_every_form_has_a_max_length():
    assert text_areas_without_a_limit() == []


def too_long(limit: int) -> str:
    return "x" * (limit + 1)


@pytest.mark.parametrize(
    "kind, data, model, field, limit",
    [
        ("ambisjoner", {"text": too_long(SENTENCES)}, Ambition, "text", SENTENCES),
        (
            "innsatsomrader",
            {
                "number": 9,
                "name": "Havnæringer",
                "description": too_long(PARAGRAPHS),
                "influence": 3,
                "importance": 3,
            },
            FocusArea,
            "description",
            PARAGRAPHS,
        ),
    ],
    ids=["ambition", "focus area description"],
)
def test_a_too_long_text_is_refused_on_the_field_in_bokmal_and_nothing_is_saved(
    editor, asker_plan, kind, data, model, field, limit
):
    before = model.objects.count()
    url = reverse("plans:part_create", args=[asker_plan.pk, kind])
    response = editor.post(url, data, **HTMX)
    assert response.status_code == 422
    message = f"Sørg for at denne verdien har {limit} eller færre tegn (den har nå {limit + 1})."
    assert response.context["form"].errors[field] == [message]
    assert message in response.content.decode()
    assert model.objects.count() == before


def test_a_text_exactly_at_the_limit_is_saved(editor, asker_plan):
    url = reverse("plans:part_create", args=[asker_plan.pk, "ambisjoner"])
    editor.post(url, {"text": "x" * SENTENCES}, **HTMX)
    assert asker_plan.ambitions.filter(text="x" * SENTENCES).exists()
