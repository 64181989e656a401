#!/bin/sh
# Instructions per frame at 200x60 for each screen of the frame benchmark, counted by
# valgrind's callgrind: (instructions with 1,000 frames - with none) / 1,000. Unlike a
# time, the count is the same on a quiet machine and a busy one.
#
#   apt-get install -y valgrind
#   sh benches/frame_instructions.sh
set -eu
cd "$(dirname "$0")/.."
cargo build --release --example frame_instructions
bin="${CARGO_TARGET_DIR:-target}/release/examples/frame_instructions"
count() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" "$1" "$2" 2>&1 |
        sed -n 's/.*refs: *//p' | tr -d ,
}
for screen in lesson_list_1000 page_2kb question chat page_urdu_2kb; do
    none=$(count "$screen" 0)
    many=$(count "$screen" 1000)
    echo "$screen: $(( (many - none) / 1000 )) instructions a frame"
done
