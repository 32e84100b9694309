"""Writes to the Kommune-NM editions: an edition's own fields, and its themes with their
parameters. The rankings in an edition are ranking_services.py's.

Views, the import and the CLI call these. Every check is made before anything is written and
refused with a ValidationError keyed by the field it concerns (messages below, in bokmål);
updates go through `record_update`, which refuses the second of two simultaneous saves. Every
write ends with `feed.kommune_nm_feed`, so the Kommune-NM indicators follow the editions.
`refuse` and `feed_kommune_nm` are shared with ranking_services.py.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from temaplan.accounts.models import Municipality
from temaplan.core.versioning import record_update

from .codes import code_problem, stored_history
from .feed import kommune_nm_feed
from .models import Edition, Parameter, Ranking, Theme, default_published_on

# Messages ------------------------------------------------------------------------------------

EDITION_EXISTS = "Kommunen har allerede Kommune-NM {year}."
DATA_YEAR_AFTER_EDITION = "Dataåret kan ikke være etter utgaveåret ({year})."
DATA_YEAR_TOO_EARLY = "Dataåret kan være høyst {gap} år før utgaveåret ({year})."
PUBLISHED_OUTSIDE_YEAR = "Publiseringsdatoen må være i utgaveåret ({year})."
RANKED_TOO_FEW = "Antall kommuner rangert må være minst 1."
RANKED_TOO_MANY = "Antall kommuner rangert kan være høyst {limit}."
RANKED_BELOW_STORED = (
    "Utgaven har en plassering {rank} ({name}); antall kommuner rangert kan ikke være lavere."
)
CODES_INVALID_ON_NEW_DATE = (
    "Plasseringene i utgaven har kommunenummer som ikke gjaldt {when}: {codes}. Rett dem først."
)
RESTATED_AFTER_NEW_DATA_YEAR = (
    "Utgaven har plasseringer for dataår {year}, etter det nye dataåret. Rett dem først."
)
THEME_KEY_EXISTS = "Utgaven har allerede et tema med nøkkelen «{key}»."
THEME_NAME_EXISTS = "Utgaven har allerede et tema som heter «{name}»."
THEME_KEY_BAD = (
    "«{key}» er ikke en gyldig nøkkel; bruk bare små bokstaver a–z, tall og bindestrek, "
    "for eksempel «naeringsliv»."
)
PARAMETER_TWICE = "Parameteren «{name}» står to ganger."
PARAMETER_NAME_TOO_LONG = "Parameternavnet «{name}…» er for langt (høyst 200 tegn)."

MAX_RANKED = 1000  # Norway has had at most 435 municipalities; room for other rankings
MAX_DATA_YEAR_GAP = 3  # edition N usually describes N−1


def parameter_key(name: str) -> str:
    """A parameter's key from its name: «Sysselsettingsvekst i privat sektor» → its slug."""
    return slugify(name.replace("æ", "ae").replace("ø", "o").replace("å", "a"))[:60] or "parameter"


def refuse(errors: dict[str, list[str]]) -> None:
    if errors:
        raise ValidationError(errors)


def feed_kommune_nm(municipality_id: int, user=None) -> None:
    kommune_nm_feed(municipality=Municipality.objects.get(pk=municipality_id), user=user)


# Editions ------------------------------------------------------------------------------------


