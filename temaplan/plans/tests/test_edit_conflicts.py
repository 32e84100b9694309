"""Two editors open the same thing and both save: the second is told, nothing is overwritten."""

from django.urls import reverse

from temaplan.core.versioning import EDIT_CONFLICT_MESSAGE
from temaplan.testing.personas import second_editor

HTMX = {"HTTP_HX_REQUEST": "true"}


def add_second_editor(plan):
    return second_editor(plan.municipality)


def form_as_opened(client, url):
    form = client.get(url).context["form"]
    return {name: form[name].value() for name in form.fields}


def test_the_second_save_of_the_same_focus_area_is_refused(editor, asker_plan):
    other = add_second_editor(asker_plan)
    area = asker_plan.focus_areas.get(number=2)
    url = reverse("plans:part_edit", args=[asker_plan.pk, "innsatsomrader", area.pk])

    first, second = form_as_opened(editor, url), form_as_opened(other, url)
    first["name"] = "Gründerskap (endret av den første)"
    second["name"] = "Gründerskap (endret av den andre)"
    second["influence"] = 1

    assert editor.post(url, first).status_code == 302
    response = other.post(url, second, **HTMX)

    assert response.status_code == 409
    assert EDIT_CONFLICT_MESSAGE in response.content.decode()
    area.refresh_from_db()
    assert area.name == "Gründerskap (endret av den første)"
    assert area.influence == 4
    assert area.version == 2


def test_the_second_save_of_the_plan_itself_is_refused(editor, asker_plan):
    other = add_second_editor(asker_plan)
    url = reverse("plans:plan_edit", args=[asker_plan.pk])
    first, second = form_as_opened(editor, url), form_as_opened(other, url)
    first["decision_reference"] = "KST-sak 1/20"
    second["decision_reference"] = "KST-sak 2/20"
    for form in (first, second):
        form["adopted_on"] = ""
    assert editor.post(url, first).status_code == 302
    response = other.post(url, second)
    assert response.status_code == 409
    assert EDIT_CONFLICT_MESSAGE in response.content.decode()
    asker_plan.refresh_from_db()
    assert asker_plan.decision_reference == "KST-sak 1/20"


def test_saving_something_deleted_meanwhile_is_refused(editor, asker_plan):
    ambition = asker_plan.ambitions.first()
    url = reverse("plans:part_edit", args=[asker_plan.pk, "ambisjoner", ambition.pk])
    opened = form_as_opened(editor, url)
    ambition.delete()
    opened["text"] = "For sent"
    assert editor.post(url, opened).status_code == 404
    assert not asker_plan.ambitions.filter(text="For sent").exists()
