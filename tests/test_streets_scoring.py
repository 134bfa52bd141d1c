"""Street sections (HZ 03), pure part: segmentation, road classes, trees, gap, unsealing, water,
infiltration, flags and codes. No QGIS; every expected number is worked out in the comment."""

from __future__ import annotations

import numpy as np
import pytest
import shapely

from gi_qgis_plugin.scoring import reasons as rs
from gi_qgis_plugin.scoring import spec as spec_mod
from gi_qgis_plugin.scoring import streets as st

L = shapely.LineString


# ---------------------------------------------------------------------------------------------
# segmentation
# ---------------------------------------------------------------------------------------------
def test_a_250_m_line_becomes_three_equal_sections_of_83_33_m():
    # ceil(250 / 100) = 3 pieces of 250 / 3 = 83.33 m: no 50 m stub
    s = st.segment_lines([L([(0, 0), (250, 0)])], 100)
    assert s.length_m == pytest.approx([250 / 3] * 3)
    assert s.source.tolist() == [0, 0, 0]
    assert np.allclose(shapely.get_coordinates(s.geoms[1]), [[250 / 3, 0], [500 / 3, 0]])


def test_a_corner_vertex_stays_in_its_section():
    # 50 m east then 100 m north = 150 m -> two sections of 75 m; the corner (50, 0) lies in the
    # first: (0,0) (50,0) (50,25), the second runs (50,25) (50,100)
    s = st.segment_lines([L([(0, 0), (50, 0), (50, 100)])], 100)
    assert s.length_m == pytest.approx([75, 75])
    assert np.allclose(shapely.get_coordinates(s.geoms[0]), [[0, 0], [50, 0], [50, 25]])
    assert np.allclose(shapely.get_coordinates(s.geoms[1]), [[50, 25], [50, 100]])


def test_lines_merge_through_a_degree_2_node_only_where_the_attributes_agree():
    a, b = L([(0, 0), (60, 0)]), L([(60, 0), (120, 0)])
    same = st.segment_lines([a, b], 100, key=np.array([7, 7]))
    # merged to 120 m -> 2 × 60 m, both from the first source
    assert same.length_m == pytest.approx([60, 60]) and same.source.tolist() == [0, 0]
    assert shapely.equals(shapely.union_all(same.geoms), L([(0, 0), (120, 0)]))
    differ = st.segment_lines([a, b], 100, key=np.array([7, 8]))
    assert sorted(differ.source.tolist()) == [0, 1]
    assert differ.length_m == pytest.approx([60, 60])


def test_no_merge_at_a_junction_of_three_lines():
    # T junction at (60, 0): degree 3, so three separate sections of 60, 60 and 40 m
    g = [L([(0, 0), (60, 0)]), L([(60, 0), (120, 0)]), L([(60, 0), (60, 40)])]
    s = st.segment_lines(g, 100, key=np.zeros(3, int))
    assert sorted(s.length_m.round(6).tolist()) == [40, 60, 60]
    assert sorted(s.source.tolist()) == [0, 1, 2]


def test_max_length_0_keeps_the_features_and_reports_unusable_ones():
    multi = shapely.MultiLineString([[(0, 0), (30, 0)], [(50, 0), (50, 40)]])
    g = [multi, L([(5, 5), (5, 5)]), None, shapely.Polygon([(0, 0), (1, 0), (1, 1)]), L([(0, 0, 3), (0, 20, 4)])]
    s = st.segment_lines(g, 0)
    assert s.source.tolist() == [0, 4]
    assert s.length_m == pytest.approx([70, 20])  # 30 + 40; the Z line 20 m in plan
    assert s.zero_length.tolist() == [1, 2, 3]
    assert not shapely.has_z(s.geoms).any()


