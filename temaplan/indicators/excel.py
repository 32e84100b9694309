"""The indicator workbook (.xlsx): reading it cell by cell and writing it from a plan.

The workbook has three sheets that are imported and one that explains them. The first row of
each sheet holds the column headers (their order does not matter; extra columns are ignored);
every following non-empty row is one record. Row numbers in messages are Excel's own (the
header is row 1).

«Indikatorer», one row per indicator, found by its key:
    Nøkkel*              fixed key, letters a–z, digits, «-» and «_» («nho-rang»)
    Navn*                the indicator's name
    Beskrivelse          free text
    Enhet*               plassering, prosent (andel), prosent (forholdstall), antall, dekar,
                         kroner (or the code: rank, percent, ratio…)
    Retning              høyere er bedre (default) / lavere er bedre
    Kilde*               NHO, SSB, egne data, beregnet
    Påvirkning           the municipality's influence: høy, middels (default), lav
    Innsatsområder       focus-area numbers separated by commas: «1, 8»
    Utgave etter dataår  0 (default); 1 when edition N describes data year N−1 (Kommune-NM)
    Toleranse            how far from the ambition still counts as amber (0 by default)
    Langsiktig mål       text, «topp 10»
    Mål: sammenligning   the long-term goal as a rule: plass N eller bedre, minst, over, høyst,
                         under, bedre enn året før («mellom» needs an upper bound: use ambitions)
    Mål: verdi           the goal's number (not for «bedre enn året før»)
    Fotnote              free text
    Formel               the SSB formula Temaplan computes the indicator with, by its name or
                         key (docs/formulas.md); empty: results are entered by hand
    Nevner               only with «Andel sysselsatte bosatte som jobber i egen kommune»:
                         sysselsatte etter bosted (11618, default) or radsummen i 03321
    (Formel and Nevner came later: a file without them imports as before and keeps each
    indicator's formula; with Formel but no Nevner, the default denominator.)
«Ambisjoner», one row per indicator and year:
    Nøkkel*, År*, Sammenligning*, Verdi (needed by every comparison but «bedre enn året før»),
    Øvre grense (only for «mellom»)
«Verdier», one row per indicator and data year:
    Nøkkel*, År*, Verdi*, Foreløpig (ja/nei, «nei» when empty), Kildemerknad, Dataversjon
«Veiledning» explains the columns; it is write-protected and ignored on import.

(* = required.) A row on «Indikatorer» is the whole definition: an empty optional cell sets the
field to its default. Rows missing from the file are left as they are; nothing is deleted.

Choice cells take the Norwegian label or the stored code, in any case. Number cells take
numbers, or text written the Norwegian or the English way: «41,7», «41.7», «1 234», «−101».
Formulas are refused (the file must carry the figures themselves), and so are cells formatted as
percent in Excel, where «41,7 %» is stored as 0,417.

Reading (`read_workbook`, `RowReader`) needs no database; `workbook_bytes(plan)` writes a plan.
Export is deterministic: the same plan gives the same bytes. Checking rows against the plan and
saving them is importing.py's work.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from django.utils import translation
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.writer.excel import ExcelWriter

from temaplan.statistics.formulas import FORMULAS

from .models import COMPARATOR_CHOICES, DIRECTION_CHOICES, UNIT_CHOICES, Influence, Source
from .queries import plan_indicators

# Sheets and columns -------------------------------------------------------------------------

INDICATORS = "Indikatorer"
TARGETS = "Ambisjoner"
VALUES = "Verdier"
GUIDE = "Veiledning"
SHEETS = (INDICATORS, TARGETS, VALUES)

KEY = "Nøkkel"
NAME = "Navn"
DESCRIPTION = "Beskrivelse"
UNIT = "Enhet"
DIRECTION = "Retning"
SOURCE = "Kilde"
INFLUENCE = "Påvirkning"
FOCUS_AREAS = "Innsatsområder"
OFFSET = "Utgave etter dataår"
TOLERANCE = "Toleranse"
GOAL_TEXT = "Langsiktig mål"
GOAL_COMPARATOR = "Mål: sammenligning"
GOAL_VALUE = "Mål: verdi"
FOOTNOTE = "Fotnote"
YEAR = "År"
COMPARATOR = "Sammenligning"
VALUE = "Verdi"
HIGH = "Øvre grense"
PROVISIONAL = "Foreløpig"
SOURCE_NOTE = "Kildemerknad"
VINTAGE = "Dataversjon"
CALCULATION = "Formel"
DENOMINATOR = "Nevner"
# The one formula setting the sheet has a column for (statistics.formulas).
DENOMINATOR_FORMULA = "share_working_in_home_municipality"
DENOMINATOR_SETTING = FORMULAS[DENOMINATOR_FORMULA].settings["denominator"]


@dataclass(frozen=True)
class Column:
    header: str
    width: int
    required: bool
    help: str
    # Added after workbooks were already in use: a file without the column is read as before
    # (and the import leaves what the column holds unchanged).
    may_be_absent: bool = False


COLUMNS: dict[str, tuple[Column, ...]] = {
    INDICATORS: (
        Column(KEY, 30, True, "Fast nøkkel som kobler radene på de andre arkene til indikatoren."),
        Column(NAME, 50, True, "Indikatorens navn slik det vises i tabellen."),
        Column(DESCRIPTION, 40, False, "Forklaring av indikatoren."),
        Column(UNIT, 14, True, "Hva tallene måler."),
        Column(DIRECTION, 18, False, "Om høye eller lave tall er best. Tom: høyere er bedre."),
        Column(SOURCE, 12, True, "Hvor tallene kommer fra."),
        Column(INFLUENCE, 12, False, "Kommunens påvirkning på indikatoren. Tom: middels."),
        Column(FOCUS_AREAS, 16, False, "Numrene på innsatsområdene, skilt med komma: «1, 8»."),
        Column(
            OFFSET,
            12,
            False,
            "1 når kildens utgave N gjelder dataår N−1 (Kommune-NM), ellers 0. Tom: 0.",
        ),
        Column(
            TOLERANCE,
            12,
            False,
            "Hvor langt fra ambisjonen (i indikatorens enhet) som gir gul, ikke rød. Tom: 0.",
        ),
        Column(GOAL_TEXT, 20, False, "Det langsiktige målet med ord, for eksempel «topp 10»."),
        Column(
            GOAL_COMPARATOR,
            20,
            False,
            "Det langsiktige målet som regel; brukes for år uten egen ambisjon.",
        ),
        Column(GOAL_VALUE, 12, False, "Tallet i det langsiktige målet."),
        Column(FOOTNOTE, 40, False, "Fotnote under indikatortabellen."),
        Column(
            CALCULATION,
            40,
            False,
            "Formelen Temaplan beregner indikatoren med fra SSB (se docs/formulas.md). Tom: "
            "tallene legges inn for hånd. Uten kolonnen beholdes formelen.",
            may_be_absent=True,
        ),
        Column(
            DENOMINATOR,
            30,
            False,
            "Bare for «Andel sysselsatte bosatte som jobber i egen kommune»: hva andelen regnes "
            "av. Tom: sysselsatte etter bosted (11618).",
            may_be_absent=True,
        ),
    ),
    TARGETS: (
        Column(KEY, 30, True, "Nøkkelen til indikatoren (fra arket «Indikatorer» eller planen)."),
        Column(YEAR, 8, True, "Dataåret ambisjonen gjelder."),
        Column(COMPARATOR, 20, True, "Hvordan ambisjonen nås."),
        Column(
            VALUE, 12, False, "Tallet i ambisjonen; kreves for alt unntatt «bedre enn året før»."
        ),
        Column(HIGH, 12, False, "Øvre grense; bare for «mellom»."),
    ),
    VALUES: (
        Column(KEY, 30, True, "Nøkkelen til indikatoren (fra arket «Indikatorer» eller planen)."),
        Column(YEAR, 8, True, "Dataåret tallet beskriver."),
        Column(VALUE, 12, True, "Resultatet, i indikatorens enhet (prosent som 41,7)."),
        Column(PROVISIONAL, 10, False, "«ja» for et foreløpig tall. Tom: nei."),
        Column(SOURCE_NOTE, 40, False, "Merknad om kilden."),
        Column(VINTAGE, 20, False, "Når tallet ble publisert eller hentet: «SSB 2021-06-01»."),
    ),
}

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
MAX_ROWS = 20_000
DECIMAL_PLACES = 4
INTEGER_DIGITS = 12  # the database keeps 16 digits, 4 of them after the comma
YES = ("ja", "j", "x", "sann", "true", "1")
NO = ("nei", "n", "usann", "false", "0")

# Messages -----------------------------------------------------------------------------------
# After «Ark …, rad …, kolonne …:» (see ImportError_), so most start in lower case.

FILE_EMPTY = "Filen er tom."
FILE_TOO_LARGE = "Filen er større enn 10 MB."
FILE_UNPACKS_TOO_LARGE = "Filen er for stor når den pakkes ut (over 100 MB)."
NOT_XLSX = "Filen er ikke en Excel-fil (.xlsx). Lagre den som Excel-arbeidsbok og prøv igjen."
SHEET_MISSING = "arket mangler i filen (arkene i filen: {found})"
SHEET_EMPTY = "arket er tomt; første rad skal ha kolonneoverskriftene"
TOO_MANY_ROWS = "arket har flere enn {limit} rader"
COLUMN_MISSING = "kolonnen mangler i første rad"
COLUMN_TWICE = "kolonnen står flere ganger i første rad"
REQUIRED = "må fylles ut"
FORMULA = "inneholder en formel; skriv inn selve tallet"
FORMULA_TEXT = "inneholder en formel; skriv inn selve verdien"
ERROR_VALUE = "inneholder feilverdien {code}; skriv inn selve verdien"
NOT_A_NUMBER = "«{text}» er ikke et tall"
NOT_A_WHOLE_NUMBER = "«{text}» er ikke et helt tall"
TOO_MANY_DECIMALS = "«{text}» har flere enn 4 desimaler"
NUMBER_TOO_LARGE = "«{text}» er for stort; tallet kan ha høyst 12 sifre før komma"
PERCENT_FORMAT = (
    "cellen er formatert som prosent i Excel, så tallet er lagret som {raw}; "
    "fjern prosentformatet og skriv prosenttallet, for eksempel 41,7"
)
TOO_LONG = "teksten er for lang ({length} tegn; høyst {limit})"
UNKNOWN_CHOICE = "«{text}» er ikke en gyldig verdi; bruk en av: {allowed}"
NOT_YES_NO = "«{text}» er verken «ja» eller «nei»"
BAD_KEY = (
    "«{text}» er ikke en gyldig nøkkel; bruk bare bokstavene a–z, tall, bindestrek og "
    "understrek, for eksempel «nho-rang»"
)
BAD_NUMBER_LIST = "«{text}» er ikke en liste med innsatsområdenumre, for eksempel «1, 8»"


@dataclass(frozen=True)
class ImportError_:  # the underscore keeps Python's own ImportError usable beside it
    """One problem in an uploaded workbook. Row is Excel's row number (header = 1)."""

    sheet: str | None
    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = []
        if self.sheet:
            where.append(f"Ark «{self.sheet}»")
        if self.row:
            where.append(f"rad {self.row}")
        if self.column:
            where.append(f"kolonne «{self.column}»")
        return f"{', '.join(where)}: {self.message}" if where else self.message


