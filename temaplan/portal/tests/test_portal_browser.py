"""The portal in Chromium, nobody logged in and JavaScript off (the pages have none): every
portal page has no axe-core violation of WCAG 2.1 A and AA, and the report page is saved as
screenshots at 1366 and 390 px in test-artifacts/. Skipped without Chromium or axe-core,
except under CI. (The web app's persona crawl reaches these pages too, from the login page.)"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from django.urls import reverse

from temaplan.demo.services import demo_load
from temaplan.testing.personas import ASKER

ROOT = Path(__file__).resolve().parents[3]
CHROMIUM = Path("/usr/bin/chromium")
AXE_JS = ROOT / "var" / "node" / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = ROOT / "test-artifacts"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
WCAG = {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}
AXE_RUN = """async (runOnly) => (await axe.run(document, {runOnly, resultTypes: ["violations"]}))
  .violations.map(v => v.id + ": " + v.nodes.map(n => n.target.join(" ")).slice(0, 3).join(", "))"""
WIDTHS = (1366, 390)
OVERFLOW = "document.documentElement.scrollWidth - window.innerWidth"


def _require(path: Path) -> None:
    if path.exists():
        return
    if os.environ.get("CI"):
        pytest.fail(f"CI krever nettlesertesten: {path} mangler.")
    pytest.skip(f"{path} mangler.")


@pytest.fixture
def browser(live_server, transactional_db, monkeypatch):
    _require(CHROMIUM)
    _require(AXE_JS)
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=ARGS, headless=True
        )
        try:
            yield launched
        finally:
            launched.close()


def _pages() -> list[str]:
    return [
        reverse("portal:municipalities"),
        reverse("portal:municipality", args=[ASKER]),
        reverse("portal:accessibility", args=[ASKER]),
        reverse("portal:report", args=[ASKER, 2020]),
    ]


@pytest.mark.browser
def test_every_portal_page_passes_axe_without_javascript_and_is_saved_at_two_widths(
    browser, live_server
):
    demo_load(password="demo")
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(bypass_csp=True, viewport={"width": 1366, "height": 900})
    violations: dict[str, list[str]] = {}
    too_wide: dict[str, int] = {}
    try:
        page = context.new_page()
        page.set_default_timeout(15_000)
        for path in _pages():
            page.goto(live_server.url + path)
            assert page.locator("h1").count() == 1, path
            page.add_script_tag(path=str(AXE_JS))
            if found := page.evaluate(AXE_RUN, WCAG):
                violations[path] = found
            page.set_viewport_size({"width": WIDTHS[-1], "height": 900})
            if (excess := page.evaluate(OVERFLOW)) > 0:
                too_wide[f"{path} {WIDTHS[-1]}"] = excess
            page.set_viewport_size({"width": WIDTHS[0], "height": 900})
        page.goto(live_server.url + _pages()[-1])
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            excess = page.evaluate(OVERFLOW)
            if excess > 0:
                too_wide[f"{width}"] = excess
            page.screenshot(path=str(ARTIFACTS / f"portal-rapport-{width}.png"), full_page=True)
    finally:
        context.close()
    assert not violations, violations
    assert not too_wide, too_wide
    assert all((ARTIFACTS / f"portal-rapport-{w}.png").exists() for w in WIDTHS)


@pytest.mark.browser
def test_the_report_page_works_with_javascript_off(browser, live_server):
    demo_load(password="demo")
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.set_default_timeout(15_000)
        page.goto(live_server.url + _pages()[-1])
        assert page.locator("h1").count() == 1
        assert page.locator("figure.chart svg[role=img]").count() >= 3
        table = page.locator("details.as-table").first
        table.locator("summary").click()  # a <details>: opens without a script
        assert table.get_attribute("open") is not None
        assert table.locator("table caption").is_visible()
    finally:
        context.close()
