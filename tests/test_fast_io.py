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


# ----------------------------------------------------------------------------------------------
# The reader: WKB parsed (and validity checked) on worker threads, batch by batch
# ----------------------------------------------------------------------------------------------
X0, Y0 = 400_000.0, 5_700_000.0  # a place in UTM 32N


def _sq(i: int) -> str:
    x = X0 + 20 * i
    return f"{x} {Y0}, {x + 10} {Y0}, {x + 10} {Y0 + 10}, {x} {Y0 + 10}, {x} {Y0}"


def _bowtie(i: int, z: bool = False) -> str:
    x = X0 + 20 * i
    pts = [(x, Y0), (x + 10, Y0 + 10), (x + 10, Y0), (x, Y0 + 10), (x, Y0)]
    return ", ".join(f"{a} {b}" + (" 5" if z else "") for a, b in pts)


# (WKT or None, name, height): every kind of geometry the reader must sort out
MESSY = [
    (f"POLYGON (({_sq(0)}))", "Grünfläche", 3.5),
    (f"POLYGON (({_bowtie(1)}))", "", None),  # invalid: repaired
    (f"POLYGON Z (({_bowtie(2, z=True)}))", None, 7.0),  # Z and invalid: 2D, then repaired
    (f"POLYGON Z (({_sq(3).replace(',', ' 2,')} 2))", "ein langer Name über acht Bytes", 1.0),  # Z, valid
    ("POLYGON EMPTY", "leer", 2.0),
    (None, "ohne Geometrie", None),
    (f"GEOMETRYCOLLECTION (POLYGON (({_sq(6)})), LINESTRING ({X0} {Y0}, {X0 + 5} {Y0 + 5}))", "Sammlung", 4.0),
    (f"CURVEPOLYGON (CIRCULARSTRING ({X0 + 140} {Y0}, {X0 + 150} {Y0 + 10}, {X0 + 160} {Y0}, "
     f"{X0 + 150} {Y0 - 10}, {X0 + 140} {Y0}))", "Bogen", 5.0),
    (f"LINESTRING ({X0} {Y0}, {X0 + 5} {Y0 + 5})", "Linie", 6.0),
    (f"POLYGON (({_sq(0).replace(str(X0), '32' + str(X0))}))", "weit weg", 8.0),  # zone number in front
    (f"MULTIPOLYGON ((({_sq(10)})), (({_sq(11)})))", "Grünfläche", 9.0),
]


def _messy_gpkg(path: Path) -> str:
    with gdal.ExceptionMgr(useExceptions=True), ogr.ExceptionMgr(useExceptions=True):
        ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(25832)
        lyr = ds.CreateLayer("messy", srs, ogr.wkbUnknown, ["FID=fid"])
        lyr.CreateField(ogr.FieldDefn("name", ogr.OFTString))
        lyr.CreateField(ogr.FieldDefn("height", ogr.OFTReal))
        for wkt, name, height in MESSY:
            f = ogr.Feature(lyr.GetLayerDefn())
            if wkt is not None:
                f.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
            if name is not None:
                f.SetField("name", name)
            if height is not None:
                f.SetField("height", height)
            lyr.CreateFeature(f)
        ds.Close()
    return f"{path}|layername=messy"


def _read_source(source: str, work_epsg: int, fast: bool):
    from qgis.core import QgsCoordinateReferenceSystem, QgsProcessingContext

    from gi_qgis_plugin.processing.read import read_source
    from gi_qgis_plugin.scoring.progress import Progress

    layer = QgsVectorLayer(source, "messy", "ogr")
    assert layer.isValid()
    return read_source(layer, QgsProcessingContext(), QgsCoordinateReferenceSystem(f"EPSG:{work_epsg}"), Progress(None),
                       fields=["name", "height"], fast_layer=layer if fast else None)


