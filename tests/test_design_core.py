"""The design check's pure core (scoring/design.py), by hand-worked numbers. No QGIS needed."""

from __future__ import annotations

import math

import numpy as np
import pytest
import shapely

from gi_qgis_plugin.scoring import design
from gi_qgis_plugin.scoring.design import Existing, Orientation, Rain

# The small design: a 40 m × 25 m square (1,000 m²) in four strips, three trees, a street edge
# along its southern side (40 m).
#   A  x  0–12  green_ext      (extensive green roof ≥ 10 cm)  12 × 25 = 300 m²
#   B  x 12–32  paving         (Betonsteinpflaster)            20 × 25 = 500 m²
#   C  x 32–36  grass_pavers   (Rasengitter, Parkplatz)         4 × 25 = 100 m²
#   D  x 36–40  lawn                                             4 × 25 = 100 m²
STRIPS = [(0, 12, "green_ext"), (12, 32, "paving"), (32, 36, "grass_pavers"), (36, 40, "lawn")]
GEOMS = np.array([shapely.box(x0, 0, x1, 25) for x0, x1, _ in STRIPS], dtype=object)
CODES = [c for _, _, c in STRIPS]
TREES = shapely.points([(15, 5), (20, 5), (25, 5)])
EDGE = np.array([shapely.LineString([(0, 0), (40, 0)])], dtype=object)
# Existing state as biotope types: west half sealed (A 0), east half ruderal vegetation (A 5)
EXISTING_BIOTOPE = Existing(np.array([shapely.box(0, 0, 20, 25), shapely.box(20, 0, 40, 25)], dtype=object),
                            np.array(["sealed", "ruderal"], dtype=object), kind="biotope")
# The same halves in the surface vocabulary: asphalt and lawn
EXISTING_SURFACE = Existing(EXISTING_BIOTOPE.geoms, np.array(["asphalt", "lawn"], dtype=object), kind="surface")


def run(**kw):
    args = dict(trees=TREES, edges=EDGE)
    args.update(kw)
    return design.check_design(GEOMS, CODES, **args)


def test_areas_sealing_and_weighted_coefficients_by_hand():
    res = run()
    assert res.area_m2.tolist() == pytest.approx([300, 500, 100, 100])
    t = res.totals
    assert t["area_m2"] == pytest.approx(1000)
    # sealed = building (A) + Belagsklasse 2 (B) + Belagsklasse 4 (C) = 900 m²; unsealed = lawn 100 m²
    assert t["sealed_m2"] == pytest.approx(900)
    assert t["unsealed_m2"] == pytest.approx(100)
    assert t["partly_m2"] == pytest.approx(100)  # grass pavers only
    assert t["sealed_share"] == pytest.approx(0.9)
    # C_m = (300·0.2 + 500·0.7 + 100·0.2 + 100·0.1) / 1000 = (60 + 350 + 20 + 10) / 1000 = 0.44
    assert t["c_m"] == pytest.approx(0.44)
    # C_s = (300·0.4 + 500·0.9 + 100·0.4 + 100·0.2) / 1000 = (120 + 450 + 40 + 20) / 1000 = 0.63
    assert t["c_s"] == pytest.approx(0.63)


def test_annual_runoff_and_retention_by_hand():
    res = run(rain=Rain(precip_mm=890))
    # annual runoff shares: green_ext 1 − 0.5 = 0.5 (annual retention column), the ground
    # surfaces C_m: paving 0.7, grass pavers 0.2, lawn 0.1
    # runoff = 0.89 m × (300·0.5 + 500·0.7 + 100·0.2 + 100·0.1) = 0.89 × 530 = 471.7 m³/a
    assert res.totals["runoff_m3a"] == pytest.approx(471.7)
    # retention = 0.89 × 1000 − 471.7 = 418.3 m³/a
    assert res.totals["retention_m3a"] == pytest.approx(418.3)
    assert res.runoff_m3a.tolist() == pytest.approx([133.5, 311.5, 17.8, 8.9])
    assert res.totals["runoff_share"] == pytest.approx(0.53)


