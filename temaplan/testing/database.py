"""Every row the project stores, read in one go: what a refused request must leave as it was."""

from __future__ import annotations

from django.apps import apps


def project_models() -> list:
    """The project's own models (their change history included), not Django's sessions or
    permissions, which a request may touch without saving anything of the editor's."""
    return [
        model
        for model in apps.get_models(include_auto_created=True)
        if model.__module__.startswith("temaplan.")
    ]


def stored_rows() -> dict[str, list[tuple]]:
    """Every stored row of the project's models, by model, in primary key order."""
    return {
        model._meta.label: list(model._default_manager.order_by("pk").values_list())
        for model in project_models()
    }


def changed_models(before: dict[str, list[tuple]], after: dict[str, list[tuple]]) -> list[str]:
    """The models whose rows differ between two readings, for a short failure message."""
    return [label for label in before if before[label] != after.get(label)]
