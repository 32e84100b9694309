"""Slippage flags for studies: pure, tested without a database, with time frozen by argument."""

from dataclasses import replace
from datetime import date

import pytest

from temaplan.actions.slippage import (
    AT_RISK,
    LATE,
    SLIPPING,
    CaseInfo,
    PhaseInfo,
    StudyInfo,
    finished_text,
    flag_label,
    study_flags,
)

P1 = PhaseInfo("p1", "Fase 1", date(2022, 3, 1), date(2022, 12, 31), date(2022, 3, 1))
P2 = PhaseInfo("p2", "Fase 2", date(2023, 3, 1), date(2023, 12, 31))
P3 = PhaseInfo("p3", "Fase 3", date(2024, 1, 1), date(2024, 12, 31))
S1 = CaseInfo("s1", "Kommunestyret", date(2023, 2, 8), after_phase="p1")
S2 = CaseInfo("s2", "Formannskapet", date(2024, 2, 14), after_phase="p2")
P1_ON_TIME = replace(P1, actual_end=date(2022, 12, 20), status="done")
P1_ENDED_LATE = replace(P1, actual_end=date(2023, 1, 20), status="done")
PARALLEL = PhaseInfo("q", "Parallell", P1.planned_start, date(2022, 11, 30))
S1_ADOPTED = replace(S1, outcome="adopted", decided_on=date(2023, 2, 8))


def flags(phases, cases, today, status="in_progress"):
    return study_flags(
        StudyInfo("campus", "Campus Bærekraft", phases, cases, status=status), today=today
    )


@pytest.mark.parametrize(
    "phases, cases, today, case_flags, phase_flags, slipping",
    [
        ([P1, P2], [S1], date(2022, 6, 1), {"s1": ""}, {"p1": "", "p2": ""}, False),
        ([P1_ON_TIME], [S1], date(2023, 2, 7), {"s1": ""}, {"p1": ""}, False),
        ([P1_ON_TIME], [S1], date(2023, 2, 8), {"s1": ""}, {"p1": ""}, False),
        ([P1_ON_TIME], [S1], date(2023, 2, 9), {"s1": SLIPPING}, {"p1": ""}, True),
        ([P1_ON_TIME], [S1_ADOPTED], date(2023, 2, 9), {"s1": ""}, {"p1": ""}, False),
        (
            [P1_ON_TIME],
            [replace(S1, outcome="rejected", decided_on=date(2023, 3, 15))],
            date(2023, 6, 1),
            {"s1": ""},
            {"p1": ""},
            False,
        ),
        (
            [P1_ON_TIME],
            [replace(S1, outcome="postponed", decided_on=date(2023, 2, 8))],
            date(2023, 2, 9),
            {"s1": SLIPPING},
            {"p1": ""},
            True,
        ),
        (
            [P1_ON_TIME],
            [replace(S1, outcome="adopted", decided_on=None)],
            date(2023, 2, 9),
            {"s1": SLIPPING},
            {"p1": ""},
            True,
        ),
        (
            [P1, P2, P3],
            [S1],
            date(2023, 1, 5),
            {"s1": AT_RISK},
            {"p1": LATE, "p2": AT_RISK, "p3": AT_RISK},
            True,
        ),
        (
            [P1_ENDED_LATE, P2, P3],
            [S1],
            date(2023, 1, 25),
            {"s1": ""},
            {"p1": "", "p2": "", "p3": ""},
            False,
        ),
        (
            [P1, P2],
            [S1_ADOPTED],
            date(2023, 2, 9),
            {"s1": ""},
            {"p1": LATE, "p2": AT_RISK},
            True,
        ),
        ([P1, P2], [S1], date(2023, 2, 9), {"s1": SLIPPING}, {"p1": LATE, "p2": AT_RISK}, True),
        (
            [P1_ON_TIME, replace(P2, actual_start=date(2023, 3, 1)), P3],
            [S1_ADOPTED, S2],
            date(2024, 1, 10),
            {"s1": "", "s2": AT_RISK},
            {"p1": "", "p2": LATE, "p3": AT_RISK},
            True,
        ),
        ([replace(P1, status="done")], [], date(2023, 6, 1), {}, {"p1": ""}, False),
        (
            [P1, replace(P2, actual_end=date(2023, 12, 1)), P3],
            [],
            date(2024, 1, 10),
            {},
            {"p1": LATE, "p2": "", "p3": AT_RISK},
            True,
        ),
        (
            [P1, replace(PARALLEL, planned_end=date(2023, 6, 30))],
            [],
            date(2023, 1, 2),
            {},
            {"p1": LATE, "q": ""},
            True,
        ),
        (
            [P1, PARALLEL],
            [],
            date(2023, 1, 2),
            {},
            {"q": LATE, "p1": LATE},
            True,
        ),
        (
            [replace(P1, actual_end=P1.planned_end), P2],
            [],
            date(2023, 1, 2),
            {},
            {"p1": "", "p2": ""},
            False,
        ),
        ([P1, P2], [S1], date(2022, 12, 31), {"s1": ""}, {"p1": "", "p2": ""}, False),
        ([P1, P2], [S1], date(2023, 1, 1), {"s1": AT_RISK}, {"p1": LATE, "p2": AT_RISK}, True),
    ],
    ids=[
        "on track",
        "the day before the case date",
        "on the case date",
        "the day after the case date, pending",
        "the day after, adopted",
        "decided later than planned is still decided",
        "postponed is not decided",
        "an outcome without a decision date is not decided",
        "an unfinished late phase moves the flag to the case and later phases",
        "a phase that ended late is not late now and puts nothing at risk",
        "a decided case is not at risk",
        "a case's own slipping wins over at risk",
        "a late second phase flags the case after it and the third phase",
        "done without an actual end is taken as on time",
        "an ended later phase is not at risk",
        "a parallel phase is not at risk",
        "parallel phases are late on their own",
        "ending on the planned end is on time",
        "the last planned day of a phase",
        "the day after a phase's planned end",
    ],
)
def test_flags(phases, cases, today, case_flags, phase_flags, slipping):
    result = flags(phases, cases, today)
    assert result.case_flags == case_flags
    assert result.phase_flags == phase_flags
    assert result.study_slipping is slipping
    assert result.study_flag == (SLIPPING if slipping else "")


