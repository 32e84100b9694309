"""The municipality's part of the accessibility statement with the personas: the editor fills it
in (the first save makes it), the read-only member sees it and is refused a change (403),
another municipality's editor gets 404; bad input gets a Norwegian message on its field and
saves nothing; the second of two editors is told it changed; the municipality pages link to it
and to the API tokens."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from temaplan.accounts.access import READ_ONLY_MESSAGE
from temaplan.core.text_limits import PARAGRAPHS
from temaplan.core.versioning import EDIT_CONFLICT_MESSAGE
from temaplan.reports import statement_services as services
from temaplan.reports.models import NOT_A_WEB_ADDRESS, PHONE, AccessibilityStatement
from temaplan.reports.statement_forms import NOT_A_DATE, NOT_AN_EMAIL
from temaplan.reports.statement_views import SAVED
from temaplan.testing.database import stored_rows
from temaplan.testing.personas import ASKER, BAERUM, Endpoint, persona_tests, second_editor


def url(number: str = ASKER) -> str:
    return reverse("reports:statement", args=[number])


def asker_statement(plan) -> AccessibilityStatement:
    return AccessibilityStatement.objects.get(municipality=plan.municipality)


def filled(plan, **changes) -> dict:
    """The form as Asker's editor would send it, from the stored statement, with changes."""
    stored = AccessibilityStatement.objects.filter(municipality=plan.municipality).first()
    data = {
        "contact_unit": "Servicetorget",
        "contact_email": "tilgjengelighet@asker.kommune.no",
        "contact_phone": "+47 66 90 00 00",
        "contact_form_url": "https://www.asker.kommune.no/tilbakemelding",
        "deviations": "Kartet er et bilde.\nVideoene mangler teksting.",
        "evaluated": "on",
        "evaluated_on": "2026-11-02",
        "evaluated_by": "Funka",
        "reviewed_on": "03.11.2026",
        "version": str(stored.version) if stored else "",
    }
    return {**data, **changes}


STATEMENT_ENDPOINTS = [
    Endpoint("statement", "get", False, lambda plan: url()),
    Endpoint("statement", "post", True, lambda plan: url(), filled),
]


def snapshot():
    return list(AccessibilityStatement.objects.order_by("pk").values_list())


(
    test_anonymous_visitors_are_sent_to_login,
    test_the_editor_of_another_municipality_gets_404,
    test_the_read_only_member_changes_nothing,
    test_the_editor_may_do_everything,
) = persona_tests(STATEMENT_ENDPOINTS, snapshot)


def test_the_table_covers_the_statement_page():
    from temaplan.reports.statement_urls import urlpatterns

    assert {e.name for e in STATEMENT_ENDPOINTS} == {p.name for p in urlpatterns}


def test_the_editor_s_save_is_stored_and_its_version_raised(editor, asker_plan):
    before = asker_statement(asker_plan).version
    response = editor.post(url(), filled(asker_plan))
    assert response.status_code == 302 and response["Location"] == url()
    stored = asker_statement(asker_plan)
    assert stored.version == before + 1
    assert stored.contact_email == "tilgjengelighet@asker.kommune.no"
    assert stored.reviewed_on == date(2026, 11, 3) and stored.evaluated_on == date(2026, 11, 2)
    assert stored.deviation_lines() == ["Kartet er et bilde.", "Videoene mangler teksting."]
    assert SAVED in editor.get(url()).content.decode()


def test_the_first_save_makes_the_statement_of_a_municipality_without_one(outsider, demo):
    baerum = demo["baerum"]
    assert not AccessibilityStatement.objects.filter(municipality=baerum.municipality).exists()
    page = outsider.get(url(BAERUM)).content.decode()
    assert "Kommunen har ikke fylt ut sin del ennå." in page
    assert f'value="{timezone.localdate():%Y-%m-%d}"' in page  # reviewed today, unless changed
    response = outsider.post(
        url(BAERUM), filled(baerum, evaluated="", evaluated_on="", evaluated_by="")
    )
    assert response.status_code == 302
    made = AccessibilityStatement.objects.get(municipality=baerum.municipality)
    assert made.version == 1 and not made.evaluated and made.contact_unit == "Servicetorget"


