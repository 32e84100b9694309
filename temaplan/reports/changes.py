"""What has changed in the live data since a report was frozen: the frozen document compared
with a fresh build of the same year, in Norwegian lines for the frozen report's page.
Pure: two documents in, sentences out; no Django.

What is compared (the build time, warnings that follow the calendar and the evaluation are
not: they change without the data changing):

- indicators, by key: a new or removed indicator; every year of its series: a result revised
  («SSB har revidert … for 2020 fra 41,7 % til 41,8 %»), added or removed, and a changed
  ambition;
- actions, by key: a new or removed action, a changed status;
- the budget, by year: the decided frame, the proposal, what is allocated and what is spent.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from .document import Document

REVISED = "{who} har revidert «{name}» for {year} fra {old} til {new}{vintage}."
EDITED = "Resultatet for {year} av «{name}» er endret fra {old} til {new}{vintage}."
RESULT_ADDED = "Nytt resultat for {year} av «{name}»: {new}{vintage}."
RESULT_REMOVED = "Resultatet for {year} av «{name}» ({old}) er fjernet."
TARGET_CHANGED = "Ambisjonen for {year} av «{name}» er endret fra «{old}» til «{new}»."
INDICATOR_ADDED = "Ny indikator siden låsingen: «{name}»."
INDICATOR_REMOVED = "Indikatoren «{name}» er fjernet siden låsingen."
ACTION_STATUS = "Tiltaket «{title}» har endret status fra {old} til {new}."
ACTION_ADDED = "Nytt tiltak siden låsingen: «{title}»."
ACTION_REMOVED = "Tiltaket «{title}» er fjernet siden låsingen."
BUDGET_CHANGED = "{what} for {year} er endret fra {old} til {new}."
BUDGET_WHAT = {
    "decided": "Vedtatt ramme",
    "proposed": "Forslaget i økonomiplanen",
    "allocated": "Tildelt",
    "spent": "Brukt",
}
NOTHING = "–"
# Sources that publish revisions themselves (indicators.models.Source labels).
PUBLISHERS = ("SSB", "NHO")
HAND_ENTERED = "registrert av "


def _by(items: Iterable[Mapping[str, Any]], key: str) -> dict[Any, Mapping[str, Any]]:
    return {item[key]: item for item in items}


def _vintage(text: str) -> str:
    return f" ({text})" if text else ""


def _value_line(
    name: str, source: str, year: int, old: Mapping[str, Any], new: Mapping[str, Any], vintage: str
) -> str:
    if old["value"] is None:
        return RESULT_ADDED.format(year=year, name=name, new=new["shown"], vintage=vintage)
    if new["value"] is None:
        return RESULT_REMOVED.format(year=year, name=name, old=old["shown"])
    by_hand = vintage.startswith(f" ({HAND_ENTERED}")
    template = REVISED if source in PUBLISHERS and not by_hand else EDITED
    return template.format(
        who=source, name=name, year=year, old=old["shown"], new=new["shown"], vintage=vintage
    )


def indicator_changes(
    frozen: Iterable[Mapping[str, Any]],
    live: Iterable[Mapping[str, Any]],
    *,
    year: int | None = None,
) -> list[str]:
    """`year` is the report's: its results carry their vintage, which the line names."""
    before, after = _by(frozen, "key"), _by(live, "key")
    lines = []
    for key, now in after.items():
        was = before.get(key)
        if was is None:
            lines.append(INDICATOR_ADDED.format(name=now["name"]))
            continue
        name, source = now["name"], now["source"]
        points = _by(was["series"], "year")
        for point in now["series"]:
            old = points.get(point["year"])
            if old is None:
                old = {"value": None, "shown": NOTHING, "target": ""}
            if old["value"] != point["value"]:
                # The vintage is known for the report's own year; other years say nothing.
                vintage = _vintage(now["vintage"]) if point["year"] == year else ""
                lines.append(_value_line(name, source, point["year"], old, point, vintage))
            if old["target"] and point["target"] and old["target"] != point["target"]:
                lines.append(
                    TARGET_CHANGED.format(
                        year=point["year"], name=name, old=old["target"], new=point["target"]
                    )
                )
    for key, was in before.items():
        if key not in after:
            lines.append(INDICATOR_REMOVED.format(name=was["name"]))
    return lines


def action_changes(
    frozen: Iterable[Mapping[str, Any]], live: Iterable[Mapping[str, Any]]
) -> list[str]:
    before, after = _by(frozen, "key"), _by(live, "key")
    lines = []
    for key, now in after.items():
        was = before.get(key)
        if was is None:
            lines.append(ACTION_ADDED.format(title=now["title"]))
        elif was["status"] != now["status"]:
            lines.append(
                ACTION_STATUS.format(
                    title=now["title"], old=was["status_label"], new=now["status_label"]
                )
            )
    lines += [
        ACTION_REMOVED.format(title=was["title"]) for k, was in before.items() if k not in after
    ]
    return lines


def budget_changes(
    frozen: Iterable[Mapping[str, Any]], live: Iterable[Mapping[str, Any]]
) -> list[str]:
    before, after = _by(frozen, "year"), _by(live, "year")
    empty = {field: None for field in BUDGET_WHAT} | {f"{f}_shown": NOTHING for f in BUDGET_WHAT}
    lines = []
    for year in sorted(set(before) | set(after)):
        was, now = before.get(year, empty), after.get(year, empty)
        for field, what in BUDGET_WHAT.items():
            if _amount(was[field]) != _amount(now[field]):
                lines.append(
                    BUDGET_CHANGED.format(
                        what=what, year=year, old=was[f"{field}_shown"], new=now[f"{field}_shown"]
                    )
                )
    return lines


def _amount(value: str | None) -> str | None:
    """No budget line and a line of 0 kr read the same: nothing is allocated or spent."""
    return None if value in (None, "0") else value


def changes_since(
    frozen: Document | Mapping[str, Any], live: Document | Mapping[str, Any]
) -> list[str]:
    """Every change from the frozen document to the live one, in the order of the report."""
    return [
        *indicator_changes(frozen["indicators"], live["indicators"], year=live["meta"]["year"]),
        *action_changes(frozen["action_plan"]["actions"], live["action_plan"]["actions"]),
        *budget_changes(frozen["budget"], live["budget"]),
    ]
