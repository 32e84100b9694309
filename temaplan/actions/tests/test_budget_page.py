"""The budget page: one money format (mill. kr with one decimal, «–» for a year without
allocations), buttons for editors only, empty states, and deleting a frame."""

import re

from django.contrib.messages import constants
from django.urls import reverse

from temaplan.actions.models import BudgetFrame
from temaplan.plans.models import Plan

NBSP = "\u00a0"

# --- The page: one money format, empty states -------------------------------------------------

MONEY = re.compile(rf"(−?[\d{NBSP}]+(?:,(\d+))?){NBSP}mill\.{NBSP}kr")


def test_the_budget_page_shows_every_amount_in_mill_kr_with_one_decimal(reader, asker_plan):
    page = reader.get(reverse("actions:budget", args=[asker_plan.pk])).content.decode()
    amounts = MONEY.findall(page)
    assert len(amounts) > 20
    assert {len(decimals) for _, decimals in amounts} == {1}, amounts
    assert f"9,6{NBSP}mill.{NBSP}kr" in page and f"8,5{NBSP}mill.{NBSP}kr" in page
    assert "0,00" not in page and "8,50" not in page


def test_a_year_with_only_a_proposal_shows_a_dash_for_allocated_and_spent(reader, asker_plan):
    page = reader.get(reverse("actions:budget", args=[asker_plan.pk])).content.decode()
    row = re.search(r'<th scope="row">2026</th>(.*?)</tr>', page, re.S).group(1)
    cells = re.findall(r"<td>(.*?)</td>", row, re.S)
    assert cells[0] == "–"  # no decided frame
    assert "10,6" in cells[2]  # the proposal
    assert cells[3:6] == ["–", "–", "–"]  # allocated, spent, remaining
    assert f"0,0{NBSP}mill" not in row


def test_the_editor_gets_buttons_for_every_frame_and_allocation(editor, asker_plan):
    page = editor.get(reverse("actions:budget", args=[asker_plan.pk])).content.decode()
    for frame in asker_plan.budget_frames.all():
        assert reverse("actions:frame_edit", args=[frame.pk]) in page
        assert reverse("actions:frame_delete", args=[frame.pk]) in page
    for allocation in asker_plan.budget_allocations.all():
        assert reverse("actions:allocation_edit", args=[allocation.pk]) in page
        assert reverse("actions:allocation_delete", args=[allocation.pk]) in page
    assert reverse("actions:allocation_create", args=[asker_plan.pk]) in page


def test_the_reader_sees_the_budget_without_buttons(reader, asker_plan):
    page = reader.get(reverse("actions:budget", args=[asker_plan.pk])).content.decode()
    assert "Ny budsjettramme" not in page and "/rediger/" not in page and "/slett/" not in page


def test_the_reader_of_a_plan_without_budget_sees_a_plain_text(reader, asker_plan):
    plan = Plan.objects.create(
        municipality=asker_plan.municipality, name="Tom plan", first_year=2025, last_year=2030
    )
    page = reader.get(reverse("actions:budget", args=[plan.pk])).content.decode()
    assert "Ingen budsjettrammer er lagt inn ennå." in page
    assert "Ny budsjettramme" not in page


def test_deleting_a_frame_keeps_the_year_s_allocations_and_warns(editor, asker_plan):
    frame = asker_plan.budget_frames.get(year=2022, kind="decided")
    allocations = asker_plan.budget_allocations.filter(year=2022).count()
    response = editor.post(reverse("actions:frame_delete", args=[frame.pk]), follow=True)
    assert not BudgetFrame.objects.filter(pk=frame.pk).exists()
    assert asker_plan.budget_allocations.filter(year=2022).count() == allocations
    warnings = [m.message for m in response.context["messages"] if m.level == constants.WARNING]
    assert warnings and "ingen vedtatt ramme for 2022" in warnings[0]


def test_the_link_for_a_year_without_a_decided_frame_fills_in_year_and_kind(editor, asker_plan):
    url = reverse("actions:frame_create", args=[asker_plan.pk])
    page = editor.get(url, {"year": "2024", "kind": "decided"}).content.decode()
    assert 'name="year" value="2024"' in page
    assert '<option value="decided" selected>' in page
