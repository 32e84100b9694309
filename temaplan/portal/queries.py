"""What the public may see: published reports only, read from their stored documents.

Every portal view fetches through these functions; nothing else in the portal queries. A
draft, a frozen report not yet published, a superseded version and a plan without a
published report are never found (404), whoever asks.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, time
from typing import Any, NamedTuple

from django.db import connection
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from temaplan.accounts.models import Municipality
from temaplan.reports.models import AccessibilityStatement, Report, ReportFile

from . import statement as text

NOT_PUBLISHED = "Fant ingen publisert resultatrapport her."
NO_FILE = "Den publiserte rapporten har ingen fil av den typen."
# Part of every ETag: raise it when the pages' markup changes, so browsers fetch them anew
# and the cached report pages (views.py) are rendered again.
PAGES_VERSION = "1"


def published() -> QuerySet[Report]:
    return Report.objects.filter(state=Report.State.PUBLISHED, document__isnull=False).exclude(
        fingerprint=""
    )


def municipalities() -> QuerySet[Municipality]:
    """The municipalities with at least one published report, by name."""
    return Municipality.objects.filter(pk__in=published().values("municipality_id")).order_by(
        "name"
    )


def municipality(number: str) -> Municipality:
    found = municipalities().filter(number=number).first()
    if found is None:
        raise Http404(NOT_PUBLISHED)
    return found


def reports_of(number: str) -> list[Report]:
    """A municipality's published reports, newest year first (the document left unread)."""
    return list(
        published()
        .filter(municipality__number=number)
        .select_related("plan")
        .defer("document")
        .order_by("-year", "-published_at")
    )


def report(number: str, year: int) -> Report:
    """The municipality's published report of `year`: with several plans, the one published
    last."""
    found = (
        published()
        .filter(municipality__number=number, year=year)
        .select_related("plan__municipality", "municipality")
        .order_by("-published_at", "-pk")
        .first()
    )
    if found is None:
        raise Http404(NOT_PUBLISHED)
    return found


def filled_statement(number: str) -> text.Filled | None:
    """What the municipality filled in of its accessibility statement (None: nothing yet)."""
    row = AccessibilityStatement.objects.filter(municipality__number=number).first()
    if row is None:
        return None
    return text.Filled(
        unit=row.contact_unit,
        email=row.contact_email,
        phone=row.contact_phone,
        form_url=row.contact_form_url,
        deviations=tuple(row.deviation_lines()),
        evaluated_on=row.evaluated_on if row.evaluated else None,
        evaluated_by=row.evaluated_by if row.evaluated else "",
        reviewed_on=row.reviewed_on,
    )


def report_file(number: str, year: int, kind: str) -> tuple[Report, ReportFile]:
    found = report(number, year)
    stored = ReportFile.objects.filter(report=found, kind=kind).first()
    if stored is None:
        raise Http404(NO_FILE)
    return found, stored


def report_kinds(found: Report) -> list[ReportFile]:
    return list(ReportFile.objects.filter(report=found).only("kind", "report").order_by("kind"))


# --- Freshness: what ETag and Last-Modified are made of --------------------------------------


def _tag(*parts: str) -> str:
    return hashlib.sha256("|".join((PAGES_VERSION, *parts)).encode()).hexdigest()[:32]


def list_etag(number: str | None = None) -> str:
    """One tag for every published report behind a list (all, or one municipality's)."""
    rows = published()
    if number is not None:
        rows = rows.filter(municipality__number=number)
    prints = rows.order_by("pk").values_list("pk", "fingerprint")
    return _tag("list", number or "", *(f"{pk}:{print_}" for pk, print_ in prints))


def _filled_row(number: str) -> tuple[int, int, datetime] | None:
    return (
        AccessibilityStatement.objects.filter(municipality__number=number)
        .values_list("pk", "version", "updated_at")
        .first()
    )


def statement_etag(number: str) -> str | None:
    """The statement's tag, for a municipality the portal shows: Temaplan's text's date and
    the version of what the municipality filled in, so that every save makes a new tag."""
    if not municipalities().filter(number=number).exists():
        return None
    filled = _filled_row(number)
    own = f"{filled[0]}:{filled[1]}" if filled else "-"
    return _tag("statement", number, str(text.REVIEWED), own)


def statement_last_modified(number: str) -> datetime | None:
    """When the municipality last saved its part, or the day Temaplan's text was reviewed if
    that is later (the text may change after the municipality's last save). None for a
    municipality the portal does not show, which gets its 404 whatever the browser has."""
    if not municipalities().filter(number=number).exists():
        return None
    filled = _filled_row(number)
    reviewed = datetime.combine(text.REVIEWED, time(), tzinfo=UTC)
    return max(reviewed, filled[2]) if filled else reviewed


def list_last_modified(number: str | None = None) -> datetime | None:
    rows = published()
    if number is not None:
        rows = rows.filter(municipality__number=number)
    latest = rows.order_by("-published_at").values_list("published_at", flat=True).first()
    return latest


class Freshness(NamedTuple):
    """What a report's answers are made of: which report, its fingerprint and when it was
    published (the page and the JSON show the time)."""

    pk: int
    fingerprint: str
    published_at: datetime | None

    def etag(self, variant: str) -> str:
        when = self.published_at.isoformat() if self.published_at else ""
        return _tag(variant, str(self.pk), self.fingerprint, when)


# Stand-ins for a request's municipality and year in the freshness query built once.
_NUMBER, _YEAR = "freshness-number", 32123  # a year the field holds
_freshness_sql: tuple[str, tuple[Any, ...]] | None = None


def report_freshness(number: str, year: int) -> Freshness | None:
    """The published report's Freshness, in one query: its ETag, its Last-Modified, and the
    key of its cached page (views.py).

    Every report page asks it, and a cached page costs little else: building the query with
    the ORM on every request cost more than the database's answer (bench/portal_load.py). So
    the ORM builds it once a process, from published() as everywhere else, with stand-ins
    that each request replaces by its own municipality and year."""
    global _freshness_sql
    if _freshness_sql is None:
        query = (
            published()
            .filter(municipality__number=_NUMBER, year=_YEAR)
            .order_by("-published_at", "-pk")
            .values_list("pk", "fingerprint", "published_at")[:1]
        )
        _freshness_sql = query.query.sql_with_params()
    sql, params = _freshness_sql
    values = [number if p == _NUMBER else year if p == _YEAR else p for p in params]
    with connection.cursor() as cursor:
        cursor.execute(sql, values)
        found = cursor.fetchone()
    if found is None:
        return None
    pk, print_, published_at = found
    if published_at is not None and timezone.is_naive(published_at):  # SQLite's, in UTC
        published_at = timezone.make_aware(published_at, UTC)
    return Freshness(pk, print_, published_at)


def report_etag(number: str, year: int, variant: str) -> str | None:
    found = report_freshness(number, year)
    return None if found is None else found.etag(variant)


def report_last_modified(number: str, year: int) -> datetime | None:
    found = report_freshness(number, year)
    return None if found is None else found.published_at
