"""Zonal and ring statistics (processing/raster.py) against a brute-force count over every cell
centre, with many small chunks on several threads: the chunking, the window read and the
threads change nothing."""

from __future__ import annotations

import numpy as np
import pytest
import shapely
from helpers.layers import raster
from qgis.core import QgsCoordinateReferenceSystem, QgsProcessingContext, QgsProject, QgsRasterLayer

from gi_qgis_plugin.processing import raster as rasters
from gi_qgis_plugin.scoring.progress import Progress

NODATA = -9999.0


def crs():
    # made inside a test: a QGIS object created at import time outlives QGIS and crashes the exit
    return QgsCoordinateReferenceSystem("EPSG:25832")


@pytest.fixture
def context(qgis_app):
    ctx = QgsProcessingContext()
    ctx.setProject(QgsProject.instance())
    return ctx


@pytest.fixture
def grid(tmp_path, qgis_app):
    """120 × 100 cells of 1 m at x 0..100, y 0..120; random depths, a nodata patch."""
    rng = np.random.default_rng(5)
    arr = rng.uniform(0, 1, (120, 100)).astype(np.float32)
    arr[10:20, 30:50] = NODATA
    raster(tmp_path / "r.tif", arr, 0.0, 120.0, 1.0, nodata=NODATA)
    cx, cy = np.meshgrid(np.arange(100) + 0.5, 120 - (np.arange(120) + 0.5))
    # the path, not the layer: pytest keeps a fixture's value until the session ends, and a
    # QGIS layer that outlives QGIS crashes the exit
    return str(tmp_path / "r.tif"), arr.astype(float), cx, cy


def _footprints(n=300):
    rng = np.random.default_rng(7)
    x, y = rng.uniform(-5, 100, n), rng.uniform(-5, 120, n)
    w, h = rng.uniform(0.3, 9, n), rng.uniform(0.3, 9, n)
    g = shapely.box(x, y, x + w, y + h).astype(object)
    g[::37] = None  # missing geometries stay NaN
    return g


def _brute(arr, cx, cy, zone, minus=None):
    """Mean of the valid cells whose centre lies in ``zone`` (and not in ``minus``)."""
    inside = shapely.contains_xy(zone, cx, cy)
    if minus is not None:
        inside &= ~shapely.contains_xy(minus, cx, cy)
    vals = arr[inside]
    vals = vals[vals != NODATA]
    return (vals.mean() if vals.size else np.nan), vals.size


@pytest.mark.parametrize("threads", [1, 3])
def test_ring_mean_equals_the_cell_by_cell_rule(grid, context, monkeypatch, threads):
    path, arr, cx, cy = grid
    layer = QgsRasterLayer(path, "r")
    monkeypatch.setattr(rasters, "MAX_CHUNK", 17)  # ~18 chunks
    monkeypatch.setattr(rasters, "workers", lambda: threads)
    geoms = _footprints()
    res = rasters.ring_mean(layer, geoms, 3.0, crs(), context, Progress(None))
    for i, g in enumerate(geoms):
        if g is None:
            assert np.isnan(res.mean[i]) and res.cells[i] == 0
            continue
        mean, count = _brute(arr, cx, cy, shapely.buffer(g, 3.0, quad_segs=2), g)
        assert res.cells[i] == count, i
        assert res.mean[i] == pytest.approx(mean, rel=1e-12, nan_ok=True), i
    assert res.overlaps and not res.nodata_only


