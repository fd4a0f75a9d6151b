"""The staff home and the review screens speak in labels: no code of any vocabulary, no flag code, no origin key
or figure key reaches the people who use them (quoted source text aside)."""

import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command

from litopys import vocab
from litopys.evidence.models import Source
from litopys.figures import consistency
from litopys.incidents.models import ClaimStatus

pytestmark = pytest.mark.django_db

#: Elements whose words are the sources' own, not the interface's.
QUOTED = re.compile(r"<(q|mark|blockquote|code|textarea|script|select)\b.*?</\1>|<div class=\"source-text\".*?</div>"
                    r"|<p class=\"context\".*?</p>|<cite>.*?</cite>|<a href=\"/staff/review/source/[^\"]*\">.*?</a>"
                    r"|<span class=\"record-title\">.*?</span>|<title>.*?</title>|<[^>]+>", re.S)


def codes() -> set[str]:
    found = set()
    for name in ("claim_kinds", "incident_types", "site_kinds", "source_kinds", "grades", "legal_qualifications",
                 "actor_roles"):
        found.update(vocab.codes(name))
    found.update(value for value in vars(consistency).values() if isinstance(value, str) and "_" in value)
    found.update(status.value for status in ClaimStatus if status != "verified")
    return found


def interface_words(html: str) -> str:
    return QUOTED.sub(" ", html)


@pytest.fixture
def demo_reviewer(vault, client):
    call_command("demo", "--no-serve", stdout=StringIO())
    user = get_user_model().objects.create_user("scanning-reviewer", password="synthetic-pass-123", is_staff=True)
    user.groups.add(Group.objects.get(name="reviewer"))
    client.force_login(user)
    return user


def test_no_internal_code_on_the_staff_home_and_the_review_screens(client, demo_reviewer):
    pages = {"staff home": "/staff/", "review queue": "/staff/review/",
             "review queue, every status": "/staff/review/?status=unverified&status=corroborated&status=verified"}
    for source in Source.objects.filter(claims__isnull=False).distinct()[:3]:
        pages[f"source {source.pk}"] = f"/staff/review/source/{source.pk}/"
    known = codes()
    for name, url in pages.items():
        answer = client.get(url, HTTP_ACCEPT_LANGUAGE="uk")
        assert answer.status_code == 200, (name, answer.status_code)
        words = interface_words(answer.content.decode())
        shown = {code for code in known if re.search(rf"(?<![\w/-]){re.escape(code)}(?![\w/-])", words)}
        assert not shown, f"{name} shows codes {sorted(shown)}"
        for pattern in (r"\b(speaker|publisher|source|incident|place|named):\S", r"\b(sex|age|status)=\w"):
            assert not re.search(pattern, words), f"{name} shows a key: {re.search(pattern, words).group(0)}"
