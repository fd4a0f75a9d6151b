"""The one HTTP client of captures: every request a capture makes, the browser's included, goes here.

It refuses addresses `netpolicy` forbids (checked on the resolved address, on every hop), connects
through `connections` (directly or through LITOPYS_CAPTURE_PROXY), stops at the size limit and the
timeout, and records each exchange, byte for byte as sent and received, into a WARC (request and
response records, TLS certificate details as a metadata record).
"""

from __future__ import annotations

import http.client
import json
import ssl
import tempfile
import time
from dataclasses import dataclass, field
from urllib.parse import urljoin

from warcio.statusandheaders import StatusAndHeaders  # noqa: F401 - imported for warcio's writer
from warcio.warcwriter import WARCWriter

from litopys.capture.connections import certificate_details, connect
from litopys.capture.netpolicy import Refused, check_url

REDIRECTS = (301, 302, 303, 307, 308)
CHUNK = 64 * 1024


class TooLarge(Refused):
    """The response was larger than the limit; what came before the limit is kept, marked truncated."""


@dataclass
class Policy:
    timeout: float = 30
    max_bytes: int = 200 * 1024 * 1024
    user_agent: str = "Litopys-capture"
    proxy: str = ""
    allow_private: bool = False
    max_redirects: int = 10


@dataclass
class Exchange:
    """One request and its response as the server sent them."""

    url: str
    status: int
    reason: str
    headers: list[tuple[str, str]]
    body: tempfile.SpooledTemporaryFile
    size: int
    address: str = ""
    tls: dict = field(default_factory=dict)
    truncated: bool = False
    started: float = 0.0

    def header(self, name: str) -> str:
        name = name.lower()
        return next((value for key, value in self.headers if key.lower() == name), "")

    @property
    def content_type(self) -> str:
        return self.header("content-type").split(";")[0].strip().lower()

    @property
    def location(self) -> str:
        value = self.header("location")
        return urljoin(self.url, value) if value and self.status in REDIRECTS else ""

    def read(self) -> bytes:
        self.body.seek(0)
        return self.body.read()


class _Recorder:
    """A socket's file that keeps every byte read, and stops at the size limit and the deadline."""

    def __init__(self, raw, limit: int, deadline: float, url: str):
        self.raw, self.limit, self.deadline, self.url = raw, limit, deadline, url
        self.kept = tempfile.SpooledTemporaryFile(max_size=1024 * 1024)
        self.count = 0

    def _keep(self, data: bytes) -> bytes:
        if time.monotonic() > self.deadline:
            raise Refused(f"{self.url}: the server took longer than the timeout to send the page")
        self.count += len(data)
        if self.count > self.limit:
            allowed = len(data) - (self.count - self.limit)
            self.kept.write(data[:max(allowed, 0)])
            raise TooLarge(f"{self.url}: the response is larger than LITOPYS_CAPTURE_MAX_BYTES ({self.limit} "
                           "bytes); the first part is kept, marked truncated")
        self.kept.write(data)
        return data

    def read(self, amount=-1):
        return self._keep(self.raw.read(amount))

    def read1(self, amount=-1):
        return self._keep(self.raw.read1(amount))

    def readinto(self, buffer):
        count = self.raw.readinto(buffer)
        self._keep(bytes(memoryview(buffer)[:count]))
        return count

    def readline(self, limit=-1):
        return self._keep(self.raw.readline(limit))

    def peek(self, n=0):
        return self.raw.peek(n)

    def close(self):
        self.raw.close()

    def flush(self):
        pass


class _Socket:
    """Hands http.client a recording file instead of the socket's own."""

    def __init__(self, recorder: _Recorder):
        self.recorder = recorder

    def makefile(self, mode, *args, **kwargs):
        return self.recorder


