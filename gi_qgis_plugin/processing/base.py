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
from .postgis import OutputTable


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

    def checkParameterValues(self, parameters, context):  # noqa: N802
        """Processing's own check, with the reason and the fix when a database layer cannot be
        opened (a view without key, a column of mixed geometry types …) instead of "not found"."""
        from .postgis import check_destination, explain_invalid_source

        ok, message = super().checkParameterValues(parameters, context)
        if not ok:
            for value in parameters.values():
                why = explain_invalid_source(value)
                if why:
                    return False, why
            return ok, message
        # a PostGIS output the role may not write: say so now, not after an hour of scoring
        for definition in self.destinationParameterDefinitions():
            if definition.name() in parameters:
                try:
                    check_destination(self.parameterAsOutputLayer(parameters, definition.name(), context))
                except QgsProcessingException as err:
                    return False, str(err)
        return ok, message

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
            results = self.process(parameters, context, Progress(feedback), feedback)
            self._publish_tables(feedback)
            return results
        except Canceled as err:
            self._discard_outputs(err, context)
            raise QgsProcessingException(tr("Canceled by the user: no output was written. Run the algorithm again for a result.")) from None
        except Exception as err:
            from .write import WriteError

            table = self._table_in_writing()
            self._discard_outputs(err, context)
            # rows refused while a PostGIS table was written: say that the table is untouched
            if table is not None and (isinstance(err, WriteError) or not isinstance(err, QgsProcessingException)):
                raise table.explain(err) from None
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
        table = OutputTable.open(self, parameters, name, context, fields, wkb_type, crs)
        if table is not None:  # PostGIS: written under a temporary name, published at the end
            if not hasattr(self, "_outputs"):
                self._outputs = []
            self._outputs.append([table.sink, table.dest, "", False, table])
            return table.sink, table.dest
        sink, dest = self.parameterAsSink(parameters, name, context, fields, wkb_type, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, name))
        if not hasattr(self, "_outputs"):
            self._outputs = []
        self._outputs.append([sink, dest, path, existed, None])
        return sink, dest

    def _table_in_writing(self):
        """The PostGIS output being written when the run failed, if any."""
        for entry in getattr(self, "_outputs", []):
            if entry[4] is not None and entry[4].sink is not None:
                return entry[4]
        return None

    def claim_files(self, *paths: str) -> None:
        """Files this run writes itself (not through a sink): removed on cancel or error."""
        if not hasattr(self, "_outputs"):
            self._outputs = []
        for path in paths:
            self._outputs.append([None, "", str(path), False, None])

    def close_sink(self, dest: str) -> None:
        """Let go of the sink of ``dest`` (the caller drops its own reference): the file is
        closed, so its metadata can be written. A later cancel still removes the output."""
        for entry in getattr(self, "_outputs", []):
            if entry[1] == dest:
                entry[0] = None
                if entry[4] is not None:
                    entry[4].close()  # PostGIS: last rows written, row count checked

    def store_record(self, dest: str, text: str, title: str, context, feedback) -> None:
        """The run record into the output ``dest`` (a PostGIS table: when it is published)."""
        for entry in getattr(self, "_outputs", []):
            if entry[1] == dest and entry[4] is not None:
                entry[4].record = (text, title)
                return
        from .record import store

        store(dest, text, title, context, feedback)

    def _publish_tables(self, feedback) -> None:
        """The run succeeded: the PostGIS outputs take the place of their targets."""
        tables = [entry[4] for entry in getattr(self, "_outputs", []) if entry[4] is not None]
        for entry in getattr(self, "_outputs", []):
            entry[0] = None
        if tables:
            from .postgis import publish_all

            publish_all(tables, feedback)

    def _discard_outputs(self, err: BaseException, context) -> None:
        outputs = getattr(self, "_outputs", [])
        if not outputs:
            return
        # the run's frames still hold the sinks: clear them so the files are closed
        traceback.clear_frames(err.__traceback__)
        dests = [(dest, path, existed) for _, dest, path, existed, table in outputs if table is None]
        tables = [table for *_, table in outputs if table is not None]
        outputs.clear()
        import gc

        gc.collect()
        for dest, path, existed in dests:
            _remove_output(dest, path, existed, context)
        for table in tables:  # PostGIS: the temporary table goes, the target stays as it was
            table.discard()


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
