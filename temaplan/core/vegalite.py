"""What every chart spec shares. Pure: the spec builders in each app import this, not the
renderer (temaplan.core.charts), so they stay free of Django."""

from typing import Any

VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"

# A Vega-Lite spec (or a part of one) as plain JSON-able data.
Spec = dict[str, Any]
