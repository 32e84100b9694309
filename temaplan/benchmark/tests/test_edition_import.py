from temaplan.benchmark import workbook as wb
from temaplan.benchmark.importing import editions_import
from temaplan.benchmark.models import Edition
from temaplan.testing.workbooks import cells


def test_smoke(asker_plan):
    m = asker_plan.municipality
    data = wb.editions_workbook(m)
    print(cells(data)[wb.RANKINGS])
    print(editions_import(municipality=m, data=data))
    Edition.objects.filter(municipality=m).delete()
    print(editions_import(municipality=m, data=data))
    assert wb.editions_workbook(m) == data
    c = wb.editions_csv(m)
    print(c.decode())
    print(editions_import(municipality=m, data=c, csv_file=True))
