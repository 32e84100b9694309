from django.urls import path

from . import views

app_name = "indicators"

urlpatterns = [
    path("planer/<int:plan_id>/indikatorer/", views.indicator_table, name="table"),
    path("planer/<int:plan_id>/indikatorer/ny/", views.indicator_create, name="create"),
    path("planer/<int:plan_id>/indikatorer/excel/", views.excel_export, name="excel_export"),
    path(
        "planer/<int:plan_id>/indikatorer/excel/last-opp/", views.excel_import, name="excel_import"
    ),
    path("indikatorer/<int:indicator_id>/", views.indicator_detail, name="detail"),
    path("indikatorer/<int:indicator_id>/rediger/", views.indicator_edit, name="edit"),
    path("indikatorer/<int:indicator_id>/slett/", views.indicator_delete, name="delete"),
    path("indikatorer/<int:indicator_id>/ar/<int:year>/", views.year_edit, name="year_edit"),
]
