"""The pure core imports nothing from QGIS or Qt (DESIGN.md: scoring/, catalog.py, lod2.py,
sample/ and contract.py run in plain Python, e.g. on a cluster)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parent.parent / "gi_qgis_plugin"
PURE = sorted([*PKG.joinpath("scoring").glob("*.py"), *PKG.joinpath("sample").glob("*.py"),
               PKG / "catalog.py", PKG / "lod2.py", PKG / "contract.py", PKG / "paths.py"])
FORBIDDEN = ("qgis", "PyQt5", "PyQt6", "processing")
# modules of the plugin outside the pure set: importing one of them would bring qgis in
IMPURE = ("processing", "ui", "i18n", "styles", "plugin", "deps")


def imports(path: Path) -> list[tuple[int, str, int]]:
    """(line, module, relative level) of every import in ``path``, also inside functions."""
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out += [(node.lineno, a.name, 0) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            out.append((node.lineno, node.module or "", node.level))
    return out


@pytest.mark.parametrize("path", PURE, ids=lambda p: str(p.relative_to(PKG)))
def test_pure_module_imports_no_qgis(path):
    bad = []
    for line, module, level in imports(path):
        top = module.split(".")[0]
        if level == 0 and top in FORBIDDEN:
            bad.append((line, module))
        if level > 0 and top in IMPURE:
            bad.append((line, "." * level + module))
    assert not bad, f"{path.name} imports {bad}"


def test_the_check_sees_a_qgis_import(tmp_path):
    probe = tmp_path / "probe.py"
    probe.write_text("def f():\n    from qgis.core import QgsVectorLayer\n    from ..processing import read\n")
    assert [(m, lv) for _, m, lv in imports(probe)] == [("qgis.core", 0), ("processing", 2)]
