"""The demo's published 2020 report, as its stored files: the slide's figures in Norwegian form
in every one of them, a tagged PDF, Word headings and header rows, numbers as numbers in Excel.
The renderers' own tests use a hand-made document; this is the one the demo froze."""

from __future__ import annotations

import io

import openpyxl
import pytest
from docx import Document as WordDocument
from pptx import Presentation

from temaplan.reports.models import Report

from .render_support import ARTIFACTS, has, plain, run

FIGURES = ("41,7 %", "−101 %", "9,6 mill. kr", "11", "4")


@pytest.fixture
def files(asker_plan) -> dict[str, bytes]:
    report = Report.objects.get(plan=asker_plan, year=2020, number=1)
    assert report.state == Report.State.PUBLISHED
    return {f.kind: bytes(f.content) for f in report.files.all()}


@pytest.fixture
def pdf_path(files, tmp_path):
    if not has("pdftotext"):
        pytest.skip("pdftotext mangler: kjør devtools/setup-system.sh (poppler-utils).")
    path = tmp_path / "resultatrapport-2020.pdf"
    path.write_bytes(files["pdf"])
    return path


def test_the_demo_report_pdf_has_the_slide_s_figures_and_is_tagged(pdf_path):
    text = plain(run("pdftotext", "-layout", pdf_path, "-"))
    for figure in FIGURES:
        assert plain(figure) in text
    info = run("pdfinfo", pdf_path)
    assert "Tagged:          yes" in info
    ARTIFACTS.mkdir(exist_ok=True)
    run("pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", pdf_path, ARTIFACTS / "demo-2020-pdf")


def test_the_demo_report_word_file_has_headings_header_rows_and_the_figures(files):
    document = WordDocument(io.BytesIO(files["docx"]))
    styles = {p.style.name for p in document.paragraphs}
    assert {"Heading 1", "Heading 2"} <= styles
    assert all(
        table.rows[0]._tr.trPr is not None and "tblHeader" in table.rows[0]._tr.trPr.xml
        for table in document.tables
    )
    text = plain(
        "\n".join(
            [p.text for p in document.paragraphs]
            + [c.text for t in document.tables for r in t.rows for c in r.cells]
        )
    )
    for figure in FIGURES:
        assert plain(figure) in text


def test_the_demo_report_deck_has_the_figures_as_text(files):
    deck = Presentation(io.BytesIO(files["pptx"]))
    text = plain(
        "\n".join(
            shape.text_frame.text if shape.has_text_frame else ""
            for slide in deck.slides
            for shape in slide.shapes
        )
        + "\n".join(
            cell.text
            for slide in deck.slides
            for shape in slide.shapes
            if shape.has_table
            for row in shape.table.rows
            for cell in row.cells
        )
    )
    for figure in ("41,7 %", "−101 %", "11"):
        assert plain(figure) in text


def test_the_demo_report_workbook_keeps_numbers_as_numbers(files):
    book = openpyxl.load_workbook(io.BytesIO(files["xlsx"]))
    numbers = [
        cell.value
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.data_type == "n" and cell.value is not None
    ]
    assert 9_600_000 in numbers or 9600000.0 in numbers
    assert any(abs(float(n) - 41.7) < 1e-9 for n in numbers)