def test_the_read_only_member_sees_the_statement_without_a_form_to_save(reader, asker_plan):
    page = reader.get(url()).content.decode()
    assert "postmottak@asker.kommune.no" in page and "disabled" in page
    assert 'method="post" novalidate' not in page and ">Lagre</button>" not in page
    response = reader.post(url(), filled(asker_plan))
    assert response.status_code == 403
    assert READ_ONLY_MESSAGE in response.content.decode()


def test_the_editor_of_another_municipality_cannot_tell_asker_s_statement_exists(outsider):
    assert outsider.get(url()).status_code == 404
    assert outsider.post(url(), {"contact_unit": "x"}).status_code == 404


TOMORROW = (timezone.localdate() + timedelta(days=1)).strftime("%Y-%m-%d")
FUTURE = services.IN_THE_FUTURE.format(today=f"{timezone.localdate():%d.%m.%Y}")


@pytest.mark.parametrize(
    "changes, field, message",
    [
        ({"contact_email": "postmottak(at)asker"}, "contact_email", NOT_AN_EMAIL),
        ({"contact_email": ""}, "contact_email", "E-post for tilbakemelding må fylles ut."),
        ({"contact_unit": "  "}, "contact_unit", "Ansvarlig enhet må fylles ut."),
        ({"contact_form_url": "skjema på nettsiden"}, "contact_form_url", NOT_A_WEB_ADDRESS),
        (
            {"contact_form_url": "ftp://asker.kommune.no/skjema"},
            "contact_form_url",
            NOT_A_WEB_ADDRESS,
        ),
        ({"contact_form_url": "javascript:alert(1)"}, "contact_form_url", NOT_A_WEB_ADDRESS),
        ({"contact_phone": "ring oss"}, "contact_phone", PHONE.message),
        ({"reviewed_on": TOMORROW}, "reviewed_on", FUTURE),
        ({"evaluated_on": TOMORROW}, "evaluated_on", FUTURE),
        ({"reviewed_on": "31.02.2026"}, "reviewed_on", NOT_A_DATE),
        ({"reviewed_on": ""}, "reviewed_on", "Sist gjennomgått av kommunen må fylles ut."),
        ({"evaluated_on": ""}, "evaluated_on", services.EVALUATION_WITHOUT_DATE),
        ({"evaluated_by": ""}, "evaluated_by", services.EVALUATION_WITHOUT_WHO),
        ({"evaluated": ""}, "evaluated", services.NO_EVALUATION_BUT_DETAILS),
        (
            {"deviations": "x" * (PARAGRAPHS + 1)},
            "deviations",
            f"Sørg for at denne verdien har {PARAGRAPHS} eller færre tegn "
            f"(den har nå {PARAGRAPHS + 1}).",
        ),
    ],
    ids=lambda value: value if isinstance(value, str) and len(value) < 30 else None,
)
def test_bad_input_gets_a_norwegian_message_on_its_field_and_saves_nothing(
    editor, asker_plan, changes, field, message
):
    before = stored_rows()
    response = editor.post(url(), filled(asker_plan, **changes))
    assert response.status_code == 422
    assert response.context["form"].errors[field] == [message]
    assert escape(str(message)) in response.content.decode()
    assert stored_rows() == before


def test_the_second_of_two_editors_is_told_it_changed_and_nothing_of_theirs_is_saved(
    editor, asker_plan
):
    other = second_editor(asker_plan.municipality)
    stale = filled(asker_plan)
    assert other.post(url(), {**stale, "contact_unit": "Servicetorget"}).status_code == 302
    response = editor.post(url(), {**stale, "contact_unit": "Digitalisering"})
    assert response.status_code == 409
    page = response.content.decode()
    assert EDIT_CONFLICT_MESSAGE in page and "Lagret av andre" in page
    assert asker_statement(asker_plan).contact_unit == "Servicetorget"


