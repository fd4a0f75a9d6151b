"""Public record pages: what they show, and what never leaves the database (drafts, unverified numbers,
restricted sources), on a small synthetic record built here."""

import csv
import hashlib
import io
import re
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone, translation

from litopys.evidence.models import Item, Source
from litopys.incidents.models import Claim, Incident, Site
from litopys.places.models import Place
from litopys.record.presentation import date_text
from litopys.record.statistics import StatRow, tally
from litopys.review.actions import decide

#: Strings that must never reach a public page, feed, file or export.
DRAFT_TITLE = "Hidden draft incident Zeta"
DRAFT_SLUG = "hidden-draft-incident"
DRAFT_NUMBER = "918273"
UNVERIFIED_NUMBER = "731517"
RESTRICTED_TITLE = "RESTRICTED witness statement Alpha"
RESTRICTED_PUBLISHER = "Beta Secret Publisher"
RESTRICTED_QUOTE = "Secret quote of the witness"
FORBIDDEN = (DRAFT_TITLE, DRAFT_SLUG, RESTRICTED_TITLE, RESTRICTED_PUBLISHER, RESTRICTED_QUOTE)
FORBIDDEN_NUMBERS = (DRAFT_NUMBER, UNVERIFIED_NUMBER)
PUBLIC_TITLE = "Public synthetic report on Izium"


def assert_nothing_private(text: str, where: str) -> None:
    for needle in FORBIDDEN:
        assert needle not in text, f"{needle!r} appears in {where}"
    for number in FORBIDDEN_NUMBERS:
        assert not re.search(rf"(?<!\d){number}(?!\d)", text), f"{number} appears in {where}"


@pytest.fixture(autouse=True)
def record_urls(settings):
    """Start every test with an empty page cache that is off."""
    settings.LITOPYS_PAGE_CACHE = 0
    cache.clear()


def oblast(geonames_id, name, name_uk, iso, lat, lon):
    place = Place.objects.create(geonames_id=geonames_id, kind="oblast", name=name, name_uk=name_uk, iso_code=iso,
                                 latitude=lat, longitude=lon)
    place.admin1 = place
    place.save()
    return place


def source(title, sensitivity, kind="official_statement", publisher="", url=""):
    digest = "sha256:" + hashlib.sha256(title.encode()).hexdigest()
    item = Item.objects.create(sha256=digest, size=len(title), media_type="text/plain")
    return Source.objects.create(title=title, sensitivity=sensitivity, kind=kind, publisher=publisher, url=url,
                                 published=date(2022, 9, 23), collected_at=timezone.now(), item=item)


class Record:
    """Handles on the synthetic record."""


