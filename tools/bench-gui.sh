#!/usr/bin/env bash
# Measures the desktop app under a virtual X server (software rendering, as on a laptop without
# a GPU driver) and prints the figures:
#   - start-up: from launching `photoveil` to its first drawn view, and to its window being on
#     screen (median of 5);
#   - the window's own thread while a scan of 200 photos with faces runs (the work is on worker
#     threads): how long each `update` and each `view` took (median, 99th percentile, max);
#   - scrolling a review grid of 2000 photos with the mouse wheel, with each renderer: how long
#     from each wheel step to the changed picture on screen (tools/scroll-latency.py).
# A call over 16 ms misses a 60 Hz frame; over 100 ms the window feels frozen.
#   tools/bench-gui.sh [path/to/photoveil]     (default: a release build, made if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/setup.sh
photoveil_apt_install xvfb xauth xdotool python3-xlib mesa-vulkan-drivers imagemagick libxkbcommon-x11-0 libxcursor1 libxi6 libxrandr2 fonts-dejavu-core
if [ -n "${1:-}" ]; then
    bin=$(realpath "$1")
else
    [ -x target/release/photoveil ] || cargo build --release --locked --bin photoveil
    bin=$(realpath target/release/photoveil)
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/photoveil-bench-gui.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/faces" "$work/many" "$work/config/photoveil" "$work/run"
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
export HOME=$work XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data XDG_RUNTIME_DIR=$work/run
unset WAYLAND_DISPLAY
export bin work

measure() { # runs inside xvfb-run
    set -euo pipefail
    now() { date +%s%6N; }
    median() { sort -n | awk '{ v[NR] = $1; all = all " " $1 } END { printf "median %d ms (runs:%s ms)\n", v[int((NR + 1) / 2)], all }'; }
    for backend in tiny-skia wgpu; do
        echo "== start-up, renderer $backend (5 runs) =="
        for run in 1 2 3 4 5; do
            t=$work/start-$backend-$run.txt
            launched=$(now)
            ICED_BACKEND=$backend PHOTOVEIL_UI_TIMINGS=$t "$bin" &
            app=$!
            xdotool search --sync --onlyvisible --name PhotoVeil >/dev/null
            shown=$(now)
            until grep -q '^start ' "$t" 2>/dev/null; do sleep 0.01; done
            sleep 0.5
            kill "$app"; wait "$app" 2>/dev/null || true
            first=$(awk '$1 == "start" { printf "%.0f\n", $2 + $3; exit }' "$t")
            echo "$(( (first - launched) / 1000 )) $(( (shown - launched) / 1000 ))" >>"$work/startup-$backend.txt"
        done
        echo "first view built: $(cut -d' ' -f1 "$work/startup-$backend.txt" | median)"
        echo "window on screen: $(cut -d' ' -f2 "$work/startup-$backend.txt" | median)"
    done

    # The faces case once (the default renderer); the grid once per renderer: "wgpu" is what a
    # computer with a graphics driver gets (here Mesa's lavapipe, a GPU emulated on the CPU),
    # "tiny-skia" the software fallback iced uses when there is no driver at all.
    for case in faces many:tiny-skia many:wgpu; do
        backend=${case#*:}; [ "$backend" = "$case" ] && backend=""
        folder=${case%%:*}
        t=$work/${case/:/-}.txt
        ICED_BACKEND=$backend PHOTOVEIL_UI_TIMINGS=$t "$bin" app "$work/$folder" &
        app=$!
        xdotool search --sync --onlyvisible --name PhotoVeil >/dev/null
        started=$(now)
        until grep -q '^review ' "$t" 2>/dev/null; do sleep 0.2; done
        scanned=$(now)
        if [ "$folder" = many ]; then
            sleep 3
            win=$(xdotool search --onlyvisible --name PhotoVeil | head -1)
            eval "$(xdotool getwindowgeometry --shell "$win")"
            # Which graphics driver the process loaded (none: iced's software renderer).
            drivers=$(grep -o 'libvulkan_[a-z]*\.so\|[a-z]*_dri\.so\|libEGL_mesa\.so' /proc/$app/maps | sort -u | tr '\n' ' ' || true)
            echo "renderer ${backend}: graphics libraries loaded: ${drivers:-none}"
            scroll_from=$(now)
            /usr/bin/python3 tools/scroll-latency.py $((X + 400)) $((Y + 500)) 40 >"$work/scroll-$backend.txt"
            scroll_to=$(now)
        fi
        kill "$app"; wait "$app" 2>/dev/null || true
        stats() { # label, awk filter
            awk "$2"' { print $3 / 1000 }' "$t" | sort -n | awk -v label="$1" '{ v[NR] = $1 } END {
                if (NR == 0) { print label ": none"; exit }
                p99 = v[int(NR * 0.99) > 0 ? int(NR * 0.99) : 1];
                printf "%s: %d calls, median %.1f ms, p99 %.1f ms, max %.1f ms\n", label, NR, v[int((NR + 1) / 2)], p99, v[NR] }'
        }
        if [ "$folder" = faces ]; then
            echo "== scanning 200 photos with faces: $(( (scanned - started) / 1000 )) ms =="
            stats "update while scanning" '$1 == "update" && $2 < '"$scanned"
            stats "view while scanning" '$1 == "scan"'
        else
            echo "== renderer $backend: 2000 photos scanned in $(( (scanned - started) / 1000 )) ms; mouse-wheel scrolling the grid =="
            sort -n "$work/scroll-$backend.txt" | awk '{ v[NR] = $1 } END {
                printf "wheel step to changed screen: median %d ms, 90th percentile %d ms, max %d ms (%d steps; 3000 = no change)\n", v[int((NR + 1) / 2)], v[int(NR * 0.9)], v[NR], NR }'
            stats "views (rebuilds) of the review screen while scrolling" '$1 == "review" && $2 >= '"$scroll_from"' && $2 <= '"$scroll_to"
            stats "view of the review screen with 2000 photos, any time" '$1 == "review"'
        fi
    done
}

xvfb-run -a -s "-screen 0 1280x800x24" bash -c "$(declare -f measure); measure"
