"""The plugin object QGIS creates through ``classFactory``.

``initProcessing`` registers the provider and needs no GUI, so ``qgis_process`` finds the
algorithms; ``initGui`` adds the menu entry, a button on QGIS's Plugins toolbar (no toolbar row
of its own for one button) and the dock; ``unload`` removes all of it.
"""

from __future__ import annotations

from qgis.core import Qgis, QgsApplication, QgsMessageLog, QgsSettings
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction

from .deps import dependency_problem
from .i18n import install_translator, remove_translator, tr
from .paths import icon_path

MENU = "&Grüne Infrastruktur"
DOCK_VISIBLE_KEY = "gi_qgis_plugin/dock_visible"


class GiPlugin:
    def __init__(self, iface) -> None:
        self.iface = iface
        self.provider = None
        self.problem: str | None = None
        self.actions: list[QAction] = []
        self.dock = None
        self.dock_action: QAction | None = None
        install_translator()

    # -- Processing (also without a GUI) -------------------------------------------------------
    def initProcessing(self) -> None:  # noqa: N802
        if self.provider is None:
            self.problem = dependency_problem()
            if self.problem is not None:
                # no provider rather than a traceback: the message says what to install
                QgsMessageLog.logMessage(self.problem, tr("Green Infrastructure"), Qgis.MessageLevel.Critical)
                return
            from .processing.provider import GiProvider

            provider = GiProvider()
            # the registry refuses (and deletes) a second provider with the same id
            if QgsApplication.processingRegistry().addProvider(provider):
                self.provider = provider

    # -- GUI ----------------------------------------------------------------------------------
    def initGui(self) -> None:  # noqa: N802
        self.initProcessing()
        if self.iface is None:
            return
        if self.problem is not None:
            self.iface.messageBar().pushMessage(tr("Green Infrastructure"), self.problem,
                                                level=Qgis.MessageLevel.Critical, duration=0)
            return
        dock_action = QAction(QIcon(icon_path("gi.svg")), tr("Green Infrastructure panel"), self.iface.mainWindow())
        dock_action.setObjectName("GiQgisPluginDockAction")
        dock_action.setCheckable(True)
        dock_action.setToolTip(tr("Show the Green Infrastructure panel"))
        self.dock_action = dock_action
        self._add_action(dock_action)
        # Remember only what the user does (a click on the action, the dock's close button):
        # visibility also drops when QGIS closes or another dock is tabbed on top.
        dock_action.triggered.connect(self._remember_visibility)
        if QgsSettings().value(DOCK_VISIBLE_KEY, False, type=bool):
            self._ensure_dock(visible=True)  # shown again, as the user left it last session
        else:
            # the dock is built on first use: a plugin that is never opened costs nothing
            dock_action.toggled.connect(self._first_toggle)

    def _add_action(self, action: QAction) -> None:
        self.iface.addPluginToMenu(MENU, action)
        self.iface.addToolBarIcon(action)
        self.actions.append(action)

    def _first_toggle(self, checked: bool) -> None:
        self.dock_action.toggled.disconnect(self._first_toggle)
        self._ensure_dock(visible=checked)

    @staticmethod
    def _remember_visibility(checked: bool) -> None:
        QgsSettings().setValue(DOCK_VISIBLE_KEY, bool(checked))

    def _ensure_dock(self, visible: bool = True):
        if self.dock is None and self.iface is not None:
            from .ui.dock import GiDock

            self.dock = GiDock(self.iface)
            self.iface.addDockWidget(_right_area(), self.dock)
            self.dock.setVisible(visible)
            action = self.dock_action
            if action is not None:
                # From now on action and dock follow each other (QgsDockWidget). Its initial sync
                # reads the on-screen state, which is False while QGIS starts up: set it quietly.
                action.blockSignals(True)
                self.dock.setToggleVisibilityAction(action)
                action.setChecked(visible)
                action.blockSignals(False)
            self.dock.closed.connect(self._dock_closed)
        return self.dock

    def _dock_closed(self) -> None:
        self._remember_visibility(False)

    def unload(self) -> None:
        if self.dock_action is not None:
            for signal in (self.dock_action.toggled, self.dock_action.triggered):
                try:
                    signal.disconnect()
                except TypeError:  # nothing connected
                    pass
        for action in self.actions:
            if self.iface is not None:
                self.iface.removePluginMenu(MENU, action)
                self.iface.removeToolBarIcon(action)
            action.deleteLater()
        self.actions = []
        if self.dock is not None:
            self.dock.cleanup()
            if self.iface is not None:
                self.iface.removeDockWidget(self.dock)
            self.dock.setParent(None)
            self.dock.deleteLater()
            self.dock = None
        self.dock_action = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        remove_translator()


def _right_area():
    from qgis.PyQt.QtCore import Qt

    return Qt.DockWidgetArea.RightDockWidgetArea
