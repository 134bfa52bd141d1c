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
tiebreak.

Speed without another result (``tests/test_stability_identity.py`` checks it against a plain
implementation): each variant is scored in place with the same floating-point operations as the
plain formula; the variants are spread over the machine's cores (numpy releases the GIL, each
thread has its own buffers and counts, the result does not depend on the number of threads); a
variant whose ranks are not kept tests the classes in single precision and decides the features
near a class bound exactly (:class:`_Approx`); the rank band sorts each feature's ranks in place
instead of partitioning a transposed copy. No qgis imports.
"""

from __future__ import annotations

import os
import threading
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
        at_gaps = raw[self.gaps] if self.gaps.size else None
        # 100 × raw / total, in place; the variant's weights sum to 1 only up to rounding: divide, as the run
        raw *= 100.0
        raw /= total
        if at_gaps is not None:  # renormalised over the criteria these features have
            wsum = ws @ self.known
            with np.errstate(invalid="ignore", divide="ignore"):
                raw[self.gaps] = np.where(wsum > 0, 100.0 * at_gaps / wsum, np.nan)
        return raw

    def at(self, w: np.ndarray, idx: np.ndarray) -> np.ndarray | None:
        """As calling it, for the features ``idx`` only (the same operations per feature)."""
        ws = w[self.rows]
        total = ws.sum()
        if total <= 0:
            return None
        raw = ws @ self.c[:, idx]
        gap = at_gaps = None
        if self.gaps.size and idx.size:
            pos = np.minimum(np.searchsorted(self.gaps, idx), self.gaps.size - 1)
            gap = self.gaps[pos] == idx
            at_gaps = raw[gap]
        raw *= 100.0
        raw /= total
        if gap is not None and gap.any():
            wsum = ws @ self.known[:, pos[gap]]
            with np.errstate(invalid="ignore", divide="ignore"):
                raw[gap] = np.where(wsum > 0, 100.0 * at_gaps / wsum, np.nan)
        return raw


class _Approx:
    """The class test of a variant in single precision, for the variants whose ranks are not
    kept (only whether each feature keeps its class counts there).

    With criteria in 0–1 (those that are not 0 at least 10⁻⁶) and every weight at least 10⁻²⁰,
    no single-precision value underflows, and the score of a feature comes out within 3·10⁻⁴
    points of the double-precision one (a relative error of at most about 2.5·10⁻⁶ on at most
    100 points). Every feature within ``EPS`` = 0.01 points of its class bounds, with a side mean
    below 10⁻⁶ (where a power would magnify the error), or without some criterion is decided by
    the exact score (:meth:`_MeanScore.at`, the same operations as for all features); every other
    one is certainly on the same side of its bounds either way."""

    EPS = np.float32(0.01)
    TINY = np.float32(1e-6)

    def __init__(self, c: np.ndarray, sides: Sequence[_MeanScore], share: float | None, low: np.ndarray,
                 high: np.ndarray, always: np.ndarray):
        self.sides = list(sides)
        self.c32 = [side.c.astype(np.float32) for side in self.sides]
        self.share = share
        self.low32 = low.astype(np.float32)
        self.high32 = high.astype(np.float32)
        self.always = always

    @staticmethod
    def usable(c: np.ndarray) -> bool:
        if c.size == 0 or c.min() < 0 or c.max() > 1:
            return False
        nonzero = c[c > 0]
        return nonzero.size == 0 or float(nonzero.min()) >= 1e-6


# Criteria beyond this size could overflow a variant's weighted sum; such input takes the plain
# path, which needs no knowledge of where a score can be NaN.
_BOUNDED = 1e100


class _Variant:
    """One thread's buffers for scoring, classing and ranking variants (no allocation per variant
    beyond the matrix-vector products).

    The score of a variant is computed with the same floating-point operations, in the same order,
    as the plain formula (:class:`_MeanScore`, :func:`common.combine_suit_need`), only in place;
    where a score cannot be NaN (a feature that has every criterion of the score) the NaN rules of
    the plain formula are skipped, and they are applied, by the plain formula itself, to the few
    features that miss a criterion (``maybe_nan``)."""

    def __init__(self, m: int, mean: _MeanScore, sides: dict[str, _MeanScore] | None, need_share: float | None,
                 maybe_nan: np.ndarray | None, low: np.ndarray, high: np.ndarray, ranker: _Ranker,
                 negative: bool = True, approx: _Approx | None = None):
        self.negative = negative  # some criterion is below 0
        self.approx = approx
        if approx is not None:
            self.r32 = [np.empty(m, np.float32) for _ in approx.sides]
            self.t32 = np.empty(m, np.float32)
            self.unsure = np.empty(m, bool)
        self.m, self.mean, self.sides, self.need_share = m, mean, sides, need_share
        self.maybe_nan, self.low, self.high, self.ranker = maybe_nan, low, high, ranker
        self.same = np.zeros(m, np.int64)
        self.count = np.zeros(m, np.uint8)  # kept classes since the last fold into ``same`` (< 256)
        self.counted = 0
        self.hit = np.empty(m, bool)
        self.below = np.empty(m, bool)
        self.desc = np.empty(m)
        self.key = np.empty(m, np.uint64)

    def score(self, w: np.ndarray) -> np.ndarray:
        if self.sides is None:
            return self.mean(w)
        part = {g: side(w) for g, side in self.sides.items()}
        a, b = part.get("suit"), part.get("need")
        if a is None or b is None or self.maybe_nan is None:
            return combine_suit_need(a, b, self.need_share, self.m)
        # 100 × clip(a / 100, 0)^(1 − s) × clip(b / 100, 0)^s, as combine_suit_need, in place
        s = float(self.need_share)
        fix = self.maybe_nan
        a_fix, b_fix = a[fix], b[fix]
        for v, e in ((a, 1.0 - s), (b, s)):
            v /= 100.0
            if self.negative:  # else clip(·, 0) changes no value: the means of criteria ≥ 0 are ≥ 0 or NaN
                np.clip(v, 0.0, None, out=v)
            v **= e
        a *= 100.0
        a *= b
        if fix.size:  # where a side may have no value: the plain rule
            a[fix] = combine_suit_need(a_fix, b_fix, s, fix.size)
        return a

    def fold(self) -> np.ndarray:
        """The counts of kept classes so far (``same``)."""
        self.same += self.count
        self.count[:] = 0
        self.counted = 0
        return self.same

    def exact_at(self, w: np.ndarray, idx: np.ndarray) -> np.ndarray:
        """The exact scores of the features ``idx`` (as :meth:`score` gives them)."""
        if self.sides is None:
            return self.mean.at(w, idx)
        part = {g: side.at(w, idx) for g, side in self.sides.items()}
        return combine_suit_need(part.get("suit"), part.get("need"), self.need_share, idx.size)

    def kept_approx(self, w: np.ndarray) -> bool:
        """Mark in ``hit`` the features that keep their class, by :class:`_Approx`; False (nothing
        done) when a weight is too small for it."""
        ap = self.approx
        means = []
        for side, c32, r in zip(ap.sides, ap.c32, self.r32):
            ws = w[side.rows]
            total = ws.sum()
            if total <= 0 or ws.min() < 1e-20:
                return False
            w32 = ws.astype(np.float32)
            np.multiply(c32[0], w32[0], out=r)
            for i in range(1, w32.size):
                np.multiply(c32[i], w32[i], out=self.t32)
                r += self.t32
            r *= np.float32(1.0 / total)  # the side mean / 100
            means.append(r)
        unsure, t, near = self.unsure, self.t32, self.below
        unsure[:] = False
        for r in means:  # a small mean that is not 0: decided exactly
            np.less(r, ap.TINY, out=near)
            np.logical_and(near, r > 0, out=near)
            unsure |= near
        score = means[0]
        if ap.share is None:
            score *= np.float32(100.0)
        else:
            s = float(ap.share)
            score **= 1.0 - s
            means[1] **= s
            score *= np.float32(100.0)
            score *= means[1]
        for bound in (ap.low32, ap.high32):
            np.subtract(score, bound, out=t)
            np.abs(t, out=t)
            np.less_equal(t, ap.EPS, out=near)
            unsure |= near
        unsure[ap.always] = True
        np.greater_equal(score, ap.low32, out=self.hit)
        np.less(score, ap.high32, out=near)
        self.hit &= near
        idx = np.flatnonzero(unsure)
        if idx.size:
            exact = self.exact_at(w, idx)
            self.hit[idx] = (exact >= self.low[idx]) & (exact < self.high[idx])
        return True

    def run(self, w: np.ndarray, row: np.ndarray | None) -> None:
        """Score variant ``w``, count the features that keep their class, rank into ``row``."""
        if row is None and self.approx is not None and self.kept_approx(w):
            self.count += self.hit.view(np.uint8)
            self.counted += 1
            if self.counted == 255:
                self.fold()
            return
        score = self.score(w)
        np.greater_equal(score, self.low, out=self.hit)
        np.less(score, self.high, out=self.below)
        self.hit &= self.below
        self.count += self.hit.view(np.uint8)
        self.counted += 1
        if self.counted == 255:
            self.fold()
        if row is not None:
            self.ranker.rank(score, row, self.desc, self.key, self.maybe_nan)


_TOP_BIT = np.uint64(1 << 63)


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

    def rank(self, score: np.ndarray, out: np.ndarray, desc: np.ndarray, key: np.ndarray,
             maybe_nan: np.ndarray | None) -> None:
        """As calling the ranker, in the buffers ``desc`` (float) and ``key`` (uint64); a NaN score
        only where ``maybe_nan`` says (None: anywhere)."""
        np.subtract(100.0, score, out=desc)  # 0 = best; ±inf clip to 0 / 100 as the finite stand-ins do
        np.clip(desc, 0.0, 100.0, out=desc)
        if maybe_nan is None:
            desc[np.isnan(desc)] = 100.0  # NaN scores as -1 points: 101, clipped to 100
        elif maybe_nan.size:
            at = maybe_nan[np.isnan(desc[maybe_nan])]
            desc[at] = 100.0
        desc *= self.scale
        np.copyto(key.view(np.int64), desc, casting="unsafe")  # at most 2^(63 − low bits): as int64 (a faster cast)
        key <<= self.shift
        key |= self.index
        # sorted as int64 (faster than uint64) with the top bit flipped: the same order (a key
        # of 0 points is 2^63)
        key ^= _TOP_BIT
        signed = key.view(np.int64)
        signed.sort()
        signed &= int(self.mask)
        out[signed] = self.steps


def _threads(m: int, draws: int, workers: int | None) -> int:
    """Threads for the variants: the machine's cores (at most 4) for many features, else one."""
    if workers is not None:
        return max(1, min(int(workers), draws))
    if m < 50_000:
        return 1
    cores = getattr(os, "process_cpu_count", os.cpu_count)() or 1  # the cores this process may use (Python 3.13)
    return max(1, min(cores, 4, draws))


