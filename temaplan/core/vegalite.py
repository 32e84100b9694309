"""What every chart spec shares. Pure: the spec builders in each app import this, not the
renderer (temaplan.core.charts), so they stay free of Django."""

VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"
