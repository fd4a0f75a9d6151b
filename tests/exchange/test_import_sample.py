"""The real WordPress export in ../shared/samples comes in whole, with the right states, and only once."""

import datetime
import hashlib
import io
import re
import shutil

import pytest
from django.core.files.storage import default_storage
from PIL import Image

from litopys.chronicle.models import Category, Comment, CommentStatus, Media, Post, PostStatus, Tag
from litopys.chronicle.rendering import render_markdown
from litopys.exchange.wordpress.importer import import_wordpress

pytestmark = pytest.mark.django_db
UTC = datetime.UTC
SEED_HEADINGS = ["The Forest of Death Near Izium", "Torture Chambers in Balakliia", "Testimonies from the Ground",
                 "The Horror Continues"]


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def imported(samples, media_root):
    return import_wordpress(samples / "wordpress-export.xml", uploads=samples / "wordpress-uploads")


def counts(report) -> dict:
    return {kind: {outcome: n for outcome, n in counter.items() if n} for kind, counter in report.counts.items()}


def test_every_item_of_the_file_comes_in(imported):
    assert imported.failures == [] and imported.warnings == []
    assert counts(imported) == {"category": {"created": 3}, "tag": {"created": 3}, "attachment": {"created": 2},
                                "post": {"created": 3}, "page": {"created": 1}, "comment": {"created": 4}}
    assert (Post.objects.count(), Media.objects.count(), Comment.objects.count()) == (4, 2, 4)


def test_posts_and_pages_keep_kind_status_date_author_and_terms(imported):
    posts = {post.wp_id: post for post in Post.objects.all()}
    assert {wp_id: (post.kind, post.status) for wp_id, post in posts.items()} == {
        4: ("post", PostStatus.PUBLISHED), 8: ("post", PostStatus.PUBLISHED), 9: ("post", PostStatus.DRAFT),
        10: ("page", PostStatus.PUBLISHED)}
    assert posts[4].published_at == datetime.datetime(2022, 9, 20, 7, 0, tzinfo=UTC)
    assert posts[8].published_at == datetime.datetime(2022, 9, 24, 11, 30, tzinfo=UTC)
    assert posts[9].published_at is None  # the draft was never dated
    assert set(Post.objects.published().values_list("wp_id", flat=True)) == {4, 8, 10}
    assert posts[4].slug == "russian-war-crimes-in-izium-and-balakliia-revealed"
    assert posts[9].slug == "kharkiv-counteroffensive-a-timeline"  # drafts have no slug in WordPress
    assert (posts[4].author_name, posts[8].author_name) == ("Chronicle Editor", "Olha Marchenko")
    assert posts[4].lead.startswith("Exhumations near Izium and torture chambers in Balakliia")
    assert posts[4].language == "en" and posts[4].comments_open and not posts[10].comments_open
    assert {wp_id: post.category and post.category.slug for wp_id, post in posts.items()} == {
        4: "war-in-ukraine", 8: "humanitarian-aid", 9: "uncategorized", 10: None}
    assert sorted(posts[4].tags.values_list("slug", flat=True)) == ["balakliia", "izium", "war-crimes"]
    assert list(posts[8].tags.values_list("slug", flat=True)) == ["balakliia"]
    assert posts[4].featured_image.wp_id == 5


def test_categories_keep_their_parents_and_tags_their_names(imported):
    assert {c.slug: (c.wp_id, c.parent and c.parent.slug) for c in Category.objects.all()} == {
        "uncategorized": (1, None), "war-in-ukraine": (2, None), "humanitarian-aid": (3, "war-in-ukraine")}
    assert Category.objects.get(slug="war-in-ukraine").description.startswith("Reports on Russia’s full-scale")
    assert {t.slug: (t.wp_id, t.name) for t in Tag.objects.all()} == {
        "izium": (4, "Izium"), "balakliia": (5, "Balakliia"), "war-crimes": (6, "war crimes")}


