"""The shape of the code (README, Layout): layers without upward imports, no import cycle, and
access that fails closed for a model that does not say where its rows belong."""

import subprocess
import sys
from pathlib import Path

import grimp
import pytest
from django.conf import settings
from django.core import checks

from formatie.models import Rol
from regiekamer import access
from regiekamer.declarations import Undeclared, scope_of, undeclared_models

ROOT = Path(settings.BASE_DIR)


def test_the_layer_contracts_hold():
    """`lint-imports` (run by `make test` too) keeps every app below the ones that use it."""
    result = subprocess.run(
        [Path(sys.executable).with_name("lint-imports")], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout[-3000:]
    assert "0 broken" in result.stdout


def strongly_connected(graph, modules):
    """Tarjan: the groups of modules that import each other, directly or through others."""
    index, low, stack, on_stack, groups = {}, {}, [], set(), []

    def visit(module):
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for imported in graph.find_modules_directly_imported_by(module) & modules:
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in on_stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            group = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.add(member)
                if member == module:
                    break
            groups.append(group)

    for module in sorted(modules):
        if module not in index:
            visit(module)
    return groups


def test_no_module_imports_itself_round_about():
    """No import cycle, not even through an import inside a function."""
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 5000))
    sys.path.insert(0, str(ROOT))
    graph = grimp.build_graph(*settings.REGIEKAMER_APPS)
    modules = {m for m in graph.modules if ".migrations" not in m}
    cycles = [sorted(group) for group in strongly_connected(graph, modules) if len(group) > 1]
    assert cycles == []


def test_every_model_says_where_its_rows_belong():
    assert undeclared_models() == []
    assert [e for e in checks.run_checks() if e.id == "regiekamer.E001"] == []


def test_an_undeclared_model_stops_start_up_and_is_refused(monkeypatch, regie_user, demo):
    """Access fails closed: without ``access_scope`` a model is no longer taken as shared."""
    rol = Rol.objects.filter(samenwerkingsverband__afkorting="MLW").first()
    monkeypatch.delattr(Rol, "access_scope")
    errors = [e for e in checks.run_checks() if e.id == "regiekamer.E001"]
    assert [e.obj for e in errors] == [Rol]
    assert "formatie.Rol zegt niet bij welk samenwerkingsverband" in errors[0].msg
    with pytest.raises(Undeclared):
        scope_of(Rol)
    with pytest.raises(Undeclared):
        access.can(regie_user, "change", rol)
    with pytest.raises(Undeclared):
        access.scope(regie_user, Rol.objects.all())
