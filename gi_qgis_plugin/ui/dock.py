"""The dock "Grüne Infrastruktur": layer roles, result inspector, Handlungsziele browser.

The dock listens to the project (layers added or removed, project read or cleared) and to the
selection of every result layer. Each connection it makes is recorded and undone in
``cleanup()``, which the plugin calls on unload, so no slot of a deleted dock is ever called.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsFeatureRequest,
    QgsMapLayer,
    QgsProject,
    QgsSettings,
    QgsVectorLayer,
)
from qgis.gui import QgsDockWidget, QgsMapLayerComboBox, QgsMapToolIdentifyFeature
from qgis.PyQt.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..i18n import tr
from .hz_browser import HzBrowserWidget, result_layers, select_hz
from .inspector import InspectorWidget
from .live_weights import LiveWeightsWidget
from .roles import (
    POINT,
    POLYGON,
    RASTER,
    ROLE_KEYS,
    ROLES,
    dock_algorithms,
    input_role,
    is_result_layer,
    load_roles,
    open_algorithm_dialog,
    resolve,
    role_label,
    save_roles,
    suggest_roles,
)
from .sample_loader import copy_sample, ensure_sample, load_sample, sample_available, sample_roles
from .view import zoom_to_feature_with_context

_FILTERS = {
    RASTER: Qgis.LayerFilter.RasterLayer,
    POLYGON: Qgis.LayerFilter.PolygonLayer,
    "line": Qgis.LayerFilter.LineLayer,
    POINT: Qgis.LayerFilter.PointLayer,
}


ROLE_PROPERTY = "gi_role"
SAMPLE_DIR_KEY = "gi_qgis_plugin/sample_folder"
ALG_PROPERTY = "gi_algorithm"


def _role_tooltip(kinds) -> str:
    names = {RASTER: tr("raster"), POLYGON: tr("polygons"), "line": tr("lines"), POINT: tr("points")}
    return tr("Accepts: {kinds}").format(kinds=", ".join(names[k] for k in kinds))


class GiDock(QgsDockWidget):
    """The plugin's panel. ``iface`` gives the map canvas; the project is QgsProject.instance()."""

    TAB_ROLES, TAB_RESULT, TAB_HZ, TAB_WEIGHTS = 0, 1, 2, 3

    def __init__(self, iface, parent=None):
        super().__init__(tr("Green Infrastructure"), parent if parent is not None else iface.mainWindow())
        self.setObjectName("GiQgisPluginDock")
        self.iface = iface
        self.project: QgsProject = QgsProject.instance()
        self.roles: dict[str, str] = dict.fromkeys(ROLE_KEYS, "")  # role -> layer id ("" = none)
        self._connections: list[tuple[object, object]] = []  # (bound signal, slot) to undo
        self._selection_slots: dict[str, tuple[QgsVectorLayer, object]] = {}
        self._loading = False
        self._map_tool = None
        self._closed = False
        self._selecting_hz = False
        self.algorithm_dialog = None

        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_roles_tab(), tr("Layers/Roles"))
        self.inspector = InspectorWidget()
        self.inspector.zoomRequested.connect(self.zoom_to_feature)
        self.inspector.pickRequested.connect(self.start_pick)
        self.inspector.layerChosen.connect(self._inspector_layer_chosen)
        self.tabs.addTab(self.inspector, tr("Result"))
        self.browser = HzBrowserWidget()
        self.browser.set_project(self.project)
        self.browser.selectRequested.connect(self.select_hz_on_map)
        self.tabs.addTab(self.browser, tr("Handlungsziele"))
        self.weights_panel = LiveWeightsWidget(self.project)
        self.weights_panel.weightsChanged.connect(self._live_weights_changed)
        self.inspector.live = self.weights_panel
        self.browser.live = self.weights_panel
        self.tabs.addTab(self.weights_panel, tr("Weights"))
        container = QWidget()
        lay = QVBoxLayout(container)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addWidget(self.tabs)
        self.setWidget(container)

        for signal, slot in (
            (self.project.layersAdded, self._on_layers_added),
            (self.project.layersWillBeRemoved, self._on_layers_will_be_removed),
            (self.project.layersRemoved, self._on_layers_removed),
            (self.project.readProject, self._on_read_project),
            (self.project.cleared, self._on_cleared),
            (self.project.loadingLayer, self._on_loading_layer),
        ):
            self._connect(signal, slot)
        self._restore_roles()
        self._refresh_results()

    # ------------------------------------------------------------------------------------------
    # Connections
    # ------------------------------------------------------------------------------------------
    def _connect(self, signal, slot) -> None:
        signal.connect(slot)
        self._connections.append((signal, slot))

    def connection_count(self) -> int:
        """Connections to objects outside the dock that cleanup() will undo (for tests)."""
        return len(self._connections) + len(self._selection_slots)

    def cleanup(self) -> None:
        """Undo every outside connection and the map tool. Safe to call twice."""
        for signal, slot in self._connections:
            try:
                signal.disconnect(slot)
            except (TypeError, RuntimeError):
                pass
        self._connections = []
        for layer_id in list(self._selection_slots):
            self._disconnect_selection(layer_id)
        self.stop_pick()
        self.weights_panel.release()
        self._closed = True

    # ------------------------------------------------------------------------------------------
    # Tab 1: roles
    # ------------------------------------------------------------------------------------------
    def _build_roles_tab(self) -> QWidget:
        page = QWidget()
        outer = QVBoxLayout(page)
        outer.setContentsMargins(0, 0, 0, 0)
        intro = QLabel(tr("Which layer plays which part? Suggested from layer and field names; "
                          "kept in the project file."))
        intro.setWordWrap(True)
        outer.addWidget(intro)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        form = QFormLayout(body)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(3)
        self.role_combos: dict[str, QgsMapLayerComboBox] = {}
        for role in ROLES:
            combo = QgsMapLayerComboBox()
            combo.setProject(self.project)
            filters = Qgis.LayerFilters(_FILTERS[role.kinds[0]])  # flags, not int: the 3.34+ overload
            for kind in role.kinds[1:]:
                filters = filters | _FILTERS[kind]
            combo.setFilters(filters)
            combo.setAllowEmptyLayer(True)
            combo.setLayer(None)
            combo.setMinimumContentsLength(10)
            combo.setSizeAdjustPolicy(QgsMapLayerComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setToolTip(_role_tooltip(role.kinds))
            # activated = the user's choice; layerChanged also fires when the model shifts rows.
            # A bound method plus sender(), not a partial: PyQt would keep a partial (and with it
            # the dock) alive after the widgets are gone.
            combo.setProperty(ROLE_PROPERTY, role.key)
            combo.activated.connect(self._combo_activated)
            label = QLabel(role_label(role.key) + ":")
            label.setToolTip(_role_tooltip(role.kinds))
            form.addRow(label, combo)
            self.role_combos[role.key] = combo
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)

        buttons = QHBoxLayout()
        self.suggest_button = QPushButton(tr("Suggest roles"))
        self.suggest_button.setToolTip(tr("Fill the empty roles from layer and field names"))
        # argument-less slots: clicked(bool) would otherwise land in the optional parameter
        self.suggest_button.clicked.connect(self._suggest_clicked)
        buttons.addWidget(self.suggest_button)
        self.sample_button = QPushButton(tr("Load sample data"))
        self.sample_button.setToolTip(tr("Add the sample city Musterstadt as a layer group and assign its roles"))
        self.sample_button.clicked.connect(self._sample_clicked)
        buttons.addWidget(self.sample_button)
        outer.addLayout(buttons)

        box = QGroupBox(tr("Run with these layers"))
        box_lay = QVBoxLayout(box)
        self.algorithm_buttons: dict[str, QPushButton] = {}
        registry = QgsApplication.processingRegistry()
        for alg_id in dock_algorithms():
            alg = registry.algorithmById(alg_id)
            if alg is None:
                continue
            button = QPushButton(tr("{name} …").format(name=alg.displayName()))
            button.setToolTip(tr("Open the algorithm dialog with the inputs filled from the roles"))
            button.setProperty(ALG_PROPERTY, alg_id)
            button.clicked.connect(self._algorithm_clicked)
            box_lay.addWidget(button)
            self.algorithm_buttons[alg_id] = button
        if not self.algorithm_buttons:
            note = QLabel(tr("No scoring algorithm is registered yet (Processing provider “gi”)."))
            note.setWordWrap(True)
            box_lay.addWidget(note)
        outer.addWidget(box)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        outer.addWidget(self.status_label)
        return page

    def role_layers(self) -> dict[str, QgsMapLayer]:
        """Role -> layer for the roles that have a layer in the project."""
        return resolve(self.roles, self.project)

    def set_role(self, key: str, layer: QgsMapLayer | None, save: bool = True) -> None:
        self.roles[key] = layer.id() if layer is not None else ""
        combo = self.role_combos[key]
        combo.blockSignals(True)
        combo.setLayer(layer)
        combo.blockSignals(False)
        if save:
            save_roles(self.project, self.roles)

    def set_roles(self, mapping: dict[str, QgsMapLayer | None]) -> None:
        for key, layer in mapping.items():
            self.set_role(key, layer, save=False)
        save_roles(self.project, self.roles)

    def _combo_activated(self, _index: int) -> None:
        key = self.sender().property(ROLE_PROPERTY)
        if key in self.role_combos:
            self.set_role(key, self.role_combos[key].currentLayer())

    def _suggest_clicked(self) -> None:
        found = self.suggest_empty_roles()
        self.status_label.setText(tr("Roles suggested: {n}.").format(n=len(found)) if found
                                  else tr("No layer found for the empty roles."))

    def _sample_clicked(self) -> None:
        self.load_sample_data()

    def _algorithm_clicked(self) -> None:
        alg_id = self.sender().property(ALG_PROPERTY)
        if alg_id:
            self.open_algorithm(alg_id)

    def _sync_combos(self) -> None:
        for key, combo in self.role_combos.items():
            layer = self.project.mapLayer(self.roles.get(key) or "")
            combo.blockSignals(True)
            combo.setLayer(layer)
            combo.blockSignals(False)

    def suggest_empty_roles(self, layers=None) -> dict[str, QgsMapLayer]:
        """Suggest layers for the roles that are empty; returns what was assigned."""
        empty = [k for k in ROLE_KEYS if not self.project.mapLayer(self.roles.get(k) or "")]
        pool = list(self.project.mapLayers().values()) if layers is None else list(layers)
        found = suggest_roles(pool, only=empty)
        if found:
            self.set_roles(found)
        return found

    def _restore_roles(self) -> None:
        stored = load_roles(self.project)
        self.roles = dict.fromkeys(ROLE_KEYS, "")
        if stored is None:
            # suggestions only: written into the project with the user's next change, so that
            # merely opening the dock or a project does not mark the project as modified
            for key, layer in suggest_roles(self.project.mapLayers().values()).items():
                self.roles[key] = layer.id()
        else:
            self.roles.update(stored)
        self._sync_combos()
        self._update_result_excepts()

    def _update_result_excepts(self) -> None:
        """Result layers never play a role: keep them out of the role combos."""
        results = [lyr for lyr in self.project.mapLayers().values() if is_result_layer(lyr)]
        for combo in self.role_combos.values():
            combo.setExceptedLayerList(results)

    def open_algorithm(self, alg_id: str) -> bool:
        # the dialog is non-modal: keep its Python object (and with it its slots) alive
        self.algorithm_dialog = open_algorithm_dialog(alg_id, self.role_layers())
        ok = self.algorithm_dialog is not None
        if not ok:
            self.status_label.setText(tr("The algorithm {alg} is not available.").format(alg=alg_id))
        return ok

    def choose_sample_folder(self) -> Path | None:
        """Ask for the folder that receives a copy of the sample (the project's folder first)."""
        settings = QgsSettings()
        start = self.project.absolutePath() or settings.value(SAMPLE_DIR_KEY, "", type=str) or str(Path.home())
        chosen = QFileDialog.getExistingDirectory(self, tr("Folder for a copy of the sample data"), start)
        if not chosen:
            return None
        settings.setValue(SAMPLE_DIR_KEY, chosen)
        return Path(chosen)

    def load_sample_data(self, folder: Path | None = None) -> list[QgsMapLayer]:
        """Load the sample as a group and give its layers their roles.

        Without ``folder`` (the button), the shipped sample is first copied into a folder the user
        chooses (sub-folder Musterstadt) and loaded from there; ``folder`` loads a sample folder
        as it is.
        """
        if folder is None:
            source = ensure_sample()
            if source is None:
                self.status_label.setText(tr("The sample data is not installed with this plugin."))
                return []
            target = self.choose_sample_folder()
            if target is None:
                self.status_label.setText(tr("No folder chosen: the sample data was not loaded."))
                return []
            try:
                folder = copy_sample(source, target)
            except OSError as err:
                self.status_label.setText(tr("Could not copy the sample data into {folder}: {error}").format(
                    folder=str(target), error=err.strerror or str(err)))
                return []
        if not sample_available(folder):
            self.status_label.setText(tr("The sample data is not installed with this plugin."))
            return []
        layers = load_sample(self.project, folder)
        found = sample_roles(layers)
        found.update({k: v for k, v in suggest_roles(layers, only=[k for k in ROLE_KEYS if k not in found]).items()})
        self.set_roles(found)
        inputs = [self.roles.get(input_role(a) or "") for a in dock_algorithms()]
        main = next((self.project.mapLayer(i) for i in inputs if i and self.project.mapLayer(i)), None)
        if main is not None and self.iface is not None:
            canvas = self.iface.mapCanvas()
            if canvas is not None:
                canvas.setExtent(canvas.mapSettings().layerExtentToOutputExtent(main, main.extent()))
                canvas.refresh()
        self.status_label.setText(tr("Sample data loaded from {folder}: {n} layers, {r} roles assigned.").format(
            folder=str(folder), n=len(layers), r=len(found)))
        return layers

    # ------------------------------------------------------------------------------------------
    # Project signals
    # ------------------------------------------------------------------------------------------
    def _on_loading_layer(self, _message: str) -> None:
        self._loading = True  # a project is being read: wait for readProject before touching roles

    def _on_layers_added(self, layers) -> None:
        if self._closed:
            return
        self._update_result_excepts()
        if not self._loading:
            self.suggest_empty_roles(layers)
        self._refresh_results()

    def _on_layers_will_be_removed(self, layer_ids) -> None:
        self.weights_panel.forget(layer_ids)
        for layer_id in layer_ids:
            self._disconnect_selection(layer_id)
        if self.inspector.layer is not None and self.inspector.layer.id() in set(layer_ids):
            self.inspector.clear()
            self.stop_pick()

    def _on_layers_removed(self, layer_ids) -> None:
        if self._closed:
            return
        gone = set(layer_ids)
        changed = False
        for key, layer_id in self.roles.items():
            if layer_id in gone:
                self.roles[key] = ""
                changed = True
        self._sync_combos()
        if changed and not self._loading:
            save_roles(self.project, self.roles)
        self._update_result_excepts()
        self._refresh_results()

    def _on_read_project(self, *_args) -> None:
        if self._closed:
            return
        self._loading = False
        self._restore_roles()
        self._refresh_results()

    def _on_cleared(self) -> None:
        if self._closed:
            return
        self._loading = False
        self.roles = dict.fromkeys(ROLE_KEYS, "")
        self._sync_combos()
        self.inspector.clear()
        self._refresh_results()

    # ------------------------------------------------------------------------------------------
    # Tab 2: result inspector
    # ------------------------------------------------------------------------------------------
    def _refresh_results(self) -> None:
        layers = result_layers(self.project)
        for layer in layers:
            if layer.id() not in self._selection_slots:
                slot = partial(self._on_selection_changed, layer.id())
                layer.selectionChanged.connect(slot)
                self._selection_slots[layer.id()] = (layer, slot)
        self.inspector.set_layers(layers)
        self.weights_panel.set_layers(layers)
        self.browser.refresh()

    def _live_weights_changed(self, layer_id: str) -> None:
        """The tab "Weights" re-scored ``layer_id``: the inspector's bars and the goals follow."""
        layer, feature = self.inspector.layer, self.inspector.feature
        if layer is not None and feature is not None and layer.id() == layer_id:
            self.inspector.show_feature(layer, feature, self.role_layers(), self.project)
            self._mirror_feature()
        self.browser.refresh()

    def _mirror_feature(self) -> None:
        """The inspected feature's score, class, rank and bars in the tab "Weights" too, so the
        sliders and their effect are seen together."""
        inspector = self.inspector
        if inspector.layer is None or inspector.feature is None:
            return
        self.weights_panel.show_feature(inspector.layer.id(), inspector.feature_label.text(),
                                        [inspector.score_label.text(), inspector.class_label.text(),
                                         inspector.rank_label.text()], inspector.bars)

    def _disconnect_selection(self, layer_id: str) -> None:
        layer, slot = self._selection_slots.pop(layer_id, (None, None))
        if layer is not None:
            try:
                layer.selectionChanged.disconnect(slot)
            except (TypeError, RuntimeError):
                pass

    def _on_selection_changed(self, layer_id: str, *_args) -> None:
        if self._closed:
            return
        layer = self.project.mapLayer(layer_id)
        if not isinstance(layer, QgsVectorLayer):
            return
        ids = sorted(layer.selectedFeatureIds())
        if not ids:
            if self.inspector.layer is not None and self.inspector.layer.id() == layer_id:
                self.inspector.clear()
            return
        if self.show_feature(layer, ids[0]) and not self._selecting_hz:
            # a roof picked with QGIS's own selection tool: show its explanation at once
            self.tabs.setCurrentIndex(self.TAB_RESULT)
            self.browser.set_preferred_layer(layer_id)

    def show_feature(self, layer: QgsVectorLayer, fid: int) -> bool:
        feature = next(layer.getFeatures(QgsFeatureRequest(fid)), None)
        if feature is None:
            return False
        self.inspector.show_feature(layer, feature, self.role_layers(), self.project)
        self._mirror_feature()
        return True

    def _inspector_layer_chosen(self, layer_id: str) -> None:
        self.browser.set_preferred_layer(layer_id)
        if self._map_tool is not None:
            self.start_pick()  # follow the chosen layer with the identify tool

    def _inspector_layer(self) -> QgsVectorLayer | None:
        layer = self.project.mapLayer(self.inspector.current_layer_id() or "")
        return layer if isinstance(layer, QgsVectorLayer) else None

    def start_pick(self) -> None:
        """Let the user click a feature of the chosen result layer on the map."""
        layer = self._inspector_layer()
        canvas = self.iface.mapCanvas() if self.iface is not None else None
        if layer is None or canvas is None:
            return
        self.stop_pick()
        tool = QgsMapToolIdentifyFeature(canvas, layer)
        tool.featureIdentified.connect(self._feature_identified)
        self._map_tool = tool
        canvas.setMapTool(tool)

    def stop_pick(self) -> None:
        tool, self._map_tool = self._map_tool, None
        if tool is None:
            return
        try:
            tool.featureIdentified.disconnect(self._feature_identified)
        except (TypeError, RuntimeError):
            pass
        canvas = self.iface.mapCanvas() if self.iface is not None else None
        if canvas is not None and canvas.mapTool() is tool:
            canvas.unsetMapTool(tool)
        tool.deleteLater()

    def _feature_identified(self, feature) -> None:
        layer = self._inspector_layer()
        if layer is not None:
            self.inspector.show_feature(layer, feature, self.role_layers(), self.project)
            self._mirror_feature()
            self.tabs.setCurrentIndex(self.TAB_RESULT)
            self.browser.set_preferred_layer(layer.id())

    def zoom_to_feature(self) -> None:
        layer, feature = self.inspector.layer, self.inspector.feature
        canvas = self.iface.mapCanvas() if self.iface is not None else None
        if layer is None or feature is None or canvas is None:
            return
        zoom_to_feature_with_context(canvas, layer, feature)
        canvas.flashFeatureIds(layer, [feature.id()])

    # ------------------------------------------------------------------------------------------
    # Tab 3: Handlungsziele
    # ------------------------------------------------------------------------------------------
    def select_hz_on_map(self, number: str) -> dict[str, int]:
        self._selecting_hz = True  # many features at once: stay on the Handlungsziele tab
        try:
            counts = select_hz(number, result_layers(self.project))
        finally:
            self._selecting_hz = False
        return counts

    def closeEvent(self, event):  # noqa: N802
        self.stop_pick()  # the identify tool must not outlive the visible dock
        super().closeEvent(event)

