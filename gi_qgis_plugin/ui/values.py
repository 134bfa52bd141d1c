"""Plain values of QGIS attributes and numbers for the dock: NULL handling and formatting."""

from __future__ import annotations

import math
from typing import Any

from ..i18n import language, tr


# ----------------------------------------------------------------------------------------------
# Values of one feature
# ----------------------------------------------------------------------------------------------
def plain(value: Any) -> Any:
    """A field value as plain Python: NULL (QVariant or None) becomes None."""
    if value is None:
        return None
    is_null = getattr(value, "isNull", None)
    if callable(is_null) and not isinstance(value, str):
        try:
            if is_null():
                return None
        except TypeError:
            pass
        convert = getattr(value, "value", None)
        if callable(convert):
            return convert()
    return value


def as_float(value: Any) -> float | None:
    value = plain(value)
    if value is None or value == "":
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number




def fmt_num(value: float, digits: int) -> str:
    """1234.5 -> "1,234.5" (English) or "1.234,5" (German)."""
    text = f"{value:,.{digits}f}"
    if language() == "de":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text




def format_area(m2: float, like: float | None = None) -> str:
    """Area in ha from 1 ha on, else in m²; ``like`` picks the unit by another value, so that
    two areas in one sentence share one unit ("0,40 ha von 6,26 ha")."""
    if (m2 if like is None else like) >= 10000:
        return tr("{ha} ha").format(ha=fmt_num(m2 / 10000.0, 2))
    return tr("{m2} m²").format(m2=fmt_num(m2, 0))


def fill_layer_combo(combo, layers, current: str | None) -> int:
    """Fill a combo with layers (name, id) without emitting signals; keep ``current`` (a layer id)
    when it is still there, else choose the first. Returns the index of ``current`` (-1 = gone)."""
    combo.blockSignals(True)
    combo.clear()
    for lyr in layers:
        combo.addItem(lyr.name(), lyr.id())
    index = combo.findData(current)
    combo.setCurrentIndex(index if index >= 0 else (0 if layers else -1))
    combo.blockSignals(False)
    return index
