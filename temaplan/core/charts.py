"""Render Vega-Lite specs on the server: SVG (cached by spec) and PNG, always in the
Norwegian locale. The only caller of the renderer, so no chart escapes the locale.

The page, the PDF and the Word file embed the same chart, so it looks the same everywhere.
"""

from __future__ import annotations

import hashlib
import re

import orjson
import vl_convert
from django.core.cache import cache

from .chart_locale import with_locale

CACHE_SECONDS = 60 * 60 * 24
# Every id the renderer writes and every reference to one (vl-convert numbers its clip paths
# «clip1», «clip2», … in each chart alike).
_IDS = re.compile(r'(\bid="|url\(#|href="#)([^")]+)')


def spec_key(spec: dict) -> str:
    return hashlib.sha256(orjson.dumps(spec, option=orjson.OPT_SORT_KEYS)).hexdigest()


def render_svg(spec: dict, *, title_id: str | None = None) -> str:
    """SVG text for a spec, in the Norwegian locale whatever the spec says (axes, legends and
    tooltips read «2 500», «0,5», «mai 2023»). With title_id the chart is inline on a page:
    the root <svg> points screen readers at that text, and the chart's ids are prefixed with
    it, so two charts on one page never clip each other with the same «clip2»."""
    spec = with_locale(spec)
    key = "chart-svg:" + spec_key(spec)
    svg = cache.get(key)
    if svg is None:
        svg = vl_convert.vegalite_to_svg(vl_spec=spec)
        cache.set(key, svg, CACHE_SECONDS)
    if title_id:
        svg = own_ids(svg, title_id)
        # The figure's own text alternative describes it; the SVG's inner marks are noise.
        svg = re.sub(
            r"^<svg ",
            f'<svg role="img" aria-labelledby="{title_id}" focusable="false" ',
            svg,
            count=1,
        )
    return svg


def render_png(spec: dict, *, scale: float = 2) -> bytes:
    """PNG bytes for a spec, in the Norwegian locale (for Word and PowerPoint)."""
    return bytes(vl_convert.vegalite_to_png(vl_spec=with_locale(spec), scale=scale))


def own_ids(svg: str, prefix: str) -> str:
    """The SVG with every id, and every reference to one, prefixed: ids of its own on a page."""
    return _IDS.sub(lambda m: f"{m.group(1)}{prefix}-{m.group(2)}", svg)
