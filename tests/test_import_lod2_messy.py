"""gi:importlod2 with messy tiles and awkward outputs (issue 10): every case ends in a complete
output plus a named warning, or in a QgsProcessingException that names the problem and the fix;
inputs are byte-identical afterwards, and no partial or unreadable file is left. The same cases
run once through the real ``qgis_process`` binary, whose exit code must say whether a complete
output was written."""

from __future__ import annotations

import cli
import pytest
from conftest import recording_feedback_class
from osgeo import ogr
from qgis.core import QgsProcessingException
from test_lod2 import synthetic_tile
from test_lod2_messy import good_folder

Feedback = recording_feedback_class()
IDS = {"FLAT", "GABLE", "PARTS", "AGREE", "COURT", "HREF", "MIXED"}  # the synthetic tile's 7 buildings


def run(params: dict, feedback=None):
    import processing

    fb = feedback or Feedback()
    return processing.run("gi:importlod2", params, feedback=fb), fb


def read_ids(path, layer: str | None = None) -> list[str]:
    """gml_ids in an output file, read with OGR right away (no QGIS layer, no garbage collection)."""
    ds = ogr.Open(str(path))
    assert ds is not None, f"{path} cannot be opened"
    lyr = ds.GetLayerByName(layer) if layer else ds.GetLayer(0)
    assert lyr is not None, f"{path} has no layer"
    ids = [f.GetField("gml_id") for f in lyr]
    ds = None
    return ids


@pytest.fixture
def folder(tmp_path):
    return good_folder(tmp_path)


def renamed_tile(prefix: str) -> str:
    """The synthetic tile with every building's gml_id prefixed."""
    return synthetic_tile().replace('<bldg:Building gml:id="', f'<bldg:Building gml:id="{prefix}')


def good_output(path):
    """A finished earlier result at ``path`` (what a planner had before the failed run)."""
    src = path.parent / "earlier.gml"
    src.write_text(synthetic_tile(), encoding="utf-8")
    run({"INPUT": str(src), "OUTPUT": str(path)})
    src.unlink()
    return cli.digest(path)


# ---------------------------------------------------------------------------------------------
# the repro of the issue: one good tile and a non-XML .gml


def test_good_tile_and_a_note_named_gml_give_a_complete_geopackage_at_once(gi_provider, folder, tmp_path):
    (folder / "b_note.gml").write_text("Download abgebrochen\n", encoding="utf-8")
    before = cli.digest(folder)
    out = tmp_path / "out.gpkg"
    res, fb = run({"FOLDER": str(folder), "OUTPUT": str(out)})
    assert res["OUTPUT"] == str(out)
    assert set(read_ids(out)) == IDS  # readable before any garbage collection
    assert any("b_note.gml is not CityGML and was skipped" in w for w in fb.warnings)
    assert cli.digest(folder) == before


