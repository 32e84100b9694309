"""The roadmap chart and its table: a spec built without Django, rendered once to SVG."""

from datetime import date

import pytest

from temaplan.actions.roadmap_chart import (
    ACTUAL,
    AT_RISK_STATE,
    DONE_STATE,
    LATE_STATE,
    PLANNED,
    RoadmapBar,
    RoadmapMilestone,
    roadmap_spec,
    roadmap_table,
)

START, END, TODAY = date(2022, 1, 1), date(2025, 12, 31), date(2023, 2, 20)
CAMPUS = RoadmapBar("Campus Bærekraft", date(2022, 3, 1), date(2025, 6, 30), "study", "slipping")
PHASE_1 = RoadmapBar(
    "Fase 1",
    date(2022, 3, 1),
    date(2022, 12, 31),
    "phase",
    "late",
    actual_start=date(2022, 3, 15),
    row_key="campus/1",
)
PHASE_2 = RoadmapBar("Fase 2", date(2023, 3, 1), date(2023, 12, 31), "phase", "at_risk")
CASE = RoadmapMilestone("Campus Bærekraft", date(2023, 2, 8))
INVEST = RoadmapBar("Invester i Asker", date(2021, 6, 1), date(2026, 3, 31), "study")
INVEST_1 = RoadmapBar(
    "Fase 1",
    date(2022, 4, 1),
    date(2022, 11, 30),
    "phase",
    actual_start=date(2022, 4, 1),
    actual_end=date(2022, 11, 20),
    status="done",
    row_key="invest/1",
)
INVEST_CASE = RoadmapMilestone(
    "Invester i Asker", date(2022, 12, 14), flag="slipping", body="Kommunestyret"
)
ROWS = [CAMPUS, PHASE_1, PHASE_2, CASE, INVEST, INVEST_1, INVEST_CASE]


def layer(spec: dict, index: int) -> list[dict]:
    return spec["layer"][index]["data"]["values"]


def test_one_row_per_study_and_phase_in_the_order_given_even_with_repeated_labels():
    spec = roadmap_spec(ROWS, today=TODAY, start=START, end=END)
    assert spec["layer"][0]["encoding"]["y"]["scale"]["domain"] == [
        "000sCampus Bærekraft",
        "001pFase 1",
        "002pFase 2",
        "003sInvester i Asker",
        "004pFase 1",
    ]
    assert [(b["row"][:3], b["state"]) for b in layer(spec, 0)] == [
        ("000", LATE_STATE),
        ("001", LATE_STATE),
        ("002", AT_RISK_STATE),
        ("003", PLANNED),
        ("004", DONE_STATE),
    ]


def test_bars_are_clipped_to_the_period_as_iso_dates():
    spec = roadmap_spec([INVEST], today=TODAY, start=START, end=END)
    assert layer(spec, 0)[0]["start"] == "2022-01-01"
    assert layer(spec, 0)[0]["end"] == "2025-12-31"
    assert spec["layer"][0]["encoding"]["x"]["timeUnit"] == "yearmonthdate"


def test_flagged_bars_get_an_outline_and_a_word_not_colour_alone():
    spec = roadmap_spec(ROWS, today=TODAY, start=START, end=END)
    assert [b["row"][:3] for b in layer(spec, 1)] == ["000", "001", "002"]
    assert [(m["row"][:3], m["text"], m["date"]) for m in layer(spec, 3)] == [
        ("000", "forsinket", "2025-06-30"),
        # After the actual bar, which runs on to today while the phase has not ended.
        ("001", "forsinket", "2023-02-20"),
        ("002", "i fare", "2023-12-31"),
    ]


def test_actual_dates_are_a_thin_bar_running_to_today_while_not_ended():
    spec = roadmap_spec(ROWS, today=TODAY, start=START, end=END)
    assert [(a["row"][:3], a["start"], a["end"], a["state"]) for a in layer(spec, 2)] == [
        ("001", "2022-03-15", "2023-02-20", ACTUAL),
        ("004", "2022-04-01", "2022-11-20", ACTUAL),
    ]
    assert spec["layer"][2]["mark"]["height"]["band"] < spec["layer"][0]["mark"]["height"]["band"]


def test_cases_are_diamonds_marked_sak_on_their_row():
    spec = roadmap_spec(ROWS, today=TODAY, start=START, end=END)
    assert spec["layer"][4]["mark"]["shape"] == "diamond"
    assert [(c["row"][:3], c["date"], c["text"]) for c in layer(spec, 4)] == [
        ("000", "2023-02-08", "SAK"),
        ("003", "2022-12-14", "SAK (forsinket)"),
    ]


def test_a_case_without_a_matching_row_gets_its_own():
    lone = RoadmapMilestone("Kommunestyret", date(2023, 6, 14), row_key="ks")
    spec = roadmap_spec([CAMPUS, lone], today=TODAY, start=START, end=END)
    assert spec["layer"][0]["encoding"]["y"]["scale"]["domain"] == [
        "000sCampus Bærekraft",
        "001mKommunestyret",
    ]


