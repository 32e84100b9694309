"""A plan's peer group, and where the plan's municipality and its peers stand in every edition.

Writes: `peer_create`, `peer_delete`, `peer_move`. Reads: `benchmark_data` reads every edition
of the municipality, its rankings, theme ranks, themes and the plan's peers in a fixed number
of queries (however many editions and peers), and computes the rest in memory: the slide's
table, the rank series, the theme profile, the county-rank series (at each edition's county
map, and regrouped on today's counties when the code history is known) and the story's input.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from temaplan.plans.models import Plan
from temaplan.statistics.counties import counties_at

from .charts import Profile, Series
from .codes import county_sizes_at, today_code
from .county import CountyRank, Ranked, county_ranks
from .feed import own_standing
from .models import Edition, Peer, Ranking, Theme, ThemeRank
from .standing import Standing, standings_from_rows
from .story import StoryInput

PEER_NOT_FOUR_DIGITS = "Kommunenummeret har fire sifre, for eksempel 3312 for Lier."
PEER_NO_COUNTY_TODAY = (
    "Kommunenummer {code} er ikke i bruk i dag: fylke {county} finnes ikke. Bruk dagens "
    "kommunenummer, for eksempel 3312 for Lier."
)
PEER_NOT_VALID_TODAY = "Kommunenummer {code} er ikke i bruk i dag. Bruk dagens kommunenummer."
PEER_IS_OWN = "{name} er planens egen kommune; den står alltid først i tabellen."
PEER_TWICE = "{code} er allerede med blant sammenligningskommunene."
COUNTY_CHANGE = "{before} → {now} fra utgaven {year}"


# --- Writes --------------------------------------------------------------------------------


def peer_code_problem(*, plan: Plan, code: str, history: Any = None, today=None) -> str | None:
    """Why `code` cannot be added to the plan's peers, in Norwegian; None if it can."""
    code = code.strip()
    if len(code) != 4 or not code.isascii() or not code.isdigit():
        return PEER_NOT_FOUR_DIGITS
    today = today or timezone.localdate()
    if code[:2] not in counties_at(today):
        return PEER_NO_COUNTY_TODAY.format(code=code, county=code[:2])
    if history is not None and history.complete and not history.is_valid(code, history.as_of):
        return PEER_NOT_VALID_TODAY.format(code=code)
    if code == plan.municipality.number:
        return PEER_IS_OWN.format(name=plan.municipality.name)
    if Peer.objects.filter(plan=plan, code=code).exists():
        return PEER_TWICE.format(code=code)
    return None


def peer_create(*, plan: Plan, data: dict[str, Any]) -> Peer:
    """A new peer, placed last. The same number added twice at the same moment is refused on
    the field, and nothing is saved."""
    peer = Peer(
        plan=plan,
        municipality_id=plan.municipality_id,
        code=data["code"].strip(),
        name=data["name"].strip(),
    )
    try:
        with transaction.atomic():
            last = Peer.objects.filter(plan=plan).aggregate(last=Max("position"))["last"]
            peer.position = 0 if last is None else last + 1
            peer.full_clean(validate_constraints=False)
            peer.save()
    except IntegrityError:
        raise ValidationError({"code": PEER_TWICE.format(code=peer.code)}) from None
    return peer


def peer_delete(*, peer: Peer) -> None:
    peer.delete()


def peer_move(*, peer: Peer, direction: str) -> None:
    """Swap a peer with its neighbour ("up" or "down"); positions renumbered 0..n-1."""
    with transaction.atomic():
        ordered = list(
            Peer.objects.filter(plan_id=peer.plan_id).select_for_update().order_by("position", "id")
        )
        index = next(i for i, row in enumerate(ordered) if row.pk == peer.pk)
        target = index - 1 if direction == "up" else index + 1
        if 0 <= target < len(ordered):
            ordered[index], ordered[target] = ordered[target], ordered[index]
        for position, row in enumerate(ordered):
            if row.position != position:
                row.position = position
                row.version += 1
                row.save(update_fields=["position", "version"])


# --- Reads ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class TableRow:
    """A line of the slide's table: the plan's municipality or a peer, in one edition."""

    name: str
    own: bool
    standing: Standing | None
    peer: Peer | None = None
    themes: tuple[int | None, ...] = ()  # the theme ranks, in the edition's theme order

    @property
    def previous_rank(self) -> int | None:
        return self.standing.previous_rank if self.standing else None


@dataclass(frozen=True)
class CountyStep:
    """The plan's municipality in its county in one edition."""

    edition: int
    county: CountyRank | None
    change: str = ""  # «Viken → Akershus fra utgaven 2024» where the county changed


