"""Messy municipal data against every scoring algorithm (issue 10).

Each case runs once per scoring algorithm of the provider (so streets and brownfields get them
too) and expects either a complete result plus a named warning, or a QgsProcessingException
whose message names the problem and the fix; input files are hashed before and after, and no
partial output may be left. Cases that need a parameter an algorithm lacks (HEAT, SEWER …) are
skipped for it.
"""

from __future__ import annotations

import math

import cli
import numpy as np
import pytest
from conftest import ensure_provider, recording_feedback_class
from osgeo import gdal, ogr, osr
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorLayer,
)
from test_flat_roofs_bad_input import buildings

X0, Y0 = 360000.0, 5705000.0  # EPSG:25832, Essen
Feedback = recording_feedback_class()


def scoring_algorithms() -> list[str]:
    """Ids of every scoring algorithm of the provider (subclasses of ScoringAlgorithm)."""
    from qgis.core import QgsApplication

    from gi_qgis_plugin.processing.scoring_base import ScoringAlgorithm

    ensure_provider()
    provider = QgsApplication.processingRegistry().providerById("gi")
    return sorted(a.id() for a in provider.algorithms() if isinstance(a, ScoringAlgorithm))


def _ids():
    try:
        from qgis.core import QgsApplication  # noqa: F401

        return scoring_algorithms()
    except Exception:  # noqa: BLE001 - collected before QGIS runs: the one algorithm we know
        return ["gi:flatroofs"]


@pytest.fixture(params=_ids())
def alg_id(request, qgis_processing):
    ensure_provider()
    return request.param


def algorithm(alg_id):
    from qgis.core import QgsApplication

    return QgsApplication.processingRegistry().algorithmById(alg_id)


def kind(alg_id) -> str:
    return algorithm(alg_id).SPEC.geometry


def has_param(alg_id, name: str) -> bool:
    return algorithm(alg_id).parameterDefinition(name) is not None


def run(alg_id, params, feedback=None):
    import processing

    fb = feedback or Feedback()
    return processing.run(alg_id, {"OUTPUT": "TEMPORARY_OUTPUT", **params}, feedback=fb), fb


# ----------------------------------------------------------------------------------------------
# inputs
# ----------------------------------------------------------------------------------------------
def shape(alg_id, i: int, x0: float = X0, y0: float = Y0) -> str:
    """Feature i: a 20 × 20 m square (polygon algorithms) or a 100 m line (line algorithms)."""
    x = x0 + 100.0 * i
    if kind(alg_id) == "line":
        return f"LINESTRING({x} {y0},{x} {y0 + 100})"
    return f"POLYGON(({x} {y0},{x + 20} {y0},{x + 20} {y0 + 20},{x} {y0 + 20},{x} {y0}))"


FIELDS = "name:string&field=slope_deg:double&field=roof_type:string"


def memory(alg_id, rows, crs="EPSG:25832", fields=FIELDS, geom=None):
    """A memory layer "buildings" of ``rows``: (wkt or None, *attributes)."""
    layer = buildings(rows, crs=crs, fields=fields, geom=geom or ("LineString" if kind(alg_id) == "line" else "Polygon"))
    if crs and not layer.crs().isValid():  # the memory provider drops the CRS of some types
        layer.setCrs(QgsCoordinateReferenceSystem(crs))
    return layer


def three(alg_id, **kw):
    return memory(alg_id, [(shape(alg_id, i), f"F{i}", 2.0, "1000") for i in range(3)], **kw)


def gpkg_of(layer: QgsVectorLayer, path) -> str:
    """Write ``layer`` to a GeoPackage and return its source."""
    from qgis.core import QgsVectorFileWriter

    opts = QgsVectorFileWriter.SaveVectorOptions()
    opts.driverName = "GPKG"
    opts.layerName = "input"
    err = QgsVectorFileWriter.writeAsVectorFormatV3(layer, str(path), QgsProject.instance().transformContext(), opts)
    assert err[0] == QgsVectorFileWriter.WriterError.NoError, err
    return f"{path}|layername=input"


def ogr_rows(path) -> list[dict]:
    ds = ogr.Open(str(path))
    lyr = ds.GetLayer(0)
    out = [{**f.items(), "_geom": f.GetGeometryRef().ExportToWkt() if f.GetGeometryRef() else None} for f in lyr]
    ds = None
    return out


