"""The bridge between QGIS and arrays.

Read a feature source once into arrays (ids, shapely 2 geometries from WKB, attribute rows and
typed columns), look things up in other layers in bulk (STRtree), sample rasters per polygon by
rasterising the polygons onto the raster grid in numpy, and write arrays to a sink in one go.
Everything between reading and writing is then plain numpy/shapely (``scoring/``).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
import shapely
from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsFeatureSource,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeatureSource,
    QgsProcessingFeedback,
    QgsRasterLayer,
    QgsRectangle,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QMetaType, QVariant

from ..i18n import tr

# Progress/cancel granularity: features per batch on the hot paths.
BATCH = 20000


# ----------------------------------------------------------------------------------------------
# Feedback helpers
# ----------------------------------------------------------------------------------------------
class Canceled(Exception):
    """Raised inside the bridge when the user cancels; algorithms catch it and return."""


class Progress:
    """Maps a sub-task's 0..1 onto a slice of the algorithm's 0..100 progress bar."""

    def __init__(self, feedback: QgsProcessingFeedback | None, start: float = 0.0, end: float = 100.0):
        self.feedback = feedback
        self.start = start
        self.end = end

    def sub(self, a: float, b: float) -> Progress:
        span = self.end - self.start
        return Progress(self.feedback, self.start + a * span, self.start + b * span)

    def __call__(self, fraction: float) -> None:
        if self.feedback is None:
            return
        if self.feedback.isCanceled():
            raise Canceled()
        self.feedback.setProgress(self.start + (self.end - self.start) * min(max(fraction, 0.0), 1.0))

    def check(self) -> None:
        if self.feedback is not None and self.feedback.isCanceled():
            raise Canceled()


# ----------------------------------------------------------------------------------------------
# CRS
# ----------------------------------------------------------------------------------------------
UTM32_HINT = QgsRectangle(100000, 5000000, 1000000, 6500000)


def choose_work_crs(
    crs: QgsCoordinateReferenceSystem,
    extent: QgsRectangle,
    layer_name: str,
    feedback: QgsProcessingFeedback | None,
) -> QgsCoordinateReferenceSystem:
    """A metric CRS to compute areas and distances in.

    Projected CRS: itself. Geographic: the ETRS89/UTM zone of the layer's centre (EPSG:258xx)
    inside Europe, WGS84/UTM elsewhere. Missing: EPSG:25832 if the coordinates look like UTM
    zone 32 (NRW data without .prj), else an error that tells the user to set the CRS.
    """
    if crs.isValid() and not crs.isGeographic():
        if crs.mapUnits() != Qgis.DistanceUnit.Meters:
            _warn(feedback, tr("Layer {name}: its CRS {crs} is not in metres; areas and distances are computed in metres after reprojection to EPSG:25832.").format(name=layer_name, crs=crs.authid()))
            return QgsCoordinateReferenceSystem("EPSG:25832")
        return crs
    if crs.isValid():
        if not extent.isEmpty() and (
            extent.xMinimum() < -180.5 or extent.xMaximum() > 180.5 or extent.yMinimum() < -90.5 or extent.yMaximum() > 90.5
        ):
            raise QgsProcessingException(
                tr("Layer {name} has the geographic CRS {crs}, but its coordinates are not degrees (extent {extent}). Set the layer's real CRS (Layer Properties › Source, e.g. EPSG:25832) and run again.").format(
                    name=layer_name, crs=crs.authid(), extent=extent.toString(0))
            )
        lon = extent.center().x()
        lat = extent.center().y()
        zone = int(math.floor((lon + 180.0) / 6.0)) + 1
        zone = min(max(zone, 1), 60)
        if 28 <= zone <= 38 and lat > 0:
            code = f"EPSG:258{zone:02d}"
        else:
            code = f"EPSG:{32600 + zone if lat >= 0 else 32700 + zone}"
        work = QgsCoordinateReferenceSystem(code)
        _warn(feedback, tr("Layer {name} has the geographic CRS {crs}; it is processed in {work} so that areas and distances are in metres, and the output is written in {work}.").format(name=layer_name, crs=crs.authid(), work=code))
        return work
    if not extent.isEmpty() and UTM32_HINT.contains(extent):
        _warn(feedback, tr("Layer {name} has no CRS; its coordinates look like ETRS89 / UTM zone 32N, so EPSG:25832 is assumed. Set the layer's CRS to be sure.").format(name=layer_name))
        return QgsCoordinateReferenceSystem("EPSG:25832")
    raise QgsProcessingException(
        tr("Layer {name} has no coordinate reference system and its coordinates do not look like UTM zone 32N. Set its CRS (Layer Properties › Source) and run again.").format(name=layer_name)
    )


def _warn(feedback: QgsProcessingFeedback | None, text: str) -> None:
    if feedback is not None:
        feedback.pushWarning(text)


# ----------------------------------------------------------------------------------------------
# Reading
# ----------------------------------------------------------------------------------------------
@dataclass
class FeatureArrays:
    """One feature source read into arrays; index i is the i-th feature in source order."""

    fids: np.ndarray
    geoms: np.ndarray  # shapely geometries in ``crs`` (None where missing or unusable)
    fields: QgsFields
    rows: list[list] | ColumnTable | None  # all attribute values (for copying to the output)
    columns: dict[str, np.ndarray]  # requested fields as typed arrays
    crs: QgsCoordinateReferenceSystem
    skipped: Counter = field(default_factory=Counter)  # reason code -> count
    repaired: int = 0

    def __len__(self) -> int:
        return int(self.fids.size)

    @property
    def usable(self) -> np.ndarray:
        """Features with a usable geometry."""
        return ~shapely.is_missing(self.geoms) & ~shapely.is_empty(self.geoms)


class ColumnTable:
    """Attribute values kept column by column: numbers as numpy arrays with a NULL mask, text as
    object arrays. Python objects per value are made only for the rows being written, chunk by
    chunk, which keeps a city's attribute table small in memory."""

    def __init__(self, columns: list[tuple[np.ndarray, np.ndarray | None]], n: int):
        self.columns = columns  # per field: (values, null mask or None)
        self.n = n

    def __len__(self) -> int:
        return self.n

    def values(self, k: int, idx: np.ndarray | None = None) -> list:
        data, mask = self.columns[k]
        if idx is not None:
            data = data[idx]
            mask = None if mask is None else mask[idx]
        out = data.tolist()
        if mask is not None and mask.any():
            for i in np.flatnonzero(mask).tolist():
                out[i] = None
        return out

    def rows_for(self, idx: np.ndarray, keep: Sequence[int]) -> list[list]:
        cols = [self.values(k, idx) for k in keep]
        return [list(r) for r in zip(*cols)] if cols else [[] for _ in range(len(idx))]


