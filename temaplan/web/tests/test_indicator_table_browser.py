"""The indicator table on a phone: every year is there, the years scroll sideways by keyboard
inside their own box, and the indicator column stays put while they do (issue 10, point 5)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from temaplan.demo.services import demo_load
from temaplan.indicators.table import table_years

from .chromium import log_in, new_page

BOX = ".table-scroll:has(table.indicator-table)"
FIRST_ROW_HEADER = "table.indicator-table tbody th[scope=row]"
GEOMETRY = """() => {
  const box = document.querySelector(arguments_box);
  const first = document.querySelector(arguments_first).getBoundingClientRect();
  const years = [...document.querySelectorAll("table.indicator-table th.year")];
  const last = years[years.length - 1].getBoundingClientRect();
  return {scrollLeft: box.scrollLeft, maxScroll: box.scrollWidth - box.clientWidth,
          clientRight: box.getBoundingClientRect().left + box.clientLeft + box.clientWidth,
          firstLeft: first.left, lastRight: last.right,
          boxRight: box.getBoundingClientRect().right, years: years.map(y => y.textContent)};
}"""


def _geometry(page):
    script = GEOMETRY.replace("arguments_box", repr(BOX)).replace(
        "arguments_first", repr(FIRST_ROW_HEADER)
    )
    return page.evaluate(script)


@pytest.mark.browser
def test_on_a_phone_the_years_scroll_by_keyboard_under_an_indicator_column_that_stays(
    live_server, chromium
):
    plan = demo_load(password="demo")["asker"]
    years = [str(year) for year in table_years(plan.indicators.all())]  # results or ambitions
    page = new_page(chromium, viewport={"width": 390, "height": 900})
    log_in(page, live_server.url, "asker-leser")
    page.goto(live_server.url + reverse("indicators:table", args=[plan.pk]))

    before = _geometry(page)
    assert before["years"] == years  # every year the plan has, none left out
    assert before["lastRight"] > before["boxRight"]  # the later years are out of sight
    assert page.get_by_text("Rull sideveis for flere år").is_visible()

    box = page.get_by_role("region", name="Indikatorer med resultat, ambisjon og status per år")
    box.focus()
    for _ in range(40):  # the arrow key, as a keyboard user scrolls; each step may animate
        page.keyboard.press("ArrowRight")
        page.wait_for_timeout(30)
    after = _geometry(page)
    assert after["scrollLeft"] > 0
    assert after["scrollLeft"] >= after["maxScroll"] - 1, after  # scrolled to the end
    assert after["lastRight"] <= after["clientRight"] + 1, after  # the last year is in sight
    assert abs(after["firstLeft"] - before["firstLeft"]) < 1  # the indicator column stayed
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
