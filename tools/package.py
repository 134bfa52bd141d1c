#!/usr/bin/env python3
"""Build the installable plugin zip: dist/gi_qgis_plugin-<version>.zip.

Contents: the gi_qgis_plugin package (no caches, no tests), metadata.txt copied in from the
repository root (its single source), LICENSE, README, CHANGELOG and the compiled .qm catalogue
(compiled here if missing). The zip's top folder is the plugin folder name QGIS expects.
"""

from __future__ import annotations

import configparser
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PKG = "gi_qgis_plugin"
SKIP_DIRS = {"__pycache__", ".pytest_cache"}
SKIP_SUFFIXES = {".pyc", ".pyo"}
SKIP_ENDINGS = (".aux.xml",)


def version() -> str:
    cp = configparser.ConfigParser(interpolation=None)
    cp.read(ROOT / "metadata.txt", encoding="utf-8")
    return cp["general"]["version"]


def wanted(rel: Path) -> bool:
    """A file of the plugin folder that belongs in the zip: no caches, no GDAL statistics
    (.aux.xml, written next to the sample rasters by a local run)."""
    if SKIP_DIRS.intersection(rel.parts) or rel.suffix in SKIP_SUFFIXES:
        return False
    return not rel.name.endswith(SKIP_ENDINGS)


def build(dist: Path) -> Path:
    subprocess.run([sys.executable, str(ROOT / "tools" / "i18n.py"), "compile"], check=True)
    dist.mkdir(parents=True, exist_ok=True)
    out = dist / f"{PKG}-{version()}.zip"
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted((ROOT / PKG).rglob("*")):
            rel = path.relative_to(ROOT)
            if path.is_dir() or not wanted(rel):
                continue
            zf.write(path, rel.as_posix())
        zf.write(ROOT / "metadata.txt", f"{PKG}/metadata.txt")
        for name in ("LICENSE", "README.md", "CHANGELOG.md"):
            zf.write(ROOT / name, f"{PKG}/{name}")
    return out


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "dist"
    print(build(target if target.is_absolute() else ROOT / target))
