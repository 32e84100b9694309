"""The action workbook (.xlsx): one action period's actions, out and in.

«Tiltak», one row per action, found by its key within the period (header = row 1; the order of
the columns does not matter, extra columns are ignored):
    Nøkkel*              fixed key, letters a–z, digits, «-» and «_» («a01-campus»)
    Tittel*              the action's title
    Beskrivelse          free text
    Type                 tidsbestemt tiltak (default), generelt pådrivertiltak, utredning
    Innsatsområde        the focus area's number: «3»
    Strategier           the plan's strategy codes separated by commas: «2.3, 2.4»
    Ansvarlig enhet, Ansvarlig person, Samarbeidspartnere   free text
    Start, Frist         dates
    Status               planlagt (default), pågår, ferdig, forsinket, avlyst
    Framdrift (%)        a whole number 0–100; empty means not reported (not 0 %)
    Vekt                 how much the action counts in the total progress; 1 by default
    Prioritet            place on the priority list, 1 or more
    Forankret i, Møtedato, Saksnummer   where and when the action was anchored politically
«Veiledning» explains the columns; it is write-protected and ignored on import.

(* = required.) A row is the whole action: an empty optional cell sets the field to its default.
Actions missing from the file are left as they are; nothing is deleted.

Cells are read as the indicator workbook reads them (temaplan.indicators.excel: the same
messages, choices by label or code, numbers as numbers or Norwegian text, no formulas). Dates
are Excel dates, or text written «11.01.2022» or «2022-01-11».

`import_workbook` checks every row and collects every problem; if there is any it raises
ImportRejected and writes nothing. Otherwise it writes in one transaction through the action
services: new keys with `action_create`, changed rows with `action_update` (which bumps the
version and logs a changed status or progress). A row equal to what is stored writes nothing,
so importing the same file twice changes nothing the second time.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Prefetch
from django.utils import translation
from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.writer.excel import ExcelWriter

from temaplan.indicators.excel import (
    COLUMN_MISSING,
    COLUMN_TWICE,
    EMPTY,
    FILE_EMPTY,
    FILE_TOO_LARGE,
    FILE_UNPACKS_TOO_LARGE,
    FIXED_TIME,
    GUIDE,
    HEADER_FILL,
    HEADER_FONT,
    MAX_FILE_BYTES,
    MAX_ROWS,
    MAX_UNPACKED_BYTES,
    NOT_XLSX,
    SHEET_EMPTY,
    SHEET_MISSING,
    TOO_MANY_ROWS,
    Column,
    ImportError_,
    ImportRejected,
    RawCell,
    RowReader,
    SheetRow,
    cell_number,
    deterministic_zip,
    header_text,
    shown,
    unpacked_size,
)
from temaplan.indicators.importing import (
    DUPLICATE_KEY,
    NOT_SAVED,
    UNKNOWN_FOCUS_AREA,
    ImportSummary,
    SheetCounts,
    choices_with_nb_labels,
)
from temaplan.plans.models import FocusArea, Strategy

from .models import Action, ActionPeriod
from .services import action_create, action_update

__all__ = [
    "ACTIONS",
    "COLUMNS",
    "ImportError_",
    "ImportRejected",
    "ImportSummary",
    "import_workbook",
    "parse_date_text",
    "period_rows",
    "read_rows",
    "workbook_bytes",
]

# The sheet and its columns ------------------------------------------------------------------

ACTIONS = "Tiltak"

KEY = "Nøkkel"
TITLE = "Tittel"
DESCRIPTION = "Beskrivelse"
KIND = "Type"
FOCUS_AREA = "Innsatsområde"
STRATEGIES = "Strategier"
UNIT = "Ansvarlig enhet"
PERSON = "Ansvarlig person"
PARTNERS = "Samarbeidspartnere"
START = "Start"
DUE = "Frist"
STATUS = "Status"
PROGRESS = "Framdrift (%)"
WEIGHT = "Vekt"
PRIORITY = "Prioritet"
ANCHORED_BODY = "Forankret i"
ANCHORED_ON = "Møtedato"
ANCHORED_CASE = "Saksnummer"

COLUMNS: tuple[Column, ...] = (
    Column(KEY, 26, True, "Fast nøkkel som kjenner igjen tiltaket ved neste import."),
    Column(TITLE, 50, True, "Tiltakets tittel."),
    Column(DESCRIPTION, 50, False, "Hva tiltaket går ut på."),
    Column(KIND, 24, False, "Hva slags tiltak. Tom: tidsbestemt tiltak."),
    Column(FOCUS_AREA, 14, False, "Nummeret på innsatsområdet tiltaket hører til: «3»."),
    Column(STRATEGIES, 16, False, "Kodene til strategiene tiltaket følger opp: «2.3, 2.4»."),
    Column(UNIT, 26, False, "Enheten som har ansvaret."),
    Column(PERSON, 22, False, "Personen som har ansvaret."),
    Column(PARTNERS, 30, False, "Hvem kommunen samarbeider med om tiltaket."),
    Column(START, 12, False, "Når tiltaket starter: 11.01.2022."),
    Column(DUE, 12, False, "Når tiltaket skal være ferdig; ikke før start."),
    Column(STATUS, 12, False, "Hvor tiltaket står. Tom: planlagt."),
    Column(
        PROGRESS,
        12,
        False,
        "Hvor langt tiltaket er kommet, som helt tall fra 0 til 100. "
        "Tom: ikke rapportert (ikke det samme som 0).",
    ),
    Column(WEIGHT, 8, False, "Hvor mye tiltaket teller i samlet framdrift. Tom: 1."),
    Column(PRIORITY, 10, False, "Plassen på prioriteringslisten: 1 eller høyere."),
    Column(ANCHORED_BODY, 20, False, "Organet tiltaket er forankret i: «Formannskapet»."),
    Column(ANCHORED_ON, 12, False, "Datoen for møtet der tiltaket ble forankret."),
    Column(ANCHORED_CASE, 14, False, "Saksnummeret: «45/22»."),
)
DATE_COLUMNS = (START, DUE, ANCHORED_ON)
DATE_FORMAT = "DD.MM.YYYY"

MAX_WEIGHT = Decimal("9999.99")  # the database keeps 6 digits, 2 of them after the comma
MAX_PRIORITY = 32767

# Messages -----------------------------------------------------------------------------------
# After «Ark …, rad …, kolonne …:» (see ImportError_). The file-level messages, REQUIRED,
# FORMULA, NOT_A_NUMBER, UNKNOWN_CHOICE, TOO_LONG, BAD_KEY … are the indicator workbook's.

NOT_A_DATE = "«{text}» er ikke en dato; skriv datoen som 11.01.2022 eller 2022-01-11"
OVER = "{value} er over {limit}"
UNDER = "{value} er under {limit}"
TOO_MANY_DECIMALS = "«{text}» har flere enn 2 desimaler"
UNKNOWN_STRATEGY = "planen har ikke strategi {codes}"
DUE_BEFORE_START = "fristen {due} er før start {start}"


# Reading ------------------------------------------------------------------------------------
# What indicators.excel.read_workbook does for its three sheets, for the one sheet here.


def _read_sheet(data: bytes) -> tuple[list[str], list[tuple[RawCell, ...]] | None]:
    """The names of all sheets, and every row of «Tiltak» (None when there is no such sheet)."""
    book = load_workbook(io.BytesIO(data), read_only=True, data_only=False, keep_links=False)
    try:
        names = list(book.sheetnames)
        actual = next((n for n in names if n.strip().casefold() == ACTIONS.casefold()), None)
        if actual is None:
            return names, None
        worksheet = book[actual]
        worksheet.reset_dimensions()  # some programs write a wrong size; read every row
        return names, [
            tuple(RawCell(c.value, c.data_type, c.number_format or "General") for c in row)
            for row in worksheet.iter_rows()
        ]
    finally:
        book.close()


def _rejected(message: str, sheet: str | None = None) -> ImportRejected:
    return ImportRejected([ImportError_(sheet, None, None, message)])


def read_rows(data: bytes) -> list[SheetRow]:
    """The non-empty data rows of «Tiltak», keyed by header, or ImportRejected for problems
    with the file, the sheet or its header row."""
    if not data:
        raise _rejected(FILE_EMPTY)
    if len(data) > MAX_FILE_BYTES:
        raise _rejected(FILE_TOO_LARGE)
    try:
        if unpacked_size(data) > MAX_UNPACKED_BYTES:
            raise _rejected(FILE_UNPACKS_TOO_LARGE)
        names, rows = _read_sheet(data)
    except ImportRejected:
        raise
    except Exception as exc:  # openpyxl fails in many ways on files that are not xlsx
        raise _rejected(NOT_XLSX) from exc
    if rows is None:
        found = ", ".join(f"«{name}»" for name in names) or "ingen"
        raise _rejected(SHEET_MISSING.format(found=found), ACTIONS)
    if not rows or all(cell.is_empty for cell in rows[0]):
        raise _rejected(SHEET_EMPTY, ACTIONS)

    errors: list[ImportError_] = []
    positions: dict[str, int] = {}
    by_text = {header_text(column.header): column.header for column in COLUMNS}
    for index, cell in enumerate(rows[0]):
        header = by_text.get(header_text(cell.value)) if cell.data_type != "f" else None
        if header is None:
            continue
        if header in positions:
            errors.append(ImportError_(ACTIONS, 1, header, COLUMN_TWICE))
        positions.setdefault(header, index)
    errors += [
        ImportError_(ACTIONS, 1, c.header, COLUMN_MISSING)
        for c in COLUMNS
        if c.header not in positions
    ]
    if errors:
        raise ImportRejected(errors)

    result = []
    for number, cells in enumerate(rows[1:], start=2):
        by_header = {
            header: cells[index] if index < len(cells) else EMPTY
            for header, index in positions.items()
        }
        if not all(cell.is_empty for cell in by_header.values()):
            result.append(SheetRow(ACTIONS, number, by_header))
    if len(result) > MAX_ROWS:
        raise _rejected(TOO_MANY_ROWS.format(limit=MAX_ROWS), ACTIONS)
    return result


_DOTTED_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def parse_date_text(text: str) -> date | None:
    """«11.01.2022» or «2022-01-11» → date; anything else (also «31.02.2022») → None."""
    text = text.strip()
    if match := _DOTTED_DATE.match(text):
        day, month, year = (int(part) for part in match.groups())
    elif match := _ISO_DATE.match(text):
        year, month, day = (int(part) for part in match.groups())
    else:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


class ActionRowReader(RowReader):
    """RowReader with the cells only actions have: dates, ranges, focus area, strategies."""

    def date(self, column: str) -> date | None:
        cell = self._cell(column, required=False)
        if cell is None:
            return None
        value = cell.value
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        if isinstance(value, str) and (parsed := parse_date_text(value)):
            return parsed
        self.error(column, NOT_A_DATE.format(text=shown(value)))
        return None

    def whole_number(self, column: str, low: int, high: int) -> int | None:
        number = self.integer(column)
        if number is not None and number < low:
            self.error(column, UNDER.format(value=number, limit=low))
            return None
        if number is not None and number > high:
            self.error(column, OVER.format(value=number, limit=high))
            return None
        return number

    def weight(self, column: str) -> Decimal:
        number = self._number(column, required=False)
        if number is None:
            return Decimal(1)
        exponent = number.normalize().as_tuple().exponent
        if isinstance(exponent, int) and exponent < -2:
            self.error(column, TOO_MANY_DECIMALS.format(text=shown(self.row.cells[column].value)))
        elif number < 0:
            self.error(column, UNDER.format(value=shown(number), limit=0))
        elif number > MAX_WEIGHT:
            self.error(column, OVER.format(value=shown(number), limit=shown(MAX_WEIGHT)))
        return number

    def focus_area(self, column: str, focus_areas: dict[int, FocusArea]) -> FocusArea | None:
        """The plan's focus area with the number in the cell; None when empty."""
        number = self.integer(column)
        if number is None:
            return None
        if number not in focus_areas:
            self.error(column, UNKNOWN_FOCUS_AREA.format(numbers=number))
        return focus_areas.get(number)

    def strategies(self, column: str, strategies: dict[str, Strategy]) -> list[Strategy]:
        """The plan's strategies whose codes are listed in the cell: «2.3, 2.4» (or «;»)."""
        parts = re.split(r"[,;\s]+", self.text(column))
        codes = list(dict.fromkeys(part for part in parts if part))
        unknown = [code for code in codes if code.casefold() not in strategies]
        if unknown:
            self.error(column, UNKNOWN_STRATEGY.format(codes=", ".join(unknown)))
        return [strategies[code.casefold()] for code in codes if code.casefold() in strategies]


