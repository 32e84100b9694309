"""What went wrong with SSB, in one plain Norwegian sentence that says what to do.

`ssb_problem(error)` takes what a fetch raised (`SsbUnavailable` with the last attempt's
exception chained, `SsbRequestError`, or a bare httpx/OS error) and gives the sentence a
business adviser can act on, plus the technical detail for whoever runs Temaplan. The web page
and the CLI show the same sentence. No Django of its own (http.py reads settings when asked).
"""

from __future__ import annotations

import errno
import socket
from collections.abc import Iterator
from dataclasses import dataclass

import httpx

from .http import SsbRequestError, SsbUnavailable

__all__ = ["SENTENCES", "SsbProblem", "ssb_problem"]

SENTENCES = {
    "offline": (
        "Fikk ikke kontakt med internett. Sjekk internettforbindelsen, og prøv igjen når "
        "den er tilbake."
    ),
    "refused": (
        "Fikk ikke kontakt med SSB (forbindelsen ble avvist). Sjekk internettforbindelsen, "
        "eller prøv igjen senere."
    ),
    "dns": (
        "Fant ikke SSB sitt nettsted (navneoppslag feilet). Sjekk internettforbindelsen, "
        "eller prøv igjen senere."
    ),
    "timeout": (
        "SSB svarte ikke i tide. SSB kan ha mye å gjøre akkurat nå; prøv igjen om noen minutter."
    ),
    "ssb_down": (
        "SSB har driftsproblemer og kunne ikke svare. Prøv igjen senere; ssb.no har "
        "driftsmeldinger."
    ),
    "rate_limited": (
        "SSB ba Temaplan vente fordi det kom for mange forespørsler. Vent noen minutter, og "
        "prøv igjen."
    ),
    "refused_request": (
        "SSB avviste forespørselen (HTTP {status}). Tabellen eller utvalget finnes kanskje ikke "
        "lenger; sjekk formelen på indikatoren, eller si fra til den som drifter Temaplan."
    ),
    "bad_answer": (
        "Svaret fra SSB var ødelagt eller ufullstendig. Prøv igjen senere; hjelper ikke det, si "
        "fra til den som drifter Temaplan."
    ),
    "unknown": (
        "Hentingen fra SSB feilet. Prøv igjen senere; hjelper ikke det, si fra til den som "
        "drifter Temaplan."
    ),
}

DNS_WORDS = (
    "name or service not known",
    "temporary failure in name resolution",
    "nodename nor servname",
    "no address associated with hostname",
    "getaddrinfo failed",
    "name resolution",
)
OFFLINE_ERRNOS = {errno.ENETUNREACH, errno.EHOSTUNREACH, errno.ENETDOWN}


@dataclass(frozen=True)
class SsbProblem:
    """`kind` is a key of SENTENCES; `sentence` is for the user, `detail` (one line) for the
    operator: the fetch's own message and the underlying exception."""

    kind: str
    sentence: str
    detail: str


def ssb_problem(error: BaseException) -> SsbProblem:
    kind, status = _kind(error)
    sentence = SENTENCES[kind].format(status=status if status is not None else "?")
    return SsbProblem(kind=kind, sentence=sentence, detail=_detail(error))


def _kind(error: BaseException) -> tuple[str, int | None]:
    chain = list(_chain(error))
    # What broke underneath (the network, the body) says more than the status of the answer.
    for cause in chain:
        if isinstance(cause, socket.gaierror) or _mentions(cause, DNS_WORDS):
            return "dns", None
        if isinstance(cause, httpx.TimeoutException | TimeoutError):
            return "timeout", None
        if isinstance(cause, ConnectionRefusedError) or _mentions(cause, ("connection refused",)):
            return "refused", None
        if isinstance(cause, OSError) and cause.errno in OFFLINE_ERRNOS:
            return "offline", None
        if _mentions(cause, ("network is unreachable", "no route to host")):
            return "offline", None
        if isinstance(cause, httpx.RemoteProtocolError | ValueError) and not isinstance(
            cause, SsbRequestError
        ):
            return "bad_answer", None
    for cause in chain:
        status = _status(cause)
        if status is not None and not 200 <= status < 300:
            return _by_status(status)
    return "unknown", None


def _status(error: BaseException) -> int | None:
    if isinstance(error, httpx.HTTPStatusError):
        return error.response.status_code
    if isinstance(error, SsbRequestError | SsbUnavailable):
        return error.status
    return None


def _by_status(status: int) -> tuple[str, int | None]:
    if status == 429:
        return "rate_limited", status
    if status >= 500:
        return "ssb_down", status
    return "refused_request", status


def _chain(error: BaseException) -> Iterator[BaseException]:
    """The error and what caused it, innermost last (httpx wraps httpcore wraps socket)."""
    seen: set[int] = set()
    todo: list[BaseException] = [error]
    while todo:
        current = todo.pop(0)
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        todo += [c for c in (current.__cause__, current.__context__) if c is not None]


def _mentions(error: BaseException, words: tuple[str, ...]) -> bool:
    text = str(error).casefold()
    return any(word in text for word in words)


def _detail(error: BaseException) -> str:
    parts: list[str] = []
    for cause in _chain(error):
        text = " ".join(str(cause).split())
        part = f"{type(cause).__name__}: {text}" if text else type(cause).__name__
        if isinstance(cause, SsbRequestError | SsbUnavailable):
            part = text
        if part and all(part not in earlier for earlier in parts):
            parts.append(part)
    return " ← ".join(parts)[:1000]
