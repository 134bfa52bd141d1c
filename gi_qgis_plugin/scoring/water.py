"""Runoff and retention: the one source of water numbers for roofs, streets and the design check.

``resources/surfaces.csv`` holds, per surface code, the runoff coefficients of DWA-A 138-1
(10/2024) Tab. 9: ``c_m`` (mean, for volumes of a design event) and ``c_s`` (peak, for the
Überflutungsnachweis), and for roofs an **annual** retention share (the share of the annual
precipitation that does not run off). The two must not be mixed: C_m answers "how much of a
design rain runs off", the annual share answers "how many m³ per year stay on the roof".

For surfaces without an annual figure the annual runoff share is taken as C_m, the method of
domain_review.md §4a for street unsealing (gain = area × (C_m,before − C_m,after) × P) [U as an
annual figure]. No qgis imports.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..paths import RESOURCES

SURFACES_CSV = "surfaces.csv"
# Annual precipitation of the water figures (roofs, streets): 922 mm/a, Essen-Bredeney 1991–2020
# (DWD meteorologist in WAZ/NRZ) [V]; the Ruhr spans about 750–950 mm/a: set the local value.
ANNUAL_PRECIP_MM = 922.0
SEALING_CLASSES = ("building", "1", "2", "3", "4", "open", "")


@dataclass(frozen=True)
class Surface:
    code: str
    name_de: str
    name_en: str
    kind: str  # roof | ground | green | water
    c_m: float
    c_s: float
    annual_runoff: float  # share of the annual precipitation that runs off
    source: str
    source_annual: str
    # sealing class after Umweltatlas Berlin 01.02 (Tab. 1 Belagsklassen): "building" (bebaut
    # versiegelt), "1".."4" (unbebaut versiegelt, Belagsklasse 1 = Asphalt … 4 = Rasengitter),
    # "open" (not sealed), "" where a user's table has no such column
    sealing: str = ""
    source_sealing: str = ""


def read_surfaces(path: Path | None = None) -> dict[str, Surface]:
    """The surface table (a user's own table may replace the shipped one); checks every row."""
    path = path or (RESOURCES / SURFACES_CSV)
    with Path(path).open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    need = {"code", "c_m", "c_s", "source"}
    missing = need - set(rows[0] if rows else {})
    if missing:
        raise ValueError(f"{path}: columns missing: {', '.join(sorted(missing))}")
    out: dict[str, Surface] = {}
    for row in rows:
        if not (row.get("source") or "").strip():
            raise ValueError(f"{path}: row without source: {row.get('code')}")
        c_m, c_s = float(row["c_m"]), float(row["c_s"])
        annual = (row.get("annual_retention") or "").strip()
        if not (0.0 <= c_m <= 1.0 and 0.0 <= c_s <= 1.0):
            raise ValueError(f"{path}: runoff coefficient outside 0–1 in row {row['code']}")
        out[row["code"].strip()] = Surface(
            code=row["code"].strip(), name_de=row.get("name_de", ""), name_en=row.get("name_en", ""),
            kind=row.get("kind", ""), c_m=c_m, c_s=c_s,
            annual_runoff=(1.0 - float(annual)) if annual else c_m,
            source=row["source"], source_annual=row.get("source_annual", "") or row["source"],
            sealing=(row.get("sealing") or "").strip(), source_sealing=(row.get("source_sealing") or "").strip(),
        )
        if out[row["code"].strip()].sealing not in SEALING_CLASSES:
            raise ValueError(f"{path}: sealing {row.get('sealing')!r} in row {row['code']} is not one of "
                             f"{', '.join(c for c in SEALING_CLASSES if c)} (or empty)")
    return out


@lru_cache(maxsize=1)
def surfaces() -> dict[str, Surface]:
    """The shipped table, read once."""
    return read_surfaces()


def _lookup(codes, attr: str, table: dict[str, Surface] | None) -> np.ndarray:
    table = table or surfaces()
    arr = np.asarray(codes, dtype=object)
    uniq, inverse = np.unique(np.where(np.equal(arr, None), "", arr).astype(str), return_inverse=True)
    vals = np.array([getattr(table[u], attr) if u in table else np.nan for u in uniq.tolist()], dtype=float)
    return vals[inverse.reshape(arr.shape)]


def c_m(codes, table: dict[str, Surface] | None = None) -> np.ndarray:
    """Mean runoff coefficient per feature (NaN for an unknown code)."""
    return _lookup(codes, "c_m", table)


def c_s(codes, table: dict[str, Surface] | None = None) -> np.ndarray:
    """Peak runoff coefficient per feature (NaN for an unknown code)."""
    return _lookup(codes, "c_s", table)


def annual_runoff_share(codes, table: dict[str, Surface] | None = None) -> np.ndarray:
    """Share of the annual precipitation that runs off, per feature (NaN for an unknown code)."""
    return _lookup(codes, "annual_runoff", table)


def annual_runoff_m3(area_m2, codes, precip_mm, table: dict[str, Surface] | None = None) -> np.ndarray:
    """Annual runoff in m³/a: precipitation (m/a) × area × annual runoff share."""
    return np.asarray(precip_mm, float) / 1000.0 * np.asarray(area_m2, float) * annual_runoff_share(codes, table)


def retention_gain_m3a(area_m2, before, after, precip_mm, table: dict[str, Surface] | None = None) -> np.ndarray:
    """Rain kept back per year by turning ``before`` into ``after`` surfaces, m³/a.

    = precipitation (m/a) × area (horizontal projection: rain falls on it) × (runoff share before
    − runoff share after). A greened plain roof at 10 cm: 0.9 m/a × 100 m² × (0.9 − 0.5) = 36 m³/a.
    """
    return (np.asarray(precip_mm, float) / 1000.0 * np.asarray(area_m2, float)
            * (annual_runoff_share(before, table) - annual_runoff_share(after, table)))
