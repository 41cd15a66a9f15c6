#!/usr/bin/env bash
# Sets up a Debian 12 machine for wxpay-console and then builds and runs it, or runs the test suite.
#   packaging/setup.sh run    install what is missing, build, open the console (on the sandbox)
#   packaging/setup.sh test   install what is missing, build with warnings as errors, run every test
# Idempotent: packages already installed are not touched, and the build is incremental.
set -euo pipefail

mode=${1:-}
case "$mode" in
    run | test) ;;
    *)
        echo "usage: $0 run|test" >&2
        exit 2
        ;;
esac

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

packages=(
    g++ cmake ninja-build pkg-config ccache
    qt6-base-dev libqt6sql6-sqlite qt6-tools-dev qt6-l10n-tools
    qt6-httpserver-dev qt6-websockets-dev qt6-svg-dev qtkeychain-qt6-dev libsecret-1-0
    libssl-dev libqrencode-dev libzxing-dev
    qt6-translations-l10n xvfb xauth dbus gnome-keyring libsecret-tools fonts-wqy-microhei
    dpkg-dev file desktop-file-utils sqlite3
)

missing=()
for p in "${packages[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
    [[ "$status" == "install ok installed" ]] || missing+=("$p")
done
if ((${#missing[@]})); then
    echo "Installing: ${missing[*]}"
    sudo=()
    ((EUID == 0)) || sudo=(sudo)
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if [[ "$mode" == test ]]; then
    cmake --preset ci
    cmake --build --preset ci
    ctest --preset ci
else
    cmake --preset dev
    cmake --build --preset dev --target wxpay-console
    console=build/dev/app/wxpay-console
    if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then
        echo "No display found: starting the console on a virtual X server (xvfb-run)." >&2
        exec xvfb-run -a "$console" "${@:2}"
    fi
    exec "$console" "${@:2}"
fi
