"""The report's workflow: draft (a live preview) → frozen (one immutable document with its
rendered files) → published; a frozen report is superseded by a new version, never edited.

- `report_draft_create`: a draft for a year of the plan; refused when the year already has a
  report (a frozen one is superseded instead, with `report_supersede`).
- `report_preview`: the draft's document from the live data, with its evaluation refreshed.
- `report_freeze`: builds the document, refreshes the evaluation and refuses while it has
  problems, stores the document, its fingerprint, who froze it and when, and the four files
  (rendering.render) with their SHA-256. A report without indicators is not frozen.
- `report_publish`: only a frozen report, once.
- `report_supersede`: a new draft, version number + 1, with a stated reason. The version it
  supersedes stays as it is (frozen or published, still shown and downloadable) until the new
  version is frozen: then it becomes «erstattet». Until then there is one answer for the year,
  the old one, and never none.

Every function is keyword-only; a refusal is a ValidationError with one of the messages below
(a clear Norwegian sentence), or an EditConflict when someone else changed the report since
the editor opened it. Every change is kept in the report's history (simple_history), with the
user who made it.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from temaplan.core.dates import date_and_time
from temaplan.core.versioning import DELETED_MEANWHILE_MESSAGE, EDIT_CONFLICT_MESSAGE, EditConflict
from temaplan.plans.models import Plan

from . import evaluation_services, rendering
from .document import SCHEMA_VERSION, Document, fingerprint
from .models import Report, ReportFile
from .snapshot import TITLE, snapshot_build

# Messages ------------------------------------------------------------------------------------

YEAR_OUTSIDE_PLAN = "Året må være innenfor planperioden {first}–{last}."
YEAR_IN_FUTURE = "Det kan ikke lages resultatrapport for {year} før året har begynt."
REPORT_EXISTS = (
    "Planen har allerede en resultatrapport for {year} (versjon {number}, {state}). "
    "Lag en ny versjon av den i stedet."
)
DRAFT_EXISTS = "Planen har allerede et utkast til resultatrapport for {year}."
NOT_A_DRAFT = "Resultatrapporten er {state}, ikke et utkast, og kan ikke låses på nytt."
NO_INDICATORS = (
    "Rapporten har ingen indikatorer og kan ikke låses. Legg inn planens indikatorer først."
)
EVALUATION_PROBLEMS = "Rapporten kan ikke låses før resultatvurderingen er rettet: {problems}"
ALREADY_PUBLISHED = "Resultatrapporten er allerede publisert ({when})."
PUBLISH_NOT_FROZEN = "Bare en låst resultatrapport kan publiseres; denne er {state}."
SUPERSEDE_NOT_FROZEN = "Bare en låst eller publisert rapport kan erstattes; denne er {state}."
ALREADY_SUPERSEDED = "Det finnes allerede en nyere versjon (versjon {number}) av denne rapporten."
REASON_REQUIRED = "Skriv hvorfor rapporten skal erstattes."

FROZEN_STATES = (Report.State.FROZEN, Report.State.PUBLISHED)


def _refuse(message: str) -> ValidationError:
    return ValidationError(message)


def _state(report: Report) -> str:
    return str(report.get_state_display()).lower()


def _locked(report: Report, expected_version: int | None = None) -> Report:
    """The report as stored, locked for the rest of the transaction; an EditConflict when it
    changed since `expected_version` (or is gone)."""
    current = Report.objects.select_for_update().filter(pk=report.pk).first()
    if current is None:
        raise EditConflict(DELETED_MEANWHILE_MESSAGE)
    if expected_version is not None and current.version != expected_version:
        raise EditConflict(EDIT_CONFLICT_MESSAGE, current=current)
    return current


def _save(report: Report, user) -> None:
    report.version += 1
    report._history_user = user  # type: ignore[attr-defined]  # read by simple_history
    report.save()


def year_problem(plan: Plan, year: int, *, today: date | None = None) -> str | None:
    """Why a report cannot be made for `year`, or None."""
    today = today or timezone.localdate()
    if not plan.first_year <= year <= plan.last_year:
        return YEAR_OUTSIDE_PLAN.format(first=plan.first_year, last=plan.last_year)
    if year > today.year:
        return YEAR_IN_FUTURE.format(year=year)
    return None


def report_draft_create(*, plan: Plan, year: int, user, today: date | None = None) -> Report:
    """A new draft for a year without a report."""
    if problem := year_problem(plan, year, today=today):
        raise ValidationError({"year": problem})
    existing = Report.objects.filter(plan=plan, year=year).order_by("-number").first()
    if existing is not None:
        if existing.state == Report.State.DRAFT:
            raise ValidationError({"year": DRAFT_EXISTS.format(year=year)})
        raise ValidationError(
            {
                "year": REPORT_EXISTS.format(
                    year=year, number=existing.number, state=_state(existing)
                )
            }
        )
    report = Report(
        municipality_id=plan.municipality_id,
        plan=plan,
        year=year,
        number=1,
        title=TITLE.format(year=year),
    )
    report._history_user = user  # type: ignore[attr-defined]
    try:
        with transaction.atomic():
            report.save()
    except IntegrityError as error:  # someone made it a moment ago
        raise ValidationError({"year": DRAFT_EXISTS.format(year=year)}) from error
    return report


def report_preview(
    report: Report,
    *,
    today: date | None = None,
    now: datetime | None = None,
    refresh: bool = True,
) -> Document:
    """The document a draft would freeze to now; a frozen report's own stored document.

    With `refresh` the draft's evaluation is stored anew from the figures (an editor's look,
    so the sentences can be edited); without it nothing is written and the evaluation is
    worked out in memory (a reader's look, or the page behind a refused request)."""
    if report.is_frozen:
        return report.document  # type: ignore[return-value]
    document = snapshot_build(plan=report.plan, year=report.year, today=today, now=now)
    if refresh:
        evaluation_services.evaluation_refresh(report=report, document=document)
        document["evaluation"] = evaluation_services.evaluation_sentences(report)
    else:
        document["evaluation"] = evaluation_services.evaluation_preview(
            report=report, document=document
        )
    return document


def report_freeze(
    *,
    report: Report,
    user,
    expected_version: int,
    today: date | None = None,
    now: datetime | None = None,
) -> Report:
    """Freeze a draft: its document, fingerprint and files are stored and never change."""
    now = now or timezone.now()
    with transaction.atomic():
        current = _locked(report, expected_version)
        if current.state != Report.State.DRAFT:
            raise _refuse(NOT_A_DRAFT.format(state=_state(current)))
        document = snapshot_build(plan=current.plan, year=current.year, today=today, now=now)
        if not document["indicators"]:
            raise _refuse(NO_INDICATORS)
        evaluation_services.evaluation_refresh(report=current, document=document)
        problems = evaluation_services.evaluation_problems(report=current, document=document)
        if problems:
            raise _refuse(EVALUATION_PROBLEMS.format(problems=" ".join(problems)))
        document["evaluation"] = evaluation_services.evaluation_sentences(current)
        files = {kind: rendering.render(document, kind) for kind in rendering.KINDS}
        current.state = Report.State.FROZEN
        current.schema_version = SCHEMA_VERSION
        current.document = document
        current.fingerprint = fingerprint(document)
        current.frozen_at, current.frozen_by = now, user
        _save(current, user)
        ReportFile.objects.bulk_create(
            ReportFile(
                municipality_id=current.municipality_id,
                report=current,
                kind=kind,
                content=content,
                sha256=hashlib.sha256(content).hexdigest(),
                created_at=now,
            )
            for kind, content in files.items()
        )
        if current.supersedes_id:
            older = _locked(current.supersedes)  # type: ignore[arg-type]
            older.state = Report.State.SUPERSEDED
            _save(older, user)
    return current


def report_publish(
    *, report: Report, user, expected_version: int | None = None, now: datetime | None = None
) -> Report:
    """Publish a frozen report (the coming public portal shows the published ones)."""
    now = now or timezone.now()
    with transaction.atomic():
        current = _locked(report, expected_version)
        if current.state == Report.State.PUBLISHED:
            when = timezone.localtime(current.published_at) if current.published_at else None
            raise _refuse(ALREADY_PUBLISHED.format(when=date_and_time(when)))
        if current.state != Report.State.FROZEN:
            raise _refuse(PUBLISH_NOT_FROZEN.format(state=_state(current)))
        current.state = Report.State.PUBLISHED
        current.published_at, current.published_by = now, user
        _save(current, user)
    return current


def report_supersede(
    *, report: Report, user, reason: str, expected_version: int | None = None
) -> Report:
    """A new draft version of a frozen or published report, with the reason stated."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": REASON_REQUIRED})
    with transaction.atomic():
        current = _locked(report, expected_version)
        if current.state not in FROZEN_STATES:
            if current.state == Report.State.SUPERSEDED:
                newer = Report.objects.filter(supersedes=current).first()
                number = newer.number if newer else current.number + 1
                raise _refuse(ALREADY_SUPERSEDED.format(number=number))
            raise _refuse(SUPERSEDE_NOT_FROZEN.format(state=_state(current)))
        newer = Report.objects.filter(supersedes=current).first()
        if newer is not None:
            raise _refuse(ALREADY_SUPERSEDED.format(number=newer.number))
        draft = Report(
            municipality_id=current.municipality_id,
            plan_id=current.plan_id,
            year=current.year,
            number=current.number + 1,
            title=current.title,
            supersedes=current,
            reason=reason,
        )
        draft._history_user = user  # type: ignore[attr-defined]
        try:
            draft.full_clean(exclude=["plan", "municipality", "supersedes"])
            with transaction.atomic():
                draft.save()
        except IntegrityError as error:  # two supersedes at the same moment
            raise _refuse(ALREADY_SUPERSEDED.format(number=current.number + 1)) from error
    return draft


def file_name(report: Report, kind: str) -> str:
    """A safe file name for a stored file: ASCII letters, digits and hyphens only."""
    number = report.plan.municipality.number
    return f"resultatrapport-{number}-{report.year}-v{report.number}.{kind}"


def report_for_year(plan: Plan, year: int) -> Report | None:
    """The year's newest version (the one a command acts on)."""
    return Report.objects.filter(plan=plan, year=year).order_by("-number").first()
