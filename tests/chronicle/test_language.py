"""Ukrainian by default, English on request; the switch works without JavaScript and keeps the page cacheable."""


import pytest
from django.conf import settings as django_settings

from .conftest import make_post

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("isolated_cache")]


@pytest.fixture
def post(db):
    return make_post("synthetic-language", title="A synthetic post in two interfaces", body="Synthetic words.")


def test_ukrainian_is_the_default(client, post, settings):
    settings.LANGUAGE_CODE = "uk"
    page = client.get("/posts/synthetic-language/").content.decode()
    assert '<html lang="uk">' in page
    assert "Оцініть цей допис" in page and "Залишити відповідь" in page and "Перейти до змісту" in page
    assert '<h1 lang="en">A synthetic post in two interfaces</h1>' in page, "the post keeps its own language"


def test_switching_sets_the_cookie_and_returns_to_the_page(client, post, settings):
    settings.LANGUAGE_CODE = "uk"
    response = client.post("/language/", {"language": "en", "next": "/posts/synthetic-language/"})
    assert response.status_code == 302 and response["Location"] == "/posts/synthetic-language/"
    assert response.cookies[django_settings.LANGUAGE_COOKIE_NAME].value == "en"
    page = client.get("/posts/synthetic-language/").content.decode()
    assert '<html lang="en">' in page and "Rate this post" in page and "Leave a Reply" in page
    assert 'value="en" lang="en" aria-pressed="true"' in page
    client.post("/language/", {"language": "uk", "next": "/"})
    assert '<html lang="uk">' in client.get("/").content.decode()


def test_the_switch_refuses_other_sites_and_foreign_next_urls(client, post):
    assert client.post("/language/", {"language": "en"}, HTTP_ORIGIN="https://evil.example").status_code == 403
    response = client.post("/language/", {"language": "en", "next": "https://evil.example/"})
    assert response["Location"] == "/"


def test_the_switch_is_a_plain_form_without_a_token(client, post):
    page = client.get("/posts/synthetic-language/").content.decode()
    form = page[page.index('<form class="language-switch"'):]
    form = form[:form.index("</form>")]
    assert 'action="/language/"' in form and 'method="post"' in form and "csrfmiddlewaretoken" not in form
    assert 'name="next" value="/posts/synthetic-language/"' in form
    assert "Set-Cookie" not in str(client.get("/posts/synthetic-language/").headers), "nothing personal: cacheable"


def test_each_language_is_cached_apart(client, post, settings):
    settings.LITOPYS_PAGE_CACHE = 300
    assert "Оцініть" in client.get("/posts/synthetic-language/", HTTP_ACCEPT_LANGUAGE="uk").content.decode()
    english = client.get("/posts/synthetic-language/", HTTP_ACCEPT_LANGUAGE="en")
    assert "Rate this post" in english.content.decode()
    assert "Accept-Language" in english["Vary"] and "Cookie" in english["Vary"]
    assert english["Content-Language"] == "en"


def test_every_string_is_translated():
    """Every message of the catalogue has its Ukrainian translation: people see no English on the Ukrainian site."""
    from pathlib import Path

    folder = Path(django_settings.BASE_DIR) / "locale" / "uk" / "LC_MESSAGES"
    assert (folder / "django.mo").exists(), "compile the catalogue: msgfmt -o django.mo django.po"
    entries = (folder / "django.po").read_text("utf-8").strip().split("\n\n")[1:]
    assert len(entries) > 100
    untranslated = [entry for entry in entries if not entry.startswith("#~")
                    and (entry.rstrip().endswith('msgstr ""') or '] ""\n' in entry + "\n" or "#, fuzzy" in entry)]
    assert not untranslated, untranslated[:3]