def edition_problems(
    data: Mapping[str, Any], *, rankings: Sequence[Ranking] = (), history=None
) -> dict[str, list[str]]:
    """What is wrong with an edition's fields (and with its stored rankings under them)."""
    errors: dict[str, list[str]] = {}
    year, data_year = data.get("year"), data.get("data_year")
    published, ranked = data.get("published_on"), data.get("municipalities_ranked")
    if isinstance(year, int) and isinstance(data_year, int):
        if data_year > year:
            errors.setdefault("data_year", []).append(DATA_YEAR_AFTER_EDITION.format(year=year))
        elif data_year < year - MAX_DATA_YEAR_GAP:
            errors.setdefault("data_year", []).append(
                DATA_YEAR_TOO_EARLY.format(gap=MAX_DATA_YEAR_GAP, year=year)
            )
    if isinstance(year, int) and isinstance(published, date) and published.year != year:
        errors.setdefault("published_on", []).append(PUBLISHED_OUTSIDE_YEAR.format(year=year))
    if isinstance(ranked, int):
        if ranked < 1:
            errors.setdefault("municipalities_ranked", []).append(RANKED_TOO_FEW)
        elif ranked > MAX_RANKED:
            errors.setdefault("municipalities_ranked", []).append(
                RANKED_TOO_MANY.format(limit=MAX_RANKED)
            )
        else:
            worst = max(rankings, key=lambda r: r.rank, default=None)
            if worst is not None and worst.rank > ranked:
                errors.setdefault("municipalities_ranked", []).append(
                    RANKED_BELOW_STORED.format(rank=worst.rank, name=worst.name)
                )
    if rankings and isinstance(published, date):
        bad = sorted({r.code for r in rankings if code_problem(r.code, published, history)})
        if bad:
            when = f"{published.day}.{published.month}.{published.year}"
            errors.setdefault("published_on", []).append(
                CODES_INVALID_ON_NEW_DATE.format(when=when, codes=", ".join(bad))
            )
    if rankings and isinstance(data_year, int):
        later = max((r.data_year for r in rankings), default=data_year)
        if later > data_year:
            errors.setdefault("data_year", []).append(
                RESTATED_AFTER_NEW_DATA_YEAR.format(year=later)
            )
    return errors


def _edition_fields(data: Mapping[str, Any]) -> dict[str, Any]:
    fields = dict(data)
    if not fields.get("published_on") and isinstance(fields.get("year"), int):
        fields["published_on"] = default_published_on(fields["year"])
    if fields.get("data_year") is None and isinstance(fields.get("year"), int):
        fields["data_year"] = fields["year"] - 1
    fields["note"] = fields.get("note") or ""
    return fields


def edition_create(*, municipality: Municipality, data: Mapping[str, Any], user=None) -> Edition:
    """A new edition: year, data year (default: the year before), published on (default:
    1 June), municipalities ranked, source, note."""
    fields = _edition_fields(data)
    errors = edition_problems(fields)
    year = fields.get("year")
    if (
        isinstance(year, int)
        and Edition.objects.filter(municipality=municipality, year=year).exists()
    ):
        errors.setdefault("year", []).append(EDITION_EXISTS.format(year=year))
    refuse(errors)
    with transaction.atomic():
        edition = Edition(municipality=municipality, **fields)
        edition.full_clean()
        edition.save()
        feed_kommune_nm(municipality.pk, user)
    return edition


def edition_update(
    *, edition: Edition, changes: Mapping[str, Any], expected_version: int, user=None
) -> Edition:
    """Change an edition's fields; refused when its stored rankings would no longer fit (a rank
    above the new number ranked, a number not valid on the new date)."""
    fields = _edition_fields({**_current(edition), **changes})
    rankings = list(Ranking.objects.filter(edition=edition))
    errors = edition_problems(fields, rankings=rankings, history=stored_history())
    year = fields.get("year")
    taken = Edition.objects.filter(municipality_id=edition.municipality_id, year=year or 0)
    if taken.exclude(pk=edition.pk).exists():
        errors.setdefault("year", []).append(EDITION_EXISTS.format(year=year))
    refuse(errors)
    with transaction.atomic():
        updated = record_update(record=edition, changes=fields, expected_version=expected_version)
        feed_kommune_nm(edition.municipality_id, user)
    return updated


def _current(edition: Edition) -> dict[str, Any]:
    return {
        name: getattr(edition, name)
        for name in ("year", "data_year", "published_on", "municipalities_ranked", "source", "note")
    }


def edition_delete(*, edition: Edition, user=None) -> None:
    """Delete an edition with its themes and rankings (their history is kept)."""
    with transaction.atomic():
        municipality_id = edition.municipality_id
        edition.delete()
        feed_kommune_nm(municipality_id, user)


