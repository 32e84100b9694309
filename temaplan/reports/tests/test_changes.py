"""What changed in the live data since the freeze, from two documents: pure, table-driven."""

import copy

import pytest

from temaplan.reports.changes import changes_since

SHARE = "Andelen sysselsatt i egen kommune"


def point(year, value, shown, target=""):
    return {"year": year, "value": value, "shown": shown, "target": target, "status": "green"}


def indicator(key="andel", name=SHARE, source="SSB", vintage="mai 2022", series=None):
    series = series or [point(2019, "41.4", "41,4 %"), point(2020, "41.7", "41,7 %")]
    return {
        "key": key,
        "name": name,
        "source": source,
        "vintage": vintage,
        "value": series[-1]["value"],
        "shown": series[-1]["shown"],
        "series": series,
    }


def action(key="a01", title="Campus Bærekraft", status="planned", label="planlagt"):
    return {"key": key, "title": title, "status": status, "status_label": label}


def budget_year(year=2022, decided="9600000", decided_shown="9,6 mill. kr", **more):
    entry = {
        "year": year,
        "decided": decided,
        "decided_shown": decided_shown,
        "proposed": None,
        "proposed_shown": "–",
        "allocated": "0",
        "allocated_shown": "0 kr",
        "spent": "0",
        "spent_shown": "0 kr",
    }
    return entry | more


def document(indicators=None, actions=None, budget=None):
    return {
        "meta": {"year": 2020},
        "indicators": [indicator()] if indicators is None else indicators,
        "action_plan": {"actions": [action()] if actions is None else actions},
        "budget": [budget_year()] if budget is None else budget,
    }


def revised(value, shown, vintage="SSB 2023-06-01", source="SSB"):
    return indicator(
        source=source,
        vintage=vintage,
        series=[point(2019, "41.4", "41,4 %"), point(2020, value, shown)],
    )


CASES = [
    ("nothing changed", document(), []),
    (
        "SSB revised the year's share",
        document(indicators=[revised("41.8", "41,8 %")]),
        [f"SSB har revidert «{SHARE}» for 2020 fra 41,7 % til 41,8 % (SSB 2023-06-01)."],
    ),
    (
        "an editor changed it by hand",
        document(indicators=[revised("41.8", "41,8 %", vintage="registrert av asker-redaktor")]),
        [
            f"Resultatet for 2020 av «{SHARE}» er endret fra 41,7 % til 41,8 % "
            "(registrert av asker-redaktor)."
        ],
    ),
    (
        "an own figure is changed, not revised",
        document(indicators=[revised("41.8", "41,8 %", source="egne data", vintage="")]),
        [f"Resultatet for 2020 av «{SHARE}» er endret fra 41,7 % til 41,8 %."],
    ),
    (
        "an earlier year was revised",
        document(
            indicators=[
                indicator(series=[point(2019, "41.5", "41,5 %"), point(2020, "41.7", "41,7 %")])
            ]
        ),
        [f"SSB har revidert «{SHARE}» for 2019 fra 41,4 % til 41,5 %."],
    ),
    (
        "a new result",
        document(
            indicators=[
                indicator(
                    series=[
                        point(2019, "41.4", "41,4 %"),
                        point(2020, "41.7", "41,7 %"),
                        point(2021, "42", "42 %"),
                    ]
                )
            ]
        ),
        [f"Nytt resultat for 2021 av «{SHARE}»: 42 %."],
    ),
    (
        "a result removed",
        document(
            indicators=[indicator(series=[point(2019, "41.4", "41,4 %"), point(2020, None, "–")])]
        ),
        [f"Resultatet for 2020 av «{SHARE}» (41,7 %) er fjernet."],
    ),
    (
        "a changed ambition",
        document(
            indicators=[
                indicator(
                    series=[
                        point(2019, "41.4", "41,4 %"),
                        point(2020, "41.7", "41,7 %", target="minst 42 %"),
                    ]
                )
            ]
        ),
        [],  # the frozen document had no ambition for 2020: nothing to compare it with
    ),
    (
        "a new indicator",
        document(indicators=[indicator(), indicator(key="ny", name="Ny indikator")]),
        ["Ny indikator siden låsingen: «Ny indikator»."],
    ),
    (
        "a removed indicator",
        document(indicators=[]),
        [f"Indikatoren «{SHARE}» er fjernet siden låsingen."],
    ),
    (
        "an action done",
        document(actions=[action(status="done", label="ferdig")]),
        ["Tiltaket «Campus Bærekraft» har endret status fra planlagt til ferdig."],
    ),
    (
        "an action added and one removed",
        document(actions=[action(key="a02", title="Invester i Asker")]),
        [
            "Nytt tiltak siden låsingen: «Invester i Asker».",
            "Tiltaket «Campus Bærekraft» er fjernet siden låsingen.",
        ],
    ),
    (
        "a larger frame",
        document(budget=[budget_year(decided="9700000", decided_shown="9,7 mill. kr")]),
        ["Vedtatt ramme for 2022 er endret fra 9,6 mill. kr til 9,7 mill. kr."],
    ),
    (
        "spending and a new year with a proposal",
        document(
            budget=[
                budget_year(spent="1350000", spent_shown="1,35 mill. kr"),
                budget_year(
                    year=2023,
                    decided=None,
                    decided_shown="–",
                    proposed="10600000",
                    proposed_shown="10,6 mill. kr",
                ),
            ]
        ),
        [
            "Brukt for 2022 er endret fra 0 kr til 1,35 mill. kr.",
            "Forslaget i økonomiplanen for 2023 er endret fra – til 10,6 mill. kr.",
        ],
    ),
]


@pytest.mark.parametrize("live, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_changes_since_the_freeze(live, expected):
    assert changes_since(document(), live) == expected


def test_a_changed_ambition_is_named_when_both_had_one():
    with_target = document(
        indicators=[indicator(series=[point(2020, "41.7", "41,7 %", target="minst 41,4 %")])]
    )
    live = copy.deepcopy(with_target)
    live["indicators"][0]["series"][0]["target"] = "minst 42 %"
    assert changes_since(with_target, live) == [
        f"Ambisjonen for 2020 av «{SHARE}» er endret fra «minst 41,4 %» til «minst 42 %»."
    ]


def test_what_follows_the_calendar_is_not_a_change():
    frozen, live = document(), document()
    frozen["meta"]["built_at"], live["meta"]["built_at"] = "2022-05-01", "2026-12-03"
    live["partners"] = [{"expiry_warning": "Avtalen utløp 31.12.2025."}]
    assert changes_since(frozen, live) == []
