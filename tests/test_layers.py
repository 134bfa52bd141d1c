"""The QGIS <-> arrays bridge: reading (read.py), zonal statistics (raster.py), CRS choice (crs.py), writing (write.py)."""

from __future__ import annotations

import numpy as np
import pytest
import shapely
from helpers.layers import raster
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsGeometry,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)

from gi_qgis_plugin.processing.crs import choose_work_crs
from gi_qgis_plugin.processing.raster import zonal_mean
from gi_qgis_plugin.processing.read import read_source
from gi_qgis_plugin.processing.write import make_fields, write_sink
from gi_qgis_plugin.scoring.progress import Progress


def memory_layer(wkts, crs="EPSG:25832", fields="name:string"):
    layer = QgsVectorLayer(f"Polygon?crs={crs}&field={fields}", "mem", "memory")
    feats = []
    for i, w in enumerate(wkts):
        f = QgsFeature(layer.fields())
        if w is not None:
            f.setGeometry(QgsGeometry.fromWkt(w))
        f.setAttributes([f"f{i}"])
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    return layer


@pytest.fixture
def context(qgis_app):
    ctx = QgsProcessingContext()
    ctx.setProject(QgsProject.instance())
    return ctx


def test_zonal_mean_of_cells_whose_centres_are_inside(tmp_path, context):
    # 10 x 10 raster of 1 m cells at (0..10, 0..10); value = column index
    arr = np.tile(np.arange(10, dtype=np.float32), (10, 1))
    arr[0, 0] = -9999  # nodata in the top-left cell
    r = raster(tmp_path / "a.tif", arr, 0, 10, 1.0)
    geoms = np.array([
        shapely.box(0, 0, 2, 2),        # columns 0 and 1 -> mean 0.5
        shapely.box(0, 8, 2, 10),       # top-left 2x2 with one nodata -> (1 + 0 + 1) / 3
        shapely.box(4.2, 4.2, 4.4, 4.4),  # smaller than a cell: the cell under it, column 4
        shapely.box(50, 50, 60, 60),    # outside
        None,
    ], dtype=object)
    res = zonal_mean(r, geoms, QgsCoordinateReferenceSystem("EPSG:25832"), context, Progress(None))
    assert res.mean[0] == pytest.approx(0.5)
    assert res.mean[1] == pytest.approx(2 / 3)
    assert res.cells[1] == 3
    assert res.mean[2] == pytest.approx(4.0)
    assert np.isnan(res.mean[3]) and np.isnan(res.mean[4])
    assert res.overlaps and not res.nodata_only


def test_zonal_mean_reprojects_polygons_to_the_raster_crs(tmp_path, context):
    arr = np.full((100, 100), 7.0, dtype=np.float32)
    arr[:, 50:] = 3.0
    r = raster(tmp_path / "b.tif", arr, 360000, 5705100, 1.0)  # EPSG:25832
    # a square in EPSG:4326 around a point in the left half (value 7)
    from qgis.core import QgsCoordinateTransform, QgsPointXY

    xf = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:25832"), QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance())
    p = xf.transform(QgsPointXY(360020, 5705050))
    d = 0.00005
    g = np.array([shapely.box(p.x() - d, p.y() - d, p.x() + d, p.y() + d)], dtype=object)
    res = zonal_mean(r, g, QgsCoordinateReferenceSystem("EPSG:4326"), context, Progress(None))
    assert res.mean[0] == pytest.approx(7.0)
    assert res.cells[0] > 10


def test_zonal_mean_reports_no_overlap_and_all_nodata(tmp_path, context):
    arr = np.full((5, 5), -9999, dtype=np.float32)
    r = raster(tmp_path / "c.tif", arr, 0, 5, 1.0)
    inside = np.array([shapely.box(1, 1, 3, 3)], dtype=object)
    outside = np.array([shapely.box(100, 100, 103, 103)], dtype=object)
    crs = QgsCoordinateReferenceSystem("EPSG:25832")
    a = zonal_mean(r, inside, crs, context, Progress(None))
    b = zonal_mean(r, outside, crs, context, Progress(None))
    assert a.overlaps and a.nodata_only
    assert not b.overlaps


