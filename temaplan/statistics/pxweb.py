"""A client for SSB's PxWebApi v2: table search, metadata and data as JSON-stat 2.0.

    client = PxWebClient()                      # base URL from TEMAPLAN_SSB_API
    client.search_tables("sysselsatte bosted")  # [TableInfo(id="11618", ...)]
    meta = client.metadata("11618")             # variables, codes, which ones may be left out
    parts = client.datasets("11618", {"Region": ["0220", "0627"], "ContentsCode": "*",
                                      "Tid": "range(2017,2019)"})
    merged = client.dataset("03321", {...})     # one Dataset, however many requests it took

The parts it is built from, bottom up:

- `pxweb_selection`: value codes and expressions (`"03*"`, `"top(3)"`, `"range(2017,2020)"`),
  resolved against a variable's codes, and the GET query string.
- `pxweb_meta`: table metadata (`TableMeta`, `Variable`, `Codelist`) read from SSB's body.
- `pxweb_plan`: counting cells and splitting a selection so that each request stays within
  SSB's 800,000 cells (`SSB_MAX_CELLS_PER_REQUEST`).
- `pxweb_responses`: the answers: `DataResponse`, `merge_datasets`, and SSB's refusals read
  into Norwegian messages naming the table and the values.

Variables left out of a selection are eliminated (summed) by SSB if the table allows it.
`codelists={"Region": "agg_KommSummer"}` selects one of the table's code lists. A request whose
URL would be too long for SSB (about 2,100 characters) is sent as POST with the selection in
the body.

Everything goes through `HttpFetcher` (temaplan.statistics.http): at most 30 requests in any
60 s, retries with backoff on timeouts, 429, 5xx and broken bodies, and a disk cache of the raw
bodies. Each dataset keeps SSB's `updated` time: the data vintage.

Plain Python (httpx, orjson); Django settings are read only if configured.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, Final
from urllib.parse import quote

import httpx
import orjson

from temaplan.statistics.http import (
    DEFAULT_CACHE,
    ClientError,
    HttpFetcher,
    SsbError,
    SsbRequestError,
    resolve_cache_dir,
    setting,
)
from temaplan.statistics.jsonstat_model import Dataset
from temaplan.statistics.pxweb_meta import TableInfo, TableMeta, parse_metadata
from temaplan.statistics.pxweb_plan import SSB_MAX_CELLS_PER_REQUEST, RequestPart, plan_requests
from temaplan.statistics.pxweb_responses import (
    REQUEST_REFUSED,
    SEARCH_REFUSED,
    DataResponse,
    decode_checked,
    error_title,
    json_object,
    merge_datasets,
    refusal,
)
from temaplan.statistics.pxweb_selection import (
    encode_selection,
    is_expression,
    normalise_selection,
    query_string,
)

__all__ = ["SSB_API", "PxWebClient", "table_key"]

SSB_API: Final = "https://data.ssb.no/api/pxwebapi/v2"
#: SSB answers 404 to GET URLs longer than about 2,100 characters; longer selections go by POST.
MAX_URL_LENGTH: Final = 2000


class PxWebClient:
    """PxWebApi v2 at `base_url` (default `TEMAPLAN_SSB_API`, else SSB's own address).

    `cache_dir`: where raw responses are kept (default the configured `ssb-cache` folder; None
    keeps nothing). Data answers are reused until `cache_max_age` seconds old (None: until
    `refresh=True`); metadata, which says which periods `top(3)` means when a selection is
    split, for at most `metadata_max_age` seconds (a day). `clock`/`sleep` drive the rate limit
    and backoff (tests pass a fake clock); `transport` replaces httpx's network transport.
    """

    def __init__(
        self,
        base_url: str | None = None,
        *,
        cache_dir: Path | str | None = DEFAULT_CACHE,
        timeout: float = 30.0,
        max_cells: int = SSB_MAX_CELLS_PER_REQUEST,
        max_requests: int = 30,
        window_seconds: float = 60.0,
        retries: int = 4,
        backoff: float = 1.0,
        max_backoff: float = 60.0,
        cache_max_age: float | None = None,
        metadata_max_age: float | None = 86_400.0,
        lang: str = "no",
        clock: Callable[[], float] = time.time,
        sleep: Callable[[float], None] = time.sleep,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.base_url = (base_url or setting("TEMAPLAN_SSB_API") or SSB_API).rstrip("/")
        self.max_cells = int(max_cells)
        self.metadata_max_age = metadata_max_age
        self.lang = lang
        self.fetcher = HttpFetcher(
            self.base_url,
            cache_dir=resolve_cache_dir(cache_dir, "pxweb"),
            timeout=timeout,
            retries=retries,
            backoff=backoff,
            max_backoff=max_backoff,
            max_requests=max_requests,
            window_seconds=window_seconds,
            cache_max_age=cache_max_age,
            clock=clock,
            sleep=sleep,
            transport=transport,
        )
        self._metadata: dict[tuple[str, tuple[tuple[str, str], ...], str], TableMeta] = {}

    def close(self) -> None:
        self.fetcher.close()

    def __enter__(self) -> PxWebClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- search and metadata

    def search_tables(
        self, query: str, *, lang: str | None = None, page_size: int = 100, refresh: bool = False
    ) -> list[TableInfo]:
        """Tables whose title, variables or values match `query` (SSB's search syntax)."""
        lang = lang or self.lang
        found: list[TableInfo] = []
        page = 1
        while True:
            params = [
                ("query", query),
                ("lang", lang),
                ("pageSize", str(page_size)),
                ("pageNumber", str(page)),
            ]
            try:
                fetched = self.fetcher.fetch(
                    "tables",
                    query_string(params),
                    validate=json_object,
                    what=f"søket etter «{query}»",
                    refresh=refresh,
                )
            except ClientError as exc:
                title, status = error_title(exc)
                raise SsbRequestError(
                    SEARCH_REFUSED.format(query=query, status=status, title=title or "?"),
                    status=exc.status,
                    title=title,
                    url=exc.url,
                ) from None
            body = fetched.value
            for item in body.get("tables") or []:
                found.append(
                    TableInfo(
                        id=str(item.get("id")),
                        label=str(item.get("label") or ""),
                        first_period=item.get("firstPeriod"),
                        last_period=item.get("lastPeriod"),
                        updated=item.get("updated"),
                        time_unit=item.get("timeUnit"),
                        variable_names=tuple(item.get("variableNames") or ()),
                        discontinued=bool(item.get("discontinued")),
                    )
                )
            pages = (body.get("page") or {}).get("totalPages") or 1
            if page >= pages:
                return found
            page += 1

    def metadata(
        self,
        table_id: str | int,
        *,
        codelists: Mapping[str, str] | None = None,
        lang: str | None = None,
        refresh: bool = False,
    ) -> TableMeta:
        """The table's variables, codes and labels (with `codelists` applied)."""
        table = table_key(table_id)
        lang = lang or self.lang
        key = (table, tuple(sorted((codelists or {}).items())), lang)
        if not refresh and key in self._metadata:
            return self._metadata[key]
        params = [("lang", lang), ("outputFormat", "json-stat2")]
        params += [(f"codelist[{v}]", c) for v, c in (codelists or {}).items()]
        try:
            fetched = self.fetcher.fetch(
                f"tables/{quote(table, safe='')}/metadata",
                query_string(params),
                validate=lambda data: parse_metadata(table, data),
                what=f"metadata for tabell {table}",
                refresh=refresh,
                max_age=self.metadata_max_age,
            )
        except ClientError as exc:
            title, status = error_title(exc)
            if "codelist" in title.casefold() or "non-existent table" in title.casefold():
                raise self._refused(table, exc, codelists=codelists) from None
            raise SsbRequestError(
                REQUEST_REFUSED.format(table=table, status=status, title=title or "?"),
                status=exc.status,
                title=title,
                url=exc.url,
            ) from None
        self._metadata[key] = fetched.value
        return fetched.value

    # -- data

    def fetch(
        self,
        table_id: str | int,
        selection: Mapping[str, Sequence[str] | str],
        *,
        codelists: Mapping[str, str] | None = None,
        lang: str | None = None,
        refresh: bool = False,
    ) -> list[DataResponse]:
        """Send the selection (split as needed) and return every answer."""
        table = table_key(table_id)
        lang = lang or self.lang
        sel = normalise_selection(selection, table=table)
        codelists = dict(codelists or {})
        meta = None
        if any(is_expression(i) for items in sel.values() for i in items):
            meta = self.metadata(table, codelists=codelists, lang=lang, refresh=refresh)
        parts = plan_requests(table, sel, meta, max_cells=self.max_cells)
        return [self._fetch_part(table, part, codelists, lang, refresh) for part in parts]

    def data(
        self,
        table_id: str | int,
        selection: Mapping[str, Sequence[str] | str],
        *,
        codelists: Mapping[str, str] | None = None,
        lang: str | None = None,
        refresh: bool = False,
    ) -> list[bytes]:
        """The raw JSON-stat 2.0 bodies, one per request the selection was split into."""
        parts = self.fetch(table_id, selection, codelists=codelists, lang=lang, refresh=refresh)
        return [p.body for p in parts]

    def datasets(
        self,
        table_id: str | int,
        selection: Mapping[str, Sequence[str] | str],
        *,
        codelists: Mapping[str, str] | None = None,
        lang: str | None = None,
        refresh: bool = False,
    ) -> list[Dataset]:
        """The decoded datasets, one per request (each with SSB's `updated` vintage)."""
        parts = self.fetch(table_id, selection, codelists=codelists, lang=lang, refresh=refresh)
        return [p.dataset for p in parts]

    def dataset(
        self,
        table_id: str | int,
        selection: Mapping[str, Sequence[str] | str],
        *,
        codelists: Mapping[str, str] | None = None,
        lang: str | None = None,
        refresh: bool = False,
    ) -> Dataset:
        """The whole selection as one dataset, the parts merged (`updated` = the latest)."""
        return merge_datasets(
            self.datasets(table_id, selection, codelists=codelists, lang=lang, refresh=refresh)
        )

    def _fetch_part(
        self,
        table: str,
        part: RequestPart,
        codelists: Mapping[str, str],
        lang: str,
        refresh: bool,
    ) -> DataResponse:
        path = f"tables/{quote(table, safe='')}/data"
        query = encode_selection(part.selection, codelists, lang=lang)
        method, body = "GET", None
        if len(self.fetcher.url(path, query)) > MAX_URL_LENGTH:
            method = "POST"
            query = query_string([("lang", lang), ("outputFormat", "json-stat2")])
            body = orjson.dumps({"selection": _post_selection(part.selection, codelists)})
        try:
            fetched = self.fetcher.fetch(
                path,
                query,
                validate=decode_checked,
                what=f"data fra tabell {table}",
                method=method,
                body=body,
                refresh=refresh,
            )
        except ClientError as exc:
            raise self._refused(table, exc, selection=part.selection, codelists=codelists) from None
        return DataResponse(
            url=fetched.url,
            body=fetched.body,
            dataset=fetched.value,
            from_cache=fetched.from_cache,
            cells=part.cells,
            method=method,
            selection=part.selection,
        )

    # -- errors
    def _refused(
        self,
        table: str,
        exc: ClientError,
        *,
        selection: Mapping[str, Sequence[str]] | None = None,
        codelists: Mapping[str, str] | None = None,
    ) -> SsbRequestError:
        """A clear Norwegian error for SSB's 4xx answer (see `pxweb_responses.refusal`)."""
        return refusal(
            table,
            exc,
            max_cells=self.max_cells,
            metadata=lambda: self._metadata_quietly(table, codelists),
            selection=selection,
            codelists=codelists,
        )

    def _metadata_quietly(
        self, table: str, codelists: Mapping[str, str] | None
    ) -> TableMeta | None:
        try:
            return self.metadata(table, codelists=codelists)
        except SsbError:
            return None


def table_key(table_id: str | int) -> str:
    """SSB's table id as a string: 3321 → "03321"."""
    if isinstance(table_id, int):
        return f"{table_id:05d}"
    return str(table_id).strip()


def _post_selection(
    selection: Mapping[str, Sequence[str]], codelists: Mapping[str, str]
) -> list[dict[str, Any]]:
    out = []
    for name, items in selection.items():
        entry: dict[str, Any] = {"variableCode": name, "valueCodes": list(items)}
        for var, codelist in codelists.items():
            if var.casefold() == name.casefold():
                entry["codelist"] = codelist
        out.append(entry)
    return out
