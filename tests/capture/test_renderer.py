"""One Chromium serves the captures of a worker, one after another; each capture gets a browser context nobody
used before, so nothing an earlier page stored (cookies, local storage) reaches the next one."""

import io

from warcio.warcwriter import WARCWriter

from litopys.capture.browser import Renderer, Visit
from litopys.capture.client import Client, Policy


def test_captures_in_a_row_share_one_browser_and_nothing_else(site, chromium):
    renderer = Renderer(chromium)
    texts, browsers = [], []
    try:
        for _ in range(3):
            client = Client(Policy(allow_private=True, timeout=5), WARCWriter(io.BytesIO(), gzip=True))
            rendered = renderer.render(Visit(url=site.url + "/remember"), client, screenshot=False, pdf=True,
                                       timeout=10)
            assert rendered.errors == [] and rendered.pdf.startswith(b"%PDF")
            texts.append(rendered.text.splitlines()[0].strip())
            browsers.append(renderer.browser)
    finally:
        renderer.close()
    assert texts == ["stored before: none; cookie: none"] * 3
    assert browsers[0] is browsers[1] is browsers[2]  # started once, not per capture


def test_a_context_made_ahead_is_not_used_under_another_user_agent(site, chromium):
    renderer = Renderer(chromium)
    try:
        first = Client(Policy(allow_private=True, timeout=5), WARCWriter(io.BytesIO(), gzip=True))
        before = renderer.render(Visit(url=site.url + "/remember"), first, screenshot=False, pdf=False, timeout=10)
        other = Client(Policy(allow_private=True, timeout=5, user_agent="Synthetic-agent/2"),
                       WARCWriter(io.BytesIO(), gzip=True))
        after = renderer.render(Visit(url=site.url + "/remember"), other, screenshot=False, pdf=False, timeout=10)
    finally:
        renderer.close()
    assert "agent: Litopys-capture" in before.text
    assert "agent: Synthetic-agent/2" in after.text and "stored before: none" in after.text