# Checking -----------------------------------------------------------------------------------


@dataclass
class ActionRow:
    number: int
    key: str
    fields: dict[str, Any]  # Action fields, focus_area as a FocusArea or None
    strategies: list[Strategy]


def _check(
    rows: list[SheetRow], period: ActionPeriod
) -> tuple[list[ActionRow], list[ImportError_]]:
    """The rows as actions, and every problem found in them (in the order of the columns)."""
    errors: list[ImportError_] = []
    focus_areas = {area.number: area for area in FocusArea.objects.filter(plan=period.plan_id)}
    strategies: dict[str, Strategy] = {}
    for strategy in Strategy.objects.filter(plan=period.plan_id).order_by("position", "pk"):
        strategies.setdefault(strategy.code.strip().casefold(), strategy)
    kinds = choices_with_nb_labels(Action.Kind.choices)
    statuses = choices_with_nb_labels(Action.Status.choices)
    checked, first_row = [], {}
    for row in rows:
        read = ActionRowReader(row, errors)
        key = read.key()
        if key in first_row:
            read.error(KEY, DUPLICATE_KEY.format(key=key, first=first_row[key]))
        elif key:
            first_row[key] = row.number
        fields = {
            "title": read.text(TITLE, required=True, max_length=300),
            "description": read.text(DESCRIPTION),
            "kind": read.choice(KIND, kinds) or Action.Kind.TIME_BOUND,
            "focus_area": read.focus_area(FOCUS_AREA, focus_areas),
        }
        chosen = read.strategies(STRATEGIES, strategies)
        fields |= {
            "responsible_unit": read.text(UNIT, max_length=200),
            "responsible_person": read.text(PERSON, max_length=200),
            "partners": read.text(PARTNERS, max_length=500),
            "start_date": read.date(START),
            "due_date": read.date(DUE),
            "status": read.choice(STATUS, statuses) or Action.Status.PLANNED,
            "progress": read.whole_number(PROGRESS, 0, 100),
            "weight": read.weight(WEIGHT),
            "priority": read.whole_number(PRIORITY, 1, MAX_PRIORITY),
            "anchored_body": read.text(ANCHORED_BODY, max_length=100),
            "anchored_on": read.date(ANCHORED_ON),
            "anchored_case": read.text(ANCHORED_CASE, max_length=50),
        }
        start, due = fields["start_date"], fields["due_date"]
        if start and due and due < start:
            read.error(DUE, DUE_BEFORE_START.format(due=shown(due), start=shown(start)))
        if key:
            checked.append(ActionRow(row.number, key, fields, chosen))
    return checked, errors


