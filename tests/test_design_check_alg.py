"""gi:designcheck through processing.run and qgis_process: figures, tables, CSV, the PDF report,
and bad input answered with a result and a warning (or an error that names the fix)."""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess

import pytest
from conftest import ROOT, ensure_provider, run_algorithm
from helpers.feedback import CancelAt
from helpers.layers import copy_layer, memory_layer, save_gpkg
from qgis.core import QgsProcessingException

# The small design of tests/test_design_core.py, in EPSG:25832 near Essen: a 40 m × 25 m square in
# four strips (green roof 300 m², paving 500 m², grass pavers 100 m², lawn 100 m²), three trees,
# a 40 m street edge along the southern side.
X0, Y0 = 362000.0, 5700000.0
STRIPS = [(0, 12, "green_ext"), (12, 32, "paving"), (32, 36, "grass_pavers"), (36, 40, "lawn")]


def box(x0, y0, x1, y1):
    return f"POLYGON(({X0 + x0} {Y0 + y0},{X0 + x1} {Y0 + y0},{X0 + x1} {Y0 + y1},{X0 + x0} {Y0 + y1},{X0 + x0} {Y0 + y0}))"


def design_layer(extra: list[tuple[str, list]] = ()):
    rows = [(box(x0, 0, x1, 25), code) for x0, x1, code in STRIPS] + list(extra)
    return memory_layer(rows, "belag:string")


def trees_layer():
    return memory_layer([(f"POINT({X0 + x} {Y0 + 5})",) for x in (15, 20, 25)], "", "Point")


def edge_layer():
    return memory_layer([(f"LINESTRING({X0} {Y0},{X0 + 40} {Y0})",)], "", "LineString")


def existing_layer():
    # west half sealed (A 0), east half ruderal (A 5), as biotope types
    return memory_layer([(box(0, 0, 20, 25), "sealed"), (box(20, 0, 40, 25), "ruderal")], "biotoptyp:string")


def run(params, feedback=None):
    return run_algorithm("gi:designcheck", params, feedback)


def features(layer):
    names = layer.fields().names()
    return [dict(zip(names, f.attributes())) for f in layer.getFeatures()]


