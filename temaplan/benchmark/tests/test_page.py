"""The benchmarking page from the demo: the slide's table, the charts, the county series and
the story; the edition chooser; the empty state; the code history; and a query count that does
not grow with the number of editions or peers."""

import re
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from temaplan.benchmark.codes import NO_HISTORY_FOR_TODAY
from temaplan.benchmark.models import Edition, Peer, Ranking, Theme, ThemeRank
from temaplan.benchmark.page_forms import CHOOSE_EDITION
from temaplan.benchmark.tests.test_county_editions import stored_code_history  # noqa: F401

NBSP = "\u00a0"


def page(client, plan, **params):
    response = client.get(reverse("benchmark:page", args=[plan.pk]), params)
    assert response.status_code == 200
    return response.content.decode()


def text_of(html: str) -> str:
    html = re.sub(r"<svg.*?</svg>", " ", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", html).replace("&#x27;", "'").split())


def table_row(html: str, name: str) -> str:
    body = html.split('<table class="benchmark">')[1].split("</table>")[0]
    rows = [text_of(r) for r in re.split(r"<tr[^>]*>", body)[1:]]
    return next(r for r in rows if r.startswith(name))


# --- What the demo must show ---------------------------------------------------------------


def test_asker_is_4th_of_the_six_in_viken_in_the_2021_edition(reader, asker_plan):
    html = page(reader, asker_plan)
    assert "4. av de 6 kommunene i Viken vi har tall for" in table_row(html, "Asker")


def test_asker_is_6th_of_the_six_in_viken_in_the_2020_edition(reader, asker_plan):
    html = page(reader, asker_plan, utgave="2020")
    assert "6. av de 6 kommunene i Viken vi har tall for" in table_row(html, "Asker")
    assert "Kommune-NM 2020 (2019-tall)" in text_of(html)


def test_the_story_says_asker_moved_from_6th_to_4th_lier_is_the_rival_and_demografi_weakest(
    reader, asker_plan
):
    story = text_of(page(reader, asker_plan).split('id="story"')[1])
    assert "Asker rykket opp fra 6. til 4. plass i Viken" in story
    assert "blant de 6 kommunene vi har tall for" in story
    assert "Lier er nærmeste konkurrent om 3. plassen" in story
    assert "Demografi er det svakeste temaet (98. plass)." in story


def test_the_table_is_the_slide_s_rank_with_last_year_in_brackets_and_the_themes(
    reader, asker_plan
):
    html = page(reader, asker_plan)
    assert table_row(html, "Asker").startswith("Asker 11 (13) 6 56 98 54 11")
    assert table_row(html, "Bærum").startswith("Bærum 1 (3) 1 5 89 3 2")
    assert table_row(html, "Lier").startswith("Lier 10 (10) 3 45 45 167 20")


def test_both_charts_have_their_text_and_a_table(reader, asker_plan):
    html = page(reader, asker_plan)
    assert html.count("<svg ") == 2
    assert 'aria-labelledby="series-title"' in html and 'aria-labelledby="profile-title"' in html
    assert "Asker: 12 (2018), 12 (2019), 13 (2020), 11 (2021)" in html
    assert "Asker: Næringsliv 6, Arbeidsmarked 56, Demografi 98" in html
    assert html.count("Vis som tabell") == 2


def test_the_county_series_follows_asker_s_county_and_says_where_it_changed(reader, asker_plan):
    html = page(reader, asker_plan)
    county = text_of(html.split('id="county-h"')[1])
    assert "Akershus → Viken fra utgaven 2020" in county
    assert "2019 den eneste kommunen i Akershus vi har tall for" in county
    assert "2021 4. av de 6 kommunene i Viken vi har tall for" in county
    # Without the code history there is nothing to regroup on: said what to do.
    assert NO_HISTORY_FOR_TODAY in text_of(html)


def test_with_the_code_history_the_series_is_regrouped_on_today_s_counties(
    reader,
    asker_plan,
    stored_code_history,  # noqa: F811
):
    html = page(reader, asker_plan)
    today = text_of(html.split("Med dagens fylker")[1])
    assert NO_HISTORY_FOR_TODAY not in today
    # Bærum, Asker, Ullensaker and Ås are in Akershus today; Kongsberg and Lier in Buskerud.
    assert "2021 2. av de 4 kommunene i Akershus vi har tall for" in today
    assert "2020 4. av de 4 kommunene i Akershus vi har tall for" in today
    # The peers are found by today's numbers through the history.
    assert table_row(html, "Bærum").startswith("Bærum 1 (3)")


# --- The edition chooser and the empty state ------------------------------------------------


@pytest.mark.parametrize("asked", ["abc", "1999", "2021.5", "٣٢٠٣", "9" * 30])
def test_an_unknown_edition_is_said_so_and_the_newest_is_shown(reader, asker_plan, asked):
    html = page(reader, asker_plan, utgave=asked)
    assert str(CHOOSE_EDITION) in html
    assert "Kommune-NM 2021 (2020-tall)" in text_of(html)


def test_without_editions_the_page_says_what_to_do_next(outsider, baerum_plan):
    html = page(outsider, baerum_plan)
    text = text_of(html)
    assert "Det er ikke lagt inn noen utgaver av Kommune-NM for Bærum ennå." in text
    assert "Legg til sammenligningskommune" in text
    assert "<svg " not in html


# --- Queries --------------------------------------------------------------------------------


def more_editions_and_peers(plan, editions: int, peers: int) -> None:
    municipality = plan.municipality
    codes = Ranking.objects.filter(edition__municipality=municipality, edition__year=2021)
    rows = list(codes.filter(data_year=2020))
    for year in range(2022, 2022 + editions):
        edition = Edition.objects.create(
            municipality=municipality,
            year=year,
            data_year=year - 1,
            published_on=date(year, 6, 1),
            municipalities_ranked=356,
            source="Laget for testen",
        )
        theme = Theme.objects.create(
            municipality=municipality, edition=edition, key="demografi", name="Demografi"
        )
        for row in rows:
            ranking = Ranking.objects.create(
                municipality=municipality,
                edition=edition,
                data_year=year - 1,
                code=row.code,
                name=row.name,
                rank=row.rank,
            )
            ThemeRank.objects.create(
                municipality=municipality, ranking=ranking, theme=theme, rank=row.rank
            )
    for number in range(peers):
        Peer.objects.create(
            municipality=municipality,
            plan=plan,
            code=f"46{number:02d}",
            name=f"Kommune {number}",
            position=10 + number,
        )


def queries_of(client, plan) -> int:
    with CaptureQueriesContext(connection) as queries:
        page(client, plan)
    return len(queries)


def test_the_query_count_does_not_grow_with_editions_or_peers(editor, asker_plan):
    page(editor, asker_plan)  # the session and the caches warm
    before = queries_of(editor, asker_plan)
    more_editions_and_peers(asker_plan, editions=2, peers=4)
    after = queries_of(editor, asker_plan)
    assert after == before, (before, after)
    assert "Kommune-NM 2023" in page(editor, asker_plan)
