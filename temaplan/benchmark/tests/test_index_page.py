"""The page of Temaplans egen indeks in the browser: personas, the empty state of a store
without SSB figures, and, from the shared SSB data synced through the fake server, the rank
with its interval, the split of the change, what moves the rank, the county and peer views,
the chart with its table, the year chooser, the cache and the query count."""

from __future__ import annotations

import copy
import re
from html.parser import HTMLParser

import numpy as np
import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from temaplan.benchmark import index_cache
from temaplan.benchmark.index import DEFAULT_SPEC
from temaplan.benchmark.index_cache import NOTHING_STORED, TOO_FEW, stored_index
from temaplan.benchmark.index_data import index_compute, index_series_fetch, index_series_store
from temaplan.benchmark.index_intervals import rank_intervals
from temaplan.benchmark.index_moves import rank_change, ranks_within
from temaplan.benchmark.index_page import places
from temaplan.benchmark.index_views import UNKNOWN_METHOD, UNKNOWN_YEAR
from temaplan.benchmark.models import Peer
from temaplan.benchmark.tests.test_index_data import _FETCHED, TODAY
from temaplan.statistics.models import SeriesValue
from temaplan.statistics.store import series_store
from temaplan.testing.database import stored_rows
from temaplan.testing.personas import Endpoint, persona_tests, url_names, url_of

ASKER = "3203"
YEARS = range(2018, 2023)  # what the shared data has for every parameter

INDEX_ENDPOINTS = [Endpoint("index", "get", False, url_of("benchmark:index"))]

(
    test_anonymous_visitors_are_sent_to_login,
    test_the_editor_of_another_municipality_gets_404,
    test_the_read_only_member_changes_nothing,
    test_the_editor_may_do_everything,
) = persona_tests(INDEX_ENDPOINTS, stored_rows)


@pytest.fixture
def synced(db, pxweb_client, klass_client):
    """The index's series for all 357 municipalities, stored in this test's transaction; the
    fetch through the fake SSB server is made once and shared with test_index_data.py."""
    if "fetched" not in _FETCHED:
        _FETCHED["fetched"] = index_series_fetch(
            today=TODAY, pxweb=pxweb_client, klass=klass_client
        )
    return index_series_store(copy.deepcopy(_FETCHED["fetched"]))


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def page(client, plan, **query) -> str:
    response = client.get(reverse("benchmark:index", args=[plan.pk]), query)
    assert response.status_code == 200
    return response.content.decode()


def text_of(html: str) -> str:
    """The page's text, tags and the chart left out, spaces folded."""
    html = re.sub(r"<svg.*?</svg>", " ", html, flags=re.S)
    return re.sub(r"[ \t\n]+", " ", re.sub(r"<[^>]+>", " ", html)).replace("&#x27;", "'")


def test_the_table_covers_every_index_page():
    assert {e.name for e in INDEX_ENDPOINTS} == {
        name for name in url_names("benchmark") if name.startswith("index")
    }


def test_without_ssb_figures_the_page_says_what_to_run(reader, asker_plan):
    html = page(reader, asker_plan)
    text = text_of(html)
    assert NOTHING_STORED in text
    assert "temaplan index --sync --year" in text
    assert "ikke NHOs Kommune-NM" in text and "dokumentasjon om indeksen" in text
    # The method summary is there without figures too, from the index's definition.
    assert (
        "7 parametere fra SSBs tabeller 03321, 07459, 11618 i 3 temaer: "
        "Demografi, Arbeidsmarked, Næringsliv." in text
    )
    assert "<form" not in html.split('id="main"')[1].split("</main>")[0]


class Tables(HTMLParser):
    """Every table's caption and whether each header cell has a scope."""

    def __init__(self):
        super().__init__()
        self.captions, self.unscoped, self._in_caption = [], 0, False

    def handle_starttag(self, tag, attrs):
        if tag == "th" and "scope" not in dict(attrs):
            self.unscoped += 1
        if tag == "caption":
            self._in_caption = True
            self.captions.append("")

    def handle_endtag(self, tag):
        if tag == "caption":
            self._in_caption = False

    def handle_data(self, data):
        if self._in_caption:
            self.captions[-1] += data


def test_the_page_shows_askers_rank_interval_change_and_what_moves_it(synced, reader, asker_plan):
    html = page(reader, asker_plan)
    text = text_of(html)
    result = index_compute(years=YEARS)
    low, rank, high = rank_intervals(result, 2022).of(ASKER)
    assert "Temaplans egen indeks 2022 (ikke NHOs Kommune-NM)" in text
    assert f"{rank}. plass av 357 kommuner" in text
    assert f"(5–95 %-intervall: {low}.–{high}. plass over 1\u00a0000 trekk" in text
    split = rank_change(result, ASKER, 2021, 2022)
    assert f"Egen utvikling {places(split.own)}" in text
    assert f"De andres utvikling {places(split.others)}" in text
    c = result.panel.code_at(ASKER)
    for t, theme in enumerate(DEFAULT_SPEC.themes):
        assert f"{theme.name} {result.theme_ranks[c, -1, t]}. 357" in text
    for parameter in DEFAULT_SPEC.parameters:
        assert parameter.name in text
    assert "prosentpoeng" in text
    # The county of today and the demo's five peers, each with intervals.
    county = ranks_within(result, [c for c in result.panel.codes if c[:2] == "32"], 2022)
    assert f"I Akershus Plasseringen blant de {len(county)} kommunene" in text
    assert f"Asker (planens kommune) {county[ASKER]}." in text
    for name in ["Bærum", "Kongsberg", "Ullensaker", "Lier", "Ås"]:
        assert name in text
    # The chart with its text alternative, and the same as a table; every table captioned.
    assert re.search(r'<svg role="img" aria-labelledby="index-chart-title"', html)
    assert "Vis som tabell" in text
    tables = Tables()
    tables.feed(html)
    assert tables.unscoped == 0
    assert html.count("<table") == len(tables.captions) >= 5
    assert "Plassering i fylket" in tables.captions