def test_processing_run_writes_figures_checks_bilanz_and_csv(qgis_processing, tmp_path):
    res, fb = run({"INPUT": design_layer(), "TREES": trees_layer(), "EDGE": edge_layer(), "EXISTING": existing_layer(),
                   "CHECKS": "TEMPORARY_OUTPUT", "BILANZ": "TEMPORARY_OUTPUT",
                   "CHECKS_CSV": str(tmp_path / "checks.csv"), "BILANZ_CSV": str(tmp_path / "bilanz.csv")})
    out = features(res["OUTPUT"])
    # per polygon: areas 300/500/100/100, C_m 0.2/0.7/0.2/0.1, the three trees in the paving strip
    assert [round(r["area_m2"], 6) for r in out] == [300, 500, 100, 100]
    assert [r["c_m"] for r in out] == pytest.approx([0.2, 0.7, 0.2, 0.1])
    assert [r["n_trees"] for r in out] == [0, 3, 0, 0]
    assert [r["surface"] for r in out] == ["green_ext", "paving", "grass_pavers", "lawn"]
    assert out[0]["belag"] == "green_ext"  # input fields kept
    # before/after per polygon: A sealed → 0 before; B 300 m² ruderal × 5 = 1,500 before
    assert [r["pts_before"] for r in out] == pytest.approx([0, 1500, 500, 500])
    checks = {r["key"]: r for r in features(res["CHECKS"])}
    assert checks["trees"]["status"] == "pass" and checks["trees"]["value"] == pytest.approx(7.5)
    assert checks["sealed"]["status"] == "fail" and checks["sealed"]["hz"] == "03"
    assert checks["overflow"]["target"] == pytest.approx(7.8663, abs=1e-3)  # Gl. 20 by hand in the core test
    assert checks["disconnected"]["status"] == "n/a" and checks["disconnected"]["note"]
    assert all(r["source"] for r in checks.values())
    assert res["V_RUECK"] == pytest.approx(7.8663, abs=1e-3)
    bilanz = features(res["BILANZ"])
    bestand = [r for r in bilanz if r["part"] == "Bestand"]
    assert {r["code"]: r["einzelwert"] for r in bestand} == pytest.approx({"ruderal": 2500.0, "sealed": 0.0})
    # the balance row: Bestand 2,500 − Planung (150 + 0 + 100 + 100 × 2 = 450) = 2,050 Kompensationsbedarf
    assert bilanz[-1]["einzelwert"] == pytest.approx(2050.0)
    assert res["BALANCE"] == pytest.approx(-2050.0)
    with open(tmp_path / "checks.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert {r["key"] for r in rows} == set(checks)
    with open(tmp_path / "bilanz.csv", encoding="utf-8") as fh:
        brows = list(csv.DictReader(fh))
    assert len(brows) == len(bilanz) and brows[0]["code"] in {"ruderal", "sealed"}


def pdf_text(path) -> str:
    exe = shutil.which("pdftotext")
    if exe is None:
        pytest.skip("pdftotext (poppler-utils) is not installed; tools/qgis_env.sh installs it")
    text = subprocess.run([exe, str(path), "-"], capture_output=True, text=True, check=True).stdout
    for lig, letters in (("\ufb00", "ff"), ("\ufb01", "fi"), ("\ufb02", "fl"), ("\ufb03", "ffi"), ("\ufb04", "ffl")):
        text = text.replace(lig, letters)  # the PDF's ligatures as letters
    return text


def test_pdf_report_contains_every_check_the_bilanz_and_the_sources(qgis_processing, tmp_path):
    from gi_qgis_plugin.scoring import design

    pdf = tmp_path / "report.pdf"
    res, _ = run({"INPUT": design_layer(), "TREES": trees_layer(), "EDGE": edge_layer(), "EXISTING": existing_layer(),
                  "REPORT": str(pdf)})
    assert res["REPORT"] == str(pdf) and pdf.stat().st_size > 5000
    text = " ".join(pdf_text(pdf).split())
    for info in design.CHECK_INFO.values():
        assert info.label in text, info.label
    for word in ("pass", "fail", "not checked", "Eingriffs-/Ausgleichsbilanz", "Sources of every value", "ruderal",
                 "DWA-A 138-1", "DIN 1986-100", "§ 44 LWG NRW", "Kompensationsbedarf"):
        assert word in text, word
    assert "7.87 m³" in text  # V_Rück of the small design


def test_qgis_process_runs_the_check_from_a_geopackage(qgis_processing, tmp_path):
    design = design_layer()
    design.setName("design")
    gpkg_source = save_gpkg(design, tmp_path / "design.gpkg")
    profile = tmp_path / "config"
    plugins = profile / "profiles" / "default" / "python" / "plugins"
    plugins.mkdir(parents=True)
    # the working tree's plugin with its metadata, as the build lays it out
    shutil.copytree(ROOT / "gi_qgis_plugin", plugins / "gi_qgis_plugin", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "metadata.txt", plugins / "gi_qgis_plugin" / "metadata.txt")
    env = dict(os.environ, QGIS_CUSTOM_CONFIG_PATH=str(profile), QT_QPA_PLATFORM="offscreen", PYTHONPATH="")
    enable = subprocess.run(["qgis_process", "plugins", "enable", "gi_qgis_plugin"], env=env, capture_output=True, text=True, timeout=300)
    assert enable.returncode == 0, enable.stderr + enable.stdout
    out = tmp_path / "checked.gpkg"
    pdf = tmp_path / "r.pdf"
    proc = subprocess.run(["qgis_process", "--json", "run", "gi:designcheck", "--", f"INPUT={gpkg_source}",
                           f"OUTPUT={out}", f"REPORT={pdf}", "PROVIDED=10"],
                          env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:] + proc.stdout[-2000:]
    answer = json.loads(proc.stdout[proc.stdout.find("{"):])
    assert answer["results"]["V_RUECK"] == pytest.approx(7.8663, abs=1e-3)
    # no tree layer and no edge: trees n/a; provided 10 m³ ≥ 7.87 m³: the overflow check passes
    assert answer["results"]["N_PASS"] >= 2 and pdf.exists()
    bad = subprocess.run(["qgis_process", "run", "gi:designcheck", "--", f"INPUT={gpkg_source}",
                          "SURFACE_FIELD=nope", f"OUTPUT={tmp_path / 'bad.gpkg'}"], env=env, capture_output=True, text=True, timeout=300)
    assert bad.returncode != 0 and "Traceback" not in bad.stdout + bad.stderr
    assert "nope" in bad.stdout + bad.stderr


# ----------------------------------------------------------------------------------------------
# Bad input
# ----------------------------------------------------------------------------------------------
def test_unknown_surface_types_are_named_counted_and_left_out(qgis_processing):
    extra = [(box(0, 30, 10, 40), "Goldbelag"), (box(20, 30, 30, 40), "Goldbelag"), (box(40, 30, 50, 40), "Marmor")]
    res, fb = run({"INPUT": design_layer(extra)})
    warn = " ".join(fb.warnings)
    assert "3 design polygons" in warn and "Goldbelag (2)" in warn and "Marmor (1)" in warn
    out = features(res["OUTPUT"])
    assert len(out) == 7  # every input polygon is written
    assert [r["known"] for r in out[4:]] == [0, 0, 0] and all("unknown_surface" in r["gi_flags"] for r in out[4:])
    assert sum(r["area_m2"] for r in out) == pytest.approx(1000)


def test_overlapping_polygons_are_warned_and_counted_once(qgis_processing):
    extra = [(box(30, 0, 40, 25), "asphalt")]  # lies over grass pavers (2 m) and lawn (4 m)… and 2 m of paving
    res, fb = run({"INPUT": design_layer(extra)})
    assert any("overlap earlier ones" in w for w in fb.warnings)
    out = features(res["OUTPUT"])
    # x 30–40 is already covered by the first four strips: the asphalt keeps nothing
    assert out[4]["area_m2"] == pytest.approx(0.0) and out[4]["overlap_m2"] == pytest.approx(250.0)
    assert "overlap" in out[4]["gi_flags"]
    assert sum(r["area_m2"] for r in out) == pytest.approx(1000)


def test_design_outside_the_existing_state_is_warned(qgis_processing):
    ex = memory_layer([(box(0, 0, 20, 25), "sealed")], "biotoptyp:string")
    res, fb = run({"INPUT": design_layer(), "EXISTING": ex})
    assert any("500 m² of the design lie outside the existing-state layer" in w for w in fb.warnings)
    out = features(res["OUTPUT"])
    assert [r["cover_m2"] for r in out] == pytest.approx([300, 200, 0, 0])
    assert "outside_existing" in out[3]["gi_flags"]


def test_missing_trees_are_said(qgis_processing):
    res, fb = run({"INPUT": design_layer(), "EDGE": edge_layer()})
    assert any("No tree layer given" in w for w in fb.warnings)
    assert res["N_FAIL"] >= 1  # 0 trees per 100 m fails the tree check


def test_geographic_crs_is_processed_in_metres(qgis_processing):
    # the same 1,000 m² square given in WGS84 degrees: areas still in m² (± a little projection)
    geo = copy_layer(design_layer(), "EPSG:4326")
    res, fb = run({"INPUT": geo})
    assert any("geographic CRS" in w for w in fb.warnings)
    assert sum(r["area_m2"] for r in features(res["OUTPUT"])) == pytest.approx(1000, rel=1e-3)


def test_empty_input_is_an_error_that_says_what_to_do(qgis_processing):
    empty = memory_layer([], "belag:string")
    with pytest.raises(QgsProcessingException, match="no features"):
        run({"INPUT": empty})


def test_a_layer_without_a_surface_field_is_an_error_that_names_the_fields(qgis_processing):
    layer = memory_layer([(box(0, 0, 10, 10), "lawn")], "foo:string")
    with pytest.raises(QgsProcessingException, match="foo"):
        run({"INPUT": layer})


def test_the_algorithm_is_registered_with_its_contract(qgis_processing):
    provider = ensure_provider()
    alg = provider.algorithm("designcheck")
    assert alg is not None and alg.group()
    names = [p.name() for p in alg.parameterDefinitions()]
    assert "INPUT" in names and "OUTPUT" in names and "REPORT" in names
    assert "DWA-A 138-1" in alg.shortHelpString()


def test_the_report_speaks_german_in_a_german_ui(qgis_processing, german, tmp_path):
    pdf = tmp_path / "bericht.pdf"
    run({"INPUT": design_layer(), "TREES": trees_layer(), "EDGE": edge_layer(), "EXISTING": existing_layer(), "REPORT": str(pdf)})
    text = " ".join(pdf_text(pdf).split())
    for word in ("Entwurfsprüfung", "Prüfung gegen die Orientierungswerte", "Gründachanteil der Dachfläche", "erfüllt",
                 "nicht erfüllt", "nicht geprüft", "Kompensationsbedarf", "Quellen aller Werte", "7,87 m³"):
        assert word in text, word


@pytest.mark.parametrize("at", [1.0, 70.0])  # while reading / after the design layer is written
def test_cancel_leaves_no_output_and_no_report(qgis_processing, tmp_path, at):
    out = tmp_path / "design.gpkg"
    pdf = tmp_path / "report.pdf"
    csv_path = tmp_path / "checks.csv"
    with pytest.raises(QgsProcessingException, match="Canceled"):
        run({"INPUT": design_layer(), "TREES": trees_layer(), "OUTPUT": str(out), "REPORT": str(pdf),
             "CHECKS_CSV": str(csv_path)}, feedback=CancelAt(at))
    assert not out.exists() and not pdf.exists() and not csv_path.exists()


def test_a_planned_biotope_field_replaces_the_mapped_type_and_unknown_types_are_named(qgis_processing):
    rows = [(box(x0, 0, x1, 25), code, None) for x0, x1, code in STRIPS]
    rows[3] = (box(36, 0, 40, 25), "lawn", "hedge")  # the lawn strip planted as a hedge
    rows[2] = (box(32, 0, 36, 25), "grass_pavers", "Goldhecke")
    layer = memory_layer(rows, "belag:string&field=biotoptyp:string")
    res, fb = run({"INPUT": layer, "EXISTING": existing_layer()})
    out = features(res["OUTPUT"])
    assert [r["biotope"] for r in out] == ["green_roof_ext", "sealed", "partly_sealed", "hedge"]
    assert any("Goldhecke (1)" in w for w in fb.warnings)
