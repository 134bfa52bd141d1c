"""Roof greening scoring (scoring/roofs.py): hand-worked numbers, no QGIS needed."""

from __future__ import annotations

import math

import numpy as np
import pytest

from gi_qgis_plugin.scoring import criteria, roofs
from gi_qgis_plugin.scoring.criteria import HeatClasses, HeatScale
from gi_qgis_plugin.scoring.reasons import Texts, join_fragments

NAN = np.nan


def obj(*values):
    return np.array(values, dtype=object)


# ----------------------------------------------------------------------------------------------
# Lookup tables
# ----------------------------------------------------------------------------------------------
def test_every_lookup_row_names_its_source():
    for name in ("roof_slope_classes.csv", "surfaces.csv", "roof_types.csv",
                 "roof_shapes_osm.csv", "heat_classes.csv"):
        rows = roofs._read_csv(name)
        assert rows and all(r["source"].strip() for r in rows), name


def test_slope_classes_follow_muenster_bounds_and_unknown_is_never_flat():
    s = np.array([0, 5, 5.01, 15, 29.9, 30, 45, 45.1, 90, -1, 95, NAN])
    res = roofs.classify_slope(s, None, s.size)
    assert res.slope_class.tolist() == ["0-5", "0-5", "5-15", "5-15", "15-30", "15-30", "30-45", ">45", ">45",
                                        "unbekannt", "unbekannt", "unbekannt"]
    np.testing.assert_allclose(res.c_slope[:7], [1, 1, 0.75, 0.75, 0.5, 0.5, 0.25])
    assert np.isnan(res.c_slope[7:]).all()
    assert res.steep.tolist() == [False] * 7 + [True, True, False, False, False]
    assert res.unknown.tolist() == [False] * 9 + [True, True, True]


def test_flat_roof_type_without_slope_is_class_0_5_with_flag():
    slope = np.array([NAN, NAN, 20.0, NAN])
    codes = roofs.roof_codes(obj("1000", "3100", "1000", None))
    res = roofs.classify_slope(slope, roofs.flat_by_type(codes), 4)
    assert res.slope_class.tolist() == ["0-5", "unbekannt", "15-30", "unbekannt"]
    assert res.from_type.tolist() == [True, False, False, False]  # a measured slope wins
    assert res.c_slope[0] == 1.0 and np.isnan(res.c_slope[1]) and res.c_slope[2] == 0.5


def test_roof_codes_read_adv_codes_names_and_osm_roof_shape():
    values = obj("1000", 1000, 1000.0, "Flachdach", "flat", "FLAT", "skillion", "gabled", "hipped",
                 "half-hipped", "pyramidal", "3100", 2100.0, None, "", "foo", "1234", "nan")
    assert roofs.roof_codes(values).tolist() == [
        "1000", "1000", "1000", "1000", "1000", "1000", "2100", "3100", "3200",
        "3300", "3500", "3100", "2100", None, None, None, None, None]


def test_truthy_reads_numbers_booleans_and_german_english_words():
    val, known = roofs.truthy(obj("ja", "Nein", "1", "0", "x", None, "yes", "false", "egal", True, 2))
    assert val.tolist() == [True, False, True, False, True, False, True, False, False, True, True]
    assert known.tolist() == [True, True, True, True, True, False, True, True, False, True, True]
    val, known = roofs.truthy(np.array([0.0, 1.0, NAN]))
    assert val.tolist() == [False, True, False] and known.tolist() == [True, True, False]


def test_detect_field_is_case_insensitive_and_ordered():
    assert roofs.detect_field(["id", "Dachneigung", "SLOPE"], "slope") == "Dachneigung"
    assert roofs.detect_field(["id", "roof:shape"], "roof_type") == "roof:shape"
    # flat_roof_m2 (the 0–5° part of a LoD2 roof) is never taken as the greenable area by name
    assert roofs.detect_field(["id", "Flat_Roof_M2"], "area") is None
    assert roofs.detect_field(["id", "footprint_m2"], "area") is None
    assert roofs.detect_field(["id", "HEIGHT_M", "hoehe"], "height") == "HEIGHT_M"
    assert roofs.detect_field(["Denkmal", "GRUENDACH", "Solar"], "listed") == "Denkmal"
    assert roofs.detect_field(["Denkmal", "GRUENDACH", "Solar"], "green") == "GRUENDACH"
    assert roofs.detect_field(["Denkmal", "GRUENDACH", "Solar"], "pv") == "Solar"


