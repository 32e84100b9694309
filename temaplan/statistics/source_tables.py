"""Where a source lies in the SSB table it is fetched from, read from the table's metadata.

The names in sources.py are the project's expectations, not SSB's promises: a content code
may differ from the one configured, and KOSTRA tables call the region `KOKkommuneregion0000`
where others say `Region`. So every name is resolved against `/tables/{id}/metadata`:

- content: the configured code when the table has it; otherwise the one code whose label has
  the source's `content_label_words` (SSB labels them «Sysselsatte personer bosatt i regionen»,
  «Sysselsatte personer med arbeidssted i regionen»);
- regions: the configured dimensions when the table has them all; otherwise the table's
  dimensions with SSB's role `geo`, in the table's order (home before work in 03321);
- time: the dimension with the role `time`; content variable: the one with the role `metric`;
- selection (07459 by `Alder`): each dimension named by the table's id (ignoring case), and
  its items must select at least one of the dimension's codes.

When the table does not fit, `SourceNotInTable` says so in Norwegian, naming the table and
listing what it has, so the sync can stop before it fetches or changes anything.
Plain Python, no Django.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .pxweb_meta import TableMeta, Variable, find_variable
from .sources import Source

__all__ = ["ResolvedTable", "SourceNotInTable", "label_has_words", "resolve_in_table"]

NO_CONTENT_VARIABLE = (
    "Tabell {table} ({title}) har ingen statistikkvariabel; {source} kan ikke hentes fra den."
)
NO_MATCHING_CONTENT = (
    "Tabell {table} har ingen statistikkvariabel for {source}. "
    "Statistikkvariablene i tabellen er: {labels}."
)
LABELS_SHOWN = 5  # the message must fit the sync page's line; the detail has them all
MORE_LABELS = " og {count} til"
SEVERAL_MATCHING_CONTENTS = (
    "Tabell {table} har flere statistikkvariabler som kan være {source}: {labels}. "
    "Temaplan velger ikke mellom dem."
)
NO_REGIONS = (
    "Tabell {table} har ikke {wanted} for {source}. Dimensjonene i tabellen er: {dimensions}."
)
NO_TIME = (
    "Tabell {table} har ingen tidsdimensjon for {source}. Dimensjonene i tabellen er: {dimensions}."
)
# The technical account, for the folded «Teknisk detalj» (codes and ids are SSB's names).
CONTENT_DETAIL = (
    "tabell {table}, {variable}: {codes}; ventet koden {configured} eller én med ordene {words}"
)
DIMENSIONS_DETAIL = "tabell {table}: {dimensions}; ventet {wanted}"
NO_SELECTION_DIMENSION = (
    "Tabell {table} har ingen dimensjon «{dimension}» for {source}. "
    "Dimensjonene i tabellen er: {dimensions}."
)
NO_SELECTED_VALUES = (
    "Tabell {table} har ikke verdiene {items} i «{dimension}» for {source}. "
    "Verdiene i dimensjonen er: {values}."
)


class SourceNotInTable(ValueError):
    """The table's metadata does not have what the source needs. The message names the table
    and lists the labels it has; `detail` gives SSB's codes and ids, for the technical note."""

    def __init__(self, message: str, *, detail: str = "") -> None:
        super().__init__(message)
        self.detail = detail


@dataclass(frozen=True)
class ResolvedTable:
    """A source's names in one table, as its metadata gave them."""

    table: str
    content_variable: str
    content: str
    content_label: str
    regions: tuple[str, ...]
    time: str
    # Other dimensions fixed to some of their values, under the table's ids: ((id, items), …)
    selection: tuple[tuple[str, tuple[str, ...]], ...] = ()


def resolve_in_table(source: Source, meta: TableMeta) -> ResolvedTable:
    """The source's content code and region and time dimensions in this table."""
    content_variable = _content_variable(source, meta)
    content, content_label = _content(source, meta, content_variable)
    return ResolvedTable(
        table=meta.id,
        content_variable=content_variable.id,
        content=content,
        content_label=content_label,
        regions=_regions(source, meta),
        time=_time(source, meta),
        selection=_selection(source, meta),
    )


def label_has_words(label: str, words: Sequence[str]) -> bool:
    """Whether a label has every word (ignoring case; `a|b` is either, `-a` is without a)."""
    text = label.casefold()
    for word in words:
        if word.startswith("-"):
            if word[1:].casefold() in text:
                return False
        elif not any(choice.casefold() in text for choice in word.split("|")):
            return False
    return True


def _quoted(texts: Sequence[str]) -> str:
    shown = ", ".join(f"«{text}»" for text in texts[:LABELS_SHOWN])
    if len(texts) > LABELS_SHOWN:
        shown += MORE_LABELS.format(count=len(texts) - LABELS_SHOWN)
    return shown


def _source_name(source: Source) -> str:
    return f"«{source.label or source.name}»"


