"""Blue-green climate streets (Handlungsziel 03): which street sections first, how many trees are
missing, how much could be unsealed and what that would keep back.

Pure numpy + shapely (no QGIS): ``processing/streets.py`` reads the layers into arrays, and
the tests call these functions with hand-worked numbers. The way of the data:

1. :func:`segment_lines` cuts the centre lines into sections of at most ``max_len`` metres
   (equal parts, so no stub is left over), after merging lines through nodes of degree 2 where
   their attributes agree; each section keeps the index of its source feature.
2. :func:`road_attributes` looks up each road class in ``resources/road_classes.csv`` (OSM
   ``highway``/Geofabrik ``fclass``, ALKIS/ATKIS Widmung): RASt 06 category, typical width of
   the street space, required cross-section, sealed share, parking lanes, exclusion.
3. :func:`score_streets` measures per section (width, sealed area, trees within the street
   space, orientation value and tree gap, unsealable area, annual runoff reduction through
   ``scoring/water.py``, infiltration suitability) and hands the criteria to the shared
   ``common.finish``.

Every threshold names its source here or in a CSV ``source`` column; [U] values are the plugin's
assumptions and adjustable parameters (domain_review.md §4a: the orientation values for street
trees are still to be agreed under HZ 03).
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import ClassVar

import numpy as np
import shapely

from . import reasons as rs
from . import water
from .common import ScoreCore, Scored, finish_scored, linear
from .criteria import PARK_DISTANCE_M, PARK_MIN_HA, RAIN_DEPTH_M, green_criterion, rain_criterion
from .spec import N_, NEED, SUITABILITY, Criterion, ExtraField, ScoringSpec
from .tables import read_csv
from .values import fold, map_unique, to_number

# ----------------------------------------------------------------------------------------------
# Defaults (parameters of gi:streets)
# ----------------------------------------------------------------------------------------------
# Longest section: 100 m (issue 12) [U]; 0 keeps the input features.
MAX_SEGMENT_M = 100.0
# Shortest section worth a measure: 10 m, about one tree site with its spacing [U].
MIN_SEGMENT_M = 10.0
# A street space narrower than this holds no tree site beside its traffic space [U]: a 2.5 m
# tree strip (below) plus a 3.5 m lane.
MIN_WIDTH_M = 6.0
# Width of a tree strip: FLL Empfehlungen für Baumpflanzungen Teil 2 asks for a pit of at least
# 12 m³ and 1.5 m depth [V notes, domain_review.md §4a], i.e. 8 m², about 2.5 m × 3.2 m [U].
TREE_STRIP_M = 2.5
PIT_VOLUME_M3 = 12.0
PIT_DEPTH_M = 1.5
# Orientation values, trees per 100 m and planted side, by crown size: spacing large-crowned
# 12–15 m, medium 8–12 m, small 6–8 m (domain_review.md §4a) [U]: HZ 03 says the values are
# still to be agreed ("Gemeinsame Orientierungswerte für Straßenbäume … festlegen").
TREES_PER_100M = {"large": 7.5, "medium": 10.0, "small": 14.0}
CROWN = "medium"
# Streets at least this wide get trees on both sides, narrower ones on one side [U].
TWO_SIDED_WIDTH_M = 15.0
# Trees count for a street when they stand within half its width plus this margin of the centre
# line (positional error of registers, trees at the property line) [U].
TREE_MARGIN_M = 1.0
# Street-space polygons: width measured on transects reaching this far from the centre line [U].
SPACE_REACH_M = 40.0
# Widths outside this range are not believed (a typo, centimetres) and replaced by the class [U].
WIDTH_RANGE_M = (0.5, 150.0)
# Parking lane (Längsparkstreifen) about 2.00 m (RASt 06) [U]; share of the parking lanes to
# reallocate (HZ 25): 0 = off, the plugin does not assume a reallocation by default [U].
PARKING_LANE_M = 2.0
PARKING_SHARE = 0.0
# Unsealed share of the street space for the full c_unseal: a third [U].
UNSEAL_SHARE_FULL = 0.3
# Annual precipitation: the one regional default of scoring/water.py (922 mm/a, Essen) [V].
PRECIP_MM = water.ANNUAL_PRECIP_MM
# Surface before (when the layer has none) and after unsealing, codes of resources/surfaces.csv.
SURFACE_BEFORE = "asphalt"
SURFACE_AFTER = "planting_bed"
# Infiltration: kf of the relevant layer ≥ 1·10⁻⁶ m/s for Mulden, Rigolen, Flächen (DWA-A 138-1
# Tab. 14 [V2]); seepage zone ≥ 1 m above the mean highest groundwater (domain_review.md §4a [V]).
KF_MIN = 1e-6
GW_MIN_M = 1.0
# kf by the permeability classes of DIN 18130-1 (sehr schwach … sehr stark durchlässig), one
# value within each class [U]; a measured kf is always better.
KF_CLASSES = {
    "sehr schwach durchlaessig": 1e-9, "very low": 1e-9,
    "schwach durchlaessig": 1e-7, "low": 1e-7,
    "durchlaessig": 1e-5, "permeable": 1e-5, "medium": 1e-5,
    "stark durchlaessig": 1e-3, "high": 1e-3,
    "sehr stark durchlaessig": 1e-2, "very high": 1e-2,
}
# Node snapping when merging lines, metres (coordinates closer than this meet) [U].
NODE_TOLERANCE_M = 0.001

ROAD_CLASSES_CSV = "road_classes.csv"
SURFACES_OSM_CSV = "street_surfaces_osm.csv"
FALLBACK_CLASS = "*"

# ----------------------------------------------------------------------------------------------
# The declaration
# ----------------------------------------------------------------------------------------------
EXCLUSIONS = ("geom_empty", "motorway", "rail", "tunnel", "bridge", "private", "short", "too_narrow")
CAVEATS = ("class_unknown", "width_from_class", "surface_assumed", "no_tree_space",
           "heat_nodata", "rain_nodata", "infil_unknown", "altlast", "parking_realloc")

SPEC = ScoringSpec(
    alg_id="streets",
    title=N_("Street segments for blue-green climate streets"),
    criteria=(
        Criterion("heat", 2.0, N_("thermal load"),
                  N_("Thermal load of the street space: five classes or min–max over this run."),
                  hz=("01", "03"), group=NEED),
        Criterion("rain", 1.0, N_("heavy rain"),
                  N_("Mean flood depth along the section; full at 0.25 m (Essen's top class)."),
                  hz=("24",), group=NEED),
        Criterion("sewer", 1.0, N_("combined sewer system"),
                  N_("1 where the section lies in an area drained by the Mischsystem."),
                  hz=("24",), group=NEED),
        Criterion("trees", 2.0, N_("tree gap"),
                  N_("Share of the orientation value for street trees that is missing (1 = no tree)."),
                  hz=("03", "18"), group=NEED),
        Criterion("green", 1.0, N_("green supply"),
                  N_("Distance to the nearest public green space of at least 0.5 ha: 0 next to it, 1 at 300 m or farther (3-30-300 rule)."),
                  hz=("01",), group=NEED),
        Criterion("unseal", 2.0, N_("unsealable share"),
                  N_("Unsealable area as a share of the street space; full at 30 %."),
                  hz=("03", "25"), group=SUITABILITY),
        Criterion("infil", 1.0, N_("infiltration"),
                  N_("1 where kf ≥ 1·10⁻⁶ m/s, ≥ 1 m to groundwater and no Altlast; 0 where not."),
                  hz=("24",), group=SUITABILITY),
    ),
    signature_field="seg_len_m",
    exclusions=EXCLUSIONS,
    caveats=CAVEATS,
    extra_fields=(
        ExtraField("seg_len_m", "double", N_("section length"), "m"),
        ExtraField("width_m", "double", N_("width of the street space"), "m"),
        ExtraField("sealed_m2", "double", N_("sealed area"), "m²"),
        ExtraField("trees_now", "int", N_("trees now")),
        ExtraField("trees_per_100m", "double", N_("trees per 100 m")),
        ExtraField("tree_gap", "int", N_("trees missing against the orientation value")),
        ExtraField("unseal_m2", "double", N_("unsealable area"), "m²"),
        ExtraField("runoff_red_m3a", "double", N_("runoff reduction per year"), "m³/a"),
        ExtraField("infiltration", "text", N_("infiltration suitable (yes/no/unknown)")),
    ),
    geometry="line",
    feature_label=N_("street section"),
    flag_labels={
        "geom_empty": N_("no usable geometry (excluded)"),
        "motorway": N_("motorway or motorway link (excluded)"),
        "rail": N_("railway line (excluded)"),
        "tunnel": N_("tunnel (excluded)"),
        "bridge": N_("bridge (excluded)"),
        "private": N_("private way (excluded)"),
        "short": N_("section shorter than the minimum (excluded)"),
        "too_narrow": N_("too narrow for tree sites (excluded)"),
        "no_criteria": N_("no criterion could be evaluated"),
        "class_unknown": N_("road class unknown: typical values of a residential street"),
        "width_from_class": N_("width from the road class"),
        "surface_assumed": N_("surface not given: asphalt assumed"),
        "no_tree_space": N_("the surplus width does not hold the tree pits"),
        "heat_nodata": N_("no value for the thermal load"),
        "rain_nodata": N_("no heavy-rain data along the section"),
        "infil_unknown": N_("infiltration suitability unknown"),
        "altlast": N_("on an Altlast or suspected site: no infiltration"),
        "parking_realloc": N_("unsealable area includes reallocated parking lanes (HZ 25)"),
    },
)
CRITERIA = SPEC.keys

# Reason fragments (English source; processing passes them translated).
TEXTS: dict[str, str] = {
    "geom_empty": N_("no usable geometry (excluded)"),
    "motorway": N_("motorway (excluded)"),
    "rail": N_("railway (excluded)"),
    "tunnel": N_("tunnel (excluded)"),
    "bridge": N_("bridge (excluded)"),
    "private": N_("private way (excluded)"),
    "short": N_("shorter than {min} m (excluded)"),
    "too_narrow": N_("{width} m wide, too narrow for tree sites (excluded)"),
    "width": N_("{width} m wide"),
    "width_class": N_("{width} m wide (typical for the road class)"),
    "trees": N_("street trees: {trees} ({per100} per 100 m, orientation value {target})"),
    "gap": N_("{gap} trees missing (tree pits of 12 m³ each)"),
    "gap_none": N_("orientation value for trees met"),
    "unseal": N_("{area} m² unsealable"),
    "unseal_none": N_("no surplus width to unseal"),
    "runoff": N_("{m3} m³/a less runoff"),
    "infil_yes": N_("infiltration possible"),
    "infil_no": N_("no infiltration (soil, groundwater or Altlast)"),
    "heat_high": N_("high heat load"),
    "heat_mid": N_("moderate heat load"),
    "heat_low": N_("low heat load"),
    "heat_nodata": N_("no value for the thermal load"),
    "rain": N_("mean flood depth {depth} m along the street"),
    "rain_none": N_("no flooding along the street in heavy rain"),
    "rain_nodata": N_("no heavy-rain data along the street"),
    "sewer": N_("drained by the Mischsystem"),
    "park_near": N_("nearest green space ≥ {ha} ha at {dist} m"),
    "park_far": N_("no green space ≥ {ha} ha within {max} m"),
    "parking": N_("incl. {area} m² of reallocated parking lanes"),
    "no_tree_space": N_("surplus width too small for tree pits"),
    "no_criteria": N_("no criterion could be evaluated"),
}


# ----------------------------------------------------------------------------------------------
# Segmentation
# ----------------------------------------------------------------------------------------------
@dataclass
class Segments:
    geoms: np.ndarray  # shapely LineStrings (2D)
    source: np.ndarray  # int64: index of the input feature (the first of a merged chain)
    length_m: np.ndarray
    zero_length: np.ndarray  # int64: input indexes that gave no section (empty or length 0)


def _parts(geoms: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Line parts (2D) and their source index; multi-lines split, non-lines and length 0 dropped."""
    geoms = np.asarray(geoms, dtype=object)
    parts, src = shapely.get_parts(geoms, return_index=True)
    kind = shapely.get_type_id(parts)
    ring = kind == 2  # a LinearRing part becomes a closed LineString
    if ring.any():
        xy, ri = shapely.get_coordinates(parts[ring], return_index=True)
        parts = parts.copy()
        parts[np.flatnonzero(ring)] = shapely.linestrings(xy, indices=ri)
    ok = (kind == 1) | ring
    parts, src = shapely.force_2d(parts[ok]), src[ok]
    keep = shapely.length(parts) > 0
    return parts[keep], src[keep].astype(np.int64)