# ----------------------------------------------------------------------------------------------
# Criteria
# ----------------------------------------------------------------------------------------------
def test_heat_classes_text_numbers_and_temperatures():
    c, bad = roofs.heat_criterion(obj("sehr ungünstig", "ungünstig", "weniger günstig", "Günstig",
                                  "sehr guenstig", "very unfavorable", None, "heiß"))
    np.testing.assert_allclose(c[:6], [1, 0.75, 0.5, 0.25, 0, 1])
    assert np.isnan(c[6:]).all() and bad == ["heiß"]
    c, _ = roofs.heat_criterion(np.array([1.0, 2.0, 5.0, NAN]))
    np.testing.assert_allclose(c, [0, 0.25, 1, NAN])
    c, _ = roofs.heat_criterion(np.array([1.0, 2.0, 5.0]), higher_is_hotter=False)
    np.testing.assert_allclose(c, [1, 0.75, 0])
    c, _ = roofs.heat_criterion(np.array([18.0, 21.0, 24.0]))  # °C: min-max of this run
    np.testing.assert_allclose(c, [0, 0.5, 1])


def test_thermal_load_classes_never_scale_over_the_run():
    # z-score against a reference extent (mean 18, sd 1): z −2, −0.5, 0.5, 1.5, 3 → classes 1…5
    k = criteria.classes_of_values(np.array([16.0, 17.5, 18.5, 19.5, 21.0, NAN]), HeatScale(), 18.0, 1.0)
    assert k.n == 5 and k.cls[:5].tolist() == [1, 2, 3, 4, 5] and np.isnan(k.cls[5])
    np.testing.assert_allclose(k.c_heat()[:5], [0, 0.25, 0.5, 0.75, 1])
    # the same values in one cool district: still low classes (no min–max: 1.0 nowhere)
    # (z −2, −1.5, −1: all class 1, the −1 on the break included)
    cool = criteria.classes_of_values(np.array([16.0, 16.5, 17.0]), HeatScale(), 18.0, 1.0)
    assert cool.cls.tolist() == [1, 1, 1]
    # a value on a break stays in the lower class; absolute breaks give n = breaks + 1
    k = criteria.classes_of_values(np.array([17.0, 17.1, 20.0]), HeatScale(breaks=(17.0, 20.0)), 0, 0)
    assert k.n == 3 and k.cls.tolist() == [1, 2, 2]
    # lower value = more burden (e.g. a cooling index): turned round
    k = criteria.classes_of_values(np.array([16.0, 21.0]), HeatScale(higher_is_hotter=False), 18.0, 1.0)
    assert k.cls.tolist() == [5, 1]
    # burdened: the two most burdened of five classes (ungünstig, sehr ungünstig; LANUV)
    assert HeatClasses(np.array([1, 3, 4, 5, NAN]), 5).burdened(2).tolist() == [False, False, True, True, False]


