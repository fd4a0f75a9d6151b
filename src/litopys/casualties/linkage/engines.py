"""Where splink runs: DuckDB in this process, or Spark (local[*] or a spark:// cluster)."""

from __future__ import annotations

import tempfile

ENGINES = ("duckdb", "spark")


class EngineError(RuntimeError):
    """The engine cannot be started; the message says the fix."""


def database_api(engine: str, spark_master: str = "local[*]"):
    """Return splink's database API for an engine name."""
    if engine == "duckdb":
        from splink import DuckDBAPI

        return DuckDBAPI(":memory:")
    if engine == "spark":
        return _spark(spark_master)
    raise EngineError(f"linkage engine {engine!r} is unknown; use one of {', '.join(ENGINES)}")


def _spark(master: str):
    try:
        from pyspark.sql import SparkSession
        from splink import SparkAPI
        from splink.backends.spark import similarity_jar_location
    except ImportError as exc:
        raise EngineError(f"the Spark engine needs pyspark ({exc}); pip install pyspark, or use duckdb") from None
    try:
        spark = (SparkSession.builder.master(master).appName("litopys-linkage")
                 .config("spark.jars", similarity_jar_location())
                 .config("spark.sql.shuffle.partitions", "8")
                 .config("spark.default.parallelism", "8")
                 .config("spark.ui.enabled", "false")
                 .config("spark.driver.memory", "2g")
                 .getOrCreate())
    except Exception as exc:  # noqa: BLE001 - Java missing, master unreachable: one line, not a JVM trace
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise EngineError(f"Spark cannot start with master {master!r} ({first}); check Java 17 and "
                          "LITOPYS_SPARK_MASTER") from None
    spark.sparkContext.setLogLevel("ERROR")
    spark.sparkContext.setCheckpointDir(tempfile.mkdtemp(prefix="litopys-spark-"))
    return SparkAPI(spark_session=spark, break_lineage_method="persist")
