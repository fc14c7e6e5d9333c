#!/usr/bin/env bash
# Tests the Windows installer under Wine on a fresh Wine prefix, as a release check (not run by
# tools/test.sh or CI: see README, "Windows"):
#   1. installs target/windows/PhotoVeil-<version>-setup.exe silently for the current user (/S),
#      and checks that photoveil.exe carries its icon and version details;
#   2. runs the installed photoveil.exe on the photos in ../shared/faces/ (copied under a folder with
#      a Korean and Urdu name on drive C:): scan --json, scan, clean, protect (one photo, standard),
#      audit of a small ZIP, a clean into a folder whose path is over 260 characters; and compares
#      every output with the Linux build's on the same photos (same findings, same figures,
#      byte-identical cleaned copies that scan clean, the same measures of the protected copy);
#      then a batch with one photo held open by another program (named, explained, the batch goes
#      on), an unreachable network path and a missing drive, and Ctrl-C during a protect batch
#      (status 130, no partial copy);
#   3. starts the desktop app under Xvfb (software drawing) the way the Start menu does, measures
#      how long its window takes to appear, and takes a screenshot in Korean
#      (target/windows/windows-app.png; docs/screenshots/windows-app.png is a copy);
#   4. uninstalls silently and checks that only the settings folder is left; then installs for all
#      users (/AllUsers) and uninstalls with /RemoveSettings, which leaves nothing.
#   tools/packaging/check-windows.sh [setup.exe]
# PHOTOVEIL_LINUX=path/to/photoveil compares with that Linux binary instead of building one
# (cargo build --release); KEEP=1 keeps the Wine prefix and the outputs for a look.
set -euo pipefail
cd "$(dirname "$0")/../.."
source tools/setup.sh
photoveil_apt_install wine wine64 xvfb xauth xdotool imagemagick python3 bc fonts-dejavu-core
root=$PWD
version=$(sed -n '/^\[workspace.package\]/,/^\[/s/^version = "\(.*\)"/\1/p' Cargo.toml)
setup=$(realpath "${1:-target/windows/PhotoVeil-$version-setup.exe}")
faces=$(realpath "${PHOTOVEIL_FACES:-../shared/faces}")
linux=${PHOTOVEIL_LINUX:-}
if [ -z "$linux" ]; then
    cargo build --release --locked --bin photoveil
    linux=target/release/photoveil
fi
linux=$(realpath "$linux")

work=$(mktemp -d "${TMPDIR:-/tmp}/photoveil-wine.XXXXXX")
xvfb_pid=""
cleanup() {
    [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null
    wineserver -k 2>/dev/null || true
    if [ -n "${KEEP:-}" ]; then echo "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
unset PHOTOVEIL_MODELS PHOTOVEIL_DEMO PHOTOVEIL_LANG WAYLAND_DISPLAY DISPLAY
# (winemenubuilder off: Wine would copy the Start-menu entry into this machine's own menus)
export WINEPREFIX=$work/wine WINEARCH=win64 WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d" LANG=C.UTF-8
failures=0
ok() { echo "ok:   $*"; }
fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}
check() { # description command...
    local what=$1
    shift
    if "$@"; then ok "$what"; else fail "$what"; fi
}

wineboot -i >/dev/null 2>&1
wineserver -w
c=$WINEPREFIX/drive_c
# Rust's standard library draws random numbers with ProcessPrng from bcryptprimitives.dll, which
# every Windows 10 and 11 has but Wine 8 lacks: a stand-in (Windows' BCryptGenRandom) for this
# prefix only. It is not part of the installer.
if [ ! -e "$c/windows/system32/bcryptprimitives.dll" ]; then
    photoveil_apt_install gcc-mingw-w64-x86-64
    cat >"$work/prng.c" <<'C'
#include <windows.h>
#include <bcrypt.h>
__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
    return BCryptGenRandom(NULL, data, (ULONG)len, BCRYPT_USE_SYSTEM_PREFERRED_RNG) == 0;
}
C
    x86_64-w64-mingw32-gcc -shared -O2 -s -o "$c/windows/system32/bcryptprimitives.dll" "$work/prng.c" -lbcrypt
    echo "      (Wine $(wine --version | sed 's/^wine-//') has no bcryptprimitives.dll: a stand-in was put in its system32)"
