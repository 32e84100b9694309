"""The second municipality builds its action plan in the browser, from the plan the demo gives it.

Bærum's editor starts with a plan and no action period, and makes everything the demo has for
Asker through the pages alone: a period, three actions (one a study with two phases and a
political case), a budget frame proposed in the economic plan with allocations, a partner
agreement and a dialogue meeting. Then the pages that show them are read back; Bærum's
read-only member sees the same and is offered no way to change it; Asker's editor gets 404.

Chromium as in every browser test (chromium.py): skipped without it, except under CI.
"""

from __future__ import annotations

import re

import pytest

from temaplan.demo.services import demo_load

from .chromium import log_in, new_page

PERIOD = "2027/28"
ACTIONS = (
    ("naeringsvennlig", "Næringsvennlig kommune i Bærum", "time_bound"),
    ("pådriver-kunnskap", "Pådriver for kunnskapsbedrifter", "driver"),
    ("", "Utredning av næringsarealer på Fornebu", "study"),  # key made from the title,
)
STUDY_TITLE = ACTIONS[2][1]
PHASES = (
    ("Kartlegging", "2027-01-15", "2027-04-30"),
    ("Anbefaling", "2027-05-01", "2027-09-30"),
)
CASE_BODY = "Formannskapet"
PARTNER = "Bærum Næringsråd"
MEETING_ORGANISATION = "Fornebu Næringsforening"
BAERUM_READER = "baerum-leser"


def _save(page) -> None:
    """Submit the item form and land on the page it leads back to, without a field message."""
    with page.expect_navigation():
        page.locator("main form button[type=submit]").first.click()
    errors = page.locator("main .error, main .form-errors")
    assert errors.count() == 0, errors.all_inner_texts()


def _make_reader(plan) -> None:
    from django.contrib.auth import get_user_model

    from temaplan.accounts.models import Membership, Role

    user = get_user_model().objects.create_user(BAERUM_READER, password="demo")
    Membership.objects.create(user=user, municipality=plan.municipality, role=Role.VIEWER)


def _object_urls(plan) -> dict[str, str]:
    """Every page that edits or deletes what Bærum's editor made, by what it is."""
    from django.urls import reverse

    from temaplan.actions.models import (
        ActionPeriod,
        BudgetAllocation,
        BudgetFrame,
        DialogueMeeting,
        PartnerAgreement,
        PoliticalCase,
        StudyPhase,
    )

    period = ActionPeriod.objects.get(plan=plan)
    urls = {
        "periode": reverse("actions:period_edit", args=[period.pk]),
        "ny tiltak": reverse("actions:create", args=[period.pk]),
    }
    for action in period.actions.all():
        urls[f"tiltak {action.key}"] = reverse("actions:detail", args=[action.pk])
        urls[f"rediger {action.key}"] = reverse("actions:edit", args=[action.pk])
    for frame in BudgetFrame.objects.filter(plan=plan):
        urls[f"ramme {frame.year}"] = reverse("actions:frame_edit", args=[frame.pk])
    for allocation in BudgetAllocation.objects.filter(plan=plan):
        urls[f"tildeling {allocation.pk}"] = reverse(
            "actions:allocation_edit", args=[allocation.pk]
        )
    for phase in StudyPhase.objects.filter(study__period=period):
        urls[f"fase {phase.name}"] = reverse("actions:phase_edit", args=[phase.pk])
    study = period.actions.get(kind="study")
    urls["ny fase"] = reverse("actions:phase_create", args=[study.pk])
    for case in PoliticalCase.objects.filter(study=study):
        urls[f"sak {case.body}"] = reverse("actions:case_edit", args=[case.pk])
    for agreement in PartnerAgreement.objects.filter(plan=plan):
        urls[f"avtale {agreement.partner}"] = reverse("actions:agreement_edit", args=[agreement.pk])
    for meeting in DialogueMeeting.objects.filter(plan=plan):
        urls[f"møte {meeting.organisation}"] = reverse("actions:meeting_edit", args=[meeting.pk])
    assert len(urls) == 2 + 2 * len(ACTIONS) + 1 + 3 + len(PHASES) + 1 + 1 + 1 + 1, urls
    return urls


