"""Style result layers when Processing loads them into the project (main thread)."""

from __future__ import annotations

from qgis.core import QgsProcessingContext, QgsProcessingLayerPostProcessorInterface

from ..styles import apply_result_styles

# Processing keeps only a raw pointer to post-processors: hold the Python objects here.
_KEEP: list = []


class ResultStylePostProcessor(QgsProcessingLayerPostProcessorInterface):
    def postProcessLayer(self, layer, context, feedback):  # noqa: N802
        apply_result_styles(layer)

    @classmethod
    def create(cls) -> ResultStylePostProcessor:
        inst = cls()
        _KEEP.append(inst)
        return inst


def style_when_loaded(context: QgsProcessingContext, dest_id: str) -> None:
    """Register the style post-processor for an output that will be loaded on completion."""
    if context.willLoadLayerOnCompletion(dest_id):
        context.layerToLoadOnCompletionDetails(dest_id).setPostProcessor(ResultStylePostProcessor.create())
