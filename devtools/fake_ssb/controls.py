"""What tests hold the fake by: its clock, the faults they inject, the log of requests."""

from __future__ import annotations

import threading
from dataclasses import dataclass

__all__ = ["FAULT_KINDS", "FakeClock", "Fault", "LoggedRequest"]


FAULT_KINDS = frozenset(
    {"timeout", "429", "500", "502", "503", "truncated", "truncated_json", "invalid_json"}
)


class FakeClock:
    """A clock that only moves when someone sleeps on it; records every sleep."""

    def __init__(self, start: float = 1_700_000_000.0) -> None:
        self.now = float(start)
        self.sleeps: list[float] = []
        self._lock = threading.Lock()

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        with self._lock:
            self.sleeps.append(float(seconds))
            self.now += max(float(seconds), 0.0)

    def advance(self, seconds: float) -> None:
        with self._lock:
            self.now += float(seconds)


@dataclass
class Fault:
    kind: str
    retry_after: str | None = None
    delay: float = 1.0
    path_contains: str | None = None


@dataclass
class LoggedRequest:
    method: str
    path: str
    query: list[tuple[str, str]]
    time: float
    api: str | None
    status: int | None = None
    fault: str | None = None
    cells: int | None = None
    url_length: int = 0

    @property
    def is_data(self) -> bool:
        return self.api == "pxweb" and self.path.endswith("/data")
