"""The contract suite, messy municipal data (issue 10): every registered scoring algorithm, with
the ordinary input of its ``tests/cases.py`` entry turned into what planners really have.

Each case expects either a complete result plus a named warning, or a QgsProcessingException
whose message names the problem and the fix; input files are hashed before and after, no
partial output is left, and ``qgis_process`` exits non-zero whenever no complete output was
written. Cases that need a parameter an algorithm lacks (a heat raster, a sewer layer …) are
skipped for it.
"""

from __future__ import annotations

import math
from pathlib import Path

import cli
import numpy as np
import pytest
from cases import CASES
from helpers.contract import check_contract, null, result_rows
from helpers.feedback import CancelAt, RecordingFeedback
from helpers.layers import X0, Y0, file_hash, save_gpkg
from osgeo import gdal, ogr, osr
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsField,
    QgsGeometry,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProject,
    QgsRasterLayer,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QMetaType
from test_scoring_contract import IDS, run, spec_of


@pytest.fixture(params=IDS)
def case(request, gi_provider):
    return CASES[request.param]


def algorithm(case):
    from qgis.core import QgsApplication

    return QgsApplication.processingRegistry().algorithmById(case.alg_id)


def has_param(case, name: str) -> bool:
    return algorithm(case).parameterDefinition(name) is not None


# ----------------------------------------------------------------------------------------------
# messy variants of a case's ordinary input
# ----------------------------------------------------------------------------------------------
def variant(case, geoms: dict | None = None, geom_type: str = "", crs: str = "EPSG:25832",
            extra: list[tuple] = ()) -> QgsVectorLayer:
    """The case's input as a new memory layer: each feature named F0, F1 … (field ``name``),
    ``geoms`` replacing the geometry of some (index -> WKT), in ``crs`` (reprojected), of
    ``geom_type``, with ``extra`` fields (name, type, value or per-feature list)."""
    base = case.make_input()
    geom_type = geom_type or ("LineString" if case.geometry == "line" else "Polygon")
    layer = QgsVectorLayer(f"{geom_type}?crs={crs}", "messy", "memory")
    if not layer.crs().isValid():  # the memory provider forgets the CRS of some geometry types
        layer.setCrs(QgsCoordinateReferenceSystem(crs))
    fields = base.fields().toList() + [QgsField("name", QMetaType.Type.QString)]
    fields += [QgsField(n, t) for n, t, _ in extra]
    assert layer.dataProvider().addAttributes(fields)
    layer.updateFields()
    xform = QgsCoordinateTransform(base.crs(), QgsCoordinateReferenceSystem(crs), QgsProject.instance())
    feats = []
    for i, f in enumerate(base.getFeatures()):
        g = QgsFeature(layer.fields())
        values = [v[i] if isinstance(v, list) else v for _, _, v in extra]
        g.setAttributes(f.attributes() + [f"F{i}"] + values)
        if geoms and i in geoms:
            geom = QgsGeometry.fromWkt(geoms[i]) if geoms[i] is not None else None
        else:
            geom = QgsGeometry(f.geometry())
            if crs != base.crs().authid():
                if case.geometry == "polygon":
                    geom = geom.densifyByCount(20)  # straight in the target CRS too
                geom.transform(xform)
        if geom is not None:
            g.setGeometry(geom)
        feats.append(g)
    assert layer.dataProvider().addFeatures(feats)
    return layer


def by_name(out) -> dict:
    """Rows by input feature name (the first row of a feature cut into several, e.g. sections)."""
    rows: dict = {}
    for r in result_rows(out):
        rows.setdefault(r["name"], r)
    return rows


def size_of(out, name: str, kind: str) -> float:
    """Total length (lines) or area (polygons) of the output rows of input feature ``name``:
    an algorithm may cut one input feature into several rows (street sections)."""
    return sum(size(f.geometry(), kind) for f in out.getFeatures() if f["name"] == name)


def first_geometry(case) -> QgsGeometry:
    return next(case.make_input().getFeatures()).geometry()


def size(geom, kind: str) -> float:
    return geom.length() if kind == "line" else geom.area()


def ogr_rows(path) -> list[dict]:
    ds = ogr.Open(str(path))
    lyr = ds.GetLayer(0)
    out = [{**f.items(), "_geom": f.GetGeometryRef().ExportToWkt() if f.GetGeometryRef() else None} for f in lyr]
    ds = None
    return out


