"""Rank stability under weight variants, checked by hand (no QGIS)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from gi_qgis_plugin.scoring.common import finish
from gi_qgis_plugin.scoring.stability import draw_weights, rank_stability


def _beta_sf(x: float, a: float, b: float, steps: int = 20000) -> float:
    """P(X ≥ x) for X ~ Beta(a, b), by the midpoint rule (independent of numpy's sampler)."""
    log_norm = math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b)
    h = (1.0 - x) / steps
    total = 0.0
    for i in range(steps):
        t = x + (i + 0.5) * h
        total += math.exp(log_norm + (a - 1) * math.log(t) + (b - 1) * math.log(1 - t))
    return total * h


def _three_features():
    # F0: only criterion a (c_a 1, c_b 0): score = 100 × share of a → class A iff share ≥ 0.75
    # F1: dominates on every criterion (1, 1): score 100 whatever the weights
    # F2: only criterion b (0, 1): score = 100 × share of b ≤ 25 → class C or D
    crit = {"a": np.array([1.0, 1.0, 0.0]), "b": np.array([0.0, 1.0, 1.0])}
    weights = {"a": 4.0, "b": 1.0}  # share of a 0.8 → F0 scores 80, class A
    core = finish(["a", "b"], crit, weights, {}, {}, [], 3)
    return crit, weights, core


def test_class_flip_share_matches_the_weight_ratio():
    crit, weights, core = _three_features()
    assert core.gi_class.tolist() == ["A", "A", "D"]  # 80, 100, 20
    st = rank_stability(core.criteria, core.weights, core.excluded, core.gi_class, draws=4000,
                        concentration=50.0, seed=7)
    # F0 keeps class A exactly in the variants whose share of a is ≥ 0.75
    shares = draw_weights(weights, 4000, 50.0, seed=7)[:, 0]
    assert st.stab[0] == pytest.approx(np.mean(shares >= 0.75), abs=1e-12)
    # and that share follows Beta(50 × 0.8, 50 × 0.2) = Beta(40, 10)
    assert st.stab[0] == pytest.approx(_beta_sf(0.75, 40.0, 10.0), abs=0.03)


def test_a_feature_that_dominates_every_criterion_is_fully_stable():
    _, _, core = _three_features()
    st = rank_stability(core.criteria, core.weights, core.excluded, core.gi_class, draws=300)
    assert st.stab[1] == 1.0
    assert (st.rank_lo[1], st.rank_hi[1]) == (1, 1)


def test_rank_band_contains_the_run_rank_and_excluded_features_get_none():
    crit = {"a": np.array([0.9, 0.5, 0.6, 0.2]), "b": np.array([0.1, 0.5, 0.45, 0.9])}
    core = finish(["a", "b"], crit, {"a": 1.0, "b": 1.0}, {"listed": np.array([0, 0, 0, 1], bool)}, {}, [], 4)
    st = rank_stability(core.criteria, core.weights, core.excluded, core.gi_class, draws=500)
    assert np.isnan(st.stab[3]) and st.rank_lo[3] == 0 and st.rank_hi[3] == 0
    for i in range(3):
        assert st.rank_lo[i] <= core.rank[i] <= st.rank_hi[i]
        assert 1 <= st.rank_lo[i] <= st.rank_hi[i] <= 3


def test_missing_criterion_is_renormalised_per_feature_as_in_the_score():
    # F0 has no b: its score is c_a × 100 = 90 in every variant (class A, stable)
    crit = {"a": np.array([0.9, 0.5]), "b": np.array([np.nan, 0.5])}
    core = finish(["a", "b"], crit, {"a": 1.0, "b": 1.0}, {}, {}, [], 2)
    st = rank_stability(core.criteria, core.weights, core.excluded, core.gi_class, draws=200)
    assert st.stab.tolist() == [1.0, 1.0]
    assert st.rank_lo.tolist() == [1, 2] and st.rank_hi.tolist() == [1, 2]


def test_memory_bound_reduces_the_variants_and_says_so():
    crit = {"a": np.linspace(0, 1, 1000), "b": np.linspace(1, 0, 1000)}
    core = finish(["a", "b"], crit, {"a": 1.0, "b": 2.0}, {}, {}, [], 1000)
    st = rank_stability(core.criteria, core.weights, core.excluded, core.gi_class, draws=200, max_cells=50_000)
    assert st.rank_draws == 50 and st.draws == 200 and st.reduced


