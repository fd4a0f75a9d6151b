"""Site profiles: how to visit a kind of page. One method each, `prepare(visit)`, like the processors.

A profile says which addresses it serves (`pattern`, a regular expression on the URL) and sets on the
visit what the renderer should do: load another address (a public preview), scroll, click, wait for an
element, read the text of one element. Adding a site is adding a profile to LITOPYS_CAPTURE_PROFILES.
"""

from __future__ import annotations

import importlib
import re

from litopys.capture.browser import Visit

DEFAULT_PROFILES = [
    "litopys.capture.profiles.TelegramPost",
    "litopys.capture.profiles.Page",
]


class Profile:
    """Base class: set `name` and `pattern`, implement `prepare`."""

    #: Recorded with the capture.
    name: str = ""
    #: The addresses this profile serves (searched in the URL); the first matching profile is used.
    pattern: str = ""

    def matches(self, url: str) -> bool:
        return bool(re.search(self.pattern, url))

    def prepare(self, visit: Visit) -> None:  # pragma: no cover - abstract
        raise NotImplementedError


class Page(Profile):
    """Any page: loaded as it is, its whole body read."""

    name = "page"
    pattern = r"^https?://"

    def prepare(self, visit: Visit) -> None:
        return None


class TelegramPost(Profile):
    """A post of a public Telegram channel, `t.me/<channel>/<id>`, read through the public web preview
    `t.me/s/<channel>/<id>`; the text is that post's text alone."""

    name = "telegram-post"
    pattern = r"^https?://(www\.)?(t\.me|telegram\.me)/(s/)?(?P<channel>[A-Za-z0-9_]{4,})/(?P<post>\d+)"

    def prepare(self, visit: Visit) -> None:
        found = re.search(self.pattern, visit.url)
        channel, post = found["channel"], found["post"]
        host = re.match(r"^https?://[^/]+", visit.url)[0]
        visit.url = f"{host}/s/{channel}/{post}"
        selector = f'.tgme_widget_message[data-post="{channel}/{post}"]'
        visit.wait_for = selector
        visit.text_selector = f"{selector} .tgme_widget_message_text"


class ScrollAndClick(Profile):
    """A page that shows its content only after scrolling or a click ("show more", a cookie wall).

    Subclass it with your site's `pattern`, `clicks` (CSS selectors, clicked in order) and `scrolls`.
    """

    name = "scroll-and-click"
    pattern = r"$^"  # serves nothing until a subclass names its site
    clicks: tuple[str, ...] = ()
    scrolls: int = 5
    wait_for: str = ""

    def prepare(self, visit: Visit) -> None:
        visit.clicks = list(self.clicks)
        visit.scrolls = self.scrolls
        visit.wait_for = self.wait_for


def load_profiles(paths: list[str] | None = None) -> list[Profile]:
    profiles = []
    for path in DEFAULT_PROFILES if paths is None else paths:
        module_path, _, class_name = path.rpartition(".")
        try:
            cls = getattr(importlib.import_module(module_path), class_name)
        except (ImportError, AttributeError, ValueError) as exc:
            raise ValueError(f"capture profile {path!r} does not import ({exc}); check the dotted path") from exc
        if not (isinstance(cls, type) and issubclass(cls, Profile)):
            raise ValueError(f"capture profile {path!r} is not a Profile subclass")
        profiles.append(cls())
    return profiles


def profile_for(url: str, profiles: list[Profile]) -> Profile:
    return next((profile for profile in profiles if profile.matches(url)), Page())
