"""Tests that keep the documents and the structure honest.

- every environment variable that config/settings.py reads has a row in the README's
  configuration table, and every one the rest of the shipped code reads is named there;
- every argument of every `temaplan` command (and of its subcommands) has help text;
- the models and the migrations agree;
- (in the persona tables of plans, indicators and actions) every page has exactly one <h1>.

Each check is a function that returns what is wrong, so the tests at the end can show that it
finds what it should.
"""

import argparse
import ast
import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command, get_commands, load_command_class
from django.http import HttpResponse

from temaplan.testing.personas import assert_one_h1

REPO = Path(__file__).resolve().parents[3]
README = REPO / "README.md"
SETTINGS = REPO / "config" / "settings.py"
ROW = re.compile(r"^\|\s*`([A-Z][A-Z0-9_]*)`\s*\|", re.MULTILINE)


# --- Environment variables ------------------------------------------------------------------


def _is_os_environ(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Attribute)
        and node.attr == "environ"
        and isinstance(node.value, ast.Name)
        and node.value.id == "os"
    )


def _env_reads(tree: ast.AST) -> list[ast.expr]:
    """The name argument of every direct read: os.environ.get/[]/setdefault, os.getenv."""
    reads = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Subscript) and _is_os_environ(node.value):
            reads.append(node.slice)
        elif isinstance(node, ast.Call) and node.args:
            func = node.func
            if isinstance(func, ast.Attribute) and (
                (func.attr in {"get", "setdefault", "pop"} and _is_os_environ(func.value))
                or (
                    func.attr == "getenv"
                    and isinstance(func.value, ast.Name)
                    and func.value.id == "os"
                )
            ):
                reads.append(node.args[0])
    return reads


def _env_helpers(tree: ast.AST) -> set[str]:
    """Functions of the module that read the variable named by their first parameter, such as
    settings' env_bool and env_list."""
    helpers = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.args.args:
            first = node.args.args[0].arg
            if any(isinstance(r, ast.Name) and r.id == first for r in _env_reads(node)):
                helpers.add(node.name)
    return helpers


def environment_variables(source: str) -> set[str]:
    """Every environment variable a Python module reads by a literal name: directly, through
    one of its own helpers (`env_bool("DEBUG")`), or as dj-database-url's `env=`."""
    tree = ast.parse(source)
    names = {r.value for r in _env_reads(tree) if isinstance(r, ast.Constant)}
    helpers = _env_helpers(tree)
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Name) and func.id in helpers and node.args:
            if isinstance(node.args[0], ast.Constant):
                names.add(node.args[0].value)
        for keyword in node.keywords:
            if keyword.arg == "env" and isinstance(keyword.value, ast.Constant):
                names.add(keyword.value.value)
    return {name for name in names if isinstance(name, str)}


def configuration_section(readme: str) -> str:
    start = readme.index("## Configuration")
    end = readme.find("\n## ", start + 1)
    return readme[start : end if end != -1 else None]


def table_variables(readme: str) -> set[str]:
    """The variables that have a row in the README's configuration table."""
    return set(ROW.findall(configuration_section(readme)))


def variables_without_a_row(settings_source: str, readme: str) -> list[str]:
    return sorted(environment_variables(settings_source) - table_variables(readme))


def variables_not_mentioned(sources: dict[str, str], readme: str) -> list[str]:
    """Variables read by other shipped modules that the configuration section never names
    (in its table or in its «Other variables» paragraph), as "VARIABLE (path)"."""
    section = configuration_section(readme)
    return sorted(
        f"{name} ({path})"
        for path, source in sources.items()
        for name in environment_variables(source)
        if f"`{name}`" not in section
    )


def shipped_modules() -> dict[str, str]:
    paths = [*(REPO / "config").glob("*.py"), *(REPO / "temaplan").rglob("*.py")]
    return {
        str(path.relative_to(REPO)): path.read_text(encoding="utf-8")
        for path in paths
        if "tests" not in path.relative_to(REPO).parts
        and "testing" not in path.relative_to(REPO).parts
        and path != SETTINGS
    }


def test_every_variable_settings_reads_has_a_row_in_the_readme():
    readme = README.read_text(encoding="utf-8")
    missing = variables_without_a_row(SETTINGS.read_text(encoding="utf-8"), readme)
    assert missing == [], f"README.md's configuration table has no row for {missing}"


def test_every_variable_the_shipped_code_reads_is_named_in_the_readme():
    readme = README.read_text(encoding="utf-8")
    missing = variables_not_mentioned(shipped_modules(), readme)
    assert missing == [], f"README.md's configuration section never names {missing}"


# --- Help on every command argument ---------------------------------------------------------


def _argument_name(action: argparse.Action) -> str:
    if action.option_strings:
        return max(action.option_strings, key=len)
    if isinstance(action, argparse._SubParsersAction) and not action.metavar:
        return "{" + ",".join(action.choices) + "}"
    return action.metavar if isinstance(action.metavar, str) else action.dest


