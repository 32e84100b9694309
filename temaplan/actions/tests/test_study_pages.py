"""A study's phases and political cases in the browser: personas for every view, only for an
action that is a study, bad input refused on the field, «after phase» limited to the study's
own phases, edit conflicts, change history, the action page's buttons and empty states, and
Bærum starting from nothing. What the roadmap says about them is in test_study_roadmap.py."""

from datetime import date

import pytest
from django.urls import reverse

from temaplan.actions.models import Action, ActionPeriod, PoliticalCase, StudyPhase
from temaplan.actions.study_forms import DECIDED_WITHOUT_DATE
from temaplan.core.versioning import EDIT_CONFLICT_MESSAGE
from temaplan.testing.personas import (
    EDITOR,
    Endpoint,
    persona_tests,
    second_editor,
)

NO_PHASES = "Utredningen har ingen faser ennå."


def a_study(plan) -> Action:
    return Action.objects.get(period__plan=plan, key="a01-campus-baerekraft")


def another_study(plan) -> Action:
    return Action.objects.get(period__plan=plan, key="a02-invester-i-asker")


def not_a_study(plan) -> Action:
    return Action.objects.filter(period__plan=plan).exclude(kind="study").order_by("pk")[0]


def a_phase(plan) -> StudyPhase:
    return a_study(plan).phases.order_by("position")[0]


def a_case(plan) -> PoliticalCase:
    return a_study(plan).political_cases.order_by("planned_date")[0]


def spare_phase(plan) -> StudyPhase:
    phase, _ = StudyPhase.objects.get_or_create(
        study=a_study(plan),
        municipality=plan.municipality,
        name="Ekstra fase",
        defaults={"planned_start": date(2026, 1, 1), "planned_end": date(2026, 6, 30)},
    )
    return phase


def spare_case(plan) -> PoliticalCase:
    case, _ = PoliticalCase.objects.get_or_create(
        study=a_study(plan),
        municipality=plan.municipality,
        body="Formannskapet",
        defaults={"planned_date": date(2026, 9, 1)},
    )
    return case


def new_phase(plan) -> dict:
    return {
        "name": "Fase 4: evaluering",
        "planned_start": "2026-01-01",
        "planned_end": "2026-12-31",
        "status": "planned",
        "deliverable": "Evalueringsrapport",
    }


def edited_phase(plan) -> dict:
    phase = a_phase(plan)
    assert phase.actual_start is not None
    return {
        "name": phase.name,
        "planned_start": phase.planned_start.isoformat(),
        "planned_end": phase.planned_end.isoformat(),
        "actual_start": phase.actual_start.isoformat(),
        "actual_end": "2023-02-15",
        "status": "done",
        "deliverable": "Endret leveranse",
        "version": phase.version,
    }


def new_case(plan) -> dict:
    return {
        "body": "Kommunestyret",
        "after_phase": a_phase(plan).pk,
        "planned_date": "2026-10-20",
        "outcome": "pending",
    }


def edited_case(plan) -> dict:
    case = a_case(plan)
    return {
        "body": case.body,
        "after_phase": case.after_phase_id or "",
        "planned_date": case.planned_date.isoformat(),
        "case_number": "23/1234",
        "outcome": case.outcome,
        "decided_on": case.decided_on.isoformat() if case.decided_on else "",
        "decision_text": case.decision_text,
        "version": case.version,
    }


def url(name, row):
    return lambda p: reverse(f"actions:{name}", args=[row(p).pk])


