"""Design check for landscape architects (``gi:designcheck``): pure numpy + shapely, no qgis.

A design is a set of polygons, each with a surface code of ``resources/surfaces.csv`` (the one
vocabulary: runoff coefficients C_m / C_s after DWA-A 138-1 Tab. 9, annual retention, sealing
class), plus tree points and optionally a street edge and the existing state. This module turns
them into the figures a landscape architect must show, per polygon and in total, and checks each
against an orientation value tied to its Handlungsziel:

- sealed share (Umweltatlas Berlin 01.02: buildings and Belagsklassen 1–4) and unsealed area;
- area-weighted C_m and C_s, annual runoff and retention (``scoring/water.py``);
- green share of the roof area (HZ 02), trees per 100 m of street edge (HZ 03);
- biotope value points before and after and their balance in the NRW form (values from
  ``scoring/biotope.py``; the surface → biotope type mapping in ``resources/design_biotope.csv``);
- the retention volume of the Überflutungsnachweis after DIN 1986-100:2016 Gl. 20.

Every number comes from the shared tables; this module adds only the design logic. Overlapping
design polygons are counted once (the first polygon in layer order keeps the overlap), unknown
surface codes are left out of every figure and named, and the balance covers only the part of
the design where the existing state is known, so that before and after compare the same area.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
import shapely

from ..paths import RESOURCES
from . import water
from .roofs import PRECIP_MM
from .spec import N_

DESIGN_BIOTOPE_CSV = "design_biotope.csv"
SEALED_CLASSES = ("building", "1", "2", "3", "4")  # Umweltatlas Berlin 01.02: all count as versiegelt
PARTLY_CLASSES = ("3", "4")  # the lower-impact Belagsklassen ("teilversiegelt" in this plugin's words)
AREA_EPS = 1e-6  # m²: slivers below this are rounding, not overlaps

# ----------------------------------------------------------------------------------------------
# Parameters with their sources
# ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rain:
    """Rain for the annual figures and the Überflutungsnachweis.

    Defaults: the annual precipitation of ``scoring/roofs.PRECIP_MM``; r(5,30) = 433 and r(5,2) = 209 l/(s·ha)
    are the KOSTRA-DWD 2020 values of Düsseldorf Stadtmitte (cell 08-052) in the City of
    Düsseldorf's worked example of Gl. 20 [V duesseldorf.de/kanal/kunden/kanalanschluss/
    ueberflutungsnachweis.html] - a Rhine-Ruhr example, not the user's site: set the values of
    the KOSTRA-DWD 2020 cell of the plot [U for any other site]. D = 5 min "in der Regel" [V same
    page]. 800 m² befestigte Fläche: the threshold of DIN 1986-100:2016 for the Nachweis [V same
    page; ebook-tipp.eu]. ``provided_m3``: retention volume the design provides (Mulden,
    Retentionsdach, Rigolen), set by the user.
    """

    precip_mm: float = PRECIP_MM
    r_d30: float = 433.0
    r_d2: float = 209.0
    duration_min: float = 5.0
    min_paved_m2: float = 800.0
    provided_m3: float = 0.0


@dataclass(frozen=True)
class Orientation:
    """Orientation values of the checks (shares 0–1). See :data:`CHECK_INFO` for the sources."""

    green_roof_share: float = 0.5
    trees_per_100m: float = 7.0
    sealed_share_max: float = 0.6
    runoff_share_max: float = 0.4
    disconnected_min: float = 0.25
    retention_gain_pp: float = 10.0
    biotope_balance_min: float = 0.0


@dataclass(frozen=True)
class CheckInfo:
    label: str  # N_ marked
    hz: str  # gi_hz format
    comparator: str  # ge | le | info
    unit: str  # "%", "/100 m", "pp", "m³", "points"
    source: str


CHECK_INFO: dict[str, CheckInfo] = {
    "green_roofs": CheckInfo(
        N_("Green share of the roof area"), "02", "ge", "%",
        "HZ 02: half of the flat roofs green by 2030, green roofs the standard on new buildings "
        "(Strategie Grüne Infrastruktur, seed 002) [V]; 50 % taken as the orientation value, "
        "set 100 % for new buildings [U]"),
    "trees": CheckInfo(
        N_("Trees per 100 m of street edge"), "03", "ge", "/100 m",
        "HZ 03 asks for orientation values for street trees still to be agreed (seed 002) [V]; "
        "7 per 100 m = large-crowned trees at 12–15 m spacing on one side (domain_review.md "
        "§4a, RASt 06 sets no number) [U]"),
    "sealed": CheckInfo(
        N_("Sealed share (buildings and paved surfaces)"), "03", "le", "%",
        "HZ 03 Teilentsiegelung (seed 002) [V]; sealed = buildings and Belagsklassen 1–4 "
        "(Umweltatlas Berlin 01.02) [V2]; 60 % the plugin's orientation value, below the cap of "
        "a GRZ 0.8 with ancillary surfaces (§ 19 (4) BauNVO) [U]"),
    "sealed_change": CheckInfo(
        N_("Sealed area compared with the existing state"), "03", "le", "m²",
        "HZ 03 Teilentsiegelung and HZ 20 (seed 002) [V]: the design should not seal more "
        "than the existing state on the same area [U as a rule]"),
    "runoff": CheckInfo(
        N_("Annual runoff share"), "24", "le", "%",
        "HZ 24: runoff becomes the exception (seed 002) [V]; annual runoff shares from "
        "resources/surfaces.csv; 40 % the plugin's orientation value [U]"),
    "disconnected": CheckInfo(
        N_("Sealed area disconnected from the sewer"), "24", "ge", "%",
        "Klima.Werk / Ruhrkonferenz 'Klimaresiliente Region': 25 % of sealed areas "
        "disconnected by 2040 (essen.de, herne.de) [V]"),
    "retention_gain": CheckInfo(
        N_("Rain kept on site, gain over the existing state"), "24", "ge", "pp",
        "Klima.Werk: evaporation +10 percentage points by 2040 (essen.de) [V]; proxy: the share "
        "of the annual rain that does not run off (evaporation and infiltration), compared on "
        "the area where the existing state is known; a water balance after DWA-M 102-4 gives "
        "evaporation itself [U as a proxy]"),
    "biotope": CheckInfo(
        N_("Biotope value balance (Planung − Bestand)"), "08,10", "ge", "points",
        "LANUV/LANUK Numerische Bewertung von Biotoptypen (values: resources/biotope_types.csv); "
        "a deficit is the Kompensationsbedarf, to be met on site, in an Ökokonto or a "
        "compensation pool (HZ 08) [V method; values see the table]"),
    "overflow": CheckInfo(
        N_("Retention volume of the Überflutungsnachweis (DIN 1986-100 Gl. 20)"), "24", "ge", "m³",
        "DIN 1986-100:2016 Gl. 20, required above 800 m² befestigte Fläche; C_s from DWA-A "
        "138-1 Tab. 9 (resources/surfaces.csv); rain from KOSTRA-DWD 2020 as set by the user "
        "(duesseldorf.de worked example) [V]; checked against the volume the design provides"),
}
CHECK_ORDER = tuple(CHECK_INFO)

STATUS_PASS, STATUS_FAIL, STATUS_NA = "pass", "fail", "n/a"

# Why a check could not be evaluated (N_ marked, translated where shown)
NA_REASONS = {
    "no_roofs": N_("the design has no roof surfaces"),
    "no_edge": N_("no street edge given"),
    "no_existing": N_("no existing state given"),
    "no_existing_surface": N_("the existing state is given as biotope types, without surface codes"),
    "no_disconnect": N_("no field says which surfaces are disconnected"),
    "no_sealed": N_("the design has no sealed surfaces"),
    "below_threshold": N_("befestigte Fläche not above the threshold: no Überflutungsnachweis required"),
    "no_area": N_("no usable design area"),
    "no_biotope": N_("no biotope value for the design"),
}


@dataclass
class Check:
    key: str
    value: float  # in the check's unit (shares as %)
    target: float
    status: str  # pass | fail | n/a
    na_reason: str = ""  # key of NA_REASONS

    @property
    def info(self) -> CheckInfo:
        return CHECK_INFO[self.key]


# ----------------------------------------------------------------------------------------------
# Surface → biotope type mapping (values live in scoring/biotope.py, never here)
# ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BiotopeMap:
    biotope: dict[str, str]  # surface code -> biotope type code
    source: dict[str, str]


def read_biotope_map(path: Path | None = None) -> BiotopeMap:
    path = Path(path or (RESOURCES / DESIGN_BIOTOPE_CSV))
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    out, src = {}, {}
    for row in rows:
        code = (row.get("surface") or "").strip()
        if not code:
            continue
        if not (row.get("source") or "").strip():
            raise ValueError(f"{path}: row {code} has no source")
        out[code] = (row.get("biotope") or "").strip()
        src[code] = row["source"].strip()
    return BiotopeMap(out, src)


@lru_cache(maxsize=1)
def biotope_map() -> BiotopeMap:
    return read_biotope_map()


# A biotope lookup: type codes/names -> (canonical code, name, value A, value P) per item.
# The default reads scoring/biotope.py; tests and users may pass their own.
BiotopeLookup = Callable[[Sequence], "BiotopeValues"]


@dataclass
class BiotopeValues:
    code: np.ndarray  # canonical code, None where unknown
    name: np.ndarray  # German name, "" where unknown
    value_a: np.ndarray
    value_p: np.ndarray
    unknown: dict[str, int] = field(default_factory=dict)


def default_biotope_lookup(types: Sequence) -> BiotopeValues:
    """Look biotope types up in ``scoring/biotope.py`` (the one source of biotope values)."""
    from . import biotope

    table = biotope.biotope_table()
    tv = biotope.values_for_types(types, table)
    names = np.array([table.types[c].name_de if c is not None else "" for c in tv.code.tolist()], dtype=object)
    return BiotopeValues(code=tv.code, name=names, value_a=tv.value_a, value_p=tv.value_p, unknown=dict(tv.unknown))


# ----------------------------------------------------------------------------------------------
# Geometry helpers
# ----------------------------------------------------------------------------------------------


def resolve_overlaps(geoms: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Polygons that overlap earlier ones (layer order) lose the overlapping part.

    Returns (effective geometries, removed area per polygon). The first polygon keeps a shared
    area, so every m² of the design is counted once.
    """
    geoms = np.asarray(geoms, dtype=object)
    n = len(geoms)
    eff = geoms.copy()
    removed = np.zeros(n)
    ok = np.flatnonzero(~shapely.is_missing(geoms) & ~shapely.is_empty(geoms)) if n else np.array([], int)
    if ok.size < 2:
        return eff, removed
    tree = shapely.STRtree(geoms[ok])
    qi, ti = tree.query(geoms[ok], predicate="intersects")
    earlier = ti < qi
    qi, ti = qi[earlier], ti[earlier]
    if qi.size == 0:
        return eff, removed
    inter = shapely.area(shapely.intersection(geoms[ok][qi], geoms[ok][ti]))
    real = inter > AREA_EPS
    qi, ti = qi[real], ti[real]
    for q in np.unique(qi).tolist():
        i = ok[q]
        before = shapely.area(geoms[i])
        eff[i] = shapely.difference(geoms[i], shapely.union_all(geoms[ok][ti[qi == q]]))
        removed[i] = before - shapely.area(eff[i])
    return eff, removed


