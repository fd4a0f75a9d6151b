"""The seed article and the police statement carried through ingest, extraction and reconciliation."""

import json
from datetime import date

import pytest
from django.core.management import call_command

from litopys.evidence.ingest import SourceFacts, ingest_paths
from litopys.incidents.models import Claim
from litopys.places.loading import load_places

pytestmark = pytest.mark.django_db


@pytest.fixture
def dossier(vault, samples):
    load_places()
    for name, kind, publisher in (("seed-article.txt", "article", "War in Ukraine chronicle"),
                                  ("izium-police-2022-09-23.txt", "official_statement", "National Police")):
        facts = SourceFacts(kind=kind, publisher=publisher, published=date(2022, 9, 23),
                            collected_by="tester", sensitivity="public")
        [result] = ingest_paths([str(samples / name)], facts)
        assert result.status == "new", result
    return samples


def figures(capsys, *args):
    call_command("figures", *args, "--format", "json")
    return json.loads(capsys.readouterr().out)["figures"]


def cell(figs, kind, **qualifiers):
    matches = [f for f in figs if f["kind"] == kind and f["qualifiers"] == qualifiers]
    assert len(matches) == 1, (kind, qualifiers, figs)
    return matches[0]


def test_izium_bodies_are_corroborated_by_two_origins(dossier, capsys):
    figs = figures(capsys, "--place", "Izium")
    total = cell(figs, "bodies")
    assert total["place"] == {"name": "Izium", "geonames_id": 707292}
    assert (total["min"], total["max"], total["best"]) == (447, 447, 447)
    assert total["origins"] == 2 and total["status"] == "corroborated"
    for qualifiers, value in (({"age": "child"}, 5), ({"sex": "female"}, 215), ({"sex": "male"}, 194)):
        part = cell(figs, "bodies", **qualifiers)
        assert part["best"] == value and part["origins"] == 2 and part["status"] == "corroborated", part
    assert not [f for f in figs if f["kind"] == "bodies" and f["flags"]], "the breakdown must raise no flag"


def test_corroboration_changes_claim_status_with_a_recorded_reason(dossier):
    corroborated = Claim.objects.filter(kind="bodies", min=447, max=447)
    assert corroborated.count() == 2
    for claim in corroborated:
        assert claim.status == "corroborated"
        decision = claim.decisions.get()
        assert decision.action == "corroborate" and "independent origins" in decision.reason


def test_kind_filter_and_table_output(dossier, capsys):
    call_command("figures", "--kind", "torture_sites")
    out = capsys.readouterr().out
    assert "Torture sites" in out and "10" in out and "Bodies" not in out
    table, reference = out.splitlines()[1].rsplit("  ", 1)
    assert "torture_sites" not in table, "people read labels; the codes are only in the reference for posts"
    assert "torture_sites" in reference


def test_unknown_place_is_a_clear_error(dossier):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="no such place"):
        call_command("figures", "--place", "Atlantis")
