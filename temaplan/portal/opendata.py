"""A published report's indicator figures as open data: one row per indicator and year, as
CSV and as JSON, with the columns documented, the licence and the source credit. Read from
the report's stored document alone (never live data). Pure: no Django.

The CSV is RFC 4180 (comma-separated, UTF-8, a header row); numbers are the exact decimal
values with a full stop («41.7»), the shown text («41,7 %») beside them. Text cells that a
spreadsheet would take for a formula get an apostrophe first (temaplan.core.workbook).
"""

from __future__ import annotations

import csv
import io
from typing import Any

from temaplan.core.workbook import csv_value
from temaplan.indicators.charts import UNIT_TITLES
from temaplan.indicators.status import LABELS
from temaplan.reports.document import Document

LICENCE = "Norsk lisens for offentlige data (NLOD) 2.0"
LICENCE_URL = "https://data.norge.no/nlod/no/2.0"
CREDIT = "Kilde: Statistisk sentralbyrå"
CREDIT_NOTE = (
    "Tallene med kilde SSB er fra Statistisk sentralbyrå; tall med annen kilde (NHO, kommunens "
    "egne data) er merket i kolonnen «kilde»."
)

# (column, what it holds): the CSV's header row, the JSON rows' keys, and the page's table.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("kommunenummer", "Kommunenummeret, fire sifre (for eksempel 3203)."),
    ("kommune", "Kommunens navn."),
    ("plan", "Planens navn."),
    ("rapportaar", "Året resultatrapporten gjelder."),
    ("indikatorid", "Indikatorens faste nøkkel i Temaplan."),
    ("indikator", "Indikatorens navn."),
    (
        "enhet",
        "Enheten som kode (prosent, antall, kroner, plassering, …); JSON-filen lister kodene.",
    ),
    ("kilde", "Hvor tallet kommer fra: SSB, NHO, egne data eller beregnet."),
    ("aar", "Året tallet gjelder."),
    ("verdi", "Tallet som eksakt desimaltall med punktum; tom når året ikke har tall."),
    ("vist", "Tallet slik rapporten viser det («41,7 %»)."),
    ("ambisjon", "Årets ambisjon slik planen sier den; tom uten ambisjon."),
    ("status", "Status mot ambisjonen som kode (grønn, gul, rød, …); JSON-filen lister kodene."),
)
COLUMN_NAMES = tuple(name for name, _ in COLUMNS)
# The codes of the coded columns, for the JSON's documentation (the page names them in words).
CODES: dict[str, dict[str, str]] = {
    "enhet": {str(unit): title.lower() for unit, title in UNIT_TITLES.items()},
    "status": {str(status): label for status, label in LABELS.items()},
}


def indicator_rows(document: Document) -> list[dict[str, Any]]:
    """One row per indicator and year of its series, in the report's order."""
    meta = document["meta"]
    return [
        {
            "kommunenummer": meta["municipality_number"],
            "kommune": meta["municipality_name"],
            "plan": meta["plan_name"],
            "rapportaar": meta["year"],
            "indikatorid": entry["key"],
            "indikator": entry["name"],
            "enhet": entry["unit"],
            "kilde": entry["source"],
            "aar": point["year"],
            "verdi": point["value"],
            "vist": point["shown"],
            "ambisjon": point["target"],
            "status": point["status"],
        }
        for entry in document["indicators"]
        for point in entry["series"]
    ]


def indicators_csv(document: Document) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMN_NAMES)
    for row in indicator_rows(document):
        writer.writerow(csv_value("" if row[name] is None else row[name]) for name in COLUMN_NAMES)
    return out.getvalue()


def indicators_json(document: Document, *, fingerprint: str, published_at: str) -> dict[str, Any]:
    """The rows with what they mean: columns, licence, credit, and which report they are from."""
    meta = document["meta"]
    return {
        "om": {
            "tittel": f"{meta['title']}: indikatorer år for år",
            "kommunenummer": meta["municipality_number"],
            "kommune": meta["municipality_name"],
            "plan": meta["plan_name"],
            "rapportaar": meta["year"],
            "publisert": published_at,
            "fingeravtrykk": fingerprint,
            "lisens": LICENCE,
            "lisens_url": LICENCE_URL,
            "kreditering": CREDIT,
            "merknad": CREDIT_NOTE,
            "kolonner": [
                {"navn": name, "beskrivelse": text}
                | ({"koder": CODES[name]} if name in CODES else {})
                for name, text in COLUMNS
            ],
        },
        "rader": indicator_rows(document),
    }
