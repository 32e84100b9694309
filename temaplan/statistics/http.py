"""HTTP plumbing shared by the SSB clients (PxWebApi v2 and KLASS): retries, rate limit, cache.

Plain Python and httpx; Django is read only if it is configured, so the module imports anywhere.

- `HttpFetcher.fetch()` sends one request and returns the raw body and whatever the caller's
  `validate` callable made of it. It keeps SSB's limits and survives its moods:
  - never more than `max_requests` sends in any `window_seconds` (a sliding window shared by
    everything the fetcher sends, retries included);
  - timeouts, broken connections, 429 (waiting as long as `Retry-After` says, in seconds or as an
    HTTP date), 5xx and bodies that `validate` rejects (cut off, not JSON) are retried with
    exponential backoff; after the last attempt `SsbUnavailable` says in Norwegian what went wrong;
  - 4xx answers are handed back as `ClientError` for the caller to turn into a clear message.
- Raw bodies are cached on disk, one file per request, keyed by the SHA-256 of the method, the
  full URL and any body. A cache hit sends nothing; `refresh=True` asks SSB again.
- `clock` and `sleep` are injectable, so tests run the rate limit and backoff on a fake clock.
"""

from __future__ import annotations

import email.utils
import hashlib
import logging
import math
import os
import tempfile
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Final, Generic, Literal, TypeVar

import httpx

__all__ = [
    "DEFAULT_CACHE",
    "ClientError",
    "DiskCache",
    "Fetched",
    "HttpFetcher",
    "RateLimiter",
    "SsbError",
    "SsbRequestError",
    "SsbUnavailable",
    "default_cache_dir",
    "parse_retry_after",
    "setting",
]

log = logging.getLogger(__name__)

T = TypeVar("T")

REPO_DIR = Path(__file__).resolve().parents[2]

#: Pass as `cache_dir` to use the configured cache folder (`default_cache_dir()`); None = no cache.
DEFAULT_CACHE: Final = "default"

USER_AGENT = "temaplan/0.1 (temaplan naering; httpx)"

UNAVAILABLE = "SSB svarte ikke som forventet på {what} etter {attempts} forsøk: {reason}."
REASON_TIMEOUT = "fikk ikke svar innen {timeout:g} sekunder"
REASON_BROKEN = "forbindelsen ble brutt før hele svaret var kommet fram ({error})"
REASON_TRANSPORT = "fikk ikke kontakt ({error})"
REASON_RATE_LIMITED = "SSB ba oss vente fordi det kom for mange forespørsler (HTTP 429)"
REASON_SERVER_ERROR = "feil hos SSB (HTTP {status})"
REASON_UNEXPECTED = "uventet svar (HTTP {status})"
REASON_INVALID = "svaret var ødelagt eller ufullstendig ({error})"


class SsbError(Exception):
    """Something went wrong talking to SSB; the message is Norwegian and names what was asked."""