def field_values(rows, k: int) -> list:
    """All values of field ``k`` from a ColumnTable or a list of attribute rows."""
    if isinstance(rows, ColumnTable):
        return rows.values(k)
    return [r[k] for r in rows]


def rows_for(rows, idx: np.ndarray, keep: Sequence[int]) -> list[list]:
    """Attribute rows of the features ``idx`` restricted to the fields ``keep``."""
    if isinstance(rows, ColumnTable):
        return rows.rows_for(idx, keep)
    if list(keep) == list(range(len(rows[0]) if len(rows) else 0)):
        return [list(rows[i]) for i in idx.tolist()]
    return [[rows[i][k] for k in keep] for i in idx.tolist()]


def read_source(
    source: QgsFeatureSource,
    context: QgsProcessingContext,
    work_crs: QgsCoordinateReferenceSystem,
    progress: Progress,
    keep_rows: bool = True,
    fields: Sequence[str] = (),
    polygonal: bool = True,
    name: str = "",
    fast_layer: QgsVectorLayer | None = None,
) -> FeatureArrays:
    """Read ``source`` once: geometries in ``work_crs`` (2D, repaired), attribute rows, columns.

    Invalid geometries are repaired with ``shapely.make_valid`` (counted in ``repaired``); empty
    or unrepairable ones are kept as None with a reason in ``skipped`` so the output still has
    one row per input feature. Z and M are dropped (scores are 2D).

    ``fast_layer`` (see :func:`plain_ogr_layer`): the same features read through GDAL's columnar
    Arrow interface in C instead of QGIS's feature iterator, several times faster on a city. It
    falls back to the iterator whenever the layer or a field type does not allow it.
    """
    src_fields = source.fields()
    raw = _read_ogr(fast_layer, src_fields, progress) if fast_layer is not None else None
    if raw is not None:
        fids, wkb_arr, rows = raw
        read_crs = fast_layer.crs()
    else:
        fids, wkb_arr, rows = _read_qgis(source, context, work_crs, progress, keep_rows, fields)
        read_crs = work_crs  # the request transformed the geometries
    progress.check()

    n = len(fids)
    skipped: Counter = Counter()
    geoms = np.full(n, None, dtype=object)
    have = np.fromiter((w is not None and len(w) > 0 for w in wkb_arr), dtype=bool, count=n)
    skipped["geom_empty"] = int((~have).sum())
    have_idx = np.flatnonzero(have)
    step = 200_000  # parse in chunks: progress and cancel stay responsive on a million features
    for start in range(0, have_idx.size, step):
        part = have_idx[start:start + step]
        geoms[part] = shapely.from_wkb(wkb_arr[part], on_invalid="ignore")
        progress(0.8 + 0.05 * min(start + step, have_idx.size) / have_idx.size)
    bad_parse = have & shapely.is_missing(geoms)
    skipped["geom_unreadable"] = int(bad_parse.sum())
    parsed_empty = have & ~bad_parse & shapely.is_empty(geoms)
    skipped["geom_empty"] += int(parsed_empty.sum())
    geoms[parsed_empty] = None
    progress(0.85)
    for start in range(0, n, step):
        geoms[start:start + step] = shapely.force_2d(geoms[start:start + step])
        progress(0.85 + 0.03 * min(start + step, n) / max(n, 1))
    if read_crs.isValid() and work_crs.isValid() and read_crs != work_crs:
        ok = ~shapely.is_missing(geoms)
        if ok.any():
            xform = QgsCoordinateTransform(read_crs, work_crs, context.transformContext())
            geoms[ok] = transform_geoms(geoms[ok], xform)
    progress(0.93)

    repaired = 0
    ok = ~shapely.is_missing(geoms)
    invalid = ok & ~shapely.is_valid(geoms)
    if invalid.any():
        fixed = shapely.make_valid(geoms[invalid])
        if polygonal:
            fixed = _polygonal_parts(fixed)
        geoms[invalid] = fixed
        repaired = int((~shapely.is_missing(fixed) & ~shapely.is_empty(fixed)).sum())
        skipped["geom_invalid_unrepairable"] = int(invalid.sum()) - repaired
    if polygonal:
        ok = ~shapely.is_missing(geoms)
        area = np.zeros(n)
        area[ok] = shapely.area(geoms[ok])
        not_poly = ok & (area <= 0)
        skipped["geom_not_polygon"] = int(not_poly.sum())
        geoms[not_poly] = None
    geoms[shapely.is_empty(geoms)] = None
    progress(0.96)

    columns = {}
    for f in fields:
        idx = src_fields.lookupField(f)
        if idx < 0:
            continue
        columns[f] = column_array(field_values(rows, idx), src_fields.at(idx))
    progress(1.0)
    return FeatureArrays(
        fids=np.asarray(fids, dtype=np.int64),
        geoms=geoms,
        fields=src_fields,
        rows=rows if keep_rows else None,
        columns=columns,
        crs=work_crs,
        skipped=+skipped,
        repaired=repaired,
    )