def test_class_numbers_of_four_or_five_classes_in_either_direction():
    # Berlin: four classes, 4 = most burdened → c_heat 0, 1/3, 2/3, 1; burdened (2): 3 and 4
    k = criteria.classes_of_numbers(np.array([1.0, 2.0, 3.0, 4.0]), HeatScale(n_classes=4))
    np.testing.assert_allclose(k.c_heat(), [0, 1 / 3, 2 / 3, 1])
    assert k.burdened(2).tolist() == [False, False, True, True]
    # Köln: class 1 = most burdened → HEAT_ORDER "lower = more heat"
    k = criteria.classes_of_numbers(np.array([1.0, 5.0]), HeatScale(higher_is_hotter=False))
    np.testing.assert_allclose(k.c_heat(), [1, 0])
    assert criteria.classes_of_numbers(np.array([1.0, 6.0]), HeatScale()) is None  # not 5 classes
    assert criteria.classes_of_numbers(np.array([1.5, 2.0]), HeatScale()) is None
    cls, num = criteria.classes_of_labels(obj("sehr ungünstig", "Günstig", "19,5", "heiß", None))
    assert cls[:2].tolist() == [5, 2] and np.isnan(cls[2:]).all()
    assert num[2] == 19.5 and np.isnan(num[[0, 1, 3, 4]]).all()
    assert criteria.parse_breaks("19; 17,18 ") == (17.0, 18.0, 19.0)
    with pytest.raises(ValueError):
        criteria.parse_breaks("17,warm")


def test_height_factor_full_up_to_10_m_half_from_30_m():
    f = criteria.height_factor(np.array([3.0, 10.0, 20.0, 30.0, 80.0, NAN]), 10.0, 30.0, 0.5, 6)
    np.testing.assert_allclose(f, [1, 1, 0.75, 0.5, 0.5, 1])
    assert criteria.height_factor(None, 10, 30, 0.5, 2).tolist() == [1.0, 1.0]


def test_rain_area_and_park_criteria():
    np.testing.assert_allclose(roofs.rain_criterion(np.array([0, 0.05, 0.25, 1.0, NAN])), [0, 0.2, 1, 1, NAN])
    # log ramp: 10 m² → 0, 100 m² → 0.5, 1,000 m² → 1; a 60 m² roof (Essen's funding limit) 0.389
    np.testing.assert_allclose(roofs.c_area(np.array([5, 10, 60, 100, 1000, 2000, NAN])),
                               [0, 0, math.log10(6) / 2, 0.5, 1, 1, NAN])
    np.testing.assert_allclose(roofs.green_criterion(np.array([0, 150, 300, np.inf, NAN])), [0, 0.5, 1, 1, NAN])


def test_greenable_surfaces_from_footprint_and_mean_slope():
    fp = np.full(5, 100.0)
    slope = np.array([0.0, 20.0, 30.0, 31.0, NAN])
    su = roofs.roof_surfaces(fp, slope, None, 30.0)
    cos20, cos30 = math.cos(math.radians(20)), math.cos(math.radians(30))
    # up to 30° counted (true area footprint / cos), 31° steep (nothing), unknown: the footprint
    np.testing.assert_allclose(su.true_m2, [100, 100 / cos20, 100 / cos30, 0, 100])
    np.testing.assert_allclose(su.horiz_m2, [100, 100, 100, 0, 100])  # rain: the footprint
    np.testing.assert_allclose(su.horiz_flat_m2, [100, 0, 0, 0, 0])
    assert su.steep.tolist() == [False, False, False, True, False]
    assert su.unknown.tolist() == [False, False, False, False, True]
    np.testing.assert_allclose(su.c_slope[:3], [1, 0.5, 0.5])
    assert np.isnan(su.c_slope[3:]).all()
    # MAX_SLOPE 35°: the 31° roof counts; a class the CSV excludes (> 45°) never does
    su = roofs.roof_surfaces(np.full(2, 100.0), np.array([31.0, 50.0]), None, 60.0)
    assert su.steep.tolist() == [False, True] and su.c_slope[0] == 0.25


