"""A client for SSB's PxWebApi v2: table search, metadata and data as JSON-stat 2.0.

    client = PxWebClient()                      # base URL from TEMAPLAN_SSB_API
    client.search_tables("sysselsatte bosted")  # [TableInfo(id="11618", ...)]
    meta = client.metadata("11618")             # variables, codes, which ones may be left out
    parts = client.datasets("11618", {"Region": ["0220", "0627"], "ContentsCode": "*",
                                      "Tid": "range(2017,2019)"})
    merged = client.dataset("03321", {...})     # one Dataset, however many requests it took

Selections map a variable to a list of value codes or expressions, exactly as PxWebApi takes
them: `["0301", "4601"]`, `"*"`, `"03*"`, `"top(3)"`, `"bottom(2)"`, `"from(2019)"`, `"to(2020)"`,
`"range(2017,2020)"`. Variables left out are eliminated (summed) by SSB if the table allows it.
`codelists={"Region": "agg_KommSummer"}` selects one of the table's code lists.

Before sending, the client counts the cells a selection asks for (expressions are resolved
against the table's metadata) and, if there are more than SSB's limit (800,000), splits the
selection along the largest dimension, the region dimension if that alone is enough, so every
request stays within the limit. Split parts carry explicit codes, so all parts cover the same
values even if SSB publishes in between. A request whose URL would be too long for SSB (about
2,100 characters) is sent as POST with the selection in the body.

Everything goes through `HttpFetcher` (temaplan.statistics.http): at most 30 requests in any
60 s, retries with backoff on timeouts, 429, 5xx and broken bodies, and a disk cache of the raw
bodies. SSB's 400/404 answers become `SsbRequestError` with a Norwegian message naming the table
and the values. Each dataset keeps SSB's `updated` time: the data vintage.

Plain Python (httpx, numpy, orjson); Django settings are read only if configured.
"""

from __future__ import annotations

import math
import re
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final
from urllib.parse import quote

import httpx
import numpy as np
import orjson

from temaplan.statistics.http import (
    DEFAULT_CACHE,
    ClientError,
    HttpFetcher,
    SsbError,
    SsbRequestError,
    SsbUnavailable,
    resolve_cache_dir,
    setting,
)
from temaplan.statistics.jsonstat import Dataset, Dimension, JsonStatError, decode

__all__ = [
    "MAX_CELLS",
    "Codelist",
    "DataResponse",
    "NonExistentValue",
    "PxWebClient",
    "RequestPart",
    "SsbError",
    "SsbRequestError",
    "SsbUnavailable",
    "TableInfo",
    "TableMeta",
    "Variable",
    "encode_selection",
    "is_expression",
    "merge_datasets",
    "normalise_selection",
    "plan_requests",
    "resolve_value_codes",
]

SSB_API: Final = "https://data.ssb.no/api/pxwebapi/v2"
MAX_CELLS: Final = 800_000
#: SSB answers 404 to GET URLs longer than about 2,100 characters; longer selections go by POST.
MAX_URL_LENGTH: Final = 2000

# Messages (the tests reuse them).
NON_EXISTENT_TABLE = "Tabell {table} finnes ikke hos SSB."
NON_EXISTENT_VALUE = "SSB kjenner ikke {which} i tabell {table} ({selection})."
NON_EXISTENT_VARIABLE = "Tabell {table} har ingen variabel {variables} ({selection})."
NON_EXISTENT_CODELIST = "Tabell {table} har ikke kodelisten {codelists}."
MISSING_MANDATORY = "Tabell {table} krever at du velger verdier for {variables}."
TOO_MANY_CELLS = (
    "SSB avviste uttrekket fra tabell {table} fordi det har for mange celler "
    "(grensen er {limit} celler per forespørsel)."
)
ILLEGAL_EXPRESSION = "SSB forstår ikke utvalget i tabell {table} ({selection})."
REQUEST_REFUSED = "SSB avviste forespørselen om tabell {table} (HTTP {status}: {title})."
SEARCH_REFUSED = "SSB avviste søket «{query}» (HTTP {status}: {title})."
EMPTY_SELECTION = "Utvalget for {variable} i tabell {table} er tomt."
BAD_EXPRESSION = "«{expression}» er ikke et gyldig utvalg for {variable} i tabell {table}."
CANNOT_SPLIT = (
    "Utvalget fra tabell {table} kan ikke deles slik at hver forespørsel har høyst {limit} celler."
)
NOTHING_TO_MERGE = "Det er ingen datasett å slå sammen."
CANNOT_MERGE = "Delene kan ikke slås sammen: {reason}."
BAD_METADATA = "metadata fra SSB kunne ikke leses: {reason}"


