#!/bin/sh
# Every measurement in docs/performance.md, in one run, each beside its floor.
# Needs hyperfine, GNU time (/usr/bin/time) and tmux: apt-get install -y hyperfine time tmux
#
#   sh benches/perf.sh 2>&1 | tee perf.log
set -eu
cd "$(dirname "$0")/.."
lib=${TMPDIR:-/tmp}/mehfooz-perf-lessons

echo "== $(date -u)"
echo "== $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(free -h | awk '/^Mem:/ {print $2}') memory"
echo "== $(rustc --version)"
uptime

cargo build --release --quiet
cargo build --release --quiet --example first_frame --example gen_library
rm -rf "$lib-100" "$lib-1000"
target/release/examples/gen_library "$lib-100" 100
target/release/examples/gen_library "$lib-1000" 1000

echo "== criterion: load, frame, save, report"
cargo bench --quiet --bench load --bench frame --bench save --bench report 2>&1 |
    grep -Ev '^(Benchmarking|Found [0-9]+ outliers|  [0-9]+ \([0-9.]+%\) (high|low))' || true
python3 benches/summary.py target/criterion

echo "== start to first frame (hyperfine), beside parsing the same files + one frame"
for n in 100 1000; do
    hyperfine -N --warmup 5 --min-runs 30 \
        "target/release/examples/first_frame $lib-$n" \
        "target/release/examples/first_frame --floor $lib-$n"
done

echo "== peak memory, 1,000 lessons (library: $(du -cb "$lib-1000"/*.toml | tail -1 | cut -f1) bytes)"
for args in "$lib-1000" "--floor $lib-1000"; do
    # shellcheck disable=SC2086
    /usr/bin/time -v target/release/examples/first_frame $args 2>&1 |
        sed -n "s|Maximum resident set size (kbytes)|first_frame $args: maximum resident set size (KiB)|p"
done

echo "== idle CPU"
sh benches/idle_cpu.sh "$lib-1000"
uptime