def test_the_year_and_the_normalisation_can_be_chosen_and_bad_choices_are_named(
    synced, editor, asker_plan
):
    html = page(editor, asker_plan, year="2019", method="minmax")
    assert '<option value="2019" selected>' in html
    assert '<option value="minmax" selected>' in html
    assert "Temaplans egen indeks 2019" in text_of(html)
    assert "normaliseres (min–maks) over alle kommuner og årene 2018–2019" in text_of(html)
    text = text_of(page(editor, asker_plan, year="2017", method="<script>"))
    assert UNKNOWN_YEAR.format(value="2017", year=2022) in text
    assert (
        UNKNOWN_METHOD.format(value="<script>", method="z-skår")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        in text
    )
    assert "Temaplans egen indeks 2022" in text
    assert [o for o in re.findall(r'<option value="(\d{4})"', html)] == [str(y) for y in YEARS]


def test_a_peer_that_is_no_municipality_today_is_named(synced, reader, asker_plan):
    Peer.objects.create(
        plan=asker_plan, municipality=asker_plan.municipality, code="0220", name="Gamle Asker"
    )
    text = text_of(page(reader, asker_plan))
    assert "Ikke en kommune i dag, så ikke med i indeksen: Gamle Asker (0220)." in text


def test_the_query_count_does_not_grow_with_the_number_of_peers(synced, editor, asker_plan):
    url = reverse("benchmark:index", args=[asker_plan.pk])
    editor.get(url)  # fills the cache

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert editor.get(url).status_code == 200
        return len(captured)

    with_five = queries()
    Peer.objects.filter(plan=asker_plan).exclude(code="3201").delete()
    assert queries() == with_five


def test_the_index_is_computed_once_and_again_after_a_new_sync(synced, monkeypatch):
    reads, computed = [], []
    read, compute = index_cache.index_panel, index_cache.compute_index
    monkeypatch.setattr(index_cache, "index_panel", lambda **kw: reads.append(1) or read(**kw))
    monkeypatch.setattr(
        index_cache, "compute_index", lambda *a, **kw: computed.append(1) or compute(*a, **kw)
    )
    first = stored_index()
    assert stored_index().key == first.key and len(reads) == 1
    ranks = index_cache.index_year(first, 2022, "z").result.ranks
    assert (index_cache.index_year(first, 2022, "z").result.ranks == ranks).all()
    assert len(computed) == 1
    # SSB revises Asker's population of 1 January 2022 (stored under 3025, its number then).
    row = SeriesValue.objects.get(
        table="07459", content="Personer1", region="3025", region2="", year=2022
    )
    series_store(
        table=row.table,
        content=row.content,
        cells=[(row.region, row.region2, row.year, row.value + 5000, "")],
        vintage="revidert",
    )
    second = stored_index()
    assert second.key != first.key and len(reads) == 2
    at = second.panel.code_at(ASKER), second.panel.year_at(2022), 0
    assert second.panel.values[at] > first.panel.values[at]  # population growth
    index_cache.index_year(second, 2022, "z")
    assert len(computed) == 2


def only(keep):
    """A replacement for index_panel that blanks what `keep(panel)` does not keep."""
    read = index_cache.index_panel

    def blanked(**kw):
        panel = read(**kw)
        values = panel.values.copy()
        values[~keep(panel)] = np.nan
        return type(panel)(panel.codes, panel.years, panel.parameters, values)

    return blanked


def no_job_growth(panel):
    keep = np.ones(panel.values.shape, dtype=bool)
    keep[:, :, panel.parameters.index("job_growth")] = False
    return keep


def six_municipalities(panel):
    keep = np.zeros(panel.values.shape, dtype=bool)
    keep[[panel.code_at(c) for c in ["3203", "3201", "3303", "3209", "3312", "3218"]]] = True
    return keep


@pytest.mark.parametrize(
    ("keep", "messages"),
    [
        (
            no_job_growth,
            [
                "Temaplan har ikke tall for alle indeksens parametere for noe år ennå.",
                # The newest year the store has (2023: only the population so far) is named.
                "For 2023 mangler «Sysselsettingsandel blant bosatte 15–74 år»",
                "«Vekst i arbeidsplasser siste år»",
            ],
        ),
        (
            six_municipalities,
            [TOO_FEW.format(count=6, total=357, year=2022)],
        ),
    ],
)
def test_a_store_without_a_year_for_the_whole_country_says_what_is_missing(
    synced, reader, asker_plan, monkeypatch, keep, messages
):
    monkeypatch.setattr(index_cache, "index_panel", only(keep))
    text = text_of(page(reader, asker_plan))
    for message in messages:
        assert message in text
    assert "temaplan index --sync --year" in text


def test_whatever_is_typed_into_the_year_chooser_answers_with_the_page(synced, editor, asker_plan):
    # The fuzz test of every form (web/tests/test_forms_fuzz.py) sees this page without SSB
    # figures, so without its form; here the form is there.
    url = reverse("benchmark:index", args=[asker_plan.pk])
    before = stored_rows()
    for typed in ["", " ", "\x00", "2022 ", "−5", "1e309", "9" * 40, "<script>", "x" * 5000]:
        response = editor.get(url, {"year": typed, "method": typed})
        assert response.status_code == 200, typed
    assert editor.get(url, {"year": ["2019", "2020"]}).status_code == 200
    assert stored_rows() == before
