"""The two pages every plan-level item of the action plan shares: its form (create and edit)
and the question before it is deleted."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from temaplan.plans.models import Plan


def form_page(
    request: HttpRequest,
    *,
    plan: Plan,
    form,
    heading: str,
    cancel_url: str,
    nav: str = "",
    status: int = 200,
) -> HttpResponse:
    return render(
        request,
        "actions/item_form.html",
        {
            "plan": plan,
            "form": form,
            "heading": heading,
            "cancel_url": cancel_url,
            "current": nav,
        },
        status=status,
    )


def delete_page(
    request: HttpRequest,
    *,
    plan: Plan,
    heading: str,
    text: str,
    button: str,
    cancel_url: str,
    nav: str = "",
    refusal: str = "",
    status: int = 200,
) -> HttpResponse:
    """The question «delete this?» with one button, or the reason it cannot be deleted."""
    return render(
        request,
        "actions/item_confirm_delete.html",
        {
            "plan": plan,
            "heading": heading,
            "text": text,
            "button": button,
            "cancel_url": cancel_url,
            "current": nav,
            "refusal": refusal,
        },
        status=status,
    )
