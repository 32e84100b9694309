"""What every browser test shares: Debian's Chromium driven through Playwright, the flags this
machine needs, and logging in as a demo user. The `chromium` fixture (conftest.py) gives a
launched browser; without /usr/bin/chromium the test is skipped, except under CI (CI set),
where a skip would hide a gap."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

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
TIMEOUT_MS = 15_000
LOGIN = "/konto/logg-inn/"


def require_chromium() -> None:
    if CHROMIUM.exists():
        return
    message = f"{CHROMIUM} mangler: installer Debians chromium (apt-get install chromium)."
    if os.environ.get("CI"):
        pytest.fail(f"CI krever nettlesertesten. {message}")
    pytest.skip(message)


def new_page(browser, **context_options):
    """A page in a context of its own, with the tests' timeout for waits and expectations."""
    from playwright.sync_api import expect

    page = browser.new_context(**context_options).new_page()
    page.set_default_timeout(TIMEOUT_MS)
    expect.set_options(timeout=TIMEOUT_MS)
    return page


def log_in(page, base_url: str, username: str | None, password: str = "demo") -> None:
    """Log `page` in as `username` (after logging out whoever was); None stays anonymous."""
    page.context.clear_cookies()
    if username is None:
        return
    page.goto(base_url + LOGIN)
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    with page.expect_navigation():
        page.click("form button[type=submit].primary")