@pytest.fixture
def record(db):
    """Build published, draft and nested incidents with verified, unverified and restricted claims."""
    users = get_user_model().objects
    analyst = users.create(username="analyst", is_staff=True)
    reviewer = users.create(username="reviewer", is_staff=True)
    kharkiv = oblast(706482, "Kharkiv Oblast", "Харківська область", "UA-63", 49.78, 36.47)
    kyiv = oblast(703446, "Kyiv Oblast", "Київська область", "UA-32", 50.45, 30.52)
    izium = Place.objects.create(geonames_id=707292, name="Izium", name_uk="Ізюм", admin1=kharkiv, iso_code="UA-63",
                                 latitude=49.207, longitude=37.277)
    bucha = Place.objects.create(geonames_id=711660, name="Bucha", name_uk="Буча", admin1=kyiv, iso_code="UA-32",
                                 latitude=50.54, longitude=30.22)
    public = source(PUBLIC_TITLE, "public", publisher="Synthetic Police", url="https://example.org/report")
    restricted = source(RESTRICTED_TITLE, "restricted", kind="testimony", publisher=RESTRICTED_PUBLISHER)

    def incident(slug, title, place, start, precision="day", status="published", parent=None, kind="mass_burial"):
        return Incident.objects.create(slug=slug, title=title, type=kind, place=place, start_date=start,
                                       start_precision=precision, status=status, parent=parent)

    def claim(about, kind, value, src=public, verify=True, quote="", **qualifiers):
        made = Claim.objects.create(source=src, kind=kind, min=value, max=value, qualifiers=qualifiers,
                                    incident=about, quote=quote or f"synthetic count {value}", start=0, end=10,
                                    extracted_by="test", entered_by=analyst, stated_on=date(2022, 9, 23))
        if verify:
            decide(made, "verify", reviewer)
        return made

    r = Record()
    r.burial = incident("synthetic-burial", "Synthetic burial site", izium, date(2022, 9, 12), "week")
    r.burial.legal_qualifications = ["rome_8_2_a_i", "cc_ua_438"]
    r.burial.save()
    Site.objects.create(name="Synthetic forest grave", kind="mass_grave", incident=r.burial, latitude=49.18,
                        longitude=37.31, discovered_on=date(2022, 9, 15))
    claim(r.burial, "bodies", 447)
    claim(r.burial, "bodies", 450, src=restricted, verify=False, quote=RESTRICTED_QUOTE)
    claim(r.burial, "bodies", 215, sex="female")
    claim(r.burial, "bodies", 194, sex="male")
    claim(r.burial, "injured", int(UNVERIFIED_NUMBER), verify=False)
    r.part = incident("synthetic-burial-part", "Synthetic burial site, first trench", izium, date(2022, 9, 15),
                      parent=r.burial)
    claim(r.part, "bodies", 40)
    r.killings = incident("synthetic-killings", "Synthetic killings during occupation", izium, date(2022, 4, 1),
                          "month", kind="killing")
    claim(r.killings, "killed", 88)
    r.year = incident("synthetic-year", "Synthetic year-only incident", bucha, date(2022, 1, 1), "year",
                      kind="killing")
    claim(r.year, "killed", 12)
    r.draft = incident(DRAFT_SLUG, DRAFT_TITLE, izium, date(2022, 9, 20), status="draft")
    claim(r.draft, "bodies", int(DRAFT_NUMBER))
    r.published = [r.burial, r.part, r.killings, r.year]
    return r


def public_urls(r) -> list[str]:
    return [reverse("record:incidents"), reverse("record:map"), reverse("exchange:map_geojson"),
            reverse("record:timeline"), reverse("record:statistics"), reverse("exchange:statistics_csv"),
            *(reverse("record:incident", args=[i.slug]) for i in r.published)]


def get(client, url, language="en"):
    response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def test_every_page_renders_and_shows_nothing_private(client, record):
    for url in public_urls(record):
        for language in ("en", "uk"):
            assert_nothing_private(get(client, url, language), f"{url} ({language})")
    for name in ("record/ukraine.geojson", "record/map.js"):
        assert_nothing_private(open(finders.find(name), encoding="utf-8").read(), name)


def test_unpublished_incident_is_not_found_even_in_a_cached_page(client, record, settings):
    settings.LITOPYS_PAGE_CACHE = 60
    assert client.get(reverse("record:incident", args=[DRAFT_SLUG])).status_code == 404
    assert '"/incidents/synthetic-burial/"' in get(client, reverse("exchange:map_geojson"))
    assert "Synthetic burial site" in get(client, reverse("record:incident", args=["synthetic-burial"]))
    record.burial.status = "archived"
    record.burial.save()
    assert client.get(reverse("record:incident", args=["synthetic-burial"])).status_code == 404
    assert '"/incidents/synthetic-burial/"' not in get(client, reverse("exchange:map_geojson"))


