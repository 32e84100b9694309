"""The progress roll-up: pure, tested without a database."""

from decimal import Decimal

import pytest

from temaplan.actions.rollup import ActionProgress, rollup, rollup_by

NBSP = "\u00a0"


def act(key: str, status: str, progress: int | None, weight: str = "1") -> ActionProgress:
    return ActionProgress(key, f"Tiltak {key}", status, progress, Decimal(weight))


@pytest.mark.parametrize(
    "actions, percent, counted, unreported, cancelled, total_weight",
    [
        ([act("a", "in_progress", 40)], "40.0", ["a"], [], [], "1"),
        (
            [act("a", "in_progress", 20), act("b", "in_progress", 60)],
            "40.0",
            ["a", "b"],
            [],
            [],
            "2",
        ),
        # (50 × 3 + 10 × 1) / 4 = 40
        (
            [act("a", "in_progress", 50, "3"), act("b", "planned", 10, "1")],
            "40.0",
            ["a", "b"],
            [],
            [],
            "4",
        ),
        ([act("a", "in_progress", 80), act("c", "cancelled", None)], "80.0", ["a"], [], ["c"], "1"),
        # A cancelled action is left out even with progress reported.
        ([act("a", "in_progress", 80), act("c", "cancelled", 10)], "80.0", ["a"], [], ["c"], "1"),
        # Not reported is not 0 %: 60, not 30.
        (
            [act("a", "in_progress", 60), act("u", "in_progress", None)],
            "60.0",
            ["a"],
            ["u"],
            [],
            "1",
        ),
        ([act("u", "planned", None), act("v", "delayed", None)], None, [], ["u", "v"], [], "0"),
        (
            [act("a", "in_progress", 50, "0"), act("b", "in_progress", 70, "0")],
            None,
            ["a", "b"],
            [],
            [],
            "0",
        ),
        # A zero-weight action is shown but does not move the figure.
        (
            [act("z", "done", 100, "0"), act("b", "in_progress", 50, "2")],
            "50.0",
            ["z", "b"],
            [],
            [],
            "2",
        ),
        # Done without progress counts as 100 %.
        ([act("d", "done", None), act("p", "planned", 0)], "50.0", ["d", "p"], [], [], "2"),
        # Done with progress reported counts as reported.
        ([act("d", "done", 80)], "80.0", ["d"], [], [], "1"),
        ([act("x", "delayed", 30), act("y", "in_progress", 90)], "60.0", ["x", "y"], [], [], "2"),
        # 31 / 3 = 10.333… → 10.3
        (
            [act("a", "planned", 10), act("b", "planned", 10), act("c", "planned", 11)],
            "10.3",
            ["a", "b", "c"],
            [],
            [],
            "3",
        ),
        # 1 / 4 = 0.25 → 0.3 (half up, not to even)
        (
            [act("a", "planned", 0, "3"), act("b", "planned", 1, "1")],
            "0.3",
            ["a", "b"],
            [],
            [],
            "4",
        ),
        (
            [act("a", "in_progress", 50, "1.5"), act("b", "in_progress", 100, "0.5")],
            "62.5",
            ["a", "b"],
            [],
            [],
            "2.0",
        ),
        ([], None, [], [], [], "0"),
        (
            [
                act("a", "in_progress", 40, "2"),
                act("u", "planned", None),
                act("c", "cancelled", 100, "5"),
                act("d", "done", None),
            ],
            "60.0",
            ["a", "d"],
            ["u"],
            ["c"],
            "3",
        ),
    ],
    ids=[
        "single",
        "equal weights",
        "weights",
        "cancelled left out",
        "cancelled with progress left out",
        "unreported apart, not zero",
        "nothing reported",
        "all weights zero",
        "zero-weight action with progress",
        "done without progress is 100",
        "done with progress as reported",
        "delayed counts",
        "rounding a third",
        "rounding half up",
        "fractional weights",
        "no actions",
        "mixed",
    ],
)
def test_the_figure_is_a_weighted_mean_of_reported_progress(
    actions, percent, counted, unreported, cancelled, total_weight
):
    result = rollup(actions)
    assert result.percent == (None if percent is None else Decimal(percent))
    assert [c.action.key for c in result.counted] == counted
    assert [a.key for a in result.unreported] == unreported
    assert [a.key for a in result.cancelled] == cancelled
    assert result.total_weight == Decimal(total_weight)


