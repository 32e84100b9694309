"""The report's charts: built from the document alone, with a Norwegian text alternative
that carries the figures, and the same spec for every file."""

from datetime import date
from decimal import Decimal

import pytest

from temaplan.reports.chart_images import svg
from temaplan.reports.report_charts import (
    document_charts,
    indicator_chart,
    matrix_chart,
    rank_chart,
    target_number,
    timeline_chart,
)

from .sample_document import sample_document


@pytest.mark.parametrize(
    ("target", "unit", "number"),
    [
        ("minst 41,4\u00a0%", "percent", Decimal("41.4")),
        ("12 eller bedre", "rank", Decimal(12)),
        ("over 50\u00a0%", "ratio", Decimal(50)),
        ("høyst 15\u00a0daa", "decares", Decimal(15)),
        ("under \u22125\u00a0%", "ratio", Decimal(-5)),
        ("minst 1\u00a0234", "count", Decimal(1234)),
        ("høyst 9,6\u00a0mill.\u00a0kr", "nok", Decimal(9_600_000)),
        ("mellom 10 og 20\u00a0daa", "decares", Decimal(10)),
        ("høyere enn året før", "percent", None),
        ("", "percent", None),
    ],
)
def test_the_number_in_an_ambitions_text(target, unit, number):
    assert target_number(target, unit) == number


def test_the_indicator_chart_draws_results_and_numeric_ambitions():
    share = sample_document()["indicators"][3]
    chart = indicator_chart(share)
    ambition, result = chart.spec["layer"]
    assert [p["value"] for p in result["data"]["values"]] == [41.9, 42.3, 41.4, 41.7]
    assert [p["year"] for p in ambition["data"]["values"]] == [2021, 2022, 2023, 2024]
    assert "Resultat: 2017 41,9\u00a0%, 2018 42,3\u00a0%, 2019 41,4\u00a0%, 2020 41,7\u00a0%" in (
        chart.alt
    )


def test_a_rank_chart_has_rank_one_on_top():
    rank = sample_document()["indicators"][0]
    assert indicator_chart(rank).spec["layer"][1]["encoding"]["y"]["scale"]["reverse"] is True
    chart = rank_chart(sample_document()["kommune_nm"])
    assert chart.spec["layer"][0]["encoding"]["y"]["scale"]["reverse"] is True
    assert chart.alt.endswith("Bærum 1 (3), Kongsberg 8 (6), Lier 10 (10), Asker 11 (13), "
                              "Ullensaker 12 (9), Ås 14 (12).")  # fmt: skip


def test_an_indicator_without_results_or_ambitions_has_no_chart():
    entry = sample_document()["indicators"][0]
    for point in entry["series"]:
        point["value"], point["target"] = None, ""
    assert indicator_chart(entry) is None


def test_the_timeline_marks_the_reports_date_not_today():
    chart = timeline_chart(sample_document()["studies"], on=date(2022, 5, 10))
    texts = [v.get("text") for layer in chart.spec["layer"] for v in layer["data"]["values"]]
    assert "Per 10.05.2022" in texts and "I dag" not in texts
    assert chart.alt.startswith("Tidslinje for 4 utredninger fra 01.03.2022 til 31.12.2025.")


def test_no_studies_no_timeline():
    assert timeline_chart([], on=date(2022, 5, 10)) is None


def test_the_matrix_places_the_focus_areas_and_its_alternative_says_where():
    chart = matrix_chart(sample_document()["plan"])
    values = chart.spec["data"]["values"]
    assert [v["label"] for v in values][:2] == [
        "1. Eksisterende næringer",
        "2. Gründerskap og innovasjonsmiljøer",
    ]
    assert values[-1]["label"] == "b) Arealer og arealbestemmelser"
    assert chart.alt.startswith("Matrise over planens 8 innsatsområder")
    assert "1. Eksisterende næringer: påvirkning 3, betydning 5, 7 strategier" in chart.alt
    assert "a) Infrastruktur og samferdsel: påvirkning 1, betydning 5" in chart.alt
    assert chart.alt.endswith("Plasseringen i matrisen er et eksempel, ikke vedtatt.")


def test_a_plan_without_focus_areas_or_premises_has_no_matrix():
    assert matrix_chart({"ambitions": ["Noe"], "focus_areas": [], "premises": []}) is None


def test_every_chart_of_the_sample_and_its_svg_carries_the_text_alternative():
    charts = document_charts(sample_document())
    assert len(charts) == 8
    drawn = svg(charts["kommune-nm"])
    assert drawn.startswith('<svg role="img" aria-label="Plassering i Kommune-NM 2021')
    assert "<title>Plassering i Kommune-NM 2021" in drawn