def _summary(arrays) -> dict:
    return {"fids": arrays.fids.tolist(), "wkb": [None if g is None else shapely.to_wkb(g) for g in arrays.geoms],
            "skipped": dict(arrays.skipped), "repaired": arrays.repaired, "converted": dict(arrays.converted),
            "name": arrays.columns["name"].tolist(), "height": np.nan_to_num(arrays.columns["height"], nan=-1).tolist()}


@pytest.mark.parametrize("work_epsg", [25832, 25833])  # the same CRS, and one the reader transforms to
def test_the_threaded_reader_gives_what_the_sequential_one_gives(work_epsg, tmp_path, qgis_app, monkeypatch):
    from gi_qgis_plugin.processing import read

    osr.UseExceptions()  # as another plugin may have set it: a point PROJ cannot transform is still skipped

    source = _messy_gpkg(tmp_path / "messy.gpkg")
    monkeypatch.setattr(read, "READ_BATCH", 3)  # four batches, parsed on the workers in any order
    threaded = _summary(_read_source(source, work_epsg, fast=True))
    # the same reader with validity left to the end (as the iterator path does it)
    real = read._parse_wkb
    monkeypatch.setattr(read, "_parse_wkb", lambda wkb, validity: real(wkb, False))
    sequential = _summary(_read_source(source, work_epsg, fast=True))
    assert threaded == sequential
    # what the messy layer holds, counted by hand from MESSY: EMPTY and NULL have no geometry, the
    # line is no polygon, the zone-prefixed easting lies outside UTM 32N, the two bow-ties (one with Z) are repaired,
    # one arc is straightened, one collection keeps its polygon
    assert threaded["skipped"] == {"geom_empty": 2, "geom_not_polygon": 1, "geom_outside_crs": 1}
    assert threaded["repaired"] == 2
    assert threaded["converted"] == {"curved": 1, "collection": 1}
    assert threaded["fids"] == list(range(1, 12))
    kept = [w is not None for w in threaded["wkb"]]
    assert kept == [True, True, True, True, False, False, True, True, False, False, True]
    assert threaded["name"] == [m[1] for m in MESSY]
    assert threaded["height"] == [-1 if m[2] is None else m[2] for m in MESSY]
    geoms = shapely.from_wkb([w for w in threaded["wkb"] if w is not None])
    assert shapely.is_valid(geoms).all() and not shapely.has_z(geoms).any()


def test_the_fast_and_the_iterator_reader_agree_on_messy_geometries(tmp_path, qgis_app):
    source = _messy_gpkg(tmp_path / "messy.gpkg")
    fast, plain = _summary(_read_source(source, 25832, True)), _summary(_read_source(source, 25832, False))
    assert fast == plain


def test_text_is_decoded_once_per_distinct_value_whatever_its_width(qgis_app, monkeypatch):
    from gi_qgis_plugin.processing import read

    values = ["", "a", "Straße", "ein Wert länger als acht Bytes", "ein Wert länger als acht Bytez", "🌳"]
    raw = np.array([values[i % len(values)].encode() for i in range(50)], dtype="S40")
    out = read._decoded(raw)
    assert out.tolist() == [values[i % len(values)] for i in range(50)]
    assert len({id(v) for v in out.tolist()}) == len(values)  # one str per distinct value
    # two different texts with the same hash: the clash is found and every value still comes out right
    monkeypatch.setattr(read, "_HASH", np.zeros(8, dtype=np.uint64))
    monkeypatch.setattr(read, "_MIX", np.zeros(8, dtype=np.uint64))
    assert read._decoded(raw).tolist() == [values[i % len(values)] for i in range(50)]
    assert read._decoded(np.array([b"", b""], dtype="S1")).tolist() == ["", ""]
    assert read._decoded(np.zeros(0, dtype="S3")).tolist() == []


