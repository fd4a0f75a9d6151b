"""Benchmark `litopys ingest` against sha256sum and cp + sync on the same generated files.

    .venv/bin/python bench/ingest.py [--size-mib 1024] [--min-mib 1] [--max-mib 16] [--rounds 3] [--dir DIR]

Prints MB/s for each and the ratios the foundation issue targets (ingest ≥ 1.2× sha256sum,
≥ 0.7× cp + sync). It measures; it asserts nothing.

The contenders take turns for several rounds, each writing into a fresh folder (ingest: a fresh
vault and database) after the previous round's copy is deleted, and the median round counts. On a
virtual machine the first writer into never-used memory pays for the host faulting it in (a
first round can run at a third of the speed of the next); taking turns lets no contender be the
only one to pay that, and every round is printed.
"""

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def generate(folder: Path, total_mib: int, low: int, high: int, seed: int = 7) -> list[Path]:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths, written, n = [], 0, 0
    block = os.urandom(1024 * 1024)
    while written < total_mib:
        size = min(rng.randint(low, high), total_mib - written)
        path = folder / f"file-{n:05d}.bin"
        with open(path, "wb") as handle:
            for i in range(size):
                # Distinct content per MiB so no two files share bytes.
                handle.write(n.to_bytes(4, "big") + i.to_bytes(4, "big") + block[8:])
        paths.append(path)
        written += size
        n += 1
    return paths


def timed(fn) -> float:
    subprocess.run(["sync"], check=True)
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mib", type=int, default=1024)
    parser.add_argument("--min-mib", type=int, default=1)
    parser.add_argument("--max-mib", type=int, default=16)
    parser.add_argument("--rounds", type=int, default=3, help="turns each contender takes (default 3)")
    parser.add_argument("--dir", default=None, help="working folder (default: a temporary one under /tmp)")
    args = parser.parse_args()

    work = Path(args.dir or tempfile.mkdtemp(prefix="litopys-bench-"))
    corpus = work / "corpus"
    print(f"generating {args.size_mib} MiB in {args.min_mib}-{args.max_mib} MiB files under {corpus} …")
    paths = generate(corpus, args.size_mib, args.min_mib, args.max_mib)
    total = sum(p.stat().st_size for p in paths)
    megabytes = total / 1e6
    print(f"{len(paths)} files, {megabytes:.0f} MB (files are in the page cache for every contender)")

    os.environ["LITOPYS_HOME"] = str(work / "home")
    os.environ.pop("DATABASE_URL", None)
    os.environ.pop("LITOPYS_VAULT_ROOT", None)
    os.environ.pop("LITOPYS_VAULT_OPTIONS", None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "litopys.core.settings"
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    from litopys.evidence.ingest import SourceFacts, ingest_paths

    call_command("migrate", verbosity=0)
    connection.close()
    template = Path(settings.DATABASES["default"]["NAME"])
    copy = work / "copy"

    def sha256sum():
        subprocess.run(["sha256sum", *map(str, paths)], check=True, stdout=subprocess.DEVNULL)

    def cp_sync():
        copy.mkdir()
        subprocess.run(["cp", *map(str, paths), str(copy)], check=True)
        subprocess.run(["sync"], check=True)

    def ingest():
        results = list(ingest_paths([str(corpus)], SourceFacts(collected_by="bench"), recursive=True))
        failed = [r for r in results if r.status == "failed"]
        if failed:
            sys.exit(f"ingest failed: {failed[0].path}: {failed[0].message}")

    def fresh_home(n: int) -> None:
        """Point the vault and the database at an empty vault and a migrated copy of the database."""
        home = work / f"round-{n}"
        home.mkdir()
        shutil.copyfile(template, home / "db.sqlite3")
        settings.LITOPYS_VAULT["OPTIONS"]["root"] = str(home / "vault")
        settings.DATABASES["default"]["NAME"] = str(home / "db.sqlite3")
        connection.settings_dict["NAME"] = str(home / "db.sqlite3")

    names = ("sha256sum", "cp + sync", "ingest")
    times: dict[str, list[float]] = {name: [] for name in names}
    print(f"MB/s per round ({len(paths)} files, {megabytes:.0f} MB):")
    print(f"  {'round':<8}" + "".join(f"{name:>12}" for name in names))
    for n in range(1, args.rounds + 1):
        times["sha256sum"].append(timed(sha256sum))
        times["cp + sync"].append(timed(cp_sync))
        shutil.rmtree(copy)
        fresh_home(n)
        times["ingest"].append(timed(ingest))
        connection.close()
        shutil.rmtree(work / f"round-{n}")
        print(f"  {n:<8}" + "".join(f"{megabytes / times[name][-1]:12.0f}" for name in names), flush=True)
    rate = {name: megabytes / statistics.median(values) for name, values in times.items()}
    print("median:")
    for name, value in rate.items():
        print(f"  {name:<26} {value:8.0f} MB/s")
    print("targets:")
    print(f"  ingest / sha256sum         {rate['ingest'] / rate['sha256sum']:8.2f}x  (target >= 1.2x)")
    print(f"  ingest / (cp + sync)       {rate['ingest'] / rate['cp + sync']:8.2f}x  (target >= 0.7x)")
    if not args.dir:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