def test_greenable_surfaces_per_slope_class_of_a_lod2_roof():
    # columns: 0–5, 5–15, 15–30, 30–45, > 45 (true m², horizontal m²)
    true = np.array([[0.0, 458.39, 0.0, 0.0, 0.0],  # gable at 10°: scored, not "0 m² flat"
                     [109.5, 321.28, 0.0, 0.0, 0.0],  # flat part + 5–15° part
                     [22.36, 0.0, 0.0, 167.05, 0.0],  # flat dormer + 30–45° main roof
                     [0.0, 0.0, 0.0, 0.0, 34.89]])  # steep only
    horiz = np.array([[0.0, 451.35, 0.0, 0.0, 0.0], [109.5, 314.22, 0.0, 0.0, 0.0],
                      [22.36, 0.0, 0.0, 124.10, 0.0], [0.0, 0.0, 0.0, 0.0, 22.37]])
    fp = np.array([451.35, 423.73, 146.46, 22.37])
    slope = np.array([10.06, 8.98, 37.06, 50.11])
    su = roofs.roof_surfaces(fp, slope, None, 30.0, true, horiz)
    np.testing.assert_allclose(su.true_m2, [458.39, 430.78, 22.36, 0.0])
    np.testing.assert_allclose(su.horiz_m2, [451.35, 423.72, 22.36, 0.0])
    np.testing.assert_allclose(su.horiz_flat_m2, [0.0, 109.5, 22.36, 0.0])
    # c_slope weighted by true area: (1 × 109.5 + 0.75 × 321.28) / 430.78 = 0.8135
    np.testing.assert_allclose(su.c_slope[:3], [0.75, (109.5 + 0.75 * 321.28) / 430.78, 1.0])
    assert su.slope_class.tolist() == ["5-15", "5-15", "0-5", ">45"]  # the largest greenable class
    assert su.steep.tolist() == [False, False, False, True]
    # an area field wins over the classes; NULL there falls back to them (flag)
    su = roofs.roof_surfaces(fp[:2], slope[:2], None, 30.0, true[:2], horiz[:2], np.array([200.0, NAN]))
    np.testing.assert_allclose(su.true_m2, [200.0, 430.78])
    assert su.horiz_m2[0] == pytest.approx(200 * math.cos(math.radians(10.06)))
    assert su.from_footprint.tolist() == [False, True]


def test_annual_retention_on_the_horizontal_projection():
    # 100 m² flat, 0.922 m/a, net 0.75, extensive ≥ 10 cm: 0.922 × 75 × (0.9 − 0.5) = 27.66 m³/a
    r = roofs.retention_m3a(np.array([100.0]), np.array([100.0]), 922.0)
    assert r[0] == pytest.approx(27.66)
    # the sloped extensive row (annual retention 0.4) on the steeper part: (0.9 − 0.6)
    r = roofs.retention_m3a(np.array([100.0, 100.0]), np.array([0.0, 40.0]), 1000.0, 1.0)
    np.testing.assert_allclose(r, [30.0, 40 * 0.4 + 60 * 0.3])
    # build-ups: under 10 cm 0.4 − 0.1 retained more, intensive 0.7
    np.testing.assert_allclose([roofs.retention_m3a(np.array([100.0]), np.array([100.0]), 1000.0, 1.0, b)[0]
                                for b in roofs.BUILDUPS], [30.0, 40.0, 60.0])
    # same footprint, 30° and 44°: the same rain (the old 3D area gave 102.8 and 123.7 m³/a)
    su = roofs.roof_surfaces(np.array([100.0, 100.0]), np.array([30.0, 44.0]), None, 45.0)
    r = roofs.retention_m3a(su.horiz_m2, su.horiz_flat_m2, 890.0)
    assert r[0] == r[1]
    # design figure C_m (DWA-A 138-1 Tab. 9): 0.2 on the flat part, 0.4 on the sloped part
    np.testing.assert_allclose(roofs.design_runoff_coefficient(np.array([100.0, 100.0]), np.array([100.0, 25.0])),
                               [0.2, 0.25 * 0.2 + 0.75 * 0.4])


def test_retention_never_exceeds_the_rain_on_the_footprint():
    rng = np.random.default_rng(7)
    fp = rng.uniform(5, 5000, 500)
    slope = rng.uniform(0, 60, 500)
    su = roofs.roof_surfaces(fp, slope, None, 30.0)
    for buildup in roofs.BUILDUPS:
        r = roofs.retention_m3a(su.horiz_m2, su.horiz_flat_m2, 922.0, 1.0, buildup)
        assert np.all(r <= fp * 0.922 + 1e-9)


