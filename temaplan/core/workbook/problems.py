"""The limits of an uploaded workbook and the one way a problem in it is told: sheet, row,
column and a Norwegian message. The messages follow «Ark …, rad …, kolonne …:» (see
CellProblem), so most start in lower case."""

from __future__ import annotations

from dataclasses import dataclass

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
MAX_ROWS = 20_000
INTEGER_DIGITS = 12  # the database keeps 16 digits, 4 of them after the comma

# The file, its sheets and their header rows
FILE_EMPTY = "Filen er tom."
FILE_TOO_LARGE = "Filen er større enn 10 MB."
FILE_UNPACKS_TOO_LARGE = "Filen er for stor når den pakkes ut (over 100 MB)."
NOT_XLSX = "Filen er ikke en Excel-fil (.xlsx). Lagre den som Excel-arbeidsbok og prøv igjen."
SHEET_MISSING = "arket mangler i filen (arkene i filen: {found})"
SHEET_EMPTY = "arket er tomt; første rad skal ha kolonneoverskriftene"
TOO_MANY_ROWS = "arket har flere enn {limit} rader"
COLUMN_MISSING = "kolonnen mangler i første rad"
COLUMN_TWICE = "kolonnen står flere ganger i første rad"

# One cell
REQUIRED = "må fylles ut"
FORMULA = "inneholder en formel; skriv inn selve tallet"
FORMULA_TEXT = "inneholder en formel; skriv inn selve verdien"
ERROR_VALUE = "inneholder feilverdien {code}; skriv inn selve verdien"
NOT_A_NUMBER = "«{text}» er ikke et tall"
NOT_A_WHOLE_NUMBER = "«{text}» er ikke et helt tall"
TOO_MANY_DECIMALS = "«{text}» har flere enn {places} desimaler"
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
NOT_A_DATE = "«{text}» er ikke en dato; skriv datoen som 11.01.2022 eller 2022-01-11"
OVER = "{value} er over {limit}"
UNDER = "{value} er under {limit}"

# Rows against each other and against the plan
DUPLICATE_KEY = "nøkkelen «{key}» står også på rad {first}"
UNKNOWN_FOCUS_AREA = "planen har ikke innsatsområde {numbers}"
NOT_SAVED = "kunne ikke lagres: {problem}"


@dataclass(frozen=True)
class CellProblem:
    """One problem in an uploaded workbook. Row is Excel's row number (header = 1); sheet,
    row and column are None where the problem is the whole file, sheet or row."""

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

    def __init__(self, errors: list[CellProblem]):
        self.errors = list(errors)
        super().__init__("\n".join(str(error) for error in self.errors))


def rejected(message: str, sheet: str | None = None) -> ImportRejected:
    """A whole file or sheet refused for one reason."""
    return ImportRejected([CellProblem(sheet, None, None, message)])