def _object_array(values: list) -> np.ndarray:
    """A 1-D object array of ``values`` (bytes or str never become a 2-D array of characters)."""
    out = np.empty(len(values), dtype=object)
    out[:] = values
    return out


def _read_qgis(source, context, work_crs, progress, keep_rows, fields):
    """(fids, WKB per feature or None, attribute rows) through QGIS's feature iterator."""
    src_fields = source.fields()
    request = QgsFeatureRequest()
    if not keep_rows:
        request.setSubsetOfAttributes([src_fields.lookupField(f) for f in fields if src_fields.lookupField(f) >= 0])
    if source.sourceCrs().isValid() and source.sourceCrs() != work_crs:
        request.setDestinationCrs(work_crs, context.transformContext())
    flags = QgsProcessingFeatureSource.Flag.FlagSkipGeometryValidityChecks
    total = max(source.featureCount(), 1)
    if isinstance(source, QgsProcessingFeatureSource):
        iterator = source.getFeatures(request, flags)
    else:
        iterator = source.getFeatures(request)
    fids: list[int] = []
    wkbs: list[bytes | None] = []
    rows: list[list] = []
    for i, feat in enumerate(iterator):
        if i % BATCH == 0:
            progress(0.9 * i / total)
        fids.append(feat.id())
        geom = feat.geometry()
        wkbs.append(None if geom.isNull() else bytes(geom.asWkb()))
        rows.append(feat.attributes())
    return fids, _object_array(wkbs), rows


