"""The SSB sync pages of a municipality (its indicators fetched from SSB)."""

from django.urls import path

from temaplan.core import converters  # noqa: F401  (registers «municipality_number»)

from . import sync_views as views

app_name = "ssb"

urlpatterns = [
    path("kommuner/<municipality_number:number>/ssb/", views.sync_page, name="sync_page"),
    path("kommuner/<municipality_number:number>/ssb/hent/", views.sync_start, name="sync_start"),
    path(
        "kommuner/<municipality_number:number>/ssb/hentinger/<int:run_id>/",
        views.sync_run,
        name="sync_run",
    ),
]