def raster(path, array, x0=X0 - 50, y0=Y0 + 150, cell=5.0, epsg=25832, bands=1):
    ds = gdal.GetDriverByName("GTiff").Create(str(path), array.shape[1], array.shape[0], bands, gdal.GDT_Float32)
    ds.SetGeoTransform((x0, cell, 0, y0, 0, -cell))
    if epsg:
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(epsg)
        ds.SetProjection(srs.ExportToWkt())
    for b in range(1, bands + 1):
        ds.GetRasterBand(b).SetNoDataValue(-9999.0)
        ds.GetRasterBand(b).WriteArray(array * b)
    ds = None
    return str(path)


def heat_gradient():
    """A 400 × 40 cell raster of 5 m whose value grows eastwards (18 … 22 °C)."""
    return np.tile(np.linspace(18.0, 22.0, 80, dtype=np.float32), (40, 1))


# ----------------------------------------------------------------------------------------------
# CRS
# ----------------------------------------------------------------------------------------------
def test_web_mercator_is_worked_in_utm_with_a_warning(alg_id):
    to_3857 = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:25832"), QgsCoordinateReferenceSystem("EPSG:3857"),
                                     QgsProject.instance())
    rows = []
    for i in range(3):
        g = QgsGeometry.fromWkt(shape(alg_id, i))
        if kind(alg_id) == "polygon":
            g = QgsGeometry.fromWkt(g.densifyByCount(20).asWkt())
        g.transform(to_3857)
        rows.append((g.asWkt(6), f"F{i}", 2.0, "1000"))
    layer = memory(alg_id, rows, crs="EPSG:3857")
    res, fb = run(alg_id, {"INPUT": layer})
    out = res["OUTPUT"]
    assert out.crs().authid() == "EPSG:25832"
    assert any("EPSG:3857" in w and "EPSG:25832" in w and "too large" in w for w in fb.warnings), fb.warnings
    g = next(out.getFeatures()).geometry()
    # true size again: 400 m² (20 × 20 m), 100 m (not 2.6 × and 1.6 × as in Web Mercator)
    if kind(alg_id) == "polygon":
        assert g.area() == pytest.approx(400.0, rel=2e-3)
    else:
        assert g.length() == pytest.approx(100.0, rel=2e-3)


def test_geographic_layer_without_extent_is_a_clear_outcome(alg_id):
    layer = memory(alg_id, [(None, "A", 2.0, "1000"), (None, "B", 3.0, "1000")], crs="EPSG:4326")
    try:
        res, fb = run(alg_id, {"INPUT": layer})
    except QgsProcessingException as err:  # nothing to score: said so, no traceback
        assert "Traceback" not in str(err) and str(err)
        return
    classes = [f["gi_class"] for f in res["OUTPUT"].getFeatures()]
    assert classes == ["X", "X"]
    assert any("no geometry" in w for w in fb.warnings)


# ----------------------------------------------------------------------------------------------
# Geometry
# ----------------------------------------------------------------------------------------------
def test_curved_geometries_are_segmentised(alg_id):
    if kind(alg_id) == "line":
        wkt, geom = f"CIRCULARSTRING({X0} {Y0},{X0 + 50} {Y0 + 50},{X0 + 100} {Y0})", "CircularString"
        exact = math.pi * 50.0  # half circle of radius 50 m
    else:
        wkt = f"CURVEPOLYGON(CIRCULARSTRING({X0} {Y0},{X0 + 10} {Y0 + 10},{X0 + 20} {Y0},{X0 + 10} {Y0 - 10},{X0} {Y0}))"
        geom = "CurvePolygon"
        exact = math.pi * 100.0  # disc of radius 10 m
    layer = memory(alg_id, [(wkt, "ARC", 2.0, "1000"), (shape(alg_id, 3), "PLAIN", 2.0, "1000")], geom=geom)
    res, fb = run(alg_id, {"INPUT": layer})
    feats = {f["name"]: f for f in res["OUTPUT"].getFeatures()}
    g = feats["ARC"].geometry()
    size = g.length() if kind(alg_id) == "line" else g.area()
    assert size == pytest.approx(exact, rel=1e-2)
    assert feats["ARC"]["gi_class"] != "X"
    assert any("1 features of buildings have curved geometries" in w for w in fb.warnings), fb.warnings