def test_the_reasons_name_what_slips_with_norwegian_dates():
    result = flags([P1, P2], [S1, S2], date(2023, 2, 9))
    assert result.reasons == [
        "Saken til Kommunestyret var planlagt 08.02.2023 og er ikke behandlet.",
        "Fase 1 skulle vært ferdig 31.12.2022 og er ikke ferdig.",
        "Fase 2 (planlagt start 01.03.2023) er i fare fordi Fase 1 er forsinket.",
    ]


def test_the_reasons_name_the_case_put_at_risk_by_a_late_phase():
    result = flags([P1], [S1], date(2023, 1, 25))
    assert result.reasons == [
        "Fase 1 skulle vært ferdig 31.12.2022 og er ikke ferdig.",
        "Saken til Kommunestyret 08.02.2023 er i fare fordi Fase 1 er forsinket.",
    ]


def test_a_phase_that_ended_late_gives_no_reason_but_tells_what_happened():
    result = flags([P1_ENDED_LATE, replace(P1_ON_TIME, key="p0")], [], date(2023, 6, 1))
    assert result.reasons == []
    assert result.phase_notes == {"p1": "ferdig 20 dager etter planen", "p0": "ferdig i tide"}


@pytest.mark.parametrize("status", ["done", "cancelled"])
def test_a_closed_study_is_not_late_whatever_its_phases_and_cases_say(status):
    result = flags([P1, P2, replace(P1_ENDED_LATE, key="p0")], [S1, S2], date(2024, 6, 1), status)
    assert not result.study_slipping and result.study_flag == ""
    assert result.reasons == []
    assert set(result.phase_flags.values()) == set(result.case_flags.values()) == {""}
    assert result.phase_notes == {"p0": "ferdig 20 dager etter planen"}


@pytest.mark.parametrize(
    "planned_end, actual_end, text",
    [
        (date(2022, 12, 31), date(2022, 12, 31), "ferdig i tide"),
        (date(2022, 12, 31), date(2022, 12, 15), "ferdig i tide"),
        (date(2022, 12, 31), date(2023, 1, 1), "ferdig en dag etter planen"),
        (date(2022, 12, 31), date(2023, 1, 12), "ferdig 12 dager etter planen"),
        (date(2022, 12, 31), date(2023, 1, 27), "ferdig 27 dager etter planen"),
        (date(2023, 2, 28), date(2023, 3, 28), "ferdig en måned etter planen"),
        (date(2022, 12, 31), date(2023, 1, 31), "ferdig en måned etter planen"),
        (date(2023, 3, 31), date(2023, 4, 30), "ferdig en måned etter planen"),
        (date(2024, 6, 30), date(2024, 8, 31), "ferdig 2 måneder etter planen"),
        (date(2023, 6, 30), date(2023, 9, 30), "ferdig 3 måneder etter planen"),
        (date(2022, 12, 31), date(2024, 2, 29), "ferdig 14 måneder etter planen"),
        (date(2022, 12, 31), date(2025, 1, 10), "ferdig 2 år etter planen"),
    ],
)
def test_what_happened_to_an_ended_phase_is_said_in_words(planned_end, actual_end, text):
    assert finished_text(planned_end, actual_end) == text


def test_a_postponed_case_says_so():
    postponed = replace(S1, outcome="postponed", decided_on=date(2023, 2, 8))
    result = flags([], [postponed], date(2023, 3, 1))
    assert result.reasons == ["Saken til Kommunestyret planlagt 08.02.2023 ble utsatt 08.02.2023."]


def test_a_study_on_track_has_no_reasons():
    assert flags([P1_ON_TIME, P2], [S1_ADOPTED], date(2023, 3, 1)).reasons == []


@pytest.mark.parametrize(
    "flag, label", [(SLIPPING, "forsinket"), (LATE, "forsinket"), (AT_RISK, "i fare"), ("", "")]
)
def test_every_flag_has_a_norwegian_label(flag, label):
    assert flag_label(flag) == label
