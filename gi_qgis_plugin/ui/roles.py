"""Layer roles: which project layer plays which part (heat, heavy rain, parks …).

A role is what an algorithm parameter or an inspector fact needs, independent of the layer's
name in a given city. The dock suggests roles from layer and field names, the user corrects
them, and the assignment is kept in the project file, so the next session and the algorithm
dialogs start from it.

Everything here is free of widgets: ``suggest_roles``, ``save_roles``/``load_roles`` and
``algorithm_params`` are called directly by the tests.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from qgis.core import Qgis, QgsMapLayer, QgsProject, QgsRasterLayer, QgsVectorLayer

from ..contract import RESULT_FIELDS  # noqa: F401 - part of this module's interface
from ..i18n import tr
from ..scoring.values import fold_case
from ..scoring.values import guess_field as values_guess_field
from ..styles import is_result_layer  # noqa: F401 - results never play a role

SCOPE = "gi_qgis_plugin"  # project-file scope of every entry the plugin writes
ENTRY = "roles/{role}"


RASTER, POLYGON, LINE, POINT = "raster", "polygon", "line", "point"


@dataclass(frozen=True)
class Role:
    """One role: the layer kinds it accepts and the words that suggest it.

    ``name_words`` are searched in the layer name, ``field_words`` in its field names (both
    lower-cased, umlauts folded, as substrings, since German compounds such as
    "Starkregengefahrenkarte" carry the word inside). ``exclude`` vetoes a match ("parkplatz"
    is no park, "street_trees" is no street layer).
    """

    key: str
    kinds: tuple[str, ...]
    name_words: tuple[str, ...]
    field_words: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()


# Order matters twice: it is the order in the dock, and when two roles match a layer equally,
# the earlier role wins. Input layers of the algorithms come first.
ROLES: tuple[Role, ...] = (
    Role("buildings", (POLYGON,), ("building", "gebaeude", "hausumring", "lod2", "dach", "roof"),
         exclude=("denkmal", "listed", "heritage")),
    Role("streets", (LINE, POLYGON), ("street", "strasse", "road", "verkehr"),
         exclude=("trees", "_tree", "tree_", " tree", "baum")),  # not "tree": s-tree-t
    Role("brownfields", (POLYGON,), ("brownfield", "brache", "konversion")),
    Role("heat", (RASTER, POLYGON), ("heat", "hitze", "waerme", "thermal"),
         ("heat", "hitze", "waerme", "thermal"), exclude=("klimatop",)),
    Role("klimatope", (POLYGON,), ("klimatop",), ("klimatop",)),
    Role("rain", (RASTER, POLYGON), ("starkregen", "heavy_rain", "heavyrain", "rain", "ueberflutung", "flood"),
         ("starkregen", "water_depth", "wassertiefe"), exclude=("terrain", "drain")),
    Role("biotopverbund", (POLYGON,), ("biotopverbund", "habitat_network"), ("biotopverbund",)),
    Role("gruenzuege", (POLYGON,), ("gruenzug", "gruenzuege", "greenbelt", "green_belt"), ("gruenzug",)),
    Role("protected", (POLYGON,), ("schutzgebiet", "naturschutz", "landschaftsschutz", "protected", "natura2000",
                                   "ffh")),
    Role("parks", (POLYGON,), ("park", "gruenanlage", "gruenflaeche", "green_space"),
         exclude=("parkplatz", "parking", "parkhaus", "sparkasse")),
    Role("raumtyp", (POLYGON,), ("raumtyp", "urban_type", "stadtraumtyp"), ("raumtyp",)),
    Role("districts", (POLYGON,), ("district", "stadtteil", "stadtbezirk", "quartier", "ortsteil")),
    Role("trees", (POINT, POLYGON), ("baum", "tree"), exclude=("baumarkt",)),
    Role("listed", (POLYGON, POINT), ("denkmal", "listed", "heritage", "baudenkmal")),
    Role("sewer", (POLYGON,), ("misch", "sewer"), exclude=("mischgebiet",)),
    Role("soils", (POLYGON, RASTER), ("boden", "soil"), exclude=("bodenrichtwert", "richtwert")),
    Role("precip", (RASTER,), ("niederschlag", "precip", "regenhoehe", "rainfall"), exclude=("starkregen",)),
    Role("settlement", (POLYGON,), ("siedlungsbereich", "asb", "gib", "regionalplan", "settlement"),
         exclude=("basb",)),
    Role("forest", (POLYGON,), ("wald", "forest", "woodland"), exclude=("waldklima", "klimatop")),
    Role("transit", (POINT,), ("haltestelle", "stop", "oepnv", "transit", "bus_stop")),
    Role("compensation", (POLYGON,), ("kompensation", "ausgleich", "oekokonto", "compensation")),
    Role("groundwater", (POLYGON, RASTER), ("grundwasser", "groundwater", "flurabstand")),
    Role("altlasten", (POLYGON,), ("altlast", "contaminat", "verdachtsflaech")),
)
ROLE_KEYS: tuple[str, ...] = tuple(r.key for r in ROLES)
ROLE_BY_KEY: dict[str, Role] = {r.key: r for r in ROLES}


def role_label(key: str) -> str:
    """The role's name in the UI language (a table, so each text is a tr() literal)."""
    labels = {
        "buildings": tr("Buildings / roofs"),
        "streets": tr("Streets"),
        "brownfields": tr("Brownfields"),
        "heat": tr("Thermal load"),
        "klimatope": tr("Klimatope"),
        "rain": tr("Heavy rain"),
        "biotopverbund": tr("Biotopverbund"),
        "gruenzuege": tr("Regionale Grünzüge"),
        "protected": tr("Protected areas"),
        "parks": tr("Parks / green space"),
        "raumtyp": tr("Raumtyp"),
        "districts": tr("Districts"),
        "trees": tr("Street trees"),
        "listed": tr("Listed buildings"),
        "sewer": tr("Combined-sewer areas"),
        "soils": tr("Soils"),
        "precip": tr("Annual precipitation"),
        "settlement": tr("Settlement areas (Regionalplan ASB/GIB)"),
        "forest": tr("Forest"),
        "transit": tr("Public transport stops"),
        "compensation": tr("Compensation sites"),
        "groundwater": tr("Depth to groundwater"),
        "altlasten": tr("Altlasten / suspected sites"),
    }
    return labels.get(key, key)