def plain_ogr_layer(alg, parameters: dict, name: str, context: QgsProcessingContext) -> QgsVectorLayer | None:
    """The parameter's layer if it can be read directly with OGR: a file layer (GeoPackage,
    shapefile …) without selection, feature limit, filter, subset string or unsaved edits.
    Anything else returns None and is read through QGIS."""
    from qgis.core import QgsProcessingFeatureSourceDefinition

    value = parameters.get(name)
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        if value.selectedFeaturesOnly or value.featureLimit >= 0 or getattr(value, "filterExpression", ""):
            return None
    layer = alg.parameterAsVectorLayer(parameters, name, context)
    if layer is None or not layer.isValid() or layer.providerType() != "ogr" or layer.subsetString():
        return None
    if layer.isEditable() and layer.isModified():
        return None
    return layer


def _read_ogr(layer: QgsVectorLayer, src_fields: QgsFields, progress: Progress):
    """(fids, WKB per feature or None, attribute rows in QGIS field order) via OGR's Arrow
    stream as numpy, or None when this layer or one of its field types does not allow it."""
    from osgeo import gdal, ogr
    from qgis.core import QgsProviderRegistry

    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    path = parts.get("path")
    if not path or parts.get("subset"):
        return None
    try:
        with gdal.ExceptionMgr(useExceptions=True), ogr.ExceptionMgr(useExceptions=True):
            ds = ogr.Open(path)
            lname = parts.get("layerName")
            lid = parts.get("layerId")
            lyr = ds.GetLayerByName(lname) if lname else ds.GetLayer(int(lid) if lid not in (None, "") else 0)
            if lyr is None or not hasattr(lyr, "GetArrowStreamAsNumPy"):
                return None
            fid_col = lyr.GetFIDColumn() or "OGC_FID"
            geom_col = lyr.GetGeometryColumn() or "wkb_geometry"
            total = max(lyr.GetFeatureCount(), 1)
            batches = []
            done = 0
            for batch in lyr.GetArrowStreamAsNumPy(options=["MAX_FEATURES_IN_BATCH=65536"]):
                batches.append(batch)
                done += len(batch[geom_col]) if geom_col in batch else 0
                progress(0.8 * done / total)
    except (RuntimeError, KeyError, ValueError):
        return None
    if not batches:
        return [], np.empty(0, dtype=object), []
    keys = batches[0].keys()
    if fid_col not in keys or geom_col not in keys:
        return None

    def joined(key):
        arrays = [b[key] for b in batches]
        if any(isinstance(a, np.ma.MaskedArray) for a in arrays):
            return np.ma.concatenate([np.ma.asarray(a) for a in arrays])
        return np.concatenate(arrays)

    fids = joined(fid_col).astype(np.int64)
    wkb = np.asarray(joined(geom_col), dtype=object)
    columns = []
    for fname in src_fields.names():
        if fname not in keys:
            return None
        progress(0.8)  # a cancel check per column: text columns of a city take a while
        column = _arrow_column(joined(fname))
        if column is None:
            return None
        columns.append(column)
    return fids, wkb, ColumnTable(columns, len(fids))


def _arrow_column(arr) -> tuple[np.ndarray, np.ndarray | None] | None:
    """An Arrow-as-numpy column as (values, NULL mask); None for types left to QGIS's iterator."""
    mask = np.ma.getmaskarray(arr) if isinstance(arr, np.ma.MaskedArray) else None
    if mask is not None and not mask.any():
        mask = None
    data = np.ma.getdata(arr)
    kind = data.dtype.kind
    if kind == "S":
        data = np.char.decode(data, "utf-8", errors="replace").astype(object)
    elif kind == "U":
        data = data.astype(object)
    elif kind == "O":
        values = data.tolist()
        for i, v in enumerate(values):
            if isinstance(v, bytes):
                values[i] = v.decode("utf-8", errors="replace")
            elif v is not None and not isinstance(v, str):
                return None
        data = _object_array(values)
    elif kind not in "iufb":  # dates, times, lists …: QGIS's iterator knows their types
        return None
    return data, mask


