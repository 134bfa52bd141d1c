"""Rank stability: would this feature still be on top with other weights?

The weights of every scoring algorithm are the planner's choice. To show how much a priority
depends on that choice, the weights are varied around the chosen ones and every feature is
re-scored from its criteria (``c_*``) for each variant, all with numpy:

- the variants are drawn from a Dirichlet distribution whose mean is the chosen weight shares
  and whose concentration κ sets the spread: a share p varies with the standard deviation
  √(p(1 − p)/(κ + 1)); κ = 50 (the default, plugin's choice [U]) moves a share of 0.3 by about
  ±0.06;
- each variant scores as :func:`common.weighted_score` does (renormalised per feature over the
  criteria it has), classes and ranks as in the run;
- ``gi_stab`` = share of variants in which the feature keeps its class; ``gi_rank_lo`` /
  ``gi_rank_hi`` = 10th and 90th percentile of its rank over the variants.

Memory stays bounded: the ranks of all variants are kept as 32-bit integers, at most
``max_cells`` (default 50 million = 200 MB) of them; with more features the number of variants
is reduced to fit and the caller is told. No qgis imports.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from .common import CLASS_BREAKS, CLASS_LABELS, EXCLUDED

DRAWS = 200  # default number of weight variants [U]: enough for a stable 10/90 percentile
CONCENTRATION = 50.0  # default Dirichlet concentration κ [U]
MAX_CELLS = 50_000_000  # ranks kept at once (features × variants), 200 MB as int32: 50 variants at 1 M features
STABLE_SHARE = 0.8  # "robust priority" when the class holds in at least 80 % of variants [U]


@dataclass
class Stability:
    stab: np.ndarray  # 0–1, NaN where excluded
    rank_lo: np.ndarray  # 10th percentile of the rank (best plausible), 0 where excluded
    rank_hi: np.ndarray  # 90th percentile (worst plausible), 0 where excluded
    draws: int  # variants actually used
    reduced: bool  # True when fewer variants than asked were used (memory bound)


def draw_weights(weights: Mapping[str, float], draws: int, concentration: float = CONCENTRATION,
                 seed: int = 0) -> np.ndarray:
    """(draws × criteria) weight shares around the chosen ones (rows sum to 1)."""
    keys = list(weights)
    w = np.array([float(weights[k]) for k in keys], dtype=float)
    if not np.all(np.isfinite(w)) or (w < 0).any() or w.sum() <= 0:
        raise ValueError("weights must be finite, non-negative and not all 0")
    if concentration <= 0:
        raise ValueError("the concentration must be greater than 0")
    p = w / w.sum()
    rng = np.random.default_rng(seed)
    out = np.zeros((draws, len(keys)))
    pos = p > 0  # a criterion with weight 0 stays out in every variant
    out[:, pos] = rng.dirichlet(concentration * p[pos], size=draws) if pos.sum() > 1 else 1.0
    return out


def _class_index(classes: np.ndarray) -> np.ndarray:
    """A–D as 0–3 (X and anything else as -1: never "the same class")."""
    out = np.full(classes.shape, -1, np.int64)
    for i, label in enumerate(CLASS_LABELS):
        out[classes == label] = i
    return out


def _scores(c: np.ndarray, known: np.ndarray, w: np.ndarray) -> np.ndarray:
    """Scores of all features for a block of weight rows: (features × block)."""
    total = c @ w.T  # c has 0 where unknown
    wsum = known.astype(float) @ w.T
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(wsum > 0, 100.0 * total / wsum, np.nan)


def rank_stability(criteria: Mapping[str, np.ndarray], weights: Mapping[str, float], excluded: np.ndarray,
                   base_class: np.ndarray, draws: int = DRAWS, concentration: float = CONCENTRATION,
                   seed: int = 0, tiebreak: np.ndarray | None = None, breaks: Sequence[float] = CLASS_BREAKS,
                   max_cells: int = MAX_CELLS, block: int = 8,
                   progress: Callable[[float], None] | None = None) -> Stability:
    """Class stability and rank band of every feature under weight variants (see module doc).

    ``criteria`` and ``weights`` are those of the run's score (the criteria in the score with
    their weights); ``excluded`` the features without rank; ``base_class`` the run's classes.
    ``progress`` (optional) is called with 0–1 after each block of variants and may raise to
    cancel. Deterministic for a given ``seed``.
    """
    keys = [k for k in criteria if float(weights.get(k, 0.0)) > 0]
    excl = np.asarray(excluded, bool)
    n = excl.size
    ok = ~excl
    m = int(ok.sum())
    stab = np.full(n, np.nan)
    lo = np.zeros(n, np.int64)
    hi = np.zeros(n, np.int64)
    if draws <= 0 or m == 0 or not keys:
        return Stability(stab, lo, hi, 0, False)
    use = min(draws, max(1, max_cells // max(m, 1)))
    reduced = use < draws
    w = draw_weights({k: weights[k] for k in keys}, use, concentration, seed)
    c = np.column_stack([np.asarray(criteria[k], dtype=float)[ok] for k in keys])
    known = np.isfinite(c)
    c = np.where(known, c, 0.0)
    tb = (np.arange(n) if tiebreak is None else np.asarray(tiebreak))[ok]
    # features pre-sorted by the tiebreak once: a stable sort of the scores then breaks ties by it
    by_tb = np.argsort(tb, kind="stable")
    c, known = c[by_tb], known[by_tb]
    base = _class_index(np.asarray(base_class, dtype=object)[ok][by_tb])
    cuts = np.sort(np.asarray(breaks, dtype=float))
    same = np.zeros(m, np.int64)
    ranks = np.empty((m, use), dtype=np.int32)
    pos = np.empty(m, dtype=np.int32)
    steps = np.arange(1, m + 1, dtype=np.int32)
    for start in range(0, use, block):
        s = _scores(c, known, w[start:start + block])
        for j in range(s.shape[1]):
            col = np.nan_to_num(s[:, j], nan=-1.0)
            # class index 0 = A … 3 = D, as common.classify (score ≥ break)
            same += (len(cuts) - np.searchsorted(cuts, col, side="right")) == base
            # rank 1 = highest score, ties by the tiebreak, as in the run (common.rank)
            order = np.argsort(-col, kind="stable")
            pos[order] = steps
            ranks[:, start + j] = pos
        if progress is not None:
            progress(min(1.0, (start + block) / use))
    back = np.empty(m, np.int64)
    back[by_tb] = np.arange(m)
    stab[ok] = (same / use)[back]
    lo[ok] = np.percentile(ranks, 10, axis=1, method="lower")[back]
    hi[ok] = np.percentile(ranks, 90, axis=1, method="higher")[back]
    return Stability(stab, lo, hi, use, reduced)


__all__ = ["CLASS_LABELS", "CONCENTRATION", "DRAWS", "EXCLUDED", "STABLE_SHARE", "Stability", "draw_weights",
           "rank_stability"]
