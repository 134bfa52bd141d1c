"""gi:flatroofs through processing.run: the Musterstadt sample and real data (Wesel LoD2, Moabit)."""

from __future__ import annotations

import math
import re
from collections import Counter

import pytest
from conftest import ensure_provider, recording_feedback_class, shared_path
from qgis.core import (
    NULL,
    QgsDistanceArea,
    QgsGeometry,
    QgsProject,
    QgsVectorLayer,
)

RESULT_FIELDS = ["gi_score", "gi_class", "gi_rank", "gi_hz", "gi_flags", "gi_reason", "gi_suit", "gi_need",
                 "slope_deg", "slope_class", "greenable_m2", "retention_m3a", "cm_green", "in_target_scope"]
ALL_CRITERIA = ["c_slope", "c_area", "c_build", "c_heat", "c_rain", "c_sewer", "c_green", "c_scope"]
# the help's class breaks and defaults: A from 70, B from 55, C from 40; NET_FACTOR 0.75,
# MAX_SLOPE 30°, PRECIP 922 mm/a; annual retention shares plain 0.1, extensive ≥ 10 cm 0.5,
# extensive sloped 0.4 (surfaces.csv)
CLASS_FROM = {"A": 70, "B": 55, "C": 40, "D": 0}
NET, MAX_SLOPE, PRECIP_M = 0.75, 30.0, 0.922
GAIN_FLAT, GAIN_SLOPED = 0.9 - 0.5, 0.9 - 0.6
SLOPE_CLASSES = {"0-5", "5-15", "15-30", "30-45", ">45", "unbekannt"}
DISTRICT_FIELDS = ["name", "flat_m2", "green_m2", "share_green", "target_m2", "missing_m2", "ab_m2", "covers"]


Feedback = recording_feedback_class()


def null(value) -> bool:
    return value is None or value == NULL


def run(alg_id, params):
    import processing

    fb = Feedback()
    res = processing.run(alg_id, {"OUTPUT": "TEMPORARY_OUTPUT", **params}, feedback=fb)
    return res, fb


def rows(layer):
    names = layer.fields().names()
    return [dict(zip(names, f.attributes()), _geom=QgsGeometry(f.geometry())) for f in layer.getFeatures()]


def check_contract(layer, criteria):
    names = layer.fields().names()
    for f in RESULT_FIELDS + criteria:
        assert f in names, f
    out = rows(layer)
    for r in out:
        assert r["gi_class"] in {"A", "B", "C", "D", "X"}
        assert r["slope_class"] in SLOPE_CLASSES
        assert re.fullmatch(r"\d\d(,\d\d)*", r["gi_hz"]) and "02" in r["gi_hz"].split(",")
        assert r["gi_hz"].split(",") == sorted(set(r["gi_hz"].split(",")))
        assert r["gi_reason"]
        for c in criteria:
            assert null(r[c]) or 0.0 <= r[c] <= 1.0
        if r["gi_class"] == "X":
            assert null(r["gi_score"]) and null(r["gi_rank"]) and null(r["gi_suit"]) and null(r["gi_need"])
        else:
            assert 0.0 <= r["gi_score"] <= 100.0
            assert r["gi_score"] >= CLASS_FROM[r["gi_class"]]
            # the score combines the two sub-scores (NEED_SHARE 0.5): √(suit × need), or suit alone
            if null(r["gi_need"]):
                assert r["gi_score"] == pytest.approx(r["gi_suit"])
            else:
                assert r["gi_score"] == pytest.approx(100 * math.sqrt(r["gi_suit"] / 100 * r["gi_need"] / 100))
    ranks = [r["gi_rank"] for r in out if not null(r["gi_rank"])]
    assert sorted(ranks) == list(range(1, len(ranks) + 1))
    # written in the input's order (the sample's bid keeps its ascending sequence)
    if "bid" in names:
        assert [r["bid"] for r in out] == sorted(r["bid"] for r in out)
    # the ranks follow the scores: rank 1 has the highest score
    by_rank = sorted((r for r in out if not null(r["gi_rank"])), key=lambda r: r["gi_rank"])
    scores = [r["gi_score"] for r in by_rank]
    assert scores == sorted(scores, reverse=True)
    return out


