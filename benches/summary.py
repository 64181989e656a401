#!/usr/bin/env python3
"""Prints the criterion results of `cargo bench --bench load --bench frame --bench save`
as Markdown tables, each measurement beside its floor and target.

    python3 benches/summary.py [target/criterion]
"""

import json
import pathlib
import sys

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "target/criterion")
results = {}
for bench in root.glob("**/new/benchmark.json"):
    info = json.loads(bench.read_text())
    est = json.loads((bench.parent / "estimates.json").read_text())
    # Criterion's own headline: the slope for linear sampling, else the mean.
    pick = est.get("slope") or est["mean"]
    results[info["full_id"]] = (
        pick["point_estimate"] / 1e6,
        pick["confidence_interval"]["lower_bound"] / 1e6,
        pick["confidence_interval"]["upper_bound"] / 1e6,
    )


def ms(key):
    v, lo, hi = results[key]
    return f"{v:.3f} ms ({lo:.3f} to {hi:.3f})" if v < 10 else f"{v:.1f} ms ({lo:.1f} to {hi:.1f})"


print("Load and check (Catalog::load) beside bare toml::from_str on one thread:\n")
print("| lessons | Catalog::load | floor: toml::from_str | ratio (target <= 1.0) | read files + toml::from_str |")
print("|---|---|---|---|---|")
for n in (10, 100, 1000, 10000):
    load, floor, read = (f"load/{k}/{n}" for k in ("catalog_load", "floor_toml_from_str", "read_and_toml_from_str"))
    if load in results and floor in results:
        ratio = results[load][0] / results[floor][0]
        print(f"| {n:,} | {ms(load)} | {ms(floor)} | **{ratio:.2f}** | {ms(read) if read in results else '-'} |")

print("\nOne frame (target < 0.5 ms at 200x60):\n")
print("| screen | size | draw (app's terminal) | render_to_string |")
print("|---|---|---|---|")
for screen in ("lesson_list_1000", "page_2kb", "question", "chat"):
    for size in ("80x24", "200x60"):
        draw, string = f"frame/draw/{screen}/{size}", f"frame/render_to_string/{screen}/{size}"
        if draw in results:
            print(f"| {screen} | {size} | {ms(draw)} | {ms(string)} |")

print("\nSaving progress, 1,000 attempts, with fsync (target < 5 ms):\n")
print("| step | time |")
print("|---|---|")
for key in ("save_attempts_1000", "part_read_and_parse_json", "part_serialize_json_pretty", "part_write_fsync_rename_fsync_dir"):
    if f"save/{key}" in results:
        print(f"| {key} | {ms('save/' + key)} |")
