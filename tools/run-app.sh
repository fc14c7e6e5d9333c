#!/usr/bin/env bash
# Builds and runs PhotoVeil on a fresh Debian machine that has the Rust toolchain.
# With a display it opens the desktop app. Without one it runs the headless demo: it scans the
# bundled demo photo (made-up metadata on a public-domain picture), writes a cleaned copy and a
# protected copy whose face is cloaked and measured.
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/setup.sh
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    # The X libraries the window system layer opens at run time (present on any desktop).
    photoveil_apt_install libxkbcommon-x11-0 libxcursor1 libxi6 libxrandr2
fi
cargo build --release --locked
bin=target/release/photoveil
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    exec "$bin" "$@"
fi
echo "No display found: running the headless demo instead of the desktop app."
out=$(mktemp -d "${TMPDIR:-/tmp}/photoveil-demo.XXXXXX")
echo "== What the demo photo gives away =="
"$bin" scan assets/demo/astronaut.jpg
echo
echo "== Cleaning it into $out =="
"$bin" clean --out "$out" assets/demo/astronaut.jpg
echo
echo "== What the cleaned copy gives away =="
"$bin" scan "$out"
echo
echo "== Protecting the face in it (cloak, measured by an independent network after a simulated upload) =="
"$bin" protect --no-remember --out "$out/protected" assets/demo/astronaut.jpg
