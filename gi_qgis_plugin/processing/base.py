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
        self._outputs: list[GuardedOutput] = []
        self._feedback = feedback
        try:
            results = self.process(parameters, context, Progress(feedback), feedback)
            self._commit_outputs()
        except Canceled as err:
            self._discard_outputs(err, context)
            raise QgsProcessingException(tr("Canceled by the user: no output was written. Run the algorithm again for a result.")) from None
        except Exception as err:
            self._discard_outputs(err, context)
            raise
        return results

    def sink(self, parameters, name: str, context, fields, wkb_type, crs, own=(), keep_fid: bool = True):
        """``parameterAsSink`` through a :class:`~.outputs.GuardedOutput`: refuses an output that
        is one of the inputs, renames fields the format would refuse or change (``own``: indexes
        of the algorithm's own fields, which keep their names; ``keep_fid``: False when a field
        ``fid`` holds no unique integers), sets an earlier file aside, and is closed, checked or
        removed again when the run ends (see the cancel policy)."""
        out = GuardedOutput(self, parameters, name, context, input_files(self, parameters, context),
                            getattr(self, "_feedback", None))
        if not hasattr(self, "_outputs"):
            self._outputs = []
        self._outputs.append(out)
        fields, _ = out.field_names(fields, own, keep_fid)
        out.create(fields, wkb_type, crs)
        return out.sink, out.dest_id

    def _commit_outputs(self) -> None:
        """Close every sink of the run (the files are complete now), check them, drop the
        copies of earlier files; a bad file fails the run (and all outputs go)."""
        for out in getattr(self, "_outputs", []):
            out.commit()
        self._outputs = []

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
                out.close()
                out.written = written

    def _discard_outputs(self, err: BaseException, context) -> None:
        outputs = getattr(self, "_outputs", [])
        if not outputs:
            return
        # the run's frames still hold the sinks and big arrays: clear them
        traceback.clear_frames(err.__traceback__)
        self._outputs = []
        for out in outputs:
            out.rollback()
            _remove_temporary_layer(out.dest_id, context)


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
