import json
from datetime import date
from temaplan.reports.snapshot import snapshot_build


def test_explore(asker_plan, django_assert_max_num_queries):
    doc = snapshot_build(plan=asker_plan, year=2020, today=date(2022, 5, 1))
    open("/tmp/snap/doc2020.json", "w").write(json.dumps(doc, ensure_ascii=False, indent=1))