def _band(ranks: np.ndarray, k_lo: int, k_hi: int, threads: int = 1) -> tuple[np.ndarray, np.ndarray]:
    """Per feature (column of ``ranks``, variants × features) its ``k_lo``-th and ``k_hi``-th
    smallest rank (0-based), as ``np.partition`` gives them.

    ``ranks`` is sorted in place along the variants (a vectorised sort of each feature's few
    dozen ranks, no copy): two to four times as fast as partitioning a transposed copy; the
    features split among ``threads`` threads."""
    m = ranks.shape[1]
    step = -(-m // max(1, threads))

    def work(t: int) -> None:
        a, b = t * step, min(m, (t + 1) * step)
        if a < b:
            ranks[:, a:b].sort(axis=0)

    _in_threads(work, max(1, min(threads, m)))
    return ranks[k_lo].copy(), ranks[k_hi].copy()


def _in_threads(work: Callable[[int], None], threads: int) -> None:
    """``work(t)`` for t = 0 … threads − 1, t > 0 on threads of their own; their errors re-raised."""
    errors: list[BaseException] = []

    def run(t: int) -> None:
        try:
            work(t)
        except BaseException as exc:  # re-raised on the calling thread
            errors.append(exc)

    others = [threading.Thread(target=run, args=(t,), daemon=True) for t in range(1, threads)]
    for th in others:
        th.start()
    try:
        work(0)
    finally:
        for th in others:
            th.join()
    if errors:
        raise errors[0]


def rank_stability(criteria: Mapping[str, np.ndarray], weights: Mapping[str, float], excluded: np.ndarray,
                   base_class: np.ndarray, draws: int = DRAWS, concentration: float = CONCENTRATION,
                   seed: int = 0, tiebreak: np.ndarray | None = None, breaks: Sequence[float] = CLASS_BREAKS,
                   max_cells: int = MAX_CELLS, block: int = 8,
                   progress: Callable[[float], None] | None = None,
                   score_fn: Callable[[dict[str, float]], np.ndarray] | None = None,
                   groups: Mapping[str, Sequence[str]] | None = None,
                   need_share: float | None = None, workers: int | None = None) -> Stability:
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

    With many features the variants are spread over ``workers`` threads (default: the machine's
    cores, at most 4; numpy releases the GIL); the result is the same whatever their number.
    ``progress`` is only called from the calling thread.
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
    ranks = np.empty((use, m), dtype=np.int32)  # one contiguous row per variant
    ranker = _Ranker(m)
    # where a variant's score can be NaN: only where a feature misses a criterion (bounded input)
    maybe_nan = None
    if score_fn is None and float(np.abs(c).max(initial=0.0)) < _BOUNDED:
        maybe_nan = np.union1d(mean.gaps, np.concatenate([s.gaps for s in sides.values()])
                               if sides else mean.gaps).astype(np.intp)
    negative = bool((c < 0).any())
    approx = None  # the class test in single precision, for the variants whose ranks are not kept
    if maybe_nan is not None and use < draws and _Approx.usable(c):
        if sides is None:
            approx = _Approx(c, [mean], None, low, high, maybe_nan)
        elif "suit" in sides and "need" in sides:
            approx = _Approx(c, [sides["suit"], sides["need"]], need_share, low, high, maybe_nan)
    if score_fn is not None:
        same = np.zeros(m, np.int64)
        with np.errstate(invalid="ignore", divide="ignore"):
            for j in range(draws):
                score = np.asarray(score_fn(dict(zip(keys, w[j]))), dtype=float)[ok][by_tb]
                same += (score >= low) & (score < high)
                if j < use:
                    ranker(score, ranks[j])
                if progress is not None and (j % block == block - 1 or j == draws - 1):
                    progress((j + 1) / draws)
    else:
        if progress is not None:
            progress(0.0)  # after the set-up: a cancel is answered before the variants start
        same = _run_variants(w, use, ranks, progress, block, _threads(m, draws, workers),
                             lambda: _Variant(m, mean, sides, need_share, maybe_nan, low, high, ranker, negative, approx))
    where = np.flatnonzero(ok)[by_tb]  # feature index of each sorted position
    stab[where] = same / draws
    k_lo = int(np.floor((use - 1) * LOW_PERCENTILE / 100.0))  # numpy's "lower" / "higher" percentiles
    k_hi = int(np.ceil((use - 1) * HIGH_PERCENTILE / 100.0))
    band_lo, band_hi = _band(ranks, k_lo, k_hi, 1 if score_fn is not None else _threads(m, draws, workers))
    lo[where] = band_lo
    hi[where] = band_hi
    return Stability(stab, lo, hi, draws, use)


def _run_variants(w: np.ndarray, use: int, ranks: np.ndarray, progress, block: int, threads: int,
                  make: Callable[[], _Variant]) -> np.ndarray:
    """Every variant (rows of ``w``) through a :class:`_Variant` per thread; the counts of kept
    classes summed. Thread t takes the variants t, t + threads, …; the calling thread reports
    progress (each ``block`` variants, and while it waits for the others) and stops the others when
    ``progress`` raises (cancel)."""
    draws = len(w)
    every = max(1, block // threads)  # the calling thread's own variants between reports: ``block`` in all
    done = [0] * threads
    stop = threading.Event()
    errors: list[BaseException] = []
    variants = [make() for _ in range(threads)]

    def work(t: int) -> None:
        try:
            with np.errstate(invalid="ignore", divide="ignore"):
                for j in range(t, draws, threads):
                    if stop.is_set():
                        return
                    variants[t].run(w[j], ranks[j] if j < use else None)
                    done[t] += 1
        except BaseException as exc:  # re-raised on the calling thread
            errors.append(exc)
            stop.set()

    others = [threading.Thread(target=work, args=(t,), daemon=True) for t in range(1, threads)]
    for th in others:
        th.start()
    try:
        with np.errstate(invalid="ignore", divide="ignore"):
            for j in range(0, draws, threads):
                if stop.is_set():
                    break
                variants[0].run(w[j], ranks[j] if j < use else None)
                done[0] += 1
                if progress is not None and (done[0] % every == 0 or j + threads >= draws):
                    progress(sum(done) / draws)
        while any(th.is_alive() for th in others):
            for th in others:
                th.join(timeout=0.2)
            if progress is not None:
                progress(sum(done) / draws)
    except BaseException:
        stop.set()
        for th in others:
            th.join()
        raise
    if errors:
        raise errors[0]
    if progress is not None:
        progress(1.0)
    same = variants[0].fold().copy()
    for v in variants[1:]:
        same += v.fold()
    return same


__all__ = ["CLASS_BREAKS", "CLASS_LABELS", "CONCENTRATION", "DRAWS", "EXCLUDED", "STABLE_SHARE", "Stability", "draw_weights",
           "rank_stability"]
