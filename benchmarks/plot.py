"""The benchmark plot: time against n, log-log, one panel per algorithm with our variants, the
native chain and the I/O floor (``results/latest.png`` beside ``latest.json``).

    python3 benchmarks/plot.py [results/latest.json]
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path


def plot(rows: list[dict], png: Path) -> Path | None:
    """Write ``png`` from the rows of ``latest.json``; None when matplotlib is missing or no
    row has a time."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return None
    by_alg: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        if r.get("n") and (r.get("ours_s") or r.get("native_chain_s") or r.get("io_floor_s")):
            by_alg[r["algorithm"]].append(r)
    if not by_alg:
        return None
    fig, axes = plt.subplots(1, len(by_alg), figsize=(5.2 * len(by_alg), 4.2), squeeze=False)
    for ax, (alg, alg_rows) in zip(axes[0], sorted(by_alg.items())):
        series: dict[str, dict[int, float]] = defaultdict(dict)
        for r in alg_rows:
            n = int(r["n"])
            if r.get("ours_s"):
                series[f"ours – {r['variant']}" if r.get("variant") else "ours"][n] = r["ours_s"]
            if r.get("ours_plain_s"):
                series[f"ours, plain I/O – {r['variant']}"][n] = r["ours_plain_s"]
            if r.get("native_chain_s"):
                series["native chain (Model Builder)"][n] = r["native_chain_s"]
            if r.get("io_floor_s"):
                series["I/O floor (native:savefeatures)"][n] = r["io_floor_s"]
        variants = sorted({r.get("variant") or "" for r in alg_rows})
        palette = ["tab:blue", "tab:green", "tab:orange", "tab:purple", "tab:brown", "tab:cyan"]
        colour = {v: palette[i % len(palette)] for i, v in enumerate(variants)}
        for name, points in sorted(series.items()):
            ns = sorted(points)
            style = {"marker": "o"}
            if name.startswith("native"):
                style.update(color="tab:red", linestyle="--")
            elif name.startswith("I/O"):
                style.update(color="black", linestyle=":")
            else:
                variant = name.split(" – ", 1)[1] if " – " in name else ""
                style.update(color=colour.get(variant, "tab:blue"))
                if "plain" in name:
                    style.update(alpha=0.45, linestyle="-.", marker="s")
            ax.plot(ns, [points[n] for n in ns], label=name, **style)
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xlabel("features (n)")
        ax.set_ylabel("wall time (s)")
        ax.set_title(alg)
        ax.grid(True, which="both", alpha=0.3)
        ax.legend(fontsize=7)
    runs = {}
    for r in rows:  # one entry per run (rows of several runs may be merged): its start and load
        if r.get("timestamp"):
            runs[r["timestamp"]] = (r.get("machine") or {}).get("loadavg_at_start", "?")
    cores = next(((r.get("machine") or {}).get("cores") for r in rows if r.get("machine")), "?")
    fig.suptitle(f"make bench · {cores} cores · " + "; ".join(f"run {t} (load at start {load})" for t, load in sorted(runs.items())),
                 fontsize=8)
    fig.tight_layout()
    png.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(png, dpi=110)
    plt.close(fig)
    return png


if __name__ == "__main__":
    src = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent / "results" / "latest.json"
    out = plot(json.loads(src.read_text()), src.with_suffix(".png"))
    print(out or "nothing to plot (matplotlib missing or no times)")
