"""Shared fixtures: the real data in ../shared/data, the provider, temporary outputs."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = ROOT.parent / "shared" / "data"
SHARED_SEEDS = ROOT.parent / "shared" / "seeds"


def shared_path(*parts: str, base: Path = SHARED_DATA) -> Path:
    """Path into ../shared/data (or ``base``); skips (or fails under GI_REQUIRE_SHARED_DATA=1)
    if absent."""
    path = base.joinpath(*parts)
    if not path.exists():
        reason = f"real test data not found at {path} (clone with ../shared beside the project)"
        if os.environ.get("GI_REQUIRE_SHARED_DATA") == "1":
            pytest.fail(reason + "; GI_REQUIRE_SHARED_DATA=1 requires it")
        pytest.skip(reason)
    return path


@pytest.fixture
def lod2_dir() -> Path:
    return shared_path("lod2_wesel")


@pytest.fixture
def moabit_dir() -> Path:
    return shared_path("moabit_osm")


@pytest.fixture(scope="session")
def strategy_seed_text() -> str:
    """The text of the strategy's Kurzfassung (../shared/seeds/002_*.txt): the reference the
    Handlungsziele catalogue is checked against."""
    return shared_path("002_4a180cabb97981ad.txt", base=SHARED_SEEDS).read_text(encoding="utf-8")


def recording_feedback_class():
    """The recording feedback of ``tests/helpers/feedback.py`` (imported lazily: QGIS must be
    importable first)."""
    from helpers.feedback import RecordingFeedback

    return RecordingFeedback


_PROVIDERS: list = []  # the registry does not keep the Python provider object alive


def ensure_provider():
    """The plugin's provider in the Processing registry, registered again if a test removed it."""
    from qgis.core import QgsApplication

    from gi_qgis_plugin.processing.provider import GiProvider

    registry = QgsApplication.processingRegistry()
    provider = registry.providerById("gi")
    if provider is None:
        provider = GiProvider()
        _PROVIDERS.append(provider)
        registry.addProvider(provider)
    return provider


def run_algorithm(alg_id: str, params: dict, feedback=None):
    """``processing.run`` of one of the plugin's algorithms, OUTPUT a temporary layer unless
    given; returns (results, feedback), the feedback a recording one unless given."""
    import processing

    ensure_provider()
    fb = feedback or recording_feedback_class()()
    return processing.run(alg_id, {"OUTPUT": "TEMPORARY_OUTPUT", **params}, feedback=fb), fb


@pytest.fixture
def gi_provider(qgis_processing):
    return ensure_provider()


@pytest.fixture(scope="session")
def sample_gpkg(tmp_path_factory, qgis_app) -> Path:
    """A small generated sample district (2,000 buildings), written once per test session."""
    from gi_qgis_plugin.sample.generator import generate

    out = tmp_path_factory.mktemp("sample")
    result = generate(out, n_buildings=2000, seed=42)
    return Path(result.gpkg)


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config):
    """Leave without tearing QGIS down: the results are printed by now, and destructors of Qt
    objects that Python still holds after QgsApplication.exitQgis() can crash the interpreter
    at exit, which would turn a green run into a failed one. Exit with pytest's own status."""
    import sys

    sys.stdout.flush()
    sys.stderr.flush()
    status = getattr(config, "_gi_exitstatus", None)
    if status is not None:
        os._exit(int(status))


def pytest_sessionfinish(session, exitstatus):
    session.config._gi_exitstatus = exitstatus


@pytest.fixture
def german(qgis_app):
    """The German catalogue installed for one test (compiled first if needed)."""
    import subprocess
    import sys

    from gi_qgis_plugin.i18n import install_translator, remove_translator

    if not install_translator("de"):
        subprocess.run([sys.executable, str(ROOT / "tools" / "i18n.py"), "compile"], check=True)
        assert install_translator("de"), "German catalogue could not be compiled"
    yield
    remove_translator()


# A real PostGIS for the database tests (tests/helpers/postgis.py): the session fixture `postgis`.
from helpers.postgis import postgis  # noqa: E402, F401