def test_green_roofs_trees_and_their_checks():
    res = run()
    assert res.totals["green_roof_share"] == pytest.approx(1.0)  # the only roof is green
    # 3 trees on 40 m of street edge: 3 / 0.40 = 7.5 per 100 m ≥ 7
    assert res.totals["trees_per_100m"] == pytest.approx(7.5)
    assert res.n_trees.tolist() == [0, 3, 0, 0]
    assert res.check("trees").status == "pass"
    assert res.check("green_roofs").status == "pass"
    assert res.check("sealed").status == "fail"  # 90 % > 60 %
    assert res.check("sealed").value == pytest.approx(90)
    assert res.check("runoff").status == "fail"  # 53 % > 40 %
    assert res.check("trees").info.hz == "03" and res.check("green_roofs").info.hz == "02"
    assert res.check("runoff").info.hz == "24"


def test_gl20_volume_of_the_small_design_by_hand():
    res = run(rain=Rain(r_d30=433, r_d2=209, duration_min=5))
    t = res.totals
    # A_Dach = 300 (C_s 0.4); A_FaG = paving 500 + grass pavers 100 = 600 with
    # A_FaG·C_s,FaG = 500·0.9 + 100·0.4 = 490; A_ges = 900 m² > 800 m²: Nachweis required
    assert (t["a_dach_m2"], t["a_fag_m2"], t["a_ges_m2"]) == pytest.approx((300, 600, 900))
    assert t["cs_fag"] == pytest.approx(490 / 600)
    # V = (433·900 − 209·(300·0.4 + 490)) · 5·60 / 10⁷ = (389,700 − 127,490) · 3·10⁻⁵ = 7.8663 m³
    assert t["v_rueck_m3"] == pytest.approx(7.8663)
    assert t["nachweis_required"] == 1.0
    assert res.check("overflow").status == "fail"  # nothing provided
    provided = run(rain=Rain(provided_m3=8.0)).check("overflow")
    assert provided.status == "pass" and provided.value == 8.0


def test_gl20_reproduces_the_duesseldorf_example():
    # duesseldorf.de: roofs 350 m² (C_s 1.0), paving 600 m² (C_s 0.9), r(5,30) 433, r(5,2) 209 -> 6.76 m³
    assert design.gl20_volume(950, 350, 1.0, 600, 0.9, 433, 209, 5) == pytest.approx(6.76, abs=0.005)
    # the same plot through the check: plain roof (C_s 1.0), concrete block paving (C_s 0.9), lawn
    geoms = np.array([shapely.box(0, 0, 14, 25), shapely.box(14, 0, 38, 25), shapely.box(38, 0, 60, 25)], dtype=object)
    res = design.check_design(geoms, ["roof_plain", "paving", "lawn"])
    assert res.totals["area_m2"] == pytest.approx(1500)
    assert res.totals["v_rueck_m3"] == pytest.approx(6.7602)


def test_small_plot_needs_no_nachweis():
    geoms = np.array([shapely.box(0, 0, 20, 20)], dtype=object)  # 400 m² asphalt
    res = design.check_design(geoms, ["asphalt"])
    assert res.totals["nachweis_required"] == 0.0
    assert res.check("overflow").status == "n/a" and res.check("overflow").na_reason == "below_threshold"


def test_biotope_balance_by_hand_with_existing_biotope_types():
    res = run(existing=EXISTING_BIOTOPE)
    # Bestand: sealed 500 m² × A 0 = 0; ruderal 500 m² × A 5 = 2,500 points
    bestand = {r.code: (r.area_m2, r.value, r.points) for r in res.bestand}
    assert bestand == {"sealed": pytest.approx((500, 0, 0)), "ruderal": pytest.approx((500, 5, 2500))}
    # per polygon before: A 300 m² sealed -> 0; B 200 sealed + 300 ruderal -> 1,500; C, D 100 ruderal -> 500 each
    assert res.pts_before.tolist() == pytest.approx([0, 1500, 500, 500])
    # Planung (Grundwert P of biotope_types.csv through design_biotope.csv):
    # green roof ext 300 × 0.5 = 150; paving -> sealed 500 × 0 = 0; grass pavers -> partly sealed
    # 100 × 1 = 100; lawn -> lawn 100 × P_lawn
    from gi_qgis_plugin.scoring import biotope

    p_lawn = biotope.biotope_table().types[design.biotope_map().biotope["lawn"]].value_p
    assert res.pts_after.tolist() == pytest.approx([150, 0, 100, 100 * p_lawn])
    expected_after = 250 + 100 * p_lawn
    assert res.totals["pts_before"] == pytest.approx(2500)
    assert res.totals["pts_after"] == pytest.approx(expected_after)
    assert res.totals["balance"] == pytest.approx(expected_after - 2500)
    assert res.totals["kompensationsbedarf"] == pytest.approx(2500 - expected_after)
    assert res.check("biotope").status == "fail"
    assert sum(r.points for r in res.planung) == pytest.approx(expected_after)