# Writing to the database --------------------------------------------------------------------


def _stored(action: Action, name: str) -> Any:
    return action.focus_area_id if name == "focus_area" else getattr(action, name)


def _wanted(name: str, value: Any) -> Any:
    return value.pk if name == "focus_area" and value is not None else value


def _apply_row(period: ActionPeriod, existing: dict[str, Action], row: ActionRow, user) -> str:
    action = existing.get(row.key)
    if action is None:
        data = {"key": row.key, **row.fields, "strategies": row.strategies}
        existing[row.key] = action_create(period=period, data=data, user=user)
        return "created"
    changes: dict[str, Any] = {
        name: value
        for name, value in row.fields.items()
        if _stored(action, name) != _wanted(name, value)
    }
    if {s.pk for s in action.strategies.all()} != {s.pk for s in row.strategies}:
        changes["strategies"] = row.strategies
    if not changes:
        return "unchanged"
    existing[row.key] = action_update(
        action=action, changes=changes, expected_version=action.version, user=user
    )
    return "updated"


def import_workbook(*, period: ActionPeriod, data: bytes, user=None) -> ImportSummary:
    """Apply an uploaded workbook to the period's actions, or raise ImportRejected with every
    problem (sheet, row, column, Norwegian message) and change nothing."""
    rows = read_rows(data)
    with transaction.atomic():
        existing = {
            action.key: action
            for action in Action.objects.select_for_update()
            .filter(period=period)
            .prefetch_related("strategies")
        }
        checked, errors = _check(rows, period)
        if errors:
            raise ImportRejected(errors)
        summary = ImportSummary(sheets={ACTIONS: SheetCounts()})
        for row in checked:
            try:
                summary.sheets[ACTIONS].add(_apply_row(period, existing, row, user))
            except ValidationError as error:  # a rule the checks above did not foresee
                problem = " ".join(str(message) for message in error.messages)
                errors.append(
                    ImportError_(ACTIONS, row.number, None, NOT_SAVED.format(problem=problem))
                )
        if errors:
            raise ImportRejected(errors)  # leaving the block rolls everything back
    return summary


