#!/usr/bin/env python3
"""`make bench`: our algorithms against the native Processing chain a user would build for the
same question, and against the I/O floor (copying the input layer to a GeoPackage).

    python3 benchmarks/run.py --sizes 10000,100000 [--cases gi:flatroofs] [--seed 1]
                              [--repeat 1] [--intermediate gpkg|memory] [--profile]

Sizes default to $SIZES (else 10000,100000); 1,000,000 runs only when listed or GI_BENCH_1M=1.
Each measurement runs in its own process (benchmarks/runner.py); the time is the wall time of the
Processing call(s) without QGIS start-up, the peak memory is the child's maximum resident set
(its VmHWM; wait4's ru_maxrss as a fallback), which includes QGIS and Processing (see
startup_peak_mb for that share).
Prints a table per size and writes benchmarks/results/latest.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

import cases  # noqa: E402
import compare  # noqa: E402
import datasets  # noqa: E402
import plot  # noqa: E402

RESULTS = HERE / "results"
RUNS = datasets.WORK / "runs"
ONE_MILLION = 1_000_000


# ----------------------------------------------------------------------------------------------
# Sizes, machine
# ----------------------------------------------------------------------------------------------
def parse_sizes(text: str | None) -> list[int]:
    text = text or os.environ.get("SIZES") or "10000,100000"
    sizes = []
    for part in text.replace(" ", "").split(","):
        if not part:
            continue
        part = part.lower().replace("_", "")
        mult = 1
        if part.endswith("k"):
            part, mult = part[:-1], 1000
        elif part.endswith("m"):
            part, mult = part[:-1], 1_000_000
        sizes.append(int(float(part) * mult))
    if os.environ.get("GI_BENCH_1M") == "1" and ONE_MILLION not in sizes:
        sizes.append(ONE_MILLION)
    return sorted(set(sizes))


def machine_info() -> dict:
    info: dict = {"cores": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()}
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                info["cpu"] = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                info["mem_total_mb"] = round(int(line.split()[1]) / 1024)
    except OSError:
        pass
    try:
        info["loadavg_at_start"] = [round(x, 2) for x in os.getloadavg()]
    except OSError:
        pass
    try:
        from osgeo import gdal

        info["gdal"] = gdal.__version__
    except ImportError:
        pass
    return info


def registered_scoring_algorithms() -> list[str]:
    """``gi:<id>`` of every scoring algorithm the plugin declares (a spec in scoring/)."""
    try:
        if str(ROOT) not in sys.path:
            sys.path.insert(0, str(ROOT))
        from gi_qgis_plugin.scoring.spec import all_specs

        return sorted(f"gi:{s.alg_id}" for s in all_specs())
    except Exception:  # noqa: BLE001 - the table runs without the list
        return []


# ----------------------------------------------------------------------------------------------
# One child process
# ----------------------------------------------------------------------------------------------
def run_child(case: str, variant: str, data_file: Path, out_dir: Path, intermediate: str,
              timeout: float | None, profile: Path | None = None, ours_variant: str | None = None,
              plain: bool = False) -> dict:
    """Run runner.py for one (case, variant); add its wall time and peak RSS (wait4)."""
    shutil.rmtree(out_dir, ignore_errors=True)
    out_dir.mkdir(parents=True)
    result_file = out_dir / "result.json"
    cmd = [sys.executable, str(HERE / "runner.py"), "--case", case, "--variant", variant,
           "--dataset", str(data_file), "--out-dir", str(out_dir), "--result", str(result_file),
           "--intermediate", intermediate]
    if profile is not None:
        cmd += ["--profile", str(profile), "--trace"]
    if ours_variant is not None:
        cmd += ["--ours-variant", ours_variant]
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env.pop("GI_PLAIN_IO", None)
    if plain:  # the plain paths: QGIS's iterator and sink (the reference of the equality check)
        env["GI_PLAIN_IO"] = "1"
    log_path = out_dir / "child.log"
    t0 = time.perf_counter()
    with open(log_path, "w") as log:
        proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, cwd=str(ROOT), env=env)
        timer = threading.Timer(timeout, proc.kill) if timeout else None
        if timer:
            timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            if timer:
                timer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - t0
    res: dict = {}
    if result_file.exists():
        res = json.loads(result_file.read_text())
    if proc.returncode != 0 and "error" not in res:
        tail = log_path.read_text(errors="replace")[-2000:]
        res["error"] = f"child exited with {proc.returncode}" + (" (timeout)" if timeout and wall >= timeout else "") + f"; log tail:\n{tail}"
    # The child's own high-water mark (VmHWM, read by the child after the timed part) is the peak.
    # ru_maxrss from wait4 is only the fallback: on Linux, exec() carries the parent's RSS
    # high-water mark into the child's maxrss (vfork/fork + exec), so it is never below the parent's.
    res["peak_mb_rusage"] = usage.ru_maxrss / 1024.0  # Linux: KiB
    res["peak_mb"] = res.get("peak_mb_self") or res["peak_mb_rusage"]
    res["process_s"] = wall
    res["log"] = str(log_path)
    return res


def slug(text: str) -> str:
    return "".join(c if c.isalnum() else "_" for c in text.lower()).strip("_")


def measure(case: str, variant: str, data_file: Path, n: int, args, ours_variant: str | None = None,
            plain: bool = False) -> dict:
    """``repeat`` runs; time = the fastest, peak = the largest."""
    runs = []
    name = variant if ours_variant is None else f"{variant}_{slug(ours_variant)}"
    name += "_plain" if plain else ""
    for r in range(args.repeat):
        out_dir = RUNS / f"{slug(case)}_n{n}" / (name if args.repeat == 1 else f"{name}_{r + 1}")
        res = run_child(case, variant, data_file, out_dir, args.intermediate, args.timeout, ours_variant=ours_variant,
                        plain=plain)
        runs.append(res)
        if "seconds" not in res:
            break
    best = min((r for r in runs if "seconds" in r), key=lambda r: r["seconds"], default=runs[-1])
    best = dict(best)
    if len(runs) > 1:
        best["all_seconds"] = [r.get("seconds") for r in runs]
        best["median_s"] = statistics.median(r["seconds"] for r in runs if "seconds" in r) if "seconds" in best else None
    best["peak_mb"] = max(r["peak_mb"] for r in runs)
    return best


# ----------------------------------------------------------------------------------------------
# Table
# ----------------------------------------------------------------------------------------------
COLUMNS = [
    ("algorithm", "{}", 14), ("variant", "{}", 12), ("n", "{:,}", 10), ("ours_s", "{:.2f}", 8), ("native_chain_s", "{:.2f}", 14),
    ("io_floor_s", "{:.2f}", 10), ("ours_over_native", "{:.2f}", 11), ("ours_over_io", "{:.2f}", 9),
    ("ours_peak_mb", "{:.0f}", 12), ("native_chain_peak_mb", "{:.0f}", 20), ("ours_max_progress_gap_s", "{:.2f}", 12),
    ("ours_plain_s", "{:.2f}", 8), ("same_output", "{}", 5),
]
HEADERS = {"ours_over_native": "ours/native", "ours_over_io": "ours/io", "ours_max_progress_gap_s": "progress gap s",
           "ours_plain_s": "plain s", "same_output": "same"}


def format_table(rows: list[dict]) -> str:
    head = "  ".join(k.ljust(w) if k in ("algorithm", "variant") else HEADERS.get(k, k).rjust(w) for k, _, w in COLUMNS)
    lines = [head, "-" * len(head)]
    for row in rows:
        cells = []
        for key, fmt, width in COLUMNS:
            v = row.get(key)
            text = "–" if v is None else fmt.format(v)
            if key == "ours_s" and v is None and row.get("ours_skipped"):
                text = "skipped"
            cells.append(text.ljust(width) if key in ("algorithm", "variant") else text.rjust(width))
        lines.append("  ".join(cells))
    return "\n".join(lines)


def markdown_table(rows: list[dict]) -> str:
    keys = ["algorithm", "variant", "n", "ours_s", "native_chain_s", "io_floor_s", "ours_over_native", "ours_over_io",
            "ours_peak_mb", "native_chain_peak_mb", "ours_max_progress_gap_s", "ours_plain_s", "same_output"]
    fmts = {k: f for k, f, _ in COLUMNS}
    out = ["| " + " | ".join(HEADERS.get(k, k) for k in keys) + " |", "|" + "---|" * len(keys)]
    for row in rows:
        out.append("| " + " | ".join("–" if row.get(k) is None else fmts[k].format(row[k]) for k in keys) + " |")
    return "\n".join(out)


def ratio(a, b):
    return a / b if a is not None and b else None


def measure_and_report(case: str, variant: str, data_file: Path, n: int, args, label: str | None = None,
                       plain: bool = False) -> dict:
    tag = variant if label is None else f"{variant} [{label}]"
    tag += " GI_PLAIN_IO=1" if plain else ""
    print(f"  n={n:,} {case} {tag} …", end="", flush=True)
    r = measure(case, variant, data_file, n, args, label, plain)
    if "seconds" in r:
        print(f" {r['seconds']:.2f} s, peak {r['peak_mb']:.0f} MB")
    elif "skipped" in r:
        print(f" skipped: {r['skipped']}")
    else:
        print(" FAILED")
        print("    " + r.get("error", "").replace("\n", "\n    "))
        if r.get("traceback"):
            print("    " + r["traceback"].replace("\n", "\n    "))
    return r


def make_row(case: str, label: str, n: int, ours: dict, native: dict, io: dict, args, manifest: dict,
             machine: dict, stamp: str, plain: dict | None = None) -> dict:
    row = {
        "algorithm": case,
        "variant": label,
        "n": n,
        "ours_s": ours.get("seconds"),
        "native_chain_s": native.get("seconds"),
        "io_floor_s": io.get("seconds"),
        "ours_peak_mb": ours.get("peak_mb") if "seconds" in ours else None,
        "native_chain_peak_mb": native.get("peak_mb") if "seconds" in native else None,
        "io_floor_peak_mb": io.get("peak_mb") if "seconds" in io else None,
        "ours_max_progress_gap_s": ours.get("max_progress_gap_s"),
    }
    if args.repeat > 1:  # every run's time, for the spread
        row["ours_all_s"] = ours.get("all_seconds")
        row["io_floor_all_s"] = io.get("all_seconds")
        row["native_chain_all_s"] = native.get("all_seconds")
    row["ours_over_native"] = ratio(row["ours_s"], row["native_chain_s"])
    row["ours_over_io"] = ratio(row["ours_s"], row["io_floor_s"])
    if plain is not None:
        # the same algorithm on the plain paths (QGIS's iterator and sink): time, and whether the
        # fast paths wrote the same file (schema, fids, geometries, every value and NULL)
        row["ours_plain_s"] = plain.get("seconds")
        row["ours_plain_peak_mb"] = plain.get("peak_mb") if "seconds" in plain else None
        row["fast_over_plain"] = ratio(row["ours_s"], row["ours_plain_s"])
        if "seconds" in ours and "seconds" in plain:
            diffs = compare.differences(ours["output"], plain["output"])
            row["same_output"] = not diffs
            row["output_differences"] = diffs[:5]
    row.update({
        "n_features": io.get("output_features"),
        "ours_output_features": ours.get("output_features"),
        "native_chain_output_features": native.get("output_features"),
        "native_chain_steps_s": native.get("steps"),
        "ours_params": ours.get("notes"),
        "ours_warnings": ours.get("warnings"),
        "startup_s": io.get("startup_s"),
        "startup_peak_mb": io.get("startup_peak_mb"),
        "intermediate": args.intermediate,
        "repeat": args.repeat,
        "seed": args.seed,
        "generator_hash": manifest.get("generator_hash"),
        "generate_s": manifest.get("generate_s"),
        "qgis_version": io.get("qgis_version") or native.get("qgis_version"),
        "timestamp": stamp,
        "machine": machine,
    })
    for variant, res in (("ours", ours), ("native_chain", native), ("io_floor", io), ("ours_plain", plain or {})):
        if "skipped" in res:
            row[f"{variant}_skipped"] = res["skipped"]
        if "error" in res:
            row[f"{variant}_error"] = res["error"][:2000]
    return row


# ----------------------------------------------------------------------------------------------
# PostGIS rows: a throw-away cluster (the tests' one) with the buildings of each size copied in
# ----------------------------------------------------------------------------------------------
def needs_postgis(selected: list[str]) -> bool:
    return any("postgis" in label.lower() for c in selected for label in cases.CASES[c].ours)


def start_postgis():
    """(cluster, connection details), or (None, None) with the reason printed when PostgreSQL
    with PostGIS is missing: the PostGIS rows then say "skipped"."""
    tests = str(ROOT / "tests")
    if tests not in sys.path:
        sys.path.insert(0, tests)
    try:
        from helpers.postgis import Cluster

        cluster = Cluster()
    except (ImportError, RuntimeError) as err:
        print(f"PostGIS rows skipped: {err}")
        return None, None
    try:
        return cluster, cluster.start()
    except (OSError, subprocess.CalledProcessError) as err:
        cluster.stop()
        print(f"PostGIS rows skipped: the bench's PostgreSQL did not start ({getattr(err, 'stderr', '') or err})")
        return None, None


def with_postgis(data: cases.Dataset, pg) -> cases.Dataset:
    """The dataset with its buildings copied into the bench's PostGIS (not timed), ids kept."""
    import dataclasses

    if pg is None:
        return data
    table = f"buildings_n{data.n}_s{data.seed}"
    subprocess.run(["ogr2ogr", "-f", "PostgreSQL", f"PG:{pg.conninfo()}", data.gpkg, "buildings", "-nln", table,
                    "-lco", "GEOMETRY_NAME=geom", "-lco", "FID=fid", "-preserve_fid", "-overwrite"],
                   check=True, capture_output=True)
    pg.execute(f'ANALYZE "{table}"')
    return dataclasses.replace(data, pg=pg.conninfo(), pg_buildings=table)


