"""The public portal: published result reports, no login. Thin: fetch through queries.py
(published reports only), build what the page shows from the stored document, render.

A published report never changes, so every answer carries an ETag (from the report's
fingerprint) and Last-Modified (when it was published), and answers 304 when the browser
already has it. The pages are the same for everybody, logged in or not.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable
from typing import Any, cast

from django.contrib.auth.decorators import login_not_required
from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.views.decorators.http import condition, require_safe

from temaplan.core.charts import own_ids
from temaplan.core.fragments import TIMEOUT_SECONDS, fragment_key
from temaplan.reports import report_tables as tables
from temaplan.reports.chart_images import svg
from temaplan.reports.document import Document
from temaplan.reports.rendering import CONTENT_TYPES
from temaplan.reports.report_charts import document_charts
from temaplan.reports.services import file_name

from . import opendata, queries, statement

CACHE_CONTROL = "public, no-cache"  # may be stored, but asked about again (ETag) every time


def _public(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        response["Cache-Control"] = CACHE_CONTROL
        return response

    return login_not_required(require_safe(wrapped))


def _freshness(request: HttpRequest, number: str, year: int) -> queries.Freshness | None:
    """The report's freshness, asked once a request: its ETag, Last-Modified and page key."""
    memo: dict[tuple[str, int], queries.Freshness | None]
    memo = request.__dict__.setdefault("_portal_freshness", {})
    if (number, year) not in memo:
        memo[number, year] = queries.report_freshness(number, year)
    return memo[number, year]


def _report_condition(variant: str) -> Callable[..., Callable[..., HttpResponse]]:
    def etag(request: HttpRequest, number: str, year: int, **kw: str) -> str | None:
        found = _freshness(request, number, year)
        return None if found is None else found.etag(variant + kw.get("kind", ""))

    def last_modified(request: HttpRequest, number: str, year: int, **kw: str) -> Any:
        found = _freshness(request, number, year)
        return None if found is None else found.published_at

    return condition(etag_func=etag, last_modified_func=last_modified)


@condition(
    etag_func=lambda request: queries.list_etag(),
    last_modified_func=lambda request: queries.list_last_modified(),
)
def _municipality_list(request: HttpRequest) -> HttpResponse:
    return render(
        request, "portal/municipality_list.html", {"municipalities": queries.municipalities()}
    )


@condition(
    etag_func=lambda request, number: queries.list_etag(number),
    last_modified_func=lambda request, number: queries.list_last_modified(number),
)
def _municipality_page(request: HttpRequest, number: str) -> HttpResponse:
    municipality = queries.municipality(number)
    return render(
        request,
        "portal/municipality.html",
        {"municipality": municipality, "reports": queries.reports_of(number)},
    )


_INNER_ARIA = re.compile(r' (?:role|aria-roledescription|aria-label)="[^"]*"')


def _inline_svg(key: str, text: str) -> str:
    """A chart for a page with several: its ids made its own (two charts' «clip2» would clip
    each other), and its marks no separate images (the root <svg> is the one image, with the
    chart's text alternative)."""
    text = own_ids(text, key)
    root, _, inner = text.partition(">")
    return f"{root}>{_INNER_ARIA.sub('', inner)}"


@condition(
    etag_func=lambda request, number: queries.statement_etag(number),
    last_modified_func=lambda request, number: queries.statement_last_modified(number),
)
def _accessibility(request: HttpRequest, number: str) -> HttpResponse:
    municipality = queries.municipality(number)
    return render(
        request,
        "portal/accessibility.html",
        {
            "municipality": municipality,
            "statement": statement.merged(queries.filled_statement(number)),
            "no_contact": statement.NO_CONTACT,
            "complaint": statement.COMPLAINT,
            "complaint_url": statement.COMPLAINT_URL,
        },
    )


def _chart_svgs(document: Document) -> dict[str, str]:
    return {
        key: mark_safe(_inline_svg(key, svg(chart)))  # noqa: S308 - our own SVG, text escaped
        for key, chart in document_charts(document).items()
    }


