#!/usr/bin/env bash
# Takes screenshots of the desktop app's main screens under a virtual X server (software
# rendering) into docs/screenshots/: start (and with the keyboard focus on a button), review
# (with one photo opened), protect, export summary. Uses the public-domain demo photo and
# generated fixtures only.
#   tools/screenshots.sh [path/to/photoveil] [LANG]
# With LANG (en, ko, ur) the app runs in that language and only the start and review screens are
# taken, as docs/screenshots/gui-start-LANG.png and gui-review-LANG.png.
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/setup.sh
photoveil_apt_install xvfb xauth xdotool imagemagick libxkbcommon-x11-0 libxcursor1 libxi6 libxrandr2 fonts-dejavu-core
bin=$(realpath "${1:-target/debug/photoveil}")
lang=${2:-}
work=$(mktemp -d "${TMPDIR:-/tmp}/photoveil-shots.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/photos" "$work/out" "$work/config/photoveil" docs/screenshots
cp assets/demo/astronaut.jpg "$work/photos/"
if [ -n "$lang" ]; then # the demo photos only: no build needed
    cp assets/demo/*.jpg assets/demo/*.png "$work/photos/"
else
    cargo run -q -p photoveil-fixtures --bin write-fixtures -- "$work/fixtures" >/dev/null
    find "$work/fixtures" -maxdepth 1 -type f \( -name '*.jpg' -o -name '*.png' -o -name '*.webp' \) | head -7 | xargs -I{} cp {} "$work/photos/"
fi
printf '{"output_folder": "%s", "face_mode": "until-verified", "language": "%s"}\n' "$work/out" "${lang:-en}" >"$work/config/photoveil/settings.json"
export HOME=$work XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data
unset WAYLAND_DISPLAY

shot() { # name
    local name=$1
    [ -n "$lang" ] && name="gui-$1-$lang"
    import -window root "$work/$name-full.png"
    convert "$work/$name-full.png" -resize 1000x -strip PNG8:"docs/screenshots/$name.png"
    echo "docs/screenshots/$name.png"
}

session() {
    local screen=$1
    "$bin" app "$work/photos" &
    local app=$!
    sleep 12 # models load and the photos are scanned
    win=$(xdotool search --name PhotoVeil | head -1)
    xdotool windowfocus --sync "$win" || true
    if [ "$screen" = start ]; then
        kill "$app"; wait "$app" || true
        "$bin" &
        app=$!
        sleep 3
        shot start
        if [ -z "$lang" ]; then # the keyboard focus ring: Tab twice reaches "Choose photos"
            xdotool windowfocus --sync "$(xdotool search --name PhotoVeil | head -1)" || true
            xdotool key Tab
            sleep 0.3
            xdotool key Tab
            sleep 1
            shot start-focus
        fi
    else
        shot review-grid
        # Open the first photo (top left of the grid).
        xdotool mousemove 130 300 click 1
        sleep 4
        shot review
        if [ -n "$lang" ]; then
            kill "$app" 2>/dev/null || true
            wait "$app" 2>/dev/null || true
            return
        fi
        xdotool key Escape
        xdotool key ctrl+e
        sleep 1
        shot protect
        xdotool key ctrl+e
        sleep 2
        shot export-progress
        sleep 60
        shot export
    fi
    kill "$app" 2>/dev/null || true
    wait "$app" 2>/dev/null || true
}
export -f session shot
export bin work lang
xvfb-run -a -s "-screen 0 1180x780x24" bash -c "$(declare -f session shot); session start"
xvfb-run -a -s "-screen 0 1180x780x24" bash -c "$(declare -f session shot); session review"
