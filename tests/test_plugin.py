"""The plugin loads through classFactory, registers its provider, and unloads without leftovers."""

from __future__ import annotations

import configparser
import os
import subprocess
import zipfile
from pathlib import Path

import pytest
from qgis.core import QgsApplication

ROOT = Path(__file__).resolve().parent.parent
EXPECTED_ALGS = {"gi:sampledistrict", "gi:importlod2", "gi:flatroofs", "gi:streets"}


def test_classfactory_registers_provider_and_unload_removes_everything(qgis_iface, qgis_processing, monkeypatch):
    from gi_qgis_plugin import classFactory

    registry = QgsApplication.processingRegistry()
    before = registry.providerById("gi")
    if before is not None:  # a session fixture may have registered it: start clean
        registry.removeProvider(before)

    on_toolbar = []  # QGIS's Plugins toolbar (the test iface only records the calls)
    monkeypatch.setattr(qgis_iface, "addToolBarIcon", on_toolbar.append)
    monkeypatch.setattr(qgis_iface, "removeToolBarIcon", on_toolbar.remove)
    plugin = classFactory(qgis_iface)
    plugin.initProcessing()
    plugin.initGui()
    provider = registry.providerById("gi")
    assert provider is not None
    ids = {a.id() for a in provider.algorithms()}
    assert EXPECTED_ALGS <= ids
    assert plugin.actions, "initGui adds at least one action"
    assert on_toolbar == [plugin.dock_action]  # one button on the Plugins toolbar, no own toolbar row

    plugin.unload()
    assert registry.providerById("gi") is None
    assert plugin.actions == []
    assert on_toolbar == []
    assert plugin.dock is None


def test_init_processing_without_gui(qgis_processing):
    """qgis_process starts plugins without iface: initProcessing alone must work."""
    from gi_qgis_plugin.plugin import GiPlugin

    registry = QgsApplication.processingRegistry()
    existing = registry.providerById("gi")
    if existing is not None:
        registry.removeProvider(existing)
    plugin = GiPlugin(None)
    plugin.initProcessing()
    assert registry.providerById("gi") is not None
    plugin.unload()
    assert registry.providerById("gi") is None


def test_algorithms_follow_the_contract(gi_provider):
    for alg in gi_provider.algorithms():
        assert alg.name() == alg.name().lower() and alg.name().isalnum(), alg.name()
        assert alg.displayName() and alg.group() and alg.shortHelpString(), alg.id()
        names = [p.name() for p in alg.parameterDefinitions()]
        assert all(n == n.upper() for n in names), (alg.id(), names)


def test_metadata_is_complete_for_the_plugin_repository():
    cp = configparser.ConfigParser(interpolation=None)
    cp.read(ROOT / "metadata.txt", encoding="utf-8")
    g = cp["general"]
    for key in ("name", "description", "about", "version", "author", "email", "homepage", "tracker",
                "repository", "category", "tags", "icon", "experimental", "changelog"):
        assert g.get(key, "").strip(), key
    assert g["qgisMinimumVersion"] == "3.40"
    assert g["qgisMaximumVersion"] == "4.99"
    assert g["hasProcessingProvider"] == "yes"
    # a Qt6 build of QGIS (QGIS 4) marks every plugin without this key incompatible
    assert g["supportsQt6"] == "yes"
    # the Plugin Manager shows description[de] / about[de] to German users instead of the English
    for key in ("description", "about"):
        german = g.get(f"{key}[de]", "")
        assert german.strip() and german != g[key], key
        assert " / " not in g[key] and "Verarbeitungsalgorithmen" not in g[key]  # English only
    assert (ROOT / "gi_qgis_plugin" / g["icon"]).exists()


@pytest.fixture(scope="module")
def plugin_zip(tmp_path_factory) -> Path:
    import sys

    out = tmp_path_factory.mktemp("dist")
    res = subprocess.run([sys.executable, str(ROOT / "tools" / "package.py"), str(out)],
                         capture_output=True, text=True, check=True)
    return Path(res.stdout.strip().splitlines()[-1])


def test_package_contains_plugin_metadata_translations_and_no_tests(plugin_zip):
    names = zipfile.ZipFile(plugin_zip).namelist()
    assert "gi_qgis_plugin/metadata.txt" in names
    assert "gi_qgis_plugin/__init__.py" in names
    assert "gi_qgis_plugin/resources/i18n/gi_qgis_plugin_de.qm" in names
    assert "gi_qgis_plugin/resources/icons/gi.svg" in names
    assert "gi_qgis_plugin/LICENSE" in names
    assert not any(n.startswith("tests/") or "__pycache__" in n for n in names)
    assert not any(n.endswith(".aux.xml") for n in names)


