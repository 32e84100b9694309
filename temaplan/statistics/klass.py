"""A client for SSB's KLASS API: municipalities and counties valid at a date, and their changes.

    klass = KlassClient()                        # base URL from TEMAPLAN_KLASS_API
    klass.municipalities_at(date(2026, 1, 1))    # [{"code": "0301", "name": "Oslo - Oslove"}, ...]
    klass.counties_at(date(2024, 1, 1))
    klass.changes(131, date(2019, 1, 1), date(2020, 1, 1))   # [{"oldCode": "0220", ...}, ...]

The lists are KLASS's own items (dicts with `code`, `name`, `validFrom` …); `codesAt` for
classification 131 includes the pseudo-code 9999 «Uoppgitt» as KLASS does (drop it with
`temaplan.statistics.regions.codes_from_klass`). Requests go through the same `HttpFetcher` as
the PxWebApi client: retries with backoff, a rate limit, and a disk cache of the raw bodies.

Plain Python; Django settings are read only if configured.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Final
from urllib.parse import urlencode

import httpx
import orjson

from temaplan.statistics.http import (
    DEFAULT_CACHE,
    ClientError,
    HttpFetcher,
    SsbRequestError,
    resolve_cache_dir,
    setting,
)

__all__ = ["COUNTIES", "MUNICIPALITIES", "KlassClient"]

KLASS_API: Final = "https://data.ssb.no/api/klass/v1"
MUNICIPALITIES: Final = 131
COUNTIES: Final = 104

NOT_FOUND = "KLASS har ingen klassifikasjon {classification}."
REFUSED = "KLASS avviste forespørselen om klassifikasjon {classification} (HTTP {status}: {text})."
BAD_ORDER = "Fra-datoen {start} er etter til-datoen {end}."
MISSING_LIST = "KLASS-svaret har ikke listen «{key}»"


class KlassClient:
    """KLASS at `base_url` (default `TEMAPLAN_KLASS_API`, else SSB's own address)."""

    def __init__(
        self,
        base_url: str | None = None,
        *,
        cache_dir: Path | str | None = DEFAULT_CACHE,
        timeout: float = 30.0,
        retries: int = 4,
        backoff: float = 1.0,
        max_requests: int = 30,
        window_seconds: float = 60.0,
        cache_max_age: float | None = None,
        language: str = "nb",
        clock: Callable[[], float] = time.time,
        sleep: Callable[[float], None] = time.sleep,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.base_url = (base_url or setting("TEMAPLAN_KLASS_API") or KLASS_API).rstrip("/")
        self.language = language
        self.fetcher = HttpFetcher(
            self.base_url,
            cache_dir=resolve_cache_dir(cache_dir, "klass"),
            timeout=timeout,
            retries=retries,
            backoff=backoff,
            max_requests=max_requests,
            window_seconds=window_seconds,
            cache_max_age=cache_max_age,
            clock=clock,
            sleep=sleep,
            transport=transport,
        )

    def close(self) -> None:
        self.fetcher.close()

    def __enter__(self) -> KlassClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def codes_at(
        self, classification: int, at: date | str, *, refresh: bool = False
    ) -> list[dict[str, Any]]:
        """The codes of `classification` valid on `at` (KLASS `codesAt`)."""
        day = _day(at)
        body = self._get(
            classification,
            "codesAt.json",
            {"date": day.isoformat(), "language": self.language},
            key="codes",
            what=f"KLASS-klassifikasjon {classification} per {day.isoformat()}",
            refresh=refresh,
        )
        return body

    def municipalities_at(self, at: date | str, *, refresh: bool = False) -> list[dict[str, Any]]:
        """Municipalities (classification 131) valid on `at`, with 9999 «Uoppgitt»."""
        return self.codes_at(MUNICIPALITIES, at, refresh=refresh)

    def counties_at(self, at: date | str, *, refresh: bool = False) -> list[dict[str, Any]]:
        """Counties (classification 104) valid on `at`."""
        return self.codes_at(COUNTIES, at, refresh=refresh)

    def changes(
        self,
        classification: int,
        from_date: date | str,
        to_date: date | str,
        *,
        refresh: bool = False,
    ) -> list[dict[str, Any]]:
        """The changes that turn the codes valid on `from_date` into those valid on `to_date`.

        That is every change that took effect after `from_date` and on or before `to_date`, so
        `changes(131, date(2019, 1, 1), date(2020, 1, 1))` has the 2020 reform (0220 → 3025).
        KLASS counts `from` inclusive and `to` exclusive, so both are sent one day later.
        """
        start, end = _day(from_date), _day(to_date)
        if start > end:
            raise ValueError(BAD_ORDER.format(start=start, end=end))
        params = {
            "from": (start + timedelta(days=1)).isoformat(),
            "to": (end + timedelta(days=1)).isoformat(),
            "language": self.language,
        }
        return self._get(
            classification,
            "changes.json",
            params,
            key="codeChanges",
            what=f"endringer i KLASS-klassifikasjon {classification} ({start} til {end})",
            refresh=refresh,
        )

    def _get(
        self,
        classification: int,
        resource: str,
        params: dict[str, str],
        *,
        key: str,
        what: str,
        refresh: bool,
    ) -> list[dict[str, Any]]:
        def validate(data: bytes) -> list[dict[str, Any]]:
            body = orjson.loads(data)  # a JSONDecodeError is a ValueError: retried
            items = body.get(key) if isinstance(body, dict) else None
            if not isinstance(items, list):
                raise ValueError(MISSING_LIST.format(key=key))
            return items

        try:
            fetched = self.fetcher.fetch(
                f"classifications/{int(classification)}/{resource}",
                urlencode(params),
                validate=validate,
                what=what,
                refresh=refresh,
            )
        except ClientError as exc:
            text = _error_text(exc.body)
            if exc.status == 404:
                message = NOT_FOUND.format(classification=classification)
            else:
                message = REFUSED.format(
                    classification=classification, status=exc.status, text=text or "?"
                )
            raise SsbRequestError(message, status=exc.status, title=text, url=exc.url) from None
        return fetched.value


def _day(value: date | str) -> date:
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _error_text(body: bytes) -> str:
    try:
        doc = orjson.loads(body)
    except orjson.JSONDecodeError:
        return body.decode("utf-8", "replace").strip()[:200]
    if isinstance(doc, dict):
        return str(doc.get("message") or doc.get("error") or doc)[:200]
    return str(doc)[:200]
