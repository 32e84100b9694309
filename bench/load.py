"""Load benchmark: the pages under gunicorn and PostgreSQL, against /healthz on the same server.

What it does: creates a database of its own on the local PostgreSQL (`temaplan_bench`, dropped
first if a crashed run left it), fills it with the demo (`temaplan migrate`, `temaplan demo`),
starts gunicorn as in production (docs/operations.md: config/gunicorn.conf.py, 3 workers, DEBUG
off, a generated SECRET_KEY) on a free port of 127.0.0.1, and runs bench/locustfile.py against
it with locust, headless: 30 users without pause, 20 s of /healthz only and 2 minutes over the plan
page, the indicator table, the action list, the budget and the roadmap, taking turns in four
rounds (5 s healthz, 30 s pages; the machine's other load weighs on both alike), while three
editors change an action's status now and then (at most 20 times each).

What it prints: per page the requests, failures and p50/p95/p99 in ms; the errors; the page
throughput (requests per second over the five pages) and /healthz's, and their ratio.

Target (issue 11): ratio at least 0.5 and 0 errors; the exit code is 1 otherwise. gunicorn is
stopped and the database dropped whatever happens. Only loopback addresses are asked.

With --floor (`make bench-load BENCH_ARGS=--floor`) the page phase asks only the logged-in home
page, the cheapest logged-in request there is: its ratio to /healthz is the most any page can
reach while every request loads its session, its user and its memberships from the database.

Run from the repository root: `make bench-load` (about 3½ minutes). Not part of `make test`.
"""

from __future__ import annotations

import argparse
import ipaddress
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
LOCUSTFILE = Path(__file__).resolve().parent / "locustfile.py"
TARGET_RATIO = 0.5


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Lasttest av sidene under gunicorn og PostgreSQL.")
    parser.add_argument("--users", type=int, default=30, help="Samtidige brukere (30).")
    parser.add_argument(
        "--page-seconds", type=float, default=120, help="Sekunder over sidene (120)."
    )
    parser.add_argument(
        "--healthz-seconds", type=float, default=20, help="Sekunder med bare /healthz (20)."
    )
    parser.add_argument(
        "--rounds", type=int, default=4, help="Runder med /healthz og sider etter tur (4)."
    )
    parser.add_argument("--workers", type=int, default=3, help="gunicorn-arbeidere (3).")
    parser.add_argument(
        "--status-editors", type=int, default=3, help="Redaktører som endrer status (3)."
    )
    parser.add_argument(
        "--status-changes", type=int, default=20, help="Høyst så mange endringer hver (20)."
    )
    add_server_arguments(parser, database="temaplan_bench", target=TARGET_RATIO)
    parser.add_argument(
        "--floor",
        action="store_true",
        help="Bare den innloggede forsiden i stedet for de fem sidene: det minste en innlogget "
        "forespørsel koster, målt mot /healthz.",
    )
    args = parser.parse_args(argv)
    check_server_arguments(parser, args)
    if (
        min(args.users, args.workers, args.rounds) < 1
        or min(args.page_seconds, args.healthz_seconds) <= 0
    ):
        parser.error("brukere, arbeidere og sekunder må være større enn 0.")
    if not 0 <= args.status_editors <= args.users:
        parser.error("--status-editors må være mellom 0 og antall brukere.")
    return args


def add_server_arguments(parser: argparse.ArgumentParser, *, database: str, target: float):
    """The options of the server every load benchmark starts: PostgreSQL, gunicorn, target."""
    parser.add_argument(
        "--postgres",
        default=os.environ.get("TEMAPLAN_BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432"),
        help="PostgreSQL-tjeneren, uten database (postgres://postgres@127.0.0.1:5432).",
    )
    parser.add_argument("--database", default=database, help="Databasen som lages og slettes.")
    parser.add_argument(
        "--host", default="127.0.0.1", help="Adressen gunicorn lytter på (bare loopback)."
    )
    parser.add_argument(
        "--min-ratio",
        type=float,
        default=target,
        help="Målet for forholdet ({}).".format(f"{target:g}".replace(".", ",")),
    )