@pytest.mark.browser
def test_baerums_editor_builds_an_action_plan_from_nothing_that_others_only_read(
    live_server, chromium
):
    from playwright.sync_api import expect

    plan = demo_load(password="demo")["baerum"]
    assert not plan.action_periods.exists()
    _make_reader(plan)
    base = live_server.url
    plan_url = f"{base}/planer/{plan.pk}"

    page = new_page(chromium)
    log_in(page, base, "baerum-redaktor")

    # A period, from the action list's empty state.
    page.goto(f"{plan_url}/tiltak/")
    expect(page.locator("main")).to_contain_text("Planen har ingen handlingsperiode ennå.")
    page.get_by_role("link", name="Ny handlingsperiode").click()
    page.get_by_label("Navn").fill(PERIOD)
    page.get_by_label("Første dag").fill("2027-01-01")
    page.get_by_label("Siste dag").fill("2028-12-31")
    _save(page)

    # Three actions, one a study.
    for key, title, kind in ACTIONS:
        page.goto(f"{plan_url}/tiltak/")
        page.get_by_role("link", name=f"Nytt tiltak i {PERIOD}").click()
        page.fill("#id_key", key)
        page.fill("#id_title", title)
        page.select_option("#id_kind", kind)
        page.fill("#id_start_date", "2027-01-15")
        page.fill("#id_due_date", "2028-06-30")
        _save(page)

    page.goto(f"{plan_url}/tiltak/")
    for _key, title, _kind in ACTIONS:
        expect(page.get_by_role("link", name=title)).to_be_visible()

    # The study: two phases and a political case after the first, from its own page.
    page.get_by_role("link", name=STUDY_TITLE).click()
    study_url = page.url
    expect(page.locator("main")).to_contain_text("Utredningen har ingen faser ennå.")
    for name, start, end in PHASES:
        page.goto(study_url)
        page.get_by_role("link", name="Ny fase").click()
        page.get_by_label("Navn på fasen").fill(name)
        page.fill("#id_planned_start", start)
        page.fill("#id_planned_end", end)
        _save(page)
    page.goto(study_url)
    page.get_by_role("link", name="Ny politisk sak").click()
    page.fill("#id_body", CASE_BODY)
    page.select_option("#id_after_phase", label=PHASES[0][0])
    page.fill("#id_planned_date", "2027-05-20")
    _save(page)
    page.goto(study_url)
    main = page.locator("main")
    for name, _start, _end in PHASES:
        expect(main.get_by_role("rowheader", name=name)).to_be_visible()
    expect(main.get_by_role("rowheader", name=CASE_BODY)).to_be_visible()

    # A partner agreement for the first action, from the register's empty state.
    page.goto(f"{plan_url}/partnerskap/")
    page.get_by_role("link", name="Ny partnerskapsavtale").click()
    page.get_by_label("Partner").fill(PARTNER)
    page.get_by_label("Kontaktperson").fill("Kari Nordmann")
    page.get_by_label("Formål").fill("Felles arbeid for flere kunnskapsarbeidsplasser.")
    page.fill("#id_start_date", "2027-01-01")
    page.fill("#id_end_date", "2028-12-31")
    page.fill("#id_yearly_amount", "250 000")
    page.get_by_label(ACTIONS[0][1]).check()
    _save(page)

    # A dialogue meeting that the study follows up.
    page.goto(f"{plan_url}/dialogmoter/")
    page.get_by_role("link", name="Nytt dialogmøte").click()
    page.fill("#id_date", "2027-02-10")
    page.fill("#id_organisation", MEETING_ORGANISATION)
    page.fill("#id_topics", "Arealbehov for nye bedrifter på Fornebu.")
    page.get_by_label(STUDY_TITLE).check()
    _save(page)

    # A budget frame proposed in the economic plan, and allocations to two actions.
    page.goto(f"{plan_url}/budsjett/")
    page.get_by_role("link", name="Ny budsjettramme").click()
    page.fill("#id_year", "2027")
    page.select_option("#id_kind", "proposed")
    page.fill("#id_amount", "2 500 000")
    page.fill("#id_fte", "1,5")
    page.fill("#id_fte_cost", "1 350 000")
    _save(page)
    for field, label, amount in (
        ("#id_action", ACTIONS[0][1], "600 000"),
        ("#id_action", STUDY_TITLE, "400 000"),
        ("#id_agreement", PARTNER, "250 000"),
    ):
        page.goto(f"{plan_url}/budsjett/")
        page.get_by_role("link", name="Ny tildeling").click()
        page.fill("#id_year", "2027")
        page.select_option(field, label=label)
        page.fill("#id_amount", amount)
        _save(page)

    page.goto(f"{plan_url}/budsjett/")
    main = page.locator("main")
    expect(main).to_contain_text("2,5 mill. kr")
    expect(main).to_contain_text("1,3 mill. kr")  # allocated: 0,6 + 0,4 + 0,25

    page.goto(f"{plan_url}/veikart/")
    main = page.locator("main")
    expect(main).to_contain_text(STUDY_TITLE)
    for name, _start, _end in PHASES:
        expect(main).to_contain_text(name)
    expect(main).to_contain_text(CASE_BODY)

    page.goto(f"{plan_url}/partnerskap/")
    expect(page.locator("main")).to_contain_text(PARTNER)
    expect(page.locator("main")).to_contain_text("Kari Nordmann")
    page.goto(f"{plan_url}/dialogmoter/")
    expect(page.locator("main")).to_contain_text(MEETING_ORGANISATION)

    urls = _object_urls(plan)

    # Bærum's reader sees the plan and is offered nothing to change.
    log_in(page, base, BAERUM_READER)
    for path, shown in (
        ("tiltak", STUDY_TITLE),
        ("budsjett", PARTNER),
        ("veikart", CASE_BODY),
        ("partnerskap", PARTNER),
        ("dialogmoter", MEETING_ORGANISATION),
    ):
        page.goto(f"{plan_url}/{path}/")
        main = page.locator("main")
        expect(main).to_contain_text(shown)
        offers = main.get_by_role("link", name=re.compile(r"^(Ny|Nytt|Rediger|Endre|Slett)"))
        expect(offers).to_have_count(0)
    for what, url in urls.items():
        if what.startswith("tiltak "):
            continue  # the action's own page is for reading
        answer = page.request.get(f"{base}{url}")
        assert answer.status == 403, (what, answer.status)

    # Asker's editor: every one of Bærum's rows is not found.
    log_in(page, base, "asker-redaktor")
    for what, url in urls.items():
        answer = page.request.get(f"{base}{url}")
        assert answer.status == 404, (what, answer.status)
