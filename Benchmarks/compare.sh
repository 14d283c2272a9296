#!/usr/bin/env bash
# Times threatdeck against the tools analysts use today, on the same files, side by side in one
# run, and prints each target of the speed issues with its figure and PASS or FAIL. Round 3
# (issue 37), on the real ATT&CK enterprise bundle first:
#   snapshot --size 200x60 and summary <= 0.35x python's json.load of the same files: ATT&CK
#   enterprise, ATT&CK plus the MISP threat-actor galaxy, 100,000 native events; at 1,000,000
#   events (SCALE=0 skips it) <= 0.5x with a 200x60 frame <= 4 ms;
#   peak RSS <= 22 MiB + 2x the input for every input of 1 MB or more (22 MiB is where a Swift
#   process starts: an empty report);
#   a key answered within 16 ms while a 30 MB file reloads; a reload of one changed file <= its
#   cold open.
# Earlier rounds' targets stay: MISP galaxy and events <= 0.4x json.load, MISP events >= 5x
# faster than PyMISP's MISPEvent().load_file, a MISP feed of 10,000 events < 1 s (as a directory
# and as a live source's first poll), startup on the sample <= 50 ms, at 1,000,000 events a key
# <= 16 ms and filter and drill-down <= 100 ms, a touched file reloaded <= 50 ms without the
# other files read again, idle: 0 bytes written and no CPU in 10 s. jq and stix2.parse for scale.
#
# Python is timed through its interpreter (sys.executable), not a version manager's shim: the
# pyenv shim in front of python3 adds about 100 ms to every start.
#
# usage: Benchmarks/compare.sh      (installs hyperfine, jq, stix2 and pymisp if missing)
#   ENTERPRISE=path/enterprise-attack.json   ATT&CK enterprise (mitre/cti); default the 17.1
#                                            bundle in ../shared/data/stix (see PROVENANCE.md)
#   GALAXY=path/threat-actor.json            the MISP threat-actor galaxy loaded beside it
#   RUNS=10                                  hyperfine runs per command
#   SCALE=0                                  skips the 1,000,000-event file (260 MB)
#   BUILD_LOCK=/tmp/threatdeck-build.lock    the builds wait for this lock (flock)
#   ROUND3=1                                 only round 3's targets (ATT&CK, ATT&CK + galaxy,
#                                            100k and 1M events, keys during a reload, reloads)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
inputs="$here/.inputs"
shared="$repo/../shared/data"
runs=${RUNS:-10}
enterprise=${ENTERPRISE:-$shared/stix/enterprise-attack-17.1.json}
galaxy=${GALAXY:-$shared/misp-galaxy/threat-actor.json}

command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine jq >/dev/null; }
command -v jq >/dev/null || apt-get install -y -qq jq >/dev/null
py=$(python3 -c 'import sys; print(sys.executable)')
venv=${BENCH_VENV:-/tmp/threatdeck-bench-venv}
if [[ ! -x $venv/bin/python ]] || ! "$venv/bin/python" -c 'import stix2, pymisp' 2>/dev/null; then
  "$py" -m venv "$venv" && "$venv/bin/pip" install -q stix2 pymisp
fi
[[ -f $inputs/attack-like-enterprise.json ]] || "$py" "$here/generate-large-inputs.py" "$inputs"

# One build at a time on a shared machine: through the lock the project's builds take, if any.
lock=${BUILD_LOCK:-/tmp/threatdeck-build.lock}
build() { if command -v flock >/dev/null; then flock "$lock" swift build "$@"; else swift build "$@"; fi; }
quiet() { "$@" >/tmp/threatdeck-compare-build.log 2>&1 || { cat /tmp/threatdeck-compare-build.log >&2; exit 1; }; }
(cd "$repo" && quiet build -c release --product threatdeck)
# This package builds the main one's modules by path, and SwiftPM regenerates its build plan
# when this package's files change, not when a file is added to or removed from the main
# package's Sources: a removed file then fails the build ("missing inputs"). The plan is
# dropped when the list of source files differs from the last build's.
sources=$(cd "$repo" && find Sources -type f | LC_ALL=C sort | cksum)
if [[ -f $here/.build/release.yaml && "$(cat "$here/.build/threatdeck-sources.cksum" 2>/dev/null)" != "$sources" ]]; then
  rm -f "$here/.build/release.yaml"
fi
(cd "$here" && quiet build -c release --product Profile)
mkdir -p "$here/.build" && echo "$sources" >"$here/.build/threatdeck-sources.cksum"
td="$repo/.build/release/threatdeck"
profile="$here/.build/release/Profile"
echo "threatdeck $(git -C "$repo" rev-parse --short HEAD)$(git -C "$repo" diff --quiet HEAD -- Sources || echo '+changes'); $("$py" --version) at $py; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"

