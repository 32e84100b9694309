"""URLs of the Kommune-NM editions: entry, correction, import and export, under the
municipality («/kommuner/3203/kommune-nm/»)."""

from django.urls import path

from temaplan.core import converters  # noqa: F401  (registers «municipality_number»)

from . import edition_views as views

BASE = "kommuner/<municipality_number:number>/kommune-nm/"
EDITION = BASE + "<int:year>/"

urlpatterns = [
    path(BASE, views.editions, name="editions"),
    path(BASE + "ny/", views.edition_create, name="edition_create"),
    path(BASE + "last-opp/", views.editions_import, name="editions_import"),
    path(BASE + "excel/", views.editions_export, name="editions_export"),
    path(BASE + "csv/", views.editions_csv, name="editions_csv"),
    path(BASE + "mal/", views.editions_template, name="editions_template"),
    path(EDITION, views.edition_detail, name="edition_detail"),
    path(EDITION + "rediger/", views.edition_edit, name="edition_edit"),
    path(EDITION + "slett/", views.edition_delete, name="edition_delete"),
    path(EDITION + "temaer/ny/", views.theme_create, name="theme_create"),
    path(EDITION + "temaer/<int:theme_id>/rediger/", views.theme_edit, name="theme_edit"),
    path(EDITION + "temaer/<int:theme_id>/slett/", views.theme_delete, name="theme_delete"),
    path(EDITION + "plasseringer/ny/", views.ranking_create, name="ranking_create"),
    path(
        EDITION + "plasseringer/<int:ranking_id>/rediger/",
        views.ranking_edit,
        name="ranking_edit",
    ),
    path(
        EDITION + "plasseringer/<int:ranking_id>/slett/",
        views.ranking_delete,
        name="ranking_delete",
    ),
]
