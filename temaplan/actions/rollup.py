"""Progress roll-up: one figure for many actions, computed so a reader can redo it by hand.

The figure is a weighted mean of reported progress:

    samlet framdrift = Σ(vekt × framdrift) / Σ(vekt)

over the actions that count. The rules, in the order they are applied:

- A cancelled action is left out (listed in `cancelled`), whatever its progress.
- An action with no reported progress is left out (listed in `unreported`); it is *not* counted
  as 0 %, because "not reported" and "not started" are different things.
- Exception: a done action with no reported progress counts as 100 % (it is finished; nobody
  needs to type 100 to say so). A done action *with* reported progress counts as reported.
- An action with weight 0 and reported progress is listed in `counted` with share 0 %: it is
  shown, but it does not move the figure.
- If nothing counts, or the counted weights add up to 0, there is no figure (`percent` is None).

The figure, each share and each contribution are rounded half up to one decimal, only at the
end; the shares therefore add up to 100 within rounding.

Pure: no Django here. Views build `ActionProgress` from `Action` rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from temaplan.core.formatting import number_as_stored, percent_as_stored

PLANNED, IN_PROGRESS, DONE, DELAYED, CANCELLED = (
    "planned",
    "in_progress",
    "done",
    "delayed",
    "cancelled",
)
STATUSES = (PLANNED, IN_PROGRESS, DONE, DELAYED, CANCELLED)
DONE_WITHOUT_PROGRESS = 100
ONE_DECIMAL = Decimal("0.1")
HUNDRED = Decimal(100)


def _round(value: Decimal) -> Decimal:
    return value.quantize(ONE_DECIMAL, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class ActionProgress:
    key: str
    title: str
    status: str
    progress: int | None
    weight: Decimal = Decimal(1)

    def __post_init__(self) -> None:
        if self.status not in STATUSES:
            raise ValueError(f"Tiltak «{self.key}»: ukjent status «{self.status}».")
        if self.progress is not None and not 0 <= self.progress <= 100:
            raise ValueError(f"Tiltak «{self.key}»: framdriften må være mellom 0 og 100 %.")
        if self.weight < 0:
            raise ValueError(f"Tiltak «{self.key}»: vekten kan ikke være negativ.")


@dataclass(frozen=True)
class CountedAction:
    """An action that counts in the figure, with what it brings to it."""

    action: ActionProgress
    progress: int  # the progress used: as reported, or 100 for a done action without one
    weight: Decimal
    share: Decimal | None  # percent of the total weight, one decimal; None if the total is 0
    contribution: Decimal | None  # percentage points it adds to the figure, one decimal
    assumed_done: bool = False  # True when progress is None and status is done (counted as 100)


@dataclass(frozen=True)
class Rollup:
    percent: Decimal | None  # one decimal; None when nothing counts or the weights add up to 0
    counted: list[CountedAction] = field(default_factory=list)
    unreported: list[ActionProgress] = field(default_factory=list)
    cancelled: list[ActionProgress] = field(default_factory=list)
    total_weight: Decimal = Decimal(0)  # the weights of the counted actions, added up
    explanation: str = ""


def _counted_progress(action: ActionProgress) -> int | None:
    if action.progress is not None:
        return action.progress
    if action.status == DONE:
        return DONE_WITHOUT_PROGRESS
    return None


def rollup(actions: Iterable[ActionProgress]) -> Rollup:
    """The weighted progress of `actions`, with the lists and the sentence that explain it."""
    reported: list[tuple[ActionProgress, int]] = []
    unreported: list[ActionProgress] = []
    cancelled: list[ActionProgress] = []
    for action in actions:
        if action.status == CANCELLED:
            cancelled.append(action)
            continue
        progress = _counted_progress(action)
        if progress is None:
            unreported.append(action)
        else:
            reported.append((action, progress))

    total_weight = sum((action.weight for action, _ in reported), Decimal(0))
    counted = []
    weighted_sum = Decimal(0)
    for action, progress in reported:
        weighted_sum += action.weight * progress
        share = contribution = None
        if total_weight > 0:
            share = _round(action.weight / total_weight * HUNDRED)
            contribution = _round(action.weight * progress / total_weight)
        counted.append(
            CountedAction(
                action=action,
                progress=progress,
                weight=action.weight,
                share=share,
                contribution=contribution,
                assumed_done=action.progress is None,
            )
        )
    percent = _round(weighted_sum / total_weight) if total_weight > 0 else None
    return Rollup(
        percent=percent,
        counted=counted,
        unreported=unreported,
        cancelled=cancelled,
        total_weight=total_weight,
        explanation=explain(percent, counted, unreported, cancelled, total_weight),
    )


def rollup_by(groups: Mapping[str, Iterable[ActionProgress]]) -> dict[str, Rollup]:
    """One roll-up per group (focus area, period …), in the groups' own order."""
    return {name: rollup(actions) for name, actions in groups.items()}


def explain(
    percent: Decimal | None,
    counted: list[CountedAction],
    unreported: list[ActionProgress],
    cancelled: list[ActionProgress],
    total_weight: Decimal,
) -> str:
    """«Samlet framdrift 46 % er et vektet snitt av 8 tiltak …» with the actual numbers."""
    if not (counted or unreported or cancelled):
        return "Det er ingen tiltak å beregne framdrift for."
    sentences = []
    if percent is not None:
        sentences.append(
            f"Samlet framdrift {percent_as_stored(percent)} er et vektet snitt av "
            f"{len(counted)} tiltak med rapportert framdrift "
            f"(vekt i alt {number_as_stored(total_weight)})."
        )
        assumed = sum(1 for c in counted if c.assumed_done)
        if assumed:
            sentences.append(
                f"{assumed} ferdig{'e' if assumed > 1 else ''} tiltak uten rapportert "
                "framdrift teller som 100\u00a0%."
            )
        weightless = sum(1 for c in counted if c.weight == 0)
        if weightless:
            sentences.append(f"{weightless} tiltak har vekt 0 og påvirker ikke tallet.")
    elif counted:
        sentences.append(
            "Samlet framdrift kan ikke beregnes: tiltakene med rapportert framdrift "
            "har vekt 0 i alt."
        )
    else:
        sentences.append(
            "Samlet framdrift kan ikke beregnes: ingen tiltak har rapportert framdrift."
        )
    left_out = []
    if unreported:
        left_out.append(f"{len(unreported)} tiltak uten rapportert framdrift")
    if cancelled:
        left_out.append(f"{len(cancelled)} avlyst{'e' if len(cancelled) > 1 else ''} tiltak")
    if left_out:
        sentences.append(f"{' og '.join(left_out)} er holdt utenfor.")
    return " ".join(sentences)
