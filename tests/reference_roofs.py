"""A deliberately simple reference for ``gi:flatroofs``: one feature at a time, QGIS API only.

Written from the method as issue 9 and the algorithm's help state it, without calling the
plugin: no import from ``gi_qgis_plugin`` (the lookup values are read from
``gi_qgis_plugin/resources/*.csv`` here, the parameter defaults from the algorithm's parameter
definitions), no numpy, no shapely. Every roof is handled by plain Python loops over QgsFeature /
QgsGeometry (area, buffer, contains, intersects, distance, pointOnSurface) and per-feature GDAL
``ReadAsArray`` windows of the rasters, testing each cell centre with
``QgsGeometry.contains(QgsPointXY)``. It is slow on purpose and meant for tests
(``tests/test_roofs_reference.py``) that compare it with the vectorised algorithm.

The rules re-derived here (issue 9):
- greenable area: with the LoD2 slope-class fields (``t_<class>_m2`` true area, ``h_<class>_m2``
  horizontal projection) the surfaces of the classes up to MAX_SLOPE; else the footprint /
  cos(mean slope) when the mean slope is at most MAX_SLOPE; times NET_FACTOR. Rain volumes use
  the horizontal projection; a roof without any surface up to MAX_SLOPE is excluded
  (slope_gt_max), one under MIN_AREA net m² too (area_lt_min);
- c_slope: the class values of roof_slope_classes.csv, weighted by the true area of the
  greenable classes; c_area: log10(A / MIN_AREA) / log10(AREA_FULL / MIN_AREA), clipped;
- c_build: 1, or 1 − LISTED_MALUS for a listed building (a flag, never an exclusion);
- annual retention: P × NET × Σ horizontal × (annual runoff share of the plain roof − that of
  the green roof), the shares = 1 − annual_retention of surfaces.csv (the chosen build-up on
  the 0–5° part, the sloped extensive row on the rest); P from the precipitation raster where it
  has a value, else PRECIP;
- heat: classes 1..N of the data (HEAT_ORDER gives the direction), labels by name (5 classes);
  other numbers in classes by HEAT_BREAKS or, without breaks, by their z-score against the whole
  raster / the whole polygon layer at −1, 0, 1, 2; c_heat = (class − 1) / (N − 1) × the height
  factor (1 up to HEIGHT_FULL, falling linearly to HEIGHT_FACTOR at HEIGHT_LOW); HZ 01 from the
  HEAT_BURDENED most burdened classes; a constant raster gives no heat criterion;
- gi_suit and gi_need: weighted means of (slope, area, build) and (heat, rain, sewer, green,
  scope); gi_score = 100 × (suit/100)^(1 − NEED_SHARE) × (need/100)^NEED_SHARE, or the one that
  exists; classes A ≥ 70, B ≥ 55, C ≥ 40, D below.

Scope (what the tests need, kept small): all layers in the same projected CRS in metres (no
reprojection); fields named by the caller (no search by name); no listed-buildings layer, no
district table, no reason texts; the heavy-rain raster must already be at least RAIN_BUFFER / 2
coarse (the algorithm then does not average it first; give both the same pre-averaged raster);
roof types as AdV codes or the English/German names and OSM roof:shape values of the CSVs
(plain lower-case comparison); heat polygons with a numeric field or the CSV labels.
"""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass, field
from pathlib import Path

from qgis.core import (
    NULL,
    Qgis,
    QgsApplication,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsRectangle,
    QgsVectorLayer,
)

RESOURCES = Path(__file__).resolve().parent.parent / "gi_qgis_plugin" / "resources"

# criterion -> weight parameter; suitability and need criteria as the help text groups them
SUIT_WEIGHTS = {"slope": "W_SLOPE", "area": "W_AREA", "build": "W_BUILD"}
NEED_WEIGHTS = {"heat": "W_HEAT", "rain": "W_RAIN", "sewer": "W_SEWER", "green": "W_GREEN", "scope": "W_SCOPE"}
WEIGHT_PARAMS = {**SUIT_WEIGHTS, **NEED_WEIGHTS}
NUMBER_PARAMS = ("MIN_AREA", "AREA_FULL", "PRECIP", "RAIN_BUFFER", "RAIN_DEPTH", "PARK_MIN_HA",
                 "PARK_DISTANCE", "MAX_SLOPE", "NET_FACTOR", "LISTED_MALUS", "HEAT_CLASSES",
                 "HEAT_BURDENED", "HEIGHT_FULL", "HEIGHT_LOW", "HEIGHT_FACTOR", "NEED_SHARE",
                 *WEIGHT_PARAMS.values())
