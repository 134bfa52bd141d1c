"""Shared fixtures: the real data in ../shared/data, the provider, temporary outputs."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = ROOT.parent / "shared" / "data"


def shared_path(*parts: str) -> Path:
    """Path into ../shared/data; skips (or fails under GI_REQUIRE_SHARED_DATA=1) if absent."""
    path = SHARED_DATA.joinpath(*parts)
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