def test_multi_lines_split_zero_length_and_self_touching_lines():
    loop = L([(0, 0), (40, 0), (40, 40), (0, 40), (0, 0)])  # closed, 160 m -> 2 × 80 m
    g = [loop, L([(1, 1), (1, 1)]), shapely.MultiLineString([[(100, 0), (130, 0)], [(200, 0), (200, 10)]])]
    s = st.segment_lines(g, 100, key=np.array([0, 0, 1]))
    by_src = {i: sorted(s.length_m[s.source == i].round(6).tolist()) for i in set(s.source.tolist())}
    assert by_src == {0: [80, 80], 2: [10, 30]}  # the two parts of the multi-line do not touch
    assert s.zero_length.tolist() == [1]


def test_a_negative_or_infinite_length_is_refused():
    with pytest.raises(ValueError):
        st.segment_lines([L([(0, 0), (1, 0)])], -5)
    with pytest.raises(ValueError):
        st.segment_lines([L([(0, 0), (1, 0)])], float("inf"))


def test_section_lengths_sum_to_the_network_length():
    rng = np.random.default_rng(3)
    lines = [L(np.cumsum(rng.uniform(-50, 50, (k, 2)), axis=0)) for k in rng.integers(2, 9, 200)]
    s = st.segment_lines(lines, 37.5)
    assert s.length_m.sum() == pytest.approx(sum(g.length for g in lines))
    assert (s.length_m <= 37.5 + 1e-9).all()


# ---------------------------------------------------------------------------------------------
# road classes, widths, surfaces
# ---------------------------------------------------------------------------------------------
def test_every_road_class_row_names_its_source_and_the_fallback_exists():
    table = st.road_classes()
    assert all(r.source.strip() for r in table.values())
    assert "*" in table and table["*"].exclude == ""
    assert table["motorway"].exclude == "motorway" and table["rail"].exclude == "rail"
    for r in table.values():
        assert r.required_m <= r.width_m + 1e-9 or r.exclude, r.code  # typical width holds the required


def test_class_lookup_by_osm_value_alkis_code_and_name_with_fallback_counted():
    a = st.road_attributes(np.array(["residential", "Living Street", 1307, "Kreisstraße", None, "hovercraft"],
                                   dtype=object), 6)
    assert a.width_m.tolist() == [11, 8, 11, 15, 11, 11]
    assert a.required_m.tolist() == [10.5, 4.5, 10.5, 11.5, 10.5, 10.5]
    assert a.known.tolist() == [True, True, True, True, False, False]
    assert a.unknown_values == ["hovercraft"]


def test_a_road_class_table_without_the_fallback_row_is_refused(tmp_path):
    path = tmp_path / "rc.csv"
    path.write_text("code,width_m,required_m,sealed_share,source\nresidential,11,10.5,0.9,x\n", encoding="utf-8")
    with pytest.raises(ValueError, match="fallback"):
        st.read_road_classes(path)


def test_width_field_is_used_where_believable_else_the_class():
    w, from_class = st.widths(np.array([12.0, np.nan, 0.0, 500.0]), np.array([11.0, 11.0, 25.0, 8.0]))
    assert w.tolist() == [12.0, 11.0, 25.0, 8.0]
    assert from_class.tolist() == [False, True, True, True]


def test_surfaces_from_codes_osm_values_and_german_names():
    codes, assumed = st.surface_codes(np.array(["paving_stones", "Asphalt", "asphalt", "sett", None, "gold"],
                                              dtype=object), 6)
    assert codes.tolist() == ["paving", "asphalt", "asphalt", "paving", "asphalt", "asphalt"]
    assert assumed.tolist() == [False, False, False, False, True, True]


# ---------------------------------------------------------------------------------------------
# trees
# ---------------------------------------------------------------------------------------------
def test_trees_are_counted_once_with_their_count_field():
    # street A along y=0 (12 m wide: reach 6 + 1 m), street B along x=100 (reach 7 m);
    # trees: (10, 4) count 1 -> A; (20, -6.5) count 2 -> A; (50, 9) outside (9 > 7);
    # (97, 2) near both: 2 m from A, 3 m from B -> A once; (103, 50) count NULL -> 1 for B
    segs = np.array([L([(0, 0), (100, 0)]), L([(100, 0), (100, 100)])])
    trees = shapely.points([(10, 4), (20, -6.5), (50, 9), (97, 2), (103, 50)])
    now, owner = st.trees_in_street(segs, np.array([6.0, 6.0]), trees, np.array([1, 2, 1, 1, np.nan]))
    assert now.tolist() == [1 + 2 + 1, 1]
    assert owner.tolist() == [0, 0, -1, 0, 1]


