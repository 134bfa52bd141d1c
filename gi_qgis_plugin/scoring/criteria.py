"""Normalisations shared by the scoring algorithms: heat, heavy rain, green supply (0–1 each).

Roofs, streets and brownfields rate the same place facts the same way; the domain modules
import these, and each threshold names its source here.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from .common import linear, minmax
from .tables import read_csv as _read_csv
from .values import fold as _norm
from .values import map_unique as _map_unique
from .values import to_number as _to_number

# Heavy rain: depth for the full score, Essen's top depth class >0.25 m (essen.de) [V].
RAIN_DEPTH_M = 0.25
# Ring around a feature in which the heavy-rain depth is averaged: plugin's choice [U].
RAIN_BUFFER_M = 10.0
# Park supply: parks of at least 0.5 ha (GALK 1973, Berlin Umweltatlas 06.05) [V] within 300 m
# (3-30-300 rule, nbsi.eu) [V].
PARK_MIN_HA = 0.5
PARK_DISTANCE_M = 300.0

# Thermal load in classes (issue 9): a raster or a polygon value field is put into classes, never
# scaled min–max over the features of one run (one cool district would still get a 1).
# - Without breaks, values go into the five classes of the Düsseldorf heat map by their z-score
#   against a reference extent (the whole raster, or every polygon of the layer): z ≤ −1, ≤ 0,
#   ≤ 1, ≤ 2, > 2 (Belastungskarte Hitze Düsseldorf, domain_methods.md §0) [V].
HEAT_Z_BREAKS = (-1.0, 0.0, 1.0, 2.0)
# - Classes of a Klimaanalyse: five by default (GEO-NET/VDI 3787, Düsseldorf, LANUV) [V]; Berlin
#   and Leipzig use four [V], so the number is a parameter.
HEAT_N_CLASSES = 5
# - Burdened (HZ 01): the two most burdened classes, "ungünstig" and "sehr ungünstig", as LANUV
#   counts the people in thermally burdened areas (lanuv.nrw.de, Klimaanalyse NRW) [V].
HEAT_BURDENED = 2


@dataclass(frozen=True)
class HeatScale:
    """How heat values become classes: ``n_classes`` (for class numbers), ``breaks`` (absolute
    class breaks for measured values; empty = z-score classes), the direction, and how many of
    the most burdened classes count as burdened."""

    n_classes: int = HEAT_N_CLASSES
    breaks: tuple[float, ...] = ()
    higher_is_hotter: bool = True
    burdened: int = HEAT_BURDENED


@dataclass
class HeatClasses:
    """Burden class per feature (1 = least … ``n`` = most burdened, NaN = no value)."""

    cls: np.ndarray
    n: int

    def c_heat(self) -> np.ndarray:
        """(class − 1) / (n − 1): 0 for the least, 1 for the most burdened class."""
        return (np.asarray(self.cls, dtype=float) - 1.0) / max(self.n - 1, 1)

    def burdened(self, count: int) -> np.ndarray:
        """The ``count`` most burdened classes (HZ 01)."""
        k = np.asarray(self.cls, dtype=float)
        return np.isfinite(k) & (k >= self.n - int(count) + 1)


def parse_breaks(text: str | None) -> tuple[float, ...]:
    """"16, 17,18;19" -> (16.0, 17.0, 18.0, 19.0), sorted; raises ValueError on a non-number."""
    parts = [x.strip() for x in str(text or "").replace(";", ",").split(",") if x.strip()]
    values = []
    for x in parts:
        v = _to_number(x)
        if v is None:
            raise ValueError(x)
        values.append(v)
    return tuple(sorted(values))


def classes_of_values(values: np.ndarray, scale: HeatScale, ref_mean: float, ref_sd: float) -> HeatClasses:
    """Measured values (°C, PET …) in burden classes: by ``scale.breaks`` (n = breaks + 1), else
    by their z-score against the reference extent's mean and standard deviation (n = 5). A value
    on a break stays in the lower class. ``lower = hotter`` turns the classes round."""
    v = np.asarray(values, dtype=float)
    if scale.breaks:
        breaks, n, x = np.asarray(scale.breaks, dtype=float), len(scale.breaks) + 1, v
    else:
        breaks, n = np.asarray(HEAT_Z_BREAKS), len(HEAT_Z_BREAKS) + 1
        with np.errstate(invalid="ignore", divide="ignore"):
            x = (v - ref_mean) / ref_sd
    k = 1.0 + np.searchsorted(breaks, np.where(np.isfinite(x), x, 0.0), side="left")
    k = np.where(np.isfinite(x), k, np.nan)
    return HeatClasses(k if scale.higher_is_hotter else n + 1.0 - k, n)


def classes_of_numbers(values: np.ndarray, scale: HeatScale) -> HeatClasses | None:
    """Class numbers 1..n of a Klimaanalyse (every value a whole number within 1..``n_classes``),
    turned round when lower = more burdened; None when the values are not such classes."""
    v = np.asarray(values, dtype=float)
    fin = v[np.isfinite(v)]
    n = int(scale.n_classes)
    if not fin.size or not np.all((fin >= 1) & (fin <= n) & (fin == np.round(fin))):
        return None
    return HeatClasses(v if scale.higher_is_hotter else n + 1.0 - v, n)


def classes_of_labels(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Text values: the labels of heat_classes.csv (sehr ungünstig … sehr günstig, whatever the
    direction parameter says) as classes 1–5, and the other texts read as numbers (NaN where
    neither). Returns (classes, numbers)."""
    labels = heat_labels()
    arr = np.asarray(values, dtype=object)
    cls = _map_unique(arr, lambda t: float(labels.get(_norm(t), np.nan)) if t else np.nan).astype(float)

    def as_number(text: str) -> float:
        if not text or _norm(text) in labels:
            return np.nan
        num = _to_number(text)
        return np.nan if num is None else num

    return cls, _map_unique(arr, as_number).astype(float)


