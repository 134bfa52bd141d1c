"""Coordinate reference systems: the metric working CRS of a run, and fast reprojection."""

from __future__ import annotations

import math

import numpy as np
import shapely
from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsDistanceArea,
    QgsPointXY,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsRectangle,
)

from ..i18n import tr
from ..scoring.progress import Canceled, Progress  # noqa: F401

# ----------------------------------------------------------------------------------------------
# CRS
# ----------------------------------------------------------------------------------------------
UTM32_HINT = QgsRectangle(100000, 5000000, 1000000, 6500000)


# A projected CRS whose scale on the ground differs from 1 by more than this at the layer is not
# used for areas and distances: Web Mercator (EPSG:3857) at 51.5° N is 1/cos 51.5° = 1.61, so
# its areas are 2.6 times too large. UTM stays within 0.1 % in its zone and within about 0.5 %
# where ETRS89 / UTM 32N is used for all of NRW, so 1 % leaves every metric CRS of NRW alone.
# [U] our threshold.
MAX_SCALE_ERROR = 0.01


def choose_work_crs(
    crs: QgsCoordinateReferenceSystem,
    extent: QgsRectangle,
    layer_name: str,
    feedback: QgsProcessingFeedback | None,
) -> QgsCoordinateReferenceSystem:
    """A metric CRS to compute areas and distances in.

    Projected CRS: itself, unless its scale at the layer is off by more than
    :data:`MAX_SCALE_ERROR` (Web Mercator …): then, as for a geographic CRS, the ETRS89/UTM
    zone of the layer's centre (EPSG:258xx) inside Europe, WGS84/UTM elsewhere. Missing:
    EPSG:25832 if the coordinates look like UTM zone 32 (NRW data without .prj), else an error
    that tells the user to set the CRS. A layer without extent (only NULL geometries) is worked
    in EPSG:25832.
    """
    finite = _finite(extent)
    if crs.isValid() and not crs.isGeographic():
        if crs.mapUnits() != Qgis.DistanceUnit.Meters:
            _warn(feedback, tr("Layer {name}: its CRS {crs} is not in metres; areas and distances are computed in metres after reprojection to EPSG:25832.").format(name=layer_name, crs=crs.authid()))
            return QgsCoordinateReferenceSystem("EPSG:25832")
        k = scale_factor(crs, extent) if finite else None
        if k is not None and abs(k - 1.0) > MAX_SCALE_ERROR:
            lon, lat = _centre_degrees(crs, extent)
            code = utm_code(lon, lat)
            _warn(feedback, tr("Layer {name}: in its CRS {crs} one metre on the map is {k} m on the ground here (areas {k2} times too large), so it is processed in {work}, and the output is written in {work}.").format(
                name=layer_name, crs=crs.authid(), k=f"{1.0 / k:.3f}", k2=f"{k * k:.2f}", work=code))
            return QgsCoordinateReferenceSystem(code)
        return crs
    if crs.isValid():
        if not finite:
            _warn(feedback, tr("Layer {name} has the geographic CRS {crs} but no extent (no geometries); it is processed in EPSG:25832.").format(
                name=layer_name, crs=crs.authid()))
            return QgsCoordinateReferenceSystem("EPSG:25832")
        if (
            extent.xMinimum() < -180.5 or extent.xMaximum() > 180.5 or extent.yMinimum() < -90.5 or extent.yMaximum() > 90.5
        ):
            raise QgsProcessingException(
                tr("Layer {name} has the geographic CRS {crs}, but its coordinates are not degrees (extent {extent}). Set the layer's real CRS (Layer Properties › Source, e.g. EPSG:25832) and run again.").format(
                    name=layer_name, crs=crs.authid(), extent=extent.toString(0))
            )
        code = utm_code(extent.center().x(), extent.center().y())
        work = QgsCoordinateReferenceSystem(code)
        _warn(feedback, tr("Layer {name} has the geographic CRS {crs}; it is processed in {work} so that areas and distances are in metres, and the output is written in {work}.").format(name=layer_name, crs=crs.authid(), work=code))
        return work
    if finite and UTM32_HINT.contains(extent):
        _warn(feedback, tr("Layer {name} has no CRS; its coordinates look like ETRS89 / UTM zone 32N, so EPSG:25832 is assumed. Set the layer's CRS to be sure.").format(name=layer_name))
        return QgsCoordinateReferenceSystem("EPSG:25832")
    raise QgsProcessingException(
        tr("Layer {name} has no coordinate reference system and its coordinates do not look like UTM zone 32N. Set its CRS (Layer Properties › Source) and run again.").format(name=layer_name)
    )


