"""Roof greening (Handlungsziel 02): which roofs to green first, and how much rain they would hold.

Pure numpy + shapely (no QGIS): ``processing/flat_roofs.py`` reads the layers into arrays and
calls these functions; the tests call them with hand-worked numbers.

- slope classes and ``c_slope`` (Münster Gründachpotenzial classes, >45° excluded),
- roof-type codes (AdV/ALKIS ``Dachform``, OSM ``roof:shape``) and "flat by roof type",
- criteria normalisations (area, heat, heavy rain, park distance),
- annual rain retention after DIN 1986-100 runoff coefficients,
- flags, Handlungsziel codes and the reason sentence, all vectorised over the features,
- the per-district sums for the 2030 target (half of the flat roofs green).

Every threshold comes from a CSV in ``resources/`` with a ``source`` column, or carries its
source in a comment here. Values marked [U] are the plugin's own choice: adjustable parameters.
"""

from __future__ import annotations

import csv
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..paths import RESOURCES
from .common import classify, join_codes, linear, minmax, rank, weighted_score

# ----------------------------------------------------------------------------------------------
# Defaults (parameters of gi:flatroofs)
# ----------------------------------------------------------------------------------------------
# Smallest greenable roof: 10 m² (Düsseldorf Gründachpotentialkataster; Bonn GRASS script) [V].
MIN_AREA_M2 = 10.0
# Area at which c_area reaches 1: plugin's choice [U] (a large flat roof of a school or a hall).
AREA_FULL_M2 = 1000.0
# Annual precipitation: 890 mm/a of the Gründachkataster NRW example (Leverkusen, ksta.de) [V];
# the Ruhr lies around this value, but use the local figure (DWD) [U].
PRECIP_MM = 890.0
# Heavy rain: depth for the full score, Essen's top depth class >0.25 m (essen.de) [V].
RAIN_DEPTH_M = 0.25
# Ring around the building in which the heavy-rain depth is averaged: plugin's choice [U].
RAIN_BUFFER_M = 10.0
# Park supply: parks of at least 0.5 ha (GALK 1973, Berlin Umweltatlas 06.05) [V] within 300 m
# (3-30-300 rule, nbsi.eu) [V].
PARK_MIN_HA = 0.5
PARK_DISTANCE_M = 300.0
# The 2030 target of HZ 02: half of the flat roofs in the inner cities green
# (Strategie Grüne Infrastruktur Metropole Ruhr; resources/handlungsziele.json, target
# green_flat_roofs) [V]; its scope "Innenstadt" as a Raumtyp value [U].
TARGET_SHARE = 0.5
SCOPE_VALUE = "Innenstadt"
# Criterion weights: the plugin's own choice [U]; suitability (slope, area) first, then the
# benefits (heat, heavy rain, sewer relief, green supply) and the target area.
WEIGHTS: dict[str, float] = {
    "slope": 3.0,
    "area": 2.0,
    "heat": 2.0,
    "rain": 1.0,
    "sewer": 1.0,
    "green": 1.0,
    "scope": 1.0,
}
CRITERIA = tuple(WEIGHTS)

UNKNOWN_SLOPE_CLASS = "unbekannt"
FLAT_CLASS = "0-5"

# Field names recognised when a field parameter is left empty (case-insensitive, in this order).
FIELD_CANDIDATES: dict[str, tuple[str, ...]] = {
    "slope": ("slope_deg", "neigung", "dachneigung", "roof_slope", "slope"),
    "roof_type": ("roof_type", "dachform", "dachf", "roof:shape", "roof_shape"),
    # flat_roof_ : flat_roof_m2 of gi:importlod2 in a Shapefile (10-character field names)
    "area": ("flat_roof_m2", "flat_roof_"),
    "listed": ("listed", "denkmal"),
    "green": ("green_roof", "gruendach"),
    "pv": ("pv", "solar"),
}


def detect_field(names: Sequence[str], kind: str) -> str | None:
    """The first field of ``names`` whose lower-case name is a candidate for ``kind``."""
    lower = {n.lower(): n for n in reversed(list(names))}
    for cand in FIELD_CANDIDATES[kind]:
        if cand in lower:
            return lower[cand]
    return None


# ----------------------------------------------------------------------------------------------
# Lookup tables (CSV with a source column)
# ----------------------------------------------------------------------------------------------
def _read_csv(name: str, folder: Path | None = None) -> list[dict[str, str]]:
    path = (folder or RESOURCES) / name
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        if not row.get("source", "").strip():
            raise ValueError(f"{path}: row without source: {row}")
    return rows


