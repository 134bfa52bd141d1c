"""The fast way of writing a scoring output into a GeoPackage file: OGR's Arrow batch interface.

QGIS's sink writes a feature at a time and fires the GeoPackage's R-tree triggers per row. When
the output is a plain GeoPackage file and GDAL has the Arrow capsule interface (GDAL ≥ 3.8),
the rows go in as Arrow record batches instead (``arrow_c.py``, no pyarrow):

1. QGIS creates the output as always (``parameterAsSink``: file, layer name, CRS, field types);
   its still empty layer is closed;
2. the layer is re-created by OGR with QGIS's definition (fields, types, FID and geometry
   column, geometry type, CRS), so that GDAL fills the R-tree once at the end instead of per
   row;
3. the rows are written in batches inside one transaction, the next batch being built on a
   second thread while GDAL writes the current one (GDAL releases the GIL). Feature ids 1 … n
   in row order (an input read from a GeoPackage) are not sent: SQLite numbers the rows of the
   new table the same way, and GDAL binds one value less per row.

GDAL's part is what takes the time: the GeoPackage driver has no bulk Arrow writer, so GDAL
turns every row into a feature (about 5 µs per row for the 34 fields of a roof output, plus
about 1 µs per row for the R-tree at close); the batches' Python side (WKB, text buffers) is
about 2 µs per row on the second thread.

Every other destination (memory layers, Shapefile, PostGIS, ``ogr:`` URIs with options …), a
field type the batches do not carry, or ``GI_PLAIN_IO=1`` in the environment keeps the sink.
The files are the same either way (``tests/test_fast_io.py``).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
import shapely
from qgis.core import QgsFields, QgsProviderRegistry, QgsVectorLayer
from qgis.PyQt.QtCore import QMetaType, QVariant

from ..scoring.progress import Progress
from . import arrow_c
from .read import ColumnTable, plain_io
from .threads import finish_in_background

BATCH_ROWS = 25_000  # rows per Arrow batch: about 0.1–0.2 s of GDAL's work, the progress/cancel step
QT_KINDS = {QMetaType.Type.Double: "double", QMetaType.Type.Int: "int", QMetaType.Type.LongLong: "long",
            QMetaType.Type.QString: "text"}


def gdal_can_write_arrow() -> bool:
    from osgeo import gdal, ogr

    return int(gdal.VersionInfo()) >= 3080000 and hasattr(ogr.Layer, "WriteArrowSchemaAndArrowArrayCapsule")


@dataclass
class Target:
    path: str
    layer: str  # "" = the file's only layer


def arrow_target(dest: str, fields: QgsFields) -> Target | None:
    """Where to write by Arrow batches, or None when the sink must be used: ``dest`` is a
    GeoPackage file (no subset, no other URI options) and every field maps to a batch type."""
    if plain_io() or not gdal_can_write_arrow():
        return None
    parts = QgsProviderRegistry.instance().decodeUri("ogr", dest)
    path = parts.get("path") or ""
    if not path.lower().endswith(".gpkg") or not os.path.isfile(path) or parts.get("subset"):
        return None
    extra = set(parts) - {"path", "layerName", "layerId"}
    if any(parts.get(k) for k in extra):
        return None
    if any(fields.at(i).type() not in QT_KINDS for i in range(fields.count())):
        return None
    return Target(path, parts.get("layerName") or "")


class _Layout:
    """How the rows map onto the re-created layer: per OGR field the source of its values."""

    def __init__(self, lyr, fields: QgsFields, keep: Sequence[int], n_columns: int):
        from osgeo import ogr

        kinds = {ogr.OFTReal: "double", ogr.OFTInteger: "int", ogr.OFTInteger64: "long", ogr.OFTString: "text"}
        defn = lyr.GetLayerDefn()
        qnames = [fields.at(i).name() for i in range(fields.count())]
        self.fid_column = lyr.GetFIDColumn()
        self.geom_column = lyr.GetGeometryColumn() or "geom"
        # QGIS's fields in order, one of them (a field named like the FID column) perhaps taken as
        # the FID; the output may carry other names than ``fields`` (renamed up front for the
        # format), so the fields are matched by position and type
        fid_i = None
        if defn.GetFieldCount() == len(qnames) - 1:
            fid_i = next((i for i, q in enumerate(qnames) if self.fid_column and q.lower() == self.fid_column.lower()), None)
        plain = [i for i in range(len(qnames)) if i != fid_i]
        self.items: list[tuple[str, str, str, int]] = []  # (OGR name, kind, "row"|"col", index)
        self.ok = len(plain) == defn.GetFieldCount() and len(keep) + n_columns == len(qnames)
        self.fid = None if fid_i is None else self._source(fid_i, keep)
        if not self.ok:
            return
        for j, i in enumerate(plain):
            fd = defn.GetFieldDefn(j)
            kind = kinds.get(fd.GetType())
            qkind = QT_KINDS.get(fields.at(i).type())
            if kind is None or not (qkind == kind or {qkind, kind} <= {"int", "long"}):
                self.ok = False
                return
            self.items.append((fd.GetName(), kind, *self._source(i, keep)))

    @staticmethod
    def _source(i: int, keep: Sequence[int]) -> tuple[str, int]:
        return ("row", keep[i]) if i < len(keep) else ("col", i - len(keep))


def _nulls(values: np.ndarray) -> np.ndarray:
    """True where an object array holds a NULL: None, a NULL QVariant, NaN."""
    return np.fromiter((v is None or isinstance(v, QVariant) or (type(v) is float and v != v) for v in values.tolist()),
                       dtype=bool, count=values.size)


def _normalised_texts(data: np.ndarray) -> np.ndarray:
    """Text values as QGIS's sink takes them: NULLs (NULL QVariant, NaN) as None, other
    non-text values (numbers) as their text."""
    out = np.empty(data.size, dtype=object)
    out[:] = [None if null else (v if type(v) is str else str(v)) for v, null in zip(data.tolist(), _nulls(data).tolist())]
    return out


def arrow_column(name: str, kind: str, data: np.ndarray, mask: np.ndarray | None = None) -> arrow_c.ArrowColumn:
    """A column of values (``mask``: True = NULL) as the Arrow child of an OGR field of ``kind``,
    with the sink's NULL rules: None, NULL QVariant and NaN are NULL.

    The common case has no loop over the values in Python: text columns of str and None, number
    columns of numbers (None and NaN as NULL); anything else (QVariant NULLs of QGIS's iterator,
    numbers in a text column) is normalised value by value first."""
    data = np.asarray(data)
    if kind == "text":
        if data.dtype != object:
            data = data.astype(str).astype(object)
        if mask is not None and mask.any():
            data = data.copy()
            data[mask] = None
        try:
            values, valid = arrow_c.utf8(data)
        except TypeError:  # a value that is neither str nor None
            values, valid = arrow_c.utf8(_normalised_texts(data))
        return arrow_c.ArrowColumn(name, "text", values, valid)
    dtype = np.float64 if kind == "double" else np.int64
    if data.dtype == object:
        nulls = np.equal(data, None)
        filled = data.copy()
        filled[nulls] = 0
        values = np.array(filled.tolist()) if filled.size else np.zeros(0)
        if values.dtype.kind not in "iufb" or values.ndim != 1:  # NULL QVariants, text …
            nulls = _nulls(data)
            filled[nulls] = 0
            values = np.array(filled.tolist(), dtype=np.float64)
        if values.dtype.kind == "f":
            nulls = nulls | np.isnan(values)
            values = values if kind == "double" else np.where(nulls, 0, values)
        data = values.astype(dtype) if values.dtype.kind in "ib" else values
    else:
        nulls = np.isnan(data) if data.dtype.kind == "f" else np.zeros(data.size, bool)
        if kind != "double" and nulls.any():
            data = np.where(nulls, 0, data)
    if mask is not None:
        nulls = nulls | mask
    if kind != "double" and data.dtype.kind == "f":
        data = np.rint(data).astype(dtype)
    return arrow_c.ArrowColumn(name, kind, data, ~nulls if nulls.any() else None)


def write_arrow(
    target: Target,
    fields: QgsFields,
    geoms: np.ndarray,
    columns: Sequence[tuple[str, str, np.ndarray]],
    progress: Progress,
    rows: ColumnTable | None = None,
    keep: Sequence[int] = (),
    source_index: np.ndarray | None = None,
) -> int | None:
    """Write the rows (as :func:`write.write_sink`) into the closed, empty GeoPackage layer that
    QGIS created for them. Returns the count, or None when the layer's definition does not
    map (then nothing was changed and the caller writes through a provider sink)."""
    from osgeo import gdal, ogr

    n = len(geoms)
    cols = [np.asarray(values) for _, _, values in columns]
    src = None if source_index is None else np.asarray(source_index, dtype=np.int64)
    with gdal.ExceptionMgr(useExceptions=True), ogr.ExceptionMgr(useExceptions=True):
        ds = ogr.Open(target.path, 1)
        try:
            lyr = ds.GetLayerByName(target.layer) if target.layer else (ds.GetLayer(0) if ds.GetLayerCount() == 1 else None)
            if lyr is None or lyr.GetFeatureCount() != 0:
                return None
            layout = _Layout(lyr, fields, keep if rows is not None else [], len(cols))
            if not layout.ok:
                return None
            lyr = _recreate(ds, lyr)
            if layout.fid is not None and _numbered_from_one(_fid_values(layout.fid, rows, cols, src, n)):
                layout.fid = None  # 1 … n in row order: the ids SQLite gives the new table's rows anyway
            options = [f"FID={layout.fid_column}"] if layout.fid is not None else []

            ds.StartTransaction()
            written = 0
            with ThreadPoolExecutor(max_workers=1) as pool:
                def batch(start: int) -> arrow_c.Batch:
                    return build_batch(layout, geoms, np.arange(start, min(start + BATCH_ROWS, n)), rows, cols, src)

                pending = pool.submit(batch, 0) if n else None
                for start in range(0, n, BATCH_ROWS):
                    current = pending.result()
                    progress(0.95 * start / max(n, 1))
                    nxt = start + BATCH_ROWS
                    pending = pool.submit(batch, nxt) if nxt < n else None
                    schema, array = current.capsules()
                    lyr.WriteArrowSchemaAndArrowArrayCapsule(schema, array, 0, options)
                    written += current.n
                    del current
                    progress(0.95 * written / max(n, 1))

            def close() -> None:
                nonlocal ds, lyr
                ds.CommitTransaction()
                lyr = ds = None  # closing builds the R-tree in one go

            # about a second at a million rows: on a worker thread, the bar moving meanwhile
            finish_in_background(close, progress.sub(0.95, 1.0))
        finally:
            lyr = ds = None
    progress(1.0)
    return written


def build_batch(layout: _Layout, geoms: np.ndarray, idx: np.ndarray, rows: ColumnTable | None,
                cols: Sequence[np.ndarray], src: np.ndarray | None) -> arrow_c.Batch:
    """The Arrow batch of the output rows ``idx``: FID, fields in the layer's order, WKB."""
    ridx = idx if src is None else src[idx]
    children = []
    if layout.fid is not None:
        children.append(_child(layout.fid_column, "long", layout.fid, idx, ridx, rows, cols))
    for name, kind, where, k in layout.items:
        children.append(_child(name, kind, (where, k), idx, ridx, rows, cols))
    g = geoms[idx]
    wkb = np.full(idx.size, None, dtype=object)
    have = ~shapely.is_missing(g)
    if have.any():
        wkb[have] = shapely.to_wkb(g[have], output_dimension=2)
    children.append(arrow_c.ArrowColumn(layout.geom_column, "wkb", *arrow_c.binary(wkb), extension="geoarrow.wkb"))
    return arrow_c.Batch(children, idx.size)


