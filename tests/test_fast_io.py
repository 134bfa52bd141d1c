"""The fast paths (OGR Arrow reading and writing) against the plain ones (QGIS's iterator and
sink, ``GI_PLAIN_IO=1``): the same output files, feature by feature, for every scoring
algorithm of tests/cases.py, the Musterstadt sample and the real data (Wesel LoD2, Moabit)."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import numpy as np
import pytest
import shapely
from cases import CASES
from conftest import ensure_provider, recording_feedback_class
from helpers.feedback import CancelAt
from helpers.layers import save_gpkg
from osgeo import gdal, ogr, osr
from qgis.core import QgsProcessingException, QgsVectorLayer

from gi_qgis_plugin.processing import arrow_c, write_arrow

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import compare  # noqa: E402

Feedback = recording_feedback_class()
needs_arrow = pytest.mark.skipif(not write_arrow.gdal_can_write_arrow(), reason="GDAL < 3.8: no Arrow capsule writing")


# ----------------------------------------------------------------------------------------------
# Comparing two GeoPackage outputs: benchmarks/compare.py (make bench uses it at every size)
# ----------------------------------------------------------------------------------------------
def assert_same_output(fast: Path, plain: Path, record: bool = True) -> dict:
    diffs = compare.differences(str(fast), str(plain), record=record)
    assert not diffs, diffs
    out = compare.schema(str(fast))
    out["fids"] = [int(f) for batch in compare._batches(str(fast)) for f in batch[out["fid_column"] or "OGC_FID"]]
    return out


def run_both(alg_id: str, params: dict, tmp_path: Path, monkeypatch, record: bool = True) -> dict:
    """Run ``alg_id`` once on the fast paths and once with GI_PLAIN_IO=1, outputs to GeoPackage
    files of the same name; assert that the fast writer ran and the files agree."""
    import processing

    ensure_provider()
    calls = []
    real = write_arrow.write_arrow

    def spy(*args, **kwargs):
        calls.append(real(*args, **kwargs))
        return calls[-1]

    monkeypatch.setattr(write_arrow, "write_arrow", spy)
    outputs = {}
    for mode in ("fast", "plain"):
        if mode == "plain":
            monkeypatch.setenv("GI_PLAIN_IO", "1")
        else:
            monkeypatch.delenv("GI_PLAIN_IO", raising=False)
        out = tmp_path / mode / "scored.gpkg"
        out.parent.mkdir()
        processing.run(alg_id, {**params, "OUTPUT": str(out)}, feedback=Feedback())
        outputs[mode] = out
    monkeypatch.delenv("GI_PLAIN_IO", raising=False)
    assert len(calls) == 1 and calls[0] is not None, "the fast writer did not run"
    return assert_same_output(outputs["fast"], outputs["plain"], record)


# ----------------------------------------------------------------------------------------------
# Whole algorithms: fast == plain
# ----------------------------------------------------------------------------------------------
@needs_arrow
@pytest.mark.parametrize("alg_id", sorted(CASES))
def test_every_scoring_algorithm_writes_the_same_file_fast_and_plain(alg_id, tmp_path, qgis_processing, monkeypatch):
    case = CASES[alg_id]
    layer = case.make_input()
    src = save_gpkg(layer, tmp_path / "input.gpkg")  # a file input: the fast reader reads it
    out = run_both(alg_id, {"INPUT": src, **case.params(tmp_path)}, tmp_path, monkeypatch)
    # one row per input feature, or several (street sections): never fewer
    assert out["count"] >= layer.featureCount() > 0


@needs_arrow
def test_sample_district_fast_and_plain(sample_gpkg, tmp_path, qgis_processing, monkeypatch):
    from gi_qgis_plugin.sample.generator import HEAT_NAME, RAIN_NAME

    folder = Path(sample_gpkg).parent
    params = {"INPUT": f"{sample_gpkg}|layername=buildings", "PARKS": f"{sample_gpkg}|layername=parks",
              "HEAT": str(folder / HEAT_NAME), "RAIN": str(folder / RAIN_NAME),
              "SEWER": f"{sample_gpkg}|layername=sewer_combined"}
    out = run_both("gi:flatroofs", params, tmp_path, monkeypatch)
    n_in = QgsVectorLayer(params["INPUT"], "b", "ogr").featureCount()
    assert out["count"] == n_in == 2000
    # the input's fid column became the output's fids (as QGIS's sink does it)
    src_fids = sorted(f.id() for f in QgsVectorLayer(params["INPUT"], "b", "ogr").getFeatures())
    assert out["fids"] == src_fids


@needs_arrow
@pytest.mark.shared_data
def test_wesel_lod2_fast_and_plain(lod2_dir, tmp_path, qgis_processing, monkeypatch):
    import processing

    ensure_provider()
    lod2 = tmp_path / "lod2.gpkg"
    processing.run("gi:importlod2", {"FOLDER": str(lod2_dir), "OUTPUT": str(lod2)}, feedback=Feedback())
    out = run_both("gi:flatroofs", {"INPUT": str(lod2)}, tmp_path, monkeypatch)
    assert out["count"] == 311  # the three Wesel tiles hold 311 buildings (test_flat_roofs_alg)


@needs_arrow
@pytest.mark.shared_data
def test_moabit_fast_and_plain(moabit_dir, tmp_path, qgis_processing, monkeypatch):
    src = moabit_dir / "moabit_build.gpkg"
    out = run_both("gi:flatroofs", {"INPUT": str(src)}, tmp_path, monkeypatch)
    assert out["count"] == QgsVectorLayer(str(src), "m", "ogr").featureCount()


@needs_arrow
def test_design_check_fast_and_plain(tmp_path, qgis_processing, monkeypatch):
    from test_design_check_alg import design_layer, existing_layer, trees_layer

    src = save_gpkg(design_layer(), tmp_path / "design.gpkg")
    out = run_both("gi:designcheck", {"INPUT": src, "TREES": trees_layer(), "EXISTING": existing_layer()},
                   tmp_path, monkeypatch, record=False)
    assert out["count"] == 4  # the four strips of the design


def test_the_comparison_finds_a_changed_value_a_null_a_geometry_and_a_fid(tmp_path, qgis_processing):
    import processing

    ensure_provider()
    case = CASES["gi:flatroofs"]
    out = tmp_path / "scored.gpkg"
    processing.run("gi:flatroofs", {"INPUT": case.make_input(), **case.params(tmp_path), "OUTPUT": str(out)},
                   feedback=Feedback())
    changes = {
        "value": 'UPDATE scored SET gi_score = gi_score + 1e-9 WHERE fid = 2',
        "null": "UPDATE scored SET gi_class = NULL WHERE fid = 3",
        "geometry": "UPDATE scored SET geom = (SELECT geom FROM scored WHERE fid = 1) WHERE fid = 4",
        "fid": "UPDATE scored SET fid = 99 WHERE fid = 5",
    }
    for what, sql in changes.items():
        other = tmp_path / what / "scored.gpkg"
        other.parent.mkdir()
        other.write_bytes(out.read_bytes())
        con = sqlite3.connect(other)
        for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type='trigger'").fetchall():
            con.execute(f'DROP TRIGGER "{name}"')  # the R-tree triggers call GDAL's SQL functions
        con.execute(sql)
        con.commit()
        con.close()
        assert compare.differences(str(out), str(other)), what
    assert not compare.differences(str(out), str(out))


@needs_arrow
def test_cancel_during_the_arrow_write_leaves_no_file(sample_gpkg, tmp_path, qgis_processing, monkeypatch):
    import processing

    ensure_provider()
    monkeypatch.setattr(write_arrow, "BATCH_ROWS", 300)  # several batches on 2,000 roofs
    out = tmp_path / "canceled.gpkg"
    # the write is the last quarter of the run (75–96 %): cancel inside it
    with pytest.raises(QgsProcessingException, match="Canceled"):
        processing.run("gi:flatroofs", {"INPUT": f"{sample_gpkg}|layername=buildings", "OUTPUT": str(out)},
                       feedback=CancelAt(85))
    assert not out.exists()


def test_other_destinations_keep_the_sink(tmp_path, qgis_processing):
    from qgis.core import QgsFields

    fields = QgsFields()
    assert write_arrow.arrow_target("memory:", fields) is None
    assert write_arrow.arrow_target(str(tmp_path / "x.shp"), fields) is None
    gpkg = tmp_path / "x.gpkg"
    assert write_arrow.arrow_target(str(gpkg), fields) is None  # not created by QGIS (yet)
    gpkg.write_bytes(b"")
    assert write_arrow.arrow_target(f"{gpkg}|layername=x|subset=a=1", fields) is None


# ----------------------------------------------------------------------------------------------
# The Arrow batches themselves
# ----------------------------------------------------------------------------------------------
def _layer(path: Path):
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(25832)
    lyr = ds.CreateLayer("t", srs, ogr.wkbMultiPolygon, ["FID=fid", "GEOMETRY_NAME=geom"])
    for name, kind in (("d", ogr.OFTReal), ("i", ogr.OFTInteger), ("l", ogr.OFTInteger64), ("s", ogr.OFTString)):
        lyr.CreateField(ogr.FieldDefn(name, kind))
    return ds, lyr


def _read(path: Path) -> list:
    ds = ogr.Open(str(path))
    out = [(f.GetFID(), *[f.GetField(k) if f.IsFieldSetAndNotNull(k) else None for k in range(4)],
            None if f.GetGeometryRef() is None else f.GetGeometryRef().ExportToWkt()) for f in ds.GetLayer(0)]
    ds = None
    return out


@needs_arrow
@pytest.mark.parametrize("texts", [
    ["a", "", None, "Grüße 🌳", "x"],  # NULL vs empty, non-ASCII, emoji
    ["a\x00b", "c\x1fd", "e\x1ef", None, ""],  # every separator occurs: the per-value fallback
])
def test_arrow_batch_round_trips_types_nulls_and_texts(texts, tmp_path):
    with gdal.ExceptionMgr(useExceptions=True), ogr.ExceptionMgr(useExceptions=True):
        ds, lyr = _layer(tmp_path / "t.gpkg")
        geoms = np.array([shapely.MultiPolygon([shapely.box(i, 0, i + 1, 1)]) for i in range(5)], dtype=object)
        geoms[2] = None
        cols = [
            write_arrow.arrow_column("fid", "long", np.array([7, 8, 9, 10, 11])),
            write_arrow.arrow_column("d", "double", np.array([1.5, np.nan, 3.0, -0.0, 1e300])),
            write_arrow.arrow_column("i", "int", np.array([1, None, 3, -4, 2**31 - 1], dtype=object)),
            write_arrow.arrow_column("l", "long", np.array([2**40, 2, 3, 4, 5]), np.array([0, 0, 0, 1, 0], bool)),
            write_arrow.arrow_column("s", "text", np.array(texts, dtype=object)),
        ]
        wkb = np.array([None if g is None else shapely.to_wkb(g) for g in geoms], dtype=object)
        cols.append(arrow_c.ArrowColumn("geom", "wkb", *arrow_c.binary(wkb), extension="geoarrow.wkb"))
        batch = arrow_c.Batch(cols, 5)
        lyr.WriteArrowSchemaAndArrowArrayCapsule(*batch.capsules(), 0, ["FID=fid"])
        ds.Close()
    got = _read(tmp_path / "t.gpkg")
    # OGR cuts a text at a NUL character (C strings), as it does for any writer
    expected_texts = [None if t is None else t.split("\x00")[0] for t in texts]
    assert [r[0] for r in got] == [7, 8, 9, 10, 11]
    assert [r[1] for r in got] == [1.5, None, 3.0, -0.0, 1e300]
    assert [r[2] for r in got] == [1, None, 3, -4, 2**31 - 1]
    assert [r[3] for r in got] == [2**40, 2, 3, None, 5]
    assert [r[4] for r in got] == expected_texts
    assert got[2][5] is None and got[0][5] == "MULTIPOLYGON (((1 0,1 1,0 1,0 0,1 0)))"


@needs_arrow
def test_arrow_batches_empty_and_many(tmp_path):
    with gdal.ExceptionMgr(useExceptions=True), ogr.ExceptionMgr(useExceptions=True):
        ds, lyr = _layer(tmp_path / "t.gpkg")
        empty = arrow_c.Batch([write_arrow.arrow_column("d", "double", np.zeros(0))], 0)
        lyr.WriteArrowSchemaAndArrowArrayCapsule(*empty.capsules(), 0, [])
        for b in range(21):
            vals = np.arange(b * 10, b * 10 + 10, dtype=float)
            batch = arrow_c.Batch([write_arrow.arrow_column("d", "double", vals),
                                   write_arrow.arrow_column("s", "text", np.array([str(v) for v in vals], dtype=object))], 10)
            lyr.WriteArrowSchemaAndArrowArrayCapsule(*batch.capsules(), 0, [])
        ds.Close()
    got = _read(tmp_path / "t.gpkg")
    assert [r[1] for r in got] == [float(v) for v in range(210)]
    assert [r[4] for r in got] == [str(float(v)) for v in range(210)]
    assert [r[0] for r in got] == list(range(1, 211))  # OGR numbers the rows without a FID column


def test_utf8_offsets_without_a_loop_match_per_value_encoding():
    texts = np.array(["", "ä", None, "abc", "🌳x", None], dtype=object)
    (offsets, blob), valid = arrow_c.utf8(texts)
    assert valid.tolist() == [True, True, False, True, True, False]
    blob = bytes(blob)
    values = [blob[offsets[i]:offsets[i + 1]].decode() for i in range(len(texts))]
    assert values == ["", "ä", "", "abc", "🌳x", ""]  # NULLs have length 0 (and are invalid)


def test_arrow_column_nulls_and_values_as_the_sink_takes_them():
    from qgis.PyQt.QtCore import QVariant

    qnull = QVariant()
    col = write_arrow.arrow_column("i", "long", np.array([1, None, qnull, 2**60, float("nan")], dtype=object))
    assert col.valid.tolist() == [True, False, False, True, False]
    assert col.values[0] == 1 and col.values[3] == 2**60  # no detour through float
    col = write_arrow.arrow_column("d", "double", np.array([1.5, None, float("nan"), 3], dtype=object))
    assert col.valid.tolist() == [True, False, False, True] and col.values[3] == 3.0
    col = write_arrow.arrow_column("s", "text", np.array(["a", qnull, 5, None, float("nan")], dtype=object))
    (offsets, blob), valid = col.values, col.valid
    assert valid.tolist() == [True, False, True, False, False]
    assert bytes(blob)[offsets[2]:offsets[3]] == b"5"  # a number in a text field: its text, as QGIS writes it
    col = write_arrow.arrow_column("s", "text", np.array(["x", "y"], dtype=object), mask=np.array([False, True]))
    assert col.valid.tolist() == [True, False]


def test_decoded_text_columns_keep_non_ascii_and_nulls(qgis_app):
    from gi_qgis_plugin.processing.read import _arrow_column

    raw = np.ma.masked_array(np.array(["Straße".encode(), b"ab", b"", "Grün".encode()], dtype="S8"),
                             mask=[False, False, True, False])
    data, mask = _arrow_column(raw)
    assert data.tolist()[:2] == ["Straße", "ab"] and data[3] == "Grün" and mask.tolist() == [False, False, True, False]
    data, mask = _arrow_column(np.array([b"abc", b"d"], dtype="S3"))
    assert data.tolist() == ["abc", "d"] and mask is None and data.dtype == object


def test_a_cancel_is_answered_while_the_score_is_computed(tmp_path, qgis_processing, monkeypatch):
    """The score hook runs on a worker thread: progress goes on and a cancel ends the run while
    the (here artificially stalled) scoring has not finished."""
    import threading

    import processing

    from gi_qgis_plugin.processing.flat_roofs import FlatRoofsAlgorithm

    ensure_provider()
    release = threading.Event()
    real = FlatRoofsAlgorithm.score

    def stalled(self, *args):
        release.wait(30)
        return real(self, *args)

    monkeypatch.setattr(FlatRoofsAlgorithm, "score", stalled)
    case = CASES["gi:flatroofs"]
    out = tmp_path / "canceled.gpkg"
    feedback = CancelAt(71.2)  # the score's slice is 71–72 %
    try:
        with pytest.raises(QgsProcessingException, match="Canceled"):
            processing.run("gi:flatroofs", {"INPUT": case.make_input(), **case.params(tmp_path), "OUTPUT": str(out)},
                           feedback=feedback)
        assert not release.is_set()  # the scoring was still waiting when the run ended
        assert any(71.0 < p < 72.0 for p in feedback.progress_values)
        assert not out.exists()
    finally:
        release.set()


@needs_arrow
def test_a_new_layer_in_an_existing_geopackage_leaves_its_other_layers_alone(tmp_path, qgis_processing, monkeypatch):
    import processing

    ensure_provider()
    case = CASES["gi:flatroofs"]
    calls = []
    real = write_arrow.write_arrow
    monkeypatch.setattr(write_arrow, "write_arrow", lambda *a, **k: calls.append(real(*a, **k)) or calls[-1])
    outputs = {}
    for mode in ("fast", "plain"):
        if mode == "plain":
            monkeypatch.setenv("GI_PLAIN_IO", "1")
        folder = tmp_path / mode
        folder.mkdir()
        gpkg = folder / "project.gpkg"
        src = save_gpkg(case.make_input(), gpkg)  # the input lives in the same file
        before = compare.schema(str(gpkg))
        dest = f"ogr:dbname='{gpkg}' table=\"scored\" (geom)"
        res = processing.run("gi:flatroofs", {"INPUT": src, **case.params(tmp_path), "OUTPUT": dest}, feedback=Feedback())
        ds = ogr.Open(str(gpkg))
        names = sorted(ds.GetLayer(i).GetName() for i in range(ds.GetLayerCount()))
        roofs = ds.GetLayerByName("roofs").GetFeatureCount()
        ds.Close()
        assert names == ["roofs", "scored"], res
        assert roofs == before["count"] == 6  # the input layer is untouched
        outputs[mode] = gpkg
    monkeypatch.delenv("GI_PLAIN_IO", raising=False)
    assert calls == [6]  # the fast writer wrote the new layer (and only in the fast run)
    # the scored layers agree feature by feature (compare reads the first layer: copy them out)
    for mode, gpkg in outputs.items():
        gdal.VectorTranslate(str(tmp_path / f"{mode}_scored.gpkg"), str(gpkg), layers=["scored"], layerName="scored")
    diffs = compare.differences(str(tmp_path / "fast_scored.gpkg"), str(tmp_path / "plain_scored.gpkg"), record=False)
    assert not diffs, diffs
