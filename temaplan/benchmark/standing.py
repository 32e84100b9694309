"""Where each municipality stands in an edition: national rank, theme ranks, county rank, and
the same for the year before, as the edition itself restated it where it did.

Comparisons with last year use the edition's own restatement when it has one (that is what
NHO compares with, and what the plan presentation shows in brackets), otherwise the previous
edition as first published. Everything for an edition is read in a fixed number of queries.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .codes import county_sizes_at, stored_history, today_code
from .county import CountyRank, Ranked, county_ranks
from .models import Edition, Ranking, ThemeRank

RESTATED = "restated"
FIRST_PUBLISHED = "first_published"


@dataclass(frozen=True)
class Standing:
    code: str  # as valid in the edition
    name: str
    rank: int
    theme_ranks: dict[str, int] = field(default_factory=dict)  # theme key -> rank
    county: CountyRank | None = None
    previous_rank: int | None = None
    previous_from: str | None = None  # RESTATED or FIRST_PUBLISHED
    previous_county: CountyRank | None = None
    today: str | None = None  # today's number, when the code history is known


def _county(rankings: list[Ranking], edition: Edition, history) -> dict[str, CountyRank]:
    at = edition.published_on
    sizes = county_sizes_at(at, history)
    full = len(rankings) >= edition.municipalities_ranked
    ranked = [Ranked(r.code, r.name, r.rank) for r in rankings]
    if sizes is None and full:
        sizes = {}
        for entry in ranked:
            sizes[entry.code[:2]] = sizes.get(entry.code[:2], 0) + 1
    return county_ranks(ranked, at=at, county_sizes=sizes)


def edition_standings(
    edition: Edition, previous: Edition | None = None, *, history=None
) -> dict[str, Standing]:
    """Every municipality ranked as first published in `edition`, by code (as valid then).

    `previous` is the edition before it (found when not given). `history` is the KLASS code
    history (read from the store when not given; None is allowed)."""
    history = stored_history() if history is None else history
    if previous is None:
        previous = (
            Edition.objects.filter(municipality_id=edition.municipality_id, year__lt=edition.year)
            .order_by("-year")
            .first()
        )
    rows = list(Ranking.objects.filter(edition=edition).order_by("rank", "code"))
    earlier: list[Ranking] = []
    if previous is not None:
        earlier = list(
            Ranking.objects.filter(edition=previous, data_year=previous.data_year).order_by(
                "rank", "code"
            )
        )
    current_ids = [r.pk for r in rows if r.data_year == edition.data_year]
    themes: dict[int, dict[str, int]] = {}
    for theme_rank in ThemeRank.objects.filter(ranking_id__in=current_ids).select_related("theme"):
        themes.setdefault(theme_rank.ranking_id, {})[theme_rank.theme.key] = theme_rank.rank
    return standings_from_rows(
        edition, rows, previous=previous, earlier=earlier, themes=themes, history=history
    )


def standings_from_rows(
    edition: Edition,
    rows: list[Ranking],
    *,
    previous: Edition | None,
    earlier: list[Ranking],
    themes: dict[int, dict[str, int]],
    history,
) -> dict[str, Standing]:
    """The standings of `edition` from rows already read, without a query: `rows` are all
    the edition's rankings (every data year), `earlier` the previous edition's as first
    published, `themes` the theme ranks by ranking id (theme key → rank), `history` the code
    history or None. The benchmarking page reads every edition at once and calls this."""
    rows = sorted(rows, key=lambda r: (r.rank, r.code))
    earlier = sorted(earlier, key=lambda r: (r.rank, r.code))
    current = [r for r in rows if r.data_year == edition.data_year]
    restated = [r for r in rows if r.data_year < edition.data_year]
    last_year = max((r.data_year for r in restated), default=None)
    restated = [r for r in restated if r.data_year == last_year]
    county_now = _county(current, edition, history)
    county_restated = _county(restated, edition, history) if restated else {}
    county_before = _county(earlier, previous, history) if previous and earlier else {}
    restated_by_code = {r.code: r for r in restated}
    earlier_by_code = {r.code: r for r in earlier}
    if previous is not None and history is not None:
        # Across a renumbering (Viken's 3025 Asker is Akershus' 3203) the same municipality
        # has another number in the previous edition: match it by today's number.
        earlier_by_code.update(
            {
                today: r
                for r in earlier
                if (today := today_code(r.code, previous.published_on, history))
                and today not in earlier_by_code
            }
        )
    standings = {}
    for row in current:
        before: Ranking | None = restated_by_code.get(row.code)
        source, before_county = RESTATED, county_restated.get(row.code)
        if before is None:
            today = today_code(row.code, edition.published_on, history)
            before = earlier_by_code.get(row.code) or (
                earlier_by_code.get(today) if today else None
            )
            source, before_county = FIRST_PUBLISHED, county_before.get(row.code)
        standings[row.code] = Standing(
            code=row.code,
            name=row.name,
            rank=row.rank,
            theme_ranks=themes.get(row.pk, {}),
            county=county_now.get(row.code),
            previous_rank=before.rank if before else None,
            previous_from=source if before else None,
            previous_county=(
                (county_before.get(before.code) if source == FIRST_PUBLISHED else before_county)
                if before
                else None
            ),
            today=today_code(row.code, edition.published_on, history),
        )
    return standings