def check_server_arguments(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """Loopback only, and a database name that is a plain name."""
    if not is_loopback(args.host):
        parser.error(f"--host må være en loopback-adresse, ikke {args.host}.")
    if not is_loopback(postgres_host(args.postgres)):
        parser.error("--postgres må peke på en loopback-adresse.")
    if not args.database.isidentifier():
        parser.error("--database må være et enkelt navn (bokstaver, tall og _).")


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def postgres_host(url: str) -> str:
    from urllib.parse import urlsplit

    return urlsplit(url).hostname or ""


def free_port(host: str) -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def psql(server: str, sql: str) -> None:
    """One statement on the server's maintenance database (CREATE/DROP DATABASE)."""
    import psycopg

    with psycopg.connect(f"{server}/postgres", autocommit=True, connect_timeout=5) as conn:
        conn.execute(sql)


@contextmanager
def bench_database(server: str, name: str):
    psql(server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    psql(server, f'CREATE DATABASE "{name}"')
    try:
        yield f"{server}/{name}"
    finally:
        psql(server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def server_environment(database_url: str, var_dir: str, host: str) -> dict[str, str]:
    """Production settings (DEBUG off), passed the way systemd passes them: the environment."""
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "REDIS_URL"}}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        DATABASE_URL=database_url,
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS=host,
        TEMAPLAN_VAR_DIR=var_dir,
        STATIC_ROOT=str(Path(var_dir) / "static"),
        TEMAPLAN_DEMO_PASSWORD="demo",
        # gunicorn answers plain HTTP on loopback; TLS is nginx's part in production.
        TEMAPLAN_SSL_REDIRECT="0",
        LOG_LEVEL="WARNING",
        PYTHONPATH=str(REPO_ROOT),
    )
    return env


def temaplan(env: dict[str, str], *command: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "temaplan.cli", *command],
        env=env,
        cwd=REPO_ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
        timeout=300,
    )


@contextmanager
def gunicorn(env: dict[str, str], host: str, port: int, workers: int, log: Path):
    with open(log, "w") as log_file:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                # Production's settings (docs/operations.md), on the benchmark's own port.
                f"--config={REPO_ROOT / 'config' / 'gunicorn.conf.py'}",
                f"--bind={host}:{port}",
                f"--workers={workers}",
                "--graceful-timeout=5",
                "config.wsgi",
            ],
            env=env,
            cwd=REPO_ROOT,
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )
        try:
            wait_until_healthy(f"http://{host}:{port}/healthz", process, seconds=60)
            yield process
        finally:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def wait_until_healthy(url: str, process: subprocess.Popen, *, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"gunicorn stoppet med kode {process.returncode} før den svarte.")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.3)
    raise SystemExit(f"gunicorn svarte ikke på {url} innen {seconds:.0f} s.")


def run_locust(args: argparse.Namespace, base_url: str, summary: Path, env: dict[str, str]):
    env = {**env, **scenario_environment(args, summary)}
    seconds = args.healthz_seconds + args.page_seconds
    return locust(LOCUSTFILE, base_url, summary, env, users=args.users, seconds=seconds)


def scenario_environment(args: argparse.Namespace, summary: Path) -> dict[str, str]:
    """What bench/locustfile.py reads: the arguments, by its environment variables."""
    return {
        "TEMAPLAN_LOAD_USERS": str(args.users),
        "TEMAPLAN_LOAD_HEALTHZ_SECONDS": str(args.healthz_seconds),
        "TEMAPLAN_LOAD_PAGE_SECONDS": str(args.page_seconds),
        "TEMAPLAN_LOAD_ROUNDS": str(args.rounds),
        "TEMAPLAN_LOAD_STATUS_EDITORS": str(args.status_editors),
        "TEMAPLAN_LOAD_STATUS_CHANGES": str(args.status_changes),
        "TEMAPLAN_LOAD_SUMMARY": str(summary),
        "TEMAPLAN_LOAD_FLOOR": "1" if args.floor else "",
    }


def locust(
    locustfile: Path,
    base_url: str,
    summary: Path,
    env: dict[str, str],
    *,
    users: int,
    seconds: float,
):
    """Runs `locustfile` headless against `base_url` and reads the JSON it writes to `summary`."""
    # The locustfile stops the run when its phases are over; --run-time is the hard bound.
    bound = int(60 + seconds + 30)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "locust",
            "-f",
            str(locustfile),
            "--headless",
            f"--users={users}",
            f"--spawn-rate={users}",
            f"--run-time={bound}s",
            f"--host={base_url}",
            "--only-summary",
            "--loglevel=WARNING",
            "--stop-timeout=5",
        ],
        env=env,
        cwd=REPO_ROOT,
        stdout=subprocess.DEVNULL,
        timeout=bound + 30,
    )
    if not summary.exists():
        raise SystemExit("locust skrev ingen oppsummering.")
    return json.loads(summary.read_text(encoding="utf-8"))