# ----------------------------------------------------------------------------------------------
# The whole scoring, worked by hand
# ----------------------------------------------------------------------------------------------
@pytest.fixture
def ten_roofs():
    #              A      B      C      D      E       F      G      H      I      J
    fp = np.array([1000., 100., 10., 100., 100., 200., 300., 5., NAN, 100.])
    slope = np.array([0., 10., 20., NAN, NAN, 50., 0., 0., 0., 0.])
    roof = obj("1000", "3100", None, "3100", "flat", None, None, None, None, None)
    heat = HeatClasses(np.array([5, 3, NAN, 1, 2, 5, 5, 5, 5, 5], dtype=float), 5)
    height = np.array([5.0, NAN, NAN, NAN, NAN, NAN, 20.0, NAN, NAN, NAN])
    listed = np.array([0, 0, 0, 0, 0, 0, 1, 0, 0, 0], bool)
    green = np.array([0, 0, 0, 0, 0, 0, 0, 0, 0, 1], bool)
    pv = np.array([0, 1, 0, 0, 0, 0, 0, 0, 0, 0], bool)
    inp = roofs.RoofInputs(footprint_m2=fp, slope_deg=slope, roof_type=roof, listed=listed, green=green,
                           pv=pv, heat=heat, height_m=height)
    # net factor 1 and 1,000 mm/a keep the numbers round; c_build is written but weighs 0
    params = roofs.RoofParams(precip_mm=1000.0, net_factor=1.0, weights={"slope": 1, "area": 1, "heat": 1})
    return roofs.score_roofs(inp, params)


def test_scores_are_the_hand_worked_geometric_means(ten_roofs):
    r = ten_roofs
    # suit = (c_slope + c_area) / 2, need = c_heat, score = 100 × √(suit × need)
    ca_b = math.log10(100 / math.cos(math.radians(10)) / 10) / 2  # 101.5 m² → 0.5033
    ca_c = math.log10(10 / math.cos(math.radians(20)) / 10) / 2  # 10.64 m² → 0.0135
    ca_g = math.log10(300 / 10) / 2  # 0.7386
    expected = [
        100.0,  # A: suit (1 + 1) / 2, need class 5 → 1
        100 * math.sqrt((0.75 + ca_b) / 2 * 0.5),  # B: 5–15°, class 3 → 0.5: 55.97
        100 * (0.5 + ca_c) / 2,  # C: no heat value → need unknown → the suitability: 25.68
        0.0,  # D: slope unknown (left out), c_area 0.5; class 1 → need 0 → 0
        100 * math.sqrt((1 + 0.5) / 2 * 0.25),  # E: flat by type; class 2 → 0.25: 43.30
        NAN, 100 * math.sqrt((1 + ca_g) / 2 * 0.75),  # F steep; G listed (not excluded), 20 m high → 1 × 0.75
        NAN, NAN, NAN]
    np.testing.assert_allclose(r.score, expected)
    np.testing.assert_allclose(r.suit[:5], [100, 100 * (0.75 + ca_b) / 2, 100 * (0.5 + ca_c) / 2, 50, 75])
    assert np.isnan(r.need[2]) and r.need[3] == 0.0 and r.need[6] == pytest.approx(75.0)
    assert r.gi_class.tolist() == ["A", "B", "D", "D", "C", "X", "A", "X", "X", "X"]
    assert r.rank.tolist() == [1, 3, 5, 6, 4, 0, 2, 0, 0, 0]
    assert set(r.criteria) == {"slope", "area", "build", "heat"} and r.scored == ["slope", "area", "heat"]
    np.testing.assert_allclose(r.criteria["build"][[0, 6]], [1.0, 0.5])  # the listed malus