# --- Value selection ---------------------------------------------------------------------------

_FUNCTION = re.compile(r"^\s*(top|bottom|from|to|range)\s*\((.*)\)\s*$", re.IGNORECASE)


class NonExistentValue(ValueError):
    """A value code (or an expression's bound) that is not among the variable's codes."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


class BadExpression(ValueError):
    """A selection expression that cannot be read (`top(x)`, `range(2017)`)."""


def is_expression(item: str) -> bool:
    """Whether a selection item is an expression or wildcard rather than one value code."""
    return "*" in item or "?" in item or _FUNCTION.match(item) is not None


def _wildcard(pattern: str) -> re.Pattern[str]:
    parts = (".*" if ch == "*" else "." if ch == "?" else re.escape(ch) for ch in pattern)
    return re.compile("".join(parts), re.IGNORECASE | re.DOTALL)


def _position(code: str, codes: Sequence[str], lookup: Mapping[str, int]) -> int:
    code = code.strip()
    if code in lookup:
        return lookup[code]
    folded = code.casefold()
    for i, candidate in enumerate(codes):
        if candidate.casefold() == folded:
            return i
    raise NonExistentValue(code)


def resolve_value_codes(
    items: Iterable[str], codes: Sequence[str], *, strict: bool = True
) -> list[str]:
    """The codes `items` select among `codes` (in the order of `codes`, as SSB answers).

    Items are value codes (matched exactly, else ignoring case, as SSB does) or expressions:
    `*`, wildcards with `*` and `?`, `top(n[,offset])`, `bottom(n[,offset])`, `from(c)`,
    `to(c)` and `range(c1,c2)`, where `top` means the last codes in metadata order.
    Unknown codes raise `NonExistentValue`, or with `strict=False` are kept (after the known
    ones) so that a cell count still sees them; an expression's unknown bound always raises.
    """
    lookup = {code: i for i, code in enumerate(codes)}
    chosen: set[int] = set()
    unknown: list[str] = []
    n = len(codes)
    for raw in items:
        item = raw.strip()
        if item.startswith("[") and item.endswith("]"):
            item = item[1:-1].strip()
        match = _FUNCTION.match(item)
        if match:
            name = match.group(1).lower()
            args = [a.strip() for a in match.group(2).split(",")]
            if name in ("top", "bottom"):
                try:
                    count = int(args[0])
                    offset = int(args[1]) if len(args) > 1 else 0
                except (ValueError, IndexError):
                    raise BadExpression(raw) from None
                if len(args) > 2 or count < 0 or offset < 0:
                    raise BadExpression(raw)
                if name == "top":
                    picked = range(max(n - offset - count, 0), max(n - offset, 0))
                else:
                    picked = range(min(offset, n), min(offset + count, n))
            elif name == "range":
                if len(args) != 2:
                    raise BadExpression(raw)
                first, last = (_position(a, codes, lookup) for a in args)
                picked = range(min(first, last), max(first, last) + 1)
            else:
                if len(args) != 1 or not args[0]:
                    raise BadExpression(raw)
                at = _position(args[0], codes, lookup)
                picked = range(at, n) if name == "from" else range(0, at + 1)
            chosen.update(picked)
        elif "*" in item or "?" in item:
            pattern = _wildcard(item)
            chosen.update(i for i, code in enumerate(codes) if pattern.fullmatch(code))
        else:
            try:
                chosen.add(_position(item, codes, lookup))
            except NonExistentValue:
                if strict:
                    raise
                if item not in unknown:
                    unknown.append(item)
    return [codes[i] for i in sorted(chosen)] + unknown


def normalise_selection(
    selection: Mapping[str, Sequence[str] | str], *, table: str = "?"
) -> dict[str, tuple[str, ...]]:
    """Variable → tuple of items; a string is one item; duplicates dropped (SSB answers 500)."""
    out: dict[str, tuple[str, ...]] = {}
    for variable, items in selection.items():
        values = [items] if isinstance(items, str) else list(items)
        cleaned = tuple(dict.fromkeys(str(v).strip() for v in values if str(v).strip()))
        if not cleaned:
            raise SsbRequestError(EMPTY_SELECTION.format(variable=variable, table=table))
        out[str(variable)] = cleaned
    return out


def encode_selection(
    selection: Mapping[str, Sequence[str]],
    codelists: Mapping[str, str] | None = None,
    *,
    lang: str = "no",
) -> str:
    """The query string of a GET data request, as SSB documents it.

    `lang=no&outputFormat=json-stat2&valueCodes[Region]=0301,4601&valueCodes[Tid]=top(3)`;
    an item with a comma (`range(2017,2020)`) goes in brackets, as GET requires.
    """
    params = [("lang", lang), ("outputFormat", "json-stat2")]
    for variable, items in selection.items():
        joined = ",".join(f"[{i}]" if "," in i and not i.startswith("[") else i for i in items)
        params.append((f"valueCodes[{variable}]", joined))
    for variable, codelist in (codelists or {}).items():
        params.append((f"codelist[{variable}]", codelist))
    return _query(params)


_SAFE_VALUE = ",*?()[]-._~:!'"


def _query(params: Iterable[tuple[str, str]]) -> str:
    return "&".join(f"{quote(k, safe='[]')}={quote(v, safe=_SAFE_VALUE)}" for k, v in params)


# --- Metadata ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class TableInfo:
    """One hit from `/tables?query=`."""

    id: str
    label: str
    first_period: str | None
    last_period: str | None
    updated: str | None
    time_unit: str | None = None
    variable_names: tuple[str, ...] = ()
    discontinued: bool = False


@dataclass(frozen=True)
class Codelist:
    id: str
    label: str
    type: str | None = None  # "Aggregation" or "Valueset"


@dataclass(frozen=True)
class Variable:
    """One variable of a table: its codes and labels in SSB's order, and how it may be used."""

    id: str
    label: str
    codes: tuple[str, ...]
    labels: tuple[str, ...]
    eliminable: bool
    role: str | None = None  # "time", "geo", "metric" or None
    codelists: tuple[Codelist, ...] = ()

    @property
    def size(self) -> int:
        return len(self.codes)


