"""The Kommune-NM workbook (.xlsx) and CSV file: their sheets and columns, and writing them.

The workbook has four sheets that are imported and the guide «Veiledning», which explains them
and is not read. The first row of each sheet holds the column headers (their order does not
matter; extra columns are ignored, except on «Plasseringer», where every other column is a
theme). Row numbers in messages are Excel's own (the header is row 1).

«Utgaver», one row per edition, found by its year:
    Utgave*, Dataår (empty: the year before), Publisert (empty: 1 June of the year; the county
    map and municipality numbers of that day apply), Antall kommuner*, Kilde*, Merknad
«Temaer», one row per theme of an edition, found by edition and key:
    Utgave*, Nøkkel*, Navn*, Parametere (the parameters' names, one per line)
«Plasseringer», one row per municipality, edition and data year:
    Utgave*, Dataår (empty: the edition's; an earlier year is that year as restated in the
    edition), Kommunenummer* (as valid in the edition: 3025 for Asker in 2021), Kommune*,
    Plassering*, Poeng, and then one column per theme, headed with the theme's name (or key),
    holding the municipality's rank in the theme: all of the edition's themes, or none.
«Parameterverdier», one row per parameter value:
    Utgave*, Dataår, Kommunenummer*, Tema* (name or key), Parameter* (name or key), Verdi*

(* = required.) An edition needs its row on «Utgaver» or to be stored already. Rows missing
from the file are left as they are; nothing is deleted by an import. A row is the whole record:
an empty theme column removes the theme ranks of that row (when the sheet has the columns).

The CSV file is the «Plasseringer» sheet alone, for editions already stored: the same columns,
separated by semicolons (as Norwegian Excel writes), UTF-8 (with or without BOM) or
ISO-8859-1/Windows-1252; decimals with a comma. Text that would be a formula gets an
apostrophe first (core.workbook.csv_value), which the import takes off again.

Export is deterministic: the same editions give the same bytes.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from decimal import Decimal

from temaplan.accounts.models import Municipality
from temaplan.core.workbook import (
    DATE,
    NUMBER,
    Column,
    Sheet,
    cell_number,
    csv_value,
    write_workbook,
)

from .models import Edition, Parameter, ParameterValue, Ranking, Theme, ThemeRank

EDITIONS = "Utgaver"
THEMES = "Temaer"
RANKINGS = "Plasseringer"
VALUES = "Parameterverdier"
SHEETS = (EDITIONS, THEMES, RANKINGS, VALUES)

EDITION = "Utgave"
DATA_YEAR = "Dataår"
PUBLISHED = "Publisert"
RANKED = "Antall kommuner"
SOURCE = "Kilde"
NOTE = "Merknad"
KEY = "Nøkkel"
NAME = "Navn"
PARAMETERS = "Parametere"
CODE = "Kommunenummer"
MUNICIPALITY = "Kommune"
RANK = "Plassering"
SCORE = "Poeng"
THEME = "Tema"
PARAMETER = "Parameter"
VALUE = "Verdi"

CSV_SEPARATOR = ";"
PLACES = 4  # the database keeps 4 digits after the comma

COLUMNS: dict[str, tuple[Column, ...]] = {
    EDITIONS: (
        Column(EDITION, 10, True, "Året NHO ga ut Kommune-NM, for eksempel 2021.", kind=NUMBER),
        Column(
            DATA_YEAR,
            10,
            False,
            "Året tallene beskriver. Tom: året før utgaven (utgave 2021 har 2020-tall).",
            kind=NUMBER,
        ),
        Column(
            PUBLISHED,
            14,
            False,
            "Dagen utgaven kom ut; fylkene og kommunenumrene gjelder slik de var denne dagen. "
            "Tom: 1. juni i utgaveåret.",
            kind=DATE,
        ),
        Column(
            RANKED,
            12,
            True,
            "Hvor mange kommuner utgaven rangerer: 356 i 2020–2023, 357 fra 2024.",
            kind=NUMBER,
        ),
        Column(SOURCE, 50, True, "Hvor tallene kommer fra, for eksempel «NHO Kommune-NM 2021»."),
        Column(NOTE, 40, False, "Fri tekst om utgaven."),
    ),
    THEMES: (
        Column(EDITION, 10, True, "Utgaven temaet hører til.", kind=NUMBER),
        Column(
            KEY,
            20,
            True,
            "Fast nøkkel for temaet i utgaven: små bokstaver a–z, tall og bindestrek, for "
            "eksempel «naeringsliv».",
        ),
        Column(
            NAME,
            24,
            True,
            "Temaets navn slik NHO skriver det. Navnet er også overskriften på temaets "
            "kolonne på arket «Plasseringer».",
        ),
        Column(
            PARAMETERS,
            50,
            False,
            "Navnene på temaets parametere slik NHO publiserer dem, én per linje (Alt+Enter "
            "i Excel). Tom: ingen parametere er kjent.",
        ),
    ),
    RANKINGS: (
        Column(EDITION, 10, True, "Utgaven plasseringen står i.", kind=NUMBER),
        Column(
            DATA_YEAR,
            10,
            False,
            "Året tallene beskriver. Tom: utgavens eget dataår (slik først publisert). Et "
            "tidligere år er det året slik utgaven gjengir det (justert av NHO).",
            kind=NUMBER,
        ),
        Column(
            CODE,
            14,
            True,
            "Kommunenummeret slik det var i utgaven, med fire sifre: 3025 for Asker i 2021, "
            "3203 fra 2024.",
        ),
        Column(MUNICIPALITY, 20, True, "Kommunens navn."),
        Column(
            RANK,
            11,
            True,
            "Plasseringen i landet, fra 1 til antall kommuner rangert i utgaven. Én kolonne "
            "per tema etter denne, med temaets navn som overskrift, gir plasseringen i temaet: "
            "fyll ut alle temaene i utgaven eller ingen.",
            kind=NUMBER,
        ),
        Column(SCORE, 10, False, "Poengsummen, når den er kjent.", kind=NUMBER),
    ),
    VALUES: (
        Column(EDITION, 10, True, "Utgaven verdien står i.", kind=NUMBER),
        Column(DATA_YEAR, 10, False, "Dataåret. Tom: utgavens eget.", kind=NUMBER),
        Column(CODE, 14, True, "Kommunenummeret slik det var i utgaven."),
        Column(THEME, 20, True, "Temaet, ved navn eller nøkkel."),
        Column(PARAMETER, 40, True, "Parameteren, ved navn eller nøkkel."),
        Column(VALUE, 12, True, "Verdien slik NHO publiserer den.", kind=NUMBER),
    ),
}
FIXED_RANKING_HEADERS = tuple(column.header for column in COLUMNS[RANKINGS])

# The themes of the 2021–2025 editions, for the template's columns.
STANDARD_THEMES = ("Næringsliv", "Arbeidsmarked", "Demografi", "Kompetanse", "Kommuneøkonomi")

GUIDE_INTRO = (
    "Veiledning for Kommune-NM-filen",
    "Filen brukes til å hente ut og lese inn NHOs Kommune-NM: utgavene, temaene, "
    "plasseringene og parameterverdiene.",
    "Første rad på hvert ark er kolonneoverskriftene; ikke endre dem. Hver rad under er én post.",
    "Importen leser arkene «Utgaver», «Temaer», «Plasseringer» og «Parameterverdier». Dette "
    "arket leses ikke inn.",
    "Er noe galt i filen, blir ingenting lagret, og du får en liste med ark, rad og kolonne "
    "for hver feil.",
    "Rader som ikke står i filen, blir stående; ingenting slettes av en import. Leses samme "
    "fil inn to ganger, endres ingenting andre gang.",
    "Kommunenumrene skrives slik de var da utgaven kom ut: Asker var 0220 til 2019, 3025 i "
    "2020–2023 og 3203 fra 2024. Fylkesplasseringen regnes ut fra fylkene den dagen.",
    "På arket «Plasseringer» kommer én kolonne per tema etter «Poeng», med temaets navn fra "
    "arket «Temaer» som overskrift og plasseringen i temaet i cellene.",
    "Et tidligere dataår i en utgave er det året slik NHO gjengir det i utgaven (tallene i "
    "parentes); utgavens eget dataår er plasseringen slik først publisert.",
    "En CSV-fil (semikolon mellom kolonnene) kan ha arket «Plasseringer» alene, for utgaver "
    "som allerede er lagt inn.",
)


def _theme_columns(names: Iterable[str]) -> tuple[Column, ...]:
    return tuple(
        Column(name, 14, False, f"Plasseringen i temaet «{name}».", kind=NUMBER) for name in names
    )


def theme_headers(themes: Iterable[Theme]) -> list[str]:
    """The theme columns of «Plasseringer»: every theme name, in order of first appearance
    over the editions from the oldest."""
    names: list[str] = []
    for theme in sorted(themes, key=lambda t: (t.edition.year, t.position, t.pk or 0)):
        if theme.name not in names:
            names.append(theme.name)
    return names


def _score(value: Decimal | None) -> int | float | None:
    return cell_number(value.normalize() if value is not None else None)


class _Stored:
    """A municipality's editions and everything in them, in a fixed number of queries."""

    def __init__(self, municipality: Municipality):
        owned = {"municipality": municipality}
        self.editions = list(Edition.objects.filter(**owned).order_by("year"))
        self.themes = list(Theme.objects.filter(**owned).select_related("edition"))
        self.parameters = list(
            Parameter.objects.filter(**owned).select_related("theme", "theme__edition")
        )
        self.rankings = list(
            Ranking.objects.filter(**owned)
            .select_related("edition")
            .order_by("edition__year", "-data_year", "rank", "code")
        )
        self.theme_ranks: dict[int, dict[int, int]] = {}
        for tr in ThemeRank.objects.filter(**owned):
            self.theme_ranks.setdefault(tr.ranking_id, {})[tr.theme_id] = tr.rank
        self.values = list(
            ParameterValue.objects.filter(**owned).select_related(
                "ranking", "ranking__edition", "parameter", "parameter__theme"
            )
        )


