"""gi:flatroofs with awkward input: CRS, geometries, NULLs, rasters, parameters, cancel."""

from __future__ import annotations

import math

import numpy as np
import pytest
from conftest import recording_feedback_class
from helpers.feedback import CancelAt
from helpers.layers import memory_layer, raster, square
from qgis.core import (
    NULL,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorLayer,
)

X0, Y0 = 360000.0, 5705000.0  # EPSG:25832, Ruhr area


@pytest.fixture
def alg(qgis_processing):
    """The algorithm itself (independent of the other algorithms in the provider)."""
    from gi_qgis_plugin.processing.flat_roofs import FlatRoofsAlgorithm

    return FlatRoofsAlgorithm().create()


Feedback = recording_feedback_class()


def run(alg, params, feedback=None):
    import processing

    params = {"OUTPUT": "TEMPORARY_OUTPUT", **params}
    fb = feedback or Feedback()
    return processing.run(alg, params, feedback=fb), fb


def buildings(rows, crs="EPSG:25832", fields="slope_deg:double&field=roof_type:string", geom="Polygon"):
    """Memory layer from (wkt, *attributes) rows."""
    return memory_layer(rows, fields, geom, crs, name="buildings")


def null(value) -> bool:
    return value is None or value == NULL


def features(layer):
    return list(layer.getFeatures())


def by_attr(layer, field, value):
    return [f for f in layer.getFeatures() if f[field] == value]


def three_roofs():
    return buildings([
        (square(X0, Y0), 2.0, "1000"),
        (square(X0 + 100, Y0), 20.0, "3100"),
        (square(X0 + 200, Y0), 50.0, "3100"),
    ])


# ----------------------------------------------------------------------------------------------
# CRS
# ----------------------------------------------------------------------------------------------
def test_geographic_input_is_scored_in_metres_and_written_in_utm(alg):
    to_wgs = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:25832"), QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance())
    wkt = QgsGeometry.fromWkt(square(X0, Y0, 30.0))
    wkt.transform(to_wgs)
    layer = buildings([(wkt.asWkt(12), 0.0, "1000")], crs="EPSG:4326")
    res, fb = run(alg, {"INPUT": layer})
    out = res["OUTPUT"]
    assert out.crs().authid() == "EPSG:25832"
    f = features(out)[0]
    assert f["greenable_m2"] == pytest.approx(0.75 * 900.0, rel=1e-3)  # 30 m × 30 m, NET_FACTOR 0.75
    assert any("geographic" in w for w in fb.warnings)
    assert layer.crs().authid() == "EPSG:4326" and features(layer)[0].geometry().asWkt(12) == wkt.asWkt(12)


def shapefile_without_crs(path, wkts):
    """A shapefile without .prj (as NRW data often comes); memory layers always have a CRS."""
    from osgeo import ogr

    ds = ogr.GetDriverByName("ESRI Shapefile").CreateDataSource(str(path))
    lyr = ds.CreateLayer("b", None, ogr.wkbPolygon)
    lyr.CreateField(ogr.FieldDefn("slope_deg", ogr.OFTReal))
    for w in wkts:
        f = ogr.Feature(lyr.GetLayerDefn())
        f.SetGeometry(ogr.CreateGeometryFromWkt(w))
        f.SetField("slope_deg", 1.0)
        lyr.CreateFeature(f)
    ds = None
    layer = QgsVectorLayer(str(path), "nocrs", "ogr")
    assert layer.isValid() and not layer.crs().isValid()
    return layer


def test_missing_crs_with_utm_coordinates_assumes_25832(alg, tmp_path):
    layer = shapefile_without_crs(tmp_path / "nocrs.shp", [square(X0, Y0)])
    res, fb = run(alg, {"INPUT": layer})
    assert res["OUTPUT"].crs().authid() == "EPSG:25832"
    assert features(res["OUTPUT"])[0]["greenable_m2"] == pytest.approx(0.75 * 400 / math.cos(math.radians(1)))
    assert any("no CRS" in w for w in fb.warnings)


