"""Live weights in the dock (ui/live_weights.py) and their pure core (scoring/live.py).

Expected classes are worked out by hand, or from the layer's own c_* values (a single weighted
criterion: score = 100 × its value), never copied from the output.
"""

from __future__ import annotations

import numpy as np
import pytest
import test_dock
from helpers.layers import X0, Y0, memory_layer, raster, square
from qgis.core import NULL, QgsExpression, QgsExpressionContext, QgsExpressionContextUtils, QgsProject
from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtTest import QTest

from gi_qgis_plugin.scoring import record
from gi_qgis_plugin.scoring.common import classify
from gi_qgis_plugin.scoring.live import rescore, rule_excluded

dock, project, german = test_dock.dock, test_dock.project, test_dock.german  # the dock tests' fixtures

# five results of a run with the weights a = 3, b = 1 (c_a, c_b, gi_class, gi_flags):
ROWS = [
    (1.0, 0.0, "A", ""),  # 100 × (3 × 1 + 1 × 0) / 4 = 75 → A
    (0.0, 1.0, "C", ""),  # 100 × 1 / 4 = 25 → C
    (0.6, 0.6, "B", ""),  # 60 → B
    (0.9, 0.9, "X", "listed"),  # excluded by a rule: X whatever the weights
    (None, 0.9, "D", ""),  # no c_a: renormalised over b alone: 90 → A under any weights with b > 0
    (None, 0.4, "X", "no_criteria"),  # under a = 1, b = 0 it had no criterion; with b > 0: 40 → C
]
# with a = 1, b = 3: 25 → C, 75 → A, 60 → B, X, 90 → A, 40 → C
EXPECTED_1_3 = ["C", "A", "B", "X", "A", "C"]


def _arrays():
    a = np.array([np.nan if r[0] is None else r[0] for r in ROWS])
    b = np.array([r[1] for r in ROWS])
    return {"a": a, "b": b}, [r[2] for r in ROWS], [r[3] for r in ROWS]


def test_rescore_by_hand_keeps_rule_exclusions_and_revives_no_criteria():
    crit, classes, flags = _arrays()
    excluded = rule_excluded(classes, flags)
    assert excluded.tolist() == [False, False, False, True, False, False]
    core = rescore(["a", "b"], crit, {"a": 1.0, "b": 3.0}, excluded)
    assert core.gi_class.tolist() == EXPECTED_1_3
    assert core.score[[0, 1, 2, 4, 5]] == pytest.approx([25.0, 75.0, 60.0, 90.0, 40.0])
    # ranks by score: 90 (row 4) 1, 75 (row 1) 2, 60 3, 40 4, 25 5; excluded 0
    assert core.rank.tolist() == [5, 2, 3, 0, 1, 4]


def test_class_letters_one_per_feature_id_with_gaps_as_x():
    from gi_qgis_plugin.ui.live_weights import class_letters

    # ids 3, 5, 4 → positions 0, 2, 1 from the smallest id 3; base = 2 so that $id − base is 1-based
    assert class_letters(np.array([3, 5, 4]), np.array(["A", "B", "C"], dtype=object)) == ("ACB", 2)
    # a gap (ids 3 and 4 deleted) reads as X; substr(s, 5 − 1, 1) = "B"
    assert class_letters(np.array([2, 5]), np.array(["A", "B"], dtype=object)) == ("AXXB", 1)
    # ids spread over more than MAX_ID_SPAN: no letters (the panel says the map cannot follow)
    from gi_qgis_plugin.ui.live_weights import MAX_ID_SPAN

    assert class_letters(np.array([1, MAX_ID_SPAN + 1]), np.array(["A", "B"], dtype=object)) is None


def test_stability_band_text(qgis_app):
    from gi_qgis_plugin.ui.live_weights import stability_text

    assert stability_text(12, 8, 19, 0.87) == "Rank 12, 8–19 under other weightings; class the same in 87 % of them"
    assert stability_text(12, None, None, None) == "12"  # a result without stability fields
    assert stability_text(None, None, None, None) == "—"  # excluded


def test_stability_band_text_in_german(german):
    from gi_qgis_plugin.ui.live_weights import stability_text

    assert stability_text(12, 8, 19, 0.87) == "Rang 12, bei anderen Gewichtungen 8–19; Klasse in 87 % der Varianten gleich"


