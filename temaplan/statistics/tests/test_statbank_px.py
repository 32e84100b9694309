"""PC-Axis files (statbank_px): SSB's own .px file, then hand-made ones for each feature."""

from __future__ import annotations

import re

import numpy as np
import pytest

from temaplan.statistics.statbank_px import read_px
from temaplan.statistics.statbank_text import StatbankFileError

# ----------------------------------------------------------------------------------------------
# PC-Axis


def test_the_ssb_px_file_reads(ssb_data):
    ds = read_px((ssb_data / "api_responses" / "ssb_national_trade.px").read_bytes())
    assert ds.ids == [
        "import/eksport",
        "tosifret SITC",
        "transportmåte",
        "statistikkvariabel",
        "kvartal",
    ]
    assert ds.shape == (2, 65, 15, 1, 14)
    assert ds.label.startswith("Utenrikshandel med varer (tonn), etter import/eksport")
    assert (ds.updated, ds.source) == ("2018-07-13T08:00", "Statistisk sentralbyrå")
    trade, sitc, transport, contents, quarter = ds.dimensions
    assert trade.codes == ["1", "2"] and trade.labels == ["Import", "Eksport"]
    assert sitc.codes[:2] == ["-", "00"] and sitc.labels[0] == "Varer i alt"
    assert (quarter.role, contents.role) == ("time", "metric")
    assert contents.units == {"Transmengde": {"base": "tonn", "decimals": 0}}
    # DATA row 1 and row 976 (Eksport, Varer i alt, Alle transportmåter), checked with sed/awk
    assert ds.values[0, 0, 0, 0, 0] == 8_625_931
    assert ds.values[0, 0, 0, 0, 13] == 10_283_304
    assert ds.values[1, 0, 0, 0, 0] == 55_762_631
    assert ds.values[1, 0, 0, 0, 13] == 57_962_332
    assert not np.isnan(ds.values).any()
    # DATANOTECELL(...)="*" marks 6,760 preliminary cells
    assert len(ds.status) == 6_760 and set(ds.status.values()) == {"*"}
    cell = np.ravel_multi_index(
        (0, sitc.position("22"), transport.position("16"), 0, quarter.position("2015K4")), ds.shape
    )
    assert ds.status[int(cell)] == "*"
    assert ds.missing_reason("*") == "foreløpig tall"
    assert ds.notes and "Foreløpig tall" in ds.notes[0]


PX = """CHARSET="ANSI";
CODEPAGE="iso-8859-1";
TITLE="Befolkning, etter region og år";
STUB="region";
HEADING="år";
CONTVARIABLE="år";
VALUES("region")="Asker","Bærum";
VALUES("år")="2020","2021";
VALUES[en]("region")="Asker (en)","Baerum (en)";
TIMEVAL("år")=TLIST(A1),"2020","2021";
CODES("region")="3025","3024";
DATASYMBOL1="..";
DATASYMBOL3=":";
LAST-UPDATED="20240221 08:00";
SOURCE="Statistisk sentralbyrå";
DATA=
{data};
"""


@pytest.mark.parametrize(
    ("data", "values", "status"),
    [
        ("94441 95332\n127731 128233", [[94441, 95332], [127731, 128233]], {}),
        ('94441 "."\n"..." 128233', [[94441, np.nan], [np.nan, 128233]], {1: "..", 2: ":"}),
        ('"-" 1.5\n2,3', [[np.nan, 1.5], [2, 3]], {0: "-"}),
    ],
)
def test_hand_made_px(data, values, status):
    ds = read_px(PX.replace("{data}", data).encode("latin-1"))
    np.testing.assert_array_equal(ds.values, np.array(values, dtype=np.float64))
    assert ds.status == status
    region = ds.dimensions[0]
    assert region.codes == ["3025", "3024"] and region.labels == ["Asker", "Bærum"]
    assert region.role == "geo" and ds.dimensions[1].codes == ["2020", "2021"]
    assert ds.updated == "2024-02-21T08:00"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (PX.replace("{data}", "1 2 3"), "DATA har 3 tall, men variablene gir 2 × 2 = 4 celler"),
        (PX.replace("{data}", "1 2 3 x"), "celle nr. 4: «x» er verken et tall eller et symbol"),
        (PX.split("DATA=")[0], "mangler DATA="),
        (
            PX.replace('STUB="region";\n', "").replace('HEADING="år";\n', ""),
            "mangler STUB og HEADING",
        ),
        (PX.replace('VALUES("region")="Asker","Bærum";\n', ""), 'mangler VALUES("region")'),
        (PX.replace('CODES("region")="3025","3024"', 'CODES("region")="3025"'), "har 1 koder"),
        (
            PX.replace('SOURCE="Statistisk sentralbyrå";', 'SOURCE="SSB;'),
            "SOURCE ved linje 15 slutter aldri",
        ),
        ("ikke en px-fil", "forventet NØKKELORD=verdi;"),
    ],
)
def test_bad_px_files_get_a_clear_error(text, message):
    with pytest.raises(StatbankFileError, match=re.escape(message)):
        read_px(text.encode("latin-1"))
