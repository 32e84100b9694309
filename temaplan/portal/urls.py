from django.urls import path

import temaplan.core.converters  # noqa: F401 - registers «municipality_number»

from . import views

app_name = "portal"
urlpatterns = [
    path("", views.municipality_list, name="municipalities"),
    path("<municipality_number:number>/", views.municipality_page, name="municipality"),
    path(
        "<municipality_number:number>/tilgjengelighet/",
        views.accessibility,
        name="accessibility",
    ),
    path("<municipality_number:number>/<int:year>/", views.report_page, name="report"),
    path(
        "<municipality_number:number>/<int:year>/indikatorer.csv",
        views.indicators_csv,
        name="indicators_csv",
    ),
    path(
        "<municipality_number:number>/<int:year>/indikatorer.json",
        views.indicators_json,
        name="indicators_json",
    ),
    path(
        "<municipality_number:number>/<int:year>/<str:kind>", views.report_download, name="download"
    ),
]
