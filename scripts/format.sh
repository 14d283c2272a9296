#!/usr/bin/env bash
# swift-format on the Swift files changed since BASE (default: the commit in .ci/format-base,
# from which the project is formatted as it changes): formats them, or with --check lists
# what it would change and exits 1. The configuration is .swift-format at the top level.
#   scripts/format.sh [--check] [BASE]
set -euo pipefail
cd "$(dirname "$0")/.."
check=0
if [[ ${1:-} == --check ]]; then check=1; shift; fi
base=${1:-$(cat .ci/format-base)}
formatter=$(command -v swift-format || true)
[[ -n $formatter ]] || { echo "format.sh: swift-format not found (it comes with Swift 6)" >&2; exit 2; }
mapfile -t files < <(git diff --name-only --diff-filter=ACMR "$base" -- 'Sources/*.swift' 'Tests/*.swift' 'Benchmarks/*.swift' 'Fuzz/*.swift' | grep -v 'Tables\.swift$' | sort -u)
# Files changed in the working tree but not committed yet count too.
mapfile -t -O "${#files[@]}" files < <(git ls-files --others --exclude-standard -- 'Sources/*.swift' 'Tests/*.swift')
[[ ${#files[@]} -gt 0 ]] || { echo "format.sh: no Swift file changed since $base"; exit 0; }
if [[ $check == 1 ]]; then
  if "$formatter" lint --strict --configuration .swift-format "${files[@]}"; then
    echo "format.sh: ${#files[@]} changed files are formatted"
  else
    echo "format.sh: run scripts/format.sh to format them" >&2
    exit 1
  fi
else
  "$formatter" format --in-place --configuration .swift-format "${files[@]}"
  echo "format.sh: formatted ${#files[@]} files changed since $base"
fi
