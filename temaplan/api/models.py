"""Personal API tokens: one user, one municipality, the user's role there, an expiry.

Only the SHA-256 digest of the secret is stored; the secret itself is shown once, when the
token is made (tokens.py).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from temaplan.accounts.models import Municipality


class ApiToken(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="+")
    name = models.CharField(_("navn"), max_length=100, help_text=_("Hva nøkkelen brukes til."))
    prefix = models.CharField(max_length=12, editable=False)  # shown in the list, not secret
    digest = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("opprettet"))
    expires_at = models.DateTimeField(_("utløper"))
    revoked_at = models.DateTimeField(_("trukket tilbake"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("sist brukt"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("API-nøkkel")
        verbose_name_plural = _("API-nøkler")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"
