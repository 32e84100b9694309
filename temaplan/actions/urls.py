from django.urls import path

from . import (
    budget_views,
    meeting_views,
    partner_views,
    period_views,
    plan_excel_views,
    study_views,
    views,
)

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

# --- Partner agreements, dialogue meetings, a study's phases and political cases: create,
# edit, delete (partner_views, meeting_views, study_views) ------------------------------------
urlpatterns += [
    path(
        "planer/<int:plan_id>/partnerskap/ny/",
        partner_views.agreement_create,
        name="agreement_create",
    ),
    path(
        "partnerskapsavtaler/<int:agreement_id>/rediger/",
        partner_views.agreement_edit,
        name="agreement_edit",
    ),
    path(
        "partnerskapsavtaler/<int:agreement_id>/slett/",
        partner_views.agreement_delete,
        name="agreement_delete",
    ),
    path(
        "planer/<int:plan_id>/dialogmoter/ny/", meeting_views.meeting_create, name="meeting_create"
    ),
    path("dialogmoter/<int:meeting_id>/rediger/", meeting_views.meeting_edit, name="meeting_edit"),
    path(
        "dialogmoter/<int:meeting_id>/slett/", meeting_views.meeting_delete, name="meeting_delete"
    ),
    path("tiltak/<int:action_id>/faser/ny/", study_views.phase_create, name="phase_create"),
    path("faser/<int:phase_id>/rediger/", study_views.phase_edit, name="phase_edit"),
    path("faser/<int:phase_id>/slett/", study_views.phase_delete, name="phase_delete"),
    path("tiltak/<int:action_id>/politiske-saker/ny/", study_views.case_create, name="case_create"),
    path("politiske-saker/<int:case_id>/rediger/", study_views.case_edit, name="case_edit"),
    path("politiske-saker/<int:case_id>/slett/", study_views.case_delete, name="case_delete"),
]