def test_a_footway_drawn_beside_its_road_does_not_take_the_road_trees():
    # footway 5 m north of the road; the tree at y = 4 is nearer the footway but the footway is
    # not eligible (too narrow), so the tree counts for the road (4 ≤ 11/2 + 1)
    segs = np.array([L([(0, 0), (100, 0)]), L([(0, 5), (100, 5)])])
    now, _ = st.trees_in_street(segs, np.array([5.5, 1.25]), shapely.points([(50, 4)]),
                               eligible=np.array([True, False]))
    assert now.tolist() == [1.0, 0.0]


def test_gap_against_the_orientation_value():
    # 100 m, 12 m wide: one planted side, 10 per 100 m; 3 trees -> target 10, gap 7
    # 80 m, 20 m wide: two sides, 20 per 100 m -> target 16; 17 trees -> gap 0
    per = st.orientation_per_100m(np.array([12.0, 20.0]), 10.0)
    target, gap = st.tree_gap(np.array([100.0, 80.0]), np.array([3.0, 17.0]), per)
    assert per.tolist() == [10.0, 20.0]
    assert target.tolist() == pytest.approx([10.0, 16.0])
    assert gap.tolist() == [7.0, 0.0]


# ---------------------------------------------------------------------------------------------
# unsealing and water
# ---------------------------------------------------------------------------------------------
def test_unsealable_area_from_surplus_width_and_reallocated_parking():
    # residential, 12 m wide, required 10.5 m: surplus 1.5 m × 100 m = 150 m²
    # with half of 2 parking lanes of 2.0 m reallocated: + 2.0 m -> 3.5 m × 100 m = 350 m², 200 from parking
    # a 60 m² sealed cap: the area is at most the sealed area
    area, surplus, park = st.unsealable(np.array([100.0, 100.0, 100.0]), np.array([12.0, 12.0, 12.0]),
                                       np.array([10.5] * 3), np.array([1080.0, 1080.0, 60.0]),
                                       np.array([0.0, 2.0, 2.0]), parking_share=0.5)
    assert area.tolist() == pytest.approx([150.0, 350.0, 60.0])
    assert surplus.tolist() == pytest.approx([1.5, 3.5, 3.5])
    assert park.tolist() == pytest.approx([0.0, 200.0, 0.0])


def _street(**kw):
    base = dict(length_m=np.array([100.0]), road_class=np.array(["residential"], dtype=object),
                width_m=np.array([12.0]))
    base.update(kw)
    return st.StreetInputs(**base)


def test_runoff_reduction_after_dwa_a_138_1():
    # 150 m² asphalt (C_m 0.9) -> planting bed (0.1) at 922 mm/a: 0.922 × 150 × 0.8 = 110.64 m³/a
    # the same on paving stones in sand (0.7): 0.922 × 150 × 0.6 = 82.98 m³/a
    r = st.score_streets(_street(length_m=np.array([100.0, 100.0]), road_class=np.array(["residential"] * 2, dtype=object),
                                width_m=np.array([12.0, 12.0]), surface=np.array(["asphalt", "paving_stones"], dtype=object)))
    assert r.unseal_m2.tolist() == pytest.approx([150.0, 150.0])
    assert r.runoff_red_m3a.tolist() == pytest.approx([110.64, 82.98])
    # sealed area estimated as length × width × sealed share 0.9 = 1080 m²
    assert r.sealed_m2.tolist() == pytest.approx([1080.0, 1080.0])


