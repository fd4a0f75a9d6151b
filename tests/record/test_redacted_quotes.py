"""Public pages and exports quote a source as its latest redacted copy shows it."""

import json

from django.urls import reverse

from litopys.evidence.actions import redact
from litopys.evidence.models import Item
from litopys.incidents.models import Claim
from tests.record.test_figure_pages import get, row_of


def test_a_redacted_word_is_blacked_out_in_the_figure_page_and_its_downloads(client, record, vault):
    claim = Claim.objects.filter(incident=record.burial, kind="bodies", source__sensitivity="public").first()
    assert claim.quote == "synthetic count 447"
    Item.objects.filter(pk=claim.source.item_id).update(text="synthetic count 447, by the synthetic team.")
    figure = row_of(record.burial)
    urls = [reverse("record:figure", args=[figure.pk]), reverse("exchange:figure_json", args=[figure.pk]),
            reverse("exchange:figure_csv", args=[figure.pk])]
    assert all("synthetic count 447" in get(client, url) for url in urls)
    redact(claim.source.item, "redactor-synthetic", phrases=["synthetic"])
    for url in urls:
        page = get(client, url)
        shown = json.loads(page)["sources"][0]["quotes"][0]["text"] if url.endswith(".json") else page
        assert "synthetic count 447" not in shown and "█████████ count 447" in shown, url
