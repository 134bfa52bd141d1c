"""Drives the real QGIS desktop (started by tests/test_real_qgis.py with ``--code driver.py``).

Every user action is a real mouse click: xdotool moves the X pointer to the widget's centre on
the Xvfb screen and presses the button, so the event travels X server -> Qt -> widget exactly
as a planner's click does. Between steps the driver waits on conditions (with timeouts), takes
a screenshot of the whole screen, and records checks. It writes ``result.json`` (checks,
failures, log messages) into GI_REALAPP_OUT and quits QGIS.

Run 1: fresh profile -> toolbar action -> sample (folder dialog) -> suggest roles -> algorithm
dialog (non-modal) -> run -> select a roof with QGIS's select tool -> zoom -> pick on map ->
Handlungsziele tab, HZ 02, select -> weights tab: drag a slider, save, reset -> save the project. Run 2: the saved project reopened.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import time
import traceback
from pathlib import Path

from qgis.core import Qgis, QgsApplication, QgsExpression, QgsFeatureRequest, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QPoint, QTimer
from qgis.PyQt.QtWidgets import (
    QAction,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QMessageBox,
    QStyle,
    QStyleOptionSlider,
    QTextEdit,
    QToolBar,
)
from qgis.utils import iface, plugins

OUT = Path(os.environ["GI_REALAPP_OUT"])
RUN = int(os.environ.get("GI_REALAPP_RUN", "1"))
DATA = Path(os.environ.get("GI_REALAPP_DATA", str(OUT / "daten")))
RESULT = {"run": RUN, "checks": {}, "failures": [], "messages": [], "shots": [], "steps": []}
ERROR_TAGS = ("Python error", "Python-Fehler", "Grüne Infrastruktur", "Green Infrastructure")


# ------------------------------------------------------------------------------------------
# Plumbing: log, waits, clicks, screenshots
# ------------------------------------------------------------------------------------------
def _on_message(message, tag, level):
    if level >= Qgis.MessageLevel.Warning or tag in ERROR_TAGS:
        RESULT["messages"].append({"tag": tag, "level": int(level), "text": message})


QgsApplication.messageLog().messageReceived.connect(_on_message)


def save_result():
    (OUT / f"result{RUN}.json").write_text(json.dumps(RESULT, indent=1, ensure_ascii=False, default=str),
                                           encoding="utf-8")


def pump(seconds=0.05):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.01)


class StepFailed(Exception):
    pass


def wait_for(cond, what, timeout=20.0):
    """Process events until ``cond()`` is true; StepFailed after ``timeout`` seconds."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            value = cond()
        except Exception:  # noqa: BLE001 - a condition on half-built widgets: try again
            value = None
        if value:
            return value
        pump(0.05)
    raise StepFailed(f"timeout after {timeout:.0f} s waiting for: {what}")


def check(name, ok, detail=""):
    RESULT["checks"][name] = {"ok": bool(ok), "detail": str(detail)}
    if not ok:
        RESULT["failures"].append(f"{name}: {detail}")


def xdotool(*args):
    subprocess.run(["xdotool", *map(str, args)], check=True, timeout=10)


def click_at(gx, gy):
    xdotool("mousemove", "--sync", gx, gy)
    pump(0.1)
    xdotool("click", "1")
    pump(0.2)


def click(widget, local=None):
    """A real click on ``widget`` (its centre, or ``local`` in widget coordinates)."""
    wait_for(lambda: widget.isVisible() and widget.isEnabled(), f"{widget.objectName() or widget} visible and enabled")
    point = widget.mapToGlobal(local if local is not None else widget.rect().center())
    click_at(point.x(), point.y())


def shot(name):
    pump(0.3)
    path = OUT / f"run{RUN}_{name}.png"
    QApplication.primaryScreen().grabWindow(0).save(str(path))
    RESULT["shots"].append(path.name)
    return path


def grab(widget, name):
    path = OUT / f"{name}.png"
    widget.grab().save(str(path))
    return path


