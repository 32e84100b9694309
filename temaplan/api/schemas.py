"""What the API sends and takes. Field names in English, texts as the web shows them."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated

from ninja import Field, Schema
from pydantic.config import JsonDict

from temaplan.actions.models import Action

# Ids and years the database can hold: a larger number is refused with 422, never a 500.
Id = Annotated[int, Field(ge=1, le=2_147_483_647)]
Year = Annotated[int, Field(ge=1900, le=2100)]

# What the server enforces itself, with its own Norwegian message (a key no indicator or action
# has, a status it does not know: 422 naming the row), declared in the schema too so that a
# client, and schemathesis, knows a well-formed row from a malformed one. Declared, not
# validated by pydantic, whose messages are English.
KEY: JsonDict = {"minLength": 1, "pattern": "^[-a-zA-Z0-9_]+$"}  # a SlugField: validate_slug
ACTION_STATUSES: JsonDict = {"enum": list(Action.Status.values)}


class ErrorItem(Schema):
    row: int | None = Field(None, description="Raden i en masseoppdatering (fra 0).")
    field: str | None = None
    message: str


class Error(Schema):
    detail: str
    errors: list[ErrorItem] = []


class MunicipalityOut(Schema):
    number: str
    name: str
    county_number: str
    county_name: str
    role: str = Field(description="Rollen nøkkelen har i kommunen: viewer, editor eller admin.")


class PlanOut(Schema):
    id: int
    name: str
    first_year: int
    last_year: int
    status: str
    adopted_on: date | None
    decision_reference: str
    document_url: str
    version: int


class FocusAreaOut(Schema):
    id: int
    plan_id: int
    number: int
    name: str
    description: str
    version: int


class StrategyOut(Schema):
    id: int
    plan_id: int
    focus_area_id: int | None
    code: str
    text: str
    version: int


class TargetOut(Schema):
    year: int
    comparator: str
    value: Decimal | None
    high: Decimal | None
    version: int


class ResultOut(Schema):
    year: int
    value: Decimal | None
    provisional: bool
    status: str = Field(description="green, amber, red, no_data eller not_due.")
    reason: str


class IndicatorOut(Schema):
    id: int
    plan_id: int
    key: str
    name: str
    unit: str
    direction: str
    source: str
    focus_area_ids: list[int]
    targets: list[TargetOut]
    results: list[ResultOut]
    version: int


class ObservationOut(Schema):
    indicator_key: str
    year: int
    value: Decimal
    provisional: bool
    source_note: str
    vintage: str
    recorded_at: datetime
    version: int


class ActionPeriodOut(Schema):
    id: int
    plan_id: int
    name: str
    first_date: date
    last_date: date


class ActionOut(Schema):
    id: int
    period_id: int
    key: str
    title: str
    kind: str
    focus_area_id: int | None
    strategy_ids: list[int]
    responsible_unit: str
    start_date: date | None
    due_date: date | None
    status: str
    progress: int | None
    weight: Decimal
    version: int


class PhaseOut(Schema):
    name: str
    planned_start: date
    planned_end: date
    actual_start: date | None
    actual_end: date | None
    deliverable: str
    status: str


class StudyOut(Schema):
    id: int
    period_id: int
    key: str
    title: str
    status: str
    progress: int | None
    phases: list[PhaseOut]


class BudgetFrameOut(Schema):
    id: int
    plan_id: int
    year: int
    kind: str
    amount: Decimal
    fte: Decimal | None
    fte_cost: Decimal | None
    decision_reference: str
    version: int


class BudgetAllocationOut(Schema):
    id: int
    plan_id: int
    year: int
    action_key: str | None
    agreement_id: int | None
    label: str
    amount: Decimal
    spent: Decimal | None
    version: int


class EditionOut(Schema):
    id: int
    year: int
    data_year: int
    published_on: date
    municipalities_ranked: int
    source: str
    note: str


class SnapshotOut(Schema):
    id: int
    plan_id: int
    year: int
    number: int
    title: str
    published_at: datetime | None
    fingerprint: str


class SnapshotDetailOut(SnapshotOut):
    schema_version: int | None
    document: dict | None


# --- Writes ---------------------------------------------------------------------------------


class ObservationIn(Schema):
    indicator: str = Field(
        max_length=60, description="Indikatorens nøkkel i planen.", json_schema_extra=KEY
    )
    year: int = Field(ge=1900, le=2100)
    value: Decimal
    provisional: bool = False
    source_note: str = Field("", max_length=300)
    vintage: str = Field("", max_length=100)
    version: int | None = Field(
        None,
        ge=1,
        le=2_147_483_647,
        description="Versjonen du endrer fra; utelat for en ny verdi. Feil versjon gir 409.",
    )


class ObservationsIn(Schema):
    rows: list[ObservationIn] = Field(max_length=5000)


class ObservationsOut(Schema):
    created: int
    revised: int
    updated: int
    unchanged: int
    rows: list[ObservationOut]


class ActionStatusIn(Schema):
    action: str = Field(
        max_length=60, description="Tiltakets nøkkel i perioden.", json_schema_extra=KEY
    )
    status: str = Field(max_length=12, json_schema_extra=ACTION_STATUSES)
    progress: int | None = Field(None, ge=0, le=100)
    comment: str = Field("", max_length=2000)
    version: int = Field(ge=1, le=2_147_483_647, description="Versjonen du endrer fra.")


class ActionStatusesIn(Schema):
    rows: list[ActionStatusIn] = Field(max_length=5000)


class ActionStatusesOut(Schema):
    changed: int
    rows: list[ActionOut]
