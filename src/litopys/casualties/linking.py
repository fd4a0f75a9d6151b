"""Run the linkage over every stored list record and keep the result: a LinkRun, its clusters and pairs."""

from __future__ import annotations

import csv
import getpass
import os
from collections import Counter

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from litopys.casualties.linkage import Constraints, LinkRecord, link
from litopys.casualties.linkage.engines import ENGINES, EngineError
from litopys.casualties.linkage.run import DEFAULT_THRESHOLD, TooManyPairs
from litopys.casualties.models import Cluster, LinkedPair, LinkRun, ListRecord, VictimList

BATCH = 5000
DEFAULT_ENGINE = "duckdb"
DEFAULT_SPARK_MASTER = "local[*]"


class LinkingError(ValueError):
    """Linkage cannot run as asked; the message says the fix."""


def engine_setting() -> str:
    """Return the engine LITOPYS_LINKAGE_ENGINE names (Django setting, else environment), default duckdb."""
    value = getattr(settings, "LITOPYS_LINKAGE_ENGINE", None) or os.environ.get("LITOPYS_LINKAGE_ENGINE", "")
    value = (value or DEFAULT_ENGINE).strip().lower()
    if value not in ENGINES:
        raise LinkingError(f"LITOPYS_LINKAGE_ENGINE={value!r} is not an engine; set it to duckdb or spark")
    return value


def spark_master_setting() -> str:
    """Return LITOPYS_SPARK_MASTER: local[*] (this machine's cores) or spark://host:7077 for a cluster."""
    return (getattr(settings, "LITOPYS_SPARK_MASTER", None) or os.environ.get("LITOPYS_SPARK_MASTER", "")
            or DEFAULT_SPARK_MASTER)


def link_inputs() -> tuple[list[LinkRecord], Constraints]:
    """Return every list record as the linkage sees it, and the reviewed victims as constraints."""
    references = _reference_years()
    distinct = {str(pk) for pk in VictimList.objects.filter(one_row_per_person=True).values_list("pk", flat=True)}
    fields = ["pk", "victim_list_id", "victim_list__name", "row", "surname", "given_name", "patronymic", "sex",
              "birth_date", "birth_precision", "age_min", "age_max", "death_date", "death_precision", "place_text",
              "body_number", "victim_id"]
    records, constraints = [], Constraints(one_row_per_person=distinct)
    for values in ListRecord.objects.order_by("pk").values_list(*fields).iterator(chunk_size=BATCH):
        (pk, list_id, list_name, row, surname, given, patronymic, sex, birth, birth_precision, age_min, age_max,
         death, death_precision, place_text, body_number, victim_id) = values
        records.append(LinkRecord(pk, list_name, row, surname, given, patronymic, sex, birth, birth_precision,
                                  age_min, age_max, death, death_precision, place_text, body_number,
                                  references.get(list_id)))
        if victim_id is not None:
            constraints.victim_of[pk] = victim_id
        if distinct:
            constraints.list_of[pk] = str(list_id)  # a file of the list: its next version may repeat a person
    return records, constraints


def _reference_years() -> dict[int, int | None]:
    """Return the year each list's ages refer to: its own, else the most common year of death on all lists.

    An exhumation list often gives ages and no dates of death; the year it was made is then best told by
    the deaths the other lists record. Only when no list has a date of death is the import year used.
    """
    from django.db.models import Count
    from django.db.models.functions import ExtractYear

    common = (ListRecord.objects.exclude(death_date=None).annotate(year=ExtractYear("death_date"))
              .values("year").annotate(n=Count("pk")).order_by("-n", "-year").first())
    years = {}
    for victim_list in VictimList.objects.all():
        years[victim_list.pk] = (victim_list.reference_year or (common["year"] if common else None)
                                 or victim_list.imported_at.year)
    return years


