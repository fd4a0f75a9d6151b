"""Reading a WordPress export: site, authors, terms, items with postmeta and comments; bad input."""

import datetime
from pathlib import Path

import pytest

from litopys.exchange.wordpress.phpserial import PHPSerialError, unserialize
from litopys.exchange.wordpress.wxr import WXRError, parse_wxr, parse_wxr_bytes

SYNTHETIC = Path(__file__).parent / "data" / "synthetic-export.xml"
UTC = datetime.UTC


@pytest.fixture(scope="module")
def export():
    return parse_wxr(SYNTHETIC)


def test_site_and_authors(export):
    assert export.site.title == "Хроніка"
    assert export.site.language == "uk"
    assert export.site.base_site_url == "https://chronicle.example"
    assert export.author_name("editor") == "Олена Редакторка"
    assert export.author_name("someone-else") == "someone-else"
    # The authors' e-mail addresses are not even read.
    assert not hasattr(export.authors[0], "email")


def test_terms_are_read_once_with_decoded_slugs_and_parents(export):
    assert [(t.term_id, t.slug, t.parent) for t in export.categories] == [(12, "izium", "злочини"), (11, "злочини", "")]
    assert export.categories[1].description == "War crimes"
    # "exhumation" is declared only as a <wp:term>; "testimony" both ways but read once.
    assert [(t.term_id, t.slug) for t in export.tags] == [(21, "testimony"), (22, "exhumation")]
    assert [(t.taxonomy, t.slug) for t in export.other_terms] == [("nav_menu", "main-menu")]


def test_items_keep_type_status_dates_and_slugs(export):
    items = {item.id: item for item in export.items}
    assert sorted(items) == [101, 102, 103, 104, 105, 106, 107, 108, 201, 202, 203, 301, 302, 303]
    assert {i: items[i].type for i in (101, 103, 201, 301, 302, 303)} == {
        101: "post", 103: "page", 201: "attachment", 301: "nav_menu_item", 302: "revision", 303: "wp_block"}
    assert [items[i].status for i in range(101, 109)] == [
        "publish", "draft", "publish", "future", "private", "pending", "trash", "publish"]
    post = items[101]
    assert post.slug == "ексгумація"
    assert post.date_gmt == datetime.datetime(2024, 5, 6, 10, 0, tzinfo=UTC)
    assert post.date == datetime.datetime(2024, 5, 6, 13, 0)
    assert post.pub_date == datetime.datetime(2024, 5, 6, 10, 0, tzinfo=UTC)
    assert post.excerpt == "What the <em>investigators</em> found."
    assert post.slugs("category") == ["izium"]
    assert post.slugs("post_tag") == ["testimony", "exhumation"]
    assert post.thumbnail_id == 201
    assert post.comment_status == "open" and not post.sticky
    draft = items[102]
    assert draft.slug == "" and draft.date_gmt is None and draft.pub_date is None
    assert items[108].password == "secret"


def test_attachment_postmeta(export):
    photo = next(item for item in export.items if item.id == 201)
    assert photo.attached_file == "2024/05/forest.png"
    assert photo.meta["_wp_attachment_image_alt"] == "Investigators in a pine forest"
    assert photo.excerpt == "Exhumation in the forest"
    assert photo.attachment_metadata == {"width": 40, "height": 30,
                                         "image_meta": {"credit": "Фото: Ю.", "copyright": ""}}
    assert photo.parent == 101


def test_comments_keep_moderation_state_threading_and_type(export):
    post = next(item for item in export.items if item.id == 101)
    assert [(c.id, c.approved, c.parent, c.type) for c in post.comments] == [
        (1, "1", 0, "comment"), (3, "1", 1, "comment"), (2, "0", 0, "comment"), (4, "spam", 0, "comment"),
        (5, "trash", 0, "comment"), (6, "1", 0, "pingback")]
    first = post.comments[0]
    assert first.email == "olena@example.invalid"
    assert first.content == "Thank you.\n\nPlease keep writing."
    assert first.date_gmt == datetime.datetime(2024, 5, 6, 11, 0, tzinfo=UTC)


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(WXRError, match=r"nowhere\.xml does not exist"):
        parse_wxr(tmp_path / "nowhere.xml")


def test_a_folder_is_not_an_export(tmp_path):
    with pytest.raises(WXRError, match="is a folder"):
        parse_wxr(tmp_path)


def test_text_that_is_not_xml_is_refused():
    with pytest.raises(WXRError, match=r"notes\.txt is not well-formed XML .*line 1"):
        parse_wxr_bytes(b"Just some notes, <b>not</b XML", name="notes.txt")


def test_rss_without_the_wordpress_namespace_is_refused():
    feed = b'<?xml version="1.0"?><rss version="2.0"><channel><title>A feed</title></channel></rss>'
    with pytest.raises(WXRError, match="not a WordPress export"):
        parse_wxr_bytes(feed, name="feed.xml")


def test_entities_are_never_expanded_from_a_dtd():
    hostile = (b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
               b'<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><item><title>&x;</title>'
               b'<wp:post_id>1</wp:post_id></item></channel></rss>')
    export = parse_wxr_bytes(hostile)
    assert "root:" not in export.items[0].title


def test_control_characters_that_wordpress_writes_are_removed_with_a_warning():
    data = SYNTHETIC.read_bytes().replace(b"Who we are.", b"Who we\x0b are.")
    export = parse_wxr_bytes(data, name="export.xml")
    assert export.warnings == ["export.xml: removed 1 control characters that XML does not allow"]
    assert next(i for i in export.items if i.id == 103).content == "<p>Who we are.</p>"


def test_php_serialised_metadata():
    assert unserialize('a:2:{s:5:"width";i:640;s:5:"sizes";a:1:{i:0;b:1;}}') == {"width": 640, "sizes": {0: True}}
    assert unserialize('s:8:"Ізюм";') == "Ізюм"  # lengths count bytes, not characters
    assert unserialize("d:0.5;") == 0.5 and unserialize("N;") is None
    for broken in ('s:9:"Ізюм";', 'O:8:"stdClass":0:{}', "a:1:{", "x"):
        with pytest.raises(PHPSerialError):
            unserialize(broken)