def _finite(extent: QgsRectangle) -> bool:
    """An extent with numbers (a layer of only NULL geometries has none, or infinite ones)."""
    vals = (extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum())
    return not extent.isNull() and all(math.isfinite(v) for v in vals) and vals[2] >= vals[0] and vals[3] >= vals[1]


def utm_code(lon: float, lat: float) -> str:
    """The UTM zone of a point in degrees: ETRS89 (EPSG:258xx) in Europe, else WGS 84."""
    zone = int(math.floor((lon + 180.0) / 6.0)) + 1
    zone = min(max(zone, 1), 60)
    if 28 <= zone <= 38 and lat > 0:
        return f"EPSG:258{zone:02d}"
    return f"EPSG:{32600 + zone if lat >= 0 else 32700 + zone}"


def _centre_degrees(crs: QgsCoordinateReferenceSystem, extent: QgsRectangle) -> tuple[float, float]:
    xform = QgsCoordinateTransform(crs, QgsCoordinateReferenceSystem("EPSG:4326"), QgsCoordinateTransformContext())
    p = xform.transform(extent.center())
    return p.x(), p.y()


def scale_factor(crs: QgsCoordinateReferenceSystem, extent: QgsRectangle) -> float | None:
    """Map metres per metre on the ellipsoid at the centre of ``extent`` (1 = true scale),
    the mean of east-west and north-south; None where it cannot be measured."""
    try:
        da = QgsDistanceArea()
        da.setSourceCrs(crs, QgsCoordinateTransformContext())
        da.setEllipsoid(crs.ellipsoidAcronym() or "EPSG:7030")
        c = extent.center()
        d = 1000.0
        east = da.measureLine(QgsPointXY(c.x() - d / 2, c.y()), QgsPointXY(c.x() + d / 2, c.y()))
        north = da.measureLine(QgsPointXY(c.x(), c.y() - d / 2), QgsPointXY(c.x(), c.y() + d / 2))
    except Exception:  # noqa: BLE001 - a CRS PROJ cannot measure in: leave it as it is
        return None
    if not (east > 0 and north > 0 and math.isfinite(east) and math.isfinite(north)):
        return None
    return 0.5 * (d / east + d / north)


def _warn(feedback: QgsProcessingFeedback | None, text: str) -> None:
    if feedback is not None:
        feedback.pushWarning(text)


def transform_geoms(geoms: np.ndarray, xform: QgsCoordinateTransform) -> np.ndarray:
    """Reproject shapely geometries: all coordinates in one GDAL call (no per-feature loop)."""
    from osgeo import osr

    coords = shapely.get_coordinates(geoms)
    if coords.size == 0:
        return geoms
    srs = []
    for crs in (xform.sourceCrs(), xform.destinationCrs()):
        ref = osr.SpatialReference()
        ref.ImportFromWkt(crs.toWkt(Qgis.CrsWktVariant.Preferred))
        ref.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        srs.append(ref)
    ct = osr.CoordinateTransformation(srs[0], srs[1])
    # a point PROJ cannot transform (an easting with the zone number in front) comes back as inf
    # and is skipped by checks.implausible_coordinates, also where osr.UseExceptions() is set
    with osr.ExceptionMgr(useExceptions=False):
        new = np.asarray(ct.TransformPoints(coords), dtype=float)[:, :2]
    return shapely.set_coordinates(geoms.copy(), new)