fi
user_dir=$(find "$c/users" -mindepth 1 -maxdepth 1 -type d ! -name Public | head -1)
roaming=$user_dir/AppData/Roaming
local_dir=$user_dir/AppData/Local
# Wine ships no font with the symbols of the app's category chips (◎ ▣ ✎ ◷ ◩ ☺), which Windows
# has in Segoe UI Symbol and the app finds there through the system's fonts; DejaVu Sans stands in
# for it in this prefix only, so the screenshot shows what Windows shows. Korean and Urdu need
# nothing: their fonts are compiled into the program.
cp /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf "$c/windows/Fonts/"
# Every file of the fresh prefix outside Windows' own folders and temporary files.
files() { (cd "$c" && find . -path ./windows -prune -o -path '*/Temp' -prune -o -print | sort); }
files >"$work/before.txt"
echo "installer: $(du -k "$setup" | cut -f1) KiB"

# 1. Install for the current user, silently.
start=$(date +%s.%N)
wine "$setup" /S /CurrentUser
wineserver -w
echo "install: $(printf '%.1f' "$(echo "$(date +%s.%N) - $start" | bc)") s"
inst=$local_dir/Programs/PhotoVeil
exe=$inst/photoveil.exe
check "installed per user in %LOCALAPPDATA%\\Programs\\PhotoVeil" test -f "$exe"
check "models beside photoveil.exe" test -f "$inst/models/mobileface.safetensors"
check "photoveil.exe carries its icon and version details" \
    python3 "$root/tools/packaging/exe-resources.py" "$exe" "$root/packaging/windows/photoveil.ico" "$version"
check "Start-menu entry" test -f "$roaming/Microsoft/Windows/Start Menu/Programs/PhotoVeil.lnk"
check "uninstall entry in the registry" \
    wine reg query 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\org.photoveil.PhotoVeil' /v InstallLocation >/dev/null
echo "installed: $(du -sk "$inst" | cut -f1) KiB in $(find "$inst" -type f | wc -l) files"
files >"$work/installed.txt"

