"""gi:importlod2 through processing.run (needs QGIS)."""

from __future__ import annotations

import math

import pytest
from conftest import recording_feedback_class
from qgis.core import (
    Qgis,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsVectorLayer,
)
from test_lod2 import X0, Y0, independent_counts, synthetic_tile

FIELD_NAMES = [
    "gml_id", "function", "roof_type", "roof_name", "roof_src", "height_m", "footprint_m2",
    "roof_area_m2", "flat_roof_m2", "slope_deg", "slope_max_deg", "gem_schl",
    "t_0_5_m2", "t_5_15_m2", "t_15_30_m2", "t_30_45_m2", "t_gt45_m2",
    "h_0_5_m2", "h_5_15_m2", "h_15_30_m2", "h_30_45_m2", "h_gt45_m2",
]


Feedback = recording_feedback_class()


def run(params: dict, tmp_path, feedback: QgsProcessingFeedback | None = None):
    import processing

    out = str(tmp_path / "lod2.gpkg")
    feedback = feedback or Feedback()
    processing.run("gi:importlod2", {"OUTPUT": out, **params}, feedback=feedback)
    layer = QgsVectorLayer(out, "lod2", "ogr")
    assert layer.isValid()
    return layer, feedback


def rows(layer: QgsVectorLayer) -> dict[str, dict]:
    return {f["gml_id"]: {n: f[n] for n in FIELD_NAMES} | {"_geom": f.geometry()} for f in layer.getFeatures()}


def is_null(v) -> bool:
    return v is None or (hasattr(v, "isNull") and v.isNull())


@pytest.fixture
def tile(tmp_path):
    path = tmp_path / "tile.gml"
    path.write_text(synthetic_tile(), encoding="utf-8")
    return path


def test_algorithm_is_registered_in_the_data_group(gi_provider):
    from qgis.core import QgsApplication

    alg = QgsApplication.processingRegistry().algorithmById("gi:importlod2")
    assert alg is not None
    assert alg.groupId() == "data"
    assert {p.name() for p in alg.parameterDefinitions()} == {"INPUT", "FOLDER", "FLAT_SLOPE", "OUTPUT"}
    assert "Newell" in alg.shortHelpString() and "dl-de/zero-2-0" in alg.shortHelpString()


def test_synthetic_tile_fields_and_hand_worked_values(gi_provider, tile, tmp_path):
    layer, fb = run({"INPUT": str(tile)}, tmp_path)
    assert [f.name() for f in layer.fields()] == ["fid", *FIELD_NAMES]
    assert layer.wkbType() == Qgis.WkbType.MultiPolygon
    assert layer.crs().authid() == "EPSG:25832"
    r = rows(layer)
    assert set(r) == {"FLAT", "GABLE", "PARTS", "AGREE", "COURT", "HREF", "MIXED"}

    flat = r["FLAT"]
    assert (flat["function"], flat["roof_type"], flat["roof_name"], flat["roof_src"], flat["gem_schl"]) == (
        "31001_1010", "1000", "Flachdach", "building", "05170048"
    )
    assert flat["roof_area_m2"] == pytest.approx(100.0, abs=1e-6)
    assert flat["flat_roof_m2"] == pytest.approx(100.0, abs=1e-6)
    assert flat["footprint_m2"] == pytest.approx(100.0, abs=1e-6)
    assert flat["slope_deg"] == pytest.approx(0.0, abs=1e-6)
    assert flat["height_m"] == 10.0
    assert flat["_geom"].area() == pytest.approx(100.0, abs=1e-6)
    assert flat["_geom"].boundingBox().xMinimum() == pytest.approx(X0)
    assert flat["_geom"].boundingBox().yMinimum() == pytest.approx(Y0)

    gable = r["GABLE"]
    half = 10.0 * 5.0 / math.cos(math.radians(30.0))
    assert gable["roof_area_m2"] == pytest.approx(2 * half, abs=1e-6)
    assert gable["slope_deg"] == pytest.approx(30.0, abs=1e-6)
    assert gable["slope_max_deg"] == pytest.approx(30.0, abs=1e-6)
    assert gable["flat_roof_m2"] == pytest.approx(0.0, abs=1e-6)
    assert gable["roof_name"] == "Satteldach"
    # per slope class: both halves at 30° in 15–30°, horizontally the 10 × 10 m footprint
    assert gable["t_15_30_m2"] == pytest.approx(2 * half, abs=1e-6) and gable["h_15_30_m2"] == pytest.approx(100.0, abs=1e-6)
    assert gable["t_30_45_m2"] == pytest.approx(0.0, abs=1e-9) and gable["t_0_5_m2"] == pytest.approx(0.0, abs=1e-9)
    assert flat["t_0_5_m2"] == pytest.approx(100.0, abs=1e-6) and flat["h_0_5_m2"] == pytest.approx(100.0, abs=1e-6)

    assert (r["PARTS"]["roof_type"], r["PARTS"]["roof_src"]) == ("1000", "parts")
    assert (r["AGREE"]["roof_type"], r["AGREE"]["roof_src"]) == ("3100", "parts")
    assert is_null(r["AGREE"]["function"]) and is_null(r["AGREE"]["gem_schl"])

    # the building without geometry is named in a warning
    assert any("NOGEOM" in w and "skipped" in w for w in fb.warnings)


