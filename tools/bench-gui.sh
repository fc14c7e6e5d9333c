#!/usr/bin/env bash
# Measures the desktop app under a virtual X server (software rendering, as on a laptop without
# a GPU driver) and prints the figures:
#   - start-up: from launching `photoveil` to its first drawn view, and to its window being on
#     screen (median of 5);
#   - the window's own thread while a scan of 200 photos with faces runs (the work is on worker
#     threads): how long each `update` and each `view` took (median, 99th percentile, max);
#   - scrolling a review grid of 2000 photos with the mouse wheel: how long from each wheel
#     step to the window showing the change (screen polled with xwd; an upper bound).
# A call over 16 ms misses a 60 Hz frame; over 100 ms the window feels frozen.
#   tools/bench-gui.sh [path/to/photoveil]     (default: a release build, made if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/setup.sh
photoveil_apt_install xvfb xauth xdotool x11-apps imagemagick libxkbcommon-x11-0 libxcursor1 libxi6 libxrandr2 fonts-dejavu-core
if [ -n "${1:-}" ]; then
    bin=$(realpath "$1")
else
    [ -x target/release/photoveil ] || cargo build --release --locked --bin photoveil
    bin=$(realpath target/release/photoveil)
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/photoveil-bench-gui.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/faces" "$work/many" "$work/config/photoveil"
i=0
for n in $(seq 1 40); do
    for f in ../shared/faces/*.jpg assets/demo/astronaut.jpg; do
        i=$((i + 1)); [ "$i" -le 200 ] && cp "$f" "$work/faces/$i-$(basename "$f")"
    done
done
# 2000 small photos (320 px, GPS kept), for the grid.
for f in ../shared/faces/*.jpg; do convert "$f" -resize 320x320 "$work/small-$(basename "$f")"; done
i=0
for n in $(seq 1 500); do
    for f in "$work"/small-*.jpg; do i=$((i + 1)); cp "$f" "$work/many/$i.jpg"; done
done
printf '{"language": "en"}\n' >"$work/config/photoveil/settings.json"
export HOME=$work XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data
unset WAYLAND_DISPLAY
export bin work

measure() { # runs inside xvfb-run
    set -euo pipefail
    now() { date +%s%6N; }
    echo "== start-up (5 runs) =="
    for run in 1 2 3 4 5; do
        t=$work/start-$run.txt
        launched=$(now)
        PHOTOVEIL_UI_TIMINGS=$t "$bin" &
        app=$!
        xdotool search --sync --onlyvisible --name PhotoVeil >/dev/null
        shown=$(now)
        until grep -q '^start ' "$t" 2>/dev/null; do sleep 0.01; done
        sleep 0.5
        kill "$app"; wait "$app" 2>/dev/null || true
        first=$(awk '$1 == "start" { printf "%.0f\n", $2 + $3; exit }' "$t")
        echo "$(( (first - launched) / 1000 )) $(( (shown - launched) / 1000 ))" >>"$work/startup.txt"
    done
    median() { sort -n | awk '{ v[NR] = $1; all = all " " $1 } END { printf "median %d ms (runs:%s ms)\n", v[int((NR + 1) / 2)], all }'; }
    echo "first view drawn: $(cut -d' ' -f1 "$work/startup.txt" | median)"
    echo "window on screen: $(cut -d' ' -f2 "$work/startup.txt" | median)"

    for case in faces many; do
        t=$work/$case.txt
        PHOTOVEIL_UI_TIMINGS=$t "$bin" app "$work/$case" &
        app=$!
        xdotool search --sync --onlyvisible --name PhotoVeil >/dev/null
        started=$(now)
        until grep -q '^review ' "$t" 2>/dev/null; do sleep 0.2; done
        scanned=$(now)
        if [ "$case" = many ]; then
            sleep 3
            win=$(xdotool search --onlyvisible --name PhotoVeil | head -1)
            xdotool mousemove --window "$win" 400 500
            sleep 1
            screen() { xwd -root -silent | md5sum; }
            scroll_from=$(now)
            for k in $(seq 1 30); do
                before=$(screen)
                sent=$(now)
                xdotool click 5
                while [ "$(screen)" = "$before" ] && [ $(( $(now) - sent )) -lt 3000000 ]; do :; done
                echo $(( ($(now) - sent) / 1000 )) >>"$work/scroll.txt"
                sleep 0.2
            done
            scroll_to=$(now)
        fi
        kill "$app"; wait "$app" 2>/dev/null || true
        stats() { # label, awk filter
            awk "$2"' { print $3 / 1000 }' "$t" | sort -n | awk -v label="$1" '{ v[NR] = $1 } END {
                if (NR == 0) { print label ": none"; exit }
                p99 = v[int(NR * 0.99) > 0 ? int(NR * 0.99) : 1];
                printf "%s: %d calls, median %.1f ms, p99 %.1f ms, max %.1f ms\n", label, NR, v[int((NR + 1) / 2)], p99, v[NR] }'
        }
        if [ "$case" = faces ]; then
            echo "== scanning 200 photos with faces: $(( (scanned - started) / 1000 )) ms =="
            stats "update while scanning" '$1 == "update" && $2 < '"$scanned"
            stats "view while scanning" '$1 == "scan"'
        else
            echo "== 2000 photos: scanned in $(( (scanned - started) / 1000 )) ms; mouse-wheel scrolling the grid =="
            sort -n "$work/scroll.txt" | awk '{ v[NR] = $1 } END {
                printf "wheel step to changed screen: median %d ms, 90th percentile %d ms, max %d ms (%d steps; 3000 = no change)\n", v[int((NR + 1) / 2)], v[int(NR * 0.9)], v[NR], NR }'
            stats "views (rebuilds) of the review screen while scrolling" '$1 == "review" && $2 >= '"$scroll_from"' && $2 <= '"$scroll_to"
            stats "view of the review screen with 2000 photos, any time" '$1 == "review"'
            echo "(the screen polls themselves take: $(s=$(now); screen >/dev/null; echo $(( ($(now) - s) / 1000 ))) ms)"
        fi
    done
}

xvfb-run -a -s "-screen 0 1280x800x24" bash -c "$(declare -f measure); measure"