def test_package_leaves_out_gdal_statistics_files():
    """A local run writes heat.tif.aux.xml next to the sample; the zip must not carry it (the
    real-application test found it in the installed plugin folder)."""
    import sys

    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import package
    finally:
        sys.path.pop(0)
    sample = Path("gi_qgis_plugin/resources/sample")
    assert package.wanted(sample / "heat.tif")
    assert not package.wanted(sample / "heat.tif.aux.xml")
    assert not package.wanted(Path("gi_qgis_plugin/ui/__pycache__/dock.cpython-313.pyc"))


def test_packaged_zip_loads_in_a_fresh_profile_with_qgis_process(plugin_zip, tmp_path):
    """Unzip into a new profile, enable the plugin, and let qgis_process list provider gi."""
    profile = tmp_path / "config"
    plugins = profile / "profiles" / "default" / "python" / "plugins"
    plugins.mkdir(parents=True)
    zipfile.ZipFile(plugin_zip).extractall(plugins)
    env = dict(os.environ, QGIS_CUSTOM_CONFIG_PATH=str(profile), QT_QPA_PLATFORM="offscreen",
               PYTHONPATH="")
    exe = "qgis_process"
    enable = subprocess.run([exe, "plugins", "enable", "gi_qgis_plugin"], env=env,
                            capture_output=True, text=True, timeout=300)
    assert enable.returncode == 0, enable.stderr + enable.stdout
    listing = subprocess.run([exe, "list"], env=env, capture_output=True, text=True, timeout=300)
    assert listing.returncode == 0, listing.stderr
    for alg in EXPECTED_ALGS:
        assert alg in listing.stdout, f"{alg} missing from qgis_process list"
    # the algorithms came from the unzipped copy, not from the working tree
    help_out = subprocess.run([exe, "help", "gi:sampledistrict"], env=env, capture_output=True,
                              text=True, timeout=300)
    assert help_out.returncode == 0 and "BUILDINGS" in help_out.stdout

    # a scheduled job: score the shipped sample's roofs with qgis_process and read the JSON answer
    import json

    sample = plugins / "gi_qgis_plugin" / "resources" / "sample"
    gpkg = sample / "musterstadt.gpkg"
    out = tmp_path / "roofs.gpkg"
    run = subprocess.run([exe, "--json", "run", "gi:flatroofs", "--",
                          f"INPUT={gpkg}|layername=buildings", f"HEAT={sample / 'heat.tif'}",
                          f"PARKS={gpkg}|layername=parks", f"OUTPUT={out}"],
                         env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    answer = json.loads(run.stdout[run.stdout.find("{"):])
    from osgeo import ogr

    ds = ogr.Open(str(out))
    # one scored roof per building of the shipped sample (1,500, as tools/make_sample.py writes it)
    assert ds.GetLayer(0).GetFeatureCount() == 1500
    assert answer["results"]["N_SCORED"] + answer["results"]["N_EXCLUDED"] == 1500
    ds = None

    # a bad parameter ends with an error message, not a traceback
    bad = subprocess.run([exe, "run", "gi:flatroofs", "--", f"INPUT={gpkg}|layername=buildings",
                          "MIN_AREA=-5", f"OUTPUT={tmp_path / 'bad.gpkg'}"],
                         env=env, capture_output=True, text=True, timeout=300)
    assert bad.returncode != 0
    assert "Traceback" not in bad.stdout + bad.stderr
    assert "MIN_AREA" in bad.stdout + bad.stderr


def test_outdated_shapely_gives_a_message_instead_of_a_traceback(qgis_iface, qgis_processing, monkeypatch):
    import sys
    import types

    from gi_qgis_plugin.deps import dependency_problem
    from gi_qgis_plugin.plugin import GiPlugin

    assert dependency_problem() is None  # the real environment is fine
    old = types.ModuleType("shapely")
    old.__version__ = "1.8.5"
    monkeypatch.setitem(sys.modules, "shapely", old)
    problem = dependency_problem()
    assert problem is not None and "1.8.5" in problem and "shapely 2" in problem

    registry = QgsApplication.processingRegistry()
    existing = registry.providerById("gi")
    if existing is not None:
        registry.removeProvider(existing)
    shown = []
    monkeypatch.setattr(qgis_iface.messageBar(), "pushMessage", lambda *a, **k: shown.append(a), raising=False)
    plugin = GiPlugin(qgis_iface)
    plugin.initGui()
    assert registry.providerById("gi") is None, "no provider when a dependency is missing"
    assert plugin.problem == problem and plugin.actions == []
    assert shown and "1.8.5" in shown[0][1]
    plugin.unload()


def test_missing_shapely_is_named(monkeypatch):
    import sys

    from gi_qgis_plugin.deps import dependency_problem

    monkeypatch.setitem(sys.modules, "shapely", None)  # import of shapely raises ImportError
    problem = dependency_problem()
    assert problem is not None and "shapely" in problem and "missing" in problem