def _fid_values(source: tuple[str, int], rows: ColumnTable | None, cols: Sequence[np.ndarray],
                src: np.ndarray | None, n: int) -> np.ndarray | None:
    """The feature ids of the output rows as int64 (None: a NULL or a value that is no integer)."""
    where, k = source
    if where == "row":
        data, mask = rows.columns[k]
        data = data if src is None else data[src]
        if mask is not None and (mask if src is None else mask[src]).any():
            return None
    else:
        data = cols[k]
    if data.dtype.kind not in "iu" or data.size != n:
        return None
    return data.astype(np.int64, copy=False)


def _numbered_from_one(fids: np.ndarray | None) -> bool:
    return fids is not None and fids.size > 0 and bool(np.array_equal(fids, np.arange(1, fids.size + 1)))


def _child(name, kind, source, idx, ridx, rows, cols) -> arrow_c.ArrowColumn:
    where, k = source
    if where == "row":
        data, mask = rows.columns[k]
        return arrow_column(name, kind, data[ridx], None if mask is None else mask[ridx])
    return arrow_column(name, kind, cols[k][idx])


def _recreate(ds, lyr):
    """Delete ``lyr`` and create it again with the same definition; a table created in this
    session gets its R-tree filled in bulk when the file is closed."""
    from osgeo import ogr

    name = lyr.GetName()
    defn = lyr.GetLayerDefn()
    fields = []
    for j in range(defn.GetFieldCount()):
        fd = defn.GetFieldDefn(j)
        copy = ogr.FieldDefn(fd.GetName(), fd.GetType())
        copy.SetSubType(fd.GetSubType())
        copy.SetWidth(fd.GetWidth())
        copy.SetPrecision(fd.GetPrecision())
        copy.SetNullable(fd.IsNullable())
        copy.SetUnique(fd.IsUnique())
        if fd.GetDefault() is not None:
            copy.SetDefault(fd.GetDefault())
        if fd.GetAlternativeName():
            copy.SetAlternativeName(fd.GetAlternativeName())
        if fd.GetComment():
            copy.SetComment(fd.GetComment())
        fields.append(copy)
    gdefn = defn.GetGeomFieldDefn(0) if defn.GetGeomFieldCount() else None
    srs = lyr.GetSpatialRef()
    srs = srs.Clone() if srs is not None else None
    options = [f"FID={lyr.GetFIDColumn() or 'fid'}", "SPATIAL_INDEX=YES"]
    if gdefn is not None:
        options += [f"GEOMETRY_NAME={lyr.GetGeometryColumn()}", f"GEOMETRY_NULLABLE={'YES' if gdefn.IsNullable() else 'NO'}"]
    for key in ("IDENTIFIER", "DESCRIPTION"):
        value = lyr.GetMetadataItem(key)
        if value:
            options.append(f"{key}={value}")
    geom_type = lyr.GetGeomType()
    for i in range(ds.GetLayerCount()):
        if ds.GetLayer(i).GetName() == name:
            ds.DeleteLayer(i)
            break
    new = ds.CreateLayer(name, srs, geom_type, options)
    for fd in fields:
        new.CreateField(fd)
    return new


def write_through_provider(dest: str, write) -> int:
    """The rows through QGIS's provider of the (empty) output layer, when it cannot be
    re-created: ``write(sink)`` is :func:`write.write_sink` bound to the rows."""
    layer = QgsVectorLayer(dest, "gi_output", "ogr")
    written = write(layer.dataProvider())
    layer = None
    return written
