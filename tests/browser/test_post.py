"""A reader in Chromium: reads the post, opens a figure's sources, rates, comments, sees a sensitive image,
switches the language. Each test leaves a screenshot in test-results/."""

import re
import urllib.error
import urllib.request

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser
DEMO_SLUG = "izium-balakliia-war-crimes"


def english(page):
    """Ask for the English interface, as a reader would with the switch."""
    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")


def test_read_the_post(page, post_url, results):
    page.goto(post_url)
    english(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Synthetic crimes by the river revealed")
    expect(page.locator("a.fig").first).to_contain_text("321")
    expect(page.get_by_role("heading", name="Rate this post")).to_be_visible()
    expect(page.get_by_role("heading", name="Share this article")).to_be_visible()
    expect(page.get_by_role("heading", name="Leave a Reply")).to_be_visible()
    assert page.locator("main h2").count() >= 4
    page.screenshot(path=results / "post-read.png", full_page=True)


def test_the_demo_post_retells_the_seed_article(page, site_url, results):
    try:
        urllib.request.urlopen(f"{site_url}/posts/{DEMO_SLUG}/", timeout=10).close()
    except urllib.error.HTTPError:
        pytest.skip(f"the demo has no post /posts/{DEMO_SLUG}/ yet (it comes with `litopys demo`'s post step)")
    page.goto(f"{site_url}/posts/{DEMO_SLUG}/")
    english(page)
    title = page.get_by_role("heading", level=1).inner_text()
    assert "Izium" in title and "Balakliia" in title
    expect(page.locator("a.fig", has_text="447")).to_have_count(1)
    page.screenshot(path=results / "post-demo.png", full_page=True)


def test_open_a_figures_sources(page, post_url, results):
    page.goto(post_url)
    english(page)
    figure = page.locator("a.fig").first
    figure.click()
    popover = page.get_by_role("dialog")
    expect(popover).to_be_visible()
    expect(popover).to_contain_text("Synthetic river police bulletin")
    expect(popover).to_contain_text("searchers recovered 321 bodies by the river")
    expect(popover).to_contain_text("Officer Synthetic River")
    expect(figure).to_have_attribute("aria-expanded", "true")
    page.screenshot(path=results / "post-figure-popover.png")
    page.keyboard.press("Escape")
    expect(popover).to_have_count(0)
    expect(figure).to_be_focused()


def test_figure_note_without_javascript(browser, post_url, results):
    context = browser.new_context(java_script_enabled=False, locale="en-GB")
    page = context.new_page()
    page.goto(post_url)
    page.locator("a.fig").first.click()
    assert page.url.endswith("#fig-note-1")
    expect(page.locator("#fig-note-1")).to_contain_text("Synthetic river police bulletin")
    page.screenshot(path=results / "post-figure-note-no-js.png")
    context.close()


def test_rate_the_post(page, post_url, results):
    page.goto(post_url)
    english(page)
    page.locator("label[for=star-4]").click()
    page.get_by_role("button", name="Rate", exact=True).click()
    expect(page.get_by_role("status").filter(has_text="your vote is counted")).to_be_visible()
    expect(page.locator(".rating-summary")).to_contain_text(re.compile(r"from \d+ votes?"))
    page.screenshot(path=results / "post-rated.png")


def test_comment_waits_for_moderation(page, browser, post_url, results):
    page.goto(post_url)
    english(page)
    page.get_by_label("Comment").fill("A synthetic reply from the browser test.")
    page.get_by_label("Name").fill("Synthetic Browser Reader")
    page.get_by_label("Email").fill("browser-reader@example.net")
    page.get_by_role("button", name="Post Comment").click()
    expect(page.get_by_text("Your comment is awaiting moderation.")).to_be_visible()
    expect(page.get_by_text("A synthetic reply from the browser test.")).to_be_visible()
    assert "browser-reader@example.net" not in page.content()
    page.screenshot(path=results / "post-comment-moderation.png", full_page=True)
    stranger = browser.new_context().new_page()
    stranger.goto(post_url)
    expect(stranger.get_by_text("A synthetic reply from the browser test.")).to_have_count(0)
    stranger.context.close()


def test_reveal_a_sensitive_image(page, post_url, results):
    page.goto(post_url)
    english(page)
    box = page.locator(".blur-box").first
    expect(box).to_have_class(re.compile("is-blurred"))
    page.screenshot(path=results / "post-sensitive-blurred.png", full_page=True)
    box.get_by_role("button", name=re.compile("Show image")).click()
    expect(box).not_to_have_class(re.compile("is-blurred"))
    expect(box.locator("img")).to_be_visible()
    page.screenshot(path=results / "post-sensitive-shown.png", full_page=True)


def test_sensitive_image_without_javascript(browser, post_url, results):
    context = browser.new_context(java_script_enabled=False, locale="en-GB")
    page = context.new_page()
    page.goto(post_url)
    image = page.locator("details.sensitive img")
    expect(image).to_be_hidden()
    page.locator("details.sensitive summary").click()
    expect(image).to_be_visible()
    # Served by the chronicle's media view (a published post shows it), under an unguessable name.
    assert re.search(r"/media/chronicle/[0-9a-f]{32}\.png$", image.get_attribute("src"))
    assert image.evaluate("img => img.complete && img.naturalWidth") == 640
    page.screenshot(path=results / "post-sensitive-no-js.png", full_page=True)
    context.close()


def test_switch_language(page, post_url, results):
    page.goto(post_url)
    page.get_by_role("button", name="Українська").click()
    expect(page.locator("html")).to_have_attribute("lang", "uk")
    expect(page.get_by_role("heading", name="Оцініть цей допис")).to_be_visible()
    page.screenshot(path=results / "post-ukrainian.png")
    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", name="Rate this post")).to_be_visible()
    assert page.url == post_url
