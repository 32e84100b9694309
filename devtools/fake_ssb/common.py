"""What every part of the fake server shares: addresses, SSB's limits, the response type."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

PXWEB_PREFIX = "/api/pxwebapi/v2"
KLASS_PREFIX = "/api/klass/v1"
#: The most cells SSB answers in one data request (`maxDataCells` in SSB's `/config`).
SSB_MAX_DATA_CELLS = 800_000
#: GET URLs longer than this get 404 from SSB.
MAX_URL_LENGTH = 2100
SOURCE = "Statistisk sentralbyrå"

REPO_DIR = Path(__file__).resolve().parents[2]
DEFAULT_DATA_DIR = Path(os.environ.get("TEMAPLAN_SSB_DATA", REPO_DIR.parent / "shared/data/ssb"))


@dataclass
class Response:
    status: int
    body: bytes
    content_type: str = "application/json; charset=UTF-8"
    headers: dict[str, str] = field(default_factory=dict)
    cells: int | None = None


def error_response(title: str, status: int = 400, *, detail: str | None = None) -> Response:
    body: dict[str, Any] = {"type": "Parameter error", "title": title, "status": status}
    if detail:
        body["detail"] = detail
    return Response(400 if status in (400, 404) else status, orjson.dumps(body))


def json_response(body: Any) -> Response:
    return Response(200, orjson.dumps(body))
