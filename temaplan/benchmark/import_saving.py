"""Saving the checked rows of a Kommune-NM workbook or CSV file (import_checks.py), in the
transaction `importing.editions_import` opens.

Holds the checked rows, what is stored (read once for the file, the editions locked) and the
saver: a row equal to what is stored writes nothing, so importing the same file twice changes
nothing the second time (no new versions or history rows); a changed row gets a new version.
Separate from the checks: nothing here runs unless every row of the file passed them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from temaplan.accounts.models import Municipality
from temaplan.core.workbook import ImportSummary, header_text
from temaplan.core.workbook.summary import CREATED, UNCHANGED, UPDATED

from . import edition_services
from . import workbook as wb
from .models import Edition, Parameter, ParameterValue, Ranking, Theme, ThemeRank

# Checked rows --------------------------------------------------------------------------------


@dataclass
class EditionRow:
    number: int
    year: int
    fields: dict[str, Any]


@dataclass
class ThemeRow:
    number: int
    year: int
    key: str
    name: str
    parameters: list[str]
    position: int


@dataclass
class RankRow:
    number: int
    year: int
    data_year: int
    code: str
    name: str
    rank: int
    score: Decimal | None
    theme_ranks: dict[str, int] | None  # theme key → rank; None: leave as stored


@dataclass
class ValueRow:
    number: int
    year: int
    data_year: int
    code: str
    theme: str  # key
    parameter: str  # key
    value: Decimal


@dataclass
class EditionInfo:
    """What the checks need to know of an edition: the file's row over the stored one."""

    year: int
    data_year: int
    published_on: date
    ranked: int
    themes: dict[str, str] = field(default_factory=dict)  # key → name
    parameters: dict[str, dict[str, str]] = field(default_factory=dict)  # theme → key → name

    def theme_key(self, text: str) -> str | None:
        wanted = header_text(text)
        for key, name in self.themes.items():
            if wanted in (header_text(key), header_text(name)):
                return key
        return None

    def parameter_key(self, theme: str, text: str) -> str | None:
        wanted = header_text(text)
        for key, name in self.parameters.get(theme, {}).items():
            if wanted in (header_text(key), header_text(name)):
                return key
        return None


@dataclass
class Stored:
    """The municipality's editions (locked) and what is in them, read once for the file."""

    editions: dict[int, Edition]
    themes: dict[tuple[int, str], Theme]  # (edition pk, key)
    parameters: dict[int, dict[str, Parameter]]  # theme pk → key → parameter
    rankings: dict[tuple[int, int, str], Ranking]  # (edition pk, data year, code)
    theme_ranks: dict[int, dict[int, ThemeRank]]  # ranking pk → theme pk → rank
    values: dict[int, dict[int, ParameterValue]]  # ranking pk → parameter pk → value

    @classmethod
    def of(cls, municipality: Municipality) -> Stored:
        owned = {"municipality": municipality}
        editions = {e.year: e for e in Edition.objects.select_for_update().filter(**owned)}
        parameters: dict[int, dict[str, Parameter]] = {}
        for parameter in Parameter.objects.filter(**owned).order_by("position", "pk"):
            parameters.setdefault(parameter.theme_id, {})[parameter.key] = parameter
        theme_ranks: dict[int, dict[int, ThemeRank]] = {}
        for theme_rank in ThemeRank.objects.filter(**owned):
            theme_ranks.setdefault(theme_rank.ranking_id, {})[theme_rank.theme_id] = theme_rank
        values: dict[int, dict[int, ParameterValue]] = {}
        for value in ParameterValue.objects.filter(**owned):
            values.setdefault(value.ranking_id, {})[value.parameter_id] = value
        return cls(
            editions,
            {(t.edition_id, t.key): t for t in Theme.objects.filter(**owned).order_by("position")},
            parameters,
            {(r.edition_id, r.data_year, r.code): r for r in Ranking.objects.filter(**owned)},
            theme_ranks,
            values,
        )

    def info(self) -> dict[int, EditionInfo]:
        by_pk = {edition.pk: edition for edition in self.editions.values()}
        infos = {
            e.year: EditionInfo(e.year, e.data_year, e.published_on, e.municipalities_ranked)
            for e in self.editions.values()
        }
        for (edition_pk, key), theme in self.themes.items():
            info = infos[by_pk[edition_pk].year]
            info.themes[key] = theme.name
            info.parameters[key] = {
                p.key: p.name for p in self.parameters.get(theme.pk, {}).values()
            }
        return infos


# Saving --------------------------------------------------------------------------------------


def _changed(record, wanted: dict[str, Any]) -> dict[str, Any]:
    return {name: value for name, value in wanted.items() if getattr(record, name) != value}


