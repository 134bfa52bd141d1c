"""Musterstadt: a deterministic, synthetic Ruhr district for tests, demos and benchmarks.

What it produces
----------------
``generate(out_dir, n_buildings, seed)`` writes into ``out_dir``:

* ``musterstadt.gpkg`` (EPSG:25832) with the layers ``raumtyp``, ``districts``, ``klimatope``,
  ``gruenzuege``, ``biotopverbund``, ``sewer_combined``, ``parks``, ``brownfields``,
  ``streets``, ``street_trees`` and ``buildings`` (schema in :data:`SCHEMA`);
* ``heat.tif``: night air temperature at 04:00 of a summer night in °C (float32, 10 m cells;
  20 m above 25 million cells, i.e. above about 2,500 km²);
* ``starkregen.tif``: maximum water depth of a heavy-rain event in m (float32; 2 m cells up to
  100 million cells = 400 km², about 300,000 buildings; 5 m up to 2,500 km²; 10 m beyond). The
  1,000,000-building case covers about 1,400 km²: 56 million cells of 5 m, 225 MB before and
  about 120 MB after DEFLATE compression (depths are rounded to mm, which compresses well).

Both rasters share the extent of the district, a square whose corners lie on whole 10 m, and
carry nodata -9999 with one nodata patch (about 80 m × 60 m) so that readers must handle it.

Everything is drawn from ``numpy.random.default_rng(seed)`` (split into independent streams
with ``Generator.spawn``), so one seed gives identical geometries and attribute values; the
district's size follows ``n_buildings`` and the number of buildings equals it exactly.

Why it is plausible
-------------------
* Place and CRS: a square around E 360000 / N 5705000 (ETRS89 / UTM 32N, Essen) — the CRS of
  NRW's open geodata.
* Raumbilder of the Strategie Grüne Infrastruktur Metropole Ruhr: ``Innenstadt`` in the
  centre (about 9 % of the area), the ``Zwischenstadt`` ring (about 44 %) and ``Landschaft``
  outside (about 47 %); the boundaries are distorted circles that follow the blocks.
* Blocks: a jittered grid of about 125 m × 100 m between street axes (typical Ruhr
  Baublöcke). Innenstadt blocks carry closed perimeter rows (Blockrand, 3–6 storeys) with rear
  buildings; the Zwischenstadt carries detached houses with garages and sheds, Zeilenbau
  estates with garage courts, schools, churches, commercial estates with halls (clustered by a
  smooth noise field, as Gewerbegebiete are) and allotments (Kleingärten) full of garden huts;
  the Landschaft carries fields, forests and farmsteads. This gives about 2,100–2,400
  buildings per km² in residential blocks, about 1,600 per km² over all built blocks of the
  Innenstadt and Zwischenstadt, 700–850 per km² over the whole square (half of it Landschaft),
  and realistic counts of small buildings: garages, sheds and huts are separate buildings in
  the NRW LoD2 model, as in the real tiles of Wesel in ``../shared/data/lod2_wesel``.
* Roofs (AdV Dachform codes of the NRW LoD2 model): about 60 % flat roofs overall (the three
  mostly commercial Wesel tiles have 78 %, 242 of 311), more in the Innenstadt and on halls
  and garages, fewer in the Landschaft. Flat roofs are 0–5°, Pultdach and Mischform partly
  shallow (5–10°), Satteldach/Walmdach/Krüppelwalmdach 25–50°, halls and barns 12–28°.
  Listed buildings about 2 %, green roofs about 8 % of flat roofs, PV about 12 % (plausible
  orders of magnitude [U], set in the KIND_* tables below, not read from a source).
* Building functions are ALKIS Gebäudefunktion codes as the NRW LoD2 ``bldg:function``
  writes them (``31001_1010`` Wohnhaus, ``31001_2463`` Garage, ``31001_2723`` Schuppen,
  ``31001_1313`` Gartenhaus … all seen in the Wesel tiles).
* Messiness as in real data: about 0.5 % NULL ``slope_deg``, 0.5 % NULL ``roof_type`` (and
  ``roof_name``), about 0.3 % buildings of two parts (MultiPolygon), unnamed service roads.
* Klimatope use the RVR names; each Baublock's ``heat_class`` is the five-class z-score scheme
  of the Düsseldorf heat map (z ≤ −1 sehr günstig … > 2 sehr ungünstig) applied to the block's
  mean of ``heat.tif``, z taken against the built-up blocks of Innenstadt and Zwischenstadt
  (about 16/37/29/16/2 % of them fall into classes 1–5; a small district may have no class 5),
  so the classes agree with the raster (the LANUV Klimaanalyse also transfers its raster to
  ATKIS Baublöcke). The night temperatures per Klimatop (Freiland about 14.5 °C … Innenstadt
  about 20.4 °C, plus up to 1.2 K towards the centre) are plausible values [U] for a 20 °C
  evening.
* Starkregen depths are mostly 0–0.1 m (median about 0.02 m, 2 % of the cells above 0.25 m)
  with pockets up to about 1 m in depressions and higher water in streets (the Essen classes
  are 0–0.05 / 0.05–0.25 / > 0.25 m); buildings are dry.
* Parks mix pocket parks below 0.5 ha with parks of 0.5 ha and more (GALK / 3-30-300
  threshold), brownfields carry the Ruhr mix of former mines, coking plants and rail yards
  with Altlasten status, biotopverbund Stufe I/II and Regionale Grünzüge cover the open land
  and green corridors into the city, the Mischwasser catchments the older urban core.

No qgis imports: benchmarks and scripts use it without QGIS.
"""

from __future__ import annotations

import dataclasses
import math
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import shapely
from osgeo import gdal, ogr, osr

from ..lod2 import ROOF_TYPE_NAMES
from ..scoring.arrays import expand
from ..scoring.geo import as_multi
from ..scoring.progress import Canceled

CRS_EPSG = 25832
CENTRE_E = 360000.0
CENTRE_N = 5705000.0
GPKG_NAME = "musterstadt.gpkg"
HEAT_NAME = "heat.tif"
RAIN_NAME = "starkregen.tif"
NODATA = -9999.0

LAYERS = (
    "raumtyp",
    "districts",
    "klimatope",
    "gruenzuege",
    "biotopverbund",
    "sewer_combined",
    "parks",
    "brownfields",
    "streets",
    "street_trees",
    "buildings",
)

# Layer -> (OGR geometry type name, [(field, "int" | "real" | "text")]).
SCHEMA: dict[str, tuple[str, list[tuple[str, str]]]] = {
    "raumtyp": ("MultiPolygon", [("raumtyp", "text"), ("name", "text")]),
    "districts": ("MultiPolygon", [("name", "text"), ("district_id", "int")]),
    "klimatope": ("Polygon", [("klimatop", "text"), ("heat_class", "int")]),
    "gruenzuege": ("MultiPolygon", [("name", "text")]),
    "biotopverbund": ("Polygon", [("stufe", "text")]),
    "sewer_combined": ("MultiPolygon", [("name", "text")]),
    "parks": ("Polygon", [("name", "text"), ("area_ha", "real")]),
    "brownfields": (
        "Polygon",
        [
            ("bfid", "int"),
            ("name", "text"),
            ("biotope", "text"),
            ("sealing", "real"),
            ("contam", "text"),
            ("area_m2", "real"),
            ("biotopwert", "real"),
            ("eigentum", "text"),
            ("vornutzung", "int"),
            ("verfahren", "text"),
            ("arten", "int"),
        ],
    ),
    "streets": (
        "LineString",
        [("sid", "int"), ("road_class", "text"), ("width_m", "real"), ("surface", "text"), ("name", "text")],
    ),
    "street_trees": ("Point", [("tid", "int"), ("species", "text"), ("planted", "int")]),
    "buildings": (
        "MultiPolygon",
        [
            ("bid", "int"),
            ("roof_type", "text"),
            ("roof_name", "text"),
            ("slope_deg", "real"),
            ("height_m", "real"),
            ("storeys", "int"),
            ("function", "text"),
            ("listed", "int"),
            ("green_roof", "int"),
            ("pv", "int"),
            ("footprint_m2", "real"),
        ],
    ),
}

# Raumbilder of the Strategie Grüne Infrastruktur Metropole Ruhr.
RAUMTYP = ("Innenstadt", "Zwischenstadt", "Landschaft")
Z_INNER, Z_MID, Z_OUTER = 0, 1, 2
RHO_INNER, RHO_MID = 0.33, 0.82  # distorted radius (share of the half side) of the zone borders

# Block uses.
U_RES, U_COM, U_PUB, U_PARK, U_BROWN, U_ALLOT, U_FIELD, U_FOREST, U_HAMLET = range(9)
OPEN_USES = (U_FIELD, U_FOREST)

# Building kinds (generation templates).
(
    K_BLOCK,
    K_REAR,
    K_HOUSE,
    K_GARAGE,
    K_SHED,
    K_ZEILE,
    K_HALL,
    K_OFFICE,
    K_PUB_MAIN,
    K_PUB_SIDE,
    K_KITA,
    K_HUT,
    K_FARMHOUSE,
    K_BARN,
    K_STALL,
) = range(15)
N_KINDS = 15

# AdV Dachform codes (NRW LoD2 bldg:roofType).
ROOF_CODES = ("1000", "2100", "3100", "3200", "3300", "5000")
ROOF_NAMES = tuple(ROOF_TYPE_NAMES[c] for c in ROOF_CODES)  # from resources/roof_types.csv
R_FLAT, R_PULT, R_SATTEL, R_WALM, R_KWALM, R_MISCH = range(6)

# ALKIS Gebäudefunktion as written by the NRW LoD2 model (31001_<code>).
FUNCTIONS = (
    "31001_1010",  # 0 Wohnhaus
    "31001_1123",  # 1 Wohn- und Geschäftsgebäude
    "31001_1220",  # 2 Land- und forstwirtschaftliches Wohn- und Betriebsgebäude
    "31001_1313",  # 3 Gartenhaus
    "31001_2000",  # 4 Gebäude für Wirtschaft oder Gewerbe
    "31001_2010",  # 5 Gebäude für Handel und Dienstleistungen
    "31001_2020",  # 6 Bürogebäude
    "31001_2100",  # 7 Gebäude für Gewerbe und Industrie
    "31001_2143",  # 8 Lagerhalle, Lagerschuppen, Lagerhaus
    "31001_2463",  # 9 Garage
    "31001_2720",  # 10 Land- und forstwirtschaftliches Betriebsgebäude
    "31001_2721",  # 11 Scheune
    "31001_2723",  # 12 Schuppen
    "31001_2724",  # 13 Stall
    "31001_3000",  # 14 Gebäude für öffentliche Zwecke
    "31001_3010",  # 15 Verwaltungsgebäude
    "31001_3021",  # 16 Allgemein bildende Schule
    "31001_3041",  # 17 Kirche
    "31001_3065",  # 18 Kinderkrippe, Kindergarten, Kindertagesstätte
)

# Per kind: function codes with weights. Public buildings depend on their variant (below).
KIND_FUNCTIONS: dict[int, tuple[tuple[int, ...], tuple[float, ...]]] = {
    K_BLOCK: ((0, 1, 5, 6), (0.50, 0.35, 0.08, 0.07)),
    K_REAR: ((0, 4, 9), (0.40, 0.30, 0.30)),
    K_HOUSE: ((0, 1), (0.95, 0.05)),
    K_GARAGE: ((9,), (1.0,)),
    K_SHED: ((12, 3), (0.5, 0.5)),
    K_ZEILE: ((0,), (1.0,)),
    K_HALL: ((7, 8, 4, 5), (0.40, 0.25, 0.20, 0.15)),
    K_OFFICE: ((6,), (1.0,)),
    K_PUB_MAIN: ((16,), (1.0,)),  # replaced per variant
    K_PUB_SIDE: ((14,), (1.0,)),  # replaced per variant
    K_KITA: ((18,), (1.0,)),
    K_HUT: ((3,), (1.0,)),
    K_FARMHOUSE: ((2, 0), (0.5, 0.5)),
    K_BARN: ((10, 11), (0.6, 0.4)),
    K_STALL: ((13,), (1.0,)),
}
PUB_SCHOOL, PUB_CHURCH, PUB_ADMIN = 0, 1, 2
PUB_MAIN_FUNCTION = (16, 17, 15)
PUB_SIDE_FUNCTION = (14, 14, 15)

