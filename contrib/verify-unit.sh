#!/usr/bin/env bash
# Checks contrib/threatdeck-kiosk.service with systemd's own verifier. The verifier insists
# that ExecStart's binary exists, so the unit is checked as a copy whose ExecStart names a
# stand-in executable; everything else is the file as shipped.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if ! command -v systemd-analyze >/dev/null; then
  echo "verify-unit: systemd-analyze not found (apt-get install systemd)" >&2
  exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '#!/bin/sh\nexit 0\n' > "$work/threatdeck"
chmod +x "$work/threatdeck"
sed "s#/usr/local/bin/threatdeck#$work/threatdeck#" "$here/threatdeck-kiosk.service" > "$work/threatdeck-kiosk.service"
# Warnings count as failures: systemd-analyze verify prints them but exits 0.
out=$(systemd-analyze verify --man=no "$work/threatdeck-kiosk.service" 2>&1) || { echo "$out" >&2; exit 1; }
if [[ -n $out ]]; then
  echo "$out" >&2
  exit 1
fi
echo "verify-unit: contrib/threatdeck-kiosk.service passes systemd-analyze verify"
