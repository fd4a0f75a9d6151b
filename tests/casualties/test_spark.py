"""The same model on Spark (local[*]) gives the same clusters as on DuckDB (small: Spark starts a JVM)."""

import pytest

from litopys.casualties import synthetic
from litopys.casualties.linkage import link


@pytest.mark.slow
@pytest.mark.no_database  # linkage in memory: the PostgreSQL pass need not run Spark again
def test_spark_gives_the_same_clusters_as_duckdb():
    pytest.importorskip("pyspark")
    people = synthetic.population(60, seed=5)
    records, truth = synthetic.link_records(synthetic.lists(people, seed=5))
    duckdb = link(records, engine="duckdb")
    spark = link(records, engine="spark")
    assert sorted(c.members for c in spark.clusters) == sorted(c.members for c in duckdb.clusters)
    linked = [c.members for c in spark.clusters if len(c.members) > 1]
    assert linked and synthetic.pairwise_scores([c.members for c in spark.clusters], truth)["precision"] > 0.9
    # The same model: the same pairs, most with the same probability (to 0.01). DuckDB's Jaro-Winkler and the one
    # splink ships for Spark differ slightly, so a pair whose names sit at a level's boundary can differ.
    ours = {(p.left, p.right): p.match_probability for p in duckdb.pairs}
    theirs = {(p.left, p.right): p.match_probability for p in spark.pairs}
    assert set(ours) == set(theirs)
    same = sum(abs(ours[pair] - theirs[pair]) < 0.01 for pair in ours)
    assert same >= 0.9 * len(ours), f"{same} of {len(ours)} pairs scored alike"