def test_an_unpaved_surface_has_nothing_to_unseal():
    r = st.score_streets(_street(surface=np.array(["grass"], dtype=object)))
    assert r.sealed_m2[0] == 0 and r.unseal_m2[0] == 0 and r.runoff_red_m3a[0] == 0


def test_infiltration_yes_no_unknown():
    kf = st.kf_values(np.array(["1e-5", "1,0e-7", "stark durchlässig", None, "5e-5", "2e-5"], dtype=object))
    assert kf[[0, 1, 2]].tolist() == pytest.approx([1e-5, 1e-7, 1e-3]) and np.isnan(kf[3])
    gw = np.array([2.0, 3.0, 0.5, 3.0, np.nan, 2.0])
    alt = np.array([False, False, False, False, False, True])
    assert st.infiltration(6, kf, gw, alt).tolist() == ["yes", "no", "no", "unknown", "unknown", "no"]
    assert st.infiltration(2).tolist() == ["unknown", "unknown"]


# ---------------------------------------------------------------------------------------------
# scores, flags, codes, reasons
# ---------------------------------------------------------------------------------------------
def test_score_by_hand_and_the_shared_finish():
    # c_unseal = (150 / 1200) / 0.3 = 0.41667; 3 trees against 10 -> c_trees = 0.7
    # default weights trees 2, unseal 2 (heat, rain, sewer, infil without data):
    # score = 100 × (2 × 0.41667 + 2 × 0.7) / 4 = 55.83, class B
    segs = np.array([L([(0, 0), (100, 0)])])
    r = st.score_streets(_street(segments=segs, trees=shapely.points([(10, 2), (20, 2), (30, -2)])))
    assert r.trees_now.tolist() == [3.0] and r.tree_gap.tolist() == [7.0] and r.trees_per_100m.tolist() == [3.0]
    assert r.core.criteria["unseal"][0] == pytest.approx(0.125 / 0.3)
    assert r.core.criteria["trees"][0] == pytest.approx(0.7)
    assert r.core.score[0] == pytest.approx(100 * (2 * 0.125 / 0.3 + 2 * 0.7) / 4)
    assert r.core.gi_class.tolist() == ["B"] and r.core.rank.tolist() == [1]
    # weighted criteria without a layer are left out and named (processing warns about them)
    assert r.core.left_out == ["heat", "rain", "sewer", "green", "infil"]
    # surplus 1.5 m < 2.5 m tree strip: the 7 tree pits do not fit
    assert r.core.flags.tolist() == ["no_tree_space"]
    assert r.core.hz.tolist() == ["03"]


def test_exclusions_from_class_structure_access_length_and_width():
    n = 7
    r = st.score_streets(st.StreetInputs(
        length_m=np.array([100.0, 100.0, 100.0, 100.0, 100.0, 8.0, 100.0]),
        road_class=np.array(["motorway_link", "tram", "primary", "primary", "service", "residential", "footway"],
                            dtype=object),
        tunnel=np.array([0, 0, 1, 0, 0, 0, 0], bool), bridge=np.array([0, 0, 0, 1, 0, 0, 0], bool),
        private=np.array([0, 0, 0, 0, 1, 0, 0], bool)))
    first = [f.split(",")[0] for f in r.core.flags.tolist()]
    # service 5 m and footway 2.5 m are narrower than 6 m; the 8 m section is shorter than 10 m
    assert first == ["motorway", "rail", "tunnel", "bridge", "private", "short", "too_narrow"]
    assert "too_narrow" in r.core.flags[4]
    assert r.core.gi_class.tolist() == ["X"] * n
    assert np.isnan(r.core.score).all() and (r.core.rank == 0).all()


