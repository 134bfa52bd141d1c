"""gi:streets through processing.run and qgis_process: the Musterstadt sample, Moabit's OSM roads
(EPSG:4326, no widths), the Bochum tree register (count field), and bad input.

Expected figures are worked out independently of the algorithm: lengths with QgsDistanceArea
(ellipsoidal for Moabit), trees with a plain loop over QgsGeometry distances, water numbers from
the DWA-A 138-1 Tab. 9 coefficients written out here.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections import defaultdict
from pathlib import Path

import pytest
from conftest import ROOT, ensure_provider, run_algorithm, shared_path
from qgis.core import (
    NULL,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsDistanceArea,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)

SAMPLE = ROOT / "gi_qgis_plugin" / "resources" / "sample"
GPKG = SAMPLE / "musterstadt.gpkg"
OUT_FIELDS = ["seg_len_m", "width_m", "sealed_m2", "trees_now", "trees_per_100m", "tree_gap", "unseal_m2",
              "runoff_red_m3a", "infiltration"]
CONTRACT = ["gi_score", "gi_class", "gi_rank", "gi_hz", "gi_flags", "gi_reason", "gi_suit", "gi_need"]
# DWA-A 138-1 (10/2024) Tab. 9 C_m of the sample's OSM surfaces (asphalt/concrete 0.9, paving and
# sett in sand 0.7, loose gravel 0.2) and of a planting bed (0.1); the precipitation default 922 mm/a (Essen)
C_M = {"asphalt": 0.9, "concrete": 0.9, "paving_stones": 0.7, "sett": 0.7, "gravel": 0.2}
C_BED = 0.1


def null(value) -> bool:
    return value is None or value == NULL


def run(params, feedback=None):
    return run_algorithm("gi:streets", params, feedback)


def rows(layer):
    names = layer.fields().names()
    return [dict(zip(names, f.attributes()), _geom=QgsGeometry(f.geometry())) for f in layer.getFeatures()]


def road_table():
    import csv

    with (ROOT / "gi_qgis_plugin" / "resources" / "road_classes.csv").open(encoding="utf-8") as fh:
        return {r["code"]: r for r in csv.DictReader(fh)}


# ----------------------------------------------------------------------------------------------
# The Musterstadt sample
# ----------------------------------------------------------------------------------------------
def run_to_file(params, path: Path):
    """Run into a GeoPackage; the module fixtures keep its path and rows, never a layer object
    (a layer held by a module fixture can crash the interpreter when the session ends)."""
    return run({**params, "OUTPUT": str(path)})


def opened(path) -> QgsVectorLayer:
    layer = QgsVectorLayer(str(path), Path(str(path)).stem, "ogr")
    assert layer.isValid()
    return layer


def streets_layer() -> QgsVectorLayer:
    return QgsVectorLayer(f"{GPKG}|layername=streets", "streets")


@pytest.fixture(scope="module")
def sample(qgis_processing, tmp_path_factory):
    params = {"INPUT": f"{GPKG}|layername=streets", "TREES": f"{GPKG}|layername=street_trees",
              "HEAT": str(SAMPLE / "heat.tif"), "RAIN": str(SAMPLE / "starkregen.tif"),
              "SEWER": f"{GPKG}|layername=sewer_combined"}
    res, fb = run_to_file(params, tmp_path_factory.mktemp("streets") / "sample_streets.gpkg")
    return res, fb, rows(opened(res["OUTPUT"]))


def test_sample_contract_fields_classes_and_ranks(sample):
    res, _, out = sample
    names = opened(res["OUTPUT"]).fields().names()
    for f in CONTRACT + OUT_FIELDS + ["c_heat", "c_rain", "c_sewer", "c_trees", "c_unseal", "src_fid"]:
        assert f in names, f
    for r in out:
        assert r["gi_class"] in {"A", "B", "C", "D", "X"}
        assert re.fullmatch(r"\d\d(,\d\d)*", r["gi_hz"]) and "03" in r["gi_hz"].split(",")
        assert r["gi_reason"]
        if r["gi_class"] != "X":
            assert 0 <= r["gi_score"] <= 100
    ranks = sorted(r["gi_rank"] for r in out if not null(r["gi_rank"]))
    assert ranks == list(range(1, len(ranks) + 1))
    assert res["N_SCORED"] + res["N_EXCLUDED"] == len(out)


def test_sample_sections_add_up_to_the_network_by_class(sample):
    _, _, out = sample
    streets = streets_layer()
    # the input's own lengths (EPSG:25832, planar) per road class
    want = defaultdict(float)
    for f in streets.getFeatures():
        want[f["road_class"]] += f.geometry().length()
    got = defaultdict(float)
    for r in out:
        got[r["road_class"]] += r["seg_len_m"]
        assert r["seg_len_m"] <= 100.0 + 1e-6
        assert abs(r["_geom"].length() - r["seg_len_m"]) < 1e-6
    assert set(got) == set(want)
    for cls, length in want.items():
        assert got[cls] == pytest.approx(length, rel=1e-9), cls


def test_sample_every_street_tree_is_counted_once(sample):
    # the generator plants each tree max(width/2 − 1.2, 1) m from its own street's axis, so every
    # tree stands within half the width + 1 m of a section: the counts add up to the tree layer
    _, fb, out = sample
    trees = QgsVectorLayer(f"{GPKG}|layername=street_trees", "trees")
    assert sum(r["trees_now"] for r in out) == trees.featureCount() == 1073
    for r in out:
        assert r["trees_per_100m"] == pytest.approx(100.0 * r["trees_now"] / r["seg_len_m"])


def test_sample_widths_sealing_unsealing_and_runoff_by_hand(sample):
    _, _, out = sample
    streets = streets_layer()
    table = road_table()
    width_by_fid = {f.id(): f["width_m"] for f in streets.getFeatures()}
    for r in out[:60]:
        cls = table[r["road_class"]]
        length = r["seg_len_m"]
        width = width_by_fid[r["src_fid"]]  # the sample has widths for every street
        assert r["width_m"] == pytest.approx(width)
        sealed = length * width * float(cls["sealed_share"])
        assert r["sealed_m2"] == pytest.approx(sealed)
        unseal = min(max(width - float(cls["required_m"]), 0.0) * length, sealed)
        assert r["unseal_m2"] == pytest.approx(unseal)
        assert r["runoff_red_m3a"] == pytest.approx(0.922 * unseal * (C_M[r["surface"]] - C_BED))
        # orientation value: 10 per 100 m and side, both sides from 15 m
        target = 10.0 * (2 if width >= 15 else 1) * length / 100.0
        assert r["tree_gap"] == max(int(target - r["trees_now"] + 1e-9), 0)


def test_sample_input_attributes_travel_with_each_section(sample):
    _, _, out = sample
    streets = streets_layer()
    by_fid = {f.id(): f for f in streets.getFeatures()}
    by_street = defaultdict(list)  # (class, name) -> input lines
    for f in streets.getFeatures():
        by_street[(f["road_class"], f["name"])].append(f.geometry())
    for r in out:
        src = by_fid[r["src_fid"]]
        assert r["road_class"] == src["road_class"] and r["name"] == src["name"]
        # the section lies on a street of that class and name (merged only where they agree)
        middle = r["_geom"].interpolate(r["_geom"].length() / 2)
        assert min(g.distance(middle) for g in by_street[(r["road_class"], r["name"])]) < 1e-6


# ----------------------------------------------------------------------------------------------
# Moabit: OSM roads in EPSG:4326, mixed single and multi lines, no widths
# ----------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def moabit(qgis_processing, tmp_path_factory):
    roads_path = shared_path("moabit_osm", "moabit_roads.gpkg")
    bochum = shared_path("bochum", "bochum_tree_planting_felling_register.csv")
    trees = QgsVectorLayer(f"file://{bochum}?delimiter=,&xField=Rechtswert&yField=Hochwert&crs=EPSG:25832",
                           "bochum trees", "delimitedtext")
    assert trees.isValid() and trees.featureCount() == 162
    buildings = shared_path("moabit_osm", "moabit_build.gpkg")
    res, fb = run_to_file({"INPUT": str(roads_path), "TREES": trees, "HEAT": str(SAMPLE / "heat.tif"),
                           "BUILDINGS": str(buildings)},
                          tmp_path_factory.mktemp("moabit") / "moabit_streets.gpkg")
    return res, fb, rows(opened(res["OUTPUT"])), str(roads_path)


def test_moabit_total_length_by_class_against_the_ellipsoid(moabit):
    _, _, out, roads_path = moabit
    roads = QgsVectorLayer(roads_path, "roads")
    da = QgsDistanceArea()
    da.setSourceCrs(QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance().transformContext())
    da.setEllipsoid("WGS84")
    want = defaultdict(float)
    for f in roads.getFeatures():
        if f.hasGeometry():
            want[f["fclass"]] += da.measureLength(f.geometry())
    got = defaultdict(float)
    for r in out:
        if not null(r["seg_len_m"]):
            got[r["fclass"]] += r["seg_len_m"]
    assert set(got) == {k for k, v in want.items() if v > 0}
    # UTM 33N at 13.35° E: grid scale about 0.99975, so the sums agree within 0.1 %
    for cls, length in want.items():
        assert got[cls] == pytest.approx(length, rel=1e-3), cls
    assert sum(got.values()) == pytest.approx(sum(want.values()), rel=5e-4)


def test_moabit_flags_follow_the_osm_attributes(moabit):
    _, _, out, roads_path = moabit
    src = {f.id(): f for f in QgsVectorLayer(roads_path, "roads").getFeatures()}
    for r in out:
        f = src[r["src_fid"]]
        flags = set((r["gi_flags"] or "").split(","))
        if f["fclass"] == "motorway":
            assert "motorway" in flags
        if f["tunnel"] == "T":
            assert "tunnel" in flags or "motorway" in flags
        if f["bridge"] == "T" and f["tunnel"] != "T":
            assert flags & {"bridge", "motorway", "tunnel"}
        if f["fclass"] in ("footway", "path", "service"):  # 2.5, 2 and 5 m: under 6 m
            assert "too_narrow" in flags and r["gi_class"] == "X"
        assert "width_from_class" in flags or "geom_empty" in flags  # Moabit has no widths
    assert sum("tunnel" in (r["gi_flags"] or "") for r in out) > 0
    assert any(r["gi_class"] in "ABCD" for r in out)


def test_moabit_buildings_narrow_the_typical_widths_never_widen_them(moabit):
    _, fb, out, _ = moabit
    table = road_table()
    capped = 0
    for r in out:
        if null(r["seg_len_m"]):
            continue
        typical = float(table[r["fclass"]]["width_m"])
        assert r["width_m"] <= typical + 1e-9
        capped += r["width_m"] < typical - 1e-6
    assert capped > 0  # somewhere the houses stand closer than the typical width of the class
    assert any(m.startswith("Buildings: the free width between them measured at") for m in fb.infos)


def test_moabit_with_bochum_trees_and_a_foreign_raster_says_what_is_missing(moabit):
    res, fb, out, _ = moabit
    text = " ".join(fb.warnings)
    assert "No tree of the tree layer stands in the street space" in text
    assert "does not overlap" in text  # the Musterstadt heat raster lies far from Berlin
    assert "EPSG:4326" in text  # processed in UTM, said so
    for r in out:
        assert null(r["trees_now"]) or r["trees_now"] == 0
    assert opened(res["OUTPUT"]).crs().authid() == "EPSG:25833"


# ----------------------------------------------------------------------------------------------
# Bochum: trees with a count field, street lines in another CRS
# ----------------------------------------------------------------------------------------------
def test_bochum_register_counts_trees_per_section_like_a_plain_loop(qgis_processing):
    path = shared_path("bochum", "bochum_tree_planting_felling_register.csv")
    trees = QgsVectorLayer(f"file://{path}?delimiter=,&xField=Rechtswert&yField=Hochwert&crs=EPSG:25832",
                           "bochum", "delimitedtext")
    assert trees.isValid()
    points = [(f.geometry().asPoint(), f["Anzahl"]) for f in trees.getFeatures() if f["Hochwert"] > 5.6e6]
    # one 80 m residential street (11 m wide: reach 6.5 m) 3 m north of each of the first 25 points,
    # drawn in EPSG:4326 while the trees stay in EPSG:25832
    to_wgs = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:25832"),
                                    QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance())
    lines = QgsVectorLayer("LineString?crs=EPSG:4326&field=highway:string&field=sid:integer", "l", "memory")
    utm_lines = []
    feats = []
    for i, (p, _) in enumerate(points[:25]):
        line = QgsGeometry.fromPolylineXY([QgsPointXY(p.x() - 40, p.y() + 3), QgsPointXY(p.x() + 40, p.y() + 3)])
        utm_lines.append(QgsGeometry(line))
        line.transform(to_wgs)
        f = QgsFeature(lines.fields())
        f.setGeometry(line)
        f.setAttributes(["residential", i])
        feats.append(f)
    lines.dataProvider().addFeatures(feats)
    res, fb = run({"INPUT": lines, "TREES": trees, "MAX_LENGTH": 0})
    out = {r["sid"]: r for r in rows(res["OUTPUT"])}
    # the plain loop: each point goes with its count to the nearest line within 6.5 m
    expected = [0] * len(utm_lines)
    for p, count in points:
        pg = QgsGeometry.fromPointXY(p)
        dists = [(pg.distance(g), i) for i, g in enumerate(utm_lines)]
        d, i = min(dists)
        if d <= 11 / 2 + 1 + 0.01:  # 1 cm for the round trip through EPSG:4326
            expected[i] += 1 if count is None or count == NULL else max(int(count), 0)  # NULL: one tree
    got = [out[i]["trees_now"] for i in range(len(utm_lines))]
    assert got == expected
    assert sum(expected) > 25  # registers hold several trees per point
    assert any("count field Anzahl" in m for m in fb.infos)


# ----------------------------------------------------------------------------------------------
# Bad input
# ----------------------------------------------------------------------------------------------
def _memory_lines(wkt_rows, geom="MultiLineStringZM", crs="EPSG:25832"):
    lay = QgsVectorLayer(f"{geom}?crs={crs}&field=highway:string&field=width:double&field=tag:integer", "x", "memory")
    feats = []
    for i, (wkt, cls, width) in enumerate(wkt_rows):
        f = QgsFeature(lay.fields())
        f.setGeometry(QgsGeometry.fromWkt(wkt))
        f.setAttributes([cls, width, i])
        feats.append(f)
    lay.dataProvider().addFeatures(feats)
    return lay


def test_zero_length_self_touching_multi_z_m_null_and_unknown_classes(qgis_processing):
    lay = _memory_lines([
        ("MultiLineStringZM ((0 0 1 2, 150 0 1 2),(150 0 1 2, 150 80 1 2))", "residential", None),  # 230 m
        ("LineStringZM (10 10 0 0, 10 10 0 0)", "residential", 12.0),  # no length
        ("LineStringZM (0 50 0 0, 100 50 0 0, 100 100 0 0, 0 100 0 0, 0 50 0 0)", None, None),  # loop, 300 m
        ("LineStringZM (0 200 0 0, 100 200 0 0)", "hovercraft", None),
    ])
    res, fb = run({"INPUT": lay})
    out = rows(res["OUTPUT"])
    by_tag = defaultdict(list)
    for r in out:
        by_tag[r["tag"]].append(r)
    # 230 m -> 3 × 76.67 m (the two parts meet end to end); 300 m loop -> 3 × 100 m; 100 m -> 1
    assert [round(r["seg_len_m"], 2) for r in by_tag[0]] == [76.67] * 3
    assert [round(r["seg_len_m"], 2) for r in by_tag[2]] == [100.0] * 3
    assert len(by_tag[3]) == 1
    # the zero-length line keeps one row, class X, and the user is told
    assert len(by_tag[1]) == 1 and by_tag[1][0]["gi_class"] == "X" and "geom_empty" in by_tag[1][0]["gi_flags"]
    assert any("invalid geometry" in w or "no geometry" in w or "not lines" in w for w in fb.warnings)
    # NULL (3 sections) and hovercraft (1): typical residential values, counted in one warning
    warn = [w for w in fb.warnings if "unknown road class" in w]
    assert warn and warn[0].startswith("4 sections") and "(hovercraft, NULL)" in warn[0]
    assert all("class_unknown" in r["gi_flags"] for r in by_tag[2] + by_tag[3])
    assert not any(r["_geom"].constGet().is3D() for r in out if not r["_geom"].isNull())
    assert lay.featureCount() == 4 and [f["highway"] for f in lay.getFeatures()][3] == "hovercraft"  # input untouched


def test_polygons_as_streets_are_refused_with_a_clear_message(qgis_processing):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="polygons or points, not street lines"):
        run({"INPUT": f"{GPKG}|layername=buildings"})


@pytest.mark.parametrize("value, words", [(-5, "MAX_LENGTH"), (0.5, "at least 1 m"), (1e9, "MAX_LENGTH")])
def test_absurd_section_lengths_are_refused(qgis_processing, value, words):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match=words):
        run({"INPUT": f"{GPKG}|layername=streets", "MAX_LENGTH": value})


def test_max_length_0_keeps_one_row_per_input_feature(qgis_processing):
    res, _ = run({"INPUT": f"{GPKG}|layername=streets", "MAX_LENGTH": 0})
    streets = QgsVectorLayer(f"{GPKG}|layername=streets", "s")
    assert res["OUTPUT"].featureCount() == streets.featureCount()
    assert sorted(r["src_fid"] for r in rows(res["OUTPUT"])) == sorted(f.id() for f in streets.getFeatures())


def test_web_mercator_input_gives_true_lengths(qgis_processing):
    # a 200 m east-west line at 51.5° N drawn in EPSG:3857 is 200 / cos(51.5°) = 321 map units long
    import math

    to_3857 = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:25832"),
                                     QgsCoordinateReferenceSystem("EPSG:3857"), QgsProject.instance())
    g = QgsGeometry.fromPolylineXY([QgsPointXY(370000, 5707000), QgsPointXY(370200, 5707000)])
    g.transform(to_3857)
    assert g.length() == pytest.approx(200 / math.cos(math.radians(51.5)), rel=0.01)
    lay = _memory_lines([(g.asWkt(), "residential", 12.0)], geom="LineString", crs="EPSG:3857")
    res, _ = run({"INPUT": lay, "MAX_LENGTH": 0})
    assert rows(res["OUTPUT"])[0]["seg_len_m"] == pytest.approx(200.0, rel=1e-3)


# ----------------------------------------------------------------------------------------------
# qgis_process (a scheduled job)
# ----------------------------------------------------------------------------------------------
def test_qgis_process_scores_the_sample_streets(tmp_path):
    profile = tmp_path / "config"
    plugins = profile / "profiles" / "default" / "python" / "plugins"
    plugins.mkdir(parents=True)
    # the working tree's plugin with the metadata the package build copies in
    shutil.copytree(ROOT / "gi_qgis_plugin", plugins / "gi_qgis_plugin", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "metadata.txt", plugins / "gi_qgis_plugin" / "metadata.txt")
    env = dict(os.environ, QGIS_CUSTOM_CONFIG_PATH=str(profile), QT_QPA_PLATFORM="offscreen", PYTHONPATH="")
    enable = subprocess.run(["qgis_process", "plugins", "enable", "gi_qgis_plugin"], env=env,
                            capture_output=True, text=True, timeout=300)
    assert enable.returncode == 0, enable.stderr + enable.stdout
    out = tmp_path / "streets.gpkg"
    run_ = subprocess.run(["qgis_process", "--json", "run", "gi:streets", "--",
                           f"INPUT={GPKG}|layername=streets", f"TREES={GPKG}|layername=street_trees",
                           f"OUTPUT={out}"], env=env, capture_output=True, text=True, timeout=300)
    assert run_.returncode == 0, run_.stderr[-2000:]
    answer = json.loads(run_.stdout[run_.stdout.find("{"):])
    results = answer["results"]
    lay = QgsVectorLayer(str(out), "o")
    assert lay.featureCount() == results["N_SCORED"] + results["N_EXCLUDED"] > 238
    assert results["TREE_GAP"] == pytest.approx(sum(f["tree_gap"] for f in lay.getFeatures() if f["gi_class"] != "X"))
    bad = subprocess.run(["qgis_process", "run", "gi:streets", "--", f"INPUT={GPKG}|layername=streets",
                          "MAX_LENGTH=0.2", f"OUTPUT={tmp_path / 'bad.gpkg'}"], env=env, capture_output=True,
                         text=True, timeout=300)
    assert bad.returncode != 0 and "Traceback" not in bad.stdout + bad.stderr
    assert "MAX_LENGTH" in bad.stdout + bad.stderr
    assert not Path(tmp_path / "bad.gpkg").exists()


# ----------------------------------------------------------------------------------------------
# Styles: from the spec's style kind, nothing street-specific in styles.py or ui/
# ----------------------------------------------------------------------------------------------
def test_street_result_lines_widen_with_the_class_in_both_styles(sample):
    from qgis.core import QgsCategorizedSymbolRenderer, QgsGraduatedSymbolRenderer

    from gi_qgis_plugin.styles import CLASS_COLOURS, apply_result_styles, style_kind

    layer = opened(sample[0]["OUTPUT"])
    assert style_kind(layer) == "line"  # found by the signature field seg_len_m
    assert apply_result_styles(layer)
    assert isinstance(layer.renderer(), QgsCategorizedSymbolRenderer)
    # plain values only: the symbols belong to the renderer, which the style switch replaces
    width = {c.value(): c.symbol().width() for c in layer.renderer().categories()}
    colour = {c.value(): c.symbol().color().name() for c in layer.renderer().categories()}
    widths = [width[k] for k in "ABCDX"]
    assert widths == sorted(widths, reverse=True) and widths[0] > 2 * widths[3]
    assert colour == {k: v.lower() for k, v in CLASS_COLOURS.items()}
    layer.styleManager().setCurrentStyle("gi_score")
    graduated = layer.renderer()
    assert isinstance(graduated, QgsGraduatedSymbolRenderer) and graduated.classAttribute() == "gi_score"
    by_low = {r.lowerValue(): r.symbol().width() for r in graduated.ranges()}
    assert by_low[75.0] == width["A"] and by_low[0.0] == width["D"]
    layer.styleManager().setCurrentStyle("gi_class")


def test_inspector_explains_a_street_result_from_its_file_with_the_run_weights(qgis_processing, tmp_path):
    # the dock's generic functions, no street-specific code in ui/: weights from the run record,
    # labels from the spec, bars that add up to gi_score, Handlungsziele from gi_hz
    from gi_qgis_plugin.ui.explain import (
        criteria_bars,
        criterion_names,
        layer_weights,
        linked_handlungsziele,
        spec_of,
    )

    out = tmp_path / "streets.gpkg"
    run({"INPUT": f"{GPKG}|layername=streets", "TREES": f"{GPKG}|layername=street_trees",
         "HEAT": str(SAMPLE / "heat.tif"), "W_HEAT": 3, "W_TREES": 1, "W_UNSEAL": 1, "OUTPUT": str(out)})
    layer = QgsVectorLayer(str(out), "streets", "ogr")  # read back as a year later
    assert spec_of(layer).alg_id == "streets"
    criteria = criterion_names(layer)
    assert set(criteria) == {"heat", "trees", "unseal"}
    weights, note = layer_weights(layer, criteria)
    assert "run record" in note
    assert weights == pytest.approx({"heat": 0.6, "trees": 0.2, "unseal": 0.2})  # 3 : 1 : 1
    n = 0
    for f in layer.getFeatures():
        if f["gi_class"] == "X":
            continue
        bars = criteria_bars(f, weights, spec_of(layer))
        assert sum(b.points for b in bars if b.points is not None) == pytest.approx(f["gi_score"], abs=1e-6)
        assert {b.label for b in bars} >= {"Thermal load", "Tree gap", "Unsealable share"}
        assert "03" in [h.number for h in linked_handlungsziele(f["gi_hz"])]
        n += 1
    assert n > 100


def test_street_help_formats_defaults_from_the_spec_and_constants(qgis_processing):
    from gi_qgis_plugin.processing.streets import StreetsAlgorithm
    from gi_qgis_plugin.scoring import streets

    text = StreetsAlgorithm().shortHelpString()
    for c in streets.SPEC.criteria:
        assert f"<b>{c.field}</b> ({c.default_weight:g})" in text
    assert f"({streets.MAX_SEGMENT_M:g} m)" in text and f"{streets.PRECIP_MM:g} mm/a" in text
    assert "still to be agreed" in text and "RASt 06" in text and "DWA-A 138-1" in text
    assert "Anzahl".lower() in text and "fclass" in text  # the names the algorithm really looks for


def test_street_help_in_german_with_the_decimal_comma(qgis_processing):
    from gi_qgis_plugin.i18n import install_translator, remove_translator
    from gi_qgis_plugin.processing.streets import StreetsAlgorithm

    if not install_translator("de"):
        pytest.skip("German catalogue not compiled (make test compiles it)")
    try:
        text = StreetsAlgorithm().shortHelpString()
        name = StreetsAlgorithm().displayName()
    finally:
        remove_translator()
    assert name.startswith("Straßen: blau-grüne Klimastraßen")
    assert "Orientierungswert" in text and "noch gemeinsam festzulegen" in text
    assert "0,25 m und tiefer" in text and "7,5 große" in text and "922 mm/a" in text


def test_street_space_polygons_give_the_width_and_sections_outside_are_named(qgis_processing):
    # a residential street in two 50 m sections, 14 m and 20 m of street space (one parcel each
    # side of the axis on the second half), and a second street with no polygon under it
    x, y = 360000.0, 5705000.0
    lines = _memory_lines([(f"LineString ({x} {y}, {x + 100} {y})", "residential", 9.0),
                           (f"LineString ({x} {y + 200}, {x + 80} {y + 200})", "residential", None)], geom="LineString")
    space = QgsVectorLayer("Polygon?crs=EPSG:25832", "space", "memory")
    feats = []
    for x0, y0, x1, y1 in [(0, -7, 50, 7), (50, -10, 100, 0), (50, 0, 100, 10)]:
        f = QgsFeature()
        f.setGeometry(QgsGeometry.fromRect(QgsRectangle(x + x0, y + y0, x + x1, y + y1)))
        feats.append(f)
    space.dataProvider().addFeatures(feats)
    res, fb = run({"INPUT": lines, "STREET_SPACE": space, "MAX_LENGTH": 50})
    out = sorted(rows(res["OUTPUT"]), key=lambda r: (r["tag"], r["_geom"].boundingBox().xMinimum()))
    assert [r["width_m"] for r in out[:2]] == pytest.approx([14.0, 20.0])  # measured beats the field (9 m)
    assert [r["sealed_m2"] for r in out[:2]] == pytest.approx([50 * 14 * 0.9, 50 * 20 * 0.9])
    assert [r["width_m"] for r in out[2:]] == [11.0, 11.0]  # no field, no polygon: the class width
    assert any("2 of 4 sections measured" in m for m in fb.infos)
    assert any(w.startswith("2 sections do not lie in a street-space polygon") for w in fb.warnings)


# ----------------------------------------------------------------------------------------------
# The dock: the street button appears and fills the dialog from the roles (no street code in ui/)
# ----------------------------------------------------------------------------------------------
def test_dock_street_button_opens_the_dialog_with_the_sample_layers(qgis_iface, qgis_new_project, sample_gpkg,
                                                                    monkeypatch):
    import processing
    from qgis.core import QgsApplication

    from gi_qgis_plugin.ui.dock import GiDock

    ensure_provider()
    qgis_new_project.clear()
    alg = QgsApplication.processingRegistry().algorithmById("gi:streets")
    from gi_qgis_plugin.ui.sample_loader import sample_key

    opened = []

    class Dialog:  # the dock opens the dialog non-modal: createAlgorithmDialog(...).show()
        def __init__(self, alg_id, params):
            opened.append((alg_id, params))

        def show(self):
            pass

    monkeypatch.setattr(processing, "createAlgorithmDialog", Dialog)
    dock = GiDock(qgis_iface)
    try:
        dock.load_sample_data(sample_gpkg.parent)
        assert dock.algorithm_buttons["gi:streets"].text().startswith(alg.displayName())
        dock.algorithm_buttons["gi:streets"].click()
        assert len(opened) == 1 and opened[0][0] == "gi:streets"
        params = opened[0][1]
        # the sample's own layer names (the layers are named in the UI language)
        by_name = {k: sample_key(qgis_new_project.mapLayer(v)) for k, v in params.items() if qgis_new_project.mapLayer(v)}
        assert by_name["INPUT"] == "streets" and by_name["TREES"] == "street_trees"
        assert by_name["HEAT"] == "heat" and by_name["RAIN"] == "starkregen" and by_name["SEWER"] == "sewer_combined"
        assert set(params) <= {p.name() for p in alg.parameterDefinitions()}
    finally:
        dock.cleanup()
        dock.deleteLater()


def test_hz_browser_counts_street_sections_and_their_length(sample):
    from gi_qgis_plugin.ui.hz_browser import hz_results

    _, _, out = sample
    layer = opened(sample[0]["OUTPUT"])
    (res03,) = hz_results("03", [layer], QgsProject.instance())
    assert res03.count == len(out)  # every section serves HZ 03
    assert res03.length_m == pytest.approx(sum(r["seg_len_m"] for r in out), rel=1e-3)  # ellipsoid vs UTM grid
    (res01,) = hz_results("01", [layer], QgsProject.instance())
    assert res01.count == sum("01" in r["gi_hz"].split(",") for r in out) > 0
    (res25,) = hz_results("25", [layer], QgsProject.instance())
    assert res25.count == 0  # no parking lanes reallocated by default


# ----------------------------------------------------------------------------------------------
# Model Builder: gi:streets as a step of a model, after a native step
# ----------------------------------------------------------------------------------------------
def test_streets_as_a_step_of_a_model(qgis_processing, tmp_path):
    import processing
    from qgis.core import (
        QgsProcessingModelAlgorithm,
        QgsProcessingModelChildAlgorithm,
        QgsProcessingModelChildParameterSource,
        QgsProcessingModelOutput,
        QgsProcessingModelParameter,
        QgsProcessingParameterFeatureSource,
    )

    ensure_provider()
    model = QgsProcessingModelAlgorithm("streets without living streets", "gi")
    model.addModelParameter(QgsProcessingParameterFeatureSource("roads", "roads"), QgsProcessingModelParameter("roads"))
    extract = QgsProcessingModelChildAlgorithm("native:extractbyattribute")
    extract.setChildId("extract")
    extract.addParameterSources("INPUT", [QgsProcessingModelChildParameterSource.fromModelParameter("roads")])
    for name, value in (("FIELD", "road_class"), ("OPERATOR", 1), ("VALUE", "living_street")):  # 1 = ≠
        extract.addParameterSources(name, [QgsProcessingModelChildParameterSource.fromStaticValue(value)])
    model.addChildAlgorithm(extract)
    score = QgsProcessingModelChildAlgorithm("gi:streets")
    score.setChildId("streets")
    score.addParameterSources("INPUT", [QgsProcessingModelChildParameterSource.fromChildOutput("extract", "OUTPUT")])
    score.setModelOutputs({"scored": QgsProcessingModelOutput("scored")})
    score.modelOutput("scored").setChildOutputName("OUTPUT")
    model.addChildAlgorithm(score)
    model.updateDestinationParameters()
    out = tmp_path / "model_streets.gpkg"
    res = processing.run(model, {"roads": f"{GPKG}|layername=streets", "streets:scored": str(out)})
    layer = opened(res["streets:scored"])
    classes = [f["road_class"] for f in layer.getFeatures()]
    assert classes and "living_street" not in classes
    want = sum(f.geometry().length() for f in streets_layer().getFeatures() if f["road_class"] != "living_street")
    assert sum(f["seg_len_m"] for f in layer.getFeatures()) == pytest.approx(want)


def test_a_road_class_table_of_ones_own_replaces_the_shipped_one(qgis_processing, tmp_path):
    import shutil as sh

    from qgis.core import QgsProcessingException

    # the shipped table plus a municipal class "Anliegerstraße" 9 m wide, 7.5 m required:
    # 1.5 m surplus × 150 m = 225 m² on a 150 m street (two sections of 75 m: 112.5 m² each)
    own = tmp_path / "classes.csv"
    sh.copy(ROOT / "gi_qgis_plugin" / "resources" / "road_classes.csv", own)
    with own.open("a", encoding="utf-8") as fh:
        fh.write('Anliegerstraße,local,Anliegerstraße,access road,0,9,7.5,0.9,0,,"Municipal standard (test)"\n')
    lay = _memory_lines([("LineString (360000 5705000, 360150 5705000)", "Anliegerstraße", None)], geom="LineString")
    res, fb = run({"INPUT": lay, "ROAD_CLASSES": str(own)})
    out = rows(res["OUTPUT"])
    assert [r["width_m"] for r in out] == [9.0, 9.0]
    assert [r["unseal_m2"] for r in out] == pytest.approx([112.5, 112.5])
    assert not any("unknown road class" in w for w in fb.warnings)
    bad = tmp_path / "bad.csv"
    bad.write_text("code,width_m,required_m,sealed_share,source\nresidential,11,10.5,0.9,x\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="road-class table .* cannot be used.*fallback"):
        run({"INPUT": lay, "ROAD_CLASSES": str(bad)})


def test_green_supply_by_hand_on_the_sample_parks(qgis_processing):
    # the distance from each section to the nearest sample park of at least 0.5 ha, by a plain
    # loop over QgsGeometry: c_green = min(distance / 300, 1)
    parks = [f.geometry() for f in QgsVectorLayer(f"{GPKG}|layername=parks", "p").getFeatures()
             if f.geometry().area() >= 5000]
    assert parks
    res, fb = run({"INPUT": f"{GPKG}|layername=streets", "PARKS": f"{GPKG}|layername=parks"})
    out = rows(res["OUTPUT"])
    for r in out[:80]:
        d = min(r["_geom"].distance(g) for g in parks)
        assert r["c_green"] == pytest.approx(min(d / 300.0, 1.0), abs=1e-6)
        assert ("01" in r["gi_hz"].split(",")) == (min(d / 300.0, 1.0) >= 0.5)


def test_merge_key_groups_features_whose_attributes_all_agree():
    import numpy as np

    from gi_qgis_plugin.processing.streets import _merge_key

    cls = np.array(["residential", "residential", None, "primary", "residential", None], dtype=object)
    width = np.array([7.5, 7.5, 7.5, np.nan, 6.0, 7.5])
    name = np.array(["A", "A", "A", "B", "A", "A"], dtype=object)
    key = _merge_key([cls, width, None, name], 6)
    # by hand: rows 0 and 1 agree in all three; 2 and 5 agree (NULL class, 7.5, A); 3 and 4 stand alone
    groups = {}
    for i, k in enumerate(key.tolist()):
        groups.setdefault(k, []).append(i)
    assert sorted(groups.values()) == [[0, 1], [2, 5], [3], [4]]
