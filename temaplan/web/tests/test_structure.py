"""The shape of the house, checked: the layer contracts catch an upward import and a circle
(function-level imports included), and no module is too long to read in one sitting."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
MAX_LINES = 450

# Modules that are data, not logic: long because the plan they describe is long.
DATA_MODULES = {
    "temaplan/demo/asker_actions.py": "the demo's action plan for 2022/23, record by record",
    "temaplan/reports/tests/sample_document.py": "a whole report document of Asker's 2020 "
    "figures, field by field, for the renderers' tests",
}


def lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--no-logo", str(root / "pyproject.toml")],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def copy_of_the_house(tmp_path: Path) -> Path:
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(REPO / "temaplan", tmp_path / "temaplan", ignore=ignore)
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def add_line(path: Path, line: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + "\n" + line + "\n", encoding="utf-8")


def test_the_house_as_it_is_keeps_its_import_contracts(copy_of_the_house):
    result = lint_imports(copy_of_the_house)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 3 kept, 0 broken." in result.stdout


def test_statistics_importing_indicators_breaks_the_layer_contract(copy_of_the_house):
    add_line(
        copy_of_the_house / "temaplan/statistics/store.py", "import temaplan.indicators.models"
    )
    result = lint_imports(copy_of_the_house)
    assert result.returncode != 0
    assert "temaplan.statistics is not allowed to import temaplan.indicators" in result.stdout


def test_an_import_inside_a_function_that_closes_a_circle_breaks_the_acyclic_contract(
    copy_of_the_house,
):
    # statistics.sync imports statistics.store; an import back, hidden in a function:
    add_line(
        copy_of_the_house / "temaplan/statistics/store.py",
        "def _later():\n    from temaplan.statistics import sync  # noqa: F401",
    )
    result = lint_imports(copy_of_the_house)
    assert result.returncode != 0
    assert "No cycles are allowed in temaplan.statistics." in result.stdout


def test_a_pure_module_that_imports_django_breaks_the_pure_contract(copy_of_the_house):
    add_line(copy_of_the_house / "temaplan/indicators/status.py", "import django.db  # noqa")
    result = lint_imports(copy_of_the_house)
    assert result.returncode != 0
    assert "temaplan.indicators.status is not allowed to import django" in result.stdout


def test_the_strictly_typed_modules_are_the_ones_kept_free_of_django():
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    pure = next(c for c in config["tool"]["importlinter"]["contracts"] if c["id"] == "pure")
    strict = next(o for o in config["tool"]["mypy"]["overrides"] if o.get("disallow_untyped_defs"))
    typed = {name.removesuffix(".*") for name in strict["module"]}
    assert set(pure["source_modules"]) == typed


def python_modules() -> list[Path]:
    roots = [REPO / "temaplan", REPO / "config", REPO / "bench", REPO / "devtools"]
    return sorted(
        path
        for root in roots
        if root.is_dir()
        for path in root.rglob("*.py")
        if "migrations" not in path.parts
    )


def test_no_module_outside_data_and_migrations_is_over_450_lines():
    too_long = {
        str(path.relative_to(REPO)): len(path.read_text(encoding="utf-8").splitlines())
        for path in python_modules()
    }
    too_long = {
        name: lines
        for name, lines in too_long.items()
        if lines > MAX_LINES and name not in DATA_MODULES
    }
    assert too_long == {}, f"Over {MAX_LINES} linjer: {too_long}"


def test_every_data_module_exempted_from_the_length_limit_exists():
    assert [name for name in DATA_MODULES if not (REPO / name).is_file()] == []
