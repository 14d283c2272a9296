#!/usr/bin/env bash
# Writes Benchmarks/hot-functions.txt: the functions a dashboard run executes, in the order the
# release link places them (Package.swift passes the file to lld's --symbol-ordering-file).
#
# Why: a process maps the code around each page it first runs (the kernel's fault-around, 64
# KiB), and the code one run executes was scattered over the 27 MB of text: an open of the
# 100,000-event file kept 18 MB of code resident, 3.5 MiB more after the model layer became
# seven targets, each with its own copies of the generic code it specialises. Placed together,
# the same code takes a few MB (peak RSS of that open 73.6 -> 71.8 MiB, of the sample
# 25.7 -> 23.2 MiB, of --version 17.9 -> 16.8 MiB; --version 12.4 -> 11.1 ms).
#
# How: callgrind (valgrind) lists every function each workload below runs, with its
# instruction count; the file holds them workload by workload (start-up and the sample first),
# each function once, busiest first within a workload. A stale list costs only locality: a
# function it does not name is placed after the listed ones, a name it has that the binary
# lacks is skipped. Rerun it after large changes to what a run executes; it removes the
# release binary, as the build would not link again for a changed list.
#
# usage: Benchmarks/link-order.sh   (builds the release binary; installs valgrind if missing)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
shared="$repo/../shared/data"
inputs="$here/.inputs"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

command -v valgrind >/dev/null || { apt-get update -qq && apt-get install -y -qq valgrind >/dev/null; }
cd "$repo"
swift build -c release --product threatdeck >/dev/null
# valgrind cannot read the DWARF the Swift toolchain writes; the symbol table is enough.
objcopy --strip-debug .build/release/threatdeck "$work/threatdeck"
[[ -f $inputs/large-dataset.json ]] || python3 "$here/generate-large-inputs.py" "$inputs"

attack=$shared/stix/enterprise-attack-17.1.json
galaxy=$shared/misp-galaxy/threat-actor.json
printf '%s\n' 'key Down' 'key Tab' 'key Down' 'key Enter' 'key Escape' 'key Tab' 'key Right' 'key Tab' \
    'key Down' 'key Enter' 'resize 120 40' 'key /' 'key a' 'key Escape' 'key ?' 'key Escape' >"$work/keys"
n=0
workload() {
    n=$((n + 1))
    valgrind --tool=callgrind --demangle=no --callgrind-out-file="$work/$n.out" "$work/threatdeck" "$@" >/dev/null 2>"$work/$n.err"
    # "  1,234 (0.5%)  ???:NAME [BINARY]" for every function of the binary that ran; without
    # callgrind's recursion marks ("NAME'2") and code it could not name ("0x…").
    callgrind_annotate --threshold=100 "$work/$n.out" | grep -F "[$work/threatdeck]" |
        sed -E "s/^ *[0-9,]+ \([ 0-9.]+%\)  [^:]*:(.*) \[[^]]*\]$/\1/; s/'[0-9]+$//" | grep -v '^0x' >"$work/$n.fns"
    echo "  $* : $(wc -l <"$work/$n.fns") functions" >&2
}
workload --version
workload snapshot --size 200x60 sample-data
workload snapshot --size 200x60 --replay "$work/keys" sample-data
workload snapshot --size 200x60 "$attack" "$galaxy"
workload snapshot --size 120x40 "$shared/misp-events"
workload summary "$attack"
workload export --format json "$attack" "$galaxy"
workload export --format stix sample-data
workload snapshot --size 200x60 "$inputs/large-dataset.json"
workload snapshot --kiosk --size 320x90 "$attack" "$galaxy"
for k in $(seq 1 $n); do cat "$work/$k.fns"; done | awk '!seen[$0]++' >"$here/hot-functions.txt"
# The build does not track the list as an input of the link: drop the binary so the next
# release build links it again with the new order.
rm -f .build/release/threatdeck "$(readlink -f .build/release)/threatdeck"
echo "wrote $here/hot-functions.txt: $(wc -l <"$here/hot-functions.txt") functions" >&2
