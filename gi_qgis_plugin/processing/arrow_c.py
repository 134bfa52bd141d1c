"""Arrow C Data Interface structs built from numpy buffers with ctypes (no pyarrow).

GDAL ≥ 3.8 takes a record batch as two PyCapsules (``arrow_schema``, ``arrow_array``) in
``ogr.Layer.WriteArrowSchemaAndArrowArrayCapsule``. pyarrow is not shipped with QGIS
everywhere, so the batch is built here: a struct array (format ``+s``) whose children are
float64 (``g``), int32 (``i``), int64 (``l``), UTF-8 (``u``) or binary (``z``, the geometry as
WKB with the ``geoarrow.wkb`` extension) columns, each with a validity bitmap for its NULLs.

Memory: every buffer is a numpy array or bytes object kept alive by the :class:`Batch` that
owns the structs; the release callbacks only mark a struct released, so nothing is freed twice
whichever side releases (https://arrow.apache.org/docs/format/CDataInterface.html).
Spec of the layout: format strings, buffers (validity, offsets, data), ``ARROW_FLAG_NULLABLE``.
"""

from __future__ import annotations

import ctypes
import struct
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

ARROW_FLAG_NULLABLE = 2


class ArrowSchema(ctypes.Structure):
    pass


ArrowSchema._fields_ = [
    ("format", ctypes.c_char_p),
    ("name", ctypes.c_char_p),
    ("metadata", ctypes.c_void_p),
    ("flags", ctypes.c_int64),
    ("n_children", ctypes.c_int64),
    ("children", ctypes.POINTER(ctypes.POINTER(ArrowSchema))),
    ("dictionary", ctypes.c_void_p),
    ("release", ctypes.c_void_p),
    ("private_data", ctypes.c_void_p),
]


class ArrowArray(ctypes.Structure):
    pass


ArrowArray._fields_ = [
    ("length", ctypes.c_int64),
    ("null_count", ctypes.c_int64),
    ("offset", ctypes.c_int64),
    ("n_buffers", ctypes.c_int64),
    ("n_children", ctypes.c_int64),
    ("buffers", ctypes.POINTER(ctypes.c_void_p)),
    ("children", ctypes.POINTER(ctypes.POINTER(ArrowArray))),
    ("dictionary", ctypes.c_void_p),
    ("release", ctypes.c_void_p),
    ("private_data", ctypes.c_void_p),
]

_RELEASE = ctypes.CFUNCTYPE(None, ctypes.c_void_p)


@_RELEASE
def _release_schema(ptr):  # pragma: no cover - called by GDAL
    ctypes.cast(ptr, ctypes.POINTER(ArrowSchema)).contents.release = None


@_RELEASE
def _release_array(ptr):  # pragma: no cover - called by GDAL
    ctypes.cast(ptr, ctypes.POINTER(ArrowArray)).contents.release = None


_RELEASE_SCHEMA = ctypes.cast(_release_schema, ctypes.c_void_p).value
_RELEASE_ARRAY = ctypes.cast(_release_array, ctypes.c_void_p).value

_capsule_new = ctypes.pythonapi.PyCapsule_New
_capsule_new.restype = ctypes.py_object
_capsule_new.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_void_p]
_SCHEMA_NAME = ctypes.create_string_buffer(b"arrow_schema")
_ARRAY_NAME = ctypes.create_string_buffer(b"arrow_array")

FORMATS = {"double": b"g", "int": b"i", "long": b"l", "text": b"u", "wkb": b"z"}
DTYPES = {"double": np.float64, "int": np.int32, "long": np.int64}


@dataclass
class ArrowColumn:
    """One child of the batch: ``kind`` in FORMATS; ``values`` a numpy array of the kind's
    dtype (numbers) or (int32 offsets, bytes) (text, wkb); ``valid`` False where NULL."""

    name: str
    kind: str
    values: object
    valid: np.ndarray | None = None
    extension: str = ""  # e.g. "geoarrow.wkb"


def _metadata(pairs: dict[str, str]) -> bytes:
    """Arrow's metadata encoding: int32 count, then int32 length + bytes per key and value."""
    out = [struct.pack("=i", len(pairs))]
    for k, v in pairs.items():
        kb, vb = k.encode(), v.encode()
        out += [struct.pack("=i", len(kb)), kb, struct.pack("=i", len(vb)), vb]
    return b"".join(out)


