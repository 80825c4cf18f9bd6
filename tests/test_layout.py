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


PLUGIN = ROOT / "plugins" / "newsbrief"
MAX_LINES = 300


def plugin_modules():
    """{dotted name: path} of every module of the plugin."""
    found = {}
    for path in sorted(PLUGIN.rglob("*.py")):
        parts = path.relative_to(PLUGIN.parent).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def plugin_imports(name, path, modules):
    """The plugin modules `name` imports (relative or absolute, anywhere in the file): for
    `from package import module` the module, for `from module import name` the module."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            for alias in node.names:
                yield f"{module}.{alias.name}" if f"{module}.{alias.name}" in modules else module
        elif isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)


def import_graph():
    modules = plugin_modules()
    return {name: sorted({m for m in plugin_imports(name, path, modules) if m in modules and m != name})
            for name, path in modules.items()}


def find_cycles(graph):
    """Every import loop met by a depth-first walk, as [a, b, …, a]."""
    state, cycles = {}, []

    def visit(name, trail):
        state[name] = "open"
        for other in graph[name]:
            if state.get(other) == "open":
                cycles.append(trail[trail.index(other):] + [other])
            elif other not in state:
                visit(other, trail + [other])
        state[name] = "done"

    for name in graph:
        if name not in state:
            visit(name, [name])
    return cycles


def test_no_plugin_module_is_over_300_lines():
    long = {name: n for name, path in plugin_modules().items()
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}


def test_the_plugin_has_no_import_cycle():
    assert find_cycles(import_graph()) == []


def test_the_cycle_finder_finds_a_cycle(tmp_path, monkeypatch):
    """The test above can fail: two modules importing each other make a cycle."""
    monkeypatch.setattr("test_layout.PLUGIN", tmp_path / "pkg")
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "__init__.py").write_text("")
    (tmp_path / "pkg" / "a.py").write_text("from .b import x\n")
    (tmp_path / "pkg" / "b.py").write_text("def f():\n    from . import a\nx = 1\n")
    assert find_cycles(import_graph()) == [["pkg.a", "pkg.b", "pkg.a"]]


def test_register_only_connects_signals():
    tree = ast.parse((PLUGIN / "__init__.py").read_text(encoding="utf-8"))
    register = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "register")
    calls = [n for n in register.body if isinstance(n, ast.Expr) and isinstance(n.value, ast.Call)]
    assert len(calls) == len(register.body)
    assert all(ast.unparse(c.value.func).startswith("signals.") and ast.unparse(c.value.func).endswith(".connect")
               for c in calls)
