"""URLs of the result evaluation's editing (a section of the draft report page)."""

from django.urls import path

from . import evaluation_views as views

urlpatterns = [
    path("rapporter/<int:report_id>/vurdering/", views.evaluation_page, name="evaluation"),
    path("rapporter/vurdering/<int:text_id>/", views.evaluation_text, name="evaluation_text"),
    path(
        "rapporter/vurdering/<int:text_id>/rediger/",
        views.evaluation_text_edit,
        name="evaluation_text_edit",
    ),
    path(
        "rapporter/vurdering/<int:text_id>/tilbakestill/",
        views.evaluation_text_reset,
        name="evaluation_text_reset",
    ),
]