def read_labels(path: str) -> list[tuple[int, int, bool]]:
    """Read labelled pairs from CSV (list,row,other_list,other_row,match) into record id pairs."""
    if not path:
        return []
    ids = {(name, row): pk for pk, name, row in ListRecord.objects.values_list("pk", "victim_list__name", "row")}
    labels = []
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            for number, line in enumerate(csv.reader(handle), start=1):
                if number == 1 and line and not line[1].strip().isdigit():
                    continue  # a header
                try:
                    left, right = ids[(line[0].strip(), int(line[1]))], ids[(line[2].strip(), int(line[3]))]
                    labels.append((left, right, line[4].strip().lower() in ("1", "true", "yes", "match")))
                except (IndexError, ValueError, KeyError):
                    raise LinkingError(f"--labels {path}, line {number}: {','.join(line)!r} is not "
                                       "list,row,other_list,other_row,match naming two imported rows") from None
    except OSError as exc:
        raise LinkingError(f"--labels {path} cannot be read ({exc.strerror}); check the path") from None
    return labels


def link_records(engine: str | None = None, threshold: float | None = None, labels_file: str = "",
                 started_by: str = "") -> tuple[LinkRun, dict]:
    """Link every list record, store the run, and return it with its JSON output."""
    engine = (engine or engine_setting()).lower()
    if engine not in ENGINES:
        raise LinkingError(f"--engine {engine!r} is not an engine; use duckdb or spark")
    threshold = DEFAULT_THRESHOLD if threshold is None else threshold
    if not 0 < threshold < 1:
        raise LinkingError(f"--threshold {threshold} must be a probability between 0 and 1, e.g. 0.9")
    records, constraints = link_inputs()
    if not records:
        raise LinkingError("there are no list records to link; import a list first (litopys casualties import)")
    labels = read_labels(labels_file)
    try:
        result = link(records, engine=engine, threshold=threshold, constraints=constraints, labels=labels,
                      spark_master=spark_master_setting())
    except (EngineError, TooManyPairs) as exc:
        raise LinkingError(str(exc)) from None
    run = store(result, started_by or _user())
    return run, output(run, result, records)


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def store(result, started_by: str) -> LinkRun:
    """Keep a link run: its model, its clusters (with their records) and the pairs inside them."""
    with transaction.atomic():
        run = LinkRun.objects.create(engine=result.engine, threshold=result.threshold, started_by=started_by[:200],
                                     records=result.records, clusters=len(result.clusters), lists=result.lists,
                                     model=result.model, labelled_pairs=result.labelled_pairs)
        Cluster.objects.bulk_create(
            [Cluster(run=run, number=c.number, size=len(c.members), match_probability=c.match_probability,
                     victim_id=c.victim) for c in result.clusters], batch_size=BATCH)
        ids = dict(Cluster.objects.filter(run=run).values_list("number", "pk"))
        through = Cluster.records.through
        of_record = {}
        rows = []
        for c in result.clusters:
            for member in c.members:
                of_record[member] = ids[c.number]
                rows.append(through(cluster_id=ids[c.number], listrecord_id=member))
                if len(rows) >= BATCH:
                    through.objects.bulk_create(rows)
                    rows = []
        through.objects.bulk_create(rows)
        LinkedPair.objects.bulk_create(
            [LinkedPair(cluster_id=of_record[p.left], left_id=p.left, right_id=p.right,
                        match_probability=p.match_probability, match_weight=p.match_weight, weights=p.weights)
             for p in result.pairs], batch_size=BATCH)
        run.finished_at = timezone.now()
        run.save(update_fields=["finished_at"])
    return run


def output(run: LinkRun, result, records: list[LinkRecord]) -> dict:
    """Return the run as the command prints it: clusters of (list, row), with their match probability."""
    where = {r.id: {"list": r.list, "row": r.row} for r in records}
    return {
        "run": run.pk,
        "engine": run.engine,
        "threshold": run.threshold,
        "clusters": [{"id": c.number, "records": [where[m] for m in c.members],
                      "match_probability": None if c.match_probability is None else round(c.match_probability, 4),
                      **({"victim": c.victim} if c.victim else {})} for c in result.clusters],
        "records": result.records,
        "lists": result.lists,
        "records_per_list": dict(Counter(r.list for r in records)),
    }
