"""Rank stability: would this feature still be on top with other weights?

The weights of every scoring algorithm are the planner's choice. To show how much a priority
depends on that choice, the weights are varied around the chosen ones and every feature is
re-scored from its criteria (``c_*``) for each variant, all with numpy:

- the variants are drawn from a Dirichlet distribution whose mean is the chosen weight shares
  and whose concentration κ sets the spread: a share p varies with the standard deviation
  √(p(1 − p)/(κ + 1)); κ = 50 (the default, plugin's choice [U]) moves a share of 0.3 by about
  ±0.06, a smaller κ varies the weights more;
- each variant scores as :func:`common.weighted_score` does (renormalised per feature over the
  criteria it has), classes and ranks as in the run (rank 1 = highest score, ties by the
  tiebreak);
- ``gi_stab`` = share of variants in which the feature keeps its class; ``gi_rank_lo`` /
  ``gi_rank_hi`` = 10th and 90th percentile of its rank over the variants.

Cost and memory at a million features: the class share needs no memory per variant and uses
every variant. The rank band keeps the rank of each feature in each variant (32-bit), at most
``max_cells`` (default 50 million = 200 MB) of them, so with many features the band is taken
from the first ``max_cells // features`` variants (``rank_draws``; 50 at a million). A
variant's ranks come from one sort of 64-bit keys (the score's descending order in the high
bits, the feature's tiebreak position in the low bits) instead of a stable argsort of the
scores: the same order, about eight times as fast at a million features; two scores closer
than 100 / 2^(64 − bits of n) points (about 1e-10 at a million) count as tied and follow the
tiebreak. No qgis imports.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from .common import CLASS_BREAKS, CLASS_LABELS, EXCLUDED, combine_suit_need

DRAWS = 200  # default number of weight variants [U]: enough for a stable 10/90 percentile
CONCENTRATION = 50.0  # default Dirichlet concentration κ [U]
MAX_CELLS = 50_000_000  # ranks kept at once (features × variants), 200 MB as int32: 50 variants at 1 M features
STABLE_SHARE = 0.8  # "robust priority" when the class holds in at least 80 % of variants [U]
LOW_PERCENTILE, HIGH_PERCENTILE = 10, 90  # the rank band


@dataclass
class Stability:
    stab: np.ndarray  # 0–1, NaN where excluded
    rank_lo: np.ndarray  # 10th percentile of the rank (best plausible), 0 where excluded
    rank_hi: np.ndarray  # 90th percentile (worst plausible), 0 where excluded
    draws: int  # variants behind gi_stab
    rank_draws: int = 0  # variants behind the rank band (fewer than ``draws`` under the memory bound)

    @property
    def reduced(self) -> bool:
        """True when the rank band used fewer variants than the class share (memory bound)."""
        return self.rank_draws < self.draws


def draw_weights(weights: Mapping[str, float], draws: int, concentration: float = CONCENTRATION,
                 seed: int = 0) -> np.ndarray:
    """(draws × criteria) weight shares around the chosen ones (rows sum to 1)."""
    keys = list(weights)
    w = np.array([float(weights[k]) for k in keys], dtype=float)
    if not np.all(np.isfinite(w)) or (w < 0).any() or w.sum() <= 0:
        raise ValueError("weights must be finite, non-negative and not all 0")
    if not np.isfinite(concentration) or concentration <= 0:
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


def _class_bounds(base: np.ndarray, breaks: Sequence[float]) -> tuple[np.ndarray, np.ndarray]:
    """Per feature the score range [low, high) of its run class (common.classify: score ≥ break);
    an empty range for X, so it never counts as "the same class"."""
    edges = np.array([np.inf, *sorted(breaks, reverse=True), -np.inf])  # A: [75, inf) … D: [-inf, 25)
    low = np.where(base >= 0, edges[np.clip(base + 1, 0, len(edges) - 1)], np.inf)
    high = np.where(base >= 0, edges[np.clip(base, 0, len(edges) - 1)], -np.inf)
    return low, high


class _MeanScore:
    """Weighted means of a block of criteria for one weight vector: one matrix-vector product,
    renormalised only on the features that miss a criterion (as ``common.weighted_score``)."""

    def __init__(self, c: np.ndarray, known: np.ndarray, rows: np.ndarray):
        self.rows = rows
        self.c = np.ascontiguousarray(c[rows])
        k = known[rows]
        self.gaps = np.flatnonzero(~k.all(axis=0))  # features without some criterion of the block
        self.known = np.ascontiguousarray(k[:, self.gaps].astype(float))

    def __call__(self, w: np.ndarray) -> np.ndarray | None:
        ws = w[self.rows]
        total = ws.sum()
        if total <= 0:
            return None  # no weight on this block: not in the score (as common.score_formula)
        raw = ws @ self.c
        score = 100.0 * raw / total  # the variant's weights sum to 1 only up to rounding: divide, as the run
        if self.gaps.size:  # renormalised over the criteria these features have
            wsum = ws @ self.known
            with np.errstate(invalid="ignore", divide="ignore"):
                score[self.gaps] = np.where(wsum > 0, 100.0 * raw[self.gaps] / wsum, np.nan)
        return score


class _Ranker:
    """Unique ranks 1..m of one variant's scores: highest first, ties by position (features are
    pre-sorted by the tiebreak, so position = tiebreak order), as ``common.rank``."""

    def __init__(self, m: int):
        self.low_bits = max(1, int(m).bit_length())
        # the score's bits below the top one: 100 points map to at most 2^(63 − low bits), so the
        # shifted key stays below 2^63 (a float of 2^k − 1 rounds up to 2^k and would wrap around)
        self.scale = float(1 << (63 - self.low_bits)) / 100.0
        self.index = np.arange(m, dtype=np.uint64)
        self.mask = np.uint64((1 << self.low_bits) - 1)
        self.shift = np.uint64(self.low_bits)
        self.steps = np.arange(1, m + 1, dtype=np.int32)

    def __call__(self, score: np.ndarray, out: np.ndarray) -> None:
        desc = np.clip(100.0 - np.nan_to_num(score, nan=-1.0), 0.0, 100.0)  # 0 = best
        key = np.sort((desc * self.scale).astype(np.uint64) << self.shift | self.index)
        out[(key & self.mask).astype(np.intp)] = self.steps


def rank_stability(criteria: Mapping[str, np.ndarray], weights: Mapping[str, float], excluded: np.ndarray,
                   base_class: np.ndarray, draws: int = DRAWS, concentration: float = CONCENTRATION,
                   seed: int = 0, tiebreak: np.ndarray | None = None, breaks: Sequence[float] = CLASS_BREAKS,
                   max_cells: int = MAX_CELLS, block: int = 8,
                   progress: Callable[[float], None] | None = None,
                   score_fn: Callable[[dict[str, float]], np.ndarray] | None = None,
                   groups: Mapping[str, Sequence[str]] | None = None,
                   need_share: float | None = None) -> Stability:
    """Class stability and rank band of every feature under weight variants (see module doc).

    ``criteria`` and ``weights`` are those of the run's score (the criteria in the score with
    their weights); ``excluded`` the features without rank; ``base_class`` the run's classes.
    ``progress`` (optional) is called with 0–1 after each block of variants and may raise to
    cancel. Deterministic for a given ``seed``. The scores of a variant are the weighted mean
    (:func:`common.weighted_score`, one matrix-vector product); with ``groups`` and
    ``need_share`` the suitability and need means combined as in the run
    (:func:`common.score_formula`: one product per side, then :func:`common.combine_suit_need`);
    an algorithm whose score is yet another function of the weights gives it as ``score_fn``
    (weights -> scores of all features; slower).
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
        return Stability(stab, lo, hi, 0, 0)
    use = min(draws, max(1, max_cells // m))  # variants whose ranks are kept
    w = draw_weights({k: weights[k] for k in keys}, draws, concentration, seed)
    c = np.vstack([np.asarray(criteria[k], dtype=float)[ok] for k in keys])  # criteria × features
    known = np.isfinite(c)
    tb = (np.arange(n) if tiebreak is None else np.asarray(tiebreak))[ok]
    # features pre-sorted by the tiebreak once: the rank keys then break ties by position
    by_tb = np.argsort(tb, kind="stable")
    c = np.where(known, c, 0.0)[:, by_tb]
    known = known[:, by_tb]
    mean = _MeanScore(c, known, np.arange(len(keys)))
    sides = None
    if need_share is not None and groups:
        sides = {g: _MeanScore(c, known, np.array([i for i, k in enumerate(keys) if k in set(ks)], dtype=np.intp))
                 for g, ks in groups.items()}
    low, high = _class_bounds(_class_index(np.asarray(base_class, dtype=object)[ok][by_tb]), breaks)
    same = np.zeros(m, np.int64)
    ranks = np.empty((use, m), dtype=np.int32)  # one contiguous row per variant
    ranker = _Ranker(m)
    with np.errstate(invalid="ignore", divide="ignore"):
        for j in range(draws):
            if score_fn is not None:
                score = np.asarray(score_fn(dict(zip(keys, w[j]))), dtype=float)[ok][by_tb]
            elif sides is not None:
                part = {g: side(w[j]) for g, side in sides.items()}
                score = combine_suit_need(part.get("suit"), part.get("need"), need_share, m)
            else:
                score = mean(w[j])
            same += (score >= low) & (score < high)
            if j < use:
                ranker(score, ranks[j])
            if progress is not None and (j % block == block - 1 or j == draws - 1):
                progress((j + 1) / draws)
    where = np.flatnonzero(ok)[by_tb]  # feature index of each sorted position
    stab[where] = same / draws
    k_lo = int(np.floor((use - 1) * LOW_PERCENTILE / 100.0))  # numpy's "lower" / "higher" percentiles
    k_hi = int(np.ceil((use - 1) * HIGH_PERCENTILE / 100.0))
    step = 1 << 16  # per slice of features: a transposed copy of 65,536 × variants at a time
    for a in range(0, m, step):
        part = np.partition(ranks[:, a:a + step].T, [k_lo, k_hi], axis=1)
        lo[where[a:a + step]] = part[:, k_lo]
        hi[where[a:a + step]] = part[:, k_hi]
    return Stability(stab, lo, hi, draws, use)


__all__ = ["CLASS_BREAKS", "CLASS_LABELS", "CONCENTRATION", "DRAWS", "EXCLUDED", "STABLE_SHARE", "Stability", "draw_weights",
           "rank_stability"]
