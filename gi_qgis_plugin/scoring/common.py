"""What every scoring algorithm shares: normalisation, weighted scores, classes, ranks, codes.

The contract (DESIGN.md §3): ``gi_score`` 0–100 (higher = act first, NaN where excluded),
``gi_class`` A–D or X, ``gi_rank`` 1 = best, ``gi_hz`` two-digit Handlungsziel numbers,
``gi_flags`` machine codes, ``gi_reason`` words, ``c_<criterion>`` 0–1 before weighting.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import ClassVar

import numpy as np

from ..contract import CLASS_BREAKS, CLASS_LABELS, EXCLUDED
from .reasons import per_value


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
        if ok.all():  # the same sums without selecting
            total += w * c
            wsum += w
        else:
            total[ok] += w * c[ok]
            wsum[ok] += w
    with np.errstate(invalid="ignore", divide="ignore"):
        score = np.where(wsum > 0, 100.0 * total / wsum, np.nan)
    return score


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
    tbi = tb[idx]
    if tbi.size < 2 or bool(np.all(tbi[1:] >= tbi[:-1])):  # already in tiebreak order: a stable sort keeps it
        order = np.argsort(-score[idx], kind="stable")
    else:
        order = np.lexsort((tbi, -score[idx]))
    out[idx[order]] = np.arange(1, idx.size + 1)
    return out


def join_codes(columns: Sequence[tuple[str, np.ndarray]], n: int) -> np.ndarray:
    """Comma-separated codes per feature from (code, boolean mask) pairs, in the given order.

    Used for ``gi_flags`` and ``gi_hz``. Vectorised over features: the codes a feature carries
    as the bits of one number, the text built once per distinct combination."""
    used = [(code, np.asarray(mask, bool)) for code, mask in columns]
    used = [(code, mask) for code, mask in used if mask.any()]
    if len(used) > 62 or not all(type(code) is str and code for code, _ in used):
        return _join_codes_plain(used, n)
    bits = np.zeros(n, dtype=np.int64)
    for j, (_, mask) in enumerate(used):
        bits[mask] |= 1 << j
    return per_value(bits, lambda b: ",".join([code for j, (code, _) in enumerate(used) if b >> j & 1]))


def _join_codes_plain(columns: Sequence[tuple[str, np.ndarray]], n: int) -> np.ndarray:
    out = np.full(n, "", dtype=object)
    for code, mask in columns:
        has = out[mask] != ""
        out[mask] = np.where(has, out[mask] + "," + code, code)
    return out


def contributions(criteria: Mapping[str, np.ndarray], weights: Mapping[str, float]) -> dict[str, np.ndarray]:
    """Score points per criterion and feature: the chart of the inspector is the score formula.

    Each criterion with a value and a positive weight contributes ``100 × w × c / Σw``, where Σw
    sums the weights of the criteria *that have a value for this feature*, exactly as
    :func:`weighted_score` renormalises. So for every feature the points add up to its score
    (up to rounding); a criterion without a value gets NaN points.

    >>> contributions({"a": np.array([1.0]), "b": np.array([np.nan])}, {"a": 3, "b": 2})["a"]
    array([100.])
    """
    names = [k for k in criteria if weights.get(k, 0.0) > 0]
    if not names:
        return {}
    arrays = {k: np.atleast_1d(np.asarray(criteria[k], dtype=float)) for k in names}
    n = len(next(iter(arrays.values())))
    wsum = np.zeros(n)
    for k in names:
        wsum += np.where(np.isfinite(arrays[k]), float(weights[k]), 0.0)
    out: dict[str, np.ndarray] = {}
    with np.errstate(invalid="ignore", divide="ignore"):
        for k in names:
            c = arrays[k]
            out[k] = np.where(np.isfinite(c) & (wsum > 0), 100.0 * float(weights[k]) * c / wsum, np.nan)
    return out


def contributions_split(criteria: Mapping[str, np.ndarray], weights: Mapping[str, float],
                        groups: Mapping[str, Sequence[str]], need_share: float) -> dict[str, np.ndarray]:
    """Score points per criterion when the score combines suitability and need
    (:func:`combine_suit_need`), so the chart still adds up to gi_score.

    Each side gets its exponent's share of the score, (1 − s) for suitability and s for need,
    split among that side's criteria by their points within the side (:func:`contributions`);
    where only one side has a value, that side's points are the score.
    """
    s = float(need_share)
    sides = {g: contributions({k: criteria[k] for k in keys if k in criteria}, weights) for g, keys in groups.items()}
    sides = {g: pts for g, pts in sides.items() if pts}  # a side whose weights are all 0 is not in the score
    totals = {g: (np.nansum(np.column_stack(list(pts.values())), axis=1) if pts else None) for g, pts in sides.items()}
    has = {g: (None if pts is None else np.isfinite(np.column_stack(list(sides[g].values()))).any(axis=1))
           for g, pts in totals.items()}
    n = len(next(iter(np.atleast_1d(np.asarray(v, dtype=float)) for v in criteria.values())))
    suit_t, need_t = totals.get("suit"), totals.get("need")
    both = np.zeros(n, bool) if suit_t is None or need_t is None else has["suit"] & has["need"]
    score = combine_suit_need(None if suit_t is None else np.where(has["suit"], suit_t, np.nan),
                              None if need_t is None else np.where(has["need"], need_t, np.nan), s, n)
    out: dict[str, np.ndarray] = {}
    for g, pts in sides.items():
        share = (1.0 - s) if g == "suit" else s
        with np.errstate(invalid="ignore", divide="ignore"):
            scale = np.where(both, np.where(totals[g] > 0, share * score / totals[g], 0.0), 1.0)
        for k, v in pts.items():
            out[k] = v * scale
    return out


def weights_from_rows(score: np.ndarray, criteria: Mapping[str, np.ndarray], tol: float = 0.05) -> dict[str, float] | None:
    """Recover the relative weights of an old result from its own rows (least squares).

    Only for result files without a run record. Uses the rows where every criterion and the
    score are known; returns weights summing to 1, or None when no exact fit exists (the mean
    absolute residual exceeds ``tol`` score points) or there are too few rows.
    """
    keys = list(criteria)
    if not keys:
        return None
    s = np.asarray(score, dtype=float)
    m = np.column_stack([np.asarray(criteria[k], dtype=float) for k in keys])
    ok = np.isfinite(s) & np.isfinite(m).all(axis=1)
    if ok.sum() < len(keys) + 1:
        return None
    a, b = m[ok] * 100.0, s[ok]
    w, *_ = np.linalg.lstsq(a, b, rcond=None)
    if not np.all(np.isfinite(w)) or np.mean(np.abs(a @ w - b)) > tol:
        return None
    w = np.clip(w, 0.0, None)
    total = w.sum()
    if total <= 0:
        return None
    return {k: float(v / total) for k, v in zip(keys, w)}


@dataclass
class ScoreCore:
    """The contract fields of a scoring run, before any domain field."""

    score: np.ndarray  # 0–100, NaN where excluded or without any criterion
    gi_class: np.ndarray  # A–D, X
    rank: np.ndarray  # 1 = best, 0 = excluded (written as NULL)
    flags: np.ndarray  # "code,code"
    hz: np.ndarray  # "02,24"
    excluded: np.ndarray  # bool: class X
    criteria: dict[str, np.ndarray]  # c_<key> of every criterion with data (whatever its weight)
    scored: list[str]  # criteria in the score: data and weight > 0, in the spec's order
    weights: dict[str, float]  # the weights of ``scored`` as given (not normalised)
    masks: dict[str, np.ndarray]  # every flag code -> mask (exclusions, caveats, no_criteria)
    suit: np.ndarray | None = None  # weighted mean of the suitability criteria, 0–100
    need: np.ndarray | None = None  # weighted mean of the need criteria, 0–100
    left_out: list[str] = field(default_factory=list)  # weighted criteria without any data


def finish(order: Sequence[str], criteria: Mapping[str, np.ndarray | None], weights: Mapping[str, float],
           exclusions: Mapping[str, np.ndarray], caveats: Mapping[str, np.ndarray],
           hz: Sequence[tuple[str, np.ndarray]], n: int, tiebreak: np.ndarray | None = None,
           groups: Mapping[str, Sequence[str]] | None = None,
           breaks: Sequence[float] = CLASS_BREAKS, need_share: float | None = None) -> ScoreCore:
    """The contract assembly every scoring algorithm shares.

    ``order`` is the spec's criterion order; ``criteria`` maps keys to 0–1 arrays (None or an
    array without a finite value = no data: left out and reported in ``left_out`` when it has a
    weight). Exclusion masks (in flag order) make a feature class X without score and rank;
    caveat masks only add flags. A feature that is not excluded but has no criterion value gets
    the flag ``no_criteria`` and class X. ``hz`` is a list of (code, mask) in output order.
    ``groups`` maps "suit"/"need" to criterion keys for the two sub-scores. With
    ``need_share`` (0–1) the score combines the two sub-scores instead of averaging all criteria:
    see :func:`combine_suit_need`. Raises ValueError when no criterion with data has a positive
    weight.
    """
    have = {k: np.asarray(v, dtype=float) for k, v in criteria.items()
            if v is not None and np.isfinite(np.asarray(v, dtype=float)).any()}
    left_out = [k for k in order if k not in have and float(weights.get(k, 0.0)) > 0]
    scored = [k for k in order if k in have and float(weights.get(k, 0.0)) > 0]
    if not scored:
        raise ValueError("no criterion with data has a positive weight")
    used = {k: float(weights[k]) for k in scored}
    zeros = np.zeros(n, bool)
    excluded = np.logical_or.reduce([np.asarray(m, bool) for m in exclusions.values()] + [zeros])
    score, sub = score_formula({k: have[k] for k in scored}, used, n, groups, need_share)
    no_criteria = ~excluded & ~np.isfinite(score)
    score = np.where(excluded, np.nan, score)
    out_excluded = excluded | ~np.isfinite(score)
    masks = {k: np.asarray(m, bool) for k, m in exclusions.items()}
    masks["no_criteria"] = no_criteria
    masks.update({k: np.asarray(m, bool) for k, m in caveats.items()})
    flags = join_codes([(k, masks[k]) for k in (*exclusions, "no_criteria", *caveats)], n)
    sub = {g: None if v is None else np.where(out_excluded, np.nan, v) for g, v in sub.items()}
    return ScoreCore(
        score=score, gi_class=classify(score, excluded, breaks),
        rank=rank(score, out_excluded, tiebreak), flags=flags, hz=join_codes(hz, n),
        excluded=out_excluded, criteria=dict(have), scored=scored, weights=used, masks=masks,
        suit=sub.get("suit"), need=sub.get("need"), left_out=left_out,
    )


def score_formula(criteria: Mapping[str, np.ndarray], weights: Mapping[str, float], n: int,
                  groups: Mapping[str, Sequence[str]] | None = None,
                  need_share: float | None = None) -> tuple[np.ndarray, dict[str, np.ndarray | None]]:
    """The score of every feature from its criteria (those in the score, with their weights) and
    the sub-scores per group: the weighted mean (:func:`weighted_score`), or with ``need_share``
    the combination of suitability and need (:func:`combine_suit_need`). One formula for the run
    (:func:`finish`), the rank stability and the dock's live weights."""
    score = weighted_score(criteria, weights)
    sub: dict[str, np.ndarray | None] = {}
    for group, keys in (groups or {}).items():
        ks = [k for k in keys if k in criteria and float(weights.get(k, 0.0)) > 0]
        sub[group] = None if not ks else weighted_score({k: criteria[k] for k in ks}, {k: weights[k] for k in ks})
    if need_share is not None and groups:
        score = combine_suit_need(sub.get("suit"), sub.get("need"), need_share, n)
    return score, sub


