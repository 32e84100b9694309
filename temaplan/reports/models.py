"""Year-end result reports: a draft, then frozen as one immutable document, then published.

A report belongs to a plan and a data year. While it is a draft its document is rebuilt from
the live data on every look (a preview). Freezing stores the document (document.py) with its
fingerprint, who froze it and when, and the rendered files; from then on nothing changes it.
A frozen report is never edited: a new version supersedes it, with a stated reason, and the
history shows both. Only a frozen report can be published (the public portal shows those).
"""

from __future__ import annotations

from django.conf import settings
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