def _dimensions_text(meta: TableMeta) -> str:
    return _quoted([v.label for v in meta.variables])


def _dimensions_detail(meta: TableMeta, wanted: str) -> str:
    dimensions = ", ".join(f"{v.id} (rolle {v.role or 'ingen'})" for v in meta.variables)
    return DIMENSIONS_DETAIL.format(table=meta.id, dimensions=dimensions, wanted=wanted)


def _content_variable(source: Source, meta: TableMeta) -> Variable:
    name = meta.content_variable
    if name is None:
        raise SourceNotInTable(
            NO_CONTENT_VARIABLE.format(
                table=meta.id, title=meta.label, source=_source_name(source)
            ),
            detail=_dimensions_detail(meta, "rollen metric eller ContentsCode"),
        )
    return meta.variable(name)


def _content(source: Source, meta: TableMeta, variable: Variable) -> tuple[str, str]:
    pairs = list(zip(variable.codes, variable.labels, strict=True))
    detail = CONTENT_DETAIL.format(
        table=meta.id,
        variable=variable.id,
        codes=", ".join(f"{code} = «{label}»" for code, label in pairs),
        configured=source.content or "(ingen)",
        words=" ".join(source.content_label_words) or "(ingen)",
    )
    if source.content:
        for exact in (True, False):  # SSB matches codes ignoring case; prefer the exact one
            for code, label in pairs:
                if code == source.content or (
                    not exact and code.casefold() == source.content.casefold()
                ):
                    return code, label
    words = source.content_label_words
    matches = [(c, label) for c, label in pairs if words and label_has_words(label, words)]
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise SourceNotInTable(
            SEVERAL_MATCHING_CONTENTS.format(
                table=meta.id,
                source=_source_name(source),
                labels=_quoted([label for _c, label in matches]),
            ),
            detail=detail,
        )
    raise SourceNotInTable(
        NO_MATCHING_CONTENT.format(
            table=meta.id,
            source=_source_name(source),
            labels=_quoted(variable.labels),
        ),
        detail=detail,
    )


def _regions(source: Source, meta: TableMeta) -> tuple[str, ...]:
    named = [v for n in source.region_dimensions if (v := find_variable(meta, n)) is not None]
    if len(named) == len(source.region_dimensions):
        return tuple(v.id for v in named)
    geo = meta.geo_variables
    if len(geo) == len(source.region_dimensions):
        return geo
    count = len(source.region_dimensions)
    wanted = "én regiondimensjon" if count == 1 else f"{count} regiondimensjoner"
    raise SourceNotInTable(
        NO_REGIONS.format(
            table=meta.id,
            wanted=f"{wanted} (rollen «geo»)",
            source=_source_name(source),
            dimensions=_dimensions_text(meta),
        ),
        detail=_dimensions_detail(meta, " eller ".join(source.region_dimensions) + " / geo"),
    )


def _time(source: Source, meta: TableMeta) -> str:
    if meta.time_variable is None:
        raise SourceNotInTable(
            NO_TIME.format(
                table=meta.id, source=_source_name(source), dimensions=_dimensions_text(meta)
            ),
            detail=_dimensions_detail(meta, "rollen time"),
        )
    return meta.time_variable


def _selection(source: Source, meta: TableMeta) -> tuple[tuple[str, tuple[str, ...]], ...]:
    chosen = []
    for name, items in sorted(source.selection.items()):
        values = (items,) if isinstance(items, str) else tuple(items)
        variable = find_variable(meta, name)
        if variable is None:
            raise SourceNotInTable(
                NO_SELECTION_DIMENSION.format(
                    table=meta.id,
                    dimension=name,
                    source=_source_name(source),
                    dimensions=_dimensions_text(meta),
                ),
                detail=_dimensions_detail(meta, name),
            )
        if not all(_item_found(item, variable.codes) for item in values):
            raise SourceNotInTable(
                NO_SELECTED_VALUES.format(
                    table=meta.id,
                    items=", ".join(f"«{item}»" for item in values),
                    dimension=variable.label or variable.id,
                    source=_source_name(source),
                    values=_quoted(list(variable.codes)),
                ),
                detail=f"tabell {meta.id}, {variable.id}: {', '.join(variable.codes)}",
            )
        chosen.append((variable.id, values))
    return tuple(chosen)


_RANGE = re.compile(r"^\s*\[?\s*range\s*\(([^,]+),([^)]+)\)\s*\]?\s*$", re.IGNORECASE)


def _item_found(item: str, codes: Sequence[str]) -> bool:
    """Whether a selection item's codes are in the dimension: a code, or both ends of a
    `range(a,b)`, matched ignoring case as SSB does; other expressions are left to SSB."""
    folded = {code.casefold() for code in codes}
    match = _RANGE.match(item)
    if match:
        return all(bound.strip().casefold() in folded for bound in match.groups())
    if any(mark in item for mark in "*?()"):
        return True
    return item.strip().casefold() in folded