def test_geometry_collections_keep_their_polygonal_or_linear_parts(alg_id, tmp_path):
    coll = f"GEOMETRYCOLLECTION({shape(alg_id, 0)},POINT({X0 + 500} {Y0 + 500}))"
    layer = memory(alg_id, [(coll, "COLL", 2.0, "1000"), (shape(alg_id, 2), "PLAIN", 2.0, "1000")],
                   geom="GeometryCollection")
    out = tmp_path / "out.gpkg"
    _, fb = run(alg_id, {"INPUT": layer, "OUTPUT": str(out)})
    rows = {r["name"]: r for r in ogr_rows(out)}
    g = ogr.CreateGeometryFromWkt(rows["COLL"]["_geom"])
    assert g.GetGeometryName() in ("MULTIPOLYGON", "MULTILINESTRING")  # no collection in the output
    size = g.Length() if kind(alg_id) == "line" else g.GetArea()
    assert size == pytest.approx(100.0 if kind(alg_id) == "line" else 400.0)
    assert rows["COLL"]["gi_class"] != "X"
    assert any("1 features of buildings are geometry collections" in w for w in fb.warnings), fb.warnings


def test_far_off_coordinates_are_left_out_by_name(alg_id):
    far = shape(alg_id, 0, x0=1e300, y0=1e300)
    layer = memory(alg_id, [(far, "FAR", 2.0, "1000"), (shape(alg_id, 1), "OK", 2.0, "1000"),
                            (shape(alg_id, 2), "OK2", 2.0, "1000")])
    res, fb = run(alg_id, {"INPUT": layer})
    feats = {f["name"]: f for f in res["OUTPUT"].getFeatures()}
    assert feats["FAR"]["gi_class"] == "X" and "geom_empty" in feats["FAR"]["gi_flags"]
    assert feats["OK"]["gi_class"] != "X"
    assert any("far outside the area of use" in w for w in fb.warnings)


# ----------------------------------------------------------------------------------------------
# Fields
# ----------------------------------------------------------------------------------------------
def test_fid_with_repeats_geom_and_case_twins_are_renamed_up_front(alg_id, tmp_path):
    fields = "fid:integer&field=geom:string&field=Slope:double&field=slope:double&field=name:string"
    layer = memory(alg_id, [(shape(alg_id, i), 7, "g", 1.0, 2.0, f"F{i}") for i in range(3)], fields=fields)
    out = tmp_path / "out.gpkg"
    _, fb = run(alg_id, {"INPUT": layer, "OUTPUT": str(out)})
    rows = ogr_rows(out)
    assert len(rows) == 3
    assert [r["fid_2"] for r in rows] == [7, 7, 7]  # the repeated ids survive as a field
    assert {r["geom_2"] for r in rows} == {"g"}
    assert [(r["Slope"], r["slope_2"]) for r in rows] == [(1.0, 2.0)] * 3
    assert any("renamed" in w and "fid → fid_2" in w and "slope → slope_2" in w for w in fb.warnings), fb.warnings


def test_a_geopackage_input_keeps_its_own_fid(alg_id, tmp_path):
    src = gpkg_of(three(alg_id), tmp_path / "in.gpkg")
    out = tmp_path / "out.gpkg"
    _, fb = run(alg_id, {"INPUT": src, "OUTPUT": str(out)})
    rows = ogr_rows(out)
    assert len(rows) == 3 and "fid_2" not in rows[0]
    assert not any("renamed" in w for w in fb.warnings)


def test_shapefile_output_names_are_cut_up_front(alg_id, tmp_path):
    fields = FIELDS + "&field=a_very_long_name:string"
    layer = memory(alg_id, [(shape(alg_id, i), f"F{i}", 2.0, "1000", "lang") for i in range(3)], fields=fields)
    out = tmp_path / "out.shp"
    _, fb = run(alg_id, {"INPUT": layer, "OUTPUT": str(out)})
    rows = ogr_rows(out)
    assert len(rows) == 3 and rows[0]["a_very_lon"] == "lang"
    assert "gi_score" in rows[0] and "gi_class" in rows[0]  # the contract fields keep their names
    assert any("a_very_long_name → a_very_lon" in w for w in fb.warnings)