# ----------------------------------------------------------------------------------------------
# The Musterstadt sample
# ----------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def sample(sample_gpkg, qgis_processing):
    ensure_provider()
    g = str(sample_gpkg)
    folder = sample_gpkg.parent
    params = {
        "INPUT": f"{g}|layername=buildings",
        "HEAT": str(folder / "heat.tif"),
        "RAIN": str(folder / "starkregen.tif"),
        "SEWER": f"{g}|layername=sewer_combined",
        "PARKS": f"{g}|layername=parks",
        "SCOPE": f"{g}|layername=raumtyp",
        "DISTRICTS": f"{g}|layername=districts",
        "DISTRICT_TABLE": "TEMPORARY_OUTPUT",
    }
    res, fb = run("gi:flatroofs", params)
    buildings = QgsVectorLayer(f"{g}|layername=buildings", "b", "ogr")
    return {"res": res, "fb": fb, "gpkg": g, "buildings": buildings, "out": rows(res["OUTPUT"])}


def sample_buildings(layer):
    """What the help says per building, from its own attributes: greenable = NET × footprint /
    cos(slope) up to MAX_SLOPE (the footprint where the slope is unknown), nothing above."""
    out = {}
    for f in layer.getFeatures():
        slope = None if null(f["slope_deg"]) else float(f["slope_deg"])
        area = f.geometry().area()
        steep = slope is not None and slope > MAX_SLOPE
        greenable = 0.0 if steep else NET * (area / math.cos(math.radians(slope)) if slope is not None else area)
        flat = (slope is not None and slope <= 5) or (slope is None and f["roof_type"] == "1000")
        out[f["bid"]] = {
            "slope": slope, "greenable": greenable, "flat": flat, "footprint": area,
            "listed": f["listed"] == 1, "green": f["green_roof"] == 1, "pv": f["pv"] == 1,
            "steep": steep, "small": not steep and greenable < 10,
            "height": None if null(f["height_m"]) else float(f["height_m"]),
            "point": f.geometry().pointOnSurface(),
        }
    return out


def test_sample_output_follows_the_contract(sample):
    out = check_contract(sample["res"]["OUTPUT"], ALL_CRITERIA)
    assert len(out) == sample["buildings"].featureCount() == 2000
    classes = Counter(r["gi_class"] for r in out)
    assert classes["A"] + classes["B"] > 0 and classes["X"] > 0
    # the input fields are copied
    assert {"bid", "roof_type", "listed", "green_roof", "pv", "footprint_m2"} <= set(sample["res"]["OUTPUT"].fields().names())
    assert any("slope = slope_deg" in i and "roof type = roof_type" in i for i in sample["fb"].infos)


def test_sample_excluded_are_exactly_green_steep_and_small_never_listed(sample):
    ind = sample_buildings(sample["buildings"])
    out = {r["bid"]: r for r in sample["out"]}
    expected_x = {bid for bid, b in ind.items() if b["green"] or b["steep"] or b["small"]}
    got_x = {bid for bid, r in out.items() if r["gi_class"] == "X"}
    assert got_x == expected_x
    listed = {b for b, v in ind.items() if v["listed"]}
    assert {bid for bid, r in out.items() if "listed" in r["gi_flags"].split(",")} == listed
    # a listed building is flagged with the malus (c_build 0.5), not excluded
    assert any(out[b]["gi_class"] != "X" for b in listed)
    assert all(out[b]["c_build"] == 0.5 for b in listed) and {out[b]["c_build"] for b in ind if b not in listed} == {1.0}
    assert {bid for bid, r in out.items() if "green_exists" in r["gi_flags"].split(",")} == {b for b, v in ind.items() if v["green"]}
    assert {bid for bid, r in out.items() if "slope_gt_max" in r["gi_flags"].split(",")} == {b for b, v in ind.items() if v["steep"]}
    assert {bid for bid, r in out.items() if "pv_solar_green" in r["gi_flags"].split(",")} == {b for b, v in ind.items() if v["pv"]}
    assert all("26" in r["gi_hz"] for bid, r in out.items() if ind[bid]["pv"])
    for bid, r in out.items():
        assert r["greenable_m2"] == pytest.approx(ind[bid]["greenable"], rel=1e-9)
        if ind[bid]["slope"] is None:
            assert r["slope_class"] in ("unbekannt", "0-5") and null(r["c_slope"]) == (r["slope_class"] == "unbekannt")


