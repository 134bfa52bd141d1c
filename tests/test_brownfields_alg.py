"""gi:brownfields through processing.run and qgis_process: the Musterstadt sample, OSM-like
polygons without attributes, and awkward input."""

from __future__ import annotations

import json
import os
import re
import subprocess
import zipfile
from collections import Counter

import pytest
from conftest import ensure_provider, run_algorithm
from helpers.contract import check_contract as check_common_contract
from helpers.layers import X0, Y0, memory_layer
from qgis.core import NULL, QgsGeometry, QgsProcessingException, QgsVectorLayer
from test_plugin import plugin_zip  # noqa: F401 - the packaged plugin, for qgis_process

from gi_qgis_plugin.scoring.brownfields import SPEC

CATEGORIES = {"recycling", "schutz", "kompensationspool", "pruefen"}
FIELDS = ["gi_score", "gi_class", "gi_rank", "gi_hz", "gi_flags", "gi_reason", "gi_category", "area_m2",
          "bw_now", "bw_target", "bw_gain", "oekopunkte", "pool_group", "pool_total"]
# The sample's biotope words and their Grundwert A in resources/biotope_types.csv (aliases):
# Ruderalflur -> ruderal 5, Pioniervegetation -> pioneer_open 4, Vorwald -> pioneer_wood 5,
# versiegelt -> sealed 0, Schotter -> partly_sealed 1
SAMPLE_VALUES = {"Ruderalflur": 5.0, "Pioniervegetation": 4.0, "Vorwald": 5.0, "versiegelt": 0.0, "Schotter": 1.0}


def null(v) -> bool:
    return v is None or v == NULL


def run(params, feedback=None):
    return run_algorithm("gi:brownfields", params, feedback)


def rows(layer):
    names = layer.fields().names()
    return [dict(zip(names, f.attributes()), _geom=QgsGeometry(f.geometry())) for f in layer.getFeatures()]


def flags(r) -> set[str]:
    return set(r["gi_flags"].split(",")) - {""}


def check_contract(layer):
    """The common contract (tests/helpers/contract.py), then what brownfields add: HZ 08 and a
    category on every scored feature. Returns the rows with their geometries."""
    check_common_contract(layer, SPEC)
    out = rows(layer)
    for r in out:
        if r["gi_class"] != "X":
            assert "08" in r["gi_hz"].split(",") and r["gi_category"] in CATEGORIES
    return out


def polygons(items, fields="name:string"):
    """Memory layer (EPSG:25832, multipolygons) from (wkt, *attributes) rows."""
    return memory_layer(items, fields, geom="MultiPolygon", name="brownfields")


def box(x, y, w, h=None):
    h = w if h is None else h
    x, y = X0 + x, Y0 + y
    return f"POLYGON(({x} {y},{x + w} {y},{x + w} {y + h},{x} {y + h},{x} {y}))"


# ----------------------------------------------------------------------------------------------
# The Musterstadt sample
# ----------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def sample(sample_gpkg, qgis_processing):
    ensure_provider()
    g = str(sample_gpkg)
    params = {
        "INPUT": f"{g}|layername=brownfields",
        "SETTLEMENT": f"{g}|layername=raumtyp", "SETTLEMENT_FIELD": "raumtyp",
        "SETTLEMENT_VALUES": "Innenstadt,Zwischenstadt",
        "BIOTOPVERBUND": f"{g}|layername=biotopverbund",
        "GRUENZUEGE": f"{g}|layername=gruenzuege",
        "KLIMATOPE": f"{g}|layername=klimatope",
        "PARKS": f"{g}|layername=parks",
    }
    res, fb = run(params)
    inp = QgsVectorLayer(f"{g}|layername=brownfields", "bf", "ogr")
    return {"res": res, "fb": fb, "gpkg": g, "input": inp, "out": rows(res["OUTPUT"]),
            "in": {f["bfid"]: f for f in inp.getFeatures()}}


def test_sample_follows_the_contract_with_the_brownfield_fields(sample):
    out = check_contract(sample["res"]["OUTPUT"])
    names = sample["res"]["OUTPUT"].fields().names()
    assert all(f in names for f in FIELDS)
    assert {"bfid", "biotope", "contam", "verfahren"} <= set(names)  # input fields copied
    assert len(out) == sample["input"].featureCount()
    assert [r["bfid"] for r in out] == sorted(r["bfid"] for r in out)
    assert sample["res"]["N_SCORED"] + sample["res"]["N_EXCLUDED"] == len(out)
    infos = " ".join(sample["fb"].infos)
    assert "biotope type = biotope" in infos and "Altlasten = contam" in infos and "procedure = verfahren" in infos


