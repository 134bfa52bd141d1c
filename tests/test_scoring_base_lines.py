"""The template works for lines and one-to-many outputs (street segments), not only polygons.

A tiny algorithm defined here: each input line is cut into two halves (two output rows that
carry the line's attributes, via ``source_index``), scored by the mean of a raster over the
buffered segment and by lying in a polygon layer (at the segment's middle).
"""

from __future__ import annotations

import numpy as np
import pytest
from helpers.contract import check_contract
from helpers.feedback import RecordingFeedback
from helpers.layers import X0, Y0, line, memory_layer, raster, square

from gi_qgis_plugin.scoring import reasons as R  # noqa: N812
from gi_qgis_plugin.scoring.common import Scored
from gi_qgis_plugin.scoring.spec import N_, Criterion, ScoringSpec

SPEC = ScoringSpec(
    alg_id="linedemo", title=N_("feature"), signature_field="seg_no", geometry="line",
    criteria=(Criterion("heat", 1.0, N_("heat load")), Criterion("sewer", 1.0, N_("combined sewer"))),
    exclusions=("geom_empty",))


class DemoScored(Scored):
    TEXTS = {"sewer": N_("in the combined-sewer area")}

    def reasons(self, core, texts, tick=None):
        def sewer():
            f = R.empty(self.n)
            f[core.criteria.get("sewer", np.zeros(self.n)) >= 1] = texts["sewer"]
            return f

        def score():
            f = R.empty(self.n)
            R.fill("{s} points", "s", R.int_text(core.score), np.isfinite(core.score), f)
            return f

        return R.build([score, sewer], self.n, tick)


def make_algorithm():
    from gi_qgis_plugin.processing import inputs
    from gi_qgis_plugin.processing.scoring_base import ScoringAlgorithm

    class LineDemo(ScoringAlgorithm):
        ALG_ID = "linedemo"
        SPEC = SPEC
        LINE_ZONE_M = 5.0

        def displayName(self):  # noqa: N802
            return "line demo"

        def init_parameters(self, config=None):
            self.add_heat_parameters()
            self.add_layer("SEWER", "sewer", "sewer")

        def gather(self, parameters, context, main, settings, progress, feedback):
            # segments: each line cut in two halves; their zones and midpoints
            usable = np.flatnonzero(main.usable)
            src = np.repeat(usable, 2)
            halves = [shapely.ops.substring(main.geoms[i], a, b, normalized=True)
                      for i in usable for a, b in ((0, 0.5), (0.5, 1))]
            segs = np.empty(len(halves), dtype=object)
            segs[:] = halves
            seg_main = inputs.derived_input(main, segs, src, self.LINE_ZONE_M)
            heat = inputs.raster_mean_input(self, parameters, "HEAT", context, seg_main, progress.sub(0, 0.5), feedback)
            sewer = inputs.polygon_flag_input(self, parameters, "SEWER", context, seg_main, progress.sub(0.5, 1), feedback)
            return segs, src, heat, sewer

        def score(self, main, gathered, settings, weights):
            segs, src, heat, sewer = gathered
            n = len(segs)
            return DemoScored(
                n=n, criteria={"heat": None if heat is None else heat / 10.0,
                               "sewer": None if sewer is None else sewer.astype(float)},
                exclusions={"geom_empty": np.zeros(n, bool)}, caveats={}, hz=[("01", np.ones(n, bool))],
                columns=[("seg_no", "int", np.tile([1, 2], n // 2))], geoms=segs, source_index=src)

    import shapely.ops  # noqa: F401 - substring

    return LineDemo().create()


def test_lines_cut_into_segments_keep_their_attributes_and_get_scores(gi_provider, tmp_path):
    import processing

    # two east-west lines of 100 m; a raster whose value is 10 west of X0+50 and 0 east of it:
    # the western half of a line has heat 10 → c_heat 1, the eastern half 0
    streets = memory_layer([(line(X0, Y0 + 10), "Hauptstraße"), (line(X0, Y0 + 60), "Nebenweg")],
                           "name:string", geom="LineString", name="streets")
    values = np.zeros((20, 40), dtype="float32")
    values[:, :15] = 10.0  # columns of 5 m from X0-25: the first 15 reach to X0+50
    heat = raster(tmp_path / "heat.tif", values, X0 - 25, Y0 + 90, 5.0)
    # the sewer polygon holds the middle of the Nebenweg's eastern half (X0+75, Y0+60) only
    sewer = memory_layer([(square(X0 + 65, Y0 + 50, 20.0), "misch")], name="sewer")
    fb = RecordingFeedback()
    res = processing.run(make_algorithm(), {"INPUT": streets, "HEAT": heat.source(), "SEWER": sewer,
                                            "OUTPUT": "TEMPORARY_OUTPUT"}, feedback=fb)
    out = res["OUTPUT"]
    assert out.geometryType().name == "Line"
    rows = check_contract(out, SPEC)
    assert [(r["name"], r["seg_no"]) for r in rows] == [
        ("Hauptstraße", 1), ("Hauptstraße", 2), ("Nebenweg", 1), ("Nebenweg", 2)]
    assert [r["c_heat"] for r in rows] == pytest.approx([1.0, 0.0, 1.0, 0.0])
    assert [r["c_sewer"] for r in rows] == [0.0, 0.0, 0.0, 1.0]
    # score = mean of the two criteria × 100
    assert [r["gi_score"] for r in rows] == pytest.approx([50.0, 0.0, 50.0, 50.0])
    lengths = [f.geometry().length() for f in out.getFeatures()]
    assert lengths == pytest.approx([50.0] * 4)
    assert rows[3]["gi_reason"] == "50 points; in the combined-sewer area"