def _sheets(stored: _Stored | None, headers: list[str]) -> list[Sheet]:
    editions = Sheet(EDITIONS, COLUMNS[EDITIONS])
    themes = Sheet(THEMES, COLUMNS[THEMES])
    rankings = Sheet(RANKINGS, COLUMNS[RANKINGS] + _theme_columns(headers))
    values = Sheet(VALUES, COLUMNS[VALUES])
    if stored is None:
        return [editions, themes, rankings, values]
    for edition in stored.editions:
        editions.rows.append(
            [
                edition.year,
                edition.data_year,
                edition.published_on,
                edition.municipalities_ranked,
                edition.source,
                edition.note or None,
            ]
        )
    by_theme: dict[int, list[Parameter]] = {}
    for parameter in sorted(stored.parameters, key=lambda p: (p.position, p.pk)):
        by_theme.setdefault(parameter.theme_id, []).append(parameter)
    for theme in sorted(stored.themes, key=lambda t: (t.edition.year, t.position, t.pk)):
        names = "\n".join(p.name for p in by_theme.get(theme.pk, []))
        themes.rows.append([theme.edition.year, theme.key, theme.name, names or None])
    theme_of = {(t.edition_id, t.name): t.pk for t in stored.themes}
    for ranking in stored.rankings:
        ranks = stored.theme_ranks.get(ranking.pk, {})
        rankings.rows.append(
            [
                ranking.edition.year,
                ranking.data_year,
                ranking.code,
                ranking.name,
                ranking.rank,
                _score(ranking.score),
                *(ranks.get(theme_of.get((ranking.edition_id, name), 0)) for name in headers),
            ]
        )
    ordered = sorted(
        stored.values,
        key=lambda v: (
            v.ranking.edition.year,
            -v.ranking.data_year,
            v.ranking.rank,
            v.ranking.code,
            v.parameter.theme.position,
            v.parameter.position,
        ),
    )
    for value in ordered:
        values.rows.append(
            [
                value.ranking.edition.year,
                value.ranking.data_year,
                value.ranking.code,
                value.parameter.theme.key,
                value.parameter.key,
                _score(value.value),
            ]
        )
    return [editions, themes, rankings, values]


