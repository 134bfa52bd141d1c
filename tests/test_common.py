"""The shared scoring machinery (scoring/common.py): hand-worked numbers, no QGIS needed."""

from __future__ import annotations

import numpy as np
import pytest

from gi_qgis_plugin.scoring import common


def test_common_scores_classes_ranks():
    crit = {"a": np.array([1.0, 0.5, np.nan, 0.0]), "b": np.array([0.0, 0.5, 1.0, np.nan])}
    score = common.weighted_score(crit, {"a": 3, "b": 1})
    # (3*1 + 1*0)/4 = 75; 50; only b -> 100; only a -> 0
    assert score.tolist() == [75.0, 50.0, 100.0, 0.0]
    excluded = np.array([False, False, False, True])
    assert common.classify(score, excluded).tolist() == ["A", "B", "A", "X"]
    assert common.rank(score, excluded).tolist() == [2, 3, 1, 0]
    codes = common.join_codes([("02", np.ones(4, bool)), ("24", np.array([0, 1, 0, 1], bool))], 4)
    assert codes.tolist() == ["02", "02,24", "02", "02,24"]
    with pytest.raises(ValueError):
        common.weighted_score(crit, {"a": 0, "b": 0})
    assert common.linear(np.array([0, 5, 10, np.nan]), 0, 10)[:3].tolist() == [0.0, 0.5, 1.0]


def test_contributions_sum_to_the_score_with_and_without_missing_criteria():
    """The inspector's bars are the score formula: weights 3/2/2, heat unknown for the 2nd feature.

    Feature 1: slope 1, area 0.5, heat 1 → (3·1 + 2·0.5 + 2·1) / 7 × 100 = 85.71…
    Feature 2: slope 1, area 0.5, heat unknown → (3·1 + 2·0.5) / 5 × 100 = 80; bars 60 + 20.
    """
    crit = {"slope": np.array([1.0, 1.0]), "area": np.array([0.5, 0.5]), "heat": np.array([1.0, np.nan])}
    weights = {"slope": 3.0, "area": 2.0, "heat": 2.0}
    score = common.weighted_score(crit, weights)
    assert score[1] == pytest.approx(80.0)
    assert score[0] == pytest.approx(600.0 / 7.0)
    points = common.contributions(crit, weights)
    total = np.nansum(np.column_stack(list(points.values())), axis=1)
    np.testing.assert_allclose(total, score)
    assert points["slope"][1] == pytest.approx(60.0) and points["area"][1] == pytest.approx(20.0)
    assert np.isnan(points["heat"][1])


def test_finish_excludes_ranks_flags_and_reports_left_out_criteria():
    n = 4
    crit = {"a": np.array([1.0, 0.5, np.nan, 0.2]), "b": None, "c": np.array([np.nan] * 4)}
    core = common.finish(("a", "b", "c"), crit, {"a": 1.0, "b": 1.0, "c": 0.0},
                         exclusions={"geom_empty": np.array([False, False, False, True])},
                         caveats={"a_nodata": np.array([False, False, True, False])},
                         hz=[("02", np.ones(n, bool))], n=n)
    # feature 3 has no criterion: class X with no_criteria; feature 4 excluded
    assert core.gi_class.tolist() == ["A", "B", "X", "X"]
    assert core.rank.tolist() == [1, 2, 0, 0]
    assert core.flags.tolist() == ["", "", "no_criteria,a_nodata", "geom_empty"]
    assert core.left_out == ["b"] and core.scored == ["a"]
    with pytest.raises(ValueError):
        common.finish(("a",), {"a": None}, {"a": 1.0}, {}, {}, [], n)


def test_weights_from_rows_recovers_exact_weights_or_none():
    rng = np.random.default_rng(1)
    crit = {"a": rng.random(20), "b": rng.random(20)}
    score = common.weighted_score(crit, {"a": 3.0, "b": 1.0})
    w = common.weights_from_rows(score, crit)
    assert w == pytest.approx({"a": 0.75, "b": 0.25})
    assert common.weights_from_rows(score + rng.random(20) * 10, crit) is None


def test_suitability_and_need_combine_by_a_weighted_geometric_mean():
    """Suitability (s1 weight 1, s2 weight 1) and need (n1): share 0.5 = √(suit × need).

    Roof 1: suit (1 + 0.5) / 2 = 75, need 16 → √(75 × 16) = 34.64… (an average would give
    45.5 and let a large roof in a cool place outrank); roof 2: suit 64, need 100 → 80;
    roof 3: no need value → its suitability, 50; roof 4: excluded.
    """
    crit = {"s1": np.array([1.0, 0.64, 0.5, 1.0]), "s2": np.array([0.5, 0.64, 0.5, 1.0]),
            "n1": np.array([0.16, 1.0, np.nan, 1.0])}
    weights = {"s1": 1.0, "s2": 1.0, "n1": 1.0}
    groups = {"suit": ("s1", "s2"), "need": ("n1",)}
    core = common.finish(("s1", "s2", "n1"), crit, weights, {"x": np.array([0, 0, 0, 1], bool)}, {}, [], 4,
                         groups=groups, breaks=(70.0, 55.0, 40.0), need_share=0.5)
    assert core.score[:3] == pytest.approx([np.sqrt(75 * 16), 80.0, 50.0])
    assert np.isnan(core.score[3]) and core.gi_class.tolist() == ["D", "A", "C", "X"]
    assert core.suit[:3] == pytest.approx([75.0, 64.0, 50.0]) and core.need[:2] == pytest.approx([16.0, 100.0])
    assert np.isnan(core.need[2])
    # share 0.25: 100 × 0.75^0.75 × 0.16^0.25 = 51.2…
    quarter = common.combine_suit_need(np.array([75.0]), np.array([16.0]), 0.25, 1)
    assert quarter[0] == pytest.approx(100 * 0.75 ** 0.75 * 0.16 ** 0.25)
    # the inspector's split: each side gets its share of the score, by its criteria's points
    points = common.contributions_split(crit, weights, groups, 0.5)
    total = np.nansum(np.column_stack([points[k] for k in ("s1", "s2", "n1")]), axis=1)
    np.testing.assert_allclose(total[:3], core.score[:3])
    # roof 1: suit side 0.5 × 34.64 split 2:1 between s1 (1.0) and s2 (0.5)
    assert points["s1"][0] == pytest.approx(0.5 * np.sqrt(1200) * 2 / 3)
    assert points["n1"][0] == pytest.approx(0.5 * np.sqrt(1200))


def test_contributions_split_with_one_side_weighted_zero():
    # need side only (suitability weights 0): the score is the need's weighted mean, 100 × 0.4 = 40,
    # all of it from the need criterion; the suitability criterion gets no points
    from gi_qgis_plugin.scoring.common import contributions_split

    pts = contributions_split({"s": np.array([0.9]), "n": np.array([0.4])}, {"s": 0.0, "n": 2.0},
                              {"suit": ("s",), "need": ("n",)}, 0.5)
    assert pts["n"][0] == pytest.approx(40.0) and "s" not in pts
