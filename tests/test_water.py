"""The one source of runoff numbers: DWA-A 138-1 Tab. 9 and annual retention shares (no QGIS)."""

from __future__ import annotations

import numpy as np
import pytest

from gi_qgis_plugin.scoring import water


def test_every_surface_names_its_source_and_coefficients_lie_in_0_1():
    table = water.surfaces()
    assert len(table) >= 20
    for s in table.values():
        assert s.source.strip()
        assert 0.0 <= s.c_m <= s.c_s <= 1.0 or s.code == "roof_gravel"  # Tab. 9: C_s ≥ C_m (gravel 0.8/0.8)


def test_tab9_rows_as_printed():
    # DWA-A 138-1 Tab. 9 as quoted in domain_review.md §4a/§4c
    assert water.c_m(["asphalt", "paving_open", "grass_pavers", "green_ext_thin"]).tolist() == [0.9, 0.6, 0.2, 0.3]
    assert water.c_s(["asphalt", "green_ext", "green_intensive"]).tolist() == [1.0, 0.4, 0.2]


def test_unknown_code_gives_nan_not_an_error():
    assert np.isnan(water.c_m(["gold_leaf", None])).all()


def test_annual_retention_of_a_greened_roof_by_hand():
    # plain roof keeps 10 % of the rain a year (runoff 0.9), a 10 cm extensive roof 50 % (runoff 0.5):
    # 0.9 m/a × 200 m² × (0.9 − 0.5) = 72 m³/a
    assert water.retention_gain_m3a([200.0], ["roof_plain"], ["green_ext"], 900.0)[0] == pytest.approx(72.0)


def test_unsealing_gain_uses_c_m_for_ground_surfaces():
    # asphalt → lawn: 0.8 m/a × 50 m² × (0.9 − 0.1) = 32 m³/a
    assert water.retention_gain_m3a([50.0], ["asphalt"], ["lawn"], 800.0)[0] == pytest.approx(32.0)


def test_a_table_without_a_source_is_refused(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text("code,c_m,c_s,source\nasphalt,0.9,1.0,\n", encoding="utf-8")
    with pytest.raises(ValueError, match="without source"):
        water.read_surfaces(path)


def test_a_table_with_missing_columns_is_refused(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text("code,c_m\nasphalt,0.9\n", encoding="utf-8")
    with pytest.raises(ValueError, match="columns missing"):
        water.read_surfaces(path)