def pair_areas(a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(index in a, index in b, intersection area) of every pair sharing area."""
    a = np.asarray(a, dtype=object)
    b = np.asarray(b, dtype=object)
    oka = np.flatnonzero(~shapely.is_missing(a) & ~shapely.is_empty(a)) if len(a) else np.array([], int)
    okb = np.flatnonzero(~shapely.is_missing(b) & ~shapely.is_empty(b)) if len(b) else np.array([], int)
    if oka.size == 0 or okb.size == 0:
        e = np.array([], dtype=np.int64)
        return e, e, np.array([])
    tree = shapely.STRtree(b[okb])
    qi, ti = tree.query(a[oka], predicate="intersects")
    ia, ib = oka[qi], okb[ti]
    area = shapely.area(shapely.intersection(a[ia], b[ib])) if ia.size else np.array([])
    keep = area > AREA_EPS
    return ia[keep], ib[keep], area[keep]


def _sum_by(index: np.ndarray, weights: np.ndarray, n: int) -> np.ndarray:
    return np.bincount(index, weights=weights, minlength=n).astype(float) if index.size else np.zeros(n)


def _share(num: float, den: float) -> float:
    return num / den if den > 0 else float("nan")


# ----------------------------------------------------------------------------------------------
# The check
# ----------------------------------------------------------------------------------------------


@dataclass
class Existing:
    """The existing state: polygons with either surface codes or biotope types."""

    geoms: np.ndarray
    types: np.ndarray  # surface codes (kind="surface") or biotope types (kind="biotope")
    kind: str = "surface"
    korrektur: np.ndarray | None = None  # Korrekturfaktor per polygon (default 1)


@dataclass
class BilanzRow:
    code: str
    name: str
    area_m2: float
    value: float  # Grundwert A (Bestand) or P (Planung)
    korrektur: float

    @property
    def gesamtwert(self) -> float:
        return self.value * self.korrektur

    @property
    def points(self) -> float:
        return self.area_m2 * self.value * self.korrektur


@dataclass
class DesignResult:
    # per polygon (input order)
    area_m2: np.ndarray  # effective area (overlaps removed, 0 for unknown codes / no geometry)
    known: np.ndarray  # surface code known
    sealing: np.ndarray  # sealing class per polygon ("" unknown)
    sealed_m2: np.ndarray
    c_m: np.ndarray
    c_s: np.ndarray
    runoff_m3a: np.ndarray
    retention_m3a: np.ndarray
    n_trees: np.ndarray
    biotope: np.ndarray  # biotope type code (None where unmapped)
    value_p: np.ndarray
    covered_m2: np.ndarray  # area where the existing state is known
    pts_before: np.ndarray
    pts_after: np.ndarray
    overlap_m2: np.ndarray
    # totals and checks
    totals: dict[str, float]
    checks: list[Check]
    bestand: list[BilanzRow]
    planung: list[BilanzRow]
    # what was skipped, for the warnings (processing translates them)
    unknown_codes: dict[str, int]
    unknown_existing: dict[str, int]
    unmapped_biotope: dict[str, int]  # surface codes without a biotope type (or without a P value)
    unknown_planned: dict[str, int]  # planned biotope types not in the table (the surface's type is used)
    n_overlapping: int
    existing_overlap_m2: float
    outside_existing_m2: float
    trees_outside: int

    def check(self, key: str) -> Check:
        return next(c for c in self.checks if c.key == key)


def _fold(text: str) -> str:
    return " ".join(str(text).strip().casefold().replace("_", " ").split())


def normalise_surface_codes(values: Sequence, surfaces: Mapping[str, water.Surface] | None = None) -> np.ndarray:
    """Surface codes as written in the table: a code in any case, or the German or English name.

    "Rasen, Gärten (flach)", "LAWN" and "lawn" all give "lawn"; anything else is kept as given
    (stripped), so the unknown value can be named in a warning. NULL gives "".
    """
    table = surfaces or water.surfaces()
    index: dict[str, str] = {}
    for code, s in table.items():
        for key in (s.name_en, s.name_de, code):  # the code wins a clash
            if key:
                index[_fold(key)] = code
    arr = np.asarray(values, dtype=object).reshape(-1)
    out = np.empty(arr.size, dtype=object)
    cache: dict[object, str] = {}
    for i, v in enumerate(arr.tolist()):
        if v not in cache:
            text = "" if v is None else str(v).strip()
            cache[v] = index.get(_fold(text), text)
        out[i] = cache[v]
    return out


def share_of_surface_codes(values: Sequence, surfaces: Mapping[str, water.Surface] | None = None) -> float:
    """Share of the non-empty values that are surface codes (to tell an existing-state layer in the
    surface vocabulary from one with biotope types)."""
    table = surfaces or water.surfaces()
    codes = normalise_surface_codes(values, table)
    filled = [c for c in codes.tolist() if c]
    return sum(c in table for c in filled) / len(filled) if filled else 0.0


def _lookup_surface(codes: np.ndarray, table: Mapping[str, water.Surface]):
    arr = np.array(["" if c is None else str(c).strip() for c in np.asarray(codes, dtype=object).tolist()], dtype=object)
    known = np.array([c in table for c in arr.tolist()], dtype=bool)
    get = lambda attr, dflt: np.array([getattr(table[c], attr) if c in table else dflt for c in arr.tolist()])  # noqa: E731
    return arr, known, get


def _count(values) -> dict[str, int]:
    out: dict[str, int] = {}
    for v in values:
        out[v] = out.get(v, 0) + 1
    return dict(sorted(out.items(), key=lambda kv: (-kv[1], kv[0])))


def check_design(
    geoms: np.ndarray,
    codes: Sequence,
    trees: np.ndarray | None = None,
    edges: np.ndarray | None = None,
    existing: Existing | None = None,
    disconnected: np.ndarray | None = None,
    korrektur: np.ndarray | None = None,
    planned_biotope: Sequence | None = None,
    rain: Rain | None = None,
    orientation: Orientation | None = None,
    edge_tolerance_m: float = 2.0,
    surfaces: Mapping[str, water.Surface] | None = None,
    bmap: BiotopeMap | None = None,
    biotope_lookup: BiotopeLookup | None = None,
) -> DesignResult:
    """All figures and checks of a design (geometries in a metric CRS, metres).

    ``disconnected`` (bool per polygon, None = no such information): the polygon's runoff does
    not reach the sewer. ``korrektur``: Korrekturfaktor of the Planung per polygon (default 1).
    ``planned_biotope``: a biotope type per polygon (code or name of the biotope table) that
    replaces the type the surface code maps to, where given (a hedge on a planting bed …).
    ``edges``: street edge lines; only their part within ``edge_tolerance_m`` of the design
    counts.
    """
    rain = rain or Rain()
    orientation = orientation or Orientation()
    table = surfaces or water.surfaces()
    bmap = bmap or biotope_map()
    lookup = biotope_lookup or default_biotope_lookup
    geoms = np.asarray(geoms, dtype=object)
    n = len(geoms)
    code, known, get = _lookup_surface(normalise_surface_codes(codes, table) if len(codes) else codes, table)
    have = ~shapely.is_missing(geoms) & ~shapely.is_empty(geoms) if n else np.zeros(0, bool)
    unknown_codes = _count([c if c else "(empty)" for c in code[have & ~known].tolist()])
    use = have & known
    # overlaps: only among the polygons that are used, so an unknown polygon does not eat area
    masked = np.where(use, geoms, None)
    eff, removed = resolve_overlaps(masked)
    area = np.where(use, shapely.area(eff) if n else np.zeros(0), 0.0).astype(float)
    n_overlapping = int((removed > AREA_EPS).sum())

    sealing = get("sealing", "").astype(object)
    kind = get("kind", "").astype(object)
    c_m = np.where(known, get("c_m", np.nan).astype(float), np.nan)
    c_s = np.where(known, get("c_s", np.nan).astype(float), np.nan)
    runoff_share = np.where(known, get("annual_runoff", np.nan).astype(float), np.nan)
    is_sealed = np.isin(sealing, SEALED_CLASSES)
    is_partly = np.isin(sealing, PARTLY_CLASSES)
    is_roof = kind == "roof"
    is_green_roof = is_roof & np.char.startswith(code.astype(str), "green")
    is_ground_paved = kind == "ground"
    p_m = rain.precip_mm / 1000.0
    runoff = np.where(use, p_m * area * np.nan_to_num(runoff_share), 0.0)
    retention = np.where(use, p_m * area, 0.0) - runoff
    sealed_m2 = np.where(is_sealed, area, 0.0)

    # trees: each tree in the first design polygon that holds it
    n_trees = np.zeros(n, dtype=np.int64)
    trees_outside = 0
    trees_in_design = 0
    if trees is not None and len(trees):
        pts = np.asarray(trees, dtype=object)
        pts = pts[~shapely.is_missing(pts) & ~shapely.is_empty(pts)]
        okp = np.flatnonzero(use & (area > 0))
        if okp.size and pts.size:
            qi, ti = shapely.STRtree(eff[okp]).query(pts, predicate="intersects")
            order = np.lexsort((ti, qi))
            qi, ti = qi[order], ti[order]
            first = np.unique(qi, return_index=True)[1]
            np.add.at(n_trees, okp[ti[first]], 1)
            trees_in_design = int(first.size)
        trees_outside = int(pts.size - trees_in_design)

    # street edge: its length near the design
    edge_m = float("nan")
    if edges is not None and len(edges):
        lines = np.asarray(edges, dtype=object)
        lines = lines[~shapely.is_missing(lines) & ~shapely.is_empty(lines)]
        if lines.size and use.any():
            zone = shapely.buffer(shapely.union_all(eff[use]), edge_tolerance_m)
            edge_m = float(shapely.length(shapely.intersection(lines, zone)).sum())
        elif lines.size:
            edge_m = 0.0

    # biotope: Planung per polygon
    bio_code_in = np.array([bmap.biotope.get(c, "") for c in code.tolist()], dtype=object)
    unknown_planned: dict[str, int] = {}
    if planned_biotope is not None and n:
        given = np.array(["" if t is None else str(t).strip() for t in np.asarray(planned_biotope, dtype=object).tolist()], dtype=object)
        found = lookup(given).code
        ok_given = (given != "") & ~np.equal(found, None)
        bio_code_in = np.where(ok_given, found, bio_code_in)
        unknown_planned = _count(given[(given != "") & np.equal(found, None) & have].tolist())
    bvals = lookup(bio_code_in) if n else BiotopeValues(np.array([], object), np.array([], object), np.array([]), np.array([]))
    bio_code = bvals.code
    value_p = bvals.value_p.astype(float)
    k_p = np.ones(n) if korrektur is None else np.where(np.isfinite(np.asarray(korrektur, float)), np.asarray(korrektur, float), 1.0)
    no_p = use & ~np.isfinite(value_p)
    unmapped_biotope = _count(code[no_p].tolist())

    # existing state
    covered = np.zeros(n)
    pts_before = np.full(n, np.nan)
    pts_after = np.where(use & np.isfinite(value_p), area * np.nan_to_num(value_p) * k_p, np.nan)
    bestand: list[BilanzRow] = []
    planung: list[BilanzRow] = []
    unknown_existing: dict[str, int] = {}
    existing_overlap = 0.0
    outside_existing = 0.0
    bio_left_out = 0.0
    sealed_before = sealed_after = ret_before = ret_after = float("nan")
    if existing is not None:
        ex_geoms = np.asarray(existing.geoms, dtype=object)
        m = len(ex_geoms)
        ex_have = ~shapely.is_missing(ex_geoms) & ~shapely.is_empty(ex_geoms) if m else np.zeros(0, bool)
        ex_types = np.array(["" if t is None else str(t).strip() for t in np.asarray(existing.types, dtype=object).tolist()], dtype=object)
        k_a = np.ones(m) if existing.korrektur is None else np.where(
            np.isfinite(np.asarray(existing.korrektur, float)), np.asarray(existing.korrektur, float), 1.0)
        if existing.kind == "surface":
            ex_code, ex_known, ex_get = _lookup_surface(normalise_surface_codes(ex_types, table) if m else ex_types, table)
            ex_bio_in = np.array([bmap.biotope.get(c, "") for c in ex_code.tolist()], dtype=object)
            ex_vals = lookup(ex_bio_in) if m else bvals
            ex_runoff = np.where(ex_known, ex_get("annual_runoff", np.nan).astype(float), np.nan)
            ex_sealed = np.isin(ex_get("sealing", "").astype(object), SEALED_CLASSES)
            ex_ok = ex_have & ex_known  # water figures need the surface only; values are checked per pair
            unknown_existing = _count([t if t else "(empty)" for t in ex_code[ex_have & ~ex_known].tolist()])
            for c, k in _count(ex_code[ex_have & ex_known & ~np.isfinite(ex_vals.value_a)].tolist()).items():
                unmapped_biotope[c] = unmapped_biotope.get(c, 0) + k
        else:
            ex_vals = lookup(ex_types)
            ex_runoff = np.full(m, np.nan)
            ex_sealed = np.zeros(m, bool)
            ex_ok = ex_have & np.isfinite(ex_vals.value_a)
            known_type = ~np.equal(ex_vals.code, None)
            unknown_existing = _count([t if t else "(empty)" for t in ex_types[ex_have & ~known_type].tolist()])
            # a known type without a Grundwert A (a planning-only type) cannot stand in the Bestand
            for c, k in _count(ex_vals.code[ex_have & known_type & ~np.isfinite(ex_vals.value_a)].tolist()).items():
                unmapped_biotope[c] = unmapped_biotope.get(c, 0) + k
        ex_eff, ex_removed = resolve_overlaps(np.where(ex_ok, ex_geoms, None))
        existing_overlap = float(ex_removed.sum())
        di, ej, a_ij = pair_areas(np.where(use, eff, None), ex_eff)
        covered_any = _sum_by(di, a_ij, n)
        val_a = ex_vals.value_a.astype(float)
        # the balance compares only the area where both A (existing) and P (design) are known
        bio = np.isfinite(val_a[ej]) & np.isfinite(value_p[di]) if di.size else np.zeros(0, bool)
        covered = _sum_by(di[bio], a_ij[bio], n)
        pts_before = np.where(use, _sum_by(di[bio], (a_ij * val_a[ej] * k_a[ej])[bio], n), np.nan)
        pts_after = np.where(use & np.isfinite(value_p), covered * np.nan_to_num(value_p) * k_p, np.nan)
        outside_existing = float((area - covered_any)[use].sum())
        bio_left_out = float((covered_any - covered)[use].sum())
        # Bestand rows by (type, K); Planung rows by (type, K) over the covered area
        bestand = _bilanz_rows(ex_vals.code[ej][bio], ex_vals.name[ej][bio], a_ij[bio], val_a[ej][bio], k_a[ej][bio])
        okp = use & np.isfinite(value_p) & (covered > AREA_EPS)
        planung = _bilanz_rows(bio_code[okp], bvals.name[okp], covered[okp], value_p[okp], k_p[okp])
        if existing.kind == "surface" and a_ij.size:
            cov = a_ij.sum()
            sealed_before = float((a_ij * ex_sealed[ej]).sum())
            sealed_after = float((a_ij * is_sealed[di]).sum())
            ret_before = 1.0 - float((a_ij * ex_runoff[ej]).sum()) / cov
            ret_after = 1.0 - float((a_ij * runoff_share[di]).sum()) / cov
    else:
        okp = use & np.isfinite(value_p)
        planung = _bilanz_rows(bio_code[okp], bvals.name[okp], area[okp], value_p[okp], k_p[okp])

    # totals
    total = float(area.sum())
    roof_m2 = float(area[is_roof].sum())
    green_roof_m2 = float(area[is_green_roof].sum())
    sealed_total = float(sealed_m2.sum())
    a_dach = roof_m2
    a_fag = float(area[is_ground_paved].sum())
    cs_dach = _share(float((area * np.nan_to_num(c_s))[is_roof].sum()), a_dach)
    cs_fag = _share(float((area * np.nan_to_num(c_s))[is_ground_paved].sum()), a_fag)
    v_rueck = gl20_volume(a_dach + a_fag, a_dach, cs_dach if a_dach > 0 else 0.0, a_fag, cs_fag if a_fag > 0 else 0.0,
                          rain.r_d30, rain.r_d2, rain.duration_min)
    disc = None if disconnected is None else np.asarray(disconnected, dtype=bool)
    disc_m2 = float("nan") if disc is None else float(sealed_m2[disc & use].sum())
    sewer_runoff = float(runoff.sum()) if disc is None else float(runoff[~disc].sum())
    before_sum = float(np.nansum(pts_before)) if existing is not None else float("nan")
    after_sum = float(np.nansum(pts_after))
    totals = {
        "area_m2": total,
        "sealed_m2": sealed_total,
        "partly_m2": float(area[is_partly].sum()),
        "unsealed_m2": total - sealed_total,
        "sealed_share": _share(sealed_total, total),
        "c_m": _share(float((area * np.nan_to_num(c_m)).sum()), total),
        "c_s": _share(float((area * np.nan_to_num(c_s)).sum()), total),
        "precip_m3a": p_m * total,
        "runoff_m3a": float(runoff.sum()),
        "retention_m3a": float(retention.sum()),
        "runoff_share": _share(float(runoff.sum()), p_m * total),
        "sewer_runoff_m3a": sewer_runoff,
        "roof_m2": roof_m2,
        "green_roof_m2": green_roof_m2,
        "green_roof_share": _share(green_roof_m2, roof_m2),
        "n_trees": float(trees_in_design),
        "edge_m": edge_m,
        "trees_per_100m": trees_in_design / (edge_m / 100.0) if edge_m == edge_m and edge_m > 0 else float("nan"),
        "disconnected_m2": disc_m2,
        "disconnected_share": _share(disc_m2, sealed_total) if disc is not None else float("nan"),
        "covered_m2": float(covered.sum()),
        "bio_left_out_m2": bio_left_out,
        "pts_before": before_sum,
        "pts_after": after_sum,
        "balance": after_sum - before_sum,
        "kompensationsbedarf": max(before_sum - after_sum, 0.0) if existing is not None else float("nan"),
        "sealed_before_m2": sealed_before,
        "sealed_after_m2": sealed_after,
        "retention_share_before": ret_before,
        "retention_share_after": ret_after,
        "a_ges_m2": a_dach + a_fag,
        "a_dach_m2": a_dach,
        "a_fag_m2": a_fag,
        "cs_dach": cs_dach,
        "cs_fag": cs_fag,
        "v_rueck_m3": v_rueck,
        "nachweis_required": float(a_dach + a_fag > rain.min_paved_m2),
        "provided_m3": rain.provided_m3,
    }
    checks = _checks(totals, orientation, rain, existing, disc is not None, total > 0)
    return DesignResult(
        area_m2=area, known=known, sealing=np.where(known, sealing, ""), sealed_m2=sealed_m2, c_m=c_m, c_s=c_s,
        runoff_m3a=runoff, retention_m3a=retention, n_trees=n_trees, biotope=bio_code, value_p=value_p,
        covered_m2=covered, pts_before=pts_before, pts_after=pts_after, overlap_m2=removed,
        totals=totals, checks=checks, bestand=bestand, planung=planung,
        unknown_codes=unknown_codes, unknown_existing=unknown_existing, unmapped_biotope=unmapped_biotope,
        unknown_planned=unknown_planned,
        n_overlapping=n_overlapping, existing_overlap_m2=existing_overlap,
        outside_existing_m2=outside_existing if existing is not None else 0.0, trees_outside=trees_outside,
    )


def gl20_volume(a_ges: float, a_dach: float, cs_dach: float, a_fag: float, cs_fag: float,
                r_d30: float, r_d2: float, duration_min: float) -> float:
    """DIN 1986-100:2016 Gl. 20, m³ (never below 0):

    V_Rück = (r(D,30)·A_ges − (r(D,2)·A_Dach·C_s,Dach + r(D,2)·A_FaG·C_s,FaG)) · D·60 / (10,000·1,000)

    r in l/(s·ha), areas in m², D in minutes. Düsseldorf's example: 950 m² (roof 350, C_s 1.0;
    paving 600, C_s 0.9), r(5,30) 433, r(5,2) 209 → 6.76 m³.
    """
    v = (r_d30 * a_ges - (r_d2 * a_dach * cs_dach + r_d2 * a_fag * cs_fag)) * duration_min * 60.0 / (10_000.0 * 1_000.0)
    return max(v, 0.0)


def _bilanz_rows(codes, names, areas, values, korr) -> list[BilanzRow]:
    rows: dict[tuple[str, float], BilanzRow] = {}
    for c, nm, a, v, k in zip(np.asarray(codes, object).tolist(), np.asarray(names, object).tolist(),
                              np.asarray(areas, float).tolist(), np.asarray(values, float).tolist(),
                              np.asarray(korr, float).tolist()):
        key = (str(c), float(k))
        if key in rows:
            rows[key].area_m2 += a
        else:
            rows[key] = BilanzRow(code=str(c), name=str(nm or ""), area_m2=a, value=v, korrektur=float(k))
    return sorted(rows.values(), key=lambda r: (r.code, r.korrektur))


def _checks(t: dict[str, float], o: Orientation, rain: Rain, existing: Existing | None,
            has_disc: bool, has_area: bool) -> list[Check]:
    def ge(value, target):
        return STATUS_PASS if value >= target - 1e-9 else STATUS_FAIL

    def le(value, target):
        return STATUS_PASS if value <= target + 1e-9 else STATUS_FAIL

    nan = float("nan")
    out: list[Check] = []
    if not has_area:
        return [Check(k, nan, nan, STATUS_NA, "no_area") for k in CHECK_ORDER]
    # green roofs (HZ 02)
    if t["roof_m2"] > 0:
        v = 100 * t["green_roof_share"]
        out.append(Check("green_roofs", v, 100 * o.green_roof_share, ge(v, 100 * o.green_roof_share)))
    else:
        out.append(Check("green_roofs", nan, 100 * o.green_roof_share, STATUS_NA, "no_roofs"))
    # trees (HZ 03)
    if t["edge_m"] == t["edge_m"] and t["edge_m"] > 0:
        out.append(Check("trees", t["trees_per_100m"], o.trees_per_100m, ge(t["trees_per_100m"], o.trees_per_100m)))
    else:
        out.append(Check("trees", nan, o.trees_per_100m, STATUS_NA, "no_edge"))
    # sealing (HZ 03)
    v = 100 * t["sealed_share"]
    out.append(Check("sealed", v, 100 * o.sealed_share_max, le(v, 100 * o.sealed_share_max)))
    if existing is None:
        out.append(Check("sealed_change", nan, 0.0, STATUS_NA, "no_existing"))
    elif existing.kind != "surface" or t["sealed_before_m2"] != t["sealed_before_m2"]:
        out.append(Check("sealed_change", nan, 0.0, STATUS_NA, "no_existing_surface"))
    else:
        d = t["sealed_after_m2"] - t["sealed_before_m2"]
        out.append(Check("sealed_change", d, 0.0, le(d, 0.0)))
    # runoff (HZ 24)
    v = 100 * t["runoff_share"]
    out.append(Check("runoff", v, 100 * o.runoff_share_max, le(v, 100 * o.runoff_share_max)))
    # disconnection (Klima.Werk 2040)
    if not has_disc:
        out.append(Check("disconnected", nan, 100 * o.disconnected_min, STATUS_NA, "no_disconnect"))
    elif t["sealed_m2"] <= 0:
        out.append(Check("disconnected", nan, 100 * o.disconnected_min, STATUS_NA, "no_sealed"))
    else:
        v = 100 * t["disconnected_share"]
        out.append(Check("disconnected", v, 100 * o.disconnected_min, ge(v, 100 * o.disconnected_min)))
    # evaporation proxy (Klima.Werk 2040)
    if existing is None:
        out.append(Check("retention_gain", nan, o.retention_gain_pp, STATUS_NA, "no_existing"))
    elif t["retention_share_before"] != t["retention_share_before"]:
        out.append(Check("retention_gain", nan, o.retention_gain_pp, STATUS_NA, "no_existing_surface"))
    else:
        v = 100 * (t["retention_share_after"] - t["retention_share_before"])
        out.append(Check("retention_gain", v, o.retention_gain_pp, ge(v, o.retention_gain_pp)))
    # biotope balance
    if existing is None:
        out.append(Check("biotope", nan, o.biotope_balance_min, STATUS_NA, "no_existing"))
    elif t["covered_m2"] <= 0:
        out.append(Check("biotope", nan, o.biotope_balance_min, STATUS_NA, "no_biotope"))
    else:
        out.append(Check("biotope", t["balance"], o.biotope_balance_min, ge(t["balance"], o.biotope_balance_min)))
    # Überflutungsnachweis: the provided volume against V_Rück
    if t["nachweis_required"]:
        out.append(Check("overflow", rain.provided_m3, t["v_rueck_m3"], ge(rain.provided_m3, t["v_rueck_m3"])))
    else:
        out.append(Check("overflow", rain.provided_m3, t["v_rueck_m3"], STATUS_NA, "below_threshold"))
    return out


__all__ = [
    "CHECK_INFO", "Check", "DesignResult", "Existing", "Orientation", "Rain", "check_design", "gl20_volume",
    "resolve_overlaps", "read_biotope_map", "biotope_map",
]
