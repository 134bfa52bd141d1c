"""The fast rank stability and the fast reason texts give exactly what a plain implementation
gives (kept here as the reference): same gi_stab, rank band, gi_reason, gi_flags, bit for bit, on
random data with gaps (NaN), ties, exclusions and an unsorted tiebreak. No QGIS."""

from __future__ import annotations

import numpy as np
import pytest

from gi_qgis_plugin.scoring import reasons as R  # noqa: N812
from gi_qgis_plugin.scoring.common import classify, finish, join_codes, score_formula
from gi_qgis_plugin.scoring.stability import (
    CLASS_BREAKS,
    HIGH_PERCENTILE,
    LOW_PERCENTILE,
    draw_weights,
    rank_stability,
)


# ----------------------------------------------------------------------------------------------
# Plain references
# ----------------------------------------------------------------------------------------------
def plain_stability(criteria, weights, excluded, base_class, draws, concentration, seed, tiebreak, breaks,
                    max_cells, groups=None, need_share=None):
    """One variant after the other: the run's own score formula, classes by common.classify, ranks
    by a lexsort of the documented rank key (the score's distance from 100 points on the 64-bit
    grid of stability._Ranker, NaN as −1 point, ties by tiebreak), percentiles by a full sort."""
    keys = [k for k in criteria if weights.get(k, 0.0) > 0]
    n = len(excluded)
    ok = ~excluded
    idx = np.flatnonzero(ok)
    m = idx.size
    use = min(draws, max(1, max_cells // m))
    w = draw_weights({k: weights[k] for k in keys}, draws, concentration, seed)
    low_bits = max(1, int(m).bit_length())
    scale = float(1 << (63 - low_bits)) / 100.0
    same = np.zeros(n)
    ranks = np.zeros((use, n), np.int64)
    for j in range(draws):
        score = score_formula({k: criteria[k] for k in keys}, dict(zip(keys, w[j])), n, groups, need_share)[0]
        same += classify(score, np.zeros(n, bool), breaks) == base_class
        if j < use:
            desc = np.clip(100.0 - np.nan_to_num(score[idx], nan=-1.0), 0.0, 100.0)
            order = np.lexsort((tiebreak[idx], (desc * scale).astype(np.uint64)))
            ranks[j, idx[order]] = np.arange(1, m + 1)
    stab = np.where(ok, same / draws, np.nan)
    k_lo = int(np.floor((use - 1) * LOW_PERCENTILE / 100.0))
    k_hi = int(np.ceil((use - 1) * HIGH_PERCENTILE / 100.0))
    srt = np.sort(ranks, axis=0)
    return stab, np.where(ok, srt[k_lo], 0), np.where(ok, srt[k_hi], 0), use


def _data(n: int, seed: int):
    """Criteria on a coarse grid (many ties) with gaps, a whole side missing for some features,
    exclusions and features without any criterion, a shuffled tiebreak."""
    rng = np.random.default_rng(seed)
    crit = {}
    for k in ("s1", "s2", "s3", "n1", "n2"):
        v = rng.integers(0, 9, n) / 8.0  # 0, 0.125, … 1: ties, scores on the class breaks
        v[rng.random(n) < 0.08] = np.nan
        crit[k] = v
    no_suit = rng.random(n) < 0.03
    for k in ("s1", "s2", "s3"):
        crit[k][no_suit] = np.nan
    crit["n1"][:5] = np.nan
    crit["n2"][:5] = np.nan
    crit["s1"][:3] = np.nan  # features 0–2: no criterion at all (class X)
    crit["s2"][:3] = np.nan
    crit["s3"][:3] = np.nan
    excl = {"listed": rng.random(n) < 0.1}
    tiebreak = rng.permutation(n) * 3 + 7
    return crit, excl, tiebreak


GROUPS = {"suit": ("s1", "s2", "s3"), "need": ("n1", "n2")}
WEIGHTS = {"s1": 2.0, "s2": 1.0, "s3": 1.5, "n1": 2.0, "n2": 1.0}


@pytest.mark.parametrize("need_share", [None, 0.5, 0.3])
@pytest.mark.parametrize("workers", [1, 2])
@pytest.mark.parametrize("reduced", [False, True])
@pytest.mark.parametrize("spread", [8.0, 0.05])
def test_fast_stability_equals_the_plain_one(need_share, workers, reduced, spread):
    # 180 variants all ranked (the band: the 18th and 163rd of 180 ranks); reduced to 40 by the
    # memory bound (the 4th and 37th), and the other 140 variants test the classes in single
    # precision; κ = 0.05 draws weights so small (or 0) that the exact test takes over
    n = 4000
    crit, excl, tiebreak = _data(n, seed=11)
    core = finish(list(WEIGHTS), crit, WEIGHTS, excl, {}, [], n, tiebreak, GROUPS, need_share=need_share)
    m = int((~core.excluded).sum())
    assert core.excluded[:3].all() and m > 3000
    max_cells = 40 * m if reduced else 10**9
    criteria = {k: core.criteria[k] for k in core.scored}
    st = rank_stability(criteria, core.weights, core.excluded, core.gi_class, draws=180, concentration=spread, seed=4,
                        tiebreak=tiebreak, max_cells=max_cells, groups=GROUPS, need_share=need_share, workers=workers)
    stab, lo, hi, use = plain_stability(criteria, core.weights, core.excluded, core.gi_class, 180, spread, 4, tiebreak,
                                        CLASS_BREAKS, max_cells, GROUPS, need_share)
    assert st.rank_draws == use == (40 if reduced else 180)
    assert st.stab.tobytes() == stab.tobytes()  # NaN where excluded, the same bits elsewhere
    assert np.array_equal(st.rank_lo, lo) and np.array_equal(st.rank_hi, hi)
    # not trivially equal: classes move and ranks spread under a loose spread
    ok = ~core.excluded
    assert (st.stab[ok] < 1).mean() > 0.2 and (st.rank_hi - st.rank_lo)[ok].max() > 100


def test_many_features_take_the_threaded_path_with_the_same_result():
    # 60,000 features: the default spreads the variants over the machine's cores (if more than one)
    n = 60_000
    crit, excl, tiebreak = _data(n, seed=5)
    core = finish(list(WEIGHTS), crit, WEIGHTS, excl, {}, [], n, tiebreak, GROUPS, need_share=0.5)
    criteria = {k: core.criteria[k] for k in core.scored}
    args = (criteria, core.weights, core.excluded, core.gi_class)
    kw = {"draws": 40, "concentration": 20.0, "tiebreak": tiebreak, "groups": GROUPS, "need_share": 0.5,
          "max_cells": 30 * n}
    default, single = rank_stability(*args, **kw), rank_stability(*args, workers=1, **kw)
    stab, lo, hi, _ = plain_stability(*args, 40, 20.0, 0, tiebreak, CLASS_BREAKS, 30 * n, GROUPS, 0.5)
    for st in (default, single):
        assert st.stab.tobytes() == stab.tobytes()
        assert np.array_equal(st.rank_lo, lo) and np.array_equal(st.rank_hi, hi)


def test_a_cancel_from_the_progress_stops_every_thread():
    n = 60_000
    crit, excl, tiebreak = _data(n, seed=2)
    core = finish(list(WEIGHTS), crit, WEIGHTS, excl, {}, [], n, tiebreak, GROUPS, need_share=0.5)
    calls = []

    class Stop(Exception):
        pass

    def progress(x):
        calls.append(x)
        if len(calls) == 2:
            raise Stop

    with pytest.raises(Stop):
        rank_stability({k: core.criteria[k] for k in core.scored}, core.weights, core.excluded, core.gi_class,
                       draws=200, tiebreak=tiebreak, groups=GROUPS, need_share=0.5, workers=2, block=2,
                       progress=progress)
    assert len(calls) == 2 and calls[1] < 1.0  # stopped early, not after the last variant


# ----------------------------------------------------------------------------------------------
# Reasons and codes
# ----------------------------------------------------------------------------------------------
def plain_join(fragments, sep="; "):
    return [sep.join([x for x in row if x]) for row in zip(*[f.tolist() for f in fragments])]


def plain_join_codes(columns, n):
    out = np.full(n, "", dtype=object)
    for code, mask in columns:
        if not mask.any():
            continue
        has = out[mask] != ""
        out[mask] = np.where(has, out[mask] + "," + code, code)
    return out


def test_number_texts_equal_numpys_formatting():
    rng = np.random.default_rng(1)
    dense = rng.normal(300, 200, 5000)
    sparse = np.concatenate([rng.normal(0, 1e9, 500), [np.nan, np.inf, -np.inf, -0.4, 0.5, 1.5, 2.5, -2.5]])
    for v in (dense, sparse, np.array([]), np.array([np.nan])):
        plain_int = np.round(np.nan_to_num(v, nan=0.0, posinf=0.0, neginf=0.0)).astype(np.int64).astype(str).astype(object)
        assert R.int_text(v).tolist() == plain_int.tolist()
        if not v.size:
            assert R.dec2_text(v, ",").tolist() == []
            continue
        depth = np.where(np.isfinite(v), np.abs(v) / 1000.0, np.nan)
        cents = np.maximum(np.round(np.nan_to_num(depth, nan=0.0) * 100).astype(np.int64), 0)
        plain_dec = ((cents // 100).astype(str).astype(object) + ","
                     + np.char.zfill((cents % 100).astype(str), 2).astype(object))
        assert R.dec2_text(depth, ",").tolist() == plain_dec.tolist()


def test_coded_columns_are_filled_and_joined_as_object_arrays():
    rng = np.random.default_rng(3)
    n = 3000
    objects, coded = [], []
    for j in range(9):
        f, c = R.empty(n), R.Coded(n)
        for step in range(4):  # overlapping assignments: the later one wins
            mask = rng.random(n) < 0.4
            if step % 2:
                text = f"fixed {j}.{step} ≥ 0,5 ha" if step < 3 else ""
                f[mask] = text
                c.put(mask, text)
            else:
                # few distinct numbers in some columns (merged), thousands in others (joined row by row)
                values = rng.normal(0, 10.0 if j < 3 else 1e6, n)
                values[rng.random(n) < 0.05] = np.nan
                R.fill("{v} m² at {d} m", "v", R.int_text(values), mask, f, d=j)
                c.put_each("{v} m² at {d} m", "v", R.whole(values), str, mask, d=j)
        assert c.strings().tolist() == f.tolist()
        objects.append(f)
        coded.append(c)
    want = plain_join(objects)
    assert R.join_fragments(coded, n).tolist() == want  # the coded join (six groups, joined row by row)
    assert R.join_fragments(coded[-2:], n).tolist() == plain_join(objects[-2:])  # two groups, per combination
    assert R.join_fragments(objects, n).tolist() == want  # the object join
    assert R.join_fragments([coded[0], objects[1]], n).tolist() == plain_join(objects[:2])  # mixed
    # few columns with few values: one merged group; and a template without the placeholder
    small = [R.Coded(n) for _ in range(3)]
    small[0].put(rng.random(n) < 0.5, "a")
    small[1].put_each("no number here", "v", np.arange(n), str, rng.random(n) < 0.5)
    small[2].put_each("{v} %", "v", np.arange(n) % 7, str, rng.random(n) < 0.5)
    assert R.join_fragments(small, n).tolist() == plain_join([s.strings() for s in small])
    assert R.join_fragments([R.Coded(n)], n).tolist() == [""] * n


def test_flag_codes_equal_the_plain_loop():
    rng = np.random.default_rng(8)
    n = 5000
    columns = [(f"code{j}", rng.random(n) < p) for j, p in enumerate([0.5, 0.01, 0.0, 0.3, 0.9, 0.2, 0.05])]
    assert join_codes(columns, n).tolist() == plain_join_codes(columns, n).tolist()
    hz = [("01", rng.random(n) < 0.3), ("02", np.ones(n, bool)), ("24", rng.random(n) < 0.1)]
    assert join_codes(hz, n).tolist() == plain_join_codes(hz, n).tolist()
    assert join_codes([], n).tolist() == [""] * n
