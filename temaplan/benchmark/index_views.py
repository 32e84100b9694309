"""The page of Temaplans egen indeks for a plan: the municipality's rank with its interval,
the theme ranks, the change since the year before (own and others'), what moves the rank,
and the county and peer views, for a year chosen among those the store has figures for.

Read-only: every member of the municipality sees it. Thin: the plan through the access
helper, the index from the cache (index_cache.py), the figures from index_page.py.
"""

from __future__ import annotations

from datetime import date

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from temaplan.core.charts import render_svg
from temaplan.plans.access import plan_for_user
from temaplan.statistics.counties import county_name

from .index import DEFAULT_METHOD, DEFAULT_SPEC, INDEX_NAME, METHODS
from .index_cache import HOW_TO_SYNC, IndexDataMissing, index_year, pooled_years, stored_index
from .index_charts import rank_interval_spec
from .index_intervals import DEFAULT_DRAWS, DEFAULT_SEED
from .index_page import index_view

TEMPLATE = "benchmark/index.html"
UNKNOWN_YEAR = "Indeksen har ikke tall for «{value}»; viser {year}. Velg et av årene i listen."
UNKNOWN_METHOD = "Ukjent normalisering «{value}»; viser {method}."
CHART_ID = "index-chart-title"


def _county(code: str, today: date) -> str:
    try:
        return county_name(code[:2], today)
    except ValueError:
        return f"fylke {code[:2]}"


def _year(raw: str | None, years: tuple[int, ...]) -> tuple[int, str | None]:
    """The year asked for if the index has it, else the newest and a notice."""
    newest = years[-1]
    if not raw:
        return newest, None
    chosen = {str(y): y for y in years}.get(raw.strip())
    if chosen is None:
        return newest, UNKNOWN_YEAR.format(value=raw[:40], year=newest)
    return chosen, None


def _method(raw: str | None) -> tuple[str, str | None]:
    """The normalisation asked for if it is known, else the default and a notice."""
    if not raw:
        return DEFAULT_METHOD, None
    if raw in METHODS:
        return raw, None
    return DEFAULT_METHOD, UNKNOWN_METHOD.format(value=raw[:40], method=METHODS[DEFAULT_METHOD])


@require_GET
def index_page(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = plan_for_user(request, plan_id)
    municipality = plan.municipality
    today = timezone.localdate()
    context: dict = {
        "plan": plan,
        "municipality": municipality,
        "index_name": INDEX_NAME,
        "spec": DEFAULT_SPEC,
        "tables": ", ".join(
            sorted({t.strip() for p in DEFAULT_SPEC.parameters for t in p.table.split(",")})
        ),
        "theme_names": ", ".join(t.name for t in DEFAULT_SPEC.themes),
    }
    try:
        stored = stored_index()
    except IndexDataMissing as missing:
        context["missing"] = str(missing)
        context["sync_command"] = HOW_TO_SYNC.format(year=today.year - 2)
        return render(request, TEMPLATE, context)
    year, year_notice = _year(request.GET.get("year"), stored.years)
    method, method_notice = _method(request.GET.get("method"))
    figures = index_year(stored, year, method)
    peers = {peer.code: peer.name for peer in plan.peers.all()}
    view = index_view(
        figures.result,
        figures.intervals,
        year=year,
        code=municipality.number,
        names=stored.names,
        county=_county(municipality.number, today),
        peers=peers,
        seed=DEFAULT_SEED,
    )
    pooled = pooled_years(stored, year)
    context.update(
        {
            "view": view,
            "years": stored.years,
            "year": year,
            "methods": METHODS.items(),
            "method": method,
            "method_name": METHODS[method],
            "pooled_first": pooled[0],
            "pooled_last": pooled[-1],
            "draws": DEFAULT_DRAWS,
            "notices": [n for n in (year_notice, method_notice) if n],
            "has_peers": bool(peers),
            "chart_id": CHART_ID,
            "chart_svg": lambda: render_svg(
                rank_interval_spec(view.national_places, ranked=view.ranked), title_id=CHART_ID
            ),
        }
    )
    return render(request, TEMPLATE, context)
