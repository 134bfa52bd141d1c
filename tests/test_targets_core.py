"""Target progress per district (scoring/targets.py), by hand. No QGIS needed."""

from __future__ import annotations

import math

import numpy as np
import pytest
import shapely

from gi_qgis_plugin.scoring import targets
from gi_qgis_plugin.scoring.targets import Roofs, Sealed, Streams, Zones

# two districts of 100 m × 100 m = 10,000 m² each
DISTRICTS = np.array([shapely.box(0, 0, 100, 100), shapely.box(100, 0, 200, 100)], dtype=object)
NAMES = ["Nord", "Süd"]


def rows_by(rows, target_id):
    return {r.district: r for r in rows if r.target_id == target_id}


def test_forest_share_counts_overlapping_forest_once():
    # Nord: 50 × 50 = 2,500 m² forest (a second polygon lies inside it) -> 25 % ≥ 25 %: met
    # Süd: 10 × 100 = 1,000 m² -> 10 %, 15 points missing
    forest = Zones(np.array([shapely.box(0, 0, 50, 50), shapely.box(0, 0, 25, 50), shapely.box(150, 0, 160, 100)], dtype=object))
    r = rows_by(targets.progress_rows(DISTRICTS, NAMES, forest=forest), "forest_share")
    assert r["Nord"].observed == pytest.approx(25.0) and r["Nord"].met is True and r["Nord"].gap == 0
    assert r["Süd"].observed == pytest.approx(10.0) and r["Süd"].met is False and r["Süd"].gap == pytest.approx(15)
    assert r["Nord"].target == 25 and r["Nord"].year == 2030 and r["Nord"].hz == "22"  # from the catalogue


def test_green_flat_roofs_by_area_and_by_count():
    # Nord: flat roofs of 100 m² (green) and 300 m² (not green); a sloped green roof does not count
    # area share 100 / 400 = 25 %; count share 1 / 2 = 50 %. Süd: no roofs -> no data.
    roofs = Roofs(
        geoms=np.array([shapely.box(10, 10, 20, 20), shapely.box(30, 30, 40, 60), shapely.box(60, 60, 70, 80)], dtype=object),
        area_m2=np.array([100.0, 300.0, 200.0]), flat=np.array([True, True, False]), green=np.array([True, False, True]))
    rows = targets.progress_rows(DISTRICTS, NAMES, roofs=roofs)
    area = rows_by(rows, "green_flat_roofs")
    count = rows_by(rows, "green_flat_roofs_count")
    assert area["Nord"].observed == pytest.approx(25.0) and area["Nord"].gap == pytest.approx(25.0)
    assert count["Nord"].observed == pytest.approx(50.0) and count["Nord"].met is True
    assert math.isnan(area["Süd"].observed) and area["Süd"].met is None
    assert area["Nord"].note  # the inner-city scope is stated


def test_disconnected_share_of_sealed_area():
    sealed = Sealed(np.array([shapely.box(0, 50, 50, 100), shapely.box(50, 50, 100, 100)], dtype=object),
                    np.array([True, False]))
    r = rows_by(targets.progress_rows(DISTRICTS, NAMES, sealed=sealed), "disconnected_2040")
    assert r["Nord"].observed == pytest.approx(50.0) and r["Nord"].met is True
    assert r["Nord"].year == 2040 and "Klima.Werk" in r["Nord"].source


def test_poor_water_structure_share_by_length():
    # Nord: 100 m in GSG 6 (poor) and 100 m in GSG 2 -> 50 %, target below 45 %: not met, 5 points over
    lines = np.array([shapely.LineString([(0, 75), (100, 75)]), shapely.LineString([(0, 80), (100, 80)])], dtype=object)
    r = rows_by(targets.progress_rows(DISTRICTS, NAMES, streams=Streams(lines, np.array([6.0, 2.0]))),
                "poor_water_structure_conurbation")
    assert r["Nord"].observed == pytest.approx(50.0)
    assert r["Nord"].met is False and r["Nord"].gap == pytest.approx(5.0)
    assert targets.summary_line(r["Nord"], "de") == "Nord: 50 % (Ziel < 45 % bis 2030, 5 Prozentpunkte darüber)"


def test_hz15_states_its_interpretation():
    prot = Zones(np.array([shapely.box(0, 0, 10, 100)], dtype=object))  # 1,000 m² = 10 % of Nord
    r = rows_by(targets.progress_rows(DISTRICTS, NAMES, protected=prot), "protected_share_habitat_network")
    assert r["Nord"].observed == pytest.approx(10.0) and r["Nord"].gap == pytest.approx(5.0)
    assert "Interpretation" in r["Nord"].note and "35" in r["Nord"].note


def test_the_dock_reads_the_same_figures_back_from_the_table():
    forest = Zones(np.array([shapely.box(0, 0, 50, 50)], dtype=object))
    rows = targets.progress_rows(DISTRICTS, NAMES, forest=forest)
    cols = targets.as_columns(rows)
    names = [name for name, _ in targets.TABLE_FIELDS]
    records = [dict(zip(names, values)) for values in zip(*cols)]
    assert targets.is_progress_table(names)
    back = targets.progress_by_hz(records)
    assert list(back) == ["22"]
    nord = back["22"][0]
    assert (nord.district, nord.observed, nord.met, nord.year) == ("Nord", pytest.approx(25.0), True, 2030)
    assert targets.summary_line(nord, "de") == "Nord: 25 % (Ziel ≥ 25 % bis 2030, erreicht)"
    sued = back["22"][1]
    assert targets.summary_line(sued, "en") == "Süd: 0% (target ≥ 25% by 2030, missing 25 percentage points)"