def test_read_source_repairs_invalid_and_keeps_empty_as_none(context):
    bowtie = "POLYGON((0 0, 10 10, 10 0, 0 10, 0 0))"  # self-intersecting, area 50 after repair
    layer = memory_layer([
        "POLYGON((0 0, 4 0, 4 5, 0 5, 0 0))",
        bowtie,
        None,
        "MULTIPOLYGON(((0 0,1 0,1 1,0 1,0 0)),((5 5,7 5,7 7,5 7,5 5)))",
        "POLYGON Z((0 0 5, 2 0 5, 2 2 5, 0 2 5, 0 0 5))",
    ])
    arrays = read_source(layer, context, layer.crs(), Progress(None), fields=["name"])
    assert len(arrays) == 5
    areas = [None if g is None else shapely.area(g) for g in arrays.geoms]
    assert areas[0] == pytest.approx(20)
    assert areas[1] == pytest.approx(50)
    assert areas[2] is None
    assert areas[3] == pytest.approx(5)
    assert areas[4] == pytest.approx(4)
    assert not shapely.has_z(arrays.geoms[4])
    assert arrays.repaired == 1
    assert arrays.skipped["geom_empty"] == 1
    assert list(arrays.columns["name"]) == ["f0", "f1", "f2", "f3", "f4"]
    assert arrays.usable.tolist() == [True, True, False, True, True]
    assert layer.getFeature(int(arrays.fids[2])).geometry().isNull()
    assert not layer.getFeature(int(arrays.fids[1])).geometry().isGeosValid(), "input untouched"


def test_choose_work_crs(qgis_app):
    fb = QgsProcessingFeedback()
    utm = QgsCoordinateReferenceSystem("EPSG:25832")
    assert choose_work_crs(utm, QgsRectangle(0, 0, 1, 1), "x", fb) == utm
    wgs = QgsCoordinateReferenceSystem("EPSG:4326")
    assert choose_work_crs(wgs, QgsRectangle(7.0, 51.4, 7.1, 51.5), "x", fb).authid() == "EPSG:25832"
    assert choose_work_crs(wgs, QgsRectangle(13.3, 52.5, 13.4, 52.6), "x", fb).authid() == "EPSG:25833"
    none = QgsCoordinateReferenceSystem()
    assert choose_work_crs(none, QgsRectangle(360000, 5700000, 361000, 5701000), "x", fb).authid() == "EPSG:25832"
    with pytest.raises(QgsProcessingException, match="no coordinate reference system"):
        choose_work_crs(none, QgsRectangle(0, 0, 10, 10), "x", fb)


def test_write_sink_round_trip(context):
    from qgis.core import QgsFields

    fields = make_fields([("gi_score", "double"), ("gi_class", "text"), ("gi_rank", "int")])
    sink_layer = QgsVectorLayer("Polygon?crs=EPSG:25832", "out", "memory")
    sink_layer.dataProvider().addAttributes(fields.toList())
    sink_layer.updateFields()
    geoms = np.array([shapely.box(0, 0, 1, 1), None], dtype=object)
    n = write_sink(sink_layer.dataProvider(), sink_layer.fields(), geoms,
                   [("gi_score", "double", np.array([12.5, np.nan])), ("gi_class", "text", np.array(["A", "X"], dtype=object)),
                    ("gi_rank", "int", np.array([1, 0]))],
                   Progress(None))
    assert n == 2
    feats = list(sink_layer.getFeatures())
    assert feats[0]["gi_class"] == "A" and feats[0]["gi_score"] == 12.5
    assert feats[0].geometry().area() == pytest.approx(1.0)
    assert feats[1].geometry().isNull()
    assert feats[1]["gi_score"] in (None,) or str(feats[1]["gi_score"]) == "NULL"
    assert isinstance(QgsFields(), QgsFields)


def test_write_sink_copies_the_source_row_of_each_output_row(context):
    """One input feature may give several output rows (street segments): source_index says which."""
    source = memory_layer([
        "POLYGON((0 0,1 0,1 1,0 1,0 0))", "POLYGON((5 5,6 5,6 6,5 6,5 5))"])
    arrays = read_source(source, context, QgsCoordinateReferenceSystem("EPSG:25832"), Progress(None))
    out = QgsVectorLayer("Polygon?crs=EPSG:25832&field=name:string&field=part:integer", "out", "memory")
    geoms = np.array([shapely.box(0, 0, 0.5, 1), shapely.box(0.5, 0, 1, 1), shapely.box(5, 5, 6, 6)], dtype=object)
    n = write_sink(out.dataProvider(), out.fields(), geoms, [("part", "int", np.array([1, 2, 1]))], Progress(None),
                   rows=arrays.rows, keep=[0], source_index=np.array([0, 0, 1]))
    assert n == 3
    assert [(f["name"], f["part"]) for f in out.getFeatures()] == [("f0", 1), ("f0", 2), ("f1", 1)]