def raster_file(path, array, x0=X0 - 50, y0=Y0 + 150, cell=5.0, epsg=25832, bands=1) -> str:
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


def eastward(rows: int = 60, cols: int = 120) -> np.ndarray:
    """Values that grow eastwards (18 … 24): a heat raster whose ranking is known."""
    return np.tile(np.linspace(18.0, 24.0, cols, dtype=np.float32), (rows, 1))


# ----------------------------------------------------------------------------------------------
# CRS
# ----------------------------------------------------------------------------------------------
def test_web_mercator_is_worked_in_utm_with_a_warning(case, tmp_path):
    layer = variant(case, crs="EPSG:3857")
    res, fb = run(case.alg_id, {"INPUT": layer, **case.params(tmp_path)})
    out = res["OUTPUT"]
    assert out.crs().authid() == "EPSG:25832"
    assert any("EPSG:3857" in w and "EPSG:25832" in w and "too large" in w for w in fb.warnings), fb.warnings
    # true sizes again, not 2.6 × the area (1.6 × the length) as in Web Mercator at 51.5° N
    assert size_of(out, "F0", case.geometry) == pytest.approx(size(first_geometry(case), case.geometry), rel=2e-3)
    check_contract(out, spec_of(case.alg_id))


def test_geographic_layer_without_extent_is_answered_without_a_traceback(case, tmp_path):
    n = case.make_input().featureCount()
    layer = variant(case, geoms={i: None for i in range(n)}, crs="EPSG:4326")
    try:
        res, fb = run(case.alg_id, {"INPUT": layer, **case.params(tmp_path)})
    except QgsProcessingException as err:  # nothing to score: said so
        assert "Traceback" not in str(err) and str(err)
        return
    rows = check_contract(res["OUTPUT"], spec_of(case.alg_id))
    assert [r["gi_class"] for r in rows] == ["X"] * n
    assert any("no geometry" in w for w in fb.warnings)


# ----------------------------------------------------------------------------------------------
# Geometry
# ----------------------------------------------------------------------------------------------
def test_curved_geometries_are_segmentised(case, tmp_path):
    if case.geometry == "line":
        wkt = f"CIRCULARSTRING({X0} {Y0 - 200},{X0 + 50} {Y0 - 150},{X0 + 100} {Y0 - 200})"
        geom_type, exact = "CircularString", math.pi * 50.0  # half a circle of radius 50 m
    else:
        wkt = (f"CURVEPOLYGON(CIRCULARSTRING({X0} {Y0 - 200},{X0 + 10} {Y0 - 190},{X0 + 20} {Y0 - 200},"
               f"{X0 + 10} {Y0 - 210},{X0} {Y0 - 200}))")
        geom_type, exact = "CurvePolygon", math.pi * 100.0  # a disc of radius 10 m
    layer = variant(case, geoms={0: wkt}, geom_type=geom_type)
    res, fb = run(case.alg_id, {"INPUT": layer, **case.params(tmp_path)})
    check_contract(res["OUTPUT"], spec_of(case.alg_id))
    assert size_of(res["OUTPUT"], "F0", case.geometry) == pytest.approx(exact, rel=1e-2)
    assert any("1 features of messy have curved geometries" in w for w in fb.warnings), fb.warnings


def test_geometry_collections_keep_their_polygonal_or_linear_parts(case, tmp_path):
    part = first_geometry(case).asWkt()
    layer = variant(case, geoms={0: f"GEOMETRYCOLLECTION({part},POINT({X0 - 500} {Y0 - 500}))"},
                    geom_type="GeometryCollection")
    out = tmp_path / "out.gpkg"
    _, fb = run(case.alg_id, {"INPUT": layer, **case.params(tmp_path), "OUTPUT": str(out)})
    parts = [ogr.CreateGeometryFromWkt(r["_geom"]) for r in ogr_rows(out) if r["name"] == "F0"]
    # no collection in the output
    assert parts and all(g.GetGeometryName() in ("MULTIPOLYGON", "MULTILINESTRING") for g in parts)
    expected = size(first_geometry(case), case.geometry)
    assert sum(g.Length() if case.geometry == "line" else g.GetArea() for g in parts) == pytest.approx(expected)
    assert any("1 features of messy are geometry collections" in w for w in fb.warnings), fb.warnings


