"""What the demo data is made of: one record type per kind of thing the demo loads.

Pure: frozen dataclasses with named fields and no Django import. The data modules (`asker`,
`asker_indicators`, `asker_actions`) are written in these records; the loaders (`load_plan`,
`load_indicators`, `load_actions`) turn them into rows. Records refer to each other by the
keys a reader sees in the data (a focus area by its number, a strategy by its code, an action
by its key, a partner agreement by its partner), never by database ids.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

# --- Municipalities, plans and users (asker.py) ---


@dataclass(frozen=True)
class MunicipalityRow:
    number: str
    name: str
    county_number: str
    county_name: str


@dataclass(frozen=True)
class FocusAreaRow:
    """A focus area with its strategies; strategy codes are «number.position», from 1."""

    number: int
    name: str
    description: str
    influence: int  # the municipality's ability to influence, 1 (low) to 5 (high)
    importance: int  # 1 (low) to 5 (high)
    strategies: tuple[str, ...]


@dataclass(frozen=True)
class PremiseRow:
    name: str
    description: str
    influence: int
    importance: int


@dataclass(frozen=True)
class PlanRow:
    name: str
    first_year: int
    last_year: int
    status: str
    adopted_on: date | None
    decision_reference: str
    document_url: str
    ambitions: tuple[str, ...]
    focus_areas: tuple[FocusAreaRow, ...]
    premises: tuple[PremiseRow, ...]


@dataclass(frozen=True)
class UserRow:
    username: str
    municipality: str  # municipality number
    role: str
    first_name: str
    last_name: str


# --- Indicators (asker_indicators.py) ---


@dataclass(frozen=True)
class AmbitionRow:
    """The target for a year: a comparator and a value."""

    comparator: str
    value: Decimal


@dataclass(frozen=True)
class IndicatorRow:
    key: str
    name: str
    unit: str
    direction: str
    source: str
    influence: str
    report_year_offset: int
    tolerance: Decimal
    goal_text: str
    goal_comparator: str
    goal_value: Decimal | None
    footnote: str
    results: dict[int, Decimal]  # year → value
    ambitions: dict[int, AmbitionRow]  # year → target
    focus_areas: tuple[int, ...]  # numbers of the focus areas it follows up
    formula: str | None = None  # None: not computed from statistics (the field is left as is)
    kommune_nm: str | None = None  # "overall"/"county": fed from the stored Kommune-NM editions


# --- The action plan (asker_actions.py) ---


@dataclass(frozen=True)
class PeriodRow:
    name: str
    first_date: date
    last_date: date


@dataclass(frozen=True)
class AnchoringRow:
    """Where and when the prioritised actions were anchored politically."""

    body: str
    on: date
    case: str = ""


@dataclass(frozen=True)
class ActionRow:
    """An action; `priority` places it on the top-10 list, which is anchored politically."""

    key: str
    title: str
    focus_area: int  # focus area number
    strategies: tuple[str, ...]  # strategy codes
    kind: str
    responsible_unit: str
    status: str
    responsible_person: str = ""
    partners: str = ""
    start_date: date | None = None
    due_date: date | None = None
    progress: int | None = None
    weight: Decimal = Decimal(1)
    priority: int | None = None
    description: str = ""


@dataclass(frozen=True)
class StudyPhaseRow:
    name: str
    planned_start: date
    planned_end: date
    actual_start: date | None
    actual_end: date | None
    status: str
    deliverable: str


@dataclass(frozen=True)
class PoliticalCaseRow:
    """A case to the council after a phase of a study (the phase by its position, from 0)."""

    study: str  # action key
    after_phase: int
    planned_date: date
    outcome: str
    decided_on: date | None = None
    decision_text: str = ""


@dataclass(frozen=True)
class PartnerAgreementRow:
    partner: str
    purpose: str
    start_date: date
    end_date: date
    yearly_amount: Decimal
    co_funding: Decimal
    deliverables: str
    actions: tuple[str, ...]  # action keys


@dataclass(frozen=True)
class BudgetFrameRow:
    year: int
    kind: str
    amount: Decimal
    fte: Decimal
    fte_cost: Decimal
    decision_reference: str


@dataclass(frozen=True)
class BudgetAllocationRow:
    """Money for a year to an action (by key), a partner agreement (by partner) or a post
    with a label."""

    year: int
    amount: Decimal
    spent: Decimal
    action: str | None = None
    agreement: str | None = None
    label: str = ""


@dataclass(frozen=True)
class DialogueMeetingRow:
    date: date
    organisation: str
    participants: str  # one person a line
    topics: str
    focus_areas: tuple[int, ...]  # focus area numbers
    actions: tuple[str, ...]  # follow-up action keys
