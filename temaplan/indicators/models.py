"""Indicator definitions, yearly targets and observations of a plan.

Years are data years (the year a figure describes). Sources that publish later under another
year's name say so in `report_year_offset`: NHO's Kommune-NM edition N describes data year N−1,
so its offset is 1 and the page can show "Kommune-NM 2021" above the 2020 column.
"""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from temaplan.accounts.models import Municipality
from temaplan.core.fields import DecimalSize
from temaplan.core.text_limits import PARAGRAPHS, SENTENCES
from temaplan.core.uniqueness import UniqueKey
from temaplan.core.versioning import Versioned
from temaplan.plans.models import FocusArea, Plan, PlanPart
from temaplan.statistics.formulas import FORMULAS
from temaplan.statistics.formulas import describe as describe_formula

from .status import Comparator, Direction, TargetRule, Unit

DECIMAL = DecimalSize(max_digits=16, decimal_places=4)
# The form's message, and the save's when two editors save the same key at the same moment.
INDICATOR_KEY_TAKEN = _("Planen har allerede en indikator med nøkkelen «%(key)s».")


def _choices(enum, labels: dict) -> list[tuple[str, str]]:
    return [(member.value, labels[member]) for member in enum]


UNIT_CHOICES = _choices(
    Unit,
    {
        Unit.RANK: _("plassering"),
        Unit.PERCENT: _("prosent (andel)"),
        Unit.RATIO: _("prosent (forholdstall)"),
        Unit.COUNT: _("antall"),
        Unit.DECARES: _("dekar"),
        Unit.NOK: _("kroner"),
    },
)
DIRECTION_CHOICES = _choices(
    Direction, {Direction.HIGHER: _("høyere er bedre"), Direction.LOWER: _("lavere er bedre")}
)
COMPARATOR_CHOICES = _choices(
    Comparator,
    {
        Comparator.RANK_AT_MOST: _("plass N eller bedre"),
        Comparator.AT_LEAST: _("minst"),
        Comparator.ABOVE: _("over"),
        Comparator.AT_MOST: _("høyst"),
        Comparator.BELOW: _("under"),
        Comparator.BETTER_THAN_PREVIOUS: _("bedre enn året før"),
        Comparator.BETWEEN: _("mellom"),
    },
)


class Source(models.TextChoices):
    NHO = "nho", "NHO"
    SSB = "ssb", "SSB"
    OWN = "own", _("egne data")
    COMPUTED = "computed", _("beregnet")


class KommuneNm(models.TextChoices):
    """Which rank of NHO's Kommune-NM an indicator takes from the stored editions (benchmark)."""

    NONE = "", _("nei")
    OVERALL = "overall", _("samlet plassering")
    COUNTY = "county", _("plassering i fylket")


class Influence(models.TextChoices):
    HIGH = "high", _("høy")
    MEDIUM = "medium", _("middels")
    LOW = "low", _("lav")


