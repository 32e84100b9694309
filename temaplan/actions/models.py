"""The action plan: periods, actions (time-bound, driver, studies), study phases and political
cases, partner agreements, the budget and dialogue meetings.

Every row carries its municipality (tenancy) and, where editors change it in place, a version
number that services compare before saving.
"""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from temaplan.accounts.models import Municipality, Owned
from temaplan.core.fields import DecimalSize
from temaplan.core.text_limits import PARAGRAPHS, SENTENCES
from temaplan.core.uniqueness import UniqueKey
from temaplan.plans.models import FocusArea, Plan, Strategy

MONEY = DecimalSize(max_digits=14, decimal_places=2)
NOT_NEGATIVE = MinValueValidator(0, _("Beløpet kan ikke være negativt."))
FTE_NOT_NEGATIVE = MinValueValidator(0, _("Årsverkene kan ikke være negative."))
PERIOD_ENDS_BEFORE_START = _("Perioden kan ikke slutte før den begynner.")
ALLOCATION_TARGET_MISSING = _(
    "Velg et tiltak eller en partnerskapsavtale, eller skriv inn en post."
)
ALLOCATION_TARGET_TWICE = _("Velg bare én av dem: tiltak, partnerskapsavtale eller post.")
NOT_IN_PLAN = _("Velg et tiltak eller en avtale i denne planen.")
AGREEMENT_ENDS_BEFORE_START = _("Avtalen kan ikke slutte før den begynner.")
PHASE_ENDS_BEFORE_START = _("Planlagt slutt kan ikke være før planlagt start.")
PHASE_ENDED_BEFORE_START = _("Faktisk slutt kan ikke være før faktisk start.")
# A key already taken: the form says so, and so does the save when two editors (or a double
# click) save the same new key at the same moment (core.uniqueness).
PERIOD_NAME_TAKEN = _("Planen har allerede en handlingsperiode som heter «%(name)s».")
ACTION_KEY_TAKEN = _("Perioden har allerede et tiltak med nøkkelen «%(key)s».")
FRAME_TAKEN = {
    "decided": _("Planen har allerede en vedtatt ramme for %(year)s."),
    "proposed": _("Planen har allerede et forslag i økonomiplanen for %(year)s."),
}


class ActionPeriod(Owned):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="action_periods")
    name = models.CharField(_("navn"), max_length=50, help_text=_("For eksempel «2022/23»."))
    first_date = models.DateField(_("fra"))
    last_date = models.DateField(_("til"))
    history = HistoricalRecords()
    unique_key = UniqueKey("name", PERIOD_NAME_TAKEN)

    class Meta:
        ordering = ["plan", "first_date"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "name"], name="period_name_unique_in_plan")
        ]
        verbose_name = _("handlingsperiode")
        verbose_name_plural = _("handlingsperioder")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.first_date and self.last_date and self.last_date < self.first_date:
            raise ValidationError({"last_date": PERIOD_ENDS_BEFORE_START})


