"""How a capture reaches a server: directly or through LITOPYS_CAPTURE_PROXY, and what its TLS certificate said.

Direct connections go only to addresses `netpolicy` allows (checked on the resolved address); through a proxy
(socks5h:// resolves at the proxy, socks5:// and http:// with CONNECT) the host is checked as written.
"""

from __future__ import annotations

import hashlib
import socket
import ssl
import struct
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from litopys.capture.netpolicy import Refused, check_literal_host, resolve

if TYPE_CHECKING:
    from litopys.capture.client import Policy


def connect(url: str, host: str, port: int, policy: Policy) -> tuple[socket.socket, str]:
    """Open a socket to host:port under `policy`; return it and the address connected to ("" through a proxy)."""
    proxy = policy.proxy
    if not proxy:
        addresses = resolve(url, host, port, policy.allow_private)
        return open_direct(url, addresses, port, policy.timeout)
    check_literal_host(url, host, policy.allow_private)
    scheme = urlsplit(proxy).scheme.lower()
    if scheme in ("socks5", "socks5h"):
        target = host
        if scheme == "socks5":
            target = resolve(url, host, port, policy.allow_private)[0]
        return socks5(url, proxy, target, port, policy.timeout), ""
    if scheme == "http":
        return http_tunnel(url, proxy, host, port, policy.timeout), ""
    raise Refused(f"LITOPYS_CAPTURE_PROXY={proxy!r}: use socks5h://host:port (Tor), socks5:// or http://")


def open_direct(url: str, addresses: list[str], port: int, timeout: float) -> tuple[socket.socket, str]:
    """Connect to the first of `addresses` that answers; return the socket and that address."""
    error: OSError | None = None
    for address in addresses:
        try:
            return socket.create_connection((address, port), timeout=timeout), address
        except TimeoutError:
            raise Refused(f"{url}: no answer within {timeout:g} s (LITOPYS_CAPTURE_TIMEOUT)") from None
        except ConnectionRefusedError:
            error = ConnectionRefusedError()
        except OSError as exc:
            error = exc
    if isinstance(error, ConnectionRefusedError):
        raise Refused(f"{url}: the connection was refused (nothing listens on port {port})")
    raise Refused(f"{url}: cannot connect ({getattr(error, 'strerror', None) or error})")


def _proxy_socket(url: str, proxy: str, timeout: float) -> socket.socket:
    parts = urlsplit(proxy)
    try:
        return socket.create_connection((parts.hostname, parts.port or 1080), timeout=timeout)
    except OSError as exc:
        raise Refused(f"{url}: the proxy {proxy} cannot be reached ({exc.strerror or exc}); "
                      "check LITOPYS_CAPTURE_PROXY") from None


def socks5(url: str, proxy: str, host: str, port: int, timeout: float) -> socket.socket:
    """Connect to host:port through a SOCKS5 proxy that asks for no password."""
    sock = _proxy_socket(url, proxy, timeout)
    try:
        sock.sendall(b"\x05\x01\x00")
        if sock.recv(2) != b"\x05\x00":
            raise Refused(f"{url}: the proxy {proxy} is not a SOCKS5 proxy without a password")
        name = host.encode("idna")
        sock.sendall(b"\x05\x01\x00\x03" + bytes([len(name)]) + name + struct.pack(">H", port))
        reply = sock.recv(4)
        if len(reply) < 2 or reply[1] != 0:
            code = reply[1] if len(reply) > 1 else -1
            raise Refused(f"{url}: the proxy {proxy} could not connect (SOCKS5 reply {code})")
        skip = {1: 4, 4: 16}.get(reply[3], None)
        if skip is None:
            skip = sock.recv(1)[0]
        sock.recv(skip + 2)
        return sock
    except OSError as exc:
        sock.close()
        raise Refused(f"{url}: the proxy {proxy} broke off ({exc})") from None


def http_tunnel(url: str, proxy: str, host: str, port: int, timeout: float) -> socket.socket:
    """Connect to host:port through an HTTP proxy's CONNECT tunnel."""
    sock = _proxy_socket(url, proxy, timeout)
    sock.sendall(f"CONNECT {host}:{port} HTTP/1.1\r\nHost: {host}:{port}\r\n\r\n".encode())
    reply = b""
    while b"\r\n\r\n" not in reply and len(reply) < 65536:
        chunk = sock.recv(4096)
        if not chunk:
            break
        reply += chunk
    status = reply.split(b" ", 2)[1:2]
    if status != [b"200"]:
        sock.close()
        raise Refused(f"{url}: the proxy {proxy} refused the tunnel ({reply[:80]!r})")
    return sock


def certificate_details(sock: ssl.SSLSocket) -> dict:
    """The server's certificate as the connection saw it: subject, issuer, validity, fingerprint, protocol."""
    details = {"tls_version": sock.version(), "cipher": (sock.cipher() or ("",))[0]}
    binary = sock.getpeercert(binary_form=True)
    if binary:
        details["certificate_sha256"] = hashlib.sha256(binary).hexdigest()
    info = sock.getpeercert() or {}
    for key in ("subject", "issuer"):
        if key in info:
            details[key] = ", ".join(f"{k}={v}" for part in info[key] for k, v in part)
    for key in ("notBefore", "notAfter", "serialNumber"):
        if key in info:
            details[key] = info[key]
    if "subjectAltName" in info:
        details["subject_alt_names"] = [value for _, value in info["subjectAltName"]]
    return details
