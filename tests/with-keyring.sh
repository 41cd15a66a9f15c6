#!/bin/sh
# Runs a command on a private D-Bus session with an unlocked, throw-away gnome-keyring, so keychain
# tests use a real Secret Service without touching the developer's own keyring.
# Usage: tests/with-keyring.sh COMMAND [ARGS...]
set -u
tmp=$(mktemp -d "${TMPDIR:-/tmp}/wxpay-keyring.XXXXXX") || exit 1
mkdir -m 700 "$tmp/run"
export HOME="$tmp" XDG_RUNTIME_DIR="$tmp/run" XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config"
unset DBUS_SESSION_BUS_ADDRESS GNOME_KEYRING_CONTROL
dbus-run-session -- sh -c '
  printf %s "test-keyring-password" | gnome-keyring-daemon --foreground --unlock --components=secrets >/dev/null 2>&1 &
  kr=$!; i=0
  until dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q true; do
    i=$((i+1)); [ $i -gt 100 ] && { echo "secret service did not start" >&2; kill $kr; exit 1; }
    sleep 0.1
  done
  "$@"; rc=$?; kill $kr 2>/dev/null; wait $kr 2>/dev/null; exit $rc' sh "$@"
rc=$?; rm -rf "$tmp"; exit $rc