@dataclass(frozen=True)
class SlopeTable:
    labels: tuple[str, ...]
    upper: np.ndarray  # inclusive upper bound (degrees) of each class
    value: np.ndarray  # c_slope per class (NaN for excluded classes)
    excluded: np.ndarray  # bool per class


@lru_cache(maxsize=1)
def slope_table() -> SlopeTable:
    rows = sorted(_read_csv("roof_slope_classes.csv"), key=lambda r: float(r["max_deg"]))
    return SlopeTable(
        labels=tuple(r["slope_class"] for r in rows),
        upper=np.array([float(r["max_deg"]) for r in rows]),
        value=np.array([float(r["c_slope"]) if r["c_slope"].strip() else np.nan for r in rows]),
        excluded=np.array([r["excluded"].strip() == "1" for r in rows]),
    )


@dataclass(frozen=True)
class Runoff:
    plain: float  # C_m of the roof before greening
    green_flat: float  # C_m of an extensive green roof on a slope up to ``flat_max_deg``
    green_sloped: float  # C_m of an extensive green roof on a steeper or unmeasured slope
    flat_max_deg: float


@lru_cache(maxsize=1)
def runoff() -> Runoff:
    rows = {r["surface"]: r for r in _read_csv("roof_runoff.csv")}
    pct = float(rows["green_extensive_flat"]["max_slope_pct"])
    return Runoff(
        plain=float(rows["roof_plain"]["c_m"]),
        green_flat=float(rows["green_extensive_flat"]["c_m"]),
        green_sloped=float(rows["green_extensive_sloped"]["c_m"]),
        flat_max_deg=math.degrees(math.atan(pct / 100.0)),  # 5 % = 2.862°
    )


@lru_cache(maxsize=1)
def roof_type_table() -> dict[str, tuple[str, bool]]:
    """AdV code -> (German name, flat)."""
    return {r["code"]: (r["name_de"], r["flat"].strip() == "1") for r in _read_csv("roof_types.csv")}


@lru_cache(maxsize=1)
def _roof_aliases() -> dict[str, str]:
    """Normalised text -> AdV code: codes, German and English names, OSM roof:shape values."""
    out: dict[str, str] = {}
    for r in _read_csv("roof_types.csv"):
        for key in (r["code"], r["name_de"], r["name_en"]):
            out[_norm(key)] = r["code"]
    for r in _read_csv("roof_shapes_osm.csv"):
        out[_norm(r["roof_shape"])] = r["code"]
    return out


@lru_cache(maxsize=1)
def heat_labels() -> dict[str, int]:
    return {_norm(r["label"]): int(r["heat_class"]) for r in _read_csv("heat_classes.csv")}


_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def _norm(text: str) -> str:
    """Lower case, umlauts spelt out, '_'/'-' and runs of blanks as one blank, US spelling."""
    t = str(text).strip().lower().translate(_UMLAUTS)
    t = re.sub(r"[\s_]+", " ", t).replace("favorable", "favourable")
    return t


def _map_unique(values: np.ndarray, func) -> np.ndarray:
    """Apply ``func`` to each distinct value only (few), then spread back to all features."""
    values = np.asarray(values, dtype=object)
    if values.size == 0:
        return np.empty(0, dtype=object)
    isnull = np.equal(values, None)
    text = values.astype(str)
    text[isnull] = ""
    uniq, inverse = np.unique(text, return_inverse=True)
    mapped = np.empty(len(uniq), dtype=object)
    mapped[:] = [func(u) for u in uniq.tolist()]  # loop over distinct values, not features
    return mapped[inverse.reshape(-1)]


def _to_number(text: str) -> float | None:
    try:
        v = float(text.strip().replace(",", "."))
    except ValueError:
        return None
    return v if math.isfinite(v) else None


# ----------------------------------------------------------------------------------------------
# Roof types and flags from attributes
# ----------------------------------------------------------------------------------------------
def roof_codes(values: np.ndarray) -> np.ndarray:
    """AdV roof-type code (text, e.g. "1000") per feature, or None where unknown.

    Accepts AdV codes as text or number ("1000", 1000, 1000.0), German and English names
    ("Flachdach", "flat roof") and OSM ``roof:shape`` values ("flat", "gabled" …).
    """
    aliases = _roof_aliases()

    def one(text: str):
        if not text:
            return None
        num = _to_number(text)
        if num is not None:
            key = str(int(num)) if float(num).is_integer() else text
            return key if key in roof_type_table() else None
        return aliases.get(_norm(text))

    return _map_unique(values, one)


