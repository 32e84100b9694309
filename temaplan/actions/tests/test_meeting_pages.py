"""Dialogue meetings in the browser: personas for every view, bad input refused on the field,
only the plan's own focus areas and actions, edit conflicts, change history, the page's
buttons and empty state, and Bærum starting from nothing."""

from datetime import date

import pytest
from django.urls import reverse

from temaplan.actions.models import Action, ActionPeriod, DialogueMeeting
from temaplan.core.versioning import EDIT_CONFLICT_MESSAGE
from temaplan.plans.models import FocusArea
from temaplan.testing.personas import (
    EDITOR,
    Endpoint,
    persona_tests,
    second_editor,
    url_of,
)

NO_MEETINGS = "Ingen dialogmøter er registrert."


def a_meeting(plan) -> DialogueMeeting:
    return plan.dialogue_meetings.order_by("date", "pk").first()


def new_meeting(plan) -> dict:
    return {
        "date": "2025-03-11",
        "organisation": "Fornebu Næringsforening",
        "participants": "Eksempel: Kari Nordmann, styreleder",
        "topics": "Arealer for kunnskapsbedrifter",
        "focus_areas": list(plan.focus_areas.order_by("number").values_list("pk", flat=True)[:1]),
        "follow_up_actions": list(
            Action.objects.filter(period__plan=plan).order_by("pk").values_list("pk", flat=True)[:1]
        ),
    }


def edited_meeting(plan) -> dict:
    meeting = a_meeting(plan)
    return {
        "date": meeting.date.isoformat(),
        "organisation": meeting.organisation,
        "participants": meeting.participants,
        "topics": "Endret tema",
        "focus_areas": [a.pk for a in meeting.focus_areas.all()],
        "follow_up_actions": [a.pk for a in meeting.follow_up_actions.all()],
        "version": meeting.version,
    }


def url(name, row=None):
    return url_of(f"actions:{name}", row)


MEETING_ENDPOINTS = [
    Endpoint("meeting_create", "get", True, url("meeting_create")),
    Endpoint("meeting_create", "post", True, url("meeting_create"), new_meeting),
    Endpoint("meeting_edit", "get", True, url("meeting_edit", a_meeting)),
    Endpoint("meeting_edit", "post", True, url("meeting_edit", a_meeting), edited_meeting),
    Endpoint("meeting_delete", "get", True, url("meeting_delete", a_meeting)),
    Endpoint("meeting_delete", "post", True, url("meeting_delete", a_meeting)),
]


def snapshot():
    return list(
        DialogueMeeting.objects.order_by("pk").values_list("pk", "date", "topics", "version")
    )


(
    test_anonymous_visitors_are_sent_to_login,
    test_the_editor_of_another_municipality_gets_404,
    test_the_read_only_member_changes_nothing,
    test_the_editor_may_do_everything,
) = persona_tests(MEETING_ENDPOINTS, snapshot)


def test_an_editor_records_a_meeting_with_its_focus_area_and_follow_up(editor, asker_plan):
    data = new_meeting(asker_plan)
    response = editor.post(reverse("actions:meeting_create", args=[asker_plan.pk]), data)
    assert response.status_code == 302
    meeting = asker_plan.dialogue_meetings.get(organisation="Fornebu Næringsforening")
    assert meeting.municipality_id == asker_plan.municipality_id
    assert [a.pk for a in meeting.focus_areas.all()] == data["focus_areas"]
    assert [a.pk for a in meeting.follow_up_actions.all()] == data["follow_up_actions"]
    page = editor.get(response["Location"]).content.decode()
    assert "Dialogmøtet med Fornebu Næringsforening 11.03.2025 er lagret." in page
    assert "11. mars 2025: Fornebu Næringsforening" in page
    assert reverse("actions:meeting_edit", args=[meeting.pk]) in page


@pytest.mark.parametrize(
    "data, field, message",
    [
        ({"date": ""}, "date", "Møtedato må fylles ut."),
        ({"date": "11.13.2025"}, "date", "Oppgi en gyldig dato."),
        ({"organisation": ""}, "organisation", "Med hvem (organisasjon) må fylles ut."),
        ({"topics": ""}, "topics", "Tema må fylles ut."),
    ],
)
def test_bad_meeting_input_is_refused_on_the_field_and_saves_nothing(
    editor, asker_plan, data, field, message
):
    before = snapshot()
    response = editor.post(
        reverse("actions:meeting_create", args=[asker_plan.pk]),
        {**new_meeting(asker_plan), **data},
    )
    assert response.status_code == 422
    assert response.context["form"].errors[field] == [message]
    assert message in response.content.decode()
    assert snapshot() == before


def baerum_rows(plan) -> tuple[FocusArea, Action]:
    period = ActionPeriod.objects.create(
        plan=plan,
        municipality=plan.municipality,
        name="2025/26",
        first_date=date(2025, 1, 1),
        last_date=date(2026, 12, 31),
    )
    action = Action.objects.create(
        municipality=plan.municipality, period=period, key="b1", title="Bærums tiltak"
    )
    return plan.focus_areas.get(number=2), action


@pytest.mark.parametrize("field", ["focus_areas", "follow_up_actions"])
def test_a_meeting_cannot_name_what_belongs_to_another_plan(editor, asker_plan, baerum_plan, field):
    area, action = baerum_rows(baerum_plan)
    stranger = {"focus_areas": area, "follow_up_actions": action}[field]
    before = snapshot()
    response = editor.post(
        reverse("actions:meeting_create", args=[asker_plan.pk]),
        {**new_meeting(asker_plan), field: [stranger.pk]},
    )
    assert response.status_code == 422
    assert "Velg et gyldig valg" in response.context["form"].errors[field][0]
    assert snapshot() == before