# ----------------------------------------------------------------------------------------------
# The Arrow writer: fallback, zero rows, cancel, nasty values (against QGIS's provider)
# ----------------------------------------------------------------------------------------------
def _qfields(spec):
    from qgis.core import QgsField, QgsFields
    from qgis.PyQt.QtCore import QMetaType

    types = {"int": QMetaType.Type.Int, "long": QMetaType.Type.LongLong, "double": QMetaType.Type.Double,
             "text": QMetaType.Type.QString}
    out = QgsFields()
    for name, kind in spec:
        out.append(QgsField(name, types[kind]))
    return out


OGR_KINDS = {"int": ogr.OFTInteger, "long": ogr.OFTInteger64, "double": ogr.OFTReal, "text": ogr.OFTString}


def _empty_layer(path: Path, spec) -> None:
    with gdal.ExceptionMgr(useExceptions=True), ogr.ExceptionMgr(useExceptions=True):
        ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(25832)
        lyr = ds.CreateLayer("t", srs, ogr.wkbMultiPolygon, ["FID=fid", "GEOMETRY_NAME=geom"])
        for name, kind in spec:
            lyr.CreateField(ogr.FieldDefn(name, OGR_KINDS[kind] if isinstance(kind, str) else kind))
        ds.Close()


def _nasty_rows():
    """Kept input columns (ColumnTable with NULL masks) and new columns with every kind of NULL."""
    from gi_qgis_plugin.processing.read import ColumnTable

    n = 7
    rows = ColumnTable([
        (np.arange(11, 18), None),  # the input's fid: the output's feature ids
        (np.array([1, 2, 3, 4, 5, 6, 7], dtype=np.int32), np.array([0, 1, 0, 0, 0, 0, 1], bool)),
        (np.array(["Grüße", "", "a\x1fb", "c\x1ed", "🌳", "x", "y"], dtype=object), np.array([0, 0, 0, 0, 0, 1, 0], bool)),
        (np.array([0.5, np.nan, 2.0, -0.0, 1e300, 3.25, 4.0]), None),
    ], n, texts=[2])
    cols = [
        ("c_long", "long", np.array([2**40, None, 3, None, 5, 6, 7], dtype=object)),
        ("c_int", "int", np.where(np.arange(n) % 3 == 0, np.arange(n), None)),
        ("c_double", "double", np.array([1.5, np.nan, 2.5, np.nan, -1.0, 0.0, 9.0])),
        ("c_text", "text", np.array(["ä\x00ö", None, "", "sep\x1f\x1e", "long " * 40, None, "z"], dtype=object)),
    ]
    geoms = np.array([shapely.MultiPolygon([shapely.box(X0 + i, Y0, X0 + i + 1, Y0 + 1)]) for i in range(n)], dtype=object)
    geoms[3] = None
    return rows, cols, geoms


NASTY_FIELDS = [("fid", "long"), ("k_int", "int"), ("k_text", "text"), ("k_double", "double"),
              ("c_long", "long"), ("c_int", "int"), ("c_double", "double"), ("c_text", "text")]
NASTY_SPEC = NASTY_FIELDS[1:]  # the layer's fields: "fid" is its FID column


