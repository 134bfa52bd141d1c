"""The dock "Grüne Infrastruktur": opening and closing, layer roles, inspector, Handlungsziele.

Role layers and result layers are built by hand with known values at known places, so every
expected number below is worked out from the geometry written here, not from the code under
test. Screenshots of the dock in German go to tests/screenshots/ (ignored by git).
"""

from __future__ import annotations

import gc
import math
import re
import subprocess
import sys
import weakref
from pathlib import Path

import numpy as np
import pytest
from conftest import ensure_provider
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureRequest,
    QgsField,
    QgsGeometry,
    QgsProject,
    QgsRasterLayer,
    QgsSettings,
    QgsVectorFileWriter,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QCoreApplication, QEvent, QMetaType

ROOT = Path(__file__).resolve().parent.parent
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
CRS = "EPSG:25832"

# Layer names of the shipped sample (gi_qgis_plugin/sample/generator.py) and the role each
# name must get: worked out from the names alone (street_trees is trees, not streets).
SAMPLE_ROLE_NAMES = {
    "buildings": "buildings",
    "streets": "streets",
    "brownfields": "brownfields",
    "heat": "heat",
    "klimatope": "klimatope",
    "rain": "starkregen",
    "biotopverbund": "biotopverbund",
    "gruenzuege": "gruenzuege",
    "parks": "parks",
    "raumtyp": "raumtyp",
    "districts": "districts",
    "trees": "street_trees",
    "sewer": "sewer_combined",
}


# ----------------------------------------------------------------------------------------------
# Helpers: layers with known content
# ----------------------------------------------------------------------------------------------
T = QMetaType.Type  # qt6-ok: the enum type itself; values are written T.Double etc.


def square(x0, y0, side):
    return f"POLYGON(({x0} {y0},{x0 + side} {y0},{x0 + side} {y0 + side},{x0} {y0 + side},{x0} {y0}))"


def rect(x0, y0, x1, y1):
    return f"POLYGON(({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0}))"


def memory_layer(name, geom, fields, rows, crs=CRS) -> QgsVectorLayer:
    layer = QgsVectorLayer(f"{geom}?crs={crs}", name, "memory")
    provider = layer.dataProvider()
    provider.addAttributes([QgsField(n, t) for n, t in fields])
    layer.updateFields()
    feats = []
    for wkt, attrs in rows:
        f = QgsFeature(layer.fields())
        f.setGeometry(QgsGeometry.fromWkt(wkt))
        f.setAttributes(list(attrs))
        feats.append(f)
    assert provider.addFeatures(feats)[0]
    layer.updateExtents()
    assert layer.isValid() and layer.featureCount() == len(rows)
    return layer


def write_tif(path: Path, array: np.ndarray, x0: float, y0: float, cell: float, nodata=-9999.0) -> Path:
    """A one-band Float32 GeoTIFF in EPSG:25832 with its top-left corner at (x0, y0)."""
    from osgeo import gdal, osr

    gdal.UseExceptions()
    rows, cols = array.shape
    ds = gdal.GetDriverByName("GTiff").Create(str(path), cols, rows, 1, gdal.GDT_Float32)
    ds.SetGeoTransform((x0, cell, 0.0, y0, 0.0, -cell))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(25832)
    ds.SetProjection(srs.ExportToWkt())
    band = ds.GetRasterBand(1)
    band.SetNoDataValue(nodata)
    band.WriteArray(array.astype(np.float32))
    ds = None
    return path


RESULT_FIELDS = [
    ("gi_score", T.Double), ("gi_class", T.QString), ("gi_rank", T.Int), ("gi_hz", T.QString),
    ("gi_flags", T.QString), ("gi_reason", T.QString),
    ("c_slope", T.Double), ("c_area", T.Double), ("c_heat", T.Double), ("c_rain", T.Double),
]


def sample_like_layers(folder: Path) -> list:
    """Layers named and typed like the shipped sample, written to a GeoPackage and two GeoTIFFs."""
    gpkg = folder / "musterstadt_like.gpkg"
    specs = [
        ("buildings", "Polygon", [("height", T.Double)], [(square(0, 0, 10), [6.0])]),
        ("raumtyp", "Polygon", [("raumtyp", T.QString)], [(square(0, 0, 100), ["Innenstadt"])]),
        ("districts", "Polygon", [("name", T.QString)], [(square(0, 0, 100), ["Altstadt"])]),
        ("streets", "LineString", [("name", T.QString)], [("LINESTRING(0 0, 100 0)", ["Hauptstraße"])]),
        ("street_trees", "Point", [("species", T.QString)], [("POINT(5 5)", ["Tilia"])]),
        ("brownfields", "Polygon", [("name", T.QString)], [(square(50, 50, 10), ["Zeche"])]),
        ("klimatope", "Polygon", [("klimatop", T.QString), ("heat_class", T.Int)],
         [(square(0, 0, 100), ["Stadtklima", 4])]),
        ("biotopverbund", "Polygon", [("stufe", T.Int)], [(square(0, 0, 20), [1])]),
        ("gruenzuege", "Polygon", [("name", T.QString)], [(square(0, 0, 20), ["A"])]),
        ("parks", "Polygon", [("name", T.QString), ("area_ha", T.Double)], [(square(30, 30, 10), ["Park", 0.01])]),
        ("sewer_combined", "Polygon", [("system", T.QString)], [(square(0, 0, 100), ["misch"])]),
    ]
    layers = []
    ctx = QgsProject.instance().transformContext()
    for i, (name, geom, fields, rows) in enumerate(specs):
        mem = memory_layer(name, geom, fields, rows)
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName = "GPKG"
        options.layerName = name
        if i:
            options.actionOnExistingFile = QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer
        err, msg, _, _ = QgsVectorFileWriter.writeAsVectorFormatV3(mem, str(gpkg), ctx, options)
        assert err == QgsVectorFileWriter.WriterError.NoError, msg
        layer = QgsVectorLayer(f"{gpkg}|layername={name}", name, "ogr")
        assert layer.isValid(), name
        layers.append(layer)
    for name in ("heat", "starkregen"):
        tif = write_tif(folder / f"{name}.tif", np.ones((10, 10)), 0.0, 100.0, 10.0)
        layer = QgsRasterLayer(str(tif), name, "gdal")
        assert layer.isValid()
        layers.append(layer)
    return layers


