#!/usr/bin/env bash
# Installs the system packages PhotoVeil's build, tests and demo need on Debian/Ubuntu, when they
# are missing. Sourced by tools/run-app.sh and tools/test.sh; safe to run again.
#   libheif-examples: heif-enc/heif-convert, used by the tests to make and decode HEIC/AVIF files
set -euo pipefail

photoveil_apt_install() {
    local missing=()
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    echo "Installing system packages: ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}
