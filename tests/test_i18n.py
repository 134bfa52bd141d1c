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


def _german_catalogue() -> dict[str, str]:
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import i18n as tool
    finally:
        sys.path.pop(0)
    return {src: de for src, (de, _unfinished) in tool.read_ts().items() if de}


# One word per concept (domain review §3): terms that must not appear in the German texts,
# with the planning term that replaces them.
AVOIDED_TERMS = {
    r"\bEbenen?\b|Ergebnisebene": "Layer (as in the German QGIS UI)",
    r"Mischwasserkanal|Mischwassergebiet": "Mischsystem / Gebiet mit Mischkanalisation",
    r"Wärmebelastung|Hitze-Raster|Hitze-Polygon|Hitzewert": "thermische Belastung (Hitzebelastung in reasons)",
    r"Wahl des Plugins": "Annahme des Plugins",
    r"geographisch": "geografisch",
    r"\bFlags?\b": "Kennzeichen",
    r"Punktzahl": "Bewertung",
    r"\bNimmt\b": "Zulässig",
}


@pytest.mark.parametrize("pattern", sorted(AVOIDED_TERMS))
def test_german_uses_one_planning_word_per_concept(pattern):
    import re

    found = [de[:80] for de in _german_catalogue().values() if re.search(pattern, de)]
    assert found == [], f"use {AVOIDED_TERMS[pattern]!r} instead: {found}"


# English concept -> the German term every translation of it must carry.
CONCEPTS = {
    r"combined[- ]sewer": r"Mischsystem|Mischkanalisation",
    r"water depth": r"Überflutungstiefe",
    r"heat load|thermal load": r"thermische|Hitzebelastung",
    r"\blayers?\b": r"Layer",
}


@pytest.mark.parametrize("concept", sorted(CONCEPTS))
def test_each_concept_has_its_german_term(concept):
    import re

    wrong = [
        (src[:60], de[:60])
        for src, de in _german_catalogue().items()
        if re.search(concept, src, re.IGNORECASE) and not re.search(CONCEPTS[concept], de, re.IGNORECASE)
    ]
    assert wrong == []