def test_media_rows_and_their_files(imported, samples):
    forest, aid = Media.objects.get(wp_id=5), Media.objects.get(wp_id=6)
    assert (forest.title, forest.caption, forest.alt_text) == (
        "Forest of death near Izium", "Mass grave of 447 bodies",
        "Russian War Crimes in Izium and Balakliia: The Forest of Death")
    assert (aid.caption, aid.alt_text) == ("Medical and humanitarian aid in de-occupied territories",
                                           "Boxes of medical supplies marked with red crosses")
    assert (forest.width, forest.height, forest.media_type) == (640, 427, "image/jpeg")
    assert aid.media_type == "image/png"
    assert forest.original_url == "http://127.0.0.1:8081/wp-content/uploads/2022/09/izium-forest-mass-grave.jpg"
    assert forest.uploaded_at == datetime.datetime(2022, 9, 20, 6, 40, tzinfo=UTC)
    for media, name, extension in ((forest, "izium-forest-mass-grave.jpg", "jpg"),
                                   (aid, "balakliia-humanitarian-aid.png", "png")):
        # Stored as the chronicle stores uploads: an unguessable name, the image without its metadata.
        assert re.fullmatch(rf"chronicle/[0-9a-f]{{32}}\.{extension}", media.file.name)
        assert default_storage.exists(media.file.name)
        original = (samples / "wordpress-uploads" / "2022" / "09" / name).read_bytes()
        assert media.original_sha256 == hashlib.sha256(original).hexdigest()
        with default_storage.open(media.file.name) as stored, Image.open(stored) as image:
            assert image.size == Image.open(io.BytesIO(original)).size and not image.getexif()


def test_comments_keep_threads_and_moderation_and_emails_stay_private(imported):
    comments = {c.wp_id: c for c in Comment.objects.select_related("post", "parent")}
    assert {i: c.status for i, c in comments.items()} == {
        5: CommentStatus.APPROVED, 6: CommentStatus.APPROVED, 7: CommentStatus.APPROVED, 8: CommentStatus.PENDING}
    assert {c.post.wp_id for c in comments.values()} == {4}
    assert comments[7].parent == comments[6] and comments[5].parent is None
    assert comments[8].email == "iryna.s@example.invalid"
    assert comments[6].website == "https://mark-t.example/" and comments[5].website == ""
    assert comments[7].body == ("<p>@Mark T. The police have now finished the exhumation near Izium: of the 447 "
                                "bodies, 215 are women, 194 men and 5 children, and 22 were servicemen.</p>"
                                "<p>Forensic experts are working to identify every one of them; we will update "
                                "this article.</p>")
    assert comments[5].created_at == datetime.datetime(2022, 9, 20, 9, 15, tzinfo=UTC)
    # Nothing but Comment.email holds an address; authors' addresses are not kept at all.
    for post in Post.objects.all():
        assert "@example.invalid" not in " ".join([post.author_name, post.body, post.lead, post.body_html])


def test_the_seed_article_keeps_headings_quote_images_and_footnotes(imported, samples):
    post = Post.objects.get(wp_id=4)
    seed = (samples / "seed-article.txt").read_text(encoding="utf-8")
    assert re.findall(r"^## (.+)$", post.body, re.M) == SEED_HEADINGS
    assert all(heading in seed for heading in SEED_HEADINGS)
    forest, aid = Media.objects.get(wp_id=5), Media.objects.get(wp_id=6)
    assert post.body.index(f"{{{{media {forest.pk}}}}}") < post.body.index("## Testimonies") < post.body.index(
        f"{{{{media {aid.pk}}}}}")
    assert "\n> De-occupied villages — like April in Kyiv region" in post.body
    assert "\n>\n> — Volunteer Tata Kepler and medic Natalia Leliukh\n" in post.body
    assert "twin of Bykivnia[^1], Katyn[^2]," in post.body
    assert post.body.endswith("[^1]: Bykivnia — mass execution site near Kyiv used by Soviet NKVD\n"
                              "[^2]: Katyn — site of Soviet mass executions of Polish officers in 1940")
    # Every paragraph of the article as readers saw it is in the body, word for word.
    paragraphs = [p for p in seed.split("\n\n") if len(p) > 100 and "\n" not in p]
    assert len(paragraphs) == 10
    for paragraph in paragraphs:
        assert paragraph.replace("¹", "[^1]").replace("²", "[^2]") in post.body
    assert "Rate this post" not in post.body and "Leave a Reply" not in post.body
    assert post.body_html == render_markdown(post.body)
    assert post.body_html.count("<h2 ") == 4 and "<blockquote>" in post.body_html
    assert f'data-litopys-media="{forest.pk}"' in post.body_html and 'class="footnote"' in post.body_html


