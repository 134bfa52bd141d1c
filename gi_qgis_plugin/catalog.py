"""The 27 Handlungsziele of the Strategie Grüne Infrastruktur Metropole Ruhr, as typed data.

The strategy's goals live in ``resources/handlungsziele.json`` so that planners can read and
correct them without touching code; this module loads that file once, checks it thoroughly and
hands out frozen objects. It is pure Python (no Qt, no qgis) because algorithms, the dock, the
scoring core and plain tests all need the same catalogue, and a broken entry should fail loudly
at load time with a message naming the entry - not as an empty label in the dock months later.

Texts come in German and English (``lang="de"`` / ``"en"``) rather than through ``tr()``: they
are data, not UI strings, and keeping both languages side by side in one file lets the validator
guarantee that neither is missing.

Targets carry a ``comparator``:

``ge``  at least ``value`` (e.g. 50 % of flat roofs green)
``le``  at most ``value``
``lt``  below ``value`` (e.g. less than 45 % of stretches in poor structural condition)
``eq``  exactly ``value``
``by``  a deadline: something exists by the calendar year ``value`` (``unit`` is ``"year"``)

A target may carry a ``note_de``/``note_en`` (an open definition or the plugin's reading of the
text, e.g. the denominator of HZ 15) and ``progress: false`` when the plugin must not compute
progress against it until the reading is checked. A Handlungsziel may carry ``notes_de``/
``notes_en``: the strategy's footnotes (quoted) and the plugin's remarks on its summary.

``related_targets`` (optional, top level) holds quantified targets from *outside* the strategy
that planners expect next to certain Handlungsziele (the Zukunftsinitiative Klima.Werk's 2040
targets next to HZ 02 and 24). Each names its programme and source, and the catalogue keeps
them apart from the strategy's own targets so that no report mixes the two.

The output field ``gi_hz`` lists Handlungsziel numbers as two digits, comma separated
(``"02,24"``); :func:`parse_hz_list` and :func:`format_hz_list` read and write that format.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

DEFAULT_PATH = Path(__file__).resolve().parent / "resources" / "handlungsziele.json"

LANGS = ("de", "en")
LEITTHEMA_IDS = ("I", "II", "III", "IV", "V")
HZ_NUMBERS = tuple(f"{i:02d}" for i in range(1, 28))
COMPARATORS = ("ge", "le", "lt", "eq", "by")

_TOP_REQUIRED = {"source", "leitthemen_note", "leitthemen", "handlungsziele"}
_TOP_OPTIONAL = {"agreements_note", "related_targets_note", "related_targets"}
_LT_KEYS = {"id", "title_de", "title_en", "motto_de", "motto_en"}
_HZ_KEYS = {
    "number",
    "title_de",
    "title_en",
    "leitthemen",
    "agreements_de",
    "agreements_en",
    "targets",
    "keywords",
}
_HZ_OPTIONAL = {"notes_de", "notes_en"}
_TARGET_KEYS = {
    "id",
    "indicator_de",
    "indicator_en",
    "value",
    "unit",
    "baseline",
    "year",
    "scope_de",
    "scope_en",
    "comparator",
}
_TARGET_OPTIONAL = {"note_de", "note_en", "progress"}
_RELATED_KEYS = _TARGET_KEYS | {"programme_de", "programme_en", "hz", "source"}

# Words for describe(); kept here rather than in the .ts catalogue because the catalogue's texts
# are bilingual data chosen by ``lang``, not by the QGIS UI locale.
_COMPARATOR_WORDS = {
    "de": {"ge": "mindestens ", "le": "höchstens ", "lt": "unter ", "eq": "", "by": "bis "},
    "en": {"ge": "at least ", "le": "at most ", "lt": "below ", "eq": "", "by": "by "},
}
_UNIT_WORDS = {
    "years": {"de": ("Jahr", "Jahre"), "en": ("year", "years")},
    "pp": {"de": ("Prozentpunkt", "Prozentpunkte"), "en": ("percentage point", "percentage points")},
}
_BY_YEAR = {"de": " bis {year}", "en": " by {year}"}
_BASELINE = {"de": " (Ausgangswert {baseline})", "en": " (baseline {baseline})"}


class CatalogError(ValueError):
    """The Handlungsziele file is unreadable or inconsistent, or a number is unknown.

    A ValueError so that callers that already handle bad values (e.g. a Processing algorithm
    turning them into a QgsProcessingException) need no special case.
    """


def _check_lang(lang: str) -> str:
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {', '.join(LANGS)}, not {lang!r}")
    return lang


def _format_number(value: float, lang: str) -> str:
    """25.0 -> '25'; 2.5 -> '2,5' in German, '2.5' in English."""
    text = str(int(value)) if float(value).is_integer() else f"{value:g}"
    return text.replace(".", ",") if lang == "de" else text


def _format_quantity(value: float, unit: str, lang: str) -> str:
    number = _format_number(value, lang)
    if unit == "%":
        # German typography puts a space before %, English usage does not.
        return f"{number} %" if lang == "de" else f"{number}%"
    if unit in _UNIT_WORDS:
        singular, plural = _UNIT_WORDS[unit][lang]
        return f"{number} {singular if value == 1 else plural}"
    return f"{number} {unit}"


@dataclass(frozen=True)
class Leitthema:
    """One of the five Leitthemen of the Charta Grüne Infrastruktur (2022)."""

    id: str
    title_de: str
    title_en: str
    motto_de: str
    motto_en: str

    def title(self, lang: str = "de") -> str:
        return self.title_de if _check_lang(lang) == "de" else self.title_en

    def motto(self, lang: str = "de") -> str:
        return self.motto_de if _check_lang(lang) == "de" else self.motto_en


@dataclass(frozen=True)
class Target:
    """A quantified target of the strategy, structured so progress can be computed against it.

    ``value`` is what the strategy aims for, ``baseline`` the starting value it names (or None),
    ``year`` the deadline (or None when the strategy gives none).
    """

    id: str
    indicator_de: str
    indicator_en: str
    value: float
    unit: str
    baseline: float | None
    year: int | None
    scope_de: str
    scope_en: str
    comparator: str
    note_de: str = ""
    note_en: str = ""
    progress: bool = True  # False: the plugin's reading is unchecked, compute no progress

    def note(self, lang: str = "de") -> str:
        """An open definition or the plugin's reading of the target ("" when there is none)."""
        return self.note_de if _check_lang(lang) == "de" else self.note_en

    def is_overdue(self, current_year: int) -> bool:
        """A deadline target (``by``) whose year has passed: show "deadline passed, status
        unknown" rather than "open", since the plugin cannot know whether it was met."""
        return self.comparator == "by" and current_year > int(self.value)

    def indicator(self, lang: str = "de") -> str:
        return self.indicator_de if _check_lang(lang) == "de" else self.indicator_en

    def scope(self, lang: str = "de") -> str:
        return self.scope_de if _check_lang(lang) == "de" else self.scope_en

    def describe(self, lang: str = "de") -> str:
        """A readable sentence for reports and the dock, e.g.

        ``Anteil begrünter Flachdächer in den Innenstädten: mindestens 50 % bis 2030`` or
        ``Forest share in the Metropole Ruhr: at least 25% by 2030 (baseline 23%)``.
        """
        _check_lang(lang)
        head = f"{self.indicator(lang)} {self.scope(lang)}"
        word = _COMPARATOR_WORDS[lang][self.comparator]
        if self.comparator == "by":
            return f"{head}: {word}{_format_number(self.value, lang)}"
        text = f"{head}: {word}{_format_quantity(self.value, self.unit, lang)}"
        if self.year is not None:
            text += _BY_YEAR[lang].format(year=self.year)
        if self.baseline is not None:
            text += _BASELINE[lang].format(baseline=_format_quantity(self.baseline, self.unit, lang))
        return text

    def is_met(self, observed: float) -> bool:
        """Whether an observed value satisfies the target (deadline targets: observed <= year)."""
        if self.comparator == "ge":
            return observed >= self.value
        if self.comparator == "le" or self.comparator == "by":
            return observed <= self.value
        if self.comparator == "lt":
            return observed < self.value
        return observed == self.value


