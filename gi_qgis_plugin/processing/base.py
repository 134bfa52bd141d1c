"""A thin base for the plugin's algorithms: translation, instances, group, help, icon, and the
one run policy (progress, cancel, no partial output)."""

from __future__ import annotations

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
from .outputs import ClaimedFiles, GuardedOutput, input_files
from .postgis import OutputTable


class GiAlgorithm(QgsProcessingAlgorithm):
    """Subclasses set ``ALG_ID`` and ``GROUP_ID``, implement the display texts and :meth:`process`.

    ``displayName``, ``group`` and ``shortHelpString`` are evaluated on each call, so they
    follow the translator installed at that moment (German UI, English UI).

    **Cancel policy** (the same for every algorithm): a run reports progress through a
    :class:`Progress`, which raises :class:`Canceled` when the user cancels. Then every output
    created through :meth:`sink` so far is removed again (a memory layer from the context, a
    file or a GeoPackage layer from disk, a PostGIS table's temporary twin), an earlier file of
    the same name comes back, and the run ends with a ``QgsProcessingException`` saying that
    nothing was written. The same happens when a run fails after creating an output. So an
    output exists only when the run completed.
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
        self._outputs: list = []  # GuardedOutput, TableOutput (PostGIS), ClaimedFiles
        self._feedback = feedback
        try:
            results = self.process(parameters, context, Progress(feedback), feedback)
            self._publish_tables(feedback)
            self._commit_outputs()
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

    def sink(self, parameters, name: str, context, fields, wkb_type, crs, own=(), keep_fid: bool = True):
        """``parameterAsSink`` that remembers the output, so a cancel or an error removes it.

        A file output goes through a :class:`~.outputs.GuardedOutput`: an output that is one of
        the inputs is refused, fields the format would refuse or change are renamed up front
        (``own``: indexes of the algorithm's own fields, which keep their names; ``keep_fid``:
        False when a field ``fid`` holds no unique integers), an earlier file is set aside and
        comes back if the run fails, the sink is closed at once and the file checked at the end.
        A PostGIS output is written under a temporary name and published at the end."""
        if not hasattr(self, "_outputs"):
            self._outputs = []
        feedback = getattr(self, "_feedback", None)
        out = GuardedOutput(self, parameters, name, context, input_files(self, parameters, context), feedback)
        fields, _ = out.field_names(fields, own, keep_fid)
        table = OutputTable.open(self, parameters, name, context, fields, wkb_type, crs)
        if table is not None:  # PostGIS: written under a temporary name, published at the end
            self._outputs.append(TableOutput(table))
            return table.sink, table.dest
        self._outputs.append(out)
        out.create(fields, wkb_type, crs)
        return out.sink, out.dest_id

    def _table_in_writing(self):
        """The PostGIS output being written when the run failed, if any."""
        for out in getattr(self, "_outputs", []):
            if isinstance(out, TableOutput) and out.table.sink is not None:
                return out.table
        return None

    def claim_files(self, *paths: str) -> None:
        """Files this run writes itself (not through a sink): earlier files of these names are
        set aside and come back on cancel or error, when what the run wrote is removed."""
        if not hasattr(self, "_outputs"):
            self._outputs = []
        self._outputs.append(ClaimedFiles([str(p) for p in paths], getattr(self, "_feedback", None)))

    def close_sink(self, dest: str, written: int | None = None) -> None:
        """Close the sink of ``dest`` now (the file is complete, so its metadata can be written);
        ``written``: the features written, checked in the file when the run ends. A later cancel
        or error still removes the output and puts an earlier file back."""
        for out in getattr(self, "_outputs", []):
            if out.dest_id == dest:
                out.close()  # PostGIS: last rows written, row count checked
                out.written = written

    def store_record(self, dest: str, text: str, title: str, context, feedback) -> None:
        """The run record into the output ``dest`` (a PostGIS table: when it is published)."""
        for out in getattr(self, "_outputs", []):
            if out.dest_id == dest and isinstance(out, TableOutput):
                out.table.record = (text, title)
                return
        from .record import store

        store(dest, text, title, context, feedback)

    def _publish_tables(self, feedback) -> None:
        """The run succeeded: the PostGIS outputs take the place of their targets."""
        tables = [out.table for out in getattr(self, "_outputs", []) if isinstance(out, TableOutput)]
        if tables:
            from .postgis import publish_all

            publish_all(tables, feedback)

    def _commit_outputs(self) -> None:
        """Close every file output of the run (complete now), check it, drop the copies of
        earlier files; a bad file fails the run (and all outputs go)."""
        for out in getattr(self, "_outputs", []):
            out.commit()
        self._outputs = []

    def _discard_outputs(self, err: BaseException, context) -> None:
        outputs = getattr(self, "_outputs", [])
        if not outputs:
            return
        # the run's frames still hold the sinks and big arrays: clear them
        traceback.clear_frames(err.__traceback__)
        self._outputs = []
        for out in outputs:  # files: removed, earlier ones back; PostGIS: the temporary table goes
            out.rollback()
            _remove_temporary_layer(out.dest_id, context)


class TableOutput:
    """A PostGIS output (:class:`~.postgis.OutputTable`) in the run's list of outputs."""

    def __init__(self, table: OutputTable):
        self.table = table
        self.dest_id = table.dest
        self.written: int | None = None

    def close(self) -> None:
        self.table.close()

    def commit(self) -> None:
        pass  # published with the others of its database by _publish_tables

    def rollback(self) -> None:
        self.table.discard()


def _remove_temporary_layer(dest: str, context) -> None:
    """A memory layer of an unfinished run leaves the context (files are removed by
    :meth:`GuardedOutput.rollback`)."""
    if not dest:
        return
    layer = QgsProcessingUtils.mapLayerFromString(dest, context, allowLoadingNewLayers=False)
    if layer is not None and layer.providerType() == "memory":
        context.temporaryLayerStore().removeMapLayer(layer.id())


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