def test_incident_page_shows_verified_figures_with_public_sources_only(client, record):
    page = get(client, reverse("record:incident", args=["synthetic-burial"]))
    assert "Synthetic burial site" in page and "Mass burial site" in page
    assert "week of 12 September 2022" in page
    assert "Izium, Kharkiv Oblast" in page and "Near the place" in page
    assert "Synthetic forest grave" in page and "Mass grave" in page and "15 September 2022" in page
    assert 'data-point="49.18000,37.31000"' in page
    assert ">447<" in page and "447–450" in page  # the best value and the range the restricted claim widens
    assert "Bodies found — women" in page and ">215<" in page
    assert PUBLIC_TITLE in page and "https://example.org/report" in page
    assert "One more source supports this figure" in page  # counted, never named
    assert "One remark about this figure concerns sources that are not public" in page  # the conflict flag names
    assert RESTRICTED_PUBLISHER not in page                                                 # the restricted publisher
    assert "Injured" not in page  # an unverified figure has no heading, not even "under review"
    assert "Synthetic burial site, first trench" in page  # its part


def test_incident_page_names_its_legal_qualifications_by_their_labels(client, record):
    page = get(client, reverse("record:incident", args=["synthetic-burial"]))
    assert "Rome Statute art. 8(2)(a)(i): wilful killing" in page
    assert "Criminal Code of Ukraine art. 438: violation of the laws and customs of war" in page
    assert "rome_8_2_a_i" not in page and "cc_ua_438" not in page
    page = get(client, reverse("record:incident", args=["synthetic-burial"]), "uk")
    assert "Кримінальний кодекс України, ст. 438: порушення законів та звичаїв війни" in page


def test_ukrainian_labels_come_from_the_vocabularies(client, record):
    page = get(client, reverse("record:incident", args=["synthetic-burial"]), "uk")
    assert "Масове поховання" in page and "Виявлені тіла" in page and "Ізюм, Харківська область" in page
    assert "12 вересня 2022" in page


@pytest.mark.parametrize(("precision", "en", "uk"), [
    ("day", "12 September 2022", "12 вересня 2022"),
    ("week", "week of 12 September 2022", "12 вересня 2022"),
    ("month", "September 2022", "Вересень 2022"),
    ("year", "2022", "2022"),
])
def test_dates_are_shown_as_precisely_as_they_are_known(precision, en, uk):
    with translation.override("en"):
        assert date_text(date(2022, 9, 12), precision) == en
    with translation.override("uk"):
        assert uk in date_text(date(2022, 9, 12), precision)
    assert date_text(None, precision) == ""


def test_map_layer_has_public_incidents_with_verified_headline_figures(client, record):
    collection = client.get(reverse("exchange:map_geojson"), HTTP_ACCEPT_LANGUAGE="en").json()
    by_slug = {f["properties"]["slug"]: f for f in collection["features"]}
    assert set(by_slug) == {i.slug for i in record.published}
    burial = by_slug["synthetic-burial"]
    assert burial["geometry"]["coordinates"] == [37.31, 49.18]  # the site's own position
    assert burial["properties"]["url"] == "/incidents/synthetic-burial/"
    assert [(f["kind"], f["best"]) for f in burial["properties"]["figures"]] == [("bodies", 447)]
    assert by_slug["synthetic-year"]["properties"]["dates"] == "2022"


def test_map_page_works_without_javascript(client, record):
    page = get(client, reverse("record:map"))
    assert "ukraine.geojson" in page and "leaflet.js" in page
    for incident in record.published:
        assert f'href="/incidents/{incident.slug}/"' in page


def statistics_rows(client):
    text = get(client, reverse("exchange:statistics_csv"))
    return {(row["dimension"], row["kind"], row["key"]): (int(row["incidents"]), int(row["total"]))
            for row in csv.DictReader(io.StringIO(text))}