def _saved(record, changes: dict[str, Any]) -> str:
    if not changes:
        return UNCHANGED
    for name, value in changes.items():
        setattr(record, name, value)
    record.version += 1
    record.save()
    return UPDATED


class Saver:
    def __init__(self, municipality: Municipality, stored: Stored, summary: ImportSummary):
        self.municipality = municipality
        self.stored = stored
        self.summary = summary

    def owned(self) -> dict[str, Any]:
        return {"municipality": self.municipality}

    def editions(self, rows: list[EditionRow]) -> None:
        counts = self.summary.sheets[wb.EDITIONS]
        for row in rows:
            edition = self.stored.editions.get(row.year)
            if edition is None:
                edition = Edition(**self.owned(), **row.fields)
                edition.save()
                self.stored.editions[row.year] = edition
                counts.add(CREATED)
            else:
                counts.add(_saved(edition, _changed(edition, row.fields)))

    def themes(self, rows: list[ThemeRow]) -> None:
        counts = self.summary.sheets[wb.THEMES]
        for row in rows:
            edition = self.stored.editions[row.year]
            theme = self.stored.themes.get((edition.pk, row.key))
            wanted = {"name": row.name, "position": row.position}
            if theme is None:
                theme = Theme(**self.owned(), edition=edition, key=row.key, **wanted)
                theme.save()
                self.stored.themes[edition.pk, row.key] = theme
                outcome = CREATED
            else:
                outcome = _saved(theme, _changed(theme, wanted))
            if self._parameters_changed(theme, row.parameters):
                edition_services.parameters_set(theme=theme, names=row.parameters)
                self.stored.parameters[theme.pk] = {
                    p.key: p for p in Parameter.objects.filter(theme=theme)
                }
                if outcome == UNCHANGED:
                    outcome = _saved(theme, {"version": theme.version})
            counts.add(outcome)

    def _parameters_changed(self, theme: Theme, names: list[str]) -> bool:
        stored = sorted(self.stored.parameters.get(theme.pk, {}).values(), key=lambda p: p.position)
        wanted = [(edition_services.parameter_key(name), name, i) for i, name in enumerate(names)]
        return [(p.key, p.name, p.position) for p in stored] != wanted

    def rankings(self, rows: list[RankRow]) -> None:
        counts = self.summary.sheets[wb.RANKINGS]
        for row in rows:
            edition = self.stored.editions[row.year]
            key = (edition.pk, row.data_year, row.code)
            ranking = self.stored.rankings.get(key)
            wanted = {"name": row.name, "rank": row.rank, "score": row.score}
            if ranking is None:
                ranking = Ranking(
                    **self.owned(),
                    edition=edition,
                    data_year=row.data_year,
                    code=row.code,
                    **wanted,
                )
                ranking.save()
                self.stored.rankings[key] = ranking
                self._theme_ranks(ranking, edition, row.theme_ranks)
                counts.add(CREATED)
                continue
            changes = _changed(ranking, wanted)
            if self._theme_ranks(ranking, edition, row.theme_ranks) and not changes:
                changes = {"version": ranking.version}  # still a new version and history row
            counts.add(_saved(ranking, changes))

    def _theme_ranks(self, ranking: Ranking, edition: Edition, wanted: dict | None) -> bool:
        """Set the ranking's theme ranks; whether any changed."""
        if wanted is None:
            return False
        stored = self.stored.theme_ranks.get(ranking.pk, {})
        by_theme = {self.stored.themes[edition.pk, key].pk: rank for key, rank in wanted.items()}
        gone = [tr.pk for theme_pk, tr in stored.items() if theme_pk not in by_theme]
        if gone:
            ThemeRank.objects.filter(pk__in=gone).delete()
        new, changed = [], bool(gone)
        for theme_pk, rank in by_theme.items():
            current = stored.get(theme_pk)
            if current is None:
                new.append(ThemeRank(**self.owned(), ranking=ranking, theme_id=theme_pk, rank=rank))
            elif current.rank != rank:
                _saved(current, {"rank": rank})
                changed = True
        ThemeRank.objects.bulk_create(new)
        return changed or bool(new)

    def values(self, rows: list[ValueRow]) -> None:
        counts = self.summary.sheets[wb.VALUES]
        new = []
        for row in rows:
            edition = self.stored.editions[row.year]
            ranking = self.stored.rankings[edition.pk, row.data_year, row.code]
            theme = self.stored.themes[edition.pk, row.theme]
            parameter = self.stored.parameters[theme.pk][row.parameter]
            current = self.stored.values.get(ranking.pk, {}).get(parameter.pk)
            if current is None:
                new.append(
                    ParameterValue(
                        **self.owned(), ranking=ranking, parameter=parameter, value=row.value
                    )
                )
                counts.add(CREATED)
            else:
                counts.add(_saved(current, _changed(current, {"value": row.value})))
        ParameterValue.objects.bulk_create(new)
