"""The post page: what the seed article's readers get, in order, with every number opening to its sources."""

import re

import pytest
from django.core.files.base import ContentFile

from litopys.chronicle.models import Media, PostStatus

from .conftest import PUBLIC_TITLE, RESTRICTED_PUBLISHER, RESTRICTED_TITLE, WITNESS, make_post

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("isolated_cache", "english")]

BODY = """Searchers by the river found a burial ground of {{figure synthetic-grave bodies}} bodies.

## Torture rooms in the mill

Investigators described a cellar with restraints.[^1]

{{media %(media)s}}

> We had no light and no medicine for weeks. The synthetic witness spoke slowly.

{{incident synthetic-grave}}

{{incident synthetic-draft-incident}}

At the market {{figure synthetic-shelling injured}} people were wounded.

[^1]: A synthetic footnote about the mill.
"""


def image(name="synthetic.png", **extra) -> Media:
    media = Media(title=name, caption="A synthetic caption of the mill.", alt_text="A grey synthetic square.",
                  credit="Synthetic Photographer", width=4, height=4, **extra)
    media.file.save(name, ContentFile(b"\x89PNG\r\n\x1a\nsynthetic"), save=False)
    media.save()
    return media


@pytest.fixture
def seed_like(record, category, editor, tag, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    photo = image()
    featured = image("featured.png")
    post = make_post("synthetic-river-crimes", title="Synthetic crimes by the river revealed",
                     body=BODY % {"media": photo.pk}, category=category, author=editor,
                     lead="A synthetic lead about the river.", featured_image=featured)
    post.tags.add(tag)
    post.incidents.add(record["grave"])
    return post


def test_post_page_has_the_seed_articles_parts_in_order(client, seed_like):
    response = client.get("/posts/synthetic-river-crimes/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    html = response.content.decode()
    html = html[html.index("<main"):]
    order = ["Synthetic war diary", "<h1", "Synthetic crimes by the river revealed", "Olena Editor", "<time",
             "A synthetic lead about the river.", f'src="{seed_like.featured_image.file.url}"', 'class="post-body"',
             "<h2 id=\"torture-rooms-in-the-mill\"", "<figure", "<figcaption>", "<blockquote>", 'class="footnote"',
             "Where the numbers come from", "Rate this post", "Share this article", "Leave a Reply"]
    at = 0
    for marker in order:
        found = html.find(marker, at)
        assert found >= 0, f"{marker!r} missing after position {at}"
        at = found + len(marker)


def test_media_becomes_a_figure_with_alt_caption_and_credit(client, seed_like):
    html = client.get("/posts/synthetic-river-crimes/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    figure = re.search(r'<figure class="media">.*?</figure>', html, re.S).group(0)
    assert 'alt="A grey synthetic square."' in figure
    assert "<figcaption>A synthetic caption of the mill." in figure and "Synthetic Photographer" in figure


def test_verified_figure_links_to_a_note_naming_only_public_sources(client, seed_like):
    html = client.get("/posts/synthetic-river-crimes/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    link = re.search(r'<a class="fig" href="#fig-note-1" id="fig-ref-1"[^>]*>137<', html)
    assert link, "the verified figure shows its best value as a link to its note"
    note = re.search(r'<li id="fig-note-1".*?</li>\s*</ol>|<li id="fig-note-1".*?(?=<li id="fig-note-2")', html,
                     re.S).group(0)
    assert PUBLIC_TITLE in note and "Synthetic Police Service" in note and "Officer Ivan Synthetic" in note
    assert "searchers recovered 137 bodies by the river" in note
    assert "Verified" in note or "verified" in note
    assert "2 sources that are not public" in note
    for secret in (RESTRICTED_TITLE, RESTRICTED_PUBLISHER, WITNESS, "secret.example", "Hidden registry",
                   "Synthetic confidential list", "I saw them bring out"):
        assert secret not in html
    # The rejected claim is not among the sources.
    assert "nine thousand" not in html and "Rumour mill" not in html


def test_unverified_figure_never_shows_its_number(client, seed_like):
    html = client.get("/posts/synthetic-river-crimes/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "58" not in re.sub(r"<[^>]+>", " ", html).split()
    assert "58 people were wounded" not in html
    assert "figure under review" in html
    assert "Figure under review." in html


def test_incident_card_only_for_published_incidents(client, seed_like):
    html = client.get("/posts/synthetic-river-crimes/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'href="/incidents/synthetic-grave/"' in html and "Synthetic burial ground by the river" in html
    assert "synthetic-draft-incident" not in html and "still in draft" not in html


def test_sensitive_image_is_behind_a_warning_and_never_in_og_image(client, seed_like):
    sensitive = image("sensitive.png", sensitive=True)
    seed_like.featured_image = sensitive
    seed_like.body += f"\n\n{{{{media {sensitive.pk}}}}}\n"
    seed_like.save()
    html = client.get("/posts/synthetic-river-crimes/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<details class="sensitive"' in html and "Show image" in html
    assert 'property="og:image"' not in html and 'name="twitter:image"' not in html
    assert "summary_large_image" not in html


def test_og_tags_and_canonical_from_site_url(client, seed_like):
    html = client.get("/posts/synthetic-river-crimes/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<link rel="canonical" href="https://chronicle.example/posts/synthetic-river-crimes/">' in html
    assert '<meta property="og:title" content="Synthetic crimes by the river revealed">' in html
    assert '<meta property="og:description" content="A synthetic lead about the river.">' in html
    featured = seed_like.featured_image.file.url
    assert re.fullmatch(r"/media/chronicle/[0-9a-f]{32}\.png", featured)
    assert f'<meta property="og:image" content="https://chronicle.example{featured}">' in html
    assert 'name="twitter:card" content="summary_large_image"' in html


def test_share_links_are_plain_urls_without_third_party_scripts(client, seed_like):
    html = client.get("/posts/synthetic-river-crimes/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    for start in ("mailto:?", "https://t.me/share/url?", "https://www.facebook.com/sharer/sharer.php?",
                  "https://x.com/intent/tweet?", "https://wa.me/?"):
        assert f'href="{start}' in html
    assert "https%3A%2F%2Fchronicle.example%2Fposts%2Fsynthetic-river-crimes%2F" in html
    scripts = re.findall(r"<script[^>]*src=\"([^\"]+)\"", html)
    assert scripts == ["/static/chronicle/chronicle.js"]


def test_unpublished_and_future_posts_are_not_found(client, db):
    from datetime import timedelta

    from django.utils import timezone

    make_post("a-synthetic-draft", status=PostStatus.DRAFT)
    make_post("a-synthetic-future", status=PostStatus.SCHEDULED, published_at=timezone.now() + timedelta(days=1))
    make_post("a-synthetic-private", status=PostStatus.PRIVATE)
    for slug in ("a-synthetic-draft", "a-synthetic-future", "a-synthetic-private"):
        assert client.get(f"/posts/{slug}/").status_code == 404


def test_why_a_value_is_best_never_names_a_speaker_from_a_source_that_is_not_public(client, seed_like):
    from datetime import date

    from litopys.incidents.models import Actor, Incident

    from .conftest import make_claim, make_source

    registry = make_source("Synthetic later register", sensitivity="confidential", kind="dataset",
                           publisher="Closed synthetic registry")
    make_claim(registry, Incident.objects.get(slug="synthetic-grave"), 137, "137 names on the later list",
               attributed_to=Actor.objects.create(name="Clerk Synthetic Hidden"), stated_on=date(2022, 10, 1))
    html = client.get("/posts/synthetic-river-crimes/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    reason = re.search(r'<p class="fig-reason">(.*?)</p>', html, re.S).group(1)
    assert reason == "137 is the latest exact count from the most authoritative kind of source, a dataset."
    for secret in ("Clerk Synthetic Hidden", "Closed synthetic registry", "Synthetic later register"):
        assert secret not in html
    english_for_a_ukrainian_reader = client.get("/posts/synthetic-river-crimes/",
                                                HTTP_ACCEPT_LANGUAGE="uk").content.decode()
    assert "the latest exact count" in english_for_a_ukrainian_reader  # notes speak the post's language
    from litopys.chronicle.models import Post

    post = Post.objects.get(slug="synthetic-river-crimes")
    post.language = "uk"
    post.save()
    ukrainian = client.get("/posts/synthetic-river-crimes/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "найпізніше точне число" in ukrainian and "Clerk Synthetic Hidden" not in ukrainian