def _row_ids(pairs: np.ndarray) -> np.ndarray:
    """The index of each (x, y) row among the distinct rows in sorted order, as
    ``np.unique(pairs, axis=0, return_inverse=True)`` gives it; through one int64 per row when
    the ranges allow (a plain sort instead of a sort of row records, many times faster)."""
    lo = pairs.min(axis=0)
    span = pairs.max(axis=0) - lo + 1
    if span[0] * span[1] < 2**62:  # (both ranges are far smaller in any metric CRS)
        _, ids = np.unique((pairs[:, 0] - lo[0]) * span[1] + (pairs[:, 1] - lo[1]), return_inverse=True)
    else:
        _, ids = np.unique(pairs, axis=0, return_inverse=True)
    return ids.reshape(-1)


def _merge_degree2(parts: np.ndarray, src: np.ndarray, key: np.ndarray,
                   tol: float) -> tuple[np.ndarray, np.ndarray]:
    """Merge parts that meet at a node of degree 2 and share ``key``; return (lines, source)."""
    n = parts.size
    if n < 2:
        return parts, src
    start = shapely.get_point(parts, 0)
    end = shapely.get_point(parts, -1)
    xy = np.concatenate([shapely.get_coordinates(start), shapely.get_coordinates(end)])
    snapped = np.round(xy / tol).astype(np.int64)
    node = _row_ids(snapped)
    degree = np.bincount(node)
    part_of = np.concatenate([np.arange(n), np.arange(n)])
    # nodes of degree 2: the two endpoints there, sorted by node
    order = np.argsort(node, kind="stable")
    nodes_sorted = node[order]
    first = np.flatnonzero(np.r_[True, nodes_sorted[1:] != nodes_sorted[:-1]])
    deg2 = first[degree[nodes_sorted[first]] == 2]
    a = part_of[order[deg2]]
    b = part_of[order[deg2 + 1]]
    k = key[src]
    join = (a != b) & (k[a] == k[b])
    a, b = a[join], b[join]
    label = np.arange(n)
    if a.size:
        # connected components by min-label propagation with pointer jumping
        while True:
            m = np.minimum(label[a], label[b])
            new = label.copy()
            np.minimum.at(new, a, m)
            np.minimum.at(new, b, m)
            new = new[new]
            while not np.array_equal(new, new[new]):
                new = new[new]
            if np.array_equal(new, label):
                break
            label = new
    _, group = np.unique(label, return_inverse=True)
    group = group.reshape(-1)
    n_groups = int(group.max()) + 1
    size = np.bincount(group, minlength=n_groups)
    first_src = np.full(n_groups, np.iinfo(np.int64).max)
    np.minimum.at(first_src, group, src)
    out = np.empty(n_groups, dtype=object)
    single = size[group] == 1
    out[group[single]] = parts[single]
    multi = np.flatnonzero(size > 1)
    if multi.size:
        sel = np.flatnonzero(~single)
        ids, dense = np.unique(group[sel], return_inverse=True)
        order = np.argsort(dense, kind="stable")  # shapely wants the indices in increasing order
        ml = shapely.multilinestrings(parts[sel][order], indices=dense.reshape(-1)[order])
        out[ids] = shapely.line_merge(ml)
    lines, idx = shapely.get_parts(out, return_index=True)  # a chain that did not merge stays split
    return lines, first_src[idx]