def test_each_counted_action_carries_its_weight_share_and_contribution():
    result = rollup([act("a", "in_progress", 50, "3"), act("b", "done", None, "1")])
    rows = [(c.weight, c.share, c.progress, c.contribution, c.assumed_done) for c in result.counted]
    assert rows == [
        (Decimal(3), Decimal("75.0"), 50, Decimal("37.5"), False),
        (Decimal(1), Decimal("25.0"), 100, Decimal("25.0"), True),
    ]
    assert result.percent == Decimal("62.5")
    assert sum(c.contribution for c in result.counted) == result.percent


def test_shares_are_none_when_the_weights_add_up_to_zero():
    result = rollup([act("a", "in_progress", 50, "0")])
    assert [(c.share, c.contribution) for c in result.counted] == [(None, None)]


def test_the_explanation_gives_the_actual_numbers():
    # Eight counted, total weight 9: (2 × 50 + 100 + 100 + 50 + 30 + 20 + 10 + 4) / 9 = 46.
    progress = [100, 100, 50, 30, 20, 10, 4]
    actions = [act("w", "in_progress", 50, "2")]
    actions += [act(f"a{i}", "in_progress", p) for i, p in enumerate(progress)]
    actions += [act("u1", "planned", None), act("u2", "delayed", None)]
    actions += [act("c", "cancelled", None)]
    result = rollup(actions)
    assert result.explanation == (
        f"Samlet framdrift 46{NBSP}% er et vektet snitt av 8 tiltak med rapportert framdrift "
        "(vekt i alt 9). 2 tiltak uten rapportert framdrift og 1 avlyst tiltak er holdt utenfor."
    )


@pytest.mark.parametrize(
    "actions, explanation",
    [
        ([], "Det er ingen tiltak å beregne framdrift for."),
        (
            [act("a", "in_progress", 45, "1.5"), act("b", "in_progress", 46, "0.5")],
            f"Samlet framdrift 45,3{NBSP}% er et vektet snitt av 2 tiltak med rapportert "
            "framdrift (vekt i alt 2).",
        ),
        (
            [act("d", "done", None), act("e", "done", None), act("c1", "cancelled", 5)]
            + [act("c2", "cancelled", None)],
            f"Samlet framdrift 100{NBSP}% er et vektet snitt av 2 tiltak med rapportert "
            f"framdrift (vekt i alt 2). 2 ferdige tiltak uten rapportert framdrift teller som "
            f"100{NBSP}%. 2 avlyste tiltak er holdt utenfor.",
        ),
        (
            [act("z", "in_progress", 10, "0"), act("a", "in_progress", 20)],
            f"Samlet framdrift 20{NBSP}% er et vektet snitt av 2 tiltak med rapportert "
            "framdrift (vekt i alt 1). 1 tiltak har vekt 0 og påvirker ikke tallet.",
        ),
        (
            [act("u", "planned", None)],
            "Samlet framdrift kan ikke beregnes: ingen tiltak har rapportert framdrift. "
            "1 tiltak uten rapportert framdrift er holdt utenfor.",
        ),
        (
            [act("z", "in_progress", 10, "0")],
            "Samlet framdrift kan ikke beregnes: tiltakene med rapportert framdrift har vekt 0 "
            "i alt.",
        ),
    ],
    ids=["empty", "decimals", "done and cancelled", "zero weight", "none reported", "weight 0"],
)
def test_the_explanation_covers_every_case(actions, explanation):
    assert rollup(actions).explanation == explanation


def test_rollup_by_keeps_the_groups_and_their_order():
    groups = {
        "2. Gründerskap": [act("a", "in_progress", 20)],
        "1. Eksisterende næringer": [act("b", "in_progress", 80), act("c", "cancelled", None)],
        "3. Landbruk": [],
    }
    result = rollup_by(groups)
    assert list(result) == list(groups)
    assert [r.percent for r in result.values()] == [Decimal("20.0"), Decimal("80.0"), None]


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"status": "unknown", "progress": 1, "weight": Decimal(1)}, "ukjent status"),
        ({"status": "planned", "progress": 101, "weight": Decimal(1)}, "mellom 0 og 100"),
        ({"status": "planned", "progress": 1, "weight": Decimal(-1)}, "negativ"),
    ],
)
def test_bad_input_is_refused_naming_the_action(kwargs, message):
    with pytest.raises(ValueError, match=message) as error:
        ActionProgress(key="t-7", title="Tiltak", **kwargs)
    assert "«t-7»" in str(error.value)