@dataclass(frozen=True)
class TableMeta:
    """A table's metadata (`/tables/{id}/metadata`)."""

    id: str
    label: str
    updated: str | None
    variables: tuple[Variable, ...]
    notes: tuple[str, ...] = ()
    source: str | None = None

    def variable(self, name: str) -> Variable:
        """The variable called `name` (ignoring case, as SSB does); KeyError if none."""
        for var in self.variables:
            if var.id == name:
                return var
        folded = name.casefold()
        for var in self.variables:
            if var.id.casefold() == folded:
                return var
        raise KeyError(name)

    def has(self, name: str) -> bool:
        try:
            self.variable(name)
        except KeyError:
            return False
        return True

    def _role(self, role: str) -> str | None:
        return next((v.id for v in self.variables if v.role == role), None)

    @property
    def time_variable(self) -> str | None:
        return self._role("time")

    @property
    def content_variable(self) -> str | None:
        return self._role("metric") or ("ContentsCode" if self.has("ContentsCode") else None)

    @property
    def geo_variables(self) -> tuple[str, ...]:
        return tuple(v.id for v in self.variables if v.role == "geo")

    @property
    def mandatory(self) -> tuple[str, ...]:
        """The variables a data request must select values for."""
        return tuple(v.id for v in self.variables if not v.eliminable)


def parse_metadata(table: str, data: bytes) -> TableMeta:
    """Read a v2 metadata body (JSON-stat 2.0 with SSB's extensions); ValueError if unusable."""
    try:
        doc = orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        raise ValueError(f"ikke gyldig JSON ({exc})") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("dimension"), dict):
        raise ValueError("mangler «dimension»")
    ids = doc.get("id") or list(doc["dimension"])
    roles: dict[str, str] = {}
    for role, names in (doc.get("role") or {}).items():
        for name in names or []:
            roles.setdefault(name, role)
    variables = []
    for var_id in ids:
        dim = doc["dimension"].get(var_id)
        if not isinstance(dim, dict) or not isinstance(dim.get("category"), dict):
            raise ValueError(f"variabelen {var_id} mangler kategorier")
        category = dim["category"]
        index = category.get("index")
        if isinstance(index, dict):
            codes = [code for code, _ in sorted(index.items(), key=lambda kv: kv[1])]
        elif isinstance(index, list):
            codes = [str(c) for c in index]
        else:
            codes = list((category.get("label") or {}).keys())
        labels_by_code = category.get("label") or {}
        ext = dim.get("extension") or {}
        codelists = tuple(
            Codelist(str(c.get("id")), str(c.get("label") or c.get("id")), c.get("type"))
            for c in ext.get("codelists") or []
            if isinstance(c, dict) and c.get("id")
        )
        variables.append(
            Variable(
                id=str(var_id),
                label=str(dim.get("label") or var_id),
                codes=tuple(codes),
                labels=tuple(str(labels_by_code.get(c, c)) for c in codes),
                eliminable=bool(ext.get("elimination", False)),
                role=roles.get(var_id),
                codelists=codelists,
            )
        )
    note = doc.get("note") or []
    return TableMeta(
        id=table,
        label=str(doc.get("label") or table),
        updated=doc.get("updated"),
        variables=tuple(variables),
        notes=tuple(str(n) for n in (note if isinstance(note, list) else [note])),
        source=doc.get("source"),
    )


