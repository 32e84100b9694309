"""The users of `make bench-load` (bench/load.py starts the server and runs this file).

Every user logs in (editors as asker-redaktor, readers as asker-leser), and when all of them
are in, the same users go without pause through two kinds of timed phase:

- «healthz»: GET /healthz only, the server's ceiling for this client on this machine;
- «sider»: the plan page, the indicator table, the action list, the budget and the roadmap,
  in turn. The first few editors also change an action's status now and then, as an editor
  does it (the action page, then the htmx status form, posted with its CSRF token), at most
  STATUS_CHANGES times each.

The phases take turns in ROUNDS rounds (healthz, pages, healthz, pages, …), so that whatever
else the machine is doing weighs on both alike and their ratio stays comparable.

Then the last user out stops the run and the figures go to TEMAPLAN_LOAD_SUMMARY as JSON
(every request name with its count, failures and percentiles, the errors, and how long each
phase lasted), which bench/load.py prints and judges. Everything is read from the
environment that bench/load.py sets, so the file can also be run by hand with `locust -f`.

Only the host given with --host is asked, and bench/load.py gives it only loopback addresses.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import time
from http.cookiejar import DefaultCookiePolicy

import gevent
from locust import FastHttpUser, constant, events, task
from locust.exception import StopUser

USERS = int(os.environ.get("TEMAPLAN_LOAD_USERS", "30"))
HEALTHZ_SECONDS = float(os.environ.get("TEMAPLAN_LOAD_HEALTHZ_SECONDS", "20"))
PAGE_SECONDS = float(os.environ.get("TEMAPLAN_LOAD_PAGE_SECONDS", "120"))
ROUNDS = int(os.environ.get("TEMAPLAN_LOAD_ROUNDS", "4"))
STATUS_EDITORS = int(os.environ.get("TEMAPLAN_LOAD_STATUS_EDITORS", "3"))
STATUS_CHANGES = int(os.environ.get("TEMAPLAN_LOAD_STATUS_CHANGES", "20"))
# An editor changes a status at most this often, so the changes spread over the page phase.
STATUS_INTERVAL = float(os.environ.get("TEMAPLAN_LOAD_STATUS_INTERVAL", "5"))
PASSWORD = os.environ.get("TEMAPLAN_DEMO_PASSWORD", "demo")
SUMMARY = os.environ.get("TEMAPLAN_LOAD_SUMMARY", "")
# Past this the users stop waiting for the others to log in (a server that does not answer).
LOGIN_DEADLINE = float(os.environ.get("TEMAPLAN_LOAD_LOGIN_SECONDS", "60"))

EDITOR, READER = "asker-redaktor", "asker-leser"
# The pages of the page phase: request name → path under /planer/<id>/.
PAGES = {
    "plan": "",
    "indikatorer": "indikatorer/",
    "tiltak": "tiltak/",
    "budsjett": "budsjett/",
    "veikart": "veikart/",
}
# With TEMAPLAN_LOAD_FLOOR set (bench/load.py --floor), the page phase asks only the logged-in
# home page: the least any logged-in request costs (the session, the user, the memberships, the
# base template), so its ratio to /healthz is the ceiling for every page.
FLOOR = os.environ.get("TEMAPLAN_LOAD_FLOOR", "") == "1"
FLOOR_PAGES = {"forsiden (innlogget)": "/"}
if FLOOR:
    PAGES = FLOOR_PAGES
STATUS_CYCLE = [("in_progress", 40), ("delayed", 55), ("in_progress", 70), ("planned", 10)]

CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
VERSION_INPUT = re.compile(r'name="version" value="(\d+)"')
PLAN_LINK = re.compile(r'href="/planer/(\d+)/"')
ACTION_LINK = re.compile(r'href="/tiltak/(\d+)/"')


class Clock:
    """The phases, shared by every user (one process, one thread: gevent)."""

    logged_in = 0
    first_login_at = 0.0
    started_at = 0.0
    stopping = False

    @classmethod
    def user_ready(cls) -> None:
        cls.logged_in += 1
        if cls.logged_in == USERS:
            cls.started_at = time.monotonic()

    @classmethod
    def phase(cls) -> str:
        now = time.monotonic()
        if not cls.started_at:
            if cls.first_login_at and now - cls.first_login_at > LOGIN_DEADLINE:
                cls.started_at = now  # the figures will show the failed logins
            else:
                return "vent"
        elapsed = now - cls.started_at
        if elapsed >= HEALTHZ_SECONDS + PAGE_SECONDS:
            return "ferdig"
        into_round = elapsed % ((HEALTHZ_SECONDS + PAGE_SECONDS) / ROUNDS)
        return "healthz" if into_round < HEALTHZ_SECONDS / ROUNDS else "sider"

    @classmethod
    def seconds_spent(cls, until: float) -> tuple[float, float]:
        """Seconds of healthz and of pages from the start until then."""
        if not cls.started_at:
            return 0.0, 0.0
        elapsed = min(until - cls.started_at, HEALTHZ_SECONDS + PAGE_SECONDS)
        length = (HEALTHZ_SECONDS + PAGE_SECONDS) / ROUNDS
        rounds, into_round = divmod(elapsed, length)
        healthz = rounds * HEALTHZ_SECONDS / ROUNDS + min(into_round, HEALTHZ_SECONDS / ROUNDS)
        return healthz, elapsed - healthz


numbers = itertools.count()


class LoopbackCookies(DefaultCookiePolicy):
    """Sends the Secure cookies back over plain HTTP: Django marks its cookies Secure when
    DEBUG is off, and the benchmark talks to gunicorn on loopback without TLS (nginx's part)."""

    def return_ok_secure(self, cookie, request) -> bool:
        return True


class TemaplanUser(FastHttpUser):
    wait_time = constant(0)
    # A failed request is recorded and the user goes on; nothing is retried.
    network_timeout = 30.0
    connection_timeout = 10.0

    def on_start(self) -> None:
        self.number = next(numbers)
        self.client.cookiejar.set_policy(LoopbackCookies())
        self.changes_status = self.number < STATUS_EDITORS
        # Half the other users are editors: the editor's pages carry the edit controls.
        self.username = EDITOR if self.changes_status or self.number % 2 else READER
        self.status_changes = 0
        self.next_change_at = 0.0
        self.plan_id = self.action_id = None
        Clock.first_login_at = Clock.first_login_at or time.monotonic()
        try:
            self.log_in()
            self.find_plan_and_action()
        finally:
            Clock.user_ready()

    def log_in(self) -> None:
        form = self.client.get("/konto/logg-inn/", name="oppstart: innlogging (skjema)")
        token = csrf_token(form.text or "")
        with self.client.post(
            "/konto/logg-inn/",
            data={"username": self.username, "password": PASSWORD, "csrfmiddlewaretoken": token},
            name="oppstart: innlogging",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code != 302:
                response.failure(f"innloggingen svarte {response.status_code}, ikke 302")

    def find_plan_and_action(self) -> None:
        home = self.client.get("/", name="oppstart: forsiden")
        found = PLAN_LINK.search(home.text or "")
        if found is None:
            return
        self.plan_id = int(found.group(1))
        if self.changes_status:
            listing = self.client.get(f"/planer/{self.plan_id}/tiltak/", name="oppstart: tiltak")
            actions = sorted({int(pk) for pk in ACTION_LINK.findall(listing.text or "")})
            # Each editor keeps to an action of its own, so two never edit the same one.
            if actions:
                self.action_id = actions[self.number % len(actions)]

    @task
    def step(self) -> None:
        phase = Clock.phase()
        if phase == "vent":
            gevent.sleep(0.05)
        elif phase == "healthz":
            self.get_page("/healthz", "healthz")
        elif phase == "sider":
            self.browse()
        else:
            self.finish()

    def browse(self) -> None:
        if self.plan_id is None:
            self.get_page("/", "forsiden (fant ingen plan)")
            return
        for name, path in PAGES.items():
            self.get_page(path if FLOOR else f"/planer/{self.plan_id}/{path}", name)
            if Clock.phase() != "sider":
                return
        if self.changes_status and self.action_id and self.status_changes < STATUS_CHANGES:
            if time.monotonic() >= self.next_change_at:
                self.change_status()

    def get_page(self, path: str, name: str) -> None:
        with self.client.get(
            path, name=name, allow_redirects=False, catch_response=True
        ) as response:
            if response.status_code != 200:
                response.failure(f"svarte {response.status_code}, ikke 200")

    def change_status(self) -> None:
        """As in the browser: the action page, «Endre status» (htmx GET), «Lagre» (htmx POST)."""
        self.next_change_at = time.monotonic() + STATUS_INTERVAL
        status, progress = STATUS_CYCLE[self.status_changes % len(STATUS_CYCLE)]
        self.status_changes += 1
        url = f"/tiltak/{self.action_id}/status/"
        self.get_page(f"/tiltak/{self.action_id}/", "status: tiltakssiden")
        htmx = {"HX-Request": "true"}
        form = self.client.get(url, name="status: skjema", headers=htmx)
        text = form.text or ""
        version = VERSION_INPUT.search(text)
        data = {
            "status": status,
            "progress": str(progress),
            "comment": f"Lasttest, endring {self.status_changes}",
            "version": version.group(1) if version else "",
            "csrfmiddlewaretoken": csrf_token(text),
        }
        with self.client.post(
            url, data=data, headers=htmx, name="status: lagre", catch_response=True
        ) as response:
            if response.status_code != 200:
                response.failure(f"svarte {response.status_code}, ikke 200")
            elif f"action-{status}" not in (response.text or ""):
                response.failure("svaret viser ikke den nye statusen")

    def finish(self) -> None:
        if not Clock.stopping:
            Clock.stopping = True
            gevent.spawn(self.environment.runner.quit)
        raise StopUser()


def csrf_token(html: str) -> str:
    found = CSRF_INPUT.search(html)
    return found.group(1) if found else ""


def figures(stats) -> tuple[list[dict], list[dict]]:
    """Every request name with its count, failures, percentiles and size; and the errors."""
    requests = [
        {
            "name": entry.name,
            "method": entry.method,
            "count": entry.num_requests,
            "failures": entry.num_failures,
            "p50": entry.get_response_time_percentile(0.50),
            "p95": entry.get_response_time_percentile(0.95),
            "p99": entry.get_response_time_percentile(0.99),
            "mean_bytes": entry.avg_content_length,
        }
        for entry in stats.entries.values()
    ]
    errors = [
        {"name": e.name, "method": e.method, "error": str(e.error), "count": e.occurrences}
        for e in stats.errors.values()
    ]
    return requests, errors


@events.quitting.add_listener
def write_summary(environment, **_kwargs) -> None:
    """The figures bench/load.py reads: every request name, the errors, the phases' lengths."""
    if not SUMMARY:
        return
    healthz_seconds, page_seconds = Clock.seconds_spent(time.monotonic())
    requests, errors = figures(environment.stats)
    summary = {
        "users": USERS,
        "logged_in": Clock.logged_in,
        "rounds": ROUNDS,
        "healthz_seconds": healthz_seconds,
        "page_seconds": page_seconds,
        "pages": list(PAGES),
        "requests": requests,
        "errors": errors,
    }
    with open(SUMMARY, "w", encoding="utf-8") as f:
        json.dump(summary, f, ensure_ascii=False, indent=1)
