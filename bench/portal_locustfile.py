"""The portal benchmark's load (issue 14), for locust (bench/portal_load.py starts the server
and runs this file).

The users of bench/locustfile.py, logged in the same way (editors as asker-redaktor, readers
as asker-leser) and on the same clock, but with two phases of their own, taking turns in
ROUNDS rounds:

- «portal»: the public report page of one published report (TEMAPLAN_PORTAL_PATH, Asker's
  2020 report), asked by each user as an anonymous visitor (a client of its own, without the
  session cookie), a full answer every time (no If-None-Match);
- «indikatortabell»: the logged-in indicator table, /planer/<id>/indikatorer/.

The clock is bench/locustfile.py's: its first phase (called «healthz» there) is the portal's,
its second («sider») the indicator table's, their lengths TEMAPLAN_LOAD_HEALTHZ_SECONDS and
TEMAPLAN_LOAD_PAGE_SECONDS. Nobody changes a status (TEMAPLAN_LOAD_STATUS_EDITORS is 0).
Each user asks for both pages once while logging in («oppstart: …»), so the timed phases
measure the pages as they are served all day, not each worker's first rendering of them.

The figures go to TEMAPLAN_PORTAL_SUMMARY as JSON (every request name with its count,
failures and percentiles, the errors, each phase's seconds), which bench/portal_load.py
prints and judges. Only the host given with --host is asked.
"""

from __future__ import annotations

import json
import os
import time

import gevent
import locustfile as scenario  # bench/locustfile.py, beside this file: log-in and clock
from locust import events
from locust.contrib.fasthttp import FastHttpSession

PORTAL_PATH = os.environ.get("TEMAPLAN_PORTAL_PATH", "/offentlig/3203/2020/")
SUMMARY = os.environ.get("TEMAPLAN_PORTAL_SUMMARY", "")
PORTAL, TABLE = "portal", "indikatortabell"
PHASES = {"healthz": PORTAL, "sider": TABLE}  # bench/locustfile.py's names → these


class PortalUser(scenario.TemaplanUser):
    def on_start(self) -> None:
        # The portal's visitor is nobody: no session cookie, as from a browser that never
        # logged in.
        self.visitor = FastHttpSession(
            self.host,
            self.environment.events.request,
            self,
            network_timeout=self.network_timeout,
            connection_timeout=self.connection_timeout,
        )
        # Each page once before the clock starts, so that the phases measure pages served
        # as they are all day, not each worker's first rendering of them.
        self.visitor.get(PORTAL_PATH, name="oppstart: portal")
        super().on_start()  # logs in, finds the plan, counts itself in

    def find_plan_and_action(self) -> None:
        super().find_plan_and_action()
        if self.plan_id is not None:
            self.client.get(f"/planer/{self.plan_id}/indikatorer/", name="oppstart: tabellen")

    def walk(self) -> None:
        phase = PHASES.get(scenario.Clock.phase(), scenario.Clock.phase())
        if phase == "vent":
            gevent.sleep(0.05)
        elif phase == PORTAL:
            self.fetch(self.visitor, PORTAL_PATH, PORTAL)
        elif phase == TABLE and self.plan_id is None:
            self.fetch(self.client, "/", "forsiden (fant ingen plan)")
        elif phase == TABLE:
            self.fetch(self.client, f"/planer/{self.plan_id}/indikatorer/", TABLE)
        else:
            self.finish()  # the last phase is over: stops the run

    def fetch(self, client, path: str, name: str) -> None:
        with client.get(path, name=name, allow_redirects=False, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"svarte {response.status_code}, ikke 200")


# Its own task only: a subclass inherits its parent's, whose step is bench/locustfile.py's.
PortalUser.tasks = [PortalUser.walk]


@events.quitting.add_listener
def write_summary(environment, **_kwargs) -> None:
    """The figures bench/portal_load.py reads: every request name, the errors, the phases."""
    if not SUMMARY:
        return
    portal_seconds, table_seconds = scenario.Clock.seconds_spent(time.monotonic())
    requests, errors = scenario.figures(environment.stats)
    summary = {
        "users": scenario.USERS,
        "logged_in": scenario.Clock.logged_in,
        "rounds": scenario.ROUNDS,
        "seconds": {PORTAL: portal_seconds, TABLE: table_seconds},
        "requests": requests,
        "errors": errors,
    }
    with open(SUMMARY, "w", encoding="utf-8") as f:
        json.dump(summary, f, ensure_ascii=False, indent=1)
