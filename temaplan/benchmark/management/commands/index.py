"""`temaplan index`: Temaplans egen indeks for a year, from the stored SSB series.

    temaplan index --year 2022 --municipality 3203 --draws 1000 [--sync]

Prints the municipality's rank with its 5–95 % interval, its theme ranks, the change since
the year before split into its own and the others' part, its rank in its county, and what
each parameter must do for it to gain one place. Without --municipality, the top ten.
"""

from __future__ import annotations

from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from temaplan.benchmark.index import DEFAULT_METHOD, INDEX_NAME, METHODS, UNRANKED, IndexResult
from temaplan.benchmark.index_data import (
    POOLED_YEARS,
    IndexDataMissing,
    index_compute,
    index_series_sync,
    municipality_names,
)
from temaplan.benchmark.index_intervals import DEFAULT_DRAWS, DEFAULT_SEED, rank_intervals
from temaplan.benchmark.index_moves import (
    Gain,
    RankChange,
    gain_one_place,
    rank_change,
    ranks_within,
)
from temaplan.benchmark.index_page import places, signed
from temaplan.core.formatting import number
from temaplan.statistics.counties import county_name
from temaplan.statistics.sync import SyncFailed

MIN_DRAWS, MAX_DRAWS = 100, 100_000

HEADING = (
    "{name} {year} (ikke NHOs Kommune-NM): {ranked} kommuner rangert, {method} normalisert "
    "over {first}–{last}."
)
RANK_LINE = (
    "{municipality}: {rank}. plass av {ranked} (5–95 %-intervall: {low}.–{high}. plass over "
    "{draws} trekk av vekter og normalisering)"
)
NOT_RANKED = "{municipality} er ikke rangert i {year}: et helt tema mangler tall."
THEMES_LINE = "Temaer: {themes}"
CHANGE_LINE = "Fra {before}: {change} (egen utvikling: {own}; de andres: {others})"
COUNTY_LINE = "I {county}: {rank}. av {count} kommuner"
GAIN_HEADING = "Dette skal til for én plass opp (forbi {passes}), ett tall om gangen:"
GAIN_LINE = "  {parameter}: {value} → {target} ({change})"
GAIN_NONE = "  {parameter}: –"
FIRST_ALREADY = "{municipality} er allerede på 1. plass."
TOP_HEADING = "De ti beste:"
TOP_LINE = "  {rank}. {municipality} ({low}.–{high}.)"
SYNCED = "Hentet fra SSB: {created} nye verdier, {unchanged} uendret."
UNKNOWN_MUNICIPALITY = "«{code}» er ikke et kommunenummer i indeksen (dagens kommuner)."
BAD_DRAWS = "Antall trekk må være mellom {low} og {high}."
SYNC_FAILED = "Hentingen feilet; ingenting er endret. {reason}"
NO_HISTORY = (
    "Temaplan har ikke hentet kommunenes kodehistorikk og tallene indeksen trenger ennå. "
    "Kjør «temaplan index --sync --year {year}», så hentes de fra SSB."
)