def test_sample_biotope_values_come_from_the_field_else_the_type(sample):
    for r in sample["out"]:
        src = sample["in"][r["bfid"]]
        expected = src["biotopwert"] if not null(src["biotopwert"]) else SAMPLE_VALUES[src["biotope"]]
        assert r["bw_now"] == pytest.approx(expected)
        assert r["bw_target"] == 6.0
        assert r["area_m2"] == pytest.approx(r["_geom"].area(), rel=1e-9)


def test_sample_oekopunkte_only_for_pool_sites_and_pool_totals_add_up(sample):
    out = sample["out"]
    groups: dict[int, float] = {}
    for r in out:
        if r["gi_category"] == "kompensationspool":
            # area from the geometry, values from the input: (6 − A) × m²
            src = sample["in"][r["bfid"]]
            a = src["biotopwert"] if not null(src["biotopwert"]) else SAMPLE_VALUES[src["biotope"]]
            assert r["oekopunkte"] == pytest.approx(r["_geom"].area() * (6.0 - a), rel=1e-9)
            assert r["bw_gain"] >= 2.0
            groups[r["pool_group"]] = groups.get(r["pool_group"], 0.0) + r["oekopunkte"]
        else:
            assert null(r["oekopunkte"]) and null(r["pool_group"])
    for r in out:
        if not null(r["pool_group"]):
            assert r["pool_total"] == pytest.approx(groups[r["pool_group"]])
    assert sample["res"]["OEKOPUNKTE"] == pytest.approx(sum(groups.values()))
    assert sample["res"]["N_POOL"] == sum(1 for r in out if r["gi_category"] == "kompensationspool")


def test_sample_legal_flags_follow_the_attributes(sample):
    for r in sample["out"]:
        src = sample["in"][r["bfid"]]
        f = flags(r)
        assert ("altlast" in f) == (src["contam"] == "Altlast")
        assert ("altlast_verdacht" in f) == (src["contam"] == "altlastverdächtige Fläche")
        changes = r["gi_category"] != "schutz"
        small = r["_geom"].area() < 20000
        assert ("baugb_13a" in f) == (src["verfahren"] == "§ 13a BauGB" and changes and small)
        assert ("baugb_1a3" in f) == (src["vornutzung"] == 1 and changes)
        assert ("asp" in f) == changes
        assert ("species" in f) == (src["arten"] == 1)
        assert ("wald" in f) == (src["biotope"] == "Vorwald")
        assert ("22" in r["gi_hz"].split(",")) == (src["biotope"] == "Vorwald")


def test_sample_category_style_is_the_current_style(sample, qgis_app):
    from qgis.core import QgsCategorizedSymbolRenderer

    from gi_qgis_plugin.scoring.brownfields import CATEGORY_COLOURS
    from gi_qgis_plugin.styles import apply_result_styles

    layer = sample["res"]["OUTPUT"]
    assert apply_result_styles(layer)
    renderer = layer.renderer()
    assert isinstance(renderer, QgsCategorizedSymbolRenderer)
    assert renderer.classAttribute() == "gi_category"
    colours = {c.value(): c.symbol().color().name() for c in renderer.categories() if c.value() not in (None, NULL)}
    assert colours == {k: v.lower() for k, v in CATEGORY_COLOURS.items()}
    assert {"gi_category", "gi_class", "gi_score"} <= set(layer.styleManager().styles())


def test_inspector_bars_add_up_to_the_score(sample, qgis_app):
    """The dock's chart is the score formula for brownfields too (no brownfield code in ui/)."""
    from gi_qgis_plugin.ui.explain import criteria_bars, spec_of

    weights = json.loads(sample["res"]["RUN_INFO"])["weights"]
    layer = sample["res"]["OUTPUT"]
    assert spec_of(layer).alg_id == "brownfields"
    for f in layer.getFeatures():
        if f["gi_class"] == "X":
            continue
        bars = criteria_bars(f, weights, spec_of(layer))
        assert sum(b.points for b in bars if b.points is not None) == pytest.approx(f["gi_score"])
        own = {"recycling": "recycling", "schutz": "protection", "kompensationspool": "pool"}.get(f["gi_category"])
        if own:  # a decided category: its own sub-score is the whole score
            assert [b.criterion for b in bars if b.points is not None] == [own]


