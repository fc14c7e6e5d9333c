#!/usr/bin/env bash
# Reproduces the fonts in assets/fonts/ from Debian 12 (bookworm) packages: downloads the pinned
# .deb files with apt, checks their SHA-256, and subsets the fonts with fontTools' pyftsubset to
# Basic Latin, Latin-1, punctuation, the full Hangul syllables and compatibility jamo (Korean),
# and the Arabic blocks and presentation forms (Urdu). Layout features (shaping) are all kept.
# Run from anywhere; needs apt-get, dpkg-deb and python3 with venv (fontTools is installed into a
# temporary virtual environment at the pinned version).
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=assets/fonts
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

CJK_DEB="fonts-noto-cjk=1:20220127+repack1-1"
CJK_SHA=4a2515eb6db3978b897fef9709ed0d2b1f4c6c4df4d83d6c4ef65f71f1b1f502
CORE_DEB="fonts-noto-core=20201225-1"
CORE_SHA=58f4f0bb6720f919f92096b3508e1412a0f1544424ade6c5b5bf1eb694dd64ba
FONTTOOLS=4.68.0

(cd "$WORK" && apt-get download -q "$CJK_DEB" "$CORE_DEB")
echo "$CJK_SHA  $(ls "$WORK"/fonts-noto-cjk_*.deb)" | sha256sum -c -
echo "$CORE_SHA  $(ls "$WORK"/fonts-noto-core_*.deb)" | sha256sum -c -
for deb in "$WORK"/*.deb; do dpkg-deb -x "$deb" "$WORK/x"; done

python3 -m venv "$WORK/venv"
"$WORK/venv/bin/pip" install -q "fonttools==$FONTTOOLS"
SUBSET="$WORK/venv/bin/pyftsubset"

# Characters every language needs: Latin for file names, numbers and GPS coordinates, punctuation,
# arrows and symbols used in the GUI and the report.
COMMON="U+0020-007E,U+00A0-00FF,U+2000-206F,U+20AC,U+2190-2199,U+2713,U+2717,U+25CF,U+25CB,U+FFFD"
HANGUL="U+1100-11FF,U+3000-303F,U+3131-318E,U+AC00-D7A3,U+FF01-FF5E"
ARABIC="U+0600-06FF,U+0750-077F,U+08A0-08FF,U+FB50-FDFF,U+FE70-FEFF,U+200C-200F,U+2066-2069"
FLAGS=(--layout-features='*' --name-IDs='*' --name-languages='*' --notdef-outline --no-hinting --desubroutinize)

NOTO="$WORK/x/usr/share/fonts"
"$SUBSET" "$NOTO/opentype/noto/NotoSansCJK-Regular.ttc" --font-number=1 \
    --unicodes="$COMMON,$HANGUL" "${FLAGS[@]}" --output-file="$OUT/NotoSansCJKkr-Regular-subset.otf"
"$SUBSET" "$NOTO/truetype/noto/NotoNastaliqUrdu-Regular.ttf" \
    --unicodes="$COMMON,$ARABIC" "${FLAGS[@]}" --output-file="$OUT/NotoNastaliqUrdu-Regular-subset.ttf"
"$SUBSET" "$NOTO/truetype/noto/NotoSansArabic-Regular.ttf" \
    --unicodes="$COMMON,$ARABIC" "${FLAGS[@]}" --output-file="$OUT/NotoSansArabic-Regular-subset.ttf"

# The fonts' copyright notices, then the SIL Open Font License 1.1 as Debian ships it in the
# package's copyright file.
{
    for font in "$OUT"/*.otf "$OUT"/*.ttf; do
        "$WORK/venv/bin/python" -c 'import sys; from fontTools.ttLib import TTFont; print(TTFont(sys.argv[1])["name"].getDebugName(0))' "$font"
    done | sort -u
    echo
    echo "SIL OPEN FONT LICENSE Version 1.1 - 26 February 2007"
    echo
    awk 'prev=="License: OFL-1.1" && $0==" PREAMBLE" {on=1} on && /^[^ ]/ {exit} on {sub(/^ /, ""); if ($0==".") $0=""; print} {prev=$0}' \
    "$WORK/x/usr/share/doc/fonts-noto-core/copyright"
} > "$OUT/OFL.txt"

(cd "$OUT" && sha256sum ./*.otf ./*.ttf)
du -ch "$OUT"/*.otf "$OUT"/*.ttf | tail -1