# 2. The command line, on both builds. Windows sees the photos on C: under a non-ASCII name.
photos_rel="users/Public/사진 تصویر"
win_in=$c/$photos_rel
lin_in="$work/linux/사진 تصویر"
mkdir -p "$win_in" "$lin_in"
find "$faces" -maxdepth 1 -type f \( -iname '*.jpg' -o -iname '*.png' \) -exec cp {} "$win_in/" \;
cp "$win_in"/* "$lin_in/"
one=$(cd "$win_in" && ls | grep -i '\.png$\|\.jpg$' | head -1)
(cd "$win_in" && python3 -c 'import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w") as z:
    for name in sys.argv[2:]: z.write(name, "export/photos/" + name)' ../export.zip $(ls | head -3))
cp "$c/users/Public/export.zip" "$work/linux/export.zip"
winpath() { wine winepath -w "$1" 2>/dev/null | tr -d '\r'; }
w_in=$(winpath "$win_in")
w_zip=$(winpath "$c/users/Public/export.zip")
w_out=$(winpath "$c/users/Public")
cd "$c/users/Public" # a current folder on C:, so nothing can be found through the Linux tree
both() { # name args... (INPUT, ZIP and OUT/... stand for each side's paths)
    local name=$1
    shift
    local la=() wa=()
    for a in "$@"; do
        local l=${a//INPUT/"$lin_in"} w=${a//INPUT/"$w_in"}
        l=${l//ZIP/"$work/linux/export.zip"} w=${w//ZIP/"$w_zip"}
        l=${l//OUT\//"$work/linux/"} w=${w//OUT\//"$w_out\\"}
        w=${w//\//"\\"} # INPUT/one.jpg
        la+=("$l")
        wa+=("$w")
    done
    local s e
    s=$(date +%s.%N)
    # (its own settings and decoy book, fresh as the Wine prefix's, not the user's; this tree's models)
    HOME=$work/linux-home XDG_CONFIG_HOME=$work/linux-home/config XDG_DATA_HOME=$work/linux-home/data \
        XDG_CACHE_HOME=$work/linux-home/cache PHOTOVEIL_MODELS=$root/assets/models \
        "$linux" "${la[@]}" >"$work/$name.linux" 2>"$work/$name.linux.err" || echo "exit $?" >>"$work/$name.linux.err"
    e=$(date +%s.%N)
    wine "$exe" "${wa[@]}" >"$work/$name.windows" 2>"$work/$name.windows.err" || echo "exit $?" >>"$work/$name.windows.err"
    printf '%-12s Linux %5.1f s, Windows (Wine) %5.1f s\n' "$name" "$(echo "$e - $s" | bc)" "$(echo "$(date +%s.%N) - $e" | bc)"
}
both scan-json --lang en scan --json INPUT
both scan-text --lang en scan INPUT
both clean --lang en clean --json --out OUT/clean INPUT
both protect --lang en protect --json --fixed --strength standard --out OUT/protect "INPUT/$one"
both audit --lang en audit --json ZIP
both audit-text --lang en audit ZIP
both rescan --lang en scan --json OUT/clean
# The protected copy measured by both builds: the same file through the same networks, simulated
# upload and picture measures must give the same figures on both systems.
HOME=$work/linux-home XDG_DATA_HOME=$work/linux-home/data XDG_CONFIG_HOME=$work/linux-home/config \
    XDG_CACHE_HOME=$work/linux-home/cache PHOTOVEIL_MODELS=$root/assets/models "$linux" --lang en verify --json "$lin_in/$one" "$c/users/Public/protect/$one" >"$work/verify.linux" 2>"$work/verify.linux.err" || true
wine "$exe" --lang en verify --json "$w_in\\$one" "$w_out\\protect\\$one" >"$work/verify.windows" 2>"$work/verify.windows.err" || true
cd "$root"
python3 tools/packaging/compare-outputs.py "$work" "$lin_in" "$work/linux" "$w_in" "$w_out" \
    "$work/linux/clean" "$c/users/Public/clean" "$c/users/Public" || failures=$((failures + 1))

# Long paths: a folder whose full Windows path is over 260 characters.
# (winepath cuts paths at 260 characters, so the Windows path is put together here.)
names=$(printf 'very-long-folder-name-%02d/' 1 2 3 4 5 6 7 8 9 10 11)
long=$c/users/Public/$names
w_long="$w_out\\${names//\//"\\"}"
if wine "$exe" --lang en clean --out "$w_long" "$w_in\\$one" >"$work/long.out" 2>&1; then
    check "clean into a ${#w_long}-character path" test -n "$(find "$long" -type f -name "${one%.*}*")"
else
    echo "      (clean into a ${#w_long}-character path said: $(tr -d '\r' <"$work/long.out" | tail -1))"
    check "a too long path is refused in words" grep -q "too long" "$work/long.out"
fi

# A photo that another program has open without sharing (as an editor may): the batch names the
# file, says why in words, and goes on with the next photo. The holder is a small Windows program
# made here (never installed).
cat >"$work/hold.c" <<'C'
#include <windows.h>
int wmain(int argc, wchar_t **argv) {
    HANDLE h = CreateFileW(argv[1], GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
    if (h == INVALID_HANDLE_VALUE) return 1;
    Sleep(60000);
    return 0;
}
C
x86_64-w64-mingw32-gcc -municode -O2 -s -o "$work/hold.exe" "$work/hold.c"
mkdir -p "$c/users/Public/held"
cp "$win_in/$one" "$c/users/Public/held/held-$one"
cp "$win_in/$one" "$c/users/Public/held/free-$one"
wine "$work/hold.exe" "$w_out\\held\\held-$one" &
hold_pid=$!
sleep 3
wine "$exe" --lang en clean --out "$w_out\\held-out" "$w_out\\held" >"$work/held.out" 2>&1 || true
kill "$hold_pid" 2>/dev/null || true
wait "$hold_pid" 2>/dev/null || true
tr -d '\r' <"$work/held.out" | sed 's/^/      /'
check "a photo open in another program is named and explained" \
    grep -q "held-${one%.*}.*another program is using the file" "$work/held.out"
check "the batch goes on past the held photo" test -n "$(find "$c/users/Public/held-out" -type f -name "free-${one%.*}*")"
check "nothing is written for the held photo" test -z "$(find "$c/users/Public/held-out" -type f -name "held-*")"

# A network (UNC) path that cannot be reached and a drive letter with no drive: words, not codes.
wine "$exe" --lang en scan '\\no-such-server\photos\a.jpg' >"$work/unc.out" 2>&1 || true
tr -d '\r' <"$work/unc.out" | sed 's/^/      /'
check "an unreachable network path is explained" grep -q "network folder cannot be reached\|not there any more" "$work/unc.out"
wine "$exe" --lang en scan 'Q:\photos\a.jpg' >"$work/drive.out" 2>&1 || true
tr -d '\r' <"$work/drive.out" | sed 's/^/      /'
check "a missing drive is explained" grep -q "no drive with that letter\|not there any more" "$work/drive.out"

# Ctrl-C during a batch: Wine turns SIGINT into the console's Ctrl-C event. The batch stops with
# status 130 and leaves no partial copy (.part) behind.
mkdir -p "$c/users/Public/many"
for i in $(seq 1 40); do cp "$win_in/$one" "$c/users/Public/many/$i-$one"; done
wine "$exe" --lang en protect --strength standard --out "$w_out\\many-out" "$w_out\\many" >"$work/ctrlc.out" 2>&1 &
batch_pid=$!
sleep 20
kill -INT "$batch_pid" 2>/dev/null || true
status=0
wait "$batch_pid" || status=$?
written=$(find "$c/users/Public/many-out" -type f 2>/dev/null | wc -l)
echo "      Ctrl-C after 20 s: exit status $status, $written file(s) written of 40"
check "Ctrl-C stops the batch early" test "$written" -lt 40
check "Ctrl-C leaves no partial copy" \
    test -z "$(find "$c/users/Public/many-out" -type f \( -name '.*' -o -name '*.part*' \) 2>/dev/null)"

# 3. The desktop app under Xvfb, in Korean, started as from the Start menu (no arguments).
mkdir -p "$roaming/PhotoVeil/PhotoVeil/config"
printf '{"language": "ko", "output_folder": null}\n' >"$roaming/PhotoVeil/PhotoVeil/config/settings.json"
export DISPLAY=:87
Xvfb "$DISPLAY" -screen 0 1280x860x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
sleep 2
cd "$c/users/Public"
took=""
app() { if [ -n "$backend" ]; then ICED_BACKEND=$backend wine "$exe" "$@"; else wine "$exe" "$@"; fi; }
# wgpu first (as on a real PC); if Wine gives it nothing to draw with, the software renderer.
for backend in "" tiny-skia; do
    start=$(date +%s.%N)
    app >"$work/app-$backend.log" 2>&1 &
    for _ in $(seq 1 300); do
        if xdotool search --onlyvisible --name PhotoVeil >/dev/null 2>&1; then
            took=$(printf '%.1f' "$(echo "$(date +%s.%N) - $start" | bc)")
            break 2
        fi
        sleep 0.1
    done
    # Wine 8's d3dcompiler cannot compile wgpu's shaders ("FXC D3DCompile error (Not
    # implemented)"), so wgpu stops there; real Windows compiles them.
    echo "      no window with ICED_BACKEND=${backend:-default} in 30 s"
    wineserver -k || true
done
if [ -n "$took" ]; then
    echo "app window after $took s (ICED_BACKEND=${backend:-default})"
    check "app starts within 10 s under Wine" test "$(echo "$took <= 10" | bc)" = 1
else
    fail "no app window within 30 s"
fi
sleep 4
import -window root "$work/start.png"
wineserver -k || true
sleep 1
# The sample photos opened (review screen): Korean text in the bundled font, faces found with the
# models beside the program.
demo=$(winpath "$inst/demo")
app app "$demo" >"$work/app-demo.log" 2>&1 &
sleep 25
mkdir -p "$root/target/windows"
shot=$root/target/windows/windows-app.png
import -window "$(xdotool search --onlyvisible --name PhotoVeil | head -1)" "$shot"
colours=$(convert "$shot" -format %k info:)
check "the app draws its screen ($colours colours)" test "$colours" -gt 200
convert "$shot" -resize 1000x -strip PNG8:"$root/docs/screenshots/windows-app.png"
wineserver -k || true
cd "$root"

# 4. Uninstall; only the settings folder (and what the checks made in Public) may be left.
wine "$inst/uninstall.exe" /S
wineserver -w
files | grep -v -e '^\./users/Public/' -e '/AppData/Roaming/PhotoVeil' -e '/AppData/Local/PhotoVeil' >"$work/after.txt" || true
grep -v -e '^\./users/Public/' "$work/before.txt" >"$work/before-trim.txt" || true
check "uninstall leaves nothing of the program" diff "$work/before-trim.txt" "$work/after.txt"
check "uninstall keeps the settings" test -f "$roaming/PhotoVeil/PhotoVeil/config/settings.json"
check "uninstall keeps the photos" test -f "$win_in/$one"
check "uninstall entry removed" \
    bash -c "! wine reg query 'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\org.photoveil.PhotoVeil' >/dev/null 2>&1"

wine "$setup" /S /AllUsers
wineserver -w
check "installed for all users in Program Files" test -f "$c/Program Files/PhotoVeil/photoveil.exe"
check "Start-menu entry for all users" test -f "$c/ProgramData/Microsoft/Windows/Start Menu/Programs/PhotoVeil.lnk"
wine "$c/Program Files/PhotoVeil/uninstall.exe" /S /RemoveSettings
wineserver -w
files | grep -v -e '^\./users/Public/' >"$work/after-all.txt" || true
check "uninstall /RemoveSettings leaves nothing, settings included" diff "$work/before-trim.txt" "$work/after-all.txt"

if [ "$failures" -gt 0 ]; then
    echo "check-windows: $failures check(s) failed"
    exit 1
fi
echo "check-windows: all checks passed"
