"""Municipalities are the tenants; a membership gives a user a role in one of them."""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from temaplan.core.versioning import Versioned


class Role(models.TextChoices):
    VIEWER = "viewer", _("Leser")
    EDITOR = "editor", _("Redaktør")
    ADMIN = "admin", _("Administrator")


# What each role may do. Editors and admins write; admins also manage members.
ROLES_THAT_EDIT = frozenset({Role.EDITOR, Role.ADMIN})


class Municipality(models.Model):
    number = models.CharField(
        _("kommunenummer"),
        max_length=4,
        unique=True,
        validators=[RegexValidator(r"^\d{4}$", _("Kommunenummer har fire sifre."))],
        help_text=_("Dagens kommunenummer, for eksempel 3203."),
    )
    name = models.CharField(_("navn"), max_length=100)
    county_number = models.CharField(_("fylkesnummer"), max_length=2)
    county_name = models.CharField(_("fylke"), max_length=100)

    class Meta:
        ordering = ["number"]
        verbose_name = _("kommune")
        verbose_name_plural = _("kommuner")

    def __str__(self) -> str:
        return f"{self.number} {self.name}"


class Membership(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("rolle"), max_length=10, choices=Role.choices, default=Role.VIEWER)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "municipality"], name="one_membership_per_user")
        ]
        verbose_name = _("medlemskap")
        verbose_name_plural = _("medlemskap")

    def __str__(self) -> str:
        return f"{self.user} – {self.municipality} ({self.get_role_display()})"

    @property
    def can_edit(self) -> bool:
        return self.role in ROLES_THAT_EDIT


class Owned(Versioned):
    """A municipality's row (tenancy), with a version number that the services compare
    before saving. The apps' models build on it."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="+")

    class Meta:
        abstract = True