def test_sample_retention_is_annual_on_the_horizontal_projection(sample):
    ind = sample_buildings(sample["buildings"])
    for r in sample["out"]:
        if r["gi_class"] == "X":
            assert null(r["retention_m3a"]) and null(r["cm_green"])
            continue
        b = ind[r["bid"]]
        # the rain on the footprint × NET × (0.9 − 0.5) on a 0–5° roof, × (0.9 − 0.6) on steeper
        # or unmeasured slopes; C_m of the design event 0.2 / 0.4 (DWA-A 138-1 Tab. 9)
        gain, c_m = (GAIN_FLAT, 0.2) if b["flat"] else (GAIN_SLOPED, 0.4)
        assert r["retention_m3a"] == pytest.approx(PRECIP_M * NET * b["footprint"] * gain)
        assert r["retention_m3a"] <= PRECIP_M * b["footprint"]
        assert r["cm_green"] == pytest.approx(c_m)


def height_factor(height):
    """1 up to 10 m, 0.5 from 30 m, linear between; 1 where unknown (the help's defaults)."""
    if height is None:
        return 1.0
    return 1.0 - 0.5 * min(max((height - 10.0) / 20.0, 0.0), 1.0)


def test_sample_heat_rain_and_target_area(sample):
    out = sample["out"]
    ind = sample_buildings(sample["buildings"])
    classes = set()
    for r in out:
        if null(r["c_heat"]):
            continue
        # c_heat = (class − 1) / 4 × the height factor: the class is one of five
        k = 1 + 4 * r["c_heat"] / height_factor(ind[r["bid"]]["height"])
        assert k == pytest.approx(round(k), abs=1e-9) and 1 <= round(k) <= 5
        classes.add(round(k))
        # HZ 01 exactly for the burdened classes 4 and 5
        assert ("01" in r["gi_hz"].split(",")) == (round(k) >= 4)
    assert len(classes) >= 4  # z-score classes against the whole raster spread
    for r in out:
        hz = r["gi_hz"].split(",")
        assert ("24" in hz) == ((not null(r["c_rain"]) and r["c_rain"] >= 0.5) or r["c_sewer"] == 1.0)
    # in_target_scope independently: the representative point lies in a raumtyp = Innenstadt polygon
    scope = QgsVectorLayer(f"{sample['gpkg']}|layername=raumtyp", "r", "ogr")
    inner = [f.geometry() for f in scope.getFeatures() if f["raumtyp"] == "Innenstadt"]
    ind = sample_buildings(sample["buildings"])
    for r in out:
        expected = int(any(g.contains(ind[r["bid"]]["point"]) for g in inner))
        assert r["in_target_scope"] == expected
        assert r["c_scope"] == float(expected)
    assert any(r["in_target_scope"] == 1 for r in out)


def test_sample_district_table_sums(sample):
    table = sample["res"]["DISTRICT_TABLE"]
    for f in DISTRICT_FIELDS:
        assert f in table.fields().names()
    dist = rows(table)
    districts = QgsVectorLayer(f"{sample['gpkg']}|layername=districts", "d", "ogr")
    assert len(dist) == districts.featureCount()
    geoms = {f["name"]: f.geometry() for f in districts.getFeatures()}
    ind = sample_buildings(sample["buildings"])
    out = {r["bid"]: r for r in sample["out"]}
    for d in dist:
        g = geoms[d["name"]]
        inside = [bid for bid, b in ind.items() if g.contains(b["point"])]
        flat = sum(ind[b]["greenable"] for b in inside if ind[b]["flat"])
        green = sum(ind[b]["greenable"] for b in inside if ind[b]["flat"] and ind[b]["green"])
        ab = sum(ind[b]["greenable"] for b in inside if ind[b]["flat"] and out[b]["gi_class"] in ("A", "B"))
        assert d["flat_m2"] == pytest.approx(flat, rel=1e-6)
        assert d["green_m2"] == pytest.approx(green, rel=1e-6, abs=1e-6)
        assert d["target_m2"] == pytest.approx(0.5 * flat, rel=1e-6)
        assert d["missing_m2"] == pytest.approx(max(0.5 * flat - green, 0.0), rel=1e-6, abs=1e-6)
        assert d["share_green"] == pytest.approx(green / flat, rel=1e-6)
        assert d["ab_m2"] == pytest.approx(ab, rel=1e-6, abs=1e-6)
        assert d["covers"] == int(ab >= max(0.5 * flat - green, 0.0) - 1e-6)
    # the districts tile the sample: all flat roofs summed over districts = all flat roofs
    total_flat = sum(b["greenable"] for b in ind.values() if b["flat"] and any(g.contains(b["point"]) for g in geoms.values()))
    assert sum(d["flat_m2"] for d in dist) == pytest.approx(total_flat, rel=1e-6)


