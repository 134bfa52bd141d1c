#!/usr/bin/env python3
"""Regenerate the sample district that ships with the plugin (gi_qgis_plugin/resources/sample).

    bash tools/qgis_env.sh run python3 tools/make_sample.py

Musterstadt with 1,500 buildings and seed 1: musterstadt.gpkg (vacuumed), heat.tif and
starkregen.tif (DEFLATE). tests/test_generator.py checks that the shipped files equal a fresh
generation with these parameters, so run this script after every change to the generator.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gi_qgis_plugin.sample.generator import generate  # noqa: E402

SAMPLE_DIR = ROOT / "gi_qgis_plugin" / "resources" / "sample"
N_BUILDINGS = 1500
SEED = 1


def main() -> int:
    result = generate(SAMPLE_DIR, n_buildings=N_BUILDINGS, seed=SEED)
    with sqlite3.connect(result.gpkg) as con:  # drop the free pages of the bulk write
        con.execute("VACUUM")
    con.close()
    total = 0
    for path in (result.gpkg, result.heat_tif, result.rain_tif):
        size = Path(path).stat().st_size
        total += size
        print(f"{Path(path).relative_to(ROOT)}: {size / 1e6:.2f} MB")
    print(f"total {total / 1e6:.2f} MB; layers: " + ", ".join(f"{k} {v}" for k, v in result.counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
