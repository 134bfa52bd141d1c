#!/usr/bin/env python3
"""Keep the German catalogue in step with the sources.

    python3 tools/i18n.py update   add new tr() strings to the .ts (unfinished), drop vanished ones
    python3 tools/i18n.py check    exit 1 if a string is missing, vanished or untranslated
    python3 tools/i18n.py compile  build the .qm with lrelease
    python3 tools/i18n.py fill [F]  set translations from a JSON object {source: German} (file or stdin)

Strings are found with Python's ast: every call ``tr("literal")``, ``self.tr("literal")`` or
``N_("literal")`` (texts declared in scoring/, translated where shown)
(also with implicit string concatenation). A call to tr() with anything but a literal is an
error, because no catalogue could hold its text.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PKG = ROOT / "gi_qgis_plugin"
TS = PKG / "resources" / "i18n" / "gi_qgis_plugin_de.ts"
CONTEXT = "gi"


def extract() -> tuple[list[str], list[str]]:
    """Return (strings in source order without repeats, problems)."""
    seen: dict[str, None] = {}
    problems: list[str] = []
    for path in sorted(PKG.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        # the delegating definitions themselves (def tr(self, text): return tr(text)) pass text on
        passing_on = {
            id(call)
            for fn in ast.walk(tree)
            if isinstance(fn, ast.FunctionDef) and fn.name == "tr"
            for call in ast.walk(fn)
            if isinstance(call, ast.Call)
        }
        for node in ast.walk(tree):
            if id(node) in passing_on:
                continue
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            if name not in ("tr", "N_"):
                continue
            if len(node.args) != 1 or node.keywords:
                problems.append(f"{path.relative_to(ROOT)}:{node.lineno}: tr() takes one literal")
                continue
            arg = node.args[0]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                seen.setdefault(arg.value, None)
            else:
                problems.append(f"{path.relative_to(ROOT)}:{node.lineno}: tr() needs a string literal")
    return list(seen), problems


def read_ts() -> dict[str, tuple[str, bool]]:
    """source -> (translation, finished)."""
    if not TS.exists():
        return {}
    out: dict[str, tuple[str, bool]] = {}
    for msg in ET.parse(TS).getroot().iter("message"):
        src = msg.findtext("source") or ""
        t = msg.find("translation")
        text = (t.text or "") if t is not None else ""
        finished = t is not None and t.get("type") not in ("unfinished", "vanished", "obsolete")
        out[src] = (text, finished and bool(text))
    return out


def write_ts(strings: list[str], existing: dict[str, tuple[str, bool]]) -> None:
    root = ET.Element("TS", version="2.1", language="de_DE", sourcelanguage="en")
    ctx = ET.SubElement(root, "context")
    ET.SubElement(ctx, "name").text = CONTEXT
    for s in strings:
        msg = ET.SubElement(ctx, "message")
        ET.SubElement(msg, "source").text = s
        text, finished = existing.get(s, ("", False))
        tr_el = ET.SubElement(msg, "translation")
        tr_el.text = text
        if not finished:
            tr_el.set("type", "unfinished")
    ET.indent(root, space="    ")
    TS.parent.mkdir(parents=True, exist_ok=True)
    body = ET.tostring(root, encoding="unicode")
    TS.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def check() -> list[str]:
    strings, problems = extract()
    existing = read_ts()
    for s in strings:
        if s not in existing:
            problems.append(f"not in the catalogue (run tools/i18n.py update): {s!r}")
        elif not existing[s][1]:
            problems.append(f"no German translation: {s!r}")
    for s in existing:
        if s not in strings:
            problems.append(f"in the catalogue but no longer in the code (run update): {s!r}")
    return problems


def compile_qm() -> None:
    exe = shutil.which("lrelease") or shutil.which("lrelease-qt5") or "/usr/lib/qt5/bin/lrelease"
    if not Path(exe).exists() and not shutil.which(exe):
        sys.exit("lrelease not found: install qttools5-dev-tools (Debian) to compile translations")
    subprocess.run([exe, "-silent", str(TS), "-qm", str(TS.with_suffix(".qm"))], check=True)


def main(argv: list[str]) -> int:
    cmd = argv[1] if len(argv) > 1 else "check"
    if cmd == "update":
        strings, problems = extract()
        write_ts(strings, read_ts())
        for p in problems:
            print(p)
        missing = sum(1 for s in strings if not read_ts()[s][1])
        print(f"{len(strings)} strings, {missing} without German translation -> {TS.relative_to(ROOT)}")
        return 1 if problems else 0
    if cmd == "check":
        problems = check()
        for p in problems:
            print(p)
        return 1 if problems else 0
    if cmd == "fill":
        # JSON object {"English source": "German translation", ...} on stdin or in a file
        import json

        data = json.loads(Path(argv[2]).read_text(encoding="utf-8") if len(argv) > 2 else sys.stdin.read())
        existing = read_ts()
        unknown = [k for k in data if k not in existing]
        for k, v in data.items():
            if k in existing and v:
                existing[k] = (v, True)
        strings, _ = extract()
        write_ts(strings, existing)
        for k in unknown:
            print(f"not in the catalogue (run update first): {k!r}")
        return 1 if unknown else 0
    if cmd == "compile":
        compile_qm()
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
