"""The modules of wagtail_ward/ import each other in one direction.

Every ``import`` is read with ``ast`` wherever it stands (at the top of a module or inside a
function), relative imports resolved, migrations aside. The test fails on:

- an import cycle between modules, counting imports inside functions too (an import hidden in
  a function still ties the two layers together); only imports inside ``AppConfig.ready()``
  are left out, since Django calls it once every module is loaded;
- an import inside a function between two modules of the same page family (a folder of
  wagtail_ward/ with its own ``apps.py``): within a family the layers are known, so every such
  import belongs at the top of its module.
"""

import ast
from pathlib import Path

PACKAGE = "wagtail_ward"
ROOT = Path(__file__).resolve().parent.parent / PACKAGE


def _module_name(path):
    parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules():
    """{module name: (path, is_package)} for every module of the package but migrations."""
    modules = {}
    for path in sorted(ROOT.rglob("*.py")):
        if "migrations" in path.relative_to(ROOT).parts:
            continue
        modules[_module_name(path)] = (path, path.name == "__init__.py")
    return modules


class _ImportVisitor(ast.NodeVisitor):
    """Collects (imported names, in a function?, in AppConfig.ready()?, line) for a module."""

    def __init__(self):
        self.imports = []
        self._functions = []  # the stack of enclosing functions: (name, class is an AppConfig)
        self._classes = []

    def visit_ClassDef(self, node):
        bases = {getattr(base, "id", getattr(base, "attr", "")) for base in node.bases}
        self._classes.append(any(base.endswith("AppConfig") for base in bases))
        self.generic_visit(node)
        self._classes.pop()

    def _visit_function(self, node):
        in_app_config = bool(self._classes) and self._classes[-1] and not self._functions
        self._functions.append((node.name, in_app_config))
        self.generic_visit(node)
        self._functions.pop()

    visit_FunctionDef = visit_AsyncFunctionDef = _visit_function

    def _record(self, node, names):
        in_function = bool(self._functions)
        in_ready = any(name == "ready" and app_config for name, app_config in self._functions)
        self.imports.append((names, in_function, in_ready, node.lineno))

    def visit_Import(self, node):
        self._record(node, [(alias.name, None) for alias in node.names])

    def visit_ImportFrom(self, node):
        self._record(node, [((node.module, node.level), alias.name) for alias in node.names])


def _targets(importer, is_package, imported, modules):
    """The package's modules that one ``import`` statement entry loads."""
    module, name = imported
    if isinstance(module, tuple):  # from <module> import <name>, maybe relative
        module, level = module
        if level:
            base = importer.split(".") if is_package else importer.split(".")[:-1]
            base = base[: len(base) - (level - 1)]
            module = ".".join(base + ([module] if module else []))
    if not module or not (module == PACKAGE or module.startswith(PACKAGE + ".")):
        return set()
    ancestors = {".".join(importer.split(".")[:end]) for end in range(1, importer.count(".") + 1)}
    found = set()
    parts = module.split(".")
    for end in range(2, len(parts)):  # the parent packages run first, unless already running
        parent = ".".join(parts[:end])
        if parent in modules and parent not in ancestors:
            found.add(parent)
    if name is not None and f"{module}.{name}" in modules:
        found.add(f"{module}.{name}")  # a submodule: its package is running or runs first
        if module not in ancestors and module in modules:
            found.add(module)
    elif module in modules:
        found.add(module)  # a name defined in the module (a package's __init__ too)
    return found


def _graph():
    """{importer: {imported: [(line, in a function?, in ready?)]}}."""
    modules = _modules()
    graph = {name: {} for name in modules}
    for name, (path, is_package) in modules.items():
        visitor = _ImportVisitor()
        visitor.visit(ast.parse(path.read_text(), filename=str(path)))
        for imported_names, in_function, in_ready, line in visitor.imports:
            for imported in imported_names:
                for target in _targets(name, is_package, imported, modules):
                    if target != name:
                        graph[name].setdefault(target, []).append((line, in_function, in_ready))
    return graph