@dataclass(frozen=True)
class RelatedTarget(Target):
    """A target from outside the strategy, shown next to the Handlungsziele in ``hz``."""

    programme_de: str = ""
    programme_en: str = ""
    hz: tuple[str, ...] = ()
    source: str = ""

    def programme(self, lang: str = "de") -> str:
        return self.programme_de if _check_lang(lang) == "de" else self.programme_en

    def describe(self, lang: str = "de") -> str:
        """``Zukunftsinitiative Klima.Werk: Anteil … mindestens 25 % bis 2040``: always names
        the programme, so the sentence cannot be mistaken for one of the strategy's targets."""
        return f"{self.programme(lang)}: {super().describe(lang)}"


@dataclass(frozen=True)
class Handlungsziel:
    """One of the 27 Handlungsziele (numbered "01".."27")."""

    number: str
    title_de: str
    title_en: str
    leitthemen: tuple[str, ...]
    agreements_de: tuple[str, ...]
    agreements_en: tuple[str, ...]
    targets: tuple[Target, ...]
    keywords: tuple[str, ...]
    notes_de: tuple[str, ...] = ()
    notes_en: tuple[str, ...] = ()

    def notes(self, lang: str = "de") -> tuple[str, ...]:
        """The strategy's footnotes (quoted) and the plugin's remarks on its summary."""
        return self.notes_de if _check_lang(lang) == "de" else self.notes_en

    def title(self, lang: str = "de") -> str:
        return self.title_de if _check_lang(lang) == "de" else self.title_en

    def agreements(self, lang: str = "de") -> tuple[str, ...]:
        """The strategy's agreements (VEREINBARUNGEN), summarised in the plugin's own words."""
        return self.agreements_de if _check_lang(lang) == "de" else self.agreements_en

    def label(self, lang: str = "de") -> str:
        """Short form for lists and tooltips: ``HZ 02 Dach- und Fassadenbegrünung fördern``."""
        return f"HZ {self.number} {self.title(lang)}"

    def target(self, target_id: str) -> Target:
        """The target with this id, so code can refer to it without relying on list order."""
        for target in self.targets:
            if target.id == target_id:
                return target
        raise CatalogError(f"Handlungsziel {self.number} has no target {target_id!r}")


