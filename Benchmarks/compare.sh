#!/usr/bin/env bash
# Times threatdeck against the tools analysts use today, on the same files, and prints each
# target of the speed issue with its measured value and whether it holds:
#   first frame (snapshot 200x60) vs python3 json.load: ATT&CK enterprise <= 0.35x,
#   100k native events <= 0.5x, MISP galaxy and MISP events <= 0.4x;
#   peak RSS <= 3x the input for every format; MISP events >= 5x faster than PyMISP's
#   MISPEvent().load_file; a MISP feed of 10,000 events < 1 s (as a directory and as a live
#   source's first poll); startup on the sample <= 50 ms; at 1,000,000 events (SCALE=0 skips):
#   first frame <= 0.5x json.load, RSS <= 3x, a 200x60 frame <= 4 ms, a key <= 16 ms, filter
#   and drill-down <= 100 ms; a reload of one changed file in a directory <= 1.2x its cold
#   open, <= 50 ms when only its mtime changed, the other files not read again; idle: 0 bytes
#   written and no CPU in 10 s.
#   Also jq and stix2.parse for scale.
#
# usage: Benchmarks/compare.sh      (installs hyperfine, jq, stix2 and pymisp if missing)
#   ENTERPRISE=path/enterprise-attack.json   the real ATT&CK enterprise bundle (mitre/cti);
#                                            default /work/bench-data/enterprise-attack.json
#   RUNS=10                                  hyperfine runs per command
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
inputs="$here/.inputs"
shared="$repo/../shared/data"
runs=${RUNS:-10}
enterprise=${ENTERPRISE:-/work/bench-data/enterprise-attack.json}

command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine jq >/dev/null; }
command -v jq >/dev/null || apt-get install -y -qq jq >/dev/null
venv=${BENCH_VENV:-/tmp/threatdeck-bench-venv}
if [[ ! -x $venv/bin/python ]] || ! "$venv/bin/python" -c 'import stix2, pymisp' 2>/dev/null; then
  python3 -m venv "$venv" && "$venv/bin/pip" install -q stix2 pymisp
fi
[[ -f $inputs/attack-like-enterprise.json ]] || python3 "$here/generate-large-inputs.py" "$inputs"

(cd "$repo" && swift build -c release --product threatdeck >/dev/null)
td="$repo/.build/release/threatdeck"

# The process's own floor (Swift runtime, Foundation, terminfo), to tell data from overhead
# on small files: peak RSS for a report with nothing in it.
tiny=$(mktemp --suffix=.json)
echo '{"schema":"threatdeck-report@1","report":{"id":"r","title":"T"},"sources":[{"id":"s","title":"S"}],"actors":[]}' > "$tiny"
json=$(mktemp)
results=$(mktemp)
trap 'rm -f "$json" "$results" "$tiny"' EXIT

mean() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][int(sys.argv[2])]["mean"])' "$json" "$1"; }
peak() { { /usr/bin/time -f "%M" "$@" >/dev/null; } 2>&1 | tail -1; }
# target LABEL VALUE LIMIT [le|ge]
target() { echo "$1|$2|$3|${4:-le}" >> "$results"; }