def sample_key(layer) -> str:
    from gi_qgis_plugin.ui.sample_loader import sample_key as key

    return key(layer)


def _layers_of(roles: dict, what) -> dict[str, str]:
    """role -> what(layer), for role -> layer or role -> layer id mappings; roles without a layer left out."""
    project = QgsProject.instance()
    out = {}
    for role, value in roles.items():
        layer = project.mapLayer(value) if isinstance(value, str) else value
        if layer is not None:
            out[role] = what(layer)
    return out


def keys(roles: dict) -> dict[str, str]:
    """role -> the sample's own name of the layer (independent of the UI language)."""
    return _layers_of(roles, sample_key)


def names(roles: dict) -> dict[str, str]:
    """role -> layer name."""
    return _layers_of(roles, lambda layer: layer.name())


def process_deferred_deletes() -> None:
    event = QEvent.Type.DeferredDelete
    QCoreApplication.sendPostedEvents(None, getattr(event, "value", event))


# ----------------------------------------------------------------------------------------------
# Fixtures
# ----------------------------------------------------------------------------------------------
@pytest.fixture
def project(qgis_new_project) -> QgsProject:
    """An empty project without entries left from another test."""
    qgis_new_project.clear()
    return qgis_new_project


@pytest.fixture
def slot_errors(monkeypatch) -> list:
    """Exceptions raised inside Qt slots (PyQt hands them to sys.excepthook)."""
    errors: list = []
    monkeypatch.setattr(sys, "excepthook", lambda *exc: errors.append(exc))
    return errors


@pytest.fixture
def dock(qgis_iface, project):
    from gi_qgis_plugin.ui.dock import GiDock

    widget = GiDock(qgis_iface)
    widget.resize(440, 820)
    yield widget
    widget.cleanup()
    widget.setParent(None)
    widget.deleteLater()
    process_deferred_deletes()


@pytest.fixture
def german(qgis_app):
    from gi_qgis_plugin.i18n import install_translator, remove_translator

    if not install_translator("de"):
        subprocess.run([sys.executable, str(ROOT / "tools" / "i18n.py"), "compile"], check=True)
        assert install_translator("de"), "German catalogue could not be compiled"
    yield
    remove_translator()


def screenshot(widget, name: str) -> Path:
    SCREENSHOTS.mkdir(exist_ok=True)
    widget.show()
    QCoreApplication.processEvents()
    path = SCREENSHOTS / name
    assert widget.grab().save(str(path)), path
    return path


# ----------------------------------------------------------------------------------------------
# Opening, closing, no leaks
# ----------------------------------------------------------------------------------------------
def test_dock_opens_from_the_action_and_unload_leaves_no_connections(qgis_iface, project, monkeypatch,
                                                                     slot_errors):
    from gi_qgis_plugin import classFactory
    from gi_qgis_plugin.plugin import DOCK_VISIBLE_KEY

    main = qgis_iface.mainWindow()
    main.show()
    added, removed = [], []
    monkeypatch.setattr(qgis_iface, "addDockWidget", lambda area, d: (added.append(d), main.addDockWidget(area, d)))
    monkeypatch.setattr(qgis_iface, "removeDockWidget", lambda d: (removed.append(d), main.removeDockWidget(d)))
    QgsSettings().setValue(DOCK_VISIBLE_KEY, False)

    plugin = classFactory(qgis_iface)
    plugin.initGui()
    assert plugin.dock is None, "the dock is built on first use"
    plugin.dock_action.trigger()  # the user clicks the toolbar button
    dock = plugin.dock
    assert dock is not None and added == [dock]
    assert dock.parent() is main and not dock.isHidden()
    assert plugin.dock_action.isChecked()
    assert QgsSettings().value(DOCK_VISIBLE_KEY, False, type=bool) is True
    assert [dock.tabs.tabText(i) for i in range(3)] == ["Layers/Roles", "Result", "Handlungsziele"]
    assert dock.connection_count() >= 6  # the six project signals

    # a result layer adds a selection connection, removing the layer drops it
    result = memory_layer("r", "Polygon", RESULT_FIELDS, [(square(0, 0, 10), [50, "B", 1, "02", "", "", 1, 1, 1, 1])])
    project.addMapLayer(result)
    assert dock.connection_count() >= 7
    project.removeMapLayer(result.id())

    plugin.dock_action.trigger()  # closes it again
    assert dock.isHidden() and QgsSettings().value(DOCK_VISIBLE_KEY, True, type=bool) is False

    ref = weakref.ref(dock)
    plugin.unload()
    assert plugin.dock is None and removed == [dock]
    added.clear()
    removed.clear()
    assert dock.connection_count() == 0
    del dock
    process_deferred_deletes()
    gc.collect()
    # nothing holds the dock any more: no connection to a lambda or partial that captured it
    assert ref() is None, "the dock outlived unload"

    # the project keeps signalling: nothing of the dock may answer any more
    slot_errors.clear()  # (only what happens from here on concerns the dock)
    extra = memory_layer("x", "Point", [], [("POINT(1 1)", [])])
    project.addMapLayer(extra)
    project.removeMapLayer(extra.id())
    project.clear()
    assert slot_errors == []


def test_dock_is_shown_again_when_it_was_open_last_session(qgis_iface, project, slot_errors):
    from gi_qgis_plugin import classFactory
    from gi_qgis_plugin.plugin import DOCK_VISIBLE_KEY

    qgis_iface.mainWindow().show()
    QgsSettings().setValue(DOCK_VISIBLE_KEY, True)
    plugin = classFactory(qgis_iface)
    plugin.initGui()
    try:
        assert plugin.dock is not None and not plugin.dock.isHidden()
        assert plugin.dock_action.isChecked()
    finally:
        plugin.unload()
        QgsSettings().setValue(DOCK_VISIBLE_KEY, False)
    assert plugin.dock is None


# ----------------------------------------------------------------------------------------------
# Roles
# ----------------------------------------------------------------------------------------------
def test_roles_suggested_for_the_sample_layer_names(tmp_path, project):
    from gi_qgis_plugin.ui.roles import suggest_roles

    layers = sample_like_layers(tmp_path)
    assert names(suggest_roles(layers)) == SAMPLE_ROLE_NAMES