class SsbUnavailable(SsbError):
    """SSB did not give a usable answer, even after the retries.

    `status` is the HTTP status of the last answer (429, 5xx …), None when none came; the
    exception of the last attempt (a timeout, a refused connection, a bad body) is chained as
    `__cause__`, so `ssb_problems.ssb_problem` can tell the user what happened in plain words.
    """

    def __init__(self, message: str, *, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


class SsbRequestError(SsbError, ValueError):
    """SSB refused the request (HTTP 4xx): the table, variable or value does not exist, etc."""

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        title: str | None = None,
        url: str | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.title = title
        self.url = url


class ClientError(Exception):
    """An HTTP 4xx answer, for the client that sent it to translate into `SsbRequestError`."""

    def __init__(self, status: int, body: bytes, url: str) -> None:
        super().__init__(f"HTTP {status} fra {url}")
        self.status = status
        self.body = body
        self.url = url


# --- Settings ----------------------------------------------------------------------------------


def _django_setting(name: str) -> object | None:
    try:
        from django.conf import settings
    except ImportError:  # pragma: no cover - Django is a dependency, but keep this importable
        return None
    if not settings.configured:
        return None
    value = getattr(settings, name, None)
    return None if value in (None, "") else value


def setting(name: str, default: str | None = None) -> str | None:
    """A setting from Django's settings when they are configured, else from the environment."""
    value = _django_setting(name)
    if value is not None:
        return str(value)
    env = os.environ.get(name)
    return env if env not in (None, "") else default


def default_cache_dir() -> Path:
    """`TEMAPLAN_SSB_CACHE_DIR`, else `<VAR_DIR or TEMAPLAN_VAR_DIR or repo/var>/ssb-cache`."""
    explicit = setting("TEMAPLAN_SSB_CACHE_DIR")
    if explicit:
        return Path(explicit)
    var_dir = _django_setting("VAR_DIR") or os.environ.get("TEMAPLAN_VAR_DIR") or REPO_DIR / "var"
    return Path(str(var_dir)) / "ssb-cache"


def resolve_cache_dir(cache_dir: Path | str | None, namespace: str) -> Path | None:
    if cache_dir is None:
        return None
    root = default_cache_dir() if cache_dir == DEFAULT_CACHE else Path(cache_dir)
    return root / namespace


# --- Rate limit --------------------------------------------------------------------------------


class RateLimiter:
    """At most `max_requests` calls to `acquire()` in any `window_seconds` (a sliding window)."""

    def __init__(
        self,
        max_requests: int,
        window_seconds: float,
        *,
        clock: Callable[[], float] = time.time,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if max_requests < 1 or window_seconds <= 0:
            raise ValueError("Grensen må være minst én forespørsel i et tidsvindu over null.")
        self.max_requests = max_requests
        self.window_seconds = float(window_seconds)
        self.clock = clock
        self.sleep = sleep
        self._sent: deque[float] = deque()
        self._lock = threading.Lock()

    def acquire(self) -> float:
        """Wait until one more request fits in the window, count it, return the seconds waited."""
        waited = 0.0
        with self._lock:
            while True:
                now = self.clock()
                while self._sent and self._sent[0] <= now - self.window_seconds:
                    self._sent.popleft()
                if len(self._sent) < self.max_requests:
                    self._sent.append(now)
                    return waited
                wait = max(self._sent[0] + self.window_seconds - now, 1e-6)
                log.info("SSB-grensen er nådd; venter %.1f s", wait)
                self.sleep(wait)
                waited += wait


def parse_retry_after(value: str | None, *, now: float) -> float | None:
    """Seconds to wait from a `Retry-After` header (delta-seconds or an HTTP date), or None."""
    if value is None or not value.strip():
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        if when is None:
            return None
        seconds = when.timestamp() - now
    if math.isnan(seconds):
        return None
    return max(seconds, 0.0)


# --- Disk cache --------------------------------------------------------------------------------


class DiskCache:
    """Raw response bodies in files named by the SHA-256 of the request; written atomically."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    @staticmethod
    def key(method: str, url: str, body: bytes | None = None) -> str:
        digest = hashlib.sha256()
        if method.upper() == "GET" and body is None:
            digest.update(url.encode())
        else:
            digest.update(f"{method.upper()} {url}\n".encode())
            digest.update(body or b"")
        return digest.hexdigest()

    def path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.body"

    def get(self, key: str, *, max_age: float | None = None, now: float | None = None) -> bytes:
        """The cached body; KeyError when there is none (or it is older than `max_age` s)."""
        path = self.path(key)
        try:
            if max_age is not None:
                age = (time.time() if now is None else now) - path.stat().st_mtime
                if age > max_age:
                    raise KeyError(key)
            return path.read_bytes()
        except OSError:
            raise KeyError(key) from None

    def put(self, key: str, data: bytes) -> None:
        path = self.path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def delete(self, key: str) -> None:
        self.path(key).unlink(missing_ok=True)


# --- Fetcher -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Fetched(Generic[T]):
    """One answered request: the raw body, what `validate` made of it, where it came from."""

    url: str
    body: bytes
    value: T
    from_cache: bool
    attempts: int


class HttpFetcher:
    """Sends requests to one API with retries, a sliding-window rate limit and a disk cache."""

    def __init__(
        self,
        base_url: str,
        *,
        cache_dir: Path | None,
        timeout: float = 30.0,
        retries: int = 4,
        backoff: float = 1.0,
        max_backoff: float = 60.0,
        max_retry_after: float = 300.0,
        max_requests: int = 30,
        window_seconds: float = 60.0,
        cache_max_age: float | None = None,
        clock: Callable[[], float] = time.time,
        sleep: Callable[[float], None] = time.sleep,
        transport: httpx.BaseTransport | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout = float(timeout)
        self.retries = max(int(retries), 0)
        self.backoff = float(backoff)
        self.max_backoff = float(max_backoff)
        self.max_retry_after = float(max_retry_after)
        self.cache = DiskCache(cache_dir) if cache_dir is not None else None
        self.cache_max_age = cache_max_age
        self.clock = clock
        self.sleep = sleep
        self.limiter = RateLimiter(max_requests, window_seconds, clock=clock, sleep=sleep)
        self.sent = 0  # requests actually sent (retries included), for logs and tests
        self._client = httpx.Client(
            transport=transport,
            timeout=httpx.Timeout(self.timeout),
            follow_redirects=True,
            headers={"User-Agent": USER_AGENT, "Accept": "application/json", **(headers or {})},
        )

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> HttpFetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def url(self, path: str, query: str = "") -> str:
        url = f"{self.base_url}/{path.lstrip('/')}"
        return f"{url}?{query}" if query else url

    def backoff_delay(self, attempt: int) -> float:
        """Seconds to wait after failed attempt number `attempt` (1, 2, 4, 8 … × `backoff`)."""
        return min(self.backoff * 2 ** (attempt - 1), self.max_backoff)

    def fetch(
        self,
        path: str,
        query: str = "",
        *,
        validate: Callable[[bytes], T],
        what: str,
        method: str = "GET",
        body: bytes | None = None,
        refresh: bool = False,
        use_cache: bool = True,
        max_age: float | None | Literal["default"] = "default",
    ) -> Fetched[T]:
        """Send one request (or read it from the cache) and return the validated answer.

        `validate` turns the body into the caller's value and raises ValueError if the body is
        unusable (cut off, not JSON); such a body is retried like a server error and is never
        cached. `what` names the request in error messages («data fra tabell 11618»).
        `max_age` (seconds) overrides the fetcher's `cache_max_age` for this request.
        """
        url = self.url(path, query)
        key = DiskCache.key(method, url, body)
        cache = self.cache if use_cache else None
        if cache is not None and not refresh:
            try:
                age = self.cache_max_age if max_age == "default" else max_age
                data = cache.get(key, max_age=age)
            except KeyError:
                pass
            else:
                try:
                    return Fetched(url, data, validate(data), True, 0)
                except ValueError:
                    log.warning("Ødelagt svar i SSB-hurtiglageret for %s; henter på nytt", url)
                    cache.delete(key)

        attempts = self.retries + 1
        reason = ""
        error: Exception | None = None  # what the last attempt raised, chained to the failure
        status: int | None = None
        for attempt in range(1, attempts + 1):
            self.limiter.acquire()
            self.sent += 1
            wait: float | None = None
            error, status = None, None
            try:
                response = self._client.request(method, url, content=body)
            except httpx.TimeoutException as exc:
                reason, error = REASON_TIMEOUT.format(timeout=self.timeout), exc
            except httpx.RemoteProtocolError as exc:
                reason, error = REASON_BROKEN.format(error=_short(exc)), exc
            except httpx.TransportError as exc:
                reason, error = REASON_TRANSPORT.format(error=_short(exc)), exc
            else:
                status = response.status_code
                if status == 429:
                    reason = REASON_RATE_LIMITED
                    wait = parse_retry_after(response.headers.get("Retry-After"), now=self.clock())
                elif status >= 500:
                    reason = REASON_SERVER_ERROR.format(status=status)
                elif status >= 400:
                    raise ClientError(status, response.content, url)
                elif 200 <= status < 300:
                    data = response.content
                    try:
                        value = validate(data)
                    except ValueError as exc:
                        reason, error = REASON_INVALID.format(error=_short(exc)), exc
                    else:
                        if cache is not None:
                            cache.put(key, data)
                        return Fetched(url, data, value, False, attempt)
                else:
                    reason = REASON_UNEXPECTED.format(status=status)
            if attempt == attempts:
                break
            delay = self.backoff_delay(attempt)
            if wait is not None:
                delay = min(wait, self.max_retry_after)
            log.warning(
                "%s: %s (forsøk %d av %d); prøver igjen om %.1f s",
                what,
                reason,
                attempt,
                attempts,
                delay,
            )
            self.sleep(delay)
        message = UNAVAILABLE.format(what=what, attempts=attempts, reason=reason)
        raise SsbUnavailable(message, status=status) from error


def _short(value: object, limit: int = 160) -> str:
    text = " ".join(str(value).split()).rstrip(".")
    return text if len(text) <= limit else text[: limit - 1] + "…"
