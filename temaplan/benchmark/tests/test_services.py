"""The edition services: every check refused with its message on its field and nothing written,
restated years kept apart from first published ones, edit conflicts, and the Kommune-NM
indicators fed again after every write."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from temaplan.benchmark import edition_services, ranking_services
from temaplan.benchmark.codes import NO_SUCH_COUNTY, NOT_FOUR_DIGITS
from temaplan.benchmark.models import Edition, Ranking, Theme
from temaplan.benchmark.ranking_services import RankingData
from temaplan.core.versioning import EDIT_CONFLICT_MESSAGE, EditConflict
from temaplan.indicators.models import Indicator, KommuneNm, Observation
from temaplan.testing.database import stored_rows

ALL_THEMES = {
    "naeringsliv": 6,
    "arbeidsmarked": 56,
    "demografi": 98,
    "kompetanse": 54,
    "kommuneokonomi": 11,
}


@pytest.fixture
def asker(asker_plan):
    return asker_plan.municipality


@pytest.fixture
def edition(asker) -> Edition:
    return Edition.objects.get(municipality=asker, year=2021)


def messages_of(error: ValidationError) -> dict[str, list[str]]:
    return {field: [str(m) for m in errors] for field, errors in error.message_dict.items()}


EDITION = {
    "year": 2022,
    "data_year": 2021,
    "published_on": date(2022, 6, 1),
    "municipalities_ranked": 356,
    "source": "NHO",
}


@pytest.mark.parametrize(
    "changes, field, message",
    [
        (
            {"data_year": 2023},
            "data_year",
            edition_services.DATA_YEAR_AFTER_EDITION.format(year=2022),
        ),
        (
            {"data_year": 2010},
            "data_year",
            edition_services.DATA_YEAR_TOO_EARLY.format(gap=3, year=2022),
        ),
        (
            {"published_on": date(2021, 6, 1)},
            "published_on",
            edition_services.PUBLISHED_OUTSIDE_YEAR.format(year=2022),
        ),
        ({"municipalities_ranked": 0}, "municipalities_ranked", edition_services.RANKED_TOO_FEW),
        (
            {"municipalities_ranked": 5000},
            "municipalities_ranked",
            edition_services.RANKED_TOO_MANY.format(limit=1000),
        ),
    ],
)
def test_the_edition_checks(changes, field, message):
    assert edition_services.edition_problems({**EDITION, **changes}) == {field: [message]}


def test_a_good_edition_has_no_problems():
    assert edition_services.edition_problems(EDITION) == {}


def test_an_edition_gets_its_defaults_for_data_year_and_published_on(asker):
    edition = edition_services.edition_create(
        municipality=asker, data={"year": 2023, "municipalities_ranked": 356, "source": "NHO"}
    )
    assert (edition.data_year, edition.published_on) == (2022, date(2023, 6, 1))


def test_an_edition_year_the_municipality_has_is_refused(asker):
    before = stored_rows()
    with pytest.raises(ValidationError) as error:
        edition_services.edition_create(
            municipality=asker,
            data={**EDITION, "year": 2021, "data_year": 2020, "published_on": date(2021, 6, 1)},
        )
    assert messages_of(error.value) == {"year": [edition_services.EDITION_EXISTS.format(year=2021)]}
    assert stored_rows() == before


def test_moving_an_edition_to_a_date_its_numbers_were_not_valid_on_is_refused(edition):
    with pytest.raises(ValidationError) as error:
        edition_services.edition_update(
            edition=edition,
            changes={"year": 2024, "data_year": 2023, "published_on": date(2024, 6, 1)},
            expected_version=edition.version,
        )
    message = messages_of(error.value)["published_on"][0]
    assert message.startswith("Plasseringene i utgaven har kommunenummer som ikke gjaldt 1.6.2024")


def test_a_stale_edition_update_is_refused_as_an_edit_conflict(edition):
    edition_services.edition_update(
        edition=edition, changes={"note": "a"}, expected_version=edition.version
    )
    with pytest.raises(EditConflict) as conflict:
        edition_services.edition_update(
            edition=edition, changes={"note": "b"}, expected_version=edition.version
        )
    assert str(conflict.value) == EDIT_CONFLICT_MESSAGE


def test_deleting_an_edition_deletes_its_themes_and_rankings(edition):
    edition_services.edition_delete(edition=edition)
    assert not Ranking.objects.filter(edition_id=edition.pk).exists()
    assert not Theme.objects.filter(edition_id=edition.pk).exists()


# --- Rankings ---------------------------------------------------------------------------------


def ranking(**changes) -> RankingData:
    fields = {"data_year": 2020, "code": "3005", "name": "Drammen", "rank": 40}
    return RankingData(**{**fields, **changes})


@pytest.mark.parametrize(
    "data, field, message",
    [
        (ranking(rank=0), "rank", ranking_services.RANK_OUT_OF_RANGE.format(ranked=356)),
        (ranking(rank=357), "rank", ranking_services.RANK_OUT_OF_RANGE.format(ranked=356)),
        (
            ranking(code="0220"),
            "code",
            NO_SUCH_COUNTY.format(code="0220", when="1.6.2021", county="02"),
        ),
        (
            ranking(code="3203"),
            "code",
            NO_SUCH_COUNTY.format(code="3203", when="1.6.2021", county="32"),
        ),
        (ranking(code="305"), "code", NOT_FOUR_DIGITS.format(code="305")),
        (
            ranking(code="3024"),
            "code",
            ranking_services.DUPLICATE_CODE.format(code="3024", data_year=2020),
        ),
        (
            ranking(data_year=2021),
            "data_year",
            ranking_services.RANKING_DATA_YEAR_AFTER.format(data_year=2021, edition_data_year=2020),
        ),
        (
            ranking(data_year=2010),
            "data_year",
            ranking_services.RANKING_DATA_YEAR_TOO_EARLY.format(data_year=2010, gap=5),
        ),
        (ranking(name=" "), "name", ranking_services.NAME_REQUIRED),
        (
            ranking(theme_ranks={k: v for k, v in ALL_THEMES.items() if k != "demografi"}),
            "theme_demografi",
            ranking_services.THEME_RANK_MISSING.format(theme="Demografi"),
        ),
        (
            ranking(theme_ranks={**ALL_THEMES, "helse": 3}),
            "theme_ranks",
            ranking_services.THEME_UNKNOWN.format(theme="helse"),
        ),
        (
            ranking(theme_ranks={**ALL_THEMES, "kompetanse": 400}),
            "theme_kompetanse",
            ranking_services.RANK_OUT_OF_RANGE.format(ranked=356),
        ),
        (
            ranking(parameter_values={("demografi", "folkevekst"): Decimal(1)}),
            "parameter_values",
            ranking_services.PARAMETER_UNKNOWN.format(parameter="folkevekst", theme="demografi"),
        ),
    ],
)
def test_a_bad_ranking_is_refused_on_its_field_and_writes_nothing(edition, data, field, message):
    before = stored_rows()
    with pytest.raises(ValidationError) as error:
        ranking_services.ranking_create(edition=edition, data=data)
    assert message in messages_of(error.value)[field]
    assert stored_rows() == before


def test_a_restated_year_is_kept_apart_from_the_first_published_one(edition):
    restated = ranking_services.ranking_create(
        edition=edition, data=ranking(data_year=2019, rank=38)
    )
    first = ranking_services.ranking_create(
        edition=edition, data=ranking(rank=40, theme_ranks=ALL_THEMES)
    )
    assert (restated.first_published, first.first_published) == (False, True)
    assert first.theme_ranks.count() == 5


def test_ranking_set_creates_then_corrects_without_a_second_row(edition):
    ranking_services.ranking_set(edition=edition, data=ranking(rank=40))
    corrected = ranking_services.ranking_set(
        edition=edition, data=ranking(rank=41, score=Decimal("55.5"))
    )
    assert Ranking.objects.filter(edition=edition, code="3005").count() == 1
    assert (corrected.rank, corrected.score, corrected.version) == (41, Decimal("55.5"), 2)


def test_a_correction_feeds_the_overall_rank_indicator(asker, edition):
    indicator = Indicator.objects.get(municipality=asker, kommune_nm=KommuneNm.OVERALL)
    asker_2020 = Ranking.objects.get(edition=edition, data_year=2020, code="3025")
    ranking_services.ranking_update(
        ranking=asker_2020,
        data=ranking(code="3025", name="Asker", rank=4, theme_ranks=ALL_THEMES),
        expected_version=asker_2020.version,
    )
    assert Observation.objects.get(indicator=indicator, year=2020).value == 4


def test_deleting_a_ranking_feeds_the_indicators_again(asker, edition):
    indicator = Indicator.objects.get(municipality=asker, kommune_nm=KommuneNm.OVERALL)
    new = ranking_services.ranking_create(edition=edition, data=ranking())
    ranking_services.ranking_delete(ranking=new)
    assert Observation.objects.get(indicator=indicator, year=2020).value == 11


# --- Themes -----------------------------------------------------------------------------------


def test_a_theme_keeps_the_values_of_parameters_whose_key_stays(edition):
    theme = Theme.objects.get(edition=edition, key="demografi")
    edition_services.theme_update(
        theme=theme,
        changes={},
        expected_version=theme.version,
        parameters=["Folkevekst", "Andel unge"],
    )
    first = theme.parameters.get(key="folkevekst")
    theme.refresh_from_db()
    edition_services.theme_update(
        theme=theme,
        changes={},
        expected_version=theme.version,
        parameters=["Andel unge", "Folkevekst"],
    )
    kept = theme.parameters.get(key="folkevekst")
    assert (kept.pk, kept.position) == (first.pk, 1)


@pytest.mark.parametrize(
    "key, parameters, field, message",
    [
        ("Demo Grafi", [], "key", edition_services.THEME_KEY_BAD.format(key="Demo Grafi")),
        ("demografi", [], "key", edition_services.THEME_KEY_EXISTS.format(key="demografi")),
        (
            "helse",
            ["Leger", "leger"],
            "parameters",
            edition_services.PARAMETER_TWICE.format(name="leger"),
        ),
        ("helse", [], "name", edition_services.THEME_NAME_EXISTS.format(name="Demografi")),
    ],
)
def test_a_bad_theme_is_refused(edition, key, parameters, field, message):
    name = "Demografi" if field == "name" else "Helse"
    with pytest.raises(ValidationError) as error:
        edition_services.theme_create(edition=edition, key=key, name=name, parameters=parameters)
    assert messages_of(error.value) == {field: [message]}


def test_a_theme_without_a_key_gets_one_from_its_name(edition):
    theme = edition_services.theme_create(edition=edition, key="", name="Næringsliv og økonomi")
    assert theme.key == "naeringsliv-og-okonomi"