class Action(Owned):
    class Kind(models.TextChoices):
        TIME_BOUND = "time_bound", _("tidsbestemt tiltak")
        DRIVER = "driver", _("generelt pådrivertiltak")
        STUDY = "study", _("utredning")

    class Status(models.TextChoices):
        PLANNED = "planned", _("planlagt")
        IN_PROGRESS = "in_progress", _("pågår")
        DONE = "done", _("ferdig")
        DELAYED = "delayed", _("forsinket")
        CANCELLED = "cancelled", _("avlyst")

    period = models.ForeignKey(ActionPeriod, on_delete=models.CASCADE, related_name="actions")
    key = models.SlugField(_("nøkkel"), max_length=60, help_text=_("Fast nøkkel for Excel-import."))
    title = models.CharField(_("tittel"), max_length=300)
    description = models.TextField(_("beskrivelse"), max_length=PARAGRAPHS, blank=True)
    kind = models.CharField(_("type"), max_length=12, choices=Kind.choices, default=Kind.TIME_BOUND)
    focus_area = models.ForeignKey(
        FocusArea,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="actions",
        verbose_name=_("innsatsområde"),
    )
    strategies = models.ManyToManyField(
        Strategy, blank=True, related_name="actions", verbose_name=_("strategier")
    )
    responsible_unit = models.CharField(_("ansvarlig enhet"), max_length=200, blank=True)
    responsible_person = models.CharField(_("ansvarlig person"), max_length=200, blank=True)
    partners = models.CharField(_("samarbeidspartnere"), max_length=500, blank=True)
    start_date = models.DateField(_("start"), null=True, blank=True)
    due_date = models.DateField(_("frist"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PLANNED
    )
    progress = models.PositiveSmallIntegerField(
        _("framdrift (%)"),
        null=True,
        blank=True,
        # Django %-formats a validator's message with the limit: the sign is written «%%».
        validators=[MaxValueValidator(100, _("Framdriften er mellom 0 og 100 %%."))],
        help_text=_("Tomt betyr at framdrift ikke er rapportert (ikke det samme som 0 %)."),
    )
    weight = models.DecimalField(
        _("vekt"),
        max_digits=6,
        decimal_places=2,
        default=Decimal(1),
        validators=[MinValueValidator(0, _("Vekten kan ikke være negativ."))],
        help_text=_("Hvor mye tiltaket teller i samlet framdrift."),
    )
    priority = models.PositiveSmallIntegerField(
        _("plass på prioriteringslisten"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1, _("Plassen er 1 eller høyere."))],
    )
    anchored_body = models.CharField(_("forankret i (organ)"), max_length=100, blank=True)
    anchored_on = models.DateField(_("møtedato"), null=True, blank=True)
    anchored_case = models.CharField(_("saksnummer"), max_length=50, blank=True)
    is_example = models.BooleanField(_("eksempel"), default=False)
    history = HistoricalRecords()
    unique_key = UniqueKey("key", ACTION_KEY_TAKEN)

    class Meta:
        ordering = ["period", models.F("priority").asc(nulls_last=True), "key"]
        constraints = [
            models.UniqueConstraint(fields=["period", "key"], name="action_key_unique_in_period"),
        ]
        verbose_name = _("tiltak")
        verbose_name_plural = _("tiltak")

    def __str__(self) -> str:
        return self.title


