"""Roof greening scoring (scoring/roofs.py): hand-worked numbers, no QGIS needed."""

from __future__ import annotations

import math

import numpy as np
import pytest

from gi_qgis_plugin.scoring import roofs
from gi_qgis_plugin.scoring.reasons import Texts, join_fragments

NAN = np.nan


def obj(*values):
    return np.array(values, dtype=object)


# ----------------------------------------------------------------------------------------------
# Lookup tables
# ----------------------------------------------------------------------------------------------
def test_every_lookup_row_names_its_source():
    for name in ("roof_slope_classes.csv", "roof_runoff.csv", "roof_types.csv",
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
    assert roofs.detect_field(["id", "Flat_Roof_M2"], "area") == "Flat_Roof_M2"
    assert roofs.detect_field(["id", "footprint_m2"], "area") is None
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


def test_rain_area_and_park_criteria_are_linear():
    np.testing.assert_allclose(roofs.rain_criterion(np.array([0, 0.05, 0.25, 1.0, NAN])), [0, 0.2, 1, 1, NAN])
    np.testing.assert_allclose(roofs.c_area(np.array([10, 505, 1000, 2000])), [0, 0.5, 1, 1])
    np.testing.assert_allclose(roofs.green_criterion(np.array([0, 150, 300, np.inf, NAN])), [0, 0.5, 1, 1, NAN])


def test_greenable_area_uses_field_then_footprint_over_cos_slope():
    fp = np.array([100.0, 100.0, 100.0, 100.0])
    slope = np.array([60.0, 30.0, NAN, 30.0])
    measured = np.isfinite(slope)
    area, fallback = roofs.greenable_area(fp, slope, measured)
    np.testing.assert_allclose(area, [200.0, 100 / math.cos(math.radians(30)), 100.0, 100 / math.cos(math.radians(30))])
    assert not fallback.any()
    area, fallback = roofs.greenable_area(fp, slope, measured, np.array([40.0, NAN, 0.0, -1.0]))
    np.testing.assert_allclose(area, [40.0, 100 / math.cos(math.radians(30)), 0.0, 100 / math.cos(math.radians(30))])
    assert fallback.tolist() == [False, True, False, True]


def test_retention_of_100_m2_flat_roof_at_890_mm():
    # 0.89 m/a × 100 m² × (0.9 − 0.3) = 53.4 m³/a (DIN 1986-100 C_m, ≤ 5 % slope)
    r = roofs.retention_m3a(np.array([100.0, 100.0, 100.0, 100.0]), np.array([0.0, 2.8, 3.0, NAN]),
                        np.array([True, True, True, False]), 890.0)
    # > 5 % (2.86°) and unmeasured slopes: C_m 0.4 -> 0.89 × 100 × 0.5 = 44.5
    np.testing.assert_allclose(r, [53.4, 53.4, 44.5, 44.5])


# ----------------------------------------------------------------------------------------------
# The whole scoring, worked by hand
# ----------------------------------------------------------------------------------------------
@pytest.fixture
def ten_roofs():
    #              A      B      C      D      E       F      G      H      I      J
    fp = np.array([1000., 505., 10., 505., 100., 200., 300., 5., NAN, 100.])
    slope = np.array([0., 10., 20., NAN, NAN, 50., 0., 0., 0., 0.])
    roof = obj("1000", "3100", None, "3100", "flat", None, None, None, None, None)
    heat = np.array([1.0, 0.5, NAN, 0.0, 0.25, 1.0, 1.0, 1.0, 1.0, 1.0])
    listed = np.array([0, 0, 0, 0, 0, 0, 1, 0, 0, 0], bool)
    green = np.array([0, 0, 0, 0, 0, 0, 0, 0, 0, 1], bool)
    pv = np.array([0, 1, 0, 0, 0, 0, 0, 0, 0, 0], bool)
    inp = roofs.RoofInputs(footprint_m2=fp, slope_deg=slope, roof_type=roof, listed=listed, green=green,
                       pv=pv, c_heat=heat)
    params = roofs.RoofParams(precip_mm=890.0, weights={"slope": 3, "area": 2, "heat": 2})
    return roofs.score_roofs(inp, params)


def test_scores_are_the_hand_worked_weighted_means(ten_roofs):
    r = ten_roofs
    # greenable area = footprint / cos(slope); c_area = (area − 10) / (1000 − 10)
    area_b = 505 / math.cos(math.radians(10))  # 512.79 m²
    area_c = 10 / math.cos(math.radians(20))  # 10.64 m²
    # A: (3×1 + 2×1 + 2×1) / 7
    # B: (3×0.75 + 2×c_area + 2×0.5) / 7
    # C: heat unknown -> renormalised: (3×0.5 + 2×c_area) / 5
    # D: slope unknown -> renormalised: (2×0.5 + 2×0) / 4 (footprint as area: 505 m² -> 0.5)
    # E: flat by type: (3×1 + 2×(90/990) + 2×0.25) / 7
    expected = [100.0, 100 * (2.25 + 2 * (area_b - 10) / 990 + 1.0) / 7, 100 * (1.5 + 2 * (area_c - 10) / 990) / 5,
                25.0, 100 * (3 + 2 * 90 / 990 + 0.5) / 7]
    np.testing.assert_allclose(r.score[:5], expected)
    assert np.isnan(r.score[5:]).all()
    assert r.gi_class.tolist() == ["A", "B", "C", "C", "B", "X", "X", "X", "X", "X"]
    assert r.rank.tolist() == [1, 2, 4, 5, 3, 0, 0, 0, 0, 0]
    assert set(r.criteria) == {"slope", "area", "heat"} and r.scored == ["slope", "area", "heat"]


def test_flags_exclusions_and_handlungsziele(ten_roofs):
    r = ten_roofs
    assert r.flags.tolist() == [
        "", "pv_solar_green", "heat_nodata", "slope_unknown", "slope_from_type",
        "slope_gt_45", "listed", "area_lt_min", "geom_empty", "green_exists"]
    assert r.hz.tolist() == ["01,02", "01,02,26", "02", "02", "02", "01,02", "01,02", "01,02", "01,02", "01,02"]
    assert r.slope_class.tolist() == ["0-5", "5-15", "15-30", "unbekannt", "0-5", ">45", "0-5", "0-5", "0-5", "0-5"]
    assert r.flat.tolist() == [True, False, False, False, True, False, True, True, False, True]


def test_retention_and_areas_of_the_ten_roofs(ten_roofs):
    r = ten_roofs
    np.testing.assert_allclose(r.greenable_m2[[0, 2, 3, 4]], [1000, 10 / math.cos(math.radians(20)), 505, 100])
    # A flat measured: 0.89 × 1000 × 0.6; E flat by type (slope not measured): 0.89 × 100 × 0.5
    assert r.retention_m3a[0] == pytest.approx(534.0)
    assert r.retention_m3a[4] == pytest.approx(44.5)
    assert r.retention_m3a[1] == pytest.approx(0.89 * 505 / math.cos(math.radians(10)) * 0.5)
    assert np.isnan(r.retention_m3a[5:]).all()
    assert np.isnan(r.slope_deg[3]) and np.isnan(r.slope_deg[4]) and r.slope_deg[1] == 10.0


def test_reasons_name_each_criterion(ten_roofs):
    r = ten_roofs
    assert r.reason[0] == "flat roof 0–5°; 1000 m² greenable; high heat load"
    assert r.reason[1] == "roof slope 5–15°; 513 m² greenable; moderate heat load; PV on the roof: solar green roof"
    assert r.reason[2] == "roof slope 15–30°; 11 m² greenable; no heat value"
    assert r.reason[3] == "roof slope unknown; 505 m² greenable; low heat load"
    assert r.reason[4].startswith("flat roof by roof type (slope not given); 100 m² greenable")
    assert r.reason[5].startswith("roof steeper than 45° (excluded)")
    assert r.reason[6].startswith("listed building (excluded); flat roof 0–5°")
    assert "less than 10 m² greenable (excluded)" in r.reason[7]
    assert r.reason[8] == "no usable geometry (excluded); high heat load"
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
    # roof 0: (1 + 0.72 + 0 + 0.5 + 1) / 5; roof 1: (1 + 0 + 1 + 1 + 0) / 5; roof 2: (1 + 0 + 0 + 0) / 4
    np.testing.assert_allclose(r.score, [100 * 3.22 / 5, 60.0, 25.0])
    assert r.hz.tolist() == ["02,24", "02,24", "02"]
    assert r.flags.tolist() == ["", "", "rain_nodata"]
    assert r.in_target_scope.tolist() == [1.0, 0.0, 0.0]
    assert r.reason[0] == ("flat roof 0–5°; 100 m² greenable; water depth 0.18 m nearby; "
                           "nearest park ≥ 0.5 ha at 150 m; in the 2030 target area (Innenstadt)")
    assert r.reason[1] == ("flat roof 0–5°; 100 m² greenable; no heavy-rain water nearby; "
                           "in the combined-sewer area; no park ≥ 0.5 ha within 300 m")
    assert "no heavy-rain data nearby" in r.reason[2]


def test_translated_fragments_and_decimal_comma_are_used():
    inp = roofs.RoofInputs(footprint_m2=np.array([100.0]), slope_deg=np.array([1.0]), rain_depth_m=np.array([0.05]))
    texts = Texts({"slope_0-5": "Flachdach 0–5°", "area": "{area} m² begrünbar", "rain": "Wassertiefe {depth} m in der Nähe"},
                  decimal=",")
    r = roofs.score_roofs(inp, roofs.RoofParams(), texts)
    assert r.reason[0] == "Flachdach 0–5°; 100 m² begrünbar; Wassertiefe 0,05 m in der Nähe"


def test_no_weighted_criterion_raises_and_empty_criteria_are_dropped():
    inp = roofs.RoofInputs(footprint_m2=np.array([100.0, 50.0]), slope_deg=np.array([NAN, NAN]),
                       c_heat=np.array([NAN, NAN]))
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
