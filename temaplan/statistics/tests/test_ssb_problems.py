"""One plain sentence per SSB problem (ssb_problems.py), from real exceptions.

The network failures are real: an unresolvable `.invalid` host, a closed port, a server that
accepts and never answers. SSB's answers (5xx, 429, 404, a broken body) come through the real
fetcher and client over httpx's MockTransport. Nothing here needs the internet.
"""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator

import httpx
import pytest

from temaplan.statistics.http import HttpFetcher, SsbError
from temaplan.statistics.pxweb import PxWebClient
from temaplan.statistics.ssb_problems import SENTENCES, ssb_problem


def fetcher(base_url: str, handler: Callable | None = None, timeout: float = 2.0) -> HttpFetcher:
    transport = httpx.MockTransport(handler) if handler else None
    return HttpFetcher(
        base_url,
        cache_dir=None,
        retries=1,
        timeout=timeout,
        sleep=lambda seconds: None,
        transport=transport,
    )


def failure(base_url: str, handler: Callable | None = None, timeout: float = 2.0) -> SsbError:
    with fetcher(base_url, handler, timeout) as client, pytest.raises(SsbError) as caught:
        client.fetch("tables/07459/data", validate=_json, what="data fra tabell 07459")
    return caught.value


def _json(body: bytes) -> object:
    import orjson

    return orjson.loads(body)


def answer(status: int, body: bytes = b"{}") -> Callable:
    return lambda request: httpx.Response(status, content=body)


def network_is_unreachable(request: httpx.Request) -> httpx.Response:
    # What httpx raises when the machine has no route out (no network cable, no Wi-Fi).
    raise httpx.ConnectError("[Errno 101] Network is unreachable", request=request)


REQUEST = httpx.Request("GET", "https://data.ssb.no/api/tables")


@pytest.fixture
def silent_server() -> Iterator[str]:
    """A server that takes the connection and never answers: the read times out."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(5)
    yield f"http://127.0.0.1:{server.getsockname()[1]}"
    server.close()


@pytest.mark.parametrize(
    ("base_url", "handler", "kind"),
    [
        ("http://data.ssb.invalid/api", None, "dns"),
        ("http://127.0.0.1:1/api", None, "refused"),
        ("https://data.ssb.no/api", network_is_unreachable, "offline"),
        ("https://data.ssb.no/api", answer(503), "ssb_down"),
        ("https://data.ssb.no/api", answer(500), "ssb_down"),
        ("https://data.ssb.no/api", answer(429), "rate_limited"),
        ("https://data.ssb.no/api", answer(200, b'{"cut off'), "bad_answer"),
        ("https://data.ssb.no/api", answer(304), "refused_request"),
    ],
    ids=["dns", "refused", "offline", "503", "500", "429", "broken body", "304"],
)
def test_each_failure_of_a_fetch_gets_its_own_sentence(base_url, handler, kind):
    problem = ssb_problem(failure(base_url, handler))
    assert problem.kind == kind
    assert problem.sentence == SENTENCES[kind].format(status=304)  # only the 304 has a status
    assert problem.detail.startswith("SSB svarte ikke som forventet på data fra tabell 07459")
    assert "\n" not in problem.detail


def test_a_server_that_never_answers_is_a_timeout(silent_server):
    problem = ssb_problem(failure(silent_server, timeout=0.2))
    assert problem.kind == "timeout"
    assert problem.sentence.startswith("SSB svarte ikke i tide.")
    assert "ReadTimeout" in problem.detail


def test_the_dns_sentence_says_what_happened_and_what_to_do():
    problem = ssb_problem(failure("http://data.ssb.invalid/api"))
    assert problem.sentence == (
        "Fant ikke SSB sitt nettsted (navneoppslag feilet). Sjekk internettforbindelsen, "
        "eller prøv igjen senere."
    )
    assert "Name or service not known" in problem.detail or "gaierror" in problem.detail


def test_a_table_ssb_refuses_names_the_status_and_keeps_ssbs_reason_in_the_detail():
    body = b'{"title": "Non-existent table", "status": 404}'
    client = PxWebClient("https://data.ssb.no/api", cache_dir=None, retries=0)
    client.fetcher = fetcher("https://data.ssb.no/api", answer(404, body))
    with pytest.raises(SsbError) as caught:
        client.metadata("99999")
    problem = ssb_problem(caught.value)
    assert problem.kind == "refused_request"
    assert problem.sentence.startswith("SSB avviste forespørselen (HTTP 404).")
    assert "99999" in problem.detail


@pytest.mark.parametrize(
    ("error", "kind"),
    [
        (httpx.HTTPStatusError("x", request=REQUEST, response=httpx.Response(502)), "ssb_down"),
        (httpx.ReadTimeout("timed out"), "timeout"),
        (httpx.RemoteProtocolError("peer closed connection"), "bad_answer"),
        (RuntimeError("something else"), "unknown"),
    ],
)
def test_bare_httpx_errors_are_understood_too(error, kind):
    assert ssb_problem(error).kind == kind


def test_every_sentence_says_what_to_do():
    for kind, sentence in SENTENCES.items():
        assert sentence.count(".") >= 2 or ";" in sentence, kind
        assert any(word in sentence.casefold() for word in ("sjekk", "prøv igjen", "vent")), kind