def test_far_off_coordinates_are_left_out_with_a_warning(case, tmp_path):
    far = "LINESTRING(1e300 1e300,1e300 2e300)" if case.geometry == "line" else \
        "POLYGON((1e300 1e300,2e300 1e300,2e300 2e300,1e300 1e300))"
    res, fb = run(case.alg_id, {"INPUT": variant(case, geoms={0: far}), **case.params(tmp_path)})
    rows = by_name(res["OUTPUT"])
    assert rows["F0"]["gi_class"] == "X" and "geom_empty" in rows["F0"]["gi_flags"]
    assert any(r["gi_class"] != "X" for n, r in rows.items() if n != "F0")
    assert any("far outside the area of use" in w for w in fb.warnings)


# ----------------------------------------------------------------------------------------------
# Fields
# ----------------------------------------------------------------------------------------------
def test_fid_with_repeats_geom_and_case_twins_are_renamed_up_front(case, tmp_path):
    extra = [("fid", QMetaType.Type.Int, 7), ("geom", QMetaType.Type.QString, "g"),
             ("Colour", QMetaType.Type.Double, 1.0), ("colour", QMetaType.Type.Double, 2.0)]
    out = tmp_path / "out.gpkg"
    _, fb = run(case.alg_id, {"INPUT": variant(case, extra=extra), **case.params(tmp_path), "OUTPUT": str(out)})
    rows = ogr_rows(out)
    assert {r["name"] for r in rows} == {f"F{i}" for i in range(case.make_input().featureCount())}
    assert {r["geom_2"] for r in rows} == {"g"}
    assert {(r["Colour"], r["colour_2"]) for r in rows} == {(1.0, 2.0)}
    assert any("geom → geom_2" in w and "colour → colour_2" in w for w in fb.warnings), fb.warnings
    if "src_fid" in rows[0]:  # several rows per feature: the input's fid is not carried at all
        assert "fid_2" not in rows[0]
    else:  # one row per feature: the repeated ids survive as a field
        assert {r["fid_2"] for r in rows} == {7}
        assert any("fid → fid_2" in w for w in fb.warnings)


def test_a_geopackage_input_keeps_its_own_fid(case, tmp_path):
    src = save_gpkg(variant(case), tmp_path / "in.gpkg")
    out = tmp_path / "out.gpkg"
    _, fb = run(case.alg_id, {"INPUT": src, **case.params(tmp_path), "OUTPUT": str(out)})
    rows = ogr_rows(out)
    assert {r["name"] for r in rows} == {f"F{i}" for i in range(case.make_input().featureCount())}
    assert "fid_2" not in rows[0]
    assert not any("renamed" in w for w in fb.warnings)


def test_shapefile_output_names_are_cut_up_front(case, tmp_path):
    layer = variant(case, extra=[("a_very_long_name", QMetaType.Type.QString, "lang")])
    out = tmp_path / "out.shp"
    _, fb = run(case.alg_id, {"INPUT": layer, **case.params(tmp_path), "OUTPUT": str(out)})
    rows = ogr_rows(out)
    assert rows[0]["a_very_lon"] == "lang"
    assert "gi_score" in rows[0] and "gi_class" in rows[0]  # the contract fields keep their names
    assert any("a_very_long_name → a_very_lon" in w for w in fb.warnings)


def test_stale_result_columns_are_not_carried_into_the_new_result(case, tmp_path):
    stale = [c.field for c in spec_of(case.alg_id).criteria]
    extra = [("gi_score", QMetaType.Type.Double, 99.0), ("GI_CLASS", QMetaType.Type.QString, "A")]
    extra += [(f, QMetaType.Type.Double, 0.123) for f in stale]
    res, fb = run(case.alg_id, {"INPUT": variant(case, extra=extra), **case.params(tmp_path)})
    out = res["OUTPUT"]
    names = out.fields().names()
    assert names.count("gi_score") == 1 and "GI_CLASS" not in names
    for r in result_rows(out):
        assert r["gi_score"] != 99.0
        for f in stale:
            assert f not in r or null(r[f]) or r[f] != 0.123  # this run's value, never the old one
    assert any("columns of an earlier result" in i for i in fb.infos)


