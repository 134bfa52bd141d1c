"""Overlays of feature geometries with other layers, in bulk (pure shapely 2, no qgis).

Arrays in, arrays out; a missing geometry (None) gives the "no value" of each function (NaN,
None or False), never an exception. ``progress`` is any callable taking a fraction 0–1 (a
``scoring.progress.Progress``), called between chunks so that a city-wide run can be canceled.
"""

from __future__ import annotations

import numpy as np
import shapely

# Shapely type ids
POINT, LINESTRING, POLYGON, MULTILINESTRING, MULTIPOLYGON = 0, 1, 3, 5, 6


def points_on_surface(geoms: np.ndarray) -> np.ndarray:
    """A point on each geometry for point-in-polygon overlays; None where there is none.

    Polygons: ``point_on_surface`` (inside, also for an L-shape). Lines: the point halfway along
    the line (a street segment's middle).
    """
    geoms = np.asarray(geoms, dtype=object)
    out = np.full(len(geoms), None, dtype=object)
    has = ~shapely.is_missing(geoms) & ~shapely.is_empty(geoms)
    if not has.any():
        return out
    kind = shapely.get_type_id(geoms)
    lines = has & np.isin(kind, (LINESTRING, MULTILINESTRING))
    other = has & ~lines
    if lines.any():
        out[lines] = shapely.line_interpolate_point(geoms[lines], 0.5, normalized=True)
    if other.any():
        out[other] = shapely.point_on_surface(geoms[other])
    return out


def as_multi(geoms: np.ndarray) -> np.ndarray:
    """Polygons as one-part MultiPolygons and lines as one-part MultiLineStrings, so every
    feature matches a sink of the multi type; everything else (and None) unchanged."""
    out = np.asarray(geoms, dtype=object).copy()
    kind = shapely.get_type_id(out)  # missing geometries give -1
    for single, make in ((POLYGON, shapely.multipolygons), (LINESTRING, shapely.multilinestrings)):
        mask = kind == single
        if mask.any():
            out[mask] = make(out[mask], indices=np.arange(int(mask.sum())))
    return out