compare() {
  local label=$1 file=$2 limit=$3
  echo
  echo "== $label: $(du -h "$file" | cut -f1) $(basename "$file")"
  hyperfine --warmup 1 --runs "$runs" --export-json "$json" --style basic \
    -n "threatdeck first frame (snapshot 200x60)" "$td snapshot --size 200x60 '$file' >/dev/null" \
    -n "threatdeck summary" "$td summary '$file' >/dev/null" \
    -n "python3 json.load" "python3 -c 'import json,sys; json.load(open(sys.argv[1]))' '$file'" \
    -n "jq ." "jq . '$file' >/dev/null" \
    2>/dev/null | grep -E "^(Benchmark|  Time)" || true
  local frame py jq
  frame=$(mean 0); py=$(mean 2); jq=$(mean 3)
  target "$label: first frame / json.load" "$(python3 -c "print(f'{$frame / $py:.2f}')")" "$limit"
  echo "   first frame $(python3 -c "print(f'{$frame*1000:.0f} ms')"), json.load $(python3 -c "print(f'{$py*1000:.0f} ms')"), jq $(python3 -c "print(f'{$jq*1000:.0f} ms')")"
  if [[ ${WITH_STIX2:-0} == 1 ]]; then
    hyperfine --runs 3 --export-json "$json" --style basic -n "stix2.parse" \
      "$venv/bin/python -c 'import stix2,sys; stix2.parse(open(sys.argv[1]).read(), allow_custom=True)' '$file'" 2>/dev/null | grep -E "^(Benchmark|  Time)" || true
    local stix
    stix=$(mean 0 2>/dev/null || true)
    [[ -n $stix ]] && echo "   stix2.parse / first frame = $(python3 -c "print(f'{$stix / $frame:.1f}')")x"
  fi
  local rss
  rss=$(peak "$td" snapshot --size 200x60 "$file")
  target "$label: peak RSS / file size" "$(python3 -c 'import os,sys; print(f"{int(sys.argv[1])*1024/os.path.getsize(sys.argv[2]):.2f}")' "$rss" "$file")" 3
  python3 -c 'import os,sys; r,b,f=int(sys.argv[1]),int(sys.argv[2]),os.path.getsize(sys.argv[3]); print(f"   peak RSS {r/1024:.0f} MiB; above the {b/1024:.0f} MiB floor of an empty report: {(r-b)*1024/f:.2f}x the file")' "$rss" "$floor" "$file"
}
floor=$(peak "$td" snapshot --size 200x60 "$tiny")

[[ -f $enterprise ]] && compare "ATT&CK enterprise (real)" "$enterprise" 0.35
WITH_STIX2=1 compare "ATT&CK-size generated bundle" "$inputs/attack-like-enterprise.json" 0.35
compare "ATT&CK ICS 18.1 (real)" "$shared/stix/ics-attack-18.1.json" 0.35
compare "MISP threat-actor galaxy (real)" "$shared/misp-galaxy/threat-actor.json" 0.4
compare "1,000 actors / 100,000 events (native)" "$inputs/large-dataset.json" 0.5

