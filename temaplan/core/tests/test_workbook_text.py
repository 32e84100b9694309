"""Text in spreadsheets never runs as code and is never refused; the workbook module needs no
Django."""

from __future__ import annotations

import io
import subprocess
import sys

import openpyxl
import pytest

from temaplan.core.workbook import (
    TEXT,
    Column,
    Sheet,
    csv_value,
    exported_text,
    looks_like_formula,
    read_workbook,
    write_workbook,
)

FORMULA_LIKE = [
    '=HYPERLINK("http://example.com/"&A2,"Klikk her")',
    "+47 22 00 00 00",
    "-1 234",
    "@SUM(A1:A3)",
    "\tinnrykk",
    "\rretur",
]


@pytest.mark.parametrize("text", FORMULA_LIKE)
def test_text_that_begins_like_a_formula_is_taken_for_one(text):
    assert looks_like_formula(text)


@pytest.mark.parametrize("text", ["Campus Asker", "41,7", "a=b", " =mellomrom først", ""])
def test_other_text_is_not(text):
    assert not looks_like_formula(text)


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+47", "'+47"),
        ("-minus", "'-minus"),
        ("@navn", "'@navn"),
        ("\tfane", "'\tfane"),
        ("Campus", "Campus"),
        ("linje\x0bskift", "linje\nskift"),
        ("styre\x01tegn", "styretegn"),
        (-101, -101),
        (41.7, 41.7),
        (None, None),
    ],
)
def test_a_csv_cell_is_text_that_no_spreadsheet_runs(value, written):
    assert csv_value(value) == written


@pytest.mark.parametrize(
    ("text", "exported"),
    [
        ("Word\x0blinjeskift", "Word\nlinjeskift"),
        ("side\x0cskift", "side\nskift"),
        ("styre\x01\x02\x1ftegn", "styretegn"),
        ("fane\tlinje\nretur\r", "fane\tlinje\nretur\r"),
        ("Ærlig talt ≠ ✓ 🙂", "Ærlig talt ≠ ✓ 🙂"),
    ],
)
def test_control_characters_become_line_breaks_or_are_dropped(text, exported):
    assert exported_text(text) == exported


def test_a_workbook_keeps_formula_like_text_as_text_cells_and_reads_it_back():
    columns = (Column("Tekst", 30, True, "Fri tekst.", kind=TEXT),)
    rows = [[text] for text in FORMULA_LIKE] + [["Word\x0blinjeskift"]]
    data = write_workbook([Sheet("Ark", columns, rows)], guide=("Veiledning",))
    ws = openpyxl.load_workbook(io.BytesIO(data))["Ark"]
    written = [row[0] for row in ws.iter_rows(min_row=2)]
    assert [cell.data_type for cell in written] == ["s"] * len(rows)
    # Every character comes back as it was written, a carriage return too: openpyxl reads with
    # lxml, which python-docx and WeasyPrint bring in (the standard library's XML parser would
    # read «\r» as «\n», its own line-end rule).
    expected = [*FORMULA_LIKE, "Word\nlinjeskift"]
    assert [cell.value for cell in written] == expected
    assert all(cell.quotePrefix for cell in written[: len(FORMULA_LIKE)])
    read = read_workbook(data, {"Ark": columns})["Ark"]
    assert [row.cells["Tekst"].data_type for row in read] == ["s"] * len(rows)
    assert [row.cells["Tekst"].value for row in read] == expected


def test_the_workbook_module_imports_without_django():
    blocker = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'django' or name.startswith('django.'):\n"
        "            raise ImportError('Django is blocked: ' + name)\n"
        "sys.meta_path.insert(0, Block())\n"
        "import temaplan.core.workbook\n"
        "print(sorted(m for m in sys.modules if m.startswith('django')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", blocker], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
