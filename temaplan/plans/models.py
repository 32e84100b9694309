"""The plan and its parts: political ambitions, focus areas, strategies and premises.

Every row carries its municipality (tenancy is checked on the row itself) and a version
number that services compare before saving, so two editors never overwrite each other.
"""

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from temaplan.accounts.models import Municipality
from temaplan.core.text_limits import PARAGRAPHS, SENTENCES
from temaplan.core.uniqueness import UniqueKey
from temaplan.core.versioning import Versioned

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

SCALE_MESSAGE = _("Velg et tall fra 1 (lav) til 5 (høy).")
YEAR_MESSAGE = _("Året må være mellom 2000 og 2100.")
LAST_YEAR_BEFORE_FIRST = _("Siste år kan ikke være før første år.")
# The form's message, and the save's when two editors save the same number at the same moment.
FOCUS_AREA_NUMBER_TAKEN = _("Planen har allerede et innsatsområde med nummer %(number)s.")


def scale_field(
    label: "StrOrPromise", help_text: "StrOrPromise"
) -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(
        label,
        validators=[MinValueValidator(1, SCALE_MESSAGE), MaxValueValidator(5, SCALE_MESSAGE)],
        help_text=help_text,
    )


def year_field(label: "StrOrPromise") -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(
        label,
        validators=[MinValueValidator(2000, YEAR_MESSAGE), MaxValueValidator(2100, YEAR_MESSAGE)],
    )


class PlanPart(Versioned):
    """A part of a plan, ordered by position within its plan (or focus area)."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="+")
    position = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        abstract = True


class Plan(Versioned):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Utkast")
        ADOPTED = "adopted", _("Vedtatt")

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="plans")
    name = models.CharField(_("navn"), max_length=200)
    first_year = year_field(_("første år"))
    last_year = year_field(_("siste år"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    adopted_on = models.DateField(_("vedtaksdato"), null=True, blank=True)
    decision_reference = models.CharField(
        _("vedtaksreferanse"),
        max_length=200,
        blank=True,
        help_text=_("For eksempel saksnummer og organ: «KST-sak 45/20»."),
    )
    document_url = models.URLField(_("lenke til plandokumentet"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["municipality__number", "-first_year", "name"]
        verbose_name = _("plan")
        verbose_name_plural = _("planer")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.first_year and self.last_year and self.last_year < self.first_year:
            raise ValidationError({"last_year": LAST_YEAR_BEFORE_FIRST})

    @property
    def period(self) -> str:
        return f"{self.first_year}–{self.last_year}"


class Ambition(PlanPart):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="ambitions")
    text = models.TextField(_("ambisjon"), max_length=SENTENCES)
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "position", "id"]
        verbose_name = _("politisk ambisjon")
        verbose_name_plural = _("politiske ambisjoner")

    def __str__(self) -> str:
        return self.text[:60]


class FocusArea(PlanPart):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="focus_areas")
    number = models.PositiveSmallIntegerField(
        _("nummer"), validators=[MinValueValidator(1, _("Nummeret må være 1 eller høyere."))]
    )
    name = models.CharField(_("navn"), max_length=200)
    description = models.TextField(_("beskrivelse"), max_length=PARAGRAPHS, blank=True)
    influence = scale_field(
        _("påvirkningsmulighet"), _("Kommunens muligheter for påvirkning, 1 (lav) til 5 (høy).")
    )
    importance = scale_field(_("betydning"), _("Betydning for næringsutviklingen, 1 til 5."))
    placement_is_example = models.BooleanField(
        _("plasseringen er et eksempel"),
        default=False,
        help_text=_("Kryss av når plasseringen i matrisen ikke er vedtatt, bare illustrert."),
    )
    history = HistoricalRecords()
    unique_key = UniqueKey("number", FOCUS_AREA_NUMBER_TAKEN)

    class Meta:
        ordering = ["plan", "position", "number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="focus_area_number_unique")
        ]
        verbose_name = _("innsatsområde")
        verbose_name_plural = _("innsatsområder")

    def __str__(self) -> str:
        return f"{self.number}. {self.name}"


class Strategy(PlanPart):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="strategies")
    focus_area = models.ForeignKey(
        FocusArea,
        on_delete=models.CASCADE,
        related_name="strategies",
        verbose_name=_("innsatsområde"),
    )
    code = models.CharField(_("kode"), max_length=20, help_text=_("For eksempel «2.3»."))
    text = models.TextField(_("strategi"), max_length=SENTENCES)
    is_example = models.BooleanField(
        _("eksempeltekst"),
        default=False,
        help_text=_("Kryss av når teksten er et eksempel og ikke planens egen ordlyd."),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "focus_area__position", "position", "code"]
        verbose_name = _("strategi")
        verbose_name_plural = _("strategier")

    def __str__(self) -> str:
        return f"{self.code} {self.text[:60]}"


class Premise(PlanPart):
    """A condition set outside the plan (for example land use), shown apart in the matrix."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="premises")
    name = models.CharField(_("navn"), max_length=200)
    description = models.TextField(_("beskrivelse"), max_length=PARAGRAPHS, blank=True)
    influence = scale_field(
        _("påvirkningsmulighet"), _("Kommunens muligheter for påvirkning, 1 (lav) til 5 (høy).")
    )
    importance = scale_field(_("betydning"), _("Betydning for næringsutviklingen, 1 til 5."))
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "position", "id"]
        verbose_name = _("premiss utenfor planen")
        verbose_name_plural = _("premisser utenfor planen")

    def __str__(self) -> str:
        return self.name
