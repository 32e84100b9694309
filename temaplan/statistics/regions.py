"""Municipality code history (KLASS classification 131), in plain Python.

SSB publishes most yearly series with the municipality codes valid on 1 January of that year.
To follow one municipality over time, or to sum a series to today's borders, we need to know
which codes covered its area in every year. KLASS publishes that as a list of *changes*: one row
per (old code, new code) on the date the change took effect. A merger is several old codes on
rows with the same new code; a split is one old code on several rows of the same date; a
renaming keeps the code (and changes nothing here); a renumbering is one row old → new.

`CodeHistory` composes those changes across reforms (0220 Asker → 3025 → 3203):

- `predecessors(code, year)`: the codes published for `year` whose area makes up `code` today.
- `successors(code, year)`: where the area of a code published for `year` lies today.
- `harmonisation_map(year)`: `successors` for every code valid in `year`, in one dict.
- `valid_codes(year)`: the codes valid on 1 January `year`, rebuilt backwards from today's list.
- `county_of(code, at)` / `counties_of(code, at)`: the county number(s) of a code at a date.

Weights. A merged code passes its whole area on (weight 1.0). When an old code's area went to
several new codes, KLASS does not say how much went where, so each part gets an equal share
(1/n) and is flagged `is_split`. **Equal shares are a placeholder**: pass `split_weights`
(typically population shares) where it matters. The known case is the 2024 split of
1507 Ålesund into 1508 Ålesund and 1580 Haram: Haram had about 9.4k of about 67k inhabitants,
so 1/2 each is badly wrong (SSB's own b2024 crosswalk makes the same mistake). For codes from
before 2020, `split_weights.HARAM_2024_ORIGIN_WEIGHTS` says where each of the five pre-2020
municipalities went (the new Haram has the borders of the old 1534 Haram), which makes those
years exact.
Temaplan's own history (`compute.code_history()`) adds both: split_weights.py.

Reading KLASS's answers and files into `CodeChange` lists and code sets is klass_data.py; the
county numbers and names of each era are counties.py.

Years before the first change in the list cannot be rebuilt (earlier changes are unknown), so
asking for them raises `ValueError`. The pseudo-code 9999 "Uoppgitt" is not a municipality and
is left out of `valid_codes`.

No Django import: this module takes and returns plain data.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

UNKNOWN_CODE = "9999"

INCONSISTENT = (
    "KLASS-endringene stemmer ikke med kodelisten: {code} skulle finnes etter {occurred}, "
    "men gjør det ikke."
)
TOO_EARLY = "Kodehistorien begynner {since}; {when} er for tidlig."
TOO_LATE = "Kodehistorien gjelder til {as_of}; {when} er for sent."
NOT_VALID = "Kommunenummer {code} fantes ikke {when}."
UNKNOWN = "Kommunenummer {code} er ukjent i kodehistorien."
YEAR_AFTER_AT = "Året {year} er etter {at}; bruk successors() for å gå fremover i tid."
NO_CODE_LIST = "Kodehistorien ble laget uten dagens kodeliste, så gyldige koder er ukjent."
BAD_SPLIT_KEY = "Vekten {key} passer ikke med noen deling i KLASS-endringene."
BAD_SPLIT_SUM = "Vektene for deling av {code} i {year} summerer til {total}, ikke 1: {weights}."
MANY_COUNTIES = (
    "Kommunenummer {code} dekket {when} områder i flere fylker ({counties}); bruk counties_of()."
)

_WEIGHT_TOLERANCE = 1e-6

SplitWeights = Mapping[tuple[str, str, int], float]


@dataclass(frozen=True)
class CodeChange:
    """One KLASS change row: `old_code` became (part of) `new_code` on `occurred`."""

    occurred: date
    old_code: str
    old_name: str
    new_code: str
    new_name: str


@dataclass(frozen=True)
class Part:
    """A code and the share of its area/counts that belongs to the other end of the mapping.

    `weight` is always the share of the *older* code: in `predecessors(c, y)` the part's code is
    old and `weight` is how much of it lies in `c`; in `successors(c, y)` the parts are new and
    `weight` is how much of `c` lies in each. `is_split` marks an older code whose area ended up
    in more than one code, i.e. a weight that is an estimate.
    """

    code: str
    weight: float
    is_split: bool


# --- The history -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Step:
    occurred: date
    targets: dict[str, tuple[str, ...]]  # old code → new codes, in KLASS order

    @property
    def new_codes(self) -> set[str]:
        return {new for news in self.targets.values() for new in news}


class CodeHistory:
    """Municipality codes over time, from KLASS changes and (optionally) today's code list.

    `current_codes` are the codes valid on `as_of` (default: the date of the last change). They
    are needed for `valid_codes` and `harmonisation_map`, and for checking that a code existed
    when asked; without them every code that no change mentions is assumed valid always.
    `since` is the first date the changes are complete from (default: the first change).
    `split_weights` maps (old code, new code, year of the change) to the share of the old code's
    area that went to the new code; the old code may also be a code that was merged into the
    split code earlier (see `split_weights.HARAM_2024_ORIGIN_WEIGHTS`). Weights given for one
    split must cover all its new codes and sum to 1.
    """

    def __init__(
        self,
        changes: Iterable[CodeChange],
        current_codes: Iterable[str] | None = None,
        *,
        as_of: date | None = None,
        since: date | None = None,
        split_weights: SplitWeights | None = None,
    ) -> None:
        changes = list(changes)
        # Kept so that the same history can be rebuilt with other split weights.
        self._changes = changes
        self._current_codes = None if current_codes is None else frozenset(current_codes)
        self._split_weights = dict(split_weights or {})
        by_date: dict[date, dict[str, list[str]]] = defaultdict(dict)
        for change in sorted(dict.fromkeys(changes), key=lambda c: c.occurred):
            news = by_date[change.occurred].setdefault(change.old_code, [])
            if change.new_code not in news:
                news.append(change.new_code)
        self._steps = [_Step(d, {o: tuple(n) for o, n in by_date[d].items()}) for d in by_date]
        last_change = self._steps[-1].occurred if self._steps else date.min
        self.as_of: date = as_of or last_change
        if last_change > self.as_of:
            raise ValueError(TOO_LATE.format(as_of=self.as_of, when=last_change))
        first_change = self._steps[0].occurred if self._steps else self.as_of
        self.since: date = since or first_change
        self._mentioned = {c for s in self._steps for o, ns in s.targets.items() for c in (o, *ns)}
        self.complete = current_codes is not None
        current = set(current_codes) if current_codes is not None else self._survivors()
        current.discard(UNKNOWN_CODE)
        self._epochs = self._rebuild(frozenset(current))
        self._weights: dict[tuple[str, int], dict[str, float]] = {}
        self._weights = self._check_weights(dict(split_weights or {}))

    # -- construction helpers

    def _survivors(self) -> set[str]:
        """Without a code list: the mentioned codes whose last mention leaves them in use."""
        alive: set[str] = set()
        for step in self._steps:
            alive -= set(step.targets)
            alive |= step.new_codes
        return alive

    def _rebuild(self, current: frozenset[str]) -> list[tuple[date, frozenset[str]]]:
        """(first day, codes valid from that day), oldest first, by undoing changes backwards."""
        sets = [current]
        codes = set(current)
        for step in reversed(self._steps):
            missing = step.new_codes - codes
            if missing:
                raise ValueError(INCONSISTENT.format(code=min(missing), occurred=step.occurred))
            codes = (codes - step.new_codes) | set(step.targets)
            sets.append(frozenset(codes))
        starts = [date.min, *(step.occurred for step in self._steps)]
        return list(zip(starts, reversed(sets), strict=True))

    def _check_weights(
        self, weights: dict[tuple[str, str, int], float]
    ) -> dict[tuple[str, int], dict[str, float]]:
        splits = {
            (old, step.occurred.year): news
            for step in self._steps
            for old, news in step.targets.items()
            if len(news) > 1
        }
        grouped: dict[tuple[str, int], dict[str, float]] = defaultdict(dict)
        for (old, new, year), weight in weights.items():
            grouped[(old, year)][new] = float(weight)
        for (old, year), given in grouped.items():
            split = splits.get((old, year)) or self._split_reached_from(old, year)
            if split is None or set(given) != set(split):
                key = (old, min(given), year)
                raise ValueError(BAD_SPLIT_KEY.format(key=key))
            total = sum(given.values())
            if not math.isclose(total, 1.0, abs_tol=_WEIGHT_TOLERANCE):
                raise ValueError(
                    BAD_SPLIT_SUM.format(code=old, year=year, total=total, weights=given)
                )
        return dict(grouped)

    def _split_reached_from(self, origin: str, year: int) -> tuple[str, ...] | None:
        """The new codes of a split in `year` that the area of `origin` reaches, if any."""
        for step in self._steps:
            if step.occurred.year != year:
                continue
            reached = self._trace(origin, date.min, step.occurred, include_last=False)
            for code in reached:
                news = step.targets.get(code, ())
                if len(news) > 1:
                    return news
        return None

    # -- splits

    def splits(self) -> list[tuple[str, tuple[str, ...], date]]:
        """Every split in the changes: (old code, new codes, date it took effect), oldest first."""
        return [
            (old, news, step.occurred)
            for step in self._steps
            for old, news in step.targets.items()
            if len(news) > 1
        ]

    def is_clean_split(self, old: str, occurred: date) -> bool:
        """Whether the new codes of this split are the old code's area and nothing else: new
        codes that no other code went into. Then their populations on the day the split took
        effect say how the old area was shared (see split_weights.py)."""
        step = next(s for s in self._steps if s.occurred == occurred)
        news = step.targets[old]
        day_before = occurred - timedelta(days=1)
        before = max((e for e in self._epochs if e[0] <= day_before), key=lambda e: e[0])[1]
        return all(
            new not in before
            and all(new not in targets for code, targets in step.targets.items() if code != old)
            for new in news
        )

    @property
    def split_weights(self) -> dict[tuple[str, str, int], float]:
        """The split weights this history was built with."""
        return dict(self._split_weights)

    def with_split_weights(self, weights: SplitWeights) -> CodeHistory:
        """The same history with these split weights added to (and overriding) its own."""
        return CodeHistory(
            self._changes,
            self._current_codes,
            as_of=self.as_of,
            since=self.since,
            split_weights={**self._split_weights, **weights},
        )

    # -- validity

    def valid_codes_at(self, at: date) -> frozenset[str]:
        """The codes valid on `at` (without 9999); after `as_of`, today's codes."""
        if not self.complete:
            raise ValueError(NO_CODE_LIST)
        return self._codes_at(at)

    def valid_codes(self, year: int) -> frozenset[str]:
        """The codes valid on 1 January `year` (without 9999)."""
        return self.valid_codes_at(date(year, 1, 1))

    def _codes_at(self, at: date) -> frozenset[str]:
        self._check_date(at)
        return max((e for e in self._epochs if e[0] <= at), key=lambda e: e[0])[1]

    def _check_date(self, at: date) -> None:
        if at < self.since:
            raise ValueError(TOO_EARLY.format(since=self.since, when=at))

    def is_valid(self, code: str, at: date) -> bool:
        """Whether `code` was a municipality code on `at`."""
        if not self.complete and code not in self._mentioned:
            return True
        return code in self._codes_at(at)

    def _require_valid(self, code: str, at: date) -> None:
        if not self.is_valid(code, at):
            raise ValueError(NOT_VALID.format(code=code, when=at.isoformat()))

    # -- mapping

    def _targets(self, step: _Step, code: str, origin: str) -> list[tuple[str, float]]:
        news = step.targets.get(code)
        if news is None:
            return [(code, 1.0)]
        if len(news) == 1:
            return [(news[0], 1.0)]
        year = step.occurred.year
        for key in ((origin, year), (code, year)):
            given = self._weights.get(key)
            if given and set(given) == set(news):
                return [(new, given[new]) for new in news]
        return [(new, 1.0 / len(news)) for new in news]

    def _trace(
        self, code: str, start: date, end: date, *, include_last: bool = True
    ) -> dict[str, float]:
        """Where the area of `code` (valid on `start`) lies on `end`: code → share."""
        shares = {code: 1.0}
        for step in self._steps:
            if not start < step.occurred <= end or (not include_last and step.occurred == end):
                continue
            moved: dict[str, float] = defaultdict(float)
            for current, share in shares.items():
                for new, weight in self._targets(step, current, code):
                    moved[new] += share * weight
            shares = {c: s for c, s in moved.items() if s > 0.0}
        return shares

    def _origins(self, code: str, start: date, end: date) -> set[str]:
        """The codes valid on `start` that (partly) lie in `code` (valid on `end`)."""
        codes = {code}
        for step in reversed(self._steps):
            if not start < step.occurred <= end:
                continue
            before = {old for old, news in step.targets.items() if codes & set(news)}
            codes = before | (codes - step.new_codes)
        return codes

    def predecessors(self, code: str, year: int, *, at: date | None = None) -> list[Part]:
        """The codes published for `year` whose area makes up `code` as it is on `at`.

        `at` defaults to `as_of`. Each part's weight is the share of the old code that lies in
        `code` (1.0 for merges and renumberings; an estimate, flagged `is_split`, for splits).
        """
        at = at or self.as_of
        start = date(year, 1, 1)
        if start > at:
            raise ValueError(YEAR_AFTER_AT.format(year=year, at=at.isoformat()))
        self._check_date(start)
        self._require_valid(code, at)
        parts = []
        for origin in sorted(self._origins(code, start, at)):
            shares = self._trace(origin, start, at)
            if code in shares:
                parts.append(Part(origin, shares[code], len(shares) > 1))
        return parts

    def successors(self, code: str, year: int, *, at: date | None = None) -> list[Part]:
        """Where the area of `code`, as published for `year`, lies on `at` (default `as_of`)."""
        at = at or self.as_of
        start = date(year, 1, 1)
        if start > at:
            raise ValueError(YEAR_AFTER_AT.format(year=year, at=at.isoformat()))
        self._check_date(start)
        self._require_valid(code, start)
        shares = self._trace(code, start, at)
        return [Part(new, shares[new], len(shares) > 1) for new in sorted(shares)]

    def harmonisation_map(
        self, year: int, *, at: date | None = None
    ) -> dict[str, list[tuple[str, float, bool]]]:
        """For every code valid in `year`: [(code on `at`, weight, is_split), ...].

        Summing `value * weight` per target gives a count series on the borders of `at`.
        """
        # The history never changes once built, so each (year, at) is worked out once.
        cache = self.__dict__.setdefault("_harmonisation_cache", {})
        key = (year, at or self.as_of)
        if key not in cache:
            cache[key] = self._harmonisation_map(year, at=at)
        found: dict[str, list[tuple[str, float, bool]]] = cache[key]
        return found

    def _harmonisation_map(
        self, year: int, *, at: date | None = None
    ) -> dict[str, list[tuple[str, float, bool]]]:
        return {
            code: [(p.code, p.weight, p.is_split) for p in self.successors(code, year, at=at)]
            for code in sorted(self.valid_codes(year))
        }

    # -- counties

    def counties_of(self, code: str, at: date) -> set[str]:
        """The county number(s) of the area of `code` on `at`.

        A code valid on `at` gives its first two digits. An old code asked for at a later date
        is followed forward to the codes its area belonged to on `at`; a new code asked for at
        an earlier date is followed back to its predecessors on `at`. Either way the area may
        have been in more than one county, hence a set.
        """
        self._check_date(at)
        if self.is_valid(code, at):
            return {code[:2]}
        starts = [start for start, codes in self._epochs if code in codes]
        if not starts:
            raise ValueError(UNKNOWN.format(code=code))
        earlier = [start for start in starts if start <= at]
        if earlier:
            return {new[:2] for new in self._trace(code, max(earlier), at)}
        first = min(starts)
        return {old[:2] for old in self._origins(code, at, first)}

    def county_of(self, code: str, at: date) -> str:
        """The county number of `code` on `at`; `ValueError` if its area spanned several."""
        counties = self.counties_of(code, at)
        if len(counties) > 1:
            raise ValueError(
                MANY_COUNTIES.format(
                    code=code, when=at.isoformat(), counties=", ".join(sorted(counties))
                )
            )
        return counties.pop()