def height_factor(height_m: np.ndarray | None, full_m: float, low_m: float, low_factor: float, n: int) -> np.ndarray:
    """How much of a green roof's heat benefit reaches street level: 1 up to ``full_m``, falling
    linearly to ``low_factor`` at ``low_m`` and staying there; 1 where the height is unknown.
    ("Besonders die Dachbegrünung von niedrigen Gebäuden wirkt sich positiv auf die Temperaturen
    in Bodennähe aus", regenwasseragentur.berlin [V]; the heights are the plugin's assumption [U].)"""
    if height_m is None:
        return np.ones(n)
    h = np.asarray(height_m, dtype=float)
    span = max(low_m - full_m, 1e-9)
    f = 1.0 - (1.0 - low_factor) * np.clip((h - full_m) / span, 0.0, 1.0)
    return np.where(np.isfinite(h), f, 1.0)


@lru_cache(maxsize=1)
def heat_labels() -> dict[str, int]:
    return {_norm(r["label"]): int(r["heat_class"]) for r in _read_csv("heat_classes.csv")}


def heat_criterion(values: np.ndarray, higher_is_hotter: bool = True) -> tuple[np.ndarray, list[str]]:
    """c_heat 0–1 from raw heat values of this run's buildings; returns (c, unmapped labels).

    - text: the 5-class labels (sehr ungünstig … sehr günstig, English forms) map to 5…1 by
      name, whatever the order parameter says; numbers written as text are read as numbers;
    - whole numbers 1–5 only: heat classes, (c − 1) / 4 (or (5 − c) / 4 when lower = hotter);
    - other numbers (°C, PET …): min–max over this run (inverted when lower = hotter).
    """
    arr = np.asarray(values)
    unmapped: list[str] = []
    if arr.dtype.kind not in "fiub":
        labels = heat_labels()

        def as_class(text: str) -> float:
            return float(labels.get(_norm(text), np.nan)) if text else np.nan

        def as_number(text: str) -> float:
            if not text or _norm(text) in labels:
                return np.nan
            num = _to_number(text)
            if num is None:
                unmapped.append(text)
                return np.nan
            return num

        cls = _map_unique(arr, as_class).astype(float)
        num = _map_unique(arr, as_number).astype(float)
        out = (cls - 1.0) / 4.0
        if np.isfinite(num).any():
            out = np.where(np.isfinite(out), out, heat_criterion(num, higher_is_hotter)[0])
        return out, sorted(unmapped)
    v = arr.astype(float)
    if are_heat_classes(v):
        c = (v - 1.0) / 4.0
        return (c if higher_is_hotter else 1.0 - c), unmapped
    return heat_minmax(v, higher_is_hotter), unmapped


def are_heat_classes(values: np.ndarray) -> bool:
    """True when every known value is a whole number 1–5: the five thermal-load classes."""
    v = np.asarray(values, dtype=float)
    fin = v[np.isfinite(v)]
    return bool(fin.size) and bool(np.all((fin >= 1) & (fin <= 5) & (fin == np.round(fin))))


def heat_minmax(values: np.ndarray, higher_is_hotter: bool = True) -> np.ndarray:
    """Heat values (°C, PET …) scaled min–max over this run, inverted when lower = hotter."""
    c = minmax(np.asarray(values, dtype=float))
    return c if higher_is_hotter else 1.0 - c


def rain_criterion(depth_m: np.ndarray, full_depth: float = RAIN_DEPTH_M) -> np.ndarray:
    """0 at 0 m, 1 at ``full_depth`` and deeper, linear between."""
    return linear(depth_m, 0.0, full_depth)


def green_criterion(distance_m: np.ndarray, max_distance: float = PARK_DISTANCE_M) -> np.ndarray:
    """Need for green: 0 next to a park, 1 at ``max_distance`` or farther (inf = no park near)."""
    d = np.asarray(distance_m, dtype=float)
    return np.where(np.isnan(d), np.nan, np.clip(np.where(np.isinf(d), 1.0, d / max_distance), 0, 1))