def test_sample_heat_polygons_and_scope_without_districts(sample_gpkg, gi_provider):
    g = str(sample_gpkg)
    res, fb = run("gi:flatroofs", {
        "INPUT": f"{g}|layername=buildings", "HEAT_POLYGONS": f"{g}|layername=klimatope",
        "HEAT_FIELD": "heat_class", "SCOPE": f"{g}|layername=raumtyp", "DISTRICT_TABLE": "TEMPORARY_OUTPUT",
        "HEIGHT_FACTOR": 1.0})  # no height modifier: c_heat is (class − 1) / 4
    out = check_contract(res["OUTPUT"], ["c_slope", "c_area", "c_build", "c_heat", "c_scope"])
    assert "c_rain" not in res["OUTPUT"].fields().names()
    assert {r["c_heat"] for r in out if not null(r["c_heat"])} <= {0.0, 0.25, 0.5, 0.75, 1.0}
    # dropped criteria are named in a warning
    assert any("c_rain" in w for w in fb.warnings) and any("c_green" in w for w in fb.warnings)
    table = rows(res["DISTRICT_TABLE"])
    scope = QgsVectorLayer(f"{g}|layername=raumtyp", "r", "ogr")
    assert len(table) == scope.featureCount()
    assert {r["name"] for r in table} == {f["raumtyp"] for f in scope.getFeatures()}


def test_sample_reasons_in_german(sample_gpkg, gi_provider, qgis_app):
    from gi_qgis_plugin.i18n import install_translator, remove_translator

    assert install_translator("de"), "compiled German catalogue missing (tools/i18n.py compile)"
    try:
        res, _ = run("gi:flatroofs", {"INPUT": f"{sample_gpkg}|layername=buildings"})
    finally:
        remove_translator()
    reasons = [r["gi_reason"] for r in rows(res["OUTPUT"])]
    assert any(r.startswith("Flachdach 0–5°; ") and "m² begrünbar" in r for r in reasons)


# ----------------------------------------------------------------------------------------------
# Real data
# ----------------------------------------------------------------------------------------------
SLOPE_BOUNDS = (("0-5", 5), ("5-15", 15), ("15-30", 30), ("30-45", 45), (">45", 91))
CLASS_KEYS = ("0_5", "5_15", "15_30", "30_45", "gt45")
C_SLOPE = {"0_5": 1.0, "5_15": 0.75, "15_30": 0.5}  # the greenable classes up to 30° and their values


@pytest.fixture(scope="module")
def wesel(qgis_processing):
    ensure_provider()
    lod2, _ = run("gi:importlod2", {"FOLDER": str(shared_path("lod2_wesel"))})
    buildings = lod2["OUTPUT"]
    if isinstance(buildings, str):
        buildings = QgsVectorLayer(buildings, "lod2", "ogr")
    res, fb = run("gi:flatroofs", {"INPUT": buildings})
    return {"buildings": buildings, "res": res, "fb": fb, "out": {r["gml_id"]: r for r in check_contract(res["OUTPUT"], ["c_slope", "c_area"])}}


