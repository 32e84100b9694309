"""Writes to the Kommune-NM editions: an edition, its themes and parameters, and the rankings
in it (overall rank, score, theme ranks, parameter values) for a data year.

Views, the import and the CLI call these. Every check is made before anything is written and
refused with a ValidationError keyed by the field it concerns (messages below, in bokmål);
updates go through `record_update`, which refuses the second of two simultaneous saves. Every
write ends with `feed.kommune_nm_feed`, so the Kommune-NM indicators follow the editions.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from temaplan.accounts.models import Municipality
from temaplan.core.versioning import record_update

from .codes import code_problem, stored_history
from .feed import kommune_nm_feed
from .models import (
    Edition,
    Parameter,
    ParameterValue,
    Ranking,
    Theme,
    ThemeRank,
    default_published_on,
)

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
RANK_OUT_OF_RANGE = "Plasseringen må være fra 1 til {ranked} (antall kommuner rangert i utgaven)."
RANKING_DATA_YEAR_AFTER = (
    "Dataåret {data_year} er etter utgavens dataår ({edition_data_year}); en utgave kan bare "
    "gjengi tall for sitt eget dataår eller tidligere år."
)
RANKING_DATA_YEAR_TOO_EARLY = "Dataåret {data_year} er mer enn {gap} år før utgavens dataår."
DUPLICATE_CODE = "Kommune {code} har allerede en plassering for dataår {data_year} i utgaven."
NAME_REQUIRED = "Kommunens navn må fylles ut."
THEME_RANK_MISSING = "Plasseringen i «{theme}» mangler; fyll ut alle temaene eller ingen."
THEME_UNKNOWN = "Utgaven har ikke temaet «{theme}»."
PARAMETER_UNKNOWN = "Utgaven har ikke parameteren «{parameter}» i temaet «{theme}»."
THEME_KEY_EXISTS = "Utgaven har allerede et tema med nøkkelen «{key}»."
THEME_NAME_EXISTS = "Utgaven har allerede et tema som heter «{name}»."
THEME_KEY_BAD = (
    "«{key}» er ikke en gyldig nøkkel; bruk bare små bokstaver a–z, tall og bindestrek, "
    "for eksempel «naeringsliv»."
)
PARAMETER_TWICE = "Parameteren «{name}» står to ganger."
PARAMETER_NAME_TOO_LONG = "Parameternavnet «{name}…» er for langt (høyst 200 tegn)."

MAX_RANKED = 1000  # Norway has had at most 435 municipalities; room for other rankings
MAX_RESTATED_GAP = 5  # how far back an edition restates earlier years
MAX_DATA_YEAR_GAP = 3  # edition N usually describes N−1

# Field names errors are keyed by (forms use the same names for their fields).
THEME_FIELD = "theme_{key}"
PARAMETER_FIELD = "parameter_{theme}_{key}"


def theme_field(key: str) -> str:
    return THEME_FIELD.format(key=key)


def parameter_field(theme: str, key: str) -> str:
    return PARAMETER_FIELD.format(theme=theme, key=key)


def parameter_key(name: str) -> str:
    """A parameter's key from its name: «Sysselsettingsvekst i privat sektor» → its slug."""
    return slugify(name.replace("æ", "ae").replace("ø", "o").replace("å", "a"))[:60] or "parameter"


def _refuse(errors: dict[str, list[str]]) -> None:
    if errors:
        raise ValidationError(errors)


def _feed(municipality_id: int, user=None) -> None:
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
    _refuse(errors)
    with transaction.atomic():
        edition = Edition(municipality=municipality, **fields)
        edition.full_clean()
        edition.save()
        _feed(municipality.pk, user)
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
    _refuse(errors)
    with transaction.atomic():
        updated = record_update(record=edition, changes=fields, expected_version=expected_version)
        _feed(edition.municipality_id, user)
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
        _feed(municipality_id, user)


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
    _refuse(theme_problems(edition=edition, key=key, parameters=parameters, name=name))
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
        _feed(edition.municipality_id, user)
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
    _refuse(errors)
    with transaction.atomic():
        updated = record_update(
            record=theme, changes=dict(changes), expected_version=expected_version
        )
        if parameters is not None:
            parameters_set(theme=updated, names=parameters)
        _feed(theme.municipality_id, user)
    return updated


