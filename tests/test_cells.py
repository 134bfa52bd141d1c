"""The scanline runs of scoring/cells.py give exactly the cells of the point-in-polygon rule.

The reference is the rule itself: every cell centre of each polygon's bounding box tested with
``shapely.contains_xy`` (what the raster statistics did cell by cell before).
"""

from __future__ import annotations

import numpy as np
import pytest
import shapely

from gi_qgis_plugin.scoring import cells


def reference(grid: cells.Grid, polys) -> set[tuple[int, int, int]]:
    out = set()
    for i, p in enumerate(polys):
        if p is None or p.is_empty:
            continue
        x0, y0, x1, y1 = p.bounds
        cs = np.arange(grid.ncols)
        rs = np.arange(grid.nrows)
        cs = cs[(grid.col_x(cs) >= x0) & (grid.col_x(cs) <= x1)]
        rs = rs[(grid.row_y(rs) >= y0) & (grid.row_y(rs) <= y1)]
        if cs.size == 0 or rs.size == 0:
            continue
        cc, rr = np.meshgrid(cs, rs)
        inside = shapely.contains_xy(p, grid.col_x(cc.ravel()), grid.row_y(rr.ravel()))
        out.update((i, int(r), int(c)) for r, c in zip(rr.ravel()[inside], cc.ravel()[inside]))
    return out


def scanned(grid: cells.Grid, polys) -> set[tuple[int, int, int]]:
    arr = np.array(polys, dtype=object)
    r = cells.runs(grid, arr)
    out = set()
    for p, row, lo, hi in zip(r.poly, r.row, r.c_lo, r.c_hi):
        out.update((int(p), int(row), int(c)) for c in range(lo, hi + 1))
    inside = cells.doubtful_inside(grid, arr, r)
    doubt = set(zip(r.d_poly.tolist(), r.d_row.tolist(), r.d_col.tolist()))
    assert not doubt & out, "a doubtful cell is also in a run"
    out.update((int(p), int(row), int(c)) for p, row, c, ok in zip(r.d_poly, r.d_row, r.d_col, inside) if ok)
    return out


GRID = cells.Grid(x0=1000.0, dx=5.0, y0=2000.0, dy=-5.0, ncols=60, nrows=50)


def test_rectangle_by_hand():
    # x 1012–1031, y 1952–1968: centres x 1012.5 … 1027.5 (columns 2–5), y 1967.5 … 1952.5
    # (rows 6–9): 4 × 4 = 16 cells
    box = shapely.box(1012.0, 1952.0, 1031.0, 1968.0)
    got = scanned(GRID, [box])
    assert got == {(0, r, c) for r in range(6, 10) for c in range(2, 6)}


def test_edges_through_cell_centres_leave_those_cells_out():
    # the box's edges run exactly through centres (x 1012.5 and 1027.5, y 1967.5 and 1952.5):
    # boundary points are outside, so only the 2 × 2 cells strictly inside remain
    box = shapely.box(1012.5, 1952.5, 1027.5, 1967.5)
    assert scanned(GRID, [box]) == {(0, r, c) for r in (7, 8) for c in (3, 4)}
    assert scanned(GRID, [box]) == reference(GRID, [box])


