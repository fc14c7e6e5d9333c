#!/usr/bin/env bash
# Renders every icon PhotoVeil ships from the one SVG source:
#   packaging/icons/hicolor/<N>x<N>/apps/org.photoveil.PhotoVeil.png   (Linux desktops, .deb, Flatpak)
#   packaging/windows/photoveil.ico                                     (Windows installer and .exe)
#   packaging/macos/PhotoVeil.icns                                      (macOS .app bundle)
# Needs librsvg2-bin (rsvg-convert), imagemagick (convert) and icnsutils (png2icns).
set -euo pipefail
cd "$(dirname "$0")/../.."
source tools/setup.sh
photoveil_apt_install librsvg2-bin imagemagick icnsutils
id=org.photoveil.PhotoVeil
svg=packaging/icons/$id.svg
for n in 16 24 32 48 64 128 256 512; do
    dir=packaging/icons/hicolor/${n}x${n}/apps
    mkdir -p "$dir"
    rsvg-convert -w "$n" -h "$n" "$svg" -o "$dir/$id.png"
done
mkdir -p packaging/icons/hicolor/scalable/apps
cp "$svg" packaging/icons/hicolor/scalable/apps/$id.svg
mkdir -p packaging/windows packaging/macos
convert $(for n in 16 24 32 48 64 256; do echo packaging/icons/hicolor/${n}x${n}/apps/$id.png; done) \
    packaging/windows/photoveil.ico
png2icns packaging/macos/PhotoVeil.icns \
    $(for n in 16 32 128 256 512; do echo packaging/icons/hicolor/${n}x${n}/apps/$id.png; done) >/dev/null
echo "icons written"
