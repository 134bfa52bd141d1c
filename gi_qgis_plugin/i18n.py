"""Translation for every user-visible string of the plugin.

All strings go through :func:`tr` with one translation context, ``gi``, so that one German
catalogue (``resources/i18n/gi_qgis_plugin_de.ts``, compiled to ``.qm`` by the build) covers
the algorithms, the dock and the messages alike. ``tools/i18n.py`` extracts the ``tr("...")``
literals from the sources and checks that the catalogue is complete.
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator

CONTEXT = "gi"
I18N_DIR = Path(__file__).resolve().parent / "resources" / "i18n"

_translator: QTranslator | None = None


def tr(text: str) -> str:
    """Translate ``text`` (English source) into the UI language."""
    return QCoreApplication.translate(CONTEXT, text)


def translate_marked(text: str) -> str:
    """Translate a text declared with ``scoring.spec.N_`` (a criterion label, a reason fragment).

    The literal sits in ``scoring/`` (no Qt there) and is extracted into the catalogue by
    ``tools/i18n.py``; this is the one place that looks such a text up at run time.
    """
    return QCoreApplication.translate(CONTEXT, text) if text else text


def ui_locale() -> str:
    """Two-letter language of the QGIS UI (``de``, ``en`` …), as QGIS itself decides it."""
    settings = QgsSettings()
    if settings.value("locale/overrideFlag", False, type=bool):
        name = settings.value("locale/userLocale", "", type=str) or ""
    else:
        name = QLocale.system().name()
    return (name or "en")[:2].lower()


def install_translator(locale: str | None = None) -> bool:
    """Load the catalogue for ``locale`` (default: the UI language) into the application.

    Returns True if a catalogue was installed. Calling it again replaces the previous one, so
    tests can switch languages.
    """
    global _translator
    remove_translator()
    lang = (locale or ui_locale())[:2].lower()
    qm = I18N_DIR / f"gi_qgis_plugin_{lang}.qm"
    if not qm.exists():
        return False
    translator = QTranslator()
    if not translator.load(str(qm)):
        return False
    QCoreApplication.installTranslator(translator)
    _translator = translator
    return True


def remove_translator() -> None:
    global _translator
    if _translator is not None:
        QCoreApplication.removeTranslator(_translator)
        _translator = None


def language() -> str:
    """``de`` when the German catalogue is active, else ``en``: picks texts from the catalog."""
    return "de" if _translator is not None and tr("en") == "de" else "en"