def canvas_idle():
    canvas = iface.mapCanvas()
    wait_for(lambda: not canvas.isDrawing(), "map canvas finished drawing", 30)
    pump(0.3)


def map_to_global(point):
    """A map coordinate (canvas CRS) as a global screen position."""
    canvas = iface.mapCanvas()
    px = canvas.getCoordinateTransform().transform(point)
    return canvas.mapToGlobal(QPoint(int(round(px.x())), int(round(px.y()))))


def plugin():
    return plugins.get("gi_qgis_plugin")


def dock():
    p = plugin()
    return p.dock if p is not None else None


def result_layer():
    from gi_qgis_plugin.ui.roles import is_result_layer

    layers = [n.layer() for n in QgsProject.instance().layerTreeRoot().findLayers()]
    return next((lyr for lyr in layers if is_result_layer(lyr)), None)


def district_layer():
    from gi_qgis_plugin.district_styles import is_district_table

    return next((lyr for lyr in QgsProject.instance().mapLayers().values() if is_district_table(lyr)), None)


def roles_by_name():
    d = dock()
    return {k: (QgsProject.instance().mapLayer(v).name() if QgsProject.instance().mapLayer(v) else "")
            for k, v in d.roles.items()}


def feature_by_rank(layer, rank):
    req = QgsFeatureRequest().setFilterExpression(f'"gi_rank" = {int(rank)}')
    return next(layer.getFeatures(req))


def screen_point_of(layer, feature):
    canvas = iface.mapCanvas()
    geom = feature.geometry().pointOnSurface()
    pt = canvas.mapSettings().layerToMapCoordinates(layer, geom.asPoint())
    return map_to_global(pt)


def show_on_map(layer, features, margin=40.0):
    """Centre the map on ``features`` (setting the view is no user action under test)."""
    canvas = iface.mapCanvas()
    box = None
    for f in features:
        b = canvas.mapSettings().layerExtentToOutputExtent(layer, f.geometry().boundingBox())
        box = b if box is None else box.combineExtentWith(b) or box
    box.grow(margin)
    canvas.setExtent(box)
    canvas.refresh()
    canvas_idle()


def layers_above(target):
    """Visible layers drawn above ``target`` (layer-tree order: first = top)."""
    root = QgsProject.instance().layerTreeRoot()
    out = []
    for node in root.findLayers():
        if node.layer() is None:
            continue
        if node.layer().id() == target.id():
            break
        if node.isVisible():
            out.append(node.layer())
    return out


def opaque_fill(layer):
    """True when ``layer`` paints polygons with a fill more than half opaque."""
    if not isinstance(layer, QgsVectorLayer) or layer.geometryType() != Qgis.GeometryType.Polygon:
        return False
    from qgis.core import QgsRenderContext

    ctx = QgsRenderContext()
    for symbol in layer.renderer().symbols(ctx):
        for i in range(symbol.symbolLayerCount()):
            sl = symbol.symbolLayer(i)
            brush = getattr(sl, "brushStyle", None)
            if brush is not None and brush() == 0:  # Qt.NoBrush
                continue
            colour = sl.fillColor() if hasattr(sl, "fillColor") else None
            if colour is not None and colour.alpha() * symbol.opacity() * layer.opacity() > 128:
                return True
    return False


# ------------------------------------------------------------------------------------------
# Steps of run 1
# ------------------------------------------------------------------------------------------
def step_start():
    mw = iface.mainWindow()
    mw.showMaximized()
    wait_for(lambda: mw.isVisible() and plugin() is not None, "QGIS main window and the plugin")
    pump(1.0)
    action = mw.findChild(QAction, "GiQgisPluginDockAction")
    button = iface.pluginToolBar().widgetForAction(action) if action is not None else None
    check("toolbar", button is not None and button.isVisible(), "the panel's button on the Plugins toolbar")
    check("no_own_toolbar_row", mw.findChild(QToolBar, "GiQgisPluginToolbar") is None, "")
    shot("00_start")
    # QGIS's own start-up notices (e.g. "Open Sans" cannot be downloaded offline) are in the log;
    # cleared here so that the screenshots show the plugin
    iface.messageBar().clearWidgets()


