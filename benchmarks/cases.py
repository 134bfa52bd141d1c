"""The benchmark cases: one entry per algorithm of ours, with the native chain that answers the
same question and the dataset layer both read.

A case is plain data plus builders, so a new algorithm joins the table with a few lines:

    register(Case(
        algorithm="gi:streets",
        layer="streets",
        ours={"default": lambda d, names: {"INPUT": d.layer("streets"), "HEAT": d.heat_tif, "OUTPUT": OUT}},
        native_chain=lambda d: [Step("heat", "native:zonalstatisticsfb", {...}), ...],
    ))

``ours`` maps a variant label to a builder; each variant becomes one row of the table (the
native chain and the I/O floor are measured once per case and size and shared by its rows). A
builder gets the dataset and the parameter names the algorithm declares at run time (read from
its ``parameterDefinitions()`` in the child process) and returns the parameters, or None when
the algorithm lacks what the variant needs (the row then says so).
``native_chain`` returns the steps a user would chain in Model Builder. Inside params, ``OUT``
marks a step's output (the runner puts a GeoPackage there, or a memory layer for intermediate
steps with ``--intermediate memory``) and ``Ref("step")`` the output of an earlier step.

This module imports nothing from QGIS; the runner evaluates the builders inside the child.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

OUT = "@OUT"  # placeholder: this step's output


@dataclass(frozen=True)
class Ref:
    """Placeholder: the OUTPUT of an earlier step of the same chain."""

    step: str


@dataclass(frozen=True)
class Step:
    name: str
    alg: str
    params: dict


@dataclass(frozen=True)
class Dataset:
    """One generated sample district (paths as strings, so they pass through JSON)."""

    n: int
    seed: int
    gpkg: str
    heat_tif: str
    rain_tif: str
    pg: str = ""  # libpq connection of the bench's throw-away PostGIS ("" = none)
    pg_buildings: str = ""  # the buildings table in it (a copy of the GeoPackage layer)

    def layer(self, name: str) -> str:
        return f"{self.gpkg}|layername={name}"

    def pg_source(self, table: str) -> str:
        return f"postgres://{self.pg} key='fid' table=\"public\".\"{table}\" (geom)"

    def pg_destination(self, table: str) -> str:
        return f"postgis:{self.pg} table=\"public\".\"{table}\" (geom)"

    @classmethod
    def from_json(cls, data: dict) -> Dataset:
        return cls(**{k: data[k] for k in ("n", "seed", "gpkg", "heat_tif", "rain_tif")},
                   pg=data.get("pg", ""), pg_buildings=data.get("pg_buildings", ""))

    def to_json(self) -> dict:
        return {"n": self.n, "seed": self.seed, "gpkg": self.gpkg, "heat_tif": self.heat_tif, "rain_tif": self.rain_tif,
                "pg": self.pg, "pg_buildings": self.pg_buildings}

    @property
    def folder(self) -> Path:
        return Path(self.gpkg).parent


@dataclass(frozen=True)
class Case:
    algorithm: str  # our algorithm id; the table's "algorithm" column
    layer: str  # the dataset layer both sides read; the I/O floor copies it
    ours: dict[str, Callable[[Dataset, set[str]], dict | None]]  # variant label -> params builder
    native_chain: Callable[[Dataset], list[Step]]
    description: str = ""
    notes: list[str] = field(default_factory=list)
    max_n: int | None = None  # the largest size the case runs at (None: every size)
    variant_max_n: dict[str, int] = field(default_factory=dict)  # the same per variant of ours

    def runs_at(self, n: int, label: str | None = None) -> bool:
        """Whether the case (or its variant ``label``) runs at size ``n``."""
        if self.max_n is not None and n > self.max_n:
            return False
        return label is None or n <= self.variant_max_n.get(label, n)

    def io_floor(self, d: Dataset) -> list[Step]:
        """Reading the same layer and writing it to a GeoPackage: the cost of I/O alone."""
        return [Step("save", "native:savefeatures", {"INPUT": d.layer(self.layer), "OUTPUT": OUT})]


CASES: dict[str, Case] = {}


def register(case: Case) -> Case:
    CASES[case.algorithm] = case
    return case


# ----------------------------------------------------------------------------------------------
# gi:flatroofs
# ----------------------------------------------------------------------------------------------
PARK_MAX_DISTANCE = 500.0  # metres; the chain's nearest-park search radius (our default is the algorithm's)


def _flatroofs_common(d: Dataset, names: set[str]) -> dict | None:
    if not {"INPUT", "OUTPUT"} <= names:
        return None
    p = {"INPUT": d.layer("buildings"), "OUTPUT": OUT}
    if "RAIN" in names:
        p["RAIN"] = d.rain_tif
    if "PARKS" in names:
        p["PARKS"] = d.layer("parks")
    return p


def flatroofs_heat_raster(d: Dataset, names: set[str]) -> dict | None:
    """Heat from the raster (zonal mean), heavy-rain raster, parks."""
    p = _flatroofs_common(d, names)
    if p is None or "HEAT" not in names:
        return None
    return {**p, "HEAT": d.heat_tif}


def flatroofs_klimatope(d: Dataset, names: set[str]) -> dict | None:
    """Heat from the Klimatope polygons (heat_class), heavy-rain raster, parks.

    gi:flatroofs takes one heat source: given both, it uses the raster and ignores the polygons
    (with a warning), so the Klimatope are a variant of their own."""
    p = _flatroofs_common(d, names)
    if p is None or "HEAT_POLYGONS" not in names:
        return None
    p["HEAT_POLYGONS"] = d.layer("klimatope")
    if "HEAT_FIELD" in names:
        p["HEAT_FIELD"] = "heat_class"
    return p


def flatroofs_heat_raster_no_stability(d: Dataset, names: set[str]) -> dict | None:
    """As "heat raster", with the rank stability switched off (STAB_DRAWS 0): the difference
    between the two rows is the cost of gi_stab and the rank band (200 weight variants)."""
    p = flatroofs_heat_raster(d, names)
    if p is None or "STAB_DRAWS" not in names:
        return None
    return {**p, "STAB_DRAWS": 0}


def flatroofs_postgis(d: Dataset, names: set[str]) -> dict | None:
    """The "heat raster" variant with the buildings read from PostGIS and the result written
    there (a table replaced all or nothing): the same work, the database as source and target."""
    p = flatroofs_heat_raster(d, names)
    if p is None or not d.pg or not d.pg_buildings:
        return None
    return {**p, "INPUT": d.pg_source(d.pg_buildings), "OUTPUT": d.pg_destination("gi_flatroofs_bench")}


def flatroofs_native(d: Dataset) -> list[Step]:
    """The Model Builder chain for the same question: zonal means of both rasters, the Klimatop
    heat class by location, the distance to the nearest park, then a weighted score."""
    score = (
        "CASE WHEN coalesce(\"slope_deg\", 0) <= 10 AND coalesce(\"listed\", 0) = 0 THEN 100 * ("
        " 0.30 * coalesce((\"heat_mean\" - minimum(\"heat_mean\"))"
        " / nullif(maximum(\"heat_mean\") - minimum(\"heat_mean\"), 0), 0)"
        " + 0.30 * coalesce((\"rain_mean\" - minimum(\"rain_mean\"))"
        " / nullif(maximum(\"rain_mean\") - minimum(\"rain_mean\"), 0), 0)"
        " + 0.20 * coalesce((\"k_heat_class\" - 1) / 4.0, 0)"
        f" + 0.20 * coalesce(1 - \"distance\" / {PARK_MAX_DISTANCE}, 0)"
        ") ELSE NULL END"
    )
    return [
        Step("heat", "native:zonalstatisticsfb", {
            "INPUT": d.layer("buildings"), "INPUT_RASTER": d.heat_tif, "RASTER_BAND": 1,
            "COLUMN_PREFIX": "heat_", "STATISTICS": [2], "OUTPUT": OUT,  # 2 = mean
        }),
        Step("rain", "native:zonalstatisticsfb", {
            "INPUT": Ref("heat"), "INPUT_RASTER": d.rain_tif, "RASTER_BAND": 1,
            "COLUMN_PREFIX": "rain_", "STATISTICS": [2], "OUTPUT": OUT,
        }),
        Step("klimatope", "native:joinattributesbylocation", {
            "INPUT": Ref("rain"), "JOIN": d.layer("klimatope"), "PREDICATE": [0],  # intersects
            "JOIN_FIELDS": ["heat_class"], "METHOD": 1,  # one-to-one (first match)
            "DISCARD_NONMATCHING": False, "PREFIX": "k_", "OUTPUT": OUT,
        }),
        Step("parks", "native:joinbynearest", {
            "INPUT": Ref("klimatope"), "INPUT_2": d.layer("parks"), "FIELDS_TO_COPY": ["name"],
            "DISCARD_NONMATCHING": False, "PREFIX": "park_", "NEIGHBORS": 1,
            "MAX_DISTANCE": PARK_MAX_DISTANCE, "OUTPUT": OUT,
        }),
        Step("score", "native:fieldcalculator", {
            "INPUT": Ref("parks"), "FIELD_NAME": "score", "FIELD_TYPE": 0,  # double
            "FIELD_LENGTH": 0, "FIELD_PRECISION": 0, "FORMULA": score, "OUTPUT": OUT,
        }),
    ]


register(Case(
    algorithm="gi:flatroofs",
    layer="buildings",
    ours={"heat raster": flatroofs_heat_raster, "heat raster, no stability": flatroofs_heat_raster_no_stability,
          "Klimatope": flatroofs_klimatope, "heat raster, PostGIS": flatroofs_postgis},
    # at a million roofs the heat-raster row (and its cost of the rank stability) is measured;
    # the Klimatope and PostGIS rows at 10 k and 100 k show how those variants compare
    variant_max_n={"Klimatope": 100_000, "heat raster, PostGIS": 100_000},
    native_chain=flatroofs_native,
    description="flat roofs scored with heat (raster + Klimatope), heavy rain and park distance",
))


# ----------------------------------------------------------------------------------------------
# gi:streets
# ----------------------------------------------------------------------------------------------
STREET_MAX_M = 100.0  # section length, both sides
STREET_ZONE_M = 5.0  # the chain's buffer: half a typical residential street space


def streets_default(d: Dataset, names: set[str]) -> dict | None:
    """Sections of ≤ 100 m with street trees, heat and heavy-rain rasters and Mischsystem areas."""
    if not {"INPUT", "OUTPUT", "TREES"} <= names:
        return None
    p = {"INPUT": d.layer("streets"), "TREES": d.layer("street_trees"), "OUTPUT": OUT}
    for name, value in (("HEAT", d.heat_tif), ("RAIN", d.rain_tif), ("SEWER", d.layer("sewer_combined"))):
        if name in names:
            p[name] = value
    return p


def streets_native(d: Dataset) -> list[Step]:
    """The Model Builder chain for the same question: split the lines by length, buffer them,
    count the trees in each buffer, the Mischsystem by location, zonal means of both rasters,
    then a weighted score in the field calculator."""
    score = (
        "100 * ("
        " 0.4 * coalesce((\"heat_mean\" - minimum(\"heat_mean\"))"
        " / nullif(maximum(\"heat_mean\") - minimum(\"heat_mean\"), 0), 0)"
        " + 0.2 * coalesce(\"rain_mean\" / 0.25, 0)"
        " + 0.2 * (\"m_name\" IS NOT NULL)"
        f" + 0.2 * max(0, 1 - \"trees\" / (10 * $area / {2 * STREET_ZONE_M} / 100)))"
    )
    return [
        Step("split", "native:splitlinesbylength", {"INPUT": d.layer("streets"), "LENGTH": STREET_MAX_M, "OUTPUT": OUT}),
        Step("zone", "native:buffer", {
            "INPUT": Ref("split"), "DISTANCE": STREET_ZONE_M, "SEGMENTS": 5, "END_CAP_STYLE": 1,  # flat
            "JOIN_STYLE": 0, "MITER_LIMIT": 2, "DISSOLVE": False, "OUTPUT": OUT,
        }),
        Step("trees", "native:countpointsinpolygon", {
            "POLYGONS": Ref("zone"), "POINTS": d.layer("street_trees"), "FIELD": "trees", "OUTPUT": OUT,
        }),
        Step("sewer", "native:joinattributesbylocation", {
            "INPUT": Ref("trees"), "JOIN": d.layer("sewer_combined"), "PREDICATE": [0], "JOIN_FIELDS": ["name"],
            "METHOD": 1, "DISCARD_NONMATCHING": False, "PREFIX": "m_", "OUTPUT": OUT,
        }),
        Step("heat", "native:zonalstatisticsfb", {
            "INPUT": Ref("sewer"), "INPUT_RASTER": d.heat_tif, "RASTER_BAND": 1,
            "COLUMN_PREFIX": "heat_", "STATISTICS": [2], "OUTPUT": OUT,
        }),
        Step("rain", "native:zonalstatisticsfb", {
            "INPUT": Ref("heat"), "INPUT_RASTER": d.rain_tif, "RASTER_BAND": 1,
            "COLUMN_PREFIX": "rain_", "STATISTICS": [2], "OUTPUT": OUT,
        }),
        Step("score", "native:fieldcalculator", {
            "INPUT": Ref("rain"), "FIELD_NAME": "score", "FIELD_TYPE": 0, "FIELD_LENGTH": 0,
            "FIELD_PRECISION": 0, "FORMULA": score, "OUTPUT": OUT,
        }),
    ]


register(Case(
    algorithm="gi:streets",
    layer="streets",
    ours={"default": streets_default},
    native_chain=streets_native,
    description="street sections ≤ 100 m with trees, heat, heavy rain and Mischsystem",
    notes=["Sizes are building counts of the sample district; the section counts are in the output "
           "feature counts (about 0.3 sections per building)."],
))


# ----------------------------------------------------------------------------------------------
# gi:brownfields (n = brownfields: the district of the size, tiled; benchmarks/tiles.py)
# ----------------------------------------------------------------------------------------------
def brownfield_layer(d: Dataset, name: str) -> str:
    from tiles import tiled

    return f"{tiled(d.gpkg, d.n)}|layername={name}"


def brownfields_ours(d: Dataset, names: set[str]) -> dict | None:
    """Settlement areas (Raumtyp Innenstadt/Zwischenstadt), Biotopverbund, Grünzüge and parks;
    the biotope type, sealing and Altlasten fields are found by name."""
    if not {"INPUT", "SETTLEMENT", "BIOTOPVERBUND", "GRUENZUEGE", "PARKS"} <= names:
        return None
    return {
        "INPUT": brownfield_layer(d, "brownfields"), "SETTLEMENT": brownfield_layer(d, "raumtyp"),
        "SETTLEMENT_FIELD": "raumtyp", "SETTLEMENT_VALUES": "Innenstadt,Zwischenstadt",
        "BIOTOPVERBUND": brownfield_layer(d, "biotopverbund"), "GRUENZUEGE": brownfield_layer(d, "gruenzuege"),
        "PARKS": brownfield_layer(d, "parks"), "OUTPUT": OUT,
    }


def brownfields_native(d: Dataset) -> list[Step]:
    """The Model Builder chain: three joins by location (Biotopverbund stage, Grünzug, Raumtyp),
    the distance to the nearest park, and one field calculator with the biotope value of the
    type and a triage rule (a simpler rule than ours: no sub-scores, groups or legal flags)."""
    bw = ("(CASE WHEN \"biotope\" = 'versiegelt' THEN 0 WHEN \"biotope\" = 'Schotter' THEN 1"
          " WHEN \"biotope\" = 'Pioniervegetation' THEN 4 ELSE 5 END)")
    category = (
        f"CASE WHEN \"bv_stufe\" = 'I' OR {bw} >= 6 OR (\"bv_stufe\" = 'II' AND {bw} >= 4) THEN 'schutz'"
        f" WHEN \"rt_raumtyp\" IN ('Innenstadt', 'Zwischenstadt') AND {bw} <= 3 THEN 'recycling'"
        f" WHEN coalesce(\"rt_raumtyp\", 'Landschaft') = 'Landschaft' AND 6 - {bw} >= 2 THEN 'kompensationspool'"
        " ELSE 'pruefen' END"
    )
    return [
        Step("verbund", "native:joinattributesbylocation", {
            "INPUT": brownfield_layer(d, "brownfields"), "JOIN": brownfield_layer(d, "biotopverbund"), "PREDICATE": [0],
            "JOIN_FIELDS": ["stufe"], "METHOD": 1, "DISCARD_NONMATCHING": False, "PREFIX": "bv_", "OUTPUT": OUT,
        }),
        Step("gruenzug", "native:joinattributesbylocation", {
            "INPUT": Ref("verbund"), "JOIN": brownfield_layer(d, "gruenzuege"), "PREDICATE": [0],
            "JOIN_FIELDS": ["name"], "METHOD": 1, "DISCARD_NONMATCHING": False, "PREFIX": "gz_", "OUTPUT": OUT,
        }),
        Step("raumtyp", "native:joinattributesbylocation", {
            "INPUT": Ref("gruenzug"), "JOIN": brownfield_layer(d, "raumtyp"), "PREDICATE": [0],
            "JOIN_FIELDS": ["raumtyp"], "METHOD": 1, "DISCARD_NONMATCHING": False, "PREFIX": "rt_", "OUTPUT": OUT,
        }),  # first match, the cheap choice (largest overlap, METHOD 2, took 131 of 264 s at 100 k)
        Step("parks", "native:joinbynearest", {
            "INPUT": Ref("raumtyp"), "INPUT_2": brownfield_layer(d, "parks"), "FIELDS_TO_COPY": ["name"],
            "DISCARD_NONMATCHING": False, "PREFIX": "park_", "NEIGHBORS": 1, "MAX_DISTANCE": 300.0, "OUTPUT": OUT,
        }),
        Step("triage", "native:fieldcalculator", {
            "INPUT": Ref("parks"), "FIELD_NAME": "category", "FIELD_TYPE": 2,  # text
            "FIELD_LENGTH": 20, "FIELD_PRECISION": 0, "FORMULA": category, "OUTPUT": OUT,
        }),
    ]


@dataclass(frozen=True)
class BrownfieldCase(Case):
    def io_floor(self, d: Dataset) -> list[Step]:
        return [Step("save", "native:savefeatures", {"INPUT": brownfield_layer(d, "brownfields"), "OUTPUT": OUT})]


register(BrownfieldCase(
    algorithm="gi:brownfields",
    layer="brownfields",
    ours={"default": brownfields_ours},
    native_chain=brownfields_native,
    max_n=100_000,  # a district holds a few hundred brownfields: 100 k is already 60 tiled districts
    description="brownfields triaged with Biotopverbund, Grünzüge, settlement areas and park distance "
                "(n = brownfields: the district tiled)",
))