def _cut(lines: np.ndarray, max_len: float) -> tuple[np.ndarray, np.ndarray]:
    """Cut each line into ceil(L / max_len) equal parts; returns (pieces, line index per piece)."""
    length = shapely.length(lines)
    n_pieces = np.maximum(np.ceil(length / max_len - 1e-9), 1).astype(np.int64)
    step = length / n_pieces
    coords, vidx = shapely.get_coordinates(lines, return_index=True)
    # distance of each vertex along its line
    seg = np.hypot(*np.diff(coords, axis=0).T)
    same = vidx[1:] == vidx[:-1]
    d = np.concatenate([[0.0], np.where(same, seg, 0.0)]).cumsum()
    line_start = np.searchsorted(vidx, np.arange(lines.size))
    d = d - d[line_start][vidx]
    piece0 = np.concatenate([[0], np.cumsum(n_pieces)[:-1]])
    # interior vertices: strictly between two cuts
    k = np.floor(d / step[vidx] + 1e-12).astype(np.int64)
    rel = d / step[vidx] - k
    interior = (d > 0) & (d < length[vidx]) & (rel > 1e-9) & (rel < 1 - 1e-9)
    v_piece = piece0[vidx] + np.minimum(k, n_pieces[vidx] - 1)
    # cut points j = 0..n on each line
    cut_line = np.repeat(np.arange(lines.size), n_pieces + 1)
    j = np.arange(cut_line.size) - np.repeat(piece0 + np.arange(lines.size), n_pieces + 1)
    pos = j * step[cut_line]
    cut_xy = shapely.get_coordinates(shapely.line_interpolate_point(lines[cut_line], pos))
    as_start = j < n_pieces[cut_line]
    as_end = j > 0
    piece = np.concatenate([
        piece0[cut_line[as_start]] + j[as_start],
        v_piece[interior],
        piece0[cut_line[as_end]] + j[as_end] - 1,
    ])
    xy = np.concatenate([cut_xy[as_start], coords[interior], cut_xy[as_end]])
    rank_in_piece = np.concatenate([np.zeros(as_start.sum()), np.ones(interior.sum()), np.full(as_end.sum(), 2.0)])
    along = np.concatenate([pos[as_start], d[interior], pos[as_end]])
    order = np.lexsort((rank_in_piece, along, piece))
    pieces = shapely.linestrings(xy[order], indices=piece[order])
    return pieces, np.repeat(np.arange(lines.size), n_pieces)


def segment_lines(geoms, max_len: float = MAX_SEGMENT_M, key: np.ndarray | None = None,
                  tol: float = NODE_TOLERANCE_M) -> Segments:
    """Street sections of at most ``max_len`` m from line geometries in a metric CRS.

    ``max_len`` 0 keeps the input features (multi-lines as they are). Otherwise multi-lines
    are split into their parts, parts meeting at a node of degree 2 are merged where their
    ``key`` (one integer per input feature, e.g. a code of class, width and name) agrees, and
    each line is cut into ``ceil(L / max_len)`` equal pieces. Each section keeps the index of
    its source feature (the first one of a merged chain). Z and M are dropped.

    >>> s = segment_lines([shapely.LineString([(0, 0), (250, 0)])], 100)
    >>> s.length_m.round(2).tolist(), s.source.tolist()
    ([83.33, 83.33, 83.33], [0, 0, 0])
    """
    if max_len < 0 or not np.isfinite(max_len):
        raise ValueError("max_len must be 0 or a positive number of metres")
    geoms = np.asarray(geoms, dtype=object)
    n_in = geoms.size
    if max_len == 0:
        lines = shapely.force_2d(geoms)
        is_line = np.isin(shapely.get_type_id(geoms), (1, 2, 5))
        length = np.where(is_line, np.nan_to_num(shapely.length(lines), nan=0.0), 0.0)
        ok = length > 0
        src = np.flatnonzero(ok).astype(np.int64)
        return Segments(lines[ok], src, length[ok], np.flatnonzero(~ok).astype(np.int64))
    parts, src = _parts(geoms)
    zero = np.setdiff1d(np.arange(n_in), src).astype(np.int64)
    k = np.zeros(n_in, np.int64) if key is None else np.asarray(key, dtype=np.int64)
    lines, src = _merge_degree2(parts, src, k, tol)
    if lines.size == 0:
        return Segments(lines, src, np.zeros(0), zero)
    pieces, line_of = _cut(lines, max_len)
    return Segments(pieces, src[line_of], shapely.length(pieces), zero)


# ----------------------------------------------------------------------------------------------
# Road classes and surfaces (CSV with a source column)
# ----------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class RoadClass:
    code: str
    category_de: str
    category_en: str
    main: bool
    width_m: float
    required_m: float
    sealed_share: float
    parking_lanes: float
    exclude: str
    source: str