def step_plugin_manager_metadata():
    """What QGIS's Plugin Manager reads from metadata.txt: German texts, no error, and the
    supportsQt6 key a Qt6 build (QGIS 4) requires."""
    from pyplugin_installer.installer_data import plugins as manager

    path = str(Path(__import__("gi_qgis_plugin").__file__).parent)
    meta = manager.getInstalledPlugin("gi_qgis_plugin", path, False)
    details = str(meta.get("error_details", ""))
    check("plugin_manager_no_error", meta.get("error", "") == "" and "supportsqt6" not in details.lower(),
          f"error={meta.get('error')!r} details={details!r}")
    check("plugin_manager_german", meta.get("description", "").startswith("Prioritäten für die Dachbegrünung")
          and meta.get("about", "").startswith("Verarbeitungsalgorithmen"), meta.get("description"))


def step_open_dock():
    mw = iface.mainWindow()
    action = mw.findChild(QAction, "GiQgisPluginDockAction")
    click(iface.pluginToolBar().widgetForAction(action))
    d = wait_for(lambda: dock() is not None and dock().isVisible() and dock(), "dock opened by the toolbar action")
    pump(0.5)
    texts = {"title": d.windowTitle(), "tabs": [d.tabs.tabText(i) for i in range(d.tabs.count())],
             "sample": d.sample_button.text(), "suggest": d.suggest_button.text()}
    check("german_dock", texts == {"title": "Grüne Infrastruktur",
                                   "tabs": ["Layer/Rollen", "Ergebnis", "Handlungsziele", "Gewichte"],
                                   "sample": "Beispieldaten laden", "suggest": "Rollen vorschlagen"}, texts)
    shot("01_bedienfeld")


def _answer_folder_dialog(deadline=None):
    """Polls (without blocking) for the folder dialog of the sample button; once it is open,
    chooses DATA and clicks its accept button. Non-blocking on purpose: a waiting loop started
    before the click would sit under the dialog's own event loop and never see it."""
    deadline = deadline or time.monotonic() + 20
    w = QApplication.activeModalWidget()
    if not (isinstance(w, QFileDialog) and w.isVisible()):
        if time.monotonic() < deadline:
            QTimer.singleShot(100, lambda: _answer_folder_dialog(deadline))
        else:
            RESULT["failures"].append("folder dialog of the sample button did not open within 20 s")
        return
    try:
        RESULT["checks"]["folder_dialog_title"] = {"ok": True, "detail": w.windowTitle()}
        DATA.mkdir(parents=True, exist_ok=True)
        w.setDirectory(str(DATA))
        pump(0.5)
        shot("02_ordner_fuer_beispieldaten")
        box = w.findChild(QDialogButtonBox)
        accept = next(b for b in box.buttons() if box.buttonRole(b) == QDialogButtonBox.ButtonRole.AcceptRole)
        click(accept)
    except Exception as err:  # noqa: BLE001
        RESULT["failures"].append(f"folder dialog: {err}")
        w.reject()


def step_sample():
    d = dock()
    QTimer.singleShot(100, _answer_folder_dialog)
    click(d.sample_button)
    from gi_qgis_plugin.ui.sample_loader import sample_key

    wait_for(lambda: sum(1 for lyr in QgsProject.instance().mapLayers().values() if sample_key(lyr)) >= 13,
             "13 sample layers loaded", 30)
    canvas_idle()
    names = sorted(lyr.name() for lyr in QgsProject.instance().mapLayers().values())
    RESULT["sample_layer_names"] = names
    check("sample_names_german", {"Gebäude", "Straßen", "Stadtteile", "Straßenbäume", "Gebiete mit Mischkanalisation"} <= set(names),
          names)
    filled = {k: v for k, v in roles_by_name().items() if v}
    check("roles_filled", len(filled) >= 13, filled)
    sources = [lyr.source() for lyr in QgsProject.instance().mapLayers().values()]
    copied = str(DATA / "Musterstadt")
    check("sample_copied_to_chosen_folder", all(s.startswith(copied) for s in sources), sources[:3])
    check("status_sample", "13 Layer," in d.status_label.text(), d.status_label.text())
    shot("03_beispieldaten_geladen")