class ActionStatusChange(models.Model):
    """A dated entry in an action's status history, with the comment given with it."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="+")
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="status_changes")
    status = models.CharField(max_length=12, choices=Action.Status.choices)
    progress = models.PositiveSmallIntegerField(null=True, blank=True)
    comment = models.TextField(max_length=SENTENCES, blank=True)
    changed_at = models.DateTimeField()
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["action", "-changed_at", "-id"]

    def __str__(self) -> str:
        return f"{self.action_id} {self.status} {self.changed_at:%Y-%m-%d}"


class StudyPhase(Owned):
    class Status(models.TextChoices):
        PLANNED = "planned", _("planlagt")
        IN_PROGRESS = "in_progress", _("pågår")
        DONE = "done", _("ferdig")

    study = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="phases")
    name = models.CharField(_("fase"), max_length=100)
    position = models.PositiveSmallIntegerField(default=0)
    planned_start = models.DateField(_("planlagt start"))
    planned_end = models.DateField(_("planlagt slutt"))
    actual_start = models.DateField(_("faktisk start"), null=True, blank=True)
    actual_end = models.DateField(_("faktisk slutt"), null=True, blank=True)
    deliverable = models.CharField(_("leveranse"), max_length=300, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PLANNED
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["study", "position", "planned_start"]
        verbose_name = _("fase")
        verbose_name_plural = _("faser")

    def __str__(self) -> str:
        return f"{self.study} – {self.name}"

    def clean(self) -> None:
        errors = {}
        if self.planned_start and self.planned_end and self.planned_end < self.planned_start:
            errors["planned_end"] = PHASE_ENDS_BEFORE_START
        if self.actual_start and self.actual_end and self.actual_end < self.actual_start:
            errors["actual_end"] = PHASE_ENDED_BEFORE_START
        if errors:
            raise ValidationError(errors)


class PoliticalCase(Owned):
    """A case planned to go to a political body between two phases of a study."""

    class Outcome(models.TextChoices):
        PENDING = "pending", _("ikke behandlet")
        ADOPTED = "adopted", _("vedtatt")
        REJECTED = "rejected", _("avvist")
        POSTPONED = "postponed", _("utsatt")

    study = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="political_cases")
    after_phase = models.ForeignKey(
        StudyPhase,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="cases_after",
        verbose_name=_("etter fase"),
    )
    body = models.CharField(
        _("organ"), max_length=100, help_text=_("For eksempel «Kommunestyret».")
    )
    planned_date = models.DateField(_("planlagt møtedato"))
    case_number = models.CharField(_("saksnummer"), max_length=50, blank=True)
    decision_text = models.TextField(_("vedtak"), max_length=PARAGRAPHS, blank=True)
    outcome = models.CharField(
        _("utfall"), max_length=10, choices=Outcome.choices, default=Outcome.PENDING
    )
    decided_on = models.DateField(_("behandlet"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["study", "planned_date"]
        verbose_name = _("politisk sak")
        verbose_name_plural = _("politiske saker")

    def __str__(self) -> str:
        return f"{self.body} {self.planned_date:%d.%m.%Y}"


class PartnerAgreement(Owned):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="partner_agreements")
    partner = models.CharField(_("partner"), max_length=200)
    contact = models.CharField(
        _("kontaktperson"),
        max_length=200,
        blank=True,
        help_text=_("Hvem hos partneren kommunen holder kontakt med, for eksempel navn og rolle."),
    )
    purpose = models.TextField(_("formål"), max_length=PARAGRAPHS)
    start_date = models.DateField(_("fra"))
    end_date = models.DateField(_("til"))
    yearly_amount = models.DecimalField(
        _("årlig beløp (kr)"), default=Decimal(0), validators=[NOT_NEGATIVE], **MONEY
    )
    co_funding = models.DecimalField(
        _("medfinansiering (kr)"), default=Decimal(0), validators=[NOT_NEGATIVE], **MONEY
    )
    deliverables = models.TextField(_("leveranser"), max_length=PARAGRAPHS, blank=True)
    actions = models.ManyToManyField(
        Action, blank=True, related_name="partner_agreements", verbose_name=_("tiltak")
    )
    is_example = models.BooleanField(_("eksempel"), default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "end_date", "partner"]
        verbose_name = _("partnerskapsavtale")
        verbose_name_plural = _("partnerskapsavtaler")

    def __str__(self) -> str:
        return self.partner

    def clean(self) -> None:
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": AGREEMENT_ENDS_BEFORE_START})


class BudgetFrame(Owned):
    """A year's budget frame: decided by the council, or proposed in the economic plan."""

    class Kind(models.TextChoices):
        DECIDED = "decided", _("vedtatt ramme")
        PROPOSED = "proposed", _("forslag i økonomiplan")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="budget_frames")
    year = models.PositiveSmallIntegerField(_("år"))
    kind = models.CharField(_("type"), max_length=10, choices=Kind.choices, default=Kind.DECIDED)
    amount = models.DecimalField(_("ramme (kr)"), validators=[NOT_NEGATIVE], **MONEY)
    fte = models.DecimalField(
        _("årsverk"),
        max_digits=6,
        decimal_places=2,
        default=Decimal(0),
        validators=[FTE_NOT_NEGATIVE],
    )
    fte_cost = models.DecimalField(
        _("kostnad for årsverkene (kr)"), default=Decimal(0), validators=[NOT_NEGATIVE], **MONEY
    )
    decision_reference = models.CharField(_("vedtak / kilde"), max_length=200, blank=True)
    history = HistoricalRecords()
    unique_key = UniqueKey("year", lambda frame: FRAME_TAKEN[frame.kind])

    class Meta:
        ordering = ["plan", "year", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "year", "kind"], name="one_frame_per_year_kind")
        ]
        verbose_name = _("budsjettramme")
        verbose_name_plural = _("budsjettrammer")

    def __str__(self) -> str:
        return f"{self.year} {self.get_kind_display()}"

    def clean(self) -> None:
        _check_year_in_plan(self)


