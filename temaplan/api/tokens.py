"""Making, finding and revoking API tokens. The secret is random, shown once, stored hashed."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from temaplan.accounts.models import Membership, Municipality

from .models import ApiToken

SECRET_PREFIX = "tp_"
PREFIX_LENGTH = 10  # "tp_" and the first seven characters: enough to tell tokens apart
LIFETIMES = {30: "30 dager", 90: "90 dager", 365: "ett år"}
DEFAULT_LIFETIME = 90


def digest_of(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def token_create(
    *,
    user,
    municipality: Municipality,
    name: str,
    days: int = DEFAULT_LIFETIME,
    now: datetime | None = None,
) -> tuple[ApiToken, str]:
    """A new token and its secret; the secret is never stored and cannot be shown again."""
    now = now or timezone.now()
    secret = SECRET_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user,
        municipality=municipality,
        name=name,
        prefix=secret[:PREFIX_LENGTH],
        digest=digest_of(secret),
        created_at=now,
        expires_at=now + timedelta(days=days),
    )
    return token, secret


def token_revoke(*, token: ApiToken, now: datetime | None = None) -> ApiToken:
    if token.revoked_at is None:
        token.revoked_at = now or timezone.now()
        token.save(update_fields=["revoked_at"])
    return token


def token_is_active(token: ApiToken, now: datetime | None = None) -> bool:
    return token.revoked_at is None and token.expires_at > (now or timezone.now())


def token_find(secret: str, *, now: datetime | None = None) -> tuple[ApiToken, str] | None:
    """The active token with this secret and the role its user has in its municipality now,
    or None: unknown, expired, revoked, or the user is no longer a member (or inactive)."""
    now = now or timezone.now()
    if not secret.startswith(SECRET_PREFIX) or len(secret) > 200:
        return None
    token = (
        ApiToken.objects.select_related("user", "municipality")
        .filter(digest=digest_of(secret), revoked_at__isnull=True, expires_at__gt=now)
        .first()
    )
    if token is None or not token.user.is_active:
        return None
    role = (
        Membership.objects.filter(user_id=token.user_id, municipality_id=token.municipality_id)
        .values_list("role", flat=True)
        .first()
    )
    if role is None:
        return None
    if token.last_used_at is None or now - token.last_used_at > timedelta(minutes=5):
        with transaction.atomic():
            ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token, role
