"""The portal by keyboard and without JavaScript (issue 14), in Chromium, nobody logged in.

Keyboard: on every page of the crawl the first Tab reaches the skip link, which moves focus
to <main>; Tab then reaches every link, button, summary and focusable table box in document
order, none skipped, and goes past the last one (no trap); each shows a focus indicator; and
«Vis som tabell» opens with Enter, its table the next stop. Without JavaScript every page
shows its content, the report page its published figures, and its tables open.
Skipped without Chromium, except under CI (see test_portal_browser.py).
"""

from __future__ import annotations

import pytest

from temaplan.demo.services import demo_load

from .test_portal_browser import _pages, browser  # noqa: F401 - the fixture, shared

# The elements the page offers to Tab, in document order, each given a number to know it
# by; hidden ones (a closed <details>' content, display:none) are no stops.
MARK_STOPS = """() => {
  const stops = [...document.querySelectorAll(
    'a[href], button, summary, input, select, textarea, [tabindex]:not([tabindex="-1"])'
  )].filter(el => !el.disabled && el.getClientRects().length > 0
                  && el.checkVisibility({visibilityProperty: true}));
  stops.forEach((el, i) => el.dataset.stop = i);
  return stops.map(el => el.tagName.toLowerCase() + " " + el.textContent.trim().slice(0, 40));
}"""
POSITIVE_TABINDEX = "[...document.querySelectorAll('[tabindex]')].some(el => el.tabIndex > 0)"
# Where the focus is, and whether it shows: an outline or a box shadow, on the element itself.
FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return {stop: null, shown: false, tag: "body", id: ""};
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
  const shadow = style.boxShadow !== "none" && style.boxShadow !== "";
  return {stop: el.dataset.stop ?? null, shown: outline || shadow,
          tag: el.tagName.toLowerCase(), id: el.id, cls: el.className};
}"""
# Asker's published 2020 figures, each in its indicator's section: the share employed in the
# municipality, the Kommune-NM rank, the rank in the county (reports/tests/test_snapshot.py).
REPORT_FIGURES = {"41,7 %", "11", "4"}
SHOWN = "section[aria-labelledby^=indikator-] > p > strong"


def _tab_through(page) -> tuple[list[str], list[dict]]:
    stops = page.evaluate(MARK_STOPS)
    visited = []
    for _ in range(len(stops) + 1):
        page.keyboard.press("Tab")
        visited.append(page.evaluate(FOCUSED))
    return stops, visited


def _keyboard_problems(page, url: str, *, breakage: str = "") -> list[str]:
    """What keeps the page at `url` from being used by keyboard; `breakage`, a script run
    first, shows that the checks find what they should."""
    found = []
    page.goto(url)
    if breakage:
        page.evaluate(breakage)
    if page.evaluate(POSITIVE_TABINDEX):
        found.append("tabindex over 0 endrer rekkefølgen")
    stops, visited = _tab_through(page)
    order = [step["stop"] for step in visited]
    expected = [str(i) for i in range(len(stops))]
    if order[: len(stops)] != expected:
        found.append(f"rekkefølgen {order} mot {expected}: {stops}")
    if order[-1] is not None and order[-1] != "0":
        found.append(f"fanget etter siste stopp: {visited[-1]}")
    found += [
        f"ingen synlig fokus på {stops[int(step['stop'])]}"
        for step in visited
        if step["stop"] is not None and not step["shown"]
    ]
    # The skip link first, and it takes the focus to <main>.
    page.goto(url)
    page.keyboard.press("Tab")
    skip = page.locator("a.skip-link")
    if page.evaluate("document.activeElement.className") != "skip-link":
        found.append("første Tab når ikke snarveien til innholdet")
    elif not skip.is_visible() or skip.bounding_box()["x"] < 0:
        found.append("snarveien synes ikke når den har fokus")
    page.keyboard.press("Enter")
    if page.evaluate("document.activeElement.id") != "main":
        found.append("snarveien flytter ikke fokus til hovedinnholdet")
    return found


# A link taken out of the order and a focus made invisible: the walk must see both.
BREAKAGE = """() => {
  document.querySelector("main a").tabIndex = -1;
  document.querySelector(".brand").style.outline = "none";  // the CSP allows no <style>
}"""


@pytest.mark.browser
def test_every_portal_page_can_be_walked_through_by_keyboard_in_order_with_focus_shown(
    browser,  # noqa: F811
    live_server,
):
    demo_load(password="demo")
    page = browser.new_context(viewport={"width": 1366, "height": 900}).new_page()
    page.set_default_timeout(15_000)
    try:
        broken = _keyboard_problems(page, live_server.url + _pages()[0], breakage=BREAKAGE)
        assert [p.split(" ")[0] for p in broken] == ["rekkefølgen", "ingen"], broken
        problems = {
            path: found
            for path in _pages()
            if (found := _keyboard_problems(page, live_server.url + path))
        }
        _open_a_table_by_keyboard(page, live_server.url + _pages()[-1])
    finally:
        page.context.close()
    assert not problems, problems


def _open_a_table_by_keyboard(page, url: str) -> None:
    """Tab to the first «Vis som tabell», Enter: it opens, and the next Tab is its table."""
    page.goto(url)
    page.evaluate(MARK_STOPS)
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.tagName") == "SUMMARY":
            break
    else:
        pytest.fail("Tab nådde ingen «Vis som tabell».")
    assert "Vis som tabell" in page.evaluate("document.activeElement.textContent")
    page.evaluate("document.activeElement.parentElement.dataset.tried = 'ja'")
    details = page.locator("details[data-tried]")
    assert details.get_attribute("open") is None
    page.keyboard.press("Enter")
    assert details.get_attribute("open") is not None
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('details') !== null")
    assert page.evaluate("document.activeElement.querySelector('table') !== null")
    assert details.locator("table caption").is_visible()


@pytest.mark.browser
def test_every_portal_page_shows_its_content_and_opens_its_tables_without_javascript(
    browser,  # noqa: F811
    live_server,
):
    demo_load(password="demo")
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.set_default_timeout(15_000)
        for path in _pages():
            page.goto(live_server.url + path)
            assert page.locator("h1").is_visible(), path
            assert page.locator("main a, main p").count() > 1, path
        shown = {text.replace("\u00a0", " ") for text in page.locator(SHOWN).all_text_contents()}
        assert REPORT_FIGURES <= shown, shown
        tables = page.locator("details.as-table")
        assert tables.count() >= 3
        for details in (tables.first, tables.last):
            assert not details.locator("table").is_visible()
            details.locator("summary").click()
            assert details.get_attribute("open") is not None
            assert details.locator("table caption").is_visible()
    finally:
        context.close()