def test_existing_state_in_the_surface_vocabulary_gives_sealing_and_retention_change():
    res = run(existing=EXISTING_SURFACE)
    # sealed before: asphalt half 500 m²; after: 900 m² on the same area -> +400 m²: fail
    assert res.totals["sealed_before_m2"] == pytest.approx(500)
    assert res.totals["sealed_after_m2"] == pytest.approx(900)
    assert res.check("sealed_change").value == pytest.approx(400)
    assert res.check("sealed_change").status == "fail"
    # rain kept: before 1 − (500·0.9 + 500·0.1)/1000 = 0.5; after 1 − 530/1000 = 0.47 -> −3 pp: fail
    assert res.check("retention_gain").value == pytest.approx(-3.0)
    assert res.check("retention_gain").status == "fail"


def test_disconnection_share_of_sealed_area():
    # the roof (300 m²) and the grass pavers (100 m²) drain to a swale: 400 of 900 sealed m² = 44 %
    res = run(disconnected=np.array([True, False, True, False]), rain=Rain(precip_mm=890))
    assert res.totals["disconnected_share"] == pytest.approx(400 / 900)
    assert res.check("disconnected").status == "pass"
    # runoff reaching the sewer at 890 mm/a: paving 0.89 × 500 × 0.7 = 311.5 + lawn 0.89 × 100 × 0.1 = 8.9 → 320.4 m³/a
    assert res.totals["sewer_runoff_m3a"] == pytest.approx(320.4)
    assert run().check("disconnected").status == "n/a"


def test_checks_without_optional_inputs_are_not_evaluated_and_say_why():
    res = design.check_design(GEOMS, CODES)
    na = {c.key: c.na_reason for c in res.checks if c.status == "n/a"}
    assert na["trees"] == "no_edge"
    assert na["biotope"] == "no_existing"
    assert na["retention_gain"] == "no_existing"
    assert res.totals["n_trees"] == 0
    assert set(na.values()) <= set(design.NA_REASONS)


def test_unknown_surface_codes_are_named_counted_and_left_out():
    geoms = np.concatenate([GEOMS, [shapely.box(0, 30, 10, 40), shapely.box(20, 30, 30, 40), shapely.box(40, 30, 50, 40)]])
    res = design.check_design(geoms, CODES + ["gold_leaf", "gold_leaf", None])
    assert res.unknown_codes == {"gold_leaf": 2, "(empty)": 1}
    assert res.totals["area_m2"] == pytest.approx(1000)  # the unknown 300 m² are not in any figure
    assert res.area_m2[4:].tolist() == [0, 0, 0]
    assert np.isnan(res.c_m[4])


def test_overlapping_polygons_are_counted_once():
    geoms = np.array([shapely.box(0, 0, 10, 10), shapely.box(5, 0, 15, 10)], dtype=object)
    res = design.check_design(geoms, ["lawn", "asphalt"])
    # the first polygon keeps the shared 5 × 10 = 50 m²; total 150 m², not 200
    assert res.area_m2.tolist() == pytest.approx([100, 50])
    assert res.n_overlapping == 1
    assert res.overlap_m2.tolist() == pytest.approx([0, 50])
    assert res.totals["sealed_m2"] == pytest.approx(50)