def _cycles(edges):
    """Strongly connected components with more than one module (Tarjan), each as a cycle path."""
    index, low, stack, on_stack, components = {}, {}, [], set(), []

    def connect(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(edges.get(node, ())):
            if target not in index:
                connect(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                components.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            connect(node)
    return [_cycle_path(edges, component) for component in components]


def _cycle_path(edges, component):
    """One loop through ``component``: a → b → … → a."""
    members = set(component)
    start = component[0]
    path, seen = [start], {start}
    while True:
        targets = sorted(set(edges.get(path[-1], ())) & members)
        if start in targets and len(path) > 1:
            return [*path, start]
        following = next((target for target in targets if target not in seen), None)
        if following is None:  # a shorter loop from here: close it where it rejoins
            target = targets[0]
            return [*path[path.index(target) :], target]
        path.append(following)
        seen.add(following)


def _describe(graph, cycle):
    steps = []
    for importer, imported in zip(cycle, cycle[1:], strict=False):
        line, in_function, _ = graph[importer][imported][0]
        where = " (inside a function)" if in_function else ""
        steps.append(f"{importer}:{line} imports {imported}{where}")
    return " → ".join(cycle) + "\n    " + "\n    ".join(steps)


def test_no_import_cycles():
    graph = _graph()
    edges = {
        importer: {
            imported
            for imported, uses in targets.items()
            if any(not in_ready for _, _, in_ready in uses)
        }
        for importer, targets in graph.items()
    }
    cycles = _cycles(edges)
    assert not cycles, "Import cycles in wagtail_ward/:\n" + "\n".join(
        _describe(graph, cycle) for cycle in cycles
    )


def _families():
    return sorted(
        f"{PACKAGE}.{folder.name}"
        for folder in ROOT.iterdir()
        if folder.is_dir() and (folder / "apps.py").exists()
    )


def test_no_function_level_imports_within_a_page_family():
    graph = _graph()
    found = []
    for family in _families():
        inside = family + "."
        for importer, targets in sorted(graph.items()):
            if not importer.startswith(inside):
                continue
            for imported, uses in sorted(targets.items()):
                if not imported.startswith(inside):
                    continue
                for line, in_function, in_ready in uses:
                    if in_function and not in_ready:
                        found.append(f"{importer}:{line} imports {imported} inside a function")
    assert not found, "Move these imports to the top of their module:\n" + "\n".join(found)


def test_the_reader_sees_nested_imports_and_leaves_out_ready():
    """The reader itself: an import inside a function counts, one in ``AppConfig.ready()`` does
    not, and a loop is named from its first module."""
    visitor = _ImportVisitor()
    visitor.visit(
        ast.parse(
            "from . import a\n"
            "class Config(AppConfig):\n"
            "    def ready(self):\n"
            "        from .b import c\n"
            "def helper():\n"
            "    from ..d import e\n"
        )
    )
    assert [(in_function, in_ready) for _, in_function, in_ready, _ in visitor.imports] == [
        (False, False),
        (True, True),
        (True, False),
    ]
    modules = {"wagtail_ward.x.d": None, "wagtail_ward.x.y.a": None}
    assert _targets("wagtail_ward.x.y.z", False, ((None, 1), "a"), modules) == {
        "wagtail_ward.x.y.a"
    }
    assert _targets("wagtail_ward.x.y.z", False, (("d", 2), "e"), modules) == {"wagtail_ward.x.d"}
    # A submodule that takes a sibling from its own package needs no more of the package, but
    # one that takes a name from the package's __init__ depends on it.
    modules = {"wagtail_ward.m": None, "wagtail_ward.m.a": None, "wagtail_ward.m.b": None}
    assert _targets("wagtail_ward.m.b", False, ((None, 1), "a"), modules) == {"wagtail_ward.m.a"}
    assert _targets("wagtail_ward.m.b", False, ((None, 1), "Page"), modules) == {"wagtail_ward.m"}
    edges = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _cycles(edges) == [["a", "b", "c", "a"]]
