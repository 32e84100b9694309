import pytest

from .chromium import CHROMIUM, CHROMIUM_ARGS, require_chromium


@pytest.fixture
def chromium(live_server, transactional_db, monkeypatch):
    """A headless Chromium for a test against the live server; closed after the test."""
    require_chromium()
    # Playwright's sync API runs an event loop in this thread; the ORM must still be usable.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        try:
            yield browser
        finally:
            browser.close()