def test_handlungsziele_follow_the_criteria_that_drove_the_score():
    # main road (primary, 25 m, two sides: 20 per 100 m) without trees -> c_trees 1 -> 18;
    # heat 0.8 -> 01; Mischsystem -> 24; half the parking lanes reallocated -> 25
    segs = np.array([L([(0, 0), (100, 0)]), L([(0, 50), (100, 50)])])
    r = st.score_streets(st.StreetInputs(
        length_m=np.array([100.0, 100.0]), segments=segs, road_class=np.array(["primary", "residential"], dtype=object),
        trees=shapely.points([(500, 500)]), c_heat=np.array([0.8, 0.2]), sewer=np.array([True, False])),
        st.StreetParams(parking_share=0.5))
    assert r.core.hz.tolist() == ["01,03,18,24,25", "03,25"]
    assert "parking_realloc" in r.core.flags[0]
    # primary: 25 − 22 = 3 m + 0.5 × 2 × 2 m = 5 m × 100 m = 500 m², 200 m² of it parking lanes
    assert r.unseal_m2[0] == pytest.approx(500.0) and r.from_parking_m2[0] == pytest.approx(200.0)


def test_no_tree_layer_leaves_trees_unknown_not_zero():
    r = st.score_streets(_street())
    assert np.isnan(r.trees_now).all() and np.isnan(r.tree_gap).all()
    assert "trees" not in r.core.criteria


def test_unknown_class_is_flagged_and_scored_as_residential():
    r = st.score_streets(_street(road_class=np.array(["hovercraft"], dtype=object), width_m=None))
    assert r.width_m.tolist() == [11.0]
    assert r.core.flags.tolist() == ["class_unknown,width_from_class"]
    assert r.road.unknown_values == ["hovercraft"]


def test_reasons_in_german_with_decimal_comma():
    de = {
        "width": "{width} m breit",
        "trees": "Straßenbäume: {trees} ({per100} je 100 m, Orientierungswert {target})",
        "gap": "{gap} Bäume fehlen",
        "unseal": "{area} m² entsiegelbar",
        "runoff": "{m3} m³/a weniger Abfluss",
    }
    segs = np.array([L([(0, 0), (100, 0)])])
    r = st.score_streets(_street(segments=segs, trees=shapely.points([(10, 2)])), texts=rs.Texts(de, ","))
    assert r.reason[0].startswith("12,0 m breit; Straßenbäume: 1 (1,0 je 100 m, Orientierungswert 10,0); "
                                  "9 Bäume fehlen; 150 m² entsiegelbar; 110,6 m³/a weniger Abfluss")


def test_the_spec_is_found_and_declares_the_output_fields():
    spec = spec_mod.spec_for("gi:streets")
    assert spec is st.SPEC and spec.geometry == "line" and spec.signature_field == "seg_len_m"
    names = [f.name for f in spec.extra_fields]
    assert names == ["seg_len_m", "width_m", "sealed_m2", "trees_now", "trees_per_100m", "tree_gap",
                     "unseal_m2", "runoff_red_m3a", "infiltration"]
    assert set(spec.flag_labels) >= set(spec.exclusions) | set(spec.caveats)


def test_width_measured_across_the_street_space_polygons():
    # a street along y = 0 in two 50 m sections: space 14 m wide (y −7…7) on the first half and
    # 20 m (y −10…10) on the second, split into two parcels there (y −10…0, 0…10: merged first);
    # a parallel street space 30 m north is not counted; a section outside any space gets NaN
    segs = st.segment_lines([L([(0, 0), (100, 0)]), L([(0, 200), (60, 200)])], 50, key=np.array([0, 1])).geoms
    space = np.array([shapely.box(0, -7, 50, 7), shapely.box(50, -10, 100, 0), shapely.box(50, 0, 100, 10),
                      shapely.box(-5, 25, 105, 35)])
    w = st.widths_from_space(segs, space)
    assert w[:2].tolist() == pytest.approx([14.0, 20.0])
    assert np.isnan(w[2:]).all()
    # measured first, then the field, then the class
    width, from_class = st.widths(np.array([12.0, 12.0, 12.0, np.nan]), np.array([11.0] * 4),
                                  measured=np.array([14.0, 20.0, np.nan, np.nan]))
    assert width.tolist() == [14.0, 20.0, 12.0, 11.0] and from_class.tolist() == [False, False, False, True]


