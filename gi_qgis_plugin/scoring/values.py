"""Values from attribute columns: text folding, numbers in text, yes/no, field names.

One home for each of these small concepts, used by the scoring modules, the algorithms and the
dock alike (no qgis here).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Sequence

import numpy as np

_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_UMLAUTS_BARE = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})


def fold_case(text, bare: bool = False) -> str:
    """Case-folded with umlauts spelt out ("Wärme" -> "waerme"), or dropped with ``bare``
    ("Bäume" -> "baume", so that the plural still contains the singular "baum")."""
    return str(text if text is not None else "").casefold().translate(_UMLAUTS_BARE if bare else _UMLAUTS)


def fold(text) -> str:
    """Lower case, umlauts spelt out, '_' and runs of blanks as one blank, US spelling.

    So "Sehr ungünstig", "sehr_unguenstig" and "SEHR UNGÜNSTIG" compare equal.
    """
    t = fold_case(text).strip()
    return re.sub(r"[\s_]+", " ", t).replace("favorable", "favourable")


def map_unique(values: np.ndarray, func: Callable[[str], object]) -> np.ndarray:
    """Apply ``func`` to each distinct value only (few), then spread back to all features.

    NULL (None) is passed to ``func`` as "".
    """
    values = np.asarray(values, dtype=object)
    if values.size == 0:
        return np.empty(0, dtype=object)
    isnull = np.equal(values, None)
    text = values.astype(str)
    text[isnull] = ""
    uniq, inverse = np.unique(text, return_inverse=True)
    mapped = np.empty(len(uniq), dtype=object)
    mapped[:] = [func(u) for u in uniq.tolist()]  # loop over distinct values, not features
    return mapped[inverse.reshape(-1)]


def fold_array(values: np.ndarray) -> np.ndarray:
    """:func:`fold` per feature (None stays None)."""
    return map_unique(values, lambda t: fold(t) if t else None)


def to_number(text: str) -> float | None:
    """A finite number written as text ("5,5" and "5.5"), else None."""
    try:
        v = float(str(text).strip().replace(",", "."))
    except ValueError:
        return None
    return v if math.isfinite(v) else None


_TRUE = {"1", "true", "t", "yes", "y", "ja", "j", "wahr", "x", "on"}
_FALSE = {"0", "false", "f", "no", "n", "nein", "falsch", "off", "", "-"}


def truthy(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(True/False per feature, known per feature) from 0/1, booleans or yes/ja/x … text.

    NULL and unrecognised text count as False (not known): an unknown status never excludes.
    """
    arr = np.asarray(values)
    if arr.dtype.kind in "fiub":
        num = arr.astype(float)
        known = np.isfinite(num)
        return known & (num > 0), known

    def one(text: str):
        t = fold(text)
        if t in _TRUE:
            return 1
        if t in _FALSE:
            return 0 if text else None
        num = to_number(t)
        return None if num is None else int(num > 0)

    mapped = map_unique(arr, one)
    known = ~np.equal(mapped, None)
    return np.equal(mapped, 1), known


def as_text(values: np.ndarray) -> np.ndarray:
    """A typed column as text (whole numbers without .0), None for NULL/NaN."""
    arr = np.asarray(values)
    if arr.dtype.kind == "f":
        out = np.full(arr.shape, None, dtype=object)
        fin = np.isfinite(arr)
        whole = fin & (arr == np.round(arr))
        out[whole] = arr[whole].astype(np.int64).astype(str).astype(object)
        out[fin & ~whole] = arr[fin & ~whole].astype(str).astype(object)
        return out
    if arr.dtype.kind in "iub":
        return arr.astype(np.int64).astype(str).astype(object)
    return arr.astype(object)


def detect_field(names: Iterable[str], candidates: Sequence[str]) -> str | None:
    """The first of ``candidates`` that is a field of ``names`` (case-insensitive, exact name).

    Exact names, not substrings: an algorithm must not pick "heat_note" for "heat". The first
    field wins when two differ only in case.
    """
    lower = {n.lower(): n for n in reversed(list(names))}
    for cand in candidates:
        if cand.lower() in lower:
            return lower[cand.lower()]
    return None


def guess_field(names: Sequence[str], words: Sequence[str], allowed: Sequence[bool] | None = None) -> str | None:
    """The first field whose folded name *contains* one of ``words`` (in the order of ``words``);
    ``allowed`` (per name) skips fields of the wrong kind. For the dock's look-ups of facts in
    layers of any origin; the algorithms use the exact :func:`detect_field`."""
    for word in words:
        for i, name in enumerate(names):
            if (allowed is None or allowed[i]) and word in fold_case(name):
                return name
    return None
