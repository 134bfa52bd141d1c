"""Style of the district target table (gi:flatroofs DISTRICT_TABLE), built in code.

The table's polygons are whole districts. Drawn with QGIS's default symbol (a random opaque
fill) and on top of the roofs, they hide the result. Here they get a light, half-transparent
fill by the district's progress towards the target (share of green flat roofs), a dark outline
and a label "name: share %", and they are placed below the roofs in the layer tree.
"""

from __future__ import annotations

from qgis.core import (
    QgsFillSymbol,
    QgsGraduatedSymbolRenderer,
    QgsPalLayerSettings,
    QgsProject,
    QgsRendererRange,
    QgsTextFormat,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtGui import QColor

from .i18n import tr

SHARE_FIELD = "share_green"  # 0–1: green share of the district's flat roof area
NAME_FIELD = "name"
DISTRICT_FIELDS = (NAME_FIELD, "n_flat", "flat_m2", "green_m2", SHARE_FIELD, "target_m2", "missing_m2")
# Light blues (ColorBrewer PuBu, colour-blind safe): no green, so a district is never read as a
# priority class of the roofs; the fill is half transparent, the roofs are drawn on top.
SHARE_RANGES = ((0.0, 0.10, "#f1eef6"), (0.10, 0.25, "#bdc9e1"), (0.25, 0.50, "#74a9cf"), (0.50, 1.0, "#0570b0"))
FILL_ALPHA = 90
OUTLINE = "#3a3a3a"
LABEL_MIN_SCALE = 4000  # labels from 1:4,000 outwards


def is_district_table(layer) -> bool:
    if not isinstance(layer, QgsVectorLayer) or not layer.isValid():
        return False
    names = set(layer.fields().names())
    return all(f in names for f in DISTRICT_FIELDS) and "gi_score" not in names


def _fill(colour: str) -> QgsFillSymbol:
    fill = QColor(colour)
    fill.setAlpha(FILL_ALPHA)
    symbol = QgsFillSymbol.createSimple({})
    sl = symbol.symbolLayer(0)
    sl.setFillColor(fill)
    sl.setStrokeColor(QColor(OUTLINE))
    sl.setStrokeWidth(0.6)
    return symbol


def district_renderer() -> QgsGraduatedSymbolRenderer:
    def pct(v: float) -> str:
        return f"{v * 100:.0f}"

    ranges = []
    for lo, hi, colour in SHARE_RANGES:
        if hi >= 1.0:
            label = tr("{lo} % and more green (target reached)").format(lo=pct(lo))
        else:
            label = tr("{lo} – {hi} % green").format(lo=pct(lo), hi=pct(hi))
        ranges.append(QgsRendererRange(lo, hi, _fill(colour), label))
    return QgsGraduatedSymbolRenderer(SHARE_FIELD, ranges)


def district_labeling() -> QgsVectorLayerSimpleLabeling:
    """"Mitte: 3,8 %": the share with the QGIS locale's decimal separator (format_number)."""
    settings = QgsPalLayerSettings()
    settings.isExpression = True
    settings.fieldName = (f'"{NAME_FIELD}" || \': \' || '
                          f'coalesce(format_number("{SHARE_FIELD}" * 100, 1) || \' %\', \'–\')')
    text = QgsTextFormat()
    text.setSize(9)
    text.setColor(QColor(OUTLINE))
    buffer = text.buffer()
    buffer.setEnabled(True)
    buffer.setSize(1.0)
    buffer.setColor(QColor("white"))
    text.setBuffer(buffer)
    settings.setFormat(text)
    # a district label belongs to the overview: zoomed in to a few roofs it would cover them
    settings.scaleVisibility = True
    settings.maximumScale = LABEL_MIN_SCALE
    settings.minimumScale = 0
    return QgsVectorLayerSimpleLabeling(settings)


def apply_district_style(layer: QgsVectorLayer) -> bool:
    """Light progress fill, outline and labels; False when ``layer`` is no district table."""
    if not is_district_table(layer):
        return False
    layer.setRenderer(district_renderer())
    layer.setLabeling(district_labeling())
    layer.setLabelsEnabled(True)
    layer.triggerRepaint()
    return True


def place_below_results(layer: QgsVectorLayer, project: QgsProject, is_result) -> bool:
    """Move ``layer``'s tree node just below the lowest result layer of its group (if above it)."""
    root = project.layerTreeRoot()
    node = root.findLayer(layer.id())
    if node is None:
        return False
    parent = node.parent()
    children = parent.children()
    results = [i for i, child in enumerate(children)
               if hasattr(child, "layer") and child.layer() is not None and is_result(child.layer())]
    here = children.index(node)
    if not results or here > max(results):
        return False
    clone = node.clone()
    parent.insertChildNode(max(results) + 1, clone)
    parent.removeChildNode(node)
    return True
