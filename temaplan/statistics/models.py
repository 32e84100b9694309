"""The series store: SSB values as published, per table, content code, region code and year.

Official statistics are public, so the store is shared by every municipality (no tenancy):
what a municipality sees of it is decided by the indicators of its own plans.

Regions are stored with the codes SSB published them under for that year; harmonising to
today's borders happens when reading (see harmonise.py), so a later border change never
requires refetching. Two-region tables (commuting, 03321) keep `region2`; the special value
ROW_TOTAL there holds the sum over all work regions of a home region.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

ROW_TOTAL = "*"


class SeriesValue(models.Model):
    table = models.CharField(_("tabell"), max_length=16)
    content = models.CharField(_("statistikkvariabel"), max_length=64)
    region = models.CharField(_("region"), max_length=8)
    region2 = models.CharField(_("region 2"), max_length=8, blank=True, default="")
    year = models.PositiveSmallIntegerField(_("år"))
    value = models.FloatField(_("verdi"), null=True, blank=True)
    status = models.CharField(_("symbol"), max_length=4, blank=True, default="")
    vintage = models.CharField(
        _("dataversjon"), max_length=200, blank=True, help_text=_("SSBs «updated» for tabellen.")
    )
    fetched_at = models.DateTimeField(_("hentet"))

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["table", "content", "region", "region2", "year"], name="one_value_per_cell"
            )
        ]
        indexes = [models.Index(fields=["table", "content", "year"])]
        verbose_name = _("statistikkverdi")
        verbose_name_plural = _("statistikkverdier")

    def __str__(self) -> str:
        where = f"{self.region}→{self.region2}" if self.region2 else self.region
        return f"{self.table}/{self.content} {where} {self.year}: {self.value}"


class SeriesRevision(models.Model):
    """A value SSB published earlier for the same cell, kept when a newer vintage differs."""

    series_value = models.ForeignKey(
        SeriesValue, on_delete=models.CASCADE, related_name="revisions"
    )
    value = models.FloatField(null=True)
    status = models.CharField(max_length=4, blank=True, default="")
    vintage = models.CharField(max_length=200, blank=True)
    replaced_at = models.DateTimeField()

    class Meta:
        ordering = ["series_value", "-replaced_at"]

    def __str__(self) -> str:
        return f"{self.value} ({self.vintage})"


class SyncRun(models.Model):
    """One fetch from SSB, started from the web or the command line; its progress is shown live."""

    class State(models.TextChoices):
        QUEUED = "queued", _("i kø")
        RUNNING = "running", _("pågår")
        DONE = "done", _("ferdig")
        FAILED = "failed", _("feilet")

    municipality = models.ForeignKey(
        "accounts.Municipality",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="ssb_syncs",
        help_text="Kommunen som startet hentingen fra nettsidene (tom fra kommandolinjen).",
    )
    municipality_numbers = models.CharField(max_length=2000, blank=True)
    state = models.CharField(max_length=10, choices=State.choices, default=State.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0)
    message = models.CharField(max_length=300, blank=True)
    # The technical account of a failure (which request, which exception), folded away on the
    # page under «Teknisk detalj»; `message` holds the plain sentence.
    detail = models.TextField(blank=True)
    summary = models.TextField(blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"SSB-henting {self.created_at:%Y-%m-%d %H:%M} ({self.get_state_display()})"


class KlassSnapshot(models.Model):
    """A KLASS response kept in the database, so region code history is known offline and the
    same everywhere: the municipalities valid at a date, or the changes between two dates."""

    classification = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=20)  # "codesAt" or "changes"
    parameters = models.CharField(max_length=100)  # "2026-01-01" or "2011-01-01/2026-01-01"
    body = models.JSONField()
    fetched_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["classification", "kind", "parameters"], name="one_klass_snapshot"
            )
        ]

    def __str__(self) -> str:
        return f"KLASS {self.classification} {self.kind} {self.parameters}"


class ResolvedSource(models.Model):
    """Where the last sync found a source (statistics.sources): the table, the content code and
    the dimensions, as the table's metadata gave them (see source_tables.py).

    KOSTRA tables are renumbered, so a searched-for source is looked up by name; and SSB's
    content codes and dimension ids need not be the ones configured. The series are stored
    under the code found here, so the formulas read them by this row (compute.source_location).
    """

    name = models.CharField(max_length=60, unique=True)
    table = models.CharField(max_length=16)
    content = models.CharField(max_length=64)
    content_label = models.CharField(max_length=300, blank=True)
    region_dimensions = models.CharField(
        max_length=200, blank=True, help_text="SSBs regiondimensjoner, kommaseparert."
    )
    time_dimension = models.CharField(max_length=64, blank=True)
    table_label = models.CharField(max_length=300, blank=True)
    resolved_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.name} → {self.table}/{self.content}"