STUDY_ENDPOINTS = [
    Endpoint("phase_create", "get", True, url("phase_create", a_study)),
    Endpoint("phase_create", "post", True, url("phase_create", a_study), new_phase),
    Endpoint("phase_edit", "get", True, url("phase_edit", a_phase)),
    Endpoint("phase_edit", "post", True, url("phase_edit", a_phase), edited_phase),
    Endpoint("phase_delete", "get", True, url("phase_delete", a_phase)),
    Endpoint("phase_delete", "post", True, url("phase_delete", spare_phase)),
    Endpoint("case_create", "get", True, url("case_create", a_study)),
    Endpoint("case_create", "post", True, url("case_create", a_study), new_case),
    Endpoint("case_edit", "get", True, url("case_edit", a_case)),
    Endpoint("case_edit", "post", True, url("case_edit", a_case), edited_case),
    Endpoint("case_delete", "get", True, url("case_delete", a_case)),
    Endpoint("case_delete", "post", True, url("case_delete", spare_case)),
]


def snapshot():
    return (
        list(StudyPhase.objects.order_by("pk").values_list("pk", "name", "actual_end", "version")),
        list(PoliticalCase.objects.order_by("pk").values_list("pk", "case_number", "version")),
    )


(
    test_anonymous_visitors_are_sent_to_login,
    test_the_editor_of_another_municipality_gets_404,
    test_the_read_only_member_changes_nothing,
    test_the_editor_may_do_everything,
) = persona_tests(STUDY_ENDPOINTS, snapshot)


@pytest.mark.parametrize("view, data", [("phase_create", new_phase), ("case_create", new_case)])
@pytest.mark.parametrize("method", ["get", "post"])
def test_an_action_that_is_not_a_study_gets_no_phases_or_cases(
    editor, asker_plan, view, data, method
):
    action = not_a_study(asker_plan)
    before = snapshot()
    url = reverse(f"actions:{view}", args=[action.pk])
    response = getattr(editor, method)(url, data(asker_plan))
    assert response.status_code == 404
    assert snapshot() == before
    page = editor.get(reverse("actions:detail", args=[action.pk])).content.decode()
    assert url not in page and "Ny fase" not in page


def test_an_editor_adds_a_phase_after_the_others_and_sees_it_on_the_action_page(editor, asker_plan):
    study = a_study(asker_plan)
    last = max(p.position for p in study.phases.all())
    response = editor.post(reverse("actions:phase_create", args=[study.pk]), new_phase(asker_plan))
    assert response.status_code == 302
    assert response["Location"].endswith("#faser")
    phase = study.phases.get(name="Fase 4: evaluering")
    assert (phase.position, phase.municipality_id) == (last + 1, study.municipality_id)
    page = editor.get(response["Location"]).content.decode()
    assert "Fasen «Fase 4: evaluering» er lagret." in page
    assert reverse("actions:phase_edit", args=[phase.pk]) in page


@pytest.mark.parametrize(
    "data, field, message",
    [
        (
            {"planned_start": "2026-06-01", "planned_end": "2026-05-31"},
            "planned_end",
            "Planlagt slutt kan ikke være før planlagt start.",
        ),
        (
            {"actual_start": "2026-03-01", "actual_end": "2026-02-01"},
            "actual_end",
            "Faktisk slutt kan ikke være før faktisk start.",
        ),
        ({"name": ""}, "name", "Navn på fasen må fylles ut."),
        ({"planned_start": ""}, "planned_start", "Planlagt start må fylles ut."),
        ({"planned_end": "snart"}, "planned_end", "Oppgi en gyldig dato."),
    ],
)
def test_bad_phase_input_is_refused_on_the_field_and_saves_nothing(
    editor, asker_plan, data, field, message
):
    before = snapshot()
    response = editor.post(
        reverse("actions:phase_create", args=[a_study(asker_plan).pk]),
        {**new_phase(asker_plan), **data},
    )
    assert response.status_code == 422
    assert response.context["form"].errors[field] == [message]
    assert message in response.content.decode()
    assert snapshot() == before