class ImportRejected(Exception):
    """The workbook was not imported; `errors` says why, every problem found."""

    def __init__(self, errors: list[ImportError_]):
        self.errors = list(errors)
        super().__init__("\n".join(str(error) for error in self.errors))


# Reading ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RawCell:
    value: Any
    data_type: str = "n"  # openpyxl's: n number, s text, b boolean, d date, f formula, e error
    number_format: str = "General"

    @property
    def is_empty(self) -> bool:
        return self.value is None or (isinstance(self.value, str) and not self.value.strip())


EMPTY = RawCell(None)


@dataclass
class SheetRow:
    sheet: str
    number: int
    cells: dict[str, RawCell]


def unpacked_size(data: bytes) -> int:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return sum(info.file_size for info in archive.infolist())


def header_text(value: Any) -> str:
    return " ".join(str(value).split()).casefold() if value is not None else ""


def _read_sheets(data: bytes) -> tuple[list[str], dict[str, list[tuple[RawCell, ...]]]]:
    """The names of all sheets, and every row of the three data sheets (row 1 first)."""
    book = load_workbook(io.BytesIO(data), read_only=True, data_only=False, keep_links=False)
    try:
        names = list(book.sheetnames)
        wanted = {name.strip().casefold(): name for name in reversed(names)}
        rows: dict[str, list[tuple[RawCell, ...]]] = {}
        for sheet in SHEETS:
            actual = wanted.get(sheet.casefold())
            if actual is None:
                continue
            worksheet = book[actual]
            worksheet.reset_dimensions()  # some programs write a wrong size; read every row
            rows[sheet] = [
                tuple(RawCell(c.value, c.data_type, c.number_format or "General") for c in row)
                for row in worksheet.iter_rows()
            ]
        return names, rows
    finally:
        book.close()


