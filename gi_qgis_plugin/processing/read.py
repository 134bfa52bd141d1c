"""Reading feature sources into arrays: ids, shapely 2 geometries from WKB, attribute columns.

A source is read once (QGIS's iterator, or GDAL's columnar Arrow interface for plain file layers);
everything after reading is plain numpy/shapely (``scoring/``).
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FuturesTimeout
from dataclasses import dataclass, field

import numpy as np
import shapely
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsFeatureSource,
    QgsField,
    QgsFields,
    QgsProcessingContext,
    QgsProcessingFeatureSource,
    QgsProcessingFeedback,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QVariant

from ..i18n import tr
from ..scoring.progress import Canceled, Progress  # noqa: F401
from . import checks
from .crs import _warn, transform_geoms
from .threads import map_slices, workers

# Progress/cancel granularity: features per batch on the hot paths.
BATCH = 20000
READ_BATCH = 65536  # features per Arrow batch of the OGR reader (each parsed on a worker thread)


# ----------------------------------------------------------------------------------------------
# Reading
# ----------------------------------------------------------------------------------------------
@dataclass
class FeatureArrays:
    """One feature source read into arrays; index i is the i-th feature in source order."""

    fids: np.ndarray
    geoms: np.ndarray  # shapely geometries in ``crs`` (None where missing or unusable)
    fields: QgsFields
    rows: ColumnTable | None  # all attribute values (for copying to the output)
    columns: dict[str, np.ndarray]  # requested fields as typed arrays
    crs: QgsCoordinateReferenceSystem
    skipped: Counter = field(default_factory=Counter)  # reason code -> count
    repaired: int = 0
    converted: Counter = field(default_factory=Counter)  # kept but changed: "curved", "collection"

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

    def __init__(self, columns: list[tuple[np.ndarray, np.ndarray | None]], n: int, texts: Sequence[int] = ()):
        self.columns = columns  # per field: (values, null mask or None)
        self.n = n
        self.texts = frozenset(texts)  # fields whose values are all str (NULLs in the mask): no check per value

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


def field_values(rows: ColumnTable, k: int) -> list:
    """All values of field ``k``."""
    return rows.values(k)


def rows_for(rows: ColumnTable, idx: np.ndarray, keep: Sequence[int]) -> list[list]:
    """Attribute rows of the features ``idx`` restricted to the fields ``keep``."""
    return rows.rows_for(idx, keep)


def column_table(rows: list[list], n_fields: int) -> ColumnTable:
    """Attribute rows (QGIS's iterator) as a :class:`ColumnTable` of object columns, so every
    consumer reads one kind of table whichever reader was used."""
    columns = []
    for k in range(n_fields):
        data = np.empty(len(rows), dtype=object)
        data[:] = [r[k] for r in rows]
        columns.append((data, None))
    return ColumnTable(columns, len(rows))


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
    linear: bool = False,
) -> FeatureArrays:
    """Read ``source`` once: geometries in ``work_crs`` (2D, repaired), attribute rows, columns.

    Invalid geometries are repaired with ``shapely.make_valid`` (counted in ``repaired``); empty
    or unrepairable ones are kept as None with a reason in ``skipped`` so the output still has
    one row per input feature. Z and M are dropped (scores are 2D).

    ``polygonal`` / ``linear``: keep only polygons with an area / lines with a length (others
    are counted as ``geom_not_polygon`` / ``geom_not_line`` and kept as None).

    ``fast_layer`` (see :func:`plain_ogr_layer`): the same features read through GDAL's columnar
    Arrow interface in C instead of QGIS's feature iterator, several times faster on a city. It
    falls back to the iterator whenever the layer or a field type does not allow it.
    """
    src_fields = source.fields()
    raw = _read_ogr(fast_layer, src_fields, progress) if fast_layer is not None else None
    if raw is not None:
        fids, wkb_arr, rows, parsed = raw
        read_crs = fast_layer.crs()
    else:
        fids, wkb_arr, rows = _read_qgis(source, context, work_crs, progress, keep_rows, fields)
        parsed = None
        read_crs = work_crs  # the request transformed the geometries
    progress.check()

    n = len(fids)
    skipped: Counter = Counter()
    converted: Counter = Counter()
    step = 200_000  # parse in chunks: progress and cancel stay responsive on a million features
    if parsed is None:
        parsed = []
        for start in range(0, n, step):
            parsed.append(_parse_wkb(wkb_arr[start:start + step], validity=False))
            progress(0.8 + 0.05 * min(start + step, n) / max(n, 1))
    geoms, have, measured = _joined_parts(parsed, n)
    known = measured.known  # cleared below wherever the reader changes a geometry
    start = 0
    for part in parsed:  # shapely reads no curved geometry (arcs, as in ALKIS/NAS): straightened first
        if part.curved:
            idx = start + np.flatnonzero(part.have)
            converted["curved"] += checks.straighten_curves(wkb_arr, idx)
            geoms[idx] = shapely.from_wkb(wkb_arr[idx], on_invalid="ignore")
        start += len(part.geoms)
    skipped["geom_empty"] = int((~have).sum())
    bad_parse = have & shapely.is_missing(geoms)
    skipped["geom_unreadable"] = int(bad_parse.sum())
    parsed_empty = have & ~bad_parse & shapely.is_empty(geoms)
    skipped["geom_empty"] += int(parsed_empty.sum())
    geoms[parsed_empty] = None
    known &= ~parsed_empty & (shapely.get_type_id(geoms) != 7)  # collections are changed below
    converted["collection"] = checks.keep_parts(geoms, polygonal, linear)
    progress(0.85)
    # Z and M dropped only where present: force_2d rebuilds every geometry it is given
    zm = np.flatnonzero(_measured(measured.zm, known, geoms, _has_zm))
    if zm.size:
        geoms[zm] = map_slices(shapely.force_2d, geoms[zm], progress.sub(0.85, 0.88), step)
        known[zm] = False
    if read_crs.isValid() and work_crs.isValid() and read_crs != work_crs:
        ok = ~shapely.is_missing(geoms)
        if ok.any():
            xform = QgsCoordinateTransform(read_crs, work_crs, context.transformContext())
            geoms[ok] = transform_geoms(geoms[ok], xform)
            known[:] = False
    far = checks.implausible_coordinates(geoms, work_crs, _measured(measured.bounds, known, geoms, shapely.bounds))
    skipped["geom_outside_crs"] = int(far.sum())
    geoms[far] = None
    progress(0.93)

    repaired = 0
    ok = ~shapely.is_missing(geoms)
    valid = measured.valid
    need = np.flatnonzero(ok & ~known)  # validity not yet known (the reader checks it while reading)
    if need.size:
        valid[need] = map_slices(shapely.is_valid, geoms[need], progress.sub(0.93, 0.95), step)
    invalid = ok & ~valid
    if invalid.any():
        fixed = shapely.make_valid(geoms[invalid])
        if polygonal:
            fixed = _polygonal_parts(fixed)
        elif linear:
            fixed = _linear_parts(fixed)
        geoms[invalid] = fixed
        known[invalid] = False
        repaired = int((~shapely.is_missing(fixed) & ~shapely.is_empty(fixed)).sum())
        skipped["geom_invalid_unrepairable"] = int(invalid.sum()) - repaired
    if polygonal:
        ok = ~shapely.is_missing(geoms)
        area = np.zeros(n)
        area[ok] = _measured(measured.area, known, geoms, lambda g: map_slices(shapely.area, g, None, step))[ok]
        not_poly = ok & (area <= 0)
        skipped["geom_not_polygon"] = int(not_poly.sum())
        geoms[not_poly] = None
    elif linear:
        ok = ~shapely.is_missing(geoms)
        is_line = np.zeros(n, bool)
        is_line[ok] = np.isin(shapely.get_type_id(geoms[ok]), (1, 2, 5)) & (shapely.length(geoms[ok]) > 0)
        not_line = ok & ~is_line
        skipped["geom_not_line"] = int(not_line.sum())
        geoms[not_line] = None
    geoms[shapely.is_empty(geoms)] = None
    progress(0.96)

    columns = {}
    for f in fields:
        idx = src_fields.lookupField(f)
        if idx < 0:
            continue
        columns[f] = typed_column(rows, idx, src_fields.at(idx))
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
        converted=+converted,
    )


def _object_array(values: list) -> np.ndarray:
    """A 1-D object array of ``values`` (bytes or str never become a 2-D array of characters)."""
    out = np.empty(len(values), dtype=object)
    out[:] = values
    return out


@dataclass
class _Parsed:
    """WKB of consecutive features parsed by shapely, with what the reader asks of each
    geometry later (when ``valid`` is not None): measured on a worker thread, used for the
    geometries the reader leaves as they were parsed."""

    geoms: np.ndarray  # None where no WKB (or not parsed: ``curved``)
    have: np.ndarray  # a non-empty WKB
    valid: np.ndarray | None  # shapely.is_valid of ``geoms`` (None: nothing measured)
    curved: bool = False  # shapely refused a curved geometry: nothing parsed, straighten first
    zm: np.ndarray | None = None  # has Z or M
    bounds: np.ndarray | None = None  # shapely.bounds (n × 4)
    area: np.ndarray | None = None


def _parse_wkb(wkb: np.ndarray, validity: bool) -> _Parsed:
    """Parse one slice of WKB (None or empty = no geometry); with ``validity``, also measure
    each result (validity, Z/M, bounds, area). Runs on a worker thread while the reader
    fetches the next batch: GEOS releases the GIL for the measures."""
    wkb = np.asarray(wkb, dtype=object)
    have = ~np.equal(wkb, None)
    geoms = np.full(len(wkb), None, dtype=object)
    try:
        geoms[have] = shapely.from_wkb(wkb[have], on_invalid="ignore")
    except NotImplementedError:
        curved = True
    else:
        curved = False
    # an empty WKB counts as no geometry (shapely gives None for it, as for unreadable WKB)
    unread = np.flatnonzero(have & (shapely.is_missing(geoms) | curved))
    if unread.size:
        have[unread] = np.fromiter(map(len, wkb[unread].tolist()), dtype=np.int64, count=unread.size) > 0
    if curved:
        return _Parsed(geoms, have, None, curved=True)
    if not validity:
        return _Parsed(geoms, have, None)
    return _Parsed(geoms, have, shapely.is_valid(geoms), zm=_has_zm(geoms), bounds=shapely.bounds(geoms),
                   area=shapely.area(geoms))


def _has_zm(geoms: np.ndarray) -> np.ndarray:
    """True where a geometry has Z or M (M where shapely can tell)."""
    zm = shapely.has_z(geoms)
    if hasattr(shapely, "has_m"):
        zm |= shapely.has_m(geoms)
    return zm


@dataclass
class _Measures:
    """The workers' measures of all features; ``known``: the geometry is still the one they
    measured (the reader clears it where it changes a geometry)."""

    known: np.ndarray
    valid: np.ndarray
    zm: np.ndarray
    bounds: np.ndarray
    area: np.ndarray


def _joined_parts(parts: Sequence[_Parsed], n: int) -> tuple[np.ndarray, np.ndarray, _Measures]:
    """(geometries, have WKB, measures) of all features from the parsed slices."""
    if not parts:
        return (np.full(n, None, dtype=object), np.zeros(n, bool),
                _Measures(np.zeros(n, bool), np.zeros(n, bool), np.zeros(n, bool), np.full((n, 4), np.nan), np.zeros(n)))

    def joined(name, empty):
        return np.concatenate([getattr(p, name) if p.valid is not None else empty(len(p.geoms)) for p in parts])

    geoms = np.concatenate([p.geoms for p in parts])
    have = np.concatenate([p.have for p in parts])
    known = np.concatenate([np.full(len(p.geoms), p.valid is not None) for p in parts])
    return geoms, have, _Measures(known, joined("valid", lambda k: np.zeros(k, bool)), joined("zm", lambda k: np.zeros(k, bool)),
                                  joined("bounds", lambda k: np.full((k, 4), np.nan)), joined("area", np.zeros))


def _measured(values: np.ndarray, known: np.ndarray, geoms: np.ndarray, measure: Callable) -> np.ndarray:
    """``measure(geoms)``: the workers' values where the geometry is still the one they measured,
    measured now for the others (missing geometries included: shapely gives them NaN / 0)."""
    out = values.copy()
    todo = np.flatnonzero(~known)
    if todo.size:
        out[todo] = measure(geoms[todo])
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
    return fids, _object_array(wkbs), column_table(rows, src_fields.count())


def plain_io() -> bool:
    """``GI_PLAIN_IO=1`` in the environment: read through QGIS's iterator and write through
    the sink, the reference path the fast paths are compared with (tests, ``make bench``)."""
    return os.environ.get("GI_PLAIN_IO") == "1"


def plain_ogr_layer(alg, parameters: dict, name: str, context: QgsProcessingContext) -> QgsVectorLayer | None:
    """The parameter's layer if it can be read directly with OGR: a file layer (GeoPackage,
    shapefile …) without selection, feature limit, filter, subset string or unsaved edits.
    Anything else returns None and is read through QGIS."""
    from qgis.core import QgsProcessingFeatureSourceDefinition

    if plain_io():
        return None
    value = parameters.get(name)
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        if value.selectedFeaturesOnly or value.featureLimit >= 0 or getattr(value, "filterExpression", ""):
            return None
    layer = alg.parameterAsVectorLayer(parameters, name, context)
    if layer is None or not layer.isValid() or layer.providerType() != "ogr" or layer.subsetString():
        return None
    if layer.isEditable() and layer.isModified():
        return None
    if layer.storageType() in ("ESRI Shapefile", "DBF") and layer.dataProvider().encoding().upper() not in ("UTF-8", "UTF8"):
        return None  # an encoding set in QGIS (Latin-1 without .cpg): QGIS's reader applies it
    return layer


def _read_ogr(layer: QgsVectorLayer, src_fields: QgsFields, progress: Progress):
    """(fids, WKB per feature or None, attribute rows in QGIS field order, parsed geometries)
    via OGR's Arrow stream as numpy, or None when this layer or one of its field types does not
    allow it. Each batch's WKB is parsed (and its validity checked) on worker threads while GDAL
    fetches the next batch and the attribute columns are converted."""
    from qgis.core import QgsProviderRegistry

    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    path = parts.get("path")
    if not path or parts.get("subset"):
        return None
    pool = ThreadPoolExecutor(max_workers=workers())
    try:
        return _read_ogr_batches(path, parts, src_fields, progress, pool)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _read_ogr_batches(path: str, parts: dict, src_fields: QgsFields, progress: Progress, pool: ThreadPoolExecutor):
    from osgeo import gdal, ogr

    parsing = []
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
            for batch in lyr.GetArrowStreamAsNumPy(options=[f"MAX_FEATURES_IN_BATCH={READ_BATCH}"]):
                batches.append(batch)
                if geom_col in batch:
                    parsing.append(pool.submit(_parse_wkb, batch[geom_col], True))
                    done += len(batch[geom_col])
                progress(0.8 * done / total)
    except (RuntimeError, KeyError, ValueError):
        return None
    if not batches:
        return [], np.empty(0, dtype=object), [], None
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
    texts = []
    names = src_fields.names()
    for i, fname in enumerate(names):
        if fname not in keys:
            return None
        share = 0.02 / max(len(names), 1)
        at = [0.8 + share * i]
        progress(at[0])  # per column: text columns of a city take a while

        def tick(at=at, end=0.8 + share * (i + 1)):
            at[0] += (end - at[0]) * 0.3
            progress(at[0])

        arr = joined(fname)
        column = _arrow_column(arr, tick)
        if column is None:
            return None
        if np.ma.getdata(arr).dtype.kind in "SU":  # decoded text: every value a str
            texts.append(len(columns))
        columns.append(column)
    parsed = []
    for k, future in enumerate(parsing):  # the workers are done or nearly: the columns took as long
        lo, hi = 0.82 + 0.03 * k / len(parsing), 0.82 + 0.03 * (k + 1) / len(parsing)
        ticks = 0
        while True:
            try:
                parsed.append(future.result(timeout=0.5))
                break
            except FuturesTimeout:  # the bar keeps moving while a batch is still parsed
                ticks += 1
                progress(lo + (hi - lo) * (1.0 - 0.5 ** ticks))
        progress(hi)
    return fids, wkb, ColumnTable(columns, len(fids), texts), parsed


def _arrow_column(arr, tick: Callable[[], None] | None = None) -> tuple[np.ndarray, np.ndarray | None] | None:
    """An Arrow-as-numpy column as (values, NULL mask); None for types left to QGIS's iterator.
    ``tick`` is called now and then while a long text column is decoded (progress, cancel)."""
    mask = np.ma.getmaskarray(arr) if isinstance(arr, np.ma.MaskedArray) else None
    if mask is not None and not mask.any():
        mask = None
    data = np.ma.getdata(arr)
    kind = data.dtype.kind
    if kind == "S":
        data = _decoded(data, tick)
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


DECODE_STEP = 200_000  # distinct texts decoded between two ticks


def _decoded(data: np.ndarray, tick: Callable[[], None] | None = None) -> np.ndarray:
    """Fixed-width UTF-8 bytes (Arrow text as numpy) as an object array of str, without a
    Python loop per value: each distinct value is decoded once (and its str shared by the
    features that have it)."""
    n = data.size
    if n == 0:
        return np.empty(0, dtype=object)
    if data.dtype.itemsize == 0:
        return np.full(n, "", dtype=object)
    first, inverse = _factorized(np.ascontiguousarray(data))
    texts = np.empty(first.size, dtype=object)
    for a in range(0, first.size, DECODE_STEP):  # (a column of ids: a million distinct texts)
        texts[a:a + DECODE_STEP] = [bytes(v).decode("utf-8", errors="replace")
                                    for v in data[first[a:a + DECODE_STEP]].tolist()]
        if tick is not None:
            tick()
    return texts[inverse]


# odd 64-bit multipliers for the words of a text (a multiplicative hash; every match is verified)
_HASH = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93,
                  0xFF51AFD7ED558CCD, 0xC4CEB9FE1A85EC53, 0x94D049BB133111EB, 0xBF58476D1CE4E5B9],
                 dtype=np.uint64)
_MIX = _HASH[::-1] ^ np.arange(1, _HASH.size + 1, dtype=np.uint64)  # per word position


def _factorized(data: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(index of a feature with each distinct value, distinct value per feature) of a
    fixed-width bytes array: its 8-byte words as one integer (up to 8 bytes) or a hash of them,
    so numpy sorts integers instead of strings; a hash clash falls back to ``np.unique``."""
    n, width = data.size, data.dtype.itemsize
    words = -(-width // 8)
    raw = np.zeros((n, words * 8), dtype=np.uint8)
    raw[:, :width] = data.view(np.uint8).reshape(n, width)
    packed = raw.view(np.uint64)  # (n, words)
    if words == 1:
        key = packed[:, 0]
    else:
        key = np.zeros(n, dtype=np.uint64)
        for j in range(words):  # uint64 arithmetic wraps around: a hash of the words and their places
            key = key * _HASH[j % _HASH.size] + (packed[:, j] ^ _MIX[j % _MIX.size])
    first, inverse = _factorized_keys(key)
    if words > 1 and not np.array_equal(packed, packed[first[inverse]]):  # two values with one hash
        _, first, inverse = np.unique(data, return_index=True, return_inverse=True)
        inverse = inverse.reshape(-1)
    return first, inverse


def _factorized_keys(key: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(a feature of each distinct key, distinct key per feature). A category column has few
    distinct values: those of a sample are looked up by binary search, without sorting every
    feature; when the sample misses a value, every key is sorted."""
    n = key.size
    sample = np.unique(key[:: max(1, n // 4096)])
    if sample.size <= 256:
        inverse = np.minimum(np.searchsorted(sample, key), sample.size - 1)
        if np.array_equal(sample[inverse], key):
            first = np.zeros(sample.size, dtype=np.int64)
            first[inverse] = np.arange(n)  # the last feature with each value: any one will do
            return first, inverse
    _, first, inverse = np.unique(key, return_index=True, return_inverse=True)
    return first, inverse.reshape(-1)


def typed_column(rows: ColumnTable, k: int, fld: QgsField) -> np.ndarray:
    """Field ``k`` as :func:`column_array` gives it (float with NaN = NULL for numbers, object
    with None for text), straight from a typed column of the Arrow reader."""
    data, mask = rows.columns[k]
    if data.dtype.kind in "iufb" and fld.isNumeric():
        out = data.astype(float)
        if mask is not None:
            out[mask] = np.nan
        return out
    if data.dtype == object and not fld.isNumeric() and (
            k in rows.texts or all(type(v) is str or v is None for v in data.tolist())):
        out = data.copy()
        if mask is not None:
            out[mask] = None
        return out
    return column_array(rows.values(k), fld)


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


def _linear_parts(geoms: np.ndarray) -> np.ndarray:
    """Keep only the line parts of each geometry (make_valid may return collections)."""
    out = np.full(geoms.shape, None, dtype=object)
    for i, g in enumerate(geoms):  # only the few repaired geometries pass through here
        if g is None:
            continue
        parts = [p for p in shapely.get_parts(g) if p.geom_type in ("LineString", "MultiLineString", "LinearRing")]
        if parts:
            out[i] = shapely.multilinestrings(parts) if len(parts) > 1 else parts[0]
    return out


def column_array(values: Sequence, fld: QgsField) -> np.ndarray:
    """Typed array of one attribute column: float (NaN = NULL) for numbers, object for text."""
    if fld.isNumeric():
        return numeric_array(values)
    return np.array([None if _null(v) else str(v) for v in values], dtype=object)


def numeric_array(values: Sequence) -> np.ndarray:
    """Float array; NULL, empty and non-numeric text become NaN. Numeric text ("5,5") is read;
    "1.000" only where the column writes German numbers (see :func:`checks.numbers_from_text`)."""
    out = np.empty(len(values), dtype=float)
    texts: list[int] = []
    for i, v in enumerate(values):
        if isinstance(v, bool):
            out[i] = float(v)
        elif isinstance(v, (int, float)):
            out[i] = v
        elif isinstance(v, str):
            texts.append(i)
        else:
            out[i] = np.nan
    if texts:
        out[texts] = checks.numbers_from_text([values[i] for i in texts])[0]
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
    fast_layer: QgsVectorLayer | None = None,
) -> FeatureArrays:
    """Read a secondary layer (parks, Klimatope …) into ``work_crs``; missing CRS is assumed equal.

    ``fast_layer`` (:func:`plain_ogr_layer`): read through OGR's Arrow stream, as the main input
    (268,000 parks: 6 s through QGIS's iterator, under 1 s this way; a large point layer such as
    a tree register likewise)."""
    if not source.sourceCrs().isValid():
        _warn(feedback, tr("Layer {name} has no CRS; it is assumed to be in the CRS of the input ({crs}).").format(name=name, crs=work_crs.authid()))
    return read_source(source, context, work_crs, progress, keep_rows=False, fields=fields, polygonal=polygonal, name=name,
                       fast_layer=fast_layer)



def report_skipped(arrays: FeatureArrays, feedback: QgsProcessingFeedback, layer_name: str) -> None:
    """One warning per kind of unusable geometry, saying what happened to those features."""
    texts: dict[str, Callable[[], str]] = {
        "geom_empty": lambda: tr("{n} features of {name} have no geometry; they are written with class X and flag geom_empty."),
        "geom_unreadable": lambda: tr("{n} features of {name} have a geometry that cannot be read; they are written with class X and flag geom_empty."),
        "geom_invalid_unrepairable": lambda: tr("{n} features of {name} have an invalid geometry that could not be repaired; they are written with class X and flag geom_empty."),
        "geom_not_polygon": lambda: tr("{n} features of {name} are not polygons (or have no area); they are written with class X and flag geom_empty."),
        "geom_not_line": lambda: tr("{n} features of {name} are not lines (or have no length); they are written with class X and flag geom_empty."),
        "geom_outside_crs": lambda: tr("{n} features of {name} have coordinates that are not finite or lie far outside the area of use of the CRS (e.g. an easting with the zone number in front); they are written with class X and flag geom_empty. Check their coordinates and the layer's CRS."),
    }
    for code, count in arrays.skipped.items():
        if count and code in texts:
            feedback.pushWarning(texts[code]().format(n=count, name=layer_name))
    if arrays.repaired:
        feedback.pushWarning(tr("{n} invalid geometries of {name} were repaired (make valid) before scoring; the input layer is unchanged.").format(n=arrays.repaired, name=layer_name))
    if arrays.converted.get("curved"):
        feedback.pushWarning(tr("{n} features of {name} have curved geometries (arcs); they were converted to straight segments before scoring.").format(
            n=arrays.converted["curved"], name=layer_name))
    if arrays.converted.get("collection"):
        feedback.pushWarning(tr("{n} features of {name} are geometry collections; only their polygonal (for lines: linear) parts are used.").format(
            n=arrays.converted["collection"], name=layer_name))