def test_missing_crs_with_other_coordinates_is_an_error(alg, tmp_path):
    layer = shapefile_without_crs(tmp_path / "nocrs0.shp", [square(0, 0)])
    source = layer.source()
    del layer  # pass the path, as qgis_process does; a layer object kept alive by the traceback
    # outlives QgsApplication and crashes the interpreter at exit
    with pytest.raises(QgsProcessingException, match="no coordinate reference system"):
        run(alg, {"INPUT": source})


def test_geographic_crs_on_metre_coordinates_is_an_error(alg):
    layer = buildings([(square(X0, Y0), 0.0, "1000")], crs="EPSG:4326")
    with pytest.raises(QgsProcessingException, match="not degrees"):
        run(alg, {"INPUT": layer})


def test_other_layers_and_rasters_in_other_crs_are_reprojected(alg, tmp_path):
    roofs = three_roofs()
    # parks: a 1 ha park 150 m west of the first roof, given in EPSG:4326
    park = QgsGeometry.fromWkt(square(X0 - 250, Y0 - 40, 100.0))
    park.transform(QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:25832"), QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance()))
    parks = buildings([(park.asWkt(12),)], crs="EPSG:4326", fields="name:string")
    # heat raster in EPSG:3857 covering all roofs: value rises from west to east
    to_merc = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:25832"), QgsCoordinateReferenceSystem("EPSG:3857"), QgsProject.instance())
    ll = to_merc.transform(QgsPointXY(X0 - 50, Y0 - 50))
    ur = to_merc.transform(QgsPointXY(X0 + 300, Y0 + 100))
    cols = 70
    cell = (ur.x() - ll.x()) / cols
    rows = int(math.ceil((ur.y() - ll.y()) / cell))
    arr = np.tile(np.arange(cols, dtype=np.float32), (rows, 1))
    heat = raster(tmp_path / "heat3857.tif", arr, ll.x(), ur.y(), cell, epsg=3857)
    res, fb = run(alg, {"INPUT": roofs, "PARKS": parks, "HEAT": heat})
    out = {f["slope_deg"]: f for f in features(res["OUTPUT"])}
    # nearest park edge: the park ends at X0 - 150, the roof starts at X0 -> 150 m
    assert out[2.0]["c_green"] == pytest.approx(0.5, abs=0.01)
    assert out[20.0]["c_green"] == pytest.approx(250 / 300, abs=0.01)
    assert out[50.0]["c_green"] == 1.0  # 350 m: beyond PARK_DISTANCE
    # heat: classes by the z-score against the whole raster (values 0…69 from west to east,
    # mean 34.5, sd √((70² − 1) / 12) = 20.2; cells about 5 m): roof 1 (50–70 m from the raster's
    # west edge) ≈ 12 → z ≈ −1.1 → class 1; roof 2 ≈ 32 → z ≈ −0.1 → class 2; roof 3 ≈ 52 →
    # z ≈ 0.9 → class 3; c_heat = (class − 1) / 4. Never min–max over the three roofs.
    assert [out[s]["c_heat"] for s in (2.0, 20.0, 50.0)] == [0.0, 0.25, 0.5]


# ----------------------------------------------------------------------------------------------
# Geometries and attributes
# ----------------------------------------------------------------------------------------------
def test_invalid_empty_multipart_and_zm_geometries(alg):
    bowtie = f"POLYGON(({X0} {Y0},{X0 + 20} {Y0 + 20},{X0 + 20} {Y0},{X0} {Y0 + 20},{X0} {Y0}))"  # 200 m² after repair
    multi = f"MULTIPOLYGON((({X0 + 100} {Y0},{X0 + 110} {Y0},{X0 + 110} {Y0 + 10},{X0 + 100} {Y0 + 10},{X0 + 100} {Y0})),(({X0 + 120} {Y0},{X0 + 130} {Y0},{X0 + 130} {Y0 + 10},{X0 + 120} {Y0 + 10},{X0 + 120} {Y0})))"
    zm = f"POLYGON ZM(({X0 + 200} {Y0} 5 1,{X0 + 220} {Y0} 5 1,{X0 + 220} {Y0 + 20} 5 1,{X0 + 200} {Y0 + 20} 5 1,{X0 + 200} {Y0} 5 1))"
    layer = buildings([
        (bowtie, 1.0, "1000"),
        (None, 1.0, "1000"),
        (multi, 1.0, "1000"),
        (zm, 1.0, "1000"),
        ("POLYGON EMPTY", 1.0, "1000"),
    ], geom="MultiPolygonZM")
    res, fb = run(alg, {"INPUT": layer})
    out = features(res["OUTPUT"])
    assert len(out) == 5
    area = sorted(f["greenable_m2"] for f in out if not null(f["greenable_m2"]))
    # footprint / cos(1°) × NET_FACTOR 0.75
    assert area == pytest.approx(sorted([150 / math.cos(math.radians(1)), 150 / math.cos(math.radians(1)), 300 / math.cos(math.radians(1))]), rel=1e-6)
    empty = [f for f in out if f.geometry().isNull() or f.geometry().isEmpty()]
    assert len(empty) == 2
    assert all(f["gi_class"] == "X" and f["gi_flags"].startswith("geom_empty") and null(f["gi_rank"]) for f in empty)
    scored = [f for f in out if f["gi_class"] != "X"]
    assert sorted(f["gi_rank"] for f in scored) == [1, 2, 3]
    assert all(not f.geometry().constGet().is3D() and f.geometry().isMultipart() for f in scored)
    assert any("repaired" in w for w in fb.warnings) and any("no geometry" in w for w in fb.warnings)
    # the input is untouched
    assert layer.featureCount() == 5
    assert not features(layer)[0].geometry().isGeosValid()


def test_null_slope_and_roof_type_are_unknown_never_flat(alg):
    layer = buildings([
        (square(X0, Y0), None, None),
        (square(X0 + 100, Y0), None, "3100"),
        (square(X0 + 200, Y0), None, "1000"),
        (square(X0 + 300, Y0), 3.0, None),
    ])
    res, fb = run(alg, {"INPUT": layer})
    out = {round(f.geometry().centroid().asPoint().x()): f for f in features(res["OUTPUT"])}
    a, b, c, d = (out[round(X0 + k + 10)] for k in (0, 100, 200, 300))
    assert a["slope_class"] == "unbekannt" and null(a["c_slope"]) and "slope_unknown" in a["gi_flags"]
    assert b["slope_class"] == "unbekannt" and "slope_unknown" in b["gi_flags"]
    assert c["slope_class"] == "0-5" and c["c_slope"] == 1.0 and "slope_from_type" in c["gi_flags"]
    assert null(c["slope_deg"])
    assert d["slope_class"] == "0-5" and d["gi_flags"] == ""
    # unknown slope is left out of the score, not read as 0°: score = gi_suit = c_area only,
    # 0.75 × 400 m² = 300 m² net → log10(300 / 10) / log10(1000 / 10) = 0.7386
    assert a["gi_score"] == pytest.approx(100 * math.log10(30) / 2)
    assert any("slope_unknown" in w for w in fb.warnings)


def test_no_slope_or_roof_type_field_drops_the_slope_criterion(alg):
    layer = buildings([(square(X0, Y0), "x"), (square(X0 + 50, Y0), "y")], fields="name:string")
    res, fb = run(alg, {"INPUT": layer})
    out = res["OUTPUT"]
    assert "c_slope" not in out.fields().names()
    assert all(f["slope_class"] == "unbekannt" for f in out.getFeatures())
    assert any("no slope and no roof type field" in w for w in fb.warnings)
    assert any("roof slope (c_slope)" in w for w in fb.warnings)


def test_text_fields_and_flags_in_words(alg):
    layer = buildings([
        (square(X0, Y0), "2,5", "Flachdach", "ja", "nein", "x"),
        (square(X0 + 50, Y0), "7", "flat", "nein", "ja", ""),
    ], fields="neigung:string&field=Dachform:string&field=Denkmal:string&field=gruendach:string&field=solar:string")
    res, fb = run(alg, {"INPUT": layer})
    out = features(res["OUTPUT"])
    listed = [f for f in out if "listed" in f["gi_flags"]]
    green = [f for f in out if "green_exists" in f["gi_flags"]]
    assert len(listed) == 1 and listed[0]["slope_deg"] == 2.5 and "pv_solar_green" in listed[0]["gi_flags"]
    assert "26" in listed[0]["gi_hz"]
    assert len(green) == 1 and green[0]["slope_deg"] == 7.0
    assert any("slope = neigung" in i and "roof type = Dachform" in i and "listed = Denkmal" in i for i in fb.infos)


def test_missing_field_is_an_error_naming_it(alg):
    with pytest.raises(QgsProcessingException, match="nope.*SLOPE_FIELD"):
        run(alg, {"INPUT": three_roofs(), "SLOPE_FIELD": "nope"})


def test_raster_that_does_not_overlap_drops_its_criterion(alg, tmp_path):
    values = np.arange(100, dtype=np.float32).reshape(10, 10)  # not constant: the overlap is what fails
    far = raster(tmp_path / "far.tif", values, X0 + 50000, Y0 + 50000, 10.0)
    res, fb = run(alg, {"INPUT": three_roofs(), "HEAT": far, "RAIN": far})
    names = res["OUTPUT"].fields().names()
    assert "c_heat" not in names and "c_rain" not in names
    assert sum("does not overlap" in w for w in fb.warnings) == 2
    assert any("thermal load (c_heat)" in w for w in fb.warnings)


def test_constant_heat_raster_gives_no_heat_signal_and_a_warning(alg, tmp_path):
    """One value everywhere (e.g. a clipped raster of one class): no c_heat, no HZ 01 from it,
    never 0.5 for every roof."""
    flat = raster(tmp_path / "flat.tif", np.full((40, 40), 21.0, np.float32), X0 - 50, Y0 + 150, 10.0)
    res, fb = run(alg, {"INPUT": three_roofs(), "HEAT": flat})
    out = features(res["OUTPUT"])
    assert "c_heat" not in res["OUTPUT"].fields().names()
    assert all("01" not in f["gi_hz"] for f in out)
    assert any("same value everywhere" in w for w in fb.warnings)


def test_precipitation_raster_replaces_the_value_where_it_has_one(alg, tmp_path):
    # 700 mm/a west of X0 + 90, nodata east of it: roof 1 takes 700, roof 2 the default (flag)
    arr = np.full((40, 40), 700.0, np.float32)
    arr[:, 14:] = -9999
    precip = raster(tmp_path / "precip.tif", arr, X0 - 50, Y0 + 150, 10.0)
    res, fb = run(alg, {"INPUT": three_roofs(), "PRECIP_RASTER": precip, "PRECIP": 900})
    out = {f["slope_deg"]: f for f in features(res["OUTPUT"])}
    # roof 1: 20 m × 20 m flat (2°): 0.7 m/a × 0.75 × 400 m² × (0.9 − 0.5) = 84 m³/a
    assert out[2.0]["retention_m3a"] == pytest.approx(0.7 * 0.75 * 400 * 0.4) and out[2.0]["gi_flags"] == ""
    # roof 2 (20°, sloped rows): 0.9 m/a × 0.75 × 400 m² × (0.9 − 0.6) = 81 m³/a
    assert out[20.0]["retention_m3a"] == pytest.approx(0.9 * 0.75 * 400 * 0.3)
    assert "precip_default" in out[20.0]["gi_flags"]
    assert any("precip_default" in w for w in fb.warnings)


def test_all_nodata_raster_drops_its_criterion(alg, tmp_path):
    nod = raster(tmp_path / "nodata.tif", np.full((40, 40), -9999, np.float32), X0 - 50, Y0 + 150, 10.0)
    res, fb = run(alg, {"INPUT": three_roofs(), "RAIN": nod})
    assert "c_rain" not in res["OUTPUT"].fields().names()
    assert any("only nodata" in w for w in fb.warnings)


def test_nodata_at_one_building_renormalises_and_flags(alg, tmp_path):
    arr = np.full((40, 40), 0.25, np.float32)  # 10 m cells from X0-50 / Y0+150 down
    arr[:, 14:] = -9999  # nodata from X0 + 90 eastwards: roofs 2 and 3 and their rings
    rain = raster(tmp_path / "rain.tif", arr, X0 - 50, Y0 + 150, 10.0)
    res, fb = run(alg, {"INPUT": three_roofs(), "RAIN": rain, "W_SLOPE": 3, "W_AREA": 2, "W_RAIN": 1})
    out = {f["slope_deg"]: f for f in features(res["OUTPUT"])}
    assert out[2.0]["c_rain"] == pytest.approx(1.0)
    assert "rain_nodata" not in out[2.0]["gi_flags"] and "24" in out[2.0]["gi_hz"]
    assert null(out[20.0]["c_rain"]) and "rain_nodata" in out[20.0]["gi_flags"]
    # no need value for roof 2: its score is its suitability, (3 × c_slope + 2 × c_area) / 5
    area = 0.75 * 400 / math.cos(math.radians(20))
    assert out[20.0]["gi_score"] == pytest.approx(100 * (3 * 0.5 + 2 * math.log10(area / 10) / 2) / 5)
    assert any("rain_nodata" in w for w in fb.warnings)
    # option: nodata means dry
    res, _ = run(alg, {"INPUT": three_roofs(), "RAIN": rain, "RAIN_NODATA_DRY": True})
    out = {f["slope_deg"]: f for f in features(res["OUTPUT"])}
    assert out[20.0]["c_rain"] == 0.0 and "rain_nodata" not in out[20.0]["gi_flags"]


def test_heat_polygons_need_a_field_and_text_classes_map_by_name(alg):
    roofs = three_roofs()
    polys = buildings([
        (square(X0 - 10, Y0 - 10, 60.0), "sehr ungünstig"),
        (square(X0 + 90, Y0 - 10, 60.0), "günstig"),
    ], fields="bewertung:string")
    with pytest.raises(QgsProcessingException, match="HEAT_FIELD"):
        run(alg, {"INPUT": roofs, "HEAT_POLYGONS": polys})
    res, fb = run(alg, {"INPUT": roofs, "HEAT_POLYGONS": polys, "HEAT_FIELD": "bewertung"})
    out = {f["slope_deg"]: f for f in features(res["OUTPUT"])}
    assert out[2.0]["c_heat"] == 1.0 and "01" in out[2.0]["gi_hz"] and "high heat load" in out[2.0]["gi_reason"]
    assert out[20.0]["c_heat"] == 0.25 and "01" not in out[20.0]["gi_hz"]
    assert null(out[50.0]["c_heat"]) and "heat_nodata" in out[50.0]["gi_flags"]


# ----------------------------------------------------------------------------------------------
# Parameters
# ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("params, name", [
    ({"W_SLOPE": -1}, "W_SLOPE"),
    ({"W_HEAT": -0.5}, "W_HEAT"),
    ({"MIN_AREA": -5}, "MIN_AREA"),
    ({"PRECIP": -100}, "PRECIP"),
    ({"RAIN_DEPTH": 0}, "RAIN_DEPTH"),
    ({"PARK_DISTANCE": 0}, "PARK_DISTANCE"),
    ({"MIN_AREA": 2000}, "AREA_FULL"),
    ({"TARGET_SHARE": 150}, "TARGET_SHARE"),
    ({"MAX_SLOPE": 100}, "MAX_SLOPE"),
    ({"NET_FACTOR": 0}, "NET_FACTOR"),
    ({"LISTED_MALUS": 2}, "LISTED_MALUS"),
    ({"HEAT_BREAKS": "16,warm,18"}, "HEAT_BREAKS"),
    ({"HEAT_BURDENED": 5}, "HEAT_BURDENED"),
    ({"NEED_SHARE": 1.5}, "NEED_SHARE"),
    ({"HEIGHT_LOW": 5}, "HEIGHT_LOW"),
])
def test_absurd_parameters_are_errors_naming_the_parameter(alg, params, name):
    with pytest.raises(QgsProcessingException, match=name):
        run(alg, {"INPUT": three_roofs(), **params})


