#!/usr/bin/env bash
# Runs every test of PhotoVeil on a fresh Debian machine that has the Rust toolchain: installs
# what the tests need, then runs the workspace's tests. .ci/run runs exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/setup.sh
# A fresh build gains nothing from incremental compilation, whose caches took several GB of CI's
# disk (with one test binary per file, the build no longer fitted on a nearly full CI disk).
export CARGO_INCREMENTAL=0
photoveil_apt_install libheif-examples
# The desktop app's tests: a virtual X server, the X libraries winit opens at run time, a font.
photoveil_apt_install xvfb xauth libxkbcommon-x11-0 libxcursor1 libxi6 libxrandr2 fonts-dejavu-core
# Mesa's Vulkan driver (lavapipe, a GPU emulated on the CPU): the app's own renderer choice
# (wgpu) then runs in tests/app/gui_xvfb.rs as on a computer with a graphics card.
photoveil_apt_install mesa-vulkan-drivers libvulkan1
photoveil_apt_install strace
# Lints first (a minute on two cores, sharing the test build's dependencies): warnings fail the run.
if cargo clippy --version >/dev/null 2>&1; then
    cargo clippy --workspace --all-targets --locked -- -D warnings
else
    echo "note: cargo clippy is not installed; lints skipped" >&2
fi
# The examples (bench commands) are linted above but not linked here: they are not tests.
cargo test --workspace --locked --lib --bins --tests
# The .deb built from this test build installs and runs like the shipped one (see packaging/README.md).
tools/packaging/check-deb.sh
