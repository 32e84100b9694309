"""A StatBank file imported after a sync that found SSB's own content code goes under that
code, so the formulas read the file's values and the sync's alike."""

import pytest
from django.utils import timezone

from temaplan.statistics.compute import source_location
from temaplan.statistics.importing import statbank_files_import
from temaplan.statistics.models import ResolvedSource, SeriesValue

EMPLOYMENT = "employment_11618/employment_11618_15_74_2017_2022.csv"


@pytest.mark.django_db
def test_an_import_after_a_sync_stores_under_the_code_the_sync_found(ssb_data):
    ResolvedSource.objects.create(
        name="jobs_by_workplace",
        table="11618",
        content="SysselArbReg",
        content_label="Sysselsatte personer med arbeidssted i regionen",
        region_dimensions="KOKkommuneregion0000",
        time_dimension="Tid",
        resolved_at=timezone.now(),
    )
    statbank_files_import([(EMPLOYMENT, (ssb_data / EMPLOYMENT).read_bytes())], table="11618")
    assert source_location("jobs_by_workplace") == ("11618", "SysselArbReg")
    stored = set(SeriesValue.objects.values_list("content", flat=True))
    # The two sources the sync has not resolved yet keep their configured codes.
    assert stored == {"SysselArbReg", "SysselsatteBosted", "Befolkning15_74"}
    jobs = SeriesValue.objects.get(content="SysselArbReg", region="0220", year=2019)
    assert jobs.value == 27887