def test_two_first_saves_the_second_is_told_it_changed(outsider, demo):
    baerum = demo["baerum"]
    data = filled(baerum, evaluated="", evaluated_on="", evaluated_by="")
    other = second_editor(baerum.municipality, "baerum-redaktor-2")
    assert other.post(url(BAERUM), data).status_code == 302
    response = outsider.post(url(BAERUM), {**data, "contact_unit": "Servicesenteret"})
    assert response.status_code == 409
    assert EDIT_CONFLICT_MESSAGE in response.content.decode()
    assert AccessibilityStatement.objects.get(municipality=baerum.municipality).version == 1


TODAY = date(2026, 12, 3)


@pytest.mark.parametrize(
    "fields, expected",
    [
        ({"reviewed_on": TODAY}, set()),
        ({"reviewed_on": TODAY + timedelta(days=1)}, {"reviewed_on"}),
        ({"evaluated": True, "evaluated_on": TODAY, "evaluated_by": "Funka"}, set()),
        ({"evaluated": True, "evaluated_on": None, "evaluated_by": "Funka"}, {"evaluated_on"}),
        ({"evaluated": True, "evaluated_on": TODAY, "evaluated_by": ""}, {"evaluated_by"}),
        ({"evaluated": True, "evaluated_on": date(2027, 1, 1)}, {"evaluated_on", "evaluated_by"}),
        ({"evaluated": False, "evaluated_on": TODAY}, {"evaluated"}),
        ({"evaluated": False, "evaluated_by": "Funka"}, {"evaluated"}),
        ({"evaluated": False, "evaluated_on": None, "evaluated_by": ""}, set()),
    ],
)
def test_what_the_service_finds_wrong_between_the_fields(fields, expected):
    assert set(services.statement_problems(fields, today=TODAY)) == expected


def test_a_future_evaluation_date_is_named_once_not_also_as_missing():
    errors = services.statement_problems(
        {"evaluated": True, "evaluated_on": date(2027, 1, 1), "evaluated_by": "x"}, today=TODAY
    )
    assert errors == {"evaluated_on": [services.IN_THE_FUTURE.format(today="03.12.2026")]}


@pytest.mark.parametrize("page", ["web:home", "plans:municipality"])
def test_the_municipality_pages_link_to_the_statement_and_the_api_tokens(editor, page):
    target = reverse(page, args=[ASKER] if page != "web:home" else [])
    html = editor.get(target).content.decode()
    assert f'href="{url()}">Tilgjengelighetserklæring</a>' in html
    assert f'href="{reverse("api:tokens", args=[ASKER])}">API-nøkler</a>' in html


def test_the_editor_page_links_to_the_public_statement_once_a_report_is_published(editor, outsider):
    public = reverse("portal:accessibility", args=[ASKER])
    assert public in editor.get(url()).content.decode()
    baerum = outsider.get(url(BAERUM)).content.decode()
    assert "vises for publikum når kommunen har publisert en resultatrapport" in baerum


def test_two_first_saves_at_the_same_moment_the_database_refuses_the_second(
    asker_plan, monkeypatch
):
    """Both saw no statement (the lock finds no row to hold): the unique constraint refuses
    the second insert, and the editor is told it changed rather than shown a 500."""
    from temaplan.core.versioning import EditConflict

    manager = AccessibilityStatement.objects
    monkeypatch.setattr(manager, "select_for_update", lambda: manager.none())
    before = snapshot()
    with pytest.raises(EditConflict) as refused:
        services.statement_save(
            municipality=asker_plan.municipality,
            changes={
                "contact_unit": "x",
                "contact_email": "x@asker.kommune.no",
                "reviewed_on": date(2026, 1, 5),
            },
            expected_version=0,
        )
    assert str(refused.value) == EDIT_CONFLICT_MESSAGE
    assert refused.value.current == asker_statement(asker_plan)
    assert snapshot() == before
