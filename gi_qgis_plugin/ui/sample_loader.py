"""Load the shipped sample city (Musterstadt) into the project, simply styled, as one group.

A new user presses one button and sees the whole loop: the layers arrive, the dock assigns
their roles, and the algorithm buttons open with every input filled.
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    Qgis,
    QgsColorRampShader,
    QgsMapLayer,
    QgsProject,
    QgsProviderRegistry,
    QgsRasterLayer,
    QgsRasterShader,
    QgsSingleBandPseudoColorRenderer,
    QgsStyle,
    QgsSymbol,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor

from ..i18n import tr
from ..paths import SAMPLE

GPKG = "musterstadt.gpkg"
RASTERS = ("heat.tif", "starkregen.tif")

# Drawing order, top first: points, lines, the buildings, then the context polygons, rasters last.
ORDER = ("street_trees", "streets", "buildings", "brownfields", "parks", "districts", "raumtyp",
         "sewer_combined", "biotopverbund", "gruenzuege", "klimatope", "starkregen", "heat")
# Layers shown at once; the others are loaded unchecked so the map stays readable.
VISIBLE = {"street_trees", "streets", "buildings", "brownfields", "parks", "districts", "heat"}

# (fill, stroke); fill None = outline only. Plain colours, no data-driven styling.
COLOURS = {
    "buildings": ("#d9d0c9", "#7a6f66"),
    "brownfields": ("#c8a165", "#8c6d3f"),
    "parks": ("#8fd18f", "#3b8a3b"),
    "districts": (None, "#555555"),
    "raumtyp": (None, "#9467bd"),
    "sewer_combined": ("#9ecae180", "#3182bd"),
    "biotopverbund": ("#a1d99b80", "#31a354"),
    "gruenzuege": ("#c7e9c080", "#41ab5d"),
    "klimatope": ("#fdae6b60", "#e6550d"),
    "streets": ("#888888", None),
    "street_trees": ("#238b45", "#00441b"),
}
RAMPS = {"heat": "Reds", "starkregen": "Blues"}


def sample_files(folder: Path = SAMPLE) -> dict[str, Path]:
    """The sample's files that exist: {"gpkg": …, "heat.tif": …, "starkregen.tif": …}."""
    out = {}
    if (folder / GPKG).exists():
        out["gpkg"] = folder / GPKG
    for name in RASTERS:
        if (folder / name).exists():
            out[name] = folder / name
    return out


def sample_available(folder: Path = SAMPLE) -> bool:
    return "gpkg" in sample_files(folder)


def generated_sample_folder() -> Path:
    """Where a sample generated on this machine is kept (the user's QGIS profile)."""
    from qgis.core import QgsApplication

    return Path(QgsApplication.qgisSettingsDirPath()) / "gi_qgis_plugin" / "sample"


def ensure_sample(folder: Path = SAMPLE) -> Path | None:
    """A folder holding the sample: the shipped one, else one generated once into the profile.

    The generator (sample/generator.py, numpy + GDAL, under a second for the default size)
    stands in when a build of the plugin ships without the sample files. None if both fail.
    """
    if sample_available(folder):
        return folder
    target = generated_sample_folder()
    if sample_available(target):
        return target
    try:
        from ..sample.generator import generate

        generate(target)
    except Exception:  # noqa: BLE001 - any failure: the caller reports "sample not available"
        return None
    return target if sample_available(target) else None


def _gpkg_layer_names(path: Path) -> list[str]:
    sublayers = QgsProviderRegistry.instance().querySublayers(str(path))
    return [s.name() for s in sublayers if s.type() == Qgis.LayerType.Vector]


def open_sample_layers(folder: Path = SAMPLE) -> list[QgsMapLayer]:
    """The sample's layers, valid ones only, styled, in drawing order (top first)."""
    files = sample_files(folder)
    layers: list[QgsMapLayer] = []
    if "gpkg" in files:
        for name in _gpkg_layer_names(files["gpkg"]):
            layer = QgsVectorLayer(f"{files['gpkg']}|layername={name}", name, "ogr")
            if layer.isValid():
                style_vector(layer)
                layers.append(layer)
    for raster in RASTERS:
        if raster in files:
            name = Path(raster).stem
            layer = QgsRasterLayer(str(files[raster]), name, "gdal")
            if layer.isValid():
                style_raster(layer, RAMPS.get(name, "Viridis"))
                layers.append(layer)

    def order(layer):
        return ORDER.index(layer.name()) if layer.name() in ORDER else len(ORDER) - 2

    return sorted(layers, key=order)


def style_vector(layer: QgsVectorLayer) -> None:
    fill, stroke = COLOURS.get(layer.name(), ("#cccccc80", "#666666"))
    symbol = QgsSymbol.defaultSymbol(layer.geometryType())
    if symbol is None:
        return
    gtype = layer.geometryType()
    if gtype == Qgis.GeometryType.Polygon:
        sl = symbol.symbolLayer(0)
        if fill is None:
            sl.setBrushStyle(Qt.BrushStyle.NoBrush)
        else:
            sl.setFillColor(QColor(fill))
        sl.setStrokeColor(QColor(stroke or fill))
        sl.setStrokeWidth(0.4 if fill is None else 0.15)
    elif gtype == Qgis.GeometryType.Line:
        symbol.setColor(QColor(fill))
        symbol.setWidth(0.6)
    else:
        symbol.setColor(QColor(fill))
        symbol.setSize(1.8)
    layer.renderer().setSymbol(symbol)
    layer.triggerRepaint()


def style_raster(layer: QgsRasterLayer, ramp_name: str) -> None:
    """A continuous colour ramp over the band's range, half transparent."""
    provider = layer.dataProvider()
    stats = provider.bandStatistics(1)
    lo, hi = stats.minimumValue, stats.maximumValue
    if not (hi > lo):
        return
    ramp = QgsStyle.defaultStyle().colorRamp(ramp_name)
    shader_fn = QgsColorRampShader(lo, hi)
    shader_fn.setSourceColorRamp(ramp)
    shader_fn.setColorRampType(Qgis.ShaderInterpolationMethod.Linear)
    shader_fn.setClassificationMode(Qgis.ShaderClassificationMethod.Continuous)
    shader_fn.classifyColorRamp(5, 1)
    shader = QgsRasterShader()
    shader.setRasterShaderFunction(shader_fn)
    renderer = QgsSingleBandPseudoColorRenderer(provider, 1, shader)
    renderer.setClassificationMin(lo)
    renderer.setClassificationMax(hi)
    layer.setRenderer(renderer)
    layer.setOpacity(0.6)


def load_sample(project: QgsProject | None = None, folder: Path = SAMPLE) -> list[QgsMapLayer]:
    """Add the sample as the group "Musterstadt (sample data)" on top of the layer tree.

    Returns the layers added (empty if the sample is not there). Roles are the caller's job
    (the dock runs suggest_roles on these layers).
    """
    project = project or QgsProject.instance()
    layers = open_sample_layers(folder)
    if not layers:
        return []
    root = project.layerTreeRoot()
    group = root.insertGroup(0, tr("Musterstadt (sample data)"))
    project.addMapLayers(layers, False)
    for layer in layers:
        node = group.addLayer(layer)
        node.setItemVisibilityChecked(layer.name() in VISIBLE)
        node.setExpanded(False)
    return layers