def test_stale_result_columns_are_not_carried_into_the_new_result(alg_id):
    spec = algorithm(alg_id).SPEC
    stale = [c.field for c in spec.criteria]
    fields = FIELDS + "&field=gi_score:double&field=GI_CLASS:string" + "".join(f"&field={f}:double" for f in stale)
    layer = memory(alg_id, [(shape(alg_id, i), f"F{i}", 2.0, "1000", 99.0, "A", *([0.123] * len(stale)))
                            for i in range(3)], fields=fields)
    res, fb = run(alg_id, {"INPUT": layer})
    out = res["OUTPUT"]
    names = out.fields().names()
    assert names.count("gi_score") == 1 and "GI_CLASS" not in names
    for f in out.getFeatures():
        for name in stale:
            if name in names:  # a criterion of this run: its own value, never the stale one
                assert f[name] != 0.123
        assert f["gi_score"] != 99.0
    assert any("columns of an earlier result" in i for i in fb.infos)


@pytest.mark.parametrize("ftype,values,warning", [
    ("double", [1e12, 100.0, 50.0], "1 values are implausibly large (e.g. 1e+12)"),
    ("string", ["1.000", "100", "50"], "1 values such as '1.000' could mean 1 or 1000"),
])
def test_implausible_and_ambiguous_area_values_are_not_used(alg_id, ftype, values, warning):
    if not has_param(alg_id, "AREA_FIELD"):
        pytest.skip(f"{alg_id} has no AREA_FIELD")
    layer = memory(alg_id, [(shape(alg_id, i), f"F{i}", 2.0, "1000", v) for i, v in enumerate(values)],
                   fields=FIELDS + f"&field=area_val:{ftype}")
    res, fb = run(alg_id, {"INPUT": layer, "AREA_FIELD": "area_val"})
    flags = {f["name"]: f["gi_flags"] or "" for f in res["OUTPUT"].getFeatures()}
    assert any(warning in w for w in fb.warnings), fb.warnings
    # the bad value is replaced by the footprint (flagged), the others are used as given
    assert "area_from_footprint" in flags["F0"]
    assert "area_from_footprint" not in flags["F1"] and "area_from_footprint" not in flags["F2"]


def test_huge_weights_are_refused_naming_the_parameter(alg_id):
    first = algorithm(alg_id).SPEC.criteria[0].weight_param
    with pytest.raises(QgsProcessingException, match=f"{first} must not exceed 1000"):
        run(alg_id, {"INPUT": three(alg_id), first: 1e308})


def test_latin1_shapefile_keeps_its_umlauts(alg_id, tmp_path):
    path = tmp_path / "latin1.shp"
    ds = ogr.GetDriverByName("ESRI Shapefile").CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(25832)
    gtype = ogr.wkbLineString if kind(alg_id) == "line" else ogr.wkbPolygon
    lyr = ds.CreateLayer("latin1", srs, gtype, options=["ENCODING=ISO-8859-1"])
    lyr.CreateField(ogr.FieldDefn("name", ogr.OFTString))
    for i in range(2):
        f = ogr.Feature(lyr.GetLayerDefn())
        f.SetField("name", "Grünstraße")
        f.SetGeometry(ogr.CreateGeometryFromWkt(shape(alg_id, i)))
        lyr.CreateFeature(f)
    ds = None
    # as municipal files come: Latin-1 bytes, no .cpg, no code page byte; the encoding is set in
    # QGIS (the text is rewritten byte for byte: 12 bytes of UTF-8 -> 10 of Latin-1 + 2 blanks)
    path.with_suffix(".cpg").unlink(missing_ok=True)
    dbf = path.with_suffix(".dbf")
    data = bytearray(dbf.read_bytes().replace("Grünstraße".encode(), "Grünstraße".encode("latin-1") + b"  "))
    data[29] = 0
    dbf.write_bytes(bytes(data))
    assert "Grünstraße".encode("latin-1") in path.with_suffix(".dbf").read_bytes()
    layer = QgsVectorLayer(str(path), "latin1", "ogr")
    layer.setProviderEncoding("ISO-8859-1")
    assert next(layer.getFeatures())["name"] == "Grünstraße"
    res, _ = run(alg_id, {"INPUT": layer})
    assert [f["name"] for f in res["OUTPUT"].getFeatures()] == ["Grünstraße", "Grünstraße"]


