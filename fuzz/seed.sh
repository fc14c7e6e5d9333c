#!/usr/bin/env bash
# Writes the seed corpora of every fuzz target into fuzz/seeds/TARGET/ from the fixtures
# (crates/photoveil-fixtures) and, for HEIF/AVIF, libheif's heif-enc (package libheif-examples).
set -euo pipefail
cd "$(dirname "$0")/.."
seeds=fuzz/seeds
cargo run --quiet -p photoveil-fixtures --bin write-fuzz-seeds -- "$seeds"
source="$seeds/heif-source/source.jpg"
mkdir -p "$seeds/clean_heif"
heif-enc -q 50 -o "$seeds/clean_heif/phone.heic" "$source" >/dev/null
heif-enc -q 50 -A -o "$seeds/clean_heif/phone.avif" "$source" >/dev/null
# A Samsung-style motion-photo box appended, as the scanner and cleaner handle it.
cp "$seeds/clean_heif/phone.heic" "$seeds/clean_heif/motion.heic"
printf '\0\0\0\x19mpvd\0\0\0\x10ftypmp42sound' >>"$seeds/clean_heif/motion.heic"
cp "$seeds"/clean_heif/* "$seeds/scan/"
cp "$seeds"/clean_heif/* "$seeds/decode/"
rm -r "$seeds/heif-source"
du -sh "$seeds"
