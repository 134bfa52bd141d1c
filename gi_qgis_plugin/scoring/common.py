"""What every scoring algorithm shares: normalisation, weighted scores, classes, ranks, codes.

The contract (DESIGN.md §3): ``gi_score`` 0–100 (higher = act first, NaN where excluded),
``gi_class`` A–D or X, ``gi_rank`` 1 = best, ``gi_hz`` two-digit Handlungsziel numbers,
``gi_flags`` machine codes, ``gi_reason`` words, ``c_<criterion>`` 0–1 before weighting.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

# Class breaks on the 0–100 score. Equal quarters: a transparent default that a council paper can
# state in one sentence ("A = score 75 and more"); not a published threshold.
CLASS_BREAKS = (75.0, 50.0, 25.0)
CLASS_LABELS = ("A", "B", "C", "D")
EXCLUDED = "X"


def clip01(values: np.ndarray) -> np.ndarray:
    """Clip to 0–1, keeping NaN (= unknown) as NaN."""
    return np.clip(np.asarray(values, dtype=float), 0.0, 1.0)


def linear(values: np.ndarray, low: float, high: float) -> np.ndarray:
    """0 at ``low``, 1 at ``high``, linear between, clipped; NaN stays NaN. ``low > high`` inverts."""
    values = np.asarray(values, dtype=float)
    if high == low:
        return np.where(np.isnan(values), np.nan, (values >= high).astype(float))
    return clip01((values - low) / (high - low))


def minmax(values: np.ndarray) -> np.ndarray:
    """Rescale to 0–1 over the finite values of this run (NaN stays NaN; constant -> 0.5)."""
    values = np.asarray(values, dtype=float)
    finite = np.isfinite(values)
    out = np.full(values.shape, np.nan)
    if not finite.any():
        return out
    lo, hi = values[finite].min(), values[finite].max()
    out[finite] = 0.5 if hi == lo else (values[finite] - lo) / (hi - lo)
    return out


def weighted_score(criteria: Mapping[str, np.ndarray], weights: Mapping[str, float]) -> np.ndarray:
    """Weighted mean of the criteria, ×100.

    A criterion that is NaN for one feature (no raster cell there, say) is left out for that
    feature and the remaining weights are renormalised, so a gap neither rewards nor punishes.
    A feature with no usable criterion at all gets NaN.
    """
    names = [n for n in criteria if weights.get(n, 0.0) > 0]
    if not names:
        raise ValueError("no criterion with a positive weight")
    n = len(np.asarray(criteria[names[0]]))
    total = np.zeros(n)
    wsum = np.zeros(n)
    for name in names:
        c = np.asarray(criteria[name], dtype=float)
        w = float(weights[name])
        ok = np.isfinite(c)
        total[ok] += w * c[ok]
        wsum[ok] += w
    with np.errstate(invalid="ignore", divide="ignore"):
        score = np.where(wsum > 0, 100.0 * total / wsum, np.nan)
    return score


def normalise_weights(weights: Mapping[str, float], active: Sequence[str]) -> dict[str, float]:
    """Weights of the active criteria scaled to sum 1 (for the explanation bars)."""
    w = {k: float(weights[k]) for k in active if weights.get(k, 0) > 0}
    s = sum(w.values())
    return {k: v / s for k, v in w.items()} if s > 0 else {}


def classify(score: np.ndarray, excluded: np.ndarray, breaks: Sequence[float] = CLASS_BREAKS) -> np.ndarray:
    """A/B/C/D by score breaks; X where excluded or the score is NaN."""
    score = np.asarray(score, dtype=float)
    out = np.full(score.shape, "D", dtype=object)
    for label, lo in zip(reversed(CLASS_LABELS[:-1]), reversed(breaks)):
        out[score >= lo] = label
    out[np.asarray(excluded, bool) | ~np.isfinite(score)] = EXCLUDED
    return out


def rank(score: np.ndarray, excluded: np.ndarray, tiebreak: np.ndarray | None = None) -> np.ndarray:
    """1 = highest score; ties by ``tiebreak`` ascending (e.g. feature id); 0 where excluded.

    Callers write 0 as NULL. Ranks are unique so "the first 100" is well defined.
    """
    score = np.asarray(score, dtype=float)
    ok = ~np.asarray(excluded, bool) & np.isfinite(score)
    n = score.size
    tb = np.arange(n) if tiebreak is None else np.asarray(tiebreak)
    out = np.zeros(n, dtype=np.int64)
    idx = np.flatnonzero(ok)
    order = np.lexsort((tb[idx], -score[idx]))
    out[idx[order]] = np.arange(1, idx.size + 1)
    return out


def join_codes(columns: Sequence[tuple[str, np.ndarray]], n: int) -> np.ndarray:
    """Comma-separated codes per feature from (code, boolean mask) pairs, in the given order.

    Used for ``gi_flags`` and ``gi_hz``. Vectorised over features, looped over the few codes.
    """
    out = np.full(n, "", dtype=object)
    for code, mask in columns:
        mask = np.asarray(mask, bool)
        if not mask.any():
            continue
        has = out[mask] != ""
        out[mask] = np.where(has, out[mask] + "," + code, code)
    return out
