"""A thin base for the plugin's algorithms: translation, instances, group, help, icon, and the
one run policy (progress, cancel, no partial output)."""

from __future__ import annotations

import os
import traceback

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingUtils,
)
from qgis.PyQt.QtGui import QIcon

from ..i18n import tr
from ..paths import icon_path
from ..scoring.progress import Canceled, Progress


class GiAlgorithm(QgsProcessingAlgorithm):
    """Subclasses set ``ALG_ID`` and ``GROUP_ID``, implement the display texts and :meth:`process`.

    ``displayName``, ``group`` and ``shortHelpString`` are evaluated on each call, so they
    follow the translator installed at that moment (German UI, English UI).

    **Cancel policy** (the same for every algorithm): a run reports progress through a
    :class:`Progress`, which raises :class:`Canceled` when the user cancels. Then every output
    created through :meth:`sink` so far is removed again (a memory layer from the context, a
    file or a GeoPackage layer from disk) and the run ends with a ``QgsProcessingException``
    saying that nothing was written. The same happens when a run fails after creating an
    output. So an output exists only when the run completed.
    """

    ALG_ID = ""
    GROUP_ID = ""

    def tr(self, text: str) -> str:  # noqa: D401 - Processing calls this name
        return tr(text)

    def name(self) -> str:
        return self.ALG_ID

    def createInstance(self):  # noqa: N802
        return type(self)()

    def groupId(self) -> str:  # noqa: N802
        return self.GROUP_ID

    def group(self) -> str:
        return group_name(self.GROUP_ID)

    def icon(self) -> QIcon:
        return QIcon(icon_path("gi.svg"))

    def svgIconPath(self) -> str:  # noqa: N802
        return icon_path("gi.svg")

    def helpUrl(self) -> str:  # noqa: N802
        return "https://github.com/gi-qgis-plugin/gi_qgis_plugin#algorithms"

    # ------------------------------------------------------------------------------------------
    # The run
    # ------------------------------------------------------------------------------------------
    def process(self, parameters, context, progress: Progress, feedback) -> dict:
        raise NotImplementedError

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        feedback = feedback or QgsProcessingFeedback()
        self._outputs: list[list] = []  # [sink or None once closed, dest, path, existed before]
        try:
            return self.process(parameters, context, Progress(feedback), feedback)
        except Canceled as err:
            self._discard_outputs(err, context)
            raise QgsProcessingException(tr("Canceled by the user: no output was written. Run the algorithm again for a result.")) from None
        except Exception as err:
            self._discard_outputs(err, context)
            raise

    def sink(self, parameters, name: str, context, fields, wkb_type, crs):
        """``parameterAsSink`` that remembers the output, so a cancel or an error removes it."""
        path = ""
        existed = False
        try:
            path = self.parameterAsOutputLayer(parameters, name, context) or ""
        except Exception:  # noqa: BLE001 - sinks without a file path (PostGIS …)
            path = ""
        file_path = path.split("|", 1)[0]
        existed = bool(file_path) and os.path.exists(file_path)
        sink, dest = self.parameterAsSink(parameters, name, context, fields, wkb_type, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, name))
        if not hasattr(self, "_outputs"):
            self._outputs = []
        self._outputs.append([sink, dest, path, existed])
        return sink, dest

    def claim_files(self, *paths: str) -> None:
        """Files this run writes itself (not through a sink): removed on cancel or error."""
        if not hasattr(self, "_outputs"):
            self._outputs = []
        for path in paths:
            self._outputs.append([None, "", str(path), False])

    def close_sink(self, dest: str) -> None:
        """Let go of the sink of ``dest`` (the caller drops its own reference): the file is
        closed, so its metadata can be written. A later cancel still removes the output."""
        for entry in getattr(self, "_outputs", []):
            if entry[1] == dest:
                entry[0] = None

    def _discard_outputs(self, err: BaseException, context) -> None:
        outputs = getattr(self, "_outputs", [])
        if not outputs:
            return
        # the run's frames still hold the sinks: clear them so the files are closed
        traceback.clear_frames(err.__traceback__)
        dests = [(dest, path, existed) for _, dest, path, existed in outputs]
        outputs.clear()
        import gc

        gc.collect()
        for dest, path, existed in dests:
            _remove_output(dest, path, existed, context)


def _remove_output(dest: str, path: str, existed: bool, context) -> None:
    """Remove an output of an unfinished run: a temporary layer from the context, a file, or
    the layer written into a GeoPackage that existed before."""
    layer = QgsProcessingUtils.mapLayerFromString(dest, context, allowLoadingNewLayers=False) if dest else None
    if layer is not None and layer.providerType() == "memory":
        context.temporaryLayerStore().removeMapLayer(layer.id())
        return
    file_path = path.split("|", 1)[0]
    if not file_path or not os.path.exists(file_path):
        return
    from osgeo import gdal, ogr

    if not existed:
        driver = gdal.IdentifyDriver(file_path)
        if driver is not None:
            driver.Delete(file_path)
        elif os.path.isfile(file_path):
            os.remove(file_path)
        return
    name = ""
    for part in path.split("|")[1:]:
        if part.startswith("layername="):
            name = part.split("=", 1)[1]
    ds = ogr.Open(file_path, 1)
    if ds is None or not name:
        return
    for i in range(ds.GetLayerCount()):
        if ds.GetLayer(i).GetName() == name:
            ds.DeleteLayer(i)
            break
    ds = None


def group_name(group_id: str) -> str:
    names = {
        "data": tr("Data preparation"),
        "roofs": tr("Roofs"),
        "streets": tr("Streets"),
        "brownfields": tr("Brownfields"),
        "sample": tr("Sample data"),
        "design": tr("Design and targets"),
    }
    return names.get(group_id, group_id)