def test_huge_weights_are_refused_naming_the_parameter(case, tmp_path):
    first = spec_of(case.alg_id).criteria[0].weight_param
    with pytest.raises(QgsProcessingException, match=f"{first} must not exceed 1000"):
        run(case.alg_id, {"INPUT": case.make_input(), **case.params(tmp_path), first: 1e308})


def test_latin1_shapefile_keeps_its_umlauts(case, tmp_path):
    path = tmp_path / "latin1.shp"
    ds = ogr.GetDriverByName("ESRI Shapefile").CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(25832)
    base = case.make_input()
    lyr = ds.CreateLayer("latin1", srs, ogr.wkbLineString if case.geometry == "line" else ogr.wkbPolygon)
    lyr.CreateField(ogr.FieldDefn("name", ogr.OFTString))
    for f in base.getFeatures():
        g = ogr.Feature(lyr.GetLayerDefn())
        g.SetField("name", "Grünstraße")
        g.SetGeometry(ogr.CreateGeometryFromWkt(f.geometry().asWkt()))
        lyr.CreateFeature(g)
    ds = None
    # as municipal files come: Latin-1 bytes, no .cpg, no code page byte; the encoding is set in
    # QGIS (the text is rewritten byte for byte: 12 bytes of UTF-8 -> 10 of Latin-1 + 2 blanks)
    path.with_suffix(".cpg").unlink(missing_ok=True)
    dbf = path.with_suffix(".dbf")
    data = bytearray(dbf.read_bytes().replace("Grünstraße".encode(), "Grünstraße".encode("latin-1") + b"  "))
    data[29] = 0
    dbf.write_bytes(bytes(data))
    before = cli.digest(tmp_path)
    layer = QgsVectorLayer(str(path), "latin1", "ogr")
    layer.setProviderEncoding("ISO-8859-1")
    assert next(layer.getFeatures())["name"] == "Grünstraße"
    res, _ = run(case.alg_id, {"INPUT": layer, **case.params(tmp_path)})
    assert {r["name"] for r in result_rows(res["OUTPUT"])} == {"Grünstraße"}
    mine = lambda d: {k: v for k, v in d.items() if Path(k).name.startswith("latin1.")}  # noqa: E731
    assert mine(cli.digest(tmp_path)) == mine(before) and len(mine(before)) >= 3


@pytest.mark.parametrize("ftype,values,warning", [
    ("double", [1e12], "1 values are implausibly large (e.g. 1e+12)"),
    ("string", ["1.000"], "1 values such as '1.000' could mean 1 or 1000"),
])
def test_implausible_and_ambiguous_area_values_are_not_used(case, tmp_path, ftype, values, warning):
    if not has_param(case, "AREA_FIELD"):
        pytest.skip(f"{case.alg_id} has no AREA_FIELD")
    n = case.make_input().featureCount()
    good = [100.0] * (n - 1) if ftype == "double" else ["100"] * (n - 1)
    qtype = QMetaType.Type.Double if ftype == "double" else QMetaType.Type.QString
    layer = variant(case, extra=[("area_val", qtype, values + good)])
    res, fb = run(case.alg_id, {"INPUT": layer, **case.params(tmp_path), "AREA_FIELD": "area_val"})
    flags = {r["name"]: r["gi_flags"] or "" for r in result_rows(res["OUTPUT"])}
    assert any(warning in w for w in fb.warnings), fb.warnings
    # the bad value is replaced by the footprint (flagged); a plausible one is used as given
    assert "area_from_footprint" in flags["F0"] and "area_from_footprint" not in flags["F1"]


# ----------------------------------------------------------------------------------------------
# A layer that is ignored does not score
# ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("param,key", [("SEWER", "sewer"), ("PARKS", "green")])
def test_a_layer_without_polygons_is_ignored_and_its_criterion_left_out(case, tmp_path, param, key):
    if not has_param(case, param):
        pytest.skip(f"{case.alg_id} has no {param}")
    lines = QgsVectorLayer("LineString?crs=EPSG:25832", "lines", "memory")
    f = QgsFeature(lines.fields())
    f.setGeometry(QgsGeometry.fromWkt(f"LINESTRING({X0 - 50} {Y0 + 10},{X0 + 400} {Y0 + 10})"))
    lines.dataProvider().addFeatures([f])
    res, fb = run(case.alg_id, {"INPUT": case.make_input(), **case.params(tmp_path), param: lines})
    assert any("no usable polygons" in w and "ignored" in w for w in fb.warnings)
    spec = spec_of(case.alg_id)
    if key in spec.keys:
        assert any("is left out" in w and spec.criterion(key).field in w for w in fb.warnings), fb.warnings