@pytest.mark.parametrize("seed", range(4))
def test_random_shapes_match_point_in_polygon(seed):
    rng = np.random.default_rng(seed)
    polys = []
    for _ in range(60):
        cx, cy = rng.uniform(990, 1310), rng.uniform(1740, 2010)  # some beyond the raster's edges
        kind = rng.integers(5)
        w, h = rng.uniform(0.5, 40, 2)
        if kind == 0:
            g = shapely.box(cx, cy, cx + w, cy + h)
        elif kind == 1:  # a buffer as the ring uses (quad_segs 2)
            g = shapely.buffer(shapely.box(cx, cy, cx + w, cy + h), 10.0, quad_segs=2)
        elif kind == 2:  # concave: an L
            g = shapely.Polygon([(cx, cy), (cx + w, cy), (cx + w, cy + 3), (cx + 3, cy + 3), (cx + 3, cy + h), (cx, cy + h)])
        elif kind == 3:  # a hole
            g = shapely.box(cx, cy, cx + 30, cy + 30).difference(shapely.box(cx + 8, cy + 8, cx + 21, cy + 19))
        else:  # a multipolygon of two rotated squares
            a = shapely.affinity.rotate(shapely.box(cx, cy, cx + w, cy + w), rng.uniform(0, 90))
            b = shapely.affinity.translate(a, 45, 5)
            g = shapely.MultiPolygon([a, b])
        polys.append(g)
    polys += [None, shapely.Polygon(),
              shapely.GeometryCollection([shapely.box(1100, 1900, 1133, 1922), shapely.LineString([(1000, 1990), (1100, 1900)])])]
    assert scanned(GRID, polys) == reference(GRID, polys)


def test_vertices_and_edges_on_the_grid_lines_and_centres():
    # coordinates on cell centres and cell edges (x.5 and x.0 multiples of 5): the cases where
    # rounding decides, all settled by the exact test
    rng = np.random.default_rng(7)
    polys = []
    for _ in range(80):
        pts = rng.integers(0, 40, (5, 2)) * 2.5
        g = shapely.convex_hull(shapely.MultiPoint((pts + [1000.0, 1800.0]).tolist()))
        if g.geom_type == "Polygon":
            polys.append(g)
        polys.append(shapely.box(*(1000.0 + rng.integers(0, 30, 2) * 2.5), *(1080.0 + rng.integers(0, 30, 2) * 2.5)))
    assert scanned(GRID, polys) == reference(GRID, polys)


def test_polygons_only_give_the_same_cells_as_with_multipolygons():
    # all-Polygon input takes another branch of the coordinate arrays than mixed input
    boxes = [shapely.buffer(shapely.box(1010 + 20 * i, 1800, 1025 + 20 * i, 1820), 10.0, quad_segs=2) for i in range(5)]
    assert scanned(GRID, boxes) == reference(GRID, boxes)


def test_lines_and_points_hold_no_cells():
    r = cells.runs(GRID, np.array([shapely.LineString([(1000, 1990), (1100, 1900)]), shapely.Point(1010, 1990)], dtype=object))
    assert r.poly.size == 0 and r.d_poly.size == 0


def test_interior_points_are_those_of_geos():
    rng = np.random.default_rng(9)
    polys = []
    for _ in range(400):
        cx, cy = rng.uniform(3.4e5, 3.8e5), rng.uniform(5.68e6, 5.72e6)
        w, h = rng.uniform(0.5, 30, 2)
        kind = rng.integers(3)
        if kind == 0:
            g = shapely.affinity.rotate(shapely.box(cx, cy, cx + w, cy + h), rng.uniform(0, 90))
        elif kind == 1:  # concave: a U, whose scan line crosses four edges
            g = shapely.Polygon([(cx, cy), (cx + 9, cy), (cx + 9, cy + 8), (cx + 6, cy + 8), (cx + 6, cy + 3),
                                 (cx + 3, cy + 3), (cx + 3, cy + 8), (cx, cy + 8)])
        else:
            g = shapely.convex_hull(shapely.MultiPoint(rng.uniform(0, 20, (6, 2)) + [cx, cy]))
        polys.append(g)
    polys.append(shapely.box(0, 0, 10, 10).difference(shapely.box(2, 2, 8, 8)))  # a hole: left to GEOS
    arr = np.array(polys, dtype=object)
    which = np.arange(len(arr))
    x, y, done = cells.interior_points(cells.vertices(arr), which)
    assert done[:-1].all() and not done[-1]
    ref = shapely.point_on_surface(arr)
    assert np.array_equal(x[:-1], shapely.get_x(ref)[:-1]) and np.array_equal(y[:-1], shapely.get_y(ref)[:-1])