# ----------------------------------------------------------------------------------------------
# Suggesting roles
# ----------------------------------------------------------------------------------------------
def fold(text: str) -> str:
    """Lower case with umlauts written out, so "Wärme", "waerme" and "WAERME" compare equal."""
    return fold_case(text)


def layer_kind(layer: QgsMapLayer) -> str | None:
    """raster / polygon / line / point, or None for layers no role takes (tables, meshes …)."""
    if isinstance(layer, QgsRasterLayer):
        return RASTER
    if isinstance(layer, QgsVectorLayer):
        return {
            Qgis.GeometryType.Polygon: POLYGON,
            Qgis.GeometryType.Line: LINE,
            Qgis.GeometryType.Point: POINT,
        }.get(layer.geometryType())
    return None


def _variants(text: str) -> tuple[str, str]:
    """"Stadtbäume" as "stadtbaeume" and "stadtbaume": plurals with umlauts ("Bäume",
    "Denkmäler", "Parkplätze") then still contain the singular's letters ("baum", "denkmal")."""
    return fold_case(text), fold_case(text, bare=True)


def _matches(text: str, role: Role, words: Sequence[str]) -> bool:
    variants = _variants(text)
    if any(x in v for v in variants for x in role.exclude):
        return False
    return any(w in v for v in variants for w in words)


def _field_names(layer: QgsMapLayer) -> list[str]:
    return layer.fields().names() if isinstance(layer, QgsVectorLayer) else []


def suggest_roles(layers: Iterable[QgsMapLayer], only: Iterable[str] | None = None) -> dict[str, QgsMapLayer]:
    """Guess a layer for each role from layer names, then from field names.

    A name match beats a field match (a layer called "klimatope" is the Klimatope layer even if
    another layer has a field "klimatop"). Each layer plays at most one role by name; the role
    order of ``ROLES`` decides between roles, the layer order between layers. Only roles whose
    layer kind fits are considered, and result layers are never suggested. ``only`` limits the
    roles (e.g. to those still empty). Roles without a match are absent from the result.
    """
    wanted = [r for r in ROLES if only is None or r.key in set(only)]
    candidates = [(lyr, layer_kind(lyr)) for lyr in layers if lyr is not None and not is_result_layer(lyr)]
    candidates = [(lyr, kind) for lyr, kind in candidates if kind is not None]
    out: dict[str, QgsMapLayer] = {}
    claimed: set[str] = set()
    # 1. layer names: for each layer the first role whose words appear in its name
    for lyr, kind in candidates:
        for role in ROLES:
            if kind in role.kinds and _matches(lyr.name(), role, role.name_words):
                claimed.add(lyr.id())
                if role in wanted and role.key not in out:
                    out[role.key] = lyr
                break
    # 2. field names, for roles still empty, among layers not claimed by their name
    for role in wanted:
        if role.key in out or not role.field_words:
            continue
        for lyr, kind in candidates:
            if lyr.id() in claimed or kind not in role.kinds:
                continue
            if any(_matches(name, role, role.field_words) for name in _field_names(lyr)):
                out[role.key] = lyr
                claimed.add(lyr.id())
                break
    return {r.key: out[r.key] for r in ROLES if r.key in out}


