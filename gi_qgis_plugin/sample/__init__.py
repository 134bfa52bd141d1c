"""The Musterstadt sample district: a deterministic synthetic Ruhr district (no qgis imports).

See :mod:`gi_qgis_plugin.sample.generator` for what it contains and why it is plausible.
"""

from .generator import LAYERS, GenerationCanceled, SampleResult, generate

__all__ = ["LAYERS", "GenerationCanceled", "SampleResult", "generate"]
