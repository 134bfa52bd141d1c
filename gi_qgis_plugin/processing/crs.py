"""Coordinate reference systems: the metric working CRS of a run, and fast reprojection."""

from __future__ import annotations

import math

import numpy as np
import shapely
from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
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


def choose_work_crs(
    crs: QgsCoordinateReferenceSystem,
    extent: QgsRectangle,
    layer_name: str,
    feedback: QgsProcessingFeedback | None,
) -> QgsCoordinateReferenceSystem:
    """A metric CRS to compute areas and distances in.

    Projected CRS: itself. Geographic: the ETRS89/UTM zone of the layer's centre (EPSG:258xx)
    inside Europe, WGS84/UTM elsewhere. Missing: EPSG:25832 if the coordinates look like UTM
    zone 32 (NRW data without .prj), else an error that tells the user to set the CRS.
    """
    if crs.isValid() and not crs.isGeographic():
        if crs.mapUnits() != Qgis.DistanceUnit.Meters:
            _warn(feedback, tr("Layer {name}: its CRS {crs} is not in metres; areas and distances are computed in metres after reprojection to EPSG:25832.").format(name=layer_name, crs=crs.authid()))
            return QgsCoordinateReferenceSystem("EPSG:25832")
        return crs
    if crs.isValid():
        if not extent.isEmpty() and (
            extent.xMinimum() < -180.5 or extent.xMaximum() > 180.5 or extent.yMinimum() < -90.5 or extent.yMaximum() > 90.5
        ):
            raise QgsProcessingException(
                tr("Layer {name} has the geographic CRS {crs}, but its coordinates are not degrees (extent {extent}). Set the layer's real CRS (Layer Properties › Source, e.g. EPSG:25832) and run again.").format(
                    name=layer_name, crs=crs.authid(), extent=extent.toString(0))
            )
        lon = extent.center().x()
        lat = extent.center().y()
        zone = int(math.floor((lon + 180.0) / 6.0)) + 1
        zone = min(max(zone, 1), 60)
        if 28 <= zone <= 38 and lat > 0:
            code = f"EPSG:258{zone:02d}"
        else:
            code = f"EPSG:{32600 + zone if lat >= 0 else 32700 + zone}"
        work = QgsCoordinateReferenceSystem(code)
        _warn(feedback, tr("Layer {name} has the geographic CRS {crs}; it is processed in {work} so that areas and distances are in metres, and the output is written in {work}.").format(name=layer_name, crs=crs.authid(), work=code))
        return work
    if not extent.isEmpty() and UTM32_HINT.contains(extent):
        _warn(feedback, tr("Layer {name} has no CRS; its coordinates look like ETRS89 / UTM zone 32N, so EPSG:25832 is assumed. Set the layer's CRS to be sure.").format(name=layer_name))
        return QgsCoordinateReferenceSystem("EPSG:25832")
    raise QgsProcessingException(
        tr("Layer {name} has no coordinate reference system and its coordinates do not look like UTM zone 32N. Set its CRS (Layer Properties › Source) and run again.").format(name=layer_name)
    )


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
    new = np.asarray(ct.TransformPoints(coords), dtype=float)[:, :2]
    return shapely.set_coordinates(geoms.copy(), new)

