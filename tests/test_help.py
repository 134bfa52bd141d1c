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
    assert f"{roofs.AREA_FULL_M2:g} m² → 1" in text and f"{roofs.PRECIP_MM:g} mm/a" in text
    assert f"MAX_SLOPE ({roofs.MAX_SLOPE_DEG:g}°" in text and f"NET_FACTOR ({roofs.NET_FACTOR:g}" in text
    a, b, c = roofs.SPEC.class_breaks  # the roofs' own class breaks, in both places
    assert f"A ≥ {a:g}, B ≥ {b:g}, C ≥ {c:g}" in text and f"A from {a:g}, B from {b:g}, C from {c:g}" in text
    # the annual retention shares come from surfaces.csv: plain roof 0.1, extensive ≥ 10 cm 0.5
    assert "plain roof 0.1;" in text and "from 10 cm 0.5" in text
    assert "RUN_INFO" in text and "roof_shape" in text  # shared outputs section; real candidates


def test_german_help_uses_the_decimal_comma(qgis_processing):
    from gi_qgis_plugin.i18n import install_translator, remove_translator
    from gi_qgis_plugin.processing.flat_roofs import FlatRoofsAlgorithm

    assert install_translator("de")
    try:
        text = FlatRoofsAlgorithm().shortHelpString()
    finally:
        remove_translator()
    assert "Kriterien" in text and "0,25 m → 1" in text and "0,5 ha" in text and "NET_FACTOR (0,75" in text
