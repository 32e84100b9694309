"""URLs of the benchmarking page: peers, charts, county ranks and the story."""

from django.urls import path

from . import page_views

urlpatterns: list = [
    path("planer/<int:plan_id>/kommune-nm/", page_views.benchmark_page, name="page"),
    path(
        "planer/<int:plan_id>/kommune-nm/sammenligningskommuner/ny/",
        page_views.peer_create,
        name="peer_create",
    ),
    path("sammenligningskommuner/<int:peer_id>/slett/", page_views.peer_delete, name="peer_delete"),
    path(
        "sammenligningskommuner/<int:peer_id>/flytt/<str:direction>/",
        page_views.peer_move,
        name="peer_move",
    ),
    path(
        "planer/<int:plan_id>/kommune-nm/<int:year>/fortelling/<slug:key>/rediger/",
        page_views.story_edit,
        name="story_edit",
    ),
    path(
        "planer/<int:plan_id>/kommune-nm/<int:year>/fortelling/<slug:key>/generert/",
        page_views.story_take_generated,
        name="story_take",
    ),
    path(
        "planer/<int:plan_id>/kommune-nm/<int:year>/fortelling/<slug:key>/behold/",
        page_views.story_keep_edited,
        name="story_keep",
    ),
]
