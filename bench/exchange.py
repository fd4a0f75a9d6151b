"""Benchmark the exchange: a large public dataset exported to CSV and GeoJSON, and an evidence package built and
verified against `sha256sum` of the same files.

    .venv/bin/python bench/exchange.py [--incidents 10000] [--package-mib 1024] [--rounds 3] [--dir DIR]

Prints rows/s for the dataset formats and MB/s for building (`litopys export package`) and verifying
(`litopys verify-package`) a package, with their ratio to `sha256sum` (the issue's target: building at least
0.8× sha256sum). It measures; it asserts nothing. Everything it makes is synthetic.
"""

import argparse
import io
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ingest import generate  # noqa: E402


def setup(home: Path) -> None:
    os.environ["LITOPYS_HOME"] = str(home)
    for name in ("DATABASE_URL", "LITOPYS_VAULT_ROOT", "LITOPYS_VAULT_OPTIONS"):
        os.environ.pop(name, None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "litopys.core.settings"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)


def seconds(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def bench_dataset(count: int, work: Path) -> None:
    from litopys.exchange.datasets.export import export_dataset
    from litopys.incidents.models import Incident, Site
    from litopys.places.loading import ensure_place

    izium = ensure_place(707292)
    start = date(2022, 3, 1)
    Incident.objects.bulk_create(
        Incident(slug=f"synthetic-{n:06d}", title=f"Synthetic incident {n}", type="shelling", place=izium,
                 start_date=start + timedelta(days=n % 300), status="published",
                 description="Synthetic description for the benchmark.") for n in range(count))
    Site.objects.bulk_create(
        Site(name=f"Synthetic site {n}", kind="mass_grave", place=izium, latitude=49.2 + n / 1e6, longitude=37.3,
             incident=incident) for n, incident in enumerate(Incident.objects.all()[: count // 10]))
    print(f"dataset: {count} published incidents, {count // 10} sites")
    for format in ("csv", "geojson"):
        target = work / f"dataset-{format}"
        took = seconds(lambda format=format, target=target: export_dataset(
            format, to=str(target if format == "csv" else target.with_suffix(".geojson")), stdout=io.BytesIO()))
        print(f"  export {format:8} {took:6.2f} s  {count / took:8.0f} incidents/s")


def bench_package(mib: int, work: Path, rounds: int) -> None:
    from django.contrib.auth import get_user_model

    from litopys.evidence.custody import checkpoint
    from litopys.evidence.ingest import SourceFacts, ingest_paths
    from litopys.exchange.actions import export_package
    from litopys.exchange.packages.contents import Scope
    from litopys.exchange.packages.verify import verify_package

    paths = generate(work / "corpus", mib, 1, 16)
    results = list(ingest_paths([str(p) for p in paths], SourceFacts(collected_by="bench", sensitivity="public")))
    checkpoint()
    megabytes = sum(p.stat().st_size for p in paths) / 1e6
    admin = get_user_model().objects.create_superuser("bench-admin", password="synthetic-pass-123")
    print(f"package: {len(paths)} items, {megabytes:.0f} MB; {rounds} rounds, taking turns, the median counts")
    scope = Scope(sources=[r.source_id for r in results])
    times = {"sha256sum": [], "export package": [], "verify-package": []}
    for turn in range(rounds):
        target = work / f"package-{turn}"
        subprocess.run(["sync"], check=True)
        times["sha256sum"].append(seconds(lambda: subprocess.run(["sha256sum", *map(str, paths)], check=True,
                                                                 stdout=subprocess.DEVNULL)))
        times["export package"].append(seconds(lambda target=target: export_package(scope, admin, "benchmark",
                                                                                    target)))
        subprocess.run(["sync"], check=True)
        times["verify-package"].append(seconds(lambda target=target: verify_package(target)))
        print("  round", turn + 1, "  ".join(f"{name} {values[-1]:.2f} s" for name, values in times.items()))
        shutil.rmtree(target)
    hashed = statistics.median(times["sha256sum"])
    for name, values in times.items():
        took = statistics.median(values)
        print(f"  {name:15} {took:6.2f} s  {megabytes / took:7.0f} MB/s  ({hashed / took:.2f}× sha256sum)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--incidents", type=int, default=10000)
    parser.add_argument("--package-mib", type=int, default=1024)
    parser.add_argument("--rounds", type=int, default=3, help="turns each contender takes (default 3)")
    parser.add_argument("--dir", default=None, help="working folder (default: a temporary one under /tmp)")
    args = parser.parse_args()
    work = Path(args.dir or tempfile.mkdtemp(prefix="litopys-bench-exchange-"))
    try:
        setup(work / "home")
        bench_dataset(args.incidents, work)
        bench_package(args.package_mib, work, args.rounds)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
