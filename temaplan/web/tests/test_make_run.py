"""`PORT=… make run` from the README: migrates, loads the demo, serves, and the demo works.

This drives the real command in a subprocess and talks to it over HTTP, as a new user would.
"""

import http.cookiejar
import os
import re
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, seconds: float) -> int:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return response.status
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.5)
    raise AssertionError(f"{url} svarte ikke innen {seconds} s")


@pytest.fixture
def served(tmp_path):
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DEBUG"}}
    env.update(PORT=str(port), TEMAPLAN_VAR_DIR=str(tmp_path), TEMAPLAN_DEMO_PASSWORD="demo")
    log = open(tmp_path / "make-run.log", "w")
    process = subprocess.Popen(
        ["make", "run"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        yield f"http://127.0.0.1:{port}", tmp_path / "make-run.log"
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=20)
        log.close()


def found(pattern: str, text: str, flags: int = 0) -> re.Match[str]:
    match = re.search(pattern, text, flags)
    assert match is not None, f"{pattern!r} er ikke på siden"
    return match


def test_make_run_serves_the_demo_to_the_asker_editor(served):
    base, log = served
    assert wait_for(base + "/healthz", seconds=240) == 200
    output = log.read_text()
    assert f"Temaplan kjører på {base}/" in output
    assert "asker-redaktor" in output and "asker-leser" in output and "baerum-redaktor" in output

    jar = http.cookiejar.CookieJar()
    browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    login_page = browser.open(base + "/konto/logg-inn/").read().decode()
    token = found(r'name="csrfmiddlewaretoken" value="([^"]+)"', login_page).group(1)
    form = urllib.parse.urlencode(
        {"username": "asker-redaktor", "password": "demo", "csrfmiddlewaretoken": token}
    ).encode()
    request = urllib.request.Request(
        base + "/konto/logg-inn/", data=form, headers={"Referer": base + "/konto/logg-inn/"}
    )
    home = browser.open(request).read().decode()
    plan_url = found(r'href="(/planer/\d+/)">Temaplan næring 2020–2032', home).group(1)

    page = browser.open(base + plan_url).read().decode()
    assert page.count('class="focus-area-name"') == 8
    ambitions = found(r'<section id="ambitions".*?</section>', page, re.S).group(0)
    assert ambitions.count('<li id="ambition-') == 5
    premises = found(r'<section id="premises".*?</section>', page, re.S).group(0)
    assert premises.count('<li id="premise-') == 2
    assert '<svg role="img" aria-labelledby="matrix-title"' in page