def report(summary: dict, *, min_ratio: float, server_log: str = "") -> int:
    """Print the figures; 0 if the target is met (ratio ≥ min_ratio, no errors), else 1."""
    by_name = {row["name"]: row for row in summary["requests"]}
    pages = [by_name[name] for name in summary["pages"] if name in by_name]
    others = [row for row in summary["requests"] if row["name"] not in summary["pages"]]
    print(f"{'':<30} {'antall':>7} {'feil':>5} {'p50':>6} {'p95':>6} {'p99':>6} ms {'kB':>6}")
    for row in [*pages, *sorted(others, key=lambda r: r["name"])]:
        print(
            f"{row['name']:<30} {row['count']:>7} {row['failures']:>5} {row['p50']:>6.0f} "
            f"{row['p95']:>6.0f} {row['p99']:>6.0f}    {row['mean_bytes'] / 1000:>6.1f}"
        )
    errors = sum(row["failures"] for row in summary["requests"])
    for error in summary["errors"]:
        print(f"FEIL {error['method']} {error['name']}: {error['error']} ({error['count']} ganger)")
    if errors and "Traceback" in server_log:
        print("gunicorns logg (slutten):", *server_log.splitlines()[-30:], sep="\n  ")
    healthz = by_name.get("healthz", {}).get("count", 0) / max(summary["healthz_seconds"], 1e-9)
    page_rps = sum(row["count"] for row in pages) / max(summary["page_seconds"], 1e-9)
    ratio = page_rps / healthz if healthz else 0.0
    print(
        f"Sider: {page_rps:.1f} forespørsler/s over {summary['page_seconds']:.0f} s; "
        f"/healthz: {healthz:.1f} forespørsler/s over {summary['healthz_seconds']:.0f} s; "
        f"forhold {ratio:.2f} (mål minst {min_ratio:.2f}). Feil: {errors}. "
        f"Innlogget: {summary['logged_in']} av {summary['users']}."
    )
    return verdict(summary, ratio=ratio, min_ratio=min_ratio, errors=errors, digits=2)


def verdict(summary: dict, *, ratio: float, min_ratio: float, errors: int, digits: int) -> int:
    """Print what missed the target, or that it was met: 0 if met, else 1."""
    problems = []
    if ratio < min_ratio:
        problems.append(f"forholdet {ratio:.{digits}f} er under {min_ratio:.{digits}f}")
    if errors:
        problems.append(f"{errors} forespørsler feilet")
    if summary["logged_in"] < summary["users"]:
        problems.append("ikke alle brukerne kom i gang")
    print("FEIL: " + "; ".join(problems) + "." if problems else "OK: målet er nådd.")
    return 1 if problems else 0


def stop_on_sigterm() -> None:
    """A terminated run (SIGTERM, SIGHUP) unwinds as Ctrl+C does: gunicorn stopped, database
    dropped."""

    def unwind(signum, _frame):
        raise SystemExit(f"Avbrutt (signal {signum}); rydder opp.")

    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, unwind)


@contextmanager
def served(args: argparse.Namespace, work: Path, announce: str):
    """The demo in a database of its own, behind gunicorn on a free loopback port: yields the
    base URL and the server's environment; `announce` (with {base_url}) is printed before
    gunicorn starts. Stopped and dropped on the way out."""
    with bench_database(args.postgres, args.database) as database_url:
        env = server_environment(database_url, str(work), args.host)
        print("Lager databasen og laster demoen …", flush=True)
        temaplan(env, "migrate", "--noinput")
        temaplan(env, "demo", "--force")  # known passwords, in a throwaway database
        temaplan(env, "collectstatic", "--noinput")
        port = free_port(args.host)
        base_url = f"http://{args.host}:{port}"
        print(announce.format(base_url=base_url), flush=True)
        with gunicorn(env, args.host, port, args.workers, work / "gunicorn.log"):
            yield base_url, env


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    stop_on_sigterm()
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="temaplan-load-") as workdir:
        work = Path(workdir)
        announce = (
            f"gunicorn med {args.workers} arbeidere på {{base_url}}; {args.users} brukere: "
            f"{args.healthz_seconds:.0f} s /healthz og {args.page_seconds:.0f} s sider "
            f"etter tur i {args.rounds} runder …"
        )
        with served(args, work, announce) as (base_url, env):
            summary = run_locust(args, base_url, work / "summary.json", env)
        server_log = (work / "gunicorn.log").read_text(errors="replace")
    code = report(summary, min_ratio=args.min_ratio, server_log=server_log)
    print(f"Hele kjøringen: {time.monotonic() - started:.0f} s.")
    return code


if __name__ == "__main__":
    sys.exit(main())
