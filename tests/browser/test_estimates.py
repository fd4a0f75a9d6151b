"""The public statistics page in Chromium shows the victims documented and estimated from three SYNTHETIC lists
linked and reviewed by two people, and no person: no name, no grave number heading, no list row."""

import csv
from collections import defaultdict

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import REPO, served_demo
from tests.browser.test_login import shot

pytestmark = pytest.mark.browser
DATA = REPO / "tests" / "data" / "casualties"
LINKED = f"""
import csv, json
from collections import defaultdict
from django.contrib.auth.models import Group, User
from litopys.casualties import actions
from litopys.casualties.importing import import_list
from litopys.casualties.models import ListRecord, Victim
data = "{DATA}"
for name, path in (("exhumation", "exhumation.csv"), ("police", "police.xlsx"), ("morgue", "morgue-cp1251.csv")):
    assert import_list(data + "/" + path, name, actor="browser-synthetic").status == "imported"
people = []
for name, role in (("browser-synthetic-r1", "reviewer"), ("browser-synthetic-r2", "reviewer"),
                   ("browser-synthetic-editor", "editor")):
    user = User.objects.create_user(name, password="synthetic-pass-123", is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    people.append(User.objects.get(pk=user.pk))
groups = defaultdict(list)
for row in csv.DictReader(open(data + "/truth.csv", encoding="utf-8")):
    groups[row["person"]].append(ListRecord.objects.get(victim_list__name=row["list"], row=int(row["row"])).pk)
for ids in groups.values():
    actions.confirm(actions.propose("accept", [ids], people[0]), people[1])
published = actions.publish_estimate(people[2], "Synthetic district, 2022", "Three synthetic lists.")
print(json.dumps({{"documented": published.documented, "estimate": round(published.estimate),
                  "names": sorted({{v.surname for v in Victim.objects.all() if v.surname}})}}))
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    import json

    with served_demo(tmp_path_factory.mktemp("litopys-estimates"), LINKED) as (url, output):
        yield url, json.loads(output.strip().splitlines()[-1])


def test_statistics_show_documented_and_estimated_without_identities(browser, site):
    url, facts = site
    with open(DATA / "truth.csv", encoding="utf-8") as handle:
        people = defaultdict(list)
        for row in csv.DictReader(handle):
            people[row["person"]].append(row)
    assert facts["documented"] == len(people)
    page = browser.new_context(locale="en-GB").new_page()
    page.goto(url + "/statistics/")
    section = page.locator("section.estimates")
    expect(section.locator("h2")).to_have_text("Victims: documented and estimated")
    row = section.locator("tbody tr").first
    expect(row.locator("th")).to_contain_text("Synthetic district, 2022")
    expect(row.locator("td").nth(0)).to_have_text(str(facts["documented"]))
    expect(row.locator("td").nth(1)).to_have_text(f"{facts['estimate']:,}")
    text = page.locator("main").inner_text()
    assert facts["names"] and not [name for name in facts["names"] if name in text]
    shot(page, "statistics-estimates")