# ----------------------------------------------------------------------------------------------
# The dock's tab "Weights", as a user works it
# ----------------------------------------------------------------------------------------------
def _roof_result(tmp_path):
    """A real gi:flatroofs result (memory layer with its run record) of six roofs and a heat raster."""
    import processing

    rows = [(square(X0 + 30 * i, Y0 + 30 * (i % 2)), float(s), t)
            for i, (s, t) in enumerate([(0, "1000"), (3, "1000"), (10, "3100"), (20, "3100"), (12, "3100"), (2, "1000")])]
    roofs = memory_layer(rows, "slope_deg:double&field=roof_type:string", name="roofs")
    heat = raster(tmp_path / "heat.tif", np.linspace(18, 24, 400, dtype="float32").reshape(20, 20), X0 - 50, Y0 + 150, 10.0)
    res = processing.run("gi:flatroofs", {"INPUT": roofs, "HEAT": heat.source(), "OUTPUT": "TEMPORARY_OUTPUT"})
    layer = res["OUTPUT"]
    layer.setName("Dächer Ergebnis")
    from gi_qgis_plugin.styles import apply_result_styles

    apply_result_styles(layer)  # as Processing does when it loads the result
    return layer


def _drag(slider, fraction):
    """Drag the slider's handle with the mouse to ``fraction`` of its groove, as a user does:
    press on the handle, move with the button held, release."""
    from qgis.PyQt.QtCore import QEvent, QPoint, QPointF
    from qgis.PyQt.QtGui import QMouseEvent
    from qgis.PyQt.QtWidgets import QApplication, QStyle, QStyleOptionSlider

    opt = QStyleOptionSlider()
    slider.initStyleOption(opt)
    handle = slider.style().subControlRect(QStyle.ComplexControl.CC_Slider, opt, QStyle.SubControl.SC_SliderHandle, slider)
    groove = slider.style().subControlRect(QStyle.ComplexControl.CC_Slider, opt, QStyle.SubControl.SC_SliderGroove, slider)
    start = handle.center()
    end = QPoint(int(groove.left() + handle.width() / 2 + fraction * (groove.width() - handle.width())), start.y())
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton

    def send(kind, pos, button, buttons):
        QApplication.sendEvent(slider, QMouseEvent(kind, QPointF(pos), button, buttons, Qt.KeyboardModifier.NoModifier))

    send(QEvent.Type.MouseButtonPress, start, left, left)
    for i in range(1, 11):
        send(QEvent.Type.MouseMove, start + (end - start) * i / 10, none, left)
    send(QEvent.Type.MouseButtonRelease, end, left, none)
    QCoreApplication.processEvents()


def _values(layer, name):
    return [None if f[name] == NULL else f[name] for f in layer.getFeatures()]


def _renderer_classes(layer):
    """The class the layer's current renderer draws each feature in (its class attribute evaluated)."""
    attr = layer.renderer().classAttribute()
    expr = QgsExpression(attr if QgsExpression(attr).isField() is False else QgsExpression.quotedColumnRef(attr))
    ctx = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
    out = []
    for f in layer.getFeatures():
        ctx.setFeature(f)
        out.append(expr.evaluate(ctx))
    return out