def read_workbook(data: bytes) -> dict[str, list[SheetRow]]:
    """The non-empty data rows of each sheet, keyed by header, or ImportRejected for problems
    with the file, its sheets or its header rows."""
    if not data:
        raise ImportRejected([ImportError_(None, None, None, FILE_EMPTY)])
    if len(data) > MAX_FILE_BYTES:
        raise ImportRejected([ImportError_(None, None, None, FILE_TOO_LARGE)])
    try:
        if unpacked_size(data) > MAX_UNPACKED_BYTES:
            raise ImportRejected([ImportError_(None, None, None, FILE_UNPACKS_TOO_LARGE)])
        names, raw = _read_sheets(data)
    except ImportRejected:
        raise
    except Exception as exc:  # openpyxl fails in many ways on files that are not xlsx
        raise ImportRejected([ImportError_(None, None, None, NOT_XLSX)]) from exc

    errors: list[ImportError_] = []
    result: dict[str, list[SheetRow]] = {}
    found = ", ".join(f"«{name}»" for name in names) or "ingen"
    for sheet in SHEETS:
        if sheet not in raw:
            errors.append(ImportError_(sheet, None, None, SHEET_MISSING.format(found=found)))
            continue
        rows = raw[sheet]
        if not rows or all(cell.is_empty for cell in rows[0]):
            errors.append(ImportError_(sheet, None, None, SHEET_EMPTY))
            continue
        header_cells = rows[0]
        positions: dict[str, int] = {}
        by_text = {header_text(column.header): column.header for column in COLUMNS[sheet]}
        for index, cell in enumerate(header_cells):
            header = by_text.get(header_text(cell.value)) if cell.data_type != "f" else None
            if header is None:
                continue
            if header in positions:
                errors.append(ImportError_(sheet, 1, header, COLUMN_TWICE))
            positions.setdefault(header, index)
        missing = [
            c.header for c in COLUMNS[sheet] if c.header not in positions and not c.may_be_absent
        ]
        for header in missing:
            errors.append(ImportError_(sheet, 1, header, COLUMN_MISSING))
        if missing:
            continue
        sheet_rows = []
        for number, cells in enumerate(rows[1:], start=2):
            by_header = {
                header: cells[index] if index < len(cells) else EMPTY
                for header, index in positions.items()
            }
            if all(cell.is_empty for cell in by_header.values()):
                continue
            sheet_rows.append(SheetRow(sheet, number, by_header))
        if len(sheet_rows) > MAX_ROWS:
            errors.append(ImportError_(sheet, None, None, TOO_MANY_ROWS.format(limit=MAX_ROWS)))
            continue
        result[sheet] = sheet_rows
    if errors:
        raise ImportRejected(errors)
    return result