def step_suggest():
    d = dock()
    # the user clears the parks role in its combo box: open the list, click the empty entry
    combo = d.role_combos["parks"]
    click(combo)
    view = wait_for(lambda: combo.view().isVisible() and combo.view(), "the parks combo's list open")
    empty = next(i for i in range(combo.count()) if combo.layer(i) is None)
    click(view.viewport(), view.visualRect(combo.model().index(empty, 0)).center())
    wait_for(lambda: not d.roles.get("parks"), "parks role cleared through its combo box")
    check("combo_clears_role", not roles_by_name()["parks"], roles_by_name()["parks"])
    click(d.suggest_button)
    wait_for(lambda: d.roles.get("parks"), "parks role suggested again by the button")
    check("suggest_button", roles_by_name()["parks"] != "", d.status_label.text())


def visible(widget):
    try:
        return widget.isVisible()
    except RuntimeError:  # deleted
        return False


def algorithm_dialog():
    for w in QApplication.topLevelWidgets():
        if w.isVisible() and w.inherits("QgsProcessingAlgorithmDialogBase"):
            return w
    return None


def step_algorithm():
    d = dock()
    click(d.algorithm_buttons["gi:flatroofs"])
    wait_for(algorithm_dialog, "algorithm dialog opened from the dock")
    dlg = d.algorithm_dialog
    pump(0.5)
    check("dialog_non_modal", not dlg.isModal() and QApplication.activeModalWidget() is None,
          f"isModal={dlg.isModal()}")
    check("dialog_german", dlg.windowTitle().startswith("Dächer - Flachdächer") and "(HZ 02)" in dlg.windowTitle(),
          dlg.windowTitle())
    ctx = dlg.processingContext() if hasattr(dlg, "processingContext") else None
    panel = dlg.mainWidget()
    filled = {}
    for name in ("INPUT", "HEAT", "RAIN", "PARKS", "DISTRICTS"):
        wrapper = panel.wrappers.get(name)
        value = wrapper.parameterValue() if wrapper is not None else None
        layer = QgsProject.instance().mapLayer(value) if isinstance(value, str) else value
        filled[name] = layer.name() if hasattr(layer, "name") else str(value)
    check("dialog_filled_from_roles", filled.get("INPUT") == "Gebäude" and filled.get("PARKS") == roles_by_name()["parks"],
          filled)
    del ctx
    out = OUT / "ergebnis"
    out.mkdir(exist_ok=True)
    panel.setParameters({"OUTPUT": str(out / "dachbewertung.gpkg"), "DISTRICT_TABLE": str(out / "stadtteile_ziel.gpkg")})
    pump(0.3)
    shot("04_dialog_aus_dem_bedienfeld")
    run = dlg.buttonBox().button(QDialogButtonBox.StandardButton.Ok)
    click(run)
    log = dlg.findChild(QTextEdit, "txtLog")  # the dialog's log (the help is another text browser)

    def log_says_failed():
        text = log.toPlainText() if visible(dlg) and log is not None else ""
        return any(word in text for word in ("nicht erzeugt", "Traceback", "Fehler:", "Ausführung fehlgeschlagen"))

    wait_for(lambda: (result_layer() is not None and district_layer() is not None) or log_says_failed(),
             "result and district table loaded into the project", 90)
    if log is not None and visible(dlg):
        RESULT["dialog_log"] = log.toPlainText()[-3000:]
    if result_layer() is None or district_layer() is None:
        shot("fehler_im_protokoll")
        raise StepFailed("the run did not load its outputs; the dialog's log says:\n"
                         + RESULT.get("dialog_log", "")[-1500:])
    pump(1.0)
    # QGIS closes the dialog after a successful run unless "keep dialog open" is set
    if visible(dlg):
        click(dlg.buttonBox().button(QDialogButtonBox.StandardButton.Close))
    wait_for(lambda: not visible(dlg), "algorithm dialog closed")
    iface.mapCanvas().zoomToFullExtent()
    canvas_idle()
    shot("05_ergebnis_auf_der_karte")