def point_polygon_pairs(points: np.ndarray, polygons: np.ndarray,
                        progress=None) -> tuple[np.ndarray, np.ndarray]:
    """(point index, polygon index) of every point lying in (or on) a polygon; NULLs skipped.

    The tree is built on the many points and queried with the few, often large polygons: shapely
    prepares the query geometry, so each polygon is prepared once, rather than every point being
    tested against unprepared polygons with thousands of vertices (20 s instead of 1 s at a
    million roofs in Klimatope polygons).
    """
    pt_idx = np.flatnonzero(~shapely.is_missing(points))
    poly_idx = np.flatnonzero(~shapely.is_missing(polygons))
    if pt_idx.size == 0 or poly_idx.size == 0:
        e = np.empty(0, dtype=np.int64)
        return e, e
    tree = shapely.STRtree(points[pt_idx])
    if progress is not None:
        progress(0.3)
    # the polygons in slices, so that progress and cancel keep flowing on a city
    step = max(1, poly_idx.size // 10)
    found_pt, found_poly = [], []
    for start in range(0, poly_idx.size, step):
        part = poly_idx[start:start + step]
        q_poly, q_pt = tree.query(polygons[part], predicate="intersects")
        found_pt.append(pt_idx[q_pt])
        found_poly.append(part[q_poly])
        if progress is not None:
            progress(0.3 + 0.7 * min(start + step, poly_idx.size) / poly_idx.size)
    return np.concatenate(found_pt), np.concatenate(found_poly)


def value_at_points(points: np.ndarray, polygons: np.ndarray, values: np.ndarray, reducer: str = "max",
                    progress=None) -> np.ndarray:
    """Value of the polygon(s) containing each point; NaN outside. Overlaps: max (or min)."""
    out = np.full(len(points), np.nan)
    src, tgt = point_polygon_pairs(points, polygons, progress)
    if src.size == 0:
        return out
    vals = np.asarray(values, dtype=float)[tgt]
    good = np.isfinite(vals)
    src, vals = src[good], vals[good]
    if reducer == "min":
        out[:] = np.inf
        np.minimum.at(out, src, vals)
        out[np.isinf(out)] = np.nan
    else:
        out[:] = -np.inf
        np.maximum.at(out, src, vals)
        out[np.isneginf(out)] = np.nan
    return out


def category_at_points(points: np.ndarray, polygons: np.ndarray, categories: np.ndarray) -> np.ndarray:
    """Category of the first polygon containing each point; None outside."""
    out = np.full(len(points), None, dtype=object)
    src, tgt = point_polygon_pairs(points, polygons)
    if src.size == 0:
        return out
    # first polygon per point: assign in reverse order so that the lowest polygon index wins
    order = np.lexsort((tgt, src))[::-1]
    out[src[order]] = np.asarray(categories, dtype=object)[tgt[order]]
    return out


def intersects_any(geoms: np.ndarray, others: np.ndarray, progress=None) -> np.ndarray:
    """True where a geometry intersects any of ``others``."""
    out = np.zeros(len(geoms), dtype=bool)
    ok = ~shapely.is_missing(geoms)
    other_ok = others[~shapely.is_missing(others)]
    if not ok.any() or other_ok.size == 0:
        return out
    if np.all(shapely.get_type_id(geoms[ok]) == POINT):  # points: the prepared-polygon route
        src, _ = point_polygon_pairs(geoms, others, progress)
        out[np.unique(src)] = True
        return out
    tree = shapely.STRtree(other_ok)
    qidx = np.flatnonzero(ok)
    src, _ = tree.query(geoms[qidx], predicate="intersects")
    out[qidx[np.unique(src)]] = True
    return out


def own_copies(geoms: np.ndarray) -> np.ndarray:
    """Independent GEOS objects with the same coordinates (None stays None).

    For work on another thread: GEOS builds a prepared geometry's index lazily on its first use,
    which is not thread-safe, so a thread that queries geometries the main thread prepares at the
    same time (raster statistics prepare the features per chunk) can crash the interpreter.
    WKB keeps every coordinate exactly, so results are unchanged.
    """
    geoms = np.asarray(geoms, dtype=object)
    out = np.full(len(geoms), None, dtype=object)
    ok = ~shapely.is_missing(geoms)
    if ok.any():
        out[ok] = shapely.from_wkb(shapely.to_wkb(geoms[ok], output_dimension=3))
    return out


def nearest_distance_apart(geoms: np.ndarray, targets: np.ndarray, max_distance: float) -> np.ndarray:
    """:func:`nearest_distance` for a second thread while this one prepares ``geoms`` (raster
    statistics): it reads ``geoms`` only through envelopes and plain distances, never through a
    prepared geometry (see :func:`own_copies`), and works on its own copies of ``targets``."""
    return nearest_distance(geoms, own_copies(targets), max_distance)


NEAREST_STEP = 100_000  # features per bulk query: bounds the candidate pairs held at once


def _box_gap(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Distance between the envelopes ``a`` and ``b`` (rows xmin, ymin, xmax, ymax): never more
    than the distance between the geometries inside them."""
    dx = np.maximum(np.maximum(b[:, 0] - a[:, 2], a[:, 0] - b[:, 2]), 0.0)
    dy = np.maximum(np.maximum(b[:, 1] - a[:, 3], a[:, 1] - b[:, 3]), 0.0)
    return np.hypot(dx, dy)


def nearest_distance(geoms: np.ndarray, targets: np.ndarray, max_distance: float,
                     progress=None) -> np.ndarray:
    """Distance to the nearest target within ``max_distance`` (inf beyond; NaN for no geometry).

    Candidates are the targets whose envelope meets each feature's envelope grown by
    ``max_distance`` (a tree query without predicate). Per feature the candidate with the
    nearest envelope is measured first; another candidate is measured only if its envelope lies
    nearer than that distance (the envelope distance never exceeds the true one), so the
    minimum is exact with about one GEOS distance per feature. No prepared geometry is used
    (safe beside a thread that prepares ``geoms``)."""
    geoms = np.asarray(geoms, dtype=object)
    out = np.full(len(geoms), np.inf)
    ok = ~shapely.is_missing(geoms)
    out[~ok] = np.nan
    targets = np.asarray(targets, dtype=object)
    tgt_ok = targets[~shapely.is_missing(targets)] if targets.size else targets
    if not ok.any() or tgt_ok.size == 0:
        return out
    tree = shapely.STRtree(tgt_ok)
    tgt_box = shapely.bounds(tgt_ok)
    qidx = np.flatnonzero(ok)
    for start in range(0, qidx.size, NEAREST_STEP):
        part = qidx[start:start + NEAREST_STEP]
        b = shapely.bounds(geoms[part])
        reach = shapely.box(b[:, 0] - max_distance, b[:, 1] - max_distance, b[:, 2] + max_distance,
                            b[:, 3] + max_distance)
        src, tgt = tree.query(reach)
        if src.size:
            gap = _box_gap(b[src], tgt_box[tgt])
            near = gap <= max_distance
            src, tgt, gap = src[near], tgt[near], gap[near]
            order = np.lexsort((gap, src))
            src, tgt, gap = src[order], tgt[order], gap[order]
            first = np.r_[True, src[1:] != src[:-1]]
            best = np.full(part.size, np.inf)
            best[src[first]] = shapely.distance(geoms[part[src[first]]], tgt_ok[tgt[first]])
            more = ~first & (gap < best[src])
            if more.any():
                np.minimum.at(best, src[more], shapely.distance(geoms[part[src[more]]], tgt_ok[tgt[more]]))
            out[part] = np.where(best <= max_distance, best, np.inf)
        if progress is not None:
            progress(min(start + NEAREST_STEP, qidx.size) / qidx.size)
    return out


def min_area(geoms: np.ndarray, min_m2: float) -> np.ndarray:
    """The usable geometries of at least ``min_m2`` square metres (the parks that count)."""
    geoms = np.asarray(geoms, dtype=object)
    ok = ~shapely.is_missing(geoms) & ~shapely.is_empty(geoms)
    big = np.zeros(len(geoms), bool)
    big[ok] = shapely.area(geoms[ok]) >= min_m2
    return geoms[big]


def count_within(geoms: np.ndarray, others: np.ndarray, distance: float) -> np.ndarray:
    """How many of ``others`` lie within ``distance`` of each geometry (0 for a missing one)."""
    geoms = np.asarray(geoms, dtype=object)
    out = np.zeros(len(geoms), dtype=np.int64)
    others = np.asarray(others, dtype=object)
    others = others[~shapely.is_missing(others)] if others.size else others
    ok = np.flatnonzero(~shapely.is_missing(geoms))
    if ok.size == 0 or others.size == 0:
        return out
    tree = shapely.STRtree(others)
    src, _ = tree.query(geoms[ok], predicate="dwithin", distance=distance)
    np.add.at(out, ok[src], 1)
    return out


def overlap_share(geoms: np.ndarray, others: np.ndarray, progress=None) -> np.ndarray:
    """Share 0–1 of each geometry's area covered by ``others`` (NaN without geometry).

    The tree is built on the brownfields and queried with the other layer's polygons in slices
    (shapely prepares each query polygon once, as ``geo.point_polygon_pairs`` does; preparing
    every brownfield against large Grünzug polygons instead took four times as long at 100,000
    brownfields). A pair where the other polygon contains the brownfield counts its whole area
    (prepared containment, no intersection); the rest are intersected in one vectorised call.
    Overlapping ``others`` are summed (clipped to 1). ``progress`` gets 0–1 between the slices.
    """
    geoms = np.asarray(geoms, dtype=object)
    n = len(geoms)
    out = np.full(n, np.nan)
    ok = np.flatnonzero(~shapely.is_missing(geoms) & ~shapely.is_empty(geoms))
    out[ok] = 0.0
    others = np.asarray(others, dtype=object)
    others = others[~shapely.is_missing(others)] if others.size else others
    if ok.size == 0 or others.size == 0:
        return out
    mine = geoms[ok]
    tree = shapely.STRtree(mine)
    shapely.prepare(others)
    found_i, found_j = [], []
    step = max(1, others.size // 10)
    for start in range(0, others.size, step):
        q_other, q_mine = tree.query(others[start:start + step], predicate="intersects")
        found_i.append(q_mine)
        found_j.append(q_other + start)
        if progress is not None:
            progress(0.8 * min(start + step, others.size) / others.size)
    i, j = np.concatenate(found_i), np.concatenate(found_j)
    if i.size == 0:
        return out
    area = shapely.area(mine[i])
    inside = shapely.contains(others[j], mine[i])
    part = ~inside
    covered = np.where(inside, area, 0.0)
    if part.any():
        covered[part] = shapely.area(shapely.intersection(mine[i[part]], others[j[part]]))
    total = np.bincount(i, weights=covered, minlength=ok.size)
    with np.errstate(invalid="ignore", divide="ignore"):
        out[ok] = np.clip(total / shapely.area(mine), 0.0, 1.0)
    if progress is not None:
        progress(1.0)
    return out


def connected_groups(n: int, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Component label per node 0..n-1 of the graph with edges (a, b): vectorised union-find.

    Each round hooks every edge's larger root onto the smaller one (``np.minimum.at``) and then
    halves the paths (``label = label[label]``) until nothing changes; O(log n) rounds. The label
    of a component is its smallest node index.
    """
    label = np.arange(n)
    a = np.asarray(a, dtype=np.int64)
    b = np.asarray(b, dtype=np.int64)
    while True:
        ra, rb = label[a], label[b]
        lo, hi = np.minimum(ra, rb), np.maximum(ra, rb)
        before = label.copy()
        np.minimum.at(label, hi, lo)
        while True:  # path halving to the roots
            nxt = label[label]
            if np.array_equal(nxt, label):
                break
            label = nxt
        if np.array_equal(label, before):
            return label
