"""German and English: the catalogue is complete and the provider speaks German under 'de'."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_german_catalogue_has_no_unfinished_or_missing_entries():
    res = subprocess.run([sys.executable, str(ROOT / "tools" / "i18n.py"), "check"], capture_output=True, text=True)
    assert res.returncode == 0, res.stdout


def test_every_tr_call_takes_a_literal():
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import i18n as tool
    finally:
        sys.path.pop(0)
    strings, problems = tool.extract()
    assert problems == []
    assert len(strings) > 50


@pytest.fixture
def german(qgis_app):
    from gi_qgis_plugin.i18n import install_translator, remove_translator

    assert install_translator("de"), "compiled German catalogue missing (tools/i18n.py compile)"
    yield
    remove_translator()


def test_provider_and_algorithms_show_german_names(gi_provider, german):
    from gi_qgis_plugin.i18n import language

    assert language() == "de"
    assert gi_provider.name() == "Grüne Infrastruktur"
    names = {a.id(): a.displayName() for a in gi_provider.algorithms()}
    assert names["gi:sampledistrict"] == "Beispielstadtteil erzeugen (Musterstadt)"
    groups = {a.group() for a in gi_provider.algorithms()}
    assert "Beispieldaten" in groups


def test_english_without_translator(gi_provider, qgis_app):
    from gi_qgis_plugin.i18n import language, remove_translator

    remove_translator()
    assert language() == "en"
    assert gi_provider.name() == "Green Infrastructure"
