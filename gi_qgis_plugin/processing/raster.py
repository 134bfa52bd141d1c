"""Rasters: zonal statistics by rasterising the polygons onto the raster grid in numpy."""

from __future__ import annotations

import math
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
from ..scoring.progress import Canceled, Progress  # noqa: F401
from .crs import transform_geoms

# ----------------------------------------------------------------------------------------------
# Rasters: zonal statistics by rasterising the polygons onto the raster grid
# ----------------------------------------------------------------------------------------------
# Candidate cells tested at once: about 60 MB of index arrays. A single feature with more cells
# in its window is cut into bands of rows, so memory stays bounded and progress and cancel keep
# answering whatever the feature's size and the raster's resolution.
CELL_BUDGET = 1_000_000
@dataclass
class ZonalResult:
    mean: np.ndarray  # NaN where no valid cell
    cells: np.ndarray  # valid cells used per feature
    sums: np.ndarray  # sum of the valid cells per feature (for differences of zones)
    overlaps: bool  # any feature hit the raster at all
    nodata_only: bool  # the raster overlaps but every hit cell is nodata


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
    representative point (unless ``fallback`` is False). Values are read in strips, nodata is
    ignored, sums and counts per feature by ``numpy.add.at``.
    """
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
    gt = ds.GetGeoTransform()
    if gt[2] != 0 or gt[4] != 0:
        raise QgsProcessingException(tr("Raster {name} is rotated; warp it to a north-up grid (Raster › Projections › Warp) and run again.").format(name=layer.name()))
    rb = ds.GetRasterBand(band)
    nodata = rb.GetNoDataValue()
    ncols, nrows = ds.RasterXSize, ds.RasterYSize

    progress(0.0)
    n = len(geoms)
    ok = ~shapely.is_missing(geoms)
    g = geoms.copy()
    rcrs = layer.crs()
    if rcrs.isValid() and geoms_crs.isValid() and rcrs != geoms_crs and ok.any():
        xform = QgsCoordinateTransform(geoms_crs, rcrs, context.transformContext())
        g[ok] = transform_geoms(g[ok], xform)

    x0, dx, y0, dy = gt[0], gt[1], gt[3], gt[5]  # dy < 0 for north-up
    bounds = np.full((n, 4), np.nan)
    bounds[ok] = shapely.bounds(g[ok])
    # cell index ranges whose centres fall inside each bbox
    c0 = np.ceil((bounds[:, 0] - x0) / dx - 0.5)
    c1 = np.floor((bounds[:, 2] - x0) / dx - 0.5)
    ya, yb = (bounds[:, 3], bounds[:, 1]) if dy < 0 else (bounds[:, 1], bounds[:, 3])
    r0 = np.ceil((ya - y0) / dy - 0.5)
    r1 = np.floor((yb - y0) / dy - 0.5)
    c0 = np.clip(np.nan_to_num(c0, nan=0), 0, ncols)
    c1 = np.clip(np.nan_to_num(c1, nan=-1), -1, ncols - 1)
    r0 = np.clip(np.nan_to_num(r0, nan=0), 0, nrows)
    r1 = np.clip(np.nan_to_num(r1, nan=-1), -1, nrows - 1)
    wc = np.maximum(c1 - c0 + 1, 0).astype(np.int64)
    wr = np.maximum(r1 - r0 + 1, 0).astype(np.int64)
    wc[~ok] = 0
    wr[~ok] = 0

    sums = np.zeros(n)
    counts = np.zeros(n, dtype=np.int64)
    hit_any = np.zeros(n, dtype=bool)
    # features in chunks so memory stays bounded and progress flows
    cell_budget = CELL_BUDGET
    # a feature whose own window exceeds the budget (a 10 km polygon on a 1 m raster) is done
    # first, in bands of rows, and then left out of the chunks
    big = np.flatnonzero(wc * wr > cell_budget)
    big_cells = float((wc[big] * wr[big]).sum())
    done_cells = 0.0
    total_cells = max(float((wc * wr).sum()), 1.0)
    for f in big.tolist():
        band_rows = max(1, cell_budget // int(wc[f]))
        shapely.prepare(g[f])
        for ra in range(int(r0[f]), int(r0[f] + wr[f]), band_rows):
            nr = min(band_rows, int(r0[f] + wr[f]) - ra)
            cols = np.tile(np.arange(int(c0[f]), int(c0[f] + wc[f]), dtype=np.int64), nr)
            rows = np.repeat(np.arange(ra, ra + nr, dtype=np.int64), int(wc[f]))
            inside = shapely.contains_xy(g[f], x0 + (cols + 0.5) * dx, y0 + (rows + 0.5) * dy)
            if inside.any():
                hit_any[f] = True
                _accumulate(rb, nodata, np.full(int(inside.sum()), f, dtype=np.int64), cols[inside], rows[inside],
                            sums, counts)
            done_cells += nr * float(wc[f])
            progress(0.9 * done_cells / total_cells)
        wc[f] = 0
    cum = np.cumsum(wc * wr)
    start = 0
    while start < n:
        base = cum[start - 1] if start else 0
        stop = int(np.searchsorted(cum, base + cell_budget, side="right"))
        stop = max(stop, start + 1)
        stop = min(stop, n, start + 100_000)  # and at most 100,000 features per chunk
        sl = slice(start, stop)
        fi, cols, rows = _candidate_cells(np.arange(start, stop), c0[sl], r0[sl], wc[sl], wr[sl])
        if fi.size:
            shapely.prepare(g[sl][ok[sl]])  # prepared per chunk: no long pause before the first
            xs = x0 + (cols + 0.5) * dx
            ys = y0 + (rows + 0.5) * dy
            inside = shapely.contains_xy(g[fi], xs, ys)
            fi, cols, rows = fi[inside], cols[inside], rows[inside]
            hit_any[fi] = True
            _accumulate(rb, nodata, fi, cols, rows, sums, counts)
        start = stop
        # by cells once big features took their share, else by features as before
        progress(0.9 * ((big_cells + float(cum[stop - 1])) / total_cells if big.size else start / n))

    # polygons that caught no cell centre: the cell under their representative point
    # (left out with fallback=False, when the strict cell-centre rule is wanted, e.g. to
    # subtract a building's own cells from those of its surroundings)
    miss = ok & ~hit_any & fallback
    progress(0.92)
    if miss.any():
        idx = np.flatnonzero(miss)
        pts = shapely.point_on_surface(g[idx])
        progress(0.96)
        px, py = shapely.get_x(pts), shapely.get_y(pts)
        cols = np.floor((px - x0) / dx).astype(np.int64)
        rows = np.floor((py - y0) / dy).astype(np.int64)
        inside = (cols >= 0) & (cols < ncols) & (rows >= 0) & (rows < nrows)
        idx, cols, rows = idx[inside], cols[inside], rows[inside]
        hit_any[idx] = True
        _accumulate(rb, nodata, idx, cols, rows, sums, counts)
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


def _accumulate(rb, nodata, fi, cols, rows, sums, counts, strip_rows: int = 1024) -> None:
    """Read the needed raster strips once and add valid cell values per feature."""
    if fi.size == 0:
        return
    order = np.argsort(rows, kind="stable")
    fi, cols, rows = fi[order], cols[order], rows[order]
    rstart = int(rows[0])
    rend = int(rows[-1])
    for s in range(rstart, rend + 1, strip_rows):
        a = np.searchsorted(rows, s, side="left")
        b = np.searchsorted(rows, s + strip_rows, side="left")
        if a == b:
            continue
        cmin = int(cols[a:b].min())
        cmax = int(cols[a:b].max())
        nr = min(strip_rows, int(rows[b - 1]) - s + 1)
        block = _read_block(rb, cmin, s, cmax - cmin + 1, nr)
        vals = block[rows[a:b] - s, cols[a:b] - cmin].astype(float)
        good = np.isfinite(vals)
        if nodata is not None:
            good &= ~np.isclose(vals, nodata)
        np.add.at(sums, fi[a:b][good], vals[good])
        np.add.at(counts, fi[a:b][good], 1)




def _read_block(rb, col: int, row: int, width: int, height: int) -> np.ndarray:
    """A window of the band; a clear message when the file cannot deliver it (truncated)."""
    from osgeo import gdal

    try:
        with gdal.ExceptionMgr(useExceptions=True):
            block = rb.ReadAsArray(col, row, width, height)
    except RuntimeError as err:
        block, detail = None, str(err)
    else:
        detail = ""
    if block is None:
        name = rb.GetDataset().GetDescription() if rb.GetDataset() is not None else ""
        raise QgsProcessingException(
            tr("Raster {name} cannot be read completely (rows {row}–{end}: {detail}); the file may be truncated or damaged. Export or download it again.").format(
                name=name, row=row, end=row + height - 1, detail=detail or "no data"))
    return block


def ring_mean(raster: QgsRasterLayer, geoms: np.ndarray, ring_m: float, geoms_crs: QgsCoordinateReferenceSystem,
              context: QgsProcessingContext, progress: Progress) -> ZonalResult:
    """Mean of the cells within ``ring_m`` of each geometry but not under it.

    The cells of the buffered geometry minus the geometry's own cells, both by the cell-centre
    rule, so no ring polygon has to be built; in chunks, so that the buffers of a whole city
    never exist at once. (Heavy-rain models treat buildings as obstacles: the water stands
    around a building, not on it.)
    """
    n = len(geoms)
    has = ~shapely.is_missing(geoms) & ~shapely.is_empty(geoms)
    sums = np.zeros(n)
    cells = np.zeros(n, dtype=np.int64)
    overlaps = False
    step = 50_000
    for start in range(0, n, step):
        sl = slice(start, min(start + step, n))
        part = geoms[sl]
        ok = has[sl]
        outer = np.full(len(part), None, dtype=object)
        outer[ok] = shapely.buffer(part[ok], ring_m, quad_segs=2)
        sub = progress.sub(start / n, min(start + step, n) / n)
        sub(0.0)
        res = zonal_mean(raster, outer, geoms_crs, context, sub.sub(0.0, 0.7))
        inner = zonal_mean(raster, part, geoms_crs, context, sub.sub(0.7, 1.0), fallback=False)
        sums[sl] = res.sums - inner.sums
        cells[sl] = res.cells - inner.cells
        overlaps = overlaps or res.overlaps
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
                 work_crs: QgsCoordinateReferenceSystem, context: QgsProcessingContext):
        self.layer, self.path = _coarsened(raster, cell_m, geoms, margin, work_crs, context)

    def __enter__(self) -> QgsRasterLayer:
        return self.layer

    def __exit__(self, *exc) -> None:
        if self.path:
            from osgeo import gdal

            gdal.Unlink(self.path)


def _coarsened(raster: QgsRasterLayer, cell_m: float, geoms: np.ndarray, margin: float, work_crs, context):
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
    opts = gdal.TranslateOptions(
        format="GTiff", xRes=bx, yRes=by, resampleAlg="average", outputType=gdal.GDT_Float32,
        projWin=(xmin, ymax, xmax, ymin),
    )
    try:
        out = gdal.Translate(path, ds, options=opts)
    except RuntimeError:
        out = None
    if out is None:
        gdal.Unlink(path)
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
