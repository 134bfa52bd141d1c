"""gi_qgis_plugin: priorities for green infrastructure after the Strategie Grüne Infrastruktur
Metropole Ruhr (roofs, streets, brownfields), as QGIS Processing algorithms and a dock."""


def classFactory(iface):  # noqa: N802 (QGIS plugin entry point)
    from .plugin import GiPlugin

    return GiPlugin(iface)