# Cells --------------------------------------------------------------------------------------

_KEY = re.compile(r"^[-a-zA-Z0-9_]+$")
_SPACES = re.compile(r"[\s\u00a0\u202f]+")
_PLAIN_NUMBER = re.compile(r"^[+-]?[0-9]+(?:[.,][0-9]+)?$")
_GROUPED_NUMBER = re.compile(r"^[+-]?[0-9]{1,3}(?: [0-9]{3})+(?:[.,][0-9]+)?$")
_SMALL_NUMBER = re.compile(r"^[0-9]{1,5}$")


def shown(value: Any) -> str:
    """A cell's content as a message quotes it, cut short when long."""
    if isinstance(value, bool):
        text = "SANN" if value else "USANN"
    elif isinstance(value, datetime):
        text = value.strftime("%d.%m.%Y" if value.time() == time(0) else "%d.%m.%Y %H:%M")
    elif isinstance(value, date):
        text = value.strftime("%d.%m.%Y")
    elif isinstance(value, float | Decimal):
        text = f"{Decimal(repr(value)) if isinstance(value, float) else value:f}".replace(".", ",")
    else:
        text = " ".join(str(value).split())
    return text if len(text) <= 40 else text[:39] + "…"


def parse_decimal_text(text: str) -> Decimal | None:
    """«41,7», «41.7», «1 234», «1 234,5», «−101» → Decimal; anything else → None."""
    text = _SPACES.sub(" ", text.strip()).replace("\u2212", "-")
    text = re.sub(r"^([+-]) ", r"\1", text)
    if _GROUPED_NUMBER.match(text):
        text = text.replace(" ", "")
    if not _PLAIN_NUMBER.match(text):
        return None
    return Decimal(text.replace(",", "."))