class BudgetAllocation(Owned):
    """Money set aside in a year for an action or a partner agreement, and what is spent."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="budget_allocations")
    year = models.PositiveSmallIntegerField(_("år"))
    action = models.ForeignKey(
        Action, null=True, blank=True, on_delete=models.CASCADE, related_name="allocations"
    )
    agreement = models.ForeignKey(
        PartnerAgreement,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="allocations",
    )
    label = models.CharField(_("post"), max_length=200, blank=True)
    amount = models.DecimalField(_("tildelt (kr)"), validators=[NOT_NEGATIVE], **MONEY)
    spent = models.DecimalField(
        _("brukt hittil (kr)"), default=Decimal(0), validators=[NOT_NEGATIVE], **MONEY
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "year", "id"]
        verbose_name = _("budsjettildeling")
        verbose_name_plural = _("budsjettildelinger")

    def __str__(self) -> str:
        return self.label or str(self.action or self.agreement)

    def clean(self) -> None:
        """The line is named by exactly one of action, agreement and label, of this plan."""
        _check_year_in_plan(self)
        given = [
            name
            for name, value in (
                ("action", self.action_id),
                ("agreement", self.agreement_id),
                ("label", self.label.strip()),
            )
            if value
        ]
        if not given:
            raise ValidationError({"action": ALLOCATION_TARGET_MISSING})
        if len(given) > 1:
            raise ValidationError({name: ALLOCATION_TARGET_TWICE for name in given})
        if self.action and self.action.period.plan_id != self.plan_id:
            raise ValidationError({"action": NOT_IN_PLAN})
        if self.agreement and self.agreement.plan_id != self.plan_id:
            raise ValidationError({"agreement": NOT_IN_PLAN})


def _check_year_in_plan(row: "BudgetFrame | BudgetAllocation") -> None:
    """A budget year lies within the plan's years."""
    if not row.plan_id or row.year is None:
        return
    plan = row.plan
    if not plan.first_year <= row.year <= plan.last_year:
        raise ValidationError(
            {
                "year": _("Året må være innenfor planperioden %(first)s–%(last)s.")
                % {"first": plan.first_year, "last": plan.last_year}
            }
        )


class DialogueMeeting(Owned):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="dialogue_meetings")
    date = models.DateField(_("dato"))
    organisation = models.CharField(_("med hvem (organisasjon)"), max_length=200)
    participants = models.TextField(
        _("deltakere"),
        max_length=PARAGRAPHS,
        blank=True,
        help_text=_("Bare navn og rolle, én per linje."),
    )
    topics = models.TextField(_("tema"), max_length=PARAGRAPHS)
    focus_areas = models.ManyToManyField(
        FocusArea, blank=True, related_name="dialogue_meetings", verbose_name=_("innsatsområder")
    )
    follow_up_actions = models.ManyToManyField(
        Action, blank=True, related_name="dialogue_meetings", verbose_name=_("oppfølgingstiltak")
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "-date"]
        verbose_name = _("dialogmøte")
        verbose_name_plural = _("dialogmøter")

    def __str__(self) -> str:
        return f"{self.date:%d.%m.%Y} {self.organisation}"
