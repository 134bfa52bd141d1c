"""Style result layers when Processing loads them into the project (main thread), and attach
the run record to them (custom property ``gi/run``, layer metadata)."""

from __future__ import annotations

from qgis.core import QgsProcessingContext, QgsProcessingLayerPostProcessorInterface

from ..scoring import record
from ..styles import apply_result_styles

# Processing keeps only a raw pointer to post-processors: hold the Python objects here until
# they have run (each removes itself then), so the list does not grow run by run.
_KEEP: list = []


class ResultStylePostProcessor(QgsProcessingLayerPostProcessorInterface):
    def __init__(self, run_info: str = ""):
        super().__init__()
        self.run_info = run_info

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802
        if self.run_info:
            layer.setCustomProperty(record.PROPERTY, self.run_info)
            from .record import metadata_with

            layer.setMetadata(metadata_with(layer.metadata(), self.run_info, layer.name()))
        apply_result_styles(layer)

    @classmethod
    def create(cls, run_info: str = "") -> ResultStylePostProcessor:
        inst = cls(run_info)
        _KEEP.append(inst)
        del _KEEP[:-50]  # a post-processor older than 50 runs has run or never will
        return inst


def style_when_loaded(context: QgsProcessingContext, dest_id: str, run_info: str = "") -> None:
    """Register the style post-processor for an output that will be loaded on completion."""
    if context.willLoadLayerOnCompletion(dest_id):
        context.layerToLoadOnCompletionDetails(dest_id).setPostProcessor(ResultStylePostProcessor.create(run_info))
