"""Rank stability inside the template (processing/scoring_base.py), on the line demo of
tests/test_scoring_base_lines.py, worked out by hand."""

from __future__ import annotations

import numpy as np
import pytest
from helpers.feedback import RecordingFeedback
from helpers.layers import X0, Y0, line, memory_layer, raster, square
from test_scoring_base_lines import make_algorithm


def _inputs(tmp_path):
    # as in test_scoring_base_lines: segments (heat, sewer) = (1, 0), (0, 0), (1, 0), (0, 1)
    streets = memory_layer([(line(X0, Y0 + 10), "Hauptstraße"), (line(X0, Y0 + 60), "Nebenweg")],
                           "name:string", geom="LineString", name="streets")
    values = np.zeros((20, 40), dtype="float32")
    values[:, :15] = 10.0
    heat = raster(tmp_path / "heat.tif", values, X0 - 25, Y0 + 90, 5.0)
    sewer = memory_layer([(square(X0 + 65, Y0 + 50, 20.0), "misch")], name="sewer")
    return {"INPUT": streets, "HEAT": heat.source(), "SEWER": sewer, "OUTPUT": "TEMPORARY_OUTPUT"}


def test_stability_of_segments_by_hand(gi_provider, tmp_path):
    import processing

    res = processing.run(make_algorithm(), {**_inputs(tmp_path), "STAB_DRAWS": 400}, feedback=RecordingFeedback())
    rows = [dict(zip(res["OUTPUT"].fields().names(), f.attributes())) for f in res["OUTPUT"].getFeatures()]
    stab = [r["gi_stab"] for r in rows]
    # equal weights: score = 100 × share of heat (segments 1, 3), 0 (segment 2), 100 × share of the
    # sewer (segment 4); each 50 in the run, class B (≥ 50). A variant keeps segments 1 and 3 in B
    # exactly when the heat's share is ≥ 0.5, segment 4 when it is ≤ 0.5: symmetric around the run,
    # so about half of the variants each, and together every variant (ties at exactly 0.5 aside)
    assert stab[0] == stab[2]
    assert stab[0] + stab[3] == pytest.approx(1.0, abs=1 / 400)
    assert stab[0] == pytest.approx(0.5, abs=0.1)
    # segment 2 scores 0 under every weighting: class D always, last in every variant
    assert stab[1] == 1.0
    assert (rows[1]["gi_rank_lo"], rows[1]["gi_rank_hi"]) == (4, 4)
    # the three others share ranks 1–3: their bands stay within them
    assert all(1 <= r["gi_rank_lo"] <= r["gi_rank_hi"] <= 3 for i, r in enumerate(rows) if i != 1)


def test_a_score_of_another_form_leaves_the_stability_out_with_a_warning(gi_provider, tmp_path):
    """An algorithm that changes the score after the shared finish (here: squares it) and does
    not give its formula (variant_score) gets no gi_stab: a warning says why, nothing is wrong."""
    import processing

    base = type(make_algorithm())

    class Squared(base):
        def finish(self, scored, weights, progress):
            core, reason = super().finish(scored, weights, progress)
            core.score = core.score ** 2 / 100.0
            return core, reason

        def createInstance(self):  # noqa: N802
            return Squared()

    alg = Squared().create()
    fb = RecordingFeedback()
    res = processing.run(alg, _inputs(tmp_path), feedback=fb)
    assert "gi_stab" not in res["OUTPUT"].fields().names()
    assert any("Rank stability is left out" in w for w in fb.warnings)


def test_a_cancel_during_the_weight_draws_leaves_no_output(gi_provider, tmp_path):
    """The draws report progress from 73 % to 75 %: a cancel at 74 % stops the run there."""
    import processing
    from helpers.feedback import CancelAt
    from qgis.core import QgsProcessingException, QgsVectorLayer

    out = tmp_path / "canceled.gpkg"
    fb = CancelAt(74.0)
    with pytest.raises(QgsProcessingException, match="Canceled"):
        processing.run(make_algorithm(), {**_inputs(tmp_path), "STAB_DRAWS": 400, "OUTPUT": str(out)}, feedback=fb)
    # the last progress reported lies inside the draws (73–75 %): the run stopped there
    assert 74.0 <= max(fb.progress_values) < 75.0
    assert not out.exists() or not QgsVectorLayer(str(out), "x", "ogr").isValid()