# the build-up choices of the BUILDUP parameter, in its order, as surfaces.csv codes
BUILDUPS = ("green_ext_thin", "green_ext", "green_intensive")
# class breaks of the help text: A from 70, B from 55, C from 40
CLASS_FROM = (("A", 70.0), ("B", 55.0), ("C", 40.0))
# z-score breaks of the Düsseldorf heat map (five classes), as the help text gives them
Z_BREAKS = (-1.0, 0.0, 1.0, 2.0)
NAN = float("nan")
INF = float("inf")


# ----------------------------------------------------------------------------------------------
# Inputs: parameters, CSV tables, attribute values
# ----------------------------------------------------------------------------------------------
def default_params() -> dict:
    """The algorithm's own parameter defaults (numbers, weights, choices, texts)."""
    alg = QgsApplication.processingRegistry().algorithmById("gi:flatroofs")
    if alg is None:
        raise RuntimeError("gi:flatroofs is not registered (use the gi_provider fixture)")
    out = {name: float(alg.parameterDefinition(name).defaultValue()) for name in NUMBER_PARAMS}
    out["SCOPE_VALUE"] = alg.parameterDefinition("SCOPE_VALUE").defaultValue()
    out["HEAT_ORDER"] = int(alg.parameterDefinition("HEAT_ORDER").defaultValue())
    out["BUILDUP"] = int(alg.parameterDefinition("BUILDUP").defaultValue())
    out["HEAT_BREAKS"] = alg.parameterDefinition("HEAT_BREAKS").defaultValue() or ""
    out["RAIN_NODATA_DRY"] = bool(alg.parameterDefinition("RAIN_NODATA_DRY").defaultValue())
    return out