class Batch:
    """A record batch as (schema, array) C structs; owns every buffer they point to."""

    def __init__(self, columns: Sequence[ArrowColumn], n: int):
        self.n = n
        self._keep: list = []  # buffers, names, child structs: alive as long as the batch
        k = len(columns)
        self.schema = ArrowSchema()
        self.array = ArrowArray()
        child_schemas = (ctypes.POINTER(ArrowSchema) * k)()
        child_arrays = (ctypes.POINTER(ArrowArray) * k)()
        for i, col in enumerate(columns):
            s, a = self._child(col, n)
            child_schemas[i] = ctypes.pointer(s)
            child_arrays[i] = ctypes.pointer(a)
            self._keep += [s, a]
        self._keep += [child_schemas, child_arrays]
        self.schema.format = self._bytes(b"+s")
        self.schema.name = self._bytes(b"")
        self.schema.n_children = k
        self.schema.children = child_schemas
        self.schema.release = _RELEASE_SCHEMA
        top_buffers = (ctypes.c_void_p * 1)(None)
        self._keep.append(top_buffers)
        self.array.length = n
        self.array.n_buffers = 1
        self.array.buffers = top_buffers
        self.array.n_children = k
        self.array.children = child_arrays
        self.array.release = _RELEASE_ARRAY

    def _bytes(self, b: bytes) -> bytes:
        self._keep.append(b)
        return b

    def _child(self, col: ArrowColumn, n: int) -> tuple[ArrowSchema, ArrowArray]:
        s, a = ArrowSchema(), ArrowArray()
        s.format = self._bytes(FORMATS[col.kind])
        s.name = self._bytes(col.name.encode("utf-8"))
        s.flags = ARROW_FLAG_NULLABLE
        s.release = _RELEASE_SCHEMA
        if col.extension:
            meta = ctypes.create_string_buffer(_metadata({"ARROW:extension:name": col.extension}))
            self._keep.append(meta)
            s.metadata = ctypes.addressof(meta)
        if col.valid is not None and not col.valid.all():
            bitmap = np.packbits(col.valid.astype(np.uint8), bitorder="little")
            self._keep.append(bitmap)
            validity = bitmap.ctypes.data
            a.null_count = int(n - np.count_nonzero(col.valid))
        else:
            validity = None
        if col.kind in DTYPES:
            data = np.ascontiguousarray(col.values, dtype=DTYPES[col.kind])
            self._keep.append(data)
            pointers = [validity, data.ctypes.data if n else None]
        else:
            offsets, blob = col.values
            offsets = np.ascontiguousarray(offsets, dtype=np.int32)
            data = np.frombuffer(blob, dtype=np.uint8) if len(blob) else np.zeros(1, dtype=np.uint8)
            self._keep += [offsets, blob, data]
            pointers = [validity, offsets.ctypes.data, data.ctypes.data]
        buffers = (ctypes.c_void_p * len(pointers))(*pointers)
        self._keep.append(buffers)
        a.length = n
        a.n_buffers = len(pointers)
        a.buffers = buffers
        a.release = _RELEASE_ARRAY
        return s, a

    def capsules(self) -> tuple[object, object]:
        """(arrow_schema, arrow_array) capsules pointing at this batch's structs (released
        structs are re-armed, so one batch may be handed over once per call)."""
        self.schema.release = _RELEASE_SCHEMA
        self.array.release = _RELEASE_ARRAY
        return (_capsule_new(ctypes.addressof(self.schema), _SCHEMA_NAME, None),
                _capsule_new(ctypes.addressof(self.array), _ARRAY_NAME, None))


# ----------------------------------------------------------------------------------------------
# Columns from numpy
# ----------------------------------------------------------------------------------------------
_SEPARATORS = ("\x00", "\x1f", "\x1e")


def utf8(texts: np.ndarray) -> tuple[tuple[np.ndarray, np.ndarray | bytes], np.ndarray]:
    """((int32 offsets, UTF-8 bytes), valid) of an object array of str (None = NULL); a
    TypeError for any other value.

    One join and one encode for the whole column: the values are joined with a separator that
    occurs in none of them, and the separators' positions in the encoded bytes give the offsets
    (no Python loop per value). Without such a separator, each value is encoded on its own.
    """
    texts = np.asarray(texts, dtype=object)
    n = texts.size
    valid = ~np.equal(texts, None)
    values = texts[valid].tolist()  # str.join below raises TypeError for anything but str
    lengths = np.zeros(n, dtype=np.int64)
    blob: np.ndarray | bytes = b""
    for sep in _SEPARATORS:
        joined = sep.join(values)
        if joined.count(sep) != max(len(values) - 1, 0):
            continue
        raw = np.frombuffer(joined.encode("utf-8"), dtype=np.uint8)
        is_sep = raw == ord(sep)
        cut = np.flatnonzero(is_sep)
        bounds = np.concatenate(([-1], cut, [raw.size]))
        lengths[valid] = np.diff(bounds) - 1
        blob = raw[~is_sep] if cut.size else raw
        break
    else:
        if not all(type(v) is str for v in values):
            raise TypeError("text column holds a value that is not a str")
        encoded = [v.encode("utf-8") for v in values]
        lengths[valid] = np.fromiter(map(len, encoded), dtype=np.int64, count=len(encoded))
        blob = b"".join(encoded)
    return (_offsets(lengths), blob), valid


def binary(blobs: np.ndarray) -> tuple[tuple[np.ndarray, bytes], np.ndarray]:
    """((int32 offsets, bytes), valid) of an object array of bytes (None = NULL)."""
    blobs = np.asarray(blobs, dtype=object)
    valid = ~np.equal(blobs, None)
    values = blobs[valid].tolist()
    lengths = np.zeros(blobs.size, dtype=np.int64)
    lengths[valid] = np.fromiter(map(len, values), dtype=np.int64, count=len(values))
    return (_offsets(lengths), b"".join(values)), valid


def _offsets(lengths: np.ndarray) -> np.ndarray:
    ends = np.cumsum(lengths)
    if ends.size and ends[-1] > np.iinfo(np.int32).max:
        raise OverflowError("more than 2 GiB of text in one Arrow batch")
    return np.concatenate(([0], ends)).astype(np.int32)