def test_sliders_rescore_map_bars_and_save_a_new_result_with_its_run_record(dock, project, gi_provider, tmp_path):
    layer = _roof_result(tmp_path)
    project.addMapLayer(layer)
    panel = dock.weights_panel
    dock.tabs.setCurrentIndex(dock.TAB_WEIGHTS)
    dock.show()
    assert panel.layer is not None and panel.layer.id() == layer.id()
    keys = list(panel.sliders)
    assert "heat" in keys and "slope" in keys
    # labels from the roof spec's criterion declarations
    labels = [panel.grid.itemAtPosition(r, 0).widget().text() for r in range(len(keys))]
    from gi_qgis_plugin.scoring.spec import spec_for

    declared = spec_for("flatroofs").criterion("heat").label  # the declaration, e.g. "thermal load"
    assert declared[:1].upper() + declared[1:] in labels
    run_classes = _values(layer, "gi_class")
    assert _renderer_classes(layer) == run_classes  # the run's style: by gi_class

    # the user selects a roof: its bars are those of the run's weights
    fid = next(f.id() for f in layer.getFeatures() if f["gi_class"] != "X")
    layer.selectByIds([fid])
    assert dock.inspector.feature is not None and dock.inspector.feature.id() == fid
    bars_before = {b.criterion: b.points for b in dock.inspector.bars}
    # the stability band of the roof, from its own fields
    f = next(layer.getFeatures([fid]))
    assert dock.inspector.rank_label.text() == (
        f"Rank {f['gi_rank']}, {f['gi_rank_lo']}–{f['gi_rank_hi']} under other weightings; "
        f"class the same in {100 * f['gi_stab']:.0f} % of them")

    # only the heat load counts: every other slider to 0 (keyboard Home, as a user would), heat up
    for key in keys:
        if key != "heat":
            panel.sliders[key].setFocus()
            QTest.keyClick(panel.sliders[key], Qt.Key.Key_Home)
    _drag(panel.sliders["heat"], 1.0)  # the mouse drags the heat load's handle to the right end
    assert panel.sliders["heat"].value() == panel.sliders["heat"].maximum()
    QCoreApplication.processEvents()
    QTest.qWait(20)
    assert panel.is_live()

    # expected from the layer's own c_heat: score = 100 × c_heat; excluded roofs stay X
    heat = np.array([np.nan if v is None else v for v in _values(layer, "c_heat")])
    excluded = np.array([c == "X" and "no_criteria" not in (fl or "") for c, fl in zip(run_classes, _values(layer, "gi_flags"))])
    expected = classify(100.0 * heat, excluded, spec_for("flatroofs").class_breaks).tolist()  # the roofs' breaks
    assert expected != run_classes, "the test data must change a class"
    assert _renderer_classes(layer) == expected  # the map draws the new classes
    assert layer.renderer().classAttribute() != "gi_class"

    bars_after = {b.criterion: b.points for b in dock.inspector.bars}
    c_heat = heat[[f.id() for f in layer.getFeatures()].index(fid)]
    assert bars_after["heat"] == pytest.approx(100.0 * c_heat)
    assert all(p in (None, 0.0) for k, p in bars_after.items() if k != "heat")
    assert bars_after != bars_before
    assert "→" in dock.inspector.class_label.text()
    # the same bars and values under the sliders, so the user sees them while moving them
    assert [b.points for b in panel.chart.bars] == [b.points for b in dock.inspector.bars]
    klass = dock.inspector.class_label.text().replace(" (live weights)", "")  # "B → A"
    assert f"class {klass}, rank" in panel.feature_label.text()
    assert panel.feature_label.text().endswith(" (live weights)")
    # its live rank by hand: 1 + the scored roofs with a higher 100 × c_heat (ties: smaller id first)
    fids = [g.id() for g in layer.getFeatures()]
    me = fids.index(fid)
    live_rank = 1 + sum(1 for i, x in enumerate(fids) if not excluded[i] and np.isfinite(heat[i])
                        and (heat[i] > heat[me] or (heat[i] == heat[me] and x < fid)))
    assert dock.inspector.rank_label.text() == f"{f['gi_rank']} → {live_rank} (live weights)"

    # the Handlungsziele tab: how many roofs serving HZ 02 are class A now and in the run
    hz = [set((v or "").split(",")) for v in _values(layer, "gi_hz")]
    serves = [("02" in h) for h in hz]
    dock.tabs.setCurrentIndex(dock.TAB_HZ)
    dock.browser.select_number("02")
    QCoreApplication.processEvents()
    n02 = sum(serves)
    a_now = sum(1 for s_, c in zip(serves, expected) if s_ and c == "A")
    a_run = sum(1 for s_, c in zip(serves, run_classes) if s_ and c == "A")
    assert n02 and a_now != a_run, "the test data must change the class A count of HZ 02"
    assert dock.browser.live_label.text() == (
        f"“Dächer Ergebnis” with the live weights: {a_now} of {n02} features serving HZ 02 are class A "
        f"(in the run: {a_run}).")
    dock.tabs.setCurrentIndex(dock.TAB_WEIGHTS)

    # "Save as new result": a new layer with the new classes and a run record with the new weights
    n_layers = len(project.mapLayers())
    panel.save_button.click()
    assert len(project.mapLayers()) == n_layers + 1
    saved = next(lyr for lyr in project.mapLayers().values() if lyr.id() not in (layer.id(),) and lyr.name().startswith("Dächer Ergebnis ("))
    assert _values(saved, "gi_class") == expected
    run = record.loads(saved.customProperty(record.PROPERTY))
    assert run["alg"] == "gi:flatroofs"
    assert run["weights"]["heat"] == pytest.approx(1.0)
    assert all(w == 0.0 for k, w in run["weights"].items() if k != "heat")
    assert run["parameters"]["W_HEAT"] == pytest.approx(1.0)
    assert run["reweighted_from"]["layer"] == "Dächer Ergebnis"
    assert run["formula"] == record.loads(layer.customProperty(record.PROPERTY))["formula"]  # same score form
    scored = [r for r in _values(saved, "gi_rank") if r is not None]
    assert sorted(scored) == list(range(1, len(scored) + 1))
    # the saved result carries the rank stability around its own weights (the run had it)
    stab = _values(saved, "gi_stab")
    assert all((s is None) == (c == "X") for s, c in zip(stab, expected))
    # the original layer is untouched
    assert _values(layer, "gi_class") == run_classes

    # "Reset": the run's weights, the layer's own style, the run's bars
    panel.reset_button.click()
    assert not panel.is_live()
    assert _renderer_classes(layer) == run_classes
    assert {b.criterion: b.points for b in dock.inspector.bars} == bars_before
    assert QgsProject.instance() is project


