"""The statistics half of a sync: fetch the sources and regions it is asked for, store them
in the caller's transaction. It knows nothing of indicators.

Every test runs twice (`served_names`): against the fake's own table names, and against
SSB-style ones that sources.py does not name (other content codes and labels, KOSTRA's
region dimension), which the sync must find from the tables' metadata."""

from datetime import date

import pytest
from django.db import transaction
from django.utils import timezone

from temaplan.statistics import sources as sources_module
from temaplan.statistics.compute import source_location
from temaplan.statistics.models import KlassSnapshot, ResolvedSource, SeriesValue
from temaplan.statistics.sources import Source
from temaplan.statistics.sync import (
    SyncFailed,
    fetched_store,
    region_history_fetch,
    series_fetch,
)

TODAY = date(2026, 11, 28)
pytestmark = pytest.mark.usefixtures("served_names")


def fetch(pxweb_client, klass_client, sources, numbers):
    regions = region_history_fetch(klass=klass_client, today=TODAY)
    return series_fetch(sources=sources, numbers=numbers, regions=regions, pxweb=pxweb_client)


@pytest.mark.django_db
def test_fetching_writes_nothing_and_storing_writes_the_series_asked_for(
    pxweb_client, klass_client, served_names
):
    before = (SeriesValue.objects.count(), KlassSnapshot.objects.count())
    fetched = fetch(pxweb_client, klass_client, ["jobs_by_workplace"], ["3203"])
    assert (SeriesValue.objects.count(), KlassSnapshot.objects.count()) == before
    assert {series.table for series in fetched.series} == {"11618"}

    with transaction.atomic():
        history = fetched_store(fetched, now=timezone.now())
    code = served_names.contents["jobs_by_workplace"]  # stored under the code SSB serves
    jobs = SeriesValue.objects.filter(table="11618", content=code)
    # Asker's predecessors as published before the 2020 merger, 3025 after it.
    assert jobs.get(region="0220", year=2019).value == 27887
    assert jobs.get(region="3025", year=2020).value == 36699
    assert not SeriesValue.objects.exclude(content=code).exists()
    assert fetched.summary.created == jobs.count() > 0
    assert "3203" in history.valid_codes_at(TODAY)


@pytest.mark.django_db
def test_a_municipality_number_not_valid_today_is_refused_before_anything_is_fetched(
    fake_ssb, pxweb_client, klass_client
):
    with pytest.raises(SyncFailed, match="«0220» er ikke et gyldig kommunenummer i dag"):
        fetch(pxweb_client, klass_client, ["jobs_by_workplace"], ["0220"])
    assert fake_ssb.data_requests() == []


@pytest.mark.django_db
def test_a_source_with_a_fixed_table_and_a_search_is_kept_with_its_own_table(
    monkeypatch, pxweb_client, klass_client, served_names
):
    """A source with both a table number and a search reads its content code by label, and
    is remembered under its own table, not a table an earlier source found by search."""
    source = Source(
        "jobs_found_by_label",
        "11618",
        "",
        search="sysselsatte",
        content_label_words=("arbeidssted",),
        label="Sysselsatte etter arbeidssted, innhold funnet etter navn",
    )
    monkeypatch.setitem(sources_module.SOURCES, source.name, source)
    fetched = fetch(pxweb_client, klass_client, [source.name], ["3203"])
    with transaction.atomic():
        fetched_store(fetched, now=timezone.now())
    found = ResolvedSource.objects.get(name=source.name)
    assert (found.table, found.content) == ("11618", served_names.contents["jobs_by_workplace"])
    assert found.table_label  # the table's own title, from its metadata


@pytest.mark.django_db
def test_what_the_sync_found_in_each_table_is_recorded_and_read_by_the_formulas(
    fake_ssb, pxweb_client, klass_client, served_names
):
    names = ["population_1_january", "employed_residents", "employed_residents_in_03321"]
    fetched = fetch(pxweb_client, klass_client, names, ["3203"])
    with transaction.atomic():
        fetched_store(fetched, now=timezone.now())
    recorded = {
        r.name: (r.table, r.content, r.region_dimensions, r.time_dimension)
        for r in ResolvedSource.objects.all()
    }
    assert recorded == {
        name: (
            table,
            served_names.contents[name],
            ",".join(served_names.dimension(table, d) for d in regions),
            served_names.dimension(table, "Tid"),
        )
        for name, table, regions in [
            ("population_1_january", "07459", ["Region"]),
            ("employed_residents", "11618", ["Region"]),
            ("employed_residents_in_03321", "03321", ["Bokommuen", "ArbstedKomm"]),
        ]
    }
    residents = ResolvedSource.objects.get(name="employed_residents")
    found_as = (
        "  Tabell 11618: «Sysselsatte 15–74 år etter bosted (11618)» hentet som "
        f"«{residents.content_label}»"
    )
    # The report says so when SSB's code is not the configured one.
    assert (found_as in fetched.summary.report()) == (served_names.shapes != {})
    for name in names:
        assert source_location(name) == recorded[name][:2]
        assert SeriesValue.objects.filter(table=recorded[name][0], content=recorded[name][1])
    # The work region of a row sum was asked for whole, under the name the table gave it.
    work = served_names.dimension("03321", "ArbstedKomm")
    asked = [dict(r.query) for r in fake_ssb.data_requests() if "/03321/" in r.path]
    assert asked and all(q.get(f"valueCodes[{work}]") == "*" for q in asked), asked


def persons_in_export(ssb_data, year, code, first, last):
    """Persons aged first–last in a municipality, added up from the StatBank export itself."""
    text = (ssb_data / "population_07459" / f"Personer{year}.csv").read_text(encoding="latin-1")
    total = 0
    for line in text.splitlines():
        cells = [cell.strip('"') for cell in line.split(";")]
        if len(cells) == 3 and cells[0].startswith(f"K-{code} "):
            age = int(cells[1].split()[0])
            if first <= age <= last:
                total += int(cells[2])
    return total


@pytest.mark.django_db
def test_an_age_group_is_fetched_by_its_selection_and_stored_beside_all_ages(
    fake_ssb, pxweb_client, klass_client, served_names, ssb_data
):
    names = ["population_1_january", "population_20_39"]
    fetched = fetch(pxweb_client, klass_client, names, ["3203"])
    with transaction.atomic():
        fetched_store(fetched, now=timezone.now())
    content = served_names.contents["population_1_january"]
    everyone = SeriesValue.objects.get(table="07459", content=content, region="3025", year=2021)
    young = SeriesValue.objects.get(
        table="07459", content=f"{content}|Alder=range(020,039)", region="3025", year=2021
    )
    assert young.value == persons_in_export(ssb_data, 2021, "3025", 20, 39)
    assert everyone.value == persons_in_export(ssb_data, 2021, "3025", 0, 200)
    # Only the ages asked for were fetched, and the formulas read the group under its key.
    asked = [r for r in fake_ssb.data_requests() if "Alder" in str(r.query)]
    assert asked and all("range(020,039)" in str(r.query) for r in asked)
    assert source_location("population_20_39") == ("07459", f"{content}|Alder=range(020,039)")
