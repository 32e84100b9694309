"""Loading Asker's Kommune-NM editions, peers and the indicators they feed (idempotent)."""

from __future__ import annotations

from temaplan.benchmark.feed import kommune_nm_feed
from temaplan.benchmark.models import Edition, Peer, Ranking, Theme, ThemeRank
from temaplan.plans.models import Plan

from . import asker_kommune_nm as data
from .load_indicators import RECORDED
from .upsert import upsert


def asker_kommune_nm_load(plan: Plan) -> None:
    municipality = plan.municipality
    owned = {"municipality": municipality}
    editions, themes = {}, {}
    for row in data.EDITIONS:
        edition = upsert(
            Edition,
            {**owned, "year": row.year},
            {
                "data_year": row.data_year,
                "published_on": row.published_on,
                "municipalities_ranked": row.municipalities_ranked,
                "source": row.source,
                "note": row.note,
            },
        )
        editions[row.year] = edition
        if row.themes:
            themes[row.year] = [
                upsert(
                    Theme,
                    {**owned, "edition": edition, "key": key},
                    {"name": name, "position": position},
                )
                for position, (key, name, _parameters) in enumerate(data.THEMES)
            ]
    for rank in data.RANKS:
        ranking = upsert(
            Ranking,
            {
                **owned,
                "edition": editions[rank.edition],
                "data_year": rank.data_year,
                "code": rank.code,
            },
            {"name": rank.name, "rank": rank.rank},
        )
        for theme, theme_rank in zip(themes.get(rank.edition, ()), rank.themes, strict=False):
            upsert(ThemeRank, {**owned, "ranking": ranking, "theme": theme}, {"rank": theme_rank})
    for position, (code, name) in enumerate(data.PEERS):
        upsert(Peer, {**owned, "plan": plan, "code": code}, {"name": name, "position": position})
    kommune_nm_feed(municipality=municipality, now=RECORDED)