@pytest.mark.parametrize(
    "data, field, message",
    [
        ({"outcome": "adopted"}, "decided_on", str(DECIDED_WITHOUT_DATE)),
        ({"body": ""}, "body", "Organ må fylles ut."),
        ({"planned_date": ""}, "planned_date", "Planlagt møtedato må fylles ut."),
        ({"outcome": "avgjort"}, "outcome", "Velg et gyldig valg"),
    ],
)
def test_bad_case_input_is_refused_on_the_field_and_saves_nothing(
    editor, asker_plan, data, field, message
):
    before = snapshot()
    response = editor.post(
        reverse("actions:case_create", args=[a_study(asker_plan).pk]),
        {**new_case(asker_plan), **data},
    )
    assert response.status_code == 422
    (error,) = response.context["form"].errors[field]
    assert error.startswith(message)
    assert message in response.content.decode()
    assert snapshot() == before


def test_a_case_follows_only_a_phase_of_its_own_study(editor, asker_plan):
    study, other = a_study(asker_plan), another_study(asker_plan)
    stranger = other.phases.first()
    form = editor.get(reverse("actions:case_create", args=[study.pk])).context["form"]
    assert set(form.fields["after_phase"].queryset) == set(study.phases.all())
    before = snapshot()
    response = editor.post(
        reverse("actions:case_create", args=[study.pk]),
        {**new_case(asker_plan), "after_phase": stranger.pk},
    )
    assert response.status_code == 422
    assert "Velg et gyldig valg" in response.context["form"].errors["after_phase"][0]
    assert snapshot() == before


def test_the_phase_and_case_forms_label_every_field_without_dashes(editor, asker_plan):
    study = a_study(asker_plan)
    for view, names in (
        ("phase_create", ("name", "planned_start", "planned_end", "actual_start", "status")),
        ("case_create", ("body", "after_phase", "planned_date", "outcome", "decided_on")),
    ):
        page = editor.get(reverse(f"actions:{view}", args=[study.pk])).content.decode()
        assert "---------" not in page
        for name in names:
            assert f'<label for="id_{name}">' in page and f'id="id_{name}"' in page


@pytest.mark.parametrize(
    "view, row, data, change",
    [
        ("phase_edit", a_phase, edited_phase, {"deliverable": "Noe annet"}),
        ("case_edit", a_case, edited_case, {"case_number": "99/1"}),
    ],
    ids=["phase", "case"],
)
def test_two_editors_saving_the_same_phase_or_case_do_not_overwrite_each_other(
    editor, asker_plan, view, row, data, change
):
    other = second_editor(asker_plan.municipality)
    target = row(asker_plan)
    mine = data(asker_plan)
    url = reverse(f"actions:{view}", args=[target.pk])
    assert editor.post(url, mine).status_code == 302
    response = other.post(url, {**mine, **change})
    assert response.status_code == 409
    assert EDIT_CONFLICT_MESSAGE in response.content.decode()
    target.refresh_from_db()
    assert target.version == mine["version"] + 1
    assert all(getattr(target, name) != value for name, value in change.items())


def test_a_phase_change_is_kept_in_the_change_history_with_who_made_it(editor, asker_plan):
    phase = a_phase(asker_plan)
    before = phase.history.count()
    editor.post(reverse("actions:phase_edit", args=[phase.pk]), edited_phase(asker_plan))
    assert phase.history.count() == before + 1
    latest = phase.history.first()
    assert (latest.history_user.username, latest.actual_end) == (EDITOR, date(2023, 2, 15))


def test_a_deleted_phase_leaves_its_cases_without_a_phase(editor, asker_plan):
    phase = a_phase(asker_plan)
    cases = list(phase.cases_after.values_list("pk", flat=True))
    assert cases
    question = editor.get(reverse("actions:phase_delete", args=[phase.pk])).content.decode()
    assert "blir stående, uten fase" in question
    assert editor.post(reverse("actions:phase_delete", args=[phase.pk])).status_code == 302
    assert not StudyPhase.objects.filter(pk=phase.pk).exists()
    assert set(
        PoliticalCase.objects.filter(pk__in=cases).values_list("after_phase", flat=True)
    ) == {None}


