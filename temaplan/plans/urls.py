from django.urls import path

from temaplan.core import converters  # noqa: F401  (registers «municipality_number»)

from . import parts, views  # noqa: F401  (parts registers the URL converters)

app_name = "plans"

urlpatterns = [
    path("kommuner/<municipality_number:number>/", views.municipality_detail, name="municipality"),
    path("kommuner/<municipality_number:number>/planer/ny/", views.plan_create, name="plan_create"),
    path("planer/<int:plan_id>/", views.plan_detail, name="plan_detail"),
    path("planer/<int:plan_id>/rediger/", views.plan_edit, name="plan_edit"),
    path("planer/<int:plan_id>/slett/", views.plan_delete, name="plan_delete"),
    path("planer/<int:plan_id>/seksjon/<section:section>/", views.plan_section, name="section"),
    path("planer/<int:plan_id>/matrise.svg", views.plan_matrix_svg, name="matrix_svg"),
    path("planer/<int:plan_id>/historikk/", views.plan_history, name="plan_history"),
    path("planer/<int:plan_id>/<kind:kind>/ny/", views.part_create, name="part_create"),
    path("planer/<int:plan_id>/<kind:kind>/<int:pk>/rediger/", views.part_edit, name="part_edit"),
    path("planer/<int:plan_id>/<kind:kind>/<int:pk>/slett/", views.part_delete, name="part_delete"),
    path(
        "planer/<int:plan_id>/<kind:kind>/<int:pk>/flytt/<str:direction>/",
        views.part_move,
        name="part_move",
    ),
]
