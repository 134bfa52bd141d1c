"""Re-scoring a result from its own ``c_*`` values with other weights (the dock's live weights).

A result layer carries every criterion as ``c_<key>`` (0–1) and its classes and flags, so other
weights need no new run: :func:`rescore` is the shared finish (:func:`common.finish`) on those
arrays, with the features a rule excluded kept excluded. :func:`class_expression` is the same
formula (:func:`common.weighted_score`, :func:`common.classify`) as a QGIS expression, so the map
can draw the new classes from the layer's own fields without copying a feature; the tests
evaluate it against :func:`rescore`. No qgis imports.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from ..contract import CLASS_BREAKS, CLASS_LABELS, CRITERION_PREFIX, EXCLUDED
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
            groups: Mapping[str, Sequence[str]] | None = None) -> ScoreCore:
    """Score, class, rank (and gi_suit / gi_need) under ``weights``: the shared finish itself.
    Raises ValueError when no criterion with data has a weight above 0."""
    n = len(np.asarray(excluded))
    return finish(order, criteria, weights, {"rule": np.asarray(excluded, bool)}, {}, [], n, tiebreak, groups)


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _num(value: float) -> str:
    return repr(float(value))


def score_expression(weights: Mapping[str, float]) -> str:
    """``gi_score`` under ``weights`` as a QGIS expression over the ``c_*`` fields: the weighted
    mean renormalised over the criteria a feature has (NULL = left out), × 100; NULL without any."""
    used = [(k, float(w)) for k, w in weights.items() if float(w) > 0]
    if not used:
        raise ValueError("no criterion with a positive weight")
    num = " + ".join(f"coalesce({_quote(CRITERION_PREFIX + k)}, 0) * {_num(w)}" for k, w in used)
    den = " + ".join(f"if({_quote(CRITERION_PREFIX + k)} IS NULL, 0, {_num(w)})" for k, w in used)
    return f"100.0 * ({num}) / nullif({den}, 0)"


def class_expression(weights: Mapping[str, float], breaks: Sequence[float] = CLASS_BREAKS) -> str:
    """``gi_class`` under ``weights`` as a QGIS expression: X for a rule exclusion (class X without
    ``no_criteria``, as :func:`rule_excluded`) or without any criterion value, else A–D by the
    class breaks (score ≥ break, as :func:`common.classify`)."""
    excluded = (f"\"gi_class\" = '{EXCLUDED}' AND NOT regexp_match(coalesce(\"gi_flags\", ''), "
                f"'(^|,){NO_CRITERIA}(,|$)')")
    cases = " ".join(f"WHEN @gi_s >= {_num(b)} THEN '{label}'" for label, b in zip(CLASS_LABELS, breaks))
    return (f"with_variable('gi_s', {score_expression(weights)}, CASE WHEN {excluded} THEN '{EXCLUDED}' "
            f"WHEN @gi_s IS NULL THEN '{EXCLUDED}' {cases} ELSE '{CLASS_LABELS[-1]}' END)")


__all__ = ["NO_CRITERIA", "class_expression", "rescore", "rule_excluded", "score_expression"]
