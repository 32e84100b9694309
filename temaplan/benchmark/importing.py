"""Importing the Kommune-NM workbook or CSV file (format: see workbook.py): all or nothing.

`editions_import` reads every row, checks it against the stored editions and the file's own
(edition years, data years, ranks from 1 to the number ranked, municipality numbers valid on
the edition's date, one row per municipality and data year, every theme of the edition or
none), and collects every problem, named by sheet, row and column. If there is any, it raises
ImportRejected and nothing is written. Otherwise it writes in one transaction: a row equal to
what is stored writes nothing, so importing the same file twice changes nothing the second
time (no new versions or history rows). Then the Kommune-NM indicators are fed again.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils.text import slugify

from temaplan.accounts.models import Municipality
from temaplan.core.text_limits import SENTENCES
from temaplan.core.workbook import (
    COLUMN_MISSING,
    COLUMN_TWICE,
    EMPTY,
    FILE_EMPTY,
    FILE_TOO_LARGE,
    MAX_FILE_BYTES,
    MAX_ROWS,
    SHEET_EMPTY,
    TOO_MANY_ROWS,
    CellProblem,
    Column,
    ImportRejected,
    ImportSummary,
    RawCell,
    RowReader,
    SheetRow,
    header_text,
    read_workbook,
    rejected,
    shown,
)
from temaplan.core.workbook.summary import CREATED, UNCHANGED, UPDATED
from temaplan.core.workbook.text import CSV_TEXT_PREFIX, looks_like_formula

from . import edition_services, ranking_services
from . import workbook as wb
from .codes import code_problem, stored_history
from .feed import kommune_nm_feed
from .models import (
    Edition,
    Parameter,
    ParameterValue,
    Ranking,
    Theme,
    ThemeRank,
    default_published_on,
)

__all__ = ["ImportRejected", "ImportSummary", "editions_import"]

# Messages: they follow «Ark …, rad …, kolonne …:» (see CellProblem).
NOT_CSV = (
    "Filen er ikke en CSV-fil med tekst. Lagre arket som «CSV UTF-8 (kommadelt)» i Excel, "
    "eller last opp Excel-filen (.xlsx)."
)
DUPLICATE_EDITION = "utgave {year} står også på rad {first}"
UNKNOWN_EDITION = (
    "utgave {year} står ikke på arket «Utgaver» og er ikke lagt inn; legg til en rad for den "
    "på «Utgaver»"
)
UNKNOWN_EDITION_CSV = "utgave {year} er ikke lagt inn; legg den inn først"
DUPLICATE_THEME = "temaet «{key}» i utgave {year} står også på rad {first}"
THEME_NAME_TWICE = "utgave {year} har allerede et tema som heter «{name}»"
THEME_NAME_TAKEN = "«{name}» er en fast kolonne på «Plasseringer» og kan ikke være et temanavn"
BAD_THEME_KEY = (
    "«{text}» er ikke en gyldig nøkkel; bruk bare små bokstaver a–z, tall og bindestrek, for "
    "eksempel «naeringsliv»"
)
PARAMETER_TWICE = "parameteren «{name}» står to ganger"
PARAMETER_TOO_LONG = "parameternavnet «{name}» er for langt (høyst 200 tegn)"
DATA_YEAR_AFTER = (
    "dataåret {data_year} er etter utgavens dataår ({edition_data_year}); en utgave kan bare "
    "gjengi sitt eget dataår eller tidligere år"
)
DATA_YEAR_TOO_EARLY = "dataåret {data_year} er mer enn {gap} år før utgavens dataår"
RANK_RANGE = "{rank} er ikke en plassering fra 1 til {ranked} (antall kommuner i utgave {year})"
DUPLICATE_MUNICIPALITY = (
    "kommune {code} står også på rad {first} for utgave {year}, dataår {data_year}"
)
THEME_NOT_IN_EDITION = "utgave {year} har ikke temaet «{theme}»"
THEME_RANK_MISSING = (
    "plasseringen i temaet mangler; fyll ut alle temaene i utgave {year} eller ingen"
)
THEME_COLUMN_MISSING = (
    "kolonnen for temaet «{theme}» mangler; utgave {year} har temaet, så raden må ha "
    "plasseringen i det når den har plasseringer i temaer"
)
NO_RANKING = (
    "kommune {code} har ingen plassering i utgave {year} for dataår {data_year} (verken i "
    "filen eller lagret)"
)
UNKNOWN_THEME = "utgave {year} har ikke temaet «{theme}»"
UNKNOWN_PARAMETER = "temaet «{theme}» i utgave {year} har ikke parameteren «{parameter}»"
DUPLICATE_VALUE = "samme utgave, dataår, kommune og parameter står også på rad {first}"

# The fields of the edition checks (edition_services.edition_problems) → the columns on «Utgaver».
EDITION_COLUMNS = {
    "year": wb.EDITION,
    "data_year": wb.DATA_YEAR,
    "published_on": wb.PUBLISHED,
    "municipalities_ranked": wb.RANKED,
}
FIRST_YEAR, LAST_YEAR = 2000, 2100


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


# Reading the rows ----------------------------------------------------------------------------


class EditionRowReader(RowReader):
    def year(self, column: str, *, required: bool = True) -> int | None:
        if not required and self.cell(column, required=False) is None:
            return None
        value = self.integer(column, required=required)
        if value is not None and not FIRST_YEAR <= value <= LAST_YEAR:
            self.error(column, f"{value} er ikke et år fra {FIRST_YEAR} til {LAST_YEAR}")
            return None
        return value

    def code(self, column: str) -> str:
        """A municipality number: text, or a number Excel took the leading zero from."""
        cell = self.cell(column, required=True)
        if cell is None:
            return ""
        value = cell.value
        if isinstance(value, int | float) and not isinstance(value, bool):
            if float(value).is_integer() and 0 < value < 10_000:
                return f"{int(value):04d}"
        return " ".join(str(value).split())


class _Checker:
    """Turns sheet rows into checked rows, collecting every problem in `errors`."""

    def __init__(self, stored: Stored, *, history, csv_file: bool = False):
        self.stored = stored
        self.history = history
        self.csv_file = csv_file
        self.errors: list[CellProblem] = []
        self.editions = stored.info()
        self.bad_years: set[int] = set()  # editions whose own row was refused

    def _edition(self, read: EditionRowReader, column: str = wb.EDITION) -> EditionInfo | None:
        year = read.year(column)
        if year is None or year in self.bad_years:
            return None
        info = self.editions.get(year)
        if info is None:
            message = UNKNOWN_EDITION_CSV if self.csv_file else UNKNOWN_EDITION
            read.error(column, message.format(year=year))
        return info

    def edition_rows(self, rows: list[SheetRow]) -> list[EditionRow]:
        checked: list[EditionRow] = []
        first: dict[int, int] = {}
        for row in rows:
            read = EditionRowReader(row, self.errors)
            year = read.year(wb.EDITION)
            data_year = read.year(wb.DATA_YEAR, required=False)
            published = read.date(wb.PUBLISHED)
            ranked = read.integer(wb.RANKED, required=True)
            fields: dict[str, Any] = {
                "year": year,
                "data_year": data_year if data_year is not None else (year or 1) - 1,
                "published_on": published or (default_published_on(year) if year else None),
                "municipalities_ranked": ranked,
                "source": read.text(wb.SOURCE, required=True, max_length=300),
                "note": read.text(wb.NOTE, max_length=SENTENCES),
            }
            if year is None:
                continue
            if year in first:
                read.error(wb.EDITION, DUPLICATE_EDITION.format(year=year, first=first[year]))
                continue
            first[year] = row.number
            for name, messages in edition_services.edition_problems(fields).items():
                for message in messages:
                    read.error(EDITION_COLUMNS[name], message)
            if read.bad:
                self.bad_years.add(year)
                self.editions.pop(year, None)
                continue
            info = self.editions.get(year)
            themes = info.themes if info else {}
            parameters = info.parameters if info else {}
            self.editions[year] = EditionInfo(
                year, fields["data_year"], fields["published_on"], ranked or 0, themes, parameters
            )
            checked.append(EditionRow(row.number, year, fields))
        return checked

    def theme_rows(self, rows: list[SheetRow]) -> list[ThemeRow]:
        checked: list[ThemeRow] = []
        first: dict[tuple[int, str], int] = {}
        names: dict[tuple[int, str], str] = {}  # (year, name) → key, from the file
        positions: dict[int, int] = {}
        fixed = {header_text(header) for header in wb.FIXED_RANKING_HEADERS}
        for row in rows:
            read = EditionRowReader(row, self.errors)
            info = self._edition(read)
            key = read.text(wb.KEY, required=True, max_length=40)
            if key and key != slugify(key):
                read.error(wb.KEY, BAD_THEME_KEY.format(text=shown(key)))
                key = ""
            name = read.text(wb.NAME, required=True, max_length=100)
            parameters = self._parameter_names(read)
            if name and header_text(name) in fixed:
                read.error(wb.NAME, THEME_NAME_TAKEN.format(name=name))
            if info is None or not key:
                continue
            year = info.year
            if (year, key) in first:
                message = DUPLICATE_THEME.format(key=key, year=year, first=first[year, key])
                read.error(wb.KEY, message)
                continue
            first[year, key] = row.number
            if name:
                taken = names.get((year, header_text(name)))
                stored_key = info.theme_key(name) if taken is None else None
                if taken is not None or (stored_key is not None and stored_key != key):
                    read.error(wb.NAME, THEME_NAME_TWICE.format(year=year, name=name))
                names[year, header_text(name)] = key
            position = positions.get(year, 0)
            positions[year] = position + 1
            if read.bad:
                continue
            info.themes[key] = name
            info.parameters[key] = {edition_services.parameter_key(p): p for p in parameters}
            checked.append(ThemeRow(row.number, year, key, name, parameters, position))
        return checked

    def _parameter_names(self, read: EditionRowReader) -> list[str]:
        text = read.text(wb.PARAMETERS, max_length=5000)
        names = [" ".join(line.split()) for line in text.splitlines()]
        names = [name for name in names if name]
        seen: set[str] = set()
        for name in names:
            if len(name) > 200:
                read.error(wb.PARAMETERS, PARAMETER_TOO_LONG.format(name=shown(name)))
            key = edition_services.parameter_key(name)
            if key in seen:
                read.error(wb.PARAMETERS, PARAMETER_TWICE.format(name=shown(name)))
            seen.add(key)
        return names

    def _data_year(self, read: EditionRowReader, info: EditionInfo) -> int | None:
        data_year = read.year(wb.DATA_YEAR, required=False)
        if data_year is None:
            return None if wb.DATA_YEAR in read.bad else info.data_year
        if data_year > info.data_year:
            read.error(
                wb.DATA_YEAR,
                DATA_YEAR_AFTER.format(data_year=data_year, edition_data_year=info.data_year),
            )
            return None
        if data_year < info.data_year - ranking_services.MAX_RESTATED_GAP:
            read.error(
                wb.DATA_YEAR,
                DATA_YEAR_TOO_EARLY.format(
                    data_year=data_year, gap=ranking_services.MAX_RESTATED_GAP
                ),
            )
            return None
        return data_year

    def _code(self, read: EditionRowReader, info: EditionInfo | None) -> str:
        code = read.code(wb.CODE)
        if code and info is not None:
            problem = code_problem(code, info.published_on, self.history)
            if problem:
                read.error(wb.CODE, problem)
                return ""
        return code

    def rank_rows(self, rows: list[SheetRow], theme_headers: list[str]) -> list[RankRow]:
        checked: list[RankRow] = []
        first: dict[tuple[int, int, str], int] = {}
        for row in rows:
            read = EditionRowReader(row, self.errors)
            info = self._edition(read)
            data_year = self._data_year(read, info) if info else None
            code = self._code(read, info)
            name = read.text(wb.MUNICIPALITY, required=True, max_length=100)
            rank = read.integer(wb.RANK, required=True)
            score = read.decimal(wb.SCORE, places=wb.PLACES)
            if info is not None and rank is not None and not 1 <= rank <= info.ranked:
                message = RANK_RANGE.format(rank=rank, ranked=info.ranked, year=info.year)
                read.error(wb.RANK, message)
            theme_ranks = self._theme_ranks(read, info, theme_headers)
            if info is None or data_year is None or not code:
                continue
            key = (info.year, data_year, code)
            if key in first:
                message = DUPLICATE_MUNICIPALITY.format(
                    code=code, first=first[key], year=info.year, data_year=data_year
                )
                read.error(wb.CODE, message)
                continue
            first[key] = row.number
            if read.bad or rank is None:
                continue
            checked.append(
                RankRow(row.number, info.year, data_year, code, name, rank, score, theme_ranks)
            )
        return checked

    def _theme_ranks(
        self, read: EditionRowReader, info: EditionInfo | None, headers: list[str]
    ) -> dict[str, int] | None:
        """Theme key → rank from the theme columns; None when the sheet has none of the
        edition's themes (the stored theme ranks are kept)."""
        given: dict[str, int] = {}
        present: set[str] = set()
        for header in headers:
            key = info.theme_key(header) if info else None
            if key is not None:
                present.add(key)
            cell = read.cell(header, required=False)
            if cell is None:
                continue
            if info is None:
                read.integer(header)
                continue
            if key is None:
                read.error(header, THEME_NOT_IN_EDITION.format(year=info.year, theme=header))
                continue
            rank = read.integer(header)
            if rank is None:
                continue
            if not 1 <= rank <= info.ranked:
                message = RANK_RANGE.format(rank=rank, ranked=info.ranked, year=info.year)
                read.error(header, message)
                continue
            given[key] = rank
        if info is None or not present:
            return None
        filled = any(
            not read.row.cells.get(header, EMPTY).is_empty
            for header in headers
            if info.theme_key(header) is not None
        )
        if not filled:
            return {}
        for key, name in info.themes.items():
            if key in given:
                continue
            column = next((h for h in headers if info.theme_key(h) == key), None)
            if column is None:
                read.error(name, THEME_COLUMN_MISSING.format(theme=name, year=info.year))
            elif column not in read.bad:
                read.error(column, THEME_RANK_MISSING.format(year=info.year))
        return given

    def value_rows(self, rows: list[SheetRow], rankings: list[RankRow]) -> list[ValueRow]:
        checked: list[ValueRow] = []
        first: dict[tuple, int] = {}
        in_file = {(r.year, r.data_year, r.code) for r in rankings}
        stored = {
            (self._year_of(edition_pk), data_year, code)
            for edition_pk, data_year, code in self.stored.rankings
        }
        for row in rows:
            read = EditionRowReader(row, self.errors)
            info = self._edition(read)
            data_year = self._data_year(read, info) if info else None
            code = self._code(read, info)
            theme_text = read.text(wb.THEME, required=True)
            parameter_text = read.text(wb.PARAMETER, required=True)
            value = read.decimal(wb.VALUE, places=wb.PLACES, required=True)
            if info is None or data_year is None or not code:
                continue
            key = (info.year, data_year, code)
            if key not in in_file and key not in stored:
                message = NO_RANKING.format(code=code, year=info.year, data_year=data_year)
                read.error(wb.CODE, message)
            theme = info.theme_key(theme_text) if theme_text else None
            parameter = None
            if theme_text and theme is None:
                read.error(wb.THEME, UNKNOWN_THEME.format(year=info.year, theme=theme_text))
            elif theme is not None and parameter_text:
                parameter = info.parameter_key(theme, parameter_text)
                if parameter is None:
                    message = UNKNOWN_PARAMETER.format(
                        theme=info.themes[theme], year=info.year, parameter=parameter_text
                    )
                    read.error(wb.PARAMETER, message)
            if theme is None or parameter is None:
                continue
            whole = (*key, theme, parameter)
            if whole in first:
                read.error(wb.PARAMETER, DUPLICATE_VALUE.format(first=first[whole]))
                continue
            first[whole] = row.number
            if read.bad or value is None:
                continue
            checked.append(
                ValueRow(row.number, info.year, data_year, code, theme, parameter, value)
            )
        return checked

    def _year_of(self, edition_pk: int) -> int:
        for year, edition in self.stored.editions.items():
            if edition.pk == edition_pk:
                return year
        raise KeyError(edition_pk)

    def stored_rankings_fit(self, editions: list[EditionRow], rankings: list[RankRow]) -> None:
        """A changed edition row must still fit the rankings stored under it that the file
        does not replace (a rank above the new number ranked, a number invalid on the new
        date)."""
        in_file = {(r.year, r.data_year, r.code) for r in rankings}
        for row in editions:
            edition = self.stored.editions.get(row.year)
            if edition is None:
                continue
            rest = [
                ranking
                for (edition_pk, data_year, code), ranking in self.stored.rankings.items()
                if edition_pk == edition.pk and (row.year, data_year, code) not in in_file
            ]
            base = edition_services.edition_problems(row.fields)
            more = edition_services.edition_problems(
                row.fields, rankings=rest, history=self.history
            )
            for name, messages in more.items():
                for message in messages:
                    if message not in base.get(name, []):
                        self.errors.append(
                            CellProblem(wb.EDITIONS, row.number, EDITION_COLUMNS[name], message)
                        )


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


