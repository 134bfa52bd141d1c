"""processing/outputs.py: destinations, field names the destination keeps, output ≠ input."""

from __future__ import annotations

import pytest
from conftest import recording_feedback_class
from qgis.core import QgsField, QgsFields, QgsProcessingException
from qgis.PyQt.QtCore import QMetaType

from gi_qgis_plugin.processing.outputs import check_not_an_input, destination, safe_field_names


def fields(*names: str) -> QgsFields:
    out = QgsFields()
    for n in names:
        out.append(QgsField(n, QMetaType.Type.Double))
    return out


def names(f: QgsFields) -> list[str]:
    return [f.at(i).name() for i in range(f.count())]


def test_destinations_are_parsed():
    assert destination("/data/out.gpkg").path == "/data/out.gpkg"
    assert destination("/data/out.gpkg").suffix == ".gpkg"
    d = destination("ogr:dbname='/data/city.gpkg' table=\"roofs\" (geom)")
    assert (d.path, d.layer) == ("/data/city.gpkg", "roofs")
    assert destination("memory:roofs").path == ""
    assert destination("postgis:dbname='gis' table=\"x\"").path == ""
    assert destination("C:/data/out.shp").path == "C:/data/out.shp"  # a drive letter is no scheme


def test_shapefile_names_are_cut_to_ten_characters_and_clashes_numbered():
    fb = recording_feedback_class()()
    f, renames = safe_field_names(fields("gml_id", "flat_roof_m2", "flat_roof_area", "slope_deg"),
                                  destination("/x/out.shp"), fb)
    assert names(f) == ["gml_id", "flat_roof_", "flat_roo_2", "slope_deg"]
    assert renames == [("flat_roof_m2", "flat_roof_"), ("flat_roof_area", "flat_roo_2")]
    assert fb.warnings and "flat_roof_m2 → flat_roof_" in fb.warnings[0]
    assert f.at(1).type() == QMetaType.Type.Double  # only the name changes


def test_geopackage_reserved_names_and_case_twins_are_renamed():
    f, renames = safe_field_names(fields("fid", "geom", "Slope", "slope", "name"), destination("/x/out.gpkg"),
                                  keep_fid=False)
    assert names(f) == ["fid_2", "geom_2", "Slope", "slope_2", "name"]
    assert len(renames) == 3
    # a fid of unique integers (the input's own GeoPackage fid) stays the output's fid
    f, renames = safe_field_names(fields("fid", "name"), destination("/x/out.gpkg"))
    assert names(f) == ["fid", "name"] and renames == []


def test_the_algorithms_own_fields_win_over_input_fields():
    # an input field GI_SCORE (from an earlier run) gives way to the new gi_score
    f, _ = safe_field_names(fields("GI_SCORE", "gi_score"), destination("/x/out.gpkg"), own=[1])
    assert names(f) == ["GI_SCORE_2", "gi_score"]
    f, _ = safe_field_names(fields("GI_SCORE", "gi_score"), destination("/x/out.gpkg"))
    assert names(f) == ["GI_SCORE", "gi_score_2"]


def test_memory_and_database_outputs_keep_every_name():
    f, renames = safe_field_names(fields("fid", "Slope", "slope", "a_very_long_field_name"), destination("memory:"))
    assert renames == [] and names(f) == ["fid", "Slope", "slope", "a_very_long_field_name"]


def test_output_onto_an_input_is_refused_naming_both(tmp_path):
    gpkg = tmp_path / "city.gpkg"
    gpkg.write_bytes(b"x")
    with pytest.raises(QgsProcessingException, match=r"OUTPUT \(.*city.gpkg\) is the file of the input INPUT"):
        check_not_an_input(destination(str(gpkg)), [("INPUT", str(gpkg), "buildings")])
    # the same file written through another spelling of the path
    with pytest.raises(QgsProcessingException):
        check_not_an_input(destination(str(tmp_path / "." / "city.gpkg")), [("INPUT", str(gpkg), "buildings")])
    # another layer inside the input's GeoPackage leaves the input's layer alone
    check_not_an_input(destination(f"ogr:dbname='{gpkg}' table=\"roofs\" (geom)"), [("INPUT", str(gpkg), "buildings")])
    with pytest.raises(QgsProcessingException):
        check_not_an_input(destination(f"ogr:dbname='{gpkg}' table=\"Buildings\" (geom)"),
                           [("INPUT", str(gpkg), "buildings")])
    check_not_an_input(destination(str(tmp_path / "other.gpkg")), [("INPUT", str(gpkg), "buildings")])


def test_a_finished_output_is_opened_again_and_counted(gi_provider, tmp_path):
    from osgeo import ogr, osr
    from qgis.core import QgsApplication, QgsProcessingContext

    from gi_qgis_plugin.processing.outputs import GuardedOutput

    path = tmp_path / "out.gpkg"
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(25832)
    lyr = ds.CreateLayer("out", srs, ogr.wkbPoint)
    for i in range(3):
        f = ogr.Feature(lyr.GetLayerDefn())
        f.SetGeometry(ogr.CreateGeometryFromWkt(f"POINT({i} 0)"))
        lyr.CreateFeature(f)
    ds = None
    alg = QgsApplication.processingRegistry().createAlgorithmById("gi:importlod2")
    out = GuardedOutput(alg, {"OUTPUT": str(path)}, "OUTPUT", QgsProcessingContext())
    out.written = 3
    out._check_readable()  # complete: no complaint
    out.written = 4  # one feature lost on the way
    with pytest.raises(QgsProcessingException, match=r"could not be written completely \(3 of 4"):
        out._check_readable()
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)  # a GeoPackage without its layer
    with pytest.raises(QgsProcessingException, match="could not be written completely"):
        out._check_readable()


def test_unique_ids_from_lists_and_arrays():
    import numpy as np

    from gi_qgis_plugin.processing.checks import unique_ids

    assert unique_ids([1, 2, 3]) and not unique_ids([1, 1, 2]) and not unique_ids([1, None]) and not unique_ids(["1"])
    assert unique_ids(np.array([4, 5, 6])) and not unique_ids(np.array([4, 4]))
    assert not unique_ids(np.array([4, 5]), np.array([False, True]))  # a NULL id