def _polygonal_parts(geoms: np.ndarray) -> np.ndarray:
    """Keep only the polygonal parts of each geometry (make_valid may return collections)."""
    out = np.full(geoms.shape, None, dtype=object)
    for i, g in enumerate(geoms):  # only the few repaired geometries pass through here
        if g is None:
            continue
        parts = [p for p in shapely.get_parts(g) if p.geom_type in ("Polygon", "MultiPolygon")]
        if parts:
            out[i] = shapely.union_all(parts) if len(parts) > 1 else parts[0]
    return out


def column_array(values: Sequence, fld: QgsField) -> np.ndarray:
    """Typed array of one attribute column: float (NaN = NULL) for numbers, object for text."""
    if fld.isNumeric():
        return numeric_array(values)
    return np.array([None if _null(v) else str(v) for v in values], dtype=object)


def numeric_array(values: Sequence) -> np.ndarray:
    """Float array; NULL, empty and non-numeric text become NaN. Numeric text ("5,5") is read."""
    out = np.empty(len(values), dtype=float)
    for i, v in enumerate(values):
        if isinstance(v, bool):
            out[i] = float(v)
        elif isinstance(v, (int, float)):
            out[i] = v
        elif isinstance(v, str):
            try:
                out[i] = float(v.strip().replace(",", "."))
            except ValueError:
                out[i] = np.nan
        else:
            out[i] = np.nan
    return out


def _null(v) -> bool:
    return v is None or isinstance(v, QVariant)


def text_column(arrays: FeatureArrays, name: str | None) -> np.ndarray | None:
    """A field as text (numbers formatted without a trailing .0), or None if not chosen/absent."""
    if not name:
        return None
    idx = arrays.fields.lookupField(name)
    if idx < 0 or arrays.rows is None:
        col = arrays.columns.get(name)
        return None if col is None else col
    out = np.empty(len(arrays), dtype=object)
    for i, v in enumerate(field_values(arrays.rows, idx)):
        if _null(v):
            out[i] = None
        elif isinstance(v, float) and v.is_integer():
            out[i] = str(int(v))
        else:
            out[i] = str(v).strip()
    return out


def number_column(arrays: FeatureArrays, name: str | None) -> np.ndarray | None:
    if not name:
        return None
    if name in arrays.columns and arrays.columns[name].dtype == float:
        return arrays.columns[name]
    idx = arrays.fields.lookupField(name)
    if idx < 0 or arrays.rows is None:
        return None
    return numeric_array(field_values(arrays.rows, idx))


# ----------------------------------------------------------------------------------------------
# Overlays with other vector layers
# ----------------------------------------------------------------------------------------------
def read_overlay(
    source: QgsFeatureSource,
    context: QgsProcessingContext,
    work_crs: QgsCoordinateReferenceSystem,
    progress: Progress,
    fields: Sequence[str] = (),
    polygonal: bool = True,
    name: str = "",
    feedback: QgsProcessingFeedback | None = None,
) -> FeatureArrays:
    """Read a secondary layer (parks, Klimatope …) into ``work_crs``; missing CRS is assumed equal."""
    if not source.sourceCrs().isValid():
        _warn(feedback, tr("Layer {name} has no CRS; it is assumed to be in the CRS of the input ({crs}).").format(name=name, crs=work_crs.authid()))
    return read_source(source, context, work_crs, progress, keep_rows=False, fields=fields, polygonal=polygonal, name=name)


def _point_polygon_pairs(points: np.ndarray, polygons: np.ndarray,
                         progress: Progress | None = None) -> tuple[np.ndarray, np.ndarray]:
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
                    progress: Progress | None = None) -> np.ndarray:
    """Value of the polygon(s) containing each point; NaN outside. Overlaps: max (or min)."""
    out = np.full(len(points), np.nan)
    src, tgt = _point_polygon_pairs(points, polygons, progress)
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
    """Category (text) of the first polygon containing each point; None outside."""
    out = np.full(len(points), None, dtype=object)
    src, tgt = _point_polygon_pairs(points, polygons)
    if src.size == 0:
        return out
    # first polygon per point: assign in reverse order so that the lowest polygon index wins
    order = np.lexsort((tgt, src))[::-1]
    out[src[order]] = np.asarray(categories, dtype=object)[tgt[order]]
    return out


