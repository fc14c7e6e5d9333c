#!/usr/bin/env bash
# Builds a .deb of PhotoVeil from the binary of the test build (target/debug, so nothing is
# compiled twice), unpacks it into a scratch root and checks it as an installed app:
#   - every packaged file is where the program and the desktop look for it;
#   - `photoveil --version` and a headless `photoveil scan` of the demo photo (faces included: the
#     packaged models load and pass their SHA-256 check) work from the unpacked tree, and
#     `photoveil scan --demo` finds the sample photos the package installs;
#   - the desktop file and the AppStream metainfo validate.
# Run by tools/test.sh after the tests. Needs cargo-deb, desktop-file-utils and appstream.
set -euo pipefail
cd "$(dirname "$0")/../.."
source tools/setup.sh
photoveil_apt_install desktop-file-utils appstream
if ! cargo deb --version >/dev/null 2>&1; then
    echo "Installing cargo-deb"
    cargo install cargo-deb --locked --version 3.8.0 --quiet
fi
[ -x target/debug/photoveil ] || cargo build --locked --bin photoveil
deb=$(cargo deb --no-build --fast --profile dev --quiet --output target/debian/photoveil-check.deb)
root=$(mktemp -d "${TMPDIR:-/tmp}/photoveil-deb.XXXXXX")
trap 'rm -rf "$root"' EXIT
dpkg-deb --extract "$deb" "$root"
dpkg-deb --field "$deb" Package Version Depends
dpkg-deb --field "$deb" Depends | grep -q "libxkbcommon-x11-0" \
    || { echo "FAIL: the package does not depend on the X libraries the window opens"; exit 1; }

id=org.photoveil.PhotoVeil
for f in usr/bin/photoveil \
         usr/share/photoveil/models/blazeface_back.safetensors \
         usr/share/photoveil/models/dlib_resnet29.safetensors \
         usr/share/photoveil/models/mobileface.safetensors \
         usr/share/photoveil/models/mobilefacenet.safetensors \
         usr/share/photoveil/models/sface.safetensors \
         usr/share/photoveil/models/MODELS.md \
         usr/share/photoveil/models/licenses/mediapipe-Apache-2.0.txt \
         usr/share/applications/$id.desktop \
         usr/share/metainfo/$id.metainfo.xml \
         usr/share/icons/hicolor/scalable/apps/$id.svg \
         usr/share/icons/hicolor/48x48/apps/$id.png \
         usr/share/icons/hicolor/256x256/apps/$id.png \
         usr/share/doc/photoveil/copyright; do
    [ -e "$root/$f" ] || { echo "FAIL: the package lacks /$f"; exit 1; }
done
cmp -s "$root/usr/share/photoveil/models/dlib_resnet29.safetensors" assets/models/dlib_resnet29.safetensors \
    || { echo "FAIL: packaged model differs from assets/models"; exit 1; }

"$root/usr/bin/photoveil" --version | grep -q "^photoveil " || { echo "FAIL: --version"; exit 1; }
scan=$(env -u PHOTOVEIL_MODELS "$root/usr/bin/photoveil" scan --json assets/demo/astronaut.jpg)
echo "$scan" | grep -q '"faces":\[{' || { echo "FAIL: the packaged program found no face in the demo photo"; echo "$scan"; exit 1; }
echo "$scan" | grep -q '"category":"location"' || { echo "FAIL: the packaged program found no location in the demo photo"; exit 1; }
# The sample photos ("Try with sample photos", `scan --demo`) come from the package itself.
demo=$(env -u PHOTOVEIL_DEMO "$root/usr/bin/photoveil" scan --demo --no-faces --json 2>&1)
echo "$demo" | grep -q 'usr/share/photoveil/demo/astronaut.jpg' \
    || { echo "FAIL: the packaged program does not scan its own sample photos"; echo "$demo"; exit 1; }

desktop-file-validate "$root/usr/share/applications/$id.desktop"
appstreamcli validate --no-net --explain "$root/usr/share/metainfo/$id.metainfo.xml" >/dev/null \
    || appstreamcli validate --no-net "$root/usr/share/metainfo/$id.metainfo.xml"
grep -q "^Icon=$id$" "$root/usr/share/applications/$id.desktop"
grep -q "<id>$id</id>" "$root/usr/share/metainfo/$id.metainfo.xml"
size=$(du -sk "$root/usr" | cut -f1)
echo "package check passed: $(basename "$deb"), $(du -k "$deb" | cut -f1) KiB packed, ${size} KiB installed (test build, stripped)"
