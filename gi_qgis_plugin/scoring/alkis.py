"""ALKIS buildings as input: the AdV code lists and attribute names of ``ax_gebaeude``.

In NRW the buildings of the cadastre (ALKIS) are usually imported from NAS into PostGIS, e.g.
with the norGIS ALKIS importer, as the table ``ax_gebaeude`` with the AdV attribute names:
``gebaeudefunktion`` (AX_Gebaeudefunktion), ``dachform`` (AX_Dachform, the same codes as the
LoD2 roof types: 1000 = Flachdach, see ``resources/roof_types.csv``) and
``anzahlderoberirdischengeschosse`` (storeys above ground). The field detection of the scoring
modules knows these names (``roofs.FIELD_CANDIDATES``); this module holds what is ALKIS-specific
beyond them. Pure Python + numpy, no QGIS.
"""

from __future__ import annotations

import csv
from functools import lru_cache

import numpy as np

from ..paths import RESOURCES

# Storey height used when a building's height is only known as its number of storeys
# (ALKIS anzahlderoberirdischengeschosse): 3.0 m per storey, the plugin's assumption [U] for a
# typical urban building (residential storeys are about 2.8–3.0 m, commercial ones higher);
# an adjustable parameter where a height is used, never a measured value.
STOREY_HEIGHT_M = 3.0

# The norGIS/PostNAS names of ax_gebaeude (AdV GeoInfoDok attribute names, lower case) [V].
FUNCTION_FIELD = "gebaeudefunktion"
ROOF_FIELD = "dachform"
STOREYS_FIELD = "anzahlderoberirdischengeschosse"


@lru_cache(maxsize=1)
def building_functions() -> dict[str, tuple[str, str]]:
    """AX_Gebaeudefunktion code -> (German name, group) from ``resources/alkis_gebaeudefunktion.csv``."""
    path = RESOURCES / "alkis_gebaeudefunktion.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        if not row.get("source", "").strip():
            raise ValueError(f"{path}: row without source: {row}")
    return {r["code"]: (r["name_de"], r["group"]) for r in rows}


def function_codes(values) -> np.ndarray:
    """AX_Gebaeudefunktion code (text) per feature; also the PostNAS form ``31001_2463``.

    None where the value is empty or not a code of the table."""
    table = building_functions()
    out = np.full(len(values), None, dtype=object)
    for i, v in enumerate(np.asarray(values, dtype=object).tolist()):
        if v is None:
            continue
        text = str(v).strip()
        if "_" in text:  # "31001_2463": object type and code
            text = text.rsplit("_", 1)[1]
        try:
            text = str(int(float(text)))
        except ValueError:
            continue
        if text in table:
            out[i] = text
    return out


def height_from_storeys(storeys, storey_height_m: float = STOREY_HEIGHT_M) -> np.ndarray:
    """Building height (m) as storeys × storey height; NaN where the storeys are missing or < 1."""
    s = np.asarray(storeys, dtype=float)
    return np.where(np.isfinite(s) & (s >= 1), s * storey_height_m, np.nan)