def test_a_line_result_of_another_algorithm_is_tuned_the_same_way(qgis_app, project):
    """No algorithm-specific code: a line result with other criteria (a and b, no run record;
    the weights 3 : 1 are recovered from its own scores) is tuned like the roofs."""
    from gi_qgis_plugin.ui.live_weights import LiveWeightsWidget

    lines = [(f"LINESTRING({X0 + 20 * i} {Y0},{X0 + 20 * i + 10} {Y0})", r[0], r[1],
              None if r[2] == "X" else 100.0 * ((3 * (r[0] or 0) + r[1]) / (3 + 1) if r[0] is not None else r[1]),
              r[2], None if r[2] == "X" else 1, "", r[3], "")
             for i, r in enumerate(ROWS)]
    layer = memory_layer(lines, "c_a:double&field=c_b:double&field=gi_score:double&field=gi_class:string"
                                "&field=gi_rank:integer&field=gi_hz:string&field=gi_flags:string&field=gi_reason:string",
                         geom="LineString", name="Straßen Ergebnis")
    project.addMapLayer(layer)
    from gi_qgis_plugin.styles import apply_result_styles

    apply_result_styles(layer)
    panel = LiveWeightsWidget(project)
    panel.set_layers([layer])
    assert list(panel.sliders) == ["a", "b"]
    assert panel.run_weights == pytest.approx({"a": 0.75, "b": 0.25})
    # a : b = 1 : 4 (sliders 20 and 80): 100 × 1/5 = 20 → D, 100 × 4/5 = 80 → A, 60 → B, X,
    # 90 → A (b alone), 40 → C (b alone)
    panel.sliders["b"].setValue(80)
    panel.sliders["a"].setValue(20)
    QTest.qWait(20)
    assert panel.core is not None
    expected = ["D", "A", "B", "X", "A", "C"]
    assert _renderer_classes(layer) == expected
    saved = panel.save()
    assert _values(saved, "gi_class") == expected
    # the last line had no criterion under the run's weights (flag no_criteria); now it has one
    assert _values(saved, "gi_flags") == ["", "", "", "listed", "", ""]
    assert saved.geometryType() == layer.geometryType()
    run = record.loads(saved.customProperty(record.PROPERTY))
    assert run["weights"] == pytest.approx({"a": 0.2, "b": 0.8})
    panel.reset_button.click()
    assert _renderer_classes(layer) == [r[2] for r in ROWS]
    assert "gi_live_class" not in (layer.customProperty("variableNames") or [])


