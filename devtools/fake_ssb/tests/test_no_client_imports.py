"""The fake is the other side of the contract: it must not borrow the client's reading.

Every module of devtools.fake_ssb is parsed with `ast` and its imports are checked: nothing
from temaplan.statistics's client side (pxweb*, http, jsonstat*), and in fact nothing from
temaplan at all (its KLASS and county data are its own reading of the shared files).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1]
MODULES = sorted(p for p in PACKAGE.rglob("*.py") if "tests" not in p.relative_to(PACKAGE).parts)
CLIENT = ("temaplan.statistics.pxweb", "temaplan.statistics.http", "temaplan.statistics.jsonstat")


def imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                names.add("." * node.level + (node.module or ""))
            else:
                base = node.module or ""
                names.add(base)
                names.update(f"{base}.{alias.name}" for alias in node.names)
    return names


def test_the_package_has_the_modules_this_test_reads():
    assert {p.name for p in MODULES} >= {"selection.py", "server.py", "pxweb_routes.py"}


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_a_module_imports_nothing_from_the_client(path: Path):
    names = imported_modules(path)
    assert not [n for n in names if n.startswith(CLIENT)]
    assert not [n for n in names if n == "temaplan" or n.startswith("temaplan.")]
    assert not [n for n in names if n.startswith(".")]  # absolute devtools imports only


def test_the_check_would_see_a_client_import(tmp_path: Path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        "from temaplan.statistics import pxweb\n"
        "from temaplan.statistics.pxweb_selection import resolve_value_codes\n"
        "import temaplan.statistics.http\n"
    )
    names = imported_modules(sample)
    assert {
        "temaplan.statistics.pxweb",
        "temaplan.statistics.pxweb_selection",
        "temaplan.statistics.http",
    } <= names