# Themes and parameters -----------------------------------------------------------------------


def theme_problems(
    *,
    edition: Edition,
    key: str,
    parameters: Sequence[str],
    theme: Theme | None = None,
    name: str = "",
) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if name:
        same = [
            t for t in Theme.objects.filter(edition=edition) if t.name.casefold() == name.casefold()
        ]
        if any(theme is None or t.pk != theme.pk for t in same):
            errors.setdefault("name", []).append(THEME_NAME_EXISTS.format(name=name))
    if key and (key != slugify(key) or len(key) > 40):
        errors.setdefault("key", []).append(THEME_KEY_BAD.format(key=key))
    others = Theme.objects.filter(edition=edition, key=key)
    if theme is not None:
        others = others.exclude(pk=theme.pk)
    if key and others.exists():
        errors.setdefault("key", []).append(THEME_KEY_EXISTS.format(key=key))
    seen: set[str] = set()
    for name in parameters:
        if len(name) > 200:
            errors.setdefault("parameters", []).append(
                PARAMETER_NAME_TOO_LONG.format(name=name[:40])
            )
        if parameter_key(name) in seen:
            errors.setdefault("parameters", []).append(PARAMETER_TWICE.format(name=name))
        seen.add(parameter_key(name))
    return errors


def parameters_set(*, theme: Theme, names: Sequence[str]) -> None:
    """The theme's parameters become `names`, in that order: a parameter is kept (with its
    values) when its key stays, others are deleted."""
    keys = [parameter_key(name) for name in names]
    stored = {p.key: p for p in Parameter.objects.filter(theme=theme)}
    for key, parameter in stored.items():
        if key not in keys:
            parameter.delete()
    for position, (key, name) in enumerate(zip(keys, names, strict=True)):
        current = stored.get(key)
        if current is None:
            Parameter.objects.create(
                municipality_id=theme.municipality_id,
                theme=theme,
                key=key,
                name=name,
                position=position,
            )
        elif (current.name, current.position) != (name, position):
            current.name, current.position = name, position
            current.version += 1
            current.save(update_fields=["name", "position", "version"])


def theme_create(
    *,
    edition: Edition,
    key: str,
    name: str,
    parameters: Sequence[str] = (),
    position: int | None = None,
    user=None,
) -> Theme:
    """A theme of the edition, with its parameters' names as published."""
    key = key or slugify(name.replace("æ", "ae").replace("ø", "o").replace("å", "a"))[:40]
    refuse(theme_problems(edition=edition, key=key, parameters=parameters, name=name))
    if position is None:
        position = Theme.objects.filter(edition=edition).count()
    with transaction.atomic():
        theme = Theme(
            municipality_id=edition.municipality_id,
            edition=edition,
            key=key,
            name=name,
            position=position,
        )
        theme.full_clean()
        theme.save()
        parameters_set(theme=theme, names=parameters)
        feed_kommune_nm(edition.municipality_id, user)
    return theme


def theme_update(
    *,
    theme: Theme,
    changes: Mapping[str, Any],
    expected_version: int,
    parameters: Sequence[str] | None = None,
    user=None,
) -> Theme:
    """Change a theme's key, name or position, and (when given) its parameters."""
    key = changes.get("key", theme.key)
    errors = theme_problems(
        edition=theme.edition,
        key=key,
        parameters=parameters or (),
        theme=theme,
        name=changes.get("name", ""),
    )
    refuse(errors)
    with transaction.atomic():
        updated = record_update(
            record=theme, changes=dict(changes), expected_version=expected_version
        )
        if parameters is not None:
            parameters_set(theme=updated, names=parameters)
        feed_kommune_nm(theme.municipality_id, user)
    return updated


def theme_delete(*, theme: Theme, user=None) -> None:
    """Delete a theme with its parameters and the theme ranks given in it."""
    with transaction.atomic():
        municipality_id = theme.municipality_id
        theme.delete()
        feed_kommune_nm(municipality_id, user)