# ----------------------------------------------------------------------------------------------
def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", help="comma-separated building counts (10000,100k,1m); default $SIZES")
    ap.add_argument("--cases", help="comma-separated algorithm ids (default: all registered)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=1, help="runs per measurement; the fastest counts")
    ap.add_argument("--intermediate", choices=["gpkg", "memory"], default="gpkg",
                    help="where the native chain writes its intermediate layers (default: GeoPackage files)")
    ap.add_argument("--timeout", type=float, default=None, help="seconds per child process")
    ap.add_argument("--profile", action="store_true",
                    help="also run our algorithm once more under cProfile per size (results/profile_*.txt)")
    ap.add_argument("--output", default=str(RESULTS / "latest.json"))
    ap.add_argument("--variants", help="labels of our variants to run, separated by ';' (or ',' when no label "
                                         "holds one); one whole label is taken as it is (default: all of each case)")
    ap.add_argument("--merge", action="store_true",
                    help="keep the rows of the existing --output file that this run does not measure again "
                         "(same algorithm, variant and n), e.g. to add the million-feature rows to the others")
    ap.add_argument("--no-chain", dest="chain", action="store_false",
                    help="skip the native chain (e.g. for the region run of 1.6 million roofs, where it takes many minutes)")
    ap.add_argument("--no-plain", dest="plain", action="store_false",
                    help="skip the run on the plain paths (GI_PLAIN_IO=1) and the check that it writes the same file")
    args = ap.parse_args()

    sizes = parse_sizes(args.sizes)
    selected = [c.strip() for c in args.cases.split(",")] if args.cases else list(cases.CASES)
    unknown = [c for c in selected if c not in cases.CASES]
    if unknown:
        ap.error(f"unknown case(s) {unknown}; registered: {list(cases.CASES)}")
    machine = machine_info()
    missing = [a for a in registered_scoring_algorithms() if a not in cases.CASES]
    print(f"benchmarks: sizes {sizes}, cases {selected}, seed {args.seed}, intermediate {args.intermediate}")
    if missing:
        print(f"scoring algorithms without a benchmark case (add one to benchmarks/cases.py): {missing}")
    print(f"machine: {machine.get('cpu', '?')}, {machine['cores']} cores, load {machine.get('loadavg_at_start')}")

    rows: list[dict] = []
    stamp = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    cluster, pg = start_postgis() if needs_postgis(selected) else (None, None)
    try:
        return _run_sizes(sizes, selected, args, machine, rows, stamp, pg, missing)
    finally:
        if cluster is not None:
            cluster.stop()


def wanted_variants(text: str) -> list[str]:
    """The labels of ``--variants``: one whole label as it is ("heat raster, PostGIS"), else the
    labels separated by ";" (or by "," when there is no ";")."""
    text = text.strip()
    if any(text == label for c in cases.CASES.values() for label in c.ours):
        return [text]
    return [v.strip() for v in text.split(";" if ";" in text else ",") if v.strip()]


def _run_sizes(sizes, selected, args, machine, rows, stamp, pg, missing) -> int:
    for n in sizes:
        data, manifest = datasets.ensure(n, args.seed)
        if any("postgis" in label.lower() and cases.CASES[c].runs_at(n, label) for c in selected for label in cases.CASES[c].ours):
            data = with_postgis(data, pg)
        data_file = data.folder / "dataset_paths.json"
        data_file.write_text(json.dumps(data.to_json()))
        size_rows = []
        for case in selected:
            spec = cases.CASES[case]
            if not spec.runs_at(n):
                print(f"  n={n:,} {case}: not run at this size (max {spec.max_n:,})")
                continue
            shared = {}
            for variant in ("io_floor", "native_chain"):
                if variant == "native_chain" and not args.chain:
                    shared[variant] = {"skipped": "left out (--no-chain)"}
                    continue
                shared[variant] = measure_and_report(case, variant, data_file, n, args)
            io, native = shared["io_floor"], shared["native_chain"]
            for label in spec.ours:
                if args.variants and label not in wanted_variants(args.variants):
                    continue
                if not spec.runs_at(n, label):
                    continue
                ours = measure_and_report(case, "ours", data_file, n, args, label)
                # the plain paths for the equality check: only where the fast ones can differ
                # (an output to a GeoPackage file; a PostGIS output takes the sink either way)
                plain = None
                if args.plain and "seconds" in ours and str(ours.get("output", "")).lower().endswith(".gpkg"):
                    plain = measure_and_report(case, "ours", data_file, n, args, label, plain=True)
                row = make_row(case, label, n, ours, native, io, args, manifest, machine, stamp, plain)
                if row.get("same_output") is False:
                    print(f"    fast and plain outputs DIFFER: {row['output_differences']}")
                size_rows.append(row)
                if args.profile and "seconds" in ours:
                    RESULTS.mkdir(parents=True, exist_ok=True)
                    prof = RESULTS / f"profile_{slug(case)}_{slug(label)}_n{n}.txt"
                    print(f"  n={n:,} {case} ours [{label}] under cProfile …", flush=True)
                    out_dir = RUNS / f"{slug(case)}_n{n}" / f"ours_{slug(label)}_profile"
                    pr = run_child(case, "ours", data_file, out_dir, args.intermediate, args.timeout,
                                   profile=prof, ours_variant=label)
                    if prof.exists():
                        row["profile"] = str(prof.relative_to(ROOT))
                        if pr.get("trace"):
                            with prof.open("a") as fh:
                                fh.write("\n# progress trace of the profiled run: seconds, progress %, RSS MB\n")
                                fh.writelines(f"{t:8.3f} {p:6.1f} {(m or 0):8.1f}\n" for t, p, m in pr["trace"])
                        print(f"    profiled run {pr.get('seconds', float('nan')):.2f} s; stats in {prof.relative_to(ROOT)}")
        print()
        print(f"n = {n:,}  (times in s without QGIS start-up; peaks = whole process incl. QGIS, "
              f"QGIS+Processing alone ≈ {size_rows[0].get('startup_peak_mb') or 0:.0f} MB)")
        print(format_table(size_rows))
        print()
        rows.extend(size_rows)

    for alg in missing:
        rows.append({"algorithm": alg, "variant": "", "n": None, "ours_skipped": "no benchmark case in benchmarks/cases.py",
                     "timestamp": stamp, "machine": machine})
    out = Path(args.output)
    out.parent.mkdir(parents=True, exist_ok=True)
    if args.merge and out.exists():
        measured = {(r.get("algorithm"), r.get("variant"), r.get("n")) for r in rows}
        kept = [r for r in json.loads(out.read_text()) if (r.get("algorithm"), r.get("variant"), r.get("n")) not in measured
                and r.get("n") is not None]
        rows[:0] = kept
        rows.sort(key=lambda r: (r.get("algorithm") or "", r.get("n") or 0, r.get("variant") or ""))
    out.write_text(json.dumps(rows, indent=1, ensure_ascii=False) + "\n")
    print(f"wrote {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}")
    png = plot.plot(rows, out.with_suffix(".png"))
    if png:
        print(f"wrote {png.relative_to(ROOT) if png.is_relative_to(ROOT) else png}")
    print()
    print(markdown_table(rows))
    failed = [r for r in rows if r.get("native_chain_error") or r.get("io_floor_error") or r.get("ours_error")
              or r.get("same_output") is False]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
