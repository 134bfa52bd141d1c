"""Checks of messy input, shared by every algorithm (issue 10).

Municipal data arrive with curved geometries (ALKIS/NAS exports), geometry collections,
coordinates far outside the CRS, numbers written as German text, rasters without CRS or with
several bands, constant rasters, truncated files, and columns of an earlier result. Each check
here either repairs what can be repaired without guessing (and counts it, so the algorithm can
say so) or marks what must not be used. The reading and writing modules call them; an algorithm
does not have to know about them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
import shapely
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsFields,
    QgsGeometry,
    QgsRectangle,
)

from ..i18n import tr

# ----------------------------------------------------------------------------------------------
# Geometries
# ----------------------------------------------------------------------------------------------
# ISO WKB type codes of curved geometries (CircularString … MultiSurface, Curve, Surface), the
# same +1000 (Z), +2000 (M), +3000 (ZM); EWKB marks Z/M in the high bits instead.
_CURVED = {8, 9, 10, 11, 12, 13, 14}


def _wkb_types(wkb: np.ndarray) -> np.ndarray:
    """The geometry type code of each WKB (0 where missing), dimension flags removed."""
    out = np.zeros(len(wkb), dtype=np.int64)
    for i, w in enumerate(wkb):
        if w is None or len(w) < 5:
            continue
        code = int.from_bytes(bytes(w[1:5]), "little" if w[0] == 1 else "big")
        out[i] = (code & 0x0FFFFFFF) % 1000
    return out


def straighten_curves(wkb: np.ndarray, idx: np.ndarray) -> int:
    """Replace curved geometries (arcs of CircularString, CompoundCurve, CurvePolygon,
    MultiCurve, MultiSurface) among ``wkb[idx]`` by their straight-segment approximation
    (QGIS's default tolerance), in place. Returns how many were replaced."""
    idx = np.asarray(idx, dtype=np.int64)
    curved = idx[np.isin(_wkb_types(wkb[idx]), list(_CURVED))]
    for i in curved.tolist():
        g = QgsGeometry()
        g.fromWkb(bytes(wkb[i]))
        g.convertToStraightSegment()
        wkb[i] = bytes(g.asWkb())
    return int(curved.size)


def keep_parts(geoms: np.ndarray, polygonal: bool, linear: bool) -> int:
    """Geometry collections become their polygonal (or linear) parts, in place; a collection
    without such parts becomes None. Returns how many collections were changed."""
    ok = ~shapely.is_missing(geoms)
    coll = np.zeros(len(geoms), bool)
    coll[ok] = shapely.get_type_id(geoms[ok]) == 7
    if not coll.any() or not (polygonal or linear):
        return 0
    wanted = (3, 6) if polygonal else (1, 2, 5)
    for i in np.flatnonzero(coll).tolist():
        parts = shapely.get_parts(shapely.get_parts(geoms[i]))  # nested collections too
        parts = parts[np.isin(shapely.get_type_id(parts), wanted) & ~shapely.is_empty(parts)]
        if parts.size == 0:
            geoms[i] = None
        elif polygonal:
            geoms[i] = shapely.union_all(parts)
        else:
            geoms[i] = shapely.multilinestrings(list(parts)) if parts.size > 1 else parts[0]
    return int(coll.sum())


def implausible_coordinates(geoms: np.ndarray, crs: QgsCoordinateReferenceSystem,
                            bounds: np.ndarray | None = None) -> np.ndarray:
    """True where a geometry has coordinates that are not finite or lie far outside the area of
    use of ``crs`` (a 1e300 coordinate, a zone-prefixed easting): such a feature cannot be
    placed, and its area or distances would be numbers without meaning.

    "Far": the area of use, in the CRS's own coordinates, grown by its own size on every side
    (ETRS89 / UTM 32N is defined for 6–12° E but used across all of Germany).

    ``bounds``: ``shapely.bounds(geoms)`` when the caller has it already."""
    out = np.zeros(len(geoms), bool)
    ok = ~shapely.is_missing(geoms)
    if not ok.any():
        return out
    bounds = shapely.bounds(geoms[ok]) if bounds is None else bounds[ok]
    bad = ~np.isfinite(bounds).all(axis=1)
    area = _area_of_use(crs)
    if area is not None:
        x0, y0, x1, y1 = area
        grow = max(x1 - x0, y1 - y0)
        with np.errstate(invalid="ignore"):
            bad |= (bounds[:, 0] < x0 - grow) | (bounds[:, 2] > x1 + grow) | \
                (bounds[:, 1] < y0 - grow) | (bounds[:, 3] > y1 + grow)
    out[np.flatnonzero(ok)[bad]] = True
    return out


def _area_of_use(crs: QgsCoordinateReferenceSystem) -> tuple[float, float, float, float] | None:
    if not crs.isValid():
        return None
    box = crs.bounds()  # WGS 84 degrees
    if box.isEmpty():
        return None
    if crs.isGeographic():
        return box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum()
    try:
        xform = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"), crs, QgsCoordinateTransformContext())
        r: QgsRectangle = xform.transformBoundingBox(box)
    except Exception:  # noqa: BLE001 - a CRS PROJ cannot transform to: no limit
        return None
    vals = (r.xMinimum(), r.yMinimum(), r.xMaximum(), r.yMaximum())
    return vals if np.isfinite(vals).all() else None


# ----------------------------------------------------------------------------------------------
# Numbers written as text
# ----------------------------------------------------------------------------------------------
# "1.000", "12.500", "1.234.567" (and with a decimal comma "1.000,5"): dots that group
# thousands in German. "1.000" alone could also be 1 with three decimals, so such text is not
# read as a number unless the column decides it (see :func:`numbers_from_text`).
_GERMAN_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$")
_DECIMAL_COMMA = re.compile(r"^[+-]?\d+,\d+$")


def numbers_from_text(texts: Sequence) -> tuple[np.ndarray, int]:
    """Floats of numbers written as text, and how many were ambiguous (NaN).

    "5,5" and "5.5" are 5.5. A column that writes decimal commas ("5,5") is German: there
    "1.000" is 1000. Otherwise "1.000" may be 1 or 1000: it is not read (NaN) and counted."""
    out = np.full(len(texts), np.nan)
    grouped = np.zeros(len(texts), bool)
    german = False
    for i, t in enumerate(texts):
        s = str(t).strip() if t is not None else ""
        if not s:
            continue
        if _GERMAN_THOUSANDS.match(s):
            grouped[i] = True
            continue
        german = german or bool(_DECIMAL_COMMA.match(s))
        try:
            v = float(s.replace(",", "."))
        except ValueError:
            continue
        out[i] = v if np.isfinite(v) else np.nan
    if german:
        for i in np.flatnonzero(grouped).tolist():
            out[i] = float(str(texts[i]).strip().replace(".", "").replace(",", "."))
        return out, 0
    return out, int(grouped.sum())


# ----------------------------------------------------------------------------------------------
# Columns of an earlier result
# ----------------------------------------------------------------------------------------------
def stale_result_fields(fields: QgsFields) -> list[str]:
    """Input fields that an earlier run of any scoring algorithm wrote: the contract fields
    (``gi_*``) and the criterion values (``c_<criterion>``) of every spec. A new run computes
    its own; carried along, an old ``c_heat`` would sit beside a run without heat data."""
    from ..scoring.spec import all_specs

    contract = {"gi_score", "gi_class", "gi_rank", "gi_hz", "gi_flags", "gi_reason", "gi_suit", "gi_need",
                "gi_stab", "gi_rank_lo", "gi_rank_hi"}
    criteria = {c.field.lower() for spec in all_specs() for c in spec.criteria}
    return [n for n in fields.names() if n.lower() in contract or n.lower() in criteria]


def unique_ids(values: Sequence | np.ndarray, nulls: np.ndarray | None = None) -> bool:
    """True if ``values`` are integers without NULL and without repeats (a usable ``fid``).
    An integer array (a column read through OGR, ``nulls`` its NULL mask) is checked at once."""
    if isinstance(values, np.ndarray) and values.dtype.kind in "iu":
        return not (nulls is not None and nulls.any()) and np.unique(values).size == values.size
    arr = np.asarray([v if isinstance(v, (int, np.integer)) and not isinstance(v, bool) else None for v in values],
                     dtype=object)
    if np.equal(arr, None).any():
        return False
    ints = arr.astype(np.int64)
    return np.unique(ints).size == ints.size


# ----------------------------------------------------------------------------------------------
# Rasters
# ----------------------------------------------------------------------------------------------
def raster_notes(layer, param: str, work_crs: QgsCoordinateReferenceSystem) -> list[str]:
    """Warnings about a raster before it is sampled: no CRS (assumed the working CRS), several
    bands (the first is used)."""
    notes = []
    if not layer.crs().isValid():
        notes.append(tr("Raster {name} ({param}) has no coordinate system; it is assumed to be in {crs}, the CRS of the input. Set the raster's CRS if it is another.").format(
            name=layer.name(), param=param, crs=work_crs.authid()))
    if layer.bandCount() > 1:
        notes.append(tr("Raster {name} ({param}) has {n} bands; only band 1 is used. Save the band you mean as a raster of its own if it is another.").format(
            name=layer.name(), param=param, n=layer.bandCount()))
    return notes


def is_constant(values: np.ndarray) -> bool:
    """True if the finite values (at least two) are all the same: they rank nothing."""
    v = np.asarray(values, dtype=float)
    v = v[np.isfinite(v)]
    return v.size > 1 and float(v.max()) == float(v.min())
