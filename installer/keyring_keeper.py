"""Test harness only: keeps gnome-keyring's login collection unlocked while the test run lasts.

A desktop session keeps the login keyring unlocked; under dbus-run-session gnome-keyring sometimes locks it after a
prompt it cannot show, which would make a test see "no keyring". Every second, a locked login collection is unlocked
again with the run's throwaway password. Bounded: exits when its parent ends, or after two hours.
"""

import os
import sys
import time

from jeepney import DBusAddress, new_method_call
from jeepney.io.blocking import open_dbus_connection

PASSWORD = sys.argv[1].encode()
PARENT = int(sys.argv[2])
SERVICE = "org.freedesktop.secrets"
LOGIN = "/org/freedesktop/secrets/collection/login"


def unlock_if_locked(conn) -> None:  # type: ignore[no-untyped-def]
    props = DBusAddress(LOGIN, bus_name=SERVICE, interface="org.freedesktop.DBus.Properties")
    locked = conn.send_and_get_reply(new_method_call(props, "Get", "ss",
                                                     ("org.freedesktop.Secret.Collection", "Locked"))).body[0][1]
    if not locked:
        return
    service = DBusAddress("/org/freedesktop/secrets", bus_name=SERVICE, interface="org.freedesktop.Secret.Service")
    session = conn.send_and_get_reply(new_method_call(service, "OpenSession", "sv", ("plain", ("s", "")))).body[1]
    internal = DBusAddress("/org/freedesktop/secrets", bus_name=SERVICE,
                           interface="org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface")
    conn.send_and_get_reply(new_method_call(internal, "UnlockWithMasterPassword", "o(oayays)",
                                            (LOGIN, (session, b"", PASSWORD, "text/plain"))))


def main() -> None:
    conn = open_dbus_connection(bus="SESSION")
    deadline = time.monotonic() + 7200
    while time.monotonic() < deadline:
        try:
            os.kill(PARENT, 0)
        except OSError:
            return
        try:
            unlock_if_locked(conn)
        except Exception as exc:  # noqa: BLE001 - keep watching; report once per failure
            print(f"keyring keeper: {exc}", file=sys.stderr)
        time.sleep(1.0)


if __name__ == "__main__":
    main()