def test_a_result_whose_scores_are_not_the_weighted_mean_is_not_reweighted(qgis_app, project):
    """A run record says a = 1, b = 1, but the scores were made with 3 : 1 (another formula, as
    far as the panel can tell): the sliders refuse to re-score rather than show wrong classes."""
    from gi_qgis_plugin.ui.live_weights import LiveWeightsWidget

    rows = [(square(X0 + 20 * i, Y0), r[0], r[1],
             None if r[2] == "X" else 100.0 * ((3 * (r[0] or 0) + r[1]) / 4 if r[0] is not None else r[1]),
             r[2], None, "", r[3], "") for i, r in enumerate(ROWS)]
    layer = memory_layer(rows, "c_a:double&field=c_b:double&field=gi_score:double&field=gi_class:string"
                               "&field=gi_rank:integer&field=gi_hz:string&field=gi_flags:string&field=gi_reason:string",
                         name="fremd")
    layer.setCustomProperty(record.PROPERTY, record.dumps(record.make_record("gi:other", "1", {}, {"a": 1.0, "b": 1.0})))
    project.addMapLayer(layer)
    from gi_qgis_plugin.styles import apply_result_styles

    apply_result_styles(layer)
    panel = LiveWeightsWidget(project)
    panel.set_layers([layer])
    panel.sliders["a"].setValue(10)
    QTest.qWait(20)
    assert not panel.is_live()
    assert "not the weighted mean" in panel.summary.text()
    assert _renderer_classes(layer) == [r[2] for r in ROWS]  # the map keeps the run's classes


def test_live_scores_follow_the_roofs_suitability_times_need(dock, project, gi_provider, tmp_path):
    """The roof score is 100 × (suit/100)^(1 − s) × (need/100)^s (NEED_SHARE s of the run): with the
    area's weight set to 0 by the user, every roof's live score is that formula over its own c_*."""
    from gi_qgis_plugin.scoring.spec import spec_for

    layer = _roof_result(tmp_path)
    project.addMapLayer(layer)
    panel = dock.weights_panel
    panel.sliders["area"].setFocus()
    QTest.keyClick(panel.sliders["area"], Qt.Key.Key_Home)
    QTest.qWait(20)
    assert panel.is_live() and panel.weights["area"] == 0.0
    spec = spec_for("flatroofs")
    s = record.loads(layer.customProperty(record.PROPERTY))["parameters"]["NEED_SHARE"]
    w = panel.weights

    def mean(f, keys):
        pairs = [(w[k], f["c_" + k]) for k in keys if k in w and w[k] > 0 and f["c_" + k] not in (None, NULL)]
        return 100.0 * sum(a * c for a, c in pairs) / sum(a for a, _ in pairs) if pairs else None

    checked = 0
    for f in layer.getFeatures():
        live = panel.live_values(layer.id(), f.id())
        if f["gi_class"] == "X":
            continue
        suit, need = mean(f, spec.group_keys("suit")), mean(f, spec.group_keys("need"))
        expected = 100.0 * (suit / 100.0) ** (1 - s) * (need / 100.0) ** s if suit is not None and need is not None \
            else (suit if suit is not None else need)
        assert live[0] == pytest.approx(expected), f.id()
        checked += 1
    assert checked >= 3


def test_a_project_saved_while_tuning_opens_with_the_runs_classes(qgis_app, project, tmp_path):
    """The tuned style is kept in a project saved while tuning; when the panel meets such a layer
    again (no live state any more), it draws the run's classes again."""
    from gi_qgis_plugin.ui.live_weights import LiveWeightsWidget

    layer = memory_layer([(square(X0 + 20 * i, Y0), r[0], r[1], None, r[2], None, "", r[3], "")
                          for i, r in enumerate(ROWS)],
                         "c_a:double&field=c_b:double&field=gi_score:double&field=gi_class:string"
                         "&field=gi_rank:integer&field=gi_hz:string&field=gi_flags:string&field=gi_reason:string",
                         name="r")
    project.addMapLayer(layer)
    first = LiveWeightsWidget(project)
    first.set_layers([layer])
    first.sliders["a"].setValue(0)
    QTest.qWait(20)
    assert first.is_live() and _renderer_classes(layer) != [r[2] for r in ROWS]
    first.deleteLater()  # the dock closed without a reset, as when QGIS quits
    again = LiveWeightsWidget(project)
    again.set_layers([layer])
    assert _renderer_classes(layer) == [r[2] for r in ROWS]
    assert "gi_live_class" not in (layer.customProperty("variableNames") or [])