def test_sample_input_is_not_modified(sample):
    layer = QgsVectorLayer(f"{sample['gpkg']}|layername=brownfields", "again", "ogr")
    assert layer.fields().names() == sample["input"].fields().names()
    assert "gi_score" not in layer.fields().names()


# ----------------------------------------------------------------------------------------------
# OSM landuse=brownfield polygons without attributes
# ----------------------------------------------------------------------------------------------
def test_osm_polygons_without_attributes_run_on_the_layers_and_say_what_is_missing(sample_gpkg, gi_provider):
    g = str(sample_gpkg)
    src = QgsVectorLayer(f"{g}|layername=brownfields", "bf", "ogr")
    osm = polygons([(f.geometry().asWkt(), f"way/{f['bfid']}") for f in src.getFeatures()], "osm_id:string")
    res, fb = run({"INPUT": osm, "SETTLEMENT": f"{g}|layername=raumtyp", "SETTLEMENT_FIELD": "raumtyp",
                   "SETTLEMENT_VALUES": "Innenstadt,Zwischenstadt", "BIOTOPVERBUND": f"{g}|layername=biotopverbund",
                   "GRUENZUEGE": f"{g}|layername=gruenzuege"})
    out = check_contract(res["OUTPUT"])
    assert len(out) == src.featureCount()
    assert all("bw_unknown" in flags(r) for r in out)
    assert all("not known: biotope value" in r["gi_reason"] or "nicht bekannt" in r["gi_reason"] for r in out)
    assert all(null(r["oekopunkte"]) for r in out)  # no value, no uplift
    warned = " ".join(fb.warnings)
    assert "biotope value" in warned and "protected areas" in warned and "stops" in warned


def test_all_optional_layers_missing_uses_the_attributes_alone(sample_gpkg, gi_provider):
    res, fb = run({"INPUT": f"{sample_gpkg}|layername=brownfields"})
    check_contract(res["OUTPUT"])
    assert any("settlement area" in w and "Biotopverbund" in w for w in fb.warnings)


def test_nothing_known_at_all_is_a_clear_error(gi_provider):
    layer = polygons([(box(0, 0, 100), "a")])
    with pytest.raises(QgsProcessingException, match="Nothing to triage"):
        run({"INPUT": layer})


# ----------------------------------------------------------------------------------------------
# Awkward input
# ----------------------------------------------------------------------------------------------
FIELDS_BT = "name:string&field=biotoptyp:string&field=biotopwert:double"


def test_overlaps_slivers_holes_and_multipolygons(gi_provider):
    hole = (f"POLYGON(({X0 + 2000} {Y0},{X0 + 2100} {Y0},{X0 + 2100} {Y0 + 100},{X0 + 2000} {Y0 + 100},{X0 + 2000} {Y0}),"
            f"({X0 + 2040} {Y0 + 40},{X0 + 2060} {Y0 + 40},{X0 + 2060} {Y0 + 60},{X0 + 2040} {Y0 + 60},{X0 + 2040} {Y0 + 40}))")
    multi = f"MULTIPOLYGON((({X0 + 3000} {Y0},{X0 + 3050} {Y0},{X0 + 3050} {Y0 + 50},{X0 + 3000} {Y0 + 50},{X0 + 3000} {Y0})),"\
            f"(({X0 + 3100} {Y0},{X0 + 3150} {Y0},{X0 + 3150} {Y0 + 50},{X0 + 3100} {Y0 + 50},{X0 + 3100} {Y0})))"
    layer = polygons([
        (box(0, 0, 100), "a", "Acker", None),
        (box(50, 50, 100), "b", "Acker", None),  # overlaps a by 50 × 50
        (box(1000, 0, 5), "sliver", "Acker", None),
        (hole, "hole", "Acker", None),
        (multi, "multi", "Acker", None),
        (None, "no geometry", "Acker", None),
    ], FIELDS_BT)
    # a settlement area far away: every site lies outside it (without the layer recycling and pool
    # cannot be told apart on Acker and the triage says pruefen)
    town = polygons([(box(-9000, -9000, 1000), "ASB")])
    res, fb = run({"INPUT": layer, "SETTLEMENT": town})
    out = {r["name"]: r for r in rows(res["OUTPUT"])}
    assert "overlap" in flags(out["a"]) and "overlap" in flags(out["b"])
    assert any("2 brownfields overlap" in w for w in fb.warnings)
    assert out["a"]["gi_class"] != "X" and out["b"]["gi_class"] != "X"  # each is scored
    assert out["sliver"]["gi_class"] == "X" and "area_lt_min" in flags(out["sliver"])
    assert null(out["sliver"]["gi_category"])
    assert out["hole"]["area_m2"] == pytest.approx(100 * 100 - 20 * 20)
    assert out["multi"]["area_m2"] == pytest.approx(2 * 50 * 50)
    # Acker (A 2) -> 6 on the holed square: 9,600 × 4
    assert out["hole"]["gi_category"] == "kompensationspool"
    assert out["hole"]["oekopunkte"] == pytest.approx(9600 * 4)
    assert out["no geometry"]["gi_class"] == "X"


