"""Writing arrays to a Processing sink in one go, chunk by chunk."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import shapely
from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessingException,
)
from qgis.PyQt.QtCore import QMetaType

from ..i18n import tr
from ..scoring.progress import Canceled, Progress  # noqa: F401
from .read import ColumnTable, rows_for

# ----------------------------------------------------------------------------------------------
# Writing
# ----------------------------------------------------------------------------------------------
TYPE_MAP = {
    "double": QMetaType.Type.Double,
    "int": QMetaType.Type.Int,
    "long": QMetaType.Type.LongLong,
    "text": QMetaType.Type.QString,
}

# rows per chunk of the sink or of one PostGIS INSERT: the progress and cancel step (under half a
# second for a chunk of a city's rows)
WRITE_BATCH = 10_000


class WriteError(QgsProcessingException):
    """The data source refused rows (a lost database connection, a full disk …): the algorithm
    base turns it into a message about the output (a PostGIS table: left as it was)."""


# One output column: (field name, "double" | "int" | "long" | "text", values per output row).
# Names, types and values travel together, so a column can never be written under another name.
Column = tuple[str, str, np.ndarray]


def make_fields(columns: Sequence[tuple]) -> QgsFields:
    """QgsFields from (name, type) pairs or (name, type, values) columns."""
    out = QgsFields()
    for name, kind, *_ in columns:
        out.append(QgsField(name, TYPE_MAP[kind]))
    return out


def output_fields(source_fields: QgsFields, new: QgsFields, drop: Sequence[str] = ()) -> tuple[QgsFields, list[int]]:
    """The input's fields followed by the new ones; input fields whose names the new ones take
    (e.g. an earlier ``gi_score``) or that are named in ``drop`` are left out. Returns (fields,
    indexes of kept input fields)."""
    names = {new.at(i).name().lower() for i in range(new.count())} | {d.lower() for d in drop}
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
    columns: Sequence[Column],
    progress: Progress,
    rows: ColumnTable | None = None,
    keep: Sequence[int] = (),
    source_index: np.ndarray | None = None,
) -> int:
    """Write one feature per index, in index order: kept input attributes + the ``columns``'
    values, geometry from shapely. Returns the count.

    ``source_index`` (optional): the input row whose attributes go with each output row, when
    one input feature gives several output rows (a street cut into segments); without it,
    output row i carries the attributes of input row i.
    """
    bulk = getattr(sink, "write_arrays", None)  # a PostGIS table: rows in bulk (postgis.py)
    if bulk is not None:
        written = bulk(fields, geoms, columns, progress, rows=rows, keep=keep, source_index=source_index, batch=WRITE_BATCH)
        if written is not None:
            return written
    n = len(geoms)
    cols = [np.asarray(values) for _, _, values in columns]
    src = None if source_index is None else np.asarray(source_index, dtype=np.int64)
    feature = QgsFeature(fields)
    geometry = QgsGeometry()
    add = sink.addFeature
    fast = QgsFeatureSink.Flag.FastInsert
    written = 0
    # chunk by chunk: the rows' Python values and the WKB exist only for the chunk being written;
    # one feature object is refilled per row (the sink copies it)
    for start in range(0, n, WRITE_BATCH):
        chunk = np.arange(start, min(start + WRITE_BATCH, n))
        base = rows_for(rows, chunk if src is None else src[chunk], keep) if rows is not None else None
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
                raise WriteError(tr("Writing the output failed: {err}").format(err=sink.lastError()))
            written += 1
        # hand the chunk to the data source now (a PostGIS output commits it), so that the
        # progress bar shows what is really written
        if not sink.flushBuffer():
            raise WriteError(tr("Writing the output failed: {err}").format(err=sink.lastError()))
        progress((start + len(chunk)) / max(n, 1))
    progress(1.0)
    return written


