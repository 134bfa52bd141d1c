"""Words for the machine codes a result carries (``gi_flags``), for the inspector."""

from __future__ import annotations

from ..i18n import tr, translate_marked


def flag_label(code: str) -> str:
    """One flag code in words; a spec's ``flag_labels`` first, else this table, else the code."""
    try:
        from ..scoring.spec import all_specs

        for spec in all_specs():
            marked = (getattr(spec, "flag_labels", None) or {}).get(code)
            if marked:
                return translate_marked(marked)
    except Exception:  # noqa: BLE001 - a broken scoring module must not break the inspector
        pass
    labels = {
        "geom_empty": tr("no usable geometry"),
        "listed": tr("listed building"),
        "green_exists": tr("already green"),
        "slope_gt_45": tr("steeper than 45°"),
        "slope_gt_max": tr("steeper than the maximum slope"),
        "precip_default": tr("default annual precipitation used"),
        "area_lt_min": tr("greenable area below the minimum"),
        "no_criteria": tr("no criterion could be evaluated"),
        "slope_unknown": tr("slope unknown"),
        "slope_from_type": tr("slope taken from the roof type"),
        "area_from_footprint": tr("area taken from the footprint"),
        "heat_nodata": tr("no heat value"),
        "rain_nodata": tr("no heavy-rain data nearby"),
        "pv_solar_green": tr("PV: solar green roof"),
    }
    return labels.get(code, code)


def flag_words(flags: str) -> str:
    """``"area_lt_min,heat_nodata"`` -> ``"Begrünbare Fläche unter dem Minimum; kein Hitzewert"``."""
    codes = [c.strip() for c in (flags or "").split(",") if c.strip()]
    return "; ".join(flag_label(c) for c in codes)