def intersects_any(geoms: np.ndarray, others: np.ndarray, progress: Progress | None = None) -> np.ndarray:
    """True where a geometry intersects any of ``others``."""
    out = np.zeros(len(geoms), dtype=bool)
    ok = ~shapely.is_missing(geoms)
    other_ok = others[~shapely.is_missing(others)]
    if not ok.any() or other_ok.size == 0:
        return out
    if np.all(shapely.get_type_id(geoms[ok]) == 0):  # points: the prepared-polygon route
        src, _ = _point_polygon_pairs(geoms, others, progress)
        out[np.unique(src)] = True
        return out
    tree = shapely.STRtree(other_ok)
    qidx = np.flatnonzero(ok)
    src, _ = tree.query(geoms[qidx], predicate="intersects")
    out[qidx[np.unique(src)]] = True
    return out


def nearest_distance(geoms: np.ndarray, targets: np.ndarray, max_distance: float,
                     progress: Progress | None = None) -> np.ndarray:
    """Distance to the nearest target within ``max_distance`` (inf beyond; NaN for no geometry)."""
    out = np.full(len(geoms), np.inf)
    ok = ~shapely.is_missing(geoms)
    out[~ok] = np.nan
    tgt_ok = targets[~shapely.is_missing(targets)]
    if not ok.any() or tgt_ok.size == 0:
        return out
    tree = shapely.STRtree(tgt_ok)
    qidx = np.flatnonzero(ok)
    # all pairs within reach in bulk queries, then their exact distances in one call per chunk
    step = 100_000
    for start in range(0, qidx.size, step):
        part = qidx[start:start + step]
        src, tgt = tree.query(geoms[part], predicate="dwithin", distance=max_distance)
        if src.size:
            dist = shapely.distance(geoms[part[src]], tgt_ok[tgt])
            np.minimum.at(out, part[src], dist)
        if progress is not None:
            progress(min(start + step, qidx.size) / qidx.size)
    return out


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
    cell_budget = 1_000_000  # candidate cells per chunk: ~60 MB of index arrays
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
        progress(0.9 * start / n)

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
        block = rb.ReadAsArray(cmin, s, cmax - cmin + 1, nr)
        if block is None:
            continue
        vals = block[rows[a:b] - s, cols[a:b] - cmin].astype(float)
        good = np.isfinite(vals)
        if nodata is not None:
            good &= ~np.isclose(vals, nodata)
        np.add.at(sums, fi[a:b][good], vals[good])
        np.add.at(counts, fi[a:b][good], 1)


def transform_geoms(geoms: np.ndarray, xform: QgsCoordinateTransform) -> np.ndarray:
    """Reproject shapely geometries: all coordinates in one GDAL call (no per-feature loop)."""
    from osgeo import osr

    coords = shapely.get_coordinates(geoms)
    if coords.size == 0:
        return geoms
    srs = []
    for crs in (xform.sourceCrs(), xform.destinationCrs()):
        ref = osr.SpatialReference()
        ref.ImportFromWkt(crs.toWkt(Qgis.CrsWktVariant.Preferred))
        ref.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        srs.append(ref)
    ct = osr.CoordinateTransformation(srs[0], srs[1])
    new = np.asarray(ct.TransformPoints(coords), dtype=float)[:, :2]
    return shapely.set_coordinates(geoms.copy(), new)


# ----------------------------------------------------------------------------------------------
# Writing
# ----------------------------------------------------------------------------------------------
TYPE_MAP = {
    "double": QMetaType.Type.Double,
    "int": QMetaType.Type.Int,
    "long": QMetaType.Type.LongLong,
    "text": QMetaType.Type.QString,
}


def make_fields(spec: Sequence[tuple[str, str]]) -> QgsFields:
    out = QgsFields()
    for name, kind in spec:
        out.append(QgsField(name, TYPE_MAP[kind]))
    return out


