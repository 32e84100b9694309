"""OpenAPI links: how one answer leads to the next call (list the plans → one plan → its
indicators → one indicator; list the actions → set their status → read the action again).
A client reads them as documentation; schemathesis' stateful phase follows them, so it calls
the operations with ids and keys that exist, the versions it was just given, and the chain a
client really makes (a status write, then the action at its new version, then another write).

A link names its target by method and path under the API's root; the operationId is looked up
in the schema itself, so the table stays readable and follows ninja's names."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

FIRST = "$response.body#/items/0"  # the first row of a paged list


@dataclass(frozen=True)
class Link:
    source: str  # "GET /plans": the operation whose 200 answer the link reads
    name: str  # a Component name (OpenAPI: letters, digits, «.-_»)
    target: str  # "GET /plans/{plan_id}"
    parameters: dict[str, str]
    description: str
    body: dict[str, Any] | None = field(default=None)


def _status_rows(row: str) -> dict[str, Any]:
    """A status write for the action at `row`, from the version the answer just gave."""
    return {
        "rows": [
            {
                "action": f"{row}/key",
                "status": "in_progress",
                "progress": 50,
                "version": f"{row}/version",
            }
        ]
    }


LINKS = (
    Link(
        "GET /municipalities",
        "Municipality",
        "GET /municipalities/{number}",
        {"number": f"{FIRST}/number"},
        "Nøkkelens kommune.",
    ),
    Link("GET /plans", "Plan", "GET /plans/{plan_id}", {"plan_id": f"{FIRST}/id"}, "Planen."),
    Link(
        "GET /plans/{plan_id}",
        "Indicators",
        "GET /indicators",
        {"plan": "$response.body#/id"},
        "Planens indikatorer.",
    ),
    Link(
        "GET /plans/{plan_id}",
        "Observations",
        "GET /plans/{plan_id}/observations",
        {"plan_id": "$response.body#/id"},
        "Planens lagrede verdier.",
    ),
    Link(
        "GET /plans/{plan_id}",
        "ActionPeriods",
        "GET /action-periods",
        {"plan": "$response.body#/id"},
        "Planens handlingsperioder.",
    ),
    Link(
        "GET /plans/{plan_id}",
        "FocusAreas",
        "GET /focus-areas",
        {"plan": "$response.body#/id"},
        "Planens satsingsområder.",
    ),
    Link(
        "GET /plans/{plan_id}",
        "Strategies",
        "GET /strategies",
        {"plan": "$response.body#/id"},
        "Planens strategier.",
    ),
    Link(
        "GET /plans/{plan_id}",
        "BudgetFrames",
        "GET /budget/frames",
        {"plan": "$response.body#/id"},
        "Planens budsjettrammer.",
    ),
    Link(
        "GET /plans/{plan_id}",
        "BudgetAllocations",
        "GET /budget/allocations",
        {"plan": "$response.body#/id"},
        "Planens budsjettfordeling.",
    ),
    Link(
        "GET /plans/{plan_id}",
        "Snapshots",
        "GET /snapshots",
        {"plan": "$response.body#/id"},
        "Planens publiserte rapporter.",
    ),
    Link(
        "GET /indicators",
        "Indicator",
        "GET /indicators/{indicator_id}",
        {"indicator_id": f"{FIRST}/id"},
        "Indikatoren.",
    ),
    Link(
        "GET /indicators/{indicator_id}",
        "Observations",
        "GET /plans/{plan_id}/observations",
        {"plan_id": "$response.body#/plan_id", "indicator": "$response.body#/key"},
        "Indikatorens lagrede verdier.",
    ),
    Link(
        "GET /plans/{plan_id}/observations",
        "StoreAgain",
        "POST /plans/{plan_id}/observations",
        {"plan_id": "$request.path.plan_id"},
        "Den første verdien lagret på nytt, fra versjonen den har.",
        body={
            "rows": [
                {
                    "indicator": f"{FIRST}/indicator_key",
                    "year": f"{FIRST}/year",
                    "value": f"{FIRST}/value",
                    "version": f"{FIRST}/version",
                }
            ]
        },
    ),
    Link(
        "POST /plans/{plan_id}/observations",
        "Observations",
        "GET /plans/{plan_id}/observations",
        {"plan_id": "$request.path.plan_id"},
        "Planens lagrede verdier etter skrivingen.",
    ),
    Link(
        "GET /action-periods",
        "Actions",
        "GET /actions",
        {"period": f"{FIRST}/id"},
        "Periodens tiltak.",
    ),
    Link(
        "GET /action-periods",
        "SetStatus",
        "POST /action-periods/{period_id}/actions/status",
        {"period_id": f"{FIRST}/id"},
        "Status for periodens tiltak.",
    ),
    Link(
        "GET /actions",
        "Action",
        "GET /actions/{action_id}",
        {"action_id": f"{FIRST}/id"},
        "Tiltaket.",
    ),
    Link(
        "GET /actions",
        "SetStatus",
        "POST /action-periods/{period_id}/actions/status",
        {"period_id": f"{FIRST}/period_id"},
        "Ny status for det første tiltaket, fra versjonen det har.",
        body=_status_rows(FIRST),
    ),
    Link(
        "GET /actions/{action_id}",
        "SetStatus",
        "POST /action-periods/{period_id}/actions/status",
        {"period_id": "$response.body#/period_id"},
        "Ny status for tiltaket, fra versjonen det har.",
        body=_status_rows("$response.body#"),
    ),
    Link(
        "POST /action-periods/{period_id}/actions/status",
        "Action",
        "GET /actions/{action_id}",
        {"action_id": "$response.body#/rows/0/id"},
        "Det første tiltaket, med den nye versjonen.",
    ),
    Link(
        "POST /action-periods/{period_id}/actions/status",
        "Actions",
        "GET /actions",
        {"period": "$request.path.period_id"},
        "Periodens tiltak etter skrivingen.",
    ),
    Link(
        "GET /studies",
        "Action",
        "GET /actions/{action_id}",
        {"action_id": f"{FIRST}/id"},
        "Utredningen som tiltak.",
    ),
    Link(
        "GET /snapshots",
        "Snapshot",
        "GET /snapshots/{snapshot_id}",
        {"snapshot_id": f"{FIRST}/id"},
        "Rapporten med dokumentet.",
    ),
)


def links_add(schema: dict[str, Any], root: str, links=LINKS) -> dict[str, Any]:
    """The schema with every link under its source's 200 answer. A link to or from an
    operation the schema does not have is an error here, not a link schemathesis skips."""
    root = root.rstrip("/")

    def operation(label: str) -> dict[str, Any]:
        method, path = label.split(" ", 1)
        return schema["paths"][root + path][method.lower()]

    for link in links:
        definition: dict[str, Any] = {
            "operationId": operation(link.target)["operationId"],
            "parameters": link.parameters,
            "description": link.description,
        }
        if link.body is not None:
            definition["requestBody"] = link.body
        responses = operation(link.source)["responses"]
        answer = responses[200 if 200 in responses else "200"]  # ninja's keys are ints
        answer.setdefault("links", {})[link.name] = definition
    return schema