def guess_field(layer: QgsMapLayer | None, words: Sequence[str], numeric: bool | None = None) -> str | None:
    """The first field whose folded name contains one of ``words`` (``scoring.values.guess_field``)."""
    if not isinstance(layer, QgsVectorLayer):
        return None
    fields = layer.fields()
    allowed = None if numeric is None else [f.isNumeric() == numeric for f in fields]
    return values_guess_field(fields.names(), words, allowed)


HEAT_FIELD_WORDS = ("heat_class", "hitze", "heat", "waerme", "thermal", "belastung", "klasse", "class")


# ----------------------------------------------------------------------------------------------
# Keeping roles in the project file
# ----------------------------------------------------------------------------------------------
def save_roles(project: QgsProject, roles: Mapping[str, str | QgsMapLayer | None]) -> None:
    """Write every role (layer id, or "" for none) into the project under scope gi_qgis_plugin.

    All roles are written, empty ones too: an empty entry records that the user cleared the
    role, so loading the project does not suggest a layer for it again.
    """
    for key in ROLE_KEYS:
        value = roles.get(key)
        layer_id = value.id() if isinstance(value, QgsMapLayer) else (value or "")
        project.writeEntry(SCOPE, ENTRY.format(role=key), layer_id)


def load_roles(project: QgsProject) -> dict[str, str] | None:
    """Role -> layer id as stored in the project, or None if it stores no role with a layer.

    Ids of layers that are no longer in the project are dropped; stored empty roles come back
    as "" so the caller can tell "cleared" from "never set".
    """
    found = False
    out: dict[str, str] = {}
    for key in ROLE_KEYS:
        value, ok = project.readEntry(SCOPE, ENTRY.format(role=key), "")
        if not ok:
            continue
        found = True
        out[key] = value if value and project.mapLayer(value) is not None else ""
    # entries that name no layer of this project (all roles cleared, or left over from another
    # project in the same session) are as good as none: let the caller suggest afresh
    return out if found and any(out.values()) else None


def resolve(roles: Mapping[str, str], project: QgsProject) -> dict[str, QgsMapLayer]:
    """Role -> layer for the ids that exist in ``project``."""
    out = {}
    for key, layer_id in roles.items():
        layer = project.mapLayer(layer_id) if layer_id else None
        if layer is not None:
            out[key] = layer
    return out


# ----------------------------------------------------------------------------------------------
# Filling the algorithm dialogs
# ----------------------------------------------------------------------------------------------
# Which role fills which parameter is declared on the parameter itself, where the algorithm
# defines it: ``param.setMetadata({"gi": {"role": "parks"}})`` (processing/scoring_base.py:
# set_role); a field parameter may declare ``{"gi": {"candidates": [...]}}``, the names the
# algorithm itself looks for. The dock reads the registered algorithms' parameters, so a new
# algorithm brings its roles along and nothing here names it.
@dataclass(frozen=True)
class ParamInfo:
    """What the dock needs of one algorithm parameter (copied: no wrapped C++ object kept)."""

    name: str
    type: str  # "raster", "source", "field" …
    gi: Mapping  # the parameter's "gi" metadata: role, candidates
    parent: str = ""  # field parameters: the layer parameter they belong to


def _gi(definition) -> dict:
    """The "gi" metadata of a parameter definition (a copy)."""
    meta = definition.metadata() or {}
    gi = meta.get("gi") if isinstance(meta, Mapping) else None
    return dict(gi) if isinstance(gi, Mapping) else {}