def arguments_without_help(parser: argparse.ArgumentParser, prefix: str) -> list[str]:
    """Every argument of `parser` and of its subcommands that has no help text, each named
    with its command, e.g. "ssb sync --municipality"."""
    missing = []
    for action in parser._actions:
        if action.help == argparse.SUPPRESS:
            continue
        if not action.help:
            missing.append(f"{prefix} {_argument_name(action)}")
        if isinstance(action, argparse._SubParsersAction):
            helped = {choice.dest for choice in action._choices_actions if choice.help}
            for name, subparser in action.choices.items():
                if name not in helped:
                    missing.append(f"{prefix} {name}")
                missing += arguments_without_help(subparser, f"{prefix} {name}")
    return missing


def temaplan_commands() -> dict[str, str]:
    """The management commands of Temaplan's own apps: {command: app}."""
    return {
        name: app
        for name, app in sorted(get_commands().items())
        if app == "temaplan" or app.startswith("temaplan.")
    }


def test_temaplan_has_commands_to_check():
    assert {"demo", "indicators"} <= set(temaplan_commands())


@pytest.mark.parametrize("name", list(temaplan_commands()))
def test_every_argument_of_every_temaplan_command_has_help(name):
    command = load_command_class(temaplan_commands()[name], name)
    parser = command.create_parser("temaplan", name)
    assert command.help, f"temaplan {name} has no help"
    missing = arguments_without_help(parser, name)
    assert missing == [], f"these arguments of temaplan {name} have no help: {missing}"


# --- Migrations -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_migrations_match_the_models():
    out = StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=out)
    except SystemExit:
        pytest.fail(f"makemigrations would write migrations:\n{out.getvalue()}")
    assert "No changes detected" in out.getvalue()


# --- The checks find what they should -------------------------------------------------------


def test_the_variable_check_reports_a_row_removed_from_the_readme():
    readme = README.read_text(encoding="utf-8")
    without = re.sub(r"^\| `REDIS_URL` \|.*\n", "", readme, flags=re.MULTILINE)
    assert without != readme
    assert variables_without_a_row(SETTINGS.read_text(encoding="utf-8"), without) == ["REDIS_URL"]


@pytest.mark.parametrize(
    "line",
    [
        'X = os.environ.get("TEMAPLAN_MADE_UP")',
        'X = os.environ["TEMAPLAN_MADE_UP"]',
        'X = os.getenv("TEMAPLAN_MADE_UP", "1")',
        'X = env_bool("TEMAPLAN_MADE_UP")',
        'X = env_list("TEMAPLAN_MADE_UP")',
        'X = dj_database_url.config(env="TEMAPLAN_MADE_UP")',
    ],
)
def test_the_variable_check_reports_a_made_up_variable_in_settings(line):
    readme = README.read_text(encoding="utf-8")
    source = SETTINGS.read_text(encoding="utf-8") + "\n" + line + "\n"
    assert variables_without_a_row(source, readme) == ["TEMAPLAN_MADE_UP"]


def test_the_variable_check_finds_what_settings_reads():
    found = environment_variables(SETTINGS.read_text(encoding="utf-8"))
    assert {"DEBUG", "ALLOWED_HOSTS", "SECRET_KEY", "DATABASE_URL", "REDIS_URL"} <= found


def test_the_variable_check_reports_a_variable_another_module_reads_unmentioned():
    readme = README.read_text(encoding="utf-8")
    source = 'import os\nDATA = os.environ.get("TEMAPLAN_MADE_UP", "x")\n'
    assert variables_not_mentioned({"temaplan/x.py": source}, readme) == [
        "TEMAPLAN_MADE_UP (temaplan/x.py)"
    ]


def test_the_help_check_reports_arguments_and_subcommands_without_help():
    parser = argparse.ArgumentParser(prog="eksempel")
    parser.add_argument("--with-help", help="Har hjelp.")
    parser.add_argument("--without-help")
    commands = parser.add_subparsers(dest="action")
    helped = commands.add_parser("helped", help="Har hjelp.")
    helped.add_argument("file", metavar="FIL", help="Filen.")
    bare = commands.add_parser("bare")
    bare.add_argument("file", metavar="FIL")
    assert arguments_without_help(parser, "eksempel") == [
        "eksempel --without-help",
        "eksempel {helped,bare}",
        "eksempel bare",
        "eksempel bare FIL",
    ]


@pytest.mark.parametrize(
    "html, ok",
    [
        ("<main><h1>Planen</h1><h2>Mål</h2></main>", True),
        ("<main><h2>Planen</h2></main>", False),
        ('<h1>Planen</h1><section><H1 class="x">Igjen</H1></section>', False),
    ],
)
def test_the_one_h1_check_refuses_a_page_with_none_or_two(html, ok):
    response = HttpResponse(html, content_type="text/html; charset=utf-8")
    if ok:
        assert_one_h1(response)
    else:
        with pytest.raises(AssertionError, match="<h1> elements, not one"):
            assert_one_h1(response)


def test_the_one_h1_check_lets_other_answers_through():
    assert_one_h1(HttpResponse("<p>Ingen overskrift</p>", status=403))
    assert_one_h1(HttpResponse("<svg/>", content_type="image/svg+xml"))
