#!/usr/bin/env bash
# The long restless user, outside CI: ../shared/tools/monkey drives the release binary in tmux
# with random keys and resizes for SECONDS (default 600) and reports hangs and crashes.
#   scripts/monkey.sh [SECONDS] [SEED]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-600}
seed=${2:-$(date +%s)}
monkey=$root/../shared/tools/monkey
[[ -x $monkey ]] || monkey=/work/shared/tools/monkey
cd "$root"
swift build -c release --product threatdeck
bin=$(swift build -c release --show-bin-path)/threatdeck
echo "monkey: $seconds s, seed $seed, $bin"
"$monkey" "$bin" "$seconds" "$seed"
