"""Write the run record (``scoring/record.py``) into a scoring output after its sink is closed."""

from __future__ import annotations

import configparser

from qgis.core import (
    QgsLayerMetadata,
    QgsProcessingContext,
    QgsProcessingUtils,
    QgsProviderRegistry,
    QgsVectorLayer,
)

from ..i18n import tr
from ..paths import PLUGIN_DIR
from ..scoring import record as rec


def plugin_version() -> str:
    """``version`` of metadata.txt (inside the installed plugin, or at the repository root)."""
    for path in (PLUGIN_DIR / "metadata.txt", PLUGIN_DIR.parent / "metadata.txt"):
        if path.exists():
            cp = configparser.ConfigParser(interpolation=None)
            cp.read(path, encoding="utf-8")
            return cp.get("general", "version", fallback="")
    return ""


def run_record(alg, parameters: dict, context: QgsProcessingContext, weights: dict[str, float]) -> dict:
    """Algorithm id, plugin version, date (UTC), weights and every parameter value as JSON."""
    values = {}
    for definition in alg.parameterDefinitions():
        name = definition.name()
        if name not in parameters:
            values[name] = definition.valueAsJsonObject(definition.defaultValue(), context)
            continue
        try:
            values[name] = definition.valueAsJsonObject(parameters[name], context)
        except Exception:  # noqa: BLE001 - a value QGIS cannot express as JSON: its text
            values[name] = str(parameters[name])
    return rec.make_record(alg.id() if alg.provider() else f"gi:{alg.name()}", plugin_version(), values, weights)


def metadata_with(md: QgsLayerMetadata, text: str, title: str) -> QgsLayerMetadata:
    """``md`` with the record as its newest history entry and a title if it had none."""
    history = [h for h in md.history() if not h.startswith(rec.PREFIX)]
    md.setHistory(history + [rec.PREFIX + text])
    if not md.title():
        md.setTitle(title)
    return md


def store(dest: str, text: str, title: str, context: QgsProcessingContext, feedback) -> bool:
    """Put the record into the output ``dest``: the layer metadata of a memory layer (and its
    custom property), or the metadata QGIS saves in the file or database. True when stored."""
    layer = QgsProcessingUtils.mapLayerFromString(dest, context, allowLoadingNewLayers=False)
    if layer is not None:  # a temporary layer of this run
        layer.setMetadata(metadata_with(layer.metadata(), text, title))
        layer.setCustomProperty(rec.PROPERTY, text)
        return True
    layer = QgsVectorLayer(dest, "gi_run", "ogr")
    if not layer.isValid():
        layer = None
    provider = layer.providerType() if layer is not None else ""
    source = _with_layer_name(layer.source()) if provider == "ogr" else (layer.source() if layer is not None else dest)
    md = metadata_with(layer.metadata() if layer is not None else QgsLayerMetadata(), text, title)
    layer = None  # close the file before the metadata is written
    ok, error = QgsProviderRegistry.instance().saveLayerMetadata(provider or "ogr", source, md) if provider else (False, "")
    if not ok:
        feedback.pushInfo(tr("The run record could not be stored in the output ({error}); it is in the output RUN_INFO.").format(
            error=error or dest))
    return bool(ok)


def _with_layer_name(source: str) -> str:
    """An OGR source with its layer name (a plain path means the file's first layer)."""
    registry = QgsProviderRegistry.instance()
    parts = registry.decodeUri("ogr", source)
    if parts.get("layerName") or not parts.get("path"):
        return source
    from osgeo import ogr

    ds = ogr.Open(parts["path"])
    if ds is None or ds.GetLayerCount() == 0:
        return source
    parts["layerName"] = ds.GetLayer(0).GetName()
    ds = None
    return registry.encodeUri("ogr", parts)
