"""A deliberately simple reference for ``gi:flatroofs``: one feature at a time, QGIS API only.

Written from the algorithm's help text and the rules in ``scoring/roofs.py`` and
``processing/flat_roofs.py``, but without calling them: no import from ``gi_qgis_plugin``
(the lookup values are read from ``gi_qgis_plugin/resources/*.csv`` here, the parameter defaults
from the algorithm's parameter definitions), no numpy, no shapely. Every roof is handled by plain
Python loops over QgsFeature / QgsGeometry (area, buffer, contains, intersects, distance,
pointOnSurface) and per-feature GDAL ``ReadAsArray`` windows of the rasters, testing each cell
centre with ``QgsGeometry.contains(QgsPointXY)``. It is slow on purpose and meant for tests
(``tests/test_roofs_reference.py``) that compare it with the vectorised algorithm.

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

# criterion -> weight parameter, in the order the help text lists them (the score's sum order)
WEIGHT_PARAMS = {
    "slope": "W_SLOPE",
    "area": "W_AREA",
    "heat": "W_HEAT",
    "rain": "W_RAIN",
    "sewer": "W_SEWER",
    "green": "W_GREEN",
    "scope": "W_SCOPE",
}
NUMBER_PARAMS = ("MIN_AREA", "AREA_FULL", "PRECIP", "RAIN_BUFFER", "RAIN_DEPTH", "PARK_MIN_HA",
                 "PARK_DISTANCE", *WEIGHT_PARAMS.values())
NAN = float("nan")
INF = float("inf")


# ----------------------------------------------------------------------------------------------
# Inputs: parameters, CSV tables, attribute values
# ----------------------------------------------------------------------------------------------
def default_params() -> dict:
    """The algorithm's own parameter defaults (numbers, weights, scope value)."""
    alg = QgsApplication.processingRegistry().algorithmById("gi:flatroofs")
    if alg is None:
        raise RuntimeError("gi:flatroofs is not registered (use the gi_provider fixture)")
    out = {name: float(alg.parameterDefinition(name).defaultValue()) for name in NUMBER_PARAMS}
    out["SCOPE_VALUE"] = alg.parameterDefinition("SCOPE_VALUE").defaultValue()
    out["HEAT_ORDER"] = int(alg.parameterDefinition("HEAT_ORDER").defaultValue())
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
        runoff = {r["surface"]: r for r in read_csv("roof_runoff.csv")}
        self.c_plain = float(runoff["roof_plain"]["c_m"])
        self.c_green_flat = float(runoff["green_extensive_flat"]["c_m"])
        self.c_green_sloped = float(runoff["green_extensive_sloped"]["c_m"])
        self.flat_max_pct = float(runoff["green_extensive_flat"]["max_slope_pct"])
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
        bound (inclusive) is not below the slope."""
        for label, upper, c, excluded in self.slope_classes:
            if slope <= upper:
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


# ----------------------------------------------------------------------------------------------
# The reference
# ----------------------------------------------------------------------------------------------
@dataclass
class Reference:
    rows: dict  # key (e.g. bid) -> {field name: value}, NaN/None where the output is NULL
    criteria: list[str]  # c_<name> present in the output (some value)
    scored: list[str] = field(default_factory=list)  # criteria in the score (weight > 0)


def minmax(values: dict) -> dict:
    finite = [v for v in values.values() if v == v]
    if not finite:
        return values
    lo, hi = min(finite), max(finite)
    return {k: (NAN if v != v else (0.5 if hi == lo else (v - lo) / (hi - lo))) for k, v in values.items()}


def heat_from_values(raw: dict, higher_is_hotter: bool) -> dict:
    """Classes 1–5 (all values whole numbers 1–5) → (class − 1) / 4; other numbers min–max."""
    finite = [v for v in raw.values() if v == v]
    if finite and all(1 <= v <= 5 and v == int(v) for v in finite):
        c = {k: (NAN if v != v else (v - 1.0) / 4.0) for k, v in raw.items()}
    else:
        c = minmax(raw)
    return c if higher_is_hotter else {k: (v if v != v else 1.0 - v) for k, v in c.items()}


def clip01(value: float) -> float:
    return value if value != value else min(max(value, 0.0), 1.0)


def reference_flat_roofs(
    buildings: QgsVectorLayer,
    key_field: str,
    slope_field: str | None = None,
    roof_type_field: str | None = None,
    area_field: str | None = None,
    listed_field: str | None = None,
    green_field: str | None = None,
    pv_field: str | None = None,
    heat_raster: str | None = None,
    heat_polygons: QgsVectorLayer | None = None,
    heat_field: str | None = None,
    rain_raster: str | None = None,
    sewer: QgsVectorLayer | None = None,
    parks: QgsVectorLayer | None = None,
    scope: QgsVectorLayer | None = None,
    scope_field: str | None = None,
    params: dict | None = None,
) -> Reference:
    """Score every building like gi:flatroofs, one feature at a time; ``params`` overrides the
    algorithm's defaults (keys as the algorithm's parameter names)."""
    p = {**default_params(), **(params or {})}
    t = Tables()
    for other in (heat_polygons, sewer, parks, scope):
        if other is not None and other.crs() != buildings.crs():
            raise ValueError("the reference does not reproject: give every layer in the buildings' CRS")
    if buildings.crs().isGeographic():
        raise ValueError("the reference needs a projected CRS in metres")
    higher = int(p["HEAT_ORDER"]) == 0

    # ---- per building: geometry, attributes, slope, area, exclusions
    b = {}
    for f in buildings.getFeatures():
        geom = usable_geometry(f)
        r = {"fid": f.id(), "geom": geom}
        r["point"] = geom.pointOnSurface() if geom is not None else None
        r["footprint"] = polygon_area(geom) if geom is not None else NAN

        slope = to_number(f[slope_field]) if slope_field else NAN
        measured = slope == slope and 0.0 <= slope <= 90.0
        flat_type = bool(roof_type_field) and not measured and t.roof_is_flat(f[roof_type_field])
        if measured:
            r["slope_class"], r["c_slope"], steep = t.slope_class(slope)
        elif flat_type:
            (r["slope_class"], r["c_slope"], _), steep = t.flat_class(), False
        else:
            r["slope_class"], r["c_slope"], steep = "unbekannt", None, False
        if r["c_slope"] is None or steep:
            r["c_slope"] = NAN
        r["slope_deg"] = slope if measured else NAN

        roof_area = NAN
        if geom is not None:
            roof_area = r["footprint"] / math.cos(math.radians(min(slope, 89.0) if measured else 0.0))
        from_footprint = False
        if area_field:
            given = to_number(f[area_field])
            if given == given and given >= 0:
                roof_area = given if geom is not None else NAN
            else:
                from_footprint = geom is not None
        r["greenable_m2"] = roof_area

        r["flags"] = {
            "geom_empty": geom is None,
            "listed": bool(listed_field) and is_true(f[listed_field]),
            "green_exists": bool(green_field) and is_true(f[green_field]),
            "slope_gt_45": measured and steep,
            "area_lt_min": geom is not None and not (roof_area >= p["MIN_AREA"]),
        }
        r["excluded"] = any(r["flags"].values())
        r["pv"] = bool(pv_field) and is_true(f[pv_field])
        r["slope_unknown"] = not measured and not flat_type and geom is not None
        r["slope_from_type"] = flat_type
        r["area_from_footprint"] = from_footprint

        flat_green_roof = measured and slope <= math.degrees(math.atan(t.flat_max_pct / 100.0))
        c_m = t.c_green_flat if flat_green_roof else t.c_green_sloped
        retention = p["PRECIP"] / 1000.0 * roof_area * (t.c_plain - c_m)
        r["retention_m3a"] = NAN if r["excluded"] else retention
        r["key"] = f[key_field]
        b[f.id()] = r

    def with_geom():
        return [(fid, r) for fid, r in b.items() if r["geom"] is not None]

    crit: dict[str, dict] = {"slope": {fid: r["c_slope"] for fid, r in b.items()}}
    area_low, area_high = p["MIN_AREA"], p["AREA_FULL"]
    crit["area"] = {fid: clip01((r["greenable_m2"] - area_low) / (area_high - area_low)) if r["geom"] is not None else NAN
                    for fid, r in b.items()}

    # ---- heat: raster mean over the roof, or the heat polygon(s) under the roof's point
    if heat_raster:
        raster = Raster(heat_raster)
        raw = {fid: NAN for fid in b}
        for fid, r in with_geom():
            raw[fid], caught = raster.zone_mean(r["geom"])
            r["heat_from_point"] = not caught
        c = minmax(raw)
        crit["heat"] = c if higher else {k: (v if v != v else 1.0 - v) for k, v in c.items()}
    elif heat_polygons is not None:
        numeric = heat_polygons.fields().field(heat_field).isNumeric()
        polys = polygons(heat_polygons)
        if numeric:
            raw = {fid: NAN for fid in b}
            for fid, r in with_geom():
                hits = [to_number(hf[heat_field]) for hf, hg in polys if hg.intersects(r["point"])]
                hits = [v for v in hits if v == v]
                if hits:
                    raw[fid] = max(hits) if higher else min(hits)
            crit["heat"] = heat_from_values(raw, higher)
        else:
            def poly_c(value):
                cls = t.heat_labels.get(str(value).strip().lower()) if not is_null(value) else None
                if cls is None:
                    return NAN
                c = (cls - 1.0) / 4.0
                return c if higher else 1.0 - c
            crit["heat"] = {fid: NAN for fid in b}
            for fid, r in with_geom():
                hits = [poly_c(hf[heat_field]) for hf, hg in polys if hg.intersects(r["point"])]
                hits = [v for v in hits if v == v]
                if hits:
                    crit["heat"][fid] = max(hits)

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
            # "nodata means dry": a roof on the raster without a valid cell around it is dry
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

    # ---- score: weighted mean of the criteria with a value, renormalised per roof
    present = [k for k in WEIGHT_PARAMS if k in crit and any(v == v for v in crit[k].values())]
    scored = [k for k in present if p[WEIGHT_PARAMS[k]] > 0]
    if not scored:
        raise ValueError("no criterion with data has a positive weight")
    for fid, r in b.items():
        total = wsum = 0.0
        for k in scored:
            c = crit[k][fid]
            if c == c:
                total += p[WEIGHT_PARAMS[k]] * c
                wsum += p[WEIGHT_PARAMS[k]]
        score = 100.0 * total / wsum if wsum > 0 else NAN
        r["no_criteria"] = not r["excluded"] and score != score
        r["gi_score"] = NAN if r["excluded"] else score
        s = r["gi_score"]
        if s != s:
            r["gi_class"] = "X"
        else:
            r["gi_class"] = "A" if s >= 75 else "B" if s >= 50 else "C" if s >= 25 else "D"

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
        extra = [("no_criteria", r["no_criteria"]), ("slope_unknown", r["slope_unknown"]),
                 ("slope_from_type", r["slope_from_type"]), ("area_from_footprint", r["area_from_footprint"]),
                 ("heat_nodata", "heat" in present and r["geom"] is not None and crit["heat"][fid] != crit["heat"][fid]),
                 ("rain_nodata", "rain" in present and r["geom"] is not None and crit["rain"][fid] != crit["rain"][fid]),
                 ("pv_solar_green", r["pv"])]
        flags += [code for code, on in extra if on]

        def at_least(k, low, fid=fid):
            return k in present and crit[k][fid] == crit[k][fid] and crit[k][fid] >= low

        hz = [code for code, on in (("01", at_least("heat", 0.5)), ("02", True),
                                    ("24", at_least("rain", 0.5) or at_least("sewer", 1.0)), ("26", r["pv"])) if on]
        in_scope = None
        if scope is not None and r["geom"] is not None:
            in_scope = int(crit["scope"][fid])
        out.update({
            "gi_score": r["gi_score"], "gi_class": r["gi_class"], "gi_rank": r["gi_rank"],
            "gi_flags": ",".join(flags), "gi_hz": ",".join(hz), "slope_deg": r["slope_deg"],
            "slope_class": r["slope_class"], "greenable_m2": r["greenable_m2"],
            "retention_m3a": r["retention_m3a"], "in_target_scope": in_scope, "fid": fid,
            "rain_depth_m": NAN if rain_depth is None else rain_depth[fid],
            "heat_from_point": r.get("heat_from_point", False),
        })
        rows[r["key"]] = out
    return Reference(rows=rows, criteria=[f"c_{k}" for k in present], scored=scored)