def theme_delete(*, theme: Theme, user=None) -> None:
    """Delete a theme with its parameters and the theme ranks given in it."""
    with transaction.atomic():
        municipality_id = theme.municipality_id
        theme.delete()
        _feed(municipality_id, user)


# Rankings ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RankingData:
    """A municipality's figures in an edition for one data year. `theme_ranks` is theme key →
    rank (empty: no theme ranks); `parameter_values` is (theme key, parameter key) → value;
    None leaves the stored ones as they are."""

    data_year: int
    code: str
    name: str
    rank: int
    score: Decimal | None = None
    theme_ranks: Mapping[str, int] | None = None
    parameter_values: Mapping[tuple[str, str], Decimal] | None = field(default=None)


def ranking_problems(
    *,
    edition: Edition,
    data: RankingData,
    themes: Sequence[Theme],
    parameters: Mapping[tuple[str, str], Parameter],
    history=None,
    ranking: Ranking | None = None,
) -> dict[str, list[str]]:
    """Everything wrong with a ranking for `edition`, keyed by field."""
    errors: dict[str, list[str]] = {}

    def add(name: str, message: str) -> None:
        errors.setdefault(name, []).append(message)

    if data.data_year > edition.data_year:
        add(
            "data_year",
            RANKING_DATA_YEAR_AFTER.format(
                data_year=data.data_year, edition_data_year=edition.data_year
            ),
        )
    elif data.data_year < edition.data_year - MAX_RESTATED_GAP:
        add(
            "data_year",
            RANKING_DATA_YEAR_TOO_EARLY.format(data_year=data.data_year, gap=MAX_RESTATED_GAP),
        )
    problem = code_problem(data.code, edition.published_on, history)
    if problem:
        add("code", problem)
    else:
        others = Ranking.objects.filter(edition=edition, data_year=data.data_year, code=data.code)
        if ranking is not None:
            others = others.exclude(pk=ranking.pk)
        if others.exists():
            add("code", DUPLICATE_CODE.format(code=data.code, data_year=data.data_year))
    if not data.name.strip():
        add("name", NAME_REQUIRED)
    ranked = edition.municipalities_ranked
    if not 1 <= data.rank <= ranked:
        add("rank", RANK_OUT_OF_RANGE.format(ranked=ranked))
    if data.theme_ranks:
        keys = {theme.key for theme in themes}
        for key in data.theme_ranks:
            if key not in keys:
                add("theme_ranks", THEME_UNKNOWN.format(theme=key))
        for theme in themes:
            rank = data.theme_ranks.get(theme.key)
            if rank is None:
                add(theme_field(theme.key), THEME_RANK_MISSING.format(theme=theme.name))
            elif not 1 <= rank <= ranked:
                add(theme_field(theme.key), RANK_OUT_OF_RANGE.format(ranked=ranked))
    for theme_key, key in data.parameter_values or {}:
        if (theme_key, key) not in parameters:
            add("parameter_values", PARAMETER_UNKNOWN.format(parameter=key, theme=theme_key))
    return errors


def _edition_parts(edition: Edition) -> tuple[list[Theme], dict[tuple[str, str], Parameter]]:
    themes = list(Theme.objects.filter(edition=edition))
    parameters = {
        (p.theme.key, p.key): p
        for p in Parameter.objects.filter(theme__edition=edition).select_related("theme")
    }
    return themes, parameters


