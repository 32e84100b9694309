"""The report as a tagged, accessible PDF (PDF/UA-1) through WeasyPrint.

The outline (report_outline.py) is rendered by templates/reports/pdf/report.html with the
print style report.css beside it: language nb, a title, h1–h3 as bookmarks, tables with
header cells (scope), every chart inline SVG with role="img", its text alternative as label
and <title> (which WeasyPrint puts into the figure's /Alt). The PDF's dates come from the
document's build time, so the same document gives the same bytes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.template.loader import render_to_string
from weasyprint import CSS, HTML

from .chart_images import svg
from .document import Document
from .report_outline import Figure, report_outline

STYLESHEET = Path(__file__).parent / "templates" / "reports" / "pdf" / "report.css"
PDF_VARIANT = "pdf/ua-1"


def pdf_html(document: Document) -> str:
    """The HTML WeasyPrint lays out: the outline's blocks, charts as inline SVG."""
    outline = report_outline(document)
    blocks: list[Any] = [
        {"kind": "figure", "chart": block.chart, "svg": svg(block.chart)}
        if isinstance(block, Figure)
        else block
        for block in outline.blocks
    ]
    return render_to_string("reports/pdf/report.html", {"meta": document["meta"], "blocks": blocks})


def render_pdf(document: Document, *, uncompressed: bool = False) -> bytes:
    """The PDF's bytes; `uncompressed` leaves its objects readable (for tests)."""
    html = HTML(string=pdf_html(document), base_url=str(STYLESHEET.parent))
    return html.write_pdf(
        uncompressed_pdf=uncompressed,
        stylesheets=[CSS(filename=str(STYLESHEET))],
        pdf_variant=PDF_VARIANT,
        # The file's identifier is a hash of its content (not of the clock): same bytes.
        pdf_identifier=True,
    )
