#!/usr/bin/env python3
"""`make demo`: install the packaged plugin into a fresh QGIS profile, then run the provider's
algorithms through `qgis_process` on the generated sample district (and on the real NRW LoD2
tiles in ../shared/data when present), writing everything to demo-output/.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOD2 = ROOT.parent / "shared" / "data" / "lod2_wesel"
MOABIT_ROADS = ROOT.parent / "shared" / "data" / "moabit_osm" / "moabit_roads.gpkg"


def qgis_process(env: dict, *args: str) -> dict:
    cmd = ["qgis_process", "--json", *args]
    res = subprocess.run(cmd, env=env, capture_output=True, text=True)
    if res.returncode != 0:
        sys.stderr.write(res.stdout[-3000:] + res.stderr[-3000:])
        raise SystemExit(f"qgis_process failed: {' '.join(args[:2])}")
    text = res.stdout[res.stdout.find("{"):]
    return json.loads(text)


def run(env: dict, alg: str, params: dict) -> dict:
    args = ["run", alg, "--"] + [f"{k}={v}" for k, v in params.items()]
    print(f"-> qgis_process run {alg}", flush=True)
    out = qgis_process(env, *args)
    for line in out.get("log", {}).get("warnings", []) if isinstance(out.get("log"), dict) else []:
        print(f"   warning: {line}")
    return out.get("results", {})


def summarise(path: str, layer: str | None = None) -> str:
    from osgeo import ogr

    ogr.UseExceptions()
    ds = ogr.Open(path)
    lyr = ds.GetLayerByName(layer) if layer else ds.GetLayer(0)
    n = lyr.GetFeatureCount()
    defn = lyr.GetLayerDefn()
    names = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
    if "gi_class" not in names:
        return f"{n} features"
    counts: dict[str, int] = {}
    for f in lyr:
        c = f.GetField("gi_class") or "NULL"
        counts[c] = counts.get(c, 0) + 1
    parts = ", ".join(f"{k} {counts[k]}" for k in sorted(counts))
    return f"{n} features (classes: {parts})"


def print_district_table(path: str) -> None:
    """The HZ 02 progress per district, as a planner would quote it."""
    from osgeo import ogr

    ogr.UseExceptions()
    ds = ogr.Open(path)
    lyr = ds.GetLayer(0)
    print("   district            flat roofs m²   green %   missing for 50 % m²   class A+B m²   covers")
    for f in lyr:
        print(f"   {str(f.GetField('name'))[:18]:18s} {f.GetField('flat_m2'):14,.0f} {100 * f.GetField('share_green'):9.1f}"
              f" {f.GetField('missing_m2'):21,.0f} {f.GetField('ab_m2'):14,.0f}   {'yes' if f.GetField('covers') else 'no'}")


def print_street_priorities(path: str, n: int = 5) -> None:
    """The first sections of a gi:streets result, with the figures a planner quotes."""
    from osgeo import ogr

    ogr.UseExceptions()
    ds = ogr.Open(path)
    lyr = ds.GetLayer(0)
    lyr.SetAttributeFilter(f"gi_rank <= {n}")
    rows = sorted(lyr, key=lambda f: f.GetField("gi_rank"))
    print("   rank  score  length m  trees  missing  unsealable m²  runoff m³/a  HZ")
    for f in rows:
        print(f"   {f.GetField('gi_rank'):4d} {f.GetField('gi_score'):6.1f} {f.GetField('seg_len_m'):9.0f}"
              f" {f.GetField('trees_now') or 0:6d} {f.GetField('tree_gap') or 0:8d} {f.GetField('unseal_m2'):14.0f}"
              f" {f.GetField('runoff_red_m3a'):12.1f}  {f.GetField('gi_hz')}")


def demo_streets(env: dict, out: Path, sample_dir: Path, written: list[tuple[str, str]]) -> None:
    """gi:streets on the sample district (trees, heat, heavy rain, Mischsystem, parks) and on Moabit's
    OpenStreetMap roads (EPSG:4326, no widths: typical widths by road class)."""
    gpkg = sample_dir / "musterstadt.gpkg"
    streets = out / "streets_musterstadt.gpkg"
    res = run(env, "gi:streets", {
        "INPUT": f"{gpkg}|layername=streets", "TREES": f"{gpkg}|layername=street_trees",
        "HEAT": sample_dir / "heat.tif", "RAIN": sample_dir / "starkregen.tif",
        "SEWER": f"{gpkg}|layername=sewer_combined", "PARKS": f"{gpkg}|layername=parks", "OUTPUT": streets,
    })
    written.append((str(streets), summarise(str(streets)) + f"; {res.get('TREE_GAP', 0):.0f} trees missing,"
                    f" {res.get('UNSEAL_M2', 0):,.0f} m² unsealable, {res.get('RUNOFF_RED_M3A', 0):,.0f} m³/a less runoff"))
    print_street_priorities(str(streets))
    if MOABIT_ROADS.exists():
        moabit = out / "streets_moabit.gpkg"
        run(env, "gi:streets", {"INPUT": MOABIT_ROADS, "BUILDINGS": MOABIT_ROADS.with_name("moabit_build.gpkg"),
                                "PARKING_SHARE": 50, "OUTPUT": moabit})
        written.append((str(moabit), summarise(str(moabit)) + " (Moabit OSM roads, widths capped by the buildings,"
                        " half the parking lanes reallocated)"))
    else:
        print(f"(no Moabit roads at {MOABIT_ROADS}: that part of the street demo is left out)")

def print_brownfields(path: str) -> None:
    """The brownfield triage (HZ 08): categories and the pool groups with their eco-points."""
    from collections import Counter

    from osgeo import ogr

    ogr.UseExceptions()
    ds = ogr.Open(path)  # keep the data source alive while its layer is read
    lyr = ds.GetLayer(0)
    cats, groups = Counter(), {}
    for f in lyr:
        cats[f.GetField("gi_category") or "excluded"] += 1
        if f.GetField("pool_group"):
            groups[f.GetField("pool_group")] = f.GetField("pool_total")
    print("   brownfields: " + ", ".join(f"{k} {v}" for k, v in sorted(cats.items())))
    for g, total in sorted(groups.items()):
        print(f"   pool group {g}: {total:,.0f} eco-points")


def write_sample_design(path: Path) -> None:
    """A 60 m × 40 m Quartiersplatz in EPSG:25832 (Essen): a building with a green and a plain
    roof, paving, grass pavers, a water-bound path, lawn, planting beds, tree pits; trees, the
    street edge along its southern side and the Bestand (half asphalt car park, half ruderal
    fallow) as biotope types."""
    from osgeo import ogr, osr

    ogr.UseExceptions()
    x0, y0 = 362500.0, 5701200.0

    def box(a, b, c, d):
        return ogr.CreateGeometryFromWkt(
            f"POLYGON(({x0 + a} {y0 + b},{x0 + c} {y0 + b},{x0 + c} {y0 + d},{x0 + a} {y0 + d},{x0 + a} {y0 + b}))")

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(25832)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    design = ds.CreateLayer("design", srs, ogr.wkbPolygon)
    design.CreateField(ogr.FieldDefn("belag", ogr.OFTString))
    design.CreateField(ogr.FieldDefn("abgekoppelt", ogr.OFTInteger))
    parts = [  # (x0, y0, x1, y1, surface code, runoff led to a swale)
        (0, 20, 20, 40, "green_ext", 1), (20, 28, 32, 40, "roof_plain", 0), (0, 0, 30, 20, "paving", 0),
        (30, 0, 42, 20, "grass_pavers", 1), (42, 0, 46, 40, "water_bound", 1), (46, 0, 60, 30, "lawn", 1),
        (46, 30, 60, 40, "planting_bed", 1), (20, 20, 42, 28, "lawn", 1), (32, 28, 42, 40, "tree_pit", 1),
    ]
    for a, b, c, d, code, disc in parts:
        f = ogr.Feature(design.GetLayerDefn())
        f.SetGeometry(box(a, b, c, d))
        f.SetField("belag", code)
        f.SetField("abgekoppelt", disc)
        design.CreateFeature(f)
    trees = ds.CreateLayer("trees", srs, ogr.wkbPoint)
    for x, y in ((5, 5), (12, 5), (19, 5), (26, 5), (36, 32), (38, 37), (52, 15)):
        f = ogr.Feature(trees.GetLayerDefn())
        f.SetGeometry(ogr.CreateGeometryFromWkt(f"POINT({x0 + x} {y0 + y})"))
        trees.CreateFeature(f)
    edge = ds.CreateLayer("street_edge", srs, ogr.wkbLineString)
    f = ogr.Feature(edge.GetLayerDefn())
    f.SetGeometry(ogr.CreateGeometryFromWkt(f"LINESTRING({x0} {y0},{x0 + 60} {y0})"))
    edge.CreateFeature(f)
    bestand = ds.CreateLayer("bestand", srs, ogr.wkbPolygon)
    bestand.CreateField(ogr.FieldDefn("biotoptyp", ogr.OFTString))
    for a, b, c, d, typ in ((0, 0, 30, 40, "sealed"), (30, 0, 60, 40, "ruderal")):
        f = ogr.Feature(bestand.GetLayerDefn())
        f.SetGeometry(box(a, b, c, d))
        f.SetField("biotoptyp", typ)
        bestand.CreateFeature(f)
    ds = None


def main(out_dir: str) -> int:
    out = (ROOT / out_dir).resolve()
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    sys.path.insert(0, str(ROOT / "tools"))
    import package

    zip_path = package.build(out / "dist")
    profile = Path(tempfile.mkdtemp(prefix="gi-demo-profile-"))
    plugins = profile / "profiles" / "default" / "python" / "plugins"
    plugins.mkdir(parents=True)
    zipfile.ZipFile(zip_path).extractall(plugins)
    env = dict(os.environ, QGIS_CUSTOM_CONFIG_PATH=str(profile), QT_QPA_PLATFORM="offscreen", PYTHONPATH="")
    subprocess.run(["qgis_process", "plugins", "enable", "gi_qgis_plugin"], env=env, check=True,
                   capture_output=True)

    written: list[tuple[str, str]] = []
    sample_dir = out / "musterstadt"
    run(env, "gi:sampledistrict", {"BUILDINGS": 5000, "SEED": 1, "OUTPUT_FOLDER": sample_dir})
    gpkg = str(sample_dir / "musterstadt.gpkg")
    written.append((gpkg, summarise(gpkg, "buildings") + " in layer buildings, plus streets, parks, Klimatope …"))
    for tif in ("heat.tif", "starkregen.tif"):
        written.append((str(sample_dir / tif), "raster"))

    def lyr(name: str) -> str:
        return f"{gpkg}|layername={name}"

    roofs = out / "flatroofs_musterstadt.gpkg"
    districts = out / "flatroofs_musterstadt_districts.gpkg"
    run(env, "gi:flatroofs", {
        "INPUT": lyr("buildings"), "HEAT": sample_dir / "heat.tif", "RAIN": sample_dir / "starkregen.tif",
        "SEWER": lyr("sewer_combined"), "PARKS": lyr("parks"), "SCOPE": lyr("raumtyp"),
        "SCOPE_FIELD": "raumtyp", "DISTRICTS": lyr("districts"), "DISTRICT_FIELD": "name",
        "OUTPUT": roofs, "DISTRICT_TABLE": districts,
    })
    written.append((str(roofs), summarise(str(roofs))))
    written.append((str(districts), summarise(str(districts)) + " (HZ 02 target table)"))
    print_district_table(str(districts))
    demo_streets(env, out, sample_dir, written)

    brownfields = out / "brownfields_musterstadt.gpkg"
    run(env, "gi:brownfields", {
        "INPUT": lyr("brownfields"), "SETTLEMENT": lyr("raumtyp"), "SETTLEMENT_FIELD": "raumtyp",
        "SETTLEMENT_VALUES": "Innenstadt,Zwischenstadt", "BIOTOPVERBUND": lyr("biotopverbund"),
        "GRUENZUEGE": lyr("gruenzuege"), "KLIMATOPE": lyr("klimatope"), "PARKS": lyr("parks"), "OUTPUT": brownfields,
    })
    written.append((str(brownfields), summarise(str(brownfields)) + " (recycling / schutz / kompensationspool / pruefen)"))
    print_brownfields(str(brownfields))

    # a landscape architect's design: the sample square, checked against the orientation values
    design_gpkg = out / "design_quartiersplatz.gpkg"
    write_sample_design(design_gpkg)
    design_out = out / "designcheck_quartiersplatz.gpkg"
    design_pdf = out / "designcheck_quartiersplatz.pdf"
    res = run(env, "gi:designcheck", {
        "INPUT": f"{design_gpkg}|layername=design", "TREES": f"{design_gpkg}|layername=trees",
        "EDGE": f"{design_gpkg}|layername=street_edge", "EXISTING": f"{design_gpkg}|layername=bestand",
        "PROVIDED": 12, "OUTPUT": design_out, "CHECKS": out / "designcheck_checks.csv",
        "BILANZ_CSV": out / "designcheck_bilanz.csv", "REPORT": design_pdf,
    })
    written.append((str(design_gpkg), "sample design (Quartiersplatz) with trees, street edge and Bestand"))
    written.append((str(design_out), f"design with figures; checks passed {res.get('N_PASS')}, failed {res.get('N_FAIL')}"))
    written.append((str(out / "designcheck_checks.csv"), "checks with pass/fail, HZ and source"))
    written.append((str(out / "designcheck_bilanz.csv"), f"Eingriffs-/Ausgleichsbilanz (balance {res.get('BALANCE'):.0f} points)"))
    written.append((str(design_pdf), f"PDF report (V_Rück {res.get('V_RUECK'):.2f} m³)"))

    # target progress per district: green flat roofs of the scored sample, Biotopverbund polygons
    # standing in for the legally protected Biotopverbund areas (HZ 15, the interpretation stated)
    targets_table = out / "targets_musterstadt.csv"
    targets_pdf = out / "targets_musterstadt.pdf"
    res = run(env, "gi:targets", {
        "INPUT": lyr("districts"), "NAME_FIELD": "name", "ROOFS": roofs, "PROTECTED": lyr("biotopverbund"),
        "OUTPUT": targets_table, "REPORT": targets_pdf,
    })
    written.append((str(targets_table), f"target progress, {res.get('N_ROWS')} rows, {res.get('N_MET')} met"))
    written.append((str(targets_pdf), "PDF report with the progress chart"))

    if LOD2.exists():
        wesel = out / "wesel_lod2_buildings.gpkg"
        run(env, "gi:importlod2", {"FOLDER": LOD2, "OUTPUT": wesel})
        written.append((str(wesel), summarise(str(wesel))))
        wesel_roofs = out / "flatroofs_wesel.gpkg"
        run(env, "gi:flatroofs", {"INPUT": wesel, "OUTPUT": wesel_roofs})
        written.append((str(wesel_roofs), summarise(str(wesel_roofs))))
        # the same in one step with the shipped Model Builder model
        model = ROOT / "gi_qgis_plugin" / "resources" / "models" / "lod2_flatroofs.model3"
        model_roofs = out / "flatroofs_wesel_model.gpkg"
        run(env, str(model), {"LOD2_FOLDER": LOD2, "roofs": model_roofs})
        written.append((str(model_roofs), summarise(str(model_roofs)) + " (model lod2_flatroofs.model3)"))
    else:
        print(f"(no real LoD2 tiles at {LOD2}: the Wesel part of the demo is left out)")

    shutil.rmtree(profile, ignore_errors=True)
    print("\nWritten to demo-output/:")
    for path, what in written:
        print(f"  {Path(path).relative_to(ROOT)}: {what}")
    print(f"  {zip_path.relative_to(ROOT)}: the installable plugin")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "demo-output"))
