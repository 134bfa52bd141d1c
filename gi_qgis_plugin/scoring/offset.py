"""The outward buffer of convex polygons, vertex by vertex in numpy.

The heavy-rain ring needs each footprint buffered by 10 m (round joins, ``quad_segs`` 2);
building a million buffers in GEOS is the largest single cost of a city-wide run. For a convex
ring the buffer is its offset curve: every edge moved outwards by the distance, and at every
vertex an arc from the end of one moved edge to the start of the next, divided into
``int(angle / (π/2 / quad_segs) + 0.5)`` equal steps. These are the vertices GEOS builds (its
OffsetSegmentGenerator: the same offset and fillet formulas), here computed for all polygons at
once. The coordinates agree with GEOS's to a few units in the last place, not bit for bit, so
the raster statistics use them only away from cell centres (``cells.py`` tests every cell near
an edge, a vertex or a nearly horizontal edge exactly, against the buffer GEOS builds).

Polygons that are not plainly convex (a vertex turning the other way or barely turning, a step
count at a rounding boundary, repeated points) are left to GEOS: ``fast`` says which were done.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .arrays import expand

MIN_TURN = 1e-2  # radians: a vertex turning less is left to GEOS (it merges such offset points)
STEP_MARGIN = 1e-6  # steps of an arc this close to a rounding boundary: left to GEOS


@dataclass
class Offset:
    """Buffer vertices of the polygons marked ``fast``: closed rings, ``poly`` per vertex."""

    xy: np.ndarray
    poly: np.ndarray
    fast: np.ndarray  # bool per input ring


def convex_buffers(xy: np.ndarray, ring: np.ndarray, distance: float, quad_segs: int = 2) -> Offset:
    """Buffers of the closed rings given by their coordinates ``xy`` and a ring number per
    coordinate (``ring``: 0 … m − 1, each ring's coordinates together, first point repeated at
    the end). Returns the vertices for the convex rings and which rings those are."""
    m = int(ring.max()) + 1 if ring.size else 0
    count = np.bincount(ring, minlength=m)
    start = np.r_[0, np.cumsum(count)[:-1]]
    # each ring without its closing point
    keep = np.ones(ring.size, dtype=bool)
    keep[start + count - 1] = False
    p = xy[keep]
    pr = ring[keep]
    k = count - 1  # vertices per ring
    fast = k >= 3
    first = np.r_[0, np.cumsum(k)[:-1]]
    idx = np.arange(p.shape[0])
    nxt = np.where(idx + 1 < first[pr] + k[pr], idx + 1, first[pr])  # the next vertex, cyclic
    prv = np.where(idx > first[pr], idx - 1, first[pr] + k[pr] - 1)
    ex, ey = p[nxt, 0] - p[:, 0], p[nxt, 1] - p[:, 1]  # edge from each vertex to the next
    length = np.hypot(ex, ey)
    fast &= np.bincount(pr, weights=length == 0, minlength=m) == 0
    # orientation (shoelace) and the turn at each vertex: all the same way, none barely turning
    area = np.bincount(pr, weights=p[:, 0] * p[nxt, 1] - p[nxt, 0] * p[:, 1], minlength=m)
    ccw = area > 0
    px, py = ex[prv], ey[prv]  # the edge arriving at each vertex
    with np.errstate(invalid="ignore", divide="ignore"):
        turn = np.arctan2(px * ey - py * ex, px * ex + py * ey)  # signed exterior angle
    bad = np.where(ccw[pr], turn < MIN_TURN, turn > -MIN_TURN)
    fast &= np.bincount(pr, weights=bad, minlength=m) == 0
    fast &= area != 0

    # the moved edges: GEOS's computeOffsetSegment, the outer side (right of a CCW ring)
    side = np.where(ccw[pr], -1.0, 1.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        ux = side * distance * ex / length
        uy = side * distance * ey / length
    a0x, a0y = p[:, 0] - uy, p[:, 1] + ux  # moved edge, at its start vertex
    # at each vertex: the end of the arriving moved edge, an arc, the start of the leaving one
    b1x, b1y = p[:, 0] - uy[prv], p[:, 1] + ux[prv]
    start_angle = np.arctan2(b1y - p[:, 1], b1x - p[:, 0])
    end_angle = np.arctan2(a0y - p[:, 1], a0x - p[:, 0])
    clockwise = ~ccw[pr]  # the arc runs with the ring
    start_angle = np.where(clockwise & (start_angle <= end_angle), start_angle + 2 * np.pi, start_angle)
    start_angle = np.where(~clockwise & (start_angle >= end_angle), start_angle - 2 * np.pi, start_angle)
    total = np.abs(start_angle - end_angle)
    quantum = np.pi / 2.0 / quad_segs
    steps_f = total / quantum + 0.5
    steps = np.floor(steps_f).astype(np.int64)
    near = np.abs(steps_f - np.rint(steps_f)) < STEP_MARGIN
    fast &= np.bincount(pr, weights=near, minlength=m) == 0
    inc = np.where(steps > 0, total / np.maximum(steps, 1), 0.0)
    direction = np.where(clockwise, -1.0, 1.0)

    # the vertices of each ring's buffer, in order: b1, arc points 1 … steps − 1, a0; then the
    # ring's first point again (one more slot per ring, after its last vertex)
    take = fast[pr]
    arc = np.where(take, np.maximum(steps - 1, 0), 0)
    per_vertex = np.where(take, 2 + arc, 0)
    before = np.cumsum(fast) - fast  # closing slots of the rings before
    out_first = np.r_[0, np.cumsum(per_vertex)[:-1]] + before[pr]
    total_pts = int(per_vertex.sum() + fast.sum())
    ox, oy = np.empty(total_pts), np.empty(total_pts)
    v = np.flatnonzero(take)
    ox[out_first[v]], oy[out_first[v]] = b1x[v], b1y[v]
    last = out_first[v] + per_vertex[v] - 1
    ox[last], oy[last] = a0x[v], a0y[v]
    has_arc = v[arc[v] > 0]
    if has_arc.size:
        which, step = expand(arc[has_arc])
        owner, step = has_arc[which], step + 1  # arc points 1 … steps − 1
        angle = start_angle[owner] + direction[owner] * step * inc[owner]
        pos = out_first[owner] + step
        ox[pos] = p[owner, 0] + distance * np.cos(angle)
        oy[pos] = p[owner, 1] + distance * np.sin(angle)
    done = np.flatnonzero(fast)
    ring_start = out_first[first[done]]
    ring_end = ring_start + np.bincount(pr, weights=per_vertex, minlength=m)[done].astype(np.int64)
    ox[ring_end], oy[ring_end] = ox[ring_start], oy[ring_start]
    size = ring_end - ring_start + 1
    return Offset(xy=np.column_stack((ox, oy)), poly=np.repeat(done, size), fast=fast)