def read_csv(name: str) -> list[dict]:
    with (RESOURCES / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def is_null(value) -> bool:
    return value is None or value == NULL


def to_number(value) -> float:
    """A number from a field value (numbers, numeric text with ',' or '.'); NaN otherwise."""
    if is_null(value):
        return NAN
    if isinstance(value, bool):
        return float(value)
    if isinstance(value, (int, float)):
        return float(value)
    try:
        return float(str(value).strip().replace(",", "."))
    except ValueError:
        return NAN


def is_true(value) -> bool:
    """1/0, booleans, yes/ja/x … text; NULL and anything unknown are False."""
    if is_null(value):
        return False
    if isinstance(value, (bool, int, float)):
        return value == value and value > 0
    text = str(value).strip().lower()
    if text in ("1", "true", "t", "yes", "y", "ja", "j", "wahr", "x", "on"):
        return True
    number = to_number(text)
    return number == number and number > 0


class Tables:
    """The lookup values of the resource CSVs, read once."""

    def __init__(self):
        rows = sorted(read_csv("roof_slope_classes.csv"), key=lambda r: float(r["max_deg"]))
        # (label, inclusive upper bound, c_slope or None, excluded)
        self.slope_classes = [
            (r["slope_class"], float(r["max_deg"]),
             float(r["c_slope"]) if r["c_slope"].strip() else None, r["excluded"].strip() == "1")
            for r in rows
        ]
        self.surfaces = {r["code"]: r for r in read_csv("surfaces.csv")}
        self.flat_codes = set()
        self.roof_names = {}
        for r in read_csv("roof_types.csv"):
            if r["flat"].strip() == "1":
                self.flat_codes.add(r["code"])
            for key in (r["code"], r["name_de"], r["name_en"]):
                self.roof_names[key.strip().lower()] = r["code"]
        for r in read_csv("roof_shapes_osm.csv"):
            self.roof_names[r["roof_shape"].strip().lower()] = r["code"]
        self.heat_labels = {r["label"].strip().lower(): int(r["heat_class"]) for r in read_csv("heat_classes.csv")}

    def annual_runoff(self, code: str) -> float:
        """Share of the annual precipitation that runs off: 1 − the annual retention share."""
        return 1.0 - float(self.surfaces[code]["annual_retention"])

    def c_m(self, code: str) -> float:
        return float(self.surfaces[code]["c_m"])

    @staticmethod
    def class_fields(label: str) -> tuple[str, str]:
        """The import's field names of a slope class: "0-5" -> t_0_5_m2, h_0_5_m2."""
        key = label.replace(">", "gt").replace("-", "_")
        return f"t_{key}_m2", f"h_{key}_m2"

    def roof_is_flat(self, value) -> bool:
        if is_null(value):
            return False
        number = to_number(value)
        if number == number and math.isfinite(number):
            code = str(int(number)) if number == int(number) else str(value)
        else:
            code = self.roof_names.get(str(value).strip().lower())
        return code in self.flat_codes

    def slope_class(self, slope: float):
        """(label, c_slope or None, excluded) of a measured slope: the first class whose upper
        bound (inclusive) is not below the slope (a slope within 1e-9° above a bound is
        floating-point noise of a roof built at the bound: it stays in the lower class)."""
        for label, upper, c, excluded in self.slope_classes:
            if slope <= upper + 1e-9:
                return label, c, excluded
        label, _, c, excluded = self.slope_classes[-1]
        return label, c, excluded

    def flat_class(self):
        label, _, c, excluded = self.slope_classes[0]
        return label, c, excluded


# ----------------------------------------------------------------------------------------------
# Geometry
# ----------------------------------------------------------------------------------------------
def usable_geometry(feature: QgsFeature) -> QgsGeometry | None:
    """The feature's polygon, repaired if invalid; None if missing, empty or without area."""
    if not feature.hasGeometry():
        return None
    geom = QgsGeometry(feature.geometry())
    if geom.isNull() or geom.isEmpty():
        return None
    geom.get().dropZValue()
    geom.get().dropMValue()
    if not geom.isGeosValid():
        geom = geom.makeValid()
        if geom.type() != Qgis.GeometryType.Polygon:
            parts = [p for p in geom.asGeometryCollection() if p.type() == Qgis.GeometryType.Polygon]
            if not parts:
                return None
            geom = parts[0] if len(parts) == 1 else QgsGeometry.unaryUnion(parts)
    if geom.isNull() or geom.isEmpty() or geom.area() <= 0:
        return None
    return geom


def ring_area(ring) -> float:
    """Shoelace area of one ring, taken relative to its first vertex: with coordinates of
    hundreds of kilometres (UTM) the plain formula loses about 1e-8 m², the shifted one does
    not (QgsGeometry.area() uses the plain one)."""
    x0, y0 = ring[0].x(), ring[0].y()
    total = 0.0
    for a, b in zip(ring[:-1], ring[1:]):
        total += (a.x() - x0) * (b.y() - y0) - (b.x() - x0) * (a.y() - y0)
    return abs(total) / 2.0


def polygon_area(geom: QgsGeometry) -> float:
    """Planar area: outer rings minus holes."""
    parts = geom.asMultiPolygon() if geom.isMultipart() else [geom.asPolygon()]
    return sum(ring_area(rings[0]) - sum(ring_area(hole) for hole in rings[1:]) for rings in parts if rings)


def polygons(layer: QgsVectorLayer | None, keep=lambda f: True) -> list[tuple[QgsFeature, QgsGeometry]]:
    if layer is None:
        return []
    out = []
    for f in layer.getFeatures():
        g = usable_geometry(f)
        if g is not None and keep(f):
            out.append((f, g))
    return out


# ----------------------------------------------------------------------------------------------
# Rasters: one feature's window at a time
# ----------------------------------------------------------------------------------------------
class Raster:
    def __init__(self, path: str):
        from osgeo import gdal

        with gdal.ExceptionMgr(useExceptions=True):  # no global GDAL state changed for other tests
            self.ds = gdal.Open(str(path))
        self.band = self.ds.GetRasterBand(1)
        self.nodata = self.band.GetNoDataValue()
        self.x0, self.dx, _, self.y0, _, self.dy = self.ds.GetGeoTransform()
        self.cols, self.rows = self.ds.RasterXSize, self.ds.RasterYSize

    def extent(self) -> QgsRectangle:
        x1, y1 = self.x0 + self.cols * self.dx, self.y0 + self.rows * self.dy
        return QgsRectangle(min(self.x0, x1), min(self.y0, y1), max(self.x0, x1), max(self.y0, y1))

    def valid(self, value: float) -> bool:
        return value == value and (self.nodata is None or value != self.nodata)

    def centre(self, col: int, row: int) -> QgsPointXY:
        return QgsPointXY(self.x0 + (col + 0.5) * self.dx, self.y0 + (row + 0.5) * self.dy)

    def window(self, geom: QgsGeometry):
        """(col0, row0, values) of the cells around the geometry's bounding box (one cell more
        on each side: every cell whose centre can lie inside), clipped to the raster."""
        box = geom.boundingBox()
        cols = [math.floor((x - self.x0) / self.dx) for x in (box.xMinimum(), box.xMaximum())]
        rows = [math.floor((y - self.y0) / self.dy) for y in (box.yMinimum(), box.yMaximum())]
        c0, c1 = max(min(cols) - 1, 0), min(max(cols) + 1, self.cols - 1)
        r0, r1 = max(min(rows) - 1, 0), min(max(rows) + 1, self.rows - 1)
        if c1 < c0 or r1 < r0:
            return c0, r0, []
        block = self.band.ReadAsArray(c0, r0, c1 - c0 + 1, r1 - r0 + 1)
        return c0, r0, [[float(v) for v in line] for line in block.tolist()]

    def value_under(self, point: QgsPointXY):
        col = math.floor((point.x() - self.x0) / self.dx)
        row = math.floor((point.y() - self.y0) / self.dy)
        if not (0 <= col < self.cols and 0 <= row < self.rows):
            return None
        value = float(self.band.ReadAsArray(col, row, 1, 1)[0][0])
        return value if self.valid(value) else None

    def zone_mean(self, zone: QgsGeometry, hole: QgsGeometry | None = None) -> tuple[float, bool]:
        """(mean of the valid cells whose centres lie inside ``zone`` and not inside ``hole``,
        whether the zone caught a cell centre). A zone that catches no cell centre at all takes
        the cell under its point on surface."""
        c0, r0, values = self.window(zone)
        total, count, caught = 0.0, 0, False
        for i, line in enumerate(values):
            for j, value in enumerate(line):
                point = self.centre(c0 + j, r0 + i)
                if not zone.contains(point):
                    continue
                caught = True
                if hole is not None and hole.contains(point):
                    continue
                if self.valid(value):
                    total += value
                    count += 1
        if not caught:
            value = self.value_under(zone.pointOnSurface().asPoint())
            if value is not None:
                total, count = value, 1
        return (total / count if count else NAN), caught

    def stats(self) -> tuple[float, float]:
        """Mean and (population) standard deviation of every valid cell of the whole raster:
        the reference extent of the heat z-score."""
        values = [float(v) for line in self.band.ReadAsArray().tolist() for v in line]
        values = [v for v in values if self.valid(v)]
        if not values:
            return NAN, NAN
        mean = sum(values) / len(values)
        return mean, math.sqrt(sum((v - mean) ** 2 for v in values) / len(values))


# ----------------------------------------------------------------------------------------------
# The reference
# ----------------------------------------------------------------------------------------------
@dataclass
class Reference:
    rows: dict  # key (e.g. bid) -> {field name: value}, NaN/None where the output is NULL
    criteria: list[str]  # c_<name> present in the output (some value)
    scored: list[str] = field(default_factory=list)  # criteria in the score (weight > 0)
    heat_note: str = ""  # why there is no heat criterion ("constant raster"), if so


def clip01(value: float) -> float:
    return value if value != value else min(max(value, 0.0), 1.0)


def class_of(value: float, breaks) -> int:
    """1 + the number of breaks below the value (a value on a break stays in the lower class)."""
    return 1 + sum(1 for b in breaks if value > b)


def weighted_mean(values: dict, weights: dict) -> float:
    """Weighted mean of the finite values with a positive weight, renormalised; NaN if none."""
    total = wsum = 0.0
    for k, v in values.items():
        w = weights.get(k, 0.0)
        if w > 0 and v == v:
            total += w * v
            wsum += w
    return total / wsum if wsum > 0 else NAN


def reference_flat_roofs(
    buildings: QgsVectorLayer,
    key_field: str,
    slope_field: str | None = None,
    roof_type_field: str | None = None,
    area_field: str | None = None,
    listed_field: str | None = None,
    green_field: str | None = None,
    pv_field: str | None = None,
    height_field: str | None = None,
    lod2_classes: bool = False,
    heat_raster: str | None = None,
    heat_polygons: QgsVectorLayer | None = None,
    heat_field: str | None = None,
    rain_raster: str | None = None,
    sewer: QgsVectorLayer | None = None,
    parks: QgsVectorLayer | None = None,
    scope: QgsVectorLayer | None = None,
    scope_field: str | None = None,
    precip_raster: str | None = None,
    params: dict | None = None,
) -> Reference:
    """Score every building like gi:flatroofs, one feature at a time; ``params`` overrides the
    algorithm's defaults (keys as the algorithm's parameter names). ``lod2_classes``: read the
    slope-class fields of gi:importlod2 (t_*_m2, h_*_m2)."""
    p = {**default_params(), **(params or {})}
    t = Tables()
    for other in (heat_polygons, sewer, parks, scope):
        if other is not None and other.crs() != buildings.crs():
            raise ValueError("the reference does not reproject: give every layer in the buildings' CRS")
    if buildings.crs().isGeographic():
        raise ValueError("the reference needs a projected CRS in metres")
    higher = int(p["HEAT_ORDER"]) == 0
    max_slope, net = p["MAX_SLOPE"], p["NET_FACTOR"]
    flat_label, flat_upper = t.slope_classes[0][0], t.slope_classes[0][1]
    build_code = BUILDUPS[int(p["BUILDUP"])]
    r_plain = t.annual_runoff("roof_plain")
    gain_flat = r_plain - t.annual_runoff(build_code)
    gain_sloped = r_plain - t.annual_runoff("green_ext_sloped")
    precip = Raster(precip_raster) if precip_raster else None

    # ---- per building: geometry, attributes, greenable area, exclusions
    b = {}
    for f in buildings.getFeatures():
        geom = usable_geometry(f)
        r = {"fid": f.id(), "geom": geom}
        r["point"] = geom.pointOnSurface() if geom is not None else None
        r["footprint"] = polygon_area(geom) if geom is not None else NAN

        slope = to_number(f[slope_field]) if slope_field else NAN
        measured = slope == slope and 0.0 <= slope <= 90.0
        flat_type = bool(roof_type_field) and not measured and t.roof_is_flat(f[roof_type_field])
        r["slope_deg"] = slope if measured else NAN
        if measured:
            r["slope_class"] = t.slope_class(slope)[0]
        elif flat_type:
            r["slope_class"] = flat_label
        else:
            r["slope_class"] = "unbekannt"

        # surfaces: [(label, c_slope, true m², horizontal m²)] that can be greened
        classes = None
        if lod2_classes and geom is not None:
            classes = []
            for label, upper, c, excluded in t.slope_classes:
                tf, hf = t.class_fields(label)
                true, horiz = to_number(f[tf]), to_number(f[hf])
                if true == true and horiz == horiz:
                    classes.append((label, upper, c, excluded, true, horiz))
            if not classes:
                classes = None  # no class values: as without the fields
        from_footprint = False
        given = NAN
        if area_field and geom is not None:
            given = to_number(f[area_field])
            if not (given == given and given >= 0):
                given, from_footprint = NAN, True
        slope_unknown = False
        if geom is None:
            true = horiz = horiz_flat = NAN
            c_slope, steep = NAN, False
        elif given == given:
            # a greenable roof area given by the user (true area); its horizontal share by the slope
            steep = measured and (slope > max_slope + 1e-9 or t.slope_class(slope)[2])
            true = given
            horiz = given * math.cos(math.radians(slope)) if measured else given
            is_flat = (measured and slope <= flat_upper) or flat_type
            horiz_flat = horiz if is_flat else 0.0
            c_slope = NAN if steep else (t.slope_class(slope)[1] if measured else
                                         (t.slope_classes[0][2] if flat_type else NAN))
            slope_unknown = not measured and not flat_type
        elif classes is not None:
            green = [c for c in classes if c[1] <= max_slope + 1e-9 and not c[3] and c[2] is not None]
            true = sum(c[4] for c in green)
            horiz = sum(c[5] for c in green)
            horiz_flat = sum(c[5] for c in green if c[0] == flat_label)
            steep = not true > 0
            c_slope = NAN if steep else sum(c[2] * c[4] for c in green) / true
            if green and true > 0:
                r["slope_class"] = max(green, key=lambda c: c[4])[0]  # the largest greenable class (first of equals)
        elif measured:
            steep = slope > max_slope + 1e-9 or t.slope_class(slope)[2]  # over MAX_SLOPE, or an excluded class
            true = NAN if steep else r["footprint"] / math.cos(math.radians(slope))
            horiz = NAN if steep else r["footprint"]
            horiz_flat = horiz if slope <= flat_upper else 0.0
            c_slope = NAN if steep else t.slope_class(slope)[1]
        else:
            steep = False
            true = horiz = r["footprint"]
            horiz_flat = horiz if flat_type else 0.0
            c_slope = t.slope_classes[0][2] if flat_type else NAN
            slope_unknown = not flat_type
        if steep:
            true = horiz = horiz_flat = NAN
        r["c_slope"] = c_slope if c_slope is not None else NAN
        r["greenable_m2"] = NAN if geom is None else (0.0 if steep else net * true)
        listed = bool(listed_field) and is_true(f[listed_field])
        r["flags"] = {
            "geom_empty": geom is None,
            "green_exists": bool(green_field) and is_true(f[green_field]),
            "slope_gt_max": geom is not None and steep,
            "area_lt_min": geom is not None and not steep and not (r["greenable_m2"] >= p["MIN_AREA"]),
        }
        r["excluded"] = any(r["flags"].values())
        r["listed"] = listed
        r["pv"] = bool(pv_field) and is_true(f[pv_field])
        r["slope_unknown"] = slope_unknown and geom is not None
        r["slope_from_type"] = flat_type and classes is None
        r["area_from_footprint"] = from_footprint

        # ---- water on the horizontal projection
        p_roof = p["PRECIP"]
        r["precip_default"] = False
        if precip is not None and geom is not None:
            value, _ = precip.zone_mean(geom)
            if value == value:
                p_roof = value
            else:
                r["precip_default"] = True
        if r["excluded"] or geom is None:
            r["retention_m3a"] = r["cm_green"] = NAN
        else:
            h_sloped = horiz - horiz_flat
            r["retention_m3a"] = p_roof / 1000.0 * net * (horiz_flat * gain_flat + h_sloped * gain_sloped)
            r["cm_green"] = ((horiz_flat * t.c_m(build_code) + h_sloped * t.c_m("green_ext_sloped")) / horiz
                             if horiz > 0 else NAN)
        r["height"] = to_number(f[height_field]) if height_field else NAN
        r["key"] = f[key_field]
        b[f.id()] = r

    def with_geom():
        return [(fid, r) for fid, r in b.items() if r["geom"] is not None]

    crit: dict[str, dict] = {}
    if slope_field or roof_type_field or lod2_classes:
        crit["slope"] = {fid: r["c_slope"] for fid, r in b.items()}
    lo, hi = p["MIN_AREA"], p["AREA_FULL"]
    crit["area"] = {}
    for fid, r in b.items():
        a = r["greenable_m2"]
        crit["area"][fid] = NAN if a != a else (0.0 if a <= lo else clip01(math.log10(a / lo) / math.log10(hi / lo)))
    if listed_field:
        crit["build"] = {fid: (NAN if r["geom"] is None else (1.0 - p["LISTED_MALUS"] if r["listed"] else 1.0))
                         for fid, r in b.items()}

    # ---- heat: a class per roof and the number of classes N
    heat_note = ""
    heat_class, n_classes = None, None
    breaks = [float(x) for x in str(p["HEAT_BREAKS"]).replace(";", ",").split(",") if x.strip()]
    breaks.sort()

    def classify_numbers(raw: dict, mean: float, sd: float):
        if breaks:
            n = len(breaks) + 1
            cls = {k: (NAN if v != v else class_of(v, breaks)) for k, v in raw.items()}
        else:
            n = 5
            cls = {k: (NAN if v != v else class_of((v - mean) / sd, Z_BREAKS)) for k, v in raw.items()}
        if not higher:
            cls = {k: (v if v != v else n + 1 - v) for k, v in cls.items()}
        return cls, n

    if heat_raster:
        raster = Raster(heat_raster)
        mean, sd = raster.stats()
        raw = {fid: NAN for fid in b}
        for fid, r in with_geom():
            raw[fid], caught = raster.zone_mean(r["geom"])
            r["heat_from_point"] = not caught
        if not sd > 0:
            heat_note = "constant raster"
        else:
            heat_class, n_classes = classify_numbers(raw, mean, sd)
    elif heat_polygons is not None:
        numeric = heat_polygons.fields().field(heat_field).isNumeric()
        polys = polygons(heat_polygons)
        if numeric:
            values = [to_number(hf[heat_field]) for hf, _ in polys]
            values = [v for v in values if v == v]
            n = int(p["HEAT_CLASSES"])
            as_classes = bool(values) and all(v == int(v) and 1 <= v <= n for v in values)
            mean = sum(values) / len(values) if values else NAN
            sd = math.sqrt(sum((v - mean) ** 2 for v in values) / len(values)) if values else NAN
            raw = {fid: NAN for fid in b}
            for fid, r in with_geom():
                hits = [to_number(hf[heat_field]) for hf, hg in polys if hg.intersects(r["point"])]
                hits = [v for v in hits if v == v]
                if hits:
                    raw[fid] = max(hits) if higher else min(hits)
            if as_classes:
                heat_class = {k: (v if v != v or higher else n + 1 - v) for k, v in raw.items()}
                n_classes = n
            elif sd > 0:
                heat_class, n_classes = classify_numbers(raw, mean, sd)
            else:
                heat_note = "constant values"
        else:
            heat_class, n_classes = {fid: NAN for fid in b}, 5
            for fid, r in with_geom():
                hits = []
                for hf, hg in polys:
                    value = hf[heat_field]
                    cls = t.heat_labels.get(str(value).strip().lower()) if not is_null(value) else None
                    if cls is not None and hg.intersects(r["point"]):
                        hits.append(cls)
                if hits:
                    heat_class[fid] = max(hits)
    burdened = {}
    if heat_class is not None:
        first_burdened = n_classes - int(p["HEAT_BURDENED"]) + 1
        crit["heat"] = {}
        for fid, r in b.items():
            k = heat_class[fid]
            if k != k or r["geom"] is None:
                crit["heat"][fid] = NAN
                burdened[fid] = False
                continue
            h, full, low, fmin = r["height"], p["HEIGHT_FULL"], p["HEIGHT_LOW"], p["HEIGHT_FACTOR"]
            if h != h or h <= full:
                factor = 1.0
            elif h >= low:
                factor = fmin
            else:
                factor = 1.0 - (1.0 - fmin) * (h - full) / (low - full)
            crit["heat"][fid] = (k - 1.0) / (n_classes - 1.0) * factor
            burdened[fid] = k >= first_burdened

    # ---- heavy rain: mean depth in the ring around the building (building's own cells out)
    rain_depth = None
    if rain_raster:
        raster = Raster(rain_raster)
        buffer_m = p["RAIN_BUFFER"]
        if buffer_m > 0 and min(abs(raster.dx), abs(raster.dy)) < buffer_m / 2.0:
            raise ValueError("pre-average the rain raster to cells of at least RAIN_BUFFER / 2 for the reference")
        rain_depth = {fid: NAN for fid in b}
        for fid, r in with_geom():
            if buffer_m > 0:
                rain_depth[fid] = raster.zone_mean(r["geom"].buffer(buffer_m, 2), hole=r["geom"])[0]
            else:
                rain_depth[fid] = raster.zone_mean(r["geom"])[0]
            if p["RAIN_NODATA_DRY"] and rain_depth[fid] != rain_depth[fid] and r["geom"].intersects(raster.extent()):
                rain_depth[fid] = 0.0
        crit["rain"] = {fid: clip01(d / p["RAIN_DEPTH"]) for fid, d in rain_depth.items()}

    # ---- combined sewer and target area: the roof's point in a polygon
    if sewer is not None:
        areas = [g for _, g in polygons(sewer)]
        crit["sewer"] = {fid: (float(any(g.intersects(r["point"]) for g in areas)) if r["geom"] is not None else NAN)
                         for fid, r in b.items()}
    if scope is not None:
        wanted = (p["SCOPE_VALUE"] or "").strip().lower()
        if scope_field and wanted:
            def keep(f):
                return not is_null(f[scope_field]) and str(f[scope_field]).strip().lower() == wanted
        elif scope_field:
            def keep(f):
                return not is_null(f[scope_field])
        else:
            def keep(f):
                return True
        areas = [g for _, g in polygons(scope, keep)]
        crit["scope"] = {fid: (float(any(g.intersects(r["point"]) for g in areas)) if r["geom"] is not None else NAN)
                         for fid, r in b.items()}

    # ---- parks: distance from the roof to the nearest park of at least PARK_MIN_HA
    if parks is not None:
        big = [g for _, g in polygons(parks) if polygon_area(g) >= p["PARK_MIN_HA"] * 10000.0]
        crit["green"] = {}
        for fid, r in b.items():
            if r["geom"] is None:
                crit["green"][fid] = NAN
                continue
            near = [d for d in (r["geom"].distance(g) for g in big) if d <= p["PARK_DISTANCE"]]
            crit["green"][fid] = clip01(min(near) / p["PARK_DISTANCE"]) if near else 1.0

    # ---- sub-scores and score
    present = [k for k in WEIGHT_PARAMS if k in crit and any(v == v for v in crit[k].values())]
    scored = [k for k in present if p[WEIGHT_PARAMS[k]] > 0]
    if not scored:
        raise ValueError("no criterion with data has a positive weight")
    share = p["NEED_SHARE"]
    for fid, r in b.items():
        suit = weighted_mean({k: crit[k][fid] for k in SUIT_WEIGHTS if k in scored},
                             {k: p[w] for k, w in SUIT_WEIGHTS.items()})
        need = weighted_mean({k: crit[k][fid] for k in NEED_WEIGHTS if k in scored},
                             {k: p[w] for k, w in NEED_WEIGHTS.items()})
        if suit == suit and need == need:
            score = 100.0 * suit ** (1.0 - share) * need ** share
        elif suit == suit:
            score = 100.0 * suit
        elif need == need:
            score = 100.0 * need
        else:
            score = NAN
        r["no_criteria"] = not r["excluded"] and score != score
        r["gi_score"] = NAN if r["excluded"] else score
        r["gi_suit"] = NAN if r["excluded"] or suit != suit else 100.0 * suit
        r["gi_need"] = NAN if r["excluded"] or need != need else 100.0 * need
        s = r["gi_score"]
        r["gi_class"] = "X" if s != s else next((c for c, low in CLASS_FROM if s >= low), "D")

    ranked = sorted((fid for fid, r in b.items() if r["gi_score"] == r["gi_score"]),
                    key=lambda fid: (-b[fid]["gi_score"], fid))
    for fid in b:
        b[fid]["gi_rank"] = None
    for i, fid in enumerate(ranked, 1):
        b[fid]["gi_rank"] = i

    # ---- flags, Handlungsziele, output rows
    rows = {}
    for fid, r in b.items():
        out = {f"c_{k}": crit[k][fid] for k in present}
        flags = [code for code, on in r["flags"].items() if on]
        extra = [("no_criteria", r["no_criteria"]), ("listed", r["listed"]), ("slope_unknown", r["slope_unknown"]),
                 ("slope_from_type", r["slope_from_type"]), ("area_from_footprint", r["area_from_footprint"]),
                 ("heat_nodata", "heat" in present and r["geom"] is not None and crit["heat"][fid] != crit["heat"][fid]),
                 ("rain_nodata", "rain" in present and r["geom"] is not None and crit["rain"][fid] != crit["rain"][fid]),
                 ("precip_default", r["precip_default"]), ("pv_solar_green", r["pv"])]
        flags += [code for code, on in extra if on]

        def at_least(k, low, fid=fid):
            return k in present and crit[k][fid] == crit[k][fid] and crit[k][fid] >= low

        hz = [code for code, on in (("01", burdened.get(fid, False)), ("02", True),
                                    ("24", at_least("rain", 0.5) or at_least("sewer", 1.0)), ("26", r["pv"])) if on]
        in_scope = None
        if scope is not None and r["geom"] is not None:
            in_scope = int(crit["scope"][fid])
        out.update({
            "gi_score": r["gi_score"], "gi_class": r["gi_class"], "gi_rank": r["gi_rank"],
            "gi_suit": r["gi_suit"], "gi_need": r["gi_need"],
            "gi_flags": ",".join(flags), "gi_hz": ",".join(hz), "slope_deg": r["slope_deg"],
            "slope_class": r["slope_class"], "greenable_m2": r["greenable_m2"],
            "retention_m3a": r["retention_m3a"], "cm_green": r["cm_green"], "in_target_scope": in_scope,
            "fid": fid, "footprint": r["footprint"],
            "rain_depth_m": NAN if rain_depth is None else rain_depth[fid],
            "heat_from_point": r.get("heat_from_point", False),
        })
        rows[r["key"]] = out
    return Reference(rows=rows, criteria=[f"c_{k}" for k in present], scored=scored, heat_note=heat_note)
