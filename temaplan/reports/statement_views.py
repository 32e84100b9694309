"""The municipality's part of the accessibility statement of its published pages: the contact
for feedback, its own known deviations, its manual evaluation and when it last reviewed the
statement. Every member sees it; editors and admins change it. The public page that shows it
with Temaplan's own part is the portal's. Thin: fetch through the access helpers, call the
service, render."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from temaplan.accounts import access
from temaplan.core.editing import INVALID, saved_or_status

from . import statement_services
from .models import AccessibilityStatement, Report
from .statement_forms import StatementForm

SAVED = "Tilgjengelighetserklæringen er lagret."


@require_http_methods(["GET", "POST"])
def statement_edit(request: HttpRequest, number: str) -> HttpResponse:
    municipality = access.get_municipality_for_user(request, number, edit=request.method == "POST")
    stored = statement_services.statement_of(municipality)
    instance = stored or AccessibilityStatement(
        municipality=municipality, reviewed_on=timezone.localdate()
    )
    form = StatementForm(request.POST or None, instance=instance)
    can_edit = access.can_edit(request, municipality.id)
    status = 200
    if request.method == "POST":
        saved, refused = saved_or_status(
            form,
            lambda f: statement_services.statement_save(
                municipality=municipality,
                changes=f.changes(),
                expected_version=f.expected_version(),
            ),
        )
        if saved is not None:
            messages.success(request, SAVED)
            return redirect("reports:statement", municipality.number)
        status = refused or INVALID
    elif not can_edit:
        for field in form.fields.values():
            field.disabled = True
    published = Report.objects.filter(
        municipality=municipality, state=Report.State.PUBLISHED
    ).exists()
    return render(
        request,
        "reports/statement_form.html",
        {
            "municipality": municipality,
            "form": form,
            "stored": stored,
            "can_edit": can_edit,
            "published": published,
        },
        status=status,
    )
