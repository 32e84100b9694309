"""devtools/setup-system.sh: what `make test`, `make run` and CI call to install the system
packages and axe-core. Run again once everything is there, it does nothing and says nothing."""

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
SCRIPT = ROOT / "devtools" / "setup-system.sh"


def test_make_test_make_run_and_ci_all_run_the_setup_script():
    makefile = (ROOT / "Makefile").read_text()
    assert re.search(r"^test: system\b", makefile, re.M)
    assert re.search(r"^run: system\b", makefile, re.M)
    assert "bash devtools/setup-system.sh" in makefile
    assert "bash devtools/setup-system.sh" in (ROOT / ".ci" / "run").read_text()


def test_the_setup_script_is_silent_when_it_has_nothing_left_to_install():
    first = subprocess.run(["bash", str(SCRIPT)], capture_output=True, text=True, timeout=600)
    assert first.returncode == 0, first.stderr
    again = subprocess.run(["bash", str(SCRIPT)], capture_output=True, text=True, timeout=60)
    assert again.returncode == 0, again.stderr
    # As root it has installed everything; anyone else is told, again, only what is missing.
    assert again.stdout == "" or again.stdout.startswith("Systempakker mangler:"), again.stdout
    assert again.stderr == ""
