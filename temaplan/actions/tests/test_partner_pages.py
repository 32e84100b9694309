"""Partner agreements in the browser: personas for every view, bad input refused on the field,
an agreement the budget still uses kept, edit conflicts, change history, the register's
buttons and empty state, and Bærum starting from nothing."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from temaplan.actions.models import Action, ActionPeriod, PartnerAgreement
from temaplan.actions.partner_services import AGREEMENT_HAS_ALLOCATIONS_MESSAGE
from temaplan.core.versioning import EDIT_CONFLICT_MESSAGE
from temaplan.testing.personas import (
    EDITOR,
    Endpoint,
    persona_tests,
    second_editor,
    url_of,
)

NBSP, NARROW_NBSP = "\u00a0", "\u202f"
NEGATIVE = "Beløpet kan ikke være negativt."
FJORDPORTEN = "Innovasjonsselskapet Fjordporten AS"
NO_AGREEMENTS = "Ingen partnerskapsavtaler er registrert."


def an_agreement(plan) -> PartnerAgreement:
    return plan.partner_agreements.get(partner=FJORDPORTEN)


def unused_agreement(plan) -> PartnerAgreement:
    """An agreement without budget allocations, which may be deleted."""
    agreement, _ = PartnerAgreement.objects.get_or_create(
        plan=plan,
        municipality=plan.municipality,
        partner="Ubrukt partner AS",
        defaults={
            "purpose": "Til sletting",
            "start_date": date(2024, 1, 1),
            "end_date": date(2024, 12, 31),
        },
    )
    return agreement


def an_action(plan) -> Action:
    return Action.objects.filter(period__plan=plan).order_by("pk")[0]


def new_agreement(plan) -> dict:
    return {
        "partner": "Næringshagen Vest AS",
        "contact": "Kari Nordmann, daglig leder",
        "purpose": "Veiledning av gründere",
        "start_date": "2025-01-01",
        "end_date": "2027-12-31",
        "yearly_amount": "250 000",
        "co_funding": "0",
        "actions": list(
            Action.objects.filter(period__plan=plan).order_by("pk").values_list("pk", flat=True)[:1]
        ),
    }


def edited_agreement(plan) -> dict:
    agreement = an_agreement(plan)
    return {
        "partner": agreement.partner,
        "contact": "Ola Nordmann",
        "purpose": agreement.purpose,
        "start_date": agreement.start_date.isoformat(),
        "end_date": agreement.end_date.isoformat(),
        "yearly_amount": "950000",
        "co_funding": str(agreement.co_funding),
        "actions": [a.pk for a in agreement.actions.all()],
        "version": agreement.version,
    }


def url(name, row=None):
    return url_of(f"actions:{name}", row)


AGREEMENT_ENDPOINTS = [
    Endpoint("agreement_create", "get", True, url("agreement_create")),
    Endpoint("agreement_create", "post", True, url("agreement_create"), new_agreement),
    Endpoint("agreement_edit", "get", True, url("agreement_edit", an_agreement)),
    Endpoint("agreement_edit", "post", True, url("agreement_edit", an_agreement), edited_agreement),
    Endpoint("agreement_delete", "get", True, url("agreement_delete", an_agreement)),
    Endpoint("agreement_delete", "post", True, url("agreement_delete", unused_agreement)),
]


def snapshot():
    return list(
        PartnerAgreement.objects.order_by("pk").values_list(
            "pk", "partner", "contact", "yearly_amount", "version"
        )
    )


(
    test_anonymous_visitors_are_sent_to_login,
    test_the_editor_of_another_municipality_gets_404,
    test_the_read_only_member_changes_nothing,
    test_the_editor_may_do_everything,
) = persona_tests(AGREEMENT_ENDPOINTS, snapshot)


def test_an_editor_creates_an_agreement_with_a_contact_and_sees_it_in_the_register(
    editor, asker_plan
):
    data = {**new_agreement(asker_plan), "yearly_amount": f"1{NARROW_NBSP}250{NBSP}000"}
    response = editor.post(reverse("actions:agreement_create", args=[asker_plan.pk]), data)
    assert response.status_code == 302
    agreement = asker_plan.partner_agreements.get(partner="Næringshagen Vest AS")
    assert (agreement.municipality_id, agreement.yearly_amount, agreement.contact) == (
        asker_plan.municipality_id,
        Decimal(1_250_000),
        "Kari Nordmann, daglig leder",
    )
    assert list(agreement.actions.all()) == [an_action(asker_plan)]
    page = editor.get(response["Location"]).content.decode()
    assert "Avtalen med «Næringshagen Vest AS» er lagret." in page
    assert "Kari Nordmann, daglig leder" in page
    assert reverse("actions:agreement_edit", args=[agreement.pk]) in page


@pytest.mark.parametrize(
    "data, field, message",
    [
        (
            {"start_date": "2027-01-01", "end_date": "2026-12-31"},
            "end_date",
            "Avtalen kan ikke slutte før den begynner.",
        ),
        ({"yearly_amount": "-1"}, "yearly_amount", NEGATIVE),
        ({"co_funding": "-50 000"}, "co_funding", NEGATIVE),
        ({"partner": ""}, "partner", "Partner må fylles ut."),
        ({"purpose": ""}, "purpose", "Formål må fylles ut."),
        ({"start_date": "i fjor"}, "start_date", "Oppgi en gyldig dato."),
        (
            {"partner": FJORDPORTEN, "start_date": "2022-04-01"},
            "start_date",
            f"Planen har allerede en avtale med «{FJORDPORTEN}» som gjelder fra 01.04.2022.",
        ),
    ],
)
def test_bad_agreement_input_is_refused_on_the_field_and_saves_nothing(
    editor, asker_plan, data, field, message
):
    before = snapshot()
    response = editor.post(
        reverse("actions:agreement_create", args=[asker_plan.pk]),
        {**new_agreement(asker_plan), **data},
    )
    assert response.status_code == 422
    assert response.context["form"].errors[field] == [message]
    assert message in response.content.decode()
    assert snapshot() == before


def baerum_action(plan) -> Action:
    period = ActionPeriod.objects.create(
        plan=plan,
        municipality=plan.municipality,
        name="2025/26",
        first_date=date(2025, 1, 1),
        last_date=date(2026, 12, 31),
    )
    return Action.objects.create(
        municipality=plan.municipality, period=period, key="b1", title="Bærums tiltak"
    )


def test_the_agreement_form_offers_only_the_plan_s_own_actions(editor, asker_plan, baerum_plan):
    stranger = baerum_action(baerum_plan)
    page = editor.get(reverse("actions:agreement_create", args=[asker_plan.pk])).content.decode()
    assert an_action(asker_plan).title in page and stranger.title not in page
    assert "---------" not in page
    for name in ("partner", "contact", "purpose", "start_date", "end_date", "yearly_amount"):
        assert f'<label for="id_{name}">' in page and f'id="id_{name}"' in page
    before = snapshot()
    response = editor.post(
        reverse("actions:agreement_create", args=[asker_plan.pk]),
        {**new_agreement(asker_plan), "actions": [stranger.pk]},
    )
    assert response.status_code == 422
    assert "Velg et gyldig valg" in response.context["form"].errors["actions"][0]
    assert snapshot() == before


def test_an_agreement_the_budget_uses_is_not_deleted_and_the_editor_is_told_why(editor, asker_plan):
    agreement = an_agreement(asker_plan)
    count = agreement.allocations.count()
    assert count
    reason = AGREEMENT_HAS_ALLOCATIONS_MESSAGE.format(partner=FJORDPORTEN, count=count)
    url = reverse("actions:agreement_delete", args=[agreement.pk])
    question = editor.get(url).content.decode()
    assert reason in question and "Slett avtalen" not in question
    before = snapshot()
    response = editor.post(url)
    assert response.status_code == 409
    assert reason in response.content.decode()
    assert snapshot() == before and agreement.allocations.count() == count


def test_an_unused_agreement_is_deleted_and_its_actions_stay(editor, asker_plan):
    agreement = unused_agreement(asker_plan)
    agreement.actions.set([an_action(asker_plan)])
    response = editor.post(reverse("actions:agreement_delete", args=[agreement.pk]))
    assert response.status_code == 302
    assert not PartnerAgreement.objects.filter(pk=agreement.pk).exists()
    assert Action.objects.filter(pk=an_action(asker_plan).pk).exists()


def test_two_editors_changing_the_same_agreement_do_not_overwrite_each_other(editor, asker_plan):
    other = second_editor(asker_plan.municipality)
    agreement = an_agreement(asker_plan)
    url = reverse("actions:agreement_edit", args=[agreement.pk])
    mine = edited_agreement(asker_plan)
    assert editor.post(url, mine).status_code == 302
    response = other.post(url, {**mine, "contact": "Noen andre"})
    assert response.status_code == 409
    assert EDIT_CONFLICT_MESSAGE in response.content.decode()
    agreement.refresh_from_db()
    assert (agreement.contact, agreement.yearly_amount) == ("Ola Nordmann", Decimal(950_000))


def test_an_agreement_change_is_kept_in_the_change_history_with_who_made_it(editor, asker_plan):
    agreement = an_agreement(asker_plan)
    before = agreement.history.count()
    editor.post(
        reverse("actions:agreement_edit", args=[agreement.pk]), edited_agreement(asker_plan)
    )
    assert agreement.history.count() == before + 1
    latest = agreement.history.first()
    assert (latest.history_user.username, latest.contact) == (EDITOR, "Ola Nordmann")


def test_the_reader_sees_the_register_without_buttons(reader, asker_plan):
    page = reader.get(reverse("actions:partners", args=[asker_plan.pk])).content.decode()
    assert FJORDPORTEN in page and "Kontaktperson" in page
    assert reverse("actions:agreement_create", args=[asker_plan.pk]) not in page
    assert "/partnerskapsavtaler/" not in page


def test_a_new_agreement_ending_soon_is_warned_as_today(editor, asker_plan):
    today = timezone.localdate()
    data = {
        **new_agreement(asker_plan),
        "start_date": (today - timedelta(days=300)).isoformat(),
        "end_date": (today + timedelta(days=30)).isoformat(),
    }
    editor.post(reverse("actions:agreement_create", args=[asker_plan.pk]), data)
    page = editor.get(reverse("actions:partners", args=[asker_plan.pk])).content.decode()
    assert "Avtalen utløper om 30 dager" in page


# --- Bærum starts from nothing; Asker's editor is a stranger there -----------------------------


def test_the_baerum_editor_starts_the_register_from_the_empty_state(outsider, baerum_plan):
    register = reverse("actions:partners", args=[baerum_plan.pk])
    page = outsider.get(register).content.decode()
    create = reverse("actions:agreement_create", args=[baerum_plan.pk])
    assert NO_AGREEMENTS in page and create in page
    action = baerum_action(baerum_plan)
    data = {**new_agreement(baerum_plan), "actions": [action.pk], "contact": "Per Hansen"}
    assert outsider.post(create, data).status_code == 302
    agreement = baerum_plan.partner_agreements.get()
    assert agreement.municipality_id == baerum_plan.municipality_id
    page = outsider.get(register).content.decode()
    assert NO_AGREEMENTS not in page
    assert "Næringshagen Vest AS" in page and "Per Hansen" in page and action.title in page


def test_an_empty_register_tells_the_reader_without_a_button(reader, asker_plan):
    PartnerAgreement.objects.filter(plan=asker_plan).delete()
    page = reader.get(reverse("actions:partners", args=[asker_plan.pk])).content.decode()
    assert NO_AGREEMENTS in page and "Ny partnerskapsavtale" not in page


@pytest.mark.parametrize("view", ["agreement_edit", "agreement_delete"])
@pytest.mark.parametrize("method", ["get", "post"])
def test_the_asker_editor_gets_404_on_a_baerum_agreement(editor, baerum_plan, view, method):
    agreement = unused_agreement(baerum_plan)
    before = snapshot()
    url = reverse(f"actions:{view}", args=[agreement.pk])
    response = getattr(editor, method)(url, {"partner": "Kapret", "version": agreement.version})
    assert response.status_code == 404
    assert snapshot() == before


def test_the_asker_editor_cannot_add_an_agreement_to_the_baerum_plan(editor, baerum_plan):
    url = reverse("actions:agreement_create", args=[baerum_plan.pk])
    data = {**new_agreement(baerum_plan), "actions": []}
    assert editor.post(url, data).status_code == 404
    assert not baerum_plan.partner_agreements.exists()
