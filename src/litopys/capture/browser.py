"""The rendered page: Debian's Chromium through Playwright, every request it makes fetched by our client.

Chromium gets no network of its own: it is pointed at a proxy that does not exist, and every request is
intercepted and answered with what `client.Client` fetched under the capture's rules (and recorded into
the capture's WARC). Each capture gets a fresh browser context: no cookies, no storage, no service workers.
One browser per process is kept, on a thread of its own, for the next capture.
"""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from litopys.capture.client import Client, Exchange
from litopys.capture.netpolicy import Refused

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                 # No network but through the interception below: a proxy that answers nothing, for loopback too.
                 "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
                 "--force-webrtc-ip-handling-policy=disable_non_proxied_udp"]
_SKIPPED_HEADERS = {"content-length", "transfer-encoding", "content-encoding", "connection", "keep-alive",
                    "set-cookie", "strict-transport-security", "alt-svc"}


@dataclass
class Visit:
    """What a site profile may set before the page is loaded, and what the renderer does after."""

    url: str
    scrolls: int = 0
    clicks: list[str] = field(default_factory=list)
    wait_for: str = ""
    text_selector: str = "body"


@dataclass
class Rendered:
    final_url: str = ""
    title: str = ""
    text: str = ""
    screenshot: bytes = b""
    pdf: bytes = b""
    media: list[dict] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    browser_version: str = ""


_MEDIA_SCRIPT = """() => {
  const seen = new Set(), out = [];
  const add = (url, kind) => {
    if (url && !url.startsWith('data:') && !seen.has(url)) { seen.add(url); out.push({url, kind}); }
  };
  document.querySelectorAll('img').forEach(img => add(img.currentSrc || img.src, 'image'));
  document.querySelectorAll('video, audio').forEach(el => {
    add(el.currentSrc || el.src, el.tagName.toLowerCase());
    el.querySelectorAll('source').forEach(s => add(s.src, el.tagName.toLowerCase()));
  });
  return out;
}"""


class Renderer:
    """One Chromium for this process, used from one thread; `render` may be called from any thread."""

    _lock = threading.Lock()
    _shared: Renderer | None = None

    def __init__(self, executable: str):
        self.executable = executable
        self.thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="chromium")
        self.browser = None
        self.playwright = None
        #: (browser, user agent, context, page) made ahead for the next capture and not yet used.
        self.spare: tuple | None = None

    @classmethod
    def shared(cls, executable: str) -> Renderer:
        with cls._lock:
            if cls._shared is None:
                cls._shared = cls(executable)
            return cls._shared

    def render(self, visit: Visit, client: Client, *, screenshot: bool = True, pdf: bool = True,
               timeout: float = 30) -> Rendered:
        rendered = self.thread.submit(self._render, visit, client, screenshot, pdf, timeout).result()
        # The next capture's fresh context is made now, while this one's files are stored.
        self.thread.submit(self._make_spare, client.policy.user_agent)
        return rendered

    def close(self) -> None:
        def stop():
            self._drop_spare()
            if self.browser:
                self.browser.close()
            if self.playwright:
                self.playwright.stop()
            self.browser = self.playwright = None

        self.thread.submit(stop).result()

    def _launch(self):
        if self.browser is None or not self.browser.is_connected():
            from playwright.sync_api import sync_playwright

            if self.playwright is None:
                self.playwright = sync_playwright().start()
            self.browser = self.playwright.chromium.launch(executable_path=self.executable, headless=True,
                                                           args=CHROMIUM_ARGS)
        return self.browser

    def _render(self, visit: Visit, client: Client, screenshot: bool, pdf: bool, timeout: float) -> Rendered:
        from playwright.sync_api import Error as PlaywrightError

        browser = self._launch()
        rendered = Rendered(browser_version=browser.version)
        context, page = self._fresh_context(browser, client.policy.user_agent)
        context.set_default_timeout(timeout * 1000)
        context.route("**/*", lambda route: _answer(route, client))
        try:
            try:
                page.goto(visit.url, wait_until="load")
            except PlaywrightError as exc:
                rendered.errors.append(f"{visit.url}: the browser could not load the page ({_short(exc)})")
                return rendered
            _settle(page, client)
            self._interact(page, visit, rendered)
            rendered.final_url = page.url
            rendered.title = page.title()
            try:
                rendered.text = page.inner_text(visit.text_selector or "body")
            except PlaywrightError as exc:
                rendered.errors.append(f"{visit.url}: no text in {visit.text_selector} ({_short(exc)})")
            rendered.media = page.evaluate(_MEDIA_SCRIPT)
            if screenshot:
                try:
                    rendered.screenshot = page.screenshot(full_page=True, type="png")
                except PlaywrightError as exc:
                    rendered.errors.append(f"{visit.url}: the screenshot failed ({_short(exc)})")
            if pdf:
                try:
                    page.emulate_media(media="screen")
                    rendered.pdf = page.pdf(print_background=True, format="A4")
                except PlaywrightError as exc:
                    rendered.errors.append(f"{visit.url}: printing to PDF failed ({_short(exc)})")
        finally:
            context.close()
        return rendered

    def _fresh_context(self, browser, user_agent: str):
        """A context never used before, with its one blank page: the one made ahead when it fits, else a new one.
        No cookies, no storage, no service workers; nothing of an earlier capture is in it."""
        spare, self.spare = self.spare, None
        if spare and spare[0] is browser and spare[1] == user_agent and browser.is_connected():
            return spare[2], spare[3]
        if spare:
            _close_quietly(spare[2])
        context = browser.new_context(service_workers="block", user_agent=user_agent,
                                      viewport={"width": 1280, "height": 900}, accept_downloads=False)
        return context, context.new_page()

    def _make_spare(self, user_agent: str) -> None:
        from playwright.sync_api import Error as PlaywrightError

        if self.spare is not None:
            return
        try:
            browser = self._launch()
            self.spare = (browser, user_agent, *self._fresh_context(browser, user_agent))
        except PlaywrightError:
            self.spare = None  # the next capture makes its own context, and says so if it cannot

    def _drop_spare(self) -> None:
        spare, self.spare = self.spare, None
        if spare:
            _close_quietly(spare[2])

    def _interact(self, page, visit: Visit, rendered: Rendered) -> None:
        from playwright.sync_api import Error as PlaywrightError

        for selector in visit.clicks:
            try:
                page.click(selector, timeout=5000)
                page.wait_for_load_state("networkidle", timeout=5000)
            except PlaywrightError as exc:
                rendered.errors.append(f"{visit.url}: could not click {selector} ({_short(exc)})")
        for _ in range(visit.scrolls):
            page.mouse.wheel(0, 4000)
            page.wait_for_timeout(300)
        if visit.wait_for:
            try:
                page.wait_for_selector(visit.wait_for, timeout=10000)
            except PlaywrightError as exc:
                rendered.errors.append(f"{visit.url}: {visit.wait_for} never appeared ({_short(exc)})")