def test_role_words_in_fields_german_names_and_vetoes(project):
    from gi_qgis_plugin.ui.roles import suggest_roles

    layers = [
        memory_layer("Parkplätze", "Polygon", [], [(square(0, 0, 1), [])]),  # parking, not a park
        memory_layer("Stadtbäume", "Point", [], [("POINT(0 0)", [])]),
        memory_layer("Wärmebelastung Tag", "Polygon", [("klasse", T.Int)], [(square(0, 0, 1), [3])]),
        memory_layer("Gebiete A", "Polygon", [("Klimatop_Typ", T.QString)], [(square(0, 0, 1), ["x"])]),
        memory_layer("Baudenkmäler", "Point", [], [("POINT(0 0)", [])]),
        memory_layer("Bodenkarte", "Polygon", [], [(square(0, 0, 1), [])]),
        memory_layer("Mischwassergebiete", "Polygon", [], [(square(0, 0, 1), [])]),
        memory_layer("Ergebnis Dächer", "Polygon", RESULT_FIELDS, [(square(0, 0, 1), [1, "A", 1, "02", "", "", 1, 1, 1, 1])]),
    ]
    assert names(suggest_roles(layers)) == {
        "heat": "Wärmebelastung Tag",
        "klimatope": "Gebiete A",  # by its field name
        "trees": "Stadtbäume",
        "listed": "Baudenkmäler",
        "sewer": "Mischwassergebiete",
        "soils": "Bodenkarte",
    }


def test_roles_are_saved_in_the_project_and_restored_after_reading_it(tmp_path, project, dock):
    from gi_qgis_plugin.ui.roles import load_roles

    layers = sample_like_layers(tmp_path)
    project.addMapLayers(layers)  # the dock suggests roles for the new layers
    assert names(dock.roles) == SAMPLE_ROLE_NAMES
    by_name = {lyr.name(): lyr for lyr in layers}
    # the user corrects two roles: no parks layer, Grünzüge also as protected areas
    dock.set_role("parks", None)
    combo = dock.role_combos["protected"]  # as the user does it: pick in the combo box
    combo.setLayer(by_name["gruenzuege"])
    combo.activated.emit(combo.currentIndex())
    assert dock.roles["protected"] == by_name["gruenzuege"].id()
    expected = dict(SAMPLE_ROLE_NAMES, protected="gruenzuege")
    del expected["parks"]
    assert names(load_roles(project)) == expected

    path = tmp_path / "roles.qgz"
    assert project.write(str(path))
    project.clear()
    assert all(v == "" for v in dock.roles.values())
    assert dock.role_combos["buildings"].currentLayer() is None

    assert project.read(str(path))
    assert names(dock.roles) == expected  # the user's choices, not fresh suggestions
    assert dock.roles["parks"] == ""
    assert {k: c.currentLayer().name() for k, c in dock.role_combos.items() if c.currentLayer()} == expected
    # removing a layer empties its role
    project.removeMapLayer(project.mapLayersByName("starkregen")[0].id())
    assert dock.roles["rain"] == ""
    assert "rain" not in names(load_roles(project))


def test_dock_opened_on_a_project_suggests_roles_without_modifying_it(tmp_path, project, qgis_iface):
    from gi_qgis_plugin.ui.dock import GiDock
    from gi_qgis_plugin.ui.roles import load_roles

    project.addMapLayers(sample_like_layers(tmp_path))
    project.setDirty(False)
    dock = GiDock(qgis_iface)
    try:
        assert names(dock.roles) == SAMPLE_ROLE_NAMES
        assert not project.isDirty() and load_roles(project) is None
        dock.set_role("soils", None)  # the first change by the user writes them all
        assert names(load_roles(project)) == SAMPLE_ROLE_NAMES and project.isDirty()
    finally:
        dock.cleanup()
        dock.deleteLater()


def test_algorithm_params_fill_the_roof_dialog_from_the_roles(tmp_path, project):
    from gi_qgis_plugin.ui.roles import algorithm_params, suggest_roles

    layers = sample_like_layers(tmp_path)
    project.addMapLayers(layers)
    by_name = {lyr.name(): lyr.id() for lyr in layers}
    roles = suggest_roles(layers)
    params = algorithm_params("gi:flatroofs", roles)
    assert params["INPUT"] == by_name["buildings"]
    assert params["HEAT"] == by_name["heat"]
    assert "HEAT_POLYGONS" not in params
    assert params["RAIN"] == by_name["starkregen"]
    assert params["SEWER"] == by_name["sewer_combined"]
    assert params["PARKS"] == by_name["parks"]
    assert params["SCOPE"] == by_name["raumtyp"]
    assert params["DISTRICTS"] == by_name["districts"]
    assert "BUILDINGS" not in params  # the buildings are the INPUT here
    # only parameters the algorithm has
    limited = algorithm_params("gi:flatroofs", roles, ["INPUT", "HEAT", "PARKS", "OUTPUT"])
    assert limited == {"INPUT": by_name["buildings"], "HEAT": by_name["heat"], "PARKS": by_name["parks"]}
    # thermal load as polygons: HEAT_POLYGONS with the class field
    roles["heat"] = next(lyr for lyr in layers if lyr.name() == "klimatope")
    params = algorithm_params("gi:flatroofs", roles)
    assert "HEAT" not in params
    assert params["HEAT_POLYGONS"] == by_name["klimatope"] and params["HEAT_FIELD"] == "heat_class"


# ----------------------------------------------------------------------------------------------
# The inspector
# ----------------------------------------------------------------------------------------------
# Raster grid of the role layers: 10 m cells, top-left corner (900, 1100), 30 × 30 cells.
X0, Y0, CELL = 900.0, 1100.0, 10.0