def normalise_number(key: int | str) -> str:
    """2, "2", " 02 " -> "02". Raises CatalogError for anything outside 1..27.

    Lenient on input because numbers arrive from users, field values and old results alike.
    """
    if isinstance(key, bool):
        raise CatalogError(f"not a Handlungsziel number: {key!r}")
    if isinstance(key, int):
        number = key
    elif isinstance(key, str) and key.strip().isdigit():
        number = int(key.strip())
    else:
        raise CatalogError(f"not a Handlungsziel number: {key!r} (expected 1-27, e.g. '02')")
    if not 1 <= number <= 27:
        raise CatalogError(f"unknown Handlungsziel {key!r}: the strategy has numbers 01 to 27")
    return f"{number:02d}"


@dataclass(frozen=True)
class Catalog:
    """All Handlungsziele and Leitthemen, with typed look-ups."""

    source: str
    leitthemen_note: str
    agreements_note: str
    leitthemen: tuple[Leitthema, ...]
    handlungsziele: tuple[Handlungsziel, ...]
    related_targets: tuple[RelatedTarget, ...] = ()
    related_targets_note: str = ""

    def related_to(self, key: int | str) -> list[RelatedTarget]:
        """External targets shown next to this Handlungsziel (e.g. Klima.Werk next to HZ 02)."""
        number = normalise_number(key)
        return [t for t in self.related_targets if number in t.hz]

    def __iter__(self) -> Iterator[Handlungsziel]:
        return iter(self.handlungsziele)

    def __len__(self) -> int:
        return len(self.handlungsziele)

    def get(self, key: int | str) -> Handlungsziel:
        """The Handlungsziel by number: ``"02"``, ``"2"`` or ``2``."""
        number = normalise_number(key)
        return self.handlungsziele[int(number) - 1]  # validated: sorted, 01..27 exactly once

    def leitthema(self, leitthema_id: str) -> Leitthema:
        for leitthema in self.leitthemen:
            if leitthema.id == leitthema_id:
                return leitthema
        raise CatalogError(f"unknown Leitthema {leitthema_id!r}: expected one of {', '.join(LEITTHEMA_IDS)}")

    def by_leitthema(self, leitthema_id: str) -> list[Handlungsziel]:
        """Handlungsziele assigned to a Leitthema (the plugin's own assignment, by content)."""
        self.leitthema(leitthema_id)  # raise on an unknown id instead of returning []
        return [hz for hz in self.handlungsziele if leitthema_id in hz.leitthemen]

    def with_targets(self) -> list[Handlungsziel]:
        """Handlungsziele the strategy quantifies (for progress reports)."""
        return [hz for hz in self.handlungsziele if hz.targets]

    def search(self, text: str, lang: str = "de") -> list[Handlungsziel]:
        """Handlungsziele whose title, agreements or keywords contain ``text``.

        Case-insensitive via casefold, so ``strasse`` also finds ``Straße``. Title hits come
        first, then keyword hits, then agreement hits, each in number order - the dock shows the
        most obvious matches on top. An empty query returns all 27, so a cleared search box
        shows everything.
        """
        _check_lang(lang)
        query = text.strip().casefold()
        if not query:
            return list(self.handlungsziele)
        ranked: list[tuple[int, str, Handlungsziel]] = []
        for hz in self.handlungsziele:
            if query in hz.title(lang).casefold():
                rank = 0
            elif any(query in keyword.casefold() for keyword in hz.keywords):
                rank = 1
            elif any(query in sentence.casefold() for sentence in hz.agreements(lang)):
                rank = 2
            else:
                continue
            ranked.append((rank, hz.number, hz))
        ranked.sort(key=lambda item: (item[0], item[1]))
        return [hz for _, _, hz in ranked]

    def parse_hz_list(self, text: str | None) -> list[Handlungsziel]:
        """See :func:`parse_hz_list`."""
        if text is None:
            return []
        if not isinstance(text, str):
            raise CatalogError(f"gi_hz must be text like '02,24', not {text!r}")
        result: list[Handlungsziel] = []
        for token in text.split(","):
            if not token.strip():
                continue
            hz = self.get(token)
            if hz not in result:
                result.append(hz)
        return result


