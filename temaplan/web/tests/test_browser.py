"""Browser smoke test: the demo plan page in headless Chromium, and one htmx edit.

Drives Debian's /usr/bin/chromium through Playwright against pytest-django's live server.
Without Chromium the test is skipped, except under CI (CI set), where a skip would hide a gap.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from temaplan.demo.services import demo_load

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parents[3] / "test-artifacts"
ASKER_PLAN_NAME = "Temaplan næring 2020–2032"
TIMEOUT_MS = 15_000


def _require_chromium() -> None:
    if CHROMIUM.exists():
        return
    message = f"{CHROMIUM} mangler: installer Debians chromium (apt-get install chromium)."
    if os.environ.get("CI"):
        pytest.fail(f"CI krever nettlesertesten. {message}")
    pytest.skip(message)


@pytest.mark.browser
def test_the_plan_page_shows_the_demo_plan_and_saves_an_edit_in_place(
    live_server, transactional_db, monkeypatch
):
    _require_chromium()
    # Playwright's sync API runs an event loop in this thread; the ORM must still be usable.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import expect, sync_playwright

    plan = demo_load(password="demo")["asker"]
    assert plan.name == ASKER_PLAN_NAME
    ARTIFACTS.mkdir(exist_ok=True)

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        try:
            page = browser.new_page()
            page.set_default_timeout(TIMEOUT_MS)
            expect.set_options(timeout=TIMEOUT_MS)

            page.goto(f"{live_server.url}/konto/logg-inn/")
            page.fill("#id_username", "asker-redaktor")
            page.fill("#id_password", "demo")
            with page.expect_navigation():
                page.click("form button[type=submit].primary")

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
        finally:
            browser.close()