def test_the_meeting_form_offers_only_the_plan_s_own_focus_areas_and_actions(
    editor, asker_plan, baerum_plan
):
    area, action = baerum_rows(baerum_plan)
    form = editor.get(reverse("actions:meeting_create", args=[asker_plan.pk])).context["form"]
    assert set(form.fields["focus_areas"].queryset) == set(asker_plan.focus_areas.all())
    assert set(form.fields["follow_up_actions"].queryset) == set(
        Action.objects.filter(period__plan=asker_plan)
    )
    page = editor.get(reverse("actions:meeting_create", args=[asker_plan.pk])).content.decode()
    assert area.name not in page and action.title not in page and "---------" not in page
    for name in ("date", "organisation", "participants", "topics"):
        assert f'<label for="id_{name}">' in page and f'id="id_{name}"' in page


def test_two_editors_changing_the_same_meeting_do_not_overwrite_each_other(editor, asker_plan):
    other = second_editor(asker_plan.municipality)
    meeting = a_meeting(asker_plan)
    url = reverse("actions:meeting_edit", args=[meeting.pk])
    mine = edited_meeting(asker_plan)
    assert editor.post(url, mine).status_code == 302
    response = other.post(url, {**mine, "topics": "Noe annet"})
    assert response.status_code == 409
    assert EDIT_CONFLICT_MESSAGE in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.topics == "Endret tema"


def test_a_meeting_change_is_kept_in_the_change_history_with_who_made_it(editor, asker_plan):
    meeting = a_meeting(asker_plan)
    before = meeting.history.count()
    editor.post(reverse("actions:meeting_edit", args=[meeting.pk]), edited_meeting(asker_plan))
    assert meeting.history.count() == before + 1
    latest = meeting.history.first()
    assert (latest.history_user.username, latest.topics) == (EDITOR, "Endret tema")


def test_a_deleted_meeting_is_gone_and_its_actions_stay(editor, asker_plan):
    meeting = a_meeting(asker_plan)
    actions = list(meeting.follow_up_actions.values_list("pk", flat=True))
    response = editor.post(reverse("actions:meeting_delete", args=[meeting.pk]))
    assert response.status_code == 302
    assert not DialogueMeeting.objects.filter(pk=meeting.pk).exists()
    assert Action.objects.filter(pk__in=actions).count() == len(actions)


def test_the_reader_sees_the_meetings_without_buttons(reader, asker_plan):
    page = reader.get(reverse("actions:dialogue", args=[asker_plan.pk])).content.decode()
    assert a_meeting(asker_plan).organisation in page
    assert reverse("actions:meeting_create", args=[asker_plan.pk]) not in page
    assert reverse("actions:meeting_edit", args=[a_meeting(asker_plan).pk]) not in page
    assert reverse("actions:meeting_delete", args=[a_meeting(asker_plan).pk]) not in page


# --- Bærum starts from nothing; Asker's editor is a stranger there -----------------------------


def test_the_baerum_editor_records_the_first_meeting_from_the_empty_state(outsider, baerum_plan):
    page_url = reverse("actions:dialogue", args=[baerum_plan.pk])
    create = reverse("actions:meeting_create", args=[baerum_plan.pk])
    page = outsider.get(page_url).content.decode()
    assert NO_MEETINGS in page and create in page
    area, action = baerum_rows(baerum_plan)
    data = {**new_meeting(baerum_plan), "focus_areas": [area.pk], "follow_up_actions": [action.pk]}
    assert outsider.post(create, data).status_code == 302
    meeting = baerum_plan.dialogue_meetings.get()
    assert meeting.municipality_id == baerum_plan.municipality_id
    page = outsider.get(page_url).content.decode()
    assert NO_MEETINGS not in page
    assert "Fornebu Næringsforening" in page and area.name in page and action.title in page


def test_an_empty_dialogue_page_tells_the_reader_without_a_button(reader, asker_plan):
    DialogueMeeting.objects.filter(plan=asker_plan).delete()
    page = reader.get(reverse("actions:dialogue", args=[asker_plan.pk])).content.decode()
    assert NO_MEETINGS in page and "Nytt dialogmøte" not in page


def baerum_meeting(plan) -> DialogueMeeting:
    return DialogueMeeting.objects.create(
        plan=plan,
        municipality=plan.municipality,
        date=date(2025, 3, 11),
        organisation="Bærums møte",
        topics="Tema",
    )


@pytest.mark.parametrize("view", ["meeting_edit", "meeting_delete"])
@pytest.mark.parametrize("method", ["get", "post"])
def test_the_asker_editor_gets_404_on_a_baerum_meeting(editor, baerum_plan, view, method):
    meeting = baerum_meeting(baerum_plan)
    before = snapshot()
    url = reverse(f"actions:{view}", args=[meeting.pk])
    response = getattr(editor, method)(url, {"topics": "Kapret", "version": meeting.version})
    assert response.status_code == 404
    assert snapshot() == before


def test_the_asker_editor_cannot_add_a_meeting_to_the_baerum_plan(editor, baerum_plan):
    url = reverse("actions:meeting_create", args=[baerum_plan.pk])
    assert editor.post(url, new_meeting(baerum_plan)).status_code == 404
    assert not baerum_plan.dialogue_meetings.exists()
