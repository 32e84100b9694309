"""The fake server's PxWebApi v2 routes: `/config`, `/tables`, `/tables/{id}[/metadata|/data]`.

A selection is read by the fake's own selection.py (from SSB's documented rules), not by the
client's parser. SSB's rules kept: variable and value codes match ignoring case, a repeated
code gives 500 with an empty body, more than 800,000 cells give 400 "Too many cells selected",
and the 400 bodies are SSB's own (api_responses/ssb_v2_error_responses.json).
"""

from __future__ import annotations

import math
import re
from typing import Any

import numpy as np
import orjson

from devtools.fake_ssb.common import SOURCE, Response, error_response, json_response
from devtools.fake_ssb.jsonstat_out import dataset_json, extract, values_text
from devtools.fake_ssb.selection import IllegalExpression, UnknownValue, select, split_get_value
from devtools.fake_ssb.shapes import TableShape, reshaped
from devtools.fake_ssb.tables import CATALOG, Codelist, Data, Table

__all__ = ["PxWebRoutes"]


class PxWebRoutes:
    """The PxWebApi half of `FakeSsb` (a mixin: it needs `data`, `max_cells` and `shapes`)."""

    data: Data
    max_cells: int
    shapes: dict[str, TableShape]  # table id → the names it is served under (see shapes.py)

    def served_table(self, table_id: str) -> Table | None:
        """The table as served: the data folder's, under its shape's names if it has one.
        (Reshaping is cheap: the values and code lists are shared, not copied.)"""
        table = self.data.table(table_id)
        shape = self.shapes.get(table_id)
        if table is None or shape is None:
            return table
        return reshaped(table, shape)

    def _pxweb(self, method: str, path: str, query: list[tuple[str, str]], body: bytes) -> Response:
        params = {k.casefold(): v for k, v in query}
        parts = [p for p in path.split("/") if p]
        if parts == ["config"]:
            return json_response(
                {
                    "apiVersion": "2.0.0",
                    "defaultLanguage": "no",
                    "maxDataCells": self.max_cells,
                    "defaultDataFormat": "json-stat2",
                    "dataFormats": ["json-stat2"],
                }
            )
        if parts == ["tables"] and method == "GET":
            return self._search(params)
        if len(parts) < 2 or parts[0] != "tables":
            return Response(404, b"Not Found", "text/plain")
        if parts[1] not in CATALOG:
            return self.data.real_error("ugyldig tabell-ID")
        if len(parts) == 2:
            return json_response(self._table_info(parts[1]))
        table = self.served_table(parts[1])
        assert table is not None
        if parts[2:] == ["metadata"]:
            return self._metadata(table, query)
        if parts[2:] == ["data"]:
            return self._data(table, method, query, body)
        return Response(404, b"Not Found", "text/plain")

    def _table_info(self, table_id: str) -> dict[str, Any]:
        entry = CATALOG[table_id]
        return {
            "type": "Table",
            "id": table_id,
            "label": entry.label,
            "description": entry.description,
            "updated": entry.updated,
            "firstPeriod": entry.first_period,
            "lastPeriod": entry.last_period,
            "category": "public",
            "variableNames": list(entry.variables),
            "discontinued": False,
            "source": SOURCE,
            "subjectCode": entry.subject_code,
            "timeUnit": "Annual",
            "paths": [],
            "links": [],
        }

    def _search(self, params: dict[str, str]) -> Response:
        words = [
            w.removeprefix("title:").strip("*\"'()")
            for w in params.get("query", "").casefold().split()
        ]
        words = [w for w in words if w and w not in ("and", "og")]
        hits = []
        for table_id, entry in CATALOG.items():
            haystack = " ".join(
                [table_id, entry.label, entry.description, *entry.variables]
            ).casefold()
            if all(w in haystack for w in words):
                hits.append(self._table_info(table_id))
        size = max(int(params.get("pagesize") or 20), 1)
        number = max(int(params.get("pagenumber") or 1), 1)
        pages = max(math.ceil(len(hits) / size), 1)
        return json_response(
            {
                "language": params.get("lang", "no"),
                "tables": hits[(number - 1) * size : number * size],
                "page": {
                    "pageNumber": number,
                    "pageSize": size,
                    "totalElements": len(hits),
                    "totalPages": pages,
                    "links": [],
                },
                "links": [],
            }
        )

    def _codelists(self, table: Table, query: list[tuple[str, str]]) -> dict[str, Codelist]:
        """Variable id → chosen code list; KeyError(message) for an unknown one."""
        chosen: dict[str, Codelist] = {}
        for key, value in query:
            match = re.fullmatch(r"codelist\[(.+)\]", key, re.IGNORECASE)
            if match:
                dim = table.dim(match.group(1))
                if dim is None or value not in dim.codelists:
                    raise KeyError("Non-existent codelist")
                chosen[dim.id] = dim.codelists[value]
        return chosen

    def _metadata(self, table: Table, query: list[tuple[str, str]]) -> Response:
        try:
            codelists = self._codelists(table, query)
        except KeyError:
            return error_response("Non-existent codelist")
        dims = []
        for dim in table.dims:
            cl = codelists.get(dim.id)
            dims.append((dim, cl.codes if cl else dim.codes, cl.labels if cl else dim.labels))
        return json_response(dataset_json(table, dims, metadata=True))

    def _selection(
        self, table: Table, method: str, query: list[tuple[str, str]], body: bytes
    ) -> tuple[dict[str, list[str]], list[tuple[str, str]]]:
        """Variable → items asked for, and any code lists (as (variable, id) query pairs)."""
        selection: dict[str, list[str]] = {}
        codelists: list[tuple[str, str]] = []
        if method == "POST":
            doc = orjson.loads(body or b"{}")
            for entry in doc.get("selection") or []:
                selection[str(entry["variableCode"])] = [str(v) for v in entry["valueCodes"]]
                if entry.get("codelist"):
                    codelists.append((f"codelist[{entry['variableCode']}]", entry["codelist"]))
        for key, value in query:
            match = re.fullmatch(r"valuecodes\[(.+)\]", key, re.IGNORECASE)
            if match:
                selection[match.group(1)] = split_get_value(value)
            elif re.fullmatch(r"codelist\[(.+)\]", key, re.IGNORECASE):
                codelists.append((key, value))
        return selection, codelists

    def _data(
        self, table: Table, method: str, query: list[tuple[str, str]], body: bytes
    ) -> Response:
        params = {k.casefold(): v for k, v in query}
        fmt = params.get("outputformat") or params.get("format") or "json-stat2"
        if fmt.casefold() != "json-stat2":
            return error_response("Unsupported output format")
        try:
            asked, codelist_pairs = self._selection(table, method, query, body)
        except (ValueError, KeyError, TypeError):
            return error_response("Invalid selection")
        try:
            codelists = self._codelists(table, codelist_pairs)
        except KeyError:
            return error_response("Non-existent codelist")
        if not asked:  # SSB's default selection: the latest period of everything
            asked = {
                d.id: ["top(1)"] if d.role == "time" else ["*"]
                for d in table.dims
                if not d.eliminable
            }
        chosen: dict[str, list[str]] = {}
        for name, items in asked.items():
            dim = table.dim(name)
            if dim is None:
                return error_response("Non-existent variable")
            if len(items) != len(set(items)):
                return Response(500, b"", "text/plain")  # what SSB does with a repeated code
            cl = codelists.get(dim.id)
            try:
                chosen[dim.id] = select(items, cl.codes if cl else dim.codes)
            except UnknownValue:
                return self.data.real_error("ugyldig kommune-kode")
            except IllegalExpression:
                return error_response("Illegal selection expression")
            if not chosen[dim.id]:
                return self.data.real_error("ugyldig kommune-kode")
        if any(not d.eliminable and d.id not in chosen for d in table.dims):
            return self.data.real_error("manglende mandatory")
        cells = math.prod(len(codes) for codes in chosen.values())
        if cells > self.max_cells:
            response = error_response("Too many cells selected", detail="Too many cells selected")
            response.cells = cells
            return response
        values, dims = extract(table, chosen, codelists)
        doc = dataset_json(table, dims, metadata=False)
        missing = np.isnan(values.ravel())
        if table.missing_symbol and missing.any():
            doc["status"] = {str(i): table.missing_symbol for i in np.flatnonzero(missing)}
        head = orjson.dumps(doc)
        payload = head[:-1] + b',"value":[' + values_text(values) + b"]}"
        return Response(200, payload, cells=cells)

    # -- KLASS