class Indicator(PlanPart):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="indicators")
    key = models.SlugField(
        _("nøkkel"),
        max_length=60,
        help_text=_("Fast nøkkel brukt i Excel-import, for eksempel «nho-rang»."),
    )
    name = models.CharField(_("navn"), max_length=300)
    description = models.TextField(_("beskrivelse"), max_length=PARAGRAPHS, blank=True)
    unit = models.CharField(_("enhet"), max_length=10, choices=UNIT_CHOICES)
    direction = models.CharField(
        _("retning"), max_length=10, choices=DIRECTION_CHOICES, default=Direction.HIGHER
    )
    source = models.CharField(_("kilde"), max_length=10, choices=Source.choices)
    influence = models.CharField(
        _("kommunens påvirkning"),
        max_length=10,
        choices=Influence.choices,
        default=Influence.MEDIUM,
    )
    focus_areas = models.ManyToManyField(
        FocusArea, blank=True, related_name="indicators", verbose_name=_("innsatsområder")
    )
    report_year_offset = models.SmallIntegerField(
        _("utgave etter dataår"),
        default=0,
        help_text=_("Kommune-NM utgave N beskriver dataår N−1: skriv 1. Ellers 0."),
    )
    tolerance = models.DecimalField(
        _("toleranse for gul"),
        default=Decimal(0),
        validators=[MinValueValidator(0, _("Toleransen kan ikke være negativ."))],
        help_text=_("Hvor langt fra ambisjonen (i indikatorens enhet) som gir gul, ikke rød."),
        **DECIMAL,
    )
    goal_text = models.CharField(
        _("langsiktig mål"), max_length=200, blank=True, help_text=_("For eksempel «topp 10».")
    )
    goal_comparator = models.CharField(
        _("langsiktig mål: sammenligning"), max_length=25, choices=COMPARATOR_CHOICES, blank=True
    )
    goal_value = models.DecimalField(_("langsiktig mål: verdi"), null=True, blank=True, **DECIMAL)
    footnote = models.TextField(_("fotnote"), max_length=SENTENCES, blank=True)
    formula = models.CharField(
        _("formel"),
        max_length=60,
        blank=True,
        choices=[(key, formula.name) for key, formula in FORMULAS.items()],
        help_text=_("Beregnes av Temaplan fra SSBs tabeller; se docs/formulas.md."),
    )
    formula_options = models.JSONField(_("formelvalg"), default=dict, blank=True)
    kommune_nm = models.CharField(
        _("hentes fra Kommune-NM"),
        max_length=10,
        blank=True,
        default="",
        choices=KommuneNm.choices,
        help_text=_(
            "Resultatene hentes fra de lagrede Kommune-NM-utgavene (Kommune-NM-siden), med "
            "utgaven som dataversjon."
        ),
    )
    history = HistoricalRecords()
    unique_key = UniqueKey("key", INDICATOR_KEY_TAKEN)

    class Meta:
        ordering = ["plan", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "key"], name="indicator_key_unique_in_plan")
        ]
        verbose_name = _("indikator")
        verbose_name_plural = _("indikatorer")

    def __str__(self) -> str:
        return self.name

    @property
    def formula_description(self) -> str:
        """How Temaplan computes this indicator from SSB, settings included ("" if it doesn't)."""
        return describe_formula(self.formula, self.formula_options) if self.formula else ""

    @property
    def goal_rule(self) -> TargetRule | None:
        """The long-term goal as a rule, used for years without a yearly ambition."""
        if not self.goal_comparator:
            return None
        return TargetRule(Comparator(self.goal_comparator), self.goal_value)


class Target(Versioned):
    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="+")
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="targets")
    year = models.PositiveSmallIntegerField(_("år"))
    comparator = models.CharField(_("sammenligning"), max_length=25, choices=COMPARATOR_CHOICES)
    value = models.DecimalField(_("verdi"), null=True, blank=True, **DECIMAL)
    high = models.DecimalField(_("øvre grense"), null=True, blank=True, **DECIMAL)
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator", "year"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "year"], name="one_target_per_year")
        ]
        verbose_name = _("ambisjon")
        verbose_name_plural = _("ambisjoner")

    def __str__(self) -> str:
        return f"{self.indicator_id} {self.year}"

    @property
    def rule(self) -> TargetRule:
        return TargetRule(Comparator(self.comparator), self.value, self.high)


class Observation(Versioned):
    """The value of an indicator in a data year. A changed value keeps the old one as a revision."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="+")
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="observations")
    year = models.PositiveSmallIntegerField(_("år"))
    value = models.DecimalField(_("verdi"), **DECIMAL)
    provisional = models.BooleanField(_("foreløpig tall"), default=False)
    source_note = models.CharField(_("kildemerknad"), max_length=300, blank=True)
    vintage = models.CharField(
        _("dataversjon"),
        max_length=100,
        blank=True,
        help_text=_("Når tallet ble publisert eller hentet, for eksempel «SSB 2021-06-01»."),
    )
    recorded_at = models.DateTimeField(_("registrert"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["indicator", "year"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "year"], name="one_observation_per_year")
        ]
        verbose_name = _("resultat")
        verbose_name_plural = _("resultater")


class ObservationRevision(models.Model):
    """A value an observation had before it was revised."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="+")
    observation = models.ForeignKey(Observation, on_delete=models.CASCADE, related_name="revisions")
    value = models.DecimalField(_("verdi"), **DECIMAL)
    provisional = models.BooleanField(_("foreløpig tall"))
    source_note = models.CharField(_("kildemerknad"), max_length=300, blank=True)
    vintage = models.CharField(_("dataversjon"), max_length=100, blank=True)
    recorded_at = models.DateTimeField(_("registrert"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    replaced_at = models.DateTimeField(_("erstattet"))

    class Meta:
        ordering = ["observation", "-replaced_at"]

    def __str__(self) -> str:
        return f"{self.value} (erstattet {self.replaced_at:%Y-%m-%d})"


class YearComment(Versioned):
    """An adviser's comment on an indicator's year, shown on the indicator page and in reports."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="+")
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="comments")
    year = models.PositiveSmallIntegerField(_("år"))
    text = models.TextField(_("kommentar"), max_length=SENTENCES)
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator", "year"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "year"], name="one_comment_per_year")
        ]