def editions_workbook(municipality: Municipality) -> bytes:
    """The municipality's editions as an .xlsx workbook (same editions, same bytes)."""
    stored = _Stored(municipality)
    sheets = _sheets(stored, theme_headers(stored.themes))
    return write_workbook(sheets, guide=GUIDE_INTRO, title="Kommune-NM")


def template_workbook() -> bytes:
    """The empty workbook with the guide, and the five themes of 2021–2025 as columns."""
    return write_workbook(
        _sheets(None, list(STANDARD_THEMES)), guide=GUIDE_INTRO, title="Kommune-NM"
    )


def _csv_cell(value) -> object:
    if isinstance(value, float):
        return format(Decimal(repr(value)), "f").replace(".", ",")
    if value is None:
        return ""
    return csv_value(value)


def editions_csv(municipality: Municipality) -> bytes:
    """The «Plasseringer» sheet as CSV: semicolons, UTF-8 with BOM (so Excel reads «æøå»)."""
    stored = _Stored(municipality)
    headers = theme_headers(stored.themes)
    sheet = _sheets(stored, headers)[2]
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=CSV_SEPARATOR, lineterminator="\r\n")
    writer.writerow([column.header for column in sheet.columns])
    for row in sheet.rows:
        writer.writerow([_csv_cell(value) for value in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