# ----------------------------------------------------------------------------------------------
# Rasters
# ----------------------------------------------------------------------------------------------
def test_raster_without_crs_is_assumed_in_the_input_crs_with_a_warning(case, tmp_path):
    if not case.raster_param:
        pytest.skip(f"{case.alg_id} has no raster parameter")
    path = raster_file(tmp_path / "nocrs.tif", eastward(), epsg=None)
    res, fb = run(case.alg_id, {"INPUT": case.make_input(), **case.params(tmp_path), case.raster_param: path})
    check_contract(res["OUTPUT"], spec_of(case.alg_id))
    assert any("has no coordinate system" in w and "EPSG:25832" in w for w in fb.warnings)


def test_multiband_raster_uses_band_one_with_a_warning(case, tmp_path):
    if not case.raster_param:
        pytest.skip(f"{case.alg_id} has no raster parameter")
    path = raster_file(tmp_path / "bands.tif", eastward(), bands=3)
    res, fb = run(case.alg_id, {"INPUT": case.make_input(), **case.params(tmp_path), case.raster_param: path})
    check_contract(res["OUTPUT"], spec_of(case.alg_id))
    assert any("has 3 bands; only band 1 is used" in w for w in fb.warnings)


def test_constant_heat_raster_ranks_nothing_and_is_left_out(case, tmp_path):
    if not has_param(case, "HEAT"):
        pytest.skip(f"{case.alg_id} has no HEAT")
    path = raster_file(tmp_path / "flat.tif", np.full((60, 120), 20.0, dtype=np.float32))
    res, fb = run(case.alg_id, {"INPUT": case.make_input(), **case.params(tmp_path), "HEAT": path})
    assert any("has the same value" in w and "left out" in w for w in fb.warnings), fb.warnings
    rows = result_rows(res["OUTPUT"])
    assert all(null(r.get("c_heat")) for r in rows)
    assert not any("01" in (r["gi_hz"] or "").split(",") for r in rows)


@pytest.mark.parametrize("which", ["case", "RAIN"])
def test_truncated_geotiff_is_a_clear_error(case, tmp_path, which):
    param = case.raster_param if which == "case" else which
    if not param or not has_param(case, param):
        pytest.skip(f"{case.alg_id} has no raster parameter {which}")
    good = tmp_path / "good.tif"
    raster_file(good, np.random.default_rng(1).random((400, 120), dtype=np.float32) + 18, y0=Y0 + 1000)
    cut = tmp_path / "cut.tif"
    data = good.read_bytes()
    cut.write_bytes(data[: len(data) // 2])
    out = tmp_path / "out.gpkg"
    with pytest.raises(QgsProcessingException) as err:
        run(case.alg_id, {"INPUT": case.make_input(), **case.params(tmp_path), param: str(cut),
                          "OUTPUT": str(out)})
    text = str(err.value)
    assert "cut" in text and ("truncated" in text or param in text) and "Traceback" not in text
    assert not out.exists()


# ----------------------------------------------------------------------------------------------
# Outputs: all or nothing
# ----------------------------------------------------------------------------------------------
def test_output_onto_the_input_geopackage_is_refused_naming_both(case, tmp_path):
    gpkg = tmp_path / "city.gpkg"
    src = save_gpkg(case.make_input(), gpkg)
    before = file_hash(gpkg)
    with pytest.raises(QgsProcessingException, match=r"output OUTPUT \(.*city.gpkg\) is the file of the input INPUT"):
        run(case.alg_id, {"INPUT": src, **case.params(tmp_path), "OUTPUT": str(gpkg)})
    assert file_hash(gpkg) == before


def test_output_onto_the_file_of_another_input_layer_is_refused(case, tmp_path):
    others = [p.name() for p in algorithm(case).parameterDefinitions()
              if p.type() == "source" and p.name() != "INPUT"]
    if not others:
        pytest.skip(f"{case.alg_id} has no second vector input")
    from helpers.layers import memory_layer, square

    gpkg = tmp_path / "other.gpkg"
    src = save_gpkg(memory_layer([(square(X0 - 500, Y0 - 500), "x")], name="other"), gpkg)
    before = file_hash(gpkg)
    with pytest.raises(QgsProcessingException, match=f"is the file of the input {others[0]}"):
        run(case.alg_id, {"INPUT": case.make_input(), **case.params(tmp_path), others[0]: src, "OUTPUT": str(gpkg)})
    assert file_hash(gpkg) == before


def test_cancel_keeps_the_earlier_output(case, tmp_path):
    out = tmp_path / "out.gpkg"
    run(case.alg_id, {"INPUT": case.make_input(), **case.params(tmp_path), "OUTPUT": str(out)})
    before = file_hash(out)
    with pytest.raises(QgsProcessingException, match="Canceled"):
        run(case.alg_id, {"INPUT": case.make_input(), **case.params(tmp_path), "OUTPUT": str(out)},
            feedback=CancelAt(80.0))
    assert file_hash(out) == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".gi-earlier")]  # no copy left


