"""Which Host headers the web app answers: the names of the address it listens on
(every loopback name when that is this machine), or any when it listens everywhere."""

from __future__ import annotations

import ipaddress

LOOPBACK_NAMES = frozenset({"127.0.0.1", "localhost", "::1"})


def allowed_hosts(host: str) -> set[str] | None:
    """The names the app answers to when it listens on ``host``: the loopback names for a
    loopback address, that name for another one, any (None) on every interface."""
    if host in LOOPBACK_NAMES or _is_loopback(host):
        return {*LOOPBACK_NAMES, host}
    if host in {"0.0.0.0", "::", ""}:  # noqa: S104 - the runner asked for every interface
        return None
    return {host}


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
