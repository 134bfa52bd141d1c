"""A thin base for the plugin's algorithms: translation, instances, group, help, icon."""

from __future__ import annotations

from qgis.core import QgsProcessingAlgorithm
from qgis.PyQt.QtGui import QIcon

from ..i18n import tr
from ..paths import icon_path


class GiAlgorithm(QgsProcessingAlgorithm):
    """Subclasses set ``ALG_ID`` and ``GROUP_ID`` and implement the display texts.

    ``displayName``, ``group`` and ``shortHelpString`` are evaluated on each call, so they
    follow the translator installed at that moment (German UI, English UI).
    """

    ALG_ID = ""
    GROUP_ID = ""

    def tr(self, text: str) -> str:  # noqa: D401 - Processing calls this name
        return tr(text)

    def name(self) -> str:
        return self.ALG_ID

    def createInstance(self):  # noqa: N802
        return type(self)()

    def groupId(self) -> str:  # noqa: N802
        return self.GROUP_ID

    def group(self) -> str:
        return group_name(self.GROUP_ID)

    def icon(self) -> QIcon:
        return QIcon(icon_path("gi.svg"))

    def svgIconPath(self) -> str:  # noqa: N802
        return icon_path("gi.svg")

    def checkParameterValues(self, parameters, context):  # noqa: N802
        """Processing's own check, with the reason and the fix when a database layer cannot be
        opened (a view without key, a column of mixed geometry types …) instead of "not found"."""
        ok, message = super().checkParameterValues(parameters, context)
        if not ok:
            from .postgis import explain_invalid_source

            for value in parameters.values():
                why = explain_invalid_source(value)
                if why:
                    return False, why
        return ok, message

    def helpUrl(self) -> str:  # noqa: N802
        return "https://github.com/gi-qgis-plugin/gi_qgis_plugin#algorithms"


def group_name(group_id: str) -> str:
    names = {
        "data": tr("Data preparation"),
        "roofs": tr("Roofs"),
        "streets": tr("Streets"),
        "brownfields": tr("Brownfields"),
        "sample": tr("Sample data"),
    }
    return names.get(group_id, group_id)
