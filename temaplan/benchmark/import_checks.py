"""Checking the rows of a Kommune-NM workbook or CSV file, before anything is written.

`Checker` turns each sheet's rows into checked rows (import_saving.py), against the stored
editions and the file's own: edition years, data years, ranks from 1 to the number ranked,
municipality numbers valid on the edition's date, one row per municipality and data year,
every theme of the edition or none. It collects every problem, named by sheet, row and column
(the messages below). Separate from reading the files and their cells (import_files.py) and
from saving (import_saving.py); `importing.editions_import` runs the three in turn.
"""

from __future__ import annotations

from typing import Any

from django.utils.text import slugify

from temaplan.core.text_limits import SENTENCES
from temaplan.core.workbook import EMPTY, CellProblem, SheetRow, header_text, shown

from . import edition_services, ranking_services
from . import workbook as wb
from .codes import code_problem
from .import_files import EditionRowReader
from .import_saving import EditionInfo, EditionRow, RankRow, Stored, ThemeRow, ValueRow
from .models import default_published_on

# Messages: they follow «Ark …, rad …, kolonne …:» (see CellProblem).
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


class Checker:
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
