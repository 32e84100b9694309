"""The Kommune-NM story: Norwegian sentences made from the figures. No Django import.

Each sentence knows the figures it rests on (`Sentence.figures`, plain JSON-able data), so a
sentence an editor has rewritten can be flagged when those figures change (StorySentence).
County places are places among the municipalities we have figures for; when that is not the
whole county, the sentence says so instead of claiming a place in the county.

A sentence's key is stable across editions and wordings («county», «rival-above»,
«theme-demografi»), so an edited sentence is found again when the story is made anew.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from .county import CountyRank

Figures = dict[str, str | int | bool | None]

COUNTY = "county"
RIVAL_ABOVE = "rival-above"
THREAT_BELOW = "threat-below"
STRONGEST = "strongest-theme"
WEAKEST = "weakest-theme"
THEME_PREFIX = "theme-"

AMONG_PARTIAL = ", blant de {of} kommunene vi har tall for"
AMONG_ONLY = ", den eneste kommunen der vi har tall for"
BEFORE_PARTIAL = " (blant de {of} vi hadde tall for)"
BEFORE_ONLY = " (den eneste vi hadde tall for)"
AMONG_BEFORE = " (året før blant {of})"
MOVED_UP = "{name} rykket opp fra {before}. til {rank}. plass i {county}{among}."
FELL = "{name} falt fra {before}. til {rank}. plass i {county}{among}."
HELD = "{name} holdt {rank}. plass i {county}{among}."
PLACED = "{name} er på {rank}. plass i {county}{among}."
NEW_COUNTY = (
    "{name} er på {rank}. plass i {county}{among}; året før var {name} på {before}. plass "
    "i {before_county}{before_among}."
)
RIVAL = (
    "{rival} er nærmeste konkurrent om {place}. plassen i {county}, {gap} foran {name} i "
    "landet (nr. {rival_rank} mot nr. {rank})."
)
THREAT = (
    "Nærmeste trussel bakfra er {threat} på {place}. plass i {county}, {gap} bak {name} i "
    "landet (nr. {threat_rank} mot nr. {rank})."
)
STRONGEST_ONE = "{themes} er det sterkeste temaet ({rank}. plass)."
STRONGEST_MANY = "{themes} er de sterkeste temaene ({rank}. plass)."
WEAKEST_ONE = "{themes} er det svakeste temaet ({rank}. plass)."
WEAKEST_MANY = "{themes} er de svakeste temaene ({rank}. plass)."
THEME_UP = "I {theme} rykket {name} opp fra {before}. til {rank}. plass siden utgaven {since}."
THEME_DOWN = "I {theme} falt {name} fra {before}. til {rank}. plass siden utgaven {since}."
THEME_HELD = "I {theme} holdt {name} {rank}. plass fra utgaven {since}."

# What each figure is called where the page shows the figures a sentence rests on.
FIGURE_LABELS = {
    "edition": "Utgave",
    "county": "Fylke",
    "rank": "Plass",
    "of": "Kommuner vi har tall for",
    "complete": "Hele fylket med",
    "before": "Plass året før",
    "before_county": "Fylke året før",
    "before_of": "Kommuner vi hadde tall for året før",
    "national_rank": "Plass i landet",
    "rival": "Konkurrent",
    "rival_rank": "Konkurrentens plass i landet",
    "place": "Plassen det gjelder",
    "threat": "Nærmest bak",
    "threat_rank": "Plass i landet for den nærmest bak",
    "themes": "Tema",
    "theme": "Tema",
    "since": "Sammenlignet med utgaven",
}


@dataclass(frozen=True)
class Sentence:
    key: str
    text: str
    figures: Figures


@dataclass(frozen=True)
class StoryInput:
    """What the story is made from, for one municipality and edition."""

    name: str
    edition: int
    county: CountyRank | None = None  # the municipality's place in its county
    previous_county: CountyRank | None = None  # a year earlier (restated, or last edition)
    neighbours: Sequence[CountyRank] = ()  # every county place in the edition (any county)
    themes: Sequence[tuple[str, str]] = ()  # (key, name), in the edition's order
    theme_ranks: Mapping[str, int] = field(default_factory=dict)
    previous_edition: int | None = None
    previous_theme_ranks: Mapping[str, int] = field(default_factory=dict)


def places(count: int) -> str:
    """1 → «én plass», 3 → «3 plasser»."""
    return "én plass" if count == 1 else f"{count} plasser"


def names(items: Sequence[str]) -> str:
    """«A», «A og B», «A, B og C»."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " og " + items[-1]


def _among(county: CountyRank) -> str:
    if county.complete:
        return ""
    return AMONG_ONLY if county.of == 1 else AMONG_PARTIAL.format(of=county.of)


def _before_among(county: CountyRank) -> str:
    if county.complete:
        return ""
    return BEFORE_ONLY if county.of == 1 else BEFORE_PARTIAL.format(of=county.of)


def county_sentence(story: StoryInput) -> Sentence | None:
    """Where the municipality stands in its county, and how that moved since last year."""
    now, before = story.county, story.previous_county
    if now is None:
        return None
    figures: Figures = {
        "edition": story.edition,
        "county": now.county_name,
        "rank": now.rank,
        "of": now.of,
        "complete": now.complete,
    }
    values = {"name": story.name, "rank": now.rank, "county": now.county_name}
    among = _among(now)
    if before is None:
        return Sentence(COUNTY, PLACED.format(**values, among=among), figures)
    figures |= {"before": before.rank, "before_county": before.county_name, "before_of": before.of}
    if before.county_number != now.county_number:
        text = NEW_COUNTY.format(
            **values,
            among=among,
            before=before.rank,
            before_county=before.county_name,
            before_among=_before_among(before),
        )
        return Sentence(COUNTY, text, figures)
    if before.of != now.of and not (now.complete and before.complete):
        among += AMONG_BEFORE.format(of=before.of)
    template = MOVED_UP if now.rank < before.rank else FELL if now.rank > before.rank else HELD
    return Sentence(COUNTY, template.format(**values, among=among, before=before.rank), figures)


