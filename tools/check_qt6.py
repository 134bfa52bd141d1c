#!/usr/bin/env python3
"""Fail on code that would break under QGIS 4 / Qt6.

Checks every .py file of the plugin and the tests for:
- imports of PyQt5 / PyQt6 / sip directly (use qgis.PyQt),
- ``exec_(`` (removed in Qt6; use ``exec()``),
- unscoped enum values such as ``Qt.AlignLeft``, ``QgsWkbTypes.Polygon`` or
  ``QgsProcessingParameterNumber.Double`` (use ``Qt.AlignmentFlag.AlignLeft``,
  ``Qgis.WkbType.Polygon``, ``Qgis.ProcessingNumberParameterType.Double``).
A line may opt out with ``# qt6-ok`` and a reason.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIRS = ["gi_qgis_plugin", "tests", "tools", "benchmarks"]

IMPORT = re.compile(r"^\s*(from|import)\s+(PyQt5|PyQt6|sip)\b")
EXEC_ = re.compile(r"\bexec_\s*\(")
# Class (Qt, Q…, Qgs…) dot Capitalised name that is neither followed by "." (an enum type, as
# in Qt.AlignmentFlag.AlignLeft) nor by "(" (a call or constructor): an unscoped enum value.
UNSCOPED = re.compile(r"\b(Qt|Q[A-Z][A-Za-z0-9]*)\.([A-Z][a-z][A-Za-z0-9_]*)\b(?!\s*[.(])")


def problems(path: Path) -> list[str]:
    out = []
    for no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if "qt6-ok" in line:
            continue
        code = line.split("#", 1)[0]
        if IMPORT.search(code):
            out.append(f"{path.relative_to(ROOT)}:{no}: import through qgis.PyQt, not directly")
        if EXEC_.search(code):
            out.append(f"{path.relative_to(ROOT)}:{no}: exec_() is gone in Qt6, call exec()")
        for m in UNSCOPED.finditer(code):
            out.append(f"{path.relative_to(ROOT)}:{no}: unscoped enum {m.group(0)}: use the full scope")
    return out


def main() -> int:
    found: list[str] = []
    for d in DIRS:
        for path in sorted((ROOT / d).rglob("*.py")):
            if path.resolve() == Path(__file__).resolve():
                continue
            found += problems(path)
    for p in found:
        print(p)
    print(f"qt6 check: {len(found)} problem(s)")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