def test_a_cut_off_tile_in_a_folder_is_named_and_the_others_imported(gi_provider, folder, tmp_path):
    text = synthetic_tile()
    (folder / "b_cut.gml").write_text(renamed_tile("CUT_")[: len(text) // 2], encoding="utf-8")
    out = tmp_path / "out.gpkg"
    _, fb = run({"FOLDER": str(folder), "OUTPUT": str(out)})
    assert set(read_ids(out)) == IDS
    assert any(w.startswith("b_cut.gml cannot be read") and "download the tile again" in w for w in fb.warnings)
    assert any("from 1 file(s)" in i for i in fb.infos)


def test_the_same_tile_twice_is_imported_once(gi_provider, folder, tmp_path):
    (folder / "b_copy.gml").write_text(synthetic_tile(), encoding="utf-8")
    out = tmp_path / "out.gpkg"
    _, fb = run({"FOLDER": str(folder), "OUTPUT": str(out)})
    assert sorted(read_ids(out)) == sorted(IDS)
    assert any("b_copy.gml holds the same buildings as a_good.gml" in w for w in fb.warnings)


def test_roofs_without_heights_are_empty_not_flat(gi_provider, tmp_path):
    text = synthetic_tile().replace('srsDimension="3"', 'srsDimension="2"')
    # drop every third number (the heights) from the posLists
    import re

    def flat2d(m):
        nums = m.group(2).split()
        return m.group(1) + " ".join(v for i, v in enumerate(nums) if i % 3 != 2) + m.group(3)

    text = re.sub(r'(<gml:posList srsDimension="2">)([^<]*)(</gml:posList>)', flat2d, text)
    path = tmp_path / "t2d.gml"
    path.write_text(text, encoding="utf-8")
    out = tmp_path / "out.gpkg"
    _, fb = run({"INPUT": str(path), "OUTPUT": str(out)})
    ds = ogr.Open(str(out))
    rows = {f.GetField("gml_id"): (f.GetField("slope_deg"), f.GetField("flat_roof_m2")) for f in ds.GetLayer(0)}
    ds = None
    # COURT is written with gml:pos (3D) and keeps its values; every posList roof is unknown
    assert rows["GABLE"] == (None, None) and rows["FLAT"] == (None, None)
    assert rows["COURT"][0] == pytest.approx(0.0)
    assert any("roof polygons without heights (2D coordinates)" in w for w in fb.warnings)


# ---------------------------------------------------------------------------------------------
# outputs: all or nothing


def test_an_input_error_keeps_the_earlier_output(gi_provider, tmp_path):
    out = tmp_path / "out.gpkg"
    before = good_output(out)
    bad = tmp_path / "bad.gml"
    bad.write_text("kein XML", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="is not a CityGML file"):
        run({"INPUT": str(bad), "OUTPUT": str(out)})
    assert cli.digest(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.gml", "out.gpkg"]  # no leftovers


def test_cancel_while_writing_keeps_the_earlier_output(gi_provider, tmp_path):
    out = tmp_path / "out.gpkg"
    before = good_output(out)
    tile = tmp_path / "t.gml"
    tile.write_text(renamed_tile("NEW_"), encoding="utf-8")
    fb = Feedback()
    # cancel once reading is done (75 %): the writer is interrupted
    fb.progressChanged.connect(lambda p: fb.cancel() if p >= 75 else None)
    with pytest.raises(QgsProcessingException, match="Canceled by the user: no output was written"):
        run({"INPUT": str(tile), "OUTPUT": str(out)}, fb)
    assert cli.digest(out) == before
    assert not any(i.startswith("NEW_") for i in read_ids(out))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.gpkg", "t.gml"]


def test_a_successful_run_replaces_the_earlier_output(gi_provider, tmp_path):
    out = tmp_path / "out.gpkg"
    good_output(out)
    tile = tmp_path / "t.gml"
    tile.write_text(renamed_tile("NEW_"), encoding="utf-8")
    run({"INPUT": str(tile), "OUTPUT": str(out)})
    assert set(read_ids(out)) == {"NEW_" + i for i in IDS}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.gpkg", "t.gml"]  # no backup left


def test_output_onto_an_input_tile_is_refused_naming_both(gi_provider, folder):
    tile = folder / "a_good.gml"
    before = cli.digest(folder)
    with pytest.raises(QgsProcessingException, match=r"output OUTPUT \(.*a_good.gml\) is the file of the input FOLDER") as err:
        run({"FOLDER": str(folder), "OUTPUT": str(tile)})
    assert "Choose another file name" in str(err.value)
    assert cli.digest(folder) == before
    with pytest.raises(QgsProcessingException, match="is the file of the input INPUT"):
        run({"INPUT": str(tile), "OUTPUT": str(tile)})
    assert cli.digest(folder) == before


def test_shapefile_output_renames_long_fields_up_front_and_flatroofs_finds_them(gi_provider, folder, tmp_path):
    from gi_qgis_plugin import lod2

    out = tmp_path / "lod2.shp"
    _, fb = run({"FOLDER": str(folder), "OUTPUT": str(out)})
    ds = ogr.Open(str(out))
    defn = ds.GetLayer(0).GetLayerDefn()
    names = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
    flat = {f.GetField("gml_id"): f.GetField("flat_roof_") for f in ds.GetLayer(0)}
    ds = None
    assert names == ["gml_id", "function", "roof_type", "roof_name", "roof_src", "height_m", "footprint_",
                     "roof_area_", "flat_roof_", "slope_deg", "slope_max_", "gem_schl",
                     *lod2.CLASS_TRUE_FIELDS, *lod2.CLASS_HORIZ_FIELDS]
    assert any("flat_roof_m2 → flat_roof_" in w and "slope_max_deg → slope_max_" in w for w in fb.warnings)
    assert flat["FLAT"] == pytest.approx(100.0)  # the 10 × 10 m flat roof, unchanged by the rename

    # the roof algorithm finds every field it reads by name in the Shapefile
    import processing

    fb2 = Feedback()
    processing.run("gi:flatroofs", {"INPUT": str(out), "OUTPUT": "TEMPORARY_OUTPUT"}, feedback=fb2)
    used = next(i for i in fb2.infos if i.startswith("Fields used"))
    assert "slope = slope_deg" in used and "roof type = roof_type" in used and "height = height_m" in used
    assert "per slope class" in used, used


def test_no_output_file_when_the_folder_of_output_is_missing(gi_provider, folder, tmp_path):
    out = tmp_path / "missing_dir" / "sub" / "out.gpkg"
    try:
        run({"FOLDER": str(folder), "OUTPUT": str(out)})
    except QgsProcessingException as err:  # either a clear error …
        assert "out.gpkg" in str(err) or "OUTPUT" in str(err)
        assert not out.exists()
    else:  # … or QGIS made the folder and the file is complete
        assert set(read_ids(out)) == IDS


# ---------------------------------------------------------------------------------------------
# the same through qgis_process: exit code 0 only with a complete output


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    return cli.install_profile(tmp_path_factory.mktemp("profile"))


def test_qgis_process_exit_codes_follow_the_output(env, tmp_path):
    folder = tmp_path / "tiles"
    folder.mkdir()
    (folder / "a_good.gml").write_text(synthetic_tile(), encoding="utf-8")
    (folder / "b_note.gml").write_text("Download abgebrochen\n", encoding="utf-8")
    before = cli.digest(folder)

    # the repro: a complete GeoPackage after the process has ended, exit 0
    out = tmp_path / "out.gpkg"
    ok = cli.run(env, "gi:importlod2", FOLDER=folder, OUTPUT=out)
    assert ok.returncode == 0, ok.stderr[-2000:]
    assert set(read_ids(out)) == IDS
    earlier = cli.digest(out)

    # an input error: non-zero, a message without a traceback, the earlier output untouched
    bad = tmp_path / "bad.gml"
    bad.write_text("kein XML", encoding="utf-8")
    fail = cli.run(env, "gi:importlod2", INPUT=bad, OUTPUT=out)
    text = fail.stdout + fail.stderr
    assert fail.returncode != 0
    assert "is not a CityGML file" in text and "Traceback" not in text
    assert cli.digest(out) == earlier

    # OUTPUT onto an input: non-zero, the input unchanged
    onto = cli.run(env, "gi:importlod2", FOLDER=folder, OUTPUT=folder / "a_good.gml")
    assert onto.returncode != 0
    assert "is the file of the input" in onto.stdout + onto.stderr
    assert cli.digest(folder) == before

    # a Shapefile: exit 0 and every field there
    shp = tmp_path / "lod2.shp"
    ok = cli.run(env, "gi:importlod2", FOLDER=folder, OUTPUT=shp)
    assert ok.returncode == 0, ok.stderr[-2000:]
    assert "flat_roof_m2 → flat_roof_" in ok.stdout + ok.stderr
    assert set(read_ids(shp)) == IDS


def test_a_new_layer_inside_an_existing_geopackage_leaves_its_other_layers(gi_provider, folder, tmp_path):
    gpkg = tmp_path / "city.gpkg"
    good_output(gpkg)  # a GeoPackage holding a layer "city"
    target = f"ogr:dbname='{gpkg}' table=\"lod2\" (geom)"
    # an input error: the GeoPackage is as it was
    before = cli.digest(gpkg)
    bad = tmp_path / "bad.gml"
    bad.write_text("kein XML", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="is not a CityGML file"):
        run({"INPUT": str(bad), "OUTPUT": target})
    assert cli.digest(gpkg) == before
    # a good run adds the layer next to the earlier one
    run({"FOLDER": str(folder), "OUTPUT": target})
    assert set(read_ids(gpkg, "lod2")) == IDS and set(read_ids(gpkg, "city")) == IDS
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.gml", "city.gpkg", "tiles"]