class _Saver:
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


# Reading the files ---------------------------------------------------------------------------


def _ranking_headers(data: bytes) -> list[str]:
    """The headers of «Plasseringer» that are not its fixed columns: the theme columns."""
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data), read_only=True, data_only=False, keep_links=False)
    try:
        names = {name.strip().casefold(): name for name in reversed(book.sheetnames)}
        sheet = book[names[wb.RANKINGS.casefold()]]
        first = next(sheet.iter_rows(max_row=1, values_only=True), ())
    finally:
        book.close()
    return _theme_headers(first)


def _theme_headers(cells) -> list[str]:
    fixed = {header_text(header) for header in wb.FIXED_RANKING_HEADERS}
    headers: list[str] = []
    for value in cells:
        if not isinstance(value, str) or not value.strip() or value.startswith("="):
            continue
        if header_text(value) in fixed or header_text(value) in map(header_text, headers):
            continue
        headers.append(" ".join(value.split()))
    return headers


def _theme_columns(headers: list[str]) -> tuple[Column, ...]:
    return tuple(Column(h, 14, False, "", may_be_absent=True) for h in headers)


def _workbook_rows(data: bytes) -> tuple[dict[str, list[SheetRow]], list[str]]:
    sheets = read_workbook(data, wb.COLUMNS)
    headers = _ranking_headers(data)
    if headers:
        columns = {wb.RANKINGS: wb.COLUMNS[wb.RANKINGS] + _theme_columns(headers)}
        sheets[wb.RANKINGS] = read_workbook(data, columns)[wb.RANKINGS]
    return sheets, headers


