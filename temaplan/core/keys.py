"""Keys made from what a user wrote: «Utredning av næringsarealer» → `utredning-av-naeringsarealer`.

A key names a row in Excel files and must stay plain ASCII (a SlugField), but the people who
type titles write Norwegian: æ, ø and å are spelt out the way Norwegians do in addresses
rather than dropped, so «pådriver» becomes `padriver`, not `pdriver`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container

NORWEGIAN_LETTERS = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "Æ": "Ae", "Ø": "O", "Å": "A"})
NOT_KEY = re.compile(r"[^a-z0-9]+")


def key_from_text(text: str, *, max_length: int = 60) -> str:
    """A lower-case ASCII key with hyphens, cut at a hyphen to fit `max_length`."""
    spelt = unicodedata.normalize("NFKD", text.translate(NORWEGIAN_LETTERS))
    ascii_text = spelt.encode("ascii", "ignore").decode("ascii").lower()
    key = NOT_KEY.sub("-", ascii_text).strip("-")
    if len(key) > max_length:
        cut = key[: max_length + 1]
        key = cut[: cut.rfind("-")] if "-" in cut else key[:max_length]
    return key.strip("-")


def free_key(base: str, taken: Container[str], *, max_length: int = 60) -> str:
    """`base`, or `base-2`, `base-3`, … : the first that is not taken."""
    if base not in taken:
        return base
    number = 2
    while True:
        suffix = f"-{number}"
        candidate = base[: max_length - len(suffix)] + suffix
        if candidate not in taken:
            return candidate
        number += 1