class Command(BaseCommand):
    help = f"{INDEX_NAME}: plassering, intervall og hva som flytter plasseringen."

    def add_arguments(self, parser):
        parser.add_argument(
            "--year", type=int, required=True, help="Dataåret indeksen gjelder, for eksempel 2022."
        )
        parser.add_argument(
            "--municipality",
            help="Dagens kommunenummer, for eksempel 3203 (Asker). Uten: de ti beste.",
        )
        parser.add_argument(
            "--draws",
            type=int,
            default=DEFAULT_DRAWS,
            help=f"Antall Monte Carlo-trekk for intervallet (standard {DEFAULT_DRAWS}).",
        )
        parser.add_argument(
            "--seed",
            type=int,
            default=DEFAULT_SEED,
            help="Startverdi for trekkene, så samme kjøring gir samme intervall.",
        )
        parser.add_argument(
            "--method",
            choices=sorted(METHODS),
            default=DEFAULT_METHOD,
            help="Normalisering: z (z-skår, standard) eller minmax (min–maks).",
        )
        parser.add_argument(
            "--sync",
            action="store_true",
            help="Hent først tallene indeksen trenger for alle kommuner fra SSB.",
        )

    def handle(self, *args, **options):
        year, code, draws = options["year"], options["municipality"], options["draws"]
        if not MIN_DRAWS <= draws <= MAX_DRAWS:
            raise CommandError(BAD_DRAWS.format(low=number(MIN_DRAWS), high=number(MAX_DRAWS)))
        if options["sync"]:
            self._sync()
        years = list(range(year - POOLED_YEARS + 1, year + 1))
        try:
            result = index_compute(years=years, method=options["method"], skip_incomplete=True)
        except IndexDataMissing as error:
            raise CommandError(str(error)) from error
        except LookupError as error:  # no code history yet
            raise CommandError(NO_HISTORY.format(year=year)) from error
        names = municipality_names()
        if code is not None and code not in result.panel.codes:
            raise CommandError(UNKNOWN_MUNICIPALITY.format(code=code))
        self.stdout.write(
            HEADING.format(
                name=INDEX_NAME,
                year=year,
                ranked=result.ranked(year),
                method=METHODS[options["method"]],
                first=result.panel.years[0],
                last=result.panel.years[-1],
            )
        )
        intervals = rank_intervals(result, year, draws=draws, seed=options["seed"])

        def label(c: str) -> str:
            return f"{names.get(c, c)} ({c})"

        if code is None:
            self.stdout.write(TOP_HEADING)
            ranks = result.ranks[:, result.panel.year_at(year)]
            ranked = sorted(
                (int(r), c) for c, r in zip(result.panel.codes, ranks, strict=True) if r
            )
            for rank, c in ranked[:10]:
                low, _nominal, high = intervals.of(c)
                self.stdout.write(
                    TOP_LINE.format(rank=rank, municipality=label(c), low=low, high=high)
                )
            return
        self._municipality(result, intervals, code, year, label, draws)

    def _municipality(self, result: IndexResult, intervals, code, year, label, draws) -> None:
        rank = result.rank(code, year)
        if rank == UNRANKED:
            self.stdout.write(NOT_RANKED.format(municipality=label(code), year=year))
            return
        low, nominal, high = intervals.of(code)
        self.stdout.write(
            RANK_LINE.format(
                municipality=label(code),
                rank=nominal,
                ranked=result.ranked(year),
                low=low,
                high=high,
                draws=number(draws),
            )
        )
        c, y = result.panel.code_at(code), result.panel.year_at(year)
        themes = ", ".join(
            f"{theme.name} {int(result.theme_ranks[c, y, t])}."
            for t, theme in enumerate(result.spec.themes)
            if result.theme_ranks[c, y, t] != UNRANKED
        )
        self.stdout.write(THEMES_LINE.format(themes=themes))
        if year - 1 in result.panel.years:
            split = rank_change(result, code, year - 1, year)
            if split is not None:
                self.stdout.write(self._change(split))
        county = code[:2]
        in_county = [c for c in result.panel.codes if c.startswith(county)]
        within = ranks_within(result, in_county, year)
        if code in within:
            try:
                county_text = county_name(county, date.today())
            except ValueError:
                county_text = f"fylke {county}"
            self.stdout.write(
                COUNTY_LINE.format(county=county_text, rank=within[code], count=len(within))
            )
        gains = gain_one_place(result, code, year)
        passes = next((g.passes for g in gains if g.passes), None)
        if passes is None:
            self.stdout.write(FIRST_ALREADY.format(municipality=label(code)))
            return
        self.stdout.write(GAIN_HEADING.format(passes=label(passes)))
        names = {p.key: p.name for p in result.spec.parameters}
        for gain in gains:
            self.stdout.write(self._gain(gain, names[gain.parameter]))

    @staticmethod
    def _change(split: RankChange) -> str:
        return CHANGE_LINE.format(
            before=split.year_from,
            change=places(split.change),
            own=places(split.own),
            others=places(split.others),
        )

    @staticmethod
    def _gain(gain: Gain, name: str) -> str:
        if gain.change is None or gain.value is None or gain.target is None:
            return GAIN_NONE.format(parameter=name)
        return GAIN_LINE.format(
            parameter=name,
            value=number(gain.value, 1),
            target=number(gain.target, 1),
            change=signed(gain.change, 2),
        )

    def _sync(self) -> None:
        try:
            summary = index_series_sync(today=timezone.localdate())
        except SyncFailed as error:
            raise CommandError(SYNC_FAILED.format(reason=error)) from error
        self.stdout.write(SYNCED.format(created=summary.created, unchanged=summary.unchanged))