@pytest.mark.parametrize("threads", [1, 2])
def test_zonal_mean_equals_the_cell_by_cell_rule_with_the_fallback_cell(grid, context, monkeypatch, threads):
    path, arr, cx, cy = grid
    layer = QgsRasterLayer(path, "r")
    monkeypatch.setattr(rasters, "MAX_CHUNK", 23)
    monkeypatch.setattr(rasters, "workers", lambda: threads)
    geoms = _footprints()
    res = rasters.zonal_mean(layer, geoms, crs(), context, Progress(None))
    fallbacks = 0
    for i, g in enumerate(geoms):
        if g is None:
            assert np.isnan(res.mean[i])
            continue
        mean, count = _brute(arr, cx, cy, g)
        if not shapely.contains_xy(g, cx, cy).any():
            # no cell centre inside: the cell under the representative point, if on the raster
            p = shapely.point_on_surface(g)
            col, row = int(np.floor(p.x)), int(np.floor(120 - p.y))
            if 0 <= col < 100 and 0 <= row < 120 and arr[row, col] != NODATA:
                mean, count = arr[row, col], 1
                fallbacks += 1
        assert res.cells[i] == count, i
        assert res.mean[i] == pytest.approx(mean, rel=1e-12, nan_ok=True), i
    assert fallbacks > 5  # the case is exercised


def test_small_tiles_and_a_small_cache_give_the_same_statistics(grid, context, monkeypatch):
    # tiles of 7 columns × a few rows and a cache of two tiles: runs of cells cross tile
    # borders, tiles are evicted and decoded again; the cells and sums stay those of one tile
    path, arr, cx, cy = grid
    layer = QgsRasterLayer(path, "r")
    geoms = _footprints(60)
    whole = rasters.zonal_mean(layer, geoms, crs(), context, Progress(None))
    ring = rasters.ring_mean(layer, geoms, 3.0, crs(), context, Progress(None))
    monkeypatch.setattr(rasters, "TILE_COLS", 7)
    monkeypatch.setattr(rasters, "TILE_CELLS", 30)
    monkeypatch.setattr(rasters, "CACHE_BYTES", 1)
    small = rasters.zonal_mean(layer, geoms, crs(), context, Progress(None))
    small_ring = rasters.ring_mean(layer, geoms, 3.0, crs(), context, Progress(None))
    assert np.array_equal(whole.cells, small.cells) and np.array_equal(ring.cells, small_ring.cells)
    assert np.allclose(whole.sums, small.sums, rtol=1e-12, atol=1e-9)
    assert np.allclose(ring.sums, small_ring.sums, rtol=1e-12, atol=1e-9)


def test_averaging_a_fine_raster_reports_progress_and_answers_a_cancel(tmp_path, context):
    from helpers.feedback import CancelAt, RecordingFeedback

    from gi_qgis_plugin.scoring.progress import Canceled

    arr = np.random.default_rng(3).uniform(0, 1, (900, 900)).astype(np.float32)
    raster(tmp_path / "fine.tif", arr, 0.0, 900.0, 1.0, nodata=NODATA)
    layer = QgsRasterLayer(str(tmp_path / "fine.tif"), "fine")
    geoms = np.array([shapely.box(10, 10, 890, 890)], dtype=object)
    fb = RecordingFeedback()
    with rasters.Coarsened(layer, 5.0, geoms, 10.0, crs(), context, Progress(fb)) as coarse:
        assert coarse.source().startswith("/vsimem/")  # averaged to 5 m cells
    assert len(fb.progress_values) > 2
    with pytest.raises(Canceled):
        rasters.Coarsened(layer, 5.0, geoms, 10.0, crs(), context, Progress(CancelAt(1.0)))


def test_map_slices_gives_the_whole_array_result_in_order():
    from gi_qgis_plugin.processing.threads import map_slices

    geoms = shapely.box(np.arange(1000.0), 0, np.arange(1000.0) + 1 + np.arange(1000) % 7, 2).astype(object)
    geoms[::13] = None
    fb_values = []

    class Fb:
        def isCanceled(self):
            return False

        def setProgress(self, p):
            fb_values.append(p)

    out = map_slices(shapely.area, geoms, Progress(Fb()), step=37, threads=3)
    assert np.array_equal(out, shapely.area(geoms), equal_nan=True)
    assert fb_values and fb_values[-1] == 100.0


