"""The inspector recovers a result's weights from its own rows (also for a file from last year)."""

from __future__ import annotations

import pytest
from qgis.core import QgsVectorLayer


def test_weights_recovered_from_a_result_scored_with_custom_weights(sample_gpkg, gi_provider, tmp_path):
    import processing

    from gi_qgis_plugin.ui.inspector import criterion_names, weights_from_results

    g = str(sample_gpkg)
    out = tmp_path / "roofs.gpkg"
    processing.run("gi:flatroofs", {
        "INPUT": f"{g}|layername=buildings", "HEAT": str(sample_gpkg.parent / "heat.tif"),
        "PARKS": f"{g}|layername=parks",
        "W_SLOPE": 2, "W_AREA": 1, "W_HEAT": 3, "W_GREEN": 4, "W_RAIN": 0, "W_SEWER": 0, "W_SCOPE": 0,
        "OUTPUT": str(out),
    })
    layer = QgsVectorLayer(str(out), "roofs", "ogr")  # read back from disk, as a year later
    criteria = criterion_names(layer)
    assert {"slope", "area", "heat", "green"} <= set(criteria)
    weights = weights_from_results(layer, criteria)
    assert weights is not None
    # 2 + 1 + 3 + 4 = 10
    expected = {"slope": 0.2, "area": 0.1, "heat": 0.3, "green": 0.4}
    for c in criteria:
        assert weights[c] == pytest.approx(expected.get(c, 0.0), abs=1e-6), c


def test_no_weights_from_an_edited_result(qgis_app):
    from gi_qgis_plugin.ui.inspector import weights_from_results

    layer = QgsVectorLayer("Point?field=gi_score:double&field=c_a:double&field=c_b:double", "x", "memory")
    from qgis.core import QgsFeature

    feats = []
    for score, a, b in [(50, 1, 0), (50, 0, 1), (90, 1, 1), (10, 0, 0), (40, 0.5, 0.5)]:
        f = QgsFeature(layer.fields())
        f.setAttributes([score, a, b])
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    # no weights reproduce 90 for (1, 1) and 10 for (0, 0): not a weighted mean
    assert weights_from_results(layer, ["a", "b"]) is None
