"""The fake SSB server itself: HTTP on 127.0.0.1, faults, the rate limit, the request log.

See the package docstring (devtools.fake_ssb) for what it serves.
"""

from __future__ import annotations

import argparse
import email.utils
import math
import threading
import time
from collections import defaultdict, deque
from collections.abc import Callable, Sequence
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

import numpy as np

from devtools.fake_ssb.common import (
    DEFAULT_DATA_DIR,
    KLASS_PREFIX,
    MAX_URL_LENGTH,
    PXWEB_PREFIX,
    SSB_MAX_DATA_CELLS,
    Response,
)
from devtools.fake_ssb.controls import FAULT_KINDS, FakeClock, Fault, LoggedRequest
from devtools.fake_ssb.klass_routes import KlassRoutes
from devtools.fake_ssb.pxweb_routes import PxWebRoutes
from devtools.fake_ssb.shapes import TableShape, reshaped
from devtools.fake_ssb.tables import CATALOG, Data, Dim, Entry, Table

__all__ = ["FakeClock", "FakeSsb", "Fault", "LoggedRequest", "main"]


class FakeSsb(PxWebRoutes, KlassRoutes):
    """The fake PxWebApi v2 + KLASS server. `start()` it, point the clients at its URLs."""

    def __init__(
        self,
        data_dir: Path | str = DEFAULT_DATA_DIR,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        clock: Callable[[], float] = time.time,
        rate_limit: tuple[int, float] | None = (30, 60.0),
        max_cells: int = SSB_MAX_DATA_CELLS,
        shapes: dict[str, TableShape] | None = None,
    ) -> None:
        self.data = Data(Path(data_dir))
        self._started_shapes = dict(shapes or {})
        self.shapes = dict(self._started_shapes)
        self.host = host
        self.port = port
        self.clock = clock
        self.rate_limit = rate_limit
        self.max_cells = max_cells
        self.requests: list[LoggedRequest] = []
        self._faults: deque[Fault] = deque()
        self._sent: dict[str, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle

    def start(self) -> FakeSsb:
        if self._httpd is not None:
            return self
        self._stopping.clear()
        httpd = ThreadingHTTPServer((self.host, self.port), _Handler)
        httpd.daemon_threads = True
        httpd.app = self  # type: ignore[attr-defined]
        self._httpd = httpd
        self.port = httpd.server_address[1]
        self._thread = threading.Thread(
            target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None

    def __enter__(self) -> FakeSsb:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def pxweb_url(self) -> str:
        return self.url + PXWEB_PREFIX

    @property
    def klass_url(self) -> str:
        return self.url + KLASS_PREFIX

    # -- test controls

    def inject(
        self,
        kind: str,
        times: int = 1,
        *,
        retry_after: str | None = None,
        delay: float = 1.0,
        path_contains: str | None = None,
    ) -> None:
        """Apply fault `kind` to the next `times` requests (whose path contains the text)."""
        if kind not in FAULT_KINDS:
            raise ValueError(f"Ukjent feiltype {kind!r}; velg blant {sorted(FAULT_KINDS)}.")
        with self._lock:
            for _ in range(times):
                self._faults.append(Fault(kind, retry_after, delay, path_contains))

    def reset(self, *, clock: Callable[[], float] | None = None) -> None:
        """Forget requests, faults, the rate-limit window and the shapes of `reshape` (and use
        `clock` from now on)."""
        with self._lock:
            self.requests.clear()
            self._faults.clear()
            self._sent.clear()
            self.shapes = dict(self._started_shapes)
            if clock is not None:
                self.clock = clock

    def reshape(
        self,
        table_id: str,
        *,
        dimension_ids: dict[str, str] | None = None,
        contents: list[tuple[str, str]] | None = None,
    ) -> None:
        """Serve a table under other names until `reset` (see shapes.py): `dimension_ids` maps
        the fake's own ids to the ones served, `contents` gives (code, label) for each content
        in the table's order. ValueError, at once, for a name or count the table does not fit."""
        shape = TableShape(dict(dimension_ids or {}), tuple(contents) if contents else None)
        table = self.data.table(table_id)
        if table is None:
            raise ValueError(f"Den falske serveren har ingen tabell {table_id}.")
        reshaped(table, shape)  # refuse a shape that does not fit now, not at the request
        with self._lock:
            self.shapes[table_id] = shape

    def add_table(
        self,
        table_id: str,
        *,
        label: str,
        dimensions: list[tuple[str, str, list[str], list[str], str | None]],
        values: np.ndarray,
        updated: str = "2024-06-01T06:00:00Z",
    ) -> None:
        """Serve an extra table made by a test (id, label, codes, labels, role per dimension).

        For what the shared data folder has no copy of, such as a KOSTRA table found by
        search: the test says plainly that its numbers are made up. `remove_table` undoes it.
        """
        dims = [
            Dim(dim_id, dim_label, list(codes), list(labels), eliminable=False, role=role)
            for dim_id, dim_label, codes, labels, role in dimensions
        ]
        time = next(d for d in dims if d.role == "time")
        CATALOG[table_id] = Entry(
            label=label,
            updated=updated,
            description=label,
            subject_code="test",
            variables=tuple(d.label for d in dims),
            first_period=time.codes[0],
            last_period=time.codes[-1],
        )
        with self.data._lock:
            self.data._tables[table_id] = Table(table_id, dims, np.asarray(values, float))

    def remove_table(self, table_id: str) -> None:
        CATALOG.pop(table_id, None)
        with self.data._lock:
            self.data._tables.pop(table_id, None)

    @property
    def pending_faults(self) -> int:
        return len(self._faults)

    def data_requests(self) -> list[LoggedRequest]:
        return [r for r in self.requests if r.is_data]

    # -- request handling

    def _take_fault(self, path: str) -> Fault | None:
        with self._lock:
            for fault in self._faults:
                if fault.path_contains is None or fault.path_contains in path:
                    self._faults.remove(fault)
                    return fault
        return None

    def _rate_limited(self, api: str) -> float | None:
        if self.rate_limit is None:
            return None
        limit, window = self.rate_limit
        now = self.clock()
        with self._lock:
            sent = self._sent[api]
            while sent and sent[0] <= now - window:
                sent.popleft()
            if len(sent) >= limit:
                return sent[0] + window - now
            sent.append(now)
        return None

    def handle(self, handler: _Handler, method: str) -> None:
        split = urlsplit(handler.path)
        path = unquote(split.path).rstrip("/") or "/"
        query = parse_qsl(split.query, keep_blank_values=True)
        length = int(handler.headers.get("Content-Length") or 0)
        body = handler.rfile.read(length) if length else b""
        api = (
            "pxweb"
            if path.startswith(PXWEB_PREFIX)
            else "klass"
            if path.startswith(KLASS_PREFIX)
            else None
        )
        entry = LoggedRequest(
            method,
            path,
            query,
            self.clock(),
            api,
            url_length=len(self.url) + len(handler.path),
        )
        with self._lock:
            self.requests.append(entry)
        fault = self._take_fault(path)
        if fault is not None:
            entry.fault = fault.kind
            self._apply_fault(
                handler, fault, entry, lambda: self._route(api, method, path, query, body, entry)
            )
            return
        if api is not None:
            wait = self._rate_limited(api)
            if wait is not None:
                response = Response(
                    429,
                    b"Too Many Requests",
                    "text/plain; charset=UTF-8",
                    {"Retry-After": str(max(math.ceil(wait), 1))},
                )
                entry.status = 429
                _send(handler, response)
                return
        response = self._route(api, method, path, query, body, entry)
        entry.status = response.status
        entry.cells = response.cells
        _send(handler, response)

    def _apply_fault(
        self,
        handler: _Handler,
        fault: Fault,
        entry: LoggedRequest,
        real: Callable[[], Response],
    ) -> None:
        kind = fault.kind
        if kind == "timeout":
            self._stopping.wait(fault.delay)
            handler.close_connection = True
            return
        if kind == "429":
            retry_after = fault.retry_after or "7"
            if retry_after.startswith("date:"):
                ahead = float(retry_after[5:])
                retry_after = email.utils.formatdate(self.clock() + ahead, usegmt=True)
            response = Response(
                429, b"Too Many Requests", "text/plain; charset=UTF-8", {"Retry-After": retry_after}
            )
        elif kind in ("500", "502", "503"):
            response = Response(int(kind), b"", "text/plain")
        elif kind == "invalid_json":
            response = Response(
                200,
                b"<html><body><h1>Statistikkbanken er under vedlikehold</h1></body></html>",
                "text/html; charset=UTF-8",
            )
        else:
            response = real()
            half = response.body[: len(response.body) // 2]
            if kind == "truncated":
                entry.status = response.status
                _send(handler, response, cut_at=len(half))
                return
            response = Response(response.status, half, response.content_type)
        entry.status = response.status
        _send(handler, response)

    def _route(
        self,
        api: str | None,
        method: str,
        path: str,
        query: list[tuple[str, str]],
        body: bytes,
        entry: LoggedRequest,
    ) -> Response:
        try:
            if api == "pxweb":
                if method == "GET" and entry.url_length > MAX_URL_LENGTH:
                    return Response(404, b"", "text/plain")
                return self._pxweb(method, path[len(PXWEB_PREFIX) :], query, body)
            if api == "klass" and method == "GET":
                return self._klass(path[len(KLASS_PREFIX) :], query)
        except Exception as exc:  # a fake server's bug should show, not hang the client
            message = f"Feil i den falske SSB-serveren: {type(exc).__name__}: {exc}"
            return Response(500, message.encode(), "text/plain; charset=UTF-8")
        return Response(404, b"Not Found", "text/plain")

    # -- PxWebApi


def _send(
    handler: BaseHTTPRequestHandler, response: Response, *, cut_at: int | None = None
) -> None:
    try:
        handler.send_response(response.status)
        handler.send_header("Content-Type", response.content_type)
        handler.send_header("Content-Length", str(len(response.body)))
        for name, value in response.headers.items():
            handler.send_header(name, value)
        if cut_at is not None:
            handler.send_header("Connection", "close")
        handler.end_headers()
        handler.wfile.write(response.body if cut_at is None else response.body[:cut_at])
        handler.wfile.flush()
    except (BrokenPipeError, ConnectionResetError):
        pass
    if cut_at is not None:
        handler.close_connection = True


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "FakeSsb/1.0"
    disable_nagle_algorithm = True  # headers and body go out as separate writes

    def do_GET(self) -> None:  # noqa: N802 - the name http.server looks for
        self.server.app.handle(self, "GET")  # type: ignore[attr-defined]

    def do_POST(self) -> None:  # noqa: N802
        self.server.app.handle(self, "POST")  # type: ignore[attr-defined]

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base's name
        pass


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description="Falsk SSB (PxWebApi v2 og KLASS) med de ekte dataene, for utvikling."
    )
    parser.add_argument("--port", type=int, default=8089, help="porten å lytte på (0 = ledig)")
    parser.add_argument("--host", default="127.0.0.1", help="adressen å lytte på")
    parser.add_argument(
        "--data", type=Path, default=DEFAULT_DATA_DIR, help="mappen med SSB-dataene"
    )
    parser.add_argument(
        "--no-rate-limit", action="store_true", help="ikke svar 429 etter 30 forespørsler i 60 s"
    )
    args = parser.parse_args(argv)
    fake = FakeSsb(
        args.data,
        host=args.host,
        port=args.port,
        rate_limit=None if args.no_rate_limit else (30, 60.0),
    ).start()
    print(f"PxWebApi v2: {fake.pxweb_url}  (TEMAPLAN_SSB_API)")
    print(f"KLASS:       {fake.klass_url}  (TEMAPLAN_KLASS_API)")
    print("Stopp med Ctrl-C.")
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        fake.stop()


if __name__ == "__main__":
    main()
