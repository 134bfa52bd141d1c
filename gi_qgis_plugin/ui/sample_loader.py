"""Load the shipped sample city (Musterstadt) into the project, simply styled, as one group.

A new user presses one button and sees the whole loop: the layers arrive, the dock assigns
their roles, and the algorithm buttons open with every input filled. The dock first copies the
sample (``copy_sample``) into a folder the user chooses, so the project never points into the
plugin folder (replaced on every plugin update, possibly read-only). Layers are named in the UI
language; the sample's own name of each layer is kept in the custom property ``gi_sample_key``.
"""

from __future__ import annotations

import shutil
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

SAMPLE_KEY = "gi_sample_key"  # layer custom property: the sample's own name of the layer
SAMPLE_FOLDER = "Musterstadt"  # sub-folder of the user's folder that receives the copy

# The role each sample layer plays (by its key), so the roles do not depend on the UI language.
SAMPLE_ROLES = {
    "buildings": "buildings", "streets": "streets", "brownfields": "brownfields", "heat": "heat",
    "klimatope": "klimatope", "starkregen": "rain", "biotopverbund": "biotopverbund",
    "gruenzuege": "gruenzuege", "parks": "parks", "raumtyp": "raumtyp", "districts": "districts",
    "street_trees": "trees", "sewer_combined": "sewer",
}

# (fill, stroke); fill None = outline only. Plain colours, no data-driven styling. Parks are
# hatched (PATTERNED): a pattern, not a hue, tells them from the green priority classes of a
# result, also for colour-blind readers.
PATTERNED = {"parks"}
COLOURS = {
    "buildings": ("#d9d0c9", "#7a6f66"),
    "brownfields": ("#c8a165", "#8c6d3f"),
    "parks": ("#5a7d2a", "#5a7d2a"),
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
POINTS_FROM_SCALE = 5000  # point layers (street trees) are drawn from 1:5,000 inwards


def sample_layer_title(key: str) -> str:
    """The layer's name in the UI language (a table, so each text is a tr() literal)."""
    titles = {
        "buildings": tr("Buildings"),
        "streets": tr("Streets"),
        "brownfields": tr("Brownfields"),
        "parks": tr("Parks and green spaces"),
        "districts": tr("Districts"),
        "raumtyp": tr("Raumtyp"),
        "sewer_combined": tr("Combined-sewer areas"),
        "biotopverbund": tr("Biotopverbund"),
        "gruenzuege": tr("Regionale Grünzüge"),
        "klimatope": tr("Klimatope"),
        "street_trees": tr("Street trees"),
        "heat": tr("Heat: night air temperature (°C)"),
        "starkregen": tr("Heavy rain: water depth"),
    }
    return titles.get(key, key)


def sample_key(layer: QgsMapLayer) -> str:
    """The sample's own name of a layer loaded by ``load_sample`` ("" for other layers)."""
    return str(layer.customProperty(SAMPLE_KEY, "") or "")


def sample_roles(layers) -> dict[str, QgsMapLayer]:
    """Role -> layer for sample layers, by their key (independent of the UI language)."""
    out = {}
    for layer in layers:
        role = SAMPLE_ROLES.get(sample_key(layer))
        if role and role not in out:
            out[role] = layer
    return out


def copy_sample(source: Path, target: Path) -> Path:
    """Copy the sample's files from ``source`` into ``target``/Musterstadt; returns that folder.

    Files already there are kept (a second click reuses the copy and keeps the user's edits);
    GDAL's .aux.xml files then land next to the copy, never in the plugin folder. Raises OSError
    when the folder cannot be written.
    """
    folder = Path(target) / SAMPLE_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    for path in sample_files(source).values():
        dest = folder / path.name
        if not dest.exists():
            shutil.copyfile(path, dest)
    return folder


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
            layer = QgsVectorLayer(f"{files['gpkg']}|layername={name}", sample_layer_title(name), "ogr")
            layer.setCustomProperty(SAMPLE_KEY, name)
            if layer.isValid():
                style_vector(layer)
                layers.append(layer)
    for raster in RASTERS:
        if raster in files:
            name = Path(raster).stem
            layer = QgsRasterLayer(str(files[raster]), sample_layer_title(name), "gdal")
            layer.setCustomProperty(SAMPLE_KEY, name)
            if layer.isValid():
                style_raster(layer, RAMPS.get(name, "Viridis"))
                layers.append(layer)

    def order(layer):
        key = sample_key(layer)
        return ORDER.index(key) if key in ORDER else len(ORDER) - 2

    return sorted(layers, key=order)


def style_vector(layer: QgsVectorLayer) -> None:
    key = sample_key(layer) or layer.name()
    fill, stroke = COLOURS.get(key, ("#cccccc80", "#666666"))
    symbol = QgsSymbol.defaultSymbol(layer.geometryType())
    if symbol is None:
        return
    gtype = layer.geometryType()
    if gtype == Qgis.GeometryType.Polygon:
        sl = symbol.symbolLayer(0)
        if key in PATTERNED:
            _hatch(symbol, fill)
            return _set_symbol(layer, symbol)
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
        # small, light, and only from the street scale on: at the district scale thousands of
        # trees formed thick bands that hid the streets
        symbol.setColor(QColor(fill))
        symbol.setOpacity(0.8)
        symbol.setSize(1.0)
        symbol.symbolLayer(0).setStrokeStyle(Qt.PenStyle.NoPen)
        layer.setScaleBasedVisibility(True)
        layer.setMinimumScale(POINTS_FROM_SCALE)
        layer.setMaximumScale(0)
    _set_symbol(layer, symbol)


def _set_symbol(layer: QgsVectorLayer, symbol: QgsSymbol) -> None:
    layer.renderer().setSymbol(symbol)
    layer.triggerRepaint()


def _hatch(symbol: QgsSymbol, colour: str) -> None:
    """A very light fill with diagonal lines and an outline in ``colour``."""
    from qgis.core import QgsLinePatternFillSymbolLayer, QgsSimpleFillSymbolLayer

    base = QgsSimpleFillSymbolLayer(QColor("#f3f7ea"), Qt.BrushStyle.SolidPattern, QColor(colour))
    base.setStrokeWidth(0.3)
    lines = QgsLinePatternFillSymbolLayer()
    lines.setLineAngle(45)
    lines.setDistance(1.6)
    lines.setLineWidth(0.25)
    lines.setColor(QColor(colour))
    symbol.changeSymbolLayer(0, base)
    symbol.appendSymbolLayer(lines)


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
    # light enough that the results' classes stay readable on top of it
    layer.setOpacity(0.45)


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
        node.setItemVisibilityChecked(sample_key(layer) in VISIBLE)
        node.setExpanded(False)
    return layers