class RowReader:
    """Reads typed values from one row, collecting a message per bad cell into `errors`."""

    def __init__(self, row: SheetRow, errors: list[ImportError_]):
        self.row = row
        self.errors = errors
        self.bad: set[str] = set()

    def error(self, column: str, message: str) -> None:
        self.bad.add(column)
        self.errors.append(ImportError_(self.row.sheet, self.row.number, column, message))

    def ok(self, *columns: str) -> bool:
        return not self.bad.intersection(columns)

    def _cell(self, column: str, *, required: bool, formula: str = FORMULA_TEXT) -> RawCell | None:
        cell = self.row.cells.get(column, EMPTY)
        if cell.data_type == "f":
            self.error(column, formula)
            return None
        if cell.data_type == "e":
            self.error(column, ERROR_VALUE.format(code=shown(cell.value)))
            return None
        if cell.is_empty:
            if required:
                self.error(column, REQUIRED)
            return None
        return cell

    def text(self, column: str, *, required: bool = False, max_length: int | None = None) -> str:
        cell = self._cell(column, required=required)
        if cell is None:
            return ""
        value = cell.value
        if isinstance(value, bool):
            text = "ja" if value else "nei"
        elif isinstance(value, datetime) and value.time() == time(0):
            text = value.date().isoformat()
        elif isinstance(value, date | datetime | time):
            text = value.isoformat()
        elif isinstance(value, float) and value.is_integer():
            text = str(int(value))
        else:
            text = str(value)
        text = text.strip()
        if max_length is not None and len(text) > max_length:
            self.error(column, TOO_LONG.format(length=len(text), limit=max_length))
            return ""
        return text

    def key(self, column: str = KEY) -> str:
        key = self.text(column, required=True)
        if key and (len(key) > 60 or not _KEY.match(key)):
            self.error(column, BAD_KEY.format(text=shown(key)))
            return ""
        return key

    def _number(self, column: str, *, required: bool) -> Decimal | None:
        """The cell as a finite Decimal that the database can hold; else None (and an error
        unless the cell is empty and optional)."""
        cell = self._cell(column, required=required, formula=FORMULA)
        if cell is None:
            return None
        value = cell.value
        number: Decimal | None = None
        if isinstance(value, int | float) and not isinstance(value, bool):
            if "%" in cell.number_format:
                self.error(column, PERCENT_FORMAT.format(raw=shown(value)))
                return None
            number = Decimal(value) if isinstance(value, int) else Decimal(repr(value))
        elif isinstance(value, str):
            number = parse_decimal_text(value)
        if number is None or not number.is_finite():
            self.error(column, NOT_A_NUMBER.format(text=shown(value)))
            return None
        if abs(number) >= Decimal(10) ** INTEGER_DIGITS:
            self.error(column, NUMBER_TOO_LARGE.format(text=shown(value)))
            return None
        return number

    def decimal(self, column: str, *, required: bool = False) -> Decimal | None:
        number = self._number(column, required=required)
        if number is None:
            return None
        exponent = number.normalize().as_tuple().exponent
        if isinstance(exponent, int) and exponent < -DECIMAL_PLACES:
            value = self.row.cells[column].value
            self.error(column, TOO_MANY_DECIMALS.format(text=shown(value)))
            return None
        return number

    def integer(self, column: str, *, required: bool = False) -> int | None:
        number = self._number(column, required=required)
        if number is None:
            return None
        if number != number.to_integral_value():
            value = self.row.cells[column].value
            self.error(column, NOT_A_WHOLE_NUMBER.format(text=shown(value)))
            return None
        return int(number)

    def boolean(self, column: str) -> bool:
        cell = self._cell(column, required=False)
        if cell is None:
            return False
        value = cell.value
        if isinstance(value, bool):
            return value
        text = str(value).strip().casefold()
        if isinstance(value, int | float) and value in (0, 1):
            return bool(value)
        if text in YES:
            return True
        if text in NO:
            return False
        self.error(column, NOT_YES_NO.format(text=shown(value)))
        return False

    def choice(
        self, column: str, choices: Iterable[tuple[str, Any]], *, required: bool = False
    ) -> str:
        """The stored code for a cell holding a code or a label (any case); "" when empty."""
        choices = list(choices)
        cell = self._cell(column, required=required)
        if cell is None:
            return ""
        text = " ".join(str(cell.value).split()).casefold()
        for code, label in choices:
            if text in (str(code).casefold(), str(label).casefold()):
                return code
        allowed = ", ".join(f"«{label}»" for _, label in choices)
        self.error(column, UNKNOWN_CHOICE.format(text=shown(cell.value), allowed=allowed))
        return ""

    def numbers(self, column: str) -> list[int]:
        """A comma-separated list of whole numbers («1, 8»), or a single number."""
        cell = self._cell(column, required=False)
        if cell is None:
            return []
        value = cell.value
        if isinstance(value, int) and not isinstance(value, bool) and 0 < value < 100_000:
            return [value]
        if isinstance(value, float) and value.is_integer() and 0 < value < 100_000:
            return [int(value)]
        parts = [part for part in re.split(r"[,;\s]+", str(value)) if part]
        if isinstance(value, str) and parts and all(_SMALL_NUMBER.match(p) for p in parts):
            return sorted({int(part) for part in parts})
        self.error(column, BAD_NUMBER_LIST.format(text=shown(value)))
        return []