@needs_arrow
@pytest.mark.parametrize("batch_rows, first_fid", [(2, 11), (25_000, 11), (2, 1)])  # several batches, one; fids 1 … n
def test_the_arrow_writer_writes_what_qgis_provider_writes(batch_rows, first_fid, tmp_path, qgis_app, monkeypatch):
    from gi_qgis_plugin.processing import write
    from gi_qgis_plugin.scoring.progress import Progress

    monkeypatch.setattr(write_arrow, "BATCH_ROWS", batch_rows)
    rows, cols, geoms = _nasty_rows()
    rows.columns[0] = (np.arange(first_fid, first_fid + 7), None)  # 1 … 7: left to SQLite's row ids
    fields = _qfields(NASTY_FIELDS)
    fast, plain = tmp_path / "fast.gpkg", tmp_path / "plain.gpkg"
    _empty_layer(fast, NASTY_SPEC)
    _empty_layer(plain, NASTY_SPEC)
    written = write_arrow.write_arrow(write_arrow.Target(str(fast), "t"), fields, geoms, cols, Progress(None),
                                      rows=rows, keep=[0, 1, 2, 3])
    assert written == 7
    write_arrow.write_through_provider(
        str(plain), lambda sink: write.write_sink(sink, fields, geoms, cols, Progress(None), rows=rows, keep=[0, 1, 2, 3]))
    assert not compare.differences(str(fast), str(plain), record=False)
    got = _read_all(fast)
    assert [r["fid"] for r in got] == list(range(first_fid, first_fid + 7))
    assert [r["k_int"] for r in got] == [1, None, 3, 4, 5, 6, None]
    assert [r["k_text"] for r in got] == ["Grüße", "", "a\x1fb", "c\x1ed", "🌳", None, "y"]
    assert [r["c_int"] for r in got] == [0, None, None, 3, None, None, 6]
    assert [r["c_text"] for r in got] == ["ä", None, "", "sep\x1f\x1e", "long " * 40, None, "z"]  # OGR cuts at NUL
    assert [r["c_double"] for r in got] == [1.5, None, 2.5, None, -1.0, 0.0, 9.0]


def _read_all(path: Path) -> list[dict]:
    ds = ogr.Open(str(path))
    lyr = ds.GetLayer(0)
    defn = lyr.GetLayerDefn()
    names = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
    out = [{"fid": f.GetFID(), **{k: (f.GetField(k) if f.IsFieldSetAndNotNull(k) else None) for k in names}} for f in lyr]
    ds = None
    return out


@needs_arrow
def test_the_arrow_writer_with_no_rows_leaves_an_empty_layer(tmp_path, qgis_app):
    from gi_qgis_plugin.scoring.progress import Progress

    path = tmp_path / "empty.gpkg"
    spec = [("a", "int"), ("b", "text")]
    _empty_layer(path, spec)
    before = compare.schema(str(path))
    written = write_arrow.write_arrow(write_arrow.Target(str(path), "t"), _qfields(spec), np.empty(0, dtype=object),
                                      [("a", "int", np.zeros(0, int)), ("b", "text", np.empty(0, dtype=object))],
                                      Progress(None))
    assert written == 0
    after = compare.schema(str(path))
    assert after["count"] == 0 and after["fields"] == before["fields"] and after["layers"] == ["t"]


@needs_arrow
def test_a_cancel_between_batches_leaves_the_layer_without_rows(tmp_path, qgis_app, monkeypatch):
    from gi_qgis_plugin.scoring.progress import Canceled, Progress

    monkeypatch.setattr(write_arrow, "BATCH_ROWS", 2)
    rows, cols, geoms = _nasty_rows()
    path = tmp_path / "canceled.gpkg"
    _empty_layer(path, NASTY_SPEC)

    class CancelAfterFirstBatch:
        calls = 0

        def isCanceled(self):  # noqa: N802 - QgsFeedback's name
            self.calls += 1
            return self.calls > 3  # after the first batch went to GDAL

        def setProgress(self, value):  # noqa: N802
            pass

    feedback = CancelAfterFirstBatch()
    with pytest.raises(Canceled):
        write_arrow.write_arrow(write_arrow.Target(str(path), "t"), _qfields(NASTY_FIELDS), geoms, cols,
                                Progress(feedback), rows=rows, keep=[0, 1, 2, 3])
    assert feedback.calls > 3
    # the transaction was not committed: no row of the canceled write is in the file (the
    # re-created layer went with it; the algorithm removes the file or puts the earlier one back)
    con = sqlite3.connect(path)
    tables = [r[0] for r in con.execute("SELECT table_name FROM gpkg_contents")]
    rows_left = sum(con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables)
    con.close()
    assert rows_left == 0