# Roofs per kind [U: plausible shares, tuned so that about 60 % of all roofs are flat]:
# probability of a flat roof, then weights of Pult/Sattel/Walm/Krüppelwalm/Mischform.
KIND_ROOFS = {
    K_BLOCK: (0.66, (0.08, 0.55, 0.15, 0.04, 0.18)),
    K_REAR: (0.82, (0.45, 0.40, 0.05, 0.0, 0.10)),
    K_HOUSE: (0.20, (0.10, 0.62, 0.14, 0.06, 0.08)),
    K_GARAGE: (0.97, (0.70, 0.30, 0.0, 0.0, 0.0)),
    K_SHED: (0.78, (0.60, 0.40, 0.0, 0.0, 0.0)),
    K_ZEILE: (0.52, (0.05, 0.75, 0.12, 0.0, 0.08)),
    K_HALL: (0.86, (0.35, 0.55, 0.0, 0.0, 0.10)),
    K_OFFICE: (0.92, (0.30, 0.40, 0.10, 0.0, 0.20)),
    K_PUB_MAIN: (0.62, (0.10, 0.50, 0.25, 0.0, 0.15)),
    K_PUB_SIDE: (0.80, (0.30, 0.50, 0.05, 0.0, 0.15)),
    K_KITA: (0.55, (0.40, 0.40, 0.10, 0.0, 0.10)),
    K_HUT: (0.58, (0.55, 0.45, 0.0, 0.0, 0.0)),
    K_FARMHOUSE: (0.03, (0.0, 0.60, 0.15, 0.25, 0.0)),
    K_BARN: (0.12, (0.15, 0.75, 0.05, 0.05, 0.0)),
    K_STALL: (0.15, (0.30, 0.70, 0.0, 0.0, 0.0)),
}
# Storeys per kind: (values, weights).
KIND_STOREYS = {
    K_BLOCK: ((3, 4, 5, 6), (0.12, 0.33, 0.40, 0.15)),
    K_REAR: ((1, 2, 3), (0.40, 0.35, 0.25)),
    K_HOUSE: ((1, 2, 3), (0.30, 0.55, 0.15)),
    K_GARAGE: ((1,), (1.0,)),
    K_SHED: ((1,), (1.0,)),
    K_ZEILE: ((3, 4, 5), (0.35, 0.45, 0.20)),
    K_HALL: ((1, 2), (0.80, 0.20)),
    K_OFFICE: ((2, 3, 4, 5, 6), (0.20, 0.30, 0.30, 0.15, 0.05)),
    K_PUB_MAIN: ((2, 3, 4), (0.35, 0.45, 0.20)),
    K_PUB_SIDE: ((1, 2), (0.60, 0.40)),
    K_KITA: ((1, 2), (0.60, 0.40)),
    K_HUT: ((1,), (1.0,)),
    K_FARMHOUSE: ((1, 2), (0.35, 0.65)),
    K_BARN: ((1,), (1.0,)),
    K_STALL: ((1,), (1.0,)),
}
# Per kind: P(listed), P(green roof | flat roof), P(PV)  [U: tuned to about 2 %, 8 %, 12 %].
KIND_FLAGS = {
    K_BLOCK: (0.05, 0.08, 0.11),
    K_REAR: (0.01, 0.06, 0.05),
    K_HOUSE: (0.015, 0.09, 0.26),
    K_GARAGE: (0.0, 0.07, 0.04),
    K_SHED: (0.0, 0.04, 0.0),
    K_ZEILE: (0.04, 0.12, 0.15),
    K_HALL: (0.02, 0.10, 0.18),
    K_OFFICE: (0.03, 0.16, 0.14),
    K_PUB_MAIN: (0.12, 0.15, 0.18),
    K_PUB_SIDE: (0.03, 0.12, 0.18),
    K_KITA: (0.0, 0.20, 0.15),
    K_HUT: (0.0, 0.02, 0.02),
    K_FARMHOUSE: (0.10, 0.02, 0.22),
    K_BARN: (0.05, 0.01, 0.30),
    K_STALL: (0.02, 0.01, 0.25),
}
ROTATED_KINDS = (K_HOUSE, K_SHED, K_HUT, K_FARMHOUSE, K_BARN, K_STALL)
MULTIPART_KINDS = (K_HALL, K_OFFICE, K_PUB_MAIN, K_ZEILE, K_BARN)
SHARE_NULL_SLOPE = 0.005
SHARE_NULL_ROOF = 0.005
SHARE_MULTIPART = 0.003

# Streets: OSM highway classes, width ranges of the street space in m [U: RASt 06 orders].
ROAD_CLASSES = ("primary", "secondary", "tertiary", "residential", "living_street", "service")
RC_PRIMARY, RC_SECONDARY, RC_TERTIARY, RC_RESIDENTIAL, RC_LIVING, RC_SERVICE = range(6)
ROAD_WIDTH = ((20.0, 28.0), (15.0, 20.0), (11.0, 15.0), (8.0, 12.0), (6.0, 9.0), (4.0, 6.0))
SURFACES = ("asphalt", "paving_stones", "sett", "concrete", "gravel")
# Surface shares per road class (asphalt, paving_stones, sett, concrete, gravel) [U].
ROAD_SURFACE = (
    (0.95, 0.0, 0.0, 0.05, 0.0),
    (0.93, 0.02, 0.0, 0.05, 0.0),
    (0.88, 0.05, 0.04, 0.03, 0.0),
    (0.74, 0.15, 0.07, 0.03, 0.01),
    (0.10, 0.70, 0.20, 0.0, 0.0),
    (0.40, 0.10, 0.0, 0.25, 0.25),
)
# P(street trees on a line section) per class (service roads get none) [U].
ROAD_AVENUE = (0.45, 0.45, 0.30, 0.18, 0.35, 0.0)

# Street trees: frequent species of German street-tree inventories [U: typical shares].
TREE_SPECIES = (
    ("Tilia cordata", 0.14),
    ("Acer platanoides", 0.14),
    ("Platanus x hispanica", 0.08),
    ("Acer pseudoplatanus", 0.07),
    ("Quercus robur", 0.07),
    ("Carpinus betulus", 0.07),
    ("Tilia x europaea", 0.06),
    ("Aesculus hippocastanum", 0.05),
    ("Robinia pseudoacacia", 0.05),
    ("Fraxinus excelsior", 0.04),
    ("Betula pendula", 0.04),
    ("Corylus colurna", 0.04),
    ("Prunus avium", 0.03),
    ("Sorbus aria", 0.03),
    ("Gleditsia triacanthos", 0.03),
    ("Ulmus 'Resista'", 0.02),
    ("Liquidambar styraciflua", 0.02),
    ("Ginkgo biloba", 0.02),
)
# Planting decades of street trees (start year, weight) [U].
TREE_DECADES = (
    (1950, 0.08),
    (1960, 0.12),
    (1970, 0.18),
    (1980, 0.18),
    (1990, 0.15),
    (2000, 0.12),
    (2010, 0.12),
    (2020, 0.05),
)
LAST_YEAR = 2024

# Klimatope (RVR names) and their night air temperature at 04:00 in °C [U: plausible levels].
KLIMATOPE = (
    "Freilandklima",
    "Waldklima",
    "Klima innerstädtischer Grünflächen",  # "Parkklima" in older legends
    "Vorstadtklima",
    "Stadtrandklima",
    "Stadtklima",
    "Innenstadtklima",
    "Gewerbe-/Industrieklima",
)
KT_FREILAND, KT_WALD, KT_PARK, KT_VORSTADT, KT_STADTRAND, KT_STADT, KT_INNENSTADT, KT_GEWERBE = range(8)
KLIMATOP_NIGHT_C = (14.5, 15.8, 16.6, 17.2, 17.9, 18.7, 20.4, 19.6)
# Düsseldorf heat map: z <= -1 sehr günstig (1), <= 0 (2), <= 1 (3), <= 2 (4), > 2 sehr ungünstig (5).
HEAT_Z_BREAKS = (-1.0, 0.0, 1.0, 2.0)

# Brownfields.
BIOTOPES = ("Ruderalflur", "Pioniervegetation", "Vorwald", "versiegelt", "Schotter")
BIOTOPE_WEIGHTS = (0.30, 0.20, 0.15, 0.20, 0.15)
BIOTOPE_SEALING = ((0.05, 0.35), (0.05, 0.30), (0.0, 0.15), (0.75, 1.0), (0.35, 0.70))
# Soil-protection terms (BBodSchG / LBodSchG NRW) [U: the exact labels of each municipal cadastre].
CONTAM = ("kein Verdacht", "altlastverdächtige Fläche", "Altlast saniert", "Altlast")
CONTAM_WEIGHTS = (0.25, 0.35, 0.20, 0.20)
# Planning attributes of the brownfields (gi:brownfields): plausible shares [U], not a statistic.
OWNERS = ("Stadt", "privat", "Land NRW", "RVR", "Deutsche Bahn")
OWNER_WEIGHTS = (0.30, 0.45, 0.05, 0.05, 0.15)
PROCEDURES = ("§ 13a BauGB", "Regelverfahren")
SURVEYED_SHARE = 0.35  # brownfields with a surveyed biotope value

# fmt: off
STEMS = (
    "Zechen", "Schacht", "Kokerei", "Halden", "Hütten", "Stollen", "Steiger", "Glückauf", "Emscher",
    "Ruhr", "Berne", "Linden", "Eichen", "Buchen", "Birken", "Ahorn", "Kastanien", "Ulmen",
    "Goethe", "Schiller", "Heine", "Lessing", "Kaiser", "Friedrich", "Wilhelm", "Luisen", "Marien",
    "Bahnhof", "Kirch", "Schul", "Markt", "Mühlen", "Brunnen", "Garten", "Wiesen", "Feld", "Wald",
    "Heide", "Berg", "Tal", "Bach", "Sonnen", "Rosen", "Tulpen", "Nelken", "Amsel", "Drossel",
    "Finken", "Lerchen", "Krupp", "Thyssen", "Stinnes", "Haniel", "Grillo", "Hoesch", "Helenen",
    "Amalien", "Viktoria", "Hagen", "Kamp", "Brücken", "Weiden",
)
STREET_SUFFIXES = ("straße", "weg", "ring", "allee", "gasse")
STREET_SUFFIX_WEIGHTS = (0.62, 0.25, 0.05, 0.04, 0.04)
COMPASS = ("Ost", "Nordost", "Nord", "Nordwest", "West", "Südwest", "Süd", "Südost")
DISTRICT_HEADS = (
    "Alten", "Neu", "Ober", "Nieder", "Hohen", "Kray", "Horst", "Holt", "Berg", "Bruch", "Heide",
    "Kamp", "Linden", "Eichen", "Mühl", "Stein", "Sand", "Wester", "Oster", "Süder",
)
DISTRICT_TAILS = (
    "hausen", "feld", "horst", "beck", "heide", "dorf", "berg", "kamp", "bruch", "holz", "busch",
    "rode", "scheid", "hof", "wick", "mark",
)
MINE_NAMES = (
    "Helene", "Amalie", "Victoria", "Ludwig", "Emil", "Mathilde", "Auguste", "Carl", "Wilhelmine",
    "Gustav", "Hermann", "Friedrich", "Anna", "Sophia", "Johann", "Christian", "Bonifacius",
    "Ernestine", "Graf Moltke", "Fröhliche Morgensonne", "Gottfried", "Heinrich", "Katharina",
    "Rosenblumendelle", "Wolfsbank", "Hagenbeck", "Pauline", "Theodor", "Elisabeth", "Neuglück",
    "Vereinigte Sälzer", "Concordia",
)
# fmt: on
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX")

PITCH_X, PITCH_Y = 125.0, 100.0  # mean block pitch between street axes (m)
START_DENSITY = 850.0  # buildings per km² over the whole square, first guess of the size search
RAIN_MAX_CELLS = 100_000_000
HEAT_MAX_CELLS = 25_000_000


class GenerationCanceled(Canceled):
    """Raised when ``is_canceled()`` returns True; the output folder is then incomplete (the
    algorithm removes it: one cancel policy, ``processing/base.py``)."""


@dataclass(frozen=True)
class SampleResult:
    gpkg: str
    heat_tif: str
    rain_tif: str
    counts: dict[str, int]
    extent: tuple[float, float, float, float]  # xmin, ymin, xmax, ymax (EPSG:25832)
    heat_cell_m: float
    rain_cell_m: float
    layers: tuple[str, ...] = field(default=LAYERS)


# --------------------------------------------------------------------------------------------
# small helpers


class _Progress:
    def __init__(self, progress: Callable[[float], None] | None, is_canceled: Callable[[], bool] | None):
        self._progress = progress
        self._is_canceled = is_canceled

    def __call__(self, percent: float) -> None:
        if self._is_canceled is not None and self._is_canceled():
            raise GenerationCanceled("generation canceled")
        if self._progress is not None:
            self._progress(float(min(100.0, max(0.0, percent))))


