"""Claim-kind behaviour comes from the kinds vocabulary, not from kind names in the rules."""

from litopys import vocab
from litopys.extraction.claimkinds import GROUP_KINDS, SITE_KINDS, part_of, totals_of


def test_site_kinds_are_those_that_count_no_people():
    kinds = vocab.load("claim_kinds")
    assert SITE_KINDS == {code for code, entry in kinds.items() if entry["counts_people"] is False}
    assert {"torture_sites", "mass_graves", "graves", "area_km2", "attacks", "objects_damaged",
            "objects_destroyed"} == SITE_KINDS


def test_group_kinds_are_the_kinds_whose_unit_is_people():
    assert GROUP_KINDS == {"killed", "injured", "missing", "detained", "deported", "tortured"}


def test_the_dead_may_be_part_of_a_count_of_bodies():
    assert part_of("killed", "bodies") and not part_of("bodies", "killed") and not part_of("killed", "killed")
    assert totals_of("killed") == ("killed", "bodies") and totals_of("injured") == ("injured",)


def test_every_kind_says_whether_it_counts_people():
    for code, entry in vocab.load("claim_kinds").items():
        assert isinstance(entry.get("counts_people"), bool), code
        assert set(entry.get("part_of", ())) <= set(vocab.codes("claim_kinds")), code
