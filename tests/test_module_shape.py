"""Small modules and short functions: no module over 400 lines, no function over 60, in the
shipped package and the tools beside it. Long ones are where the review found bugs hiding
(a 197-line planning function, a 138-line renderer of closures); the limit keeps each piece
readable in one screen. Declarations that are tables (spec.py: every content key with its
bilingual help) are listed with the reason."""

from __future__ import annotations

import ast

from tests.conftest import ROOT

MODULE_LINES = 400
FUNCTION_LINES = 60
FOLDERS = ("generator", "benchmarks", "scripts")
# path → why it may be longer (tables, not logic)
TABLES = {
    "generator/spec.py": "the declaration of every content key, one entry each (a table)",
}


def python_files() -> list[str]:
    return sorted(p.relative_to(ROOT).as_posix() for f in FOLDERS for p in (ROOT / f).rglob("*.py"))


def long_functions(source: str) -> list[tuple[str, int]]:
    """(name, lines) of every function longer than the limit."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            length = (node.end_lineno or node.lineno) - node.lineno + 1
            if length > FUNCTION_LINES:
                found.append((node.name, length))
    return found


def test_no_module_is_over_400_lines() -> None:
    long = {}
    for rel in python_files():
        lines = len((ROOT / rel).read_text(encoding="utf-8").splitlines())
        if lines > MODULE_LINES and rel not in TABLES:
            long[rel] = lines
    assert not long, f"modules over {MODULE_LINES} lines: {long}"


def test_no_function_is_over_60_lines() -> None:
    long = {}
    for rel in python_files():
        found = long_functions((ROOT / rel).read_text(encoding="utf-8"))
        if found:
            long[rel] = found
    assert not long, f"functions over {FUNCTION_LINES} lines: {long}"


def test_the_check_finds_a_long_function() -> None:
    body = "\n".join(f"    x{i} = {i}" for i in range(FUNCTION_LINES))
    assert long_functions(f"def f():\n{body}\n") == [("f", FUNCTION_LINES + 1)]
    assert long_functions("def g():\n    return 1\n") == []


def test_every_table_exception_exists() -> None:
    for rel, why in TABLES.items():
        assert (ROOT / rel).is_file(), rel
        assert why