def test_all_weights_zero_is_a_clear_error(alg):
    zero = {p: 0 for p in ("W_SLOPE", "W_AREA", "W_BUILD", "W_HEAT", "W_RAIN", "W_SEWER", "W_GREEN", "W_SCOPE")}
    with pytest.raises(QgsProcessingException, match="weights"):
        run(alg, {"INPUT": three_roofs(), **zero})


def test_weight_only_on_a_criterion_without_data_is_an_error(alg):
    only_heat = {p: 0 for p in ("W_SLOPE", "W_AREA", "W_BUILD", "W_RAIN", "W_SEWER", "W_GREEN", "W_SCOPE")}
    with pytest.raises(QgsProcessingException, match="No criterion with data"):
        run(alg, {"INPUT": three_roofs(), "W_HEAT": 1, **only_heat})


def test_processalgorithm_checks_numbers_itself(alg, qgis_processing):
    """Called without checkParameterValues (e.g. by another algorithm), the check still holds."""
    from qgis.core import QgsProcessingContext

    ctx = QgsProcessingContext()
    ctx.setProject(QgsProject.instance())
    params = {"INPUT": three_roofs(), "MIN_AREA": -1, "OUTPUT": "TEMPORARY_OUTPUT"}
    with pytest.raises(QgsProcessingException, match="MIN_AREA"):
        alg.processAlgorithm(params, ctx, QgsProcessingFeedback())


