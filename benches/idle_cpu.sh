#!/bin/sh
# Idle CPU of the terminal app: runs the release build in a detached tmux window, lets it
# draw, then reads its CPU time (utime + stime, /proc/PID/stat) and its context switches
# over 10 seconds of waiting for a key, first on the student screen, then on the lesson
# list of a 1,000-lesson library.
#
#   cargo build --release --example gen_library && cargo build --release
#   target/release/examples/gen_library /tmp/mehfooz-lessons-1000 1000
#   sh benches/idle_cpu.sh /tmp/mehfooz-lessons-1000
set -eu
lessons=${1:?usage: idle_cpu.sh LESSONS_DIR}
bin=${BIN:-target/release/mehfooz}
session=mehfooz-idle-$$
data=$(mktemp -d)
tick=$(getconf CLK_TCK)

tmux new-session -d -s "$session" -x 80 -y 24 "$bin --data-dir $data --lessons $lessons"
trap 'tmux kill-session -t "$session" 2>/dev/null || true; rm -rf "$data"' EXIT
sleep 2
pane=$(tmux display -p -t "$session" '#{pane_pid}')
pid=$pane
if [ "$(cat /proc/$pane/comm)" != mehfooz ]; then pid=$(pgrep -P "$pane" mehfooz); fi

cpu() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
switches() { awk '/^voluntary_ctxt_switches/ {v=$2} /^nonvoluntary_ctxt_switches/ {n=$2} END {print v + n}' "/proc/$pid/status"; }

measure() {
    c0=$(cpu); s0=$(switches)
    sleep 10
    c1=$(cpu); s1=$(switches)
    echo "$1: CPU time over 10 s idle: $((c1 - c0)) ticks (1 tick = 1/$tick s), context switches: $((s1 - s0))"
}

echo "pid $pid, $(awk '{print $14 + $15}' /proc/$pid/stat) ticks of CPU used to start"
measure "student screen"
# "I am new", type a name, Enter: the lesson list.
tmux send-keys -t "$session" Enter
tmux send-keys -t "$session" -l Zara
tmux send-keys -t "$session" Enter
sleep 2
tmux capture-pane -p -t "$session" | head -4
measure "lesson list (1,000 lessons)"