def parse_hz_list(text: str | None, catalog: Catalog | None = None) -> list[Handlungsziel]:
    """Read a ``gi_hz`` value (``"02,24"``) into Handlungsziele, in the order given.

    Tolerates spaces, single digits, repeats and empty items (``" 2, 24,"``), because the field
    may have been edited by hand; an unknown number raises CatalogError, because silently
    dropping it would hide a wrong attribution. None (a NULL field) gives an empty list.
    """
    return (catalog or load_catalog()).parse_hz_list(text)


def format_hz_list(items: Iterable[int | str | Handlungsziel]) -> str:
    """Write the ``gi_hz`` format: two digits, sorted, no repeats, comma separated."""
    numbers = {item.number if isinstance(item, Handlungsziel) else normalise_number(item) for item in items}
    return ",".join(sorted(numbers))


# --- loading and validation -------------------------------------------------------------------


def _text(entry: Mapping[str, Any], key: str, where: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise CatalogError(f"{where}: {key} is missing or empty")
    return value.strip()


def _texts(entry: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = entry.get(key)
    if not isinstance(value, list) or not value:
        raise CatalogError(f"{where}: {key} must be a non-empty list of texts")
    for i, item in enumerate(value, start=1):
        if not isinstance(item, str) or not item.strip():
            raise CatalogError(f"{where}: {key} item {i} is empty or not text")
    return tuple(item.strip() for item in value)


def _number(value: Any, key: str, where: str, allow_null: bool) -> float | None:
    if value is None and allow_null:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise CatalogError(
            f"{where}: {key} must be a number{' or null' if allow_null else ''}, not {value!r}"
        )
    return value


def _check_keys(entry: Any, required: set[str], optional: set[str], where: str) -> None:
    if not isinstance(entry, dict):
        raise CatalogError(f"{where}: expected an object, found {type(entry).__name__}")
    missing = sorted(required - entry.keys())
    if missing:
        raise CatalogError(f"{where}: missing field(s) {', '.join(missing)}")
    unknown = sorted(entry.keys() - required - optional)
    if unknown:
        # Strict on purpose: a misspelt key would otherwise be ignored and its data lost.
        raise CatalogError(f"{where}: unknown field(s) {', '.join(unknown)}")


def _parse_leitthema(entry: Any, index: int) -> Leitthema:
    where = f"Leitthema {index}"
    _check_keys(entry, _LT_KEYS, set(), where)
    lt_id = entry["id"]
    if lt_id not in LEITTHEMA_IDS:
        raise CatalogError(f"{where}: id {lt_id!r} is not one of {', '.join(LEITTHEMA_IDS)}")
    where = f"Leitthema {lt_id}"
    return Leitthema(
        id=lt_id,
        title_de=_text(entry, "title_de", where),
        title_en=_text(entry, "title_en", where),
        motto_de=_text(entry, "motto_de", where),
        motto_en=_text(entry, "motto_en", where),
    )


def _optional_text(entry: Mapping[str, Any], key: str, where: str) -> str:
    value = entry.get(key, "")
    if not isinstance(value, str):
        raise CatalogError(f"{where}: {key} must be text")
    return value.strip()


def _target_fields(entry: Any, where: str) -> dict[str, Any]:
    """The fields shared by the strategy's targets and related (external) targets, checked."""
    target_id = _text(entry, "id", where)
    where = f"{where} ({target_id})"
    comparator = entry["comparator"]
    if comparator not in COMPARATORS:
        raise CatalogError(f"{where}: comparator {comparator!r} is not one of {', '.join(COMPARATORS)}")
    value = _number(entry["value"], "value", where, allow_null=False)
    unit = _text(entry, "unit", where)
    baseline = _number(entry["baseline"], "baseline", where, allow_null=True)
    year = entry["year"]
    if year is not None and (isinstance(year, bool) or not isinstance(year, int) or not 1900 <= year <= 2100):
        raise CatalogError(f"{where}: year must be a calendar year (integer) or null, not {year!r}")
    if comparator == "by" and (unit != "year" or not float(value).is_integer()):
        raise CatalogError(f"{where}: comparator 'by' is a deadline: unit must be 'year' and value a year")
    progress = entry.get("progress", True)
    if not isinstance(progress, bool):
        raise CatalogError(f"{where}: progress must be true or false, not {progress!r}")
    note_de = _optional_text(entry, "note_de", where)
    note_en = _optional_text(entry, "note_en", where)
    if bool(note_de) != bool(note_en):
        raise CatalogError(f"{where}: note_de and note_en must both be given or both be left out")
    return {
        "id": target_id,
        "indicator_de": _text(entry, "indicator_de", where),
        "indicator_en": _text(entry, "indicator_en", where),
        "value": value,
        "unit": unit,
        "baseline": baseline,
        "year": year,
        "scope_de": _text(entry, "scope_de", where),
        "scope_en": _text(entry, "scope_en", where),
        "comparator": comparator,
        "note_de": note_de,
        "note_en": note_en,
        "progress": progress,
    }


def _parse_related_target(entry: Any, index: int) -> RelatedTarget:
    where = f"related target {index}"
    _check_keys(entry, _RELATED_KEYS, _TARGET_OPTIONAL, where)
    fields = _target_fields(entry, where)
    where = f"{where} ({fields['id']})"
    hz = entry["hz"]
    if not isinstance(hz, list) or not hz or any(n not in HZ_NUMBERS for n in hz):
        raise CatalogError(f"{where}: hz must list the Handlungsziel numbers it is shown with ('02', '24')")
    return RelatedTarget(
        **fields,
        programme_de=_text(entry, "programme_de", where),
        programme_en=_text(entry, "programme_en", where),
        hz=tuple(hz),
        source=_text(entry, "source", where),
    )


def _parse_target(entry: Any, hz_where: str, index: int) -> Target:
    where = f"{hz_where}, target {index}"
    _check_keys(entry, _TARGET_KEYS, _TARGET_OPTIONAL, where)
    return Target(**_target_fields(entry, where))


def _parse_handlungsziel(entry: Any, index: int) -> Handlungsziel:
    where = f"Handlungsziel entry {index}"
    if not isinstance(entry, dict):
        raise CatalogError(f"{where}: expected an object, found {type(entry).__name__}")
    number = entry.get("number")
    if not isinstance(number, str) or number not in HZ_NUMBERS:
        raise CatalogError(f"{where}: number {number!r} must be a two-digit string '01'..'27'")
    where = f"Handlungsziel {number}"
    _check_keys(entry, _HZ_KEYS, _HZ_OPTIONAL, where)

    agreements_de = _texts(entry, "agreements_de", where)
    agreements_en = _texts(entry, "agreements_en", where)
    if len(agreements_de) != len(agreements_en):
        raise CatalogError(
            f"{where}: agreements_de has {len(agreements_de)} items but agreements_en has "
            f"{len(agreements_en)}; each agreement needs both languages"
        )

    leitthemen = entry["leitthemen"]
    if not isinstance(leitthemen, list) or not leitthemen:
        raise CatalogError(f"{where}: leitthemen must be a non-empty list of ids I..V")
    for lt_id in leitthemen:
        if lt_id not in LEITTHEMA_IDS:
            raise CatalogError(f"{where}: leitthemen has {lt_id!r}, not one of {', '.join(LEITTHEMA_IDS)}")
    if len(set(leitthemen)) != len(leitthemen):
        raise CatalogError(f"{where}: leitthemen lists an id twice")

    keywords = _texts(entry, "keywords", where)
    for keyword in keywords:
        if keyword != keyword.lower():
            raise CatalogError(f"{where}: keyword {keyword!r} must be lower case")

    raw_targets = entry["targets"]
    if not isinstance(raw_targets, list):
        raise CatalogError(f"{where}: targets must be a list (empty when the strategy has no numbers)")
    targets = tuple(_parse_target(t, where, i) for i, t in enumerate(raw_targets, start=1))
    ids = [t.id for t in targets]
    if len(set(ids)) != len(ids):
        raise CatalogError(f"{where}: target ids must be unique, found {', '.join(ids)}")

    notes_de = _texts(entry, "notes_de", where) if "notes_de" in entry else ()
    notes_en = _texts(entry, "notes_en", where) if "notes_en" in entry else ()
    if len(notes_de) != len(notes_en):
        raise CatalogError(
            f"{where}: notes_de has {len(notes_de)} items but notes_en has {len(notes_en)}; "
            "each note needs both languages"
        )

    return Handlungsziel(
        number=number,
        title_de=_text(entry, "title_de", where),
        title_en=_text(entry, "title_en", where),
        leitthemen=tuple(leitthemen),
        agreements_de=agreements_de,
        agreements_en=agreements_en,
        targets=targets,
        keywords=keywords,
        notes_de=notes_de,
        notes_en=notes_en,
    )


def parse_catalog(data: Any) -> Catalog:
    """Validate already-decoded JSON and build the Catalog; raises CatalogError on any problem."""
    _check_keys(data, _TOP_REQUIRED, _TOP_OPTIONAL, "top level")

    raw_lts = data["leitthemen"]
    if not isinstance(raw_lts, list):
        raise CatalogError("top level: leitthemen must be a list")
    leitthemen = tuple(_parse_leitthema(e, i) for i, e in enumerate(raw_lts, start=1))
    lt_ids = [lt.id for lt in leitthemen]
    if sorted(lt_ids, key=LEITTHEMA_IDS.index) != list(LEITTHEMA_IDS):
        raise CatalogError(
            f"leitthemen: expected each of {', '.join(LEITTHEMA_IDS)} exactly once, found {', '.join(lt_ids) or 'none'}"
        )

    raw_hzs = data["handlungsziele"]
    if not isinstance(raw_hzs, list):
        raise CatalogError("top level: handlungsziele must be a list")
    by_number: dict[str, Handlungsziel] = {}
    for i, entry in enumerate(raw_hzs, start=1):
        hz = _parse_handlungsziel(entry, i)
        if hz.number in by_number:
            raise CatalogError(f"Handlungsziel {hz.number}: duplicate number (entry {i})")
        by_number[hz.number] = hz
    missing = [n for n in HZ_NUMBERS if n not in by_number]
    if missing:
        raise CatalogError(
            f"handlungsziele: missing number(s) {', '.join(missing)}; the strategy has 27 (01-27)"
        )

    raw_related = data.get("related_targets", [])
    if not isinstance(raw_related, list):
        raise CatalogError("top level: related_targets must be a list")
    related = tuple(_parse_related_target(e, i) for i, e in enumerate(raw_related, start=1))
    related_note = (data.get("related_targets_note") or "").strip()
    if related and not related_note:
        raise CatalogError("top level: related_targets_note must say that these targets are external")
    all_ids = [t.id for hz in by_number.values() for t in hz.targets] + [t.id for t in related]
    if len(set(all_ids)) != len(all_ids):
        raise CatalogError("related_targets: an id repeats a target id of the strategy")

    return Catalog(
        source=_text(data, "source", "top level"),
        leitthemen_note=_text(data, "leitthemen_note", "top level"),
        agreements_note=(data.get("agreements_note") or "").strip(),
        leitthemen=tuple(sorted(leitthemen, key=lambda lt: LEITTHEMA_IDS.index(lt.id))),
        handlungsziele=tuple(by_number[n] for n in HZ_NUMBERS),
        related_targets=related,
        related_targets_note=related_note,
    )


def _read(path: Path) -> Catalog:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise CatalogError(f"{path}: cannot read the Handlungsziele file ({exc.strerror or exc})") from exc
    except json.JSONDecodeError as exc:
        raise CatalogError(
            f"{path}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from exc
    try:
        return parse_catalog(data)
    except CatalogError as exc:
        raise CatalogError(f"{path.name}: {exc}") from None


@lru_cache(maxsize=1)
def _default_catalog() -> Catalog:
    return _read(DEFAULT_PATH)


def load_catalog(path: str | Path | None = None) -> Catalog:
    """Load and validate the Handlungsziele file.

    The plugin's own file (``path=None``) is read once and cached, since every algorithm and the
    dock ask for it and it never changes while QGIS runs. An explicit path is read fresh each
    time, so tests and users checking an edited copy see their edits.
    """
    if path is None:
        return _default_catalog()
    return _read(Path(path))
