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

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import ClassVar

import numpy as np

from . import reasons as R  # noqa: N812
from .common import ScoreCore, Scored, finish, linear
from .criteria import (  # noqa: F401 - shared normalisations, part of this module's interface
    PARK_DISTANCE_M,
    PARK_MIN_HA,
    RAIN_BUFFER_M,
    RAIN_DEPTH_M,
    are_heat_classes,
    green_criterion,
    heat_criterion,
    heat_labels,
    heat_minmax,
    rain_criterion,
)
from .spec import N_, Criterion, ExtraField, Measured, ScoringSpec, TargetMeasure
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
# Area at which c_area reaches 1: plugin's choice [U] (a large flat roof of a school or a hall).
AREA_FULL_M2 = 1000.0
# An area field value above this multiple of the footprint is not a roof area of that building
# (cm² instead of m² is 10,000 times, a typing error 1e12): it is not used. A roof of 60° has
# twice its footprint, overhangs and building parts drawn apart from the footprint add some.
# [U] our bound, generous on purpose.
AREA_FOOTPRINT_FACTOR = 20.0
# Annual precipitation: 890 mm/a of the Gründachkataster NRW example (Leverkusen, ksta.de) [V];
# the Ruhr lies around this value, but use the local figure (DWD) [U].
PRECIP_MM = 890.0
# Heavy rain (full-score depth, ring) and park supply (smallest park, distance): the shared
# defaults of scoring/criteria.py, with their sources there.
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

SPEC = ScoringSpec(
    alg_id="flatroofs",
    title=N_("Roofs for greening"),
    criteria=(
        Criterion("slope", WEIGHTS["slope"], N_("roof slope"),
                  N_("0–5° → 1, 5–15° → 0.75, 15–30° → 0.5, 30–45° → 0.25, over 45° excluded (classes of the Münster green-roof potential)."),
                  hz=("02",)),
        Criterion("area", WEIGHTS["area"], N_("greenable area"),
                  N_("0 at the smallest greenable roof, 1 at the area for the full score."), hz=("02",)),
        Criterion("heat", WEIGHTS["heat"], N_("heat load"),
                  N_("Heat raster min–max over this run, or heat classes 1–5 → (class − 1) / 4."), hz=("01",)),
        Criterion("rain", WEIGHTS["rain"], N_("heavy rain"),
                  N_("Mean water depth in a ring around the building: 0 m → 0, the full-score depth → 1."), hz=("24",)),
        Criterion("sewer", WEIGHTS["sewer"], N_("combined sewer"), N_("1 inside a combined-sewer area."), hz=("24",)),
        Criterion("green", WEIGHTS["green"], N_("distance to parks"),
                  N_("0 next to a park, 1 at the distance without a park or farther (3-30-300 rule)."), hz=("02",)),
        Criterion("scope", WEIGHTS["scope"], N_("2030 target area"), N_("1 inside the 2030 target area."), hz=("02",)),
    ),
    signature_field="greenable_m2",
    exclusions=("geom_empty", "listed", "green_exists", "slope_gt_45", "area_lt_min"),
    caveats=("slope_unknown", "slope_from_type", "area_from_footprint", "heat_nodata", "rain_nodata",
             "pv_solar_green"),
    extra_fields=(
        ExtraField("slope_deg", "double", N_("roof slope"), "°"),
        ExtraField("slope_class", "text", N_("slope class")),
        ExtraField("greenable_m2", "double", N_("greenable area"), "m²"),
        ExtraField("retention_m3a", "double", N_("retention"), "m³/a"),
        ExtraField("in_target_scope", "int", N_("in the 2030 target area")),
    ),
    geometry="polygon",
    feature_label=N_("roof"),
    targets=("green_flat_roofs",),
)

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


EXCLUSION_FLAGS = SPEC.exclusions
CAVEAT_FLAGS = SPEC.caveats