def _hand_class(f, weights, spec, formula):
    """A feature's class under ``weights``, worked out plainly from its own c_* values: the
    weighted mean over the criteria it has (per group, combined as suit^(1−s) × need^s when the
    run's formula has a need share s), classed by the spec's breaks."""
    def mean(keys):
        pairs = [(weights[k], f["c_" + k]) for k in keys
                 if weights.get(k, 0) > 0 and f.fields().indexOf("c_" + k) >= 0 and f["c_" + k] not in (None, NULL)]
        return 100.0 * sum(a * c for a, c in pairs) / sum(a for a, _ in pairs) if pairs else None

    s = formula.get("need_share")
    if s is None or not spec.score_groups():
        score = mean(list(weights))
    else:
        suit, need = mean(spec.group_keys("suit")), mean(spec.group_keys("need"))
        score = (100.0 * (suit / 100.0) ** (1 - s) * (need / 100.0) ** s if suit is not None and need is not None
                 else (suit if suit is not None else need))
    if score is None:
        return "X"
    a, b, c = formula.get("class_breaks") or spec.class_breaks
    return "A" if score >= a else "B" if score >= b else "C" if score >= c else "D"


@pytest.mark.parametrize("alg_id", sorted(__import__("cases").CASES))
def test_every_scoring_algorithm_is_tuned_live_the_same_way(alg_id, dock, project, gi_provider, tmp_path):
    """Roofs, streets (and every algorithm in tests/cases.py): the user sets the first weighted
    criterion to 0; the map draws each feature's class as worked out by hand from its c_*."""
    import processing
    from cases import CASES

    from gi_qgis_plugin.scoring.spec import spec_for
    from gi_qgis_plugin.styles import apply_result_styles

    case = CASES[alg_id]
    res = processing.run(alg_id, {"INPUT": case.make_input(), **case.params(tmp_path), "OUTPUT": "TEMPORARY_OUTPUT"})
    layer = res["OUTPUT"]
    apply_result_styles(layer)
    project.addMapLayer(layer)
    panel = dock.weights_panel
    panel.set_layer(layer)
    key = next(k for k, w in panel.run_weights.items() if w > 0)
    panel.sliders[key].setFocus()
    QTest.keyClick(panel.sliders[key], Qt.Key.Key_Home)
    QTest.qWait(20)
    assert panel.is_live(), panel.summary.text()
    run = record.loads(layer.customProperty(record.PROPERTY))
    spec = spec_for(alg_id)
    excluded = [f["gi_class"] == "X" and "no_criteria" not in (f["gi_flags"] or "") for f in layer.getFeatures()]
    expected = ["X" if ex else _hand_class(f, panel.weights, spec, run.get("formula") or {})
                for f, ex in zip(layer.getFeatures(), excluded)]
    assert _renderer_classes(layer) == expected


def test_a_geopackage_result_opened_later_is_tuned_from_its_stored_run_record(dock, project, gi_provider, tmp_path):
    """A result written to a GeoPackage and opened again (no layer property: the run record comes
    from the GeoPackage's metadata) is tuned like a fresh one."""
    import processing
    from cases import CASES

    case = CASES["gi:flatroofs"]
    out = str(tmp_path / "roofs.gpkg")
    processing.run("gi:flatroofs", {"INPUT": case.make_input(), **case.params(tmp_path), "OUTPUT": out})
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(out, "Dächer aus Datei", "ogr")
    assert layer.isValid() and not layer.customProperty(record.PROPERTY)
    project.addMapLayer(layer)
    panel = dock.weights_panel
    panel.set_layer(layer)
    assert "run record" in panel.note.text()  # "Weights from this result's run record (gi:flatroofs, …)"
    key = next(k for k, w in panel.run_weights.items() if w > 0)
    panel.sliders[key].setFocus()
    QTest.keyClick(panel.sliders[key], Qt.Key.Key_Home)
    QTest.qWait(20)
    assert panel.is_live(), panel.summary.text()  # the stored scores are reproduced: the guard passes
    saved = panel.save()
    assert record.loads(saved.customProperty(record.PROPERTY))["weights"][key] == 0.0
