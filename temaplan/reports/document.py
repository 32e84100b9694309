"""The frozen year's answer as one JSON document: its shape, schema version and fingerprint.

A report snapshot («Resultatrapport 2020») is a plain JSON document that holds every figure
the report shows, already formatted the Norwegian way beside its raw value, so the renderers
(PDF, Word, Excel, PowerPoint) and the pages never read live data: what was frozen is what is
shown, whatever happens to the live data later. The builder (snapshot.py) fills it from the
live data; the renderers read only this. No Django import.

Numbers are kept as strings of their exact decimal value («41.7», «-101», «9600000») with the
shown text beside them («41,7 %», «−101 %», «9,6 mill. kr»); dates as ISO strings. Every
section is present in every document (an empty list or None where there is nothing), so a
renderer never has to guess. A change to the shape raises SCHEMA_VERSION.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any, TypedDict

SCHEMA_VERSION = 1


class Meta(TypedDict):
    schema_version: int
    title: str  # «Resultatrapport 2020»
    year: int  # the data year reported on
    municipality_number: str
    municipality_name: str
    plan_name: str
    plan_period: str  # «2020–2032»
    built_at: str  # ISO datetime of the build (the freeze keeps the build it froze)
    vintages: list[str]  # every data vintage the figures carry, sorted


class PlanFocusArea(TypedDict):
    number: str
    name: str
    influence: int  # the municipality's ability to influence it, 1 (low) to 5 (high)
    influence_label: str  # «4 (nokså høy)»
    importance: int  # its importance for business development, 1 to 5
    importance_label: str
    strategies: int  # how many strategies it has: the bubble's size in the matrix
    placement_is_example: bool  # placed in the matrix only as an illustration, not decided


class PlanPremise(TypedDict):
    """A condition set outside the plan (land use, transport), drawn apart in the matrix."""

    letter: str  # «a», «b», … in the plan's order
    name: str
    influence: int
    influence_label: str
    importance: int
    importance_label: str


class PlanSection(TypedDict):
    ambitions: list[str]  # the plan's political ambitions, in the plan's order (a), b), …)
    focus_areas: list[PlanFocusArea]  # in the plan's order
    premises: list[PlanPremise]


class SeriesPoint(TypedDict):
    year: int
    value: str | None
    shown: str  # «41,7 %», «–» without a value
    target: str  # the year's ambition as the plan states it, «» without one
    status: str  # indicators.status.Status value: green, amber, red, none, …


class IndicatorEntry(TypedDict):
    key: str
    name: str
    unit: str  # indicators.status.Unit value
    direction: str
    source: str  # «SSB», «NHO», «egne data», «beregnet»
    computed_as: str  # how Temaplan computes it, «» when entered by hand
    value: str | None  # the reported year's result
    shown: str
    target: str  # the year's ambition, as the plan states it
    status: str
    status_label: str  # «Nådd», «Nesten», «Ikke nådd», …
    reason: str  # why that status, in Norwegian
    provisional: bool
    revised_from: list[str]  # earlier published values of the year, newest first, shown
    source_note: str
    vintage: str
    previous_value: str | None  # the year before, for the direction of travel
    previous_shown: str
    comment: str  # the editor's comment for the year
    footnote: str
    series: list[SeriesPoint]  # every year of the plan, for the chart


class Standing(TypedDict):
    code: str
    name: str
    rank: int
    previous_rank: int | None
    county: str  # «4. av de 6 kommunene i Viken vi har tall for», «» when unknown
    previous_county: str
    theme_ranks: dict[str, int]  # theme key -> rank


class StorySentence(TypedDict):
    key: str
    text: str
    figures: dict[str, Any]
    edited: bool


class OwnIndex(TypedDict):
    label: str  # always «Temaplans egen indeks»
    year: int
    rank: int
    low: int  # 5 % of the Monte Carlo ranks
    high: int  # 95 %
    ranked: int  # how many municipalities were ranked


class KommuneNm(TypedDict):
    edition: int
    data_year: int
    ranked: int
    source: str
    themes: list[dict[str, str]]  # [{"key": …, "name": …}] in the edition's order
    own: Standing | None
    peers: list[Standing]
    story: list[StorySentence]
    index: OwnIndex | None


class ActionEntry(TypedDict):
    key: str
    title: str
    kind: str
    kind_label: str
    focus_area: str  # «3 Attraktive næringsarealer», «» without one
    status: str
    status_label: str
    progress: int | None
    due_date: str | None
    priority: int | None  # place on the top list, None when not on it
    anchored: str  # «Formannskapet 11. januar 2022 (sak 3/22)», «» when not anchored


class FocusAreaProgress(TypedDict):
    number: str
    name: str
    actions: int
    done: int
    late: int
    cancelled: int
    percent: str | None  # roll-up, exact
    shown: str  # «42,0 %»


class ActionPlan(TypedDict):
    period: str  # «2022/23», «» without a period
    percent: str | None
    shown: str
    method: str  # how the roll-up is computed, in Norwegian
    actions: list[ActionEntry]
    focus_areas: list[FocusAreaProgress]
    top_list: list[str]  # action keys in priority order


class PhaseEntry(TypedDict):
    name: str
    planned_start: str | None
    planned_end: str | None
    actual_start: str | None
    actual_end: str | None
    status: str
    note: str  # «ferdig en måned etter planen», «forsinket», …


class CaseEntry(TypedDict):
    after_phase: str
    body: str
    planned_date: str | None
    decided_on: str | None
    case_number: str
    outcome: str


class StudyEntry(TypedDict):
    key: str
    title: str
    flag: str  # the study's slippage in words, «» when on time
    phases: list[PhaseEntry]
    cases: list[CaseEntry]


class BudgetYearEntry(TypedDict):
    year: int
    decided: str | None
    decided_shown: str  # «9,6 mill. kr»
    decision: str  # the council decision's reference
    proposed: str | None
    proposed_shown: str
    fte: str | None
    allocated: str
    allocated_shown: str
    spent: str
    spent_shown: str
    warning: str


class PartnerEntry(TypedDict):
    partner: str
    purpose: str
    start_date: str
    end_date: str
    yearly_amount: str
    yearly_shown: str
    contact: str
    expiry_warning: str


class MeetingEntry(TypedDict):
    date: str
    organisation: str
    participants: str
    topics: str


class EvaluationSentence(TypedDict):
    section: str  # «summary», «indicator», «focus_area», «kommune_nm», «budget»
    key: str  # which indicator, focus area, … within the section
    text: str
    figures: dict[str, Any]  # the figures the sentence rests on, by name
    edited: bool


class Document(TypedDict):
    meta: Meta
    plan: PlanSection
    indicators: list[IndicatorEntry]
    kommune_nm: KommuneNm | None
    action_plan: ActionPlan
    studies: list[StudyEntry]
    budget: list[BudgetYearEntry]
    partners: list[PartnerEntry]
    meetings: list[MeetingEntry]
    evaluation: list[EvaluationSentence]


def canonical_bytes(document: Document | dict[str, Any]) -> bytes:
    """The document as the bytes that are stored and hashed: sorted keys, no spaces, UTF-8."""
    return json.dumps(document, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def fingerprint(document: Document | dict[str, Any]) -> str:
    """SHA-256 of the canonical bytes: equal documents, equal fingerprints."""
    return hashlib.sha256(canonical_bytes(document)).hexdigest()
