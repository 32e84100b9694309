"""The result evaluation's sentences on focus areas, Kommune-NM and the budget
(reports/evaluation.py), table-driven over small hand-made documents. No database."""

import pytest

from temaplan.reports.evaluation import BUDGET, FOCUS_AREA, KOMMUNE_NM, OWN_INDEX, generate

from .evaluation_documents import (
    NBSP,
    action_plan,
    budget_year,
    document,
    focus_area,
    kommune_nm,
    own_index,
    standing,
)


def texts(doc, section) -> dict[str, str]:
    return {
        s["key"]: s["text"].replace(NBSP, " ") for s in generate(doc) if s["section"] == section
    }


# --- Focus areas, Kommune-NM and the budget ---------------------------------------------------


@pytest.mark.parametrize(
    "area, period, expected",
    [
        (
            focus_area(),
            "2022/23",
            "Innsatsområde 3 Landbruk: 2 av 5 tiltak i perioden 2022/23 er gjennomført, 1 er "
            "forsinket og 1 er avlyst (samlet framdrift 42,0 %).",
        ),
        (
            focus_area(late=0, cancelled=0, percent=None, shown="–"),
            "",
            "Innsatsområde 3 Landbruk: 2 av 5 tiltak er gjennomført og ingen er forsinket.",
        ),
        (
            focus_area(late=3, cancelled=0),
            "2022/23",
            "Innsatsområde 3 Landbruk: 2 av 5 tiltak i perioden 2022/23 er gjennomført og 3 er "
            "forsinket (samlet framdrift 42,0 %).",
        ),
        (
            focus_area(actions=0, done=0, late=0, cancelled=0),
            "2022/23",
            "Innsatsområde 3 Landbruk har ingen tiltak i perioden 2022/23.",
        ),
    ],
)
def test_each_focus_area_counts_its_actions_done_late_and_cancelled(area, period, expected):
    doc = document(action_plan=action_plan(period=period, focus_areas=[area]))
    assert texts(doc, FOCUS_AREA) == {"3": expected}


@pytest.mark.parametrize(
    "nm, expected",
    [
        pytest.param(
            kommune_nm(),
            {
                "plassering": "I NHOs Kommune-NM 2021 (tall for 2020) er Asker nr. 11 av 356 "
                "kommuner, opp fra nr. 13 året før.",
                "fylke": "I fylket er Asker 4. av de 6 kommunene i Viken vi har tall for, mot 6. "
                "av de 6 kommunene i Viken vi har tall for året før.",
            },
            id="up, with the county",
        ),
        pytest.param(
            kommune_nm(own=standing(rank=14, county="", previous_county="")),
            {
                "plassering": "I NHOs Kommune-NM 2021 (tall for 2020) er Asker nr. 14 av 356 "
                "kommuner, ned fra nr. 13 året før."
            },
            id="down, no county",
        ),
        pytest.param(
            kommune_nm(own=standing(previous_rank=11, previous_county="")),
            {
                "plassering": "I NHOs Kommune-NM 2021 (tall for 2020) er Asker nr. 11 av 356 "
                "kommuner, samme plass som året før.",
                "fylke": "I fylket er Asker 4. av de 6 kommunene i Viken vi har tall for.",
            },
            id="the same place",
        ),
        pytest.param(
            kommune_nm(own=None, index=own_index()),
            {
                "egen_indeks": "Etter Temaplans egen indeks (Temaplans egen beregning, ikke NHOs "
                "Kommune-NM) er kommunen nr. 9 av 356 for 2020; med usikkerheten regnet inn "
                "ligger plassen mellom nr. 7 og nr. 12."
            },
            id="only the own index",
        ),
    ],
)
def test_kommune_nm_gives_the_rank_its_movement_and_the_county(nm, expected):
    assert texts(document(kommune_nm=nm), KOMMUNE_NM) == expected


def test_the_own_index_is_always_named_as_temaplans_own():
    found = texts(document(kommune_nm=kommune_nm(index=own_index())), KOMMUNE_NM)
    assert OWN_INDEX in found["egen_indeks"] and "ikke NHOs" in found["egen_indeks"]


def test_no_kommune_nm_gives_no_kommune_nm_sentences():
    assert texts(document(kommune_nm=None), KOMMUNE_NM) == {}


@pytest.mark.parametrize(
    "entry, expected",
    [
        pytest.param(
            budget_year(),
            "Den vedtatte budsjettrammen for 2022 er 9,6 mill. kr, medregnet 2 årsverk "
            "(kommunestyret 15.12.2021); økonomiplanen foreslår 10,6 mill. kr, en økning på "
            "1,0 mill. kr. Fordelt er 8,2 mill. kr, og brukt er 3,1 mill. kr.",
            id="decided, proposed up",
        ),
        pytest.param(
            budget_year(
                proposed="9100000",
                proposed_shown=f"9,1{NBSP}mill.{NBSP}kr",
                fte=None,
                decision="",
                warning="Mer er fordelt enn rammen",
            ),
            "Den vedtatte budsjettrammen for 2022 er 9,6 mill. kr; økonomiplanen foreslår "
            "9,1 mill. kr, en reduksjon på 0,5 mill. kr. Fordelt er 8,2 mill. kr, og brukt er "
            "3,1 mill. kr. Mer er fordelt enn rammen.",
            id="proposed down, a warning",
        ),
        pytest.param(
            budget_year(decided=None, decided_shown="–", proposed=None, proposed_shown="–"),
            "Det er ingen vedtatt budsjettramme for 2022. Fordelt er 8,2 mill. kr, og brukt er "
            "3,1 mill. kr.",
            id="no frame",
        ),
        pytest.param(
            budget_year(proposed="9600000", proposed_shown=f"9,6{NBSP}mill.{NBSP}kr", fte="1.5"),
            "Den vedtatte budsjettrammen for 2022 er 9,6 mill. kr, medregnet 1,5 årsverk "
            "(kommunestyret 15.12.2021); økonomiplanen foreslår 9,6 mill. kr. Fordelt er "
            "8,2 mill. kr, og brukt er 3,1 mill. kr.",
            id="proposed unchanged",
        ),
    ],
)
def test_the_budget_gives_the_frame_the_proposed_change_allocated_and_spent(entry, expected):
    assert texts(document(budget=[entry]), BUDGET) == {"2022": expected}
