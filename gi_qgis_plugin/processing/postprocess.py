"""Style result layers when Processing loads them into the project (main thread), and attach
the run record to them (custom property ``gi/run``, layer metadata). The district target table
gets its own style and goes below the result."""

from __future__ import annotations

from qgis.core import QgsProcessingContext, QgsProcessingLayerPostProcessorInterface

from ..district_styles import apply_district_style, place_below_results
from ..scoring import record
from ..styles import apply_result_styles, is_result_layer

# Processing keeps only a raw pointer to post-processors: hold the Python objects here until
# they have run (each removes itself then), so the list does not grow run by run.
_KEEP: list = []

# Processing adds the layers of one run in ascending sort key, each on top of the previous:
# the result (2) lands above the district table (1).
RESULT_SORT_KEY = 2
TABLE_SORT_KEY = 1


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


class DistrictStylePostProcessor(ResultStylePostProcessor):
    """The district table: light fill by progress, labels, and below the roofs."""

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802
        if apply_district_style(layer):
            project = context.project()
            if project is not None:
                place_below_results(layer, project, is_result_layer)


def style_when_loaded(context: QgsProcessingContext, dest_id: str, run_info: str = "") -> None:
    """Register the style post-processor for an output that will be loaded on completion."""
    if context.willLoadLayerOnCompletion(dest_id):
        details = context.layerToLoadOnCompletionDetails(dest_id)
        details.setPostProcessor(ResultStylePostProcessor.create(run_info))
        details.layerSortKey = RESULT_SORT_KEY


def style_district_table_when_loaded(context: QgsProcessingContext, dest_id: str) -> None:
    """The same for the district target table (gi:flatroofs DISTRICT_TABLE)."""
    if context.willLoadLayerOnCompletion(dest_id):
        details = context.layerToLoadOnCompletionDetails(dest_id)
        details.setPostProcessor(DistrictStylePostProcessor.create())
        details.layerSortKey = TABLE_SORT_KEY
