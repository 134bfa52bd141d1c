"""Biotope values of the NRW numerical method: the one source of biotope numbers.

LANUV (now LANUK) "Numerische Bewertung von Biotoptypen für die Eingriffsregelung in NRW" rates
each biotope type on a scale of 0 to 10: **Grundwert A** for the present state and **Grundwert P**
for a newly created biotope as it will be after 30 years. Eco-points (Ökopunkte) are area × value;
a compensation measure is credited with the uplift, area × (P − A) (example calculation on
menden.de; domain_review.md §4b).

``resources/biotope_types.csv`` ships the values that could be sourced, each row with its source
and [V] verified / [V2] secondary / [U] the plugin's assumption. A user may pass their own table
(the municipal list, the list for Bauleitplanung, the Aachener Leitfaden …) with at least the
columns ``code``, ``value_a`` and ``source``; ``value_p``, ``name_de``, ``name_en``, ``forest`` and
``aliases`` (other names of the type, separated by ";", e.g. the words of a Brachflächenkataster)
are optional (German column names ``grundwert_a``, ``grundwert_p``, ``biotoptyp`` are accepted).

Used by ``gi:brownfields`` and the design check: both read their numbers here. No qgis imports.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..paths import RESOURCES
from .values import fold, map_unique, to_number

BIOTOPE_CSV = "biotope_types.csv"
VALUE_MIN = 0.0  # the scale of the NRW method
VALUE_MAX = 10.0

# Column name -> other names accepted in a user's own table (compared folded).
_ALIASES = {
    "code": ("code", "kuerzel", "biotopcode"),
    "name_de": ("name_de", "biotoptyp", "name", "bezeichnung"),
    "name_en": ("name_en",),
    "value_a": ("value_a", "grundwert_a", "wert_a", "a"),
    "value_p": ("value_p", "grundwert_p", "wert_p", "p"),
    "forest": ("forest", "wald"),
    "aliases": ("aliases", "synonyme", "alias"),
    "source": ("source", "quelle"),
}
REQUIRED_COLUMNS = ("code", "value_a", "source")


class BiotopeTableError(ValueError):
    """A biotope table that cannot be used; ``missing`` names absent columns, ``row`` a bad row."""

    def __init__(self, message: str, missing: tuple[str, ...] = (), row: str = "") -> None:
        super().__init__(message)
        self.missing = missing
        self.row = row


@dataclass(frozen=True)
class BiotopeType:
    code: str
    name_de: str
    name_en: str
    value_a: float  # Grundwert A (present state); NaN where the table gives none
    value_p: float  # Grundwert P (planned, after 30 years); NaN where the type is no planning target
    forest: bool  # the type is woodland (can be Wald in law: conversion permit)
    source: str
    aliases: tuple[str, ...] = ()  # other names that find this type


@dataclass
class BiotopeTable:
    """Biotope types by code, found by code, German or English name or an alias (folded)."""

    types: dict[str, BiotopeType]
    path: Path | None = None
    _index: dict[str, BiotopeType] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for t in self.types.values():  # codes first, so a code always wins over a name
            self._index.setdefault(fold(t.code), t)
        for t in self.types.values():
            for name in (t.name_de, t.name_en, *t.aliases):
                if name:
                    self._index.setdefault(fold(name), t)

    def find(self, text) -> BiotopeType | None:
        """The type whose code, name or alias equals ``text`` (case, umlauts, '_' and blanks folded)."""
        if text is None:
            return None
        return self._index.get(fold(text))

    def __len__(self) -> int:
        return len(self.types)

    def __iter__(self) -> Iterator[BiotopeType]:
        return iter(self.types.values())


def _value(text: str, column: str, code: str, path) -> float:
    text = (text or "").strip()
    if not text:
        return math.nan
    v = to_number(text)
    if v is None:
        raise BiotopeTableError(f"{path}: {column} of type {code!r} is not a number: {text!r}", row=code)
    if not VALUE_MIN <= v <= VALUE_MAX:
        raise BiotopeTableError(
            f"{path}: {column} of type {code!r} is {v:g}, outside the scale {VALUE_MIN:g}–{VALUE_MAX:g}", row=code)
    return v


def read_biotope_table(path: str | Path | None = None) -> BiotopeTable:
    """The shipped table or a user's own; checks columns, values (0–10), sources and codes.

    Raises :class:`BiotopeTableError` naming the missing columns (and the ones needed), a row
    without source, a value that is no number or lies outside 0–10, or a code given twice.
    """
    path = Path(path) if path else RESOURCES / BIOTOPE_CSV
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            sample = fh.read(4096)
            fh.seek(0)
            try:
                dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
            except csv.Error:
                dialect = csv.excel
            reader = csv.DictReader(fh, dialect=dialect)
            header = reader.fieldnames or []
            rows = list(reader)
    except OSError as exc:
        raise BiotopeTableError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    folded = {fold(h): h for h in header if h}
    columns = {key: next((folded[fold(a)] for a in aliases if fold(a) in folded), None)
               for key, aliases in _ALIASES.items()}
    missing = tuple(k for k in REQUIRED_COLUMNS if columns[k] is None)
    if missing:
        raise BiotopeTableError(
            f"{path}: columns missing: {', '.join(missing)} (a biotope table needs "
            f"{', '.join(REQUIRED_COLUMNS)}; value_p, name_de, name_en, forest and aliases are optional)",
            missing=missing)

    def get(row, key: str) -> str:
        col = columns[key]
        return (row.get(col) or "").strip() if col else ""

    types: dict[str, BiotopeType] = {}
    for row in rows:
        code = get(row, "code")
        if not code:
            if any((v or "").strip() for v in row.values() if isinstance(v, str)):
                raise BiotopeTableError(f"{path}: a row without code: {row}")
            continue  # blank line
        if code in types:
            raise BiotopeTableError(f"{path}: code {code!r} appears twice", row=code)
        if not get(row, "source"):
            raise BiotopeTableError(f"{path}: row without source: {code}", row=code)
        forest_text = fold(get(row, "forest"))
        types[code] = BiotopeType(
            code=code, name_de=get(row, "name_de"), name_en=get(row, "name_en"),
            value_a=_value(get(row, "value_a"), "value_a", code, path),
            value_p=_value(get(row, "value_p"), "value_p", code, path),
            forest=forest_text in {"1", "true", "yes", "ja", "x", "wald"},
            source=get(row, "source"),
            aliases=tuple(a.strip() for a in get(row, "aliases").split(";") if a.strip()),
        )
    if not types:
        raise BiotopeTableError(f"{path}: no biotope types in the table")
    return BiotopeTable(types=types, path=path)


@lru_cache(maxsize=1)
def biotope_table() -> BiotopeTable:
    """The shipped table, read once."""
    return read_biotope_table()


@dataclass
class TypeValues:
    """Values per feature from a biotope type column."""

    code: np.ndarray  # canonical code per feature, None where unknown or empty
    value_a: np.ndarray  # Grundwert A, NaN where unknown
    value_p: np.ndarray  # Grundwert P, NaN where unknown or the type has none
    forest: np.ndarray  # bool
    unknown: dict[str, int]  # type text as given -> number of features, most frequent first
    n_empty: int  # features without a type (NULL or blank)

    @property
    def n_unknown(self) -> int:
        return sum(self.unknown.values())


def values_for_types(types, table: BiotopeTable | None = None) -> TypeValues:
    """Look up each feature's type (code or name, folded); unknown types are named and counted.

    >>> tv = values_for_types(["Acker, intensiv, wildkrautarm", "ruderal", "Goldwiese", None])
    >>> tv.value_a.tolist()[:2], tv.unknown, tv.n_empty
    ([2.0, 5.0], {'Goldwiese': 1}, 1)
    """
    table = table or biotope_table()
    arr = np.asarray(types, dtype=object).reshape(-1)
    n = arr.size
    found = map_unique(arr, lambda t: table.find(t) if t.strip() else None)
    ok = ~np.equal(found, None)
    code = np.full(n, None, dtype=object)
    value_a = np.full(n, np.nan)
    value_p = np.full(n, np.nan)
    forest = np.zeros(n, bool)
    if ok.any():
        hit = found[ok]
        code[ok] = [t.code for t in hit]
        value_a[ok] = [t.value_a for t in hit]
        value_p[ok] = [t.value_p for t in hit]
        forest[ok] = [t.forest for t in hit]
    text = np.array(["" if v is None else str(v).strip() for v in arr.tolist()], dtype=object)
    empty = text == ""
    unknown: dict[str, int] = {}
    if (~ok & ~empty).any():
        names, counts = np.unique(text[~ok & ~empty].astype(str), return_counts=True)
        order = np.lexsort((names, -counts))
        unknown = {str(names[i]): int(counts[i]) for i in order}
    return TypeValues(code=code, value_a=value_a, value_p=value_p, forest=forest,
                      unknown=unknown, n_empty=int(empty.sum()))


@dataclass
class ValueCheck:
    """Biotope values given directly (a field), checked against the 0–10 scale."""

    values: np.ndarray  # usable values, NaN where missing, unreadable or out of range
    out_of_range: np.ndarray  # bool: a number outside 0–10 (flagged, not used)
    unreadable: np.ndarray  # bool: text that is not a number

    @property
    def n_out_of_range(self) -> int:
        return int(self.out_of_range.sum())


def check_values(values) -> ValueCheck:
    """Numbers (or text such as "5,5") on the 0–10 scale; values outside are flagged and dropped.

    >>> c = check_values([3, 12, "4,5", "viel", None])
    >>> c.values.tolist()[:3], c.out_of_range.tolist(), c.unreadable.tolist()
    ([3.0, nan, 4.5], [False, True, False, False, False], [False, False, False, True, False])
    """
    arr = (values if isinstance(values, np.ndarray) else np.asarray(values, dtype=object)).reshape(-1)
    if arr.dtype.kind in "fiub":
        num = arr.astype(float)
        unreadable = np.zeros(num.size, bool)
    else:
        mapped = map_unique(arr, lambda t: to_number(t) if t.strip() else math.nan)
        unreadable = np.equal(mapped, None)
        num = np.where(unreadable, np.nan, mapped).astype(float)
    with np.errstate(invalid="ignore"):
        out = np.isfinite(num) & ((num < VALUE_MIN) | (num > VALUE_MAX))
    return ValueCheck(values=np.where(out, np.nan, num), out_of_range=out, unreadable=unreadable)


def uplift(present, planned) -> np.ndarray:
    """Value points per m² a measure adds: P − A (negative = a loss; NaN where either is unknown)."""
    return np.asarray(planned, dtype=float) - np.asarray(present, dtype=float)


def oekopunkte(area_m2, present, planned) -> np.ndarray:
    """Eco-points of turning ``present`` (A) into ``planned`` (P) on ``area_m2``: area × (P − A).

    By hand: 300 m² of intensive arable (A 2) planted as a hedge (P 6) earn 300 × (6 − 2) = 1,200.
    Negative where the plan is worth less than the present state (an intervention's deficit).
    """
    return np.asarray(area_m2, dtype=float) * uplift(present, planned)
