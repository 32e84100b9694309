"""Rendered fragments cached by the versions of the rows they show.

A view names what a fragment shows: `fragment_key("plan-sections", plan, contents.ambitions,
…)` digests every field of every row given (its version and position included), so any change
to any of them, by an edit, a move, an import or the demo loader, gives another key, and a
stale fragment is never served: it is simply not asked for again and expires. The template
wraps the fragment in `{% fragment key "part" %}…{% endfragment %}` (core/templatetags).

Forms inside a cached fragment carry the CSRF token of whoever asks, not of whoever rendered
it first: the fragment is rendered with a placeholder token, and the placeholder's hidden input
is replaced by the request's own on the way out. The placeholder is matched as the whole
`<input>` element, which escaped user text can never contain.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal

from django.core.cache import cache
from django.db import models
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

# A day: a key whose rows changed is never asked for again; the cache drops it in its own time.
TIMEOUT_SECONDS = 24 * 60 * 60
CSRF_PLACEHOLDER = "csrf-token-placeholder"
CSRF_INPUT = '<input type="hidden" name="csrfmiddlewaretoken" value="{}">'
PLACEHOLDER_INPUT = CSRF_INPUT.format(CSRF_PLACEHOLDER)


def fragment_key(name: str, *shown: object) -> str:
    """A key for the fragment `name` showing these rows (model instances, lists of them) and
    plain values (a flag such as can_edit, a date), in the current language."""
    digest = hashlib.blake2b(digest_size=16)
    for part in (get_language(), *shown):
        _feed(digest, part)
    return f"fragment:{name}:{digest.hexdigest()}"


def _feed(digest, part: object) -> None:
    if isinstance(part, models.Model):
        values = [part._meta.label, *(getattr(part, f.attname) for f in part._meta.concrete_fields)]
        digest.update(repr(values).encode())
    elif isinstance(part, str | int | float | bool | date | datetime | Decimal) or part is None:
        digest.update(repr(part).encode())
    elif isinstance(part, Iterable):
        digest.update(b"[")
        for item in part:
            _feed(digest, item)
        digest.update(b"]")
    else:
        raise TypeError(f"Kan ikke lage nøkkel av {type(part).__name__}.")
    digest.update(b";")


def cached_fragment(key: str, render, csrf_token: object) -> SafeString:
    """The fragment under key, rendered (with the placeholder token) when it is not cached."""
    html = cache.get(key)
    if html is None:
        html = str(render(CSRF_PLACEHOLDER))
        cache.set(key, html, TIMEOUT_SECONDS)
    own = format_html(CSRF_INPUT, str(csrf_token)) if csrf_token else ""
    return mark_safe(html.replace(PLACEHOLDER_INPUT, own))