def _parts_saved(
    ranking: Ranking,
    data: RankingData,
    themes: Sequence[Theme],
    parameters: Mapping[tuple[str, str], Parameter],
) -> bool:
    """Set the ranking's theme ranks and parameter values; whether anything changed."""
    changed = False
    if data.theme_ranks is not None:
        by_key = {theme.key: theme for theme in themes}
        changed |= _children_saved(
            ranking,
            ThemeRank,
            "theme_id",
            "rank",
            {by_key[key].pk: rank for key, rank in data.theme_ranks.items()},
        )
    if data.parameter_values is not None:
        changed |= _children_saved(
            ranking,
            ParameterValue,
            "parameter_id",
            "value",
            {parameters[key].pk: value for key, value in data.parameter_values.items()},
        )
    return changed


def _children_saved(ranking: Ranking, model, parent: str, field: str, wanted: dict) -> bool:
    """Make the ranking's rows of `model` (theme ranks or parameter values, keyed by `parent`)
    hold `wanted` ({parent id: value of `field`}): add, change and remove only what differs, so
    an import of what is stored writes nothing. Whether anything changed."""
    stored = {getattr(row, parent): row for row in model.objects.filter(ranking=ranking)}
    changed = False
    for key, row in stored.items():
        if key not in wanted:
            row.delete()
            changed = True
    for key, value in wanted.items():
        current = stored.get(key)
        if current is None:
            model.objects.create(
                municipality_id=ranking.municipality_id,
                ranking=ranking,
                **{parent: key, field: value},
            )
            changed = True
        elif getattr(current, field) != value:
            setattr(current, field, value)
            current.version += 1
            current.save(update_fields=[field, "version"])
            changed = True
    return changed


def _own_fields(data: RankingData) -> dict[str, Any]:
    return {
        "data_year": data.data_year,
        "code": data.code,
        "name": data.name.strip(),
        "rank": data.rank,
        "score": data.score,
    }


def ranking_create(*, edition: Edition, data: RankingData, user=None) -> Ranking:
    """A municipality's ranking in the edition for a data year (the edition's own: as first
    published; an earlier one: as restated in this edition)."""
    themes, parameters = _edition_parts(edition)
    _refuse(
        ranking_problems(
            edition=edition,
            data=data,
            themes=themes,
            parameters=parameters,
            history=stored_history(),
        )
    )
    with transaction.atomic():
        ranking = Ranking(
            municipality_id=edition.municipality_id, edition=edition, **_own_fields(data)
        )
        ranking.full_clean()
        ranking.save()
        _parts_saved(ranking, data, themes, parameters)
        _feed(edition.municipality_id, user)
    return ranking


def ranking_update(
    *, ranking: Ranking, data: RankingData, expected_version: int, user=None
) -> Ranking:
    """Correct a ranking: its own fields, its theme ranks and parameter values."""
    edition = ranking.edition
    themes, parameters = _edition_parts(edition)
    _refuse(
        ranking_problems(
            edition=edition,
            data=data,
            themes=themes,
            parameters=parameters,
            history=stored_history(),
            ranking=ranking,
        )
    )
    with transaction.atomic():
        updated = record_update(
            record=ranking, changes=_own_fields(data), expected_version=expected_version
        )
        _parts_saved(updated, data, themes, parameters)
        _feed(edition.municipality_id, user)
    return updated


def ranking_set(*, edition: Edition, data: RankingData, user=None) -> Ranking:
    """Create the municipality's ranking for the data year, or correct the one stored."""
    ranking = Ranking.objects.filter(
        edition=edition, data_year=data.data_year, code=data.code
    ).first()
    if ranking is None:
        return ranking_create(edition=edition, data=data, user=user)
    return ranking_update(ranking=ranking, data=data, expected_version=ranking.version, user=user)


def ranking_delete(*, ranking: Ranking, user=None) -> None:
    with transaction.atomic():
        municipality_id = ranking.municipality_id
        ranking.delete()
        _feed(municipality_id, user)
