"""Progress toward the quantified targets, per district (``gi:targets``): pure numpy + shapely.

One computation, two views: ``gi:targets`` writes the rows of :func:`progress_rows` as a table
(and a chart in its report); the dock's Handlungsziele browser reads such a table back with
:func:`progress_by_hz` and shows the same figures next to each Handlungsziel.

Target values, comparators and years come from the catalogue (``resources/handlungsziele.json``
via ``catalog.py``), the one source of the strategy's numbers. The regional 2040 target of
Klima.Werk (25 % of sealed areas disconnected from the sewer) is not part of the strategy; it is
declared here as a related, external target with its source (domain_review.md §1).

Indicators:

- HZ 02 ``green_flat_roofs``: green flat-roof area / flat-roof area (roofs assigned to the
  district of a point inside them); also the share by count, since the strategy does not say
  whether "50 % der Flachdächer" means area or number (domain_review.md §1.7).
- Klima.Werk ``disconnected_2040``: disconnected sealed area / sealed area.
- HZ 22 ``forest_share``: forest area / district area.
- HZ 15 ``protected_share_habitat_network``: legally protected Biotopverbund area / district area
  - an interpretation: the footnote to § 35 LNatSchG NRW points to a share of the land area, not
  of the Biotopverbund (domain_review.md §1.1); the rows say so.
- HZ 19 ``poor_water_structure_*``: length of stretches in GSG classes 5–7 / length of all
  assessed stretches.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import shapely

from ..catalog import Catalog, load_catalog
from .spec import N_


@dataclass(frozen=True)
class ExternalTarget:
    """A target outside the strategy, with its source (same fields the report needs)."""

    id: str
    hz: str
    indicator_de: str
    indicator_en: str
    value: float
    comparator: str
    year: int
    source: str


DISCONNECTED_2040 = ExternalTarget(
    id="disconnected_2040", hz="24",
    indicator_de="Anteil abgekoppelter versiegelter Flächen (Klima.Werk)",
    indicator_en="Share of sealed areas disconnected from the sewer (Klima.Werk)",
    value=25.0, comparator="ge", year=2040,
    source="Zukunftsinitiative Klima.Werk / Ruhrkonferenz 'Klimaresiliente Region mit internationaler "
           "Strahlkraft': 25 % of sealed areas disconnected by 2040 (essen.de; herne.de) [V]; "
           "not a target of the Strategie Grüne Infrastruktur",
)

INTERPRETATION_HZ15 = N_(
    "Interpretation: legally protected Biotopverbund area as a share of the district area "
    "(the strategy's footnote points to § 35 LNatSchG NRW, a share of the land area); the "
    "strategy's own wording ('share within the Biotopverbund') is ambiguous")
INTERPRETATION_ROOFS_COUNT = N_("Share by number of flat roofs (the strategy does not say area or number)")
INTERPRETATION_INNER_CITY = N_("The strategy's target applies to the inner cities; their boundary is set locally")

GSG_POOR = (5, 6, 7)  # Gewässerstrukturgüte classes counted as poor (HZ 19, seed 002)


@dataclass
class TargetProgress:
    district: str
    hz: str
    target_id: str
    indicator: str
    observed: float  # percent, NaN where no data
    target: float  # percent
    comparator: str  # ge | lt | le
    year: int | None
    met: bool | None
    gap: float  # percentage points still missing (0 when met), NaN without data
    numerator: float
    denominator: float
    basis: str  # "m²", "count", "m"
    note: str  # interpretation (N_ marked English text) or ""
    source: str


def _met(observed: float, target: float, comparator: str) -> bool | None:
    if observed != observed:
        return None
    if comparator == "ge":
        return bool(observed >= target - 1e-9)
    if comparator == "lt":
        return bool(observed < target)
    return bool(observed <= target + 1e-9)


def _gap(observed: float, target: float, comparator: str) -> float:
    if observed != observed:
        return float("nan")
    return max(target - observed, 0.0) if comparator == "ge" else max(observed - target, 0.0)


def _row(district, hz, target_id, indicator, num, den, target, comparator, year, basis, note, source) -> TargetProgress:
    observed = float(100.0 * num / den) if den > 0 else float("nan")
    return TargetProgress(
        district=district, hz=hz, target_id=target_id, indicator=indicator, observed=observed, target=float(target),
        comparator=comparator, year=year, met=_met(observed, target, comparator), gap=_gap(observed, target, comparator),
        numerator=float(num), denominator=float(den), basis=basis, note=note, source=source,
    )


# ----------------------------------------------------------------------------------------------
# Overlays (districts are few; the layers inside them may be large)
# ----------------------------------------------------------------------------------------------


def _valid(geoms) -> np.ndarray:
    g = np.asarray(geoms, dtype=object)
    return ~shapely.is_missing(g) & ~shapely.is_empty(g) if g.size else np.zeros(0, bool)


def area_in_districts(districts: np.ndarray, parts: np.ndarray) -> np.ndarray:
    """Area of the union of ``parts`` inside each district (overlapping parts counted once)."""
    districts = np.asarray(districts, dtype=object)
    parts = np.asarray(parts, dtype=object)
    out = np.zeros(len(districts))
    ok = np.flatnonzero(_valid(parts))
    if ok.size == 0:
        return out
    tree = shapely.STRtree(parts[ok])
    for d in np.flatnonzero(_valid(districts)).tolist():
        hits = tree.query(districts[d], predicate="intersects")
        if hits.size:
            out[d] = shapely.area(shapely.intersection(districts[d], shapely.union_all(parts[ok][hits])))
    return out


def district_of_points(districts: np.ndarray, points: np.ndarray) -> np.ndarray:
    """Index of the first district holding each point, -1 where none."""
    districts = np.asarray(districts, dtype=object)
    points = np.asarray(points, dtype=object)
    out = np.full(len(points), -1, dtype=np.int64)
    okd = np.flatnonzero(_valid(districts))
    okp = np.flatnonzero(_valid(points))
    if okd.size == 0 or okp.size == 0:
        return out
    qi, ti = shapely.STRtree(districts[okd]).query(points[okp], predicate="intersects")
    order = np.lexsort((ti, qi))
    qi, ti = qi[order], ti[order]
    first = np.unique(qi, return_index=True)[1]
    out[okp[qi[first]]] = okd[ti[first]]
    return out


def length_in_districts(districts: np.ndarray, lines: np.ndarray) -> np.ndarray:
    """Length of each line inside each district, summed per district."""
    districts = np.asarray(districts, dtype=object)
    lines = np.asarray(lines, dtype=object)
    out = np.zeros(len(districts))
    ok = np.flatnonzero(_valid(lines))
    okd = np.flatnonzero(_valid(districts))
    if ok.size == 0 or okd.size == 0:
        return out
    qi, ti = shapely.STRtree(districts[okd]).query(lines[ok], predicate="intersects")
    if qi.size:
        lengths = shapely.length(shapely.intersection(lines[ok][qi], districts[okd][ti]))
        np.add.at(out, okd[ti], lengths)
    return out


# ----------------------------------------------------------------------------------------------
# Indicators
# ----------------------------------------------------------------------------------------------


@dataclass
class Roofs:
    """Roof polygons with their greenable area, a flat flag and a green flag."""

    geoms: np.ndarray
    area_m2: np.ndarray
    flat: np.ndarray
    green: np.ndarray


@dataclass
class Zones:
    """Polygons of a theme (forest, protected Biotopverbund) and optional masks."""

    geoms: np.ndarray


@dataclass
class Sealed:
    geoms: np.ndarray
    disconnected: np.ndarray  # bool


@dataclass
class Streams:
    geoms: np.ndarray  # lines
    gsg: np.ndarray  # Gewässerstrukturgüte class 1..7, NaN unknown
    conurbation: bool = True  # which HZ 19 target applies


def progress_rows(
    districts: np.ndarray,
    names: Sequence[str],
    roofs: Roofs | None = None,
    sealed: Sealed | None = None,
    forest: Zones | None = None,
    protected: Zones | None = None,
    streams: Streams | None = None,
    catalog: Catalog | None = None,
    lang: str = "de",
) -> list[TargetProgress]:
    """One row per district and target for every layer given (in the order of the HZ)."""
    from . import roofs as roof_scoring

    cat = catalog or load_catalog()
    districts = np.asarray(districts, dtype=object)
    n = len(districts)
    d_area = np.where(_valid(districts), shapely.area(districts) if n else np.zeros(0), 0.0)
    rows: list[TargetProgress] = []
    names = [str(x) for x in names]

    if roofs is not None:
        t = cat.get("02").target("green_flat_roofs")
        pts = np.full(len(roofs.geoms), None, dtype=object)
        okr = _valid(roofs.geoms)
        pts[okr] = shapely.point_on_surface(np.asarray(roofs.geoms, dtype=object)[okr])
        d = district_of_points(districts, pts)
        sums = roof_scoring.district_sums(d, n, roofs.area_m2, roofs.flat, roofs.green,
                                          np.full(len(d), "", dtype=object), t.value / 100.0)
        inside = d >= 0
        n_green = np.bincount(d[inside & np.asarray(roofs.flat, bool) & np.asarray(roofs.green, bool)], minlength=n)
        src = cat.source
        for i in range(n):
            rows.append(_row(names[i], "02", t.id, t.indicator(lang), sums.green_m2[i], sums.flat_m2[i], t.value,
                             t.comparator, t.year, "m²", INTERPRETATION_INNER_CITY, src))
            rows.append(_row(names[i], "02", t.id + "_count", t.indicator(lang), float(n_green[i]), float(sums.n_flat[i]),
                             t.value, t.comparator, t.year, "count", INTERPRETATION_ROOFS_COUNT, src))

    if sealed is not None:
        t = DISCONNECTED_2040
        geoms = np.asarray(sealed.geoms, dtype=object)
        disc = np.asarray(sealed.disconnected, dtype=bool)
        all_m2 = area_in_districts(districts, geoms)
        disc_m2 = area_in_districts(districts, geoms[disc])
        indicator = t.indicator_de if lang == "de" else t.indicator_en
        for i in range(n):
            rows.append(_row(names[i], t.hz, t.id, indicator, disc_m2[i], all_m2[i], t.value, t.comparator, t.year,
                             "m²", "", t.source))

    if protected is not None:
        t = cat.get("15").target("protected_share_habitat_network")
        part = area_in_districts(districts, protected.geoms)
        for i in range(n):
            rows.append(_row(names[i], "15", t.id, t.indicator(lang), part[i], d_area[i], t.value, t.comparator,
                             t.year, "m²", INTERPRETATION_HZ15, cat.source))

    if streams is not None:
        tid = "poor_water_structure_conurbation" if streams.conurbation else "poor_water_structure_outside"
        t = cat.get("19").target(tid)
        lines = np.asarray(streams.geoms, dtype=object)
        gsg = np.asarray(streams.gsg, dtype=float)
        assessed = np.isfinite(gsg)
        poor = assessed & np.isin(gsg, GSG_POOR)
        all_m = length_in_districts(districts, np.where(assessed, lines, None))
        poor_m = length_in_districts(districts, np.where(poor, lines, None))
        for i in range(n):
            rows.append(_row(names[i], "19", t.id, t.indicator(lang), poor_m[i], all_m[i], t.value, t.comparator,
                             t.year, "m", "", cat.source))

    if forest is not None:
        t = cat.get("22").target("forest_share")
        part = area_in_districts(districts, forest.geoms)
        for i in range(n):
            rows.append(_row(names[i], "22", t.id, t.indicator(lang), part[i], d_area[i], t.value, t.comparator,
                             t.year, "m²", "", cat.source))
    return rows


# ----------------------------------------------------------------------------------------------
# The table as written by gi:targets, and read back by the dock
# ----------------------------------------------------------------------------------------------

TABLE_FIELDS = (
    ("district", "text"), ("hz", "text"), ("target_id", "text"), ("indicator", "text"),
    ("observed", "double"), ("target", "double"), ("comparator", "text"), ("year", "int"),
    ("met", "int"), ("gap_pp", "double"), ("numerator", "double"), ("denominator", "double"),
    ("basis", "text"), ("note", "text"), ("source", "text"),
)
SIGNATURE = {"hz", "target_id", "observed", "gap_pp"}


def as_columns(rows: Sequence[TargetProgress], translate=lambda s: s) -> list[list]:
    """The rows as columns in :data:`TABLE_FIELDS` order (``met`` 1/0/None)."""
    return [
        [r.district for r in rows], [r.hz for r in rows], [r.target_id for r in rows], [r.indicator for r in rows],
        [r.observed for r in rows], [r.target for r in rows], [r.comparator for r in rows], [r.year for r in rows],
        [None if r.met is None else int(r.met) for r in rows], [r.gap for r in rows], [r.numerator for r in rows],
        [r.denominator for r in rows], [r.basis for r in rows], [translate(r.note) if r.note else "" for r in rows],
        [r.source for r in rows],
    ]


def is_progress_table(field_names: Iterable[str]) -> bool:
    """Whether a layer with these fields is a ``gi:targets`` table."""
    return SIGNATURE <= {f.lower() for f in field_names}


def _num(v) -> float:
    try:
        x = float(v)
    except (TypeError, ValueError):
        return float("nan")
    return x if math.isfinite(x) else float("nan")


def progress_by_hz(records: Iterable[Mapping]) -> dict[str, list[TargetProgress]]:
    """Read rows of a ``gi:targets`` table (dicts of field -> value) into progress per HZ.

    The call for the dock's Handlungsziele browser: ``progress_by_hz(f.attributeMap() for f in
    layer.getFeatures())`` gives, per HZ number ("02"), the districts' progress in table order.
    """
    out: dict[str, list[TargetProgress]] = {}
    for rec in records:
        r = {str(k).lower(): v for k, v in dict(rec).items()}
        hz = str(r.get("hz") or "").strip()
        if not hz:
            continue
        year = _num(r.get("year"))
        met = r.get("met")
        met_b = None if met is None or _num(met) != _num(met) else bool(int(_num(met)))
        out.setdefault(hz, []).append(TargetProgress(
            district=str(r.get("district") or ""), hz=hz, target_id=str(r.get("target_id") or ""),
            indicator=str(r.get("indicator") or ""), observed=_num(r.get("observed")), target=_num(r.get("target")),
            comparator=str(r.get("comparator") or "ge"), year=None if year != year else int(year), met=met_b,
            gap=_num(r.get("gap_pp")), numerator=_num(r.get("numerator")), denominator=_num(r.get("denominator")),
            basis=str(r.get("basis") or ""), note=str(r.get("note") or ""), source=str(r.get("source") or ""),
        ))
    return out


def summary_line(p: TargetProgress, lang: str = "de") -> str:
    """``Innenstadt: 32 % (Ziel ≥ 50 % bis 2030, fehlen 18 Prozentpunkte)`` for the dock and report."""
    dec = "," if lang == "de" else "."
    sym = {"ge": "≥", "lt": "<", "le": "≤"}.get(p.comparator, "")
    pct = " %" if lang == "de" else "%"

    def fmt(x: float) -> str:
        return f"{x:.0f}".replace(".", dec) if abs(x - round(x)) < 0.05 else f"{x:.1f}".replace(".", dec)

    if p.observed != p.observed:
        return f"{p.district}: " + ("keine Daten" if lang == "de" else "no data")
    by = ("" if p.year is None else (f" bis {p.year}" if lang == "de" else f" by {p.year}"))
    head = f"{p.district}: {fmt(p.observed)}{pct} ({'Ziel' if lang == 'de' else 'target'} {sym} {fmt(p.target)}{pct}{by}"
    if p.met:
        return head + (", erreicht)" if lang == "de" else ", met)")
    unit = "Prozentpunkte" if lang == "de" else "percentage points"
    if p.comparator == "ge":
        missing = "fehlen" if lang == "de" else "missing"
        return head + f", {missing} {fmt(p.gap)} {unit})"
    over = "darüber" if lang == "de" else "above"  # an upper limit (HZ 19): the share is too high
    return head + f", {fmt(p.gap)} {unit} {over})"


__all__ = [
    "DISCONNECTED_2040", "Roofs", "Sealed", "Streams", "TargetProgress", "Zones", "area_in_districts",
    "as_columns", "district_of_points", "is_progress_table", "length_in_districts", "progress_by_hz",
    "progress_rows", "summary_line",
]
