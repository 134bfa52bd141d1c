"""Explaining a result (ui/explain.py): weights from the run record, else its own rows, else the spec; bars = score formula."""

from __future__ import annotations

import pytest
from qgis.core import QgsVectorLayer


def test_weights_recovered_from_a_result_scored_with_custom_weights(sample_gpkg, gi_provider, tmp_path):
    import processing

    from gi_qgis_plugin.ui.explain import criterion_names, weights_from_results

    g = str(sample_gpkg)
    out = tmp_path / "roofs.gpkg"
    # the need criteria get weight 0 (written, not scored): the score is then gi_suit, a
    # weighted mean the rows can be solved for (a score combining gi_suit and gi_need is not)
    processing.run("gi:flatroofs", {
        "INPUT": f"{g}|layername=buildings", "HEAT": str(sample_gpkg.parent / "heat.tif"),
        "PARKS": f"{g}|layername=parks",
        "W_SLOPE": 2, "W_AREA": 1, "W_BUILD": 3, "W_HEAT": 0, "W_GREEN": 0, "W_RAIN": 0, "W_SEWER": 0, "W_SCOPE": 0,
        "OUTPUT": str(out),
    })
    layer = QgsVectorLayer(str(out), "roofs", "ogr")  # read back from disk, as a year later
    criteria = criterion_names(layer)
    assert {"slope", "area", "build", "heat", "green"} <= set(criteria)
    weights = weights_from_results(layer, criteria)
    assert weights is not None
    # 2 + 1 + 3 = 6
    expected = {"slope": 2 / 6, "area": 1 / 6, "build": 3 / 6}
    for c in criteria:
        assert weights[c] == pytest.approx(expected.get(c, 0.0), abs=1e-6), c


def test_no_weights_from_an_edited_result(qgis_app):
    from gi_qgis_plugin.ui.explain import weights_from_results

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


def memory_result(rows, extra_fields=""):
    """A result layer with gi_score and c_slope, c_area, c_heat (None = NULL)."""
    from qgis.core import QgsFeature

    layer = QgsVectorLayer("Point?field=gi_score:double&field=c_slope:double&field=c_area:double"
                           f"&field=c_heat:double{extra_fields}", "r", "memory")
    feats = []
    for values in rows:
        f = QgsFeature(layer.fields())
        f.setAttributes(list(values))
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    return layer


def test_bars_sum_to_the_score_with_and_without_a_missing_criterion(qgis_app):
    """Weights 3/2/2: (slope 1, area 0.5, heat unknown) → (3·1 + 2·0.5) / 5 = 80 points, bars 60 + 20;
    with heat 1 → (3 + 1 + 2) / 7 = 85.71 points."""
    from gi_qgis_plugin.ui.explain import criteria_bars

    layer = memory_result([(80.0, 1.0, 0.5, None), (600 / 7, 1.0, 0.5, 1.0)])
    weights = {"slope": 3.0, "area": 2.0, "heat": 2.0}
    for f, score in zip(layer.getFeatures(), (80.0, 600 / 7)):
        bars = criteria_bars(f, weights)
        assert sum(b.points for b in bars if b.points is not None) == pytest.approx(score)
        assert sum(b.points for b in bars if b.points is not None) == pytest.approx(f["gi_score"])
    first = {b.criterion: b for b in criteria_bars(next(layer.getFeatures()), weights)}
    assert first["slope"].points == pytest.approx(60.0) and first["area"].points == pytest.approx(20.0)
    assert first["heat"].points is None


def test_weights_come_from_the_run_record_first_then_rows_then_the_spec(qgis_app):
    from gi_qgis_plugin.scoring import record
    from gi_qgis_plugin.ui.explain import layer_weights

    # rows that fit weights 1/1/1 exactly, but the record says 3/2/2: the record wins
    rows = [(100 * (a + b + c) / 3, a, b, c) for a, b, c in [(1, 0, 0), (0, 1, 0), (0, 0, 1), (1, 1, 0), (0.5, 0.2, 1)]]
    layer = memory_result(rows)
    text = record.dumps(record.make_record("flatroofs", "0.1.0", {}, {"slope": 3, "area": 2, "heat": 2, "rain": 1}))
    layer.setCustomProperty(record.PROPERTY, text)
    weights, note = layer_weights(layer, ["slope", "area", "heat"])
    assert weights == pytest.approx({"slope": 3 / 7, "area": 2 / 7, "heat": 2 / 7})
    assert "run record" in note
    layer.removeCustomProperty(record.PROPERTY)
    weights, note = layer_weights(layer, ["slope", "area", "heat"])
    assert weights == pytest.approx({"slope": 1 / 3, "area": 1 / 3, "heat": 1 / 3}) and "recovered" in note


def test_an_old_file_without_record_gets_its_own_algorithms_defaults_never_anothers(qgis_app):
    from gi_qgis_plugin.ui.explain import layer_weights

    # scores that fit no weights (edited): a roof result (signature field greenable_m2) gets the
    # roof defaults 2/2/2; the same criteria without the signature get equal weights (the same
    # numbers here, so the note tells them apart)
    rows = [(50.0, 1, 0, 0, 10.0), (50.0, 0, 1, 0, 10.0), (90.0, 1, 1, 1, 10.0), (10.0, 0, 0, 0, 10.0),
            (40.0, 0.5, 0.5, 0.5, 10.0)]
    roof = memory_result(rows, "&field=greenable_m2:double")
    weights, note = layer_weights(roof, ["slope", "area", "heat"])
    assert weights == pytest.approx({"slope": 2 / 6, "area": 2 / 6, "heat": 2 / 6}) and "default" in note
    other = memory_result([r[:4] for r in rows])
    weights, note = layer_weights(other, ["slope", "area", "heat"])
    assert weights == pytest.approx({"slope": 1 / 3, "area": 1 / 3, "heat": 1 / 3}) and "equal" in note


def test_targets_html_shows_notes_overdue_deadlines_and_external_targets_apart(qgis_app):
    from gi_qgis_plugin.catalog import load_catalog
    from gi_qgis_plugin.ui.explain import targets_html

    catalog = load_catalog()
    hz02 = targets_html(catalog.get("02"), "en", current_year=2026)
    # the strategy's target first, the Klima.Werk 2040 targets after, under their own heading
    assert hz02.index("Share of green flat roofs") < hz02.index("not part of the strategy") < hz02.index("Klima.Werk")
    assert "at least 25% by 2040" in hz02 and "essen.de" in hz02
    assert "delineation of the inner cities" in hz02  # the open definition of "Innenstädte"
    hz14 = targets_html(catalog.get("14"), "en", current_year=2026)
    assert "deadline passed, status unknown" in hz14
    assert "deadline passed" not in targets_html(catalog.get("14"), "en", current_year=2025)
    hz15 = targets_html(catalog.get("15"), "de", current_year=2026)
    assert "§ 35 LNatSchG NRW" in hz15 and "Klima.Werk" not in hz15
