"""Style result layers when Processing loads them into the project (main thread)."""

from __future__ import annotations

from qgis.core import QgsProcessingContext, QgsProcessingLayerPostProcessorInterface

from ..district_styles import apply_district_style, place_below_results
from ..styles import apply_result_styles, is_result_layer

# Processing keeps only a raw pointer to post-processors: hold the Python objects here.
_KEEP: list = []

# Processing adds the layers of one run in ascending sort key, each on top of the previous:
# the result (2) lands above the district table (1).
RESULT_SORT_KEY = 2
TABLE_SORT_KEY = 1


class ResultStylePostProcessor(QgsProcessingLayerPostProcessorInterface):
    def postProcessLayer(self, layer, context, feedback):  # noqa: N802
        apply_result_styles(layer)

    @classmethod
    def create(cls) -> ResultStylePostProcessor:
        inst = cls()
        _KEEP.append(inst)
        return inst


class DistrictStylePostProcessor(ResultStylePostProcessor):
    """The district table: light fill by progress, labels, and below the roofs."""

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802
        if apply_district_style(layer):
            project = context.project()
            if project is not None:
                place_below_results(layer, project, is_result_layer)


def style_when_loaded(context: QgsProcessingContext, dest_id: str) -> None:
    """Register the style post-processor for an output that will be loaded on completion."""
    if context.willLoadLayerOnCompletion(dest_id):
        details = context.layerToLoadOnCompletionDetails(dest_id)
        details.setPostProcessor(ResultStylePostProcessor.create())
        details.layerSortKey = RESULT_SORT_KEY


def style_district_table_when_loaded(context: QgsProcessingContext, dest_id: str) -> None:
    if context.willLoadLayerOnCompletion(dest_id):
        details = context.layerToLoadOnCompletionDetails(dest_id)
        details.setPostProcessor(DistrictStylePostProcessor.create())
        details.layerSortKey = TABLE_SORT_KEY