@needs_arrow
def test_a_layer_whose_fields_do_not_match_is_left_alone(tmp_path, qgis_app):
    from gi_qgis_plugin.scoring.progress import Progress

    path = tmp_path / "other.gpkg"
    _empty_layer(path, [("a", ogr.OFTDate), ("b", "text")])  # a date: no Arrow kind for it
    before = compare.schema(str(path))
    fields = _qfields([("a", "int"), ("b", "text")])
    cols = [("a", "int", np.array([1])), ("b", "text", np.array(["x"], dtype=object))]
    geoms = np.array([shapely.MultiPolygon([shapely.box(0, 0, 1, 1)])], dtype=object)
    assert write_arrow.write_arrow(write_arrow.Target(str(path), "t"), fields, geoms, cols, Progress(None)) is None
    _empty_layer(tmp_path / "fewer.gpkg", [("b", "text")])  # one field fewer than QGIS's definition
    assert write_arrow.write_arrow(write_arrow.Target(str(tmp_path / "fewer.gpkg"), "t"), fields, geoms, cols,
                                   Progress(None)) is None
    assert compare.schema(str(path)) == before  # not re-created, no rows


@needs_arrow
def test_when_the_layer_cannot_take_batches_qgis_provider_writes_the_same_file(tmp_path, qgis_processing, monkeypatch):
    """The fallback of ``GiAlgorithm.write_output``: QGIS created a layer whose definition the
    batches do not map (simulated: no QGIS 3.40 output differs from its fields by position or
    type, see test_a_layer_whose_fields_do_not_match_is_left_alone); the rows then go through
    QGIS's provider into that layer, and the file is the one the sink writes."""
    import processing

    ensure_provider()
    case = CASES["gi:flatroofs"]
    src = save_gpkg(case.make_input(), tmp_path / "input.gpkg")
    real_init = write_arrow._Layout.__init__

    def refusing(self, *args, **kwargs):
        real_init(self, *args, **kwargs)
        self.ok = False

    monkeypatch.setattr(write_arrow._Layout, "__init__", refusing)
    through_provider = []
    real_provider = write_arrow.write_through_provider
    monkeypatch.setattr(write_arrow, "write_through_provider",
                        lambda *a: through_provider.append(real_provider(*a)) or through_provider[-1])
    outputs = {}
    for mode in ("fallback", "plain"):
        if mode == "plain":
            monkeypatch.setenv("GI_PLAIN_IO", "1")
        out = tmp_path / mode / "scored.gpkg"
        out.parent.mkdir()
        processing.run("gi:flatroofs", {"INPUT": src, **case.params(tmp_path), "OUTPUT": str(out)}, feedback=Feedback())
        outputs[mode] = out
    monkeypatch.delenv("GI_PLAIN_IO", raising=False)
    n = QgsVectorLayer(src, "in", "ogr").featureCount()
    assert through_provider == [n]  # only the fallback run went through the provider, with every row
    assert_same_output(outputs["fallback"], outputs["plain"])


@pytest.mark.parametrize("work_epsg, repaired", [(25832, 1), (25833, 2)])
def test_validity_from_the_workers_is_used_only_for_geometries_left_as_parsed(work_epsg, repaired, tmp_path, qgis_app,
                                                                            monkeypatch):
    """The workers' validity is a lie here (everything valid): only the geometries the reader
    changed afterwards are checked again. Same CRS: of the two bow-ties only the one with Z
    (made 2D) is found and repaired; another CRS: every geometry was transformed, both are."""
    from gi_qgis_plugin.processing import read

    real = read._parse_wkb

    def lying(wkb, validity):
        part = real(wkb, validity)
        if part.valid is not None:
            part.valid[:] = True
        return part

    monkeypatch.setattr(read, "_parse_wkb", lying)
    monkeypatch.setattr(read, "READ_BATCH", 3)  # the arc (feature 8) is in another batch than the bow-ties (2, 3)
    source = _messy_gpkg(tmp_path / "messy.gpkg")
    with osr.ExceptionMgr(useExceptions=True):
        assert _read_source(source, work_epsg, fast=True).repaired == repaired
