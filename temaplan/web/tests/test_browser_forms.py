"""Browser tests for the forms' script (Chromium through Playwright, as test_browser.py):
the action form's «Søk i strategier», and where focus goes and what a screen reader hears
around an inline (htmx) edit. Skipped without Chromium, failed under CI."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from django.urls import reverse

from temaplan.actions.models import Action
from temaplan.demo.services import demo_load

from .chromium import log_in, new_page

# Where focus is; page.evaluate is not eval() in the page, so the site's CSP allows it.
ACTIVE = """() => {
  const e = document.activeElement;
  return {describedby: e.getAttribute("aria-describedby") || "",
          inStatus: Boolean(e.closest("#status"))};
}"""


@pytest.fixture
def browser_page(live_server, chromium):
    """A factory: a Chromium page logged in as the given demo user."""
    plans = demo_load(password="demo")

    @contextmanager
    def logged_in(username: str) -> Iterator:
        page = new_page(chromium)
        try:
            log_in(page, live_server.url, username)
            yield page
        finally:
            page.context.close()

    logged_in.plans = plans
    logged_in.url = live_server.url
    return logged_in


@pytest.mark.browser
def test_the_strategy_search_filters_the_checkboxes_as_you_type(browser_page):
    from playwright.sync_api import expect

    plan = browser_page.plans["asker"]
    period = plan.action_periods.get(name="2022/23")
    founders = [f"{s.code} {s.text}" for s in plan.strategies.all() if "gründer" in s.text.lower()]
    assert 1 < len(founders) < 10
    with browser_page("asker-redaktor") as page:
        page.goto(browser_page.url + reverse("actions:create", args=[period.pk]))
        boxes = page.locator("[data-strategy-option] input[type=checkbox]")
        expect(boxes.locator("visible=true")).to_have_count(43)
        search = page.get_by_role("searchbox", name="Søk i strategier")
        expect(search).to_be_visible()

        search.press_sequentially("Gründer")
        expect(boxes.locator("visible=true")).to_have_count(len(founders))
        for text in founders:
            # The accessible name is the full text, though the label on screen may be shorter.
            expect(page.get_by_role("checkbox", name=text, exact=True)).to_be_visible()
        expect(page.locator("[data-strategy-shown]")).to_have_text(
            f"{len(founders)} av 43 strategier passer søket."
        )
        expect(page.locator("[data-strategy-group]").locator("visible=true")).to_have_count(
            len({s.focus_area_id for s in plan.strategies.all() if "gründer" in s.text.lower()})
        )

        page.get_by_role("checkbox", name=founders[0], exact=True).check()
        group = page.locator(
            "[data-strategy-group]", has=page.get_by_role("checkbox", name=founders[0], exact=True)
        )
        expect(group.locator("legend [data-strategy-picked]")).to_have_text("1 valgt")
        # Enter in the search box does not submit the form.
        search.press("Enter")
        expect(page.locator("h1")).to_contain_text("Nytt tiltak")

        search.fill("ingen strategi heter dette")
        expect(boxes.locator("visible=true")).to_have_count(0)
        expect(page.get_by_text("Ingen strategier passer søket.")).to_be_visible()

        search.fill("")
        expect(boxes.locator("visible=true")).to_have_count(43)
        expect(page.get_by_role("checkbox", name=founders[0], exact=True)).to_be_checked()

        # Saved without a title: the page comes back with the box still ticked, and focus on
        # the first field in error, which names its message.
        page.fill("#id_key", "ny-fra-nettleseren")
        with page.expect_navigation():
            page.locator("form button.primary", has_text="Lagre").click()
        expect(page.locator("#id_title")).to_be_focused()
        expect(page.locator("#id_title")).to_have_attribute("aria-describedby", "id_title_error")
        expect(page.get_by_role("checkbox", name=founders[0], exact=True)).to_be_checked()


@pytest.mark.browser
def test_focus_follows_an_inline_status_change_and_a_screen_reader_hears_it_saved(browser_page):
    from playwright.sync_api import expect

    plan = browser_page.plans["asker"]
    action = Action.objects.filter(period__plan=plan).order_by("key").first()
    assert action is not None
    with browser_page("asker-redaktor") as page:
        page.goto(browser_page.url + reverse("actions:detail", args=[action.pk]))
        page.get_by_role("link", name="Endre status").click()
        expect(page.locator("#status form")).to_have_count(1)
        expect(page.locator("#status select[name=status]")).to_be_focused()

        # A refused save: focus on the invalid field, which names its message.
        page.fill("#status input[name=progress]", "140")
        page.locator("#status button", has_text="Lagre").click()
        expect(page.locator("#status .error")).to_contain_text("mellom 0 og 100")
        expect(page.locator("#status input[name=progress]")).to_be_focused()
        active = page.evaluate(ACTIVE)
        error_id = page.locator("#status .error").first.get_attribute("id")
        assert error_id in active["describedby"].split()

        # A save: «Lagret» in the live region, focus back on the status section's heading.
        page.fill("#status input[name=progress]", "55")
        page.locator("#status button", has_text="Lagre").click()
        expect(page.locator("#status form")).to_have_count(0)
        expect(page.locator("#live-status")).to_have_text("Lagret")
        expect(page.locator("#live-status")).to_have_attribute("aria-live", "polite")
        expect(page.locator("#status-h")).to_be_focused()
        assert page.evaluate(ACTIVE)["inStatus"]
        expect(page.locator("#status")).to_contain_text("55 %")


@pytest.mark.browser
def test_focus_follows_an_inline_edit_on_the_plan_page(browser_page):
    from playwright.sync_api import expect

    plan = browser_page.plans["asker"]
    first = plan.ambitions.order_by("position", "id").first()
    with browser_page("asker-redaktor") as page:
        page.goto(f"{browser_page.url}/planer/{plan.pk}/")
        page.locator(f"#ambition-{first.pk} a", has_text="Rediger").click()
        expect(page.locator("#ambitions textarea[name=text]")).to_be_focused()

        page.fill("#ambitions textarea[name=text]", "")
        page.locator("#ambitions button", has_text="Lagre").click()
        expect(page.locator("#ambitions .error")).to_have_count(1)
        expect(page.locator("#ambitions textarea[name=text]")).to_be_focused()

        page.fill("#ambitions textarea[name=text]", "Endret i nettlesertesten for fokus.")
        page.locator("#ambitions button", has_text="Lagre").click()
        expect(page.locator("#live-status")).to_have_text("Lagret")
        expect(page.locator(f"#ambition-{first.pk}")).to_be_focused()
        expect(page.locator(f"#ambition-{first.pk}")).to_contain_text("Endret i nettlesertesten")


@pytest.mark.browser
def test_a_moved_item_keeps_focus_on_its_button_and_a_deleted_one_is_announced(browser_page):
    from playwright.sync_api import expect

    plan = browser_page.plans["asker"]
    second, third = plan.ambitions.order_by("position", "id")[1:3]
    with browser_page("asker-redaktor") as page:
        page.goto(f"{browser_page.url}/planer/{plan.pk}/")
        page.locator(f"#ambition-{third.pk} button", has_text="Flytt opp").click()
        expect(page.locator("#live-status")).to_have_text("Flyttet opp")
        up = page.locator(f"#ambition-{third.pk} button", has_text="Flytt opp")
        expect(up).to_be_focused()
        expect(page.locator("#ambitions ol > li").nth(1)).to_have_id(f"ambition-{third.pk}")

        page.once("dialog", lambda dialog: dialog.accept())
        page.locator(f"#ambition-{second.pk} button", has_text="Slett").click()
        expect(page.locator(f"#ambition-{second.pk}")).to_have_count(0)
        expect(page.locator("#live-status")).to_have_text("Slettet")
        expect(page.locator("#ambitions-h")).to_be_focused()