def step_result_checks():
    res, table = result_layer(), district_layer()
    renderer = res.renderer()
    check("result_styled", renderer.type() == "categorizedSymbol" and renderer.classAttribute() == "gi_class",
          renderer.type())
    check("table_styled", table.renderer().type() == "graduatedSymbol", table.renderer().type())
    hiding = [lyr.name() for lyr in layers_above(res) if opaque_fill(lyr)]
    check("nothing_hides_the_result", not hiding, hiding)
    order = [n.layer().name() for n in QgsProject.instance().layerTreeRoot().findLayers()]
    check("table_below_result", order.index(table.name()) > order.index(res.name()), order)
    labels = [c.label() for c in renderer.categories()]
    check("legend_german", labels and labels[0].startswith("A – höchste Priorität"), labels)


def step_select_tool():
    res = result_layer()
    d = dock()
    best, second = feature_by_rank(res, 1), feature_by_rank(res, 2)
    RESULT["picked"] = {"rank1": best.id(), "rank2": second.id()}
    show_on_map(res, [best])
    d.tabs.setCurrentIndex(d.TAB_ROLES)  # the user was on the roles tab
    iface.setActiveLayer(res)  # QGIS's select tool works on the active layer (the user picks it in the panel)
    iface.actionSelect().trigger()  # QGIS's own select tool, as from its toolbar
    pos = screen_point_of(res, best)
    click_at(pos.x(), pos.y())
    wait_for(lambda: d.inspector.feature is not None and d.inspector.feature.id() == best.id(),
             "the roof selected with the QGIS select tool shown in the inspector")
    check("select_tool_switches_to_result", d.tabs.currentIndex() == d.TAB_RESULT, d.tabs.currentIndex())
    reason = d.inspector.reason_label.text()
    RESULT["reason_rank1"] = reason
    # German numbers: a decimal comma, never a decimal point ("≥ 0,5 ha", "0,02 m")
    check("decimal_comma", re.search(r"\d\.\d", reason) is None and "," in reason, reason)
    canvas_idle()
    shot("06_auswahl_mit_qgis_werkzeug")
    grab(d, "dock_ergebnis")


def step_zoom_and_pick():
    d = dock()
    res = result_layer()
    click(d.inspector.zoom_button)
    canvas_idle()
    scale = iface.mapCanvas().scale()
    check("zoom_scale_useful", scale >= 1400, f"1:{scale:.0f}")
    second = feature_by_rank(res, 2)
    show_on_map(res, [second], margin=60.0)
    click(d.inspector.pick_button)
    pos = screen_point_of(res, second)
    click_at(pos.x(), pos.y())
    wait_for(lambda: d.inspector.feature is not None and d.inspector.feature.id() == second.id(),
             "the roof picked with 'In Karte wählen' shown in the inspector")
    check("pick_on_map", True, second.id())
    canvas_idle()
    shot("07_in_karte_waehlen")
    iface.actionPan().trigger()


