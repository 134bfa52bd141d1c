"""Sample districts for the benchmarks, generated once per (size, seed) into benchmarks/work/.

A dataset is reused while the generator's source is unchanged (a hash of
``gi_qgis_plugin/sample/*.py`` is stored beside it); after a change it is generated again, so the
numbers of one run always belong to the current generator.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

from cases import Dataset

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
WORK = HERE / "work"
SAMPLE_PKG = ROOT / "gi_qgis_plugin" / "sample"


def generator_hash() -> str:
    h = hashlib.sha256()
    for path in sorted(SAMPLE_PKG.glob("*.py")):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def generator_available() -> bool:
    return (SAMPLE_PKG / "generator.py").exists()


def ensure(n: int, seed: int, log=print) -> tuple[Dataset, dict]:
    """The dataset of ``n`` buildings for ``seed``: from the cache, or generated now.

    Returns the dataset and its manifest (generator hash, generation seconds, cached or not).
    """
    if not generator_available():
        raise SystemExit(
            f"benchmarks: the sample generator {SAMPLE_PKG / 'generator.py'} does not exist yet; "
            "it builds the districts the benchmarks run on."
        )
    folder = WORK / f"musterstadt_n{n}_s{seed}"
    manifest_path = folder / "dataset.json"
    current = generator_hash()
    if manifest_path.exists():
        manifest = json.loads(manifest_path.read_text())
        paths_ok = all(Path(manifest["dataset"][k]).exists() for k in ("gpkg", "heat_tif", "rain_tif"))
        if manifest.get("generator_hash") == current and paths_ok:
            return Dataset.from_json(manifest["dataset"]), {**manifest, "cached": True}
        log(f"  dataset n={n} seed={seed}: generator changed since it was built; generating again")

    # generate in place, in a child process (the parent stays small: see run.py on peak memory);
    # the manifest, written last, marks a complete dataset
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    log(f"  generating sample district n={n:,} seed={seed} …")
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, str(Path(__file__).resolve()), str(n), str(seed), str(folder)],
                          capture_output=True, text=True, cwd=str(ROOT))
    seconds = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"benchmarks: generating n={n} seed={seed} failed:\n{proc.stdout[-2000:]}{proc.stderr[-3000:]}")
    data = Dataset.from_json(json.loads(proc.stdout.strip().splitlines()[-1]))
    manifest = {"dataset": data.to_json(), "generator_hash": current, "generate_s": round(seconds, 2)}
    manifest_path.write_text(json.dumps(manifest, indent=1))
    log(f"  generated in {seconds:.1f} s: {folder}")
    return data, {**manifest, "cached": False}


def _generate_main(n: int, seed: int, folder: str) -> None:
    """Child process: run the generator, print the dataset as one JSON line."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from gi_qgis_plugin.sample.generator import generate

    res = generate(folder, n_buildings=n, seed=seed)
    data = Dataset(n=n, seed=seed, gpkg=str(Path(res.gpkg).resolve()), heat_tif=str(Path(res.heat_tif).resolve()),
                   rain_tif=str(Path(res.rain_tif).resolve()))
    print(json.dumps(data.to_json()))


if __name__ == "__main__":
    _generate_main(int(sys.argv[1]), int(sys.argv[2]), sys.argv[3])
