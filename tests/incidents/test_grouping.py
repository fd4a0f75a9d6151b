"""Grouping claims into incident suggestions: same kind of event, place and week, different sources (pure)."""

from datetime import date

from litopys.incidents.grouping import ClaimFact, IncidentFact, group

IZIUM, BALAKLIIA = "place:707292", "place:712165"


def fact(id, kind, day, source, place=IZIUM):
    return ClaimFact(id, kind, place, "Izium" if place == IZIUM else "Balakliia", day, source)


def test_claims_of_two_sources_about_one_shelling_are_one_suggestion_with_its_evidence():
    claims = [fact(1, "attacks", date(2023, 5, 1), 10), fact(2, "objects_damaged", date(2023, 5, 2), 11),
              fact(3, "killed", date(2023, 5, 2), 11)]
    [grouping] = group(claims)
    assert (grouping.event, grouping.place, grouping.claims, grouping.sources) == ("shelling", IZIUM, [1, 2, 3],
                                                                                 [10, 11])
    assert grouping.incident is None
    assert grouping.evidence == {"event": "shelling", "place": "Izium", "start": "2023-05-01", "end": "2023-05-02",
                                 "window": 7, "sources": 2, "claims": 3,
                                 "kinds": ["attacks", "killed", "objects_damaged"], "incident": None}


def test_one_source_alone_is_no_new_incident():
    assert group([fact(1, "attacks", date(2023, 5, 1), 10), fact(2, "objects_damaged", date(2023, 5, 1), 10)]) == []


def test_other_places_other_weeks_and_other_events_are_apart():
    claims = [fact(1, "attacks", date(2023, 5, 1), 10), fact(2, "attacks", date(2023, 5, 20), 11),
              fact(3, "attacks", date(2023, 5, 1), 12, place=BALAKLIIA), fact(4, "bodies", date(2023, 5, 1), 13)]
    assert group(claims) == []


def test_claims_without_a_day_or_a_place_are_never_grouped():
    claims = [fact(1, "attacks", None, 10), fact(2, "attacks", None, 11),
              ClaimFact(3, "attacks", "", "", date(2023, 5, 1), 12), ClaimFact(4, "attacks", "", "", date(2023, 5, 1),
                                                                               13)]
    assert group(claims) == []


def test_a_recorded_incident_of_that_event_place_and_days_takes_the_claims_even_from_one_source():
    incidents = [IncidentFact(7, "mass_burial", IZIUM, date(2022, 9, 15), date(2022, 9, 23)),
                 IncidentFact(8, "shelling", IZIUM, date(2022, 9, 16))]
    [grouping] = group([fact(1, "bodies", date(2022, 9, 26), 10)], incidents)
    assert grouping.incident == 7 and grouping.evidence["incident"] == 7


def test_a_run_of_days_longer_than_the_window_is_split():
    claims = [fact(n, "detained", date(2023, 5, 1 + 5 * n), 10 + n) for n in range(4)]
    groupings = group(claims)
    assert [g.claims for g in groupings] == [[0, 1], [2, 3]]
