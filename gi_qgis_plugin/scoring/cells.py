"""Raster cells inside polygons, found row by row (a scanline), for zonal statistics.

A cell belongs to a polygon when its centre lies inside it, not on its boundary: the rule of
``shapely.contains_xy`` and of GDAL's default rasterisation. Testing every cell of every
polygon's bounding box costs one point-in-polygon test per cell (40 million at a million roofs
with a 10 m ring); here each ring edge is intersected with the centre lines of the rows it
spans instead, and the crossings of a polygon on a row, taken in pairs (even-odd rule), give
the runs of cells inside. Where floating-point rounding could put a centre on the wrong side
of a crossing (a centre within EPS cells of a crossing, a row through a vertex, a horizontal
edge on a row's centre line) the cell is handed back as *doubtful*, for an exact test with
``shapely.contains_xy``; so the cells are exactly those of the point-in-polygon rule.

Pure numpy and shapely (no QGIS), so the rule is tested against the point-in-polygon test
itself (``tests/test_cells.py``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely

from .arrays import expand

EPS = 1e-6  # of a cell's size: centres this close to a crossing are tested exactly
POLYGON, MULTIPOLYGON = 3, 6  # GEOS type ids


@dataclass(frozen=True)
class Grid:
    """A north-up raster grid: origin, cell size (dy < 0 for the usual top-left origin), size."""

    x0: float
    dx: float
    y0: float
    dy: float
    ncols: int
    nrows: int

    def col_x(self, c: np.ndarray) -> np.ndarray:
        """x of the centres of columns ``c`` (the one expression every test uses)."""
        return self.x0 + (c + 0.5) * self.dx

    def row_y(self, r: np.ndarray) -> np.ndarray:
        return self.y0 + (r + 0.5) * self.dy


@dataclass
class Runs:
    """Runs of cells inside polygons: polygon ``poly`` holds the cells ``c_lo``–``c_hi`` (both
    included) of row ``row``; and the doubtful cells (``d_poly``, ``d_row``, ``d_col``), each
    to be tested exactly. All within the raster."""

    poly: np.ndarray
    row: np.ndarray
    c_lo: np.ndarray
    c_hi: np.ndarray
    d_poly: np.ndarray
    d_row: np.ndarray
    d_col: np.ndarray


def _empty() -> np.ndarray:
    return np.empty(0, dtype=np.int64)


def _groups(key: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Start and length of each run of equal values in the sorted ``key``."""
    start = np.flatnonzero(np.r_[True, key[1:] != key[:-1]]) if key.size else _empty()
    return start, np.diff(np.r_[start, key.size])


def _first_last(lo: np.ndarray, hi: np.ndarray, inside, limit: int) -> tuple[np.ndarray, np.ndarray]:
    """First and last integer i with inside(i), for sets known to be the integers of the real
    interval between ``lo`` and ``hi`` up to rounding (each end corrected by one where the exact
    test says so), clipped to 0 … limit − 1."""
    first = np.ceil(np.minimum(lo, hi)).astype(np.int64)
    last = np.floor(np.maximum(lo, hi)).astype(np.int64)
    first = np.where(inside(first - 1), first - 1, np.where(inside(first), first, first + 1))
    last = np.where(inside(last + 1), last + 1, np.where(inside(last), last, last - 1))
    return np.maximum(first, 0), np.minimum(last, limit - 1)


@dataclass
class Vertices:
    """The rings of polygons as coordinate arrays: ``xy`` (closed rings, each ring's points
    together), the polygon of each point and a ring number per point. A polygon of one ring has
    its own index as ring number (below ``n``, the number of polygons); further rings count on
    from ``n``."""

    xy: np.ndarray
    poly: np.ndarray
    ring: np.ndarray
    n: int
    approx: np.ndarray | None = None  # True per point computed outside GEOS (offset.py); None = none

    def single(self) -> np.ndarray:
        """True per point of a polygon that is one ring."""
        return self.ring < self.n

    @staticmethod
    def join(parts: list[Vertices], n: int) -> Vertices:
        approx = np.concatenate([np.zeros(len(v.poly), dtype=bool) if v.approx is None else v.approx for v in parts])
        return Vertices(np.concatenate([v.xy for v in parts]), np.concatenate([v.poly for v in parts]),
                        np.concatenate([v.ring for v in parts]), n, approx)


def vertices(polys: np.ndarray) -> Vertices:
    """:class:`Vertices` of the polygonal geometries of ``polys``."""
    polys = np.asarray(polys, dtype=object)
    xy, poly, ring = _vertices(polys)
    return Vertices(xy, poly, ring, len(polys))


