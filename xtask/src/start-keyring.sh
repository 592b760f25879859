#!/usr/bin/env bash
# Inside a private D-Bus session (run me under `keyctl session - dbus-run-session -- bash THIS CMD…`):
# start gnome-keyring with a new login keyring unlocked by a throwaway password (no prompt can appear
# headless), wait until it owns its bus name (the daemon forks and registers after `--unlock` returns;
# a client arriving first would D-Bus-activate a second, locked daemon), then become CMD.
# Used by xtask (keyring_session.rs) and by the end-to-end runner (tests/e2e/lib/keyring.mjs).
printf pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null \
    || { echo "could not start gnome-keyring-daemon" >&2; exit 1; }
for _ in $(seq 300); do
    dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null \
        | grep -q 'boolean true' && exec "$@"
    sleep 0.1
done
echo "gnome-keyring-daemon did not appear on the session bus within 30 s" >&2
exit 1
