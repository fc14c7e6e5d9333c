#!/usr/bin/env bash
# Runs one fuzz target for a number of seconds on one core:  fuzz/run.sh TARGET SECONDS
# Targets: scan clean_jpeg clean_png clean_webp clean_tiff clean_heif decode (fuzz/Cargo.toml).
# Needs the nightly toolchain and cargo-fuzz (cargo install cargo-fuzz --locked). The corpus grows
# in fuzz/corpus/TARGET (not committed), starting from the committed seeds in fuzz/seeds/TARGET;
# crashing inputs land in fuzz/artifacts/TARGET. The log is fuzz/logs/TARGET.log.
set -euo pipefail
cd "$(dirname "$0")"
target=${1:?usage: fuzz/run.sh TARGET SECONDS}
seconds=${2:?usage: fuzz/run.sh TARGET SECONDS}
[ -d seeds/"$target" ] || ../fuzz/seed.sh
mkdir -p corpus/"$target" logs
# Release build with debug assertions and overflow checks (-a), AddressSanitizer (the default)
# for the unsafe code inside the decoders. Memory: 4 GiB per run, the decoders' own limit is 3 GiB.
cargo +nightly fuzz run -O -a "$target" corpus/"$target" seeds/"$target" -- \
    -max_total_time="$seconds" -rss_limit_mb=4096 -malloc_limit_mb=3584 -timeout=10 \
    -max_len=65536 -print_final_stats=1 2>&1 | tee logs/"$target".log