# ----------------------------------------------------------------------------------------------
# Layers that are ignored do not score
# ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("param", ["SEWER", "PARKS"])
def test_a_layer_without_polygons_is_ignored_and_leaves_its_criterion_out(alg_id, param):
    if not has_param(alg_id, param):
        pytest.skip(f"{alg_id} has no {param}")
    lines = QgsVectorLayer("LineString?crs=EPSG:25832", "lines", "memory")
    f = QgsFeature(lines.fields())
    f.setGeometry(QgsGeometry.fromWkt(f"LINESTRING({X0 - 50} {Y0 + 10},{X0 + 400} {Y0 + 10})"))
    lines.dataProvider().addFeatures([f])
    res, fb = run(alg_id, {"INPUT": three(alg_id), param: lines})
    assert any("no usable polygons" in w and "ignored" in w for w in fb.warnings)
    # the criterion of that layer is left out: no c_ column with values for it
    spec = algorithm(alg_id).SPEC
    key = {"SEWER": "sewer", "PARKS": "green"}[param]
    if key in spec.keys:
        assert any("is left out" in w and spec.criterion(key).field in w for w in fb.warnings), fb.warnings


# ----------------------------------------------------------------------------------------------
# Rasters
# ----------------------------------------------------------------------------------------------
def test_raster_without_crs_is_assumed_in_the_input_crs_with_a_warning(alg_id, tmp_path):
    if not has_param(alg_id, "HEAT"):
        pytest.skip(f"{alg_id} has no HEAT")
    path = raster(tmp_path / "nocrs.tif", heat_gradient(), epsg=None)
    res, fb = run(alg_id, {"INPUT": three(alg_id), "HEAT": path})
    assert any("has no coordinate system" in w and "EPSG:25832" in w for w in fb.warnings)
    heat = [f["c_heat"] for f in res["OUTPUT"].getFeatures()]
    assert heat == sorted(heat) and heat[0] < heat[-1]  # hotter eastwards, as drawn


def test_multiband_raster_uses_band_one_with_a_warning(alg_id, tmp_path):
    if not has_param(alg_id, "HEAT"):
        pytest.skip(f"{alg_id} has no HEAT")
    path = raster(tmp_path / "bands.tif", heat_gradient(), bands=3)
    res, fb = run(alg_id, {"INPUT": three(alg_id), "HEAT": path})
    assert any("has 3 bands; only band 1 is used" in w for w in fb.warnings)


def test_constant_heat_raster_ranks_nothing_and_is_left_out(alg_id, tmp_path):
    if not has_param(alg_id, "HEAT"):
        pytest.skip(f"{alg_id} has no HEAT")
    path = raster(tmp_path / "flat.tif", np.full((40, 80), 20.0, dtype=np.float32))
    res, fb = run(alg_id, {"INPUT": three(alg_id), "HEAT": path})
    assert any("has the same value (20) under every feature" in w for w in fb.warnings)
    out = res["OUTPUT"]
    assert "c_heat" not in out.fields().names() or all(f["c_heat"] in (None,) or f["c_heat"] != f["c_heat"]
                                                       for f in out.getFeatures())
    assert not any("01" in (f["gi_hz"] or "").split(",") for f in out.getFeatures())