def combine_suit_need(suit: np.ndarray | None, need: np.ndarray | None, need_share: float, n: int) -> np.ndarray:
    """The score from suitability and need (both 0–100): a weighted geometric mean,
    100 × (suit/100)^(1 − s) × (need/100)^s with s = ``need_share``.

    Unlike an average, a high value on one side cannot make up for a low one on the other: a
    large roof in a cool, green area does not outrank a fair roof in a heat hotspot. Where only
    one sub-score has a value (no need data at all, say), the score is that sub-score.
    """
    nan = np.full(n, np.nan)
    a = nan if suit is None else np.asarray(suit, dtype=float)
    b = nan if need is None else np.asarray(need, dtype=float)
    s = float(need_share)
    with np.errstate(invalid="ignore", divide="ignore"):
        both = 100.0 * np.clip(a / 100.0, 0.0, None) ** (1.0 - s) * np.clip(b / 100.0, 0.0, None) ** s
    return np.where(np.isfinite(a) & np.isfinite(b), both, np.where(np.isfinite(a), a, b))


@dataclass
class Scored:
    """What a domain's pure scoring step hands to the shared finish (:func:`finish`).

    ``criteria`` maps every criterion key of the spec to a 0–1 array, or None without data;
    ``exclusions`` and ``caveats`` map flag codes to masks in flag order; ``hz`` is a list of
    (two-digit code, mask); ``columns`` are the domain's output fields after the ``c_*`` fields,
    as (name, "double" | "int" | "long" | "text", values). When one input feature gives several
    output rows (street segments), ``geoms`` holds the output geometries and ``source_index``
    the input row of each output row; otherwise both stay None (one row per input feature).
    A subclass adds its domain arrays and overrides :meth:`reasons`; ``TEXTS`` are its
    ``N_``-marked reason templates (translated by the caller).
    """

    TEXTS: ClassVar[Mapping[str, str]] = {}

    n: int
    criteria: dict[str, np.ndarray | None]
    exclusions: dict[str, np.ndarray]
    caveats: dict[str, np.ndarray]
    hz: list[tuple[str, np.ndarray]]
    tiebreak: np.ndarray | None = None
    columns: list[tuple[str, str, np.ndarray]] = field(default_factory=list)
    geoms: np.ndarray | None = None
    source_index: np.ndarray | None = None
    need_share: float | None = None  # set: the score combines gi_suit and gi_need (combine_suit_need)

    def reasons(self, core: ScoreCore, texts, tick=None) -> np.ndarray:
        """``gi_reason`` per output row (``texts``: a ``scoring.reasons.Texts``)."""
        return np.full(self.n, "", dtype=object)


def finish_scored(order: Sequence[str], scored: Scored, weights: Mapping[str, float],
                  groups: Mapping[str, Sequence[str]] | None = None,
                  breaks: Sequence[float] = CLASS_BREAKS) -> ScoreCore:
    """:func:`finish` on what a domain's scoring step returned."""
    return finish(order, scored.criteria, weights, scored.exclusions, scored.caveats, scored.hz, scored.n,
                  scored.tiebreak, groups, breaks, scored.need_share)