def test_design_partly_outside_the_existing_state_compares_only_the_covered_part():
    ex = Existing(np.array([shapely.box(0, 0, 20, 25)], dtype=object), np.array(["sealed"], dtype=object), kind="biotope")
    res = run(existing=ex)
    # only x 0–20 is known (500 m²): A 300 m² + B 200 m²; 500 m² lie outside
    assert res.outside_existing_m2 == pytest.approx(500)
    assert res.covered_m2.tolist() == pytest.approx([300, 200, 0, 0])
    # Planung over the covered part: 300 × 0.5 + 200 × 0 = 150; Bestand 0
    assert res.totals["pts_after"] == pytest.approx(150)
    assert res.totals["balance"] == pytest.approx(150)


def test_trees_outside_the_design_are_counted_apart():
    trees = shapely.points([(15, 5), (100, 100)])
    res = run(trees=trees)
    assert res.totals["n_trees"] == 1 and res.trees_outside == 1


def test_empty_design_gives_no_numbers_and_every_check_not_evaluated():
    res = design.check_design(np.array([], dtype=object), [])
    assert res.totals["area_m2"] == 0
    assert all(c.status == "n/a" for c in res.checks)
    assert math.isnan(res.totals["c_m"])


def test_every_check_names_a_source_and_a_handlungsziel():
    from gi_qgis_plugin.catalog import load_catalog

    cat = load_catalog()
    for key, info in design.CHECK_INFO.items():
        assert info.source.strip(), key
        assert cat.parse_hz_list(info.hz), key


def test_every_surface_code_maps_to_a_known_biotope_type():
    from gi_qgis_plugin.scoring import biotope, water

    table = biotope.biotope_table()
    bmap = design.biotope_map()
    for code in water.surfaces():
        assert code in bmap.biotope, code
        assert table.find(bmap.biotope[code]) is not None, (code, bmap.biotope[code])


def test_orientation_values_are_parameters():
    res = run(orientation=Orientation(trees_per_100m=8.0, sealed_share_max=0.95))
    assert res.check("trees").status == "fail"  # 7.5 < 8
    assert res.check("sealed").status == "pass"  # 90 % ≤ 95 %


def test_surface_codes_are_read_in_any_case_and_by_name():
    codes = design.normalise_surface_codes(["LAWN", "Rasen, Gärten (flach)", " asphalt ", "Goldbelag", None])
    assert codes.tolist() == ["lawn", "lawn", "asphalt", "Goldbelag", ""]
    assert design.share_of_surface_codes(["lawn", "ruderal", "asphalt", None]) == pytest.approx(2 / 3)


def test_a_planned_biotope_type_replaces_the_mapped_one():
    from gi_qgis_plugin.scoring import biotope

    # the lawn strip planted as a hedge: Planung there 100 m² × P(hedge) instead of the lawn's value
    p_hedge = biotope.biotope_table().types["hedge"].value_p
    res = run(existing=EXISTING_BIOTOPE, planned_biotope=[None, "", None, "Hecke, Gebüsch, Feldgehölz"])
    assert res.biotope.tolist()[3] == "hedge"
    assert res.pts_after[3] == pytest.approx(100 * p_hedge)
    unknown = run(planned_biotope=[None, None, None, "Goldhecke"])
    assert unknown.unknown_planned == {"Goldhecke": 1} and unknown.unmapped_biotope == {}
    assert unknown.biotope.tolist()[3] == "lawn"  # the unknown type does not replace the mapping


def test_an_existing_type_without_grundwert_a_is_named_apart_from_unknown_types():
    # young_forest has only a Grundwert P in the biotope table; "Goldwiese" is no type at all
    ex = Existing(np.array([shapely.box(0, 0, 20, 25), shapely.box(20, 0, 30, 25), shapely.box(30, 0, 40, 25)], dtype=object),
                  np.array(["sealed", "young_forest", "Goldwiese"], dtype=object), kind="biotope")
    res = run(existing=ex)
    assert res.unknown_existing == {"Goldwiese": 1}
    assert res.unmapped_biotope == {"young_forest": 1}
    assert res.outside_existing_m2 == pytest.approx(500)  # x 20–40 has no usable Bestand
