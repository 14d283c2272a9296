#!/usr/bin/env bash
# Times threatdeck against the tools analysts use today, in one run, on the same files:
#   jq . F >/dev/null · python3 json.load(F) · the OASIS stix2 library's parse(F)
# and prints ratios (threatdeck ÷ other: below 1.0 means threatdeck is faster).
# Also: open-to-first-frame, peak memory, startup on the sample report.
#
# usage: Benchmarks/compare.sh            (from anywhere; installs hyperfine and stix2 if missing)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
inputs="$here/.inputs"
shared="$repo/../shared/data"
runs=${RUNS:-10}

command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine jq >/dev/null; }
command -v jq >/dev/null || apt-get install -y -qq jq >/dev/null
venv=${STIX2_VENV:-/tmp/threatdeck-stix2-venv}
if [[ ! -x $venv/bin/python ]] || ! "$venv/bin/python" -c 'import stix2' 2>/dev/null; then
  python3 -m venv "$venv" && "$venv/bin/pip" install -q stix2
fi
[[ -f $inputs/attack-like-enterprise.json ]] || python3 "$here/generate-large-inputs.py" "$inputs"

(cd "$repo" && swift build -c release --product threatdeck >/dev/null)
td="$repo/.build/release/threatdeck"

json=$(mktemp)
trap 'rm -f "$json"' EXIT

# mean seconds of a hyperfine run
mean() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][int(sys.argv[2])]["mean"])' "$json" "$1"; }

compare() {
  local label=$1 file=$2
  echo
  echo "== $label: $(du -h "$file" | cut -f1) $(basename "$file")"
  hyperfine --warmup 1 --runs "$runs" --export-json "$json" --style basic \
    -n "threatdeck summary" "$td summary '$file' >/dev/null" \
    -n "threatdeck first frame (snapshot 200x60)" "$td snapshot --size 200x60 '$file' >/dev/null" \
    -n "jq ." "jq . '$file' >/dev/null" \
    -n "python3 json.load" "python3 -c 'import json,sys; json.load(open(sys.argv[1]))' '$file'" \
    2>/dev/null | grep -E "^(Benchmark|  Time)" || true
  local td_summary td_frame jq py
  td_summary=$(mean 0); td_frame=$(mean 1); jq=$(mean 2); py=$(mean 3)
  local stix=""
  if [[ ${WITH_STIX2:-1} == 1 && $(basename "$file") != large-dataset.json && $(basename "$file") != threat-actor.json ]]; then
    # stix2.parse is slow: fewer runs.
    hyperfine --runs 3 --export-json "$json" --style basic -n "stix2.parse" \
      "$venv/bin/python -c 'import stix2,sys; stix2.parse(open(sys.argv[1]).read(), allow_custom=True)' '$file'" \
      2>/dev/null | grep -E "^(Benchmark|  Time)" || true
    stix=$(mean 0)
  fi
  python3 - "$td_summary" "$td_frame" "$jq" "$py" "$stix" <<'PY'
import sys
s, f, jq, py, stix = (float(x) if x else None for x in sys.argv[1:])
print(f"   ratio first frame / python json.load = {f / py:.2f}   (target < 1.0)")
print(f"   ratio summary / python json.load     = {s / py:.2f}")
print(f"   ratio summary / jq .                 = {s / jq:.2f}")
if stix: print(f"   stix2.parse / first frame            = {stix / f:.1f}x   (target >= 15x)")
PY
  local rss
  rss=$( { /usr/bin/time -f "%M" "$td" summary "$file" >/dev/null; } 2>&1 | tail -1)
  python3 -c "import os,sys; kb=int(sys.argv[1]); size=os.path.getsize(sys.argv[2]); print(f'   peak memory {kb/1024:.0f} MiB = {kb*1024/size:.2f}x the file (target <= 4x)')" "$rss" "$file"
}

compare "ATT&CK-size STIX bundle" "$inputs/attack-like-enterprise.json"
compare "ATT&CK ICS 18.1 (real)" "$shared/stix/ics-attack-18.1.json"
compare "MISP threat-actor galaxy (real)" "$shared/misp-galaxy/threat-actor.json"
WITH_STIX2=0 compare "1,000 actors / 100,000 events (native)" "$inputs/large-dataset.json"

echo
echo "== startup on the bundled sample report to first frame (target <= 50 ms)"
hyperfine --warmup 2 --runs 20 --style basic -n "threatdeck snapshot 120x40" "$td snapshot --size 120x40 >/dev/null" 2>/dev/null | grep -E "^(Benchmark|  Time)"