def _vertices(polys: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The coordinates (x, y) of every ring of the polygonal geometries, with the index of their
    polygon and a ring number per coordinate.

    All coordinates come in one pass; a geometry whose coordinates form one closed ring (its
    first point comes back only at its end: nearly every footprint and buffer, also a
    multipolygon of one part) is that ring. Only the others (several parts or rings, a ring
    touching its own start, collections) are taken apart into rings. Polygons inside a
    geometry collection count, other parts hold no cells."""
    ok = ~shapely.is_missing(polys) & ~shapely.is_empty(polys)
    types = np.full(len(polys), -1)
    types[ok] = shapely.get_type_id(polys[ok])
    areal = np.flatnonzero((types == POLYGON) | (types == MULTIPOLYGON))
    xy, of = shapely.get_coordinates(polys[areal], return_index=True)
    single = np.zeros(areal.size, dtype=bool)
    if of.size:
        start, size = _groups(of)
        end = start + size - 1
        first = np.repeat(xy[start], size, axis=0)
        again = np.bincount(of, weights=np.all(xy == first, axis=1), minlength=areal.size)
        single[of[start]] = (again[of[start]] == 2) & np.all(xy[end] == xy[start], axis=1)
    mine = single[of]
    pieces = [(xy[mine], areal[of[mine]], areal[of[mine]])]  # one ring: the ring number is the polygon's
    rest = ok.copy()
    rest[areal[single]] = False
    rest = np.flatnonzero(rest)
    if rest.size:
        parts, part_of = shapely.get_parts(polys[rest], return_index=True)
        inner, inner_of = shapely.get_parts(parts, return_index=True)  # a collection's multipolygons
        parts, part_of = inner, part_of[inner_of]
        keep = (shapely.get_type_id(parts) == POLYGON) & ~shapely.is_empty(parts)
        parts, part_of = parts[keep], part_of[keep]
        rings, ring_part = shapely.get_rings(parts, return_index=True)
        rxy, ring_of = shapely.get_coordinates(rings, return_index=True)
        pieces.append((rxy, rest[part_of[ring_part[ring_of]]], len(polys) + ring_of))
    return (np.concatenate([p[0] for p in pieces]), np.concatenate([p[1] for p in pieces]),
            np.concatenate([p[2] for p in pieces]))


def runs(grid: Grid, polys: np.ndarray | None, verts: Vertices | None = None) -> Runs:
    """The runs of cells inside each polygon of ``polys`` (None, empty and non-polygonal parts
    hold none), with the doubtful cells to test exactly; or of the rings ``verts`` (then
    ``polys`` is not needed). Requires ``grid.dx > 0``."""
    if verts is None:
        verts = vertices(polys)
    xy, vpoly, ring_of = verts.xy, verts.poly, verts.ring
    if xy.shape[0] < 2:
        e = _empty()
        return Runs(e, e, e, e, e, e, e)
    eps_x, eps_y = EPS * abs(grid.dx), EPS * abs(grid.dy)
    stride = np.int64(grid.nrows + 2)

    # 1. every edge against the centre lines of the rows it spans: y in [ylo, yhi)
    same = ring_of[1:] == ring_of[:-1]
    ex0, ey0, ex1, ey1 = xy[:-1, 0][same], xy[:-1, 1][same], xy[1:, 0][same], xy[1:, 1][same]
    epoly = vpoly[:-1][same]
    slant = ey0 != ey1
    # an edge of coordinates computed outside GEOS (offset.py: equal to GEOS's up to a few units
    # in the last place) so nearly horizontal that such a shift of its ends moves its crossing
    # by EPS/2: its rows are tested exactly against GEOS's polygon
    flat_keys = _empty()
    if verts.approx is not None and verts.approx.any():
        ulp = np.spacing(np.abs(xy).max())
        flat = slant & verts.approx[:-1][same] & (np.abs(ex1 - ex0) * 4.0 * ulp > 0.5 * eps_x * np.abs(ey1 - ey0))
        flat_keys = _flat_rows(grid, ey0[flat], ey1[flat], epoly[flat], stride)
    ex0, ey0, ex1, ey1, epoly = ex0[slant], ey0[slant], ex1[slant], ey1[slant], epoly[slant]
    ylo, yhi = np.minimum(ey0, ey1), np.maximum(ey0, ey1)

    def row_in(r):
        y = grid.row_y(r)
        return (y >= ylo) & (y < yhi)

    first, last = _first_last((ylo - grid.y0) / grid.dy - 0.5, (yhi - grid.y0) / grid.dy - 0.5, row_in, grid.nrows)
    count = np.maximum(last - first + 1, 0)
    edge, step = expand(count)
    rows = first[edge] + step
    yc = grid.row_y(rows)
    x_cross = ex0[edge] + (yc - ey0[edge]) * (ex1[edge] - ex0[edge]) / (ey1[edge] - ey0[edge])
    key = epoly[edge] * stride + rows

    # 2. rows through a vertex (within EPS): every cell of such a row is tested exactly
    rv = np.rint((xy[:, 1] - grid.y0) / grid.dy - 0.5).astype(np.int64)
    near = (np.abs(grid.row_y(rv) - xy[:, 1]) <= eps_y) & (rv >= 0) & (rv < grid.nrows)
    doubt_rows = np.union1d(vpoly[near] * stride + rv[near], flat_keys)

    # 3. the crossings of each (polygon, row) in x order, in pairs
    order = np.argsort(key, kind="stable")
    key, x_cross = key[order], x_cross[order]
    if key.size:
        start, size = _groups(key)
        odd = size % 2 == 1  # cannot happen on closed rings; tested exactly if rounding made it
        if odd.any():
            doubt_rows = np.union1d(doubt_rows, key[start[odd]])
        if doubt_rows.size:  # (both sorted)
            at = np.minimum(np.searchsorted(doubt_rows, key), doubt_rows.size - 1)
            keep = doubt_rows[at] != key
            key, x_cross = key[keep], x_cross[keep]
        start, size = _groups(key)
        many = np.flatnonzero(size > 2)
        if many.size:  # rows crossed more than twice (concave parts, holes): those put in x order
            group, step = expand(size[many])
            sel = start[many][group] + step
            sub = np.lexsort((x_cross[sel], key[sel]))
            x_cross[sel] = x_cross[sel][sub]
    xa, xb = x_cross[0::2], x_cross[1::2]
    if xa.size and (xa > xb).any():  # two crossings per row (the usual case): only their order
        xa, xb = np.minimum(xa, xb), np.maximum(xa, xb)
    pkey = key[0::2]

    # 4. the cells strictly between the crossings (beyond EPS); those within EPS are doubtful
    lo_t, hi_t = xa + eps_x, xb - eps_x
    c_lo = np.floor((lo_t - grid.x0) / grid.dx - 0.5).astype(np.int64) + 1
    c_lo = np.where(grid.col_x(c_lo - 1) > lo_t, c_lo - 1, np.where(grid.col_x(c_lo) > lo_t, c_lo, c_lo + 1))
    c_hi = np.ceil((hi_t - grid.x0) / grid.dx - 0.5).astype(np.int64) - 1
    c_hi = np.where(grid.col_x(c_hi + 1) < hi_t, c_hi + 1, np.where(grid.col_x(c_hi) < hi_t, c_hi, c_hi - 1))
    c_lo, c_hi = np.maximum(c_lo, 0), np.minimum(c_hi, grid.ncols - 1)
    d_key, d_col = [], []
    for xe in (xa, xb):
        cn = np.rint((xe - grid.x0) / grid.dx - 0.5).astype(np.int64)
        close = (np.abs(grid.col_x(cn) - xe) <= eps_x) & (cn >= 0) & (cn < grid.ncols)
        d_key.append(pkey[close])
        d_col.append(cn[close])
    full = c_lo <= c_hi
    poly, row = pkey[full] // stride, pkey[full] % stride

    # 5. the doubtful rows: every cell of the polygon's bounding box on that row
    if doubt_rows.size:
        dp = doubt_rows // stride
        xmin = np.full(verts.n, np.inf)
        xmax = np.full(verts.n, -np.inf)
        np.minimum.at(xmin, vpoly, xy[:, 0])
        np.maximum.at(xmax, vpoly, xy[:, 0])
        c0 = np.maximum(np.ceil((xmin[dp] - grid.x0) / grid.dx - 0.5).astype(np.int64), 0)
        c1 = np.minimum(np.floor((xmax[dp] - grid.x0) / grid.dx - 0.5).astype(np.int64), grid.ncols - 1)
        width = np.maximum(c1 - c0 + 1, 0)
        row_of, step = expand(width)
        d_key.append(doubt_rows[row_of])
        d_col.append(c0[row_of] + step)
    dk, dc = np.concatenate(d_key), np.concatenate(d_col)
    if dk.size:
        both = np.unique(np.stack([dk, dc]), axis=1)
        dk, dc = both[0], both[1]
    return Runs(poly=poly, row=row, c_lo=c_lo[full], c_hi=c_hi[full], d_poly=dk // stride, d_row=dk % stride,
                d_col=dc)


def _flat_rows(grid: Grid, y0: np.ndarray, y1: np.ndarray, poly: np.ndarray, stride) -> np.ndarray:
    """(polygon, row) keys of the rows that edges from y0 to y1 span (ends included)."""
    a = (np.minimum(y0, y1) - grid.y0) / grid.dy - 0.5
    b = (np.maximum(y0, y1) - grid.y0) / grid.dy - 0.5
    first = np.maximum(np.floor(np.minimum(a, b)).astype(np.int64), 0)
    last = np.minimum(np.ceil(np.maximum(a, b)).astype(np.int64), grid.nrows - 1)
    count = np.maximum(last - first + 1, 0)
    owner, step = expand(count)
    return np.unique(poly[owner] * stride + first[owner] + step)


def doubtful_inside(grid: Grid, polys, r: Runs) -> np.ndarray:
    """Which doubtful cells of ``r`` lie inside their polygon (``polys``: the polygons, or a
    function giving those of some indexes): the exact point-in-polygon test
    of GEOS, without preparing the polygons (``contains_xy`` would prepare them for good, and a
    prepared geometry must not be shared between threads)."""
    if r.d_poly.size == 0:
        return np.zeros(0, dtype=bool)
    points = shapely.points(grid.col_x(r.d_col), grid.row_y(r.d_row))
    exact = polys(r.d_poly) if callable(polys) else np.asarray(polys, dtype=object)[r.d_poly]
    return shapely.contains(exact, points)


def interior_points(verts: Vertices, which: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A point inside each polygon ``which`` of one ring, by GEOS's rule for
    ``point_on_surface`` (InteriorPointArea): a horizontal scan line halfway between the two
    vertex heights nearest the middle of the envelope, and the middle of its widest section
    inside the polygon; the same floating-point operations as GEOS. Returns x, y and whether
    the polygon was done here (False: several rings, or no section; ask GEOS)."""
    n = verts.n
    want = np.zeros(n, dtype=bool)
    want[which] = True
    pick = want[verts.poly] & verts.single()
    xy, poly = verts.xy[pick], verts.poly[pick]
    x_out, y_out = np.full(which.size, np.nan), np.full(which.size, np.nan)
    done = np.zeros(which.size, dtype=bool)
    if poly.size < 4:
        return x_out, y_out, done
    y = xy[:, 1]
    lo_env, hi_env = np.full(n, np.inf), np.full(n, -np.inf)
    np.minimum.at(lo_env, poly, y)
    np.maximum.at(hi_env, poly, y)
    with np.errstate(invalid="ignore"):  # inf − inf for the polygons not asked for
        centre = (lo_env + hi_env) / 2.0
    lo_y, hi_y = lo_env.copy(), hi_env.copy()
    below = y <= centre[poly]
    np.maximum.at(lo_y, poly[below], y[below])
    np.minimum.at(hi_y, poly[~below], y[~below])
    with np.errstate(invalid="ignore"):
        scan = (hi_y + lo_y) / 2.0
    # the ring's edges crossing the scan line (GEOS: not horizontal, an end on the line counts
    # only when the other end lies above it)
    same = poly[1:] == poly[:-1]
    x0, y0, x1, y1 = xy[:-1, 0][same], y[:-1][same], xy[1:, 0][same], y[1:][same]
    ep = poly[:-1][same]
    s = scan[ep]
    cross = ~((y0 > s) & (y1 > s)) & ~((y0 < s) & (y1 < s)) & (y0 != y1)
    cross &= ~((y0 == s) & (y1 < s)) & ~((y1 == s) & (y0 < s))
    x0, y0, x1, y1, ep, s = x0[cross], y0[cross], x1[cross], y1[cross], ep[cross], s[cross]
    with np.errstate(divide="ignore", invalid="ignore"):
        m = (y1 - y0) / (x1 - x0)
        xs = np.where(x0 == x1, x0, x0 + (s - y0) / m)
    order = np.lexsort((xs, ep))
    ep, xs = ep[order], xs[order]
    start, size = _groups(ep)
    # pairs (0, 1), (2, 3) … of each polygon's sorted crossings: the widest, the first on ties
    pos = np.arange(ep.size) - np.repeat(start, size)
    first = (pos % 2 == 0) & (pos + 1 < np.repeat(size, size))
    a = np.flatnonzero(first)
    width = xs[a + 1] - xs[a]
    owner = ep[a]
    best = np.full(n, 0.0)
    np.maximum.at(best, owner, width)
    top = (width == best[owner]) & (width > 0)
    big = np.iinfo(np.int64).max
    chosen = np.full(n, big, dtype=np.int64)
    np.minimum.at(chosen, owner[top], a[top])  # the first pair of the widest width wins
    index = np.full(n, -1, dtype=np.int64)
    index[which] = np.arange(which.size)
    ok = np.flatnonzero(chosen != big)
    k = index[ok]
    x_out[k] = (xs[chosen[ok]] + xs[chosen[ok] + 1]) / 2.0
    y_out[k] = scan[ok]
    done[k] = True
    return x_out, y_out, done
