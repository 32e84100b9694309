"""Kommune-NM editions as data, peer groups and the generated, editable story.

Editions are NHO's published ranks as the municipality has them (entered, imported, or from
the plan presentation): each municipality keeps its own copy, like the rest of its data, so
one municipality's corrections never change another's figures.

A ranking belongs to an edition and a data year. In the edition's own data year (edition N
describes data year N−1) it is the rank «as first published»; in an earlier data year it is
that year «as restated in edition N», which NHO does when it compares with last year. The
municipality number is kept as it was valid in the edition; today's number comes from the
code history (codes.py).
"""

from __future__ import annotations

from datetime import date

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from temaplan.accounts.models import Owned
from temaplan.core.fields import DecimalSize
from temaplan.core.text_limits import PARAGRAPHS, SENTENCES
from temaplan.plans.models import Plan

SCORE = DecimalSize(max_digits=12, decimal_places=4)
RANK_MESSAGE = _("En plassering er et helt tall fra 1 og oppover.")
EDITION_YEAR_MESSAGE = _("Utgaveåret må være mellom 2000 og 2100.")
# NHO publishes Kommune-NM in the spring; the county map of that day is the edition's.
DEFAULT_PUBLISHED_MONTH_DAY = (6, 1)


def default_published_on(year: int) -> date:
    return date(year, *DEFAULT_PUBLISHED_MONTH_DAY)


class Edition(Owned):
    """One year's Kommune-NM, as published by NHO."""

    year = models.PositiveSmallIntegerField(
        _("utgave"),
        validators=[
            MinValueValidator(2000, EDITION_YEAR_MESSAGE),
            MaxValueValidator(2100, EDITION_YEAR_MESSAGE),
        ],
        help_text=_("Året NHO ga ut rangeringen, for eksempel 2021."),
    )
    data_year = models.PositiveSmallIntegerField(
        _("dataår"), help_text=_("Året tallene beskriver: vanligvis utgaveåret minus én.")
    )
    published_on = models.DateField(
        _("publisert"),
        help_text=_("Fylkene og kommunenumrene gjelder slik de var denne dagen."),
    )
    municipalities_ranked = models.PositiveSmallIntegerField(
        _("antall kommuner rangert"), help_text=_("356 i 2020–2023, 357 fra 2024.")
    )
    source = models.CharField(
        _("kilde"),
        max_length=300,
        help_text=_("Hvor tallene kommer fra, for eksempel «NHO Kommune-NM 2021, nho.no»."),
    )
    note = models.TextField(_("merknad"), max_length=SENTENCES, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["municipality", "-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "year"], name="one_edition_per_year_per_municipality"
            )
        ]
        verbose_name = _("Kommune-NM-utgave")
        verbose_name_plural = _("Kommune-NM-utgaver")

    def __str__(self) -> str:
        return f"Kommune-NM {self.year}"


class Theme(Owned):
    """A theme as the edition published it (Næringsliv, Arbeidsmarked, …)."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="themes")
    key = models.SlugField(_("nøkkel"), max_length=40)
    name = models.CharField(_("navn"), max_length=100)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["edition", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "key"], name="theme_key_unique_in_edition")
        ]
        verbose_name = _("tema")
        verbose_name_plural = _("temaer")

    def __str__(self) -> str:
        return self.name


class Parameter(Owned):
    """One of a theme's parameters, as published (names only unless values are given)."""

    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="parameters")
    key = models.SlugField(_("nøkkel"), max_length=60)
    name = models.CharField(_("navn"), max_length=200)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["theme", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["theme", "key"], name="parameter_key_unique_in_theme")
        ]
        verbose_name = _("parameter")
        verbose_name_plural = _("parametere")

    def __str__(self) -> str:
        return self.name


class Ranking(Owned):
    """A municipality's overall rank in an edition, for the edition's data year (as first
    published) or an earlier one (as restated in this edition)."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="rankings")
    data_year = models.PositiveSmallIntegerField(_("dataår"))
    code = models.CharField(
        _("kommunenummer"),
        max_length=4,
        help_text=_("Slik det var i utgaven, for eksempel 3025 for Asker i 2021."),
    )
    name = models.CharField(_("kommune"), max_length=100)
    rank = models.PositiveSmallIntegerField(
        _("plassering"), validators=[MinValueValidator(1, RANK_MESSAGE)]
    )
    score = models.DecimalField(_("poeng"), null=True, blank=True, **SCORE)
    history = HistoricalRecords()

    class Meta:
        ordering = ["edition", "data_year", "rank", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "data_year", "code"], name="one_ranking_per_code_and_year"
            )
        ]
        verbose_name = _("plassering")
        verbose_name_plural = _("plasseringer")

    def __str__(self) -> str:
        return f"{self.code} {self.name}: {self.rank} ({self.edition})"

    @property
    def first_published(self) -> bool:
        """Whether this is the edition's own year, not a restatement of an earlier one."""
        return self.data_year == self.edition.data_year


class ThemeRank(Owned):
    ranking = models.ForeignKey(Ranking, on_delete=models.CASCADE, related_name="theme_ranks")
    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="ranks")
    rank = models.PositiveSmallIntegerField(
        _("plassering"), validators=[MinValueValidator(1, RANK_MESSAGE)]
    )
    score = models.DecimalField(_("poeng"), null=True, blank=True, **SCORE)

    class Meta:
        ordering = ["ranking", "theme__position"]
        constraints = [
            models.UniqueConstraint(fields=["ranking", "theme"], name="one_rank_per_theme")
        ]


class ParameterValue(Owned):
    ranking = models.ForeignKey(Ranking, on_delete=models.CASCADE, related_name="parameter_values")
    parameter = models.ForeignKey(Parameter, on_delete=models.CASCADE, related_name="values")
    value = models.DecimalField(_("verdi"), **SCORE)

    class Meta:
        ordering = ["ranking", "parameter__position"]
        constraints = [
            models.UniqueConstraint(fields=["ranking", "parameter"], name="one_value_per_parameter")
        ]


class Peer(Owned):
    """A municipality the plan compares itself with, by today's number."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="peers")
    code = models.CharField(_("kommunenummer"), max_length=4)
    name = models.CharField(_("kommune"), max_length=100)
    position = models.PositiveSmallIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "code"], name="one_peer_per_code_in_plan")
        ]
        verbose_name = _("sammenligningskommune")
        verbose_name_plural = _("sammenligningskommuner")

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class StorySentence(Owned):
    """A sentence of the Kommune-NM story for a plan and edition.

    `generated` is what Temaplan last wrote from `figures` (the numbers it rests on); `text` is
    what is shown, the editor's if `edited`. `figures_when_edited` keeps the figures the editor
    saw, so a sentence whose figures have changed since is flagged instead of overwritten.
    """

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="story_sentences")
    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="story_sentences")
    key = models.CharField(_("nøkkel"), max_length=60)
    position = models.PositiveSmallIntegerField(default=0)
    generated = models.TextField(_("generert tekst"), max_length=PARAGRAPHS)
    text = models.TextField(_("tekst"), max_length=PARAGRAPHS)
    figures = models.JSONField(_("tall"), default=dict)
    edited = models.BooleanField(_("redigert"), default=False)
    figures_when_edited = models.JSONField(default=dict, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "edition", "position"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "edition", "key"], name="one_sentence_per_key")
        ]
        verbose_name = _("setning i fortellingen")
        verbose_name_plural = _("setninger i fortellingen")

    def __str__(self) -> str:
        return self.text

    @property
    def stale(self) -> bool:
        """An edited sentence whose figures have changed since the editor wrote it."""
        return self.edited and self.figures != self.figures_when_edited
