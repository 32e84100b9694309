"""URLs of the pages of Temaplans egen indeks: one per plan, read-only
(«/planer/7/indeks/?year=2022&method=z»)."""

from django.urls import path

from . import index_views

urlpatterns = [
    path("planer/<int:plan_id>/indeks/", index_views.index_page, name="index"),
]
