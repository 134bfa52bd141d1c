"""Normalisations shared by the scoring algorithms: heat, heavy rain, green supply (0–1 each).

Roofs, streets and brownfields rate the same place facts the same way; the domain modules
import these, and each threshold names its source here.
"""

from __future__ import annotations

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