def test_truncated_geotiff_is_a_clear_error(alg_id, tmp_path):
    if not has_param(alg_id, "HEAT"):
        pytest.skip(f"{alg_id} has no HEAT")
    good = tmp_path / "good.tif"
    ds = gdal.GetDriverByName("GTiff").Create(str(good), 80, 400, 1, gdal.GDT_Float32)
    ds.SetGeoTransform((X0 - 50, 5.0, 0, Y0 + 1000, 0, -5.0))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(25832)
    ds.SetProjection(srs.ExportToWkt())
    ds.GetRasterBand(1).WriteArray(np.random.default_rng(1).random((400, 80), dtype=np.float32) + 18)
    ds = None
    cut = tmp_path / "cut.tif"
    data = good.read_bytes()
    cut.write_bytes(data[: len(data) // 2])
    out = tmp_path / "out.gpkg"
    with pytest.raises(QgsProcessingException) as err:
        run(alg_id, {"INPUT": three(alg_id), "HEAT": str(cut), "OUTPUT": str(out)})
    text = str(err.value)
    assert "cut" in text and ("truncated" in text or "HEAT" in text)
    assert not out.exists()


# ----------------------------------------------------------------------------------------------
# Outputs: all or nothing
# ----------------------------------------------------------------------------------------------
def test_output_onto_the_input_geopackage_is_refused(alg_id, tmp_path):
    gpkg = tmp_path / "city.gpkg"
    src = gpkg_of(three(alg_id), gpkg)
    before = cli.digest(gpkg)
    with pytest.raises(QgsProcessingException, match=r"output OUTPUT \(.*city.gpkg\) is the file of the input INPUT"):
        run(alg_id, {"INPUT": src, "OUTPUT": str(gpkg)})
    assert cli.digest(gpkg) == before


def test_cancel_keeps_the_earlier_output(alg_id, tmp_path):
    out = tmp_path / "out.gpkg"
    run(alg_id, {"INPUT": three(alg_id), "OUTPUT": str(out)})
    before = cli.digest(out)
    fb = Feedback()
    fb.progressChanged.connect(lambda p: fb.cancel() if p >= 80 else None)  # while writing
    with pytest.raises(QgsProcessingException, match="Canceled"):
        run(alg_id, {"INPUT": three(alg_id), "OUTPUT": str(out)}, fb)
    assert cli.digest(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.gpkg"]


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    return cli.install_profile(tmp_path_factory.mktemp("profile"))


def test_qgis_process_exit_code_says_whether_a_result_was_written(alg_id, env, tmp_path):
    gpkg = tmp_path / "city.gpkg"
    src = gpkg_of(three(alg_id), gpkg)
    before = cli.digest(gpkg)
    onto = cli.run(env, alg_id, INPUT=src, OUTPUT=gpkg)
    assert onto.returncode != 0 and "is the file of the input" in onto.stdout + onto.stderr
    assert "Traceback" not in onto.stdout + onto.stderr
    assert cli.digest(gpkg) == before
    out = tmp_path / "out.gpkg"
    ok = cli.run(env, alg_id, INPUT=src, OUTPUT=out)
    assert ok.returncode == 0, ok.stderr[-2000:]
    assert len(ogr_rows(out)) == 3


# ----------------------------------------------------------------------------------------------
# the shared machinery itself
# ----------------------------------------------------------------------------------------------
def test_german_thousands_are_read_only_where_the_column_decides():
    from gi_qgis_plugin.processing.checks import numbers_from_text

    v, ambiguous = numbers_from_text(["1.000", "12,5", "7"])
    assert v.tolist() == [1000.0, 12.5, 7.0] and ambiguous == 0  # a German column
    v, ambiguous = numbers_from_text(["1.000", "12.5", "7", None])
    assert math.isnan(v[0]) and v[1:3].tolist() == [12.5, 7.0] and ambiguous == 1


def test_zonal_mean_of_a_huge_feature_runs_in_bands_with_progress_and_cancel(qgis_processing, tmp_path, monkeypatch):
    from qgis.core import QgsProcessingContext, QgsRasterLayer

    from gi_qgis_plugin.processing import raster as rasters
    from gi_qgis_plugin.scoring.progress import Canceled, Progress

    # 400 × 400 cells of 1 m, value = column index: a 300 × 300 m square at column offset 50
    # holds columns 50 … 349, mean 199.5
    arr = np.tile(np.arange(400, dtype=np.float32), (400, 1))
    path = raster(tmp_path / "fine.tif", arr, x0=X0, y0=Y0 + 400, cell=1.0)
    layer = QgsRasterLayer(path, "fine")
    geoms = np.array([__import__("shapely").box(X0 + 50, Y0 + 50, X0 + 350, Y0 + 350)], dtype=object)
    monkeypatch.setattr(rasters, "CELL_BUDGET", 10_000)  # 90,000 cells: bands of 33 rows
    seen = []

    class Fb(QgsProcessingFeedback):
        def setProgress(self, p):  # noqa: N802
            seen.append(p)
            super().setProgress(p)

    crs = QgsCoordinateReferenceSystem("EPSG:25832")
    res = rasters.zonal_mean(layer, geoms, crs, QgsProcessingContext(), Progress(Fb()))
    assert res.mean[0] == pytest.approx(199.5) and res.cells[0] == 300 * 300
    assert len(set(seen)) >= 9  # progress from inside the one feature, band by band
    fb = Fb()
    seen.clear()
    fb.progressChanged.connect(lambda p: fb.cancel() if p > 20 else None)
    with pytest.raises(Canceled):
        rasters.zonal_mean(layer, geoms, crs, QgsProcessingContext(), Progress(fb))
    assert max(seen) < 90  # stopped inside the feature
