"""Linking list records: planted matches across scripts found, reviewed decisions winning over the model."""

import json
from collections import defaultdict

import pytest
from django.core.management import call_command

from litopys.casualties import synthetic
from litopys.casualties.linkage import Constraints, LinkRecord, link
from litopys.casualties.linkage.clustering import cluster
from litopys.casualties.linking import LinkingError, link_records
from litopys.casualties.models import Cluster, LinkedPair, LinkRun


def test_clusters_respect_reviewed_people():
    edges = [(1, 2, 0.99), (2, 3, 0.98), (3, 4, 0.97)]
    clusters, _ = cluster([1, 2, 3, 4, 5], edges)
    assert [c.members for c in clusters] == [[1, 2, 3, 4], [5]]
    # Reviewers said 1 and 4 are different people, and that 5 is the same person as 4.
    clusters, inside = cluster([1, 2, 3, 4, 5], edges, Constraints({1: 10, 4: 20, 5: 20}))
    assert [c.members for c in clusters] == [[1, 2, 3], [4, 5]]
    assert [c.victim for c in clusters] == [10, 20] and (3, 4) not in inside
    assert clusters[0].match_probability == 0.98 and clusters[1].match_probability is None


def _people():
    """Four invented people, each written in Ukrainian, Russian and Latin letters — with list errors."""
    rows = [
        ("exhumation", "Іваненко", "Сергій", "Петрович", "male", 1978, "м. Ізюм", "12"),
        ("morgue", "Иваненко", "Сергей", "Петрович", "male", 1978, "г. Изюм", "12"),
        ("relatives", "Ivanenko", "Serhiy", "", "male", 1978, "Izium", ""),
        ("exhumation", "Коваль", "Марія", "Іванівна", "female", 1951, "м. Ізюм", "13"),
        ("morgue", "Коваль", "Мария", "Ивановна", "female", 1951, "г. Изюм", ""),
        ("relatives", "Mariia", "Koval", "", "female", 1951, "Izium", ""),  # given name first
        ("exhumation", "Шевчук", "Олександр", "Миколайович", "male", 1990, "м. Балаклія", "14"),
        ("morgue", "Шевчук", "Александр", "", "male", 1990, "г. Балаклея", ""),
        ("relatives", "Shevchuk", "Oleksandr", "", "male", 1990, "Balakliia", ""),
        ("exhumation", "Ткачук", "Надія", "Степанівна", "female", 1966, "м. Ізюм", "15"),
        ("morgue", "Ткачюк", "Надежда", "Степановна", "female", 1966, "г. Изюм", ""),  # a typo
        ("relatives", "Tkachuk", "Nadiia", "", "female", 1966, "Izium", ""),
    ]
    from datetime import date

    people = synthetic.population(300, seed=11)  # others, so that the model has non-matches to learn from
    tables = synthetic.lists(people, seed=11, coverage={"exhumation": 0.8, "morgue": 0.6, "relatives": 0.4})
    records, truth = synthetic.link_records(tables)
    planted = {}
    for index, (list_name, surname, given, patronymic, sex, year, place, body) in enumerate(rows):
        record = LinkRecord(id=10_000 + index, list=list_name, row=5_000 + index, surname=surname, given_name=given,
                            patronymic=patronymic, sex=sex, birth_date=date(year, 3, 4), birth_precision="exact",
                            death_date=date(2022, 4, 2), death_precision="exact", place_text=place, body_number=body)
        if list_name == "relatives" and given in ("Koval",):
            record.surname, record.given_name = given, surname
        records.append(record)
        planted[record.id] = index // 3
    return records, truth, planted


def test_duckdb_finds_the_planted_matches_across_scripts():
    records, truth, planted = _people()
    result = link(records, engine="duckdb")
    cluster_of = {m: c.number for c in result.clusters for m in c.members}
    people = defaultdict(set)
    for record_id, person in planted.items():
        people[person].add(cluster_of[record_id])
    assert all(len(clusters) == 1 for clusters in people.values()), people
    assert len({next(iter(c)) for c in people.values()}) == 4  # four people, not one
    scores = synthetic.pairwise_scores([c.members for c in result.clusters if c.members[0] < 10_000], truth)
    assert scores["precision"] > 0.95 and scores["recall"] > 0.8, scores
    pair = next(p for p in result.pairs if {p.left, p.right} == {10_000, 10_001})
    from litopys.casualties.linkage.run import explain

    assert explain(pair.weights, result.model)["name"][0] == "same person key" and pair.weights["name"] > 0
    assert result.model["comparisons"] and result.records == len(records)