# The process's own floor (Swift runtime, Foundation, terminfo), to tell data from overhead
# on small files: peak RSS for a report with nothing in it.
tiny=$(mktemp --suffix=.json)
echo '{"schema":"threatdeck-report@1","report":{"id":"r","title":"T"},"sources":[{"id":"s","title":"S"}],"actors":[]}' > "$tiny"
json=$(mktemp)
results=$(mktemp)
trap 'rm -f "$json" "$results" "$tiny"' EXIT

calc() { "$py" -c "print(f'{$1:.${2:-2}f}')"; }
mean() { "$py" -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][int(sys.argv[2])]["mean"])' "$json" "$1"; }
peak() { { /usr/bin/time -f "%M" "$@" >/dev/null; } 2>&1 | tail -1; }
bytes() { local n=0 f; for f in "$@"; do n=$((n + $(stat -c %s "$f"))); done; echo "$n"; }
# target LABEL VALUE LIMIT [le|ge]
target() { echo "$1|$2|$3|${4:-le}" >> "$results"; }
# rss LABEL FILES...: peak RSS of the first frame; a target from 1 MB on (22 MiB + 2x the input).
rss() {
  local label=$1; shift
  local kib size
  kib=$(peak "$td" snapshot --size 200x60 "$@")
  size=$(bytes "$@")
  if ((size >= 1000000)); then
    target "$label: peak RSS (MiB)" "$(calc "$kib / 1024" 0)" "$(calc "22 + 2 * $size / 1048576" 0)"
  fi
  "$py" -c 'import sys; r,b,f=int(sys.argv[1]),int(sys.argv[2]),int(sys.argv[3]); print(f"   peak RSS {r/1024:.0f} MiB for {f/1048576:.1f} MiB of input: {r*1024/f:.2f}x; above the {b/1024:.0f} MiB floor of an empty report: {(r-b)*1024/f:.2f}x")' "$kib" "$floor" "$size"
}

# compare LABEL LIMIT SUMMARY FILES...: first frame and summary against json.load (and jq), in
# one hyperfine run; SUMMARY=1 makes the summary's ratio a target too.
compare() {
  local label=$1 limit=$2 summary=$3; shift 3
  local files=("$@") quoted
  quoted=$(printf "'%s' " "${files[@]}")
  echo
  echo "== $label: $(du -ch "${files[@]}" | tail -1 | cut -f1) in ${#files[@]} file(s): $(for f in "${files[@]}"; do basename "$f"; done | paste -sd' ')"
  hyperfine -N --warmup 1 --runs "$runs" --export-json "$json" --style basic \
    -n "threatdeck first frame (snapshot 200x60)" "$td snapshot --size 200x60 $quoted" \
    -n "threatdeck summary" "$td summary $quoted" \
    -n "python json.load" "$py -c 'import json,sys; [json.load(open(f)) for f in sys.argv[1:]]' $quoted" \
    -n "jq ." "jq . $quoted" \
    2>/dev/null | grep -E "^(Benchmark|  Time)" || true
  local frame sum pyt jqt
  frame=$(mean 0); sum=$(mean 1); pyt=$(mean 2); jqt=$(mean 3)
  target "$label: first frame / json.load" "$(calc "$frame / $pyt")" "$limit"
  if [[ $summary == 1 ]]; then target "$label: summary / json.load" "$(calc "$sum / $pyt")" "$limit"; fi
  echo "   first frame $(calc "$frame*1000" 0) ms, summary $(calc "$sum*1000" 0) ms, json.load $(calc "$pyt*1000" 0) ms, jq $(calc "$jqt*1000" 0) ms"
  if [[ ${WITH_STIX2:-0} == 1 ]]; then
    hyperfine -N --runs 3 --export-json "$json" --style basic -n "stix2.parse" \
      "$venv/bin/python -c 'import stix2,sys; stix2.parse(open(sys.argv[1]).read(), allow_custom=True)' ${quoted}" 2>/dev/null | grep -E "^(Benchmark|  Time)" || true
    local stix
    stix=$(mean 0 2>/dev/null || true)
    [[ -n $stix ]] && echo "   stix2.parse / first frame = $(calc "$stix / $frame" 1)x"
  fi
  rss "$label" "${files[@]}"
}
floor=$(peak "$td" snapshot --size 200x60 "$tiny")

compare "ATT&CK enterprise (real)" 0.35 1 "$enterprise"
compare "ATT&CK enterprise + MISP threat-actor galaxy (real)" 0.35 1 "$enterprise" "$galaxy"
compare "1,000 actors / 100,000 events (native)" 0.35 1 "$inputs/large-dataset.json"
if [[ ${ROUND3:-0} != 1 ]]; then
  WITH_STIX2=1 compare "ATT&CK-size generated bundle" 0.35 0 "$inputs/attack-like-enterprise.json"
  compare "ATT&CK ICS 18.1 (real)" 0.35 0 "$shared/stix/ics-attack-18.1.json"
  compare "MISP threat-actor galaxy (real)" 0.4 0 "$galaxy"
fi

echo
echo "== a key while ATT&CK enterprise reloads on the other threads (Profile busy)"
while IFS='|' read -r label value limit; do
  echo "   $label: $value"
  target "$label" "$value" "$limit"
