"""One truth about a study (issue 10, point 6): a study that is done is not «forsinket» in the
roadmap or on its page; a phase that ended late says what happened; only what is late now is
marked late. On the demo plan, seen from a fixed day."""

from datetime import date

import time_machine
from django.urls import reverse

from temaplan.actions.models import Action

TODAY = date(2026, 11, 2)


def study(plan, key) -> Action:
    return Action.objects.get(period__plan=plan, key=key)


def roadmap_by_study(client, plan) -> dict[str, list[dict]]:
    """The roadmap's table rows under the study they belong to."""
    with time_machine.travel(TODAY, tick=False):
        rows = client.get(reverse("actions:roadmap", args=[plan.pk])).context["rows"]
    grouped: dict[str, list[dict]] = {}
    current = ""
    for row in rows:
        if row["kind"] == "Utredning":
            current = row["row"]
        grouped.setdefault(current, []).append(row)
    return grouped


def test_a_study_done_at_100_percent_is_not_late_in_the_roadmap(reader, asker_plan):
    campus = study(asker_plan, "a01-campus-baerekraft")
    assert (campus.status, campus.progress) == ("done", 100)
    rows = roadmap_by_study(reader, asker_plan)[campus.title]
    assert [r["flag_label"] for r in rows] == [""] * len(rows)
    assert [(r["row"], r["note"]) for r in rows if r["kind"] == "Fase"] == [
        ("Fase 1", "ferdig en måned etter planen"),
        ("Fase 2", "ferdig 2 måneder etter planen"),
        ("Fase 3", "ferdig i tide"),
    ]


def test_what_is_late_now_is_still_marked_late(reader, asker_plan):
    fund = study(asker_plan, "a03-naeringsutviklingsfond")
    rows = roadmap_by_study(reader, asker_plan)[fund.title]
    assert [(r["kind"], r["row"], r["flag_label"], r["note"]) for r in rows] == [
        ("Utredning", fund.title, "forsinket", ""),
        ("Fase", "Fase 1", "", "ferdig 3 måneder etter planen"),
        ("Fase", "Fase 2 og 3", "forsinket", ""),
        ("Politisk sak (SAK) i Kommunestyret", fund.title, "forsinket", ""),
    ]


def test_the_page_of_a_done_study_tells_what_happened_without_an_alarm(reader, asker_plan):
    campus = study(asker_plan, "a01-campus-baerekraft")
    with time_machine.travel(TODAY, tick=False):
        response = reader.get(reverse("actions:detail", args=[campus.pk]))
    page = response.content.decode()
    assert not response.context["flags"].study_slipping
    assert "ferdig en måned etter planen" in page
    assert "forsinket" not in page.split('id="faser"', 1)[1]


def test_marking_the_late_phase_finished_ends_the_alarm(editor, asker_plan):
    fund = study(asker_plan, "a03-naeringsutviklingsfond")
    phase = fund.phases.get(name="Fase 2 og 3")
    data = {
        "name": phase.name,
        "planned_start": "2024-01-01",
        "planned_end": "2025-12-31",
        "actual_start": "2024-03-01",
        "actual_end": "2026-01-12",
        "status": "done",
        "version": phase.version,
    }
    assert editor.post(reverse("actions:phase_edit", args=[phase.pk]), data).status_code == 302
    rows = roadmap_by_study(editor, asker_plan)[fund.title]
    assert [(r["row"], r["flag_label"], r["note"]) for r in rows if r["kind"] == "Fase"] == [
        ("Fase 1", "", "ferdig 3 måneder etter planen"),
        ("Fase 2 og 3", "", "ferdig 12 dager etter planen"),
    ]
    # The case after phase 1 is still not decided: that is late now.
    assert rows[0]["flag_label"] == "forsinket"


def test_a_done_study_with_an_unfinished_phase_is_not_late(editor, asker_plan):
    fund = study(asker_plan, "a03-naeringsutviklingsfond")
    Action.objects.filter(pk=fund.pk).update(status="done", progress=100)
    rows = roadmap_by_study(editor, asker_plan)[fund.title]
    assert {r["flag_label"] for r in rows} == {""}