def test_a_second_run_creates_and_changes_nothing(imported, samples, media_root):
    before = [model.objects.count() for model in (Post, Post.history.model, Media, Comment, Category, Tag)]
    files = sorted(p.relative_to(media_root) for p in media_root.rglob("*") if p.is_file())
    again = import_wordpress(samples / "wordpress-export.xml", uploads=samples / "wordpress-uploads")
    assert counts(again) == {"category": {"unchanged": 3}, "tag": {"unchanged": 3}, "attachment": {"unchanged": 2},
                             "post": {"unchanged": 3}, "page": {"unchanged": 1}, "comment": {"unchanged": 4}}
    assert [model.objects.count() for model in (Post, Post.history.model, Media, Comment, Category, Tag)] == before
    assert sorted(p.relative_to(media_root) for p in media_root.rglob("*") if p.is_file()) == files


def test_a_changed_export_updates_what_changed(imported, samples, tmp_path):
    changed = tmp_path / "changed.xml"
    text = (samples / "wordpress-export.xml").read_text(encoding="utf-8")
    text = text.replace("Humanitarian Aid Reaches Liberated Balakliia", "Aid Reaches Balakliia")
    text = text.replace("<wp:comment_approved><![CDATA[0]]>", "<wp:comment_approved><![CDATA[spam]]>")
    changed.write_text(text, encoding="utf-8")
    report = import_wordpress(changed, uploads=samples / "wordpress-uploads")
    assert counts(report)["post"] == {"updated": 1, "unchanged": 2}
    assert counts(report)["comment"] == {"updated": 1, "unchanged": 3}
    assert Post.objects.get(wp_id=8).title == "Aid Reaches Balakliia"
    assert Post.objects.get(wp_id=8).history.first().history_change_reason == "Imported from WordPress"
    assert Comment.objects.get(wp_id=8).status == CommentStatus.SPAM
    assert Post.objects.count() == 4


def test_without_uploads_media_keep_their_original_url(samples, media_root):
    report = import_wordpress(samples / "wordpress-export.xml")
    assert report.warnings == ["no uploads folder given (--uploads): media rows keep their original URL but no file"]
    forest = Media.objects.get(wp_id=5)
    assert forest.file.name == "" and forest.original_url.endswith("/2022/09/izium-forest-mass-grave.jpg")
    assert (forest.width, forest.height) == (640, 427)  # from WordPress's metadata
    assert f"{{{{media {forest.pk}}}}}" in Post.objects.get(wp_id=4).body


def test_a_missing_upload_file_is_a_warning_naming_it(samples, media_root, tmp_path):
    uploads = tmp_path / "uploads"
    shutil.copytree(samples / "wordpress-uploads", uploads)
    (uploads / "2022" / "09" / "balakliia-humanitarian-aid.png").unlink()
    report = import_wordpress(samples / "wordpress-export.xml", uploads=uploads)
    assert report.failures == []
    assert report.warnings == ["attachment 6 “Humanitarian aid in de-occupied territories”: "
                               "2022/09/balakliia-humanitarian-aid.png is not in the uploads folder; "
                               "the media row keeps its original URL only"]
    aid = Media.objects.get(wp_id=6)
    assert aid.file.name == "" and aid.original_url.endswith("balakliia-humanitarian-aid.png")
    assert Media.objects.get(wp_id=5).original_sha256 == hashlib.sha256(
        (uploads / "2022" / "09" / "izium-forest-mass-grave.jpg").read_bytes()).hexdigest()
