"""The report as a Word file (.docx, python-docx), ready to paste into the annual report.

The same outline as the PDF (report_outline.py): the title in Word's «Title» style, sections
and their parts in «Heading 1» and «Heading 2» (so they land in the annual report's table of
contents), tables with a header row that repeats on every page (w:tblHeader), every chart a
picture with its text alternative (the drawing's descr), the language Norwegian bokmål
(nb-NO) in the document's default run properties. Dates and zip entries are fixed, so the
same document gives the same bytes.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime

from docx import Document as new_docx
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from temaplan.core.workbook import deterministic_zip

from .chart_images import PNG_SCALE, png
from .document import Document
from .report_outline import (
    Block,
    Bullets,
    Facts,
    Figure,
    Heading,
    Paragraph,
    TableBlock,
    report_outline,
)
from .report_tables import Table

LANGUAGE = "nb-NO"
HEADING_STYLES = {0: "Title", 1: "Heading 1", 2: "Heading 2"}
NOTE_STYLE = "Merknad"
MAX_PICTURE_WIDTH = TEXT_WIDTH = Cm(16)
BODY_FONT, TABLE_SIZE = "Arial", Pt(9)
HEADER_FILL = "1F4E79"


def _set_language(doc: DocxDocument) -> None:
    """nb-NO for every run that does not say otherwise: the default run properties."""
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    run_defaults = defaults.find(qn("w:rPrDefault"))
    if run_defaults is None:
        run_defaults = OxmlElement("w:rPrDefault")
        defaults.insert(0, run_defaults)
    properties = run_defaults.find(qn("w:rPr"))
    if properties is None:
        properties = OxmlElement("w:rPr")
        run_defaults.append(properties)
    for old in properties.findall(qn("w:lang")):
        properties.remove(old)
    lang = OxmlElement("w:lang")
    for attribute in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(attribute), LANGUAGE)
    properties.append(lang)


def _note_style(doc: DocxDocument) -> None:
    style = doc.styles.add_style(NOTE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.font.size = Pt(8.5)
    style.font.color.rgb = RGBColor(0x44, 0x44, 0x44)


def _shade(cell: object, fill: str) -> None:
    properties = cell._tc.get_or_add_tcPr()  # type: ignore[attr-defined]
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    properties.append(shading)


def _repeat_header(row: object) -> None:
    """The row is the table's header: Word repeats it on every page and tells screen readers."""
    properties = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)
    no_split = OxmlElement("w:cantSplit")
    properties.append(no_split)


def _widths(table: Table) -> list[int]:
    """Column widths from the longest text in each column (a long title gets room, a year
    does not), adding up to the text width."""
    weights = [
        max(8, min(40, max(len(line) for text in texts for line in text.split("\n"))))
        for texts in zip(table.headers, *([c.text for c in row] for row in table.rows), strict=True)
    ]
    return [int(TEXT_WIDTH * weight / sum(weights)) for weight in weights]


def _table(doc: DocxDocument, table: Table) -> None:
    doc.add_paragraph(table.title, style="Caption")
    columns = table.columns
    grid = doc.add_table(rows=1, cols=len(columns))
    grid.style = doc.styles["Table Grid"]
    grid.alignment = WD_TABLE_ALIGNMENT.LEFT
    grid.autofit = False
    widths = _widths(table)
    for column, width in zip(grid.columns, widths, strict=True):
        column.width = width  # the grid, which LibreOffice and Google Docs follow
    header = grid.rows[0]
    _repeat_header(header)
    for cell, (text, number), width in zip(header.cells, columns, widths, strict=True):
        cell.width = width
        paragraph = cell.paragraphs[0]
        run = paragraph.add_run(text)
        run.bold = True
        run.font.size = TABLE_SIZE
        run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
        if number:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        _shade(cell, HEADER_FILL)
    for row in table.rows:
        cells = grid.add_row().cells
        for cell, value, (_, number), width in zip(cells, row, columns, widths, strict=True):
            cell.width = width
            paragraph = cell.paragraphs[0]
            lines = value.text.split("\n")
            run = paragraph.add_run(lines[0])
            run.font.size = TABLE_SIZE
            for line in lines[1:]:
                run.add_break()
                run.add_text(line)
            if number:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    doc.add_paragraph()


def _figure(doc: DocxDocument, block: Figure) -> None:
    image = png(block.chart)
    width_px = int.from_bytes(image[16:20], "big") / PNG_SCALE  # the PNG header's width
    width = min(MAX_PICTURE_WIDTH, Cm(width_px / 96 * 2.54))
    paragraph = doc.add_paragraph()
    shape = paragraph.add_run().add_picture(io.BytesIO(image), width=width)
    properties = shape._inline.docPr
    properties.set("descr", block.chart.alt)
    properties.set("title", block.chart.title)
    doc.add_paragraph(block.chart.title, style="Caption")


def _block(doc: DocxDocument, block: Block) -> None:
    if isinstance(block, Heading):
        doc.add_paragraph(block.text, style=HEADING_STYLES[min(block.level, 2)])
    elif isinstance(block, Paragraph):
        doc.add_paragraph(block.text, style=NOTE_STYLE if block.style == "note" else None)
    elif isinstance(block, Bullets):
        style = "List Number" if block.ordered else "List Bullet"
        for item in block.items:
            doc.add_paragraph(item, style=style)
    elif isinstance(block, Facts):
        paragraph = doc.add_paragraph()
        for number, (label, value) in enumerate(block.pairs):
            if number:
                paragraph.add_run("   ")
            paragraph.add_run(f"{label}: ")
            paragraph.add_run(value).bold = True
    elif isinstance(block, TableBlock):
        _table(doc, block.table)
    elif isinstance(block, Figure):
        _figure(doc, block)


def render_docx(document: Document) -> bytes:
    meta = document["meta"]
    doc = new_docx()
    _set_language(doc)
    doc.styles["Normal"].font.name = BODY_FONT
    doc.styles["Normal"].font.size = Pt(10)
    _note_style(doc)
    for block in report_outline(document).blocks:
        _block(doc, block)
    # Word stores UTC times.
    built = datetime.fromisoformat(meta["built_at"]).astimezone(UTC).replace(tzinfo=None)
    properties = doc.core_properties
    properties.title = f"{meta['title']} – {meta['municipality_name']}"
    properties.subject = meta["plan_name"]
    properties.author = properties.last_modified_by = meta["municipality_name"]
    properties.language = LANGUAGE
    properties.keywords = f"temaplan, næring, resultatrapport, {meta['year']}"
    properties.created = properties.modified = built
    properties.revision = 1
    properties.comments = "Laget av Temaplan"
    buffer = io.BytesIO()
    doc.save(buffer)
    return deterministic_zip(buffer.getvalue())