def output_fields(source_fields: QgsFields, new: QgsFields) -> tuple[QgsFields, list[int]]:
    """The input's fields followed by the new ones; input fields whose names the new ones take
    (e.g. an earlier ``gi_score``) are left out. Returns (fields, indexes of kept input fields)."""
    names = {new.at(i).name().lower() for i in range(new.count())}
    out = QgsFields()
    keep = []
    for i in range(source_fields.count()):
        f = source_fields.at(i)
        if f.name().lower() in names:
            continue
        out.append(f)
        keep.append(i)
    for i in range(new.count()):
        out.append(new.at(i))
    return out, keep


def _pylist(col) -> list:
    """Column to a list of Python values with NULLs as None (NaN -> None)."""
    arr = np.asarray(col)
    if arr.dtype.kind == "f":
        return [None if v != v else v for v in arr.tolist()]
    if arr.dtype.kind in "iub":
        return arr.tolist()
    return [None if v is None or (isinstance(v, float) and v != v) else v for v in arr.tolist()]


def write_sink(
    sink: QgsFeatureSink,
    fields: QgsFields,
    geoms: np.ndarray,
    columns: Sequence,
    progress: Progress,
    rows: list[list] | ColumnTable | None = None,
    keep: Sequence[int] = (),
) -> int:
    """Write one feature per index, in index order: kept input attributes + ``columns``,
    geometry from shapely. Returns the count."""
    n = len(geoms)
    cols = [np.asarray(c) for c in columns]
    feature = QgsFeature(fields)
    geometry = QgsGeometry()
    add = sink.addFeature
    fast = QgsFeatureSink.Flag.FastInsert
    written = 0
    # chunk by chunk: the rows' Python values and the WKB exist only for the chunk being written;
    # one feature object is refilled per row (the sink copies it)
    for start in range(0, n, BATCH):
        chunk = np.arange(start, min(start + BATCH, n))
        base = rows_for(rows, chunk, keep) if rows is not None else None
        extra = list(zip(*[_pylist(c[chunk]) for c in cols])) if cols else [()] * len(chunk)
        wkbs = np.full(len(chunk), None, dtype=object)
        g = geoms[chunk]
        have = ~shapely.is_missing(g)
        if have.any():
            wkbs[have] = shapely.to_wkb(g[have], output_dimension=2)
        for j in range(len(chunk)):
            w = wkbs[j]
            if w is not None:
                geometry.fromWkb(w)
                feature.setGeometry(geometry)
            else:
                feature.clearGeometry()
            if base is None:
                feature.setAttributes(list(extra[j]))
            else:
                feature.setAttributes(base[j] + list(extra[j]))
            if not add(feature, fast):
                raise QgsProcessingException(tr("Writing the output failed: {err}").format(err=sink.lastError()))
            written += 1
        # hand the chunk to the data source now: QGIS's exporter would otherwise hold up to
        # 100 MB of features, and the progress bar should show what is really written
        if not sink.flushBuffer():
            raise QgsProcessingException(tr("Writing the output failed: {err}").format(err=sink.lastError()))
        progress((start + len(chunk)) / max(n, 1))
    progress(1.0)
    return written


def report_skipped(arrays: FeatureArrays, feedback: QgsProcessingFeedback, layer_name: str) -> None:
    """One warning per kind of unusable geometry, saying what happened to those features."""
    texts: dict[str, Callable[[], str]] = {
        "geom_empty": lambda: tr("{n} features of {name} have no geometry; they are written with class X and flag geom_empty."),
        "geom_unreadable": lambda: tr("{n} features of {name} have a geometry that cannot be read; they are written with class X and flag geom_empty."),
        "geom_invalid_unrepairable": lambda: tr("{n} features of {name} have an invalid geometry that could not be repaired; they are written with class X and flag geom_empty."),
        "geom_not_polygon": lambda: tr("{n} features of {name} are not polygons (or have no area); they are written with class X and flag geom_empty."),
    }
    for code, count in arrays.skipped.items():
        if count and code in texts:
            feedback.pushWarning(texts[code]().format(n=count, name=layer_name))
    if arrays.repaired:
        feedback.pushWarning(tr("{n} invalid geometries of {name} were repaired (make valid) before scoring; the input layer is unchanged.").format(n=arrays.repaired, name=layer_name))