def test_zero_draws_is_off_and_bad_weights_are_refused():
    _, _, core = _three_features()
    st = rank_stability(core.criteria, core.weights, core.excluded, core.gi_class, draws=0)
    assert np.isnan(st.stab).all() and st.draws == 0
    with pytest.raises(ValueError):
        draw_weights({"a": -1.0, "b": 1.0}, 10)


def test_same_seed_same_result():
    _, _, core = _three_features()
    a = rank_stability(core.criteria, core.weights, core.excluded, core.gi_class, draws=100, seed=3)
    b = rank_stability(core.criteria, core.weights, core.excluded, core.gi_class, draws=100, seed=3)
    assert np.array_equal(a.stab, b.stab) and np.array_equal(a.rank_hi, b.rank_hi)


def test_a_score_function_replaces_the_weighted_mean():
    # the same weighted mean given as a function: the same result as the fast path
    from gi_qgis_plugin.scoring.common import weighted_score

    crit, weights, core = _three_features()
    fast = rank_stability(core.criteria, core.weights, core.excluded, core.gi_class, draws=300, seed=5)
    slow = rank_stability(core.criteria, core.weights, core.excluded, core.gi_class, draws=300, seed=5,
                          score_fn=lambda w: weighted_score(crit, w))
    assert np.array_equal(fast.stab, slow.stab) and np.array_equal(fast.rank_hi, slow.rank_hi)
    # a score that ignores the weights (always 100 × c_a = 100, 100, 0: classes A, A, D, the run's
    # classes): every feature keeps its class in every variant, and the ranks never move
    fixed = rank_stability(core.criteria, core.weights, core.excluded, core.gi_class, draws=50,
                           score_fn=lambda w: 100.0 * crit["a"])
    assert fixed.stab.tolist() == [1.0, 1.0, 1.0]
    assert fixed.rank_lo.tolist() == fixed.rank_hi.tolist() == [1, 2, 3]  # tie 100/100 by position


def test_suitability_times_need_by_hand():
    # two sides, one criterion each: score = 100 × suit^0.5 × need^0.5 (need_share 0.5), whatever
    # the weights (one criterion per side: each side's mean is its criterion), so no class moves:
    # F0 (0.81, 0.64): 100 × 0.9 × 0.8 = 72 → B; F1 (1, 0.36): 100 × 1 × 0.6 = 60 → B; F2 (0.04, 1): 20 → D
    crit = {"s": np.array([0.81, 1.0, 0.04]), "n": np.array([0.64, 0.36, 1.0])}
    groups = {"suit": ("s",), "need": ("n",)}
    core = finish(["s", "n"], crit, {"s": 1.0, "n": 1.0}, {}, {}, [], 3, None, groups, need_share=0.5)
    assert core.score == pytest.approx([72.0, 60.0, 20.0])
    st = rank_stability(core.criteria, core.weights, core.excluded, core.gi_class, draws=100,
                        groups=groups, need_share=0.5)
    assert st.stab.tolist() == [1.0, 1.0, 1.0]
    assert st.rank_lo.tolist() == st.rank_hi.tolist() == [1, 2, 3]
    # the weighted mean instead (no need_share): F1 = 100 × (w_s + 0.36 w_n), 68 at equal weights,
    # crosses 75 when w_s > 0.61 (share), which a loose spread (κ = 5) often draws
    mean = rank_stability(core.criteria, core.weights, core.excluded, core.gi_class, draws=400, concentration=5.0)
    assert mean.stab[1] < 1.0


def test_the_lowest_possible_score_ranks_last_in_every_variant():
    # a feature with every criterion 0 scores 0 whatever the weights: always the last rank (a key
    # overflow once made the score 0 rank first with few features)
    crit = {"a": np.array([1.0, 0.0, 0.5, 0.2]), "b": np.array([0.0, 0.0, 0.5, 0.9])}
    core = finish(["a", "b"], crit, {"a": 1.0, "b": 1.0}, {}, {}, [], 4)
    st = rank_stability(core.criteria, core.weights, core.excluded, core.gi_class, draws=100)
    assert (st.rank_lo[1], st.rank_hi[1]) == (4, 4)
    # and a feature with every criterion 1 (100 points) would always be first
    crit = {"a": np.array([1.0, 0.0]), "b": np.array([1.0, 0.3])}
    core = finish(["a", "b"], crit, {"a": 1.0, "b": 1.0}, {}, {}, [], 2)
    st = rank_stability(core.criteria, core.weights, core.excluded, core.gi_class, draws=100)
    assert st.rank_lo.tolist() == st.rank_hi.tolist() == [1, 2]