# ----------------------------------------------------------------------------------------------
# Cancel
# ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("at", [40.0, 85.0])  # while rasters are sampled / while the output is written
def test_cancel_leaves_no_output_file(alg, sample_gpkg, tmp_path, at):
    """Cancel in the middle (park distances running on the other core) or while writing: the
    run ends with a message and the GeoPackage it had started is removed again."""
    g = str(sample_gpkg)
    out = tmp_path / "roofs.gpkg"
    fb = CancelAt(at)
    with pytest.raises(QgsProcessingException, match="Canceled"):
        run(alg, {"INPUT": f"{g}|layername=buildings", "HEAT": str(sample_gpkg.parent / "heat.tif"),
                  "RAIN": str(sample_gpkg.parent / "starkregen.tif"), "PARKS": f"{g}|layername=parks",
                  "OUTPUT": str(out)}, feedback=fb)
    assert not out.exists()


# ----------------------------------------------------------------------------------------------
# Secondary layers that do not fit
# ----------------------------------------------------------------------------------------------
def test_listed_layer_flags_the_roofs_inside_it_with_a_malus(alg):
    """DSchG NRW asks for a permit, not a ban: a listed roof keeps its rank, with c_build 0.5."""
    denkmal = buildings([(square(X0 + 90, Y0 - 10, 40.0), "Denkmalbereich Altstadt")], fields="name:string")
    res, fb = run(alg, {"INPUT": three_roofs(), "LISTED_LAYER": denkmal})
    out = {f["slope_deg"]: f for f in features(res["OUTPUT"])}
    assert out[20.0]["gi_class"] != "X" and out[20.0]["gi_flags"].split(",")[0] == "listed"
    assert out[20.0]["c_build"] == 0.5 and out[2.0]["c_build"] == 1.0
    assert "monument law" in out[20.0]["gi_reason"]
    assert "listed" not in out[2.0]["gi_flags"]
    # roof 2 (20°, 0.75 × 400 / cos 20° m²): suit = (2 × 0.5 + 2 × c_area + 1 × 0.5) / 5
    c_area = math.log10(0.75 * 400 / math.cos(math.radians(20)) / 10) / 2
    assert out[20.0]["gi_suit"] == pytest.approx(100 * (2 * 0.5 + 2 * c_area + 0.5) / 5)
    assert any("1 buildings lie in a listed-buildings polygon" in i for i in fb.infos)


def test_scope_value_that_no_polygon_has_warns_and_scores_zero(alg):
    scope = buildings([(square(X0 - 50, Y0 - 50, 400.0), "Zwischenstadt")], fields="raumtyp:string")
    res, fb = run(alg, {"INPUT": three_roofs(), "SCOPE": scope})
    out = features(res["OUTPUT"])
    assert all(f["in_target_scope"] == 0 and f["c_scope"] == 0.0 for f in out)
    assert any("Innenstadt" in w and "Zwischenstadt" in w for w in fb.warnings)
    res, _ = run(alg, {"INPUT": three_roofs(), "SCOPE": scope, "SCOPE_VALUE": "zwischenstadt"})
    assert all(f["in_target_scope"] == 1 for f in features(res["OUTPUT"]))
    # without a scope layer the field is there but empty
    res, _ = run(alg, {"INPUT": three_roofs()})
    assert all(null(f["in_target_scope"]) for f in features(res["OUTPUT"]))
