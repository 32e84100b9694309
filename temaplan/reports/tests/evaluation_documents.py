"""Small hand-made report documents for the evaluation's tests: every section present, each
part overridable by keyword, figures shown the Norwegian way.

    document(indicators=[indicator(status="red")], budget=[])
"""

from __future__ import annotations

from typing import Any

from temaplan.reports.document import (
    SCHEMA_VERSION,
    ActionPlan,
    BudgetYearEntry,
    Document,
    FocusAreaProgress,
    IndicatorEntry,
    KommuneNm,
    Meta,
    OwnIndex,
    Standing,
)

NBSP = "\u00a0"
MINUS = "\u2212"
YEAR = 2020


def meta(**overrides: Any) -> Meta:
    values: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "title": f"Resultatrapport {YEAR}",
        "year": YEAR,
        "municipality_number": "3203",
        "municipality_name": "Asker",
        "plan_name": "Temaplan næring 2020–2032",
        "plan_period": "2020–2032",
        "built_at": "2021-06-01T12:00:00+02:00",
        "vintages": ["2021-05-01"],
    }
    return Meta(**(values | overrides))  # type: ignore[typeddict-item]


def indicator(key: str = "andel", **overrides: Any) -> IndicatorEntry:
    """A share that met its ambition: 41,7 % in 2020, up from 41,4 %, ambition at least 41,4 %."""
    values: dict[str, Any] = {
        "key": key,
        "name": "Andel sysselsatt i egen kommune",
        "unit": "percent",
        "direction": "higher",
        "source": "SSB",
        "computed_as": "",
        "value": "41.7",
        "shown": f"41,7{NBSP}%",
        "target": f"minst 41,4{NBSP}%",
        "status": "green",
        "status_label": "Nådd",
        "reason": f"41,7{NBSP}%, ambisjon minst 41,4{NBSP}%: grønn.",
        "provisional": False,
        "revised_from": [],
        "source_note": "",
        "vintage": "2021-05-01",
        "previous_value": "41.4",
        "previous_shown": f"41,4{NBSP}%",
        "comment": "",
        "footnote": "",
        "series": [],
    }
    return IndicatorEntry(**(values | overrides))  # type: ignore[typeddict-item]


def missing_year(key: str = "jordvern", **overrides: Any) -> IndicatorEntry:
    """The farmland indicator without its 2020 figure."""
    values: dict[str, Any] = {
        "name": "Jordvernmålet",
        "unit": "decares",
        "direction": "lower",
        "value": None,
        "shown": "–",
        "target": "høyst 15 daa",
        "status": "no_data",
        "status_label": "Ingen data",
        "reason": "Ingen verdi for 2020.",
        "previous_value": "90",
        "previous_shown": "90",
    }
    return indicator(key, **(values | overrides))


def rank(key: str = "nm", **overrides: Any) -> IndicatorEntry:
    values: dict[str, Any] = {
        "name": "Plass i Kommune-NM",
        "unit": "rank",
        "direction": "lower",
        "source": "NHO",
        "value": "11",
        "shown": "11",
        "target": "12 eller bedre",
        "reason": "Rangert 11, ambisjon 12 eller bedre: grønn.",
        "previous_value": "13",
        "previous_shown": "13",
    }
    return indicator(key, **(values | overrides))


def focus_area(number: str = "3", **overrides: Any) -> FocusAreaProgress:
    values: dict[str, Any] = {
        "number": number,
        "name": "Landbruk",
        "actions": 5,
        "done": 2,
        "late": 1,
        "cancelled": 1,
        "percent": "42.0",
        "shown": f"42,0{NBSP}%",
    }
    return FocusAreaProgress(**(values | overrides))  # type: ignore[typeddict-item]


def action_plan(**overrides: Any) -> ActionPlan:
    values: dict[str, Any] = {
        "period": "2022/23",
        "percent": "42.0",
        "shown": f"42,0{NBSP}%",
        "method": "Snitt av tiltakenes framdrift.",
        "actions": [],
        "focus_areas": [focus_area()],
        "top_list": [],
    }
    return ActionPlan(**(values | overrides))  # type: ignore[typeddict-item]


def standing(**overrides: Any) -> Standing:
    values: dict[str, Any] = {
        "code": "3203",
        "name": "Asker",
        "rank": 11,
        "previous_rank": 13,
        "county": "4. av de 6 kommunene i Viken vi har tall for",
        "previous_county": "6. av de 6 kommunene i Viken vi har tall for",
        "theme_ranks": {},
    }
    return Standing(**(values | overrides))  # type: ignore[typeddict-item]


def own_index(**overrides: Any) -> OwnIndex:
    values: dict[str, Any] = {
        "label": "Temaplans egen indeks",
        "year": YEAR,
        "rank": 9,
        "low": 7,
        "high": 12,
        "ranked": 356,
    }
    return OwnIndex(**(values | overrides))  # type: ignore[typeddict-item]


def kommune_nm(**overrides: Any) -> KommuneNm:
    values: dict[str, Any] = {
        "edition": 2021,
        "data_year": YEAR,
        "ranked": 356,
        "source": "NHO",
        "themes": [],
        "own": standing(),
        "peers": [],
        "story": [],
        "index": None,
    }
    return KommuneNm(**(values | overrides))  # type: ignore[typeddict-item]


def budget_year(year: int = 2022, **overrides: Any) -> BudgetYearEntry:
    """9,6 mill. kr decided with 2 FTE, 10,6 mill. kr proposed, 8,2 allocated, 3,1 spent."""
    values: dict[str, Any] = {
        "year": year,
        "decided": "9600000",
        "decided_shown": f"9,6{NBSP}mill.{NBSP}kr",
        "decision": "kommunestyret 15.12.2021",
        "proposed": "10600000",
        "proposed_shown": f"10,6{NBSP}mill.{NBSP}kr",
        "fte": "2",
        "allocated": "8200000",
        "allocated_shown": f"8,2{NBSP}mill.{NBSP}kr",
        "spent": "3100000",
        "spent_shown": f"3,1{NBSP}mill.{NBSP}kr",
        "warning": "",
    }
    return BudgetYearEntry(**(values | overrides))  # type: ignore[typeddict-item]


def document(**overrides: Any) -> Document:
    """A whole document: one indicator, one focus area, Kommune-NM and one budget year."""
    values: dict[str, Any] = {
        "meta": meta(),
        "plan": {"ambitions": [], "focus_areas": [], "premises": []},
        "indicators": [indicator()],
        "kommune_nm": kommune_nm(),
        "action_plan": action_plan(),
        "studies": [],
        "budget": [budget_year()],
        "partners": [],
        "meetings": [],
        "evaluation": [],
    }
    return Document(**(values | overrides))  # type: ignore[typeddict-item]