def test_a_cancel_while_averaging_also_with_gdal_exceptions_on(tmp_path, context):
    from helpers.feedback import CancelAt
    from osgeo import gdal

    from gi_qgis_plugin.scoring.progress import Canceled

    arr = np.random.default_rng(4).uniform(0, 1, (600, 600)).astype(np.float32)
    raster(tmp_path / "fine.tif", arr, 0.0, 600.0, 1.0, nodata=NODATA)
    layer = QgsRasterLayer(str(tmp_path / "fine.tif"), "fine")
    geoms = np.array([shapely.box(10, 10, 590, 590)], dtype=object)
    with gdal.ExceptionMgr(useExceptions=True), pytest.raises(Canceled):
        rasters.Coarsened(layer, 5.0, geoms, 10.0, crs(), context, Progress(CancelAt(1.0)))


def test_an_array_holding_one_geometry_twice_is_sampled_right_on_several_threads(grid, context, monkeypatch):
    path, arr, cx, cy = grid
    layer = QgsRasterLayer(path, "r")
    monkeypatch.setattr(rasters, "MAX_CHUNK", 2)
    monkeypatch.setattr(rasters, "workers", lambda: 4)
    box = shapely.box(10, 10, 20, 20)
    shared = np.array([box, shapely.box(30, 30, 40, 40), box, box], dtype=object)  # one object, three times
    # chunks of two features on four threads: the same object in two chunks at once (nothing
    # is prepared, so nothing is built lazily on a shared geometry)
    res = rasters.zonal_mean(layer, shared, crs(), context, Progress(None))
    assert res.mean[0] == res.mean[2] == res.mean[3] == pytest.approx(_brute(arr, cx, cy, box)[0])


def test_band_statistics_in_one_pass_match_numpy_over_the_valid_cells(tmp_path):
    rng = np.random.default_rng(11)
    arr = rng.normal(18.0, 1.5, (230, 170)).astype(np.float32)
    arr[rng.uniform(size=arr.shape) < 0.1] = NODATA
    arr[5, 7] = np.nan
    raster(tmp_path / "heat.tif", arr, 0.0, 230.0, 1.0, nodata=NODATA)
    stats = rasters.band_stats(QgsRasterLayer(str(tmp_path / "heat.tif"), "h"), Progress(None), strip_rows=16)
    valid = arr[np.isfinite(arr) & (arr != NODATA)].astype(float)
    assert stats.count == valid.size
    assert stats.mean == pytest.approx(valid.mean(), rel=1e-12)
    assert stats.sd == pytest.approx(valid.std(), rel=1e-10)
    assert not stats.constant


def test_a_constant_raster_has_no_spread(tmp_path):
    arr = np.full((40, 30), 17.3, dtype=np.float32)
    arr[:3] = NODATA
    raster(tmp_path / "flat.tif", arr, 0.0, 40.0, 1.0, nodata=NODATA)
    stats = rasters.band_stats(QgsRasterLayer(str(tmp_path / "flat.tif"), "f"), Progress(None), strip_rows=7)
    assert stats.constant and stats.sd == 0.0 and stats.count == 37 * 30


def test_a_raster_without_nodata_cells_gives_the_cell_by_cell_means(tmp_path, context):
    # no cell is nodata: the tiles count cells by their columns instead of running counts
    arr = np.random.default_rng(12).uniform(0, 3, (120, 100)).astype(np.float32)
    layer = raster(tmp_path / "full.tif", arr, 0.0, 120.0, 1.0)
    cx, cy = np.meshgrid(np.arange(100) + 0.5, 120 - (np.arange(120) + 0.5))
    geoms = _footprints(80)
    res = rasters.ring_mean(layer, geoms, 2.0, crs(), context, Progress(None))
    for i, g in enumerate(geoms):
        if g is None:
            continue
        mean, count = _brute(arr.astype(float), cx, cy, shapely.buffer(g, 2.0, quad_segs=2), g)
        assert res.cells[i] == count, i
        assert res.mean[i] == pytest.approx(mean, rel=1e-9, nan_ok=True), i
