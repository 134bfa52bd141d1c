"""Facts at a feature, read live from the role layers (heat, heavy rain, parks, districts …).

Plain functions: ``facts_at`` returns the values, ``fact_rows`` the labelled texts."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsDistanceArea,
    QgsFeatureRequest,
    QgsGeometry,
    QgsMapLayer,
    QgsPointXY,
    QgsProject,
    QgsRasterLayer,
    QgsVectorLayer,
)

from ..i18n import tr
from ..scoring.criteria import PARK_MIN_HA, RAIN_BUFFER_M
from .roles import fold, guess_field
from .values import as_float, fmt_num, plain

# ----------------------------------------------------------------------------------------------
# Facts at a feature, read live from the role layers
# ----------------------------------------------------------------------------------------------
FACT_KEYS = (
    "heat", "klimatop", "water_depth", "biotopverbund", "gruenzug", "protected", "park_distance_m",
    "park_name", "raumtyp", "district", "sewer", "soil", "listed", "biotopverbund_stufe", "water_depth_near",
)


def _transform(src: QgsCoordinateReferenceSystem, dst: QgsCoordinateReferenceSystem, project: QgsProject):
    if not src.isValid() or not dst.isValid() or src == dst:
        return None
    return QgsCoordinateTransform(src, dst, project.transformContext())


def _in_crs(geom: QgsGeometry, xform) -> QgsGeometry:
    out = QgsGeometry(geom)
    if xform is not None:
        out.transform(xform)
    return out


def reference_point(geometry: QgsGeometry) -> QgsGeometry:
    """The centroid, or a point on the surface when the centroid falls outside (L-shapes)."""
    centroid = geometry.centroid()
    if geometry.type() == Qgis.GeometryType.Polygon and not geometry.contains(centroid):
        return geometry.pointOnSurface()
    return centroid


def sample_raster(layer: QgsRasterLayer, point: QgsGeometry, crs: QgsCoordinateReferenceSystem,
                  project: QgsProject, band: int = 1) -> float | None:
    """Band value at ``point`` (in ``crs``), None outside the raster or on nodata."""
    pt = _in_crs(point, _transform(crs, layer.crs(), project)).asPoint()
    value, ok = layer.dataProvider().sample(QgsPointXY(pt), band)
    if not ok or value is None or math.isnan(value):
        return None
    return float(value)


def run_number(run: Mapping | None, name: str, default: float) -> float:
    """A number parameter of the run that wrote a result (its run record), else ``default``."""
    value = as_float(((run or {}).get("parameters") or {}).get(name))
    return value if value is not None else float(default)


def rain_ring_m(run: Mapping | None = None) -> float:
    """The ring around a feature in which the run read the water depth (its RAIN_BUFFER), else
    the default of the shared criteria."""
    return run_number(run, "RAIN_BUFFER", RAIN_BUFFER_M)


def park_min_ha(run: Mapping | None = None) -> float:
    """The smallest park that counted in the run (its PARK_MIN_HA), else the default (GALK)."""
    return run_number(run, "PARK_MIN_HA", PARK_MIN_HA)


def ring_mean_near(layer: QgsRasterLayer, geometry: QgsGeometry, crs: QgsCoordinateReferenceSystem,
                   project: QgsProject, ring_m: float) -> float | None:
    """Mean of the raster in the ring of ``ring_m`` around the feature, its own cells left out:
    the statistic of the heavy-rain criterion (``processing/raster.py: ring_mean`` on the same
    averaged grid), so the inspector shows the depth the score used. None without a valid cell
    or when neither the feature's nor the raster's CRS is in metres."""
    import numpy as np
    import shapely
    from qgis.core import QgsProcessingContext

    from ..processing.raster import Coarsened, ring_mean, zonal_mean
    from ..scoring.progress import Progress

    work = crs if crs.isValid() and not crs.isGeographic() else layer.crs()
    if not work.isValid() or work.isGeographic():
        return None
    geom = _in_crs(geometry, _transform(crs, work, project))
    geoms = np.array([shapely.from_wkb(bytes(geom.asWkb()))], dtype=object)
    context = QgsProcessingContext()
    context.setProject(project)
    with Coarsened(layer, ring_m / 2.0, geoms, ring_m, work, context) as coarse:
        if ring_m > 0:
            res = ring_mean(coarse, geoms, ring_m, work, context, Progress(None))
        else:
            res = zonal_mean(coarse, geoms, work, context, Progress(None))
    value = float(res.mean[0])
    return None if math.isnan(value) else value


def _features_touching(layer: QgsVectorLayer, geom: QgsGeometry, attrs: Sequence[str] = ()):
    """Features of ``layer`` whose geometry intersects ``geom`` (already in the layer's CRS)."""
    request = QgsFeatureRequest().setFilterRect(geom.boundingBox())
    if attrs:
        request.setSubsetOfAttributes(list(attrs), layer.fields())
    else:
        request.setNoAttributes()
    engine = QgsGeometry.createGeometryEngine(geom.constGet())
    engine.prepareGeometry()
    for f in layer.getFeatures(request):
        if f.hasGeometry() and engine.intersects(f.geometry().constGet()):
            yield f


def value_at(layer: QgsVectorLayer, point: QgsGeometry, crs, project, field: str | None) -> Any:
    """``field`` of the first polygon of ``layer`` containing ``point``; True if no field given."""
    pt = _in_crs(point, _transform(crs, layer.crs(), project))
    for f in _features_touching(layer, pt, [field] if field else []):
        return plain(f[field]) if field else True
    return None


def intersects(layer: QgsVectorLayer, geometry: QgsGeometry, crs, project) -> bool:
    geom = _in_crs(geometry, _transform(crs, layer.crs(), project))
    return next(_features_touching(layer, geom), None) is not None


def measurer(crs: QgsCoordinateReferenceSystem, project: QgsProject) -> QgsDistanceArea:
    """Planar in projected CRSs (what the algorithms compute), ellipsoidal in geographic ones."""
    da = QgsDistanceArea()
    da.setSourceCrs(crs, project.transformContext())
    if crs.isGeographic():
        ellipsoid = project.ellipsoid()
        da.setEllipsoid(ellipsoid if ellipsoid and ellipsoid != "NONE" else "EPSG:7030")
    else:
        da.setEllipsoid("NONE")
    return da


def nearest_named(layer: QgsVectorLayer, geometry: QgsGeometry, crs, project,
                  name_field: str | None = None, min_area_m2: float = 0.0) -> tuple[float | None, Any]:
    """Distance in metres from ``geometry`` to the nearest feature of ``layer`` with at least
    ``min_area_m2`` (the parks that count for the criterion), and its name. One feature, read
    live (the algorithms measure in bulk with ``scoring.geo.nearest_distance``)."""
    xform = _transform(layer.crs(), crs, project)
    da = measurer(crs, project)
    area_of = measurer(layer.crs(), project)
    best, best_name = None, None
    request = QgsFeatureRequest()
    if name_field:
        request.setSubsetOfAttributes([name_field], layer.fields())
    else:
        request.setNoAttributes()
    for f in layer.getFeatures(request):
        if not f.hasGeometry():
            continue
        if min_area_m2 > 0 and area_of.convertAreaMeasurement(
                area_of.measureArea(f.geometry()), Qgis.AreaUnit.SquareMeters) < min_area_m2:
            continue
        other = _in_crs(f.geometry(), xform)
        if crs.isGeographic():
            line = geometry.shortestLine(other)
            d = 0.0 if geometry.intersects(other) else da.measureLength(line)
        else:
            d = da.convertLengthMeasurement(geometry.distance(other), Qgis.DistanceUnit.Meters)
        if best is None or d < best:
            best, best_name = d, (plain(f[name_field]) if name_field else None)
            if d == 0:
                break
    return best, best_name


def _label_field(layer: QgsVectorLayer, words: Sequence[str]) -> str | None:
    """A field named like one of ``words``, else the first text field."""
    name = guess_field(layer, words)
    if name:
        return name
    for f in layer.fields():
        if not f.isNumeric() and fold(f.name()) not in ("fid", "id"):
            return f.name()
    return None


def facts_at(geometry: QgsGeometry, crs: QgsCoordinateReferenceSystem, roles: Mapping[str, QgsMapLayer],
             project: QgsProject | None = None, ring_m: float | None = None,
             min_park_ha: float | None = None) -> dict[str, Any]:
    """What the role layers say at one feature (``geometry`` in ``crs``).

    Keys (None when the role has no layer):
    ``heat`` raster value at the reference point, or the class field of the heat polygon there;
    ``klimatop`` the Klimatop at the reference point; ``water_depth`` heavy-rain raster value
    (or polygon depth field) at the reference point and ``water_depth_near`` the mean depth in
    the ring around the feature that the heavy-rain criterion reads (the run's RAIN_BUFFER); ``biotopverbund`` / ``gruenzug`` /
    ``protected`` / ``sewer`` / ``listed`` True if the feature intersects a polygon of that
    role (``biotopverbund_stufe`` its level); ``park_distance_m`` the distance from the feature's
    outline to the nearest park that counts (at least ``min_park_ha``, as in the run; 0 inside),
    ``park_name``; ``raumtyp``, ``district``, ``soil``
    the label at the reference point. The reference point is the centroid (a point on the
    surface if the centroid falls outside the polygon).
    """
    project = project or QgsProject.instance()
    point = reference_point(geometry)
    facts: dict[str, Any] = dict.fromkeys(FACT_KEYS)

    def layer(role):
        lyr = roles.get(role)
        return lyr if lyr is not None and lyr.isValid() else None

    heat = layer("heat")
    if isinstance(heat, QgsRasterLayer):
        facts["heat"] = sample_raster(heat, point, crs, project)
    elif isinstance(heat, QgsVectorLayer):
        from .roles import HEAT_FIELD_WORDS

        facts["heat"] = value_at(heat, point, crs, project, _label_field(heat, HEAT_FIELD_WORDS))

    klimatope = layer("klimatope")
    if isinstance(klimatope, QgsVectorLayer):
        facts["klimatop"] = value_at(klimatope, point, crs, project,
                                     _label_field(klimatope, ("klimatop", "typ", "type", "name")))

    rain = layer("rain")
    if isinstance(rain, QgsRasterLayer):
        facts["water_depth"] = sample_raster(rain, point, crs, project)
        facts["water_depth_near"] = ring_mean_near(rain, geometry, crs, project, ring_m if ring_m is not None else rain_ring_m())
    elif isinstance(rain, QgsVectorLayer):
        depth_field = guess_field(rain, ("depth", "tiefe", "wasser", "water", "h_max", "hmax"), numeric=True)
        facts["water_depth"] = as_float(value_at(rain, point, crs, project, depth_field)) if depth_field else None

    for role, key in (("gruenzuege", "gruenzug"), ("protected", "protected"), ("sewer", "sewer"),
                      ("listed", "listed")):
        lyr = layer(role)
        if isinstance(lyr, QgsVectorLayer):
            facts[key] = intersects(lyr, geometry, crs, project)

    bv = layer("biotopverbund")
    if isinstance(bv, QgsVectorLayer):
        stufe_field = guess_field(bv, ("stufe", "level", "kategorie", "category"))
        geom = _in_crs(geometry, _transform(crs, bv.crs(), project))
        hits = list(_features_touching(bv, geom, [stufe_field] if stufe_field else []))
        facts["biotopverbund"] = bool(hits)
        if hits and stufe_field:
            facts["biotopverbund_stufe"] = plain(hits[0][stufe_field])

    parks = layer("parks")
    if isinstance(parks, QgsVectorLayer):
        name_field = guess_field(parks, ("name", "bezeichnung", "label"), numeric=False)
        min_ha = min_park_ha if min_park_ha is not None else park_min_ha()
        facts["park_distance_m"], facts["park_name"] = nearest_named(parks, geometry, crs, project, name_field,
                                                                     min_ha * 10000.0)

    for role, key, words in (("raumtyp", "raumtyp", ("raumtyp", "typ", "type", "name")),
                             ("districts", "district", ("name", "stadtteil", "bezirk", "district")),
                             ("soils", "soil", ("bodentyp", "boden", "soil", "typ", "type", "name"))):
        lyr = layer(role)
        if isinstance(lyr, QgsVectorLayer):
            facts[key] = value_at(lyr, point, crs, project, _label_field(lyr, words))
        elif isinstance(lyr, QgsRasterLayer):
            facts[key] = sample_raster(lyr, point, crs, project)
    return facts


LABEL_FIELDS = ("name", "bezeichnung", "strassenname", "street_name", "gml_id", "gmlid", "bid", "building_id", "id")


def label_field(layer: QgsVectorLayer) -> str | None:
    """A field that names a feature: one called exactly like LABEL_FIELDS (not "roof_name")."""
    by_fold = {fold(n): n for n in layer.fields().names()}
    return next((by_fold[n] for n in LABEL_FIELDS if n in by_fold), None)


def format_fact(key: str, value: Any) -> str:
    """A fact as text for the inspector (— when unknown)."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return tr("yes") if value else tr("no")
    if key == "park_distance_m":
        return tr("{m} m").format(m=f"{value:,.0f}".replace(",", "\u202f"))
    if key == "water_depth":
        return tr("{m} m").format(m=fmt_num(value, 2))
    if isinstance(value, float):
        return fmt_num(value, 1)
    return str(value)



def fact_rows(facts: Mapping[str, Any], roles: Mapping[str, QgsMapLayer],
              ring_m: float | None = None) -> list[tuple[str, str]]:
    """(label, text) rows for the facts whose role has a layer, in a fixed order."""
    rows = []

    def add(role, label, key, extra=None):
        if roles.get(role) is None:
            return
        text = format_fact(key, facts.get(key))
        if extra:
            text += extra
        rows.append((label, text))

    add("heat", tr("Thermal load"), "heat")
    add("klimatope", tr("Klimatop"), "klimatop")
    near = facts.get("water_depth_near")
    add("rain", tr("Water depth"), "water_depth",
        tr("; mean {v} in the {d} m ring around it").format(d=fmt_num(ring_m if ring_m is not None else rain_ring_m(), 0), v=format_fact("water_depth", near))
        if near is not None else None)
    stufe = facts.get("biotopverbund_stufe")
    add("biotopverbund", tr("In Biotopverbund"), "biotopverbund", f" ({stufe})" if stufe not in (None, "") else None)
    add("gruenzuege", tr("In Regionaler Grünzug"), "gruenzug")
    add("protected", tr("In protected area"), "protected")
    name = facts.get("park_name")
    add("parks", tr("Nearest park"), "park_distance_m", f" ({name})" if name else None)
    add("raumtyp", tr("Raumtyp"), "raumtyp")
    add("districts", tr("District"), "district")
    add("sewer", tr("Combined-sewer area"), "sewer")
    add("listed", tr("Listed building"), "listed")
    add("soils", tr("Soil"), "soil")
    return rows


