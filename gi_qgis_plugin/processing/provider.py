"""The Processing provider ``gi``."""

from __future__ import annotations

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..i18n import tr
from ..paths import icon_path


def algorithm_classes() -> list[type]:
    """Every algorithm the provider offers, in toolbox order."""
    from .brownfields import BrownfieldsAlgorithm
    from .design_check import DesignCheckAlgorithm
    from .flat_roofs import FlatRoofsAlgorithm
    from .import_lod2 import ImportLod2Algorithm
    from .sample_district import SampleDistrictAlgorithm
    from .streets import StreetsAlgorithm
    from .targets import TargetsAlgorithm

    return [SampleDistrictAlgorithm, ImportLod2Algorithm, FlatRoofsAlgorithm, StreetsAlgorithm, BrownfieldsAlgorithm,
            DesignCheckAlgorithm, TargetsAlgorithm]


class GiProvider(QgsProcessingProvider):
    def id(self) -> str:
        return "gi"

    def name(self) -> str:
        return tr("Green Infrastructure")

    def longName(self) -> str:  # noqa: N802
        return tr("Green Infrastructure Metropole Ruhr")

    def icon(self) -> QIcon:
        return QIcon(icon_path("gi.svg"))

    def svgIconPath(self) -> str:  # noqa: N802
        return icon_path("gi.svg")

    def loadAlgorithms(self) -> None:  # noqa: N802
        for cls in algorithm_classes():
            self.addAlgorithm(cls())