def test_a_failed_run_keeps_the_earlier_output(case, tmp_path):
    out = tmp_path / "out.gpkg"
    run(case.alg_id, {"INPUT": case.make_input(), **case.params(tmp_path), "OUTPUT": str(out)})
    before = file_hash(out)
    if not case.raster_param:
        pytest.skip(f"{case.alg_id} has no raster parameter to break")
    cut = tmp_path / "cut.tif"
    raster_file(tmp_path / "g.tif", eastward(400, 120), y0=Y0 + 1000)
    cut.write_bytes((tmp_path / "g.tif").read_bytes()[:3000])
    with pytest.raises(QgsProcessingException):
        run(case.alg_id, {"INPUT": case.make_input(), **case.params(tmp_path), case.raster_param: str(cut),
                          "OUTPUT": str(out)})
    assert file_hash(out) == before


def on_disk(value, path):
    """A parameter value for the command line: a memory layer saved to ``path``, a layer's source."""
    from qgis.core import QgsMapLayer

    if isinstance(value, QgsVectorLayer) and value.providerType() == "memory":
        return save_gpkg(value, path)
    if isinstance(value, QgsMapLayer):
        return value.source()
    return value


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    return cli.install_profile(tmp_path_factory.mktemp("profile"))


def test_qgis_process_exit_code_says_whether_a_result_was_written(case, env, tmp_path):
    gpkg = tmp_path / "city.gpkg"
    src = save_gpkg(case.make_input(), gpkg)
    before = file_hash(gpkg)
    params = {k: on_disk(v, tmp_path / f"param_{k.lower()}.gpkg") for k, v in case.params(tmp_path).items()}
    onto = cli.run(env, case.alg_id, INPUT=src, OUTPUT=gpkg, **params)
    text = onto.stdout + onto.stderr
    assert onto.returncode != 0 and "is the file of the input" in text and "Traceback" not in text
    assert file_hash(gpkg) == before
    first = spec_of(case.alg_id).criteria[0].weight_param
    huge = cli.run(env, case.alg_id, INPUT=src, OUTPUT=tmp_path / "w.gpkg", **{first: "1e308"}, **params)
    assert huge.returncode != 0 and not (tmp_path / "w.gpkg").exists()
    out = tmp_path / "out.gpkg"
    ok = cli.run(env, case.alg_id, INPUT=src, OUTPUT=out, **params)
    assert ok.returncode == 0, ok.stderr[-2000:]
    assert len(ogr_rows(out)) >= case.make_input().featureCount()  # one row per feature or more


# ----------------------------------------------------------------------------------------------
# the shared machinery itself (no algorithm)
# ----------------------------------------------------------------------------------------------
def test_german_thousands_are_read_only_where_the_column_decides():
    from gi_qgis_plugin.processing.checks import numbers_from_text

    v, ambiguous = numbers_from_text(["1.000", "12,5", "7"])
    assert v.tolist() == [1000.0, 12.5, 7.0] and ambiguous == 0  # a German column
    v, ambiguous = numbers_from_text(["1.000", "12.5", "7", None])
    assert math.isnan(v[0]) and v[1:3].tolist() == [12.5, 7.0] and ambiguous == 1