def decoded(data: bytes) -> str:
    """The CSV file's text: UTF-8 with or without BOM, else Windows-1252/ISO-8859-1."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _csv_cell(text: str) -> RawCell:
    if not text.strip():
        return EMPTY
    if text.startswith(CSV_TEXT_PREFIX) and looks_like_formula(text[1:]):
        text = text[1:]  # the apostrophe an export puts before text that looks like a formula
    return RawCell(text, "s")


def _csv_rows(data: bytes) -> tuple[list[SheetRow], list[str]]:
    """The CSV file as the rows of «Plasseringer», or ImportRejected."""
    if not data:
        raise rejected(FILE_EMPTY)
    if len(data) > MAX_FILE_BYTES:
        raise rejected(FILE_TOO_LARGE)
    if b"\x00" in data or data.startswith(b"PK\x03\x04"):
        raise rejected(NOT_CSV)
    text = decoded(data)
    first_line = text.split("\n", 1)[0]
    separator = next((s for s in (";", "\t", ",") if s in first_line), ";")
    try:
        lines = list(csv.reader(io.StringIO(text, newline=""), delimiter=separator))
    except csv.Error as exc:
        raise rejected(NOT_CSV) from exc
    if not lines or not any(cell.strip() for cell in lines[0]):
        raise ImportRejected([CellProblem(None, 1, None, SHEET_EMPTY)])
    header = [" ".join(cell.split()) for cell in lines[0]]
    positions: dict[str, int] = {}
    errors = []
    wanted = {header_text(c.header): c.header for c in wb.COLUMNS[wb.RANKINGS]}
    themes = _theme_headers(header)
    wanted.update({header_text(h): h for h in themes})
    for index, text_ in enumerate(header):
        name = wanted.get(header_text(text_))
        if name is None:
            continue
        if name in positions:
            errors.append(CellProblem(None, 1, name, COLUMN_TWICE))
        positions.setdefault(name, index)
    errors += [
        CellProblem(None, 1, c.header, COLUMN_MISSING)
        for c in wb.COLUMNS[wb.RANKINGS]
        if c.header not in positions
    ]
    if errors:
        raise ImportRejected(errors)
    if len(lines) > MAX_ROWS + 1:
        raise rejected(TOO_MANY_ROWS.format(limit=MAX_ROWS))
    rows = []
    for number, line in enumerate(lines[1:], start=2):
        cells = {
            name: _csv_cell(line[index]) if index < len(line) else EMPTY
            for name, index in positions.items()
        }
        if any(cell is not EMPTY for cell in cells.values()):
            rows.append(SheetRow(wb.RANKINGS, number, cells))
    return rows, themes


# Importing -----------------------------------------------------------------------------------


def is_xlsx(data: bytes) -> bool:
    return data.startswith(b"PK\x03\x04")


def editions_import(
    *, municipality: Municipality, data: bytes, csv_file: bool = False, user=None
) -> ImportSummary:
    """Apply an uploaded workbook (or, with csv_file, a CSV file of «Plasseringer») to the
    municipality's editions, or raise ImportRejected with every problem and change nothing."""
    if csv_file:
        rankings_rows, headers = _csv_rows(data)
        sheets = {wb.EDITIONS: [], wb.THEMES: [], wb.RANKINGS: rankings_rows, wb.VALUES: []}
    else:
        sheets, headers = _workbook_rows(data)
    history = stored_history()
    with transaction.atomic():
        stored = Stored.of(municipality)
        checker = _Checker(stored, history=history, csv_file=csv_file)
        editions = checker.edition_rows(sheets[wb.EDITIONS])
        themes = checker.theme_rows(sheets[wb.THEMES])
        rankings = checker.rank_rows(sheets[wb.RANKINGS], headers)
        values = checker.value_rows(sheets[wb.VALUES], rankings)
        checker.stored_rankings_fit(editions, rankings)
        if checker.errors:
            errors = checker.errors
            if csv_file:  # a CSV file has no sheets
                errors = [CellProblem(None, e.row, e.column, e.message) for e in errors]
            raise ImportRejected(errors)
        summary = ImportSummary.of(*((wb.RANKINGS,) if csv_file else wb.SHEETS))
        saver = _Saver(municipality, stored, summary)
        if not csv_file:
            saver.editions(editions)
            saver.themes(themes)
        saver.rankings(rankings)
        if not csv_file:
            saver.values(values)
        if summary.changed:
            kommune_nm_feed(municipality=municipality, user=user)
    return summary
