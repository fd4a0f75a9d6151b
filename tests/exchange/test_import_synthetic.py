"""Importing a hand-written export: every status, comment state and item type; one bad item; privacy."""

import datetime
import re
from pathlib import Path

import pytest
from django.core import serializers
from PIL import Image

from litopys.chronicle.models import Category, Comment, CommentStatus, Media, Post, PostStatus, Tag
from litopys.exchange.wordpress import importer
from litopys.exchange.wordpress.importer import UploadsError, check_uploads, import_wordpress

pytestmark = pytest.mark.django_db
SYNTHETIC = Path(__file__).parent / "data" / "synthetic-export.xml"


@pytest.fixture
def uploads(tmp_path):
    folder = tmp_path / "uploads" / "2024" / "05"
    folder.mkdir(parents=True)
    Image.new("RGB", (40, 30), "green").save(folder / "forest.png")
    Image.new("RGB", (64, 48), "red").save(folder / "aid.png")
    return tmp_path / "uploads"


@pytest.fixture
def report(settings, tmp_path, uploads):
    settings.MEDIA_ROOT = tmp_path / "media"
    return import_wordpress(SYNTHETIC, uploads=uploads)


def test_what_is_imported_and_what_is_skipped(report):
    assert report.failures == []
    assert {kind: {o: n for o, n in c.items() if n} for kind, c in report.counts.items()} == {
        "category": {"created": 2}, "tag": {"created": 2}, "attachment": {"created": 3}, "post": {"created": 7},
        "page": {"created": 1}, "comment": {"created": 5}, "pingback": {"skipped": 1},
        "nav_menu term": {"skipped": 1}, "nav_menu_item": {"skipped": 1}, "revision": {"skipped": 1},
        "wp_block": {"skipped": 1}}
    assert report.warnings == [
        "attachment 203 “Lost scan”: 2024/05/lost.jpg is not in the uploads folder; the media row keeps its "
        "original URL only",
        "post 108 “Witness list”: password-protected in WordPress; imported as private so that it stays hidden"]


def test_wordpress_statuses_map_to_litopys_statuses(report):
    posts = {post.wp_id: post for post in Post.objects.all()}
    assert {i: posts[i].status for i in posts} == {
        101: PostStatus.PUBLISHED, 102: PostStatus.DRAFT, 103: PostStatus.PUBLISHED, 104: PostStatus.SCHEDULED,
        105: PostStatus.PRIVATE, 106: PostStatus.DRAFT, 107: PostStatus.TRASH, 108: PostStatus.PRIVATE}
    assert posts[104].published_at == datetime.datetime(2030, 9, 10, 9, 0, tzinfo=datetime.UTC)
    assert posts[102].published_at is None and posts[106].published_at is None
    assert set(Post.objects.published().values_list("wp_id", flat=True)) == {101, 103}
    assert posts[103].kind == Post.Kind.PAGE and not posts[103].comments_open


def test_slugs_terms_and_language(report):
    posts = {post.wp_id: post for post in Post.objects.all()}
    assert posts[101].slug == "ексгумація"  # percent-encoded in the export
    assert posts[102].slug == "хронологія-звільнення"  # a draft without a slug takes its title's
    assert posts[107].slug == "removed"  # WordPress adds "__trashed" to what it trashes
    assert posts[101].language == "uk" and posts[101].author_name == "Олена Редакторка"
    assert posts[101].lead == "What the investigators found."
    assert posts[101].category.slug == "izium" and posts[101].category.parent.slug == "злочини"
    assert sorted(posts[101].tags.values_list("slug", flat=True)) == ["exhumation", "testimony"]
    assert Category.objects.get(wp_id=11).name == "Злочини" and Tag.objects.get(wp_id=22).name == "exhumation"


def test_body_of_a_classic_post(report):
    post = Post.objects.get(wp_id=101)
    forest = Media.objects.get(wp_id=201)
    assert post.body == (
        "Investigators worked in the forest for **two weeks**.  \nThey found 447 graves[^1].\n\n"
        f"{{{{media {forest.pk}}}}}\n\n> We waited for months.\n\n"
        "Send evidence to [evidence@chronicle.example](mailto:evidence@chronicle.example).\n\n"
        "[^1]: Figures of the regional police, 23 September 2022.")
    assert post.featured_image == forest


