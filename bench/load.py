"""Readers at once against a running site: every answer checked, latencies per page, errors counted.

    python bench/load.py --base http://127.0.0.1:8000 --readers 200 --seconds 60 [--path /incidents/ ...]

Each reader is a thread that asks for the pages in turn, a new connection each time (as browsers behind
many addresses do), until the time is up. An error is anything but the expected status (200), a failed
connection or a read that times out. Prints requests per second and p50/p95/p99 per page; exit 1 on any error.
With no --path, the pages are found on the site: home, a post, an incident, the lists, statistics, search
and the downloads. The load test (tests/core/test_load.py) and bench/scale.py use `run_load`.
"""

from __future__ import annotations

import argparse
import http.client
import json
import re
import sys
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

TIMEOUT = 30


@dataclass
class Outcome:
    seconds: float
    readers: int
    requests: int = 0
    errors: list[str] = field(default_factory=list)
    latencies: dict[str, list[float]] = field(default_factory=dict)

    @property
    def rate(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def percentile(self, share: float, path: str | None = None) -> float:
        values = sorted(self.latencies.get(path, []) if path else
                        [value for values in self.latencies.values() for value in values])
        if not values:
            return 0.0
        return values[min(len(values) - 1, int(share * len(values)))]

    def lines(self) -> list[str]:
        out = [f"{self.readers} readers, {self.seconds:.0f} s: {self.requests} requests ({self.rate:.0f}/s), "
               f"{len(self.errors)} errors; p50 {self.percentile(0.5) * 1000:.0f} ms, "
               f"p95 {self.percentile(0.95) * 1000:.0f} ms, p99 {self.percentile(0.99) * 1000:.0f} ms"]
        for path in sorted(self.latencies):
            p50, p95, p99 = (self.percentile(share, path) * 1000 for share in (0.5, 0.95, 0.99))
            out.append(f"  {path:48} {len(self.latencies[path]):6} req  p50 {p50:6.0f} ms  p95 {p95:6.0f} ms  "
                       f"p99 {p99:6.0f} ms")
        out += [f"  error: {error}" for error in self.errors[:10]]
        return out


def fetch(base: str, path: str) -> tuple[int, bytes]:
    parts = urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname, parts.port or 80, timeout=TIMEOUT)
    try:
        connection.request("GET", path, headers={"Accept-Language": "en", "User-Agent": "litopys-load"})
        answer = connection.getresponse()
        return answer.status, answer.read()
    finally:
        connection.close()


def discover(base: str) -> list[str]:
    """Return the pages readers open: the home page, and what it, the incident list and the map link to."""
    status, home = fetch(base, "/")
    if status != 200:
        raise RuntimeError(f"{base}/ answers {status}; is the site up?")
    pages = ["/", "/incidents/", "/timeline/", "/map/", "/statistics/", "/search/?q=synthetic", "/feed/",
             "/map/incidents.geojson", "/statistics.csv"]
    post = re.search(rb'href="(/posts/[^"/]+/)"', home)
    if post:
        pages.append(post.group(1).decode())
    _status, listing = fetch(base, "/incidents/")
    incident = re.search(rb'href="(/incidents/(?!page/)[^"/]+/)"', listing)
    if incident:
        pages.append(incident.group(1).decode())
        _status, detail = fetch(base, incident.group(1).decode())
        figure = re.search(rb'href="(/figures/\d+/)"', detail)
        if figure:
            pages += [figure.group(1).decode(), figure.group(1).decode().rstrip("/") + ".json"]
    return pages


def run_load(base: str, paths: list[str], readers: int, seconds: float) -> Outcome:
    """Run `readers` threads over `paths` for `seconds`; return what they saw."""
    outcome = Outcome(seconds=seconds, readers=readers, latencies={path: [] for path in paths})
    lock = threading.Lock()
    deadline = time.monotonic() + seconds
    start_gate = threading.Barrier(readers)

    def reader(offset: int) -> None:
        start_gate.wait()
        index = offset
        while time.monotonic() < deadline:
            path = paths[index % len(paths)]
            index += 1
            began = time.monotonic()
            try:
                status, _body = fetch(base, path)
                problem = None if status == 200 else f"{path}: status {status}"
            except (OSError, http.client.HTTPException) as exc:
                problem = f"{path}: {type(exc).__name__}: {exc}"
            took = time.monotonic() - began
            with lock:
                outcome.requests += 1
                outcome.latencies[path].append(took)
                if problem:
                    outcome.errors.append(problem)

    threads = [threading.Thread(target=reader, args=(n,), daemon=True) for n in range(readers)]
    began = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    outcome.seconds = time.monotonic() - began
    return outcome


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", default="http://127.0.0.1:8000", help="the site (default http://127.0.0.1:8000)")
    parser.add_argument("--readers", type=int, default=200, help="readers at once (default 200)")
    parser.add_argument("--seconds", type=float, default=60, help="how long (default 60)")
    parser.add_argument("--path", action="append", default=[], help="a page to read (repeat); default: discovered")
    parser.add_argument("--format", choices=["text", "json"], default="text")
    options = parser.parse_args()
    paths = options.path or discover(options.base.rstrip("/"))
    outcome = run_load(options.base.rstrip("/"), paths, options.readers, options.seconds)
    if options.format == "json":
        print(json.dumps({"requests": outcome.requests, "errors": outcome.errors, "rate": outcome.rate,
                          "p50": outcome.percentile(0.5), "p95": outcome.percentile(0.95),
                          "p99": outcome.percentile(0.99)}))
    else:
        print("\n".join(outcome.lines()))
    sys.exit(1 if outcome.errors else 0)


if __name__ == "__main__":
    main()