def test_fill_many_follows_the_order_of_the_translation():
    out = rs.empty(3)
    values = {"trees": np.array(["1", "2", "3"], dtype=object), "target": np.array(["10", "20", "30"], dtype=object)}
    rs.fill_many("{target} wanted, {trees} there", values, np.array([True, False, True]), out)
    assert out.tolist() == ["10 wanted, 1 there", "", "30 wanted, 3 there"]
    rs.fill_many("no placeholder {oops", values, np.array([False, True, False]), out)
    assert out[1] == "no placeholder {oops"


def test_private_ways_from_osm_access_values():
    values = np.array(["private", "no", "yes", "destination", None, "Privat", "permissive"], dtype=object)
    assert st.private_access(values).tolist() == [True, True, False, False, False, True, False]


def test_free_width_between_the_buildings_caps_the_class_width():
    # a street along y = 0; buildings from y = 4 to 20 on the north side and y = −20 to −5 on the
    # south side: 4 + 5 = 9 m free width; a second street with buildings only to the north at
    # 3 m: 3 + 40 (nothing within reach on the south) = 43 m; a third runs through a building
    segs = np.array([L([(0, 0), (100, 0)]), L([(0, 200), (100, 200)]), L([(0, 400), (100, 400)])])
    blds = np.array([shapely.box(-10, 4, 110, 20), shapely.box(-10, -20, 110, -5), shapely.box(-10, 203, 110, 230),
                     shapely.box(-10, 390, 110, 410)])
    free = st.free_width(segs, blds)
    assert free[:2].tolist() == pytest.approx([9.0, 43.0]) and np.isnan(free[2])
    # residential typical 11 m: capped to 9 m where the buildings stand closer; 43 m does not widen it
    width, from_class = st.widths(None, np.array([11.0, 11.0, 11.0]), free=free)
    assert width.tolist() == [9.0, 11.0, 11.0] and from_class.all()
    # a width field is data and is not capped
    width, _ = st.widths(np.array([12.0, np.nan, np.nan]), np.array([11.0] * 3), free=free)
    assert width.tolist() == [12.0, 11.0, 11.0]


def test_green_supply_from_the_park_distance_serves_hz_01():
    # 150 m to the nearest park of 0.5 ha: 150 / 300 = 0.5 -> HZ 01; 60 m: 0.2; none within 300 m: 1
    segs = np.array([L([(0, 0), (100, 0)]), L([(0, 50), (100, 50)]), L([(0, 100), (100, 100)])])
    r = st.score_streets(st.StreetInputs(length_m=np.full(3, 100.0), segments=segs,
                                         road_class=np.array(["residential"] * 3, dtype=object),
                                         park_distance_m=np.array([150.0, 60.0, np.inf])))
    assert r.core.criteria["green"].tolist() == pytest.approx([0.5, 0.2, 1.0])
    assert [h.split(",")[0] for h in r.core.hz.tolist()] == ["01", "03", "01"]
    assert "nearest green space ≥ 0.5 ha at 150 m" in r.reason[0]
    assert "no green space ≥ 0.5 ha within 300 m" in r.reason[2]


def test_row_ids_number_the_distinct_points_as_numpy_unique_does():
    import numpy as np

    from gi_qgis_plugin.scoring.streets import _row_ids

    rng = np.random.default_rng(2)
    pts = rng.integers(-50, 50, (500, 2)) * np.array([10_000_000, 1])  # x far apart, y close: both ranges matter
    expected = np.unique(pts, axis=0, return_inverse=True)[1].reshape(-1)
    assert np.array_equal(_row_ids(pts), expected)
    huge = np.array([[0, 0], [2**40, 2**40], [0, 0], [-(2**40), 5]])  # ranges too large for one int64: the fallback
    assert _row_ids(huge).tolist() == np.unique(huge, axis=0, return_inverse=True)[1].reshape(-1).tolist()