def _same_county(story: StoryInput) -> list[CountyRank]:
    own = story.county
    assert own is not None
    return [n for n in story.neighbours if n.county_number == own.county_number]


def rival_sentence(story: StoryInput) -> Sentence | None:
    """The nearest municipality ahead in the county: the one just better nationally."""
    own = story.county
    if own is None:
        return None
    ahead = [n for n in _same_county(story) if n.national_rank < own.national_rank]
    if not ahead:
        return None
    rival = min(ahead, key=lambda n: (own.national_rank - n.national_rank, n.name))
    figures: Figures = {
        "edition": story.edition,
        "county": own.county_name,
        "rival": rival.name,
        "place": rival.rank,
        "rival_rank": rival.national_rank,
        "national_rank": own.national_rank,
    }
    text = RIVAL.format(
        rival=rival.name,
        place=rival.rank,
        county=own.county_name,
        gap=places(own.national_rank - rival.national_rank),
        name=story.name,
        rival_rank=rival.national_rank,
        rank=own.national_rank,
    )
    return Sentence(RIVAL_ABOVE, text, figures)


def threat_sentence(story: StoryInput) -> Sentence | None:
    """The nearest municipality behind in the county: the one just worse nationally."""
    own = story.county
    if own is None:
        return None
    behind = [n for n in _same_county(story) if n.national_rank > own.national_rank]
    if not behind:
        return None
    threat = min(behind, key=lambda n: (n.national_rank - own.national_rank, n.name))
    figures: Figures = {
        "edition": story.edition,
        "county": own.county_name,
        "threat": threat.name,
        "place": threat.rank,
        "threat_rank": threat.national_rank,
        "national_rank": own.national_rank,
    }
    text = THREAT.format(
        threat=threat.name,
        place=threat.rank,
        county=own.county_name,
        gap=places(threat.national_rank - own.national_rank),
        name=story.name,
        threat_rank=threat.national_rank,
        rank=own.national_rank,
    )
    return Sentence(THREAT_BELOW, text, figures)


def _ranked_themes(story: StoryInput) -> list[tuple[str, int]]:
    return [
        (name, story.theme_ranks[key]) for key, name in story.themes if key in story.theme_ranks
    ]


def _theme_sentence(story: StoryInput, *, best: bool) -> Sentence | None:
    ranked = _ranked_themes(story)
    if len(ranked) < (1 if best else 2):
        return None
    ranks = [rank for _name, rank in ranked]
    rank = min(ranks) if best else max(ranks)
    if not best and rank == min(ranks):
        return None  # every theme has the same place: none is the weakest
    chosen = [name for name, theme_rank in ranked if theme_rank == rank]
    one, many = (STRONGEST_ONE, STRONGEST_MANY) if best else (WEAKEST_ONE, WEAKEST_MANY)
    text = (one if len(chosen) == 1 else many).format(themes=names(chosen), rank=rank)
    figures: Figures = {"edition": story.edition, "themes": names(chosen), "rank": rank}
    return Sentence(STRONGEST if best else WEAKEST, text, figures)


def strongest_sentence(story: StoryInput) -> Sentence | None:
    return _theme_sentence(story, best=True)


def weakest_sentence(story: StoryInput) -> Sentence | None:
    return _theme_sentence(story, best=False)


def theme_movements(story: StoryInput) -> list[Sentence]:
    """One sentence per theme ranked in both this edition and the previous one."""
    if story.previous_edition is None:
        return []
    sentences = []
    for key, name in story.themes:
        rank, before = story.theme_ranks.get(key), story.previous_theme_ranks.get(key)
        if rank is None or before is None:
            continue
        template = THEME_UP if rank < before else THEME_DOWN if rank > before else THEME_HELD
        text = template.format(
            theme=name, name=story.name, before=before, rank=rank, since=story.previous_edition
        )
        figures: Figures = {
            "edition": story.edition,
            "theme": name,
            "rank": rank,
            "before": before,
            "since": story.previous_edition,
        }
        sentences.append(Sentence(THEME_PREFIX + key, text, figures))
    return sentences


def story(story_input: StoryInput) -> list[Sentence]:
    """The whole story, in reading order; sentences without the figures they need are left
    out (no county rank, no theme ranks, nobody ahead or behind)."""
    made = [
        county_sentence(story_input),
        rival_sentence(story_input),
        threat_sentence(story_input),
        strongest_sentence(story_input),
        weakest_sentence(story_input),
    ]
    return [s for s in made if s is not None] + theme_movements(story_input)


def figure_rows(figures: Mapping[str, object]) -> list[tuple[str, str]]:
    """A sentence's figures as (label, value) to show beside it, in the labels' order."""
    shown = []
    for key, label in FIGURE_LABELS.items():
        if key not in figures or figures[key] is None:
            continue
        value = figures[key]
        shown.append((label, ("ja" if value else "nei") if isinstance(value, bool) else str(value)))
    return shown
