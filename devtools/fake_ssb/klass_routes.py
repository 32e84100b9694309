"""The fake server's KLASS routes: `/classifications/{131|104}/codesAt` and `/changes`.

131 `codesAt` is the real 2026-01-01 list for dates from 2024 and, for earlier dates, the
fake's own rebuild from the changes file (klass_data.py); 104 `codesAt` is the fake's own
county table; 131 `changes` are the real rows (`from` inclusive, `to` exclusive).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from devtools.fake_ssb.common import Response, json_response
from devtools.fake_ssb.klass_data import counties_on
from devtools.fake_ssb.tables import Data

__all__ = ["KlassRoutes"]


class KlassRoutes:
    """The KLASS half of `FakeSsb` (a mixin: it needs `data`)."""

    data: Data

    def _klass(self, path: str, query: list[tuple[str, str]]) -> Response:
        params = dict(query)
        match = re.fullmatch(r"/classifications/(\d+)/(codesAt|changes)(?:\.json)?", path)
        if not match:
            return Response(404, b"Not Found", "text/plain")
        classification, what = int(match.group(1)), match.group(2)
        if classification not in (131, 104):
            return Response(
                404,
                f"Classification not found with id = {classification}".encode(),
                "text/plain;charset=UTF-8",
            )
        try:
            if what == "codesAt":
                at = date.fromisoformat(params["date"])
                return self._codes_at(classification, at)
            start = date.fromisoformat(params["from"])
            end = date.fromisoformat(params["to"]) if params.get("to") else date.max
        except (KeyError, ValueError) as exc:
            return Response(400, f"Invalid request: {exc}".encode(), "text/plain;charset=UTF-8")
        if classification != 131:
            return json_response({"codeChanges": []})
        rows = self.data.klass().rows
        changes = [
            {
                "oldCode": r["oldCode"],
                "oldName": r["oldName"],
                "oldShortName": r.get("oldShortName") or "",
                "newCode": r["newCode"],
                "newName": r["newName"],
                "newShortName": r.get("newShortName") or "",
                "changeOccurred": r["changeOccurred"],
            }
            for r in rows
            if start <= date.fromisoformat(r["changeOccurred"]) < end
        ]
        return json_response({"codeChanges": changes})

    def _codes_at(self, classification: int, at: date) -> Response:
        if classification == 104:
            counties = counties_on(at)
            return json_response(
                {"codes": [_klass_code(c, n) for c, n in sorted(counties.items())]}
            )
        klass = self.data.klass()
        if at >= date(2024, 1, 1):
            return json_response(klass.body)
        try:
            codes = sorted(klass.codes_on(at))
        except ValueError as exc:
            return Response(400, str(exc).encode(), "text/plain;charset=UTF-8")
        listed = [_klass_code(c, klass.name_on(c, at)) for c in codes]
        return json_response({"codes": [*listed, _klass_code("9999", "Uoppgitt")]})


def _klass_code(code: str, name: str) -> dict[str, Any]:
    return {
        "code": code,
        "parentCode": None,
        "level": "1",
        "name": name,
        "shortName": "",
        "presentationName": "",
        "validFrom": None,
        "validTo": None,
        "notes": "",
    }