class _Noise:
    """Smooth value noise: random values on a square lattice, smoothstep-interpolated."""

    def __init__(self, rng: np.random.Generator, x0: float, y0: float, side: float, spacing: float):
        n = int(math.ceil(side / spacing)) + 3
        self.v = rng.uniform(-1.0, 1.0, (n, n))
        self.x0 = x0 - spacing
        self.y0 = y0 - spacing
        self.s = spacing

    def _axis(self, c: np.ndarray, origin: float) -> tuple[np.ndarray, np.ndarray]:
        f = (np.asarray(c, dtype=np.float64) - origin) / self.s
        i = np.floor(f).astype(np.int64)
        t = f - i
        return i, t * t * (3.0 - 2.0 * t)

    def points(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        ix, tx = self._axis(x, self.x0)
        iy, ty = self._axis(y, self.y0)
        v = self.v
        a = v[iy, ix] * (1 - tx) + v[iy, ix + 1] * tx
        b = v[iy + 1, ix] * (1 - tx) + v[iy + 1, ix + 1] * tx
        return a * (1 - ty) + b * ty

    def grid(self, xs: np.ndarray, ys: np.ndarray) -> np.ndarray:
        """Values at every (ys[r], xs[c]); shape (len(ys), len(xs))."""
        ix, tx = self._axis(xs, self.x0)
        iy, ty = self._axis(ys, self.y0)
        v0 = self.v[iy]
        v1 = self.v[iy + 1]
        a = v0[:, ix] * (1 - tx) + v0[:, ix + 1] * tx
        b = v1[:, ix] * (1 - tx) + v1[:, ix + 1] * tx
        return a * (1 - ty)[:, None] + b * ty[:, None]


def _choice(rng: np.random.Generator, weights, size: int) -> np.ndarray:
    w = np.asarray(weights, dtype=np.float64)
    return np.searchsorted(np.cumsum(w / w.sum()), rng.random(size), side="right").clip(0, w.size - 1)


def _rho(dx, dy, half: float, harmonics: np.ndarray) -> np.ndarray:
    """Distance from the centre relative to a distorted circle (1 = the half side)."""
    theta = np.arctan2(dy, dx)
    a1, p1, a2, p2 = harmonics
    radius = half * (1.0 + a1 * np.sin(3 * theta + p1) + a2 * np.sin(5 * theta + p2))
    return np.hypot(dx, dy) / radius


def _box_blur(a: np.ndarray, r: int) -> np.ndarray:
    """Separable moving average of radius r (edges padded with their values)."""
    out = a
    for axis in (0, 1):
        pad = [(0, 0), (0, 0)]
        pad[axis] = (r + 1, r)
        p = np.pad(out, pad, mode="edge").astype(np.float64)
        c = np.cumsum(p, axis=axis)
        n = out.shape[axis]
        if axis == 0:
            out = (c[2 * r + 1 : 2 * r + 1 + n] - c[:n]) / (2 * r + 1)
        else:
            out = (c[:, 2 * r + 1 : 2 * r + 1 + n] - c[:, :n]) / (2 * r + 1)
    return out


def _rects(x0, y0, x1, y1) -> dict[str, np.ndarray]:
    return {
        "x0": np.asarray(x0, float),
        "y0": np.asarray(y0, float),
        "x1": np.asarray(x1, float),
        "y1": np.asarray(y1, float),
    }


# --------------------------------------------------------------------------------------------
# layout: grid, zones, uses


@dataclass
class _Layout:
    x0: float
    y0: float
    side: float
    nx: int
    ny: int
    xs: np.ndarray  # nx + 1 vertical street axes
    ys: np.ndarray
    xcls: np.ndarray  # road class per vertical line (-1 = boundary, no street)
    ycls: np.ndarray
    xw: np.ndarray  # street width per line
    yw: np.ndarray
    harmonics: np.ndarray
    cx: np.ndarray  # per cell (row-major, c = j * nx + i)
    cy: np.ndarray
    ci: np.ndarray
    cj: np.ndarray
    rho: np.ndarray
    zone: np.ndarray
    use: np.ndarray
    zeilen: np.ndarray
    corridor: np.ndarray  # Grünzug corridor index or -1
    corr_x: np.ndarray  # corridor axes
    group: np.ndarray  # merged park / brownfield group id or -1
    groups: np.ndarray  # (n_groups, 4): i0, j0, a, b
    pocket: np.ndarray  # pocket park corner 0..3 or -1
    pocket_wh: np.ndarray  # (nc, 2)
    partial_brown: np.ndarray
    bx0: np.ndarray  # block interior
    by0: np.ndarray
    bx1: np.ndarray
    by1: np.ndarray
    district: np.ndarray
    district_names: list[str]
    u_extra: np.ndarray  # spare per-cell uniforms for later decisions (nc, 4)
    n_bv: np.ndarray  # biotopverbund noise per cell
    n_gz: np.ndarray  # Grünzug noise per cell


def _lines(rng: np.random.Generator, n: int, origin: float, side: float):
    pitch = side / n
    pos = origin + np.arange(n + 1) * pitch
    pos[1:-1] += rng.uniform(-0.12, 0.12, n - 1) * pitch
    pos = np.round(pos, 2)
    k = np.arange(n + 1)
    d = np.abs(k - n // 2)
    cls = np.full(n + 1, RC_RESIDENTIAL)
    cls[d % 3 == 0] = RC_TERTIARY
    cls[d % 6 == 0] = RC_SECONDARY
    cls[d % 24 == 0] = RC_PRIMARY
    lo = np.array([w[0] for w in ROAD_WIDTH])[cls]
    hi = np.array([w[1] for w in ROAD_WIDTH])[cls]
    width = np.round(rng.uniform(lo, hi) * 2) / 2
    cls[[0, n]] = -1
    width[[0, n]] = 0.0
    return pos, cls, width


def _layout(rng: np.random.Generator, side: float, n_districts: int) -> _Layout:
    x0 = CENTRE_E - side / 2
    y0 = CENTRE_N - side / 2
    half = side / 2
    nx = max(2, round(side / PITCH_X))
    ny = max(2, round(side / PITCH_Y))
    xs, xcls, xw = _lines(rng, nx, x0, side)
    ys, ycls, yw = _lines(rng, ny, y0, side)
    harmonics = np.array(
        [
            rng.uniform(0.06, 0.12),
            rng.uniform(0, 2 * np.pi),
            rng.uniform(0.03, 0.07),
            rng.uniform(0, 2 * np.pi),
        ]
    )

    nc = nx * ny
    ci = np.tile(np.arange(nx), ny)
    cj = np.repeat(np.arange(ny), nx)
    cx = (xs[ci] + xs[ci + 1]) / 2
    cy = (ys[cj] + ys[cj + 1]) / 2
    rho = _rho(cx - CENTRE_E, cy - CENTRE_N, half, harmonics)
    zone = np.where(rho < RHO_INNER, Z_INNER, np.where(rho < RHO_MID, Z_MID, Z_OUTER))
    centre_cell = int(np.searchsorted(ys, CENTRE_N) - 1) * nx + int(np.searchsorted(xs, CENTRE_E) - 1)
    zone[centre_cell] = Z_INNER

    # Block interiors: between the street edges (4 m margin at the outer boundary).
    hx = np.where(xcls < 0, 4.0, xw / 2 + 0.5)
    hy = np.where(ycls < 0, 4.0, yw / 2 + 0.5)
    bx0 = xs[ci] + hx[ci]
    bx1 = xs[ci + 1] - hx[ci + 1]
    by0 = ys[cj] + hy[cj]
    by1 = ys[cj + 1] - hy[cj + 1]

    u = rng.random((nc, 8))
    n_com = _Noise(rng, x0, y0, side, 700.0).points(cx, cy)
    n_for = _Noise(rng, x0, y0, side, 900.0).points(cx, cy)
    n_bv = _Noise(rng, x0, y0, side, 800.0).points(cx, cy)
    n_gz = _Noise(rng, x0, y0, side, 1200.0).points(cx, cy)

    # Regionale Grünzüge: meandering north-south corridors, from the Landschaft into the city.
    n_corr = max(1, round(side / 6000.0))
    corr_x = x0 + side * (np.arange(n_corr) + 0.5 + rng.uniform(-0.15, 0.15, n_corr)) / n_corr
    corr_amp = rng.uniform(0.03, 0.06, n_corr) * side
    corr_phase = rng.uniform(0, 2 * np.pi, n_corr)
    corr_width = max(180.0, 0.14 * side / n_corr)
    axis = corr_x[None, :] + corr_amp[None, :] * np.sin(
        2 * np.pi * (cy[:, None] - y0) / max(side, 1.0) * 1.3 + corr_phase[None, :]
    )
    dist = np.abs(cx[:, None] - axis)
    nearest = np.argmin(dist, axis=1)
    in_corr = (dist[np.arange(nc), nearest] < corr_width / 2) & (rho >= 0.4)
    corridor = np.where(in_corr, nearest, -1)

    use = np.full(nc, U_RES)
    inner = zone == Z_INNER
    use[inner] = np.array([U_RES, U_PUB, U_PARK, U_COM, U_BROWN])[
        _pick(u[inner, 0], (0.81, 0.08, 0.06, 0.03, 0.02))
    ]
    mid = (zone == Z_MID) & ~in_corr
    mid_use = np.array([U_RES, U_PUB, U_PARK, U_ALLOT, U_BROWN])[
        _pick(u[mid, 0], (0.785, 0.06, 0.08, 0.05, 0.025))
    ]
    com = n_com[mid] > 0.36
    mid_use = np.where(com, np.where(u[mid, 1] < 0.06, U_BROWN, U_COM), mid_use)
    use[mid] = mid_use
    mid_corr = (zone == Z_MID) & in_corr
    use[mid_corr] = np.array([U_PARK, U_FIELD, U_FOREST, U_ALLOT, U_RES])[
        _pick(u[mid_corr, 0], (0.35, 0.2, 0.2, 0.1, 0.15))
    ]
    outer = zone == Z_OUTER
    outer_use = np.array([U_FIELD, U_HAMLET, U_BROWN])[_pick(u[outer, 0], (0.845, 0.14, 0.015))]
    use[outer] = np.where(n_for[outer] > 0.22, U_FOREST, outer_use)

    # Make sure a small district still has every kind of place the tests and demos need.
    def ensure(target: int, eligible: np.ndarray, score: np.ndarray, at_least: int = 1) -> None:
        missing = min(at_least - int(np.count_nonzero(use == target)), int(np.count_nonzero(eligible)))
        if missing > 0:
            best = np.argsort(np.where(eligible, -score, np.inf), kind="stable")[:missing]
            use[best] = target

    not_centre = np.arange(nc) != centre_cell
    ensure(U_COM, (zone == Z_MID) & (use == U_RES), n_com)
    ensure(U_PUB, (zone != Z_OUTER) & (use == U_RES) & not_centre, u[:, 2])
    ensure(U_PARK, (zone != Z_OUTER) & (use == U_RES) & not_centre, u[:, 3])
    ensure(U_BROWN, (zone != Z_OUTER) & (use == U_RES) & not_centre, u[:, 4], at_least=3)
    ensure(U_ALLOT, (zone == Z_MID) & (use == U_RES), u[:, 5])
    ensure(U_FOREST, outer & (use == U_FIELD), n_for)
    ensure(U_HAMLET, outer & (use == U_FIELD), u[:, 6])

    # Large parks (Stadtteilparks) and large brownfields (former mines, coking plants): 2-3 x 2-3
    # blocks merged; anchors lie 4 blocks apart, so groups never overlap.
    a = np.minimum(2 + (u[:, 3] < 0.4), nx - ci)
    b = np.minimum(2 + (u[:, 4] < 0.3), ny - cj)
    anchor_ok = (ci % 4 == 0) & (cj % 4 == 0) & not_centre & (a * b >= 2)
    ug = u[:, 2]
    park_g = anchor_ok & (zone != Z_OUTER) & (ug < 0.08)
    if not park_g.any() and (anchor_ok & (zone != Z_OUTER)).any():
        park_g[int(np.argmin(np.where(anchor_ok & (zone != Z_OUTER), ug, np.inf)))] = True
    brown_g = anchor_ok & ~park_g & np.where(zone != Z_OUTER, (ug >= 0.08) & (ug < 0.13), ug < 0.05)
    anchors = np.flatnonzero(park_g | brown_g)
    group = np.full(nc, -1)
    groups = (
        np.stack([ci[anchors], cj[anchors], a[anchors], b[anchors]], axis=1)
        if anchors.size
        else np.zeros((0, 4), int)
    )
    if anchors.size:
        gid, k = expand(a[anchors] * b[anchors])
        ga = a[anchors][gid]
        cells = (cj[anchors][gid] + k // ga) * nx + ci[anchors][gid] + k % ga
        group[cells] = gid
        use[cells] = np.where(park_g[anchors], U_PARK, U_BROWN)[gid]
    zeil = (zone == Z_MID) & (use == U_RES) & (u[:, 1] < np.where(rho < 0.6, 0.35, 0.12))

    pocket = np.where(
        np.isin(use, (U_RES,)) & (zone != Z_OUTER) & (u[:, 5] < 0.07) & ~zeil, (u[:, 6] * 4).astype(int), -1
    )
    pocket_wh = np.stack([rng.uniform(25, 45, nc), rng.uniform(20, 35, nc)], axis=1)
    partial = (use == U_COM) & (u[:, 7] < 0.06)

    district, names = _districts(rng, cx, cy, zone, x0, y0, side, n_districts)
    return _Layout(
        x0=x0, y0=y0, side=side, nx=nx, ny=ny, xs=xs, ys=ys, xcls=xcls, ycls=ycls, xw=xw, yw=yw,
        harmonics=harmonics, cx=cx, cy=cy, ci=ci, cj=cj, rho=rho, zone=zone, use=use, zeilen=zeil,
        corridor=corridor, corr_x=corr_x, group=group, groups=groups, pocket=pocket,
        pocket_wh=pocket_wh, partial_brown=partial, bx0=bx0, by0=by0, bx1=bx1, by1=by1,
        district=district, district_names=names, u_extra=rng.random((nc, 4)), n_bv=n_bv, n_gz=n_gz,
    )  # fmt: skip


def _pick(u: np.ndarray, weights) -> np.ndarray:
    w = np.asarray(weights, dtype=np.float64)
    return np.searchsorted(np.cumsum(w / w.sum()), u, side="right").clip(0, w.size - 1)


def _districts(rng, cx, cy, zone, x0, y0, side, n_districts):
    """Stadtteile: Mitte = the Innenstadt, the rest nearest to seeds on a jittered grid."""
    k = int(math.ceil(math.sqrt(max(1, n_districts - 1))))
    gx, gy = np.meshgrid((np.arange(k) + 0.5) / k, (np.arange(k) + 0.5) / k)
    sx = x0 + side * (gx.ravel() + rng.uniform(-0.3, 0.3, k * k) / k)
    sy = y0 + side * (gy.ravel() + rng.uniform(-0.3, 0.3, k * k) / k)
    order = rng.permutation(k * k)[: n_districts - 1]
    sx, sy = sx[order], sy[order]
    district = np.zeros(cx.size, dtype=np.int64)
    outside = np.flatnonzero(zone != Z_INNER)
    for start in range(0, outside.size, 20000):  # chunks bound the memory of the distance matrix
        idx = outside[start : start + 20000]
        d2 = (cx[idx, None] - sx[None, :]) ** 2 + (cy[idx, None] - sy[None, :]) ** 2
        district[idx] = 1 + np.argmin(d2, axis=1)
    if n_districts <= 9:
        sector = (np.round(np.arctan2(sy - CENTRE_N, sx - CENTRE_E) / (np.pi / 4)).astype(int)) % 8
        names = ["Mitte"]
        for s in sector:
            name = COMPASS[s]
            while name in names:
                name += " II" if not name.endswith("I") else "I"
            names.append(name)
    else:
        combos = [h + t for h in DISTRICT_HEADS for t in DISTRICT_TAILS]
        pick = rng.permutation(len(combos))[: n_districts - 1]
        names = ["Mitte"] + [combos[p] for p in pick]
    return district, names


# --------------------------------------------------------------------------------------------
# building candidates


def _cat(parts: list[dict[str, np.ndarray]]) -> dict[str, np.ndarray]:
    keys = parts[0].keys()
    return {k: np.concatenate([p[k] for p in parts]) for k in keys}


def _bldg(x0, y0, x1, y1, kind, cell, sub=None) -> dict[str, np.ndarray]:
    n = np.asarray(x0).size
    return {
        "x0": np.asarray(x0, float).ravel(),
        "y0": np.asarray(y0, float).ravel(),
        "x1": np.asarray(x1, float).ravel(),
        "y1": np.asarray(y1, float).ravel(),
        "kind": np.broadcast_to(np.asarray(kind), (n,)).astype(np.int64),
        "cell": np.asarray(cell, np.int64).ravel(),
        "sub": (
            np.zeros(n, np.int64) if sub is None else np.broadcast_to(np.asarray(sub), (n,)).astype(np.int64)
        ),
    }


def _mirror(north: np.ndarray, by0, by1, lo, hi):
    """Rows facing the south street use (lo, hi) from by0; north rows the mirror from by1."""
    return np.where(north, by1 - hi, by0 + lo), np.where(north, by1 - lo, by0 + hi)


def _innenstadt(rng, L: _Layout, cells) -> list[dict]:
    """Blockrand: closed rows along all four block sides, rear buildings in the courtyard."""
    bx0, bx1, by0, by1 = L.bx0[cells], L.bx1[cells], L.by0[cells], L.by1[cells]
    nb = cells.size
    bw, bh = bx1 - bx0, by1 - by0
    lw = rng.uniform(10, 15, nb)
    closed = rng.random(nb) < 0.75
    setback = rng.uniform(0, 1.5, nb)
    depth_max = rng.uniform(12, 16, nb)  # rows facing south and north streets
    side_depth = rng.uniform(10, 14, nb)  # rows facing east and west streets
    nl = np.maximum(np.floor(bw / lw).astype(int), 1)
    blk, pos = expand(2 * nl)
    m = blk.size
    lot = pos // 2
    north = (pos % 2) == 1
    lwe = bw[blk] / nl[blk]
    lx0 = bx0[blk] + lot * lwe
    lx1 = bx0[blk] + (lot + 1) * lwe  # the same expression as the next lot's lx0: rows touch exactly
    gap = np.where(closed[blk], 0.0, rng.uniform(0.6, 2.0, m))
    depth = depth_max[blk] - rng.uniform(0, 3, m)
    sb = setback[blk] + rng.uniform(0, 0.3, m)
    y0, y1 = _mirror(north, by0[blk], by1[blk], sb, sb + depth)
    out = [_bldg(lx0 + gap / 2, y0, lx1 - gap / 2, y1, K_BLOCK, cells[blk])]
    # side rows between the south and north rows
    inner0 = setback + 0.3 + depth_max + 0.3
    side_len = bh - 2 * inner0
    ns = np.where(side_len > 8, np.floor(np.clip(side_len, 0, None) / lw).astype(int), 0)
    sblk, spos = expand(2 * ns)
    ms = sblk.size
    slot = spos // 2
    east = (spos % 2) == 1
    slen = side_len[sblk] / np.maximum(ns[sblk], 1)
    sy0 = by0[sblk] + inner0[sblk] + slot * slen
    sy1 = by0[sblk] + inner0[sblk] + (slot + 1) * slen
    sgap = np.where(closed[sblk], 0.0, rng.uniform(0.6, 2.0, ms))
    sd = side_depth[sblk] - rng.uniform(0, 2, ms)
    ssb = setback[sblk] + rng.uniform(0, 0.3, ms)
    sx0 = np.where(east, bx1[sblk] - ssb - sd, bx0[sblk] + ssb)
    out.append(_bldg(sx0, sy0 + sgap / 2, sx0 + sd, sy1 - sgap / 2, K_BLOCK, cells[sblk]))
    # rear buildings (Hinterhaus, workshop, garage) in the courtyard, clear of the side rows
    has = rng.random(m) < 0.4
    rw = np.minimum(rng.uniform(5, 12, m), lwe - 1)
    rx0 = lx0 + rng.random(m) * (lwe - rw)
    rd = rng.uniform(5, 9, m)
    rg = rng.uniform(3, 8, m)
    ry0, ry1 = _mirror(north, by0[blk], by1[blk], sb + depth + rg, sb + depth + rg + rd)
    mid = (by0[blk] + by1[blk]) / 2
    clear = setback[blk] + 0.3 + side_depth[blk] + 2
    ok = has & np.where(north, ry0 > mid + 1, ry1 < mid - 1)
    ok &= (rx0 > bx0[blk] + clear) & (rx0 + rw < bx1[blk] - clear)
    out.append(_bldg(rx0[ok], ry0[ok], (rx0 + rw)[ok], ry1[ok], K_REAR, cells[blk][ok]))
    return out


def _houses(rng, L: _Layout, cells) -> list[dict]:
    """Detached houses in two rows with garages and sheds."""
    bx0, bx1, by0, by1 = L.bx0[cells], L.bx1[cells], L.by0[cells], L.by1[cells]
    nb = cells.size
    bw, bh = bx1 - bx0, by1 - by0
    lw = rng.uniform(12, 19, nb)
    nl = np.maximum(np.floor(bw / lw).astype(int), 1)
    blk, pos = expand(2 * nl)
    m = blk.size
    north = (pos % 2) == 1
    lwe = bw[blk] / nl[blk]
    lx0 = bx0[blk] + (pos // 2) * lwe
    lx1 = bx0[blk] + (pos // 2 + 1) * lwe
    hw = np.clip(np.minimum(rng.uniform(8, 12, m), lwe - 4.5), 4, None)
    hx0 = lx0 + rng.uniform(1.5, 2.5, m)
    hd = rng.uniform(9, 13, m)
    sb = rng.uniform(3, 7, m)
    hy0, hy1 = _mirror(north, by0[blk], by1[blk], sb, sb + hd)
    out = [_bldg(hx0, hy0, hx0 + hw, hy1, K_HOUSE, cells[blk])]
    # garage beside the house if the lot is wide enough, else behind it
    has_g = rng.random(m) < 0.6
    gw = rng.uniform(2.8, 3.4, m)
    gd = rng.uniform(5.5, 7.0, m)
    gside = rng.uniform(1.0, 1.5, m)
    gshift = rng.uniform(0, 2, m)
    gbehind = rng.uniform(1, 3, m)
    beside = lx1 - (hx0 + hw) >= gw + gside + 0.5
    gx0 = np.where(beside, hx0 + hw + gside, hx0)
    gy0_b, gy1_b = _mirror(north, by0[blk], by1[blk], sb + gshift, sb + gshift + gd)
    gy0_r, gy1_r = _mirror(north, by0[blk], by1[blk], sb + hd + gbehind, sb + hd + gbehind + gd)
    gy0 = np.where(beside, gy0_b, gy0_r)
    gy1 = np.where(beside, gy1_b, gy1_r)
    out.append(_bldg(gx0[has_g], gy0[has_g], (gx0 + gw)[has_g], gy1[has_g], K_GARAGE, cells[blk][has_g]))
    # shed at the rear of the lot
    has_s = rng.random(m) < 0.35
    ss = rng.uniform(2, 4, m)
    sx0 = lx0 + 1 + rng.random(m) * np.clip(lwe - ss - 2, 0, None)
    back = bh[blk] / 2 - rng.uniform(1, 3, m)
    sy0, sy1 = _mirror(north, by0[blk], by1[blk], back - ss, back)
    front = sb + np.where(has_g & ~beside, hd + gbehind + gd, hd)
    ok = has_s & (back - ss > front + 2)
    out.append(_bldg(sx0[ok], sy0[ok], (sx0 + ss)[ok], sy1[ok], K_SHED, cells[blk][ok]))
    return out


def _zeilen(rng, L: _Layout, cells) -> list[dict]:
    """Zeilenbau estates of the 1950s-70s: rows of house segments plus a garage court."""
    bx0, bx1, by0, by1 = L.bx0[cells], L.bx1[cells], L.by0[cells], L.by1[cells]
    nb = cells.size
    bw, bh = bx1 - bx0, by1 - by0
    nrow = np.where(bh >= 85, 3, 2)
    mw = rng.uniform(8, 14, nb)
    me = rng.uniform(9, 14, nb)
    length = np.clip(bw - mw - me, 10, None)
    nseg = np.clip(np.round(length / rng.uniform(12, 20, nb)).astype(int), 1, 8)
    depth = rng.uniform(10, 12.5, nb)
    rblk, r = expand(nrow)
    sblk_r, s = expand(nseg[rblk])
    blk = rblk[sblk_r]
    row = r[sblk_r]
    step = (bh[blk] - 12 - depth[blk]) / (nrow[blk] - 1)
    y0 = by0[blk] + 6 + row * step
    seg = length[blk] / nseg[blk]
    x0 = bx0[blk] + mw[blk] + s * seg
    x1 = bx0[blk] + mw[blk] + (s + 1) * seg
    out = [_bldg(x0, y0, x1, y0 + depth[blk], K_ZEILE, cells[blk])]
    has = rng.random(nb) < 0.75
    ng = np.where(has, np.clip(np.floor((bh - 30) / 3).astype(int), 0, 14), 0)
    ng = np.where(ng >= 4, ng, 0)
    gblk, q = expand(ng)
    gy0 = by0[gblk] + 15 + q * 3.0
    gy1 = by0[gblk] + 15 + (q + 1) * 3.0
    out.append(_bldg(bx1[gblk] - 7, gy0, bx1[gblk] - 1, gy1, K_GARAGE, cells[gblk]))
    return out


def _public(rng, L: _Layout, cells) -> list[dict]:
    bx0, bx1, by0, by1 = L.bx0[cells], L.bx1[cells], L.by0[cells], L.by1[cells]
    nb = cells.size
    bw = bx1 - bx0
    var = _pick(rng.random(nb), (0.55, 0.2, 0.25))
    mw_lo = np.array([45.0, 30.0, 40.0])[var]
    mw_hi = np.array([70.0, 45.0, 60.0])[var]
    md_lo = np.array([13.0, 14.0, 16.0])[var]
    md_hi = np.array([17.0, 20.0, 22.0])[var]
    mw = np.clip(np.minimum(rng.uniform(mw_lo, mw_hi), bw - 20), 10, None)
    md = rng.uniform(md_lo, md_hi)
    mx0 = bx0 + rng.uniform(6, 10, nb)
    my0 = by0 + rng.uniform(6, 10, nb)
    sw = np.minimum(
        rng.uniform(np.array([25.0, 15.0, 20.0])[var], np.array([35.0, 25.0, 35.0])[var]), bw / 2 - 8
    )
    sd = rng.uniform(np.array([15.0, 9.0, 12.0])[var], np.array([20.0, 12.0, 16.0])[var])
    sx1 = bx1 - rng.uniform(6, 12, nb)
    sy1 = by1 - rng.uniform(6, 10, nb)
    kw = rng.uniform(15, 24, nb)
    kd = rng.uniform(10, 14, nb)
    kx0 = bx0 + rng.uniform(6, 10, nb)
    ky1 = by1 - rng.uniform(6, 10, nb)
    has_k = rng.random(nb) < 0.4
    side_ok = (sy1 - sd > my0 + md + 3) & (sw > 8)
    kita_ok = has_k & (ky1 - kd > my0 + md + 3) & (kx0 + kw < sx1 - sw - 3)
    return [
        _bldg(mx0, my0, mx0 + mw, my0 + md, K_PUB_MAIN, cells, var),
        _bldg(
            (sx1 - sw)[side_ok],
            (sy1 - sd)[side_ok],
            sx1[side_ok],
            sy1[side_ok],
            K_PUB_SIDE,
            cells[side_ok],
            var[side_ok],
        ),
        _bldg(
            kx0[kita_ok],
            (ky1 - kd)[kita_ok],
            (kx0 + kw)[kita_ok],
            ky1[kita_ok],
            K_KITA,
            cells[kita_ok],
            var[kita_ok],
        ),
    ]


def _quadrants(L: _Layout, cells, lane: float):
    """Four quadrants per block around a central north-south lane: (blk, q, qx0, qy0, qw, qh)."""
    bx0, bx1, by0, by1 = L.bx0[cells], L.bx1[cells], L.by0[cells], L.by1[cells]
    qw = np.clip((bx1 - bx0 - lane) / 2 - 3, 5, None)
    qh = np.clip((by1 - by0) / 2 - 5, 5, None)
    blk, q = expand(np.full(cells.size, 4))
    east = q % 2 == 1
    north = q >= 2
    qx0 = np.where(east, bx1[blk] - 2 - qw[blk], bx0[blk] + 2)
    qy0 = np.where(north, by1[blk] - 3 - qh[blk], by0[blk] + 3)
    return blk, q, qx0, qy0, qw[blk], qh[blk], north


def _commercial(rng, L: _Layout, cells) -> list[dict]:
    blk, q, qx0, qy0, qw, qh, north = _quadrants(L, cells, 8.0)
    m = blk.size
    typ = _pick(rng.random(m), (0.62, 0.25, 0.13))
    hw = rng.uniform(0.55, 0.92, m) * qw
    hh = rng.uniform(0.50, 0.88, m) * qh
    ow = np.minimum(rng.uniform(15, 30, m), qw)
    oh = np.minimum(rng.uniform(12, 18, m), qh)
    w = np.where(typ == 0, hw, ow)
    h = np.where(typ == 0, hh, oh)
    x0 = qx0 + rng.random(m) * (qw - w)
    y0 = qy0 + rng.random(m) * (qh - h)
    keep = (typ < 2) & ~(L.partial_brown[cells][blk] & ~north)
    kind = np.where(typ == 0, K_HALL, K_OFFICE)
    # annexes (Nebengebäude, garages, gatehouses) in the space left of or right of the main building
    aw = rng.uniform(4, 10, m)
    ad = np.minimum(rng.uniform(5, 10, m), h)
    right = qx0 + qw - (x0 + w)
    left = x0 - qx0
    ax0 = np.where(right >= left, x0 + w + 1.0, x0 - 1.0 - aw)
    room = np.maximum(right, left) >= aw + 1.5
    has_a = keep & room & (rng.random(m) < 0.7)
    return [
        _bldg(x0[keep], y0[keep], (x0 + w)[keep], (y0 + h)[keep], kind[keep], cells[blk][keep]),
        _bldg(ax0[has_a], y0[has_a], (ax0 + aw)[has_a], (y0 + ad)[has_a], K_REAR, cells[blk][has_a]),
    ]


def _allotments(rng, L: _Layout, cells) -> list[dict]:
    bx0, bx1, by0, by1 = L.bx0[cells], L.bx1[cells], L.by0[cells], L.by1[cells]
    nb = cells.size
    pw = rng.uniform(14, 18, nb)
    ph = rng.uniform(18, 24, nb)
    npx = np.maximum(np.floor((bx1 - bx0 - 4) / pw).astype(int), 1)
    npy = np.maximum(np.floor((by1 - by0 - 6) / ph).astype(int), 1)
    blk, pos = expand(npx * npy)
    m = blk.size
    px = pos % npx[blk]
    py = pos // npx[blk]
    hw = rng.uniform(2.5, 4.0, m)
    hd = rng.uniform(2.5, 3.5, m)
    x0 = bx0[blk] + 2 + px * pw[blk] + 1 + rng.random(m) * np.clip(pw[blk] - hw - 2, 0, None)
    y0 = by0[blk] + 3 + py * ph[blk] + 1 + rng.random(m) * np.clip(ph[blk] - hd - 2, 0, None)
    has = rng.random(m) < 0.85
    return [_bldg(x0[has], y0[has], (x0 + hw)[has], (y0 + hd)[has], K_HUT, cells[blk][has])]


def _hamlets(rng, L: _Layout, cells) -> list[dict]:
    blk, q, qx0, qy0, qw, qh, north = _quadrants(L, cells, 6.0)
    m = blk.size
    typ = _pick(rng.random(m), (0.45, 0.35, 0.20))
    front = np.where(north, qy0 + qh, qy0)  # the side towards the street
    sgn = np.where(north, -1.0, 1.0)

    def span(a, b):  # offsets a..b from the street side -> (y0, y1)
        ya, yb = front + sgn * a, front + sgn * b
        return np.minimum(ya, yb), np.maximum(ya, yb)

    fw, fd = rng.uniform(12, 16, m), rng.uniform(9, 12, m)
    fx0 = qx0 + 2
    fy0, fy1 = span(np.zeros(m), fd)
    stw, std = rng.uniform(12, 22, m), rng.uniform(8, 11, m)
    stx0 = fx0 + fw + rng.uniform(3, 5, m)
    stw = np.minimum(stw, qx0 + qw - 2 - stx0)
    sty0, sty1 = span(np.zeros(m), std)
    has_st = (rng.random(m) < 0.6) & (stw >= 8)
    bw_, bd = np.minimum(rng.uniform(18, 30, m), qw - 4), rng.uniform(12, 16, m)
    bgap = rng.uniform(4, 7, m)
    bstart = np.maximum(fd, np.where(has_st, std, 0)) + bgap
    by0_, by1_ = span(bstart, bstart + bd)
    barn_ok = (bstart + bd <= qh) & (bw_ >= 10)
    farm = typ == 0
    shw, shd = rng.uniform(4, 8, m), rng.uniform(4, 7, m)
    shx0 = qx0 + qw - 2 - shw
    shy0, shy1 = span(qh - shd - 1, qh - 1)
    has_sh = farm & (rng.random(m) < 0.6) & (shx0 > fx0 + np.where(barn_ok, bw_, 0) + 2)
    out = [
        _bldg(shx0[has_sh], shy0[has_sh], (shx0 + shw)[has_sh], shy1[has_sh], K_SHED, cells[blk][has_sh]),
        _bldg(fx0[farm], fy0[farm], (fx0 + fw)[farm], fy1[farm], K_FARMHOUSE, cells[blk][farm]),
        _bldg(
            stx0[farm & has_st],
            sty0[farm & has_st],
            (stx0 + stw)[farm & has_st],
            sty1[farm & has_st],
            K_STALL,
            cells[blk][farm & has_st],
        ),
        _bldg(
            fx0[farm & barn_ok],
            by0_[farm & barn_ok],
            (fx0 + bw_)[farm & barn_ok],
            by1_[farm & barn_ok],
            K_BARN,
            cells[blk][farm & barn_ok],
        ),
    ]
    # two houses side by side
    hw = rng.uniform(8, 11, (m, 2))
    hd = rng.uniform(9, 12, (m, 2))
    sb = rng.uniform(3, 6, (m, 2))
    houses = (typ == 1) & (qw >= 26)
    for k in (0, 1):
        hx0 = qx0 + 2 + k * qw / 2
        hy0, hy1 = span(sb[:, k], sb[:, k] + hd[:, k])
        out.append(
            _bldg(
                hx0[houses], hy0[houses], (hx0 + hw[:, k])[houses], hy1[houses], K_HOUSE, cells[blk][houses]
            )
        )
    return out


def _field_barns(rng, L: _Layout, cells) -> list[dict]:
    nb = cells.size
    w, d = rng.uniform(15, 30, nb), rng.uniform(10, 15, nb)
    cx = (L.bx0[cells] + L.bx1[cells]) / 2 + rng.uniform(-15, 15, nb)
    cy = (L.by0[cells] + L.by1[cells]) / 2 + rng.uniform(-10, 10, nb)
    has = rng.random(nb) < 0.04
    return [
        _bldg((cx - w / 2)[has], (cy - d / 2)[has], (cx + w / 2)[has], (cy + d / 2)[has], K_BARN, cells[has])
    ]


def _candidates(rng: np.random.Generator, L: _Layout) -> dict[str, np.ndarray]:
    free = L.group < 0
    sel = lambda mask: np.flatnonzero(mask & free)  # noqa: E731
    parts: list[dict] = []
    parts += _innenstadt(rng, L, sel((L.use == U_RES) & (L.zone == Z_INNER)))
    parts += _houses(rng, L, sel((L.use == U_RES) & (L.zone != Z_INNER) & ~L.zeilen))
    parts += _zeilen(rng, L, sel((L.use == U_RES) & L.zeilen))
    parts += _public(rng, L, sel(L.use == U_PUB))
    parts += _commercial(rng, L, sel(L.use == U_COM))
    parts += _allotments(rng, L, sel(L.use == U_ALLOT))
    parts += _hamlets(rng, L, sel(L.use == U_HAMLET))
    parts += _field_barns(rng, L, sel(L.use == U_FIELD))
    b = _cat(parts)
    # drop what a pocket park covers
    px0, py0, px1, py1 = _pocket_rects(L)
    c = b["cell"]
    hit = (
        (L.pocket[c] >= 0) & (b["x0"] < px1[c]) & (b["x1"] > px0[c]) & (b["y0"] < py1[c]) & (b["y1"] > py0[c])
    )
    keep = ~hit & (b["x1"] - b["x0"] > 1.5) & (b["y1"] - b["y0"] > 1.5)
    b = {k: v[keep] for k, v in b.items()}
    order = np.argsort(b["cell"], kind="stable")  # bid order follows the blocks: spatial locality
    return {k: v[order] for k, v in b.items()}


def _pocket_rects(L: _Layout):
    corner = np.clip(L.pocket, 0, 3)
    w = np.minimum(L.pocket_wh[:, 0], (L.bx1 - L.bx0) / 2)
    h = np.minimum(L.pocket_wh[:, 1], (L.by1 - L.by0) / 2)
    east = corner % 2 == 1
    north = corner >= 2
    x0 = np.where(east, L.bx1 - w, L.bx0)
    y0 = np.where(north, L.by1 - h, L.by0)
    return x0, y0, x0 + w, y0 + h


# --------------------------------------------------------------------------------------------
# building attributes and geometry


def _buildings(rng: np.random.Generator, L: _Layout, b: dict[str, np.ndarray]):
    n = b["kind"].size
    kind, cell, sub = b["kind"], b["cell"], b["sub"]
    zone = L.zone[cell]
    w = b["x1"] - b["x0"]
    d = b["y1"] - b["y0"]
    short = np.minimum(w, d)

    # function
    func = np.zeros(n, dtype=np.int64)
    u_f = rng.random(n)
    for k in range(N_KINDS):
        codes, wts = KIND_FUNCTIONS[k]
        m = kind == k
        func[m] = np.asarray(codes)[_pick(u_f[m], wts)]
    func = np.where(kind == K_PUB_MAIN, np.asarray(PUB_MAIN_FUNCTION)[sub], func)
    func = np.where(kind == K_PUB_SIDE, np.asarray(PUB_SIDE_FUNCTION)[sub], func)

    # rear buildings used as garages are garages from here on (roof, storeys, height, flags)
    kind = np.where(func == FUNCTIONS.index("31001_2463"), K_GARAGE, kind)

    # roof type
    p_flat = np.array([KIND_ROOFS[k][0] for k in range(N_KINDS)])[kind]
    p_flat = np.where(zone == Z_INNER, np.minimum(p_flat + 0.04, 1), p_flat)
    p_flat = np.where(zone == Z_OUTER, p_flat * 0.7, p_flat)
    church = (kind == K_PUB_MAIN) & (sub == PUB_CHURCH)
    p_flat = np.where(church, 0.0, p_flat)
    cum = np.cumsum(np.array([KIND_ROOFS[k][1] for k in range(N_KINDS)]), axis=1)
    cum = cum / cum[:, -1:]
    u_flat, u_type = rng.random(n), rng.random(n)
    pitched = 1 + (u_type[:, None] > cum[kind]).sum(axis=1).clip(0, 4)
    roof = np.where(u_flat < p_flat, R_FLAT, pitched)
    roof = np.where(church, R_SATTEL, roof)

    # slope
    u1, u2 = rng.random(n), rng.random(n)
    flat_slope = np.where(u1 < 0.7, 2.0 * u2, 2.0 + 3.0 * u2)
    pult = np.where(u1 < 0.45, 5 + 5 * u2, np.where(u1 < 0.8, 10 + 10 * u2, 20 + 10 * u2))
    misch = np.where(u1 < 0.4, 5 + 5 * u2, 20 + 25 * u2)
    normal = rng.normal(0, 1, n)
    sattel = np.clip(38 + 6 * normal, 25, 50)
    walm = np.clip(35 + 5 * normal, 25, 48)
    kwalm = np.clip(42 + 5 * normal, 30, 50)
    slope = np.choose(roof, [flat_slope, pult, sattel, walm, kwalm, misch])
    lowpitch = np.isin(kind, (K_HALL, K_BARN, K_STALL)) & np.isin(roof, (R_SATTEL, R_WALM, R_KWALM))
    slope = np.where(lowpitch, 12 + 16 * u2, slope)
    slope = np.where(church, np.clip(45 + 3 * normal, 40, 50), slope)
    slope = np.round(slope, 1)

    # storeys and height
    storeys = np.ones(n, dtype=np.int64)
    u_st = rng.random(n)
    for k in range(N_KINDS):
        vals, wts = KIND_STOREYS[k]
        m = kind == k
        storeys[m] = np.asarray(vals)[_pick(u_st[m], wts)]
    storeys = np.where(church, 1, storeys)
    floor_h = rng.uniform(2.9, 3.3, n)
    floor_h = np.where(np.isin(kind, (K_HALL, K_BARN, K_STALL)), rng.uniform(4.5, 7.0, n), floor_h)
    floor_h = np.where(np.isin(kind, (K_GARAGE, K_SHED, K_HUT)), rng.uniform(2.3, 3.0, n), floor_h)
    floor_h = np.where(church, rng.uniform(10, 16, n), floor_h)
    eaves = storeys * floor_h
    rise = np.where(roof == R_PULT, 1.0, 0.5) * short * np.tan(np.radians(slope))
    height = np.where(roof == R_FLAT, eaves + rng.uniform(0.3, 1.0, n), eaves + 0.3 + rise)
    height = np.where(church, height + rng.uniform(15, 30, n) * (rng.random(n) < 0.7), height)  # towers
    height = np.round(height, 2)

    flags = np.array([KIND_FLAGS[k] for k in range(N_KINDS)])[kind]
    p_listed = np.where(church, 0.5, flags[:, 0])
    p_listed = np.where(zone == Z_INNER, p_listed * 1.3, p_listed)
    listed = (rng.random(n) < p_listed).astype(np.int64)
    green = ((rng.random(n) < flags[:, 1]) & (roof == R_FLAT)).astype(np.int64)
    pv = ((rng.random(n) < flags[:, 2]) & ~((listed == 1) & (rng.random(n) < 0.7))).astype(np.int64)

    # messiness: NULL slope, NULL roof type
    null_slope = rng.random(n) < SHARE_NULL_SLOPE
    null_roof = rng.random(n) < SHARE_NULL_ROOF
    slope_out = np.where(null_slope, np.nan, slope)
    roof_out = np.where(null_roof, -1, roof)

    # geometry: rectangles, a few split into two parts, some slightly rotated
    angle = np.where(np.isin(kind, ROTATED_KINDS), np.clip(rng.normal(0, 1.2, n), -2.5, 2.5), 0.0)
    eligible = np.flatnonzero(np.isin(kind, MULTIPART_KINDS) & (np.maximum(w, d) >= 18))
    n_multi = min(eligible.size, max(1, round(SHARE_MULTIPART * n)))
    multi = np.sort(rng.permutation(eligible)[:n_multi]) if n_multi else np.zeros(0, np.int64)
    frac = rng.uniform(0.3, 0.7, n_multi)
    gapm = rng.uniform(1.0, 2.5, n_multi)
    geoms = _footprints(b, angle, multi, frac, gapm)
    area = np.round(shapely.area(geoms), 2)

    attrs = {
        "bid": np.arange(1, n + 1),
        "roof": roof_out,
        "slope": slope_out,
        "height": height,
        "storeys": storeys,
        "func": func,
        "listed": listed,
        "green": green,
        "pv": pv,
        "area": area,
    }
    return geoms, attrs


def _footprints(b, angle, multi, frac, gap) -> np.ndarray:
    n = b["x0"].size
    x0, y0, x1, y1 = b["x0"].copy(), b["y0"].copy(), b["x1"].copy(), b["y1"].copy()
    cxb, cyb = (x0 + x1) / 2, (y0 + y1) / 2
    # second parts: split the rectangle across its long side, leaving a passage
    mx0, my0, mx1, my1 = x0[multi], y0[multi], x1[multi], y1[multi]
    along_x = (mx1 - mx0) >= (my1 - my0)
    cut_x = mx0 + frac * (mx1 - mx0)
    cut_y = my0 + frac * (my1 - my0)
    px0 = np.where(along_x, cut_x + gap / 2, mx0)
    py0 = np.where(along_x, my0, cut_y + gap / 2)
    x1[multi] = np.where(along_x, cut_x - gap / 2, mx1)
    y1[multi] = np.where(along_x, my1, cut_y - gap / 2)
    ax0 = np.concatenate([x0, px0])
    ay0 = np.concatenate([y0, py0])
    ax1 = np.concatenate([x1, mx1])
    ay1 = np.concatenate([y1, my1])
    owner = np.concatenate([np.arange(n), multi])
    corners_x = np.stack([ax0, ax1, ax1, ax0, ax0], axis=1) - cxb[owner, None]
    corners_y = np.stack([ay0, ay0, ay1, ay1, ay0], axis=1) - cyb[owner, None]
    a = np.radians(angle[owner])[:, None]
    turned = a != 0
    rx = np.where(
        turned,
        corners_x * np.cos(a) - corners_y * np.sin(a) + cxb[owner, None],
        np.stack([ax0, ax1, ax1, ax0, ax0], axis=1),
    )
    ry = np.where(
        turned,
        corners_x * np.sin(a) + corners_y * np.cos(a) + cyb[owner, None],
        np.stack([ay0, ay0, ay1, ay1, ay0], axis=1),
    )
    rings = np.round(np.stack([rx, ry], axis=2), 2)
    polys = shapely.polygons(rings)
    order = np.argsort(owner, kind="stable")
    return shapely.multipolygons(polys[order], indices=owner[order])


# --------------------------------------------------------------------------------------------
# streets and trees


def _streets(rng: np.random.Generator, L: _Layout):
    nx, ny = L.nx, L.ny
    use2 = L.use.reshape(ny, nx)
    zone2 = L.zone.reshape(ny, nx)
    grp2 = L.group.reshape(ny, nx)
    built = ~np.isin(use2, OPEN_USES)

    # vertical segments on lines k = 1..nx-1 between rows j
    kk, jj = np.meshgrid(np.arange(1, nx), np.arange(ny), indexing="ij")
    kk, jj = kk.ravel(), jj.ravel()
    left, right = (jj, kk - 1), (jj, kk)
    v_ok = (L.xcls[kk] <= RC_SECONDARY) | built[left] | built[right]
    v_ok &= ~((grp2[left] >= 0) & (grp2[left] == grp2[right]))
    v_zone = np.minimum(zone2[left], zone2[right])[v_ok]
    vk, vj = kk[v_ok], jj[v_ok]
    v = {
        "x0": L.xs[vk], "y0": L.ys[vj], "x1": L.xs[vk], "y1": L.ys[vj + 1], "cls": L.xcls[vk].copy(),
        "width": L.xw[vk].copy(), "zone": v_zone, "axis": np.zeros(vk.size, int), "line": vk, "pos": vj,
    }  # fmt: skip
    # horizontal segments on lines l = 1..ny-1 between columns i
    ll, ii = np.meshgrid(np.arange(1, ny), np.arange(nx), indexing="ij")
    ll, ii = ll.ravel(), ii.ravel()
    below, above = (ll - 1, ii), (ll, ii)
    h_ok = (L.ycls[ll] <= RC_SECONDARY) | built[below] | built[above]
    h_ok &= ~((grp2[below] >= 0) & (grp2[below] == grp2[above]))
    h_zone = np.minimum(zone2[below], zone2[above])[h_ok]
    hl, hi = ll[h_ok], ii[h_ok]
    h = {
        "x0": L.xs[hi], "y0": L.ys[hl], "x1": L.xs[hi + 1], "y1": L.ys[hl], "cls": L.ycls[hl].copy(),
        "width": L.yw[hl].copy(), "zone": h_zone, "axis": np.ones(hl.size, int), "line": hl, "pos": hi,
    }  # fmt: skip
    s = _cat([v, h])
    n = s["cls"].size
    living = (s["cls"] == RC_RESIDENTIAL) & (s["zone"] != Z_OUTER) & (rng.random(n) < 0.12)
    s["cls"] = np.where(living, RC_LIVING, s["cls"])
    s["width"] = np.where(living, np.minimum(s["width"], np.round(rng.uniform(6, 9, n) * 2) / 2), s["width"])

    # service roads into commercial blocks (along the lane between the halls)
    com = np.flatnonzero((L.use == U_COM) & (L.group < 0) & (L.u_extra[:, 0] < 0.8))
    xm = (L.bx0[com] + L.bx1[com]) / 2
    start = np.where(L.cj[com] == 0, L.by0[com], L.ys[L.cj[com]])
    m = com.size
    svc = {
        "x0": np.round(xm, 2), "y0": start, "x1": np.round(xm, 2), "y1": np.round(L.cy[com], 2),
        "cls": np.full(m, RC_SERVICE), "width": np.round(rng.uniform(4, 6, m) * 2) / 2,
        "zone": L.zone[com], "axis": np.full(m, 2), "line": com, "pos": np.zeros(m, int),
    }  # fmt: skip
    s = _cat([s, svc])
    n = s["cls"].size

    # surfaces
    cum = np.cumsum(np.asarray(ROAD_SURFACE), axis=1)
    cum = cum / cum[:, -1:]
    surface = (rng.random(n)[:, None] > cum[s["cls"]]).sum(axis=1).clip(0, len(SURFACES) - 1)

    # names: one name per line section of up to 8 blocks; service roads mostly unnamed
    key = (s["axis"] * 1_000_003 + s["line"]) * 64 + s["pos"] // 8
    ukey, inv = np.unique(key, return_inverse=True)
    stem = rng.integers(0, len(STEMS), ukey.size)
    suffix = _choice(rng, STREET_SUFFIX_WEIGHTS, ukey.size)
    arterial = s["cls"] <= RC_SECONDARY
    suffix_seg = np.where(arterial & (suffix[inv] != 3), 0, suffix[inv])
    names_tab = [st + sf for st in STEMS for sf in STREET_SUFFIXES]
    name_idx = stem[inv] * len(STREET_SUFFIXES) + suffix_seg
    unnamed = (s["cls"] == RC_SERVICE) & (rng.random(n) < 0.7)
    name_idx = np.where(unnamed, -1, name_idx)
    avenue_u = rng.random(ukey.size)[inv]

    geoms = shapely.linestrings(
        np.stack([np.stack([s["x0"], s["y0"]], 1), np.stack([s["x1"], s["y1"]], 1)], axis=1)
    )
    attrs = {
        "sid": np.arange(1, n + 1),
        "cls": s["cls"],
        "width": s["width"],
        "surface": surface,
        "name": name_idx,
        "names": names_tab,
    }
    trees = _trees(rng, s, avenue_u)
    return geoms, attrs, trees


def _trees(rng: np.random.Generator, s: dict[str, np.ndarray], avenue_u: np.ndarray):
    n = s["cls"].size
    p_avenue = np.asarray(ROAD_AVENUE)[s["cls"]] * np.where(s["zone"] == Z_OUTER, 0.6, 1.0)
    avenue = avenue_u < p_avenue
    has = np.where(avenue, rng.random(n) < 0.9, (rng.random(n) < 0.08) & (s["cls"] != RC_SERVICE))
    length = np.hypot(s["x1"] - s["x0"], s["y1"] - s["y0"])
    spacing = rng.uniform(8, 15, n)
    per_side = np.where(has & (length > 16), np.floor((length - 16) / spacing).astype(int) + 1, 0)
    both = rng.random(n) < 0.65
    first_side = np.where(rng.random(n) < 0.5, 1.0, -1.0)
    count = per_side * np.where(both, 2, 1)
    seg, pos = expand(count)
    m = seg.size
    k = pos % np.maximum(per_side[seg], 1)
    side = np.where(both[seg] & (pos >= per_side[seg]), -first_side[seg], first_side[seg])
    t = 8 + k * spacing[seg] + rng.uniform(-0.5, 0.5, m)
    off = side * np.maximum(s["width"][seg] / 2 - 1.2, 1.0)
    vertical = s["x0"][seg] == s["x1"][seg]
    x = np.where(vertical, s["x0"][seg] + off, s["x0"][seg] + t)
    y = np.where(vertical, s["y0"][seg] + t, s["y0"][seg] + off)
    keep = rng.random(m) >= 0.12  # gaps: felled, driveways, lamp posts
    # species: mostly one per avenue, some mixed
    w = np.array([p for _, p in TREE_SPECIES])
    seg_species = _choice(rng, w, n)
    tree_species = np.where(rng.random(m) < 0.8, seg_species[seg], _choice(rng, w, m))
    decade = np.array([d for d, _ in TREE_DECADES])[_choice(rng, [p for _, p in TREE_DECADES], n)]
    base_year = np.minimum(decade + rng.integers(0, 10, n), LAST_YEAR - 1)
    planted = base_year[seg]
    replaced = rng.random(m) < 0.15
    planted = np.where(
        replaced, planted + np.ceil(rng.random(m) * (LAST_YEAR - planted)).astype(int), planted
    )
    x, y = np.round(x[keep], 2), np.round(y[keep], 2)
    return shapely.points(x, y), {
        "tid": np.arange(1, x.size + 1),
        "species": tree_species[keep],
        "planted": np.minimum(planted[keep], LAST_YEAR),
    }


# --------------------------------------------------------------------------------------------
# area layers


def _cells_polygons(L: _Layout) -> np.ndarray:
    return shapely.box(L.xs[L.ci], L.ys[L.cj], L.xs[L.ci + 1], L.ys[L.cj + 1])


def _dissolve(cells_geom: np.ndarray, key: np.ndarray, explode: bool):
    """Union the cells per key value (a coverage: exact shared edges)."""
    keys, geoms = [], []
    order = np.argsort(key, kind="stable")
    uk, starts = np.unique(key[order], return_index=True)
    bounds = np.append(starts, order.size)
    for i, k in enumerate(uk):
        g = shapely.simplify(shapely.coverage_union_all(cells_geom[order[bounds[i] : bounds[i + 1]]]), 0.0)
        parts = shapely.get_parts(g) if explode else [g]
        keys.extend([k] * len(parts))
        geoms.extend(parts)
    return np.asarray(keys), np.asarray(geoms, dtype=object)


def _green_objects(rng: np.random.Generator, L: _Layout):
    """Parks (cell parks, merged parks, pocket parks) and brownfields (cells, merged, partial)."""
    nb = L.groups.shape[0]
    g_i0, g_j0, g_a, g_b = (L.groups[:, k] for k in range(4)) if nb else (np.zeros(0, int),) * 4
    gc0 = g_j0 * L.nx + g_i0
    gc1 = (g_j0 + g_b - 1) * L.nx + g_i0 + g_a - 1
    g_use = L.use[gc0] if nb else np.zeros(0, int)

    def rect(cells):
        return L.bx0[cells] + 1, L.by0[cells] + 1, L.bx1[cells] - 1, L.by1[cells] - 1

    # parks
    pc = np.flatnonzero((L.use == U_PARK) & (L.group < 0))
    pg = np.flatnonzero(g_use == U_PARK)
    pp = np.flatnonzero(L.pocket >= 0)
    px0, py0, px1, py1 = _pocket_rects(L)
    parks = _rects(
        np.concatenate([rect(pc)[0], L.bx0[gc0[pg]] + 1, px0[pp] + 0.5]),
        np.concatenate([rect(pc)[1], L.by0[gc0[pg]] + 1, py0[pp] + 0.5]),
        np.concatenate([rect(pc)[2], L.bx1[gc1[pg]] - 1, px1[pp] - 0.5]),
        np.concatenate([rect(pc)[3], L.by1[gc1[pg]] - 1, py1[pp] - 0.5]),
    )
    ptype = np.concatenate([np.zeros(pc.size, int), np.ones(pg.size, int), np.full(pp.size, 2)])
    np_ = ptype.size
    stem = rng.integers(0, len(STEMS), np_)
    pick = rng.integers(0, 3, np_)
    stems = np.array(STEMS, dtype=object)[stem]
    pocket_name = (
        np.array(["Spielplatz ", "Grünanlage ", "Quartiersplatz "], dtype=object)[pick] + stems + "straße"
    )
    big_name = (
        np.array(["Stadtpark ", "Volkspark ", "Bürgerpark "], dtype=object)[pick]
        + np.array([x.rstrip("n") for x in STEMS], dtype=object)[stem]
    )
    park_names = np.where(ptype == 2, pocket_name, np.where(ptype == 1, big_name, stems + "park")).tolist()
    park_geom = shapely.box(*(np.round(parks[k], 2) for k in ("x0", "y0", "x1", "y1")))

    # brownfields
    bc = np.flatnonzero((L.use == U_BROWN) & (L.group < 0))
    bg = np.flatnonzero(g_use == U_BROWN)
    bp = np.flatnonzero(L.partial_brown & (L.group < 0))
    mid = (L.by0 + L.by1) / 2
    br = _rects(
        np.concatenate([rect(bc)[0], L.bx0[gc0[bg]] + 1, L.bx0[bp] + 1]),
        np.concatenate([rect(bc)[1], L.by0[gc0[bg]] + 1, L.by0[bp] + 1]),
        np.concatenate([rect(bc)[2], L.bx1[gc1[bg]] - 1, L.bx1[bp] - 1]),
        np.concatenate([rect(bc)[3], L.by1[gc1[bg]] - 1, mid[bp] - 1]),
    )
    btype = np.concatenate([np.zeros(bc.size, int), np.ones(bg.size, int), np.full(bp.size, 2)])
    nbf = btype.size
    w = br["x1"] - br["x0"]
    h = br["y1"] - br["y0"]
    c1 = rng.uniform(0.05, 0.25, nbf) * np.minimum(w, h)
    c2 = rng.uniform(0.05, 0.25, nbf) * np.minimum(w, h)
    ring = np.stack(
        [
            np.stack([br["x0"] + c1, br["y0"]], 1),
            np.stack([br["x1"], br["y0"]], 1),
            np.stack([br["x1"], br["y1"] - c2], 1),
            np.stack([br["x1"] - c2, br["y1"]], 1),
            np.stack([br["x0"], br["y1"]], 1),
            np.stack([br["x0"], br["y0"] + c1], 1),
            np.stack([br["x0"] + c1, br["y0"]], 1),
        ],
        axis=1,
    )
    bf_geom = shapely.polygons(np.round(ring, 2))
    biotope = _choice(rng, BIOTOPE_WEIGHTS, nbf)
    lo = np.array([s[0] for s in BIOTOPE_SEALING])[biotope]
    hi = np.array([s[1] for s in BIOTOPE_SEALING])[biotope]
    sealing = np.round(rng.uniform(lo, hi), 2)
    contam = _choice(rng, CONTAM_WEIGHTS, nbf)
    nm_pick = rng.integers(0, 4, nbf)
    nm_mine = rng.integers(0, len(MINE_NAMES), nbf)
    nm_stem = rng.integers(0, len(STEMS), nbf)
    nm_roman = rng.integers(0, len(ROMAN), nbf)
    mine = np.array(MINE_NAMES, dtype=object)[nm_mine]
    stem = np.array(STEMS, dtype=object)[nm_stem]
    historic = np.select(
        [nm_pick == 0, nm_pick == 1, nm_pick == 2],
        [
            "Zeche " + mine,
            "Kokerei " + mine,
            "Schacht " + mine + " " + np.array(ROMAN, dtype=object)[nm_roman],
        ],
        "Güterbahnhof " + stem,
    )
    recent = np.select(
        [nm_pick % 3 == 0, nm_pick % 3 == 1],
        ["Gewerbebrache " + stem + "straße", "Bahnbrache " + stem],
        "Brache " + stem + "feld",
    )
    bf_names = np.where(
        (btype == 1) | ((btype == 0) & (nm_pick == 0)),
        historic,
        np.where(btype == 2, "Gewerbebrache " + stem + "weg", recent),
    ).tolist()
    # the cells each brownfield covers (for Klimatope and Biotopverbund; partial ones: none)
    bf_cells_obj, bf_cells = [np.arange(bc.size)], [bc]
    if bg.size:
        gid, k = expand(g_a[bg] * g_b[bg])
        cells = (g_j0[bg][gid] + k // g_a[bg][gid]) * L.nx + g_i0[bg][gid] + k % g_a[bg][gid]
        bf_cells_obj.append(bc.size + gid)
        bf_cells.append(cells)
    parks_out = {"geom": park_geom, "name": park_names, "area_ha": np.round(shapely.area(park_geom) / 1e4, 3)}
    bf_out = {
        "geom": bf_geom,
        "bfid": np.arange(1, nbf + 1),
        "name": bf_names,
        "biotope": biotope,
        "sealing": sealing,
        "contam": contam,
        "area_m2": np.round(shapely.area(bf_geom), 1),
        "cell_obj": np.concatenate(bf_cells_obj),
        "cells": np.concatenate(bf_cells),
    }
    return parks_out, bf_out


def _brownfield_planning(rng: np.random.Generator, bf: dict[str, np.ndarray]) -> dict[str, list]:
    """The brownfield attributes a planner needs for gi:brownfields beside ``contam`` (the
    Altlasten status), in German as in a Brachflächenkataster: a surveyed biotope value for about a third (the
    biotope type's value of ``resources/biotope_types.csv`` ± 1), owner (rail yards mostly
    Deutsche Bahn), earlier lawful use, the planning procedure (§ 13a BauGB or not, empty while
    no plan exists) and known protected species (more often on open pioneer ground).

    Its own random stream, so the other layers stay as they were for a seed.
    """
    from ..scoring.biotope import values_for_types

    n = len(bf["bfid"])
    base = values_for_types(np.array(BIOTOPES, dtype=object)).value_a[bf["biotope"]]
    surveyed = rng.random(n) < SURVEYED_SHARE
    value = np.clip(np.round((base + rng.uniform(-1.0, 1.0, n)) * 2) / 2, 0.0, 10.0)
    rail = np.array([("bahn" in str(name).lower()) for name in bf["name"]], bool)
    owner = np.where(rail & (rng.random(n) < 0.8), OWNERS.index("Deutsche Bahn"), _choice(rng, OWNER_WEIGHTS, n))
    prior = (rng.random(n) < 0.85).astype(int)
    prior_known = rng.random(n) < 0.9
    proc = rng.random(n)
    open_ground = np.isin(bf["biotope"], [BIOTOPES.index(t) for t in ("Pioniervegetation", "Ruderalflur", "Schotter")])
    species = (rng.random(n) < np.where(open_ground, 0.25, 0.05)).astype(int)
    return {
        "biotopwert": _reals(np.where(surveyed, value, np.nan)),
        "eigentum": _texts(owner, OWNERS),
        "vornutzung": [int(v) if k else None for v, k in zip(prior.tolist(), prior_known.tolist())],
        "verfahren": [PROCEDURES[0] if u < 0.3 else (PROCEDURES[1] if u < 0.6 else None) for u in proc.tolist()],
        "arten": _ints(species),
    }


def _klimatop_cells(L: _Layout, bf) -> np.ndarray:
    kt = np.full(L.use.size, KT_STADT)
    res_like = np.isin(L.use, (U_RES, U_PUB))
    mid_kt = np.where(L.zeilen | (L.rho < 0.55), KT_STADT, np.where(L.rho < 0.72, KT_STADTRAND, KT_VORSTADT))
    kt = np.where(res_like & (L.zone == Z_INNER), KT_INNENSTADT, np.where(res_like, mid_kt, kt))
    kt = np.where(L.use == U_COM, KT_GEWERBE, kt)
    kt = np.where(np.isin(L.use, (U_PARK, U_ALLOT)), KT_PARK, kt)
    kt = np.where(L.use == U_FIELD, KT_FREILAND, kt)
    kt = np.where(L.use == U_FOREST, KT_WALD, kt)
    kt = np.where(L.use == U_HAMLET, KT_VORSTADT, kt)
    biotope_kt = np.array([KT_FREILAND, KT_FREILAND, KT_WALD, KT_GEWERBE, KT_GEWERBE])
    kt[bf["cells"]] = biotope_kt[bf["biotope"][bf["cell_obj"]]]
    return kt


# --------------------------------------------------------------------------------------------
# rasters


def _heat(rng: np.random.Generator, L: _Layout, kt_cells: np.ndarray, res: float, patch):
    """Night air temperature raster and the per-cell heat class (z-score of the cell mean)."""
    n = int(round(L.side / res))
    px = L.x0 + (np.arange(n) + 0.5) * res
    py = L.y0 + L.side - (np.arange(n) + 0.5) * res  # north-up rows
    col_cell = np.clip(np.searchsorted(L.xs, px, side="right") - 1, 0, L.nx - 1)
    row_cell = np.clip(np.searchsorted(L.ys, py, side="right") - 1, 0, L.ny - 1)
    base = np.asarray(KLIMATOP_NIGHT_C)[kt_cells].reshape(L.ny, L.nx)
    t = base[row_cell[:, None], col_cell[None, :]]
    r = max(1, round(40.0 / res))
    t = _box_blur(_box_blur(t, r), r)
    rho = _rho(px[None, :] - CENTRE_E, py[:, None] - CENTRE_N, L.side / 2, L.harmonics)
    t = t + 1.2 * (1.0 - np.clip(rho, 0.0, 1.0)) ** 1.5
    t = t + 0.35 * _Noise(rng, L.x0, L.y0, L.side, 400.0).grid(px, py)
    t = t + 0.12 * _Noise(rng, L.x0, L.y0, L.side, 60.0).grid(px, py)
    heat = np.round(t, 2).astype(np.float32)
    pmask = _patch_mask(px, py, patch)
    heat[pmask] = NODATA
    valid = ~pmask
    cell_idx = row_cell[:, None] * L.nx + col_cell[None, :]
    sums = np.bincount(cell_idx[valid], weights=heat[valid].astype(np.float64), minlength=L.nx * L.ny)
    cnt = np.bincount(cell_idx[valid], minlength=L.nx * L.ny)
    mean = np.where(cnt > 0, sums / np.maximum(cnt, 1), base.ravel())
    # z relative to the built-up blocks of the town (Klimatope Vorstadt ... Gewerbe in Innenstadt
    # and Zwischenstadt), so the classes rank the settlement area as town heat maps do
    settled = (kt_cells >= KT_VORSTADT) & (L.zone != Z_OUTER) & (cnt > 0)
    ref = settled if settled.sum() >= 2 else cnt > 0
    mu = np.average(mean[ref], weights=cnt[ref])
    sd = max(math.sqrt(np.average((mean[ref] - mu) ** 2, weights=cnt[ref])), 1e-6)
    z = (mean - mu) / sd
    heat_class = 1 + np.searchsorted(np.asarray(HEAT_Z_BREAKS), z, side="left")
    return heat, heat_class.astype(np.int64)


def _patch_mask(px: np.ndarray, py: np.ndarray, patch) -> np.ndarray:
    x0, y0, x1, y1 = patch
    return ((py >= y0) & (py <= y1))[:, None] & ((px >= x0) & (px <= x1))[None, :]


def _street_bands(pos: np.ndarray, lines: np.ndarray, widths: np.ndarray, cls: np.ndarray) -> np.ndarray:
    """Index of the street line whose width covers each coordinate, or -1."""
    k = np.clip(np.searchsorted(lines, pos), 1, lines.size - 1)
    near = np.where(np.abs(pos - lines[k - 1]) < np.abs(pos - lines[k]), k - 1, k)
    inside = (np.abs(pos - lines[near]) <= widths[near] / 2) & (cls[near] >= 0)
    return np.where(inside, near, -1)


def _write_rain(
    path: str,
    rng: np.random.Generator,
    L: _Layout,
    res: float,
    patch,
    building_mask: np.ndarray,
    streets_v,
    streets_h,
    report,
) -> None:
    n = int(round(L.side / res))
    ds = _create_tif(path, n, L, res, "maximum water depth, heavy rain (synthetic)", "m")
    band = ds.GetRasterBand(1)
    px = L.x0 + (np.arange(n) + 0.5) * res
    n_big = _Noise(rng, L.x0, L.y0, L.side, 150.0)
    n_small = _Noise(rng, L.x0, L.y0, L.side, 40.0)
    n_sheet = _Noise(rng, L.x0, L.y0, L.side, 25.0)
    col_cell = np.clip(np.searchsorted(L.xs, px, side="right") - 1, 0, L.nx - 1)
    vband = _street_bands(px, L.xs, L.xw, L.xcls)
    chunk = max(256, int(8_000_000 // n) // 256 * 256)
    for r0 in range(0, n, chunk):
        r1 = min(n, r0 + chunk)
        py = L.y0 + L.side - (np.arange(r0, r1) + 0.5) * res
        row_cell = np.clip(np.searchsorted(L.ys, py, side="right") - 1, 0, L.ny - 1)
        hband = _street_bands(py, L.ys, L.yw, L.ycls)
        big = n_big.grid(px, py)
        dep = np.clip(0.65 * big + 0.35 * n_small.grid(px, py) - 0.5, 0.0, None) * 2.0
        sheet = np.clip(0.015 + 0.03 * n_sheet.grid(px, py), 0.0, None)
        street = np.zeros((r1 - r0, n), dtype=bool)
        vb = vband >= 0
        if vb.any():
            street[:, vb] |= streets_v[vband[vb][None, :], row_cell[:, None]]
        hb = hband >= 0
        if hb.any():
            street[hb, :] |= streets_h[hband[hb][:, None], col_cell[None, :]]
        depth = sheet + dep + street * (0.03 + 0.08 * np.clip(big + 0.3, 0.0, None))
        depth[building_mask[r0:r1]] = 0.0
        depth[depth < 0.01] = 0.0
        depth = np.round(depth, 3).astype(np.float32)
        depth[_patch_mask(px, py, patch)] = NODATA
        band.WriteArray(depth, 0, r0)
        report(r1 / n)
    band.FlushCache()
    ds = None


def _create_tif(path: str, n: int, L: _Layout, res: float, description: str, unit: str):
    drv = gdal.GetDriverByName("GTiff")
    opts = [
        "COMPRESS=DEFLATE",
        "PREDICTOR=3",
        "TILED=YES",
        "BLOCKXSIZE=256",
        "BLOCKYSIZE=256",
        "BIGTIFF=IF_SAFER",
        "NUM_THREADS=2",
    ]
    ds = drv.Create(path, n, n, 1, gdal.GDT_Float32, options=opts)
    ds.SetGeoTransform((L.x0, res, 0.0, L.y0 + L.side, 0.0, -res))
    ds.SetProjection(_srs().ExportToWkt())
    ds.SetMetadataItem("TIFFTAG_IMAGEDESCRIPTION", f"Musterstadt (synthetic sample district): {description}")
    band = ds.GetRasterBand(1)
    band.SetNoDataValue(NODATA)
    band.SetDescription(description)
    band.SetUnitType(unit)
    return ds


def _srs() -> osr.SpatialReference:
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(CRS_EPSG)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def _segment_grids(L: _Layout, streets_geom, s_attrs):
    """Which street segments exist, as [line, row] (vertical) and [line, column] (horizontal)."""
    coords = shapely.get_coordinates(streets_geom).reshape(-1, 2, 2)
    cls = s_attrs["cls"]
    x0, y0, x1, y1 = coords[:, 0, 0], coords[:, 0, 1], coords[:, 1, 0], coords[:, 1, 1]
    grid_seg = cls != RC_SERVICE
    vert = grid_seg & (x0 == x1)
    horiz = grid_seg & (y0 == y1)
    v = np.zeros((L.nx + 1, L.ny), dtype=bool)
    h = np.zeros((L.ny + 1, L.nx), dtype=bool)
    v[np.searchsorted(L.xs, x0[vert]), np.searchsorted(L.ys, y0[vert])] = True
    h[np.searchsorted(L.ys, y0[horiz]), np.searchsorted(L.xs, x0[horiz])] = True
    return v, h


# --------------------------------------------------------------------------------------------
# writing


def _write_layer(
    ds, name: str, fields: list[tuple[str, str, list]], geoms, description: str, report=None
) -> int:
    gtype_name, schema_fields = SCHEMA[name]
    gtype = {
        "MultiPolygon": ogr.wkbMultiPolygon,
        "Polygon": ogr.wkbPolygon,
        "LineString": ogr.wkbLineString,
        "Point": ogr.wkbPoint,
    }[gtype_name]
    assert [f[0] for f in fields] == [f[0] for f in schema_fields], name
    lyr = ds.CreateLayer(
        name,
        _srs(),
        gtype,
        options=[
            "SPATIAL_INDEX=YES",
            "FID=fid",
            f"DESCRIPTION={description}",
            f"IDENTIFIER=Musterstadt {name}",
        ],
    )
    ogr_types = {"int": ogr.OFTInteger, "real": ogr.OFTReal, "text": ogr.OFTString}
    for fname, ftype, _ in fields:
        lyr.CreateField(ogr.FieldDefn(fname, ogr_types[ftype]))
    defn = lyr.GetLayerDefn()
    wkbs = shapely.to_wkb(np.asarray(geoms, dtype=object), output_dimension=2, byte_order=1).tolist()
    n = len(wkbs)
    feat = ogr.Feature(defn)
    setters = {"int": feat.SetFieldInteger64, "real": feat.SetField, "text": feat.SetFieldString}
    cols = [(i, setters[ftype], vals) for i, (_, ftype, vals) in enumerate(fields)]
    for _, _, vals in cols:
        assert len(vals) == n, name
    set_null = feat.SetFieldNull
    make_geom = ogr.CreateGeometryFromWkb
    lyr.StartTransaction()
    for i in range(n):
        for idx, setter, vals in cols:
            v = vals[i]
            if v is None:
                set_null(idx)
            else:
                setter(idx, v)
        feat.SetGeometryDirectly(make_geom(wkbs[i]))
        feat.SetFID(i + 1)
        lyr.CreateFeature(feat)
        if report is not None and i % 20000 == 19999:
            report(i / n)
    lyr.CommitTransaction()
    return n


def _texts(codes: np.ndarray, table) -> list:
    lookup = np.array(list(table) + [None], dtype=object)
    codes = np.asarray(codes, dtype=np.int64)
    return lookup[np.where(codes < 0, len(table), codes)].tolist()


def _reals(values: np.ndarray) -> list:
    values = np.asarray(values, dtype=np.float64)
    return np.where(np.isnan(values), None, values).tolist()


def _ints(values: np.ndarray) -> list:
    return np.asarray(values, dtype=np.int64).tolist()


# --------------------------------------------------------------------------------------------
# the public entry point


def _side_for(n_buildings: int, density: float) -> float:
    side = math.sqrt(n_buildings / density) * 1000.0
    return max(200.0, math.ceil(side / 20.0) * 20.0)


def _plan(seed: int, n_buildings: int, report) -> tuple[float, int]:
    """Find a side length whose layout yields n_buildings to 1.12 x n_buildings candidates.

    Deterministic: every attempt lays the district out afresh from the same seed.
    """
    n_districts = int(np.clip(round(n_buildings / 6000) + 4, 5, 300))
    side = _side_for(n_buildings, START_DENSITY)
    tried: dict[float, int] = {}
    for attempt in range(12):
        report(attempt / 12)
        streams = np.random.default_rng(seed).spawn(8)
        count = _candidates(streams[1], _layout(streams[0], side, n_districts))["kind"].size
        tried[side] = count
        if n_buildings <= count <= 1.12 * n_buildings:
            return side, n_districts
        new = max(200.0, math.ceil(side * math.sqrt(1.05 * n_buildings / max(count, 1)) / 20.0) * 20.0)
        if new in tried:  # oscillating between sizes: settle for the smallest that suffices
            enough = [s for s, c in tried.items() if c >= n_buildings]
            if enough:
                return min(enough), n_districts
            new = math.ceil(max(tried) * 1.05 / 20.0) * 20.0
        side = new
    enough = [s for s, c in tried.items() if c >= n_buildings]
    if enough:
        return min(enough), n_districts
    raise RuntimeError(f"could not lay out {n_buildings} buildings")


def generate(
    out_dir: str | os.PathLike,
    n_buildings: int = 5000,
    seed: int = 1,
    progress: Callable[[float], None] | None = None,
    is_canceled: Callable[[], bool] | None = None,
) -> SampleResult:
    """Write Musterstadt with exactly ``n_buildings`` buildings into ``out_dir``.

    ``progress`` receives percentages (0–100); ``is_canceled`` is polled and a True answer
    ends the run with :class:`GenerationCanceled`.

    All or nothing: the files are written into a hidden folder inside ``out_dir`` and moved
    into place only when all three are complete, replacing files of the same names then; a
    canceled or failed run leaves ``out_dir`` as it was. A folder that cannot be written to
    raises ``OSError`` before any work is done.
    """
    n_buildings = int(n_buildings)
    if n_buildings < 1:
        raise ValueError("n_buildings must be at least 1")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".musterstadt-", dir=out))
    try:
        step = _Progress(progress, is_canceled)
        with (
            gdal.ExceptionMgr(useExceptions=True),
            ogr.ExceptionMgr(useExceptions=True),
            osr.ExceptionMgr(useExceptions=True),
        ):
            result = _generate(work / GPKG_NAME, work / HEAT_NAME, work / RAIN_NAME, n_buildings, int(seed), step)
        # an old GeoPackage's journal files would be applied to the new one: they go first
        for stale in (out / (GPKG_NAME + "-wal"), out / (GPKG_NAME + "-shm")):
            if stale.exists():
                stale.unlink()
        for name in (GPKG_NAME, HEAT_NAME, RAIN_NAME):
            os.replace(work / name, out / name)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return dataclasses.replace(
        result, gpkg=str(out / GPKG_NAME), heat_tif=str(out / HEAT_NAME), rain_tif=str(out / RAIN_NAME)
    )


def _generate(
    gpkg: Path, heat_tif: Path, rain_tif: Path, n_buildings: int, seed: int, step: _Progress
) -> SampleResult:
    step(0)
    side, n_districts = _plan(seed, n_buildings, lambda f: step(8 * f))
    streams = np.random.default_rng(seed).spawn(8)
    L = _layout(streams[0], side, n_districts)
    cand = _candidates(streams[1], L)
    rng_b = streams[2]
    keep = np.sort(rng_b.permutation(cand["kind"].size)[:n_buildings])
    cand = {k: v[keep] for k, v in cand.items()}
    b_geom, b = _buildings(rng_b, L, cand)
    step(12)
    s_geom, s, (t_geom, t) = _streets(streams[3], L)
    parks, bf = _green_objects(streams[4], L)
    planning = _brownfield_planning(np.random.default_rng([seed, 13]), bf)
    step(16)

    heat_res = 10.0 if (side / 10.0) ** 2 <= HEAT_MAX_CELLS else 20.0
    rain_res = next((r for r in (2.0, 5.0, 10.0) if (side / r) ** 2 <= RAIN_MAX_CELLS), 20.0)
    # nodata patch: 80 m x 60 m around a Zwischenstadt block centre (any block if there is none)
    rng_r = streams[5]
    pool = np.flatnonzero(L.zone == Z_MID)
    pool = pool if pool.size else np.arange(L.zone.size)
    pc = pool[rng_r.integers(0, pool.size)]
    pcx, pcy = round(L.cx[pc] / 10) * 10, round(L.cy[pc] / 10) * 10
    patch = (pcx - 40.0, pcy - 30.0, pcx + 40.0, pcy + 30.0)
    kt_cells = _klimatop_cells(L, bf)
    heat, heat_class = _heat(rng_r, L, kt_cells, heat_res, patch)
    step(22)

    cells = _cells_polygons(L)
    counts: dict[str, int] = {}
    drv = ogr.GetDriverByName("GPKG")
    for p in (gpkg, Path(str(gpkg) + "-wal"), Path(str(gpkg) + "-shm"), heat_tif, rain_tif):
        if p.exists():
            p.unlink()
    ds = drv.CreateDataSource(str(gpkg))
    try:
        # raumtyp: cells dissolved per (zone, district)
        key = L.zone * 1000 + L.district
        k, g = _dissolve(cells, key, explode=False)
        counts["raumtyp"] = _write_layer(
            ds,
            "raumtyp",
            [
                ("raumtyp", "text", _texts(k // 1000, RAUMTYP)),
                ("name", "text", _texts(k % 1000, L.district_names)),
            ],
            as_multi(g),
            "Raumbilder of the Strategie Grüne Infrastruktur Metropole Ruhr (synthetic)",
        )
        k, g = _dissolve(cells, L.district, explode=False)
        counts["districts"] = _write_layer(
            ds,
            "districts",
            [("name", "text", _texts(k, L.district_names)), ("district_id", "int", _ints(k + 1))],
            as_multi(g),
            "Stadtteile (synthetic)",
        )
        step(26)
        k, g = _dissolve(cells, kt_cells * 10 + heat_class, explode=True)
        counts["klimatope"] = _write_layer(
            ds,
            "klimatope",
            [("klimatop", "text", _texts(k // 10, KLIMATOPE)), ("heat_class", "int", _ints(k % 10))],
            g,
            "Klimatope (RVR names) with heat_class 1-5 from the block mean of heat.tif (synthetic)",
        )
        step(30)
        # Regionale Grünzüge: corridor cells plus most open land, named after the nearest corridor
        gz_cells = (L.corridor >= 0) | ((L.zone == Z_OUTER) & np.isin(L.use, OPEN_USES) & (L.n_gz > -0.3))
        nearest = np.argmin(np.abs(L.cx[:, None] - L.corr_x[None, :]), axis=1)
        gz_id = np.where(L.corridor >= 0, L.corridor, nearest)
        k, g = _dissolve(cells[gz_cells], gz_id[gz_cells], explode=False)
        letters = [
            f"Regionaler Grünzug {chr(65 + i % 26)}{'' if i < 26 else i // 26}" for i in range(L.corr_x.size)
        ]
        counts["gruenzuege"] = _write_layer(
            ds,
            "gruenzuege",
            [("name", "text", _texts(k, letters))],
            as_multi(g),
            "Regionale Grünzüge (synthetic)",
        )
        # Biotopverbund: Stufe I = forest cores, Stufe II = other forest, open land, corridors, brownfields
        stufe = np.zeros(L.use.size, dtype=np.int64)
        forest = L.use == U_FOREST
        stufe[forest] = np.where(L.n_bv[forest] > 0.0, 1, 2)
        stufe[(L.use == U_FIELD) & (L.n_bv > 0.3)] = 2
        stufe[(L.corridor >= 0) & np.isin(L.use, (U_PARK, U_FIELD)) & (stufe == 0)] = 2
        wild = np.isin(bf["biotope"][bf["cell_obj"]], (1, 2)) & (L.u_extra[bf["cells"], 1] < 0.6)
        stufe[bf["cells"][wild]] = 2
        sel = stufe > 0
        if sel.any():
            k, g = _dissolve(cells[sel], stufe[sel], explode=True)
        else:
            k, g = np.zeros(0, int), np.zeros(0, dtype=object)
        counts["biotopverbund"] = _write_layer(
            ds,
            "biotopverbund",
            [("stufe", "text", _texts(k - 1, ("I", "II")))],
            g,
            "Biotopverbund NRW Stufe I/II (synthetic)",
        )
        # Mischwasser catchments: the older urban core, one per Stadtteil
        sw = (L.rho < 0.62) & ~np.isin(L.use, OPEN_USES)
        k, g = _dissolve(cells[sw], L.district[sw], explode=False)
        counts["sewer_combined"] = _write_layer(
            ds,
            "sewer_combined",
            [("name", "text", _texts(k, [f"Mischsystem {d}" for d in L.district_names]))],
            as_multi(g),
            "Combined sewer (Mischwasser) catchments (synthetic)",
        )
        step(34)
        counts["parks"] = _write_layer(
            ds,
            "parks",
            [("name", "text", parks["name"]), ("area_ha", "real", _reals(parks["area_ha"]))],
            parks["geom"],
            "Public parks and pocket parks (synthetic)",
        )
        counts["brownfields"] = _write_layer(
            ds,
            "brownfields",
            [
                ("bfid", "int", _ints(bf["bfid"])),
                ("name", "text", bf["name"]),
                ("biotope", "text", _texts(bf["biotope"], BIOTOPES)),
                ("sealing", "real", _reals(bf["sealing"])),
                ("contam", "text", _texts(bf["contam"], CONTAM)),
                ("area_m2", "real", _reals(bf["area_m2"])),
                ("biotopwert", "real", planning["biotopwert"]),
                ("eigentum", "text", planning["eigentum"]),
                ("vornutzung", "int", planning["vornutzung"]),
                ("verfahren", "text", planning["verfahren"]),
                ("arten", "int", planning["arten"]),
            ],
            bf["geom"],
            "Brownfields with biotope, sealing and Altlasten status (synthetic)",
        )
        counts["streets"] = _write_layer(
            ds,
            "streets",
            [
                ("sid", "int", _ints(s["sid"])),
                ("road_class", "text", _texts(s["cls"], ROAD_CLASSES)),
                ("width_m", "real", _reals(s["width"])),
                ("surface", "text", _texts(s["surface"], SURFACES)),
                ("name", "text", _texts(s["name"], s["names"])),
            ],
            s_geom,
            "Street segments, OSM-like classes (synthetic)",
            report=lambda f: step(36 + 2 * f),
        )
        counts["street_trees"] = _write_layer(
            ds,
            "street_trees",
            [
                ("tid", "int", _ints(t["tid"])),
                ("species", "text", _texts(t["species"], [sp for sp, _ in TREE_SPECIES])),
                ("planted", "int", _ints(t["planted"])),
            ],
            t_geom,
            "Street trees (synthetic)",
            report=lambda f: step(38 + 4 * f),
        )
        counts["buildings"] = _write_layer(
            ds,
            "buildings",
            [
                ("bid", "int", _ints(b["bid"])),
                ("roof_type", "text", _texts(b["roof"], ROOF_CODES)),
                ("roof_name", "text", _texts(b["roof"], ROOF_NAMES)),
                ("slope_deg", "real", _reals(b["slope"])),
                ("height_m", "real", _reals(b["height"])),
                ("storeys", "int", _ints(b["storeys"])),
                ("function", "text", _texts(b["func"], FUNCTIONS)),
                ("listed", "int", _ints(b["listed"])),
                ("green_roof", "int", _ints(b["green"])),
                ("pv", "int", _ints(b["pv"])),
                ("footprint_m2", "real", _reals(b["area"])),
            ],
            b_geom,
            "Buildings with NRW LoD2-like roof and ALKIS function attributes (synthetic)",
            report=lambda f: step(42 + 38 * f),
        )
    finally:
        ds = None
    step(82)

    n_heat = heat.shape[0]
    hds = _create_tif(str(heat_tif), n_heat, L, heat_res, "night air temperature 04:00 (synthetic)", "°C")
    hds.GetRasterBand(1).WriteArray(heat)
    hds = None
    step(85)

    # buildings are dry in a heavy-rain map: rasterise them onto the rain grid
    n_rain = int(round(side / rain_res))
    mem = gdal.GetDriverByName("MEM").Create("", n_rain, n_rain, 1, gdal.GDT_Byte)
    mem.SetGeoTransform((L.x0, rain_res, 0.0, L.y0 + side, 0.0, -rain_res))
    mem.SetProjection(_srs().ExportToWkt())
    src = ogr.Open(str(gpkg))
    gdal.RasterizeLayer(mem, [1], src.GetLayerByName("buildings"), burn_values=[1])
    src = None
    building_mask = mem.GetRasterBand(1).ReadAsArray().astype(bool)
    mem = None
    step(88)
    streets_v, streets_h = _segment_grids(L, s_geom, s)
    _write_rain(
        str(rain_tif),
        rng_r,
        L,
        rain_res,
        patch,
        building_mask,
        streets_v,
        streets_h,
        lambda f: step(88 + 12 * f),
    )
    step(100)
    return SampleResult(
        gpkg=str(gpkg),
        heat_tif=str(heat_tif),
        rain_tif=str(rain_tif),
        counts=counts,
        extent=(L.x0, L.y0, L.x0 + side, L.y0 + side),
        heat_cell_m=heat_res,
        rain_cell_m=rain_res,
    )
