"""Rasters: zonal statistics by rasterising the polygons onto the raster grid in numpy."""

from __future__ import annotations

import math
import threading
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
WINDOW_CELLS = 16_000_000  # a chunk's raster window read in one piece up to this size (128 MB)


def workers() -> int:
    """Threads for the raster statistics: the machine's cores (GEOS and GDAL release the GIL)."""
    return threads.workers()


class _Grid:
    """The raster's grid, nodata and a GDAL dataset per thread (a dataset is not thread-safe)."""

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
        self.nodata = ds.GetRasterBand(band).GetNoDataValue()
        self.ncols, self.nrows = ds.RasterXSize, ds.RasterYSize
        self._local = threading.local()
        self._local.ds = ds
        self._gdal = gdal

    def _open(self):
        from osgeo import gdal

        try:
            with gdal.ExceptionMgr(useExceptions=True):
                return gdal.Open(self.source)
        except RuntimeError:
            return None

    def read(self, c0: int, r0: int, w: int, h: int) -> np.ndarray | None:
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
        # every window is read once: GDAL's block cache (per dataset, i.e. per thread) would only
        # hold copies of the raster in memory
        band.FlushCache()
        if block is None:
            raise QgsProcessingException(
                tr("Raster {name} cannot be read completely (rows {row}–{end}: {detail}); the file may be truncated or damaged. Export or download it again.").format(
                    name=self.source, row=r0, end=r0 + h - 1, detail=detail or "no data"))
        return block

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


def _zone_cells(grid: _Grid, g: np.ndarray, fallback: bool):
    """(feature, col, row) of every cell whose centre lies in each polygon of ``g`` (None =
    nothing), plus, with ``fallback``, the cell under the representative point of a polygon
    that caught no cell centre; and per feature whether it hit the raster at all."""
    n = len(g)
    ok = ~shapely.is_missing(g)
    bounds = np.full((n, 4), np.nan)
    bounds[ok] = shapely.bounds(g[ok])
    c0, r0, wc, wr = grid.window_of(bounds)
    wc[~ok] = 0
    wr[~ok] = 0
    fi, cols, rows = _candidate_cells(np.arange(n), c0, r0, wc, wr)
    if fi.size:
        shapely.prepare(g[ok])  # prepared per chunk: no long pause before the first
        inside = shapely.contains_xy(g[fi], grid.x0 + (cols + 0.5) * grid.dx, grid.y0 + (rows + 0.5) * grid.dy)
        fi, cols, rows = fi[inside], cols[inside], rows[inside]
    hit = np.zeros(n, dtype=bool)
    hit[fi] = True
    # polygons that caught no cell centre: the cell under their representative point (left out
    # with fallback=False, the strict cell-centre rule, e.g. to subtract a building's own cells)
    miss = np.flatnonzero(ok & ~hit) if fallback else np.empty(0, dtype=np.int64)
    if miss.size:
        pts = shapely.point_on_surface(g[miss])
        px, py = shapely.get_x(pts), shapely.get_y(pts)
        mc = np.floor((px - grid.x0) / grid.dx).astype(np.int64)
        mr = np.floor((py - grid.y0) / grid.dy).astype(np.int64)
        inr = (mc >= 0) & (mc < grid.ncols) & (mr >= 0) & (mr < grid.nrows)
        miss, mc, mr = miss[inr], mc[inr], mr[inr]
        hit[miss] = True
        fi, cols, rows = np.concatenate((fi, miss)), np.concatenate((cols, mc)), np.concatenate((rows, mr))
    return fi, cols, rows, hit


