"""The demo's modules import each other one way: data ← loaders ← services, no circle, and no
import tucked inside a function where it could hide one."""

import ast
from pathlib import Path

import temaplan.demo

PACKAGE = "temaplan.demo"
ROOT = Path(temaplan.demo.__file__).parent


def modules() -> dict[str, Path]:
    found = {}
    for path in ROOT.rglob("*.py"):
        if "tests" in path.relative_to(ROOT).parts:
            continue
        parts = path.relative_to(ROOT).with_suffix("").parts
        name = ".".join([PACKAGE, *parts]).removesuffix(".__init__")
        found[name] = path
    return found


def imported(name: str, path: Path, known: set[str]) -> tuple[set[str], list[str]]:
    """The demo modules that `name` imports, and those imported below the module level."""
    tree = ast.parse(path.read_text())
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    top_level = set(map(id, tree.body))
    targets, nested = set(), []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{anchor}.{base}" if base else anchor
            names = [base, *(f"{base}.{alias.name}" for alias in node.names)]
        else:
            continue
        hits = {n for n in names if n in known and n != name}
        targets |= hits
        if hits and id(node) not in top_level:
            nested.append(f"{name}:{node.lineno}")
    return targets, nested


def test_no_demo_module_imports_one_that_imports_it_back():
    found = modules()
    graph, nested = {}, []
    for name, path in found.items():
        graph[name], inner = imported(name, path, set(found))
        nested += inner
    assert nested == []

    def reaches(start: str, goal: str, seen: set[str]) -> bool:
        for target in graph[start]:
            if target == goal or (target not in seen and reaches(target, goal, seen | {target})):
                return True
        return False

    circles = sorted(name for name in graph if reaches(name, name, set()))
    assert circles == []
    assert "temaplan.demo.services" in graph["temaplan.demo.management.commands.demo"]
