"""How Litopys grows: a SYNTHETIC record built at several sizes, measured the same way at each, printed as
figures and as ratios to the smallest size (the reference run).

    python bench/scale.py [--sizes 1000,10000,100000] [--readers 50] [--seconds 20]
                          [--database-url postgresql://postgres@127.0.0.1:5432/NAME --wipe-database]

A size is a number of claims; sources, incidents and posts follow it (``--per-source 10``, ``--per-incident
100``, ``--posts-per 500``). For each size, in a home of its own (SQLite, or the PostgreSQL database given,
emptied first — only with --wipe-database):

- ``litopys synth`` builds the record (claims per second), and ``--media-mib`` of SYNTHETIC media files are
  ingested (MB/s), so that the vault weighs what photos and videos weigh;
- every public page, download and staff list is requested ``--requests`` times in-process, page cache off:
  p50/p95 latency and queries per request;
- site search: p95 over ``--searches`` queries; the statistics page: its time;
- ``litopys publish --static``: pages per second;
- ``litopys backup`` against ``tar`` of the same vault and database (MB/s and the ratio), ``litopys restore``
  into a new home (MB/s), then ``litopys verify`` there;
- ``litopys serve`` under ``--readers`` readers for ``--seconds`` (bench/load.py), after one reader has read
  every page once: requests per second, p99, errors (there must be none).

It is a benchmark, not a test: it asserts nothing but prints everything, and exits 1 if a step failed or
the load saw an error.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.load import discover, fetch, run_load  # noqa: E402

LITOPYS = [sys.executable, "-m", "litopys"]
SEARCH_WORDS = ["synthetic", "killed", "загинули", "bodies", "тіл", "police", "governor", "village", "chronicle",
                "sources", "хроніка", "Kharkiv", "Izium", "record", "injured", "missing", "detained"]


def env_for(home: Path, database_url: str | None, **extra) -> dict:
    env = {**os.environ, "LITOPYS_HOME": str(home), "LITOPYS_CLI_LANGUAGE": "en", "PYTHONPATH": str(REPO),
           **{key: str(value) for key, value in extra.items()}}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    if database_url:
        env["DATABASE_URL"] = database_url
    else:
        env.pop("DATABASE_URL", None)
    return env


def litopys(env: dict, *args, timeout: int = 24 * 3600) -> subprocess.CompletedProcess:
    result = subprocess.run([*LITOPYS, *map(str, args)], env=env, capture_output=True, text=True, timeout=timeout,
                            cwd=REPO)
    if result.returncode != 0:
        raise RuntimeError(f"litopys {' '.join(args)} exited {result.returncode}: {result.stderr.strip()[-2000:]}")
    return result


def wipe(database_url: str) -> None:
    """Empty a PostgreSQL database (its public schema) for the next size."""
    import psycopg

    with psycopg.connect(database_url, autocommit=True) as connection:
        connection.execute("DROP SCHEMA public CASCADE")
        connection.execute("CREATE SCHEMA public")


def timed(step):
    began = time.monotonic()
    value = step()
    return value, time.monotonic() - began


def folder_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def measure_size(claims: int, options, work: Path) -> dict:
    """Build and measure one size; return its figures."""
    sources = max(1, claims // options.per_source)
    incidents = max(1, claims // options.per_incident)
    posts = max(1, claims // options.posts_per)
    home = work / f"home-{claims}"
    env = env_for(home, options.database_url)
    if options.database_url:
        wipe(options.database_url)
    figures: dict[str, float] = {}
    _made, seconds = timed(lambda: litopys(env, "synth", "--claims", claims, "--sources", sources, "--incidents",
                                           incidents, "--posts", posts, "--format", "json"))
    figures["synth: claims/s"] = claims / seconds
    if options.media_mib:
        figures["ingest of SYNTHETIC media: MB/s"] = add_media(env, work / f"media-{claims}", options.media_mib)
    pages = json.loads(litopys(env, "shell", "-c", MEASURE.format(requests=options.requests,
                                                                 searches=options.searches,
                                                                 words=SEARCH_WORDS)).stdout.splitlines()[-1])
    for name, (p50, p95, queries) in pages["pages"].items():
        figures[f"{name}: p50 ms"] = p50
        figures[f"{name}: p95 ms"] = p95
        figures[f"{name}: queries"] = queries
    figures["search: p95 ms"] = pages["search_p95"]
    figures["statistics page: ms"] = pages["statistics_ms"]
    export = json.loads(litopys(env, "publish", "--static", str(work / f"static-{claims}"), "--format",
                                "json").stdout)
    figures["static export: pages/s"] = export["pages"] / max(export["seconds"], 1e-6)
    figures.update(backup_and_restore(env, home, claims, options, work))
    figures.update(load(env, options))
    return figures


def add_media(env: dict, folder: Path, mib: int) -> float:
    """Ingest `mib` MiB of SYNTHETIC media (random bytes, 16 MiB a file): evidence as photos and videos weigh."""
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(max(1, mib // 16)):
        (folder / f"synthetic-media-{n}.bin").write_bytes(os.urandom(16 * 1024 * 1024))
    _done, seconds = timed(lambda: litopys(env, "ingest", str(folder), "--recursive", "--title", "SYNTHETIC media",
                                           "--collected-by", "synthetic generator"))
    total = folder_bytes(folder)
    shutil.rmtree(folder, ignore_errors=True)
    return total / 1e6 / seconds


def backup_and_restore(env: dict, home: Path, claims: int, options, work: Path) -> dict:
    made = json.loads(litopys(env, "backup", str(work / f"backup-{claims}"), "--include-keys", "--format",
                              "json").stdout)
    backup_rate = made["total_bytes"] / 1e6 / made["seconds"]
    held = [p.name for p in home.iterdir() if p.name in ("vault", "litopys.sqlite3")]
    tarball = work / f"tar-{claims}.tar"
    _done, tar_seconds = timed(lambda: subprocess.run(["tar", "-cf", str(tarball), *held], cwd=home, check=True)
                               and subprocess.run(["sync", "--file-system", str(tarball)], check=True))
    tar_rate = tarball.stat().st_size / 1e6 / tar_seconds
    tarball.unlink()
    restored_home = work / f"restored-{claims}"
    if options.database_url:
        wipe(options.database_url)
    target = env_for(restored_home, options.database_url)
    _done, restore_seconds = timed(lambda: litopys(target, "restore", str(work / f"backup-{claims}")))
    verified = litopys(target, "verify").stdout.strip().splitlines()[-1]
    shutil.rmtree(work / f"backup-{claims}", ignore_errors=True)
    return {"backup: MB/s": backup_rate, "tar + sync: MB/s": tar_rate, "backup / tar": backup_rate / tar_rate,
            "restore: MB/s": made["total_bytes"] / 1e6 / restore_seconds,
            "restored home verifies": 1.0 if verified.endswith("intact") else 0.0}


def load(env: dict, options) -> dict:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([*LITOPYS, "serve", "--host", "127.0.0.1", "--port", str(port), "--workers",
                               str(options.workers)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              cwd=REPO)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(240):
            try:
                if fetch(base, "/")[0] == 200:
                    break
            except OSError:
                time.sleep(0.5)
        pages = discover(base)
        # One reader first, so that the load meets the page cache as a site in use has it: a cold cache under
        # many readers at once is its own problem (see docs/operations.md).
        _warm, warm_seconds = timed(lambda: [fetch(base, page) for page in pages])
        outcome = run_load(base, pages, options.readers, options.seconds)
    finally:
        server.terminate()
        server.wait(timeout=60)
    for line in outcome.errors[:5]:
        print(f"    load error: {line}", file=sys.stderr)
    return {"load: warm-up, every page once: s": warm_seconds, "load: requests/s": outcome.rate,
            "load: p99 ms": outcome.percentile(0.99) * 1000,
            "load: errors": float(len(outcome.errors))}


#: Run inside `litopys shell` in the home being measured: pages through Django's test client, cache off.
MEASURE = '''
import json, random, statistics, time
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, setup_test_environment
from tests.core.test_query_counts import PUBLIC, STAFF, public_urls, staff_urls
from litopys.chronicle.search import search
setup_test_environment()
settings.LITOPYS_PAGE_CACHE = 0
settings.ALLOWED_HOSTS = ["*"]
client = Client(HTTP_ACCEPT_LANGUAGE="en")
from django.contrib.auth import get_user_model
admin, _ = get_user_model().objects.get_or_create(username="synthetic-bench-admin", defaults={{"is_staff": True,
    "is_superuser": True}})
urls = {{**public_urls(), **staff_urls()}}
pages = {{}}
for name in (*PUBLIC, *STAFF):
    if name in STAFF:
        client.force_login(admin)
    times, queries = [], 0
    for _ in range({requests}):
        cache.clear()
        with CaptureQueriesContext(connection) as seen:
            began = time.perf_counter()
            answer = client.get(urls[name])
            if answer.streaming:
                b"".join(answer.streaming_content)
            times.append((time.perf_counter() - began) * 1000)
        queries = len(seen)
    times.sort()
    pages[name] = (times[len(times) // 2], times[min(len(times) - 1, int(0.95 * len(times)))], queries)
rng = random.Random(1)
words = {words}
searches = []
for _ in range({searches}):
    query = " ".join(rng.sample(words, rng.choice((1, 1, 2))))
    began = time.perf_counter()
    search(query)
    searches.append((time.perf_counter() - began) * 1000)
searches.sort()
cache.clear()
began = time.perf_counter()
client.get(urls["statistics"])
statistics_ms = (time.perf_counter() - began) * 1000
print(json.dumps({{"pages": pages, "search_p95": searches[int(0.95 * len(searches))], "statistics_ms": statistics_ms}}))
'''


def print_table(results: dict[int, dict]) -> None:
    sizes = sorted(results)
    reference = sizes[0]
    names = list(results[reference])
    width = max(len(name) for name in names) + 2
    header = f"{'':{width}}" + "".join(f"{size:>14,}" for size in sizes) + "".join(
        f"{f'×{size:,}/{reference:,}':>16}" for size in sizes[1:])
    print(f"claims →\n{header}")
    for name in names:
        values = [results[size].get(name, float('nan')) for size in sizes]
        row = f"{name:{width}}" + "".join(f"{value:14.1f}" for value in values)
        base = values[0]
        row += "".join(f"{(value / base if base else float('nan')):16.2f}" for value in values[1:])
        print(row)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="claims at each size, the first the reference")
    parser.add_argument("--per-source", type=int, default=10, help="claims per source (default 10)")
    parser.add_argument("--per-incident", type=int, default=100, help="claims per incident (default 100)")
    parser.add_argument("--posts-per", type=int, default=500, help="claims per post (default 500)")
    parser.add_argument("--media-mib", type=int, default=256,
                        help="MiB of SYNTHETIC media ingested at each size, so that backups copy evidence of a real "
                             "weight (default 256; 0 for none)")
    parser.add_argument("--requests", type=int, default=10, help="requests per page (default 10)")
    parser.add_argument("--searches", type=int, default=1000, help="search queries (default 1000)")
    parser.add_argument("--readers", type=int, default=50, help="readers at once in the load (default 50)")
    parser.add_argument("--seconds", type=float, default=20, help="length of the load (default 20)")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers under load (default 4)")
    parser.add_argument("--database-url", default="", help="a PostgreSQL database to use (emptied at each size)")
    parser.add_argument("--wipe-database", action="store_true", help="agree that --database-url is emptied")
    parser.add_argument("--keep", default="", help="keep the homes in this folder (default: a temporary one)")
    options = parser.parse_args()
    if options.database_url and not options.wipe_database:
        parser.error("--database-url is emptied at every size: add --wipe-database to agree")
    sizes = [int(part) for part in options.sizes.split(",") if part.strip()]
    work = Path(options.keep) if options.keep else Path(tempfile.mkdtemp(prefix="litopys-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    results: dict[int, dict] = {}
    failed = False
    try:
        for claims in sizes:
            print(f"== {claims:,} SYNTHETIC claims", file=sys.stderr, flush=True)
            try:
                results[claims] = measure_size(claims, options, work)
            except (RuntimeError, subprocess.SubprocessError, OSError) as exc:
                print(f"   failed: {exc}", file=sys.stderr)
                failed = True
                break
    finally:
        if not options.keep:
            shutil.rmtree(work, ignore_errors=True)
    if results:
        print_table(results)
    errors = sum(figures.get("load: errors", 0) for figures in results.values())
    sys.exit(1 if failed or errors else 0)


if __name__ == "__main__":
    main()