def test_statistics_add_top_level_figures_once(client, record):
    rows = statistics_rows(client)
    # 447, not 447 + 215 + 194 (parts), + 40 (an incident inside the burial) or + the draft's number
    assert rows[("kind", "bodies", "bodies")] == (1, 447)
    assert rows[("kind", "killed", "killed")] == (2, 100)
    assert rows[("oblast", "killed", "UA-63")] == (1, 88) and rows[("oblast", "killed", "UA-32")] == (1, 12)
    assert rows[("month", "bodies", "2022-09")] == (1, 447)
    assert rows[("month", "killed", "2022-04")] == (1, 88) and rows[("month", "killed", "2022")] == (1, 12)
    assert not any(kind == "injured" for _, kind, _ in rows)
    page = get(client, reverse("record:statistics"))
    assert "Breakdowns are never added" in page and "<svg" in page and 'role="img"' in page
    assert "1 figure was left out because a larger incident already counts it." in page


def test_tally_leaves_out_parts_and_nested_incidents():
    rows = [StatRow(1, (), "bodies", 447, "UA-63", "2022-09"), StatRow(2, (1,), "bodies", 40, "UA-63", "2022-09"),
            StatRow(3, (2, 1), "bodies", 7, "UA-63", "2022-09"), StatRow(2, (1,), "killed", 5, "UA-63", "2022-09"),
            StatRow(4, (), "bodies", 10, "UA-32", "")]
    result = tally(rows)
    assert result.by_kind == {"bodies": (2, 457), "killed": (1, 5)}
    assert result.by_oblast["bodies"] == {"UA-63": (1, 447), "UA-32": (1, 10)}
    assert result.by_month["bodies"] == {"2022-09": (1, 447), "": (1, 10)}
    assert result.left_out == 2


def test_timeline_groups_by_month_and_pages_without_javascript(client, record, monkeypatch):
    page = get(client, reverse("record:timeline"))
    assert page.index("2022, month not known") < page.index("April 2022") < page.index("September 2022")
    assert DRAFT_TITLE not in page
    monkeypatch.setattr("litopys.record.views.TIMELINE_PER_PAGE", 3)
    first = get(client, reverse("record:timeline"))
    assert 'href="/timeline/page/2/"' in first and "Page 1 of 2" in first
    second = get(client, reverse("record:timeline_page", args=[2]))
    assert 'href="/timeline/"' in second and "Synthetic burial site, first trench" in second
    assert client.get(reverse("record:timeline_page", args=[3])).status_code == 404


def test_pages_render_with_an_empty_record(client, db):
    for url in (reverse("record:incidents"), reverse("record:map"), reverse("record:timeline"),
                reverse("record:statistics"), reverse("exchange:statistics_csv")):
        assert client.get(url).status_code == 200, url
    assert client.get(reverse("exchange:map_geojson")).json() == {"type": "FeatureCollection", "features": []}


def test_sitemap_lists_published_incidents_only(record):
    from litopys.record.sitemaps import IncidentSitemap

    sitemap = IncidentSitemap()
    locations = [sitemap.location(item) for item in sitemap.items()]
    assert "/incidents/synthetic-burial/" in locations and all(DRAFT_SLUG not in url for url in locations)


def test_tiles_only_when_a_tile_server_is_set(client, record, settings):
    settings.LITOPYS_TILE_URL = ""
    assert 'data-tiles=""' in get(client, reverse("record:map"))
    settings.LITOPYS_TILE_URL = "https://tiles.example.org/{z}/{x}/{y}.png"
    settings.LITOPYS_TILE_ATTRIBUTION = "© Synthetic tiles"
    page = get(client, reverse("record:map"))
    assert 'data-tiles="https://tiles.example.org/{z}/{x}/{y}.png"' in page and "© Synthetic tiles" in page


def test_sitemap_xml_has_the_record(client, record, settings):
    settings.LITOPYS_SITE_URL = "https://chronicle.example.org"
    sitemap = get(client, "/sitemap.xml")
    assert "<loc>https://chronicle.example.org/incidents/synthetic-burial/</loc>" in sitemap
    assert "<loc>https://chronicle.example.org/statistics/</loc>" in sitemap
    assert_nothing_private(sitemap, "sitemap.xml")


