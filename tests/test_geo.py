"""Overlays in bulk (scoring/geo.py): pure shapely, no QGIS needed."""

from __future__ import annotations

import numpy as np
import pytest
import shapely

from gi_qgis_plugin.scoring import geo


def test_overlay_helpers():
    polys = np.array([shapely.box(0, 0, 10, 10), shapely.box(5, 5, 20, 20), None], dtype=object)
    pts = np.array([shapely.Point(1, 1), shapely.Point(7, 7), shapely.Point(30, 30), None], dtype=object)
    vals = np.array([1.0, 4.0, 9.0])
    out = geo.value_at_points(pts, polys, vals)
    assert out[0] == 1.0 and out[1] == 4.0 and np.isnan(out[2]) and np.isnan(out[3])
    cats = geo.category_at_points(pts, polys, np.array(["a", "b", "c"], dtype=object))
    assert cats.tolist() == ["a", "a", None, None]
    assert geo.intersects_any(pts, polys).tolist() == [True, True, False, False]
    d = geo.nearest_distance(pts, np.array([shapely.Point(1, 4)], dtype=object), 10.0)
    assert d[0] == pytest.approx(3.0)
    assert d[1] == pytest.approx(np.hypot(6, 3))
    assert np.isinf(d[2]) and np.isnan(d[3])


def test_points_on_surface_lies_inside_polygons_and_halfway_along_lines():
    l_shape = shapely.Polygon([(0, 0), (10, 0), (10, 1), (1, 1), (1, 10), (0, 10)])
    line = shapely.LineString([(0, 0), (10, 0), (10, 10)])  # 20 m long: the middle is (10, 0)
    pts = geo.points_on_surface(np.array([l_shape, line, None, shapely.Polygon()], dtype=object))
    assert l_shape.contains(pts[0])
    assert pts[1].equals(shapely.Point(10, 0))
    assert pts[2] is None and pts[3] is None


def test_as_multi_makes_one_part_multis_and_keeps_the_rest():
    out = geo.as_multi(np.array([shapely.box(0, 0, 1, 1), shapely.LineString([(0, 0), (1, 1)]), None,
                                 shapely.MultiPolygon([shapely.box(0, 0, 1, 1)])], dtype=object))
    assert [g.geom_type if g is not None else None for g in out] == ["MultiPolygon", "MultiLineString", None,
                                                                    "MultiPolygon"]
    assert out[0].area == pytest.approx(1.0)


def test_min_area_keeps_the_polygons_that_are_large_enough():
    polys = np.array([shapely.box(0, 0, 100, 50), shapely.box(0, 0, 10, 10), None], dtype=object)  # 5000, 100 m²
    assert geo.min_area(polys, 5000.0).tolist() == [polys[0]]


def boxes(*specs):
    """Squares (x, y, side) in metres."""
    return np.array([shapely.box(x, y, x + s, y + s) for x, y, s in specs], dtype=object)


def test_connected_groups_union_find():
    # edges 0–1, 2–3, 1–3: one component {0,1,2,3}; node 4 alone
    assert geo.connected_groups(5, np.array([0, 2, 1]), np.array([1, 3, 3])).tolist() == [0, 0, 0, 0, 4]
    # a long chain in reverse order needs several rounds
    n = 50
    assert set(geo.connected_groups(n, np.arange(n - 1)[::-1], np.arange(1, n)[::-1]).tolist()) == {0}


def test_count_within():
    g = boxes((0, 0, 100))
    others = boxes((150, 0, 10), (-80, 0, 10), (1000, 0, 10))
    assert geo.count_within(g, others, 100.0).tolist() == [2]


def test_overlap_share_by_hand():
    # 100 × 100 square: a layer polygon over its left 30 m (3,000 m²) and one containing it whole
    g = boxes((0, 0, 100), (1000, 0, 100))
    others = np.array([shapely.box(-50, -50, 30, 150), shapely.box(900, -100, 1200, 200)], dtype=object)
    assert geo.overlap_share(g, others).tolist() == pytest.approx([0.3, 1.0])
    assert np.isnan(geo.overlap_share(np.array([None], dtype=object), others)[0])


def test_copies_for_another_thread_keep_every_coordinate_and_share_no_object():
    src = np.array([shapely.box(0, 0, 10, 10), None, shapely.Point(1.123456789012, 2, 3)], dtype=object)
    shapely.prepare(src[0])
    out = geo.own_copies(src)
    assert out[1] is None
    assert out[0] is not src[0] and not shapely.is_prepared(out[0])
    assert shapely.equals_exact(out[0], src[0], tolerance=0) and shapely.equals_exact(out[2], src[2], tolerance=0)
    assert shapely.has_z(out[2])
    # the distances on copies are those on the originals: 5 m from the box to a target at x = 15
    targets = np.array([shapely.Point(15, 5)], dtype=object)
    assert geo.nearest_distance_apart(src[:1], targets, 100.0).tolist() == [5.0]


def test_nearest_distance_is_the_minimum_over_every_target():
    # the reference: every feature against every target with GEOS's distance, by brute force
    rng = np.random.default_rng(5)
    feats = np.array([shapely.affinity.rotate(shapely.box(x, y, x + w, y + h), a)
                      for x, y, w, h, a in zip(rng.uniform(0, 2000, 400), rng.uniform(0, 2000, 400),
                                               rng.uniform(5, 30, 400), rng.uniform(5, 30, 400), rng.uniform(0, 90, 400))],
                     dtype=object)
    feats[7] = None
    parks = np.array([shapely.box(x, y, x + w, y + h) for x, y, w, h in zip(rng.uniform(0, 2000, 40), rng.uniform(0, 2000, 40),
                                                                          rng.uniform(50, 300, 40), rng.uniform(50, 300, 40))]
                     + [shapely.Point(1000, 1000).buffer(80)], dtype=object)
    got = geo.nearest_distance(feats, parks, 300.0)
    for i, f in enumerate(feats):
        if f is None:
            assert np.isnan(got[i])
            continue
        d = min(shapely.distance(f, p) for p in parks)
        assert got[i] == (d if d <= 300.0 else np.inf), i
    assert np.isinf(got).any() and (got == 0).any() and ((got > 0) & np.isfinite(got)).any()  # all cases occur
