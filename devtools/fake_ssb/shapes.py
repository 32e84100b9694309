"""Serving a table under other names: dimension ids, content codes and labels of a test's choosing.

SSB's real tables do not use the names the fake was first built with: KOSTRA tables call the
region `KOKkommuneregion0000`, and a table's content codes are SSB's own. A `TableShape` lets a
test serve the same numbers under other names, so that a client which trusts a name instead
of reading the metadata (roles `geo`, `time`, `metric`, and the content labels) is caught.

    fake.reshape("11618", dimension_ids={"Region": "KOKkommuneregion0000", "Tid": "Aar"},
                 contents=[("SysselArb", "Sysselsatte personer med arbeidssted i regionen"), ...])

`dimension_ids` maps the fake's own id to the one served; `contents` replaces the content
variable's codes and labels in the table's own order (see the package docstring for each
table's order). The values, roles, code lists and everything else stay as they are.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from devtools.fake_ssb.tables import Dim, Table

__all__ = ["TableShape", "reshaped"]

WRONG_CONTENT_COUNT = "Tabell {table} har {have} statistikkvariabler; formen gir {given}."
UNKNOWN_DIMENSION = "Tabell {table} har ingen dimensjon {name}; den har {known}."


@dataclass(frozen=True)
class TableShape:
    dimension_ids: dict[str, str] = field(default_factory=dict)
    contents: tuple[tuple[str, str], ...] | None = None  # (code, label), in the table's order


def reshaped(table: Table, shape: TableShape) -> Table:
    """The same table under the shape's names (a new Table; the original is untouched)."""
    known = {d.id for d in table.dims}
    for name in shape.dimension_ids:
        if name not in known:
            raise ValueError(
                UNKNOWN_DIMENSION.format(table=table.id, name=name, known=", ".join(sorted(known)))
            )
    return replace(table, dims=[_reshaped_dim(table.id, d, shape) for d in table.dims])


def _reshaped_dim(table_id: str, dim: Dim, shape: TableShape) -> Dim:
    new = replace(dim, id=shape.dimension_ids.get(dim.id, dim.id))
    if dim.role != "metric" or shape.contents is None:
        return new
    if len(shape.contents) != len(dim.codes):
        raise ValueError(
            WRONG_CONTENT_COUNT.format(
                table=table_id, have=len(dim.codes), given=len(shape.contents)
            )
        )
    codes = [code for code, _label in shape.contents]
    units = dim.units or {}
    return replace(
        new,
        codes=codes,
        labels=[label for _code, label in shape.contents],
        units={
            new_code: units[old]
            for new_code, old in zip(codes, dim.codes, strict=True)
            if old in units
        },
    )
