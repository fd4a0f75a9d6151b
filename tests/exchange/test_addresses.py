"""The old site's addresses: images found by URL (resized copies too), links to posts and files rewritten."""

from pathlib import Path

from litopys.exchange.wordpress.addresses import Addresses, slug_for, upload_key
from litopys.exchange.wordpress.wxr import parse_wxr

SYNTHETIC = Path(__file__).parent / "data" / "synthetic-export.xml"


def test_upload_keys_and_slugs():
    assert upload_key("https://x.example/wp-content/uploads/2024/05/forest-300x200.png?ver=2") == "2024/05/forest.png"
    assert upload_key("https://x.example/wp-content/uploads/2024/05/big-scaled.jpg") == "2024/05/big.jpg"
    assert upload_key("https://x.example/about/") is None
    assert slug_for("Хронологія звільнення: 10 вересня", "x") == "хронологія-звільнення-10-вересня"
    assert slug_for("!!!", "post-9") == "post-9"


def test_images_are_found_by_address_on_this_site_only():
    addresses = Addresses(parse_wxr(SYNTHETIC))
    uploads = "https://chronicle.example/wp-content/uploads"
    assert addresses.attachment_for_url(f"{uploads}/2024/05/forest-150x150.png") == 201
    assert addresses.attachment_for_url("http://www.chronicle.example/wp-content/uploads/2024/05/aid.png") == 202
    assert addresses.attachment_for_url("https://elsewhere.example/wp-content/uploads/2024/05/aid.png") is None


def test_links_to_posts_pages_and_files_are_rewritten():
    addresses = Addresses(parse_wxr(SYNTHETIC))
    addresses.targets.update({101: "/posts/ексгумація/", 103: "/pages/about/"})
    addresses.files["2024/05/forest.png"] = "/media/chronicle/2024/05/forest.png"
    assert addresses.link_for("https://chronicle.example/2024/05/06/exhumation/") == "/posts/ексгумація/"
    assert addresses.link_for("https://chronicle.example/2024/05/06/exhumation#graves") == "/posts/ексгумація/#graves"
    assert addresses.link_for("/?p=101") == "/posts/ексгумація/"
    assert addresses.link_for("https://chronicle.example/?page_id=103") == "/pages/about/"
    assert addresses.link_for("https://chronicle.example/about/") == "/pages/about/"
    assert addresses.link_for("https://chronicle.example/wp-content/uploads/2024/05/forest-300x200.png") == \
        "/media/chronicle/2024/05/forest.png"
    assert addresses.link_for("https://chronicle.example/2099/unknown/") is None
    assert addresses.link_for("https://police.example/2024/05/06/exhumation/") is None
