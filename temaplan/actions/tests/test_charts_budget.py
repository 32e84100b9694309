"""The budget chart: a spec built without Django, rendered once to SVG."""

from decimal import Decimal

from temaplan.actions.budget import Allocation, Frame, budget_years
from temaplan.actions.budget_chart import budget_spec


def budget():
    m = Decimal(1_000_000)
    frames = [
        Frame(2022, "decided", Decimal("9.6") * m, Decimal(2)),
        Frame(2023, "decided", Decimal("9.6") * m),
        Frame(2023, "proposed", Decimal("10.6") * m),
        Frame(2024, "proposed", Decimal("10.6") * m),
    ]
    allocations = [
        Allocation(2022, "Tiltak", Decimal(9) * m, Decimal("8.5") * m, "action"),
        Allocation(2023, "Avtaler", Decimal("10.2") * m, Decimal(3) * m, "agreement"),
    ]
    return budget_years(frames, allocations)


def test_the_budget_chart_keeps_proposals_apart_in_millions():
    spec = budget_spec(budget())
    rows = [
        (v["year"], v["series"], v["value"], v["text"], v["proposal"])
        for v in spec["data"]["values"]
    ]
    assert rows == [
        ("2022", "Vedtatt ramme", 9.6, "9,6", False),
        ("2022", "Tildelt", 9.0, "9,0", False),
        ("2022", "Brukt", 8.5, "8,5", False),
        ("2023", "Vedtatt ramme", 9.6, "9,6", False),
        ("2023", "Forslag (ikke vedtatt)", 10.6, "10,6", True),
        ("2023", "Tildelt", 10.2, "10,2", False),
        ("2023", "Brukt", 3.0, "3,0", False),
        ("2024", "Forslag (ikke vedtatt)", 10.6, "10,6", True),
    ]
    assert spec["layer"][0]["encoding"]["y"]["axis"]["title"] == "mill. kr"


def test_the_budget_chart_renders_with_its_labels(settings):
    from temaplan.core.charts import render_svg

    svg = render_svg(budget_spec(budget()), title_id="budget")
    for text in ["mill. kr", "Vedtatt ramme", "Forslag (ikke vedtatt)", "Tildelt", "Brukt", "10,6"]:
        assert text in svg
