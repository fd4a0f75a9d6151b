"""Which addresses a capture may reach: http(s) only, and no private or loopback address unless allowed.

The check is made on the address a name resolves to, right before connecting to that very address,
so a name that resolves to a public address when checked and a private one when used (DNS rebinding)
cannot slip through.
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit


class Refused(Exception):
    """A request the capture will not make, or could not make; the message is one line with the reason."""


def check_url(url: str):
    """Return the split URL if it is http(s) with a host; refuse anything else (file:, ftp:, data: …)."""
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https"):
        scheme = parts.scheme or "no scheme"
        raise Refused(f"{url}: not an http(s) address ({scheme}); only web pages can be captured")
    if not parts.hostname:
        raise Refused(f"{url}: no host name in the address")
    try:
        _ = parts.port
    except ValueError:
        raise Refused(f"{url}: the port is not a number between 0 and 65535") from None
    return parts


def is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def check_address(url: str, host: str, address: str, allow_private: bool) -> None:
    if allow_private or is_public(address):
        return
    raise Refused(f"{url}: {host} is {address}, a private, loopback or reserved address; captures reach "
                  "only public addresses (LITOPYS_CAPTURE_ALLOW_PRIVATE=1 allows others)")


def resolve(url: str, host: str, port: int, allow_private: bool) -> list[str]:
    """Resolve a host and return its addresses, refusing if any of them is not allowed."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise Refused(f"{url}: the host {host} does not resolve ({exc.strerror}); check the address") from None
    except UnicodeError:
        raise Refused(f"{url}: the host name {host!r} is not valid") from None
    addresses = list(dict.fromkeys(info[4][0] for info in infos))
    for address in addresses:
        check_address(url, host, address, allow_private)
    return addresses


def check_literal_host(url: str, host: str, allow_private: bool) -> None:
    """Through a proxy the proxy resolves names: refuse at least literal private addresses and localhost."""
    if allow_private:
        return
    if host.lower() in ("localhost", "localhost.localdomain") or host.lower().endswith(".localhost"):
        raise Refused(f"{url}: {host} is this machine; captures reach only public addresses")
    try:
        check_address(url, host, str(ipaddress.ip_address(host.strip("[]"))), allow_private)
    except ValueError:
        return