@dataclass
class BenchmarkData:
    plan: Plan
    editions: list[Edition]  # oldest first
    peers: list[Peer]
    history: Any
    standings: dict[int, dict[str, Standing]] = field(default_factory=dict)
    themes: dict[int, list[Theme]] = field(default_factory=dict)

    @property
    def years(self) -> list[int]:
        return [edition.year for edition in self.editions]

    def edition(self, year: int) -> Edition:
        return next(e for e in self.editions if e.year == year)

    def previous(self, year: int) -> Edition | None:
        earlier = [e for e in self.editions if e.year < year]
        return earlier[-1] if earlier else None

    def own(self, year: int) -> Standing | None:
        return own_standing(self.standings[year], self.plan.municipality)

    def peer_line(self, year: int, peer: Peer) -> Standing | None:
        return line_for(self.standings[year], peer.code, peer.name)

    def table(self, year: int) -> list[TableRow]:
        keys = [key for key, _name in self.theme_pairs(year)]

        def row(name: str, own: bool, line: Standing | None, peer: Peer | None) -> TableRow:
            ranks = tuple(line.theme_ranks.get(k) if line else None for k in keys)
            return TableRow(name, own, line, peer, ranks)

        own = row(self.plan.municipality.name, True, self.own(year), None)
        return [own] + [row(p.name, False, self.peer_line(year, p), p) for p in self.peers]

    def series_table(self) -> list[tuple[str, bool, list[int | None]]]:
        """The rank series as table rows: name, own, the rank in each edition (oldest first)."""
        return [
            (line.name, line.own, [line.ranks.get(year) for year in self.years])
            for line in self.series()
        ]

    def theme_pairs(self, year: int) -> list[tuple[str, str]]:
        return [(theme.key, theme.name) for theme in self.themes.get(year, [])]

    def series(self) -> list[Series]:
        own: dict[int, int] = {}
        peers: dict[int, dict[int, int]] = defaultdict(dict)
        for year in self.years:
            if (line := self.own(year)) is not None:
                own[year] = line.rank
            for peer in self.peers:
                if (line := self.peer_line(year, peer)) is not None:
                    peers[peer.pk][year] = line.rank
        shown = [Series(self.plan.municipality.name, own, own=True)]
        return shown + [Series(p.name, peers[p.pk]) for p in self.peers]

    def profile(self, year: int) -> list[Profile]:
        return [
            Profile(row.name, dict(row.standing.theme_ranks) if row.standing else {}, row.own)
            for row in self.table(year)
        ]

    def county_series(self) -> list[CountyStep]:
        """Asker's county place in each edition, in the county it belonged to then."""
        steps: list[CountyStep] = []
        before: CountyRank | None = None
        for year in self.years:
            line = self.own(year)
            county = line.county if line else None
            change = ""
            if county and before and county.county_number != before.county_number:
                change = COUNTY_CHANGE.format(
                    before=before.county_name, now=county.county_name, year=year
                )
            steps.append(CountyStep(year, county, change))
            before = county or before
        return steps

    def regrouped(self) -> list[CountyStep] | None:
        """The same series with every edition's municipalities grouped on today's counties
        (a merged municipality counted once, by its best place, the plan's own by its own
        line); None without the code history."""
        history = self.history
        if history is None:
            return None
        number = self.plan.municipality.number
        sizes = county_sizes_at(history.as_of, history)
        steps = []
        for edition in self.editions:
            own = self.own(edition.year)
            best: dict[str, Ranked] = {}
            for standing in self.standings[edition.year].values():
                today = standing.today or today_code(standing.code, edition.published_on, history)
                if today is None:
                    continue
                if own is not None and standing.code == own.code:
                    today = number
                elif today == number:
                    continue
                entry = Ranked(today, standing.name, standing.rank)
                if today not in best or entry.rank < best[today].rank or today == number:
                    best[today] = entry
            ranks = county_ranks(best.values(), at=history.as_of, county_sizes=sizes)
            steps.append(CountyStep(edition.year, ranks.get(number)))
        return steps

    def story_input(self, year: int) -> StoryInput:
        own = self.own(year)
        previous = self.previous(year)
        before = self.own(previous.year) if previous else None
        neighbours = [s.county for s in self.standings[year].values() if s.county is not None]
        return StoryInput(
            name=self.plan.municipality.name,
            edition=year,
            county=own.county if own else None,
            previous_county=own.previous_county if own else None,
            neighbours=neighbours,
            themes=self.theme_pairs(year),
            theme_ranks=own.theme_ranks if own else {},
            previous_edition=previous.year if previous else None,
            previous_theme_ranks=before.theme_ranks if before else {},
        )


def line_for(standings: dict[str, Standing], code: str, name: str) -> Standing | None:
    """A municipality's line in an edition by today's number: through the code history, else
    the same number, else (without any history) by name, as feed.own_standing does."""
    for standing in standings.values():
        if standing.today == code:
            return standing
    if code in standings:
        return standings[code]
    if all(s.today is None for s in standings.values()):
        named = [s for s in standings.values() if s.name.casefold() == name.casefold()]
        if len(named) == 1:
            return named[0]
    return None


def benchmark_data(*, plan: Plan, history: Any) -> BenchmarkData:
    """Everything the benchmarking page shows, for every edition, in five queries."""
    editions = list(Edition.objects.filter(municipality_id=plan.municipality_id).order_by("year"))
    peers = list(Peer.objects.filter(plan=plan).order_by("position", "id"))
    data = BenchmarkData(plan=plan, editions=editions, peers=peers, history=history)
    if not editions:
        return data
    by_id = {e.pk: e for e in editions}
    rows: dict[int, list[Ranking]] = defaultdict(list)
    for ranking in Ranking.objects.filter(edition_id__in=list(by_id)):
        ranking.edition = by_id[ranking.edition_id]  # no query per row for first_published
        rows[ranking.edition_id].append(ranking)
    themes: dict[int, dict[str, int]] = defaultdict(dict)
    for ranking_id, key, rank in ThemeRank.objects.filter(
        ranking__edition_id__in=list(by_id)
    ).values_list("ranking_id", "theme__key", "rank"):
        themes[ranking_id][key] = rank
    for theme in Theme.objects.filter(edition_id__in=list(by_id)).order_by("position", "id"):
        data.themes.setdefault(by_id[theme.edition_id].year, []).append(theme)
    previous: Edition | None = None
    for edition in editions:
        earlier = (
            [r for r in rows[previous.pk] if r.data_year == previous.data_year] if previous else []
        )
        data.standings[edition.year] = standings_from_rows(
            edition,
            rows[edition.pk],
            previous=previous,
            earlier=earlier,
            themes=themes,
            history=history,
        )
        previous = edition
    return data