def _settle(page, client: Client, quiet: float = 0.1, longest: float = 5.0) -> None:
    """Wait until the page has asked for nothing for `quiet` seconds (at most `longest`): a page that keeps
    polling is rendered as it is then. The quiet time counts from the last answer, which for an ordinary page
    came before its load event: such a page is not kept waiting. (Requests are answered on this thread while
    it waits, so none is half-answered when the clock is read.)"""
    started = time.monotonic()
    while time.monotonic() - started < longest:
        if time.monotonic() - getattr(client, "last_request_at", 0.0) >= quiet:
            return
        page.wait_for_timeout(25)


def _answer(route, client: Client) -> None:
    """Answer one of Chromium's requests with what the client fetches under the capture's rules."""
    client.last_request_at = time.monotonic()
    try:
        _fulfil(route, client)
    finally:
        client.last_request_at = time.monotonic()


def _fulfil(route, client: Client) -> None:
    request = route.request
    if request.method not in ("GET", "HEAD") or not request.url.startswith(("http://", "https://")):
        route.abort("blockedbyclient")  # a capture reads; it never posts forms or sends data
        return
    headers = {"accept": request.headers.get("accept", ""), "referer": request.headers.get("referer", ""),
               "accept-language": request.headers.get("accept-language", "")}
    try:
        # Chromium does not route the hops of a redirect it was handed: follow them here, each one checked and
        # recorded, and answer with where they lead.
        exchange = client.get(request.url, headers)
        hops = 0
        while exchange.location and hops < client.policy.max_redirects:
            exchange = client.get(exchange.location, headers)
            hops += 1
    except Refused:
        exchange = _kept(client, request.url)
        if exchange is None:
            route.abort("blockedbyclient")
            return
    route.fulfill(status=exchange.status, headers=_headers(exchange), body=exchange.read())


def _close_quietly(context) -> None:
    from playwright.sync_api import Error as PlaywrightError

    try:
        context.close()
    except PlaywrightError:
        pass  # a browser that went away took the context with it


def _kept(client: Client, url: str) -> Exchange | None:
    return next((e for e in reversed(client.exchanges) if e.url == url), None)


def _headers(exchange: Exchange) -> dict:
    headers: dict[str, str] = {}
    for key, value in exchange.headers:
        if key.lower() not in _SKIPPED_HEADERS:
            headers[key] = f"{headers[key]}, {value}" if key in headers else value
    return headers


def _short(exc: BaseException) -> str:
    text = " ".join(str(exc).split("\n")[0].split())
    return text[:200]