@pytest.mark.shared_data
def test_wesel_lod2_tiles_via_importlod2(wesel):
    buildings, out, fb = wesel["buildings"], wesel["out"], wesel["fb"]
    assert buildings.featureCount() == 311 and len(out) == 311
    assert any("greenable area = roof surfaces per slope class" in i for i in fb.infos)
    for b in buildings.getFeatures():
        r = out[b["gml_id"]]
        t = {k: b[f"t_{k}_m2"] for k in CLASS_KEYS}
        h = {k: b[f"h_{k}_m2"] for k in CLASS_KEYS}
        # greenable: NET × the true area of the surfaces up to 30°, from the import's own fields
        gross = sum(t[k] for k in C_SLOPE)
        assert r["greenable_m2"] == pytest.approx(NET * gross, abs=1e-9)
        if gross > 0:
            assert r["c_slope"] == pytest.approx(sum(C_SLOPE[k] * t[k] for k in C_SLOPE) / gross)
            largest = max(C_SLOPE, key=lambda k: (t[k], -list(C_SLOPE).index(k)))
            assert r["slope_class"] == largest.replace("_", "-")
        else:
            assert "slope_gt_max" in r["gi_flags"] and r["gi_class"] == "X"
            slope = b["slope_deg"]
            assert r["slope_class"] == next(lbl for lbl, hi in SLOPE_BOUNDS if slope <= hi)
        # excluded exactly when nothing up to 30° or under 10 m² net
        assert (r["gi_class"] == "X") == (gross == 0 or NET * gross < 10), b["gml_id"]
        # done-when 1: no roof of 5–30° with ≥ 10 m² greenable is excluded for its area
        if 5 < b["slope_deg"] <= 30 and r["greenable_m2"] >= 10:
            assert "area_lt_min" not in r["gi_flags"] and r["gi_class"] != "X"
        # done-when 2: the annual retention never exceeds the rain on the footprint
        if r["gi_class"] != "X":
            horiz_flat = h["0_5"]
            horiz_sloped = h["5_15"] + h["15_30"]
            assert r["retention_m3a"] == pytest.approx(
                PRECIP_M * NET * (horiz_flat * GAIN_FLAT + horiz_sloped * GAIN_SLOPED))
            assert r["retention_m3a"] <= b["footprint_m2"] * PRECIP_M
    # done-when 3: all five classes occur with the defaults (A 55, B 112, C 62, D 9, X 73 on
    # the three tiles of 2021)
    classes = Counter(r["gi_class"] for r in out.values())
    assert set(classes) == {"A", "B", "C", "D", "X"}
    # pitched roofs are scored now: most roofs of 5–30° are in A–D (with flat_roof_m2 as the
    # greenable area they were all X)
    pitched = [out[b["gml_id"]] for b in buildings.getFeatures() if 5 < b["slope_deg"] <= 30]
    assert len(pitched) >= 30 and sum(r["gi_class"] != "X" for r in pitched) >= 0.9 * len(pitched)


@pytest.mark.shared_data
@pytest.mark.parametrize("gml_id, greenable, c_slope, c_area, score, klass, retention", [
    # gable roof at 10°: one 5–15° surface pair, true 458.39 m², horizontal 451.35 m² (the import's
    # t_5_15_m2 / h_5_15_m2). greenable 0.75 × 458.39 = 343.79; c_area log10(34.379) / 2 = 0.7681;
    # score = suit = (0.75 + 0.7681) / 2 = 75.91 → A; retention 0.922 × 0.75 × 451.35 × 0.3 = 93.63
    ("DENW34AL00008xOr", 343.79, 0.75, 0.76815, 75.91, "A", 93.63),
    # flat part 109.50 m² (horizontal 109.50) + 5–15° part 321.28 m² (horizontal 314.22):
    # greenable 0.75 × 430.78 = 323.09; c_slope (109.50 + 0.75 × 321.28) / 430.78 = 0.8135;
    # c_area log10(32.309) / 2 = 0.7547; score 78.41 → A;
    # retention 0.922 × 0.75 × (109.50 × 0.4 + 314.22 × 0.3) = 95.47
    ("DENW34AL0002kh2h", 323.09, 0.81355, 0.75466, 78.41, "A", 95.47),
    # gable at 29.9°: 103.78 m² at 15–30° (horizontal 90.43) and 49.21 m² at 30–45° (not greenable):
    # greenable 77.84; c_area log10(7.784) / 2 = 0.4456; score (0.5 + 0.4456) / 2 = 47.28 → C;
    # retention 0.922 × 0.75 × 90.43 × 0.3 = 18.76
    ("DENW34AL00008xCU", 77.84, 0.5, 0.44559, 47.28, "C", 18.76),
    # flat garage 32.12 m²: greenable 24.09; c_area log10(2.409) / 2 = 0.1909; score 59.55 → B;
    # retention 0.922 × 0.75 × 32.12 × 0.4 = 8.88
    ("DENW34AL0001FY91", 24.09, 1.0, 0.19092, 59.55, "B", 8.88),
    # small pitched roof, 29.71 m² at 15–30° (horizontal 28.25): greenable 22.28; c_area 0.1740;
    # score (0.5 + 0.1740) / 2 = 33.70 → D; retention 0.922 × 0.75 × 28.25 × 0.3 = 5.86
    ("DENW34AL00008xHQ", 22.28, 0.5, 0.17398, 33.70, "D", 5.86),
])
def test_wesel_named_buildings_worked_by_hand(wesel, gml_id, greenable, c_slope, c_area, score, klass, retention):
    r = wesel["out"][gml_id]
    assert r["greenable_m2"] == pytest.approx(greenable, abs=0.01)
    assert r["c_slope"] == pytest.approx(c_slope, abs=1e-4)
    assert r["c_area"] == pytest.approx(c_area, abs=1e-4)
    assert r["gi_score"] == pytest.approx(score, abs=0.01) and r["gi_suit"] == pytest.approx(score, abs=0.01)
    assert null(r["gi_need"])  # no need data on the LoD2 tiles alone: the score is the suitability
    assert r["gi_class"] == klass
    assert r["retention_m3a"] == pytest.approx(retention, abs=0.01)


