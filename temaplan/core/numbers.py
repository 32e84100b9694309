"""Numbers typed the Norwegian way, read back: «60 000», «1 234,5», «−5», «0,3». Pure, no Django.

What is read:
- Thousands grouped by a space: an ordinary one, a no-break space (U+00A0, what the pages
  show) or a narrow no-break space (U+202F). The first group has one to three digits, every
  later group exactly three («1 23» is refused). Ungrouped digits are fine too («60000»).
- A decimal comma («0,3»). A single dot is read as a decimal point as well («0.3», «1.5»),
  except where it could just as well separate thousands: a dot followed by exactly three digits
  after one to three digits other than 0 («1.234», «12.500») is refused as ambiguous.
- A sign in front: «-», «+», the minus sign «−» (U+2212, what the pages show) or an en dash.

Refused, each with its own message: anything but digits («abc», «1e5», «10 %»), more than one
comma («1,2,3»), more than one dot, a comma and a dot together («1,234.5»), and groups of the
wrong length. Whole-number fields also refuse a decimal part («2,5»), though «3,0» is 3.
"""

from __future__ import annotations

import re
from decimal import Decimal

from .formatting import decimal_places, number, without_trailing_zeros

NOT_A_NUMBER = "«{text}» er ikke et tall."
UNIT_GIVEN = "Skriv bare tallet, uten «{unit}»."
MIXED_SEPARATORS = (
    "«{text}» har både komma og punktum. Bruk komma som desimaltegn og mellomrom mellom "
    "tusener, for eksempel 1 234,5."
)
SEVERAL_COMMAS = "«{text}» har mer enn ett komma. Et tall har høyst ett desimalkomma: 1 234,5."
SEVERAL_DOTS = "«{text}» har mer enn ett punktum. Skriv tusener med mellomrom: 1 234 567."
BAD_GROUPING = (
    "«{text}» har mellomrom på feil sted. Mellomrom skiller tusener i grupper på tre sifre, "
    "for eksempel 1 234 eller 60 000."
)
AMBIGUOUS_DOT = (
    "«{text}» kan bety både {thousands} og {decimal}. Skriv {thousands} for et helt tall eller "
    "{decimal} med komma for et desimaltall."
)
NOT_WHOLE = "«{text}» er ikke et helt tall. Skriv tallet uten desimaler."

_SPACES = re.compile(r"[\s\u00a0\u202f\u2009\u2007]+")
_SIGN = re.compile(r"^([-+\u2212\u2013]?) ?(.*)$")
_UNIT = re.compile(r"\d ?(%|kr\.?|prosent|dekar|daa)$", re.IGNORECASE)
_UNGROUPED = re.compile(r"^[0-9]+$")
_GROUPED = re.compile(r"^[0-9]{1,3}(?: [0-9]{3})+$")
_DIGITS_AND_SPACES = re.compile(r"^[0-9 ]+$")
_FRACTION = re.compile(r"^[0-9]+$")
_MINUSES = ("-", "\u2212", "\u2013")


class NumberProblem(ValueError):
    """Text that is not a number, with the Norwegian message that says why. `garbled` when
    it is no number at all (not a number written the wrong way), where a form field may have
    its own message."""

    def __init__(self, message: str, *, garbled: bool = False):
        super().__init__(message)
        self.message = message
        self.garbled = garbled


def _shown(text: str) -> str:
    """The input as a message quotes it: spaces made plain, cut short when long."""
    text = " ".join(text.split())
    return text if len(text) <= 40 else text[:39] + "…"


def parse_number(text: str) -> Decimal:
    """The number written in `text`; NumberProblem (with the message) when it is none."""
    shown = _shown(text)
    body = _SPACES.sub(" ", text).strip()
    sign_match = _SIGN.match(body)
    assert sign_match is not None  # the pattern matches any text
    sign, body = sign_match.groups()
    if unit := _UNIT.search(body):
        raise NumberProblem(UNIT_GIVEN.format(unit=unit.group(1)))
    if "," in body and "." in body:
        raise NumberProblem(MIXED_SEPARATORS.format(text=shown))
    if body.count(",") > 1:
        raise NumberProblem(SEVERAL_COMMAS.format(text=shown))
    if body.count(".") > 1:
        raise NumberProblem(SEVERAL_DOTS.format(text=shown))
    separator = "," if "," in body else "."
    whole, has_fraction, fraction = body.partition(separator)
    if has_fraction and not _FRACTION.match(fraction) or not has_fraction and not whole:
        raise NumberProblem(NOT_A_NUMBER.format(text=shown), garbled=True)
    if whole and not (_UNGROUPED.match(whole) or _GROUPED.match(whole)):
        if _DIGITS_AND_SPACES.match(whole):
            raise NumberProblem(BAD_GROUPING.format(text=shown))
        raise NumberProblem(NOT_A_NUMBER.format(text=shown), garbled=True)
    if separator == "." and has_fraction and _could_be_thousands(whole, fraction):
        raise NumberProblem(
            AMBIGUOUS_DOT.format(
                text=shown,
                thousands=number(int(whole + fraction)),
                decimal=f"{whole},{fraction}",
            )
        )
    digits = whole.replace(" ", "") or "0"
    value = Decimal(f"{digits}.{fraction}" if has_fraction else digits)
    if sign in _MINUSES:
        value = -value
    return abs(value) if value == 0 else value  # «-0» is 0


def _could_be_thousands(whole: str, fraction: str) -> bool:
    """«1.234» and «12.500» could be thousands; «0.234», «1234.5» and «1 234.567» cannot."""
    return len(fraction) == 3 and bool(re.fullmatch(r"[0-9]{1,3}", whole)) and int(whole) > 0


def parse_whole_number(text: str) -> int:
    """The whole number written in `text`; a decimal part other than zeros is refused."""
    value = parse_number(text)
    if value != value.to_integral_value():
        raise NumberProblem(NOT_WHOLE.format(text=_shown(text)))
    return int(value)


def input_text(value: Decimal | int | float) -> str:
    """A number as a form field shows it: `60000` → «60 000», `0.3000` → «0,3», `-5` → «-5».

    Grouped with a no-break space from five digits up, so a year reads 2024; with as many
    decimals as it needs; with the hyphen minus, which anyone can type back."""
    exact = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    exact = without_trailing_zeros(exact)
    places = decimal_places(exact)
    text = f"{abs(exact):f}"
    if len(text.partition(".")[0]) > 4:
        text = number(abs(exact), places)
    text = text.replace(".", ",")
    return f"-{text}" if exact < 0 else text
