#!/usr/bin/env bash
# Builds the .deb that is shipped (profile `dist`: fat LTO, one codegen unit, stripped) and prints the binary
# size, the package size and the installed size, for the target of at most 120 MB installed.
set -euo pipefail
cd "$(dirname "$0")/../.."
source tools/setup.sh
cargo deb --version >/dev/null 2>&1 || cargo install cargo-deb --locked --version 3.8.0 --quiet
cargo build --profile dist --locked --bin photoveil
deb=$(cargo deb --no-build --profile dist --quiet)
root=$(mktemp -d "${TMPDIR:-/tmp}/photoveil-deb.XXXXXX")
trap 'rm -rf "$root"' EXIT
dpkg-deb --extract "$deb" "$root"
echo "binary:    $(du -k target/dist/photoveil | cut -f1) KiB"
echo "package:   $(du -k "$deb" | cut -f1) KiB ($deb)"
echo "installed: $(du -sk "$root/usr" | cut -f1) KiB (Installed-Size field: $(dpkg-deb --field "$deb" Installed-Size) KiB)"
