"""scoring/offset.py: the numpy buffers of convex rings are GEOS's buffers, vertex for vertex."""

from __future__ import annotations

import numpy as np
import pytest
import shapely

from gi_qgis_plugin.scoring import offset


def _rings(polys):
    xy, ring = shapely.get_coordinates(np.array(polys, dtype=object), return_index=True)
    return xy, ring


def _sorted(a):
    return a[np.lexsort((a[:, 1], a[:, 0]))]


def _convex(rng, n):
    out = []
    for _ in range(n):
        kind = rng.integers(4)
        cx, cy = rng.uniform(3.4e5, 3.8e5), rng.uniform(5.68e6, 5.72e6)
        w, h = rng.uniform(3, 60, 2)
        if kind == 0:
            g = shapely.box(cx, cy, cx + w, cy + h)
        elif kind == 1:
            g = shapely.affinity.rotate(shapely.box(cx, cy, cx + w, cy + h), rng.uniform(0, 180))
        elif kind == 2:
            g = shapely.convex_hull(shapely.MultiPoint(rng.uniform(0, 40, (7, 2)) + [cx, cy]))
        else:  # clockwise ring
            g = shapely.Polygon(list(shapely.box(cx, cy, cx + w, cy + h).exterior.coords)[::-1])
        out.append(g)
    return out


@pytest.mark.parametrize("distance", [10.0, 2.5])
def test_convex_buffers_have_the_vertices_of_geos(distance):
    polys = _convex(np.random.default_rng(3), 300)
    xy, ring = _rings(polys)
    res = offset.convex_buffers(xy, ring, distance, 2)
    assert res.fast.mean() > 0.9  # nearly all are done in numpy
    for i in np.flatnonzero(res.fast):
        mine = res.xy[res.poly == i]
        assert np.array_equal(mine[0], mine[-1])  # closed
        geos = shapely.get_coordinates(shapely.buffer(polys[i], distance, quad_segs=2))
        assert len(mine) == len(geos), i
        np.testing.assert_allclose(_sorted(mine[:-1]), _sorted(geos[:-1]), rtol=0, atol=1e-8)


def test_concave_rings_and_repeated_points_are_left_to_geos():
    ell = shapely.Polygon([(0, 0), (10, 0), (10, 3), (3, 3), (3, 10), (0, 10)])
    repeated = shapely.Polygon([(0, 0), (5, 0), (5, 0), (5, 5), (0, 5)])
    almost_straight = shapely.Polygon([(0, 0), (5, 0.0001), (10, 0), (10, 5), (0, 5)])
    box = shapely.box(0, 0, 4, 4)
    xy, ring = _rings([ell, repeated, almost_straight, box])
    res = offset.convex_buffers(xy, ring, 10.0, 2)
    assert res.fast.tolist() == [False, False, False, True]
    assert set(res.poly.tolist()) == {3}


def test_a_square_by_hand():
    # a 4 × 4 square, distance 10, two steps per quarter circle: at each corner the two moved
    # edge ends and one arc point at 45°, i.e. 12 vertices
    xy, ring = _rings([shapely.box(0, 0, 4, 4)])
    res = offset.convex_buffers(xy, ring, 10.0, 2)
    pts = {tuple(np.round(p, 6)) for p in res.xy[:-1]}
    d = round(10 / np.sqrt(2), 6)
    assert len(res.xy) == 13
    assert {(4.0, -10.0), (14.0, 0.0), (round(4 + d, 6), round(-d, 6)), (-10.0, 4.0), (round(-d, 6), round(4 + d, 6))} <= pts