def test_the_reader_sees_the_phases_without_buttons(reader, asker_plan):
    study = a_study(asker_plan)
    page = reader.get(reverse("actions:detail", args=[study.pk])).content.decode()
    assert a_phase(asker_plan).name in page
    for view in ("phase_create", "case_create"):
        assert reverse(f"actions:{view}", args=[study.pk]) not in page
    assert reverse("actions:phase_edit", args=[a_phase(asker_plan).pk]) not in page


# --- Bærum starts from nothing; Asker's editor is a stranger there -----------------------------


def baerum_study(plan) -> Action:
    period = ActionPeriod.objects.create(
        plan=plan,
        municipality=plan.municipality,
        name="2025/26",
        first_date=date(2025, 1, 1),
        last_date=date(2026, 12, 31),
    )
    return Action.objects.create(
        municipality=plan.municipality,
        period=period,
        key="b1",
        title="Utredning av Fornebu-campus",
        kind="study",
    )


def test_the_baerum_editor_gives_a_new_study_two_phases_and_a_case(outsider, baerum_plan):
    study = baerum_study(baerum_plan)
    detail = reverse("actions:detail", args=[study.pk])
    page = outsider.get(detail).content.decode()
    assert NO_PHASES in page and reverse("actions:phase_create", args=[study.pk]) in page
    for name, start, end in (
        ("Fase 1", "2025-02-01", "2025-08-31"),
        ("Fase 2", "2025-10-01", "2026-06-30"),
    ):
        data = {"name": name, "planned_start": start, "planned_end": end, "status": "planned"}
        response = outsider.post(reverse("actions:phase_create", args=[study.pk]), data)
        assert response.status_code == 302
    first = study.phases.get(name="Fase 1")
    data = {
        "body": "Kommunestyret",
        "after_phase": first.pk,
        "planned_date": "2025-09-17",
        "outcome": "pending",
    }
    assert outsider.post(reverse("actions:case_create", args=[study.pk]), data).status_code == 302
    assert [p.position for p in study.phases.all()] == [1, 2]
    assert {p.municipality_id for p in study.phases.all()} == {baerum_plan.municipality_id}
    page = outsider.get(detail).content.decode()
    assert NO_PHASES not in page and "Fase 2" in page and "17.09.2025" in page
    roadmap = outsider.get(reverse("actions:roadmap", args=[baerum_plan.pk])).content.decode()
    assert "Utredning av Fornebu-campus" in roadmap and "Fase 1" in roadmap


@pytest.mark.parametrize("view", ["phase_edit", "phase_delete", "case_edit", "case_delete"])
@pytest.mark.parametrize("method", ["get", "post"])
def test_the_asker_editor_gets_404_on_baerum_phases_and_cases(editor, baerum_plan, view, method):
    study = baerum_study(baerum_plan)
    phase = StudyPhase.objects.create(
        study=study,
        municipality=baerum_plan.municipality,
        name="Fase 1",
        planned_start=date(2025, 2, 1),
        planned_end=date(2025, 8, 31),
    )
    case = PoliticalCase.objects.create(
        study=study,
        municipality=baerum_plan.municipality,
        body="Kommunestyret",
        planned_date=date(2025, 9, 17),
    )
    target = phase if view.startswith("phase") else case
    before = snapshot()
    url = reverse(f"actions:{view}", args=[target.pk])
    response = getattr(editor, method)(url, {"name": "Kapret", "version": target.version})
    assert response.status_code == 404
    assert snapshot() == before


@pytest.mark.parametrize("view", ["phase_create", "case_create"])
def test_the_asker_editor_cannot_add_to_a_baerum_study(editor, baerum_plan, view):
    study = baerum_study(baerum_plan)
    data = {**new_phase(None), "body": "Kommunestyret", "planned_date": "2025-09-17"}
    assert editor.post(reverse(f"actions:{view}", args=[study.pk]), data).status_code == 404
    assert not study.phases.exists() and not study.political_cases.exists()
