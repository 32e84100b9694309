"""PxWebApi v2 table metadata: search hits, variables, codes and code lists.

`parse_metadata` reads a `/tables/{id}/metadata` body (JSON-stat 2.0 with SSB's extensions)
into a `TableMeta`. Plain Python (orjson), no Django.
"""

from __future__ import annotations

from dataclasses import dataclass

import orjson

__all__ = ["Codelist", "TableInfo", "TableMeta", "Variable", "find_variable", "parse_metadata"]

BAD_METADATA = "metadata fra SSB kunne ikke leses: {reason}"


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


def find_variable(meta: TableMeta | None, name: str) -> Variable | None:
    if meta is None:
        return None
    try:
        return meta.variable(name)
    except KeyError:
        return None
