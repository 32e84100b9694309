"""The URL of the municipality's part of the accessibility statement of its published pages
(«/kommuner/3203/tilgjengelighet/»)."""

from django.urls import path

from temaplan.core import converters  # noqa: F401  (registers «municipality_number»)

from . import statement_views

urlpatterns = [
    path(
        "kommuner/<municipality_number:number>/tilgjengelighet/",
        statement_views.statement_edit,
        name="statement",
    ),
]
