"""Re-scoring a result from its own ``c_*`` values with other weights (the dock's live weights).

A result layer carries every criterion as ``c_<key>`` (0–1) and its classes and flags, so other
weights need no new run: :func:`rescore` is the shared finish (:func:`common.finish`) on those
arrays, with the features a rule excluded kept excluded. No qgis imports.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from ..contract import CLASS_BREAKS, EXCLUDED
from .common import ScoreCore, finish

NO_CRITERIA = "no_criteria"  # the flag of a feature left without score by the weights, not by a rule


def rule_excluded(classes: Sequence, flags: Sequence) -> np.ndarray:
    """Features excluded by a rule (listed, existing green roof …): class X without the flag
    ``no_criteria``. A feature that only lacked a weighted criterion value may get a score under
    other weights, so it is not excluded here."""
    cls = np.asarray([str(c) if c is not None else EXCLUDED for c in classes], dtype=object)
    no_crit = np.array([NO_CRITERIA in str(f or "").split(",") for f in flags], dtype=bool)
    return (cls == EXCLUDED) & ~no_crit


def rescore(order: Sequence[str], criteria: Mapping[str, np.ndarray], weights: Mapping[str, float],
            excluded: np.ndarray, tiebreak: np.ndarray | None = None,
            groups: Mapping[str, Sequence[str]] | None = None, breaks: Sequence[float] = CLASS_BREAKS,
            need_share: float | None = None) -> ScoreCore:
    """Score, class, rank (and gi_suit / gi_need) under ``weights``: the shared finish itself,
    with the run's class breaks and score form (``need_share``, see the run record's
    ``formula``). Raises ValueError when no criterion with data has a weight above 0."""
    n = len(np.asarray(excluded))
    return finish(order, criteria, weights, {"rule": np.asarray(excluded, bool)}, {}, [], n, tiebreak, groups,
                  breaks, need_share)


def formula_of(run: Mapping | None, default_breaks: Sequence[float] = CLASS_BREAKS) -> tuple[tuple[float, ...], float | None]:
    """(class breaks, need share) of a run record's ``formula``; the defaults for older records."""
    formula = (run or {}).get("formula") or {}
    breaks = formula.get("class_breaks") or default_breaks
    share = formula.get("need_share")
    return tuple(float(b) for b in breaks), (None if share is None else float(share))


__all__ = ["NO_CRITERIA", "formula_of", "rescore", "rule_excluded"]
