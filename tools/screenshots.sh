#!/usr/bin/env bash
# Takes screenshots of the desktop app's main screens under a virtual X server (software
# rendering) into docs/screenshots/: start, review (with one photo opened), protect, export
# summary. Uses the public-domain demo photo and generated fixtures only.
#   tools/screenshots.sh [path/to/photoveil]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = --session ]; then
    # Inside the virtual X server: $2 = which screens, $3 = binary, $4 = work folder.
    screen=$2 bin=$3 work=$4
    shot() {
        import -window root "$work/$1-full.png"
        convert "$work/$1-full.png" -resize 1000x -strip PNG8:"docs/screenshots/$1.png"
        echo "docs/screenshots/$1.png"
    }
    export HOME=$work XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data
    unset WAYLAND_DISPLAY
    if [ "$screen" = start ]; then
        "$bin" &
        app=$!
        sleep 4
        shot start
    else
        "$bin" app "$work/photos" &
        app=$!
        sleep 15 # the models load and the photos are scanned
        win=$(xdotool search --name PhotoVeil | head -1)
        xdotool windowfocus "$win" 2>/dev/null || true
        shot review-grid
        xdotool mousemove 130 300 click 1 # the first photo, top left of the grid
        sleep 5
        shot review
        xdotool key Escape ctrl+e
        sleep 2
        shot protect
        xdotool key ctrl+e
        sleep 3
        shot export-progress
        sleep 90
        shot export
    fi
    kill "$app" 2>/dev/null || true
    wait "$app" 2>/dev/null || true
    exit 0
fi
source tools/setup.sh
photoveil_apt_install xvfb xauth xdotool imagemagick libxkbcommon-x11-0 libxcursor1 libxi6 libxrandr2 fonts-dejavu-core
bin=$(realpath "${1:-target/debug/photoveil}")
work=$(mktemp -d "${TMPDIR:-/tmp}/photoveil-shots.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/photos" "$work/out" "$work/config/photoveil" docs/screenshots
cargo run -q -p photoveil-fixtures --bin write-fixtures -- "$work/fixtures" >/dev/null
cp assets/demo/astronaut.jpg "$work/photos/"
find "$work/fixtures" -maxdepth 1 -type f \( -name '*.jpg' -o -name '*.png' -o -name '*.webp' \) | head -7 | xargs -I{} cp {} "$work/photos/"
printf '{"output_folder": "%s", "face_mode": "standard"}\n' "$work/out" >"$work/config/photoveil/settings.json"
for screens in start review; do
    xvfb-run -a -s "-screen 0 1180x780x24" "$0" --session "$screens" "$bin" "$work"
done
