"""Brownfields (Handlungsziel 08): recycling, protection or compensation pool, with Ökopunkte.

A planner asks of each brownfield: which way does it go, why, what does the law say first, and
how many eco-points (Ökopunkte) could it earn as a compensation site? This module answers with
pure numpy + shapely (no QGIS); ``processing/brownfields.py`` gathers the layers into arrays.

1. **Legal filters first**, as flags and reasons (domain_review.md §4b), never silent:
   § 1a (3) BauGB (no compensation for interventions made or permitted before the planning
   decision), § 13a (2) Nr. 4 BauGB (Innenentwicklung under 20,000 m² Grundfläche: interventions
   count as permitted, no compensation), forest law (succession woodland can be Wald: a
   conversion permit and replacement), species protection (an Artenschutzprüfung where the site
   changes), protected areas and biotopes (§ 30 BNatSchG, § 42 LNatSchG NRW), Altlasten.
2. **Biotope values** (NRW numerical method, 0–10, ``scoring/biotope.py``): from a value field,
   else from the biotope type, else estimated from the sealed share; the planned value after
   30 years (``bw_target``) is a parameter (default 6) or a field.
3. **Three sub-scores** 0–1: ``c_recycling`` (low value, integrated location, access, size,
   ownership; lowered by Altlasten), ``c_protection`` (any strong signal: protected, Biotopverbund,
   high value, forest, Grünzug, cold air, species) and ``c_pool`` (uplift, Freiraum after
   Regionalplan Ruhr principle 1.1-5, green corridor or Biotopverbund links, size, nearby
   compensation sites, ownership).
4. **Triage** into ``gi_category``: ``schutz`` where the law or Biotopverbund Stufe I decides;
   otherwise the one category that qualifies, or the clearly stronger of several, else ``pruefen``
   with the conflict named (or the missing criteria).
5. **Ökopunkte** of pool candidates: area × (P − A); candidates within a distance form **pool
   groups** (lead projects) with the group's total.

``gi_score`` is the strength of the brownfield's own category: the sub-score of its category
(of the two in conflict for ``pruefen``), so A means "a clear, strong case for this direction".
The ``c_*`` field of a category the brownfield is not in stays empty, so the inspector's chart is
the score formula; all three sub-scores are written in ``gi_reason``.

Every threshold names its source; [U] marks the plugin's assumption, an adjustable parameter.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import ClassVar

import numpy as np
import shapely

from . import biotope, geo
from . import reasons as R  # noqa: N812
from .common import ScoreCore, Scored, finish_scored, linear
from .criteria import PARK_DISTANCE_M
from .spec import N_, Criterion, ExtraField, ScoringSpec
from .values import fold, map_unique, to_number, truthy

# ----------------------------------------------------------------------------------------------
# Defaults (parameters of gi:brownfields)
# ----------------------------------------------------------------------------------------------
# Planned biotope value after 30 years for a pool measure: the Grundwert P of the usual targets,
# Hecke/Gebüsch P 6 (lb-naturschutz-nrw.de) [V], artenreiches Grünland P 6 and junger Wald P 6
# (LANUK Arbeitsblatt 61 via a third-party page) [V2]; see resources/biotope_types.csv.
TARGET_VALUE = 6.0
# Value bands: "low" up to 3 (arable 2, Fettwiese artenarm 3), "high" from 6 (forest 6, hedge 7,
# species-rich grassland 6), from the values of biotope_types.csv; the bands are the plugin's [U].
BW_LOW = 3.0
BW_HIGH = 6.0
# A pool site must gain at least 2 points per m² (domain_review.md §4b proposal) [U]; 4 points
# (intensive arable 2 to a P 6 target) gives the full uplift score [U].
MIN_GAIN = 2.0
GAIN_FULL = 4.0
# Slivers: polygons under 100 m² are drawing remnants, not brownfields [U].
MIN_AREA_M2 = 100.0
# Flächenpool NRW takes brownfields usually over 5,000 m² (domain_review.md §4b, notes) [V]:
# the recycling size score is full there. Pool sites: full at 1 ha [U].
RECYCLING_SIZE_FULL_M2 = 5_000.0
POOL_SIZE_FULL_M2 = 10_000.0
# Access: a stop within 300 m counts fully, beyond 1,000 m not at all [U] (common walking
# catchments of bus and rail stops; set the local Nahverkehrsplan values).
TRANSIT_NEAR_M = 300.0
TRANSIT_FAR_M = 1_000.0
# A brownfield lies in an area of a layer (Biotopverbund, protected area, Grünzug, forest, cold
# air) when at least 10 % of it does [U]: a corner of a protected biotope on a large site counts.
MIN_SHARE = 0.1
# Pool candidates closer than 500 m to each other form one pool group (lead project) [U].
GROUP_DISTANCE_M = 500.0
# A brownfield within 100 m of a Biotopverbund area borders it; two or more such areas: it links
# them [U].
LINK_DISTANCE_M = 100.0
# A sub-score of 0.5 qualifies a category; a lead of 0.15 decides between two qualifying ones [U].
QUALIFY = 0.5
MARGIN = 0.15
# Naturerfahrungsräume (HZ 12): at least 1 ha [U], near homes without a park (3-30-300 rule,
# scoring/criteria.py).
NATURE_AREA_M2 = 10_000.0
# HZ 20 (soils): unsealing counts where at least 30 % of the site is sealed [U].
SEALED_HZ20 = 0.3
# § 13a (1) S. 2 Nr. 1 BauGB: under 20,000 m² Grundfläche the interventions count as permitted
# (§ 13a (2) Nr. 4) [V BauGB]. The plot area bounds the Grundfläche from above.
BAUGB_13A_M2 = 20_000.0

# Altlasten status -> factor on recycling and pool (cost and time of remediation) [U].
ALTLAST_FACTOR = {"none": 1.0, "remediated": 1.0, "suspected": 0.85, "contaminated": 0.7}
# Status words (folded) of the Altlastenkataster and their English forms.
ALTLAST_WORDS = {
    "kein verdacht": "none", "keine": "none", "kein": "none", "nein": "none", "none": "none", "no": "none",
    "unbelastet": "none", "unbedenklich": "none",
    "altlastverdaechtig": "suspected", "altlastverdaechtige flaeche": "suspected", "verdacht": "suspected",
    "verdachtsflaeche": "suspected", "altlastverdacht": "suspected", "suspected": "suspected",
    "altlast": "contaminated", "belastet": "contaminated", "contaminated": "contaminated",
    "saniert": "remediated", "gesichert": "remediated", "saniert gesichert": "remediated",
    "altlast saniert": "remediated", "sanierte altlast": "remediated",
    "saniert/gesichert": "remediated", "remediated": "remediated",
}

# Protection signals (noisy-or strengths, plugin's choice [U]): one strong signal is enough,
# several add up, a missing layer neither helps nor hurts.
PROTECTION_STRENGTH = {
    "protected": 1.0,  # nature reserve, § 30 BNatSchG / § 42 LNatSchG NRW biotope, Biotopkataster
    "verbund_1": 0.9,  # Biotopverbund Stufe I (herausragende Bedeutung, BSN)
    "verbund_2": 0.6,  # Biotopverbund Stufe II (besondere Bedeutung)
    "value": 0.8,  # × linear(bw_now, BW_LOW, BW_HIGH)
    "species": 0.7,  # planungsrelevante Arten known (Kreuzkröte, Blauflügelige Ödlandschrecke …)
    "forest": 0.6,  # woodland: can be Wald, HZ 22 restrictive on conversion
    "gruenzug": 0.5,  # Regionaler Grünzug
    "climate": 0.4,  # cold-air production or corridor (Klimaanalyse)
}
# Component weights inside c_recycling and c_pool [U].
RECYCLING_PARTS = {"low_value": 3.0, "settlement": 2.0, "transit": 1.0, "size": 1.0, "public": 1.0}
POOL_PARTS = {"gain": 3.0, "freiraum": 2.0, "network": 2.0, "size": 1.0, "comp_near": 1.0, "public": 1.0}

# Weights of the three directions when two qualify (the category with the higher weighted
# sub-score wins by MARGIN): equal by default [U].
WEIGHTS: dict[str, float] = {"recycling": 1.0, "protection": 1.0, "pool": 1.0}
CRITERIA = tuple(WEIGHTS)

RECYCLING, SCHUTZ, POOL, PRUEFEN = "recycling", "schutz", "kompensationspool", "pruefen"
CATEGORIES = (RECYCLING, SCHUTZ, POOL, PRUEFEN)
_CATEGORY_OF = {"recycling": RECYCLING, "protection": SCHUTZ, "pool": POOL}

# Category labels for styles, legends and reasons (N_-marked; translated where shown).
CATEGORY_LABELS = {
    RECYCLING: N_("recycling"),
    SCHUTZ: N_("protect"),
    POOL: N_("compensation pool"),
    PRUEFEN: N_("to be checked"),
}
# Colour-blind safe (Okabe–Ito palette): recycling orange, protection bluish green,
# pool blue, to be checked grey.
CATEGORY_COLOURS = {RECYCLING: "#E69F00", SCHUTZ: "#009E73", POOL: "#0072B2", PRUEFEN: "#999999"}

SPEC = ScoringSpec(
    alg_id="brownfields",
    title=N_("Brownfields: recycling, protection or compensation pool"),
    criteria=(
        Criterion("recycling", WEIGHTS["recycling"], N_("recycling"),
                  N_("Weighted mean of low biotope value (1 up to 3 points, 0 from 6), location in a settlement area (ASB/GIB), a stop within 300–1,000 m, size (full at 5,000 m², Flächenpool NRW) and public ownership; × 0.85 where contamination is suspected, × 0.7 on an Altlast."),
                  hz=("08",)),
        Criterion("protection", WEIGHTS["protection"], N_("protection"),
                  N_("1 − Π(1 − signal): protected area or biotope 1, Biotopverbund Stufe I 0.9 / II 0.6, biotope value (0.8 from 6 points), known species 0.7, woodland 0.6, regional green corridor 0.5, cold air 0.4."),
                  hz=("08", "11")),
        Criterion("pool", WEIGHTS["pool"], N_("compensation pool"),
                  N_("Weighted mean of the uplift to the planned value (full at 4 points per m²), location outside the settlement area (Regionalplan Ruhr 1.1-5), green corridor or Biotopverbund links, size (full at 1 ha), nearby compensation sites and public ownership."),
                  hz=("08", "15")),
    ),
    signature_field="oekopunkte",
    exclusions=("geom_empty", "area_lt_min"),
    caveats=("protected", "baugb_1a3", "baugb_13a", "baugb_13a_check", "wald", "asp", "species",
             "altlast", "altlast_verdacht", "overlap", "conflict", "bw_unknown", "bw_from_sealing",
             "type_unknown", "bw_out_of_range"),
    extra_fields=(
        ExtraField("gi_category", "text", N_("category")),
        ExtraField("area_m2", "double", N_("area"), "m²"),
        ExtraField("bw_now", "double", N_("biotope value now")),
        ExtraField("bw_target", "double", N_("planned biotope value")),
        ExtraField("bw_gain", "double", N_("uplift per m²")),
        ExtraField("oekopunkte", "double", N_("eco-points")),
        ExtraField("pool_group", "int", N_("pool group")),
        ExtraField("pool_total", "double", N_("eco-points of the pool group")),
    ),
    geometry="polygon",
    category_field="gi_category",
    categories={c: (CATEGORY_LABELS[c], CATEGORY_COLOURS[c]) for c in CATEGORIES},
    feature_label=N_("brownfield"),
    flag_labels={
        "protected": N_("protected area or biotope"),
        "baugb_1a3": N_("§ 1a (3) BauGB: no compensation for earlier lawful use"),
        "baugb_13a": N_("§ 13a (2) No. 4 BauGB: no compensation due"),
        "baugb_13a_check": N_("§ 13a BauGB over 20,000 m²: check the ground area"),
        "wald": N_("may be forest: conversion permit and replacement"),
        "asp": N_("species protection assessment needed"),
        "species": N_("protected species known"),
        "altlast": N_("contaminated site (Altlast)"),
        "altlast_verdacht": N_("suspected contamination"),
        "overlap": N_("overlaps another brownfield"),
        "conflict": N_("conflicting directions"),
        "bw_unknown": N_("biotope value unknown"),
        "bw_from_sealing": N_("biotope value estimated from sealing"),
        "type_unknown": N_("biotope type not in the table"),
        "bw_out_of_range": N_("biotope value outside 0–10"),
    },
)

# Field names recognised when a field parameter is left empty (case-insensitive, in this order).
FIELD_CANDIDATES: dict[str, tuple[str, ...]] = {
    "biotope_type": ("biotope_type", "biotoptyp", "biotop_typ", "bt_code", "biotope"),
    "biotope_value": ("biotope_value", "biotopwert", "bw", "bw_now", "grundwert_a", "wert"),
    "target_value": ("bw_target", "zielwert", "grundwert_p"),
    "sealed": ("sealed_share", "versiegelung", "versiegelt", "sealed", "sealing", "vg_anteil"),
    "altlast": ("altlast", "altlasten", "altlast_status", "contamination", "contam"),
    "owner": ("owner", "eigentum", "eigentuemer", "ownership"),
    "prior_use": ("prior_use", "vornutzung", "prior_lawful", "zulaessig"),
    "procedure": ("procedure", "verfahren", "baugb_13a"),
    "species": ("species", "arten", "artenschutz", "planungsrelevante_arten"),
}

_PUBLIC_WORDS = ("stadt", "gemeinde", "kommune", "kommunal", "oeffentlich", "land nrw", "bund", "kreis",
                 "rvr", "public", "municipal", "city", "offentlich")


# ----------------------------------------------------------------------------------------------
# Attribute readers (raw columns -> arrays)
# ----------------------------------------------------------------------------------------------
def altlast_status(values) -> tuple[np.ndarray, dict[str, int]]:
    """Altlasten status per feature: none / suspected / contaminated / remediated, or None.

    German terms of the Altlastenkataster ("kein Verdacht", "altlastverdächtig", "Altlast",
    "saniert") and English forms; unrecognised text is None and named with its count.
    """
    arr = np.asarray(values, dtype=object).reshape(-1)
    status = map_unique(arr, lambda t: ALTLAST_WORDS.get(fold(t)) if t.strip() else None)
    text = np.array(["" if v is None else str(v).strip() for v in arr.tolist()], dtype=object)
    bad = np.equal(status, None) & (text != "")
    unknown: dict[str, int] = {}
    if bad.any():
        names, counts = np.unique(text[bad].astype(str), return_counts=True)
        unknown = {str(a): int(b) for a, b in zip(names, counts)}
    return status, unknown


def sealed_fraction(values) -> np.ndarray:
    """Sealed share 0–1 from 0–1 or 0–100 (%) values (percent when any value exceeds 1), also
    written as text ("45,5"); NaN where missing or outside the range."""
    arr = np.asarray(values)
    if arr.dtype.kind in "fiub":
        v = arr.astype(float).reshape(-1)
    else:
        v = map_unique(arr.reshape(-1), lambda t: to_number(t) if t.strip() else None)
        v = np.where(np.equal(v, None), np.nan, v).astype(float)
    fin = np.isfinite(v)
    if fin.any() and v[fin].max() > 1.0:
        v = v / 100.0
    with np.errstate(invalid="ignore"):
        return np.where(fin & (v >= 0) & (v <= 1), v, np.nan)


def public_owner(values) -> np.ndarray:
    """1.0 where the owner is public (city, Land, RVR …), 0.0 for other text, NaN where empty."""
    def one(t: str) -> float:
        if not t.strip():
            return np.nan
        f = fold(t)
        return 1.0 if any(w in f for w in _PUBLIC_WORDS) else 0.0
    return map_unique(np.asarray(values, dtype=object).reshape(-1), one).astype(float)


def is_13a(values) -> tuple[np.ndarray, np.ndarray]:
    """(procedure under § 13a BauGB, known): "13a" in the text ("§ 13a BauGB") or a plain yes;
    any other non-empty text ("Regelverfahren", "nein") is a known no."""
    arr = np.asarray(values, dtype=object).reshape(-1)

    def one(t: str):
        if not t.strip():
            return None
        if "13a" in fold(t).replace(" ", ""):
            return 1
        yes, known = truthy(np.array([t], dtype=object))
        return int(yes[0]) if known[0] else 0

    code = map_unique(arr, one)
    return np.equal(code, 1), ~np.equal(code, None)


# ----------------------------------------------------------------------------------------------
# Geometry: overlaps, counts within a distance, pool groups
# ----------------------------------------------------------------------------------------------
def overlapping(geoms: np.ndarray, min_area_m2: float = 1.0) -> np.ndarray:
    """True where a brownfield overlaps another by more than ``min_area_m2`` (shared edges do not
    count). Pairs from one STRtree query, intersection areas in one vectorised call."""
    geoms = np.asarray(geoms, dtype=object)
    out = np.zeros(len(geoms), bool)
    ok = np.flatnonzero(~shapely.is_missing(geoms) & ~shapely.is_empty(geoms))
    if ok.size < 2:
        return out
    tree = shapely.STRtree(geoms[ok])
    a, b = tree.query(geoms[ok], predicate="intersects")
    keep = a < b
    a, b = ok[a[keep]], ok[b[keep]]
    if a.size:
        area = shapely.area(shapely.intersection(geoms[a], geoms[b]))
        hit = area > min_area_m2
        out[a[hit]] = True
        out[b[hit]] = True
    return out


def stage_of(values) -> np.ndarray:
    """Biotopverbund stage per polygon: 1 (Stufe I, herausragende Bedeutung), 2 (Stufe II,
    besondere Bedeutung); text "I", "Stufe II", "1", "herausragend" …; 2 where not readable."""
    def one(t: str) -> int:
        f = fold(t).replace("stufe", "").strip()
        if f in ("i", "1", "1.0") or "herausrag" in f or "outstanding" in f:
            return 1
        return 2
    return map_unique(np.asarray(values, dtype=object).reshape(-1), one).astype(np.int64)


def best_stage(geoms: np.ndarray, others: np.ndarray, stages: np.ndarray, min_share: float,
               progress=None) -> np.ndarray:
    """The best (lowest) Biotopverbund stage covering at least ``min_share`` of each brownfield,
    0 where none does."""
    out = np.zeros(len(geoms), dtype=np.int64)
    others = np.asarray(others, dtype=object)
    stages = np.asarray(stages, dtype=np.int64)
    for k, stage in enumerate((2, 1)):  # Stufe I last: it wins
        sel = (stages == stage) & ~shapely.is_missing(others)
        if sel.any():
            tick = None if progress is None else (lambda f, k=k: progress(0.5 * k + 0.5 * f))
            share = geo.overlap_share(geoms, others[sel], tick)
            out[np.nan_to_num(share, nan=0.0) >= min_share] = stage
    return out


def pool_groups(geoms: np.ndarray, candidate: np.ndarray, points: np.ndarray,
                distance: float) -> tuple[np.ndarray, np.ndarray]:
    """Pool groups (lead projects): candidates within ``distance`` of each other, transitively.

    Returns (group id per feature, 0 = no candidate; the group's total eco-points, NaN outside).
    Groups are numbered 1, 2, … by their total eco-points, largest first (ties: lowest feature).
    """
    geoms = np.asarray(geoms, dtype=object)
    n = len(geoms)
    group = np.zeros(n, dtype=np.int64)
    total = np.full(n, np.nan)
    idx = np.flatnonzero(np.asarray(candidate, bool) & ~shapely.is_missing(geoms))
    if idx.size == 0:
        return group, total
    tree = shapely.STRtree(geoms[idx])
    a, b = tree.query(geoms[idx], predicate="dwithin", distance=distance)
    keep = a < b
    label = geo.connected_groups(idx.size, a[keep], b[keep])
    pts = np.nan_to_num(np.asarray(points, dtype=float)[idx], nan=0.0)
    roots, inverse = np.unique(label, return_inverse=True)
    sums = np.bincount(inverse, weights=pts, minlength=roots.size)
    first = np.full(roots.size, idx.size)
    np.minimum.at(first, inverse, np.arange(idx.size))
    order = np.lexsort((first, -sums))  # largest total first, then the lowest feature
    number = np.empty(roots.size, dtype=np.int64)
    number[order] = np.arange(1, roots.size + 1)
    group[idx] = number[inverse]
    total[idx] = sums[inverse]
    return group, total


# ----------------------------------------------------------------------------------------------
# Inputs, parameters
# ----------------------------------------------------------------------------------------------
@dataclass
class BrownfieldParams:
    target_value: float = TARGET_VALUE
    bw_low: float = BW_LOW
    bw_high: float = BW_HIGH
    min_gain: float = MIN_GAIN
    gain_full: float = GAIN_FULL
    min_area: float = MIN_AREA_M2
    recycling_size_full: float = RECYCLING_SIZE_FULL_M2
    pool_size_full: float = POOL_SIZE_FULL_M2
    transit_near: float = TRANSIT_NEAR_M
    transit_far: float = TRANSIT_FAR_M
    group_distance: float = GROUP_DISTANCE_M
    qualify: float = QUALIFY
    margin: float = MARGIN
    nature_area: float = NATURE_AREA_M2
    park_distance: float = PARK_DISTANCE_M
    weights: Mapping[str, float] | None = None  # None: WEIGHTS
    table: biotope.BiotopeTable | None = None  # None: the shipped biotope table

    def weight(self, name: str) -> float:
        return float((self.weights if self.weights is not None else WEIGHTS).get(name, 0.0))


@dataclass
class BrownfieldInputs:
    """Per-feature arrays (length n); None where the input or layer was not given."""

    area_m2: np.ndarray  # NaN where the feature has no usable geometry
    geoms: np.ndarray | None = None  # shapely geometries in metres (overlaps, pool groups)
    # attributes (raw values as read)
    biotope_type: np.ndarray | None = None
    biotope_value: np.ndarray | None = None
    target_value: np.ndarray | None = None  # planned value per feature (0–10), else the parameter
    sealed: np.ndarray | None = None  # share 0–1 or percent
    altlast: np.ndarray | None = None  # status text
    owner: np.ndarray | None = None  # owner text
    prior_lawful: np.ndarray | None = None  # yes/no: an earlier use was lawful (§ 1a (3) BauGB)
    procedure: np.ndarray | None = None  # "13a" or yes/no
    species: np.ndarray | None = None  # yes/no: planungsrelevante Arten known
    # layers, as overlay results
    settlement: np.ndarray | None = None  # bool: in a Regionalplan settlement area (ASB/GIB)
    verbund_stage: np.ndarray | None = None  # 1 = Stufe I, 2 = Stufe II, 0 = none
    verbund_links: np.ndarray | None = None  # Biotopverbund areas within the link distance
    protected: np.ndarray | None = None  # bool
    gruenzug: np.ndarray | None = None  # bool
    climate: np.ndarray | None = None  # bool: cold-air production or corridor
    forest: np.ndarray | None = None  # bool: on a forest area of a forest layer
    transit_m: np.ndarray | None = None  # distance to the nearest stop (inf beyond reach)
    comp_sites_m: np.ndarray | None = None  # distance to existing compensation sites (inf beyond)
    park_m: np.ndarray | None = None  # distance to the nearest park (inf beyond reach)
    tiebreak: np.ndarray | None = None


# Names of the inputs a triage can miss, in reason order (N_-marked for the "not known" list).
INPUT_LABELS = {
    "biotope": N_("biotope value"),
    "settlement": N_("settlement area"),
    "verbund": N_("Biotopverbund"),
    "protected": N_("protected areas"),
    "gruenzug": N_("regional green corridors"),
    "transit": N_("stops"),
    "altlast": N_("Altlasten status"),
    "forest": N_("forest"),
    "climate": N_("Klimaanalyse"),
    "comp_sites": N_("compensation sites"),
    "parks": N_("parks"),
}


def _weighted_mean(parts: Mapping[str, np.ndarray | None], weights: Mapping[str, float], n: int) -> np.ndarray:
    """NaN-aware weighted mean of component arrays (a missing component leaves the others)."""
    total = np.zeros(n)
    wsum = np.zeros(n)
    for key, values in parts.items():
        if values is None:
            continue
        v = np.asarray(values, dtype=float)
        ok = np.isfinite(v)
        total[ok] += weights[key] * v[ok]
        wsum[ok] += weights[key]
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(wsum > 0, total / wsum, np.nan)


def _noisy_or(signals: Mapping[str, np.ndarray | None], n: int) -> np.ndarray:
    """1 − Π(1 − s): NaN where no signal is known for a feature."""
    keep = np.ones(n)
    known = np.zeros(n, bool)
    for values in signals.values():
        if values is None:
            continue
        v = np.asarray(values, dtype=float)
        ok = np.isfinite(v)
        keep[ok] *= 1.0 - np.clip(v[ok], 0.0, 1.0)
        known |= ok
    return np.where(known, 1.0 - keep, np.nan)


def _bool(values, n: int) -> np.ndarray | None:
    return None if values is None else np.asarray(values, bool).reshape(n)


# ----------------------------------------------------------------------------------------------
# The domain step
# ----------------------------------------------------------------------------------------------
@dataclass
class BrownfieldScored(Scored):
    """The brownfield criteria, masks and domain fields, before the shared finish."""

    TEXTS: ClassVar[Mapping[str, str]] = {}  # set below, after the texts

    params: BrownfieldParams | None = None
    inputs: BrownfieldInputs | None = None
    category: np.ndarray | None = None
    conflict: np.ndarray | None = None  # "recycling+schutz" … for pruefen, "" otherwise
    sub: dict[str, np.ndarray] = field(default_factory=dict)  # all three sub-scores, unmasked
    bw_now: np.ndarray | None = None
    bw_target: np.ndarray | None = None
    oekopunkte: np.ndarray | None = None
    pool_group: np.ndarray | None = None
    pool_total: np.ndarray | None = None
    missing: np.ndarray | None = None  # per feature: keys of INPUT_LABELS not known, "," joined
    missing_layers: list[str] = field(default_factory=list)  # INPUT_LABELS keys absent for all
    unknown_types: dict[str, int] = field(default_factory=dict)
    unknown_altlast: dict[str, int] = field(default_factory=dict)
    n_out_of_range: int = 0

    def reasons(self, core: ScoreCore, texts: R.Texts | None = None, tick=None) -> np.ndarray:
        return build_reasons(texts or default_texts(), self, core, tick)


def biotope_values(inp: BrownfieldInputs, p: BrownfieldParams, n: int):
    """(bw_now, bw_target, forest by type, masks) from the value field, the type, the sealing."""
    table = p.table or biotope.biotope_table()
    bw = np.full(n, np.nan)
    out_of_range = np.zeros(n, bool)
    type_unknown = np.zeros(n, bool)
    forest_type = np.zeros(n, bool)
    unknown_types: dict[str, int] = {}
    if inp.biotope_value is not None:
        chk = biotope.check_values(inp.biotope_value)
        bw = chk.values
        out_of_range = chk.out_of_range
    if inp.biotope_type is not None:
        tv = biotope.values_for_types(inp.biotope_type, table)
        bw = np.where(np.isfinite(bw), bw, tv.value_a)
        forest_type = tv.forest
        unknown_types = tv.unknown
        text = np.array(["" if v is None else str(v).strip() for v in
                         np.asarray(inp.biotope_type, dtype=object).reshape(-1).tolist()], dtype=object)
        type_unknown = np.equal(tv.code, None) & (text != "")
    from_sealing = np.zeros(n, bool)
    if inp.sealed is not None:
        s = sealed_fraction(inp.sealed)
        sealed_v = table.find("sealed").value_a if table.find("sealed") else 0.0
        open_t = table.find("ruderal")
        if open_t is not None and np.isfinite(open_t.value_a):
            est = s * sealed_v + (1.0 - s) * open_t.value_a
            from_sealing = ~np.isfinite(bw) & np.isfinite(est)
            bw = np.where(from_sealing, est, bw)
    target = np.full(n, float(p.target_value))
    if inp.target_value is not None:
        t = biotope.check_values(inp.target_value)
        out_of_range |= t.out_of_range
        target = np.where(np.isfinite(t.values), t.values, target)
    return bw, target, forest_type, {"bw_out_of_range": out_of_range, "type_unknown": type_unknown,
                                     "bw_from_sealing": from_sealing}, unknown_types


def brownfield_scoring(inp: BrownfieldInputs, params: BrownfieldParams | None = None) -> BrownfieldScored:
    """The brownfield domain: values, legal flags, sub-scores, triage, Ökopunkte, pool groups."""
    p = params or BrownfieldParams()
    area = np.asarray(inp.area_m2, dtype=float).reshape(-1)
    n = area.size
    has_geom = np.isfinite(area)
    zeros = np.zeros(n, bool)

    bw, target, forest_type, value_masks, unknown_types = biotope_values(inp, p, n)
    gain = target - bw

    # attributes
    status, unknown_altlast = (np.full(n, None, dtype=object), {}) if inp.altlast is None \
        else altlast_status(inp.altlast)
    factor = np.ones(n)
    for key, value in ALTLAST_FACTOR.items():
        factor[np.equal(status, key)] = value
    public = None if inp.owner is None else public_owner(inp.owner)
    species = None if inp.species is None else truthy(inp.species)[0]
    prior = zeros if inp.prior_lawful is None else truthy(inp.prior_lawful)[0]
    proc13a = zeros if inp.procedure is None else is_13a(inp.procedure)[0]

    settlement = _bool(inp.settlement, n)
    protected = _bool(inp.protected, n)
    gruenzug = _bool(inp.gruenzug, n)
    climate = _bool(inp.climate, n)
    forest_layer = _bool(inp.forest, n)
    stage = None if inp.verbund_stage is None else np.asarray(inp.verbund_stage, dtype=np.int64).reshape(n)
    links = None if inp.verbund_links is None else np.asarray(inp.verbund_links, dtype=np.int64).reshape(n)
    forest = forest_type | (zeros if forest_layer is None else forest_layer)

    def f(mask) -> np.ndarray | None:
        return None if mask is None else np.where(has_geom, np.asarray(mask, bool).astype(float), np.nan)

    # sub-scores
    transit = None if inp.transit_m is None else linear(inp.transit_m, p.transit_far, p.transit_near)
    recycling_parts = {
        "low_value": linear(bw, p.bw_high, p.bw_low),
        "settlement": f(settlement),
        "transit": transit,
        "size": linear(area, p.min_area, p.recycling_size_full),
        "public": public,
    }
    # the size alone says nothing about the direction: recycling needs the value or the location
    substance = np.isfinite(bw) | (settlement is not None)
    c_recycling = np.where(has_geom & substance, _weighted_mean(recycling_parts, RECYCLING_PARTS, n) * factor,
                           np.nan)

    value_signal = PROTECTION_STRENGTH["value"] * linear(bw, p.bw_low, p.bw_high)
    verbund_signal = None if stage is None else np.select(
        [stage == 1, stage == 2], [PROTECTION_STRENGTH["verbund_1"], PROTECTION_STRENGTH["verbund_2"]], 0.0)
    signals = {
        "protected": None if protected is None else PROTECTION_STRENGTH["protected"] * f(protected),
        "verbund": verbund_signal,
        "value": value_signal,
        "species": None if species is None else PROTECTION_STRENGTH["species"] * f(species),
        # a woodland type counts as known "forest"; without type or layer the signal is unknown
        "forest": (PROTECTION_STRENGTH["forest"] * f(forest))
        if (forest_layer is not None or inp.biotope_type is not None) else None,
        "gruenzug": None if gruenzug is None else PROTECTION_STRENGTH["gruenzug"] * f(gruenzug),
        "climate": None if climate is None else PROTECTION_STRENGTH["climate"] * f(climate),
    }
    c_protection = np.where(has_geom, _noisy_or(signals, n), np.nan)

    network = None
    if gruenzug is not None or links is not None:
        link_part = np.zeros(n) if links is None else np.select([links >= 2, links == 1], [1.0, 0.5], 0.0)
        network = np.maximum(link_part, 0.0 if gruenzug is None else gruenzug.astype(float))
    comp_near = None if inp.comp_sites_m is None else \
        (np.asarray(inp.comp_sites_m, float) <= p.group_distance).astype(float)
    pool_parts = {
        "gain": linear(gain, 0.0, p.gain_full),
        "freiraum": None if settlement is None else f(~settlement),
        "network": network,
        "size": linear(area, p.min_area, p.pool_size_full),
        "comp_near": comp_near,
        "public": public,
    }
    c_pool = np.where(has_geom & np.isfinite(gain), _weighted_mean(pool_parts, POOL_PARTS, n) * factor, np.nan)

    # triage
    excl = {"geom_empty": ~has_geom, "area_lt_min": has_geom & ~(area >= p.min_area)}
    excluded = excl["geom_empty"] | excl["area_lt_min"]
    w = {k: p.weight(k) for k in CRITERIA}
    wmax = max(max(w.values()), 1e-12)
    sub = {"recycling": c_recycling, "protection": c_protection, "pool": c_pool}
    with np.errstate(invalid="ignore"):
        enough_gain = np.isfinite(gain) & (gain >= p.min_gain)
    evidence = {
        "recycling": np.isfinite(c_recycling),
        "protection": np.isfinite(c_protection),
        # pool: enough uplift, outside the settlement areas (Regionalplan Ruhr 1.1-5) where known
        "pool": enough_gain & (True if settlement is None else ~settlement),
    }
    qual = {k: evidence[k] & (np.nan_to_num(sub[k], nan=0.0) >= p.qualify) for k in CRITERIA}
    qual["recycling"] &= ~(np.nan_to_num(bw, nan=0.0) >= p.bw_high)  # a valuable site is no recycling case
    ws = np.column_stack([np.nan_to_num(sub[k], nan=-1.0) * w[k] / wmax for k in CRITERIA]) if n \
        else np.zeros((0, 3))
    q = np.column_stack([qual[k] for k in CRITERIA]) if n else np.zeros((0, 3), bool)
    qs = np.where(q, ws, -np.inf)
    order = np.argsort(-qs, axis=1, kind="stable")
    best = order[:, 0] if n else np.zeros(0, np.int64)
    second = order[:, 1] if n else np.zeros(0, np.int64)
    rows = np.arange(n)
    n_qual = q.sum(axis=1) if n else np.zeros(0, np.int64)
    two = n_qual >= 2
    lead = np.full(n, np.inf)
    lead[two] = qs[rows[two], best[two]] - qs[rows[two], second[two]]
    keys = np.array([_CATEGORY_OF[k] for k in CRITERIA], dtype=object)
    category = np.full(n, PRUEFEN, dtype=object)
    decided = (n_qual == 1) | ((n_qual >= 2) & (lead >= p.margin))
    category[decided] = keys[best[decided]]
    conflict_mask = (n_qual >= 2) & ~decided
    # the law or the regional plan decides before the scores
    forced = (zeros if protected is None else protected) | (zeros if stage is None else stage == 1)
    category[forced] = SCHUTZ
    conflict_mask &= ~forced & ~excluded
    category[excluded] = None
    conflict = np.full(n, "", dtype=object)
    conflict[conflict_mask] = keys[best[conflict_mask]] + "+" + keys[second[conflict_mask]]

    # criteria for the score: the sub-score of the own category (both of a conflict; all three
    # where no direction is clear), so gi_score = the strength of the case
    undecided = (category == PRUEFEN) & ~conflict_mask
    criteria: dict[str, np.ndarray | None] = {}
    for i, k in enumerate(CRITERIA):
        cat = _CATEGORY_OF[k]
        in_play = (category == cat) | undecided | (conflict_mask & ((best == i) | (second == i)))
        c = np.where(in_play & np.isfinite(sub[k]), sub[k], np.nan)
        criteria[k] = c if np.isfinite(c).any() else None

    # Ökopunkte of pool candidates
    pool = category == POOL
    oekopunkte = np.where(pool, area * gain, np.nan)
    geoms = inp.geoms if inp.geoms is not None else np.full(n, None, dtype=object)
    group, total = pool_groups(geoms, pool, oekopunkte, p.group_distance)

    # legal flags and caveats
    changes = has_geom & ~excluded & (category != SCHUTZ)
    caveats = {
        "protected": zeros if protected is None else protected & has_geom,
        "baugb_1a3": prior & changes,
        "baugb_13a": proc13a & changes & (area < BAUGB_13A_M2),
        "baugb_13a_check": proc13a & changes & (area >= BAUGB_13A_M2),
        "wald": forest & has_geom,
        "asp": changes,
        "species": zeros if species is None else species & has_geom,
        "altlast": np.equal(status, "contaminated"),
        "altlast_verdacht": np.equal(status, "suspected"),
        "overlap": overlapping(geoms) if inp.geoms is not None else zeros,
        "conflict": conflict != "",
        "bw_unknown": has_geom & ~np.isfinite(bw),
        "bw_from_sealing": value_masks["bw_from_sealing"],
        "type_unknown": value_masks["type_unknown"],
        "bw_out_of_range": value_masks["bw_out_of_range"],
    }

    # Handlungsziele
    # Naturerfahrungsräume for children: in the settlement area (where the layer is given) and
    # without a park within reach (where parks are given)
    park_far = np.ones(n, bool) if inp.park_m is None else ~(np.asarray(inp.park_m, float) <= p.park_distance)
    near_homes = (np.ones(n, bool) if settlement is None else settlement) & park_far
    if settlement is None and inp.park_m is None:
        near_homes = zeros
    clean = ~np.isin(status, ["contaminated", "suspected"])
    sealed_share = np.full(n, np.nan) if inp.sealed is None else sealed_fraction(inp.sealed)
    unsealing = (category == POOL) & (np.nan_to_num(sealed_share, nan=0.0) >= SEALED_HZ20)
    open_cat = np.isin(category, [SCHUTZ, POOL])
    hz = [
        ("08", has_geom & ~excluded),
        ("11", (category == SCHUTZ) | (np.nan_to_num(bw, nan=0.0) >= p.bw_high)),
        ("12", open_cat & (area >= p.nature_area) & near_homes & clean),
        ("13", zeros if gruenzug is None else gruenzug & ~excluded),
        ("15", ((zeros if stage is None else stage > 0) | (pool & (zeros if links is None else links >= 1)))
         & ~excluded),
        ("20", unsealing | (np.isin(status, ["contaminated", "suspected"]) & (category == RECYCLING))),
        ("22", forest & ~excluded),
    ]

    # what was not known, per feature and for the whole run
    layer_given = {
        "settlement": settlement is not None, "verbund": stage is not None or links is not None,
        "protected": protected is not None, "gruenzug": gruenzug is not None, "transit": inp.transit_m is not None,
        "altlast": inp.altlast is not None, "forest": forest_layer is not None, "climate": climate is not None,
        "comp_sites": inp.comp_sites_m is not None, "parks": inp.park_m is not None,
    }
    missing_layers = [k for k in INPUT_LABELS if k != "biotope" and not layer_given[k]]
    if not np.isfinite(bw).any():
        missing_layers.insert(0, "biotope")
    per = [("biotope", ~np.isfinite(bw))]
    if inp.altlast is not None:
        per.append(("altlast", np.equal(status, None)))
    missing = np.full(n, "", dtype=object)
    for key, mask in per:
        m = np.asarray(mask, bool) & has_geom
        missing[m] = np.where(missing[m] == "", key, missing[m] + "," + key)

    columns = [
        ("gi_category", "text", category),
        ("area_m2", "double", area),
        ("bw_now", "double", bw),
        ("bw_target", "double", np.where(has_geom, target, np.nan)),
        ("bw_gain", "double", np.where(has_geom, gain, np.nan)),
        ("oekopunkte", "double", oekopunkte),
        ("pool_group", "int", np.where(group > 0, group, None).astype(object)),
        ("pool_total", "double", total),
    ]
    return BrownfieldScored(
        n=n, criteria=criteria, exclusions=excl, caveats=caveats, hz=hz,
        tiebreak=np.arange(n) if inp.tiebreak is None else np.asarray(inp.tiebreak), columns=columns,
        params=p, inputs=inp, category=category, conflict=conflict, sub=sub, bw_now=bw,
        bw_target=target, oekopunkte=oekopunkte, pool_group=group, pool_total=total, missing=missing,
        missing_layers=missing_layers, unknown_types=unknown_types, unknown_altlast=unknown_altlast,
        n_out_of_range=int(value_masks["bw_out_of_range"].sum()),
    )


@dataclass
class BrownfieldResult:
    scored: BrownfieldScored
    core: ScoreCore
    reason: np.ndarray

    def column(self, name: str) -> np.ndarray:
        return {c[0]: c[2] for c in self.scored.columns}[name]


def score_brownfields(inp: BrownfieldInputs, params: BrownfieldParams | None = None,
                      texts: R.Texts | None = None) -> BrownfieldResult:
    """:func:`brownfield_scoring`, the shared finish and the reasons (tests, scripts)."""
    p = params or BrownfieldParams()
    scored = brownfield_scoring(inp, p)
    core = finish_scored(CRITERIA, scored, {k: p.weight(k) for k in CRITERIA})
    return BrownfieldResult(scored, core, scored.reasons(core, texts))


# ----------------------------------------------------------------------------------------------
# Reasons
# ----------------------------------------------------------------------------------------------
TEXTS: dict[str, str] = {
    "cat_recycling": N_("recycling: develop and compensate nearby"),
    "cat_schutz": N_("protect as green infrastructure"),
    "cat_kompensationspool": N_("compensation pool candidate"),
    "cat_pruefen": N_("to be checked: no direction is clear"),
    "conflict": N_("to be checked: {a} or {b}"),
    "geom_empty": N_("no usable geometry (excluded)"),
    "area_lt_min": N_("less than {min} m² (excluded)"),
    "protected": N_("protected area or biotope (§ 30 BNatSchG / § 42 LNatSchG NRW)"),
    "verbund_1": N_("Biotopverbund Stufe I"),
    "verbund_2": N_("Biotopverbund Stufe II"),
    "links": N_("links {k} Biotopverbund areas"),
    "borders": N_("borders a Biotopverbund area"),
    "gruenzug": N_("in a regional green corridor"),
    "settlement_in": N_("in a settlement area (ASB/GIB)"),
    "settlement_out": N_("outside the settlement areas"),
    "transit": N_("stop at {d} m"),
    "transit_far": N_("no stop within {d} m"),
    "climate": N_("cold-air area"),
    "value_now": N_("biotope value {now}"),
    "values": N_("biotope value {now} → {target}"),
    "values_sealing": N_("biotope value about {now} (from the sealed share) → {target}"),
    "oekopunkte": N_("{pts} eco-points"),
    "group": N_("pool group {g} with {pts} eco-points"),
    "subscores": N_("recycling {r} · protection {s} · pool {p}"),
    "baugb_1a3": N_("§ 1a (3) BauGB: no compensation for interventions made or permitted before"),
    "baugb_13a": N_("§ 13a (2) No. 4 BauGB: no compensation due"),
    "baugb_13a_check": N_("§ 13a BauGB, but 20,000 m² or more: check the ground area"),
    "wald": N_("may be forest in law: conversion permit and replacement"),
    "asp": N_("species protection assessment (ASP) needed"),
    "species": N_("protected species known"),
    "altlast": N_("Altlast"),
    "altlast_verdacht": N_("suspected contamination"),
    "overlap": N_("overlaps another brownfield"),
    "type_unknown": N_("biotope type not in the table"),
    "bw_out_of_range": N_("biotope value outside 0–10 (ignored)"),
    "missing": N_("not known: {what}"),
    "no_criteria": N_("no criterion could be evaluated"),
    **{f"in_{k}": v for k, v in INPUT_LABELS.items()},
    **{f"label_{k}": v for k, v in CATEGORY_LABELS.items()},
}
BrownfieldScored.TEXTS = TEXTS


def default_texts() -> R.Texts:
    return R.Texts(TEXTS, ".")


def _dec1(values: np.ndarray, decimal: str) -> np.ndarray:
    """One decimal ("5.5", "5,5"; "6" for whole numbers), vectorised."""
    tenths = np.round(np.nan_to_num(np.asarray(values, dtype=float), nan=0.0) * 10).astype(np.int64)
    sign = np.where(tenths < 0, "-", "").astype(object)
    t = np.abs(tenths)
    whole = (t // 10).astype(str).astype(object)
    frac = (t % 10).astype(str).astype(object)
    return sign + np.where(t % 10 == 0, whole, whole + decimal + frac)


def build_reasons(texts: R.Texts, scored: BrownfieldScored, core: ScoreCore, tick=None) -> np.ndarray:
    """``gi_reason``: the category first, then the law, the signals, the values and what is missing."""
    t = {**TEXTS, **texts.templates}
    dec = texts.decimal
    p, n, inp, masks = scored.params, scored.n, scored.inputs, core.masks
    cat, excluded = scored.category, core.excluded

    def flag(code: str):
        def part():
            out = R.empty(n)
            out[masks[code]] = t[code]
            return out
        return part

    def category_part():
        out = R.empty(n)
        for c in (RECYCLING, SCHUTZ, POOL, PRUEFEN):
            out[cat == c] = t[f"cat_{c}"]
        conf = scored.conflict != ""
        if conf.any():
            def words(pair: str) -> str:  # once per distinct pair
                a, b = pair.split("+")
                return R.const(t["conflict"], a=t[f"label_{a}"], b=t[f"label_{b}"])
            out[conf] = map_unique(scored.conflict[conf], words)
        out[masks["geom_empty"]] = t["geom_empty"]
        out[masks["area_lt_min"]] = R.const(t["area_lt_min"], min=R.number(p.min_area, dec))
        return out

    def layer_part(values, text_key):
        def part():
            if values is None:
                return None
            out = R.empty(n)
            out[np.asarray(values, bool) & ~excluded] = t[text_key]
            return out
        return part

    def verbund_part():
        out = R.empty(n)
        if inp.verbund_links is not None:
            links = np.asarray(inp.verbund_links, dtype=np.int64)
            R.fill(t["links"], "k", R.int_text(links), (links >= 2) & ~excluded, out)
            out[(links == 1) & ~excluded] = t["borders"]
        if inp.verbund_stage is not None:
            stage = np.asarray(inp.verbund_stage, dtype=np.int64)
            out[(stage == 2) & ~excluded] = t["verbund_2"]
            out[(stage == 1) & ~excluded] = t["verbund_1"]
        return out

    def settlement_part():
        if inp.settlement is None:
            return None
        s = np.asarray(inp.settlement, bool)
        out = R.empty(n)
        out[s & ~excluded] = t["settlement_in"]
        out[~s & ~excluded] = t["settlement_out"]
        return out

    def transit_part():
        if inp.transit_m is None:
            return None
        d = np.asarray(inp.transit_m, dtype=float)
        out = R.empty(n)
        R.fill(t["transit"], "d", R.int_text(d), np.isfinite(d) & ~excluded, out)
        out[np.isinf(d) & ~excluded] = R.const(t["transit_far"], d=R.number(p.transit_far, dec))
        return out

    def values_part():
        out = R.empty(n)
        known = np.isfinite(scored.bw_now) & ~excluded
        cols = {"now": _dec1(scored.bw_now, dec), "target": _dec1(scored.bw_target, dec)}
        est = masks["bw_from_sealing"] & known
        change = np.isin(cat, [POOL, PRUEFEN])  # the planned value matters where the site may change
        fill_many(t["value_now"], cols, known & ~est & ~change, out)
        fill_many(t["values"], cols, known & ~est & change, out)
        fill_many(t["values_sealing"], cols, est, out)
        return out

    def points_part():
        out = R.empty(n)
        pts = scored.oekopunkte
        has = np.isfinite(pts)
        R.fill(t["oekopunkte"], "pts", R.int_text(pts), has, out)
        multi = has & (scored.pool_group > 0) & (scored.pool_total != pts)  # a group of several sites
        if multi.any():
            group = R.empty(n)
            fill_many(t["group"], {"g": R.int_text(scored.pool_group), "pts": R.int_text(scored.pool_total)},
                      multi, group)
            out[multi] = out[multi] + "; " + group[multi]
        return out

    def subscores_part():
        out = R.empty(n)
        ok = ~excluded
        if not ok.any():
            return out
        r, s, q = (_dec2(scored.sub[k], dec) for k in CRITERIA)
        fill_many(t["subscores"], {"r": r, "s": s, "p": q}, ok, out)
        return out

    def missing_part():
        # the layers the triage leans on most; the others are named once in the run's warning
        run = [k for k in scored.missing_layers if k in ("settlement", "verbund", "protected")]

        def words(per: str) -> str:  # once per distinct combination, not per feature
            keys = [k for k in per.split(",") if k] + run
            return R.const(t["missing"], what=", ".join(t[f"in_{k}"] for k in keys)) if keys else ""

        out = map_unique(scored.missing, words)
        out[excluded] = ""
        return out

    parts = [category_part, flag("protected"), verbund_part, layer_part(inp.gruenzug, "gruenzug"),
             settlement_part, transit_part, layer_part(inp.climate, "climate"), values_part, points_part,
             flag("baugb_1a3"), flag("baugb_13a"), flag("baugb_13a_check"), flag("wald"), flag("species"),
             flag("asp"), flag("altlast"), flag("altlast_verdacht"), flag("overlap"), flag("type_unknown"),
             flag("bw_out_of_range"), subscores_part, missing_part, flag("no_criteria")]
    return R.build(parts, n, tick)


def fill_many(template: str, columns: Mapping[str, np.ndarray], mask: np.ndarray, out: np.ndarray) -> None:
    """out[mask] = template with each {key} replaced by columns[key][mask], vectorised.

    Like ``reasons.fill`` for several placeholders in any order (a translation may reorder them).
    """
    mask = np.asarray(mask, bool)
    if not mask.any():
        return
    marks = {k: chr(1 + i) for i, k in enumerate(columns)}
    try:
        text = template.format(**marks)
    except (KeyError, IndexError, ValueError):
        out[mask] = template
        return
    pieces = np.full(int(mask.sum()), "", dtype=object)
    rest = text
    while rest:
        hit = min(((rest.find(m), k) for k, m in marks.items() if m in rest), default=None)
        if hit is None:
            pieces = pieces + rest
            break
        pos, key = hit
        pieces = pieces + rest[:pos] + np.asarray(columns[key], dtype=object)[mask]
        rest = rest[pos + 1:]
    out[mask] = pieces


def _dec2(values: np.ndarray, decimal: str) -> np.ndarray:
    v = np.asarray(values, dtype=float)
    out = R.dec2_text(v, decimal)
    out[~np.isfinite(v)] = "–"
    return out
