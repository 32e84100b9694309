"""Dialogue meetings with business: create, edit and delete, from the dialogue page. Thin:
fetch through the access helpers, call a service, render."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from temaplan.accounts import access
from temaplan.core.editing import INVALID, save_or_status, saved_or_status
from temaplan.plans.access import plan_for_user

from . import partner_services as services
from .item_pages import delete_page, form_page
from .models import DialogueMeeting
from .partner_forms import MeetingForm

NAV = "dialogue"


def _meeting(request: HttpRequest, meeting_id: int) -> DialogueMeeting:
    return access.get_for_user(
        request, DialogueMeeting.objects.select_related("plan"), edit=True, pk=meeting_id
    )


def _dialogue_url(plan_id: int) -> str:
    return reverse("actions:dialogue", args=[plan_id])


def _name(meeting: DialogueMeeting) -> str:
    return f"{meeting.organisation} {meeting.date:%d.%m.%Y}"


@require_http_methods(["GET", "POST"])
def meeting_create(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = plan_for_user(request, plan_id, edit=True)
    form = MeetingForm(request.POST or None, plan=plan)
    status = 200
    if request.method == "POST":
        meeting, refused = saved_or_status(
            form, lambda f: services.meeting_create(plan=plan, data=f.changes())
        )
        if meeting is not None:
            messages.success(request, f"Dialogmøtet med {_name(meeting)} er lagret.")
            return redirect("actions:dialogue", plan_id=plan.pk)
        status = refused or INVALID
    return form_page(
        request,
        plan=plan,
        form=form,
        heading="Nytt dialogmøte",
        cancel_url=_dialogue_url(plan.pk),
        nav=NAV,
        status=status,
    )


@require_http_methods(["GET", "POST"])
def meeting_edit(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = _meeting(request, meeting_id)
    form = MeetingForm(request.POST or None, plan=meeting.plan, instance=meeting)
    status = 200
    if request.method == "POST":
        refused = save_or_status(
            form,
            lambda f: services.meeting_update(
                meeting=meeting, changes=f.changes(), expected_version=f.expected_version()
            ),
        )
        if refused is None:
            messages.success(request, "Dialogmøtet er lagret.")
            return redirect("actions:dialogue", plan_id=meeting.plan_id)
        status = refused
    return form_page(
        request,
        plan=meeting.plan,
        form=form,
        heading=f"Rediger dialogmøtet med {_name(meeting)}",
        cancel_url=_dialogue_url(meeting.plan_id),
        nav=NAV,
        status=status,
    )


@require_http_methods(["GET", "POST"])
def meeting_delete(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = _meeting(request, meeting_id)
    if request.method == "POST":
        services.meeting_delete(meeting=meeting)
        messages.success(request, f"Dialogmøtet med {_name(meeting)} er slettet.")
        return redirect("actions:dialogue", plan_id=meeting.plan_id)
    return delete_page(
        request,
        plan=meeting.plan,
        heading=f"Slette dialogmøtet med {_name(meeting)}?",
        text=f"Møtet med «{meeting.organisation}» {meeting.date:%d.%m.%Y} slettes. Tiltakene "
        "det følges opp med, blir stående. Endringsloggen beholdes.",
        button="Slett møtet",
        cancel_url=_dialogue_url(meeting.plan_id),
        nav=NAV,
    )
