"""Rasters: zonal statistics by rasterising the polygons onto the raster grid in numpy."""

from __future__ import annotations

import math
import threading
from collections import OrderedDict
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from dataclasses import dataclass

import numpy as np
import shapely
from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsProcessingContext,
    QgsProcessingException,
    QgsRasterLayer,
    QgsRectangle,
)

from ..i18n import tr
from ..scoring import cells, offset
from ..scoring.arrays import expand
from ..scoring.progress import Canceled, Progress
from . import threads
from .crs import transform_geoms


# ----------------------------------------------------------------------------------------------
# Rasters: zonal statistics by rasterising the polygons onto the raster grid
# ----------------------------------------------------------------------------------------------
@dataclass
class ZonalResult:
    mean: np.ndarray  # NaN where no valid cell
    cells: np.ndarray  # valid cells used per feature
    sums: np.ndarray  # sum of the valid cells per feature (for differences of zones)
    overlaps: bool  # any feature hit the raster at all
    nodata_only: bool  # the raster overlaps but every hit cell is nodata


CELL_BUDGET = 1_000_000  # candidate cells per chunk of features: ~60 MB of index arrays
MAX_CHUNK = 10_000  # features per chunk at most: progress, cancel and the threads' shares


def workers() -> int:
    """Threads for the raster statistics: the machine's cores (GEOS and GDAL release the GIL)."""
    return threads.workers()


TILE_CELLS = 1 << 20  # cells per cached tile (a whole number of the file's blocks)
TILE_COLS = 4096  # columns per tile (rounded to whole blocks)
CACHE_BYTES = 128 << 20  # decoded tiles kept per raster and run (a few rows of tiles); the oldest go first


def _valid(values: np.ndarray, nodata) -> np.ndarray:
    """True where a cell holds a value: finite and not nodata (``np.isclose`` to it in double
    precision, as the cells were always read; the exact test runs only on the cells a cheap
    first test in the raster's own type finds near nodata)."""
    valid = np.isfinite(values)
    if nodata is None:
        return valid
    tol = 1e-8 + 1e-5 * abs(nodata)
    if not math.isfinite(nodata) or values.dtype.kind != "f":
        return valid & ~np.isclose(values.astype(np.float64), nodata)
    near = np.abs(values - values.dtype.type(nodata)) <= 2.0 * tol + 4.0 * np.spacing(values.dtype.type(abs(nodata)))
    if near.any():
        valid[near] &= ~np.isclose(values[near].astype(np.float64), nodata)
    return valid


class _Tile:
    """A decoded tile: its cells, and per row the running sums and counts of the valid cells
    (nodata and NaN left out), so that the sum over any run of cells is two lookups."""

    def __init__(self, raw: np.ndarray, nodata):
        self.raw = raw
        valid = _valid(raw, nodata)
        h, w = raw.shape
        self.csum = np.zeros((h, w + 1))
        np.cumsum(np.where(valid, raw, 0), axis=1, dtype=np.float64, out=self.csum[:, 1:])
        # counts only where some cell is nodata: a tile of values counts by its columns
        self.ccount = None
        if not valid.all():
            self.ccount = np.zeros((h, w + 1), dtype=np.int32)
            np.cumsum(valid, axis=1, dtype=np.int32, out=self.ccount[:, 1:])
        self.nbytes = raw.nbytes + self.csum.nbytes + (0 if self.ccount is None else self.ccount.nbytes)


