"""One cancel policy for every algorithm: a message, and no partial output left behind."""

from __future__ import annotations

import pytest
from helpers.feedback import CancelAt
from qgis.core import QgsProcessingException


def test_sample_district_canceled_midway_leaves_no_files(gi_provider, tmp_path):
    import processing

    folder = tmp_path / "muster"
    with pytest.raises(QgsProcessingException, match="Canceled"):
        processing.run("gi:sampledistrict", {"BUILDINGS": 1000, "SEED": 1, "OUTPUT_FOLDER": str(folder)},
                       feedback=CancelAt(30.0))
    assert not [p for p in folder.glob("*") if p.suffix in (".gpkg", ".tif")]
