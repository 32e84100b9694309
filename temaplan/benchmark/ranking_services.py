"""Writes to the rankings in a Kommune-NM edition: a municipality's overall rank, score,
theme ranks and parameter values for a data year (the edition's own or an earlier one it
restates).

Separate from edition_services.py (the edition's own fields, its themes and parameters): the
same rules hold. Every check is made before anything is written and refused with a
ValidationError keyed by the field it concerns (messages below, in bokmål; the theme and
parameter fields are named by `theme_field` and `parameter_field`, as the form names them);
updates go through `record_update`; every write feeds the Kommune-NM indicators again.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import transaction

from temaplan.core.versioning import record_update

from .codes import code_problem, stored_history
from .edition_services import feed_kommune_nm, refuse
from .models import Edition, Parameter, ParameterValue, Ranking, Theme, ThemeRank

# Messages ------------------------------------------------------------------------------------

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

MAX_RESTATED_GAP = 5  # how far back an edition restates earlier years

# Field names errors are keyed by (forms use the same names for their fields).
THEME_FIELD = "theme_{key}"
PARAMETER_FIELD = "parameter_{theme}_{key}"


def theme_field(key: str) -> str:
    return THEME_FIELD.format(key=key)


def parameter_field(theme: str, key: str) -> str:
    return PARAMETER_FIELD.format(theme=theme, key=key)


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
    refuse(
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
        feed_kommune_nm(edition.municipality_id, user)
    return ranking


def ranking_update(
    *, ranking: Ranking, data: RankingData, expected_version: int, user=None
) -> Ranking:
    """Correct a ranking: its own fields, its theme ranks and parameter values."""
    edition = ranking.edition
    themes, parameters = _edition_parts(edition)
    refuse(
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
        feed_kommune_nm(edition.municipality_id, user)
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
        feed_kommune_nm(municipality_id, user)