# Writing the workbook -----------------------------------------------------------------------

GUIDE_INTRO = (
    "Veiledning for tiltaksfilen",
    "Filen brukes til å hente ut og lese inn tiltakene i én handlingsperiode.",
    "Første rad på arket «Tiltak» er kolonneoverskriftene; ikke endre dem. Hver rad under er "
    "ett tiltak, som kjennes igjen på nøkkelen.",
    "Importen leser bare arket «Tiltak». Dette arket leses ikke inn.",
    "Er noe galt i filen, blir ingenting lagret, og du får en liste med ark, rad og kolonne "
    "for hver feil.",
    "Tiltak som ikke står i filen, blir stående; ingenting slettes av en import.",
    "En rad er hele tiltaket: en tom valgfri celle gir standardverdien.",
    "Skriv tall som tall, ikke som formler. Datoer skrives som datoer i Excel, eller som tekst: "
    "11.01.2022 eller 2022-01-11.",
)


def _cell_value(value: Any) -> Any:
    """A value as the sheet holds it: empty text as an empty cell, no control characters."""
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value) or None
    return value


def _labels(choices) -> dict[str, str]:
    return {code: str(label) for code, label in choices}


def period_rows(period: ActionPeriod) -> list[list[Any]]:
    """The period's actions as rows in the order of COLUMNS (priority, then key)."""
    kinds, statuses = _labels(Action.Kind.choices), _labels(Action.Status.choices)
    actions = (
        Action.objects.filter(period=period)
        .select_related("focus_area")
        .prefetch_related(
            Prefetch(
                "strategies",
                queryset=Strategy.objects.order_by("focus_area__number", "position", "code", "pk"),
            )
        )
        .order_by(F("priority").asc(nulls_last=True), "key")
    )
    return [
        [
            _cell_value(value)
            for value in (
                action.key,
                action.title,
                action.description,
                kinds.get(action.kind, action.kind),
                action.focus_area.number if action.focus_area else None,
                ", ".join(strategy.code for strategy in action.strategies.all()),
                action.responsible_unit,
                action.responsible_person,
                action.partners,
                action.start_date,
                action.due_date,
                statuses.get(action.status, action.status),
                action.progress,
                cell_number(action.weight),
                action.priority,
                action.anchored_body,
                action.anchored_on,
                action.anchored_case,
            )
        ]
        for action in actions
    ]


