"""Build the demo record from the dossier's claims, and review it the way any team would.

Incidents and sites are written for the demo. Claims come from extraction; an analyst attaches
them to incidents and accepts them, and a second person verifies them (the two-person rule):
every step goes through `litopys.review.actions.decide`, so the history is the real one.
"""

import secrets
from datetime import date

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models import Q

from litopys.incidents.models import Claim, ClaimStatus, Incident, Site
from litopys.places.models import Place
from litopys.review.actions import corroborate, decide

ACCOUNTS = {"demo-analyst": "analyst", "demo-reviewer": "reviewer", "demo-reviewer-2": "reviewer"}

INCIDENTS = [
    {
        "slug": "izium-mass-burial-site", "title": "Mass burial site in the forest near Izium",
        "type": "mass_burial", "place": ("Izium", None), "start_date": date(2022, 9, 15), "start_precision": "day",
        "end_date": date(2022, 9, 23), "end_precision": "day", "geo_precision": "near",
        "legal_qualifications": ["rome_8_2_a_i", "rome_7_1_a", "cc_ua_438"],
        "description": "After Izium was liberated in September 2022, searchers found a burial site in a forest "
                       "on the edge of the town. Exhumations lasted until 23 September; many of the dead bore "
                       "signs of violent death and some of torture.",
        "site": {"name": "Burial site in the forest near Izium", "kind": "mass_grave",
                 "discovered_on": date(2022, 9, 15), "latitude": 49.18, "longitude": 37.31},
        "claims": {"kind": "bodies", "place": "Izium"},
    },
    {
        "slug": "kharkiv-region-torture-sites", "title": "Torture chambers in liberated Kharkiv region",
        "type": "torture", "place": ("Kharkiv Oblast", None), "start_date": date(2022, 9, 1),
        "start_precision": "month", "geo_precision": "region",
        "legal_qualifications": ["rome_8_2_a_ii", "rome_7_1_f", "cc_ua_438", "cc_ua_127"],
        "description": "Police and investigators who entered the liberated towns of Kharkiv region, among them "
                       "Balakliia, reported places where people had been held and tortured.",
        "site": {"name": "Basement used for detention in Balakliia", "kind": "torture_site",
                 "discovered_on": date(2022, 9, 13), "place": ("Balakliia", "Kharkiv Oblast")},
        "claims": {"kind": "torture_sites", "place": "Kharkiv Oblast"},
    },
    {
        "slug": "izium-occupation-killings", "title": "Civilians killed in Izium during the occupation",
        "type": "killing", "place": ("Izium", None), "start_date": date(2022, 4, 1), "start_precision": "month",
        "end_date": date(2022, 9, 10), "end_precision": "day", "geo_precision": "exact",
        "legal_qualifications": ["rome_8_2_a_i", "cc_ua_438"],
        "description": "Izium was occupied from spring until 10 September 2022. Local officials estimated the "
                       "number of residents who died during the occupation.",
        "claims": {"kind": "killed", "place": "Izium"},
    },
]


def place(name: str, oblast: str | None = None) -> Place | None:
    found = Place.objects.filter(name=name)
    if oblast:
        found = found.filter(admin1__name=oblast)
    return found.order_by("-population").first()


def accounts() -> dict[str, object]:
    """Create the demo's analyst and two reviewers (unusable passwords: they act only through the demo)."""
    users = {}
    for username, role in ACCOUNTS.items():
        user, created = get_user_model().objects.get_or_create(username=username, defaults={"is_staff": True})
        if created:
            user.set_password(secrets.token_urlsafe(16))
            user.save()
        user.groups.add(Group.objects.get(name=role))
        users[username] = user
    return users


def build_record() -> str:
    """Create the demo incidents and sites, attach and review their claims; idempotent."""
    users = accounts()
    made = 0
    for spec in INCIDENTS:
        incident, created = Incident.objects.get_or_create(slug=spec["slug"], defaults={
            "title": spec["title"], "type": spec["type"], "place": place(*spec["place"]),
            "start_date": spec["start_date"], "start_precision": spec["start_precision"],
            "end_date": spec.get("end_date"), "end_precision": spec.get("end_precision", "day"),
            "geo_precision": spec["geo_precision"], "legal_qualifications": spec["legal_qualifications"],
            "description": spec["description"], "status": "published"})
        made += created
        if "site" in spec and not incident.sites.exists():
            site = dict(spec["site"])
            site_place = place(*site.pop("place")) if "place" in site else incident.place
            Site.objects.create(incident=incident, place=site_place, **site)
        target = spec["claims"]
        for claim in Claim.objects.filter(kind=target["kind"], place__name=target["place"], incident=None):
            decide(claim, "edit", users["demo-analyst"], "belongs to this incident", changes={"incident": incident})
    corroborate()
    review(users)
    grade(users["demo-reviewer-2"])
    return f"{Incident.objects.count()} incidents ({made} new), {Claim.objects.filter(status='verified').count()} " \
           "verified claims"


def review(users) -> None:
    """First reviewer accepts each attached claim; the second verifies it (never the one who accepted)."""
    first, second = users["demo-reviewer"], users["demo-reviewer-2"]
    # The post also cites the area liberated, a figure about the region rather than an incident.
    cited = Q(incident__isnull=False) | Q(kind="area_km2", place__name="Kharkiv Oblast")
    pending = Claim.objects.filter(cited).exclude(
        status__in=[ClaimStatus.VERIFIED, ClaimStatus.REJECTED, ClaimStatus.DISPUTED])
    for claim in pending:
        if claim.accepted_by_id is None:
            decide(claim, "accept", first, "the quote says this")
            claim.refresh_from_db()
        decide(claim, "verify", second, "checked against the quoted source and its independent relays")


def grade(reviewer) -> None:
    """Grade each demo incident as the review rules suggest, saying so in the reason."""
    from litopys.figures.selectors import claims_queryset, compute_figures
    from litopys.review.grades import suggest_grade

    for incident in Incident.objects.filter(grade=""):
        figures = [view.figure for view in compute_figures(claims_queryset().filter(incident=incident))]
        if figures:
            incident.grade = suggest_grade(figures)
            incident.grade_reason = f"Suggested by the grading rules from {len(figures)} figures; accepted by " \
                                    f"{reviewer.get_username()}."
            incident.save(update_fields=["grade", "grade_reason", "updated_at"])