# MISP events: the five CIRCL files, each read by threatdeck, json.load and PyMISP.
echo
echo "== MISP events (the five real files in ../shared/data/misp-events)"
events=("$shared"/misp-events/*.json)
hyperfine --warmup 1 --runs "$runs" --export-json "$json" --style basic \
  -n "threatdeck first frame" "$td snapshot --size 200x60 ${events[*]} >/dev/null" \
  -n "python3 json.load" "python3 -c 'import json,sys; [json.load(open(f)) for f in sys.argv[1:]]' ${events[*]}" \
  -n "PyMISP MISPEvent().load_file" "$venv/bin/python -c 'import sys; from pymisp import MISPEvent; [MISPEvent().load_file(f) for f in sys.argv[1:]]' ${events[*]}" \
  2>/dev/null | grep -E "^(Benchmark|  Time)" || true
frame=$(mean 0); py=$(mean 1); pymisp=$(mean 2)
target "MISP events: first frame / json.load" "$(python3 -c "print(f'{$frame / $py:.2f}')")" 0.4
target "MISP events: PyMISP load_file / threatdeck" "$(python3 -c "print(f'{$pymisp / $frame:.1f}')")" 5 ge
rss=$(peak "$td" snapshot --size 200x60 "${events[@]}")
size=$(cat "${events[@]}" | wc -c)
target "MISP events: peak RSS / file size" "$(python3 -c "print(f'{$rss*1024/$size:.2f}')")" 3

echo
echo "== a MISP feed directory of 10,000 generated events (manifest + one file per event)"
[[ -f $inputs/misp-feed-10k/manifest.json ]] || python3 "$here/generate-misp-feed.py" "$inputs/misp-feed-10k" 10000 >/dev/null
hyperfine --warmup 1 --runs "$runs" --export-json "$json" --style basic \
  -n "threatdeck first frame" "$td snapshot --size 200x60 '$inputs/misp-feed-10k' >/dev/null" 2>/dev/null | grep -E "^(Benchmark|  Time)" || true
target "MISP feed of 10,000 events: first frame (s)" "$(python3 -c "print(f'{$(mean 0):.2f}')")" 1
# The same feed followed as a live source (--misp-feed), on its first poll: nothing cached yet.
feedcache=$(mktemp -d)
hyperfine --warmup 1 --runs "$runs" --export-json "$json" --style basic --prepare "rm -rf '$feedcache'/*" \
  -n "threatdeck --misp-feed DIR, first poll" "XDG_CACHE_HOME='$feedcache' $td snapshot --size 200x60 --misp-feed '$inputs/misp-feed-10k' >/dev/null" 2>/dev/null | grep -E "^(Benchmark|  Time)" || true
target "MISP feed as a live source, first poll (s)" "$(python3 -c "print(f'{$(mean 0):.2f}')")" 1
rm -rf "$feedcache"

echo
echo "== startup on the bundled sample report to first frame"
hyperfine --warmup 2 --runs 20 --export-json "$json" --style basic -n "threatdeck snapshot 120x40" "$td snapshot --size 120x40 >/dev/null" 2>/dev/null | grep -E "^(Benchmark|  Time)" || true
target "startup on the sample (ms)" "$(python3 -c "print(f'{$(mean 0)*1000:.0f}')")" 50

# Reloads: the 26 MB native file edited or only touched, alone and beside a 35 MB STIX bundle
# in one directory (the target line is the directory's), to the next frame (Profile reloads).
echo
echo "== reloads of one changed file in a directory (Profile reloads)"
(cd "$here" && swift build -c release --product Profile >/dev/null)
while IFS='|' read -r label value limit; do
  target "$label" "$value" "$limit"
done < <("$here/.build/release/Profile" reloads)

# Idle: the dashboard on the sample in tmux, untouched for 10 s: bytes written and CPU used.
echo
echo "== idle for 10 s on the sample (tmux, 200x60)"
command -v tmux >/dev/null || apt-get install -y -qq tmux >/dev/null
sock="tdidle$$"
tmux -L "$sock" -f /dev/null new-session -d -s idle -x 200 -y 60 "exec env -u NO_COLOR TERM=xterm-256color LANG=C.UTF-8 '$td'"
sleep 3
pid=$(tmux -L "$sock" list-panes -t idle -F '#{pane_pid}')
read -r u1 s1 < <(awk '{print $14, $15}' "/proc/$pid/stat")
w1=$(awk '/^wchar/ {print $2}' "/proc/$pid/io")
sleep 10
read -r u2 s2 < <(awk '{print $14, $15}' "/proc/$pid/stat")
w2=$(awk '/^wchar/ {print $2}' "/proc/$pid/io")
tmux -L "$sock" kill-server
echo "   wrote $((w2 - w1)) bytes, used $((u2 + s2 - u1 - s1)) clock ticks of CPU"
target "idle 10 s: bytes written" "$((w2 - w1))" 0
target "idle 10 s: CPU (clock ticks)" "$((u2 + s2 - u1 - s1))" 0

# Scale: 10,000 actors and 1,000,000 events (about 260 MB; SCALE=0 skips it): first frame and
# memory as above, then frame, key, filter and drill-down medians from Benchmarks' Profile.
if [[ ${SCALE:-1} != 0 ]]; then
  [[ -f $inputs/scale-dataset.json ]] || python3 "$here/generate-large-inputs.py" --scale "$inputs"
  runs=3 compare "10,000 actors / 1,000,000 events (native, scale)" "$inputs/scale-dataset.json" 0.5
  echo "   frame, key, filter and drill-down at this scale (Profile scale, medians):"
  while IFS='|' read -r label value limit; do
    echo "   $label: $value"
    target "$label" "$value" "$limit"
  done < <("$here/.build/release/Profile" scale "$inputs/scale-dataset.json")
fi

echo
echo "== targets"
status=0
while IFS='|' read -r label value limit how; do
  if python3 -c "import sys; v,l=float('$value'),float('$limit'); sys.exit(0 if (v<=l if '$how'=='le' else v>=l) else 1)"; then verdict=holds; else verdict=MISSED; status=1; fi
  printf '  %-58s %8s  (%s %s)  %s\n' "$label" "$value" "$([[ $how == le ]] && echo '<=' || echo '>=')" "$limit" "$verdict"
done < "$results"
echo "  (frames and keys at 100,000 events, and reloads of a single file: cd Benchmarks && swift package benchmark)"
exit $status
