"""Styles for result layers, built in code so they follow the contract fields.

Every scoring result gets two named styles: "gi_class" (categories A–D and X, the default) and
"gi_score" (graduated 0–100 in the class breaks). A result whose spec declares a category field
and its categories (``ScoringSpec.category_field``, ``categories``: brownfields' gi_category)
gets a third style named after that field, and it is the current one. The user switches between
them in the layer's Styles menu. ``apply_result_styles`` works on any layer with the contract
fields, so the dock can also style a GeoPackage written last year.
"""

from __future__ import annotations

from qgis.core import (
    Qgis,
    QgsCategorizedSymbolRenderer,
    QgsGraduatedSymbolRenderer,
    QgsMapLayer,
    QgsRendererCategory,
    QgsRendererRange,
    QgsSymbol,
    QgsVectorLayer,
)
from qgis.PyQt.QtGui import QColor

from .contract import class_ranges, is_result_fields
from .i18n import tr, translate_marked
from .scoring.spec import ScoringSpec, spec_for_fields

# Green for "green first": the darker, the higher the priority; grey for excluded. ColorBrewer
# YlGn, a single-hue light-to-dark ramp that colour-blind readers read by its lightness; D is a
# light yellow-green that stays visible on a red heat raster (the former pale lilac vanished).
CLASS_COLOURS = {
    "A": "#006837",
    "B": "#31a354",
    "C": "#78c679",
    "D": "#d9f0a3",
    "X": "#bdbdbd",
}
SCORE_RANGES = class_ranges()
# Results drawn as lines (street sections, ScoringSpec.geometry "line"): the higher the class, the
# wider the line (mm), so the priorities stand out on a dense network even without colour.
LINE_WIDTHS = {"A": 1.6, "B": 1.1, "C": 0.7, "D": 0.45, "X": 0.25}


def class_labels() -> dict[str, str]:
    return {
        "A": tr("A – highest priority"),
        "B": tr("B – high priority"),
        "C": tr("C – medium priority"),
        "D": tr("D – low priority"),
        "X": tr("X – excluded / not suitable"),
    }


def style_kind(layer: QgsVectorLayer) -> str:
    """"line" or "polygon": the style kind the layer's scoring spec declares (found by its
    signature field), else the layer's own geometry type."""
    from .scoring.spec import spec_for_fields

    spec = spec_for_fields(layer.fields().names())
    if spec is not None:
        return spec.geometry
    return "line" if layer.geometryType() == Qgis.GeometryType.Line else "polygon"


def _symbol(layer: QgsVectorLayer, colour: str, cls: str = "C") -> QgsSymbol:
    symbol = QgsSymbol.defaultSymbol(layer.geometryType())
    symbol.setColor(QColor(colour))
    if layer.geometryType() == Qgis.GeometryType.Polygon:
        symbol.symbolLayer(0).setStrokeColor(QColor("#4d4d4d"))
        symbol.symbolLayer(0).setStrokeWidth(0.1)
    elif layer.geometryType() == Qgis.GeometryType.Line:
        symbol.setWidth(LINE_WIDTHS[cls] if style_kind(layer) == "line" else 0.8)
    return symbol


def class_renderer(layer: QgsVectorLayer) -> QgsCategorizedSymbolRenderer:
    labels = class_labels()
    cats = [QgsRendererCategory(k, _symbol(layer, c, k), labels[k]) for k, c in CLASS_COLOURS.items()]
    return QgsCategorizedSymbolRenderer("gi_class", cats)


def score_ranges(layer: QgsVectorLayer) -> tuple[tuple[float, float, str], ...]:
    """The graduated ranges in the class breaks of the algorithm that wrote the layer (found by
    its signature field), else the equal quarters."""
    from .scoring.spec import spec_for_fields

    spec = spec_for_fields(layer.fields().names())
    return SCORE_RANGES if spec is None else class_ranges(spec.class_breaks)


def score_renderer(layer: QgsVectorLayer) -> QgsGraduatedSymbolRenderer:
    ranges = [
        QgsRendererRange(lo, hi, _symbol(layer, CLASS_COLOURS[k], k), f"{lo:.0f} – {hi:.0f}")
        for lo, hi, k in score_ranges(layer)
    ]
    renderer = QgsGraduatedSymbolRenderer("gi_score", ranges)
    return renderer


def category_renderer(layer: QgsVectorLayer, spec: ScoringSpec) -> QgsCategorizedSymbolRenderer:
    """Categories of the spec's category field with its labels and colours; NULL (excluded) grey."""
    cats = [QgsRendererCategory(value, _symbol(layer, colour), translate_marked(label))
            for value, (label, colour) in spec.categories.items()]
    cats.append(QgsRendererCategory(None, _symbol(layer, CLASS_COLOURS["X"]), class_labels()["X"]))
    return QgsCategorizedSymbolRenderer(spec.category_field, cats)


def is_result_layer(layer: QgsMapLayer | None) -> bool:
    """A layer carrying the contract fields (DESIGN.md §3)."""
    if not isinstance(layer, QgsVectorLayer) or not layer.isValid():
        return False
    return is_result_fields(layer.fields().names())


def apply_result_styles(layer: QgsVectorLayer) -> bool:
    """Add the styles "gi_class" and "gi_score" (and the spec's category style, then current) to a result layer."""
    if not is_result_layer(layer):
        return False
    manager = layer.styleManager()
    layer.setRenderer(score_renderer(layer))
    if "gi_score" not in manager.styles():
        manager.addStyleFromLayer("gi_score")
    layer.setRenderer(class_renderer(layer))
    if "gi_class" not in manager.styles():
        manager.addStyleFromLayer("gi_class")
    current = "gi_class"
    spec = spec_for_fields(layer.fields().names())
    if spec is not None and spec.categories and layer.fields().lookupField(spec.category_field) >= 0:
        layer.setRenderer(category_renderer(layer, spec))
        if spec.category_field not in manager.styles():
            manager.addStyleFromLayer(spec.category_field)
        current = spec.category_field
    manager.setCurrentStyle(current)
    layer.setRenderer(category_renderer(layer, spec) if current != "gi_class" else class_renderer(layer))
    layer.triggerRepaint()
    return True