def _standings(document: Document) -> list[tuple[Any, bool]]:
    """Each municipality of the Kommune-NM table, and whether it is the report's own."""
    nm = document["kommune_nm"]
    if not nm:
        return []
    own = nm["own"]["code"] if nm["own"] else None
    return [(standing, standing["code"] == own) for standing in tables.standings(nm)]


def _page_context(report: Any) -> dict[str, Any]:
    document: Document = report.document
    charts = _chart_svgs(document)
    indicators = [
        {
            "entry": entry,
            "chart": charts.get(f"indikator-{entry['key']}"),
            "table": tables.indicator_series(entry),
        }
        for entry in document["indicators"]
    ]
    plan = document["action_plan"]
    by_key = {action["key"]: action for action in plan["actions"]}
    return {
        "report": report,
        "document": document,
        "meta": document["meta"],
        "ambitions": tables.ambition_items(document["plan"]),
        "focus_areas": tables.plan_focus_areas_table(document["plan"]),
        "matrix": charts.get("matrise"),
        "indicators": indicators,
        "overview": tables.indicators_overview(document),
        "kommune_nm": document["kommune_nm"],
        "standings": _standings(document),
        "rank_chart": charts.get("kommune-nm"),
        "action_plan": plan,
        "top_list": [by_key[key] for key in plan["top_list"] if key in by_key],
        "studies": [(study, tables.study_table(study)) for study in document["studies"]],
        "timeline": charts.get("utredninger"),
        "files": queries.report_kinds(report),
        "columns": opendata.COLUMNS,
        "licence": opendata.LICENCE,
        "licence_url": opendata.LICENCE_URL,
        "credit": opendata.CREDIT,
        "credit_note": opendata.CREDIT_NOTE,
    }


@_report_condition("page")
def _report_page(request: HttpRequest, number: str, year: int) -> HttpResponse:
    """Rendered once per published report (and process, or Redis): the page is its ETag's,
    and a published report never changes, so the body is kept under the tag; a new version
    has another. The page has no form and nothing about who asks, so one body serves all."""
    found = _freshness(request, number, year)
    if found is None:
        raise Http404(queries.NOT_PUBLISHED)

    key = fragment_key("portal-report-page", found.etag("page"))
    body = cache.get(key)
    if body is None:
        context = _page_context(queries.report(number, year))
        body = render_to_string("portal/report.html", context, request).encode()
        cache.set(key, body, TIMEOUT_SECONDS)  # bytes: nothing to encode again on the way out
    return HttpResponse(body)


@_report_condition("file-")
def _report_download(request: HttpRequest, number: str, year: int, kind: str) -> HttpResponse:
    if kind not in CONTENT_TYPES:
        raise Http404(queries.NO_FILE)
    report, stored = queries.report_file(number, year, kind)
    response = HttpResponse(bytes(stored.content), content_type=CONTENT_TYPES[kind])
    response["Content-Disposition"] = f'attachment; filename="{file_name(report, kind)}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _data_name(report: Any, suffix: str) -> str:
    return f"indikatorer-{report.municipality.number}-{report.year}.{suffix}"


@_report_condition("csv")
def _indicators_csv(request: HttpRequest, number: str, year: int) -> HttpResponse:
    report = queries.report(number, year)
    response = HttpResponse(
        opendata.indicators_csv(cast(Document, report.document)),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{_data_name(report, "csv")}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@_report_condition("json")
def _indicators_json(request: HttpRequest, number: str, year: int) -> HttpResponse:
    report = queries.report(number, year)
    data = opendata.indicators_json(
        cast(Document, report.document),
        fingerprint=report.fingerprint,
        published_at=report.published_at.isoformat() if report.published_at else "",
    )
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=1),
        content_type="application/json; charset=utf-8",
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


municipality_list = _public(_municipality_list)
municipality_page = _public(_municipality_page)
accessibility = _public(_accessibility)
report_page = _public(_report_page)
report_download = _public(_report_download)
indicators_csv = _public(_indicators_csv)
indicators_json = _public(_indicators_json)
