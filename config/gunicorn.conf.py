"""gunicorn's settings for Temaplan in production.

docs/operations.md's systemd unit runs
`gunicorn --config /opt/temaplan/src/config/gunicorn.conf.py config.wsgi`; an option given on
the command line overrides the value here. The README lists the variables.
"""

import os


def _cpus() -> int:
    """The CPUs this process may run on (a container or systemd may allow fewer than exist)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


wsgi_app = "config.wsgi"
# Loopback only: TEMAPLAN_BEHIND_PROXY trusts the proxy's headers, so only the proxy may connect.
bind = "127.0.0.1:8000"
# The usual starting point for synchronous workers: two per CPU, plus one.
workers = int(os.environ.get("TEMAPLAN_GUNICORN_WORKERS") or 2 * _cpus() + 1)
# A worker silent for longer is killed and replaced. Longer than the database's statement
# timeout (TEMAPLAN_DB_STATEMENT_TIMEOUT_MS, 30 s), so a slow query ends as a logged error
# rather than as a killed worker.
timeout = int(os.environ.get("TEMAPLAN_GUNICORN_TIMEOUT", "60"))
# On stop or reload, the time a worker gets to finish its request. Below the unit's
# TimeoutStopSec (30 s), so systemd never kills a worker that is still finishing.
graceful_timeout = int(os.environ.get("TEMAPLAN_GUNICORN_GRACEFUL_TIMEOUT", "25"))
# Both logs to stderr/stdout, which systemd puts in the journal. The access log names the
# client nginx saw (X-Forwarded-For) and how long the answer took in milliseconds.
accesslog = "-"
errorlog = "-"
access_log_format = '%({x-forwarded-for}i)s %(t)s "%(r)s" %(s)s %(b)s %(M)sms "%(f)s" "%(a)s"'
