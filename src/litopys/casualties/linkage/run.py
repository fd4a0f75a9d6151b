"""One linkage: features, a model estimated from the data (EM, no labels needed), pairs, clusters."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable
from dataclasses import dataclass, field

from litopys.casualties.linkage import model
from litopys.casualties.linkage.clustering import ClusterResult, Constraints, cluster
from litopys.casualties.linkage.engines import database_api
from litopys.casualties.linkage.features import LinkRecord, to_arrow

DEFAULT_THRESHOLD = 0.5
#: Random pairs for the u probabilities; below this many records every pair is used, on any engine.
U_PAIRS = 1_000_000
#: Pairs one expectation-maximisation session looks at, at most.
EM_PAIRS = 1_000_000
#: Candidate pairs the blocking rules may generate at most; past it a run is refused before it starts.
MAX_PAIRS = 400_000_000
#: Labelled matching pairs needed before they replace the EM estimates of m.
MIN_LABELLED_MATCHES = 20


@dataclass
class Pair:
    left: int
    right: int
    match_probability: float
    match_weight: float
    weights: dict[str, float]  # comparison → weight in bits (`explain` names the level it came from)


@dataclass
class LinkResult:
    clusters: list[ClusterResult]
    pairs: list[Pair]
    model: dict
    records: int
    lists: list[str]
    engine: str
    threshold: float
    labelled_pairs: int = 0
    warnings: list[str] = field(default_factory=list)
    #: Seconds spent in each stage: features, training, prediction, clustering.
    timings: dict[str, float] = field(default_factory=dict)


def link(records: Iterable[LinkRecord], engine: str = "duckdb", threshold: float = DEFAULT_THRESHOLD,
         constraints: Constraints | None = None, labels: list[tuple[int, int, bool]] | None = None,
         spark_master: str = "local[*]", seed: int = 42) -> LinkResult:
    """Link records and cluster them; reviewed decisions (`constraints`) win over the model."""
    records = list(records)
    lists = sorted({r.list for r in records})
    if len(records) < 2:
        clusters, _ = cluster([r.id for r in records], [], constraints)
        return LinkResult(clusters, [], {}, len(records), lists, engine, threshold)
    logging.getLogger("splink").setLevel(logging.WARNING)
    clock, timings = time.perf_counter(), {}

    def lap(stage: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        timings[stage], clock = round(now - clock, 2), now

    api = database_api(engine, spark_master)
    from splink import Linker, block_on

    arrow = to_arrow(records)
    check_blocks(arrow)
    table = api.register(arrow, dataset_display_name="records")
    lap("features")
    linker = Linker(table, model.settings(), log_level=None)
    pairs_total = len(records) * (len(records) - 1) // 2
    warnings = _train(linker, block_on, pairs_total, seed)
    labelled = _use_labels(linker, api, labels or [], constraints)
    lap("training")
    predictions = linker.inference.predict(threshold_match_probability=threshold).as_pyarrow_table()
    lap("prediction")
    edges = _edges(predictions)
    clusters, inside = cluster([r.id for r in records], edges, constraints)
    lap("clustering")
    kept = _pairs(predictions, linker, inside)
    trained = linker.misc.save_model_to_json()
    lap("weights")
    return LinkResult(clusters, kept, trained, len(records), lists, engine, threshold, labelled, warnings, timings)


def _edges(table) -> list[tuple[int, int, float]]:
    left, right = table.column("unique_id_l").to_pylist(), table.column("unique_id_r").to_pylist()
    probability = table.column("match_probability").to_pylist()
    return [(min(a, b), max(a, b), p) for a, b, p in zip(left, right, probability, strict=True)]


class TooManyPairs(ValueError):
    """The blocking rules would compare more pairs than a run can; the message names the biggest block."""


def check_blocks(table, limit: int = MAX_PAIRS) -> int:
    """Count the pairs each blocking rule generates; refuse when all together pass `limit`."""
    total, biggest = 0, (0, (), ())
    for rule in model.BLOCKING_RULES:
        grouped = table.select(list(rule)).drop_null().group_by(list(rule)).aggregate([([], "count_all")])
        sizes = grouped.column("count_all").to_pylist()
        total += sum(n * (n - 1) // 2 for n in sizes)
        if sizes and max(sizes) > biggest[0]:
            index = sizes.index(max(sizes))
            biggest = (max(sizes), rule, tuple(grouped.column(c)[index].as_py() for c in rule))
    if total > limit:
        size, rule, value = biggest
        raise TooManyPairs(f"the lists would need {total:,} comparisons (over {limit:,}): {size:,} records share "
                           f"{' + '.join(rule)} = {' / '.join(map(str, value))}; check that column's mapping "
                           "(a constant or repeated value) or the rows themselves")
    return total


def _train(linker, block_on, pairs_total: int, seed: int) -> list[str]:
    linker.training.estimate_probability_two_random_records_match(
        [block_on(*rule) for rule in model.DETERMINISTIC_RULES], recall=model.DETERMINISTIC_RECALL)
    linker.training.estimate_u_using_random_sampling(max_pairs=min(U_PAIRS, max(pairs_total, 1)), seed=seed,
                                                     min_count_per_level=None)
    warnings = []
    for rule in model.TRAINING_RULES:
        try:
            linker.training.estimate_parameters_using_expectation_maximisation(
                block_on(*rule), max_pairs=EM_PAIRS if pairs_total > EM_PAIRS else None)
        except ValueError as exc:
            # On a few hundred records a level can end with no weight at all (m = 0), which splink refuses;
            # the session is skipped and the other sessions' estimates stand.
            warnings.append(f"expectation-maximisation on {' + '.join(rule)} skipped: {exc}")
    return warnings


def _use_labels(linker, api, labels: list[tuple[int, int, bool]], constraints: Constraints | None) -> int:
    """Estimate m from labelled matching pairs (given, and within reviewed victims) when there are enough."""
    pairs = [(min(a, b), max(a, b)) for a, b, match in labels if match and a != b]
    if constraints:
        by_victim: dict[int, list[int]] = {}
        for record, person in constraints.victim_of.items():
            by_victim.setdefault(person, []).append(record)
        for members in by_victim.values():
            members.sort()
            pairs += [(members[i], members[i + 1]) for i in range(len(members) - 1)]
    pairs = sorted(set(pairs))
    if len(pairs) < MIN_LABELLED_MATCHES:
        return len(pairs)
    import pyarrow as pa

    labels_table = pa.table({"unique_id_l": pa.array([a for a, _ in pairs], pa.int64()),
                             "unique_id_r": pa.array([b for _, b in pairs], pa.int64()),
                             "clerical_match_score": pa.array([1.0] * len(pairs), pa.float64())})
    registered = api.register(labels_table, dataset_display_name="labels")
    linker.training.estimate_m_from_pairwise_labels(registered)
    return len(pairs)


def _pairs(table, linker, inside: set[tuple[int, int]]) -> list[Pair]:
    """Read the scored pairs inside clusters, with each comparison's weight in bits (`explain` names the level)."""
    import pyarrow as pa

    left, right = table.column("unique_id_l").to_pylist(), table.column("unique_id_r").to_pylist()
    mask = [(min(a, b), max(a, b)) in inside for a, b in zip(left, right, strict=True)]
    table = table.filter(pa.array(mask, pa.bool_()))
    names = [name for name in model.comparison_names() if f"mw_{name}" in table.column_names]
    columns = [table.column(f"mw_{name}").to_pylist() for name in names]
    left, right = table.column("unique_id_l").to_pylist(), table.column("unique_id_r").to_pylist()
    probabilities = table.column("match_probability").to_pylist()
    weights = table.column("match_weight").to_pylist()
    pairs = []
    for i in range(table.num_rows):
        pairs.append(Pair(min(left[i], right[i]), max(left[i], right[i]), probabilities[i], weights[i],
                          {name: round(column[i], 2) for name, column in zip(names, columns, strict=True)
                           if column[i] is not None}))
    return pairs


def explain(weights: dict[str, float], trained: dict) -> dict[str, list]:
    """Name the level each comparison's weight came from: {"name": ["same person key", 12.6], …}."""
    import math

    named = {}
    for comparison in trained.get("comparisons", []):
        name = comparison.get("output_column_name")
        if name not in weights:
            continue
        weight = weights[name]
        levels = []
        for level in comparison.get("comparison_levels", []):
            m, u = level.get("m_probability"), level.get("u_probability")
            if level.get("is_null_level") or not m or not u:
                continue
            levels.append((level.get("label_for_charts") or level.get("sql_condition", ""), math.log2(m / u)))
        if weight == 0 or not levels:
            named[name] = ["no data", weight]
        else:
            named[name] = [min(levels, key=lambda lv: abs(lv[1] - weight))[0], weight]
    return named