def _definitions(alg_id: str) -> list[ParamInfo]:
    """The parameters of ``alg_id``: registered, else built from the plugin's provider."""
    from qgis.core import QgsApplication

    alg = QgsApplication.processingRegistry().algorithmById(alg_id)
    if alg is None:
        from ..processing.provider import algorithm_classes

        name = alg_id.split(":", 1)[-1]
        for cls in algorithm_classes():
            if cls.ALG_ID == name:
                alg = cls()
                alg.initAlgorithm()
                break
    if alg is None:
        return []
    return [ParamInfo(d.name(), d.type(), _gi(d), d.parentLayerParameterName() if d.type() == "field" else "")
            for d in alg.parameterDefinitions()]


def parameter_roles(alg_id: str) -> dict[str, str]:
    """Parameter name -> role, as the algorithm's parameters declare them."""
    return {d.name: d.gi["role"] for d in _definitions(alg_id) if d.gi.get("role")}


def input_role(alg_id: str) -> str | None:
    """The role that provides the main input ``INPUT`` of ``alg_id``."""
    return parameter_roles(alg_id).get("INPUT")


def dock_algorithms() -> list[str]:
    """The registered ``gi`` algorithms whose main input comes from a role, in toolbox order."""
    from qgis.core import QgsApplication

    provider = QgsApplication.processingRegistry().providerById("gi")
    if provider is None:
        return []
    out = []
    for alg in provider.algorithms():
        inp = alg.parameterDefinition("INPUT")
        if inp is not None and _gi(inp).get("role"):
            out.append(alg.id())
    return out


def _fits(definition: ParamInfo, layer: QgsMapLayer) -> bool:
    """A raster layer for a raster parameter, a vector layer for a feature source."""
    if definition.type == "raster":
        return isinstance(layer, QgsRasterLayer)
    return isinstance(layer, QgsVectorLayer)


def algorithm_params(
    alg_id: str,
    roles: Mapping[str, QgsMapLayer | None],
    param_names: Iterable[str] | None = None,
) -> dict[str, str]:
    """Parameter values (layer ids, field names) for ``alg_id`` from the role layers.

    Each parameter that declares a role gets that role's layer when the layer kind fits (thermal
    load as a raster goes to ``HEAT``, as polygons to ``HEAT_POLYGONS``); a field parameter with
    declared candidates gets the first candidate field of its parent layer (the same rule the
    algorithm applies, ``scoring.values.detect_field``). The main input's role fills only
    ``INPUT``. ``param_names`` limits the result to these parameters. Opens no dialog.
    """
    from ..scoring.values import detect_field

    params: dict[str, str] = {}
    definitions = _definitions(alg_id)
    main_role = next((d.gi.get("role") for d in definitions if d.name == "INPUT"), None)
    chosen: dict[str, QgsMapLayer] = {}
    for d in definitions:
        role = d.gi.get("role")
        if not role or (role == main_role and d.name != "INPUT"):
            continue
        lyr = roles.get(role)
        if isinstance(lyr, QgsMapLayer) and lyr.isValid() and _fits(d, lyr):
            params[d.name] = lyr.id()
            chosen[d.name] = lyr
    for d in definitions:
        candidates = d.gi.get("candidates")
        parent = chosen.get(d.parent)
        if candidates and isinstance(parent, QgsVectorLayer):
            found = detect_field(parent.fields().names(), list(candidates))
            if found:
                params[d.name] = found
    if param_names is not None:
        keep = set(param_names)
        params = {k: v for k, v in params.items() if k in keep}
    return params


def registered_parameter_names(alg_id: str) -> list[str] | None:
    """Parameter names of a registered algorithm, or None if it is not registered."""
    from qgis.core import QgsApplication

    alg = QgsApplication.processingRegistry().algorithmById(alg_id)
    if alg is None:
        return None
    return [p.name() for p in alg.parameterDefinitions()]


def open_algorithm_dialog(alg_id: str, roles: Mapping[str, QgsMapLayer | None]):
    """Open the Processing dialog of ``alg_id`` with inputs filled from the roles.

    Non-modal, like the dialog from the Processing toolbox: the map and the dock stay usable
    while it is open. Returns the dialog (the caller keeps a reference to it), or None when the
    algorithm is not registered (the button then says so).
    """
    names = registered_parameter_names(alg_id)
    if names is None:
        return None
    import processing  # QGIS's Processing plugin; only present inside the QGIS application

    dialog = processing.createAlgorithmDialog(alg_id, algorithm_params(alg_id, roles, names))
    if dialog is not None:
        dialog.show()
    return dialog
