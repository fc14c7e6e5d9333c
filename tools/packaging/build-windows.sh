#!/usr/bin/env bash
# Cross-builds PhotoVeil for 64-bit Windows on Debian/Ubuntu and packs it into an NSIS installer:
#   target/windows/PhotoVeil-<version>-setup.exe
# The program is built with the `dist` profile (fat LTO, stripped) for x86_64-pc-windows-gnu in its
# own target folder (target/windows-build), so it does not wait on or invalidate the Linux builds.
# `PROFILE=release tools/packaging/build-windows.sh` builds a quicker, larger one for trying things;
# `PHOTOVEIL_EXE=path/to/photoveil.exe` packages an already built one.
# Not run by tools/test.sh or CI (see README, "Windows"); tools/packaging/check-windows.sh tests
# the installer under Wine.
set -euo pipefail
cd "$(dirname "$0")/../.."
source tools/setup.sh
photoveil_apt_install gcc-mingw-w64-x86-64 nsis
rustup target list --installed 2>/dev/null | grep -qx x86_64-pc-windows-gnu ||
    rustup target add x86_64-pc-windows-gnu

profile=${PROFILE:-dist}
version=$(sed -n '/^\[workspace.package\]/,/^\[/s/^version = "\(.*\)"/\1/p' Cargo.toml)
exe=${PHOTOVEIL_EXE:-} # an already built photoveil.exe: package it without building
if [ -z "$exe" ]; then
    export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$PWD/target/windows-build}
    start=$(date +%s)
    cargo build --locked --target x86_64-pc-windows-gnu --profile "$profile" --bin photoveil
    echo "build: $(($(date +%s) - start)) s (profile $profile)"
    exe=$CARGO_TARGET_DIR/x86_64-pc-windows-gnu/$profile/photoveil.exe
fi

# The program must need no MinGW runtime DLL beside it (Rust links its runtime statically).
dlls=$(x86_64-w64-mingw32-objdump -p "$exe" | sed -n 's/^\s*DLL Name: //p' | sort -u)
echo "imports: $(tr '\n' ' ' <<<"$dlls")"
if grep -i -E '^(libgcc|libwinpthread|libstdc)' <<<"$dlls"; then
    echo "photoveil.exe needs MinGW's runtime DLLs, which are not installed with it" >&2
    exit 1
fi

# What is installed, laid out as in the install folder (the program looks beside itself).
out=target/windows
stage=$out/stage
rm -rf "$stage" "$out/lists"
mkdir -p "$stage/models/licenses" "$stage/demo" "$stage/licenses/fonts" "$out/lists"
cp "$exe" "$stage/photoveil.exe"
cp packaging/windows/photoveil.ico "$stage/"
cp LICENSE "$stage/LICENSE.txt"
cp README.md "$stage/README.md"
cp assets/models/*.safetensors assets/models/MODELS.md "$stage/models/"
cp assets/models/licenses/* "$stage/models/licenses/"
cp assets/demo/*.jpg assets/demo/*.png assets/demo/README.md "$stage/demo/"
# The Korean and Urdu fonts are compiled into the program (src/fonts.rs); their licence goes with it.
cp assets/fonts/OFL.txt assets/fonts/FONTS.md "$stage/licenses/fonts/"
cp assets/map/MAP.md "$stage/licenses/MAP.md"

# Every file installed and the same files removed: the uninstaller removes nothing else.
win() { tr / '\\' <<<"$1"; }
{
    (cd "$stage" && find . -type d | sort) | while read -r dir; do
        rel=${dir#.}
        rel=${rel#/}
        echo "SetOutPath \"\$INSTDIR$( [ -n "$rel" ] && echo "\\$(win "$rel")")\""
        (cd "$stage/$dir" && find . -maxdepth 1 -type f | sort) | while read -r f; do
            echo "File \"$PWD/$stage/$rel/${f#./}\""
        done
    done
    echo 'SetOutPath "$INSTDIR"'
} >"$out/lists/install.nsh"
{
    (cd "$stage" && find . -type f | sort) | while read -r f; do
        echo "Delete \"\$INSTDIR\\$(win "${f#./}")\""
    done
    (cd "$stage" && find . -mindepth 1 -type d | sort -r) | while read -r d; do
        echo "RMDir \"\$INSTDIR\\$(win "${d#./}")\""
    done
} >"$out/lists/uninstall.nsh"

setup=$out/PhotoVeil-$version-setup.exe
makensis -V2 -INPUTCHARSET UTF8 -DVERSION="$version" -DSTAGE="$PWD/$stage" -DLISTS="$PWD/$out/lists" \
    -DOUTFILE="$PWD/$setup" packaging/windows/photoveil.nsi
echo "photoveil.exe: $(du -k "$stage/photoveil.exe" | cut -f1) KiB"
echo "installer:     $(du -k "$setup" | cut -f1) KiB ($setup)"
echo "installed:     $(du -sk "$stage" | cut -f1) KiB in $(find "$stage" -type f | wc -l) files, plus uninstall.exe"