@pytest.mark.shared_data
def test_wesel_steep_roof_is_excluded_and_big_flat_roof_leads(wesel):
    # a 50° roof (only surfaces > 45°): nothing greenable up to 30°
    steep = wesel["out"]["DENW34AL00008xOv"]
    assert steep["gi_class"] == "X" and steep["gi_flags"].split(",")[0] == "slope_gt_max"
    assert steep["greenable_m2"] == 0.0 and "no roof surface up to 30° (excluded)" in steep["gi_reason"]
    # the 14,970.56 m² flat hall: c_area 1, c_slope 1 → 100, rank 1;
    # retention 0.922 × 0.75 × 14,970.56 × 0.4 = 4,140.9 m³/a
    hall = wesel["out"]["DENW34AL0001Tv4v"]
    assert hall["gi_score"] == pytest.approx(100.0) and hall["gi_rank"] == 1
    assert hall["retention_m3a"] == pytest.approx(0.922 * 0.75 * 14970.56 * 0.4, rel=1e-5)


@pytest.mark.shared_data
def test_moabit_osm_buildings_in_wgs84_without_slope(moabit_dir, gi_provider):
    layer = QgsVectorLayer(str(moabit_dir / "moabit_build.gpkg"), "moabit", "ogr")
    assert layer.crs().authid() == "EPSG:4326"
    res, fb = run("gi:flatroofs", {"INPUT": layer})
    out_layer = res["OUTPUT"]
    assert out_layer.crs().authid() == "EPSG:25833"
    assert any("geographic" in w for w in fb.warnings)
    assert any("no slope and no roof type field" in w for w in fb.warnings)
    out = check_contract(out_layer, ["c_area"])
    assert "c_slope" not in out_layer.fields().names()
    assert all(null(r["gi_need"]) for r in out)  # no need layer given
    assert len(out) == layer.featureCount()
    assert all(r["slope_class"] == "unbekannt" for r in out)
    assert all("slope_unknown" in r["gi_flags"] for r in out if not r["_geom"].isEmpty())
    # areas in metres: the UTM area agrees with the ellipsoidal area of the WGS84 polygon
    da = QgsDistanceArea()
    da.setSourceCrs(layer.crs(), QgsProject.instance().transformContext())
    da.setEllipsoid("EPSG:7030")
    by_id = {f["OBJECTID"]: f for f in layer.getFeatures()}
    checked = 0
    for r in out[:200]:
        src = by_id[r["OBJECTID"]]
        if src.geometry().isEmpty() or null(r["greenable_m2"]):
            continue
        assert r["greenable_m2"] == pytest.approx(NET * da.measureArea(src.geometry()), rel=0.005)
        checked += 1
    assert checked > 100