def step_hz():
    d = dock()
    res = result_layer()
    bar = d.tabs.tabBar()
    click(bar, bar.tabRect(d.TAB_HZ).center())
    wait_for(lambda: d.tabs.currentIndex() == d.TAB_HZ, "Handlungsziele tab shown")
    browser = d.browser
    item = next(it for it in browser.hz_items() if it.data(0, 256) == "02")
    browser.tree.scrollToItem(item)
    pump(0.2)
    click(browser.tree.viewport(), browser.tree.visualItemRect(item).center())
    wait_for(lambda: browser.number == "02", "HZ 02 chosen in the tree")
    click(browser.select_button)
    wait_for(lambda: res.selectedFeatureCount() > 0, "HZ 02 features selected")
    expr = QgsExpression("regexp_match(\"gi_hz\", '(^|,) *02 *(,|$)') AND \"gi_class\" <> 'X'")
    expected = sum(1 for _ in res.getFeatures(QgsFeatureRequest(expr)))
    check("hz_select_skips_excluded", res.selectedFeatureCount() == expected,
          f"{res.selectedFeatureCount()} selected, {expected} of classes A–D")
    text = browser.progress_label.text()
    RESULT["hz_progress"] = text
    units = {"ha": text.count(" ha"), "m2": text.count(" m²")}
    check("hz_progress_one_unit", (units["ha"] == 0) != (units["m2"] == 0), text)
    check("hz_progress_names_layer", res.name() in text, text)
    check("stays_on_hz_tab", d.tabs.currentIndex() == d.TAB_HZ, d.tabs.currentIndex())
    iface.mapCanvas().zoomToFullExtent()
    canvas_idle()
    shot("08_handlungsziel_02")
    grab(d, "dock_handlungsziele")
    res.removeSelection()
    click(bar, bar.tabRect(d.TAB_ROLES).center())
    wait_for(lambda: d.tabs.currentIndex() == d.TAB_ROLES, "roles tab shown again")


def step_flag_words():
    """A roof with flags: the inspector names them in words, no machine code is left."""
    d = dock()
    res = result_layer()
    flagged = next(f for f in res.getFeatures(QgsFeatureRequest(QgsExpression("\"gi_flags\" <> ''"))))
    res.selectByIds([flagged.id()])
    wait_for(lambda: d.inspector.feature is not None and d.inspector.feature.id() == flagged.id(),
             "a flagged roof in the inspector")
    text = d.inspector.reason_label.text()
    codes = [c for c in str(flagged["gi_flags"]).split(",") if c]
    check("flag_codes_as_words", codes and not any(c in text for c in codes), f"{codes}: {text}")
    res.removeSelection()


def step_docs_pictures():
    """The README's pictures: the map at district scale with the best roof explained, and the
    Handlungsziele tab (the view is set up directly: these are pictures, not checks)."""
    d = dock()
    res = result_layer()
    docs = OUT / "docs"
    docs.mkdir(exist_ok=True)
    best = feature_by_rank(res, 1)
    show_on_map(res, [best], margin=180.0)
    res.selectByIds([best.id()])
    wait_for(lambda: d.tabs.currentIndex() == d.TAB_RESULT, "result tab for the picture")
    iface.messageBar().clearWidgets()
    canvas_idle()
    QApplication.primaryScreen().grabWindow(0).scaledToWidth(1200, 1).save(str(docs / "qgis_ergebnis.png"))
    d.tabs.setCurrentIndex(d.TAB_HZ)
    d.browser.select_number("02")
    pump(0.5)
    grab(d, "docs/dock_handlungsziele")
    res.removeSelection()
    d.tabs.setCurrentIndex(d.TAB_ROLES)


