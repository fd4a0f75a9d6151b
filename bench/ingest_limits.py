"""Time and peak memory of `litopys ingest` on hostile web archives, beside a normal archive of the same size.

    .venv/bin/python bench/ingest_limits.py [--dir DIR] [--record-gib 2] [--reading-only]

Each input is ingested by `litopys ingest` in a child process with a fresh home (a migrated copy of one
database), and the child's wall time and peak resident memory are printed beside those of a normal
archive (synthetic English pages, one gzip member per record) of the same byte count, as ratios. A second
table does the same for reading alone (`iter_captures` over the file, no database). It measures; it
asserts nothing. The inputs are built streaming by `tests/evidence/bombs.py`.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.evidence import bombs  # noqa: E402 - the repository root is put on the path first

MIB = bombs.MIB
READ_ONLY = """
import sys
from litopys.evidence.limits import Refused
from litopys.evidence.webarchive import WebArchiveError, iter_captures
count, skipped, outcome = 0, 0, "read to the end"
try:
    with open(sys.argv[1], "rb") as handle:
        for capture in iter_captures(handle):
            count += 1
            skipped += bool(capture.skipped)
except (WebArchiveError, Refused) as exc:
    outcome = f"{type(exc).__name__}: {exc}"
print(f"{count} captures ({skipped} skipped); {outcome}")
"""


def measure(target: str, args: list[str], env: dict, work: Path) -> tuple[float, int, str]:
    """Run `python -m target args` (or a script); return (wall seconds, peak resident bytes, what it said)."""
    peak = work / "peak.txt"
    start = time.perf_counter()
    output = subprocess.run(bombs.peak_command(peak, target, *args), env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT).stdout
    elapsed = time.perf_counter() - start
    lines = [line.strip() for line in output.decode(errors="replace").splitlines() if line.strip()]
    said = [line.lstrip("! ") for line in lines if line.startswith("!")] or lines[-1:]
    return elapsed, bombs.read_peak(peak), said[0] if said else ""


def ingest(path: Path, template: Path, work: Path) -> tuple[float, int, str]:
    home = work / f"home-{path.name}"
    shutil.rmtree(home, ignore_errors=True)
    shutil.copytree(template, home)
    env = {**os.environ, "LITOPYS_HOME": str(home), "LITOPYS_CLI_LANGUAGE": "en"}
    env.pop("DATABASE_URL", None)
    try:
        return measure("litopys", ["ingest", str(path)], env, work)
    finally:
        shutil.rmtree(home, ignore_errors=True)


def read_only(path: Path) -> tuple[float, int, str]:
    script = path.parent / "read_only.py"
    script.write_text(READ_ONLY)
    return measure(str(script), [str(path)], {**os.environ, "DJANGO_SETTINGS_MODULE": ""}, path.parent)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", default=None, help="working folder (default: a temporary one under /tmp)")
    parser.add_argument("--record-gib", type=int, default=2, help="size of the one-record bomb (default 2 GiB)")
    parser.add_argument("--reading-only", action="store_true",
                        help="skip `litopys ingest` (the references take minutes: every page is processed)")
    args = parser.parse_args()
    work = Path(args.dir or tempfile.mkdtemp(prefix="litopys-limits-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"building inputs in {work} …", file=sys.stderr)
    inputs = {
        f"one {args.record_gib} GiB record (.warc.gz)": bombs.zero_record_warc_gz(
            work / "one-record.warc.gz", args.record_gib * 1024 * MIB),
        "WACZ holding 100 MB of zeros": bombs.zeros_wacz(work / "zeros.wacz"),
        "WARC header, then 2 MiB of random bytes": bombs.header_then_garbage(work / "garbage.warc"),
        "a 2 MiB line that never ends": bombs.endless_line(work / "endless.warc", 2 * MIB),
        "a page gzip-inflating to 1 GiB": bombs.http_gzip_bomb(work / "inflating.warc"),
    }
    references: dict[Path, Path] = {}
    template = work / "template"
    if not args.reading_only:
        env = {**os.environ, "LITOPYS_HOME": str(template), "LITOPYS_CLI_LANGUAGE": "en"}
        env.pop("DATABASE_URL", None)
        subprocess.run([sys.executable, "-m", "litopys", "migrate", "--verbosity", "0"], env=env, check=True)
    made: list[Path] = []
    for path in inputs.values():
        size = bombs.size_of(path)
        # One reference per size, reused for inputs within 10 % of it.
        near = [ref for ref in made if abs(bombs.size_of(ref) - size) <= size / 10]
        if not near:
            made.append(bombs.pages_warc_gz(work / f"reference-{size}.warc.gz", size))
            near = made[-1:]
        references[path] = near[0]
    tables = [("reading only (iter_captures, no database)", read_only)]
    if not args.reading_only:
        tables.insert(0, ("litopys ingest (a new process, a fresh home each)", lambda p: ingest(p, template, work)))
    for title, measure_one in tables:
        cache: dict[Path, tuple] = {}

        def run(path, measure_one=measure_one, cache=cache):
            if path not in cache:
                cache[path] = measure_one(path)
            return cache[path]

        print(f"\n{title}")
        print(f"{'input':42} {'bytes':>10} {'time s':>8} {'peak MiB':>9} | {'ref time':>9} {'ref MiB':>8} | "
              f"{'time ×':>7} {'memory ×':>8}  outcome")
        for name, path in inputs.items():
            size = bombs.size_of(path)
            seconds, peak, outcome = run(path)
            ref_seconds, ref_peak, _ = run(references[path])
            print(f"{name:42} {size:>10} {seconds:>8.2f} {peak / MIB:>9.0f} | {ref_seconds:>9.2f} "
                  f"{ref_peak / MIB:>8.0f} | {seconds / ref_seconds:>7.2f} {peak / ref_peak:>8.2f}  {outcome[:90]}")
    print("\nreading only, as the input grows (time should grow with the bytes, no faster)")
    print(f"{'input':42} {'bytes':>10} {'time s':>8} {'peak MiB':>9}  outcome")
    for mib in (2, 8, 32):
        for name, path in ((f"normal pages, {mib} MiB", bombs.pages_warc_gz(work / f"pages-{mib}.warc.gz", mib * MIB)),
                           (f"WARC header + {mib} MiB random bytes",
                            bombs.header_then_garbage(work / f"garbage-{mib}.warc", mib * MIB)),
                           (f"one {mib * 64} MiB record of zeros",
                            bombs.zero_record_warc_gz(work / f"zeros-{mib}.warc.gz", mib * 64 * MIB))):
            seconds, peak, outcome = read_only(path)
            print(f"{name:42} {bombs.size_of(path):>10} {seconds:>8.2f} {peak / MIB:>9.0f}  {outcome[:90]}")
    if not args.dir:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