def inspector_scene(tmp_path, project) -> dict:
    """A result layer with two roofs and role layers with known values at the first roof.

    Roof 1 is the square (1000,1000)-(1020,1020): centroid (1010, 1010), i.e. raster column
    (1010-900)/10 = 11, row (1100-1010)/10 = 9.
    """
    heat = np.fromfunction(lambda r, c: r * 100 + c, (30, 30))  # cell value = row*100 + col
    rain = np.full((30, 30), 0.1)
    rain[9, 11] = 0.42
    heat_layer = QgsRasterLayer(str(write_tif(tmp_path / "heat.tif", heat, X0, Y0, CELL)), "heat", "gdal")
    rain_layer = QgsRasterLayer(str(write_tif(tmp_path / "starkregen.tif", rain, X0, Y0, CELL)), "starkregen", "gdal")
    result = memory_layer("Dächer Ergebnis", "Polygon", RESULT_FIELDS + [("name", T.QString)], [
        (square(1000, 1000, 20), [72.5, "B", 1, "02,24", "", "Flat roof in a hot, flooded block",
                                  1.0, 0.5, 0.8, None, "Rathaus"]),
        (square(3000, 3000, 10), [20.0, "D", 2, "05", "", "Cool, dry", 1.0, 0.1, 0.0, 0.0, "Schule"]),
    ])
    layers = {
        "result": result,
        "heat": heat_layer,
        "rain": rain_layer,
        "klimatope": memory_layer("klimatope", "Polygon", [("klimatop", T.QString), ("heat_class", T.Int)],
                                  [(rect(0, 0, 2000, 2000), ["Stadtkernklima", 5]),
                                   (rect(2000, 0, 4000, 4000), ["Freilandklima", 1])]),
        # overlaps the roof's east edge only: the roof intersects the Biotopverbund
        "biotopverbund": memory_layer("biotopverbund", "Polygon", [("stufe", T.Int)],
                                      [(rect(1015, 990, 1100, 1100), [2])]),
        "gruenzuege": memory_layer("gruenzuege", "Polygon", [], [(rect(5000, 5000, 6000, 6000), [])]),
        # Stadtgarten starts 80 m east of the roof (x 1020 -> 1100, y ranges overlap)
        "parks": memory_layer("parks", "Polygon", [("name", T.QString)],
                              [(rect(1100, 1000, 1200, 1100), ["Stadtgarten"]),
                               (rect(0, 2000, 10, 2010), ["Fernpark"])]),
        "sewer": memory_layer("sewer_combined", "Polygon", [], [(rect(900, 900, 1500, 1500), [])]),
        "districts": memory_layer("districts", "Polygon", [("name", T.QString)],
                                  [(rect(0, 0, 2000, 2000), ["Altstadt"]), (rect(2000, 0, 4000, 4000), ["Nord"])]),
    }
    assert heat_layer.isValid() and rain_layer.isValid()
    project.addMapLayers(list(layers.values()))
    return layers


EXPECTED_FACTS_ROOF_1 = {
    "heat": 911.0,
    "klimatop": "Stadtkernklima",
    "water_depth": pytest.approx(0.42, abs=1e-6),
    # the criterion's statistic: the mean of the 12 cells in the 10 m ring (16 cell centres in the
    # buffered roof minus the 4 under it); the one deep cell lies under the roof, so 0.1
    "water_depth_near": pytest.approx(0.1, abs=1e-6),
    "biotopverbund": True,
    "biotopverbund_stufe": 2,
    "gruenzug": False,
    "park_distance_m": pytest.approx(80.0, abs=1e-6),
    "park_name": "Stadtgarten",
    "district": "Altstadt",
    "sewer": True,
}


def test_facts_at_reads_the_role_layers_at_the_feature(tmp_path, project):
    from gi_qgis_plugin.ui.facts import facts_at

    scene = inspector_scene(tmp_path, project)
    roles = {k: v for k, v in scene.items() if k != "result"}
    geom = QgsGeometry.fromWkt(square(1000, 1000, 20))
    facts = facts_at(geom, QgsCoordinateReferenceSystem(CRS), roles, project)
    for key, value in EXPECTED_FACTS_ROOF_1.items():
        assert facts[key] == value, key
    assert facts["protected"] is None and facts["soil"] is None  # no layer for these roles

    # the same roof in WGS 84: transformed to each layer's CRS, the same cells and polygons
    wgs = QgsCoordinateReferenceSystem("EPSG:4326")
    geom84 = QgsGeometry(geom)
    geom84.transform(QgsCoordinateTransform(QgsCoordinateReferenceSystem(CRS), wgs, project))
    facts84 = facts_at(geom84, wgs, roles, project)
    assert facts84["heat"] == 911.0 and facts84["klimatop"] == "Stadtkernklima"
    assert facts84["park_distance_m"] == pytest.approx(80.0, rel=0.01)  # ellipsoidal vs. UTM grid

    # the second roof: in the Freilandklima, in no Biotopverbund, nearest park is Stadtgarten
    far = facts_at(QgsGeometry.fromWkt(square(3000, 3000, 10)), QgsCoordinateReferenceSystem(CRS), roles, project)
    assert far["klimatop"] == "Freilandklima" and far["biotopverbund"] is False

    # the ring mean near a roof west of the deep cell (cell centre at x 1015, y 1005): from
    # x 985-995 the 10 m ring reaches x 1005, short of it: every ring cell holds 0.1. From x 996-1006
    # the ring reaches 1016: 7 cell centres in the buffered roof (x 995/1005 × y 995/1005/1015, and
    # the deep cell; (1015, 995) and (1015, 1015) lie 10.3 m from the corners), minus the one under
    # the roof (1005, 1005): (0.42 + 5 × 0.1) / 6
    roof_w = QgsGeometry.fromWkt(rect(985, 1000, 995, 1010))
    assert facts_at(roof_w, QgsCoordinateReferenceSystem(CRS), roles, project)["water_depth_near"] == \
        pytest.approx(0.1)
    roof_e = QgsGeometry.fromWkt(rect(996, 1000, 1006, 1010))
    assert facts_at(roof_e, QgsCoordinateReferenceSystem(CRS), roles, project)["water_depth_near"] == \
        pytest.approx(0.92 / 6)
    assert far["heat"] is None and far["water_depth_near"] is None  # outside the rasters
    assert far["park_distance_m"] == pytest.approx(math.hypot(3000 - 1200, 3000 - 1100))
    # a park smaller than the 0.5 ha that count for the criterion (Fernpark, 100 m², 10 m away)
    # is no park here either: the nearest that counts is the Stadtgarten
    by_fern = facts_at(QgsGeometry.fromWkt(square(20, 2000, 10)), QgsCoordinateReferenceSystem(CRS), roles, project)
    assert by_fern["park_name"] == "Stadtgarten"
    assert facts_at(QgsGeometry.fromWkt(square(20, 2000, 10)), QgsCoordinateReferenceSystem(CRS), roles, project,
                    min_park_ha=0.0)["park_distance_m"] == pytest.approx(10.0)