def test_flags_exclusions_and_handlungsziele(ten_roofs):
    r = ten_roofs
    assert r.flags.tolist() == [
        "", "pv_solar_green", "heat_nodata", "slope_unknown", "slope_from_type",
        "slope_gt_max", "listed", "area_lt_min", "geom_empty", "green_exists"]
    # HZ 01 only for the burdened classes 4 and 5 (not class 3 of B)
    assert r.hz.tolist() == ["01,02", "02,26", "02", "02", "02", "01,02", "01,02", "01,02", "02", "01,02"]
    assert r.slope_class.tolist() == ["0-5", "5-15", "15-30", "unbekannt", "0-5", ">45", "0-5", "0-5", "0-5", "0-5"]
    assert r.flat.tolist() == [True, False, False, False, True, False, True, True, False, True]


def test_retention_and_areas_of_the_ten_roofs(ten_roofs):
    r = ten_roofs
    np.testing.assert_allclose(r.greenable_m2[[0, 2, 3, 4, 5]], [1000, 10 / math.cos(math.radians(20)), 100, 100, 0])
    # 1 m/a × horizontal × (0.9 − 0.5) on flat, (0.9 − 0.6) on sloped or unmeasured slopes
    np.testing.assert_allclose(r.retention_m3a[[0, 1, 2, 3, 4, 6]], [400.0, 30.0, 3.0, 30.0, 40.0, 120.0])
    np.testing.assert_allclose(r.cm_green[[0, 1, 3, 4]], [0.2, 0.4, 0.4, 0.2])
    assert np.isnan(r.retention_m3a[[5, 7, 8, 9]]).all()
    assert np.isnan(r.slope_deg[3]) and np.isnan(r.slope_deg[4]) and r.slope_deg[1] == 10.0


def test_reasons_name_each_criterion(ten_roofs):
    r = ten_roofs
    assert r.reason[0] == "flat roof 0–5°; 1000 m² greenable; high heat load"
    assert r.reason[1] == "roof slope 5–15°; 102 m² greenable; moderate heat load; PV on the roof: solar green roof"
    assert r.reason[2] == "roof slope 15–30°; 11 m² greenable; no heat value"
    assert r.reason[3] == "roof slope unknown; 100 m² greenable; low heat load"
    assert r.reason[4].startswith("flat roof by roof type (slope not given); 100 m² greenable; moderate heat load")
    assert r.reason[5] == "no roof surface up to 30° (excluded); high heat load"
    assert r.reason[6] == ("listed building: permit under monument law needed; flat roof 0–5°; 300 m² greenable; "
                           "high heat load; building 20 m high: less heat benefit at street level")
    assert "less than 10 m² greenable (excluded)" in r.reason[7]
    assert r.reason[8] == "no usable geometry (excluded)"
    assert r.reason[9].startswith("green roof already there (excluded)")


def test_all_optional_criteria_with_rain_sewer_parks_scope():
    fp = np.array([100.0, 100.0, 100.0])
    inp = roofs.RoofInputs(
        footprint_m2=fp, slope_deg=np.array([0.0, 0.0, 0.0]),
        rain_depth_m=np.array([0.18, 0.0, NAN]), sewer=np.array([False, True, False]),
        park_distance_m=np.array([150.0, np.inf, 0.0]), in_scope=np.array([True, False, False]))
    params = roofs.RoofParams(scope_label="Innenstadt", weights={"slope": 1, "rain": 1, "sewer": 1, "green": 1, "scope": 1})
    r = roofs.score_roofs(inp, params)
    np.testing.assert_allclose(r.criteria["rain"], [0.72, 0.0, NAN])
    # suit = c_slope = 1; need: roof 0 (0.72 + 0 + 0.5 + 1) / 4 = 0.555, roof 1 (0 + 1 + 1 + 0) / 4,
    # roof 2 (rain unknown) (0 + 0 + 0) / 3; score = 100 × √(1 × need)
    np.testing.assert_allclose(r.score, [100 * math.sqrt(0.555), 100 * math.sqrt(0.5), 0.0])
    assert r.hz.tolist() == ["02,24", "02,24", "02"]
    assert r.flags.tolist() == ["", "", "rain_nodata"]
    assert r.in_target_scope.tolist() == [1.0, 0.0, 0.0]
    assert r.reason[0] == ("flat roof 0–5°; 75 m² greenable; water depth 0.18 m nearby; "
                           "nearest park ≥ 0.5 ha at 150 m; in the 2030 target area (Innenstadt)")
    assert r.reason[1] == ("flat roof 0–5°; 75 m² greenable; no heavy-rain water nearby; "
                           "in the combined-sewer area; no park ≥ 0.5 ha within 300 m")
    assert "no heavy-rain data nearby" in r.reason[2]


