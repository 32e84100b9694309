"""Where each formula input comes from in SSB's tables, and how it is read from the store.

A source names the table, the content code and the selection to fetch it with. The names are
what the project expects, not what SSB promises: the sync resolves each one against the table's
metadata (source_tables.py), keeping the configured content code when the table has it and
otherwise taking the one whose label has `content_label_words` (`a|b` either word, `-a` not
this word), and taking the region and time dimensions by SSB's roles `geo` and `time` when the
configured names are missing. What it resolved is recorded (models.ResolvedSource). `kind` says
how to harmonise it: "count" sums published regions to today's borders; "within" sums the
pairs of a home × work table that lie inside the same municipality; "row_total" sums, for each
home region, every work region of a home × work table (stored as region2 = ROW_TOTAL), and is
then harmonised like a count.

A `selection` fixes other dimensions to some of their values (07459 by `Alder`: the ages
20–39); the sync asks SSB for just those and sums over them, like over every dimension left
out. Such a series is stored under its own content key (`stored_content`: the content code
followed by the selection, `Personer1|Alder=range(020,039)`), so it never mixes with the same
content over every value (population over all ages is `Personer1`).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Source:
    name: str
    table: str
    content: str
    kind: str = "count"  # "count", "within" or "row_total"
    selection: dict[str, list[str] | str] = field(default_factory=dict)
    region_dimensions: tuple[str, ...] = ("Region",)
    search: str = ""  # find the table by this search when its number is not fixed
    content_label_words: tuple[str, ...] = ()  # else the content code whose label has these
    label: str = ""

    def stored_content(self, content: str) -> str:
        """The key the series is stored under: SSB's content code, with the selection if any."""
        if not self.selection:
            return content
        chosen = ";".join(
            f"{dimension}={items if isinstance(items, str) else ','.join(items)}"
            for dimension, items in sorted(self.selection.items())
        )
        return f"{content}|{chosen}"


def ages(first: int, last: int) -> str:
    """The selection of single ages `first`–`last` in 07459 (SSB's codes 000…104, 105+)."""
    return f"range({first:03d},{last:03d})"


SOURCES = {
    source.name: source
    for source in [
        Source(
            "population_1_january",
            "07459",
            "Personer1",
            content_label_words=("personer|befolkning",),
            label="Folkemengde 1. januar (07459)",
        ),
        Source(
            "population_20_39",
            "07459",
            "Personer1",
            selection={"Alder": ages(20, 39)},
            content_label_words=("personer|befolkning",),
            label="Folkemengde 1. januar, 20–39 år (07459)",
        ),
        Source(
            "population_20_66",
            "07459",
            "Personer1",
            selection={"Alder": ages(20, 66)},
            content_label_words=("personer|befolkning",),
            label="Folkemengde 1. januar, 20–66 år (07459)",
        ),
        Source(
            "jobs_by_workplace",
            "11618",
            "SysselsatteArbsted",
            content_label_words=("sysselsatte", "arbeidssted"),
            label="Sysselsatte 15–74 år etter arbeidssted (11618)",
        ),
        Source(
            "employed_residents",
            "11618",
            "SysselsatteBosted",
            content_label_words=("sysselsatte", "bosatt|bosted"),
            label="Sysselsatte 15–74 år etter bosted (11618)",
        ),
        Source(
            "population_15_74",
            "11618",
            "Befolkning15_74",
            content_label_words=("befolkning|personer", "-sysselsatte"),
            label="Befolkning 15–74 år (11618)",
        ),
        Source(
            "living_and_working_here",
            "03321",
            "Sysselsatte",
            content_label_words=("sysselsatte",),
            kind="within",
            region_dimensions=("Bokommuen", "ArbstedKomm"),
            label="Sysselsatte etter bo- og arbeidskommune (03321)",
        ),
        Source(
            "employed_residents_in_03321",
            "03321",
            "Sysselsatte",
            content_label_words=("sysselsatte",),
            kind="row_total",
            region_dimensions=("Bokommuen", "ArbstedKomm"),
            label="Sysselsatte etter bosted, summert over alle arbeidssteder (03321)",
        ),
        Source(
            "decares_converted",
            "",
            "",  # the content code is read from the table found
            search="omdisponering dyrka jord",
            content_label_words=("dyrka", "jord"),
            label="Omdisponert dyrka jord, dekar (KOSTRA)",
        ),
    ]
}


# Content labels in StatBank's CSV exports (and the project's extracts) → content codes.
CONTENT_ALIASES = {
    ("07459", "Persons"): "Personer1",
    ("07459", "Personer"): "Personer1",
    ("11618", "employed_by_workplace"): "SysselsatteArbsted",
    ("11618", "employed_by_residence"): "SysselsatteBosted",
    ("11618", "population_15_74_resident"): "Befolkning15_74",
    ("03321", "employed"): "Sysselsatte",
}