def test_selecting_a_result_feature_fills_the_inspector(german, tmp_path, project, dock):
    from gi_qgis_plugin.catalog import load_catalog
    from gi_qgis_plugin.ui.explain import default_weights

    scene = inspector_scene(tmp_path, project)
    result = scene["result"]
    assert dock.inspector.layer_combo.count() == 1  # only the result layer
    assert names(dock.roles) == {"heat": "heat", "klimatope": "klimatope", "rain": "starkregen",
                                 "biotopverbund": "biotopverbund", "gruenzuege": "gruenzuege", "parks": "parks",
                                 "districts": "districts", "sewer": "sewer_combined"}

    result.selectByIds([1])  # memory provider: first feature has id 1
    ins = dock.inspector
    assert ins.feature is not None and ins.feature.id() == 1
    assert ins.score_label.text() == "72,5" and ins.class_label.text() == "B" and ins.rank_label.text() == "1"
    assert [hz.number for hz in ins.hzs] == ["02", "24"]
    catalog = load_catalog()
    text = ins.hz_label.text()
    for number in ("02", "24"):
        hz = catalog.get(number)
        assert hz.title("de") in text.replace("&amp;", "&")
        for target in hz.targets:
            assert target.describe("de").replace("&", "&amp;") in text
    assert catalog.get("02").agreements("de")[0] in text
    for key, value in EXPECTED_FACTS_ROOF_1.items():
        assert ins.facts[key] == value, key

    # bars: the score formula. This hand-made layer has no run record and no signature field
    # and its scores fit no weights, so equal weights; c_rain is unknown here, so the three
    # known criteria share the weight: slope 100·1/3, area 100·0.5/3, heat 100·0.8/3
    weights, from_spec = default_weights(["slope", "area", "heat", "rain"])
    assert not from_spec and weights == pytest.approx(dict.fromkeys(["slope", "area", "heat", "rain"], 0.25))
    bars = {b.criterion: b for b in ins.bars}
    assert bars["slope"].points == pytest.approx(100 / 3)
    assert bars["area"].points == pytest.approx(50 / 3)
    assert bars["heat"].points == pytest.approx(80 / 3)
    assert bars["rain"].value is None and bars["rain"].points is None
    assert bars["slope"].label == "Dachneigung"  # from the roof spec, in the UI language
    dock.tabs.setCurrentIndex(dock.TAB_RESULT)
    shot = screenshot(dock, "dock_result.png")
    assert shot.stat().st_size > 10_000

    # another selection shows the other roof; an empty selection clears the inspector
    result.selectByIds([2])
    assert [hz.number for hz in ins.hzs] == ["05"] and ins.facts["district"] == "Nord"
    result.removeSelection()
    assert ins.feature is None

    # zoom and flash go to the canvas
    result.selectByIds([1])
    assert dock.tabs.currentIndex() == dock.TAB_RESULT  # a selection brings the explanation forward
    dock.tabs.setCurrentIndex(dock.TAB_ROLES)
    canvas = dock.iface.mapCanvas()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem(CRS))  # as QGIS does from the first layer
    canvas.resize(600, 600)
    dock.inspector.zoom_button.click()
    assert canvas.extent().contains(QgsGeometry.fromWkt(square(1000, 1000, 20)).boundingBox())
    # a 20 m roof alone would fill the map at about 1:100; the zoom keeps the block around it
    from gi_qgis_plugin.ui.view import MIN_SCALE

    assert canvas.scale() == pytest.approx(MIN_SCALE, rel=0.01)

    # "Pick on map": the identify tool of the result layer feeds the inspector
    dock.inspector.pick_button.click()
    tool = dock._map_tool
    assert tool is not None and canvas.mapTool() is tool
    tool.featureIdentified.emit(next(result.getFeatures(QgsFeatureRequest(2))))
    assert ins.feature.id() == 2 and ins.facts["klimatop"] == "Freilandklima"
    dock.cleanup()  # the dock gives the canvas its tool back
    assert canvas.mapTool() is not tool


# ----------------------------------------------------------------------------------------------
# The Handlungsziele browser
# ----------------------------------------------------------------------------------------------
# gi_hz values and whether each serves HZ 02 (worked out by reading them)
HZ_VALUES = [
    ("02", True), ("02,24", True), ("24,02", True), ("12", False), ("2", True), ("20,21", False),
    (None, False), ("", False), (" 02 ", True), ("24", False), ("01,03", False), ("24, 02,05", True),
]


def hz_layer() -> QgsVectorLayer:
    rows = []
    for i, (hz, _) in enumerate(HZ_VALUES):
        side = 10 + i  # distinct areas: 100, 121, 144, …
        rows.append((square(100 * i, 0, side), [50.0, "B", i + 1, hz, "", "", 0.5, 0.5, 0.5, 0.5]))
    return memory_layer("Ergebnis", "Polygon", RESULT_FIELDS, rows)


