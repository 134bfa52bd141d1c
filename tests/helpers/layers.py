"""Layer factories: memory layers from WKT rows, GeoTIFFs from arrays, reprojected copies."""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
from osgeo import gdal, osr
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsGeometry,
    QgsProject,
    QgsRasterLayer,
    QgsVectorFileWriter,
    QgsVectorLayer,
)

X0, Y0 = 360000.0, 5705000.0  # EPSG:25832, Ruhr area


def square(x: float, y: float, w: float = 20.0) -> str:
    return f"POLYGON(({x} {y},{x + w} {y},{x + w} {y + w},{x} {y + w},{x} {y}))"


def line(x: float, y: float, length: float = 100.0) -> str:
    return f"LINESTRING({x} {y},{x + length} {y})"


def memory_layer(rows, fields: str = "name:string", geom: str = "Polygon", crs: str | None = "EPSG:25832",
                 name: str = "layer") -> QgsVectorLayer:
    """A memory layer from (wkt or None, *attributes) rows; ``fields`` as in a memory URI."""
    uri = geom + (f"?crs={crs}" if crs else "?")
    if fields:
        uri += "".join(f"&field={f}" for f in fields.split("&field="))
    layer = QgsVectorLayer(uri, name, "memory")
    feats = []
    for wkt, *attrs in rows:
        f = QgsFeature(layer.fields())
        if wkt is not None:
            f.setGeometry(QgsGeometry.fromWkt(wkt))
        f.setAttributes(list(attrs))
        feats.append(f)
    assert layer.dataProvider().addFeatures(feats)
    return layer


def copy_layer(layer: QgsVectorLayer, crs: str | None = None, with_features: bool = True) -> QgsVectorLayer:
    """A memory copy of ``layer``: reprojected to ``crs``, or without features."""
    target = QgsCoordinateReferenceSystem(crs) if crs else layer.crs()
    out = QgsVectorLayer(f"{_geom_name(layer)}?crs={target.authid()}",
                         layer.name(), "memory")
    out.dataProvider().addAttributes(layer.fields().toList())
    out.updateFields()
    if not with_features:
        return out
    xform = QgsCoordinateTransform(layer.crs(), target, QgsProject.instance())
    feats = []
    for f in layer.getFeatures():
        g = QgsFeature(out.fields())
        g.setAttributes(f.attributes())
        if f.hasGeometry():
            geom = QgsGeometry(f.geometry())
            geom.transform(xform)
            g.setGeometry(geom)
        feats.append(g)
    out.dataProvider().addFeatures(feats)
    return out


def _geom_name(layer: QgsVectorLayer) -> str:
    from qgis.core import QgsWkbTypes

    return QgsWkbTypes.displayString(layer.wkbType())


def add_rows(layer: QgsVectorLayer, rows) -> None:
    """Append (wkt or None, *attributes) rows to a memory layer."""
    feats = []
    for wkt, *attrs in rows:
        f = QgsFeature(layer.fields())
        if wkt is not None:
            f.setGeometry(QgsGeometry.fromWkt(wkt))
        f.setAttributes(list(attrs) + [None] * (layer.fields().count() - len(attrs)))
        feats.append(f)
    assert layer.dataProvider().addFeatures(feats)


def save_gpkg(layer: QgsVectorLayer, path: Path) -> str:
    """Write ``layer`` to a GeoPackage; returns its source string."""
    opts = QgsVectorFileWriter.SaveVectorOptions()
    opts.driverName = "GPKG"
    opts.layerName = layer.name()
    err = QgsVectorFileWriter.writeAsVectorFormatV3(layer, str(path), QgsProject.instance().transformContext(), opts)
    assert err[0] == QgsVectorFileWriter.WriterError.NoError, err
    return f"{path}|layername={layer.name()}"


def raster(path: Path, array: np.ndarray, x0: float, y0: float, cell: float, epsg: int = 25832,
           nodata: float = -9999.0) -> QgsRasterLayer:
    """A one-band float GeoTIFF, north-up, top-left corner at (x0, y0)."""
    ds = gdal.GetDriverByName("GTiff").Create(str(path), array.shape[1], array.shape[0], 1, gdal.GDT_Float32)
    ds.SetGeoTransform((x0, cell, 0, y0, 0, -cell))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    ds.SetProjection(srs.ExportToWkt())
    band = ds.GetRasterBand(1)
    band.SetNoDataValue(nodata)
    band.WriteArray(array)
    ds = None
    return QgsRasterLayer(str(path), Path(path).stem)


def file_hash(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()
