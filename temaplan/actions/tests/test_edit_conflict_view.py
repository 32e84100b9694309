"""An edit conflict shows what the other person saved beside the editor's own version, field by
field, as the page shows it (labels, Norwegian dates and numbers), and saves nothing."""

import re
from datetime import date
from decimal import Decimal
from html import unescape

import pytest
from django import forms
from django.urls import reverse

from temaplan.actions.models import Action
from temaplan.core.editing import EMPTY, display_value
from temaplan.testing.personas import second_editor

from .test_pages import HTMX, an_action, edited

ROW = re.compile(r'<tr><th scope="row">(.*?)</th><td>(.*?)</td><td>(.*?)</td></tr>')


def conflict_table(html: str) -> dict[str, tuple[str, str]]:
    """The conflict table's headings and rows: {label: (saved by the other, yours)}."""
    start = html.index('<table class="edit-conflict">')
    table = " ".join(unescape(html[start : html.index("</table>", start)]).split())
    table = table.replace("> <", "><")
    assert '<th scope="col">Lagret av andre</th><th scope="col">Din versjon</th>' in table
    return {label: (theirs, yours) for label, theirs, yours in ROW.findall(table)}


def test_the_second_of_two_saves_from_the_same_version_sees_both_versions(editor, asker_plan):
    other = second_editor(asker_plan.municipality)
    action = an_action(asker_plan)
    url = reverse("actions:edit", args=[action.pk])
    strategy = asker_plan.strategies.order_by("focus_area__number", "position").first()
    opened = edited(asker_plan)  # both editors opened this version
    first = {
        **opened,
        "title": "Bedriftsbesøk hver måned",
        "status": "delayed" if action.status != "delayed" else "cancelled",
        "due_date": "2024-06-30",
        "strategies": [strategy.pk],
    }
    assert editor.post(url, first).status_code == 302
    before_first_status = action.status
    action.refresh_from_db()
    saved = (action.title, action.status, action.version)

    mine = {**opened, "title": "Bedriftsbesøk hver uke", "due_date": "2024-09-01"}
    response = other.post(url, mine)

    assert response.status_code == 409
    html = response.content.decode()
    assert "Noen andre har endret dette" in html
    # Every field that differs, by its label, with labels and Norwegian dates, never codes;
    # a field both versions agree on (the key, the kind …) is not listed.
    assert conflict_table(html) == {
        "Tittel": ("Bedriftsbesøk hver måned", "Bedriftsbesøk hver uke"),
        "Status": (
            Action.Status(first["status"]).label,
            Action.Status(before_first_status).label,
        ),
        "Strategier": (f"{strategy.code} {strategy.text}", EMPTY),
        "Frist": ("30.06.2024", "01.09.2024"),
    }
    action.refresh_from_db()
    assert (action.title, action.status, action.version) == saved


def test_a_status_conflict_shows_the_status_and_progress_saved_by_the_other(editor, asker_plan):
    other = second_editor(asker_plan.municipality)
    action = an_action(asker_plan)
    url = reverse("actions:status", args=[action.pk])
    version = action.version
    saved = {"status": "delayed", "progress": "35", "comment": "", "version": version}
    assert editor.post(url, saved, **HTMX).status_code == 200
    mine = {"status": "done", "progress": "100", "comment": "Ferdig nå", "version": version}
    response = other.post(url, mine, **HTMX)
    assert response.status_code == 409
    # The comment is no field of the action: nothing to compare it with.
    assert conflict_table(response.content.decode()) == {
        "Status": ("forsinket", "ferdig"),
        "Framdrift (%)": ("35", "100"),
    }


@pytest.mark.parametrize(
    "field, value, shown",
    [
        (forms.CharField(), "  to   ord ", "to ord"),
        (forms.CharField(), "", EMPTY),
        (forms.CharField(required=False), None, EMPTY),
        (forms.ChoiceField(choices=[("done", "ferdig")]), "done", "ferdig"),
        (forms.BooleanField(), True, "Ja"),
        (forms.BooleanField(), False, "Nei"),
        (forms.DateField(), date(2024, 3, 5), "05.03.2024"),
        (forms.DecimalField(), Decimal("60000.50"), "60\u00a0000,5"),
        (forms.IntegerField(), 0, "0"),
    ],
)
def test_a_value_is_shown_as_the_page_shows_it(field, value, shown):
    assert display_value(field, value) == shown