def test_browser_selects_exactly_the_features_of_a_handlungsziel(german, project, dock):
    from gi_qgis_plugin.ui.hz_browser import hz_results

    layer = hz_layer()
    # an excluded roof (class X) still lists 02 in gi_hz; it cannot serve HZ 02: never counted
    excluded = QgsFeature(layer.fields())
    excluded.setGeometry(QgsGeometry.fromWkt(square(5000, 0, 50)))
    excluded.setAttributes([None, "X", None, "02", "listed", "", None, None, None, None])
    layer.dataProvider().addFeatures([excluded])
    other = memory_layer("Straßen", "LineString", RESULT_FIELDS,
                         [("LINESTRING(0 0, 300 400)", [10.0, "D", 1, "02", "", "", 0, 0, 0, 0]),
                          ("LINESTRING(0 0, 10 0)", [10.0, "D", 2, "24", "", "", 0, 0, 0, 0])])
    project.addMapLayers([layer, other])
    expected = {i + 1 for i, (_, serves) in enumerate(HZ_VALUES) if serves}  # memory ids start at 1
    expected_area = sum((10 + i) ** 2 for i, (_, serves) in enumerate(HZ_VALUES) if serves)

    results = {r.layer_name: r for r in hz_results("02", [layer, other], project)}
    assert results["Ergebnis"].count == len(expected) and results["Ergebnis"].area_m2 == pytest.approx(expected_area)
    assert results["Straßen"].count == 1 and results["Straßen"].length_m == pytest.approx(500.0)

    browser = dock.browser
    assert len(browser.hz_items()) == 27
    browser.select_number("02")
    assert browser.number == "02" and browser.select_button.isEnabled()
    browser.select_button.click()
    assert set(layer.selectedFeatureIds()) == expected
    assert set(other.selectedFeatureIds()) == {1}

    browser.select_number("24")
    browser.select_button.click()
    assert set(layer.selectedFeatureIds()) == {2, 3, 10, 12}

    # search: the tree shows what catalog.search finds, nothing else
    from gi_qgis_plugin.catalog import load_catalog

    browser.search.setText("Dach")
    assert browser.visible_numbers() == sorted(hz.number for hz in load_catalog().search("Dach", "de"))
    assert "02" in browser.visible_numbers()
    browser.search.setText("")
    assert len(browser.visible_numbers()) == 27


def test_progress_of_hz02_counts_green_flat_roof_area(german, project, dock):
    from gi_qgis_plugin.ui.hz_browser import target_progress

    # a roof result (signature field greenable_m2, here empty: the polygons' own areas count)
    # without slope classes: 3 flat roofs already green (10×10 each = 300 m²), 7 flat roofs still
    # to green (100 m² each), one pitched roof of 1,000 m² that HZ 02 does not count: 300 / 1,000
    greenable = [("greenable_m2", T.Double)]
    rows = [(square(20 * i, 0, 10), [None, "X", None, "", "green_exists", "Already green", 0, 0, 0, 0, None])
            for i in range(3)]
    rows += [(square(20 * i, 100, 10), [60.0, "B", i + 1, "02", "", "Flat", 1, 1, 1, 1, None]) for i in range(7)]
    rows += [(rect(0, 500, 40, 525), [None, "X", None, "", "slope_gt_45", "Pitched", 0, 0, 0, 0, None])]
    roofs = memory_layer("Flachdächer", "Polygon", RESULT_FIELDS + greenable, rows)
    project.addMapLayer(roofs)
    progress = target_progress(roofs, "02", project)
    assert progress.measured.total == pytest.approx(1000.0)
    assert progress.measured.done == pytest.approx(300.0)
    assert progress.share_percent == pytest.approx(30.0) and progress.target_percent == 50.0
    assert target_progress(roofs, "24", project) is None  # the roof spec measures no HZ 24 target
    # the same rows without the roof signature: no algorithm claims the layer, no tile
    anonymous = memory_layer("anonymous", "Polygon", RESULT_FIELDS, [(g, v[:-1]) for g, v in rows])
    assert target_progress(anonymous, "02", project) is None

    # as gi:flatroofs writes it: slope_class and greenable_m2 decide, not the polygon
    extra = [("slope_class", T.QString), ("greenable_m2", T.Double)]
    written = memory_layer("gi:flatroofs output", "Polygon", RESULT_FIELDS + extra, [
        (square(0, 0, 10), [None, "X", None, "", "green_exists", "", 1, 0, 0, 0, "0-5", 80.0]),
        (square(20, 0, 10), [60.0, "B", 1, "02", "", "", 1, 1, 1, 1, "0-5", 320.0]),
        (square(40, 0, 10), [None, "X", None, "", "listed", "", 1, 1, 1, 1, "0-5", None]),  # 100 m² polygon
        (square(60, 0, 10), [30.0, "C", 2, "02", "green_exists", "", 0.5, 1, 1, 1, "15-30", 500.0]),
    ])
    progress = target_progress(written, "02", project)
    assert progress.measured.total == pytest.approx(80 + 320 + 100)
    assert progress.measured.done == pytest.approx(80.0)
    assert not progress.in_target_area_only

    # with a target area (in_target_scope 1/0) only the roofs inside count: the target is for
    # the inner cities. Inside: the green 80 m² and the 320 m² roof -> 80 / 400 = 20 %
    scoped = memory_layer("scoped", "Polygon", RESULT_FIELDS + extra + [("in_target_scope", T.Int)], [
        (square(0, 0, 10), [None, "X", None, "", "green_exists", "", 1, 0, 0, 0, "0-5", 80.0, 1]),
        (square(20, 0, 10), [60.0, "B", 1, "02", "", "", 1, 1, 1, 1, "0-5", 320.0, 1]),
        (square(40, 0, 10), [50.0, "B", 2, "02", "", "", 1, 1, 1, 1, "0-5", 900.0, 0]),
        (square(60, 0, 10), [None, "X", None, "", "green_exists", "", 1, 1, 1, 1, "0-5", 700.0, 0]),
    ])
    progress = target_progress(scoped, "02", project)
    assert progress.in_target_area_only and progress.share_percent == pytest.approx(20.0)
    assert progress.measured.total == pytest.approx(400.0)

    dock.tabs.setCurrentIndex(dock.TAB_HZ)
    dock.browser.select_number("02")
    assert dock.browser.progress_bar.isVisibleTo(dock) and dock.browser.progress_bar.value() == 60
    assert "30,0 %" in dock.browser.progress_label.text()
    assert "„Flachdächer“: 300 m² von 1.000 m²" in dock.browser.progress_label.text()  # one unit
    screenshot(dock, "dock_handlungsziele.png")

    # the progress follows the result open in the inspector: a roof of the second result is
    # selected -> its own share, 80 / (80 + 320 + 100) = 16 %
    project.addMapLayer(written)
    written.selectByIds([2])
    assert dock.tabs.currentIndex() == dock.TAB_RESULT
    assert dock.browser.preferred_layer_id == written.id()
    dock.browser.refresh(force=True)  # what showing the tab does (the dock is not on screen here)
    assert "„gi:flatroofs output“" in dock.browser.progress_label.text()
    assert "16,0 %" in dock.browser.progress_label.text()