# Writing ------------------------------------------------------------------------------------

HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
FIXED_TIME = datetime(2020, 1, 1)


def cell_number(value: Decimal | None) -> int | float | None:
    """A stored decimal as an Excel number: whole numbers as int, others as float."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


@dataclass
class Sheet:
    """What one data sheet holds: rows of values in the order of COLUMNS[name]."""

    name: str
    rows: list[list[Any]] = field(default_factory=list)
    # header → the allowed values, offered as a drop-down list in Excel
    choices: dict[str, list[str]] = field(default_factory=dict)


def _write_data_sheet(book: Workbook, sheet: Sheet) -> None:
    ws = book.create_sheet(sheet.name)
    columns = COLUMNS[sheet.name]
    ws.append([column.header for column in columns])
    for index, column in enumerate(columns, start=1):
        cell = ws.cell(row=1, column=index)
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
        cell.alignment = Alignment(vertical="center", wrap_text=True)
        ws.column_dimensions[get_column_letter(index)].width = column.width
    for row in sheet.rows:
        ws.append(row)
    for index, column in enumerate(columns, start=1):
        if column.header in sheet.choices:
            letter = get_column_letter(index)
            options = ",".join(sheet.choices[column.header])
            # A drop-down that helps without refusing other text: the import accepts codes too.
            validation = DataValidation(type="list", formula1=f'"{options}"', allow_blank=True)
            validation.add(f"{letter}2:{letter}{MAX_ROWS + 1}")
            ws.add_data_validation(validation)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(len(sheet.rows) + 1, 1)}"


GUIDE_INTRO = (
    "Veiledning for indikatorfilen",
    "Filen brukes til å hente ut og lese inn planens indikatorer, ambisjoner og resultater.",
    "Første rad på hvert ark er kolonneoverskriftene; ikke endre dem. Hver rad under er én post.",
    "Importen leser arkene «Indikatorer», «Ambisjoner» og «Verdier». Dette arket leses ikke inn.",
    "Er noe galt i filen, blir ingenting lagret, og du får en liste med ark, rad og kolonne "
    "for hver feil.",
    "Rader som ikke står i filen, blir stående i planen; ingenting slettes av en import.",
    "Skriv tall som tall (41,7 eller 41.7), ikke som formler. Prosent skrives som prosenttall "
    "(41,7), ikke med prosentformat i Excel.",
    "En rad på «Indikatorer» er hele definisjonen: en tom valgfri celle gir standardverdien.",
)


def _write_guide(book: Workbook, allowed: dict[tuple[str, str], str]) -> None:
    ws = book.create_sheet(GUIDE)
    for line in GUIDE_INTRO:
        ws.append([line])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append([])
    ws.append(["Ark", "Kolonne", "Påkrevd", "Forklaring", "Gyldige verdier"])
    header_row = ws.max_row
    for index in range(1, 6):
        cell = ws.cell(row=header_row, column=index)
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
    for sheet in SHEETS:
        for column in COLUMNS[sheet]:
            ws.append(
                [
                    sheet,
                    column.header,
                    "ja" if column.required else "nei",
                    column.help,
                    allowed.get((sheet, column.header), ""),
                ]
            )
    for letter, width in zip("ABCDE", (14, 22, 10, 70, 60), strict=True):
        ws.column_dimensions[letter].width = width
    for row in ws.iter_rows(min_row=header_row + 1):
        for cell in row:
            cell.alignment = Alignment(vertical="top", wrap_text=True)
    ws.protection.sheet = True  # read-only: it is documentation, not data


def deterministic_zip(data: bytes) -> bytes:
    """The same archive with every entry dated 1980-01-01, so equal workbooks are equal bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            entry.external_attr = info.external_attr
            target.writestr(entry, source.read(info.filename), compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def write_workbook(sheets: list[Sheet], *, title: str = "") -> bytes:
    """The workbook with the given data sheets and the guide, as .xlsx bytes."""
    book = Workbook()
    book.remove(book.active)
    allowed: dict[tuple[str, str], str] = {}
    for sheet in sheets:
        _write_data_sheet(book, sheet)
        for header, options in sheet.choices.items():
            allowed[(sheet.name, header)] = ", ".join(options)
    _write_guide(book, allowed)
    book.active = 0
    book.properties.creator = "Temaplan"
    book.properties.title = title
    book.properties.created = book.properties.modified = FIXED_TIME
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).write_data()
    return deterministic_zip(buffer.getvalue())


