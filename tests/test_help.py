"""The algorithm help is built from shared sections and the spec: defaults are never typed twice."""

from __future__ import annotations


def test_roof_help_formats_defaults_from_the_spec_and_constants(qgis_processing):
    from gi_qgis_plugin.processing.flat_roofs import FlatRoofsAlgorithm
    from gi_qgis_plugin.scoring import roofs

    text = FlatRoofsAlgorithm().shortHelpString()
    for c in roofs.SPEC.criteria:  # every criterion with its default weight, in spec order
        assert f"<b>{c.field}</b> ({c.default_weight:g})" in text
    positions = [text.index(f"<b>{c.field}</b>") for c in roofs.SPEC.criteria]
    assert positions == sorted(positions)
    assert f"({roofs.AREA_FULL_M2:g} m²" in text and f"{roofs.PRECIP_MM:g} mm/a" in text
    assert "A ≥ 75, B ≥ 50, C ≥ 25" in text  # the contract's class breaks
    assert "RUN_INFO" in text and "roof_shape" in text  # shared outputs section; real candidates


def test_german_help_uses_the_decimal_comma(qgis_processing):
    from gi_qgis_plugin.i18n import install_translator, remove_translator
    from gi_qgis_plugin.processing.flat_roofs import FlatRoofsAlgorithm

    assert install_translator("de")
    try:
        text = FlatRoofsAlgorithm().shortHelpString()
    finally:
        remove_translator()
    assert "Kriterien" in text and "0,25 m und tiefer" in text and "0,5 ha" in text