# ----------------------------------------------------------------------------------------------
# Sample data
# ----------------------------------------------------------------------------------------------
def test_load_sample_data_adds_a_group_and_assigns_roles(german, project, dock, sample_gpkg):
    """The button's work, on the generated Musterstadt (the shipped one has the same layers)."""
    from gi_qgis_plugin.ui.roles import algorithm_params

    layers = dock.load_sample_data(sample_gpkg.parent)
    assert len(layers) == 13 and all(lyr.isValid() for lyr in layers)
    group = project.layerTreeRoot().children()[0]
    assert group.name() == "Musterstadt (Beispieldaten)"
    assert [n.layer() for n in group.findLayers()] == layers
    assert keys(dock.roles) == SAMPLE_ROLE_NAMES
    assert keys(load_roles_of(project)) == SAMPLE_ROLE_NAMES  # written into the project at once
    # names in the UI language (the German catalogue), whatever the data's own layer names
    by_key = {sample_key(lyr): lyr for lyr in layers}
    assert {k: by_key[k].name() for k in ("buildings", "street_trees", "sewer_combined", "districts")} == {
        "buildings": "Gebäude", "street_trees": "Straßenbäume", "sewer_combined": "Gebiete mit Mischkanalisation",
        "districts": "Stadtteile"}
    visible = {sample_key(n.layer()) for n in group.findLayers() if n.isVisible()}
    assert {"buildings", "parks", "heat"} <= visible and "starkregen" not in visible
    # thousands of street trees are drawn from the street scale on, not over the whole district
    trees = by_key["street_trees"]
    assert trees.hasScaleBasedVisibility() and not trees.isInScaleRange(11000) and trees.isInScaleRange(2000)
    params = algorithm_params("gi:flatroofs", dock.role_layers())
    assert params["INPUT"] == by_key["buildings"].id()
    assert params["HEAT"] == by_key["heat"].id()
    dock.tabs.setCurrentIndex(dock.TAB_ROLES)
    screenshot(dock, "dock_roles_sample.png")


def test_sample_button_copies_the_sample_into_the_chosen_folder(german, project, dock, sample_gpkg, tmp_path,
                                                                monkeypatch):
    """A real click: clicked(bool) once reached load_sample_data as its folder (a TypeError)."""
    from gi_qgis_plugin.ui import dock as dock_module

    monkeypatch.setattr(dock_module, "ensure_sample", lambda: sample_gpkg.parent)
    chosen = tmp_path / "Projekte"
    monkeypatch.setattr(dock, "choose_sample_folder", lambda: chosen)
    dock.sample_button.click()
    copy = chosen / "Musterstadt"
    assert sorted(p.name for p in copy.iterdir() if not p.name.endswith(".aux.xml")) == [
        "heat.tif", "musterstadt.gpkg", "starkregen.tif"]
    layers = [lyr for lyr in project.mapLayers().values() if sample_key(lyr)]
    assert len(layers) == 13
    # every layer reads the copy, none the plugin's (or the generator's) folder
    assert all(lyr.source().startswith(str(copy)) for lyr in layers)
    assert keys(dock.roles) == SAMPLE_ROLE_NAMES
    assert "13 Layer, 13 Rollen" in dock.status_label.text()


def test_sample_button_without_a_folder_loads_nothing(german, project, dock, sample_gpkg, monkeypatch):
    from gi_qgis_plugin.ui import dock as dock_module

    monkeypatch.setattr(dock_module, "ensure_sample", lambda: sample_gpkg.parent)
    monkeypatch.setattr(dock, "choose_sample_folder", lambda: None)  # the user pressed Cancel
    dock.sample_button.click()
    assert project.mapLayers() == {}
    assert dock.status_label.text() == "Kein Ordner gewählt: Die Beispieldaten wurden nicht geladen."


def test_suggest_button_fills_a_cleared_role(german, project, dock, sample_gpkg):
    """A real click on "Rollen vorschlagen" (it once raised a TypeError on every click)."""
    layers = dock.load_sample_data(sample_gpkg.parent)
    parks = next(lyr for lyr in layers if sample_key(lyr) == "parks")
    dock.set_role("parks", None)
    dock.suggest_button.click()
    assert dock.roles["parks"] == parks.id()
    assert dock.status_label.text() == "Rollen vorgeschlagen: 1."
    dock.suggest_button.click()  # nothing left to fill
    assert dock.status_label.text() == "Für die leeren Rollen wurde kein Layer gefunden."


def test_without_shipped_sample_the_button_generates_one_into_the_profile(tmp_path, qgis_app, monkeypatch):
    from gi_qgis_plugin.ui import sample_loader

    target = tmp_path / "profile" / "gi_qgis_plugin" / "sample"
    monkeypatch.setattr(sample_loader, "generated_sample_folder", lambda: target)
    folder = sample_loader.ensure_sample(tmp_path / "not_shipped")
    assert folder == target and sample_loader.sample_available(target)
    assert set(sample_loader.sample_files(target)) == {"gpkg", "heat.tif", "starkregen.tif"}
    assert sample_loader.ensure_sample(tmp_path / "not_shipped") == target  # generated once, reused


def load_roles_of(project):
    from gi_qgis_plugin.ui.roles import load_roles

    return load_roles(project)


@pytest.fixture
def flatroofs(qgis_processing, slot_errors):
    """gi:flatroofs registered through the plugin's provider."""
    from qgis.core import QgsApplication

    ensure_provider()
    slot_errors.clear()
    return QgsApplication.processingRegistry().algorithmById("gi:flatroofs")


