"""gi:targets through processing.run: the table, the PDF with its chart, the dock's view of the
same table, and bad input."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from conftest import run_algorithm
from helpers.layers import memory_layer
from qgis.core import QgsProcessingException, QgsProject

X0, Y0 = 362000.0, 5700000.0


def box(x0, y0, x1, y1):
    return f"POLYGON(({X0 + x0} {Y0 + y0},{X0 + x1} {Y0 + y0},{X0 + x1} {Y0 + y1},{X0 + x0} {Y0 + y1},{X0 + x0} {Y0 + y0}))"


def districts():
    # two districts of 100 m × 100 m = 10,000 m²
    return memory_layer([(box(0, 0, 100, 100), "Nord"), (box(100, 0, 200, 100), "Süd")], "name:string")


def forest():
    # Nord 2,500 m² (25 %: met), Süd 1,000 m² (10 %: 15 points missing)
    return memory_layer([(box(0, 0, 50, 50),), (box(150, 0, 160, 100),)], "")


def roofs():
    # Nord: flat 100 m² green, flat 300 m² not green -> 25 % by area, 50 % by number
    return memory_layer([(box(10, 10, 20, 20), 1, 1), (box(30, 30, 40, 60), 1, 0)], "flat:integer&field=green_roof:integer")


def run(params):
    return run_algorithm("gi:targets", params)


def test_table_rows_per_district_and_target(qgis_processing):
    res, _ = run({"INPUT": districts(), "FOREST": forest(), "ROOFS": roofs()})
    table = res["OUTPUT"]
    rows = [dict(zip(table.fields().names(), f.attributes())) for f in table.getFeatures()]
    by = {(r["district"], r["target_id"]): r for r in rows}
    assert by[("Nord", "forest_share")]["observed"] == pytest.approx(25.0) and by[("Nord", "forest_share")]["met"] == 1
    assert by[("Süd", "forest_share")]["gap_pp"] == pytest.approx(15.0)
    assert by[("Nord", "green_flat_roofs")]["observed"] == pytest.approx(25.0)
    assert by[("Nord", "green_flat_roofs_count")]["observed"] == pytest.approx(50.0)
    assert by[("Süd", "green_flat_roofs")]["met"] is None or str(by[("Süd", "green_flat_roofs")]["met"]) == "NULL"
    assert res["N_ROWS"] == 6 and res["N_MET"] == 2


def test_the_dock_shows_the_same_figures_from_the_table_in_the_project(qgis_processing):
    from gi_qgis_plugin.processing.targets import progress_lines

    res, _ = run({"INPUT": districts(), "FOREST": forest()})
    project = QgsProject()
    project.addMapLayer(res["OUTPUT"])
    lines = progress_lines("22", project, "de")
    assert lines == ["Nord: 25 % (Ziel ≥ 25 % bis 2030, erreicht)",
                     "Süd: 10 % (Ziel ≥ 25 % bis 2030, fehlen 15 Prozentpunkte)"]
    assert progress_lines("02", project, "de") == []


def test_pdf_report_has_the_chart_and_every_row(qgis_processing, tmp_path):
    exe = shutil.which("pdftotext")
    if exe is None:
        pytest.skip("pdftotext (poppler-utils) is not installed; tools/qgis_env.sh installs it")
    pdf = tmp_path / "targets.pdf"
    res, _ = run({"INPUT": districts(), "FOREST": forest(), "ROOFS": roofs(), "REPORT": str(pdf)})
    text = " ".join(subprocess.run([exe, str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split())
    for word in ("Target progress", "Nord", "Süd", "Forest share", "25.0%", "10.0%", "not met", "Interpretations and sources"):
        assert word in text, word
    images = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True).stdout
    assert "png" in images or "image" in images  # the chart is in the PDF


def test_no_theme_layer_is_an_error_that_names_the_layers(qgis_processing):
    with pytest.raises(QgsProcessingException, match="theme layer"):
        run({"INPUT": districts()})


def test_roofs_without_a_green_field_are_left_out_with_a_warning(qgis_processing):
    bare = memory_layer([(box(10, 10, 20, 20), 1)], "foo:integer")
    res, fb = run({"INPUT": districts(), "ROOFS": bare, "FOREST": forest()})
    assert any("no green-roof field" in w for w in fb.warnings)
    assert res["N_ROWS"] == 2  # forest rows only


def test_the_handlungsziele_browser_lists_the_progress_of_a_targets_table(qgis_processing, qgis_iface):
    from gi_qgis_plugin.ui.hz_browser import HzBrowserWidget

    res, _ = run({"INPUT": districts(), "FOREST": forest()})
    project = QgsProject()
    project.addMapLayer(res["OUTPUT"])
    browser = HzBrowserWidget()
    browser.set_project(project)
    browser.select_number("22")
    text = browser.results_label.text()
    assert "Target progress per district" in text
    # the English UI: the lines of scoring.targets.summary_line for the same rows
    assert "Nord: 25% (target ≥ 25% by 2030, met)" in text
    assert "Süd: 10% (target ≥ 25% by 2030, missing 15 percentage points)" in text
    browser.select_number("02")
    assert "Target progress per district" not in browser.results_label.text()
