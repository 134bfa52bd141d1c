"""Result layers are styled by class (default) and by score, recognised by the contract fields."""

from __future__ import annotations

from qgis.core import QgsCategorizedSymbolRenderer, QgsFeature, QgsGeometry, QgsVectorLayer

from gi_qgis_plugin.styles import CLASS_COLOURS, apply_result_styles, is_result_layer

FIELDS = "&".join(f"field={f}" for f in (
    "gi_score:double", "gi_class:string", "gi_rank:integer", "gi_hz:string", "gi_flags:string", "gi_reason:string"))


def result_layer():
    layer = QgsVectorLayer(f"Polygon?crs=EPSG:25832&{FIELDS}", "result", "memory")
    f = QgsFeature(layer.fields())
    f.setGeometry(QgsGeometry.fromWkt("POLYGON((0 0,1 0,1 1,0 1,0 0))"))
    f.setAttributes([80.0, "A", 1, "02", "", "x"])
    layer.dataProvider().addFeatures([f])
    return layer


def test_result_layer_gets_class_style_and_a_score_style(qgis_app):
    layer = result_layer()
    assert is_result_layer(layer)
    assert apply_result_styles(layer)
    renderer = layer.renderer()
    assert isinstance(renderer, QgsCategorizedSymbolRenderer)
    assert renderer.classAttribute() == "gi_class"
    values = {c.value(): c.symbol().color().name() for c in renderer.categories()}
    assert values == {k: v.lower() for k, v in CLASS_COLOURS.items()}
    manager = layer.styleManager()
    assert {"gi_class", "gi_score"} <= set(manager.styles())
    assert manager.currentStyle() == "gi_class"
    manager.setCurrentStyle("gi_score")
    assert layer.renderer().classAttribute() == "gi_score"


def test_other_layers_are_left_alone(qgis_app):
    layer = QgsVectorLayer("Polygon?crs=EPSG:25832&field=name:string", "plain", "memory")
    before = layer.renderer().type()
    assert not is_result_layer(layer)
    assert not apply_result_styles(layer)
    assert layer.renderer().type() == before


def test_result_is_styled_when_processing_loads_it(sample_gpkg, gi_provider, qgis_iface, qgis_new_project, tmp_path):
    """Run as the toolbox does (result loaded into the project): the style post-processor runs."""
    import processing
    from qgis.core import QgsProject

    g = str(sample_gpkg)
    out = str(tmp_path / "styled.gpkg")
    res = processing.runAndLoadResults("gi:flatroofs", {"INPUT": f"{g}|layername=buildings", "OUTPUT": out})
    loaded = QgsProject.instance().mapLayer(res["OUTPUT"]) if res["OUTPUT"] in QgsProject.instance().mapLayers() else None
    if loaded is None:
        matches = [lyr for lyr in QgsProject.instance().mapLayers().values() if lyr.source().startswith(out)]
        assert matches, "the result was not loaded into the project"
        loaded = matches[0]
    assert isinstance(loaded.renderer(), QgsCategorizedSymbolRenderer)
    assert loaded.renderer().classAttribute() == "gi_class"
    assert {"gi_class", "gi_score"} <= set(loaded.styleManager().styles())


def test_district_table_is_light_labelled_and_below_the_roofs(sample_gpkg, gi_provider, qgis_iface, qgis_new_project,
                                                              tmp_path):
    """The target table once hid the roofs (random opaque fill, drawn on top): now it is a light
    graduated fill by share_green, labelled, and placed under the result in the layer tree."""
    import processing
    from qgis.core import QgsGraduatedSymbolRenderer, QgsProject

    from gi_qgis_plugin.district_styles import FILL_ALPHA

    g = str(sample_gpkg)
    res = processing.runAndLoadResults("gi:flatroofs", {
        "INPUT": f"{g}|layername=buildings", "DISTRICTS": f"{g}|layername=districts",
        "OUTPUT": str(tmp_path / "roofs.gpkg"), "DISTRICT_TABLE": str(tmp_path / "districts.gpkg")})
    project = QgsProject.instance()

    def loaded(path):
        return next(lyr for lyr in project.mapLayers().values() if lyr.source().startswith(path))

    roofs, table = loaded(str(tmp_path / "roofs.gpkg")), loaded(str(tmp_path / "districts.gpkg"))
    assert res["DISTRICT_TABLE"]
    renderer = table.renderer()
    assert isinstance(renderer, QgsGraduatedSymbolRenderer) and renderer.classAttribute() == "share_green"
    # every fill lets the map through (alpha 90 of 255), with an outline
    assert {r.symbol().color().alpha() for r in renderer.ranges()} == {FILL_ALPHA}
    assert table.labelsEnabled()
    order = [n.layer().id() for n in project.layerTreeRoot().findLayers()]
    assert order.index(roofs.id()) < order.index(table.id())  # drawn first = on top: the roofs


def test_district_table_file_is_closed_when_the_run_ends(sample_gpkg, gi_provider, qgis_processing, tmp_path):
    """As the algorithm dialog runs it (a task in a worker thread, the algorithm kept alive): a
    sink the algorithm still held left the district GeoPackage unopenable, and QGIS reported it
    as "not generated" (found by tests/test_real_qgis.py)."""
    import time

    from qgis.core import (
        QgsApplication,
        QgsProcessingAlgRunnerTask,
        QgsProcessingContext,
        QgsProcessingFeedback,
    )
    from qgis.PyQt.QtCore import QCoreApplication

    g = str(sample_gpkg)
    alg = QgsApplication.processingRegistry().createAlgorithmById("gi:flatroofs")
    context, feedback = QgsProcessingContext(), QgsProcessingFeedback()
    table = str(tmp_path / "districts.gpkg")
    params = {"INPUT": f"{g}|layername=buildings", "DISTRICTS": f"{g}|layername=districts",
              "OUTPUT": str(tmp_path / "roofs.gpkg"), "DISTRICT_TABLE": table}
    task = QgsProcessingAlgRunnerTask(alg, params, context, feedback)
    done = []
    task.executed.connect(lambda ok, _results: done.append(ok))
    QgsApplication.taskManager().addTask(task)
    end = time.monotonic() + 120
    while not done and time.monotonic() < end:
        QCoreApplication.processEvents()
        time.sleep(0.02)
    assert done == [True]
    # one row per district of the sample
    districts = QgsVectorLayer(f"{g}|layername=districts", "districts", "ogr").featureCount()
    layer = QgsVectorLayer(table, "table", "ogr")
    assert districts > 0 and layer.isValid() and layer.featureCount() == districts