def test_algorithm_button_opens_the_dialog_with_inputs_from_the_roles(flatroofs, project, qgis_iface,
                                                                     sample_gpkg, monkeypatch):
    import processing

    from gi_qgis_plugin.ui.dock import GiDock

    opened = []

    class FakeDialog:
        """Stands in for the Processing dialog: records show() (non-modal) and exec() (modal)."""

        def __init__(self, alg_id, params):
            self.alg_id, self.params, self.calls = alg_id, params, []
            opened.append(self)

        def show(self):
            self.calls.append("show")

        def exec(self):
            self.calls.append("exec")

    monkeypatch.setattr(processing, "createAlgorithmDialog", FakeDialog)
    dock = GiDock(qgis_iface)
    try:
        dock.load_sample_data(sample_gpkg.parent)
        dock.algorithm_buttons["gi:flatroofs"].click()
        assert len(opened) == 1
        alg_id, params = opened[0].alg_id, opened[0].params
        assert alg_id == "gi:flatroofs"
        assert opened[0].calls == ["show"]  # non-modal, like the toolbox: map and dock stay usable
        assert dock.algorithm_dialog is opened[0]  # kept alive while it is open
        by_key = {k: sample_key(project.mapLayer(v)) for k, v in params.items() if project.mapLayer(v)}
        assert by_key == {"INPUT": "buildings", "HEAT": "heat", "RAIN": "starkregen", "SEWER": "sewer_combined",
                          "PARKS": "parks", "SCOPE": "raumtyp", "DISTRICTS": "districts"}
        assert set(params) <= {p.name() for p in flatroofs.parameterDefinitions()}
    finally:
        dock.cleanup()
        dock.deleteLater()


def test_the_whole_loop_on_the_sample(flatroofs, german, project, qgis_iface, sample_gpkg):
    """Sample -> roles -> gi:flatroofs with the dock's parameters -> select the best roof -> explained."""
    import processing

    from gi_qgis_plugin.ui.dock import GiDock
    from gi_qgis_plugin.ui.roles import algorithm_params

    dock = GiDock(qgis_iface)
    dock.resize(440, 820)
    try:
        dock.load_sample_data(sample_gpkg.parent)
        params = algorithm_params("gi:flatroofs", dock.role_layers(),
                                  [p.name() for p in flatroofs.parameterDefinitions()])
        out = processing.run("gi:flatroofs", dict(params, OUTPUT="TEMPORARY_OUTPUT"))["OUTPUT"]
        result = out if isinstance(out, QgsVectorLayer) else QgsVectorLayer(out, "roofs", "ogr")
        result.setName("Dächer bewertet")
        project.addMapLayer(result)
        assert dock.inspector.layer_combo.findData(result.id()) >= 0
        best = next(f for f in result.getFeatures() if f["gi_rank"] == 1)
        result.selectByIds([best.id()])
        ins = dock.inspector
        assert ins.feature.id() == best.id()
        assert "02" in [hz.number for hz in ins.hzs]
        assert ins.fact_texts  # facts from the sample's role layers
        heat = next(lyr for lyr in project.mapLayers().values() if sample_key(lyr) == "heat")
        from gi_qgis_plugin.ui.facts import sample_raster

        centroid = best.geometry().centroid()
        assert ins.facts["heat"] == pytest.approx(sample_raster(heat, centroid, result.crs(), project))
        dock.tabs.setCurrentIndex(dock.TAB_RESULT)
        screenshot(dock, "dock_result_sample.png")
    finally:
        dock.cleanup()
        dock.deleteLater()


def test_roles_tab_screenshot_in_german(german, tmp_path, project, qgis_iface, flatroofs):
    """The roles tab with sample-like layers (independent of the shipped sample)."""
    from gi_qgis_plugin.ui.dock import GiDock

    dock = GiDock(qgis_iface)  # built after the provider: it shows the algorithm buttons
    dock.resize(440, 820)
    # a button per scoring algorithm whose INPUT declares a role (more come with more algorithms)
    assert {"gi:flatroofs", "gi:streets", "gi:brownfields"} <= set(dock.algorithm_buttons)
    assert dock.algorithm_buttons["gi:flatroofs"].text().startswith(flatroofs.displayName())
    project.addMapLayers(sample_like_layers(tmp_path))
    dock.tabs.setCurrentIndex(dock.TAB_ROLES)
    assert dock.tabs.tabText(0) == "Layer/Rollen" and dock.windowTitle() == "Grüne Infrastruktur"
    path = screenshot(dock, "dock_roles.png")
    assert path.stat().st_size > 10_000
    dock.cleanup()
    dock.deleteLater()


# ----------------------------------------------------------------------------------------------
# No GUI inside algorithms
# ----------------------------------------------------------------------------------------------
GUI_WORDS = re.compile(r"\biface\b|QWidget|QMessageBox|QDialog|qgis\.gui|QgsMessageBar|QApplication\b")


def test_no_gui_call_inside_the_processing_package():
    found = []
    for path in sorted((ROOT / "gi_qgis_plugin" / "processing").rglob("*.py")):
        for no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if GUI_WORDS.search(line):
                found.append(f"{path.name}:{no}: {line.strip()}")
    assert found == []


# ----------------------------------------------------------------------------------------------
# Texts a planner reads: flags in words, one unit, wrapped titles
# ----------------------------------------------------------------------------------------------
def test_flag_codes_are_shown_as_words(german):
    from gi_qgis_plugin.ui.words import flag_words

    assert flag_words("area_lt_min,heat_nodata") == "begrünbare Fläche unter dem Mindestmaß; keine Angabe zur thermischen Belastung"
    assert flag_words("") == ""
    assert flag_words("new_code") == "new_code"  # unknown codes stay readable as they are


def test_progress_areas_share_one_unit(german):
    from gi_qgis_plugin.ui.hz_browser import format_area

    # 4,036 m² of 6.26 ha: both in ha, 4036 / 10000 = 0.4036 -> "0,40 ha"
    assert format_area(4036.0, like=62600.0) == "0,40 ha"
    assert format_area(62600.0) == "6,26 ha"
    assert format_area(950.0, like=2000.0) == "950 m²"


def test_long_handlungsziel_titles_wrap_instead_of_being_cut(german, dock):
    from qgis.PyQt.QtGui import QFontMetrics

    browser = dock.browser
    browser.resize(374, 800)
    browser.show()
    QCoreApplication.processEvents()
    tree = browser.tree
    item = next(it for it in browser.hz_items() if it.data(0, 256) == "01")
    line = QFontMetrics(tree.font()).height()
    # "01  Stadtquartiere mit klima- und gesundheitswirksamer Grüner Infrastruktur nachrüsten"
    # is wider than a 374 px dock: its row holds more than one line of text
    assert QFontMetrics(tree.font()).horizontalAdvance(item.text(0)) > tree.viewport().width()
    assert tree.visualItemRect(item).height() >= 2 * line
    browser.hide()
