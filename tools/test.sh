#!/usr/bin/env bash
# Runs every test of PhotoVeil on a fresh Debian machine that has the Rust toolchain: installs
# what the tests need, then runs the workspace's tests. .ci/run runs exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/setup.sh
photoveil_apt_install libheif-examples
photoveil_apt_install strace
cargo test --workspace --locked
