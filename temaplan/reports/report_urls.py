"""URLs of the reports: list, draft preview, frozen view, workflow, downloads."""

from django.urls import path

from . import report_views as views

REPORT = "planer/<int:plan_id>/rapporter/<int:report_id>/"

urlpatterns = [
    path("planer/<int:plan_id>/rapporter/", views.report_list, name="list"),
    path("planer/<int:plan_id>/rapporter/ny/", views.report_create, name="create"),
    path(REPORT, views.report_detail, name="detail"),
    path(f"{REPORT}las/", views.report_freeze, name="freeze"),
    path(f"{REPORT}publiser/", views.report_publish, name="publish"),
    path(f"{REPORT}ny-versjon/", views.report_supersede, name="supersede"),
    path(f"{REPORT}filer/<str:kind>/", views.report_download, name="download"),
]