# --- Planning the requests ---------------------------------------------------------------------


@dataclass(frozen=True)
class RequestPart:
    """One data request: the items to send per variable and the cells it will return."""

    selection: dict[str, tuple[str, ...]]
    cells: int


def plan_requests(
    table: str,
    selection: Mapping[str, tuple[str, ...]],
    meta: TableMeta | None,
    *,
    max_cells: int = MAX_CELLS,
) -> list[RequestPart]:
    """Split `selection` into requests of at most `max_cells` cells each.

    Counting needs `meta` when the selection has expressions; unknown variables and values are
    counted as given (SSB will refuse them with a clear answer). The split dimension is the
    region (geo) dimension when splitting it alone is enough, else the largest; when even one
    code of that dimension per part is too much, the next dimension is split as well.
    """
    resolved: dict[str, list[str]] = {}
    roles: dict[str, str | None] = {}
    for name, items in selection.items():
        var = _variable(meta, name)
        roles[name] = var.role if var else None
        if var is None:
            if meta is None and any(is_expression(i) for i in items):
                raise ValueError("Å telle cellene i et uttrykk krever tabellens metadata.")
            resolved[name] = list(items)  # counted as given; SSB refuses an unknown variable
            continue
        try:
            resolved[name] = resolve_value_codes(items, var.codes, strict=False)
        except NonExistentValue as exc:
            raise SsbRequestError(
                NON_EXISTENT_VALUE.format(
                    which=f"verdien {exc.code}",
                    table=table,
                    selection=f"{name}={','.join(items)}",
                )
            ) from None
        except BadExpression as exc:
            raise SsbRequestError(
                BAD_EXPRESSION.format(expression=exc, variable=name, table=table)
            ) from None
    cells = math.prod(len(codes) for codes in resolved.values())
    if cells <= max_cells:
        return [RequestPart(dict(selection), cells)]
    # Split parts carry explicit codes (a lone "*" stays: it means the same in every part).
    base = {
        name: items
        if items == ("*",) or not any(is_expression(i) for i in items)
        else tuple(resolved[name])
        for name, items in selection.items()
    }
    return _split(table, base, resolved, roles, max_cells)


def _variable(meta: TableMeta | None, name: str) -> Variable | None:
    if meta is None:
        return None
    try:
        return meta.variable(name)
    except KeyError:
        return None


