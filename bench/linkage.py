"""Benchmark record linkage on SYNTHETIC victim lists with a known truth.

    .venv/bin/python bench/linkage.py --records 100000
    .venv/bin/python bench/linkage.py --records 1000000 --threads 2
    .venv/bin/python bench/linkage.py --records 5000 --compare-spark

Generates an invented population (SYNTHETIC: names from casualties/data/synthetic_names.yaml), writes it
onto four lists the way such lists are written (Ukrainian, Russian, Latin letters; typos, swapped order,
missing patronymics, estimated ages, dates a few days off, unnamed bodies), links them, and prints pairwise
precision, recall and F1 against the truth, records per second, and the documented count (clusters of
more than one list record, plus singletons) against the known population. Asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "litopys.core.settings")

#: Records per person over the four lists (their coverage added up); the population is sized from it.
RECORDS_PER_PERSON = 0.85 + 0.6 + 0.5 + 0.35


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000, help="about how many list records to link")
    parser.add_argument("--engine", choices=["duckdb", "spark"], default="duckdb")
    parser.add_argument("--threshold", type=float, default=None)
    parser.add_argument("--threads", type=int, default=None, help="DuckDB threads (default: all cores)")
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--compare-spark", action="store_true",
                        help="link the same records on DuckDB and on Spark (local[*]) and compare the clusters")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--duplicates-in-lists", action="store_true",
                        help="do not declare exhumation, police and morgue one row per person")
    args = parser.parse_args()

    from litopys.casualties import synthetic
    from litopys.casualties.linkage import Constraints, link
    from litopys.casualties.linkage.run import DEFAULT_THRESHOLD

    threshold = args.threshold or DEFAULT_THRESHOLD
    if args.threads:
        _limit_duckdb_threads(args.threads)
    started = time.perf_counter()
    people = synthetic.population(round(args.records / RECORDS_PER_PERSON), seed=args.seed)
    tables = synthetic.lists(people, seed=args.seed)
    records, truth = synthetic.link_records(tables)
    generated = time.perf_counter() - started
    print(f"SYNTHETIC: {len(people)} invented people → {len(records)} list records "
          f"({', '.join(f'{name} {len(rows)}' for name, (_, rows, _) in tables.items())}) in {generated:.1f} s",
          file=sys.stderr)

    constraints = Constraints()
    if not args.duplicates_in_lists:  # relatives' reports may name one person twice; the others hold each once
        constraints = Constraints(one_row_per_person={"exhumation", "police", "morgue"},
                                  list_of={r.id: r.list for r in records})
    started = time.perf_counter()
    result = link(records, engine=args.engine, threshold=threshold, seed=args.seed, constraints=constraints)
    seconds = time.perf_counter() - started
    clusters = [c.members for c in result.clusters]
    scores = synthetic.pairwise_scores(clusters, truth)
    figures = {
        "engine": args.engine, "records": len(records), "threshold": threshold,
        "precision": round(scores["precision"], 4), "recall": round(scores["recall"], 4), "f1": round(scores["f1"], 4),
        "seconds": round(seconds, 1), "records_per_second": round(len(records) / seconds),
        "documented_count": len(clusters), "population_on_lists": len(set(truth.values())),
        "population": len(people), "peak_memory_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
        "linked_pairs": len(result.pairs), "stages": result.timings,
    }
    if args.compare_spark:
        started = time.perf_counter()
        spark = link(records, engine="spark", threshold=threshold, seed=args.seed, constraints=constraints)
        figures["spark_seconds"] = round(time.perf_counter() - started, 1)
        ours = sorted(tuple(c.members) for c in result.clusters)
        theirs = sorted(tuple(c.members) for c in spark.clusters)
        figures["spark_same_clusters"] = ours == theirs
        figures["spark_clusters_differing"] = len(set(ours) ^ set(theirs))
    if args.json:
        print(json.dumps(figures))
        return
    for name, value in figures.items():
        print(f"{name:>22}  {value}")


def _limit_duckdb_threads(threads: int) -> None:
    """Run DuckDB on `threads` cores, as on a two-core machine."""
    import duckdb
    from splink import DuckDBAPI

    from litopys.casualties.linkage import engines

    def database_api(engine, spark_master="local[*]"):
        if engine != "duckdb":
            return original(engine, spark_master)
        connection = duckdb.connect(":memory:")
        connection.execute(f"SET threads TO {threads}")
        return DuckDBAPI(connection)

    original = engines.database_api
    engines.database_api = database_api
    import litopys.casualties.linkage.run as run

    run.database_api = database_api


if __name__ == "__main__":
    main()