class Client:
    """Fetch URLs under a policy, recording every exchange into `warc` (a warcio WARCWriter) when given."""

    def __init__(self, policy: Policy, warc: WARCWriter | None = None):
        self.policy = policy
        self.warc = warc
        self.exchanges: list[Exchange] = []
        self.cache: dict[str, Exchange] = {}
        self.bytes_fetched = 0
        self.last_request_at = 0.0

    # -- public ---------------------------------------------------------------------------------------

    def fetch(self, url: str) -> list[Exchange]:
        """Fetch url following redirects (each hop checked and recorded); return the chain, final last."""
        chain: list[Exchange] = []
        seen = {url}
        while True:
            exchange = self.get(url)
            chain.append(exchange)
            following = exchange.location
            if not following:
                return chain
            if following in seen:
                hops = " → ".join(e.url for e in chain)
                raise Refused(f"{chain[0].url}: a redirect loop ({hops} → {following})")
            if len(chain) > self.policy.max_redirects:
                raise Refused(f"{chain[0].url}: more than {self.policy.max_redirects} redirects "
                              "(LITOPYS_CAPTURE_MAX_REDIRECTS)")
            seen.add(following)
            url = following

    def get(self, url: str, headers: dict | None = None) -> Exchange:
        """Fetch one URL without following redirects; the same URL is fetched once per capture."""
        if url in self.cache:
            return self.cache[url]
        exchange = self._exchange(url, headers or {})
        self.cache[url] = exchange
        return exchange

    # -- the exchange ---------------------------------------------------------------------------------

    def _exchange(self, url: str, extra: dict) -> Exchange:
        parts = check_url(url)
        https = parts.scheme.lower() == "https"
        host = parts.hostname
        port = parts.port or (443 if https else 80)
        sock, self._last_address = connect(url, host, port, self.policy)
        tls: dict = {}
        try:
            sock.settimeout(self.policy.timeout)
            if https:
                context = ssl.create_default_context()
                try:
                    sock = context.wrap_socket(sock, server_hostname=host)
                except ssl.SSLError as exc:
                    raise Refused(f"{url}: the TLS connection failed ({exc.reason or exc}); the site's "
                                  "certificate may be invalid") from None
                tls = certificate_details(sock)
            request = self._request_bytes(parts, host, port, https, extra)
            started = time.monotonic()
            try:
                sock.sendall(request)
                recorder = _Recorder(sock.makefile("rb"), self.policy.max_bytes,
                                     started + 4 * self.policy.timeout, url)
                response = http.client.HTTPResponse(_Socket(recorder), method="GET", url=url)
                body = tempfile.SpooledTemporaryFile(max_size=4 * 1024 * 1024)
                truncated = False
                try:
                    response.begin()
                    while chunk := response.read(CHUNK):
                        body.write(chunk)
                except TooLarge:
                    truncated = True
                    if not getattr(response, "status", None):
                        raise
            except TimeoutError:
                raise Refused(f"{url}: no answer within {self.policy.timeout:g} s (LITOPYS_CAPTURE_TIMEOUT)") from None
            except (http.client.HTTPException, ConnectionError) as exc:
                raise Refused(f"{url}: the server broke off the answer ({type(exc).__name__}: {exc})") from None
            exchange = Exchange(url=url, status=response.status, reason=response.reason or "",
                                headers=list(response.getheaders()), body=body, size=recorder.kept.tell(),
                                tls=tls, truncated=truncated, started=started)
            self.bytes_fetched += recorder.count
            self.exchanges.append(exchange)
            self._record(exchange, request, recorder.kept)
            if truncated:
                raise TooLarge(f"{url}: the response is larger than LITOPYS_CAPTURE_MAX_BYTES "
                               f"({self.policy.max_bytes} bytes); the first part is kept, marked truncated")
            return exchange
        finally:
            sock.close()

    def _request_bytes(self, parts, host: str, port: int, https: bool, extra: dict) -> bytes:
        target = parts.path or "/"
        if parts.query:
            target += "?" + parts.query
        default = 443 if https else 80
        host_header = host if port == default else f"{host}:{port}"
        if ":" in host and not host.startswith("["):
            host_header = f"[{host}]" if port == default else f"[{host}]:{port}"
        headers = {"Host": host_header, "User-Agent": self.policy.user_agent,
                   "Accept": extra.get("accept") or "text/html,application/xhtml+xml,*/*;q=0.8",
                   "Accept-Encoding": "identity", "Connection": "close"}
        if extra.get("accept-language"):
            headers["Accept-Language"] = extra["accept-language"]
        if extra.get("referer"):
            headers["Referer"] = extra["referer"]
        if extra.get("range"):
            headers["Range"] = extra["range"]
        lines = [f"GET {target} HTTP/1.1"] + [f"{key}: {value}" for key, value in headers.items()]
        return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1", "replace")

    # -- the record -----------------------------------------------------------------------------------

    def _record(self, exchange: Exchange, request: bytes, response_raw) -> None:
        if self.warc is None:
            return
        import io

        headers = {"WARC-IP-Address": getattr(self, "_last_address", "")} if not self.policy.proxy else {}
        if exchange.truncated:
            headers["WARC-Truncated"] = "length"
        length = response_raw.tell()
        response_raw.seek(0)
        response = self.warc.create_warc_record(exchange.url, "response", payload=response_raw, length=length,
                                                warc_headers_dict={k: v for k, v in headers.items() if v})
        request_record = self.warc.create_warc_record(exchange.url, "request", payload=io.BytesIO(request),
                                                      length=len(request))
        self.warc.write_request_response_pair(request_record, response)
        if exchange.tls:
            data = json.dumps(exchange.tls, ensure_ascii=False, indent=1).encode()
            self.warc.write_record(self.warc.create_warc_record(
                exchange.url, "metadata", payload=io.BytesIO(data), length=len(data),
                warc_content_type="application/json",
                warc_headers_dict={"WARC-Concurrent-To": response.rec_headers.get_header("WARC-Record-ID")}))