def test_flat_slope_parameter_changes_the_flat_area(gi_provider, tile, tmp_path):
    layer, _ = run({"INPUT": str(tile), "FLAT_SLOPE": 31.0}, tmp_path)
    gable = rows(layer)["GABLE"]
    assert gable["flat_roof_m2"] == pytest.approx(gable["roof_area_m2"], abs=1e-9)


def test_missing_crs_is_assumed_with_a_warning(gi_provider, tmp_path):
    path = tmp_path / "nosrs.gml"
    path.write_text(synthetic_tile(srs=None), encoding="utf-8")
    layer, fb = run({"INPUT": str(path)}, tmp_path)
    assert layer.featureCount() == 7
    assert layer.crs().authid() == "EPSG:25832"
    assert any("EPSG:25832" in w and "assumed" in w for w in fb.warnings)


def test_a_folder_is_accepted_as_input_too(gi_provider, tile, tmp_path):
    folder = tmp_path / "tiles"
    folder.mkdir()
    (folder / "a.gml").write_text(tile.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "b.gml").write_text(tile.read_text(encoding="utf-8"), encoding="utf-8")
    layer, fb = run({"INPUT": str(folder)}, tmp_path)
    # b.gml is a copy of a.gml: its buildings are counted once, and the copy is named
    assert layer.featureCount() == 7
    assert any("b.gml holds the same buildings as a.gml" in w for w in fb.warnings)
    # the same file in INPUT and FOLDER is read once (no duplicate warning for it)
    (folder / "b.gml").unlink()
    layer, fb = run({"INPUT": str(folder / "a.gml"), "FOLDER": str(folder)}, tmp_path)
    assert layer.featureCount() == 7
    assert not any("same buildings" in w for w in fb.warnings)


def test_citygml_without_usable_buildings_gives_an_empty_output_and_says_why(gi_provider, tmp_path):
    from test_lod2 import HEAD, SRS, TAIL, attrs, building

    lod1 = tmp_path / "lod1.gml"
    lod1.write_text(HEAD.format(srs=SRS) + building("B1", attrs("31001_1010", "1000", 5.0)) + TAIL, encoding="utf-8")
    layer, fb = run({"INPUT": str(lod1)}, tmp_path)
    assert layer.featureCount() == 0
    assert any("LoD1" in w for w in fb.warnings)
    empty = tmp_path / "empty.gml"
    empty.write_text(HEAD.format(srs=SRS) + TAIL, encoding="utf-8")
    layer, fb = run({"INPUT": str(empty)}, tmp_path)
    assert layer.featureCount() == 0
    assert any("no buildings" in w for w in fb.warnings)


def test_no_input_is_a_clear_error(gi_provider, tmp_path):
    with pytest.raises(QgsProcessingException, match="choose a CityGML file"):
        run({}, tmp_path)


def test_missing_path_is_a_clear_error(gi_provider, tmp_path):
    with pytest.raises(QgsProcessingException, match="does not exist"):
        run({"INPUT": str(tmp_path / "nope.gml")}, tmp_path)


def test_folder_without_gml_is_a_clear_error(gi_provider, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "readme.txt").write_text("nothing")
    with pytest.raises(QgsProcessingException, match=r"contains no CityGML files"):
        run({"FOLDER": str(empty)}, tmp_path)


def test_non_citygml_file_is_a_clear_error(gi_provider, tmp_path):
    path = tmp_path / "other.gml"
    path.write_text(
        '<?xml version="1.0"?><ogr:FeatureCollection xmlns:ogr="http://ogr.maptools.org/"/>',
        encoding="utf-8",
    )
    with pytest.raises(QgsProcessingException, match="is not a CityGML file"):
        run({"INPUT": str(path)}, tmp_path)


def test_cancel_ends_with_a_message_and_leaves_no_output_file(gi_provider, tile, tmp_path):
    """One cancel policy: the reader stops, the started GeoPackage is removed, the run says so."""
    fb = Feedback()
    fb.progressChanged.connect(lambda p: fb.cancel() if p > 0 else None)
    with pytest.raises(QgsProcessingException, match="Canceled"):
        run({"INPUT": str(tile)}, tmp_path, feedback=fb)
    assert fb.isCanceled()
    assert not list(tmp_path.glob("*.gpkg"))


@pytest.mark.shared_data
def test_wesel_tiles(gi_provider, lod2_dir, tmp_path):
    per_tile, own_code, parts_only = independent_counts(lod2_dir)
    assert per_tile == [50, 191, 70]
    layer, fb = run({"FOLDER": str(lod2_dir)}, tmp_path)
    assert layer.featureCount() == 311
    assert layer.crs().authid() == "EPSG:25832"
    assert not fb.warnings  # CRS recognised, nothing skipped
    r = rows(layer)
    assert len(r) == 311
    for v in r.values():
        g = v["_geom"]
        assert not g.isEmpty() and g.isGeosValid() and g.area() > 0
    # slope vs official roof type (the building's own code), each ≥ 95 %
    for code, flat in (("1000", True), ("2100", False), ("3100", False), ("3200", False)):
        ids = [g for g, c in own_code.items() if c == code]
        ok = [(r[g]["slope_deg"] <= 5.0) == flat for g in ids]
        assert ids and sum(ok) / len(ok) >= 0.95, (code, sum(ok), len(ok))
    assert {g for g, v in r.items() if v["roof_src"] == "parts"} == parts_only
    assert sum(v["roof_src"] == "parts" for v in r.values()) == len(parts_only) == 30