@pytest.mark.parametrize(
    "today, has_rule",
    [
        (TODAY, True),
        (START, True),
        (END, True),
        (date(2021, 12, 31), False),
        (date(2026, 1, 1), False),
    ],
)
def test_the_today_rule_is_drawn_only_inside_the_period(today, has_rule):
    spec = roadmap_spec(ROWS, today=today, start=START, end=END)
    rules = [lay for lay in spec["layer"] if lay["mark"]["type"] == "rule"]
    assert len(rules) == int(has_rule)
    if has_rule:
        assert rules[0]["data"]["values"] == [{"date": today.isoformat(), "text": "I dag"}]


def test_the_axis_speaks_norwegian():
    spec = roadmap_spec(ROWS, today=TODAY, start=START, end=END)
    assert spec["layer"][0]["encoding"]["x"]["axis"]["format"] == "%b %Y"
    # The month names are render_svg's locale: «jan 2023» in the rendered roadmap below.


@pytest.mark.parametrize(
    "row, expected",
    [
        (
            CAMPUS,
            {
                "row": "Campus Bærekraft",
                "kind": "Utredning",
                "planned": "01.03.2022–30.06.2025",
                "actual": "",
                "flag": "slipping",
                "flag_label": "forsinket",
                "note": "",
            },
        ),
        (
            PHASE_1,
            {
                "row": "Fase 1",
                "kind": "Fase",
                "planned": "01.03.2022–31.12.2022",
                "actual": "15.03.2022–",
                "flag": "late",
                "flag_label": "forsinket",
                "note": "",
            },
        ),
        (
            INVEST_1,
            {
                "row": "Fase 1",
                "kind": "Fase",
                "planned": "01.04.2022–30.11.2022",
                "actual": "01.04.2022–20.11.2022",
                "flag": "",
                "flag_label": "",
                "note": "",
            },
        ),
        (
            PHASE_2,
            {
                "row": "Fase 2",
                "kind": "Fase",
                "planned": "01.03.2023–31.12.2023",
                "actual": "",
                "flag": "at_risk",
                "flag_label": "i fare",
                "note": "",
            },
        ),
        (
            INVEST_CASE,
            {
                "row": "Invester i Asker",
                "kind": "Politisk sak (SAK) i Kommunestyret",
                "planned": "14.12.2022",
                "actual": "",
                "flag": "slipping",
                "flag_label": "forsinket",
                "note": "",
            },
        ),
    ],
    ids=["study", "started phase", "ended phase", "phase at risk", "case"],
)
def test_the_table_under_the_chart(row, expected):
    assert roadmap_table([row]) == [expected]


def test_the_table_keeps_the_chart_order():
    assert [r["row"] for r in roadmap_table(ROWS)] == [
        "Campus Bærekraft",
        "Fase 1",
        "Fase 2",
        "Campus Bærekraft",
        "Invester i Asker",
        "Fase 1",
        "Invester i Asker",
    ]


def test_the_roadmap_renders_with_its_labels(settings):
    from temaplan.core.charts import render_svg

    svg = render_svg(roadmap_spec(ROWS, today=TODAY, start=START, end=END), title_id="roadmap")
    assert svg.startswith('<svg role="img" aria-labelledby="roadmap"')
    for text in ["Campus Bærekraft", "Fase 2", ">SAK<", "SAK (forsinket)", "I dag", "forsinket"]:
        assert text in svg
    assert "i fare" in svg
    assert "jan 2023" in svg


LATE_FINISH = RoadmapBar(
    "Fase 1",
    date(2022, 3, 1),
    date(2022, 12, 31),
    "phase",
    actual_start=date(2022, 3, 15),
    actual_end=date(2023, 1, 31),
    status="done",
    note="ferdig en måned etter planen",
)
ON_TIME_FINISH = RoadmapBar(
    "Fase 2",
    date(2023, 3, 1),
    date(2023, 12, 31),
    "phase",
    actual_start=date(2023, 3, 1),
    actual_end=date(2023, 12, 20),
    status="done",
    note="ferdig i tide",
)


def test_a_phase_that_ended_late_is_drawn_done_with_what_happened_after_its_last_bar():
    spec = roadmap_spec([LATE_FINISH, ON_TIME_FINISH], today=TODAY, start=START, end=END)
    assert [b["state"] for b in layer(spec, 0)] == [DONE_STATE, DONE_STATE]
    assert layer(spec, 3) == []  # no «forsinket»
    assert layer(spec, 6) == [
        {"row": "000pFase 1", "date": "2023-01-31", "text": "ferdig en måned etter planen"}
    ]
    table = roadmap_table([LATE_FINISH, ON_TIME_FINISH])
    assert [(r["flag_label"], r["note"]) for r in table] == [
        ("", "ferdig en måned etter planen"),
        ("", "ferdig i tide"),
    ]
    svg = render_svg_of([LATE_FINISH, ON_TIME_FINISH])
    assert "ferdig en måned etter planen" in svg and "forsinket" not in svg


def render_svg_of(rows) -> str:
    from temaplan.core.charts import render_svg

    return render_svg(roadmap_spec(rows, today=TODAY, start=START, end=END), title_id="roadmap")