def _values(grid: _Grid, cols: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """The raster value of each cell (NaN for nodata), reading the cells' window once (or in
    strips of rows when the window is very large)."""
    out = np.full(cols.size, np.nan)
    if cols.size == 0:
        return out
    cmin, cmax = int(cols.min()), int(cols.max())
    rmin, rmax = int(rows.min()), int(rows.max())
    width = cmax - cmin + 1
    strip = max(1, min(rmax - rmin + 1, WINDOW_CELLS // width))
    for s in range(rmin, rmax + 1, strip):
        sel = slice(None) if strip > rmax - rmin else (rows >= s) & (rows < s + strip)
        block = grid.read(cmin, s, width, min(strip, rmax - s + 1))
        vals = block[rows[sel] - s, cols[sel] - cmin].astype(float)
        bad = ~np.isfinite(vals)
        if grid.nodata is not None:
            bad |= np.isclose(vals, grid.nodata)
        vals[bad] = np.nan
        out[sel] = vals
    return out


def _sums(fi: np.ndarray, vals: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Sum and count of the valid values per feature (``np.bincount``)."""
    good = ~np.isnan(vals)
    return (np.bincount(fi[good], weights=vals[good], minlength=n),
            np.bincount(fi[good], minlength=n).astype(np.int64))


def _chunks(geoms: np.ndarray, grid: _Grid, grow: float = 0.0) -> list[np.ndarray]:
    """Feature indexes in chunks of neighbours (sorted by the top row of their bbox), each of
    at most CELL_BUDGET candidate cells and MAX_CHUNK features; ``grow`` metres around each
    bbox for buffered zones. A chunk's raster window is then a band, read once."""
    n = len(geoms)
    ok = ~shapely.is_missing(geoms)
    bounds = np.full((n, 4), np.nan)
    bounds[ok] = shapely.bounds(geoms[ok])
    bounds[:, :2] -= grow
    bounds[:, 2:] += grow
    c0, r0, wc, wr = grid.window_of(bounds)
    size = np.where(ok, wc * wr, 0)
    size[size > CELL_BUDGET] = 0  # huge features: done alone in bands (_big_sums)
    order = np.argsort(np.where(ok, r0, -1), kind="stable")
    cum = np.cumsum(size[order])
    out = []
    start = 0
    while start < n:
        base = cum[start - 1] if start else 0
        stop = int(np.searchsorted(cum, base + CELL_BUDGET, side="right"))
        stop = min(max(stop, start + 1), n, start + MAX_CHUNK)
        out.append(order[start:stop])
        start = stop
    return out


def _threads_for(geoms: np.ndarray) -> int:
    """The pool size for ``geoms``: all cores, or one when an object occurs twice in the array
    (GEOS prepares a geometry lazily and not thread-safely; two chunks must never share one)."""
    objects = [id(g) for g in geoms.tolist() if g is not None]
    return workers() if len(set(objects)) == len(objects) else 1


def _huge(geoms: np.ndarray, grid: _Grid, grow: float = 0.0) -> np.ndarray:
    """Indexes of features whose window holds more than CELL_BUDGET cells (a 10 km polygon on
    a 1 m raster): they are sampled alone, band by band, so memory stays bounded."""
    ok = ~shapely.is_missing(geoms)
    bounds = np.full((len(geoms), 4), np.nan)
    bounds[ok] = shapely.bounds(geoms[ok])
    bounds[:, :2] -= grow
    bounds[:, 2:] += grow
    _, _, wc, wr = grid.window_of(bounds)
    return np.flatnonzero(ok & (wc * wr > CELL_BUDGET))


def _without(chunks: list[np.ndarray], huge: np.ndarray, n: int) -> list[np.ndarray]:
    """The chunks without the huge features (sampled on their own), empty chunks dropped."""
    if huge.size == 0:
        return chunks
    skip = np.zeros(n, dtype=bool)
    skip[huge] = True
    return [c[~skip[c]] for c in chunks if (~skip[c]).any()]


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
            s, c = _sums(np.zeros(int(inside.sum()), dtype=np.int64), _values(grid, cols[inside], rows[inside]), 1)
            total += float(s[0])
            count += int(c[0])
        progress((ra + nr - r0) / max(wr, 1))
    if not hit and fallback:
        fi, cols, rows, h = _zone_cells(grid, np.array([geom], dtype=object), True)
        s, c = _sums(fi, _values(grid, cols, rows), 1)
        total, count, hit = float(s[0]), int(c[0]), bool(h[0])
    return total, count, hit


def _run(chunks: list[np.ndarray], task, progress: Progress, threads: int) -> list:
    """``task(idx)`` for every chunk, on ``threads`` threads; progress and cancel answered
    from this thread at least every half second."""
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
    try:
        pending = {pool.submit(task, idx): idx.size for idx in chunks}
        while pending:
            finished, _ = wait(pending, timeout=0.5, return_when=FIRST_COMPLETED)
            for f in finished:
                results.append(f.result())
                done += pending.pop(f)
            progress(done / total)
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
    default rasterisation): for each polygon the cells of its bounding box are tested in bulk
    with ``shapely.contains_xy``; a polygon smaller than a cell takes the cell under its
    representative point (unless ``fallback`` is False). Neighbouring polygons are processed
    in chunks on all cores, each chunk's raster window read once; nodata is ignored, sums and
    counts per feature by ``np.bincount``.
    """
    grid = _Grid(layer, band)
    progress(0.0)
    n = len(geoms)
    g, _ = _in_raster_crs(layer, geoms, geoms_crs, context)

    def task(idx):
        fi, cols, rows, hit = _zone_cells(grid, g[idx], fallback)
        sums, counts = _sums(fi, _values(grid, cols, rows), idx.size)
        return idx, sums, counts, hit

    sums = np.zeros(n)
    counts = np.zeros(n, dtype=np.int64)
    hit_any = np.zeros(n, dtype=bool)
    huge = _huge(g, grid)
    share = huge.size / max(n, 1) if huge.size < n else 1.0
    share = max(share, 0.5) if huge.size else 0.0  # a huge feature takes most of the work
    for k, f in enumerate(huge.tolist()):
        sums[f], counts[f], hit_any[f] = _big_sums(grid, g[f], fallback,
                                                   progress.sub(share * k / huge.size, share * (k + 1) / huge.size))
    rest = g.copy()
    rest[huge] = None
    chunks = _without(_chunks(rest, grid), huge, n)
    for idx, s, c, h in _run(chunks, task, progress.sub(share, 1.0), _threads_for(g)):
        sums[idx], counts[idx], hit_any[idx] = s, c, h
    progress(1.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.where(counts > 0, sums / counts, np.nan)
    overlaps = bool(hit_any.any())
    return ZonalResult(mean=mean, cells=counts, sums=sums, overlaps=overlaps,
                       nodata_only=overlaps and not (counts > 0).any())


def _candidate_cells(fids, c0, r0, wc, wr):
    """All (feature, col, row) of each feature's bbox window, vectorised."""
    sizes = wc * wr
    total = int(sizes.sum())
    if total == 0:
        e = np.empty(0, dtype=np.int64)
        return e, e, e
    fi = np.repeat(fids, sizes)
    offsets = np.repeat(np.cumsum(sizes) - sizes, sizes)
    local = np.arange(total, dtype=np.int64) - offsets
    wcr = np.repeat(wc, sizes)
    cols = np.repeat(c0.astype(np.int64), sizes) + local % np.maximum(wcr, 1)
    rows = np.repeat(r0.astype(np.int64), sizes) + local // np.maximum(wcr, 1)
    return fi, cols, rows


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
    n = len(geoms)
    has = ~shapely.is_missing(geoms) & ~shapely.is_empty(geoms)
    need_transform = raster.crs().isValid() and geoms_crs.isValid() and raster.crs() != geoms_crs
    xform = QgsCoordinateTransform(geoms_crs, raster.crs(), context.transformContext()) if need_transform else None

    def task(idx):
        part = geoms[idx]
        ok = has[idx]
        outer = np.full(idx.size, None, dtype=object)
        outer[ok] = shapely.buffer(part[ok], ring_m, quad_segs=2)
        inner = part
        if xform is not None:  # (single thread: see below)
            outer[ok] = transform_geoms(outer[ok], xform)
            inner = part.copy()
            inner[ok] = transform_geoms(part[ok], xform)
        fo, co, ro, hit = _zone_cells(grid, outer, True)
        fi, ci, ri, _ = _zone_cells(grid, inner, False)
        # one window for both: the footprints' cells lie inside their buffers' cells
        vals = _values(grid, np.concatenate((co, ci)), np.concatenate((ro, ri)))
        s_out, c_out = _sums(fo, vals[:fo.size], idx.size)
        s_in, c_in = _sums(fi, vals[fo.size:], idx.size)
        return idx, s_out - s_in, c_out - c_in, bool(hit.any())

    sums = np.zeros(n)
    cells = np.zeros(n, dtype=np.int64)
    overlaps = False
    usable = np.where(has, geoms, None)
    huge = _huge(usable, grid, ring_m)
    share = max(huge.size / max(n, 1), 0.5) if huge.size else 0.0
    for k, f in enumerate(huge.tolist()):
        sub = progress.sub(share * k / huge.size, share * (k + 1) / huge.size)
        outer, inner = shapely.buffer(geoms[f], ring_m, quad_segs=2), geoms[f]
        if xform is not None:
            outer, inner = transform_geoms(np.array([outer], dtype=object), xform)[0], \
                transform_geoms(np.array([inner], dtype=object), xform)[0]
        so, co, ho = _big_sums(grid, outer, True, sub.sub(0.0, 0.7))
        si, ci, _ = _big_sums(grid, inner, False, sub.sub(0.7, 1.0))
        sums[f], cells[f] = so - si, co - ci
        overlaps = overlaps or ho
    usable[huge] = None
    progress = progress.sub(share, 1.0)
    chunks = _without(_chunks(usable, grid, ring_m), huge, n)
    # a QgsCoordinateTransform belongs to one thread: another CRS is sampled on this one
    for idx, s, c, hit in _run(chunks, task, progress, 1 if xform is not None else _threads_for(geoms)):
        sums[idx], cells[idx] = s, c
        overlaps = overlaps or hit
    mean = np.full(n, np.nan)
    np.divide(sums, cells, out=mean, where=cells > 0)
    return ZonalResult(mean=mean, cells=cells, sums=sums, overlaps=overlaps,
                       nodata_only=overlaps and not (cells > 0).any())


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
    """Statistics of the whole raster, read in strips (two passes: mean, then squared deviations,
    so a constant raster gives exactly 0). Reads only: no statistics file is written next to it."""
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

    def strips():
        for r in range(0, nrows, strip_rows):
            h = min(strip_rows, nrows - r)
            block = rb.ReadAsArray(0, r, ncols, h).astype(float)
            valid = np.isfinite(block)
            if nodata is not None:
                valid &= ~np.isclose(block, nodata)  # as the zonal means read nodata
            yield r, block[valid]

    total, count, lo, hi = 0.0, 0, np.inf, -np.inf
    for r, v in strips():
        total += float(v.sum())
        count += v.size
        if v.size:
            lo, hi = min(lo, float(v.min())), max(hi, float(v.max()))
        progress(0.5 * (r + strip_rows) / max(nrows, 1))
    if count == 0 or lo == hi:
        return RasterStats(mean=lo if count else math.nan, sd=0.0, count=count, constant=True)
    mean = total / count
    sq = 0.0
    for r, v in strips():
        sq += float(((v - mean) ** 2).sum())
        progress(0.5 + 0.5 * (r + strip_rows) / max(nrows, 1))
    return RasterStats(mean=mean, sd=math.sqrt(sq / count), count=count, constant=False)
