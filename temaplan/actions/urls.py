from django.urls import path

from . import budget_views, period_views, plan_excel_views, views

app_name = "actions"

urlpatterns = [
    path("planer/<int:plan_id>/tiltak/", views.action_list, name="list"),
    path("planer/<int:plan_id>/veikart/", views.roadmap, name="roadmap"),
    path("planer/<int:plan_id>/budsjett/", views.budget, name="budget"),
    path("planer/<int:plan_id>/partnerskap/", views.partners, name="partners"),
    path("planer/<int:plan_id>/dialogmoter/", views.dialogue, name="dialogue"),
    path(
        "planer/<int:plan_id>/innsatsomrader/<int:number>/",
        views.focus_area_detail,
        name="focus_area",
    ),
    path("perioder/<int:period_id>/tiltak/ny/", views.action_create, name="create"),
    path("perioder/<int:period_id>/excel/", views.excel_export, name="excel_export"),
    path("perioder/<int:period_id>/excel/last-opp/", views.excel_import, name="excel_import"),
    path("tiltak/<int:action_id>/", views.action_detail, name="detail"),
    path("tiltak/<int:action_id>/rediger/", views.action_edit, name="edit"),
    path("tiltak/<int:action_id>/status/", views.action_status, name="status"),
]

# Excel for the whole action plan: periods, budget and partner agreements (plan_excel_views.py).
urlpatterns += [
    path(
        "planer/<int:plan_id>/handlingsplan/excel/",
        plan_excel_views.plan_excel_page,
        name="plan_excel",
    ),
    path(
        "planer/<int:plan_id>/handlingsplan/excel/last-ned/",
        plan_excel_views.plan_excel_export,
        name="plan_excel_export",
    ),
]

# --- Action periods and the budget: create, edit, delete (period_views, budget_views) -------
urlpatterns += [
    path("planer/<int:plan_id>/perioder/ny/", period_views.period_create, name="period_create"),
    path("perioder/<int:period_id>/rediger/", period_views.period_edit, name="period_edit"),
    path("perioder/<int:period_id>/slett/", period_views.period_delete, name="period_delete"),
    path(
        "planer/<int:plan_id>/budsjett/rammer/ny/", budget_views.frame_create, name="frame_create"
    ),
    path("budsjettrammer/<int:frame_id>/rediger/", budget_views.frame_edit, name="frame_edit"),
    path("budsjettrammer/<int:frame_id>/slett/", budget_views.frame_delete, name="frame_delete"),
    path(
        "planer/<int:plan_id>/budsjett/tildelinger/ny/",
        budget_views.allocation_create,
        name="allocation_create",
    ),
    path(
        "budsjettildelinger/<int:allocation_id>/rediger/",
        budget_views.allocation_edit,
        name="allocation_edit",
    ),
    path(
        "budsjettildelinger/<int:allocation_id>/slett/",
        budget_views.allocation_delete,
        name="allocation_delete",
    ),
]
