"""The chart modules of the action plan build their specs without Django.

The charts themselves are tested in test_charts_roadmap.py and test_charts_budget.py."""

import subprocess
import sys


def test_chart_modules_do_not_import_django():
    code = (
        "import sys\n"
        "import temaplan.actions.rollup, temaplan.actions.slippage\n"
        "import temaplan.actions.budget, temaplan.core.chart_locale\n"
        "import temaplan.actions.budget_chart, temaplan.actions.roadmap_chart\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'django'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
