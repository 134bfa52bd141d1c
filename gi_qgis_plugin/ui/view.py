"""Map view helpers of the dock: zoom to a feature so that its surroundings stay readable."""

from __future__ import annotations

from qgis.core import QgsFeature, QgsVectorLayer

# A roof zoomed to fill the map (1:237 for 1,000 m²) loses its street and neighbours: show at
# least this much (1:1,500, a city map's block scale) and a margin of the feature's own size.
MIN_SCALE = 1500.0
MARGIN = 1.0  # extra width and height, as a share of the feature's bounding box on each side


def zoom_to_feature_with_context(canvas, layer: QgsVectorLayer, feature: QgsFeature) -> None:
    """Centre ``feature`` with a margin, never closer than 1:``MIN_SCALE``."""
    if not feature.hasGeometry():
        return
    box = canvas.mapSettings().layerExtentToOutputExtent(layer, feature.geometry().boundingBox())
    grow = max(box.width(), box.height()) * MARGIN
    box.grow(grow if grow > 0 else 10.0)
    canvas.setExtent(box)
    if canvas.scale() < MIN_SCALE:
        canvas.zoomScale(MIN_SCALE)
    canvas.refresh()
