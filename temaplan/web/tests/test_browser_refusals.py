"""Browser test: a refused htmx click shows the reason beside the control, not an error page.

The editor opens the plan page; meanwhile they are made a read-only member, so «Rediger planen»
is refused with 403. web/refusals.js puts the message after the link; the section stays.
"""

from __future__ import annotations

import pytest

from temaplan.accounts.access import READ_ONLY_MESSAGE
from temaplan.demo.services import demo_load
from temaplan.web.tests.chromium import ARTIFACTS, log_in, new_page


@pytest.mark.browser
def test_a_refused_htmx_click_shows_the_reason_beside_the_link(live_server, chromium):
    from playwright.sync_api import expect

    from temaplan.accounts.models import Membership

    plan = demo_load(password="demo")["asker"]
    ARTIFACTS.mkdir(exist_ok=True)
    page = new_page(chromium)
    log_in(page, live_server.url, "asker-redaktor")
    page.goto(f"{live_server.url}/planer/{plan.pk}/")
    page.evaluate("window.temaplanNoReload = 'same page'")

    Membership.objects.filter(user__username="asker-redaktor").update(role="viewer")
    edit = page.locator("#details a", has_text="Rediger planen")
    with page.expect_response(lambda r: r.status == 403):
        edit.click()
    refusal = page.locator("#details [role=alert]")
    expect(refusal).to_have_text(READ_ONLY_MESSAGE)
    expect(page.locator("#details h1")).to_have_text(plan.name)
    with page.expect_response(lambda r: r.status == 403):
        edit.click()  # a second refusal replaces the first
    expect(refusal).to_have_count(1)
    assert page.evaluate("window.temaplanNoReload") == "same page"
    page.locator("#details").screenshot(path=str(ARTIFACTS / "refusal-inline.png"))
