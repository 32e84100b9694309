"""Year-end result reports: a draft, then frozen as one immutable document, then published.

A report belongs to a plan and a data year. While it is a draft its document is rebuilt from
the live data on every look (a preview). Freezing stores the document (document.py) with its
fingerprint, who froze it and when, and the rendered files; from then on nothing changes it.
A frozen report is never edited: a new version supersedes it, with a stated reason, and the
history shows both. Only a frozen report can be published (the public portal shows those).
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import RegexValidator, URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from temaplan.accounts.models import Municipality, Owned
from temaplan.core.text_limits import PARAGRAPHS, SENTENCES
from temaplan.plans.models import Plan


class Report(Owned):
    class State(models.TextChoices):
        DRAFT = "draft", _("Utkast")
        FROZEN = "frozen", _("Låst")
        PUBLISHED = "published", _("Publisert")
        SUPERSEDED = "superseded", _("Erstattet")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="reports")
    year = models.PositiveSmallIntegerField(_("år"))
    number = models.PositiveSmallIntegerField(
        _("versjon"), default=1, help_text=_("1 for den første, 2 for den som erstatter den, …")
    )
    state = models.CharField(_("status"), max_length=12, choices=State.choices, default=State.DRAFT)
    title = models.CharField(_("tittel"), max_length=200)
    # Set when frozen, never changed afterwards.
    schema_version = models.PositiveSmallIntegerField(null=True, blank=True)
    document = models.JSONField(null=True, blank=True)
    fingerprint = models.CharField(max_length=64, blank=True)
    frozen_at = models.DateTimeField(_("låst"), null=True, blank=True)
    frozen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField(_("publisert"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    supersedes = models.OneToOneField(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="superseded_by",
        verbose_name=_("erstatter"),
    )
    reason = models.TextField(
        _("begrunnelse"),
        max_length=SENTENCES,
        blank=True,
        help_text=_("Hvorfor denne versjonen erstatter den forrige."),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "-year", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "year", "number"], name="one_report_version_per_year"
            )
        ]
        verbose_name = _("resultatrapport")
        verbose_name_plural = _("resultatrapporter")

    def __str__(self) -> str:
        return self.title

    @property
    def is_frozen(self) -> bool:
        return self.state != self.State.DRAFT


class ReportFile(models.Model):
    """A rendered file of a frozen report, stored once at the freeze, byte for byte."""

    class Kind(models.TextChoices):
        PDF = "pdf", "PDF"
        DOCX = "docx", "Word"
        XLSX = "xlsx", "Excel"
        PPTX = "pptx", "PowerPoint"

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="+")
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="files")
    kind = models.CharField(max_length=4, choices=Kind.choices)
    content = models.BinaryField()
    sha256 = models.CharField(max_length=64)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["report", "kind"]
        constraints = [models.UniqueConstraint(fields=["report", "kind"], name="one_file_per_kind")]

    def __str__(self) -> str:
        return f"{self.report} ({self.get_kind_display()})"


class EvaluationText(Owned):
    """A sentence of the result evaluation for a draft report: generated from the figures
    it rests on (`figures`), then maybe edited. An edited sentence that quotes a number no
    longer among its figures is flagged before the freeze (evaluation.py)."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="evaluation")
    section = models.CharField(max_length=20)
    key = models.CharField(max_length=80)
    position = models.PositiveSmallIntegerField(default=0)
    generated = models.TextField(max_length=PARAGRAPHS)
    text = models.TextField(_("tekst"), max_length=PARAGRAPHS)
    figures = models.JSONField(default=dict)
    edited = models.BooleanField(default=False)
    figures_when_edited = models.JSONField(default=dict, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["report", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["report", "section", "key"], name="one_evaluation_text_per_key"
            )
        ]

    def __str__(self) -> str:
        return self.text


NOT_A_WEB_ADDRESS = _("Skriv en hel nettadresse, for eksempel https://www.kommunen.no/skjema.")
PHONE = RegexValidator(
    r"^\+?[0-9][0-9 ]{6,18}$",
    _("Skriv telefonnummeret med sifre, for eksempel 66 90 00 00 eller +47 66 90 00 00."),
)


class AccessibilityStatement(Owned):
    """What a municipality itself fills in of the accessibility statement of its published
    pages: the contact for feedback, its own known deviations, its manual evaluation and the
    day it last reviewed the statement. The rest (what Temaplan checks, Temaplan's deviations)
    is Temaplan's own text (temaplan/portal/statement.py); the portal shows both together.
    Rules between the fields (dates not in the future, an evaluation with its date) are the
    service's (statement_services.py)."""

    contact_unit = models.CharField(
        _("ansvarlig enhet"),
        max_length=200,
        help_text=_("Enheten som svarer på tilbakemeldinger, for eksempel «Kommunikasjon»."),
    )
    contact_email = models.EmailField(_("e-post for tilbakemelding"), max_length=254)
    contact_phone = models.CharField(_("telefon"), max_length=20, blank=True, validators=[PHONE])
    contact_form_url = models.URLField(
        _("nettskjema for tilbakemelding"),
        max_length=500,
        blank=True,
        validators=[URLValidator(schemes=["http", "https"], message=NOT_A_WEB_ADDRESS)],
        help_text=_("Adressen til kommunens eget skjema, om den har et."),
    )
    deviations = models.TextField(
        _("kommunens egne kjente avvik"),
        max_length=PARAGRAPHS,
        blank=True,
        help_text=_("Ett avvik per linje. De vises sammen med avvikene Temaplan selv kjenner."),
    )
    evaluated = models.BooleanField(_("kommunen har gjort en manuell vurdering"), default=False)
    evaluated_on = models.DateField(_("dato for den manuelle vurderingen"), null=True, blank=True)
    evaluated_by = models.CharField(
        _("vurdert av"),
        max_length=200,
        blank=True,
        help_text=_("Hvem som gjorde vurderingen: en enhet i kommunen eller et firma."),
    )
    reviewed_on = models.DateField(
        _("sist gjennomgått av kommunen"),
        help_text=_("Dagen kommunen sist gikk gjennom erklæringen."),
    )
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["municipality"], name="one_statement_per_municipality")
        ]
        verbose_name = _("tilgjengelighetserklæring")
        verbose_name_plural = _("tilgjengelighetserklæringer")

    def __str__(self) -> str:
        return f"Tilgjengelighetserklæring, {self.municipality}"

    def deviation_lines(self) -> list[str]:
        return [line.strip() for line in self.deviations.splitlines() if line.strip()]