@dataclass
class RoofScored(Scored):
    """The roof criteria, masks and domain fields, before the shared finish."""

    TEXTS: ClassVar[Mapping[str, str]] = {}  # set below, after the texts

    params: RoofParams | None = None
    inputs: RoofInputs | None = None
    slope: SlopeResult | None = None
    area: np.ndarray | None = None  # greenable m², NaN without geometry
    flat: np.ndarray | None = None  # slope class 0–5 (measured or by roof type)
    in_scope: np.ndarray | None = None  # 1.0 / 0.0 in the target area, NaN without geometry

    def reasons(self, core: ScoreCore, texts: R.Texts | None = None, tick=None) -> np.ndarray:
        return build_reasons(texts or default_texts(), self, core, tick)


def roof_scoring(inp: RoofInputs, params: RoofParams | None = None) -> RoofScored:
    """The roof domain: slope classes, greenable area, criteria, exclusions, caveats, HZ codes.

    Everything a roof needs before the shared finish (``common.finish``: weighted score, class,
    rank, flags) and the reasons.
    """
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

    zeros = np.zeros(n, bool)
    exclusions = {
        "geom_empty": ~has_geom,
        "listed": zeros if inp.listed is None else np.asarray(inp.listed, bool),
        "green_exists": zeros if inp.green is None else np.asarray(inp.green, bool),
        "slope_gt_45": sl.steep,
        "area_lt_min": has_geom & ~(area >= p.min_area),
    }
    excluded = np.logical_or.reduce(list(exclusions.values()))

    def known(values: np.ndarray) -> np.ndarray | None:
        """A criterion without a single value (e.g. no roof has a slope) is no criterion."""
        return values if np.isfinite(values).any() else None

    def on_geom(mask) -> np.ndarray:
        return np.where(has_geom, np.asarray(mask, bool).astype(float), np.nan)

    criteria: dict[str, np.ndarray | None] = {
        "slope": sl.c_slope if (inp.slope_deg is not None or codes is not None) else None,
        "area": np.where(has_geom, c_area(area, p.min_area, p.area_full), np.nan),
        "heat": None if inp.c_heat is None else np.asarray(inp.c_heat, dtype=float),
        "rain": None if inp.rain_depth_m is None else rain_criterion(inp.rain_depth_m, p.rain_depth),
        "sewer": None if inp.sewer is None else on_geom(inp.sewer),
        "green": None if inp.park_distance_m is None else green_criterion(inp.park_distance_m, p.park_distance),
        "scope": None if inp.in_scope is None else on_geom(inp.in_scope),
    }
    criteria = {k: (None if v is None else known(v)) for k, v in criteria.items()}

    def nodata(key: str) -> np.ndarray:
        c = criteria[key]
        return zeros if c is None else has_geom & ~np.isfinite(c)

    pv = zeros if inp.pv is None else np.asarray(inp.pv, bool)
    caveats = {
        "slope_unknown": sl.unknown & has_geom,
        "slope_from_type": sl.from_type,
        "area_from_footprint": from_fp & has_geom,
        "heat_nodata": nodata("heat"),
        "rain_nodata": nodata("rain"),
        "pv_solar_green": pv,
    }

    def at_least(key: str, value: float) -> np.ndarray:
        c = criteria[key]
        return zeros if c is None else np.nan_to_num(c, nan=0.0) >= value

    hz = [("01", at_least("heat", 0.5)), ("02", np.ones(n, bool)),
          ("24", at_least("rain", 0.5) | at_least("sewer", 1.0)), ("26", pv)]

    retention = np.where(excluded, np.nan, retention_m3a(area, slope, sl.measured, p.precip_mm))
    in_scope = None if inp.in_scope is None else on_geom(inp.in_scope)
    scope_col = np.full(n, None, dtype=object) if in_scope is None else \
        np.where(np.isfinite(in_scope), np.nan_to_num(in_scope).astype(np.int64), None)
    columns = [("slope_deg", "double", slope), ("slope_class", "text", sl.slope_class),
               ("greenable_m2", "double", area), ("retention_m3a", "double", retention),
               ("in_target_scope", "int", scope_col)]
    return RoofScored(
        n=n, criteria=criteria, exclusions=exclusions, caveats=caveats, hz=hz,
        tiebreak=np.arange(n) if inp.tiebreak is None else np.asarray(inp.tiebreak), columns=columns,
        params=p, inputs=inp, slope=sl, area=area, flat=(sl.slope_class == FLAT_CLASS) & has_geom,
        in_scope=in_scope,
    )


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
                  scored.caveats, scored.hz, scored.n, scored.tiebreak)
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
        greenable_m2=cols["greenable_m2"], retention_m3a=cols["retention_m3a"], in_target_scope=scored.in_scope,
        excluded=core.excluded, flat=scored.flat, masks=core.masks,
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
    "slope_>45": N_("roof steeper than 45° (excluded)"),
    "slope_unknown": N_("roof slope unknown"),
    "slope_from_type": N_("flat roof by roof type (slope not given)"),
    "area": N_("{area} m² greenable"),
    "area_lt_min": N_("less than {min} m² greenable (excluded)"),
    "listed": N_("listed building (excluded)"),
    "green_exists": N_("green roof already there (excluded)"),
    "geom_empty": N_("no usable geometry (excluded)"),
    "no_criteria": N_("no criterion could be evaluated"),
    "heat_high": N_("high heat load"),
    "heat_mid": N_("moderate heat load"),
    "heat_low": N_("low heat load"),
    "heat_nodata": N_("no heat value"),
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
    p, sl, area, n = scored.params, scored.slope, scored.area, scored.n
    masks, criteria, inp = core.masks, core.criteria, scored.inputs

    def flag(code: str, text_key: str | None = None):
        def part():
            f = R.empty(n)
            f[masks[code]] = t[text_key or code]
            return f
        return part

    def slope_part():
        f = R.empty(n)
        for label in slope_table().labels:
            f[(sl.slope_class == label) & ~sl.from_type] = t.get(f"slope_{label}", label)
        f[sl.from_type] = t["slope_from_type"]
        f[sl.unknown] = t["slope_unknown"]
        f[masks["geom_empty"]] = ""
        return f

    def area_part():
        f = R.empty(n)
        R.fill(t["area"], "area", R.int_text(area), np.isfinite(area) & ~masks["area_lt_min"], f)
        f[masks["area_lt_min"]] = R.const(t["area_lt_min"], min=R.number(p.min_area, dec))
        return f

    def heat_part():
        if "heat" not in criteria:
            return None
        c = criteria["heat"]
        f = R.empty(n)
        f[c >= 2 / 3] = t["heat_high"]
        f[(c >= 1 / 3) & (c < 2 / 3)] = t["heat_mid"]
        f[c < 1 / 3] = t["heat_low"]
        f[masks["heat_nodata"]] = t["heat_nodata"]
        return f

    def rain_part():
        if "rain" not in criteria:
            return None
        d = np.asarray(inp.rain_depth_m, dtype=float)
        f = R.empty(n)
        wet = np.isfinite(d) & (d >= 0.005)
        R.fill(t["rain"], "depth", R.dec2_text(d, dec), wet, f)
        f[np.isfinite(d) & ~wet] = t["rain_none"]
        f[masks["rain_nodata"]] = t["rain_nodata"]
        return f

    def sewer_part():
        if "sewer" not in criteria:
            return None
        f = R.empty(n)
        f[criteria["sewer"] >= 1] = t["sewer"]
        return f

    def park_part():
        if "green" not in criteria:
            return None
        d = np.asarray(inp.park_distance_m, dtype=float)
        f = R.empty(n)
        ha = R.number(p.park_min_ha, dec)
        R.fill(t["park_near"], "dist", R.int_text(d), np.isfinite(d), f, ha=ha)
        f[np.isinf(d)] = R.const(t["park_far"], ha=ha, max=R.number(p.park_distance, dec))
        return f

    def scope_part():
        if "scope" not in criteria:
            return None
        f = R.empty(n)
        f[criteria["scope"] >= 1] = R.const(t["scope_in"], scope=p.scope_label)
        return f

    parts = [flag("geom_empty"), flag("listed"), flag("green_exists"), slope_part, area_part, heat_part,
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