def _split(
    table: str,
    sent: dict[str, tuple[str, ...]],
    resolved: dict[str, list[str]],
    roles: Mapping[str, str | None],
    max_cells: int,
) -> list[RequestPart]:
    cells = math.prod(len(codes) for codes in resolved.values())
    if cells <= max_cells:
        return [RequestPart(dict(sent), cells)]
    candidates = [name for name, codes in resolved.items() if len(codes) > 1]
    if not candidates:
        raise SsbRequestError(CANNOT_SPLIT.format(table=table, limit=max_cells))

    def rest(name: str) -> int:
        return cells // len(resolved[name])

    geo = [n for n in candidates if roles.get(n) == "geo" and rest(n) <= max_cells]
    name = max(geo or candidates, key=lambda n: (len(resolved[n]), n))
    codes = resolved[name]
    per_part = max(max_cells // rest(name), 1)
    n_parts = math.ceil(len(codes) / per_part)
    size = math.ceil(len(codes) / n_parts)  # balanced parts
    parts: list[RequestPart] = []
    for start in range(0, len(codes), size):
        chunk = codes[start : start + size]
        parts += _split(
            table,
            {**sent, name: tuple(chunk)},
            {**resolved, name: chunk},
            roles,
            max_cells,
        )
    return parts


# --- Merging the parts -------------------------------------------------------------------------


def merge_datasets(datasets: Sequence[Dataset]) -> Dataset:
    """One dataset from the parts of a split request (the same dimensions, codes spread out).

    Codes keep the order in which the parts bring them; cells no part covers are NaN. The
    merged `updated` is the latest of the parts'.
    """
    if not datasets:
        raise ValueError(NOTHING_TO_MERGE)
    if len(datasets) == 1:
        return datasets[0]
    first = datasets[0]
    ids = first.ids
    for ds in datasets[1:]:
        if ds.ids != ids:
            raise ValueError(CANNOT_MERGE.format(reason=f"dimensjonene {ds.ids} ≠ {ids}"))
    codes: list[dict[str, int]] = [{} for _ in ids]
    labels: list[dict[str, str]] = [{} for _ in ids]
    units: list[dict[str, dict[str, Any]]] = [{} for _ in ids]
    for ds in datasets:
        for axis, dim in enumerate(ds.dimensions):
            for code, label in zip(dim.codes, dim.labels, strict=True):
                if code not in codes[axis]:
                    codes[axis][code] = len(codes[axis])
                    labels[axis][code] = label
            units[axis].update(dim.units or {})
    shape = tuple(len(c) for c in codes)
    # The widest dtype of the parts (float32 only when every part was exact in float32).
    values = np.full(shape, np.nan, dtype=np.result_type(*(ds.values.dtype for ds in datasets)))
    status: dict[int, str] = {}
    for ds in datasets:
        index = [
            np.array([codes[axis][c] for c in dim.codes], dtype=np.intp)
            for axis, dim in enumerate(ds.dimensions)
        ]
        values[np.ix_(*index)] = ds.values
        if ds.status:
            flat = np.fromiter(ds.status, dtype=np.intp, count=len(ds.status))
            where = np.unravel_index(flat, ds.shape)
            target = np.ravel_multi_index(
                tuple(idx[pos] for idx, pos in zip(index, where, strict=True)), shape
            )
            status.update(zip(target.tolist(), ds.status.values(), strict=True))
    dimensions = [
        Dimension(
            id=dim.id,
            label=dim.label,
            codes=list(codes[axis]),
            labels=[labels[axis][c] for c in codes[axis]],
            role=dim.role,
            units=units[axis] or None,
        )
        for axis, dim in enumerate(first.dimensions)
    ]
    stamps = [ds.updated for ds in datasets if ds.updated]
    return Dataset(
        label=first.label,
        updated=max(stamps) if stamps else None,
        source=first.source,
        dimensions=dimensions,
        values=values,
        status=status,
        notes=list(first.notes),
    )


# --- The client --------------------------------------------------------------------------------


@dataclass(frozen=True)
class DataResponse:
    """One answered data request: the raw JSON-stat 2.0 body and its decoded dataset."""

    url: str
    body: bytes
    dataset: Dataset
    from_cache: bool
    cells: int
    method: str = "GET"
    selection: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def updated(self) -> str | None:
        """SSB's `updated` time of the table: the vintage of these numbers."""
        return self.dataset.updated


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
        max_cells: int = MAX_CELLS,
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
                    _query(params),
                    validate=_json_object,
                    what=f"søket etter «{query}»",
                    refresh=refresh,
                )
            except ClientError as exc:
                title, status = _error_title(exc)
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
                _query(params),
                validate=lambda data: parse_metadata(table, data),
                what=f"metadata for tabell {table}",
                refresh=refresh,
                max_age=self.metadata_max_age,
            )
        except ClientError as exc:
            title, status = _error_title(exc)
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
            query = _query([("lang", lang), ("outputFormat", "json-stat2")])
            body = orjson.dumps({"selection": _post_selection(part.selection, codelists)})
        try:
            fetched = self.fetcher.fetch(
                path,
                query,
                validate=_decode_checked,
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
        """A clear Norwegian error for SSB's 4xx answer."""
        title, status = _error_title(exc)
        folded = title.casefold()
        selection = selection or {}
        shown = _show_selection(selection)

        def error(message: str) -> SsbRequestError:
            return SsbRequestError(message, status=exc.status, title=title, url=exc.url)

        if "non-existent table" in folded or (exc.status == 404 and not title):
            return error(NON_EXISTENT_TABLE.format(table=table))
        if "codelist" in folded:
            names = _and_list([f"{c} for {v}" for v, c in (codelists or {}).items()])
            return error(NON_EXISTENT_CODELIST.format(table=table, codelists=names or "?"))
        if "too many cells" in folded:
            return error(TOO_MANY_CELLS.format(table=table, limit=f"{self.max_cells:,}"))
        if "expression" in folded:
            return error(ILLEGAL_EXPRESSION.format(table=table, selection=shown))
        # The rest are answers to data requests; metadata says which variable or value is wrong.
        if "non-existent value" in folded:
            which, where = self._unknown_values(table, selection, codelists)
            return error(NON_EXISTENT_VALUE.format(which=which, table=table, selection=where))
        if "mand" in folded and "missing" in folded:
            meta = self._metadata_quietly(table, codelists)
            missing = [v for v in meta.mandatory if not _selected(v, selection)] if meta else []
            names = _and_list(missing) if missing else "alle variabler som ikke kan utelates"
            return error(MISSING_MANDATORY.format(table=table, variables=names))
        if "non-existent variable" in folded:
            meta = self._metadata_quietly(table, codelists)
            unknown = [v for v in selection if meta is None or not meta.has(v)]
            return error(
                NON_EXISTENT_VARIABLE.format(
                    table=table, variables=_and_list(unknown or list(selection)), selection=shown
                )
            )
        return error(REQUEST_REFUSED.format(table=table, status=status, title=title or "?"))

    def _metadata_quietly(
        self, table: str, codelists: Mapping[str, str] | None
    ) -> TableMeta | None:
        try:
            return self.metadata(table, codelists=codelists)
        except SsbError:
            return None

    def _unknown_values(
        self,
        table: str,
        selection: Mapping[str, Sequence[str]],
        codelists: Mapping[str, str] | None,
    ) -> tuple[str, str]:
        """(«verdien 9999», «Region=9999») from metadata; the whole selection if unclear."""
        meta = self._metadata_quietly(table, codelists)
        unknown: dict[str, list[str]] = {}
        if meta is not None:
            for name, items in selection.items():
                var = _variable(meta, name)
                if var is None:
                    continue
                for item in items:
                    if is_expression(item):
                        continue
                    try:
                        resolve_value_codes([item], var.codes)
                    except NonExistentValue:
                        unknown.setdefault(var.id, []).append(item)
        codes = [c for items in unknown.values() for c in items]
        if not codes:
            return "en av verdiene", _show_selection(selection)
        which = f"verdien {codes[0]}" if len(codes) == 1 else f"verdiene {_and_list(codes)}"
        return which, _show_selection(unknown)


def table_key(table_id: str | int) -> str:
    """SSB's table id as a string: 3321 → "03321"."""
    if isinstance(table_id, int):
        return f"{table_id:05d}"
    return str(table_id).strip()


def _selected(variable: str, selection: Mapping[str, Sequence[str]]) -> bool:
    return any(name.casefold() == variable.casefold() for name in selection)


def _show_selection(selection: Mapping[str, Sequence[str]], limit: int = 12) -> str:
    shown = []
    for name, items in selection.items():
        items = list(items)
        text = ",".join(items[:limit]) + (f",… ({len(items)} i alt)" if len(items) > limit else "")
        shown.append(f"{name}={text}")
    return "; ".join(shown)


def _and_list(items: Sequence[str]) -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " og " + items[-1]


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


def _error_title(exc: ClientError) -> tuple[str, int]:
    """SSB's error `title` (its diagnosis) and the status, from a 4xx body."""
    status = exc.status
    try:
        body = orjson.loads(exc.body) if exc.body else None
    except orjson.JSONDecodeError:
        body = None
    if isinstance(body, dict):
        title = str(body.get("title") or body.get("detail") or "").strip()
        if isinstance(body.get("status"), int):
            status = body["status"]
        return title, status
    text = exc.body.decode("utf-8", "replace").strip()[:200] if exc.body else ""
    return text, status


def _json_object(data: bytes) -> dict[str, Any]:
    value = orjson.loads(data)  # JSONDecodeError is a ValueError: the fetcher retries
    if not isinstance(value, dict):
        raise ValueError("svaret er ikke et JSON-objekt")
    return value


def _decode_checked(data: bytes) -> Dataset:
    try:
        return decode(data)
    except JsonStatError as exc:  # already a ValueError; keep the fetcher's contract explicit
        raise ValueError(str(exc)) from None
