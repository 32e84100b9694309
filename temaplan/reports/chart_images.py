"""The report's charts as images: SVG for the PDF, PNG for Word and PowerPoint, from the same
spec and in the Norwegian locale (decimal comma, space between thousands), so every file
shows the same chart. The files are rendered from the document alone; the drawing itself is
temaplan.core.charts', which sets the locale for every chart of the project.
"""

from __future__ import annotations

import re
from html import escape

from temaplan.core.charts import render_png, render_svg

from .report_charts import Chart

PNG_SCALE = 2  # sharp in print and on a projector
_SVG_ROOT = re.compile(r"^<svg ([^>]*)>")
_SIZE = re.compile(r'\b(width|height)="([\d.]+)"')


def svg(chart: Chart) -> str:
    """The chart as inline SVG that is one image to a screen reader and to the PDF's tags:
    role="img" with the text alternative as its label and as its <title>."""
    text = render_svg(chart.spec)
    alt = escape(chart.alt)
    return _SVG_ROOT.sub(
        lambda m: (
            f'<svg role="img" aria-label="{alt}" focusable="false" {m.group(1)}>'
            f"<title>{alt}</title>"
        ),
        text,
        count=1,
    )


def svg_size(svg_text: str) -> tuple[float, float]:
    """The root <svg>'s width and height in pixels."""
    root = _SVG_ROOT.search(svg_text)
    sizes = dict(_SIZE.findall(root.group(1))) if root else {}
    return float(sizes.get("width", 0)), float(sizes.get("height", 0))


def png(chart: Chart, *, scale: float = PNG_SCALE) -> bytes:
    return render_png(chart.spec, scale=scale)
