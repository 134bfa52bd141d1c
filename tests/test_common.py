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
