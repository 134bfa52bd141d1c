"""Roof greening (Handlungsziel 02): which roofs to green first, and how much rain they would hold.

Pure numpy + shapely (no QGIS): ``processing/flat_roofs.py`` reads the layers into arrays and
calls these functions; the tests call them with hand-worked numbers.

- greenable area from the roof surfaces per slope class (true area, horizontal projection) of
  gi:importlod2, or from the footprint and the mean slope: flat and pitched roofs up to
  MAX_SLOPE (30°, the RVR/Emschergenossenschaft Gründachkataster), times a net factor for
  rooftop plant and edges;
- ``c_slope`` (Münster Gründachpotenzial classes) and ``c_area`` (log ramp) and ``c_build``
  (a malus for listed buildings): the suitability, ``gi_suit``;
- thermal load in classes (scoring/criteria.py) with a building-height factor, heavy rain,
  combined sewer, green supply and the 2030 target area: the need, ``gi_need``;
- annual rain retention on the horizontal projection with annual retention shares by build-up
  (scoring/water.py, resources/surfaces.csv), and the design-event C_m of the green roof;
- flags, Handlungsziel codes and the reason sentence, all vectorised over the features,
- the per-district sums for the 2030 target (half of the flat roofs green).

Every threshold comes from a CSV in ``resources/`` with a ``source`` column, or carries its
source in a comment here. Values marked [U] are the plugin's own assumptions: adjustable
parameters.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import ClassVar

import numpy as np

from ..lod2 import SLOPE_EPS_DEG
from . import reasons as R  # noqa: N812
from . import water
from .common import ScoreCore, Scored, finish
from .criteria import (  # noqa: F401 - shared normalisations, part of this module's interface
    HEAT_BURDENED,
    PARK_DISTANCE_M,
    PARK_MIN_HA,
    RAIN_BUFFER_M,
    RAIN_DEPTH_M,
    HeatClasses,
    are_heat_classes,
    green_criterion,
    heat_criterion,
    heat_labels,
    heat_minmax,
    height_factor,
    rain_criterion,
)
from .spec import N_, NEED, SUITABILITY, Criterion, ExtraField, Measured, ScoringSpec, TargetMeasure
from .tables import read_csv as _read_csv
from .values import detect_field as _detect_field
from .values import fold as _norm
from .values import map_unique as _map_unique
from .values import to_number as _to_number
from .values import truthy  # noqa: F401 - part of this module's interface

# ----------------------------------------------------------------------------------------------
# Defaults (parameters of gi:flatroofs)
# ----------------------------------------------------------------------------------------------
# Smallest greenable roof: 10 m² (Düsseldorf Gründachpotentialkataster; Bonn GRASS script) [V].
MIN_AREA_M2 = 10.0
# Area at which c_area reaches 1 on its log ramp (10 m² → 0, 100 m² → 0.5, 1,000 m² → 1): the
# plugin's assumption [U]; a log ramp keeps small roofs (Essen's "10.000 Grüne Dächer" funds
# roofs up to 60 m², essen.de) in the ranking instead of pressing them all to 0.
AREA_FULL_M2 = 1000.0
# An area field value above this multiple of the footprint is not a roof area of that building
# (cm² instead of m² is 10,000 times, a typing error 1e12): it is not used. A roof of 60° has
# twice its footprint, overhangs and building parts drawn apart from the footprint add some.
# [U] our bound, generous on purpose.
AREA_FOOTPRINT_FACTOR = 20.0
# Steepest roof surface counted as greenable: 30°, as the RVR/Emschergenossenschaft
# Gründachkataster ("Flachdächer als auch leicht geneigte Dächer bis 30°", datteln.de; UBA
# Tatenbank) [V]; Düsseldorf counts up to 35° [V].
MAX_SLOPE_DEG = 30.0
# Net share of the greenable roof area (rooftop plant, skylights, paths, gravel strips at edges):
# the plugin's assumption [U]; Hamburg B-Pläne exempt technical installations up to 50 % of the
# roof (api.hamburg.de XPlan texts) [V].
NET_FACTOR = 0.75
# Annual precipitation: water.ANNUAL_PRECIP_MM (922 mm/a, Essen-Bredeney 1991–2020) [V]; set the
# local value, or give a precipitation raster.
PRECIP_MM = water.ANNUAL_PRECIP_MM
# Green-roof build-ups (surfaces.csv codes) of the BUILDUP parameter; the default is an extensive
# roof of about 10 cm, the Gründachkataster NRW's example (≈ 50 % annual retention) [V].
BUILDUPS = ("green_ext_thin", "green_ext", "green_intensive")
DEFAULT_BUILDUP = "green_ext"
SLOPED_BUILDUP = "green_ext_sloped"  # surfaces steeper than the 0–5° class (DWA-A 138-1 "> 5°")
PLAIN_ROOF = "roof_plain"
# Malus of a listed building on c_build: the plugin's assumption [U]. DSchG NRW (2022) § 9 asks
# for a permit and a weighing, not a ban (aknw.de FAQ Denkmalrecht) [V].
LISTED_MALUS = 0.5
# Building height and the heat benefit at street level: full up to 10 m (about 3 storeys),
# falling to half at 30 m: the plugin's assumption [U] after regenwasseragentur.berlin [V].
HEIGHT_FULL_M = 10.0
HEIGHT_LOW_M = 30.0
HEIGHT_FACTOR = 0.5
# Score = 100 × suit^(1 − s) × need^s (each 0–1), s = NEED_SHARE: the plugin's assumption [U].
NEED_SHARE = 0.5
# Classes on that score: A from 70, B from 55, C from 40 [U]: chosen so that the defaults spread
# over all classes on real LoD2 tiles (Wesel) and on the sample city (see the help).
CLASS_BREAKS = (70.0, 55.0, 40.0)
# The 2030 target of HZ 02: half of the flat roofs in the inner cities green
# (Strategie Grüne Infrastruktur Metropole Ruhr; resources/handlungsziele.json, target
# green_flat_roofs) [V]; its scope "Innenstadt" as a Raumtyp value [U].
TARGET_SHARE = 0.5
SCOPE_VALUE = "Innenstadt"
# Criterion weights: the plugin's assumption [U]. Suitability: slope, area, building; need:
# thermal load, heavy rain, combined sewer, green supply, target area.
WEIGHTS: dict[str, float] = {
    "slope": 2.0,
    "area": 2.0,
    "build": 1.0,
    "heat": 2.0,
    "rain": 1.0,
    "sewer": 1.0,
    "green": 1.0,
    "scope": 1.0,
}
CRITERIA = tuple(WEIGHTS)

SPEC = ScoringSpec(
    alg_id="flatroofs",
    title=N_("Roofs for greening"),
    criteria=(
        Criterion("slope", WEIGHTS["slope"], N_("roof slope"),
                  N_("0–5° → 1, 5–15° → 0.75, 15–30° → 0.5, 30–45° → 0.25 (classes of the Münster green-roof potential), weighted by the area of the greenable surfaces."),
                  hz=("02",), group=SUITABILITY),
        Criterion("area", WEIGHTS["area"], N_("greenable area"),
                  N_("log10(area / smallest area) / log10(full area / smallest area): 10 m² → 0, 100 m² → 0.5, 1,000 m² → 1."),
                  hz=("02",), group=SUITABILITY),
        Criterion("build", WEIGHTS["build"], N_("building"),
                  N_("1, or 1 − the listed-building malus for a listed building (a permit under monument law is needed)."),
                  hz=("02",), group=SUITABILITY),
        Criterion("heat", WEIGHTS["heat"], N_("thermal load"),
                  N_("(class − 1) / (number of classes − 1) × the building-height factor."), hz=("01",), group=NEED),
        Criterion("rain", WEIGHTS["rain"], N_("heavy rain"),
                  N_("Mean flood depth in a buffer around the building: 0 m → 0, the full-criterion depth → 1."),
                  hz=("24",), group=NEED),
        Criterion("sewer", WEIGHTS["sewer"], N_("combined sewer system"), N_("1 inside an area with a combined sewer system."),
                  hz=("24",), group=NEED),
        Criterion("green", WEIGHTS["green"], N_("green space supply"),
                  N_("0 next to a public green space, 1 at the distance of an undersupplied building or farther (3-30-300 rule)."),
                  hz=("02",), group=NEED),
        Criterion("scope", WEIGHTS["scope"], N_("2030 target area"), N_("1 inside the 2030 target area."), hz=("02",), group=NEED),
    ),
    signature_field="greenable_m2",
    exclusions=("geom_empty", "green_exists", "slope_gt_max", "area_lt_min"),
    caveats=("listed", "slope_unknown", "slope_from_type", "area_from_footprint", "heat_nodata", "rain_nodata",
             "precip_default", "pv_solar_green"),
    extra_fields=(
        ExtraField("slope_deg", "double", N_("roof slope"), "°"),
        ExtraField("slope_class", "text", N_("slope class")),
        ExtraField("greenable_m2", "double", N_("greenable area"), "m²"),
        ExtraField("retention_m3a", "double", N_("annual rain retention"), "m³/a"),
        ExtraField("cm_green", "double", N_("runoff coefficient C_m of the green roof (design event)")),
        ExtraField("in_target_scope", "int", N_("in the 2030 target area")),
    ),
    geometry="polygon",
    feature_label=N_("roof"),
    targets=("green_flat_roofs",),
    class_breaks=CLASS_BREAKS,
    score_rule="suit_need",
)

UNKNOWN_SLOPE_CLASS = "unbekannt"
FLAT_CLASS = "0-5"

# Field names recognised when a field parameter is left empty (case-insensitive, in this order).
FIELD_CANDIDATES: dict[str, tuple[str, ...]] = {
    "slope": ("slope_deg", "neigung", "dachneigung", "roof_slope", "slope"),
    "roof_type": ("roof_type", "dachform", "dachf", "roof:shape", "roof_shape"),
    # no name for the area: flat_roof_m2 of gi:importlod2 is the 0–5° part only; the import's
    # slope-class fields (t_*_m2, h_*_m2) are found by their names instead
    "area": (),
    "listed": ("listed", "denkmal", "baudenkmal"),
    "height": ("height_m", "hoehe", "gebaeudehoehe", "height", "measuredheight"),
    "green": ("green_roof", "gruendach"),
    "pv": ("pv", "solar"),
    # without a height field: the storeys (ALKIS ax_gebaeude: anzahlderoberirdischengeschosse;
    # OSM building:levels) give an estimated height, see scoring/alkis.py
    "storeys": ("anzahlderoberirdischengeschosse", "storeys", "geschosse", "geschosszahl",
                "building:levels", "building_levels"),
}


def detect_field(names: Sequence[str], kind: str) -> str | None:
    """The first field of ``names`` whose lower-case name is a candidate for ``kind``."""
    return _detect_field(names, FIELD_CANDIDATES[kind])


# ----------------------------------------------------------------------------------------------
# Lookup tables (CSV with a source column)
# ----------------------------------------------------------------------------------------------

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
    idx = np.searchsorted(t.upper, np.where(measured, s, 0.0) - SLOPE_EPS_DEG, side="left")
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


@dataclass
class Surfaces:
    """The greenable part of each roof (gross, before the net factor)."""

    true_m2: np.ndarray  # true (sloped) area of the greenable surfaces; 0 where none, NaN without geometry
    horiz_m2: np.ndarray  # their horizontal projection: the area rain falls on
    horiz_flat_m2: np.ndarray  # the part of it in the 0–5° class (the chosen build-up; the rest is sloped)
    c_slope: np.ndarray  # NaN where unknown or nothing greenable
    slope_class: np.ndarray  # the class of the mean slope, or the largest greenable class (LoD2)
    steep: np.ndarray  # bool: no surface up to MAX_SLOPE
    unknown: np.ndarray  # bool: no usable slope and not flat by type (footprint taken)
    from_type: np.ndarray  # bool: no slope, flat roof type -> class 0–5
    from_footprint: np.ndarray  # bool: the area field is empty here (footprint or surfaces taken)
    measured: np.ndarray  # bool: a usable mean slope


def roof_surfaces(footprint_m2: np.ndarray, slope_deg: np.ndarray | None, flat_type: np.ndarray | None,
                  max_slope: float = MAX_SLOPE_DEG, class_true: np.ndarray | None = None,
                  class_horiz: np.ndarray | None = None, area_field: np.ndarray | None = None) -> Surfaces:
    """Greenable surfaces of each roof, by the first source that has a value:

    1. the area field (a greenable roof area the user gives, true area): horizontal = area ×
       cos(mean slope), the flat part by the mean slope's class;
    2. the slope-class fields of gi:importlod2 (``class_true`` / ``class_horiz``, n × classes):
       the classes up to ``max_slope`` (never a class the CSV excludes); c_slope weighted by
       their true area; the slope class shown is the largest greenable one;
    3. the footprint and the mean slope: footprint / cos(slope) where the slope is at most
       ``max_slope``; the footprint itself where the slope is unknown (flag) or the roof type is
       flat.

    A roof without any surface up to ``max_slope`` is ``steep`` (excluded as slope_gt_max).
    """
    t = slope_table()
    fp = np.asarray(footprint_m2, dtype=float)
    n = fp.size
    has_geom = np.isfinite(fp)
    sl = classify_slope(slope_deg, flat_type, n)
    measured = sl.measured
    s = np.where(measured, np.nan if slope_deg is None else np.asarray(slope_deg, dtype=float), np.nan)
    s_ok = np.where(measured, s, 0.0)
    cls_idx = np.minimum(np.searchsorted(t.upper, s_ok - SLOPE_EPS_DEG, side="left"), len(t.labels) - 1)
    flat_i = t.labels.index(FLAT_CLASS)
    green_class = (t.upper <= max_slope + SLOPE_EPS_DEG) & ~t.excluded & np.isfinite(t.value)

    # 3. footprint and mean slope
    steep = measured & ((s_ok > max_slope + SLOPE_EPS_DEG) | t.excluded[cls_idx])
    cos = np.cos(np.radians(np.minimum(s_ok, 89.0)))
    true = np.where(measured, fp / cos, fp)
    horiz = fp.copy()
    is_flat = (measured & (cls_idx == flat_i)) | sl.from_type
    horiz_flat = np.where(is_flat, horiz, 0.0)
    c = sl.c_slope.copy()
    labels = sl.slope_class.copy()
    unknown = sl.unknown.copy()
    from_type = sl.from_type.copy()

    # 2. slope-class fields
    use_cls = np.zeros(n, bool)
    if class_true is not None and class_horiz is not None:
        ct = np.asarray(class_true, dtype=float)
        ch = np.asarray(class_horiz, dtype=float)
        use_cls = has_geom & np.isfinite(ct).all(axis=1) & np.isfinite(ch).all(axis=1)
        if use_cls.any():
            g = green_class.astype(float)
            gt = np.nan_to_num(ct) @ g
            gh = np.nan_to_num(ch) @ g
            ghf = np.nan_to_num(ch[:, flat_i]) * g[flat_i]
            with np.errstate(invalid="ignore", divide="ignore"):
                gc = (np.nan_to_num(ct) @ (g * np.nan_to_num(t.value))) / gt
            some = gt > 0
            largest = np.argmax(np.where(green_class, np.nan_to_num(ct), -1.0), axis=1)
            true = np.where(use_cls, gt, true)
            horiz = np.where(use_cls, gh, horiz)
            horiz_flat = np.where(use_cls, ghf, horiz_flat)
            c = np.where(use_cls, np.where(some, gc, np.nan), c)
            steep = np.where(use_cls, ~some, steep)
            labels = np.where(use_cls & some, np.array(t.labels, dtype=object)[largest], labels)
            unknown = unknown & ~use_cls
            from_type = from_type & ~use_cls

    # 1. the area field
    from_fp = np.zeros(n, bool)
    if area_field is not None:
        a = np.asarray(area_field, dtype=float)
        given = has_geom & np.isfinite(a) & (a >= 0)
        from_fp = has_geom & ~given
        steep_a = measured & ((s_ok > max_slope + SLOPE_EPS_DEG) | t.excluded[cls_idx])
        true = np.where(given, a, true)
        horiz = np.where(given, a * np.where(measured, cos, 1.0), horiz)
        horiz_flat = np.where(given, np.where(is_flat, a * np.where(measured, cos, 1.0), 0.0), horiz_flat)
        c = np.where(given, sl.c_slope, c)
        steep = np.where(given, steep_a, steep)
        labels = np.where(given, sl.slope_class, labels)
        unknown = np.where(given, sl.unknown, unknown)

    c = np.where(steep | ~has_geom, np.nan, c)  # without a usable geometry there is no roof to rate
    for arr in (true, horiz, horiz_flat):
        arr[steep] = 0.0
        arr[~has_geom] = np.nan
    return Surfaces(true_m2=true, horiz_m2=horiz, horiz_flat_m2=horiz_flat, c_slope=c, slope_class=labels,
                    steep=steep & has_geom, unknown=unknown & has_geom, from_type=from_type, from_footprint=from_fp,
                    measured=measured)


def retention_m3a(horiz_m2: np.ndarray, horiz_flat_m2: np.ndarray, precip_mm, net_factor: float = NET_FACTOR,
                  buildup: str = DEFAULT_BUILDUP) -> np.ndarray:
    """Annual rain retention of the green roof over the plain roof, m³/a (a water-balance figure).

    = precipitation (m/a) × net factor × [horizontal 0–5° part × (annual runoff share of the plain
    roof − that of ``buildup``) + the steeper part × (plain − extensive sloped)], with the annual
    shares of resources/surfaces.csv (scoring/water.py). Rain falls on the horizontal projection,
    so a steeper roof of the same footprint keeps no more rain.
    """
    h = np.asarray(horiz_m2, dtype=float) * net_factor
    hf = np.asarray(horiz_flat_m2, dtype=float) * net_factor
    return (water.retention_gain_m3a(hf, PLAIN_ROOF, buildup, precip_mm)
            + water.retention_gain_m3a(h - hf, PLAIN_ROOF, SLOPED_BUILDUP, precip_mm))


def design_runoff_coefficient(horiz_m2: np.ndarray, horiz_flat_m2: np.ndarray, buildup: str = DEFAULT_BUILDUP) -> np.ndarray:
    """C_m of the green roof for design-event calculations (DWA-A 138-1 Tab. 9): the build-up's
    value on the 0–5° part, the sloped extensive value on the rest, weighted by horizontal area.
    Not an annual figure (see :func:`retention_m3a`)."""
    h = np.asarray(horiz_m2, dtype=float)
    hf = np.asarray(horiz_flat_m2, dtype=float)
    cm_flat = float(water.c_m([buildup])[0])
    cm_sloped = float(water.c_m([SLOPED_BUILDUP])[0])
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(h > 0, (hf * cm_flat + (h - hf) * cm_sloped) / h, np.nan)


# ----------------------------------------------------------------------------------------------
# Criteria
# ----------------------------------------------------------------------------------------------
def c_area(area_m2: np.ndarray, min_area: float = MIN_AREA_M2, full: float = AREA_FULL_M2) -> np.ndarray:
    """log10(area / min) / log10(full / min), clipped to 0–1 (0 at and below the minimum area)."""
    a = np.asarray(area_m2, dtype=float)
    lo = max(float(min_area), 1e-9)
    span = np.log10(max(float(full), lo * (1 + 1e-9)) / lo)
    with np.errstate(invalid="ignore", divide="ignore"):
        c = np.clip(np.log10(np.where(a > lo, a, lo) / lo) / span, 0.0, 1.0)
    return np.where(np.isfinite(a), c, np.nan)


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
    max_slope: float = MAX_SLOPE_DEG
    net_factor: float = NET_FACTOR
    buildup: str = DEFAULT_BUILDUP
    listed_malus: float = LISTED_MALUS
    heat_burdened: int = HEAT_BURDENED
    height_full: float = HEIGHT_FULL_M
    height_low: float = HEIGHT_LOW_M
    height_factor: float = HEIGHT_FACTOR
    need_share: float = NEED_SHARE
    weights: Mapping[str, float] | None = None  # None: WEIGHTS

    def weight(self, name: str) -> float:
        return float((self.weights if self.weights is not None else WEIGHTS).get(name, 0.0))


@dataclass
class RoofInputs:
    """Per-feature arrays (length n); None where the input was not given."""

    footprint_m2: np.ndarray  # NaN where the feature has no usable geometry
    slope_deg: np.ndarray | None = None
    roof_type: np.ndarray | None = None  # raw values (codes, names, OSM roof:shape)
    area_m2: np.ndarray | None = None  # greenable area field (true area)
    class_true_m2: np.ndarray | None = None  # n × slope classes: true roof area (gi:importlod2)
    class_horiz_m2: np.ndarray | None = None  # n × slope classes: horizontal projection
    height_m: np.ndarray | None = None  # building height, measured or storeys × 3 m (alkis.py)
    listed: np.ndarray | None = None  # bool
    green: np.ndarray | None = None  # bool
    pv: np.ndarray | None = None  # bool
    heat: HeatClasses | None = None  # burden classes (scoring/criteria.py)
    rain_depth_m: np.ndarray | None = None
    sewer: np.ndarray | None = None  # bool
    park_distance_m: np.ndarray | None = None  # inf = no park within reach
    in_scope: np.ndarray | None = None  # bool
    precip_mm: np.ndarray | None = None  # per roof from a precipitation raster (NaN: the default)
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
    cm_green: np.ndarray
    in_target_scope: np.ndarray | None
    excluded: np.ndarray
    flat: np.ndarray  # slope class 0–5 (measured or by roof type)
    masks: dict[str, np.ndarray]  # flag code -> mask
    suit: np.ndarray | None = None
    need: np.ndarray | None = None


EXCLUSION_FLAGS = SPEC.exclusions
CAVEAT_FLAGS = SPEC.caveats


@dataclass
class RoofScored(Scored):
    """The roof criteria, masks and domain fields, before the shared finish."""

    TEXTS: ClassVar[Mapping[str, str]] = {}  # set below, after the texts

    params: RoofParams | None = None
    inputs: RoofInputs | None = None
    surfaces: Surfaces | None = None
    area: np.ndarray | None = None  # greenable m² (net), NaN without geometry
    flat: np.ndarray | None = None  # slope class 0–5 (measured or by roof type)
    in_scope: np.ndarray | None = None  # 1.0 / 0.0 in the target area, NaN without geometry
    height_factor: np.ndarray | None = None
    burdened: np.ndarray | None = None  # bool: in a burdened heat class (HZ 01)

    def reasons(self, core: ScoreCore, texts: R.Texts | None = None, tick=None) -> np.ndarray:
        return build_reasons(texts or default_texts(), self, core, tick)


def roof_scoring(inp: RoofInputs, params: RoofParams | None = None) -> RoofScored:
    """The roof domain: greenable surfaces, criteria, exclusions, caveats, HZ codes, water.

    Everything a roof needs before the shared finish (``common.finish``: sub-scores, score,
    class, rank, flags) and the reasons.
    """
    p = params or RoofParams()
    fp = np.asarray(inp.footprint_m2, dtype=float)
    n = fp.size
    has_geom = np.isfinite(fp)

    codes = roof_codes(inp.roof_type) if inp.roof_type is not None else None
    flat_type = flat_by_type(codes) if codes is not None else None
    su = roof_surfaces(fp, inp.slope_deg, flat_type, p.max_slope, inp.class_true_m2, inp.class_horiz_m2, inp.area_m2)
    area = np.where(has_geom, p.net_factor * su.true_m2, np.nan)
    slope = np.where(su.measured, np.nan if inp.slope_deg is None else np.asarray(inp.slope_deg, float), np.nan)

    zeros = np.zeros(n, bool)
    listed = zeros if inp.listed is None else np.asarray(inp.listed, bool) & has_geom
    exclusions = {
        "geom_empty": ~has_geom,
        "green_exists": zeros if inp.green is None else np.asarray(inp.green, bool),
        "slope_gt_max": su.steep,
        "area_lt_min": has_geom & ~su.steep & ~(area >= p.min_area),
    }
    excluded = np.logical_or.reduce(list(exclusions.values()))

    def known(values: np.ndarray) -> np.ndarray | None:
        """A criterion without a single value (e.g. no roof has a slope) is no criterion."""
        return values if np.isfinite(values).any() else None

    def on_geom(mask) -> np.ndarray:
        return np.where(has_geom, np.asarray(mask, bool).astype(float), np.nan)

    hf = height_factor(inp.height_m, p.height_full, p.height_low, p.height_factor, n)
    c_heat = None
    burdened = zeros
    if inp.heat is not None:
        c_heat = np.where(has_geom, inp.heat.c_heat() * hf, np.nan)
        burdened = inp.heat.burdened(p.heat_burdened) & has_geom
    has_slope = inp.slope_deg is not None or codes is not None or inp.class_true_m2 is not None
    criteria: dict[str, np.ndarray | None] = {
        "slope": su.c_slope if has_slope else None,
        "area": np.where(has_geom, c_area(area, p.min_area, p.area_full), np.nan),
        "build": None if inp.listed is None else np.where(has_geom, np.where(listed, 1.0 - p.listed_malus, 1.0), np.nan),
        "heat": c_heat,
        "rain": None if inp.rain_depth_m is None else rain_criterion(inp.rain_depth_m, p.rain_depth),
        "sewer": None if inp.sewer is None else on_geom(inp.sewer),
        "green": None if inp.park_distance_m is None else green_criterion(inp.park_distance_m, p.park_distance),
        "scope": None if inp.in_scope is None else on_geom(inp.in_scope),
    }
    criteria = {k: (None if v is None else known(v)) for k, v in criteria.items()}

    def nodata(key: str) -> np.ndarray:
        c = criteria[key]
        return zeros if c is None else has_geom & ~np.isfinite(c)

    precip = np.full(n, p.precip_mm)
    precip_default = zeros
    if inp.precip_mm is not None:
        given = np.asarray(inp.precip_mm, dtype=float)
        precip = np.where(np.isfinite(given), given, p.precip_mm)
        precip_default = has_geom & ~np.isfinite(given)
    pv = zeros if inp.pv is None else np.asarray(inp.pv, bool)
    caveats = {
        "listed": listed,
        "slope_unknown": su.unknown,
        "slope_from_type": su.from_type,
        "area_from_footprint": su.from_footprint,
        "heat_nodata": nodata("heat"),
        "rain_nodata": nodata("rain"),
        "precip_default": precip_default,
        "pv_solar_green": pv,
    }

    def at_least(key: str, value: float) -> np.ndarray:
        c = criteria[key]
        return zeros if c is None else np.nan_to_num(c, nan=0.0) >= value

    hz = [("01", burdened), ("02", np.ones(n, bool)),
          ("24", at_least("rain", 0.5) | at_least("sewer", 1.0)), ("26", pv)]

    retention = np.where(excluded, np.nan, retention_m3a(su.horiz_m2, su.horiz_flat_m2, precip, p.net_factor, p.buildup))
    cm_green = np.where(excluded, np.nan, design_runoff_coefficient(su.horiz_m2, su.horiz_flat_m2, p.buildup))
    in_scope = None if inp.in_scope is None else on_geom(inp.in_scope)
    scope_col = np.full(n, None, dtype=object) if in_scope is None else \
        np.where(np.isfinite(in_scope), np.nan_to_num(in_scope).astype(np.int64), None)
    columns = [("slope_deg", "double", slope), ("slope_class", "text", su.slope_class),
               ("greenable_m2", "double", area), ("retention_m3a", "double", retention),
               ("cm_green", "double", cm_green), ("in_target_scope", "int", scope_col)]
    return RoofScored(
        n=n, criteria=criteria, exclusions=exclusions, caveats=caveats, hz=hz,
        tiebreak=np.arange(n) if inp.tiebreak is None else np.asarray(inp.tiebreak), columns=columns,
        need_share=p.need_share, params=p, inputs=inp, surfaces=su, area=area,
        flat=(su.slope_class == FLAT_CLASS) & has_geom, in_scope=in_scope, height_factor=hf, burdened=burdened,
    )


GROUPS = {SUITABILITY: SPEC.group_keys(SUITABILITY), NEED: SPEC.group_keys(NEED)}


def score_roofs(inp: RoofInputs, params: RoofParams | None = None,
                texts: R.Texts | None = None, progress=None) -> RoofResult:
    """Score every roof: :func:`roof_scoring`, then the shared finish and the reasons.

    ``progress`` (optional) is called with 0–1 between the steps, so a caller can report
    progress and cancel during a city-wide run. Raises ValueError if no criterion with data
    has a positive weight. (``gi:flatroofs`` runs the same steps through its template base.)
    """
    def step(fraction: float) -> None:
        if progress is not None:
            progress(fraction)

    p = params or RoofParams()
    scored = roof_scoring(inp, p)
    core = finish(CRITERIA, scored.criteria, {k: p.weight(k) for k in CRITERIA}, scored.exclusions,
                  scored.caveats, scored.hz, scored.n, scored.tiebreak, GROUPS, SPEC.class_breaks, p.need_share)
    step(0.5)
    reason = scored.reasons(core, texts, tick=lambda x: step(0.5 + 0.5 * x))
    step(1.0)
    return roof_result(scored, core, reason)


def roof_result(scored: RoofScored, core: ScoreCore, reason: np.ndarray) -> RoofResult:
    """The roof fields and the contract fields of one run together."""
    cols = {name: values for name, _, values in scored.columns}
    return RoofResult(
        score=core.score, gi_class=core.gi_class, rank=core.rank, hz=core.hz, flags=core.flags, reason=reason,
        criteria=core.criteria, scored=core.scored, slope_deg=cols["slope_deg"], slope_class=cols["slope_class"],
        greenable_m2=cols["greenable_m2"], retention_m3a=cols["retention_m3a"], cm_green=cols["cm_green"],
        in_target_scope=scored.in_scope, excluded=core.excluded, flat=scored.flat, masks=core.masks,
        suit=core.suit, need=core.need,
    )


# ----------------------------------------------------------------------------------------------
# Reasons (one short sentence per roof, from translated fragments)
# ----------------------------------------------------------------------------------------------
# English source texts, marked for the catalogue; processing translates them where they are
# shown (i18n.translate_marked). Placeholders in braces.
TEXTS: dict[str, str] = {
    "slope_0-5": N_("flat roof 0–5°"),
    "slope_5-15": N_("roof slope 5–15°"),
    "slope_15-30": N_("roof slope 15–30°"),
    "slope_30-45": N_("roof slope 30–45°"),
    "slope_>45": N_("roof slope over 45°"),
    "slope_gt_max": N_("no roof surface up to {max}° (excluded)"),
    "slope_unknown": N_("roof slope unknown"),
    "slope_from_type": N_("flat roof by roof type (slope not given)"),
    "area": N_("{area} m² greenable"),
    "area_lt_min": N_("less than {min} m² greenable (excluded)"),
    "listed": N_("listed building: permit under monument law needed"),
    "green_exists": N_("green roof already there (excluded)"),
    "geom_empty": N_("no usable geometry (excluded)"),
    "no_criteria": N_("no criterion could be evaluated"),
    "heat_high": N_("high heat load"),
    "heat_mid": N_("moderate heat load"),
    "heat_low": N_("low heat load"),
    "heat_nodata": N_("no heat value"),
    "tall": N_("building {height} m high: less heat benefit at street level"),
    "rain": N_("water depth {depth} m nearby"),
    "rain_none": N_("no heavy-rain water nearby"),
    "rain_nodata": N_("no heavy-rain data nearby"),
    "sewer": N_("in the combined-sewer area"),
    "park_near": N_("nearest park ≥ {ha} ha at {dist} m"),
    "park_far": N_("no park ≥ {ha} ha within {max} m"),
    "scope_in": N_("in the 2030 target area ({scope})"),
    "pv": N_("PV on the roof: solar green roof"),
}
DEFAULT_TEXTS = TEXTS  # the English texts (tests, callers without a translator)
RoofScored.TEXTS = TEXTS


def default_texts() -> R.Texts:
    return R.Texts(TEXTS, ".")


def build_reasons(texts: R.Texts, scored: RoofScored, core: ScoreCore, tick=None) -> np.ndarray:
    """``gi_reason``: exclusions first, then one fragment per criterion, joined with "; "."""
    t = {**TEXTS, **texts.templates}
    dec = texts.decimal
    p, su, area, n = scored.params, scored.surfaces, scored.area, scored.n
    masks, criteria, inp = core.masks, core.criteria, scored.inputs

    def flag(code: str, text_key: str | None = None):
        def part():
            f = R.Coded(n)
            f.put(masks[code], t[text_key or code])
            return f
        return part

    def slope_part():
        f = R.Coded(n)
        for label in slope_table().labels:
            f.put((su.slope_class == label) & ~su.from_type, t.get(f"slope_{label}", label))
        f.put(su.from_type, t["slope_from_type"])
        f.put(su.unknown, t["slope_unknown"])
        f.put(masks["slope_gt_max"], R.const(t["slope_gt_max"], max=R.number(p.max_slope, dec)))
        f.put(masks["geom_empty"], "")
        return f

    def area_part():
        f = R.Coded(n)
        f.put_each(t["area"], "area", R.whole(area), str,
                   np.isfinite(area) & ~masks["area_lt_min"] & ~masks["slope_gt_max"])
        f.put(masks["area_lt_min"], R.const(t["area_lt_min"], min=R.number(p.min_area, dec)))
        return f

    def heat_part():
        if "heat" not in criteria or inp.heat is None:
            return None
        k = np.asarray(inp.heat.cls, dtype=float)
        known = np.isfinite(criteria["heat"])  # a class, on a usable geometry
        f = R.Coded(n)
        f.put(known, t["heat_mid"])
        f.put(known & (k <= 1), t["heat_low"])
        f.put(scored.burdened, t["heat_high"])
        f.put(masks["heat_nodata"], t["heat_nodata"])
        return f

    def height_part():
        if "heat" not in criteria or inp.height_m is None:
            return None
        f = R.Coded(n)
        tall = scored.burdened & (scored.height_factor < 1.0)
        f.put_each(t["tall"], "height", R.whole(inp.height_m), str, tall)
        return f

    def rain_part():
        if "rain" not in criteria:
            return None
        d = np.asarray(inp.rain_depth_m, dtype=float)
        f = R.Coded(n)
        wet = np.isfinite(d) & (d >= 0.005)
        f.put_each(t["rain"], "depth", R.cents(d), R.dec2(dec), wet)
        f.put(np.isfinite(d) & ~wet, t["rain_none"])
        f.put(masks["rain_nodata"], t["rain_nodata"])
        return f

    def sewer_part():
        if "sewer" not in criteria:
            return None
        f = R.Coded(n)
        f.put(criteria["sewer"] >= 1, t["sewer"])
        return f

    def park_part():
        if "green" not in criteria:
            return None
        d = np.asarray(inp.park_distance_m, dtype=float)
        f = R.Coded(n)
        ha = R.number(p.park_min_ha, dec)
        f.put_each(t["park_near"], "dist", R.whole(d), str, np.isfinite(d), ha=ha)
        f.put(np.isinf(d), R.const(t["park_far"], ha=ha, max=R.number(p.park_distance, dec)))
        return f

    def scope_part():
        if "scope" not in criteria:
            return None
        f = R.Coded(n)
        f.put(criteria["scope"] >= 1, R.const(t["scope_in"], scope=p.scope_label))
        return f

    parts = [flag("geom_empty"), flag("green_exists"), flag("listed"), slope_part, area_part, heat_part, height_part,
             rain_part, sewer_part, park_part, scope_part, flag("pv_solar_green", "pv"), flag("no_criteria")]
    return R.build(parts, n, tick)


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


# Without a slope class field, flags that take a roof out of the flat-roof total.
NOT_FLAT_FLAGS = ("slope_gt", "pitched", "not_flat")


def has_flag(flags: np.ndarray, code: str, prefix: bool = False) -> np.ndarray:
    """True where the comma-separated ``gi_flags`` hold ``code`` (or a code starting with it)."""
    def one(text: str) -> bool:
        codes = [c.strip().lower() for c in text.split(",") if c.strip()]
        return any(c.startswith(code) if prefix else c == code for c in codes)
    return _map_unique(np.asarray(flags, dtype=object), one).astype(bool)


def green_flat_roofs(columns: Mapping[str, np.ndarray | None], areas_m2: np.ndarray) -> Measured:
    """HZ 02 (half of the flat roofs green by 2030) measured on a roof result's own fields.

    Counted as the district table counts (:func:`district_sums`): flat roofs are those of slope
    class 0–5° (``slope_class``), whatever their score class; without that field, every roof
    not flagged as steep. Green roofs carry the flag ``green_exists``. A roof's area is its
    ``greenable_m2``, else its own polygon area. Where ``in_target_scope`` has values, only the
    roofs with 1 count (the target is for the inner cities).
    """
    flags = columns.get("gi_flags")
    n = len(areas_m2)
    flags = np.full(n, "", dtype=object) if flags is None else np.where(np.equal(flags, None), "", flags)
    slope_class = columns.get("slope_class")
    if slope_class is not None:
        flat = np.asarray(slope_class, dtype=object) == FLAT_CLASS
    else:
        flat = ~np.logical_or.reduce([has_flag(flags, p, prefix=True) for p in NOT_FLAT_FLAGS])
    green = has_flag(flags, "green_exists")
    given = columns.get("greenable_m2")
    area = np.asarray(areas_m2, dtype=float)
    if given is not None:
        given = np.asarray(given, dtype=float)
        area = np.where(np.isfinite(given), given, area)
    scope = columns.get("in_target_scope")
    scope = None if scope is None else np.asarray(scope, dtype=float)
    scope_only = scope is not None and bool(np.isfinite(scope).any())
    counted = (scope == 1) if scope_only else np.ones(n, bool)
    sums = district_sums(np.where(counted, 0, -1), 1, area, flat, green, np.full(n, "X", dtype=object))
    return Measured(done=float(sums.green_m2[0]), total=float(sums.flat_m2[0]), scope_only=scope_only)


SPEC = replace(SPEC, measures=(TargetMeasure(
    hz="02", target="green_flat_roofs", label=N_("Green flat roofs"),
    fields=("gi_flags", "slope_class", "greenable_m2", "in_target_scope"), measure=green_flat_roofs),))