@pytest.mark.django_db
def test_link_command_stores_the_run_and_prints_json(imported, capsys, truth):
    call_command("casualties", "link", "--format", "json")
    output = json.loads(capsys.readouterr().out)
    assert output["lists"] == ["exhumation", "morgue", "police"] and output["records"] == sum(
        r.rows for r in imported)
    run = LinkRun.objects.get()
    assert run.clusters == len(output["clusters"]) == Cluster.objects.filter(run=run).count()
    linked = [c for c in output["clusters"] if len(c["records"]) > 1]
    assert linked and all(run.threshold <= c["match_probability"] <= 1 for c in linked)
    right = sum(len({truth[(r["list"], r["row"])] for r in c["records"]}) == 1 for c in linked)
    assert right / len(linked) > 0.9
    assert LinkedPair.objects.filter(cluster__run=run).exists()


@pytest.mark.django_db
def test_reviewed_merges_and_splits_win_on_the_next_run(imported, reviewer, second_reviewer):
    from litopys.casualties import actions
    from litopys.casualties.models import ListRecord

    run, output = link_records()
    two = [c for c in Cluster.objects.filter(run=run, size__gte=2)][:2]
    # Reviewers: the first cluster is one person, but its records are in fact two people; the second is a
    # person whom one lone record also belongs to.
    first_ids = sorted(two[0].records.values_list("pk", flat=True))
    proposal = actions.propose_accept(two[0], reviewer)
    victim = actions.confirm(proposal, second_reviewer)[0]
    split = actions.propose_split(victim, [first_ids[:1], first_ids[1:]], reviewer, "different fathers' names")
    actions.confirm(split, second_reviewer)
    loner = ListRecord.objects.exclude(clusters__size__gte=2).order_by("pk").first()
    merge = actions.propose(
        "merge" if False else "accept", [list(two[1].records.values_list("pk", flat=True)) + [loner.pk]], reviewer)
    actions.confirm(merge, second_reviewer)
    run2, _ = link_records()
    cluster_of = {r: c.number for c in Cluster.objects.filter(run=run2) for r in c.records.values_list("pk", flat=True)}
    assert cluster_of[first_ids[0]] != cluster_of[first_ids[1]]
    assert cluster_of[loner.pk] == cluster_of[two[1].records.first().pk]


@pytest.mark.django_db
def test_link_errors_are_one_line(db):
    with pytest.raises(LinkingError, match="no list records"):
        link_records()
    with pytest.raises(LinkingError, match="between 0 and 1"):
        link_records(threshold=2)


def test_engine_setting(settings):
    from litopys.casualties.linking import engine_setting

    settings.LITOPYS_LINKAGE_ENGINE = "spark"
    assert engine_setting() == "spark"
    settings.LITOPYS_LINKAGE_ENGINE = "hadoop"
    with pytest.raises(LinkingError, match="LITOPYS_LINKAGE_ENGINE='hadoop'"):
        engine_setting()


def test_a_run_that_would_compare_too_many_pairs_is_refused_before_it_starts():
    from litopys.casualties.linkage.features import to_arrow
    from litopys.casualties.linkage.run import TooManyPairs, check_blocks

    same = [LinkRecord(id=i, list="x", row=i, surname="Коваль", given_name="Марія") for i in range(1, 301)]
    assert check_blocks(to_arrow(same), limit=10**6) >= 300 * 299 // 2
    with pytest.raises(TooManyPairs, match="300 records share person_key = mariia koval"):
        check_blocks(to_arrow(same), limit=1000)


def test_labelled_pairs_estimate_m_when_there_are_enough():
    people = synthetic.population(200, seed=13)
    records, truth = synthetic.link_records(synthetic.lists(people, seed=13))
    by_person = defaultdict(list)
    for record_id, person in truth.items():
        by_person[person].append(record_id)
    labels = [(ids[0], ids[1], True) for ids in by_person.values() if len(ids) > 1][:40]
    result = link(records, labels=labels)
    assert result.labelled_pairs == len(labels) >= 20
    assert synthetic.pairwise_scores([c.members for c in result.clusters], truth)["precision"] > 0.95


@pytest.mark.django_db
def test_labels_file_names_rows_and_bad_lines_say_so(imported, tmp_path):
    from litopys.casualties.linking import read_labels
    from litopys.casualties.models import ListRecord

    good = tmp_path / "labels.csv"
    good.write_text("list,row,other_list,other_row,match\nexhumation,1,morgue,2,1\npolice,3,morgue,4,0\n")
    labels = read_labels(str(good))
    first = ListRecord.objects.get(victim_list__name="exhumation", row=1).pk
    assert labels[0][0] == first and labels[0][2] is True and labels[1][2] is False
    bad = tmp_path / "bad.csv"
    bad.write_text("exhumation,1,morgue,9999,1\n")
    with pytest.raises(LinkingError, match="line 1"):
        read_labels(str(bad))
