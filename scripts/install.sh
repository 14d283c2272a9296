#!/usr/bin/env bash
# Builds ThreatDeck in release mode and installs it under PREFIX (default /usr/local):
#   PREFIX/bin/threatdeck                     the binary (themes and sample data are inside it)
#   PREFIX/share/man/man1/threatdeck.1        the man page (threatdeck manual)
#   PREFIX/share/bash-completion/completions/threatdeck, …/zsh/site-functions/_threatdeck,
#   …/fish/vendor_completions.d/threatdeck.fish   shell completions: subcommands, options and the
#       values of --filter (kinds, then names and codes from the data), --theme, --view, --format,
#       asked of the installed binary (`threatdeck complete`) as one types
#   PREFIX/share/threatdeck/themes/*.yaml     the bundled themes, as examples to copy
# usage: scripts/install.sh [PREFIX]      (DESTDIR is honoured for packaging)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
prefix=${1:-/usr/local}
dest=${DESTDIR:-}
cd "$root"
swift build -c release --product threatdeck
bin=$(swift build -c release --show-bin-path)/threatdeck
install -d "$dest$prefix/bin" "$dest$prefix/share/man/man1" "$dest$prefix/share/bash-completion/completions" \
  "$dest$prefix/share/zsh/site-functions" "$dest$prefix/share/fish/vendor_completions.d" "$dest$prefix/share/threatdeck/themes"
install -m 755 "$bin" "$dest$prefix/bin/threatdeck"
"$bin" manual > "$dest$prefix/share/man/man1/threatdeck.1"
"$bin" complete --script bash > "$dest$prefix/share/bash-completion/completions/threatdeck"
"$bin" complete --script zsh > "$dest$prefix/share/zsh/site-functions/_threatdeck"
"$bin" complete --script fish > "$dest$prefix/share/fish/vendor_completions.d/threatdeck.fish"
install -m 644 Themes/*.yaml "$dest$prefix/share/threatdeck/themes/"
echo "installed $("$bin" --version) under $dest$prefix"
