"""The Python packages the algorithms need beyond QGIS, checked before anything imports them.

QGIS on Windows and macOS ships numpy and shapely, but an old installation may carry shapely
1.x, whose array API the algorithms rely on. A planner then gets one clear message instead of
a traceback when the plugin loads.
"""

from __future__ import annotations

import importlib

from .i18n import tr

MIN_SHAPELY = 2


def dependency_problem() -> str | None:
    """A message naming the missing or outdated package and the fix, or None if all is well."""
    try:
        importlib.import_module("numpy")
    except ImportError:
        return tr("The Python package numpy is missing. Install it for the Python of QGIS (OSGeo4W Setup: python3-numpy; Debian/Ubuntu: apt install python3-numpy) and restart QGIS.")
    try:
        shapely = importlib.import_module("shapely")
    except ImportError:
        return tr("The Python package shapely (version 2 or newer) is missing. Install it for the Python of QGIS (OSGeo4W Setup: python3-shapely; Debian/Ubuntu: apt install python3-shapely; otherwise pip install shapely) and restart QGIS.")
    version = str(getattr(shapely, "__version__", "0"))
    try:
        major = int(version.split(".")[0])
    except ValueError:
        major = 0
    if major < MIN_SHAPELY:
        return tr("shapely {version} is too old: the Green Infrastructure algorithms need shapely 2 or newer. Update it for the Python of QGIS (e.g. pip install --upgrade shapely) and restart QGIS.").format(version=version)
    return None