done < <("$profile" busy "$enterprise")

if [[ ${ROUND3:-0} != 1 ]]; then
  # MISP events: the five CIRCL files, each read by threatdeck, json.load and PyMISP.
  echo
  echo "== MISP events (the five real files in ../shared/data/misp-events)"
  events=("$shared"/misp-events/*.json)
  hyperfine -N --warmup 1 --runs "$runs" --export-json "$json" --style basic \
    -n "threatdeck first frame" "$td snapshot --size 200x60 ${events[*]}" \
    -n "python json.load" "$py -c 'import json,sys; [json.load(open(f)) for f in sys.argv[1:]]' ${events[*]}" \
    -n "PyMISP MISPEvent().load_file" "$venv/bin/python -c 'import sys; from pymisp import MISPEvent; [MISPEvent().load_file(f) for f in sys.argv[1:]]' ${events[*]}" \
    2>/dev/null | grep -E "^(Benchmark|  Time)" || true
  frame=$(mean 0); pyt=$(mean 1); pymisp=$(mean 2)
  target "MISP events: first frame / json.load" "$(calc "$frame / $pyt")" 0.4
  target "MISP events: PyMISP load_file / threatdeck" "$(calc "$pymisp / $frame" 1)" 5 ge
  rss "MISP events" "${events[@]}"

  echo
  echo "== a MISP feed directory of 10,000 generated events (manifest + one file per event)"
  [[ -f $inputs/misp-feed-10k/manifest.json ]] || "$py" "$here/generate-misp-feed.py" "$inputs/misp-feed-10k" 10000 >/dev/null
  hyperfine -N --warmup 1 --runs "$runs" --export-json "$json" --style basic \
    -n "threatdeck first frame" "$td snapshot --size 200x60 '$inputs/misp-feed-10k'" 2>/dev/null | grep -E "^(Benchmark|  Time)" || true
  target "MISP feed of 10,000 events: first frame (s)" "$(calc "$(mean 0)")" 1
  # The same feed followed as a live source (--misp-feed), on its first poll: nothing cached yet.
  feedcache=$(mktemp -d)
  hyperfine --warmup 1 --runs "$runs" --export-json "$json" --style basic --prepare "rm -rf '$feedcache'/*" \
    -n "threatdeck --misp-feed DIR, first poll" "XDG_CACHE_HOME='$feedcache' $td snapshot --size 200x60 --misp-feed '$inputs/misp-feed-10k' >/dev/null" 2>/dev/null | grep -E "^(Benchmark|  Time)" || true
  target "MISP feed as a live source, first poll (s)" "$(calc "$(mean 0)")" 1
  rm -rf "$feedcache"

  echo
  echo "== startup on the bundled sample report to first frame"
  hyperfine -N --warmup 2 --runs 20 --export-json "$json" --style basic -n "threatdeck snapshot 120x40" "$td snapshot --size 120x40" 2>/dev/null | grep -E "^(Benchmark|  Time)" || true
  target "startup on the sample (ms)" "$(calc "$(mean 0)*1000" 0)" 50
fi

# Reloads: the 26 MB native file edited or only touched, alone and beside a 35 MB STIX bundle
# in one directory, to the next frame, against its cold open (Profile reloads).
echo
echo "== reloads of one changed file (Profile reloads)"
while IFS='|' read -r label value limit; do
  target "$label" "$value" "$limit"
done < <("$profile" reloads)

if [[ ${ROUND3:-0} != 1 ]]; then
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
fi

# Scale: 10,000 actors and 1,000,000 events (about 260 MB; SCALE=0 skips it): first frame and
# memory as above, then frame, key, filter and drill-down medians from Benchmarks' Profile.
if [[ ${SCALE:-1} != 0 ]]; then
  [[ -f $inputs/scale-dataset.json ]] || "$py" "$here/generate-large-inputs.py" --scale "$inputs"
  runs=3 compare "10,000 actors / 1,000,000 events (native, scale)" 0.5 0 "$inputs/scale-dataset.json"
  echo "   frame, key, filter and drill-down at this scale (Profile scale, medians):"
  while IFS='|' read -r label value limit; do
    echo "   $label: $value"
    target "$label" "$value" "$limit"
  done < <("$profile" scale "$inputs/scale-dataset.json")
fi

echo
echo "== targets"
status=0
while IFS='|' read -r label value limit how; do
  if "$py" -c "import sys; v,l=float('$value'),float('$limit'); sys.exit(0 if (v<=l if '$how'=='le' else v>=l) else 1)"; then verdict=PASS; else verdict=FAIL; status=1; fi
  printf '  %-70s %8s  (%s %s)  %s\n' "$label" "$value" "$([[ $how == le ]] && echo '<=' || echo '>=')" "$limit" "$verdict"
done < "$results"
echo "  (frames and keys at 100,000 events, and reloads of a single file: cd Benchmarks && swift package benchmark)"
exit $status
