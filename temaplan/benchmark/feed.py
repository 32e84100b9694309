"""The Kommune-NM indicators take their results from the stored editions.

An indicator marked «hentes fra Kommune-NM» (indicators.models.KommuneNm) gets, for each
edition, the municipality's rank in the edition's data year, with the edition as the data
vintage: the overall rank, or the rank in the county the municipality belonged to on the
edition's date. A county rank is written only when the edition covers the whole county; a rank
among the few municipalities someone typed in is not the county rank, and is reported instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from temaplan.accounts.models import Municipality
from temaplan.indicators.models import Indicator, KommuneNm
from temaplan.indicators.services import observation_record

from .codes import stored_history
from .models import Edition
from .standing import Standing, edition_standings

OVERALL_NOTE = "Kommune-NM {edition}: {rank}. av {ranked} kommuner"
COUNTY_NOTE = "Kommune-NM {edition}: {text}"
COUNTY_CHANGED = " (fylket er {now} fra denne utgaven; var {before})"
PARTIAL_COUNTY = (
    "Kommune-NM {edition}: plassering i fylket ikke hentet, fordi utgaven bare har tall for "
    "{of} av kommunene i {county} ({text})."
)
NOT_IN_EDITION = "Kommune-NM {edition}: {name} har ingen plassering i utgaven."


@dataclass
class FeedSummary:
    written: list[tuple[str, int, str]] = field(default_factory=list)  # key, year, what
    skipped: list[str] = field(default_factory=list)  # why, in Norwegian

    @property
    def changed(self) -> int:
        return sum(1 for *_rest, what in self.written if what in ("created", "revised"))


def own_standing(standings: dict[str, Standing], municipality: Municipality) -> Standing | None:
    """The municipality's own line in an edition: by today's number through the code
    history; without it by the same number, or else by name (renumberings kept the names)."""
    for standing in standings.values():
        if standing.today == municipality.number:
            return standing
    if municipality.number in standings:
        return standings[municipality.number]
    if all(s.today is None for s in standings.values()):
        named = [s for s in standings.values() if s.name.casefold() == municipality.name.casefold()]
        if len(named) == 1:
            return named[0]
    return None


def kommune_nm_feed(
    *, municipality: Municipality, user=None, now: datetime | None = None
) -> FeedSummary:
    """Write every Kommune-NM indicator's results from the municipality's stored editions."""
    summary = FeedSummary()
    indicators = list(
        Indicator.objects.filter(municipality=municipality).exclude(kommune_nm=KommuneNm.NONE)
    )
    if not indicators:
        return summary
    history = stored_history()
    previous: Edition | None = None
    for edition in Edition.objects.filter(municipality=municipality).order_by("year"):
        standings = edition_standings(edition, previous, history=history)
        previous = edition
        own = own_standing(standings, municipality)
        if own is None:
            summary.skipped.append(NOT_IN_EDITION.format(edition=edition.year, name=municipality))
            continue
        for indicator in indicators:
            value, note = _value(indicator, edition, own, summary)
            if value is None:
                continue
            _observation, what = observation_record(
                indicator=indicator,
                year=edition.data_year,
                value=Decimal(value),
                source_note=note[:300],
                vintage=f"Kommune-NM {edition.year}",
                user=user,
                now=now,
            )
            summary.written.append((indicator.key, edition.data_year, what))
    return summary


def _value(
    indicator: Indicator, edition: Edition, own: Standing, summary: FeedSummary
) -> tuple[int | None, str]:
    if indicator.kommune_nm == KommuneNm.OVERALL:
        note = OVERALL_NOTE.format(
            edition=edition.year, rank=own.rank, ranked=edition.municipalities_ranked
        )
        return own.rank, note
    county = own.county
    if county is None:
        return None, ""
    if not county.complete:
        summary.skipped.append(
            PARTIAL_COUNTY.format(
                edition=edition.year, of=county.of, county=county.county_name, text=county.text
            )
        )
        return None, ""
    note = COUNTY_NOTE.format(edition=edition.year, text=county.text)
    before = own.previous_county
    if before is not None and before.county_number != county.county_number:
        note += COUNTY_CHANGED.format(now=county.county_name, before=before.county_name)
    return county.rank, note
