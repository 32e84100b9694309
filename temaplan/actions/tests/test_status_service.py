"""The in-place status change writes a history line only when something changed."""

import pytest

from temaplan.actions.services import EditConflict, action_update_status

from .test_pages import an_action


@pytest.mark.parametrize(
    "change, lines_added",
    [
        ({}, 0),
        ({"comment": "   "}, 0),
        ({"comment": "Møte med næringsforeningen"}, 1),
        ({"progress": "other"}, 1),
        ({"status": "other"}, 1),
    ],
    ids=["nothing", "blank comment", "a comment", "progress", "status"],
)
def test_a_status_save_adds_a_history_line_only_when_something_changed(
    asker_plan, change, lines_added
):
    action = an_action(asker_plan)
    other_status = "done" if action.status != "done" else "in_progress"
    other_progress = 7 if action.progress != 7 else 8
    values = {
        "status": other_status if change.get("status") else action.status,
        "progress": other_progress if change.get("progress") else action.progress,
        "comment": change.get("comment", ""),
    }
    lines, version = action.status_changes.count(), action.version
    saved = action_update_status(action=action, expected_version=version, **values)
    assert action.status_changes.count() == lines + lines_added
    # An unchanged save does not bump the version, so nobody else gets a needless conflict.
    assert saved.version == version + (1 if lines_added else 0)


def test_an_unchanged_status_save_from_an_old_version_is_still_a_conflict(asker_plan):
    action = an_action(asker_plan)
    stale = action.version
    action = action_update_status(
        action=action,
        status=action.status,
        progress=action.progress,
        comment="Sjekket",
        expected_version=stale,
    )
    with pytest.raises(EditConflict):
        action_update_status(
            action=action, status=action.status, progress=action.progress, expected_version=stale
        )