class _Grid:
    """The raster's grid, nodata, and its cells decoded once per run.

    Chunks of neighbouring features (``_chunks``) read overlapping windows: a compressed
    GeoTIFF's block would be decoded again for every window that touches it. The cells are
    therefore read in tiles aligned to the file's blocks, each tile decoded once and kept in a
    cache bounded by CACHE_BYTES (least recently used out first: the chunks advance row by row,
    so old rows leave). A GDAL dataset belongs to one thread; each thread opens its own.
    """

    def __init__(self, layer: QgsRasterLayer, band: int):
        from osgeo import gdal

        self.source = layer.source()
        self.band = band
        ds = self._open()
        if ds is None:
            raise QgsProcessingException(
                tr("Raster {name} cannot be read by GDAL ({src}). Save it as a GeoTIFF and run again.").format(name=layer.name(), src=layer.source())
            )
        gt = ds.GetGeoTransform()
        if gt[2] != 0 or gt[4] != 0:
            raise QgsProcessingException(tr("Raster {name} is rotated; warp it to a north-up grid (Raster › Projections › Warp) and run again.").format(name=layer.name()))
        self.x0, self.dx, self.y0, self.dy = gt[0], gt[1], gt[3], gt[5]  # dy < 0 for north-up
        if gt[1] <= 0:
            raise QgsProcessingException(tr("Raster {name} is mirrored (negative cell width); warp it to a north-up grid (Raster › Projections › Warp) and run again.").format(name=layer.name()))
        rb = ds.GetRasterBand(band)
        self.nodata = rb.GetNoDataValue()
        self.ncols, self.nrows = ds.RasterXSize, ds.RasterYSize
        self.geom = cells.Grid(self.x0, self.dx, self.y0, self.dy, self.ncols, self.nrows)
        bw, bh = (max(1, int(v)) for v in rb.GetBlockSize())
        bw = min(bw, self.ncols)
        self.tile_w = min(self.ncols, bw * max(1, round(TILE_COLS / bw)))
        self.tile_h = min(self.nrows, bh * max(1, math.ceil(TILE_CELLS / (self.tile_w * bh))))
        self._local = threading.local()
        self._local.ds = ds
        self._gdal = gdal
        self._lock = threading.Lock()
        self._tiles: OrderedDict[tuple[int, int], _Tile] = OrderedDict()
        self._loading: dict[tuple[int, int], threading.Event] = {}
        self._bytes = 0

    def _open(self):
        from osgeo import gdal

        try:
            with gdal.ExceptionMgr(useExceptions=True):
                return gdal.Open(self.source)
        except RuntimeError:
            return None

    def _read_file(self, c0: int, r0: int, w: int, h: int) -> np.ndarray:
        ds = getattr(self._local, "ds", None)
        if ds is None:
            ds = self._local.ds = self._open()
        from osgeo import gdal

        band = ds.GetRasterBand(self.band)
        try:
            with gdal.ExceptionMgr(useExceptions=True):
                block = band.ReadAsArray(c0, r0, w, h)
        except RuntimeError as err:
            block, detail = None, str(err)
        else:
            detail = ""
        # each tile is decoded once and kept by this grid: GDAL's own block cache (per dataset,
        # i.e. per thread) would only hold second copies
        band.FlushCache()
        if block is None:
            raise QgsProcessingException(
                tr("Raster {name} cannot be read completely (rows {row}–{end}: {detail}); the file may be truncated or damaged. Export or download it again.").format(
                    name=self.source, row=r0, end=r0 + h - 1, detail=detail or "no data"))
        return block

    def _tile(self, ti: int, tj: int) -> _Tile:
        """The decoded cells of tile (row ti, column tj), from the cache or the file."""
        key = (ti, tj)
        while True:
            with self._lock:
                tile = self._tiles.get(key)
                if tile is not None:
                    self._tiles.move_to_end(key)
                    return tile
                event = self._loading.get(key)
                mine = event is None
                if mine:
                    event = self._loading[key] = threading.Event()
            if not mine:  # another thread decodes it: wait, then look again
                event.wait()
                continue
            try:
                r0, c0 = ti * self.tile_h, tj * self.tile_w
                tile = _Tile(self._read_file(c0, r0, min(self.tile_w, self.ncols - c0), min(self.tile_h, self.nrows - r0)),
                             self.nodata)
                with self._lock:
                    self._tiles[key] = tile
                    self._bytes += tile.nbytes
                    while self._bytes > CACHE_BYTES and len(self._tiles) > 1:
                        _, old = self._tiles.popitem(last=False)
                        self._bytes -= old.nbytes
                return tile
            finally:
                with self._lock:
                    self._loading.pop(key, None)
                event.set()

    def _by_tile(self, rows: np.ndarray, cols: np.ndarray):
        """(tile, positions) for each tile that holds some of the cells (rows, cols)."""
        if rows.size == 0:
            return
        ntj = (self.ncols + self.tile_w - 1) // self.tile_w
        key = (rows // self.tile_h) * ntj + cols // self.tile_w
        order = np.argsort(key, kind="stable")
        bounds = np.flatnonzero(np.r_[True, key[order][1:] != key[order][:-1], True])
        for a, b in zip(bounds[:-1], bounds[1:]):
            k = int(key[order[a]])
            yield self._tile(k // ntj, k % ntj), order[a:b]

    def run_sums(self, rows: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Sum and count of the valid cells of each run (row, columns lo … hi, within the raster)."""
        n = rows.size
        tw = self.tile_w
        pieces = hi // tw - lo // tw + 1  # a run across a tile border is summed in pieces
        idx, step = expand(pieces)
        tj = (lo // tw)[idx] + step
        plo, phi = np.maximum(lo[idx], tj * tw), np.minimum(hi[idx], tj * tw + tw - 1)
        prow = rows[idx]
        s = np.zeros(idx.size)
        c = np.zeros(idx.size, dtype=np.int64)
        for tile, pos in self._by_tile(prow, plo):
            rr = prow[pos] % self.tile_h
            a, b = plo[pos] % tw, phi[pos] % tw + 1
            s[pos] = tile.csum[rr, b] - tile.csum[rr, a]
            c[pos] = (b - a) if tile.ccount is None else tile.ccount[rr, b] - tile.ccount[rr, a]
        return np.bincount(idx, weights=s, minlength=n), np.bincount(idx, weights=c, minlength=n).astype(np.int64)

    def values(self, cols: np.ndarray, rows: np.ndarray) -> np.ndarray:
        """The value of each cell (within the raster), NaN for nodata."""
        out = np.full(cols.size, np.nan)
        for tile, pos in self._by_tile(rows, cols):
            rr, cc = rows[pos] % self.tile_h, cols[pos] % self.tile_w
            if tile.ccount is None:
                out[pos] = tile.raw[rr, cc]
                continue
            ok = (tile.ccount[rr, cc + 1] - tile.ccount[rr, cc]) == 1
            out[pos[ok]] = tile.raw[rr[ok], cc[ok]]
        return out

    def window_of(self, bounds: np.ndarray):
        """Cell index ranges (c0, c1, r0, r1, widths, heights) whose centres fall in each bbox."""
        c0 = np.ceil((bounds[:, 0] - self.x0) / self.dx - 0.5)
        c1 = np.floor((bounds[:, 2] - self.x0) / self.dx - 0.5)
        ya, yb = (bounds[:, 3], bounds[:, 1]) if self.dy < 0 else (bounds[:, 1], bounds[:, 3])
        r0 = np.ceil((ya - self.y0) / self.dy - 0.5)
        r1 = np.floor((yb - self.y0) / self.dy - 0.5)
        c0 = np.clip(np.nan_to_num(c0, nan=0), 0, self.ncols)
        c1 = np.clip(np.nan_to_num(c1, nan=-1), -1, self.ncols - 1)
        r0 = np.clip(np.nan_to_num(r0, nan=0), 0, self.nrows)
        r1 = np.clip(np.nan_to_num(r1, nan=-1), -1, self.nrows - 1)
        wc = np.maximum(c1 - c0 + 1, 0).astype(np.int64)
        wr = np.maximum(r1 - r0 + 1, 0).astype(np.int64)
        return c0, r0, wc, wr


def _zone_sums(grid: _Grid, g: np.ndarray, fallback: bool, verts: cells.Vertices | None = None,
               exact=None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Sum and count of the valid cells whose centre lies in each polygon of ``g`` (None =
    nothing), found as runs of cells per row (``scoring/cells.py``), and per polygon whether it
    hit the raster at all. With ``fallback``, a polygon that caught no cell centre takes the
    cell under its representative point (left out with fallback=False, the strict cell-centre
    rule, e.g. to subtract a building's own cells).

    ``verts``: the polygons' rings as coordinates, when at hand (then ``g`` only tells their
    number and which are missing); ``exact(indexes)``: the GEOS polygons of those indexes, for
    the cells tested exactly (default: ``g``)."""
    n = len(g)
    exact = exact or (lambda i: g[i])
    if verts is None:
        verts = cells.vertices(g)
    runs = cells.runs(grid.geom, g, verts)
    run_s, run_c = grid.run_sums(runs.row, runs.c_lo, runs.c_hi)
    sums = np.bincount(runs.poly, weights=run_s, minlength=n)
    counts = np.bincount(runs.poly, weights=run_c, minlength=n).astype(np.int64)
    hit = np.zeros(n, dtype=bool)
    hit[runs.poly] = True
    if runs.d_poly.size:
        inside = cells.doubtful_inside(grid.geom, exact, runs)
        fi, cols, rows = runs.d_poly[inside], runs.d_col[inside], runs.d_row[inside]
        hit[fi] = True
        s, c = _sums(fi, grid.values(cols, rows), n)
        sums += s
        counts += c
    miss = np.flatnonzero(~shapely.is_missing(g) & ~hit) if fallback else np.empty(0, dtype=np.int64)
    if miss.size:
        # the cell under the polygon's point_on_surface: GEOS's rule computed on the rings, GEOS
        # itself for polygons of several rings and where the point lies within EPS of a cell edge
        px, py, done = cells.interior_points(verts, miss)
        fx, fy = (px - grid.x0) / grid.dx, (py - grid.y0) / grid.dy
        edge = (np.abs(fx - np.rint(fx)) < cells.EPS) | (np.abs(fy - np.rint(fy)) < cells.EPS)
        ask = ~done | edge
        if ask.any():
            pts = shapely.point_on_surface(exact(miss[ask]))
            px[ask], py[ask] = shapely.get_x(pts), shapely.get_y(pts)
        mc = np.floor((px - grid.x0) / grid.dx).astype(np.int64)
        mr = np.floor((py - grid.y0) / grid.dy).astype(np.int64)
        inr = (mc >= 0) & (mc < grid.ncols) & (mr >= 0) & (mr < grid.nrows)
        miss, mc, mr = miss[inr], mc[inr], mr[inr]
        hit[miss] = True
        s, c = _sums(miss, grid.values(mc, mr), n)
        sums += s
        counts += c
    return sums, counts, hit


def _sums(fi: np.ndarray, vals: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Sum and count of the valid values per feature (``np.bincount``)."""
    good = ~np.isnan(vals)
    return (np.bincount(fi[good], weights=vals[good], minlength=n),
            np.bincount(fi[good], minlength=n).astype(np.int64))


@dataclass
class _Windows:
    """Each feature's window of cells (its bbox grown by ``grow`` metres), computed once."""

    ok: np.ndarray
    r0: np.ndarray
    size: np.ndarray  # cells of the window


def _windows(geoms: np.ndarray, grid: _Grid, grow: float = 0.0) -> _Windows:
    ok = ~shapely.is_missing(geoms)
    bounds = np.full((len(geoms), 4), np.nan)
    bounds[ok] = shapely.bounds(geoms[ok])
    bounds[:, :2] -= grow
    bounds[:, 2:] += grow
    _, r0, wc, wr = grid.window_of(bounds)
    return _Windows(ok=ok, r0=r0, size=np.where(ok, wc * wr, 0))


def _chunks(w: _Windows) -> list[np.ndarray]:
    """Feature indexes in chunks of neighbours (sorted by the top row of their window), each of
    at most CELL_BUDGET cells in their windows and MAX_CHUNK features; the huge features
    (:func:`_huge`) are left out. A chunk then covers a band of rows, whose tiles are decoded
    once while the chunks advance."""
    order = np.argsort(np.where(w.ok, w.r0, -1), kind="stable")
    order = order[(w.ok & (w.size <= CELL_BUDGET))[order]]
    n = order.size
    cum = np.cumsum(w.size[order])
    out = []
    start = 0
    while start < n:
        base = cum[start - 1] if start else 0
        stop = int(np.searchsorted(cum, base + CELL_BUDGET, side="right"))
        stop = min(max(stop, start + 1), n, start + MAX_CHUNK)
        out.append(order[start:stop])
        start = stop
    return out


def _huge(w: _Windows) -> np.ndarray:
    """Indexes of features whose window holds more than CELL_BUDGET cells (a 10 km polygon on
    a 1 m raster): they are sampled alone, band by band, so memory stays bounded."""
    return np.flatnonzero(w.ok & (w.size > CELL_BUDGET))


def _big_sums(grid: _Grid, geom, fallback: bool, progress: Progress) -> tuple[float, int, bool]:
    """(sum, count, hit) of one huge polygon's cells, in bands of rows of at most CELL_BUDGET
    candidate cells, with progress and cancel between bands."""
    c0, r0, wc, wr = (int(v[0]) for v in grid.window_of(np.array([shapely.bounds(geom)])))
    band_rows = max(1, CELL_BUDGET // max(wc, 1))
    shapely.prepare(geom)
    total, count, hit = 0.0, 0, False
    for ra in range(r0, r0 + wr, band_rows):
        nr = min(band_rows, r0 + wr - ra)
        cols = np.tile(np.arange(c0, c0 + wc, dtype=np.int64), nr)
        rows = np.repeat(np.arange(ra, ra + nr, dtype=np.int64), wc)
        inside = shapely.contains_xy(geom, grid.x0 + (cols + 0.5) * grid.dx, grid.y0 + (rows + 0.5) * grid.dy)
        if inside.any():
            hit = True
            s, c = _sums(np.zeros(int(inside.sum()), dtype=np.int64), grid.values(cols[inside], rows[inside]), 1)
            total += float(s[0])
            count += int(c[0])
        progress((ra + nr - r0) / max(wr, 1))
    if not hit and fallback:
        s, c, h = _zone_sums(grid, np.array([geom], dtype=object), True)
        total, count, hit = float(s[0]), int(c[0]), bool(h[0])
    return total, count, hit


def _run(chunks: list[np.ndarray], task, progress: Progress, threads: int) -> list:
    """``task(idx)`` for every chunk, on ``threads`` threads; progress and cancel answered
    from this thread at least every half second. While no chunk finishes, the bar creeps a
    little towards the share of the chunks under way, so that it moves at every report."""
    total = max(sum(c.size for c in chunks), 1)
    results = []
    done = 0
    if threads <= 1 or len(chunks) <= 1:
        for idx in chunks:
            results.append(task(idx))
            done += idx.size
            progress(done / total)
        return results
    pool = ThreadPoolExecutor(max_workers=threads)
    shown = 0.0
    try:
        pending = {pool.submit(task, idx): idx.size for idx in chunks}
        order = list(pending)
        while pending:
            finished, _ = wait(pending, timeout=0.5, return_when=FIRST_COMPLETED)
            for f in finished:
                results.append(f.result())
                done += pending.pop(f)
            if finished:
                shown = max(shown, done / total)
            else:  # the chunks under way: the next `threads` still pending, in submission order
                running = [f for f in order if f in pending][:threads]
                ahead = (done + sum(pending[f] for f in running)) / total
                shown += 0.25 * (ahead - shown)
            progress(shown)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    return results


def _in_raster_crs(layer: QgsRasterLayer, geoms: np.ndarray, geoms_crs: QgsCoordinateReferenceSystem,
                   context: QgsProcessingContext) -> tuple[np.ndarray, bool]:
    """The geometries in the raster's CRS, and whether they had to be transformed."""
    rcrs = layer.crs()
    ok = ~shapely.is_missing(geoms)
    if rcrs.isValid() and geoms_crs.isValid() and rcrs != geoms_crs and ok.any():
        g = geoms.copy()
        g[ok] = transform_geoms(g[ok], QgsCoordinateTransform(geoms_crs, rcrs, context.transformContext()))
        return g, True
    return geoms, False


def zonal_mean(
    layer: QgsRasterLayer,
    geoms: np.ndarray,
    geoms_crs: QgsCoordinateReferenceSystem,
    context: QgsProcessingContext,
    progress: Progress,
    band: int = 1,
    fallback: bool = True,
) -> ZonalResult:
    """Mean of the raster's valid cells whose centres lie inside each polygon.

    The polygons are rasterised onto the raster's own grid in numpy (cell-centre rule, as GDAL's
    default rasterisation), as runs of cells per row (``scoring/cells.py``), each run summed
    from the running sums of its row; a polygon smaller than a cell takes the cell under its
    representative point (unless ``fallback`` is False). Neighbouring polygons are processed
    in chunks on all cores, each tile of the raster decoded once; nodata is ignored.
    """
    grid = _Grid(layer, band)
    progress(0.0)
    n = len(geoms)
    g, _ = _in_raster_crs(layer, geoms, geoms_crs, context)

    def task(idx):
        sums, counts, hit = _zone_sums(grid, g[idx], fallback)
        return idx, sums, counts, hit

    sums = np.zeros(n)
    counts = np.zeros(n, dtype=np.int64)
    hit_any = np.zeros(n, dtype=bool)
    progress(0.001)
    windows = _windows(g, grid)
    progress(0.002)
    huge = _huge(windows)
    share = huge.size / max(n, 1) if huge.size < n else 1.0
    share = max(share, 0.5) if huge.size else 0.0  # a huge feature takes most of the work
    for k, f in enumerate(huge.tolist()):
        sums[f], counts[f], hit_any[f] = _big_sums(grid, g[f], fallback,
                                                   progress.sub(share * k / huge.size, share * (k + 1) / huge.size))
    for idx, s, c, h in _run(_chunks(windows), task, progress.sub(share, 1.0), workers()):
        sums[idx], counts[idx], hit_any[idx] = s, c, h
    progress(1.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.where(counts > 0, sums / counts, np.nan)
    overlaps = bool(hit_any.any())
    return ZonalResult(mean=mean, cells=counts, sums=sums, overlaps=overlaps,
                       nodata_only=overlaps and not (counts > 0).any())


def _buffers(polys: np.ndarray, verts: cells.Vertices, distance: float):
    """The buffers of ``polys`` (quad_segs 2) for the ring: (a stand-in array telling which
    exist, their rings as coordinates, a function giving the GEOS buffers of some indexes).

    Convex footprints of one ring (nearly all buildings) are buffered in numpy (``offset.py``),
    the others by GEOS; the GEOS buffer of a convex one is made only where a cell has to be
    tested exactly against it."""
    n = len(polys)
    single = verts.single()
    ring = verts.ring[single]
    ids, compact = np.unique(ring, return_inverse=True)  # ring number = polygon index here
    fast_ring = offset.convex_buffers(verts.xy[single], compact, distance, 2)
    fast = np.zeros(n, dtype=bool)
    fast[ids[fast_ring.fast]] = True
    exist = ~shapely.is_missing(polys) & ~shapely.is_empty(polys)
    built = np.full(n, None, dtype=object)
    slow = np.flatnonzero(exist & ~fast)
    built[slow] = shapely.buffer(polys[slow], distance, quad_segs=2)
    slow_verts = cells.vertices(built)
    poly = ids[fast_ring.poly]
    joined = cells.Vertices.join([cells.Vertices(fast_ring.xy, poly, poly, n, np.ones(len(poly), dtype=bool)), slow_verts], n)
    stand_in = np.where(exist, polys, None)  # which buffers exist (their geometry is not read)

    def exact(i: np.ndarray) -> np.ndarray:
        todo = np.unique(i[fast[i] & shapely.is_missing(built[i])])
        if todo.size:
            built[todo] = shapely.buffer(polys[todo], distance, quad_segs=2)
        return built[i]

    return stand_in, joined, exact


def ring_mean(raster: QgsRasterLayer, geoms: np.ndarray, ring_m: float, geoms_crs: QgsCoordinateReferenceSystem,
              context: QgsProcessingContext, progress: Progress) -> ZonalResult:
    """Mean of the cells within ``ring_m`` of each geometry but not under it.

    The cells of the buffered geometry minus the geometry's own cells, both by the cell-centre
    rule, so no ring polygon has to be built; per chunk of neighbours (on all cores), so that
    the buffers of a whole city never exist at once and the chunk's raster window is read once
    for both. (Heavy-rain models treat buildings as obstacles: the water stands around a
    building, not on it.)
    """
    grid = _Grid(raster, 1)
    progress(0.0)
    n = len(geoms)
    has = ~shapely.is_missing(geoms) & ~shapely.is_empty(geoms)
    need_transform = raster.crs().isValid() and geoms_crs.isValid() and raster.crs() != geoms_crs
    xform = QgsCoordinateTransform(geoms_crs, raster.crs(), context.transformContext()) if need_transform else None

    def task(idx):
        part = geoms[idx]
        ok = has[idx]
        if xform is not None:  # (single thread: see below)
            outer = np.full(idx.size, None, dtype=object)
            outer[ok] = transform_geoms(shapely.buffer(part[ok], ring_m, quad_segs=2), xform)
            inner = part.copy()
            inner[ok] = transform_geoms(part[ok], xform)
            s_out, c_out, hit = _zone_sums(grid, outer, True)
            s_in, c_in, _ = _zone_sums(grid, inner, False)
        else:
            inner = np.where(ok, part, None)
            verts = cells.vertices(inner)
            outer, outer_verts, exact = _buffers(inner, verts, ring_m)
            s_out, c_out, hit = _zone_sums(grid, outer, True, outer_verts, exact)
            s_in, c_in, _ = _zone_sums(grid, inner, False, verts)
        return idx, s_out - s_in, c_out - c_in, bool(hit.any())

    sums = np.zeros(n)
    counts = np.zeros(n, dtype=np.int64)
    overlaps = False
    progress(0.001)
    windows = _windows(np.where(has, geoms, None), grid, ring_m)
    progress(0.002)
    huge = _huge(windows)
    share = max(huge.size / max(n, 1), 0.5) if huge.size else 0.0
    for k, f in enumerate(huge.tolist()):
        sub = progress.sub(share * k / huge.size, share * (k + 1) / huge.size)
        outer, inner = shapely.buffer(geoms[f], ring_m, quad_segs=2), geoms[f]
        if xform is not None:
            outer, inner = transform_geoms(np.array([outer], dtype=object), xform)[0], \
                transform_geoms(np.array([inner], dtype=object), xform)[0]
        so, co, ho = _big_sums(grid, outer, True, sub.sub(0.0, 0.7))
        si, ci, _ = _big_sums(grid, inner, False, sub.sub(0.7, 1.0))
        sums[f], counts[f] = so - si, co - ci
        overlaps = overlaps or ho
    progress = progress.sub(share, 1.0)
    # a QgsCoordinateTransform belongs to one thread: another CRS is sampled on this one
    for idx, s, c, hit in _run(_chunks(windows), task, progress, 1 if xform is not None else workers()):
        sums[idx], counts[idx] = s, c
        overlaps = overlaps or hit
    mean = np.full(n, np.nan)
    np.divide(sums, counts, out=mean, where=counts > 0)
    return ZonalResult(mean=mean, cells=counts, sums=sums, overlaps=overlaps,
                       nodata_only=overlaps and not (counts > 0).any())


def inside_extent(raster: QgsRasterLayer, geoms: np.ndarray, geoms_crs: QgsCoordinateReferenceSystem,
                  context: QgsProcessingContext) -> np.ndarray:
    """True where a geometry intersects the raster's extent."""
    ext = raster.extent()
    if raster.crs().isValid() and raster.crs() != geoms_crs:
        ext = QgsCoordinateTransform(raster.crs(), geoms_crs, context.transformContext()).transformBoundingBox(ext)
    box = shapely.box(ext.xMinimum(), ext.yMinimum(), ext.xMaximum(), ext.yMaximum())
    out = np.zeros(len(geoms), bool)
    ok = ~shapely.is_missing(geoms)
    out[ok] = shapely.intersects(geoms[ok], box)
    return out


class Coarsened:
    """A context manager: the raster averaged to cells of at least ``cell_m`` metres over the
    geometries' extent, in GDAL's memory file system (freed on exit).

    A heavy-rain raster of 1–2 m cells puts hundreds of cells into every 10 m ring; averaging
    them first (GDAL "average", nodata ignored) to half the ring width keeps a city-wide run
    fast and changes a ring's mean depth only a little. Rasters that are coarse enough, not in
    metres or unreadable are used as they are.
    """

    def __init__(self, raster: QgsRasterLayer, cell_m: float, geoms: np.ndarray, margin: float,
                 work_crs: QgsCoordinateReferenceSystem, context: QgsProcessingContext,
                 progress: Progress | None = None):
        self.layer, self.path = _coarsened(raster, cell_m, geoms, margin, work_crs, context, progress)

    def __enter__(self) -> QgsRasterLayer:
        return self.layer

    def __exit__(self, *exc) -> None:
        if self.path:
            from osgeo import gdal

            gdal.Unlink(self.path)


def _unlink(path: str) -> None:
    """Remove a /vsimem file that may not exist (a translation stopped before creating it)."""
    from osgeo import gdal

    try:
        gdal.Unlink(path)
    except RuntimeError:
        pass


def _coarsened(raster: QgsRasterLayer, cell_m: float, geoms: np.ndarray, margin: float, work_crs, context,
               progress: Progress | None = None):
    """(layer, /vsimem path or "") of :class:`Coarsened`."""
    import uuid

    from osgeo import gdal

    if cell_m <= 0 or geoms.size == 0 or not raster.crs().isValid() or raster.crs().isGeographic():
        return raster, ""
    if raster.crs().mapUnits() != Qgis.DistanceUnit.Meters:
        return raster, ""
    ds = gdal.Open(raster.source())
    if ds is None:
        return raster, ""
    gt = ds.GetGeoTransform()
    if gt[2] != 0 or gt[4] != 0 or min(abs(gt[1]), abs(gt[5])) >= cell_m:
        return raster, ""
    x0, y0, x1, y1 = shapely.total_bounds(geoms)
    ext = QgsRectangle(x0 - margin - cell_m, y0 - margin - cell_m, x1 + margin + cell_m, y1 + margin + cell_m)
    if raster.crs() != work_crs:
        ext = QgsCoordinateTransform(work_crs, raster.crs(), context.transformContext()).transformBoundingBox(ext)
    ext = ext.intersect(raster.extent())
    if ext.isEmpty():
        return raster, ""
    # whole blocks of k × k source cells on the raster's own grid: the averaged grid is anchored
    # to the raster's origin, so a feature's value never depends on which others are in the run
    dx, dy = abs(gt[1]), abs(gt[5])
    k = int(math.ceil(cell_m / min(dx, dy)))
    bx, by = k * dx, k * dy
    ox, oy = gt[0], gt[3]
    xmin = ox + math.floor((ext.xMinimum() - ox) / bx) * bx
    xmax = ox + math.ceil((ext.xMaximum() - ox) / bx) * bx
    ymax = oy - math.floor((oy - ext.yMaximum()) / by) * by
    ymin = oy - math.ceil((oy - ext.yMinimum()) / by) * by
    path = f"/vsimem/gi_coarse_{uuid.uuid4().hex}.tif"
    # RasterIO downsampling (gdal_translate -r average) honours nodata and is as fast as a read
    canceled = []

    def report(complete, _message, _data):  # GDAL's progress callback: 0 stops the translation
        try:
            if progress is not None:
                progress(complete)
        except Canceled:
            canceled.append(True)
            return 0
        return 1

    opts = gdal.TranslateOptions(
        format="GTiff", xRes=bx, yRes=by, resampleAlg="average", outputType=gdal.GDT_Float32,
        projWin=(xmin, ymax, xmax, ymin), callback=report,
    )
    try:
        out = gdal.Translate(path, ds, options=opts)
    except RuntimeError:
        out = None
    if canceled:
        out = None
        _unlink(path)
        raise Canceled()
    if out is None:
        _unlink(path)
        return raster, ""
    out = None
    layer = QgsRasterLayer(path, raster.name(), "gdal")
    if not layer.crs().isValid():
        layer.setCrs(raster.crs())
    return layer, path


@dataclass
class RasterStats:
    """Mean and (population) standard deviation of every valid cell of a raster band."""

    mean: float
    sd: float
    count: int
    constant: bool  # no valid cell, or all valid cells equal: no signal to scale against


def band_stats(layer: QgsRasterLayer, progress: Progress, band: int = 1, strip_rows: int = 1024) -> RasterStats:
    """Statistics of the whole raster, read once in strips. Reads only: no statistics file is
    written next to it."""
    from osgeo import gdal

    try:
        with gdal.ExceptionMgr(useExceptions=True):
            ds = gdal.Open(layer.source())
    except RuntimeError:
        ds = None
    if ds is None:
        raise QgsProcessingException(
            tr("Raster {name} cannot be read by GDAL ({src}). Save it as a GeoTIFF and run again.").format(name=layer.name(), src=layer.source())
        )
    rb = ds.GetRasterBand(band)
    nodata = rb.GetNoDataValue()
    ncols, nrows = ds.RasterXSize, ds.RasterYSize

    # one pass: per strip its count, mean and sum of squared deviations, merged strip by strip
    # (Chan et al.'s pairwise update), so a constant raster gives exactly 0 and large values
    # lose no precision to a sum of squares
    count, mean, m2, lo, hi = 0, 0.0, 0.0, np.inf, -np.inf
    for r in range(0, nrows, strip_rows):
        h = min(strip_rows, nrows - r)
        block = rb.ReadAsArray(0, r, ncols, h).astype(float)
        v = block[_valid(block, nodata)]  # as the zonal means read nodata
        if v.size:
            lo, hi = min(lo, float(v.min())), max(hi, float(v.max()))
            k, mk = v.size, float(v.mean())
            mk2 = float(((v - mk) ** 2).sum())
            delta = mk - mean
            total = count + k
            mean += delta * k / total
            m2 += mk2 + delta * delta * count * k / total
            count = total
        progress((r + h) / max(nrows, 1))
    if count == 0 or lo == hi:
        return RasterStats(mean=lo if count else math.nan, sd=0.0, count=count, constant=True)
    return RasterStats(mean=mean, sd=math.sqrt(max(m2, 0.0) / count), count=count, constant=False)
