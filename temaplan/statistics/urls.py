from django.urls import path

from . import views

app_name = "statistics"

urlpatterns = [
    path("kommuner/<str:number>/ssb/", views.sync_page, name="sync_page"),
    path("kommuner/<str:number>/ssb/hent/", views.sync_start, name="sync_start"),
    path("kommuner/<str:number>/ssb/hentinger/<int:run_id>/", views.sync_run, name="sync_run"),
]