def test_scale_factor_of_web_mercator_and_utm():
    from qgis.core import QgsRectangle

    from gi_qgis_plugin.processing.crs import scale_factor

    # Web Mercator at 51.5° N: 1 / cos(51.5°) = 1.606; ETRS89 / UTM 32N near its central meridian: 0.9996
    k = scale_factor(QgsCoordinateReferenceSystem("EPSG:3857"), QgsRectangle(760000, 6710000, 761000, 6711000))
    lat = math.degrees(2 * math.atan(math.exp(6710500 / 6378137.0)) - math.pi / 2)
    assert k == pytest.approx(1 / math.cos(math.radians(lat)), rel=5e-3)
    u = scale_factor(QgsCoordinateReferenceSystem("EPSG:25832"), QgsRectangle(500000, 5700000, 501000, 5701000))
    assert u == pytest.approx(0.9996, abs=2e-4)


def test_zonal_mean_of_a_huge_feature_runs_in_bands_with_progress_and_cancel(gi_provider, tmp_path, monkeypatch):
    import shapely

    from gi_qgis_plugin.processing import raster as rasters
    from gi_qgis_plugin.scoring.progress import Canceled, Progress

    # 400 × 400 cells of 1 m, value = column index: a 300 × 300 m square from column 50 holds
    # the columns 50 … 349, mean 199.5, 90,000 cells
    arr = np.tile(np.arange(400, dtype=np.float32), (400, 1))
    layer = QgsRasterLayer(raster_file(tmp_path / "fine.tif", arr, x0=X0, y0=Y0 + 400, cell=1.0), "fine")
    geoms = np.array([shapely.box(X0 + 50, Y0 + 50, X0 + 350, Y0 + 350)], dtype=object)
    monkeypatch.setattr(rasters, "CELL_BUDGET", 10_000)  # bands of 33 rows
    crs = QgsCoordinateReferenceSystem("EPSG:25832")
    fb = RecordingFeedback()
    res = rasters.zonal_mean(layer, geoms, crs, QgsProcessingContext(), Progress(fb))
    assert res.mean[0] == pytest.approx(199.5) and res.cells[0] == 300 * 300
    assert len(set(fb.progress_values)) >= 9  # progress from inside the one feature, band by band
    fb = CancelAt(20.0)
    with pytest.raises(Canceled):
        rasters.zonal_mean(layer, geoms, crs, QgsProcessingContext(), Progress(fb))
    assert max(fb.progress_values) < 90  # stopped inside the feature


# ----------------------------------------------------------------------------------------------
# the same machinery on lines (the line demo algorithm of test_scoring_base_lines, until streets
# registers its own case)
# ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("wkt,geom_type,length", [
    # half a circle of radius 50 m
    (f"CIRCULARSTRING({X0} {Y0 + 10},{X0 + 50} {Y0 + 60},{X0 + 100} {Y0 + 10})", "CircularString", math.pi * 50.0),
    # a line of 100 m with a point beside it
    (f"GEOMETRYCOLLECTION(LINESTRING({X0} {Y0 + 10},{X0 + 100} {Y0 + 10}),POINT({X0} {Y0}))", "GeometryCollection", 100.0),
])
def test_lines_curved_or_in_collections_are_scored_as_lines(gi_provider, tmp_path, wkt, geom_type, length):
    import processing
    from helpers.layers import memory_layer
    from test_scoring_base_lines import make_algorithm

    layer = memory_layer([(wkt, "A")], "name:string", geom=geom_type, name="streets")
    if not layer.crs().isValid():
        layer.setCrs(QgsCoordinateReferenceSystem("EPSG:25832"))
    heat = raster_file(tmp_path / "heat.tif", eastward(40, 80), x0=X0 - 50, y0=Y0 + 100, cell=5.0)
    fb = RecordingFeedback()
    out = processing.run(make_algorithm(), {"INPUT": layer, "HEAT": heat, "OUTPUT": "TEMPORARY_OUTPUT"},
                         feedback=fb)["OUTPUT"]
    halves = [f.geometry().length() for f in out.getFeatures()]
    assert sum(halves) == pytest.approx(length, rel=1e-2) and len(halves) == 2
    assert all(f.geometry().type().name == "Line" for f in out.getFeatures())
    assert any("curved geometries" in w or "geometry collections" in w for w in fb.warnings), fb.warnings