def test_media_fields_from_postmeta_pillow_and_figcaptions(report):
    forest, aid, lost = (Media.objects.get(wp_id=i) for i in (201, 202, 203))
    assert (forest.caption, forest.alt_text, forest.credit, forest.width, forest.height) == (
        "Exhumation in the forest", "Investigators in a pine forest", "Фото: Ю.", 40, 30)
    # No caption, alt text or metadata in WordPress: the post's figure and the file itself fill them in.
    assert (aid.caption, aid.alt_text, aid.width, aid.height) == ("Aid for the hospital", "Boxes with red crosses",
                                                                  64, 48)
    assert re.fullmatch(r"chronicle/[0-9a-f]{32}\.png", aid.file.name)
    assert lost.file.name == "" and lost.original_url == "https://chronicle.example/wp-content/uploads/2024/05/lost.jpg"
    draft = Post.objects.get(wp_id=102)
    assert draft.body == f"To be written.\n\n{{{{media {aid.pk}}}}}"


def test_comments_threads_and_moderation(report):
    comments = {c.wp_id: c for c in Comment.objects.all()}
    assert {i: c.status for i, c in comments.items()} == {
        1: CommentStatus.APPROVED, 2: CommentStatus.PENDING, 3: CommentStatus.APPROVED, 4: CommentStatus.SPAM,
        5: CommentStatus.TRASH}
    assert comments[3].parent == comments[1]
    assert comments[3].website == ""  # javascript: is no website
    assert comments[3].body == ('<p>We will, <a href="https://police.example" rel="nofollow ugc noopener">'
                                "see the police statement</a>.</p>")
    assert comments[1].body == "<p>Thank you.</p><p>Please keep writing.</p>"
    assert set(Comment.objects.filter(status=CommentStatus.APPROVED).values_list("wp_id", flat=True)) == {1, 3}


def test_private_data_of_the_export_is_not_stored(report):
    assert Comment.objects.filter(email="olena@example.invalid").exists()
    dump = serializers.serialize("json", [*Post.objects.all(), *Comment.objects.all(), *Media.objects.all()])
    assert "author-private@example.invalid" not in dump  # the authors' addresses
    assert "192.0.2.7" not in dump  # commenters' IP addresses


def test_a_bad_item_fails_alone_in_one_line(settings, tmp_path, uploads, monkeypatch):
    settings.MEDIA_ROOT = tmp_path / "media"
    real = importer.render_markdown

    def render(body):
        if "Who we are" in body:
            raise ValueError("cannot render\nthis body")
        return real(body)

    monkeypatch.setattr(importer, "render_markdown", render)
    report = import_wordpress(SYNTHETIC, uploads=uploads)
    assert report.failures == ["page 103 “About”: ValueError: cannot render this body"]
    assert report.failed == 1 and report.counts["post"]["created"] == 7
    assert not Post.objects.filter(wp_id=103).exists() and Post.objects.count() == 7


def test_comment_ids_of_another_site_do_not_move_comments(report, tmp_path, uploads):
    other = tmp_path / "other.xml"
    other.write_text(SYNTHETIC.read_text(encoding="utf-8").replace("<wp:post_id>101</wp:post_id>",
                                                                   "<wp:post_id>901</wp:post_id>"), encoding="utf-8")
    again = import_wordpress(other, uploads=uploads)
    assert again.counts["comment"]["failed"] == 5
    assert again.failures[0].startswith("comment 1 on post 901 “Exhumation near Izium”: ValueError: comment 1 was "
                                        "imported on another post")
    assert Comment.objects.get(wp_id=1).post.wp_id == 101


def test_a_link_out_of_the_uploads_folder_is_not_followed(settings, tmp_path, uploads):
    settings.MEDIA_ROOT = tmp_path / "media"
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"not for the chronicle")
    (uploads / "2024" / "05" / "forest.png").unlink()
    (uploads / "2024" / "05" / "forest.png").symlink_to(secret)
    report = import_wordpress(SYNTHETIC, uploads=uploads)
    assert "attachment 201 “Photo in the forest”: 2024/05/forest.png is not in the uploads folder; the media row " \
           "keeps its original URL only" in report.warnings
    assert Media.objects.get(wp_id=201).file.name == ""
    assert not list((tmp_path / "media").rglob("forest*"))


def test_the_uploads_folder_is_checked(tmp_path):
    with pytest.raises(UploadsError, match="does not exist"):
        check_uploads(tmp_path / "missing")
    (tmp_path / "file.txt").write_text("x")
    with pytest.raises(UploadsError, match="is not a folder"):
        check_uploads(tmp_path / "file.txt")
    (tmp_path / "wp-content" / "uploads" / "2022").mkdir(parents=True)
    assert check_uploads(tmp_path / "wp-content") == (tmp_path / "wp-content" / "uploads",
                                                      f"{tmp_path / 'wp-content'} looks like wp-content; reading "
                                                      f"{tmp_path / 'wp-content' / 'uploads'}")