def read_road_classes(path: Path | None = None) -> dict[str, RoadClass]:
    """The road-class table (a user's own CSV may replace the shipped one), keyed by folded code."""
    rows = read_csv(path.name, path.parent) if path else read_csv(ROAD_CLASSES_CSV)
    need = {"code", "width_m", "required_m", "sealed_share", "source"}
    missing = need - set(rows[0] if rows else {})
    if missing:
        raise ValueError(f"{path or ROAD_CLASSES_CSV}: columns missing: {', '.join(sorted(missing))}")
    out: dict[str, RoadClass] = {}
    for r in rows:
        rc = RoadClass(
            code=r["code"].strip(), category_de=r.get("category_de", ""), category_en=r.get("category_en", ""),
            main=(r.get("main") or "0").strip() == "1", width_m=float(r["width_m"]),
            required_m=float(r["required_m"]), sealed_share=float(r["sealed_share"]),
            parking_lanes=float(r.get("parking_lanes") or 0), exclude=(r.get("exclude") or "").strip(),
            source=r["source"],
        )
        if not (0 <= rc.sealed_share <= 1) or rc.width_m <= 0 or rc.required_m < 0:
            raise ValueError(f"{path or ROAD_CLASSES_CSV}: implausible values in row {rc.code}")
        if rc.exclude and rc.exclude not in EXCLUSIONS:
            raise ValueError(f"{path or ROAD_CLASSES_CSV}: unknown exclusion {rc.exclude!r} in row {rc.code}")
        out[fold(rc.code)] = rc
    if fold(FALLBACK_CLASS) not in out:
        raise ValueError(f"{path or ROAD_CLASSES_CSV}: the fallback row '{FALLBACK_CLASS}' is missing")
    return out


@lru_cache(maxsize=1)
def road_classes() -> dict[str, RoadClass]:
    return read_road_classes()


@dataclass
class RoadAttributes:
    code: np.ndarray  # object: the table code used ("*" for the fallback)
    known: np.ndarray  # bool: the class was found (NULL and unknown -> fallback row)
    main: np.ndarray
    width_m: np.ndarray  # typical width of the street space by class
    required_m: np.ndarray
    sealed_share: np.ndarray
    parking_lanes: np.ndarray
    exclude: np.ndarray  # object: exclusion code or ""
    category_de: np.ndarray
    category_en: np.ndarray
    unknown_values: list[str] = field(default_factory=list)  # distinct unknown class texts


def _class_key(text: str, table: Mapping[str, RoadClass]) -> str:
    if not text:
        return ""
    t = fold(text)
    if t in table:
        return t
    num = to_number(text)
    if num is not None and float(num).is_integer() and str(int(num)) in table:
        return str(int(num))
    t2 = t.replace(" ", "_")  # "living street" -> living_street
    return t2 if t2 in table else ""


def road_attributes(values, n: int, table: Mapping[str, RoadClass] | None = None) -> RoadAttributes:
    """Per-section values of the road-class table; NULL or unknown classes get the ``*`` row."""
    table = table or road_classes()
    fb = fold(FALLBACK_CLASS)
    if values is None:
        keys = np.full(n, "", dtype=object)
        unknown: list[str] = []
    else:
        keys = map_unique(np.asarray(values, dtype=object), lambda t: _class_key(t, table))
        raw = map_unique(np.asarray(values, dtype=object), lambda t: t)
        unknown = sorted({r for r, k in zip(raw.tolist(), keys.tolist()) if r and not k})
    known = keys != ""
    keys = np.where(known, keys, fb)
    uniq, inv = np.unique(keys.astype(str), return_inverse=True)
    rows = [table[u] for u in uniq.tolist()]

    def col(attr, dtype=float):
        return np.array([getattr(r, attr) for r in rows], dtype=dtype)[inv]

    return RoadAttributes(
        code=col("code", object), known=known, main=col("main", bool), width_m=col("width_m"),
        required_m=col("required_m"), sealed_share=col("sealed_share"),
        parking_lanes=col("parking_lanes"), exclude=col("exclude", object),
        category_de=col("category_de", object), category_en=col("category_en", object),
        unknown_values=unknown,
    )


@lru_cache(maxsize=1)
def _surface_aliases() -> dict[str, str]:
    out = {fold(code): code for code in water.surfaces()}
    for r in read_csv(SURFACES_OSM_CSV):
        out[fold(r["value"])] = r["surface"].strip()
    return out


def surface_codes(values, n: int, default: str = SURFACE_BEFORE) -> tuple[np.ndarray, np.ndarray]:
    """Surface code of ``resources/surfaces.csv`` per section and a mask where ``default`` stood in.

    Accepts the codes themselves, OSM ``surface`` values and a few German names
    (``resources/street_surfaces_osm.csv``).
    """
    if values is None:
        return np.full(n, default, dtype=object), np.ones(n, bool)
    aliases = _surface_aliases()
    mapped = map_unique(np.asarray(values, dtype=object), lambda t: aliases.get(fold(t), "") if t else "")
    assumed = mapped == ""
    return np.where(assumed, default, mapped).astype(object), assumed