def test_unknown_biotope_types_are_named_and_counted_values_outside_0_10_flagged(gi_provider):
    layer = polygons([
        (box(0, 0, 100), "a", "Goldwiese", None),
        (box(500, 0, 100), "b", "Goldwiese", None),
        (box(1000, 0, 100), "c", "Mondlandschaft", None),
        (box(1500, 0, 100), "d", "Acker", 12.0),  # value outside 0–10: ignored, the type's 2 used
        (box(2000, 0, 100), "e", None, -1.0),
    ], FIELDS_BT)
    res, fb = run({"INPUT": layer})
    out = {r["name"]: r for r in rows(res["OUTPUT"])}
    warned = " ".join(fb.warnings)
    assert "3 brownfields have a biotope type that is not in the table: Goldwiese (2), Mondlandschaft (1)" in warned
    assert "2 brownfields have a biotope value outside 0–10" in warned
    assert "type_unknown" in flags(out["a"]) and "bw_out_of_range" in flags(out["d"])
    assert out["d"]["bw_now"] == 2.0
    assert null(out["e"]["bw_now"]) and "bw_out_of_range" in flags(out["e"])


def test_own_biotope_table_and_a_table_with_missing_columns(gi_provider, tmp_path):
    layer = polygons([(box(0, 0, 100), "a", "Industriebrache", None)], FIELDS_BT)
    own = tmp_path / "stadt.csv"
    own.write_text("code;Biotoptyp;Grundwert_A;Quelle\nIB;Industriebrache;1,5;Stadt X\n", encoding="utf-8")
    res, _ = run({"INPUT": layer, "BIOTOPE_TABLE": str(own)})
    r = rows(res["OUTPUT"])[0]
    assert r["bw_now"] == 1.5 and r["bw_gain"] == pytest.approx(4.5)  # the own table, 6 − 1.5
    bad = tmp_path / "bad.csv"
    bad.write_text("code,name_de\nIB,Industriebrache\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="lacks the columns value_a, source"):
        run({"INPUT": layer, "BIOTOPE_TABLE": str(bad)})


def test_bad_parameters_name_themselves(gi_provider):
    layer = polygons([(box(0, 0, 100), "a", "Acker", None)], FIELDS_BT)
    with pytest.raises(QgsProcessingException, match="BW_HIGH"):
        run({"INPUT": layer, "BW_LOW": 5.0, "BW_HIGH": 4.0})


# ----------------------------------------------------------------------------------------------
# qgis_process
# ----------------------------------------------------------------------------------------------
def test_qgis_process_runs_the_packaged_plugin_on_the_shipped_sample(plugin_zip, tmp_path):  # noqa: F811
    profile = tmp_path / "config"
    plugins = profile / "profiles" / "default" / "python" / "plugins"
    plugins.mkdir(parents=True)
    zipfile.ZipFile(plugin_zip).extractall(plugins)
    env = dict(os.environ, QGIS_CUSTOM_CONFIG_PATH=str(profile), QT_QPA_PLATFORM="offscreen", PYTHONPATH="")
    subprocess.run(["qgis_process", "plugins", "enable", "gi_qgis_plugin"], env=env, capture_output=True,
                   text=True, timeout=300, check=True)
    gpkg = plugins / "gi_qgis_plugin" / "resources" / "sample" / "musterstadt.gpkg"
    out = tmp_path / "brownfields.gpkg"
    done = subprocess.run(["qgis_process", "--json", "run", "gi:brownfields", "--",
                           f"INPUT={gpkg}|layername=brownfields", f"BIOTOPVERBUND={gpkg}|layername=biotopverbund",
                           f"GRUENZUEGE={gpkg}|layername=gruenzuege", f"OUTPUT={out}"],
                          env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    answer = json.loads(done.stdout[done.stdout.find("{"):])
    layer = QgsVectorLayer(str(out), "o", "ogr")
    cats = Counter(f["gi_category"] for f in layer.getFeatures())
    assert layer.featureCount() == answer["results"]["N_SCORED"] + answer["results"]["N_EXCLUDED"]
    assert set(cats) <= CATEGORIES | {None, NULL}
    assert answer["results"]["N_POOL"] == cats["kompensationspool"]
    bad = subprocess.run(["qgis_process", "run", "gi:brownfields", "--", f"INPUT={gpkg}|layername=brownfields",
                          "TARGET_VALUE=12", f"OUTPUT={tmp_path / 'bad.gpkg'}"],
                         env=env, capture_output=True, text=True, timeout=300)
    assert bad.returncode != 0 and "Traceback" not in bad.stdout + bad.stderr
    assert "TARGET_VALUE" in bad.stdout + bad.stderr


def test_sample_reasons_in_german(sample_gpkg, gi_provider, qgis_app):
    from gi_qgis_plugin.i18n import install_translator, remove_translator

    assert install_translator("de"), "compiled German catalogue missing (tools/i18n.py compile)"
    try:
        res, fb = run({"INPUT": f"{sample_gpkg}|layername=brownfields", "SETTLEMENT": f"{sample_gpkg}|layername=raumtyp",
                       "SETTLEMENT_FIELD": "raumtyp", "SETTLEMENT_VALUES": "Innenstadt,Zwischenstadt"})
    finally:
        remove_translator()
    reasons = [r["gi_reason"] for r in rows(res["OUTPUT"])]
    assert all(re.search(r"Recycling \d,\d\d · Schutz \d,\d\d · Pool (\d,\d\d|–)", r) for r in reasons)
    assert any(r.startswith(("Recycling: entwickeln", "als Grüne Infrastruktur schützen", "Kandidat für den Kompensationspool",
                             "zu prüfen")) for r in reasons)
    assert any("Nicht angegeben, die Einordnung läuft ohne" in w for w in fb.warnings)


def test_help_explains_flaechenpool_and_states_the_defaults_in_both_languages(qgis_app):
    from gi_qgis_plugin.i18n import install_translator, remove_translator
    from gi_qgis_plugin.processing.brownfields import BrownfieldsAlgorithm
    from gi_qgis_plugin.scoring import brownfields as bf

    alg = BrownfieldsAlgorithm()
    en = alg.shortHelpString()
    assert "Flächenpool NRW is not a compensation pool" in en and "Ökokonto" in en
    assert f"default {bf.TARGET_VALUE:g}" in en and f"within the group distance ({bf.GROUP_DISTANCE_M:g} m)" in en
    assert install_translator("de"), "compiled German catalogue missing (tools/i18n.py compile)"
    try:
        de = alg.shortHelpString()
    finally:
        remove_translator()
    assert "Der Flächenpool NRW ist kein Kompensationspool" in de
    assert "Faktor 0,85 (Verdacht) bzw. 0,7 (Altlast)" in de


# ----------------------------------------------------------------------------------------------
# Real OSM polygons (Berlin-Moabit, EPSG:4326): industrial and commercial land standing in for
# landuse=brownfield, without any brownfield attribute
# ----------------------------------------------------------------------------------------------
@pytest.mark.shared_data
def test_real_osm_polygons_without_attributes_in_geographic_crs(moabit_dir, gi_provider):
    """Moabit lies wholly in the settlement area (the district boundary stands in for the ASB), so
    without any value the recycling case rests on the location and the size alone:
    c_recycling = (2·1 + 1·size) / 3 with size = (area − 100) / (5,000 − 100) clipped to 0–1 —
    worked out here from the ellipsoidal area of each original (EPSG:4326) polygon."""
    from qgis.core import QgsDistanceArea, QgsProject

    landuse = str(moabit_dir / "moabit_landuse.gpkg")
    sites = QgsVectorLayer(f"{landuse}|subset=\"fclass\" IN ('industrial', 'commercial')", "sites", "ogr")
    forest = QgsVectorLayer(f"{landuse}|subset=\"fclass\" = 'forest'", "forest", "ogr")
    assert sites.featureCount() == 42  # 12 industrial + 30 commercial (counted in the file)
    res, fb = run({"INPUT": sites, "SETTLEMENT": str(moabit_dir / "moabit_district.gpkg"), "FOREST": forest,
                   "PARKS": QgsVectorLayer(f"{landuse}|subset=\"fclass\" = 'park'", "parks", "ogr")})
    out = {r["osm_id"]: r for r in check_contract(res["OUTPUT"])}
    assert len(out) == 42
    assert res["OUTPUT"].crs().authid() == "EPSG:25833"  # processed and written in the UTM zone
    assert any("biotope value" in w and "Biotopverbund" in w for w in fb.warnings)
    da = QgsDistanceArea()
    da.setSourceCrs(sites.crs(), QgsProject.instance().transformContext())
    da.setEllipsoid("GRS80")
    recycled = 0
    for f in sites.getFeatures():
        r = out[f["osm_id"]]
        area = da.measureArea(f.geometry())
        assert "bw_unknown" in flags(r) and null(r["oekopunkte"])
        if area < 100:
            assert r["gi_class"] == "X" and "area_lt_min" in flags(r)
            continue
        expected = (2 + min(max((area - 100) / 4900, 0.0), 1.0)) / 3
        assert r["area_m2"] == pytest.approx(area, rel=5e-3)
        if "wald" not in flags(r):
            assert r["gi_category"] == "recycling" and r["c_recycling"] == pytest.approx(expected, rel=5e-3)
            assert r["gi_score"] == pytest.approx(100 * expected, rel=5e-3)
            recycled += 1
    assert recycled > 30


def test_runs_as_a_step_of_a_model(sample_gpkg, gi_provider, tmp_path):
    """Model Builder: a model whose one step is gi:brownfields, fed from model inputs."""
    import processing
    from qgis.core import (
        QgsProcessingModelAlgorithm,
        QgsProcessingModelChildAlgorithm,
        QgsProcessingModelChildParameterSource,
        QgsProcessingModelOutput,
        QgsProcessingModelParameter,
        QgsProcessingParameterFeatureSource,
    )

    model = QgsProcessingModelAlgorithm("brownfield triage", "test")
    for name in ("brownfields", "verbund"):
        model.addModelParameter(QgsProcessingParameterFeatureSource(name, name), QgsProcessingModelParameter(name))
    child = QgsProcessingModelChildAlgorithm("gi:brownfields")
    child.setChildId("triage")
    child.addParameterSources("INPUT", [QgsProcessingModelChildParameterSource.fromModelParameter("brownfields")])
    child.addParameterSources("BIOTOPVERBUND", [QgsProcessingModelChildParameterSource.fromModelParameter("verbund")])
    output = QgsProcessingModelOutput("triaged")
    output.setChildOutputName("OUTPUT")
    child.setModelOutputs({"triaged": output})
    model.addChildAlgorithm(child)
    out = tmp_path / "triaged.gpkg"
    res = processing.run(model, {"brownfields": f"{sample_gpkg}|layername=brownfields",
                                 "verbund": f"{sample_gpkg}|layername=biotopverbund", "triage:triaged": str(out)})
    layer = QgsVectorLayer(str(res["triage:triaged"]), "t", "ogr")
    direct, _ = run({"INPUT": f"{sample_gpkg}|layername=brownfields", "BIOTOPVERBUND": f"{sample_gpkg}|layername=biotopverbund"})
    assert [f["gi_category"] for f in layer.getFeatures()] == [f["gi_category"] for f in direct["OUTPUT"].getFeatures()]
    assert layer.featureCount() == QgsVectorLayer(f"{sample_gpkg}|layername=brownfields", "b", "ogr").featureCount()
