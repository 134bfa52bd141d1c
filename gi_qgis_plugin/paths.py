"""Where the plugin's resources lie (loaded by path: no compiled Qt resource file)."""

from pathlib import Path

PLUGIN_DIR = Path(__file__).resolve().parent
RESOURCES = PLUGIN_DIR / "resources"
ICONS = RESOURCES / "icons"
STYLES = RESOURCES / "styles"
MODELS = RESOURCES / "models"
SAMPLE = RESOURCES / "sample"


def icon_path(name: str) -> str:
    return str(ICONS / name)
