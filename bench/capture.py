"""Benchmark `litopys capture` on a local synthetic site against `wget --warc-file` on the same site.

    .venv/bin/python bench/capture.py [--pages 200] [--concurrency 2]

Serves PAGES pages (HTML + 3 images each, SYNTHETIC text) on 127.0.0.1, then captures every page:
with `wget --warc-file -p` (the reference: fetch and record, no rendering), with Litopys without
screenshots (WARC, WACZ, PDF, text, images, custody, claims) and with screenshots, each time with a fresh
home and `litopys worker --concurrency N --until-empty`. Prints pages per second and the ratios the
issue targets (without screenshots ≥ 0.5× wget; with screenshots ≥ 2 pages/s on two cores). It measures;
it asserts nothing. Installs Debian's wget when it is missing.
"""

import argparse
import io
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

LITOPYS = [sys.executable, "-m", "litopys"]


def build_site(folder: Path, pages: int) -> None:
    from PIL import Image

    (folder / "img").mkdir(parents=True)
    links = []
    for n in range(pages):
        for k in range(3):
            picture = Image.new("RGB", (320, 200), ((n * 37) % 256, (k * 80) % 256, (n * k) % 256))
            out = io.BytesIO()
            picture.save(out, format="PNG")
            (folder / "img" / f"{n}-{k}.png").write_bytes(out.getvalue())
        body = "".join(f"<p>Synthetic paragraph {i} of page {n}: the synthetic council reported {n + i} "
                       "damaged houses.</p>" for i in range(12))
        images = "".join(f'<img src="/img/{n}-{k}.png" alt="">' for k in range(3))
        (folder / f"page-{n}.html").write_text(
            f"<!doctype html><html><head><meta charset='utf-8'><title>Synthetic page {n}</title></head>"
            f"<body><h1>Synthetic page {n}</h1>{body}{images}</body></html>", encoding="utf-8")
        links.append(f'<a href="/page-{n}.html">page {n}</a>')
    (folder / "index.html").write_text("<html><body>" + " ".join(links) + "</body></html>")


def serve(folder: Path) -> tuple[ThreadingHTTPServer, str]:
    class Quiet(SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(folder), **kwargs)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}"


def children_cpu() -> float:
    """CPU seconds used so far by finished child processes (and the descendants they waited for)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_wget(base: str, pages: int, work: Path) -> float:
    if not shutil.which("wget"):
        subprocess.run(["apt-get", "install", "-y", "-qq", "wget"], check=True)
    urls = work / "urls.txt"
    urls.write_text("\n".join(f"{base}/page-{n}.html" for n in range(pages)))
    started = time.perf_counter()
    subprocess.run(["wget", "-q", "-p", "-i", str(urls), "--warc-file", str(work / "site"), "-P", str(work / "w"),
                    "--no-warc-keep-log"], check=False)
    return time.perf_counter() - started


def time_litopys(base: str, pages: int, work: Path, concurrency: int, screenshots: bool) -> tuple[float, str]:
    """Return (seconds, outcome) of working off PAGES queued captures; the outcome names the CPU seconds per
    page too, which a machine busy with other work does not change as much as the wall clock."""
    env = {**os.environ, "LITOPYS_HOME": str(work / "home"), "LITOPYS_CAPTURE_ALLOW_PRIVATE": "1"}
    env.pop("DATABASE_URL", None)
    subprocess.run([*LITOPYS, "migrate", "--verbosity", "0"], env=env, check=True)
    urls = [f"{base}/page-{n}.html" for n in range(pages)]
    flags = [] if screenshots else ["--no-screenshots"]
    subprocess.run([*LITOPYS, "capture", "--no-wait", *flags, *urls], env=env, check=True, capture_output=True)
    started, cpu = time.perf_counter(), children_cpu()
    subprocess.run([*LITOPYS, "worker", "--concurrency", str(concurrency), "--until-empty", "--interval", "0.05",
                    "--verbosity", "0"], env=env, check=True)
    elapsed, cpu = time.perf_counter() - started, children_cpu() - cpu
    states = subprocess.run([*LITOPYS, "jobs", "--limit", str(pages + 10)], env=env, capture_output=True,
                            text=True).stdout
    ok = sum(" succeeded " in line for line in states.splitlines())
    return elapsed, f"{ok}/{pages} succeeded, {cpu / pages:.2f} CPU s/page"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=2)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="litopys-bench-capture-") as folder:
        root = Path(folder)
        build_site(root / "site", options.pages)
        server, base = serve(root / "site")
        try:
            (root / "wget").mkdir()
            wget = time_wget(base, options.pages, root / "wget")
            print(f"wget --warc-file -p:        {options.pages / wget:7.2f} pages/s ({wget:.1f} s)")
            (root / "plain").mkdir()
            plain, plain_ok = time_litopys(base, options.pages, root / "plain", options.concurrency, False)
            print(f"litopys, no screenshots:    {options.pages / plain:7.2f} pages/s ({plain:.1f} s, {plain_ok}, "
                  f"{options.concurrency} workers)")
            (root / "shots").mkdir()
            shots, shots_ok = time_litopys(base, options.pages, root / "shots", options.concurrency, True)
            print(f"litopys, with screenshots:  {options.pages / shots:7.2f} pages/s ({shots:.1f} s, {shots_ok}, "
                  f"{options.concurrency} workers)")
            print(f"ratio without screenshots / wget: {wget / plain:.3f} (target ≥ 0.5)")
            print(f"with screenshots: {options.pages / shots:.2f} pages/s on {os.cpu_count()} cores (target ≥ 2)")
            print(f"load average at the end: {os.getloadavg()[0]:.1f} (other work on the machine slows every figure)")
        finally:
            server.shutdown()


if __name__ == "__main__":
    main()