def _write_actions(book: Workbook, rows: list[list[Any]], choices: dict[str, list[str]]) -> None:
    ws = book.create_sheet(ACTIONS)
    ws.append([column.header for column in COLUMNS])
    for index, column in enumerate(COLUMNS, start=1):
        cell = ws.cell(row=1, column=index)
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
        cell.alignment = Alignment(vertical="center", wrap_text=True)
        ws.column_dimensions[get_column_letter(index)].width = column.width
    for row in rows:
        ws.append(row)
    for index, column in enumerate(COLUMNS, start=1):
        letter = get_column_letter(index)
        if column.header in DATE_COLUMNS:
            for (cell,) in ws.iter_rows(min_row=2, min_col=index, max_col=index):
                cell.number_format = DATE_FORMAT
        if column.header in choices:
            # A drop-down that helps without refusing other text: the import accepts codes too.
            options = ",".join(choices[column.header])
            validation = DataValidation(type="list", formula1=f'"{options}"', allow_blank=True)
            validation.add(f"{letter}2:{letter}{MAX_ROWS + 1}")
            ws.add_data_validation(validation)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{len(rows) + 1}"


def _write_guide(book: Workbook, choices: dict[str, list[str]]) -> None:
    ws = book.create_sheet(GUIDE)
    for line in GUIDE_INTRO:
        ws.append([line])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append([])
    ws.append(["Kolonne", "Påkrevd", "Forklaring", "Gyldige verdier"])
    header_row = ws.max_row
    for index in range(1, 5):
        cell = ws.cell(row=header_row, column=index)
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
    for column in COLUMNS:
        allowed = ", ".join(choices.get(column.header, []))
        ws.append([column.header, "ja" if column.required else "nei", column.help, allowed])
    for letter, width in zip("ABCD", (22, 10, 70, 60), strict=True):
        ws.column_dimensions[letter].width = width
    for row in ws.iter_rows(min_row=header_row + 1):
        for cell in row:
            cell.alignment = Alignment(vertical="top", wrap_text=True)
    ws.protection.sheet = True  # read-only: it is documentation, not data


def workbook_bytes(period: ActionPeriod) -> bytes:
    """The period's actions as an .xlsx workbook (same actions, same bytes). Labels are
    written in bokmål whatever language is active, so files travel."""
    with translation.override("nb"):
        choices = {
            KIND: list(_labels(Action.Kind.choices).values()),
            STATUS: list(_labels(Action.Status.choices).values()),
        }
        book = Workbook()
        book.remove(book.active)
        _write_actions(book, period_rows(period), choices)
        _write_guide(book, choices)
        book.active = 0
        book.properties.creator = "Temaplan"
        book.properties.title = f"{period.plan.name}: tiltak {period.name}"
        book.properties.created = book.properties.modified = FIXED_TIME
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).write_data()
    return deterministic_zip(buffer.getvalue())