# ----------------------------------------------------------------------------------------------
# Measures per section
# ----------------------------------------------------------------------------------------------
def widths(width_field, class_width: np.ndarray, valid: tuple[float, float] = WIDTH_RANGE_M,
           measured: np.ndarray | None = None, free: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Width of the street space: measured on street-space polygons (:func:`widths_from_space`),
    else the field where it is believable, else the class width, but no wider than the free width
    between the buildings (:func:`free_width`) where that is known.

    Returns (width, from_class mask).
    """
    cw = np.asarray(class_width, dtype=float)
    if free is not None:
        f = np.asarray(free, dtype=float)
        cw = np.where(np.isfinite(f) & (f > 0), np.minimum(cw, f), cw)
    w = np.full(cw.shape, np.nan) if width_field is None else np.asarray(width_field, dtype=float)
    if measured is not None:
        w = np.where(np.isfinite(measured), measured, w)
    ok = np.isfinite(w) & (w >= valid[0]) & (w <= valid[1])
    return np.where(ok, w, cw), ~ok


@dataclass
class Transects:
    """Lines across sections: ``lines[k]`` crosses each section ``index`` at ``point[k]`` of it,
    from ``-reach`` to ``+reach`` along the unit ``normal``."""

    index: np.ndarray  # the sections measured (usable geometry)
    points: list[np.ndarray]  # per position: shapely points on the centre lines
    lines: list[np.ndarray]  # per position: the perpendicular lines
    normals: list[np.ndarray]  # per position: (n, 2) unit normals


def transects(segments: np.ndarray, reach_m: float, at: tuple[float, ...] = (0.25, 0.5, 0.75)) -> Transects:
    """Perpendicular lines (± ``reach_m``) at the fractions ``at`` of each section's length."""
    segs = np.asarray(segments, dtype=object)
    idx = np.flatnonzero(~shapely.is_missing(segs) & ~shapely.is_empty(segs))
    length = shapely.length(segs[idx])
    points, lines, normals = [], [], []
    for f in at:
        d = length * f
        eps = np.minimum(0.5, length * 0.01)
        p = shapely.line_interpolate_point(segs[idx], d)
        a = shapely.get_coordinates(shapely.line_interpolate_point(segs[idx], np.maximum(d - eps, 0.0)))
        b = shapely.get_coordinates(shapely.line_interpolate_point(segs[idx], np.minimum(d + eps, length)))
        dx, dy = (b - a).T
        norm = np.hypot(dx, dy)
        norm[norm == 0] = 1.0
        unit = np.stack([-dy / norm, dx / norm], 1)
        pxy = shapely.get_coordinates(p)
        lines.append(shapely.linestrings(np.stack([pxy - unit * reach_m, pxy + unit * reach_m], 1)))
        points.append(p)
        normals.append(unit)
    return Transects(idx, points, lines, normals)


def _median_of(n: int, t: Transects, per_position: list[np.ndarray]) -> np.ndarray:
    out = np.full(n, np.nan)
    if t.index.size:
        with warnings.catch_warnings():  # "All-NaN slice": a section without any measure
            warnings.simplefilter("ignore", RuntimeWarning)
            out[t.index] = np.nanmedian(np.stack(per_position, 1), axis=1)
    return out


def widths_from_space(segments: np.ndarray, space: np.ndarray, reach_m: float = SPACE_REACH_M,
                      at: tuple[float, ...] = (0.25, 0.5, 0.75)) -> np.ndarray:
    """Width of the street space measured across each section (m): the median, over transects at
    ``at`` of the section's length, of the stretch of a perpendicular line (± ``reach_m``) that
    lies in the street-space polygons and holds the centre line; NaN where no transect point lies
    in the street space (the polygons, e.g. ALKIS Straßenverkehr parcels, are merged first, so a
    street split into several parcels counts as one).
    """
    segs = np.asarray(segments, dtype=object)
    polys = np.asarray(space, dtype=object)
    polys = polys[~shapely.is_missing(polys) & ~shapely.is_empty(polys)]
    if segs.size == 0 or polys.size == 0:
        return np.full(segs.size, np.nan)
    merged = shapely.get_parts(shapely.union_all(shapely.make_valid(polys)))
    merged = merged[np.isin(shapely.get_type_id(merged), (3, 6))]
    tree = shapely.STRtree(merged)
    t = transects(segs, reach_m, at)
    per_position = []
    for p, line in zip(t.points, t.lines):
        # the street-space polygon under each transect point (the first one found)
        pi, gi = tree.query(p, predicate="intersects")
        first = np.r_[True, pi[1:] != pi[:-1]] if pi.size else np.zeros(0, bool)
        pi, gi = pi[first], gi[first]
        parts, owner = shapely.get_parts(shapely.intersection(line[pi], merged[gi]), return_index=True)
        near = shapely.distance(parts, p[pi][owner]) < 1e-6
        lens = np.zeros(pi.size)
        np.add.at(lens, owner[near], shapely.length(parts[near]))
        w = np.full(t.index.size, np.nan)
        w[pi] = np.where(lens > 0, lens, np.nan)
        per_position.append(w)
    return _median_of(segs.size, t, per_position)


def free_width(segments: np.ndarray, buildings: np.ndarray, reach_m: float = SPACE_REACH_M,
               at: tuple[float, ...] = (0.25, 0.5, 0.75)) -> np.ndarray:
    """Free width between the buildings on both sides of each section (m): the median over the
    transects of (distance to the first building on the left + on the right), each side capped
    at ``reach_m`` (no building within reach counts as ``reach_m``); NaN where a building stands
    on the centre line (a passage, an archway)."""
    segs = np.asarray(segments, dtype=object)
    blds = np.asarray(buildings, dtype=object)
    blds = blds[~shapely.is_missing(blds) & ~shapely.is_empty(blds)]
    t = transects(segs, reach_m, at)
    if segs.size == 0 or blds.size == 0:
        return np.full(segs.size, np.nan)
    tree = shapely.STRtree(blds)
    per_position = []
    for p, line, unit in zip(t.points, t.lines, t.normals):
        m = t.index.size
        left = np.full(m, reach_m)
        right = np.full(m, reach_m)
        li, bi = tree.query(line, predicate="intersects")
        xy, owner = shapely.get_coordinates(shapely.intersection(line[li], blds[bi]), return_index=True)
        which = li[owner]
        off = ((xy - shapely.get_coordinates(p)[which]) * unit[which]).sum(axis=1)  # signed along the normal
        np.minimum.at(left, which[off > 0], off[off > 0])
        np.minimum.at(right, which[off < 0], -off[off < 0])
        blocked = np.zeros(m, bool)
        inside = tree.query(p, predicate="within")[0]  # centre point inside a building
        blocked[inside] = True
        per_position.append(np.where(blocked, np.nan, left + right))
    return _median_of(segs.size, t, per_position)


def trees_in_street(segments: np.ndarray, half_width: np.ndarray, trees: np.ndarray,
                    count: np.ndarray | None = None, eligible: np.ndarray | None = None,
                    margin: float = TREE_MARGIN_M) -> tuple[np.ndarray, np.ndarray]:
    """Trees standing in each section's street space; returns (trees per section, section per tree).

    A tree belongs to the nearest eligible section whose centre line lies within half the street
    width plus ``margin``; so a tree at a junction counts once, and a separately drawn footway
    (not eligible: too narrow) does not take the trees of its road. ``count`` weights each point
    (registers with one point per planting measure); NULL counts 1, negative 0. Section -1 = none.
    """
    segs = np.asarray(segments, dtype=object)
    pts = np.asarray(trees, dtype=object)
    n = segs.size
    reach = np.asarray(half_width, dtype=float) + margin
    elig = np.ones(n, bool) if eligible is None else np.asarray(eligible, bool)
    owner = np.full(pts.size, -1, dtype=np.int64)
    if n == 0 or pts.size == 0 or not elig.any():
        return np.zeros(n), owner
    cand = np.flatnonzero(elig & np.isfinite(reach))
    tree = shapely.STRtree(segs[cand])
    ok_pts = ~shapely.is_missing(pts) & ~shapely.is_empty(pts)
    pidx = np.flatnonzero(ok_pts)
    ti, si = tree.query(pts[pidx], predicate="dwithin", distance=float(np.nanmax(reach[cand])))
    ti, si = pidx[ti], cand[si]
    dist = shapely.distance(pts[ti], segs[si])
    inside = dist <= reach[si]
    ti, si, dist = ti[inside], si[inside], dist[inside]
    order = np.lexsort((si, dist, ti))  # per tree: nearest first, ties by section order
    ti, si = ti[order], si[order]
    first = np.r_[True, ti[1:] != ti[:-1]] if ti.size else np.zeros(0, bool)
    owner[ti[first]] = si[first]
    w = np.ones(pts.size) if count is None else np.asarray(count, dtype=float)
    w = np.where(np.isfinite(w), np.maximum(w, 0.0), 1.0)
    has = owner >= 0
    return np.bincount(owner[has], weights=w[has], minlength=n).astype(float), owner


def orientation_per_100m(width_m: np.ndarray, per_side: float,
                         two_sided_width: float = TWO_SIDED_WIDTH_M) -> np.ndarray:
    """Orientation value, trees per 100 m of street: per planted side × 1 or 2 sides by width [U]."""
    w = np.asarray(width_m, dtype=float)
    return per_side * np.where(w >= two_sided_width, 2.0, 1.0)


def tree_gap(length_m: np.ndarray, trees_now: np.ndarray, per_100m: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(target trees, missing whole trees) of each section against the orientation value."""
    target = np.asarray(per_100m, dtype=float) * np.asarray(length_m, dtype=float) / 100.0
    gap = np.floor(np.maximum(target - np.asarray(trees_now, dtype=float), 0.0) + 1e-9)
    return target, gap


def unsealable(length_m, width_m, required_m, sealed_m2, parking_lanes=None,
               parking_share: float = PARKING_SHARE, lane_m: float = PARKING_LANE_M
               ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Unsealable area from the surplus width over the required cross-section (RASt 06).

    surplus = max(width − required, 0) + share × parking lanes × lane width (HZ 25); the area
    = surplus × length, at most the sealed area. Returns (area m², surplus width m, the part of
    the area owed to parking lanes m²).
    """
    length = np.asarray(length_m, dtype=float)
    base = np.maximum(np.asarray(width_m, float) - np.asarray(required_m, float), 0.0)
    lanes = np.zeros(length.shape) if parking_lanes is None else np.asarray(parking_lanes, float)
    park = max(parking_share, 0.0) * np.nan_to_num(lanes, nan=0.0) * lane_m
    surplus = base + park
    sealed = np.asarray(sealed_m2, dtype=float)
    area = np.minimum(surplus * length, sealed)
    from_parking = np.minimum(park * length, np.maximum(area - base * length, 0.0))
    return area, surplus, from_parking


_PRIVATE_ACCESS = {"private", "no", "privat", "nein", "restricted"}


def private_access(values) -> np.ndarray:
    """Private ways from OSM ``access`` values (private, no) or German words; others are public."""
    if values is None:
        return None
    mapped = map_unique(np.asarray(values, dtype=object), lambda t: fold(t) in _PRIVATE_ACCESS if t else False)
    return mapped.astype(bool)


def kf_values(values) -> np.ndarray:
    """kf in m/s from numbers or DIN 18130-1 class words; NaN where unknown or implausible (> 1)."""
    if values is None:
        return None
    arr = np.asarray(values)
    if arr.dtype.kind in "fiub":
        v = arr.astype(float)
    else:
        def one(t: str) -> float:
            num = to_number(t) if t else None
            if num is not None:
                return num
            return KF_CLASSES.get(fold(t), np.nan) if t else np.nan
        v = map_unique(arr, one).astype(float)
    return np.where((v > 0) & (v <= 1), v, np.nan)


def infiltration(n: int, kf=None, gw_depth_m=None, altlast=None, kf_min: float = KF_MIN,
                 gw_min: float = GW_MIN_M) -> np.ndarray:
    """"yes" / "no" / "unknown" per section (DWA-A 138-1 Tab. 14; ≥ 1 m above groundwater).

    An Altlast or suspected site says "no" on its own; a kf below the minimum or a groundwater
    closer than ``gw_min`` says "no"; "yes" needs both kf and groundwater known and sufficient.
    """
    k = np.full(n, np.nan) if kf is None else np.asarray(kf, dtype=float)
    g = np.full(n, np.nan) if gw_depth_m is None else np.asarray(gw_depth_m, dtype=float)
    a = np.zeros(n, bool) if altlast is None else np.asarray(altlast, bool)
    no = a | (np.isfinite(k) & (k < kf_min)) | (np.isfinite(g) & (g < gw_min))
    yes = ~no & np.isfinite(k) & np.isfinite(g)
    out = np.full(n, "unknown", dtype=object)
    out[yes] = "yes"
    out[no] = "no"
    return out


# ----------------------------------------------------------------------------------------------
# Scoring
# ----------------------------------------------------------------------------------------------
@dataclass
class StreetParams:
    weights: dict[str, float] = field(default_factory=SPEC.default_weights)
    min_len_m: float = MIN_SEGMENT_M
    min_width_m: float = MIN_WIDTH_M
    tree_strip_m: float = TREE_STRIP_M
    per_side_100m: float = TREES_PER_100M[CROWN]
    two_sided_width_m: float = TWO_SIDED_WIDTH_M
    tree_margin_m: float = TREE_MARGIN_M
    parking_share: float = PARKING_SHARE
    parking_lane_m: float = PARKING_LANE_M
    precip_mm: float = PRECIP_MM
    surface_before: str = SURFACE_BEFORE
    surface_after: str = SURFACE_AFTER
    rain_depth: float = RAIN_DEPTH_M
    park_min_ha: float = PARK_MIN_HA
    park_distance: float = PARK_DISTANCE_M
    unseal_share_full: float = UNSEAL_SHARE_FULL
    kf_min: float = KF_MIN
    gw_min_m: float = GW_MIN_M
    pit_volume_m3: float = PIT_VOLUME_M3
    pit_depth_m: float = PIT_DEPTH_M

    def weight(self, key: str) -> float:
        return float(self.weights.get(key, 0.0))

    @property
    def pit_area_m2(self) -> float:
        return self.pit_volume_m3 / self.pit_depth_m


@dataclass
class StreetInputs:
    """One entry per section (after :func:`segment_lines`); None = layer or field not given."""

    length_m: np.ndarray  # NaN or 0 = no usable geometry (flag geom_empty)
    segments: np.ndarray | None = None  # shapely lines: needed with ``trees``
    road_class: np.ndarray | None = None
    width_m: np.ndarray | None = None  # width field (NULL/implausible -> class width)
    space_width_m: np.ndarray | None = None  # measured on street-space polygons (first choice)
    free_width_m: np.ndarray | None = None  # between the buildings: caps the class width
    surface: np.ndarray | None = None
    tunnel: np.ndarray | None = None  # bool
    bridge: np.ndarray | None = None  # bool
    private: np.ndarray | None = None  # bool
    trees: np.ndarray | None = None  # shapely points in the CRS of ``segments``
    tree_count: np.ndarray | None = None
    sealed_m2: np.ndarray | None = None  # measured (street-space polygons), else estimated
    c_heat: np.ndarray | None = None  # already 0–1 (criteria.heat_criterion)
    rain_depth_m: np.ndarray | None = None
    sewer: np.ndarray | None = None  # bool
    park_distance_m: np.ndarray | None = None  # to the nearest park of park_min_ha (inf = none within reach)
    kf: np.ndarray | None = None  # m/s (kf_values)
    gw_depth_m: np.ndarray | None = None
    altlast: np.ndarray | None = None  # bool
    tiebreak: np.ndarray | None = None
    road: RoadAttributes | None = None  # precomputed (processing needs the widths before)


@dataclass
class StreetScored(Scored):
    """The street criteria, masks and measures of each section, before the shared finish."""

    TEXTS: ClassVar[Mapping[str, str]] = TEXTS

    params: StreetParams | None = None
    inputs: StreetInputs | None = None
    road: RoadAttributes | None = None
    seg_len_m: np.ndarray | None = None
    width_m: np.ndarray | None = None
    sealed_m2: np.ndarray | None = None
    trees_now: np.ndarray | None = None  # NaN without a tree layer, or where no tree can stand
    trees_per_100m: np.ndarray | None = None
    per_100m: np.ndarray | None = None  # the orientation value of each section
    target: np.ndarray | None = None
    tree_gap: np.ndarray | None = None
    unseal_m2: np.ndarray | None = None
    from_parking_m2: np.ndarray | None = None
    runoff_red_m3a: np.ndarray | None = None
    infiltration: np.ndarray | None = None
    surface: np.ndarray | None = None
    tree_owner: np.ndarray | None = None  # section per tree (-1 = outside every street space)

    def reasons(self, core: ScoreCore, texts: rs.Texts | None = None, tick=None) -> np.ndarray:
        return build_reasons(self, core, texts or rs.Texts(TEXTS), tick)


@dataclass
class StreetResult:
    """A scored street network: the measures, the contract fields and the reasons."""

    scored: StreetScored
    core: ScoreCore
    reason: np.ndarray

    def __getattr__(self, name: str):
        return getattr(self.scored, name)


def _mask(values, n: int) -> np.ndarray:
    return np.zeros(n, bool) if values is None else np.asarray(values, bool)


def street_scoring(inp: StreetInputs, params: StreetParams | None = None, progress=None) -> StreetScored:
    """The street domain: widths, trees, gap, unsealing, water, infiltration, criteria, flags, HZ.

    Everything a section needs before the shared finish (``common.finish``). ``progress``
    (optional) gets 0–1 between the steps (a ``scoring.progress.Progress`` raises there on cancel).
    """
    step = progress or (lambda _x: None)
    p = params or StreetParams()
    length = np.nan_to_num(np.asarray(inp.length_m, dtype=float), nan=0.0)
    n = length.size
    has_geom = length > 0
    road = inp.road or road_attributes(inp.road_class, n)
    width, from_class = widths(inp.width_m, road.width_m, measured=inp.space_width_m, free=inp.free_width_m)
    surface, assumed = surface_codes(inp.surface, n, p.surface_before)
    sealed_share = np.where(np.isin(surface, _unsealed_codes()), 0.0, road.sealed_share)
    sealed = (np.asarray(inp.sealed_m2, float) if inp.sealed_m2 is not None
              else length * width * sealed_share)

    ex = {code: has_geom & (road.exclude == code) for code in ("motorway", "rail")}
    ex["geom_empty"] = ~has_geom
    ex["tunnel"] = has_geom & _mask(inp.tunnel, n)
    ex["bridge"] = has_geom & _mask(inp.bridge, n)
    ex["private"] = has_geom & _mask(inp.private, n)
    ex["short"] = has_geom & (length < p.min_len_m)
    ex["too_narrow"] = has_geom & (width < p.min_width_m)
    exclusions = {k: ex[k] for k in EXCLUSIONS}
    step(0.1)

    # trees: only sections that can hold street trees take part (no rail, tunnel, narrow way)
    owner = None
    if inp.trees is not None and inp.segments is not None:
        eligible = has_geom & ~(ex["rail"] | ex["tunnel"] | ex["too_narrow"])
        trees_now, owner = trees_in_street(inp.segments, width / 2.0, inp.trees, inp.tree_count,
                                           eligible, p.tree_margin_m)
        trees_now = np.where(eligible, trees_now, np.nan)
    else:
        trees_now = np.full(n, np.nan)
    step(0.6)
    per100 = orientation_per_100m(width, p.per_side_100m, p.two_sided_width_m)
    target, gap = tree_gap(length, np.nan_to_num(trees_now, nan=0.0), per100)
    gap = np.where(np.isfinite(trees_now), gap, np.nan)
    with np.errstate(invalid="ignore", divide="ignore"):
        now_100 = np.where(has_geom, trees_now / length * 100.0, np.nan)
        c_trees = np.where(np.isfinite(trees_now) & (target > 0),
                           np.clip(1.0 - trees_now / target, 0.0, 1.0), np.nan)

    area, surplus, from_parking = unsealable(length, width, road.required_m, sealed, road.parking_lanes,
                                             p.parking_share, p.parking_lane_m)
    after = np.full(n, p.surface_after, dtype=object)
    runoff = np.nan_to_num(np.maximum(water.retention_gain_m3a(area, surface, after, p.precip_mm), 0.0), nan=0.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(has_geom & (width > 0), area / (length * width), np.nan)
    c_unseal = linear(share, 0.0, p.unseal_share_full)

    have_infil = inp.kf is not None or inp.gw_depth_m is not None or inp.altlast is not None
    altlast = _mask(inp.altlast, n)
    infil = infiltration(n, inp.kf, inp.gw_depth_m, altlast, p.kf_min, p.gw_min_m)
    c_infil = None
    if have_infil:
        c_infil = np.where(infil == "yes", 1.0, np.where(infil == "no", 0.0, np.nan))

    def on_geom(values) -> np.ndarray:
        return np.where(has_geom, np.asarray(values, dtype=float), np.nan)

    criteria: dict[str, np.ndarray | None] = {
        "heat": None if inp.c_heat is None else on_geom(inp.c_heat),
        "rain": None if inp.rain_depth_m is None else on_geom(rain_criterion(inp.rain_depth_m, p.rain_depth)),
        "sewer": None if inp.sewer is None else on_geom(np.asarray(inp.sewer, bool)),
        "trees": None if inp.trees is None else on_geom(c_trees),
        "green": None if inp.park_distance_m is None else on_geom(green_criterion(inp.park_distance_m, p.park_distance)),
        "unseal": on_geom(c_unseal),
        "infil": None if c_infil is None else on_geom(c_infil),
    }
    zeros = np.zeros(n, bool)
    gap0 = np.nan_to_num(gap, nan=0.0)

    def nodata(key: str) -> np.ndarray:
        c = criteria[key]
        return zeros if c is None else has_geom & ~np.isfinite(c)

    caveats = {
        "class_unknown": has_geom & ~road.known,
        "width_from_class": has_geom & from_class,
        "surface_assumed": has_geom & assumed if inp.surface is not None else zeros,
        "no_tree_space": (gap0 > 0) & ((surplus < p.tree_strip_m) | (area < gap0 * p.pit_area_m2)),
        "heat_nodata": nodata("heat"),
        "rain_nodata": nodata("rain"),
        "infil_unknown": has_geom & (infil == "unknown") if have_infil else zeros,
        "altlast": has_geom & altlast,
        "parking_realloc": from_parking > 0,
    }

    def at_least(key: str, value: float = 0.5) -> np.ndarray:
        c = criteria[key]
        return zeros if c is None else np.nan_to_num(c, nan=0.0) >= value

    hz = [
        ("01", at_least("heat") | at_least("green")),
        ("03", np.ones(n, bool)),
        ("18", road.main & at_least("trees")),
        ("24", at_least("rain") | at_least("sewer", 1.0) | ((infil == "yes") & (area > 0))),
        ("25", from_parking > 0),
    ]
    columns = [
        ("seg_len_m", "double", np.where(has_geom, length, np.nan)), ("width_m", "double", width),
        ("sealed_m2", "double", np.where(has_geom, sealed, np.nan)),
        ("trees_now", "int", _ints(trees_now)), ("trees_per_100m", "double", now_100),
        ("tree_gap", "int", _ints(gap)), ("unseal_m2", "double", np.where(has_geom, area, np.nan)),
        ("runoff_red_m3a", "double", np.where(has_geom, runoff, np.nan)),
        ("infiltration", "text", np.where(has_geom, infil, None)),
    ]
    step(1.0)
    return StreetScored(
        n=n, criteria=criteria, exclusions=exclusions, caveats=caveats, hz=hz,
        tiebreak=np.arange(n) if inp.tiebreak is None else np.asarray(inp.tiebreak), columns=columns,
        params=p, inputs=inp, road=road, seg_len_m=length, width_m=width, sealed_m2=sealed,
        trees_now=trees_now, trees_per_100m=now_100, per_100m=per100, target=target, tree_gap=gap,
        unseal_m2=area, from_parking_m2=from_parking, runoff_red_m3a=runoff, infiltration=infil,
        surface=surface, tree_owner=owner,
    )


def score_streets(inp: StreetInputs, params: StreetParams | None = None,
                  texts: rs.Texts | None = None, progress=None) -> StreetResult:
    """:func:`street_scoring`, the shared finish and the reasons in one call (tests, scripts).

    Raises ValueError when no criterion with data has a positive weight.
    """
    step = progress or (lambda _x: None)
    p = params or StreetParams()
    scored = street_scoring(inp, p, lambda x: step(0.6 * x))
    core = finish_scored(CRITERIA, scored, p.weights, {g: SPEC.group_keys(g) for g in (SUITABILITY, NEED)})
    reason = scored.reasons(core, texts, tick=lambda x: step(0.7 + 0.3 * x))
    step(1.0)
    return StreetResult(scored, core, reason)


def _ints(values: np.ndarray) -> np.ndarray:
    """Whole numbers for an integer field, None where NaN."""
    v = np.asarray(values, dtype=float)
    out = np.full(v.shape, None, dtype=object)
    ok = np.isfinite(v)
    out[ok] = np.round(v[ok]).astype(np.int64).tolist()
    return out


@lru_cache(maxsize=1)
def _unsealed_codes() -> tuple[str, ...]:
    """Surface codes that count as not sealed: kind green or water in ``surfaces.csv``."""
    return tuple(s.code for s in water.surfaces().values() if s.kind in ("green", "water"))


# ----------------------------------------------------------------------------------------------
# Reasons
# ----------------------------------------------------------------------------------------------
def build_reasons(res: StreetScored, core: ScoreCore, t: rs.Texts, tick=None) -> np.ndarray:
    """``gi_reason``: exclusions first, then width, trees, unsealing, water and place facts."""
    n = res.n
    p, inp = res.params, res.inputs
    m = core.masks
    tt = {**TEXTS, **dict(t.templates)}
    dec = t.decimal

    def excl():
        f = rs.empty(n)
        for code in ("geom_empty", "motorway", "rail", "tunnel", "bridge", "private"):
            f[m[code] & (f == "")] = tt[code]
        f[m["short"] & (f == "")] = rs.const(tt["short"], min=rs.number(p.min_len_m, dec))
        rs.fill(tt["too_narrow"], "width", _dec1(res.width_m, dec), m["too_narrow"] & (f == ""), f)
        return f

    def width():
        f = rs.empty(n)
        ok = ~m["too_narrow"]
        rs.fill(tt["width"], "width", _dec1(res.width_m, dec), ok & ~m["width_from_class"], f)
        rs.fill(tt["width_class"], "width", _dec1(res.width_m, dec), ok & m["width_from_class"], f)
        return f

    def trees():
        if not np.isfinite(res.trees_now).any():
            return None
        f = rs.empty(n)
        rs.fill_many(tt["trees"], {"trees": rs.int_text(res.trees_now), "per100": _dec1(res.trees_per_100m, dec),
                                 "target": _dec1(res.per_100m, dec)}, np.isfinite(res.trees_now), f)
        return f

    def gap():
        if not np.isfinite(res.tree_gap).any():
            return None
        f = rs.empty(n)
        g = np.nan_to_num(res.tree_gap, nan=-1.0)
        rs.fill(tt["gap"], "gap", rs.int_text(g), (g > 0) & ~core.excluded, f)
        f[(g == 0) & ~core.excluded] = tt["gap_none"]
        return f

    def unseal():
        f = rs.empty(n)
        ok = ~core.excluded
        rs.fill(tt["unseal"], "area", rs.int_text(res.unseal_m2), ok & (res.unseal_m2 >= 0.5), f)
        f[ok & (res.unseal_m2 < 0.5)] = tt["unseal_none"]
        return f

    def parking():
        f = rs.empty(n)
        rs.fill(tt["parking"], "area", rs.int_text(res.from_parking_m2), m["parking_realloc"] & ~core.excluded, f)
        return f

    def runoff():
        f = rs.empty(n)
        rs.fill(tt["runoff"], "m3", _dec1(res.runoff_red_m3a, dec), ~core.excluded & (res.runoff_red_m3a >= 0.05), f)
        return f

    def infil():
        if inp.kf is None and inp.gw_depth_m is None and inp.altlast is None:
            return None
        f = rs.empty(n)
        f[res.infiltration == "yes"] = tt["infil_yes"]
        f[res.infiltration == "no"] = tt["infil_no"]
        return f

    def heat():
        c = core.criteria.get("heat")
        if c is None:
            return None
        f = rs.empty(n)
        f[c >= 2 / 3] = tt["heat_high"]
        f[(c >= 1 / 3) & (c < 2 / 3)] = tt["heat_mid"]
        f[c < 1 / 3] = tt["heat_low"]
        f[m["heat_nodata"]] = tt["heat_nodata"]
        return f

    def rain():
        if inp.rain_depth_m is None:
            return None
        d = np.asarray(inp.rain_depth_m, dtype=float)
        f = rs.empty(n)
        wet = np.isfinite(d) & (d >= 0.005)
        rs.fill(tt["rain"], "depth", rs.dec2_text(d, dec), wet, f)
        f[np.isfinite(d) & ~wet] = tt["rain_none"]
        f[m["rain_nodata"]] = tt["rain_nodata"]
        return f

    def sewer():
        c = core.criteria.get("sewer")
        if c is None:
            return None
        f = rs.empty(n)
        f[c >= 1] = tt["sewer"]
        return f

    def park():
        if "green" not in core.criteria:
            return None
        d = np.asarray(inp.park_distance_m, dtype=float)
        f = rs.empty(n)
        ha = rs.number(p.park_min_ha, dec)
        rs.fill(tt["park_near"], "dist", rs.int_text(d), np.isfinite(d) & ~core.excluded, f, ha=ha)
        f[np.isinf(d) & ~core.excluded] = rs.const(tt["park_far"], ha=ha, max=rs.number(p.park_distance, dec))
        return f

    def space():
        f = rs.empty(n)
        f[m["no_tree_space"] & ~core.excluded] = tt["no_tree_space"]
        return f

    def none():
        f = rs.empty(n)
        f[m["no_criteria"]] = tt["no_criteria"]
        return f

    return rs.build([excl, width, trees, gap, unseal, parking, runoff, infil, heat, rain, sewer, park, space, none],
                   n, tick=tick)


def _dec1(values: np.ndarray, decimal: str) -> np.ndarray:
    """One decimal ("12.5", "12,5"), without a per-feature format call; NaN as "0"."""
    tenths = np.round(np.nan_to_num(np.asarray(values, dtype=float), nan=0.0, posinf=0.0) * 10).astype(np.int64)
    tenths = np.maximum(tenths, 0)
    return (tenths // 10).astype(str).astype(object) + decimal + (tenths % 10).astype(str).astype(object)