# The plan's workbook ------------------------------------------------------------------------


def _labels(choices) -> dict[str, str]:
    return {code: str(label) for code, label in choices}


def plan_sheets(indicators: list) -> list[Sheet]:
    """The three data sheets for indicators fetched with `queries.plan_indicators`."""
    units, directions = _labels(UNIT_CHOICES), _labels(DIRECTION_CHOICES)
    comparators = _labels(COMPARATOR_CHOICES)
    sources, influences = _labels(Source.choices), _labels(Influence.choices)
    formulas = {key: formula.name for key, formula in FORMULAS.items()}
    denominators = {value: choice.label for value, choice in DENOMINATOR_SETTING.choices.items()}
    definitions = Sheet(
        INDICATORS,
        choices={
            UNIT: list(units.values()),
            DIRECTION: list(directions.values()),
            SOURCE: list(sources.values()),
            INFLUENCE: list(influences.values()),
            GOAL_COMPARATOR: list(comparators.values()),
            CALCULATION: list(formulas.values()),
            DENOMINATOR: list(denominators.values()),
        },
    )
    targets = Sheet(TARGETS, choices={COMPARATOR: list(comparators.values())})
    values = Sheet(VALUES, choices={PROVISIONAL: ["ja", "nei"]})
    for indicator in indicators:
        areas = sorted(area.number for area in indicator.focus_areas.all())
        definitions.rows.append(
            [
                indicator.key,
                indicator.name,
                indicator.description or None,
                units.get(indicator.unit, indicator.unit),
                directions.get(indicator.direction, indicator.direction),
                sources.get(indicator.source, indicator.source),
                influences.get(indicator.influence, indicator.influence),
                ", ".join(str(number) for number in areas) or None,
                indicator.report_year_offset,
                cell_number(indicator.tolerance),
                indicator.goal_text or None,
                comparators.get(indicator.goal_comparator) if indicator.goal_comparator else None,
                cell_number(indicator.goal_value),
                indicator.footnote or None,
                formulas.get(indicator.formula) if indicator.formula else None,
                denominators.get((indicator.formula_options or {}).get("denominator", ""))
                if indicator.formula == DENOMINATOR_FORMULA
                else None,
            ]
        )
        for target in indicator.targets.all():
            targets.rows.append(
                [
                    indicator.key,
                    target.year,
                    comparators.get(target.comparator, target.comparator),
                    cell_number(target.value),
                    cell_number(target.high),
                ]
            )
        for observation in indicator.observations.all():
            values.rows.append(
                [
                    indicator.key,
                    observation.year,
                    cell_number(observation.value),
                    "ja" if observation.provisional else "nei",
                    observation.source_note or None,
                    observation.vintage or None,
                ]
            )
    return [definitions, targets, values]


def workbook_bytes(plan) -> bytes:
    """The plan's indicators, ambitions and results as an .xlsx workbook (same plan, same
    bytes). Labels are written in bokmål whatever language is active, so files travel."""
    with translation.override("nb"):
        sheets = plan_sheets(plan_indicators(plan))
        return write_workbook(sheets, title=f"{plan.name}: indikatorer")