def drag(slider, to_x):
    """A real mouse drag of a slider's handle to ``to_x`` (slider coordinates): press on the
    handle, move with the button held, release."""
    opt = QStyleOptionSlider()
    slider.initStyleOption(opt)
    handle = slider.style().subControlRect(QStyle.ComplexControl.CC_Slider, opt, QStyle.SubControl.SC_SliderHandle, slider)
    start = slider.mapToGlobal(handle.center())
    end = slider.mapToGlobal(QPoint(int(to_x), handle.center().y()))
    xdotool("mousemove", "--sync", start.x(), start.y())
    pump(0.1)
    xdotool("mousedown", "1")
    for i in range(1, 11):
        pump(0.05)
        xdotool("mousemove", start.x() + (end.x() - start.x()) * i // 10, start.y())
    pump(0.1)
    xdotool("mouseup", "1")
    pump(0.3)


def step_weights():
    """Tab "Gewichte": the heat slider dragged to 0 with the mouse re-scores the result at once
    (map and bars follow), "Speichern als neues Ergebnis" writes a layer whose run record holds
    the new weights, "Zurücksetzen" gives the run's classes back."""
    from gi_qgis_plugin.scoring import record

    d = dock()
    res = result_layer()
    best = feature_by_rank(res, 1)
    res.selectByIds([best.id()])
    wait_for(lambda: d.inspector.feature is not None and d.inspector.feature.id() == best.id(), "rank-1 roof inspected")
    bars_before = [b.points for b in d.inspector.bars]
    bar = d.tabs.tabBar()
    click(bar, bar.tabRect(d.TAB_WEIGHTS).center())
    wait_for(lambda: d.tabs.currentIndex() == d.TAB_WEIGHTS, "weights tab shown")
    panel = d.weights_panel
    wait_for(lambda: panel.layer is not None and panel.layer.id() == res.id(), "the result in the weights tab")
    key = "heat" if "heat" in panel.sliders else next(iter(panel.sliders))
    slider = panel.sliders[key]
    drag(slider, 0)
    wait_for(lambda: slider.value() == 0 and panel.is_live(), f"slider {key} dragged to 0 and the roofs re-scored")
    check("weights_map_follows", res.renderer().classAttribute() != "gi_class", res.renderer().classAttribute())
    bars_after = [b.points for b in panel.chart.bars]
    check("weights_bars_follow", panel.chart.isVisible() and bars_after != bars_before, f"{bars_before} -> {bars_after}")
    canvas_idle()
    shot("09_gewichte")
    click(panel.save_button)
    saved = wait_for(lambda: next((lyr for lyr in QgsProject.instance().mapLayers().values()
                                   if lyr.name().endswith("(Gewichte angepasst)")), None), "the tuned result saved")
    run = record.loads(saved.customProperty(record.PROPERTY)) or {}
    check("weights_saved_run_record", (run.get("weights") or {}).get(key) == 0.0, run.get("weights"))
    click(panel.reset_button)
    wait_for(lambda: not panel.is_live(), "weights reset")
    check("weights_reset", res.renderer().classAttribute() == "gi_class" and slider.value() > 0,
          res.renderer().classAttribute())
    QgsProject.instance().removeMapLayer(saved.id())  # the later steps work on the run's result
    res.removeSelection()
    click(bar, bar.tabRect(d.TAB_ROLES).center())
    wait_for(lambda: d.tabs.currentIndex() == d.TAB_ROLES, "roles tab shown again")


def step_reload_plugin():
    """Unload and load again, as the Plugin Reloader or an update does: everything comes back,
    the roles too, and nothing is left over (no second toolbar or dock)."""
    import qgis.utils

    before = roles_by_name()
    qgis.utils.reloadPlugin("gi_qgis_plugin")
    wait_for(lambda: dock() is not None, "dock again after reloading the plugin")
    pump(0.5)
    buttons = [a for a in iface.pluginToolBar().actions() if a.objectName() == "GiQgisPluginDockAction"]
    check("reload_one_button", len(buttons) == 1, f"{len(buttons)} panel buttons on the Plugins toolbar")
    check("reload_roles_kept", roles_by_name() == before, roles_by_name())


def step_save():
    canvas_idle()  # as a user would: save once the reloaded panels and the map have settled
    path = OUT / "planer.qgz"
    ok = QgsProject.instance().write(str(path))
    check("project_saved", ok and path.exists(), path)
    RESULT["roles"] = roles_by_name()
    plugin_dir = Path(plugin().__module__ and __import__("gi_qgis_plugin").__file__).parent
    aux = sorted(str(p) for p in plugin_dir.rglob("*.aux.xml"))
    check("no_files_written_into_the_plugin", not aux, aux)


# ------------------------------------------------------------------------------------------
# Steps of run 2: the saved project reopened in a fresh QGIS
# ------------------------------------------------------------------------------------------
def step_reopened():
    project = QgsProject.instance()
    wait_for(lambda: project.fileName() and result_layer() is not None and dock() is not None,
             "project, result layer and dock after reopening", 40)
    d = dock()
    wait_for(lambda: d.isVisible(), "dock shown again (as left in run 1)")
    canvas_idle()
    invalid = [lyr.name() for lyr in project.mapLayers().values() if not lyr.isValid()]
    check("no_invalid_layers", not invalid, invalid)
    before = json.loads((OUT / "result1.json").read_text(encoding="utf-8")).get("roles", {})
    check("roles_restored", roles_by_name() == before and any(before.values()), roles_by_name())
    res = result_layer()
    check("result_styled_after_reopen", res.renderer().type() == "categorizedSymbol", res.renderer().type())
    bar = d.tabs.tabBar()
    click(bar, bar.tabRect(d.TAB_RESULT).center())
    wait_for(lambda: d.tabs.currentIndex() == d.TAB_RESULT, "result tab")
    check("not_dirty_after_reopen", not project.isDirty(), project.isDirty())
    shot("01_projekt_wieder_geoeffnet")


# ------------------------------------------------------------------------------------------
# Runner
# ------------------------------------------------------------------------------------------
STEPS = {
    1: [step_start, step_plugin_manager_metadata, step_open_dock, step_sample, step_suggest, step_algorithm, step_result_checks,
        step_select_tool, step_zoom_and_pick, step_hz, step_flag_words, step_docs_pictures, step_weights,
        step_reload_plugin, step_save],
    2: [step_reopened],
}


def _close_prompts():
    """A message box at exit would block QGIS: record it and close it."""
    w = QApplication.activeModalWidget()
    if isinstance(w, QMessageBox) and w.isVisible() and w.windowTitle() in ("Projekt schließen", "Close Project"):
        # QGIS's own question when a project is closed (temporary layers, unsaved changes): the
        # project was saved and holds only layers in files, so the question is a failure; it is
        # answered so that QGIS can still quit
        RESULT["failures"].append(f"QGIS asked at exit: {w.windowTitle()}: {w.text()[:160]}")
        save_result()
        for kind in (QMessageBox.StandardButton.Discard, QMessageBox.StandardButton.Yes):
            button = w.button(kind)
            if button is not None:
                button.click()
                break
        else:
            w.accept()
    elif isinstance(w, (QMessageBox, QDialog)) and w.isVisible():
        RESULT["failures"].append(f"unexpected dialog at exit: {w.windowTitle()}")
        save_result()
        w.reject()
    QTimer.singleShot(500, _close_prompts)


def finish():
    project = QgsProject.instance()
    if RESULT.get("done") and not RESULT["failures"]:
        # run 1 saved the project as its last step, run 2 only looked at it: nothing the plugin
        # did since may have changed it (QGIS would ask to save at exit)
        check("not_dirty_at_exit", not project.isDirty(), project.isDirty())
    save_result()
    # a result saved from the weights tab is a memory layer: QGIS asks before dropping such
    # layers at exit ("Projekt schließen"), which would block the exit; the project file is
    # written already, so they are removed first, as a user would confirm
    scratch = [lid for lid, lyr in project.mapLayers().items()
               if lyr.dataProvider() is not None and lyr.dataProvider().name() == "memory"]
    project.removeMapLayers(scratch)
    project.setDirty(False)
    QTimer.singleShot(500, _close_prompts)
    iface.actionExit().trigger()


def main():
    for step in STEPS[RUN]:
        RESULT["steps"].append(step.__name__)
        save_result()
        try:
            step()
        except Exception as err:  # noqa: BLE001 - every failure is reported, then QGIS quits
            RESULT["failures"].append(f"{step.__name__}: {err}\n{traceback.format_exc()}")
            try:
                shot(f"fehler_{step.__name__}")
            except Exception:  # noqa: BLE001
                pass
            break
    RESULT["done"] = True
    finish()


QTimer.singleShot(1500, main)