def flat_by_type(codes: np.ndarray) -> np.ndarray:
    table = roof_type_table()
    flat = {c for c, (_, is_flat) in table.items() if is_flat}
    return np.isin(np.asarray(codes, dtype=object), list(flat))


_TRUE = {"1", "true", "t", "yes", "y", "ja", "j", "wahr", "x", "on"}
_FALSE = {"0", "false", "f", "no", "n", "nein", "falsch", "off", "", "-"}


def truthy(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(True/False per feature, known per feature) from 0/1, booleans or yes/ja/x … text.

    NULL and unrecognised text count as False (not known): an unknown status never excludes.
    """
    arr = np.asarray(values)
    if arr.dtype.kind in "fiub":
        num = arr.astype(float)
        known = np.isfinite(num)
        return known & (num > 0), known

    def one(text: str):
        t = _norm(text)
        if t in _TRUE:
            return 1
        if t in _FALSE:
            return 0 if text else None
        num = _to_number(t)
        return None if num is None else int(num > 0)

    mapped = _map_unique(arr, one)
    known = ~np.equal(mapped, None)
    return np.equal(mapped, 1), known


# ----------------------------------------------------------------------------------------------
# Slope
# ----------------------------------------------------------------------------------------------
@dataclass
class SlopeResult:
    slope_class: np.ndarray  # text per feature ("0-5" … ">45", "unbekannt")
    c_slope: np.ndarray  # 0–1, NaN where unknown or excluded
    steep: np.ndarray  # bool: class excluded (>45°)
    unknown: np.ndarray  # bool: no usable slope and not flat by type
    from_type: np.ndarray  # bool: no slope, but a flat roof type -> class 0–5
    measured: np.ndarray  # bool: a usable slope value


def classify_slope(slope_deg: np.ndarray | None, flat_type: np.ndarray | None, n: int) -> SlopeResult:
    """Münster slope classes; unknown slopes stay unknown (never 0°).

    A slope outside 0–90° counts as unknown. A roof without slope whose roof type is flat
    (AdV 1000, OSM flat) gets class 0–5 and the flag ``slope_from_type``.
    """
    t = slope_table()
    s = np.full(n, np.nan) if slope_deg is None else np.asarray(slope_deg, dtype=float)
    measured = np.isfinite(s) & (s >= 0) & (s <= 90)
    idx = np.searchsorted(t.upper, np.where(measured, s, 0.0), side="left")
    idx = np.minimum(idx, len(t.labels) - 1)
    labels = np.array(t.labels, dtype=object)[idx]
    c = t.value[idx].copy()
    steep = measured & t.excluded[idx]
    ft = np.zeros(n, bool) if flat_type is None else (~measured & np.asarray(flat_type, bool))
    flat_i = t.labels.index(FLAT_CLASS)
    labels[ft] = FLAT_CLASS
    c[ft] = t.value[flat_i]
    unknown = ~measured & ~ft
    labels[unknown] = UNKNOWN_SLOPE_CLASS
    c[unknown] = np.nan
    c[steep] = np.nan
    return SlopeResult(labels, c, steep, unknown, ft, measured)


def greenable_area(footprint_m2: np.ndarray, slope_deg: np.ndarray, measured: np.ndarray,
                   area_field: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Greenable roof area (m²) and a mask where the footprint stood in for the area field.

    With an area field (e.g. ``flat_roof_m2`` of gi:importlod2) its value is used; where it
    is NULL or negative, and without a field, the roof area is the footprint divided by
    cos(slope) (the Bonn GRASS script's area factors 1/cos of the class slope [V], here with the
    roof's own slope; the footprint itself where the slope is unknown).
    """
    fp = np.asarray(footprint_m2, dtype=float)
    s = np.where(measured, np.asarray(slope_deg, dtype=float), 0.0)
    s = np.minimum(s, 89.0)
    roof = fp / np.cos(np.radians(s))
    if area_field is None:
        return roof, np.zeros(fp.shape, bool)
    a = np.asarray(area_field, dtype=float)
    usable = np.isfinite(a) & (a >= 0)
    fallback = ~usable & np.isfinite(fp)
    return np.where(usable, a, roof), fallback


def retention_m3a(area_m2: np.ndarray, slope_deg: np.ndarray, measured: np.ndarray,
                  precip_mm: float) -> np.ndarray:
    """Rain kept back per year by an extensive green roof, m³/a.

    = precipitation (m/a) × greenable area × (C_m plain roof − C_m extensive green roof), with
    C_m 0.9 for the plain roof (fee practice) and 0.3 (≤ 5 % slope) or 0.4 (> 5 %, or slope not
    measured) for the green roof (DIN 1986-100), from ``resources/roof_runoff.csv``.
    """
    r = runoff()
    s = np.asarray(slope_deg, dtype=float)
    flat = np.asarray(measured, bool) & (np.where(np.isfinite(s), s, np.inf) <= r.flat_max_deg + 1e-9)
    c_green = np.where(flat, r.green_flat, r.green_sloped)
    return precip_mm / 1000.0 * np.asarray(area_m2, dtype=float) * (r.plain - c_green)


# ----------------------------------------------------------------------------------------------
# Criteria
# ----------------------------------------------------------------------------------------------
def c_area(area_m2: np.ndarray, min_area: float = MIN_AREA_M2, full: float = AREA_FULL_M2) -> np.ndarray:
    """0 at the minimum area, 1 at ``full`` m² and above, linear between."""
    return linear(area_m2, min_area, full)


def heat_criterion(values: np.ndarray, higher_is_hotter: bool = True) -> tuple[np.ndarray, list[str]]:
    """c_heat 0–1 from raw heat values of this run's buildings; returns (c, unmapped labels).

    - text: the 5-class labels (sehr ungünstig … sehr günstig, English forms) map to 5…1 by
      name, whatever the order parameter says; numbers written as text are read as numbers;
    - whole numbers 1–5 only: heat classes, (c − 1) / 4 (or (5 − c) / 4 when lower = hotter);
    - other numbers (°C, PET …): min–max over this run (inverted when lower = hotter).
    """
    arr = np.asarray(values)
    unmapped: list[str] = []
    if arr.dtype.kind not in "fiub":
        labels = heat_labels()

        def as_class(text: str) -> float:
            return float(labels.get(_norm(text), np.nan)) if text else np.nan

        def as_number(text: str) -> float:
            if not text or _norm(text) in labels:
                return np.nan
            num = _to_number(text)
            if num is None:
                unmapped.append(text)
                return np.nan
            return num

        cls = _map_unique(arr, as_class).astype(float)
        num = _map_unique(arr, as_number).astype(float)
        out = (cls - 1.0) / 4.0
        if np.isfinite(num).any():
            out = np.where(np.isfinite(out), out, heat_criterion(num, higher_is_hotter)[0])
        return out, sorted(unmapped)
    v = arr.astype(float)
    if are_heat_classes(v):
        c = (v - 1.0) / 4.0
        return (c if higher_is_hotter else 1.0 - c), unmapped
    return heat_minmax(v, higher_is_hotter), unmapped


def are_heat_classes(values: np.ndarray) -> bool:
    """True when every known value is a whole number 1–5: the five thermal-load classes."""
    v = np.asarray(values, dtype=float)
    fin = v[np.isfinite(v)]
    return bool(fin.size) and bool(np.all((fin >= 1) & (fin <= 5) & (fin == np.round(fin))))


def heat_minmax(values: np.ndarray, higher_is_hotter: bool = True) -> np.ndarray:
    """Heat values (°C, PET …) scaled min–max over this run, inverted when lower = hotter."""
    c = minmax(np.asarray(values, dtype=float))
    return c if higher_is_hotter else 1.0 - c


def rain_criterion(depth_m: np.ndarray, full_depth: float = RAIN_DEPTH_M) -> np.ndarray:
    """0 at 0 m, 1 at ``full_depth`` and deeper, linear between."""
    return linear(depth_m, 0.0, full_depth)


def green_criterion(distance_m: np.ndarray, max_distance: float = PARK_DISTANCE_M) -> np.ndarray:
    """Need for green: 0 next to a park, 1 at ``max_distance`` or farther (inf = no park near)."""
    d = np.asarray(distance_m, dtype=float)
    return np.where(np.isnan(d), np.nan, np.clip(np.where(np.isinf(d), 1.0, d / max_distance), 0, 1))


# ----------------------------------------------------------------------------------------------
# Scoring
# ----------------------------------------------------------------------------------------------
@dataclass
class RoofParams:
    min_area: float = MIN_AREA_M2
    area_full: float = AREA_FULL_M2
    precip_mm: float = PRECIP_MM
    rain_depth: float = RAIN_DEPTH_M
    park_min_ha: float = PARK_MIN_HA
    park_distance: float = PARK_DISTANCE_M
    scope_label: str = SCOPE_VALUE
    weights: Mapping[str, float] | None = None  # None: WEIGHTS

    def weight(self, name: str) -> float:
        return float((self.weights if self.weights is not None else WEIGHTS).get(name, 0.0))


@dataclass
class RoofInputs:
    """Per-feature arrays (length n); None where the input was not given."""

    footprint_m2: np.ndarray  # NaN where the feature has no usable geometry
    slope_deg: np.ndarray | None = None
    roof_type: np.ndarray | None = None  # raw values (codes, names, OSM roof:shape)
    area_m2: np.ndarray | None = None  # greenable area field
    listed: np.ndarray | None = None  # bool
    green: np.ndarray | None = None  # bool
    pv: np.ndarray | None = None  # bool
    c_heat: np.ndarray | None = None  # already 0–1 (see heat_criterion)
    rain_depth_m: np.ndarray | None = None
    sewer: np.ndarray | None = None  # bool
    park_distance_m: np.ndarray | None = None  # inf = no park within reach
    in_scope: np.ndarray | None = None  # bool
    tiebreak: np.ndarray | None = None  # e.g. feature ids: equal scores rank by it


@dataclass
class RoofResult:
    score: np.ndarray
    gi_class: np.ndarray
    rank: np.ndarray  # 0 = excluded (written as NULL)
    hz: np.ndarray
    flags: np.ndarray
    reason: np.ndarray
    criteria: dict[str, np.ndarray]  # c_<name> of every criterion with data
    scored: list[str]  # criteria in the score (data and weight > 0)
    slope_deg: np.ndarray
    slope_class: np.ndarray
    greenable_m2: np.ndarray
    retention_m3a: np.ndarray
    in_target_scope: np.ndarray | None
    excluded: np.ndarray
    flat: np.ndarray  # slope class 0–5 (measured or by roof type)
    masks: dict[str, np.ndarray]  # flag code -> mask


EXCLUSION_FLAGS = ("geom_empty", "listed", "green_exists", "slope_gt_45", "area_lt_min")


def score_roofs(inp: RoofInputs, params: RoofParams | None = None,
                texts: Mapping[str, str] | None = None, progress=None) -> RoofResult:
    """Score every roof: criteria → weighted score → classes, ranks, codes, reasons.

    ``progress`` (optional) is called with 0–1 between the steps, so a caller can report
    progress and cancel during a city-wide run. Raises ValueError if no criterion with data
    has a positive weight.
    """
    def step(fraction: float) -> None:
        if progress is not None:
            progress(fraction)

    p = params or RoofParams()
    fp = np.asarray(inp.footprint_m2, dtype=float)
    n = fp.size
    has_geom = np.isfinite(fp)

    codes = roof_codes(inp.roof_type) if inp.roof_type is not None else None
    flat_type = flat_by_type(codes) if codes is not None else None
    sl = classify_slope(inp.slope_deg, flat_type, n)
    slope = np.where(sl.measured, np.nan if inp.slope_deg is None else np.asarray(inp.slope_deg, float), np.nan)
    area, from_fp = greenable_area(fp, slope, sl.measured, inp.area_m2)
    area = np.where(has_geom, area, np.nan)

    masks: dict[str, np.ndarray] = {}
    zeros = np.zeros(n, bool)
    masks["geom_empty"] = ~has_geom
    masks["listed"] = zeros if inp.listed is None else np.asarray(inp.listed, bool)
    masks["green_exists"] = zeros if inp.green is None else np.asarray(inp.green, bool)
    masks["slope_gt_45"] = sl.steep
    masks["area_lt_min"] = has_geom & ~(area >= p.min_area)
    excluded = np.logical_or.reduce([masks[k] for k in EXCLUSION_FLAGS])

    criteria: dict[str, np.ndarray] = {}
    if inp.slope_deg is not None or codes is not None:
        criteria["slope"] = sl.c_slope
    criteria["area"] = np.where(has_geom, c_area(area, p.min_area, p.area_full), np.nan)
    if inp.c_heat is not None:
        criteria["heat"] = np.asarray(inp.c_heat, dtype=float)
    if inp.rain_depth_m is not None:
        criteria["rain"] = rain_criterion(inp.rain_depth_m, p.rain_depth)
    if inp.sewer is not None:
        criteria["sewer"] = np.where(has_geom, np.asarray(inp.sewer, bool).astype(float), np.nan)
    if inp.park_distance_m is not None:
        criteria["green"] = green_criterion(inp.park_distance_m, p.park_distance)
    if inp.in_scope is not None:
        criteria["scope"] = np.where(has_geom, np.asarray(inp.in_scope, bool).astype(float), np.nan)
    # a criterion without a single value (e.g. no roof has a slope) is dropped entirely
    criteria = {k: v for k, v in criteria.items() if np.isfinite(v).any()}
    scored = [k for k in CRITERIA if k in criteria and p.weight(k) > 0]
    if not scored:
        raise ValueError("no criterion with data has a positive weight")

    score = weighted_score({k: criteria[k] for k in scored}, {k: p.weight(k) for k in scored})
    masks["no_criteria"] = ~excluded & ~np.isfinite(score)
    score = np.where(excluded, np.nan, score)
    gi_class = classify(score, excluded)
    tb = np.arange(n) if inp.tiebreak is None else np.asarray(inp.tiebreak)
    ranks = rank(score, excluded | ~np.isfinite(score), tb)

    masks["slope_unknown"] = sl.unknown & has_geom
    masks["slope_from_type"] = sl.from_type
    masks["area_from_footprint"] = from_fp & has_geom
    for k, code in (("heat", "heat_nodata"), ("rain", "rain_nodata")):
        masks[code] = has_geom & ~np.isfinite(criteria[k]) if k in criteria else zeros
    pv = zeros if inp.pv is None else np.asarray(inp.pv, bool)
    masks["pv_solar_green"] = pv

    flag_order = EXCLUSION_FLAGS + ("no_criteria", "slope_unknown", "slope_from_type",
                                    "area_from_footprint", "heat_nodata", "rain_nodata", "pv_solar_green")
    flags = join_codes([(k, masks[k]) for k in flag_order], n)

    c_heat = criteria.get("heat")
    c_rain = criteria.get("rain")
    c_sewer = criteria.get("sewer")
    hz = join_codes([
        ("01", zeros if c_heat is None else np.nan_to_num(c_heat, nan=0.0) >= 0.5),
        ("02", np.ones(n, bool)),
        ("24", (zeros if c_rain is None else np.nan_to_num(c_rain, nan=0.0) >= 0.5)
         | (zeros if c_sewer is None else np.nan_to_num(c_sewer, nan=0.0) >= 1.0)),
        ("26", pv),
    ], n)

    retention = retention_m3a(area, slope, sl.measured, p.precip_mm)
    retention = np.where(excluded, np.nan, retention)
    in_scope = None
    if inp.in_scope is not None:
        in_scope = np.where(has_geom, np.asarray(inp.in_scope, bool).astype(float), np.nan)

    step(0.5)
    reason = build_reasons(texts or DEFAULT_TEXTS, p, sl, area, masks, criteria, inp, n,
                           tick=lambda x: step(0.5 + 0.5 * x))
    step(1.0)
    return RoofResult(
        score=score, gi_class=gi_class, rank=ranks, hz=hz, flags=flags, reason=reason,
        criteria=criteria, scored=scored, slope_deg=slope, slope_class=sl.slope_class,
        greenable_m2=area, retention_m3a=retention, in_target_scope=in_scope,
        excluded=excluded | ~np.isfinite(score), flat=(sl.slope_class == FLAT_CLASS) & has_geom,
        masks=masks,
    )


# ----------------------------------------------------------------------------------------------
# Reasons (one short sentence per roof, from translated fragments)
# ----------------------------------------------------------------------------------------------
# English source texts; the algorithm passes the same keys through tr() (see
# processing/flat_roofs.py: reason_texts). Placeholders in braces.
DEFAULT_TEXTS: dict[str, str] = {
    "slope_0-5": "flat roof 0–5°",
    "slope_5-15": "roof slope 5–15°",
    "slope_15-30": "roof slope 15–30°",
    "slope_30-45": "roof slope 30–45°",
    "slope_>45": "roof steeper than 45° (excluded)",
    "slope_unknown": "roof slope unknown",
    "slope_from_type": "flat roof by roof type (slope not given)",
    "area": "{area} m² greenable",
    "area_lt_min": "less than {min} m² greenable (excluded)",
    "listed": "listed building (excluded)",
    "green_exists": "green roof already there (excluded)",
    "geom_empty": "no usable geometry (excluded)",
    "no_criteria": "no criterion could be evaluated",
    "heat_high": "high heat load",
    "heat_mid": "moderate heat load",
    "heat_low": "low heat load",
    "heat_nodata": "no heat value",
    "rain": "water depth {depth} m nearby",
    "rain_none": "no heavy-rain water nearby",
    "rain_nodata": "no heavy-rain data nearby",
    "sewer": "in the combined-sewer area",
    "park_near": "nearest park ≥ {ha} ha at {dist} m",
    "park_far": "no park ≥ {ha} ha within {max} m",
    "scope_in": "in the 2030 target area ({scope})",
    "pv": "PV on the roof: solar green roof",
}


def _fill(template: str, key: str, values: np.ndarray, mask: np.ndarray, out: np.ndarray, **consts) -> None:
    """out[mask] = template with {key} replaced by values[mask] (object array of str)."""
    sentinel = "\x00"
    try:
        text = template.format(**consts, **{key: sentinel})
    except (KeyError, IndexError, ValueError):
        text = template
    if not mask.any():
        return
    if sentinel in text:
        pre, post = text.split(sentinel, 1)
        out[mask] = pre + values[mask] + post
    else:
        out[mask] = text


def _const(template: str, **consts) -> str:
    try:
        return template.format(**consts)
    except (KeyError, IndexError, ValueError):
        return template


def _int_text(values: np.ndarray) -> np.ndarray:
    v = np.nan_to_num(np.asarray(values, dtype=float), nan=0.0, posinf=0.0, neginf=0.0)
    return np.round(v).astype(np.int64).astype(str).astype(object)


def _dec2_text(values: np.ndarray, decimal: str) -> np.ndarray:
    """Two decimals ("0.18") built from integers, so no per-feature formatting loop."""
    cents = np.round(np.nan_to_num(np.asarray(values, dtype=float), nan=0.0) * 100).astype(np.int64)
    cents = np.maximum(cents, 0)
    whole = (cents // 100).astype(str).astype(object)
    frac = np.char.zfill((cents % 100).astype(str), 2).astype(object)
    return whole + decimal + frac


def _number(value: float) -> str:
    return f"{value:g}"


def join_fragments(fragments: Sequence[np.ndarray], n: int, sep: str = "; ", tick=None) -> np.ndarray:
    """Join per-feature text fragments (object arrays, "" = none) with ``sep``.

    One ``str.join`` per feature over the fragments that are used at all, in chunks: three times
    faster than concatenating whole columns fragment by fragment (no intermediate strings)."""
    used = [f for f in fragments if (f != "").any()]
    out = np.full(n, "", dtype=object)
    step = 200_000
    for start in range(0, n, step):
        if tick is not None:
            tick(start / max(n, 1))
        cols = [f[start:start + step].tolist() for f in used]
        if cols:
            out[start:start + step] = [sep.join([x for x in row if x]) for row in zip(*cols)]
    return out


def build_reasons(texts: Mapping[str, str], p: RoofParams, sl: SlopeResult, area: np.ndarray,
                  masks: Mapping[str, np.ndarray], criteria: Mapping[str, np.ndarray],
                  inp: RoofInputs, n: int, tick=None) -> np.ndarray:
    """``gi_reason``: exclusions first, then one fragment per criterion, joined with "; ".

    ``tick`` (optional) is called with 0–1 as the fragments are built and joined: text for a
    million roofs takes seconds, and a caller must be able to report progress and cancel."""
    t = {**DEFAULT_TEXTS, **texts}
    decimal = "," if t.get("decimal") == "," else "."
    frags: list[np.ndarray] = []

    def add(fragment: np.ndarray) -> None:
        frags.append(fragment)
        if tick is not None:
            tick(0.5 * len(frags) / 14)

    def empty() -> np.ndarray:
        return np.full(n, "", dtype=object)

    for code in ("geom_empty", "listed", "green_exists"):
        f = empty()
        f[masks[code]] = t[code]
        add(f)

    f = empty()
    for label in slope_table().labels:
        f[(sl.slope_class == label) & ~sl.from_type] = t.get(f"slope_{label}", label)
    f[sl.from_type] = t["slope_from_type"]
    f[sl.unknown] = t["slope_unknown"]
    f[masks["geom_empty"]] = ""
    add(f)

    f = empty()
    ok = np.isfinite(area)
    _fill(t["area"], "area", _int_text(area), ok & ~masks["area_lt_min"], f)
    f[masks["area_lt_min"]] = _const(t["area_lt_min"], min=_number(p.min_area))
    add(f)

    if "heat" in criteria:
        c = criteria["heat"]
        f = empty()
        f[c >= 2 / 3] = t["heat_high"]
        f[(c >= 1 / 3) & (c < 2 / 3)] = t["heat_mid"]
        f[c < 1 / 3] = t["heat_low"]
        f[masks["heat_nodata"]] = t["heat_nodata"]
        add(f)
    if "rain" in criteria:
        d = np.asarray(inp.rain_depth_m, dtype=float)
        f = empty()
        wet = np.isfinite(d) & (d >= 0.005)
        _fill(t["rain"], "depth", _dec2_text(d, decimal), wet, f)
        f[np.isfinite(d) & ~wet] = t["rain_none"]
        f[masks["rain_nodata"]] = t["rain_nodata"]
        add(f)
    if "sewer" in criteria:
        f = empty()
        f[criteria["sewer"] >= 1] = t["sewer"]
        add(f)
    if "green" in criteria:
        d = np.asarray(inp.park_distance_m, dtype=float)
        f = empty()
        ha = _number(p.park_min_ha)
        near = np.isfinite(d)
        far = np.isinf(d)
        _fill(t["park_near"], "dist", _int_text(d), near, f, ha=ha)
        f[far] = _const(t["park_far"], ha=ha, max=_number(p.park_distance))
        add(f)
    if "scope" in criteria:
        f = empty()
        f[criteria["scope"] >= 1] = _const(t["scope_in"], scope=p.scope_label)
        add(f)
    f = empty()
    f[masks["pv_solar_green"]] = t["pv"]
    add(f)
    f = empty()
    f[masks["no_criteria"]] = t["no_criteria"]
    add(f)
    return join_fragments(frags, n, tick=None if tick is None else (lambda x: tick(0.5 + 0.5 * x)))


# ----------------------------------------------------------------------------------------------
# Districts: progress towards the 2030 target
# ----------------------------------------------------------------------------------------------
@dataclass
class DistrictSums:
    n_flat: np.ndarray
    flat_m2: np.ndarray
    green_m2: np.ndarray
    share_green: np.ndarray  # NaN where a district has no flat roof
    target_m2: np.ndarray
    missing_m2: np.ndarray
    ab_m2: np.ndarray
    covers: np.ndarray  # 1 if the class A+B flat roofs could close the gap


def district_sums(district: np.ndarray, n_districts: int, area_m2: np.ndarray, flat: np.ndarray,
                  green: np.ndarray, gi_class: np.ndarray, target_share: float = TARGET_SHARE) -> DistrictSums:
    """Sums per district (``district`` = index of each roof's district, -1 = none).

    Flat roofs are those of slope class 0–5° (measured or by roof type), counted with their
    greenable area whatever their class (listed and already green ones too: the target is a
    share of all flat roofs). ``ab_m2`` sums the flat roofs of classes A and B.
    """
    d = np.asarray(district, dtype=np.int64)
    a = np.nan_to_num(np.asarray(area_m2, dtype=float), nan=0.0)
    inside = d >= 0
    fl = inside & np.asarray(flat, bool)
    gr = fl & np.asarray(green, bool)
    cls = np.asarray(gi_class, dtype=object)
    ab = fl & ((cls == "A") | (cls == "B"))

    def s(mask: np.ndarray, w: np.ndarray | None = None) -> np.ndarray:
        return np.bincount(d[mask], weights=None if w is None else w[mask], minlength=n_districts).astype(float)

    flat_m2 = s(fl, a)
    green_m2 = s(gr, a)
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(flat_m2 > 0, green_m2 / flat_m2, np.nan)
    target = target_share * flat_m2
    missing = np.maximum(target - green_m2, 0.0)
    ab_m2 = s(ab, a)
    return DistrictSums(
        n_flat=s(fl).astype(np.int64), flat_m2=flat_m2, green_m2=green_m2, share_green=share,
        target_m2=target, missing_m2=missing, ab_m2=ab_m2,
        covers=(ab_m2 >= missing - 1e-9).astype(np.int64),
    )