def test_translated_fragments_and_decimal_comma_are_used():
    inp = roofs.RoofInputs(footprint_m2=np.array([100.0]), slope_deg=np.array([1.0]), rain_depth_m=np.array([0.05]))
    texts = Texts({"slope_0-5": "Flachdach 0–5°", "area": "{area} m² begrünbar", "rain": "Wassertiefe {depth} m in der Nähe"},
                  decimal=",")
    r = roofs.score_roofs(inp, roofs.RoofParams(), texts)
    assert r.reason[0] == "Flachdach 0–5°; 75 m² begrünbar; Wassertiefe 0,05 m in der Nähe"  # net 0.75 × 100


def test_no_weighted_criterion_raises_and_empty_criteria_are_dropped():
    inp = roofs.RoofInputs(footprint_m2=np.array([100.0, 50.0]), slope_deg=np.array([NAN, NAN]),
                           heat=HeatClasses(np.array([NAN, NAN]), 5))
    r = roofs.score_roofs(inp, roofs.RoofParams(weights={"slope": 1, "area": 1, "heat": 1}))
    assert set(r.criteria) == {"area"}  # slope and heat had no value anywhere
    with pytest.raises(ValueError):
        roofs.score_roofs(inp, roofs.RoofParams(weights={"slope": 1, "heat": 1}))
    with pytest.raises(ValueError):
        roofs.score_roofs(inp, roofs.RoofParams(weights=dict.fromkeys(roofs.CRITERIA, 0.0)))


def test_equal_scores_rank_by_tiebreak_and_ranks_are_unique():
    inp = roofs.RoofInputs(footprint_m2=np.full(4, 100.0), slope_deg=np.zeros(4), tiebreak=np.array([40, 10, 30, 20]))
    r = roofs.score_roofs(inp)
    assert r.rank.tolist() == [4, 1, 3, 2]


def test_join_fragments_skips_empty_parts():
    out = join_fragments([obj("a", "", ""), obj("", "b", ""), obj("c", "d", "")], 3)
    assert out.tolist() == ["a; c", "b; d", ""]


# ----------------------------------------------------------------------------------------------
# Districts
# ----------------------------------------------------------------------------------------------
def test_district_sums_for_the_2030_target():
    # district 0: flat roofs 100 (green), 300 (A), 200 (B), 400 (C); a 15–30° roof 500 (A)
    # district 1: flat roof 50 (X, listed); building outside every district: -1
    district = np.array([0, 0, 0, 0, 0, 1, -1])
    area = np.array([100.0, 300.0, 200.0, 400.0, 500.0, 50.0, 999.0])
    flat = np.array([True, True, True, True, False, True, True])
    green = np.array([True, False, False, False, False, False, False])
    cls = obj("X", "A", "B", "C", "A", "X", "A")
    s = roofs.district_sums(district, 3, area, flat, green, cls, 0.5)
    np.testing.assert_allclose(s.flat_m2, [1000.0, 50.0, 0.0])
    np.testing.assert_allclose(s.green_m2, [100.0, 0.0, 0.0])
    np.testing.assert_allclose(s.share_green[:2], [0.1, 0.0])
    assert np.isnan(s.share_green[2])
    np.testing.assert_allclose(s.target_m2, [500.0, 25.0, 0.0])
    np.testing.assert_allclose(s.missing_m2, [400.0, 25.0, 0.0])
    np.testing.assert_allclose(s.ab_m2, [500.0, 0.0, 0.0])  # flat A+B only: 300 + 200
    assert s.covers.tolist() == [1, 0, 1]
    assert s.n_flat.tolist() == [4, 1, 0]