def test_an_incident_known_only_by_a_category_counts_its_broadest_one(client, record):
    """"At least 1,000 civilians killed" is the only killed figure of an incident: summaries show and add it
    (a lower bound for everyone killed); parts of a breakdown are never added."""
    users = get_user_model().objects
    izium = Place.objects.get(geonames_id=707292)
    occupation = Incident.objects.create(slug="synthetic-occupation", title="Synthetic occupation", type="killing",
                                         place=izium, start_date=date(2022, 6, 1), start_precision="month",
                                         status="published")
    public = source("Synthetic council statement", "public")
    for value, qualifiers in ((1000, {"status": "civilian"}), (300, {"status": "civilian", "sex": "female"})):
        made = Claim.objects.create(source=public, kind="killed", min=value, max=None, qualifiers=qualifiers,
                                    incident=occupation, quote=f"at least {value}", start=0, end=5,
                                    extracted_by="test", entered_by=users.get(username="analyst"),
                                    stated_on=date(2022, 9, 23))
        decide(made, "verify", users.get(username="reviewer"))
    rows = statistics_rows(client)
    assert rows[("kind", "killed", "killed")] == (3, 1100)  # 88 + 12 + 1,000, never + 300 (a part)
    listing = get(client, reverse("record:incidents"))
    assert "at least 1,000</span> killed — civilians" in listing
    assert "at least 300" not in listing
    page = get(client, reverse("record:statistics"))
    assert "the broadest category that is known" in page


def test_a_pin_at_a_places_centre_never_claims_an_exact_location(client, record):
    record.killings.geo_precision = "exact"  # entered wrongly for a town-wide incident
    record.killings.save()
    page = get(client, reverse("record:incident", args=["synthetic-killings"]))
    assert "Somewhere in Izium (the pin marks its centre)" in page and "Exact location" not in page
    burial = get(client, reverse("record:incident", args=["synthetic-burial"]))
    assert "Near the place" in burial  # a site's own position keeps the precision entered


def test_attacks_and_damaged_objects_are_shown_and_counted_like_the_other_kinds(client, record):
    """Synthetic: a shelling incident with verified counts of attacks and of damaged schools."""
    reviewer = get_user_model().objects.get(username="reviewer")
    analyst = get_user_model().objects.get(username="analyst")
    izium = Place.objects.get(name="Izium")
    shelling = Incident.objects.create(slug="synthetic-shelling", title="Synthetic shelling of Izium", type="shelling",
                                       place=izium, start_date=date(2022, 5, 3), start_precision="day",
                                       status="published")
    src = Source.objects.get(title=PUBLIC_TITLE)
    for kind, value, qualifiers in (("attacks", 30, {"weapon": "artillery"}), ("objects_damaged", 2,
                                                                                  {"object": "school"})):
        made = Claim.objects.create(source=src, kind=kind, min=value, max=value, qualifiers=qualifiers,
                                    incident=shelling, quote=f"synthetic {kind} {value}", start=0, end=10,
                                    extracted_by="test", entered_by=analyst, stated_on=date(2022, 5, 4))
        decide(made, "verify", reviewer)
    rows = statistics_rows(client)
    assert rows[("kind", "attacks", "attacks")] == (1, 30)
    assert rows[("kind", "objects_damaged", "objects_damaged")] == (1, 2)
    page = get(client, reverse("record:statistics"))
    assert "Attacks" in page and "Civilian objects damaged" in page
    page = get(client, reverse("record:incident", args=["synthetic-shelling"]))
    assert "Attacks" in page and "artillery" in page and "schools" in page
    with translation.override("uk"):
        page = client.get(reverse("record:incident", args=["synthetic-shelling"]), HTTP_ACCEPT_LANGUAGE="uk")
    text = page.content.decode()
    assert "Атаки й обстріли" in text and "артилерія" in text
