#!/usr/bin/env bash
# Builds one libFuzzer target with -sanitize=fuzzer,address and fuzzes it.
#   scripts/fuzz.sh TARGET [SECONDS]      TARGET: json native stix mispgalaxy mispevent config
#                                          theme taxii mispfeed sanitizer (or "all")
# Corpora live in Fuzz/corpus/TARGET (seeded from ../shared/data and the test fixtures on the
# first run), findings in Fuzz/findings/TARGET. SWIFT_BACKTRACE=enable=no: Swift's backtracer
# would stall each crash for ~30 s. Prints executions per second and coverage at the end.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
target=${1:?usage: scripts/fuzz.sh TARGET [SECONDS]}
seconds=${2:-600}
shared=$root/../shared/data
[[ -d $shared ]] || shared=/work/shared/data

if [[ $target == export ]]; then
  # The corpora into Tests/FuzzCorpus for swift test to replay: what the fuzzers generated
  # (the seeds are in the repo and ../shared already), smallest first, at most 250 inputs
  # of at most 16 KB per target, and every crash/leak/timeout artifact found.
  set +o pipefail   # head closes the pipe after 250 names: sort's SIGPIPE is not an error
  for t in json native stix mispgalaxy mispevent config theme taxii mispfeed sanitizer; do
    out=$root/Tests/FuzzCorpus/$t
    mkdir -p "$out"
    find "$root/Fuzz/corpus/$t" -type f ! -name 'seed-*' -size -16k -printf '%s %p\n' 2>/dev/null | sort -n | head -250 | cut -d' ' -f2- |
      while read -r f; do cp "$f" "$out/"; done
    for f in "$root/Fuzz/findings/$t"/crash-* "$root/Fuzz/findings/$t"/leak-* "$root/Fuzz/findings/$t"/timeout-*; do [[ -f $f ]] && cp "$f" "$out/"; done
    echo "$t: $(ls "$out" | wc -l) inputs, $(du -sh "$out" | cut -f1)"
  done
  exit 0
fi

if [[ $target == all || $target == *,* ]]; then
  # Every target in turn (or a comma-separated list); a crash in one does not stop the rest.
  list=${target/all/json,native,stix,mispgalaxy,mispevent,config,theme,taxii,mispfeed,sanitizer}
  failed=0
  for t in ${list//,/ }; do "$0" "$t" "$seconds" || failed=1; done
  exit $failed
fi

cd "$root/Fuzz"
swift build -c debug -Xswiftc -sanitize=fuzzer,address -Xswiftc -Onone --product "fuzz-$target" >&2
bin=$(swift build -c debug -Xswiftc -sanitize=fuzzer,address -Xswiftc -Onone --show-bin-path)/fuzz-$target

corpus=$root/Fuzz/corpus/$target
findings=$root/Fuzz/findings/$target
mkdir -p "$corpus" "$findings"
seed() { for f in "$@"; do [[ -f $f && $(stat -c %s "$f") -le 4000000 ]] && cp "$f" "$corpus/seed-$(basename "$f")"; done; return 0; }
if [[ -z $(ls -A "$corpus") ]]; then
  case $target in
    json) seed "$root"/Tests/JSONCoreTests/Fixtures/JSONTestSuite/*.json "$shared"/stix/*.json ;;
    native) seed "$root"/sample-data/*.json "$root"/Tests/ThreatModelTests/Fixtures/*.json ;;
    stix|taxii) seed "$shared"/stix/*.json "$root"/sample-data/*.stix.json "$root"/Tests/LiveSourcesTests/Fixtures/*.json ;;
    mispgalaxy) seed "$shared"/misp-galaxy/region.json "$shared"/misp-galaxy/sector.json "$shared"/misp-galaxy/country.json ;;
    mispevent|mispfeed) seed "$shared"/misp-events/*.json ;;
    config) printf 'theme: default\ndata: [a.json]\nmax-tlp: green\nviews: {apac: [sector:technology]}\nkiosk: {rotate: 20, views: [headline, {view: overview, seconds: 40}, "grid(actors, sectors; timeline, techniques)"], night: "22:00-06:00", shift-every: 10}\nsources:\n  - taxii: https://x.example/taxii2/\n    collection: c\n' > "$corpus/seed-config.yaml" ;;
    theme) seed "$root"/Themes/*.yaml ;;
    sanitizer) printf 'Plain text' > "$corpus/a"; printf '\033[31mred\033]8;;http://x\a\u202e evil \u200b\xe2\x80' > "$corpus/b"; printf 'é中😀👩‍👩‍👧' > "$corpus/c" ;;
    *) echo "unknown target $target" >&2; exit 2 ;;
  esac
fi
dict=()
[[ $target =~ ^(json|native|stix|taxii|mispgalaxy|mispevent|mispfeed)$ ]] && dict=(-dict="$root/Fuzz/json.dict")
log=$findings/run-$(date +%Y%m%d-%H%M%S).log
echo "fuzz-$target: $seconds s, corpus $(ls "$corpus" | wc -l) files" >&2
set +e
SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 "$bin" "$corpus" "${dict[@]}" \
  -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=4096 -timeout=20 -print_final_stats=1 \
  -artifact_prefix="$findings/" 2> "$log"
status=$?
set -e
execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
persec=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*' || echo 0)
ft=$(grep -o 'ft: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*' || echo 0)
crashes=$(ls "$findings" | grep -c -E '^(crash|leak|timeout|oom)-' || true)
echo "fuzz-$target: exit $status, $execs executions, $persec exec/s, coverage $cov edges ($ft features), corpus $(ls "$corpus" | wc -l), findings $crashes (log $log)"
exit $status
