"""Browser smoke test: the demo plan page in headless Chromium, and one htmx edit.

Chromium through Playwright against pytest-django's live server (chromium.py, conftest.py).
"""

from __future__ import annotations

import pytest

from temaplan.demo.services import demo_load

from .chromium import ARTIFACTS, log_in, new_page

ASKER_PLAN_NAME = "Temaplan næring 2020–2032"


@pytest.mark.browser
def test_the_plan_page_shows_the_demo_plan_and_saves_an_edit_in_place(live_server, chromium):
    from playwright.sync_api import expect

    plan = demo_load(password="demo")["asker"]
    assert plan.name == ASKER_PLAN_NAME
    ARTIFACTS.mkdir(exist_ok=True)

    page = new_page(chromium)
    log_in(page, live_server.url, "asker-redaktor")

    page.goto(f"{live_server.url}/planer/{plan.pk}/")
    expect(page.locator("h1")).to_have_text(ASKER_PLAN_NAME)
    expect(page.locator(".focus-area-name")).to_have_count(8)
    expect(page.locator("#matrix figure svg")).to_have_count(1)
    expect(page.locator("#ambitions ol li")).to_have_count(5)
    expect(page.locator("#premises ol li")).to_have_count(2)
    page.screenshot(path=str(ARTIFACTS / "plan.png"), full_page=True)

    # htmx: edit the first ambition in place; a full page load would drop the marker.
    page.evaluate("window.temaplanNoReload = 'same page'")
    page.locator("#ambitions a", has_text="Rediger").first.click()
    textarea = page.locator("#ambitions textarea[name=text]")
    expect(textarea).to_have_count(1)
    new_text = "Kommunen skal være ledende på næringsutvikling (endret i nettlesertesten)."
    textarea.fill(new_text)
    page.locator("#ambitions button", has_text="Lagre").click()

    expect(page.locator("#ambitions textarea")).to_have_count(0)
    expect(page.locator("#ambitions ol li .text").first).to_have_text(new_text)
    assert page.evaluate("window.temaplanNoReload") == "same page"
