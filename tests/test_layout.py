"""The code's shape: test modules share helpers through tests/support.py, never by importing
one another or conftest.py."""

import ast

from support import ROOT


def imported_modules(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            yield node.module


def test_no_test_module_imports_another_or_conftest():
    tests = sorted((ROOT / "tests").glob("test_*.py")) + [ROOT / "tests" / "support.py"]
    found = [f"{path.name} imports {name}" for path in tests for name in imported_modules(path)
             if name.split(".")[0].startswith("test_") or name == "conftest"]
    assert found == []
