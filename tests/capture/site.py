"""A small web site the tests serve on 127.0.0.1 (SYNTHETIC pages): images, redirects, a changing page,
a page that remembers what an earlier visit left, a 404, a page that never answers, one that sends 2 GB,
a PDF, a video and a broken one."""

import io
import threading
import time
import wave
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from PIL import Image


def png(colour) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (60, 40), colour).save(out, format="PNG")
    return out.getvalue()


def wav() -> bytes:
    out = io.BytesIO()
    with wave.open(out, "wb") as sound:
        sound.setnchannels(1)
        sound.setsampwidth(2)
        sound.setframerate(8000)
        sound.writeframes(b"\0\1" * 4000)
    return out.getvalue()


PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Synthetic bulletin</title></head>
<body><h1>Synthetic bulletin</h1>
<p>The regional police said on 20 September 2022 that 14 bodies were found near the synthetic river.</p>
<img src="/img/red.png" alt="red"><img src="/img/green.png" alt="green">
<script>document.body.insertAdjacentHTML('beforeend', '<p id="late">Written by a script after loading.</p>');</script>
</body></html>"""

REMEMBER = """<!doctype html><html><head><title>Synthetic memory</title></head><body>
<p id="out">?</p><p id="agent">?</p><script>
var before = localStorage.getItem('mark') || 'none', cookie = document.cookie || 'none';
localStorage.setItem('mark', 'set'); document.cookie = 'mark=set; max-age=3600';
document.getElementById('out').textContent = 'stored before: ' + before + '; cookie: ' + cookie;
document.getElementById('agent').textContent = 'agent: ' + navigator.userAgent;
</script></body></html>"""


class Site:
    def __init__(self):
        self.version = 1
        self.hits: dict[str, int] = {}
        self.stop = threading.Event()
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def send(self, status, body: bytes, content_type="text/html; charset=utf-8", headers=()):
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                for key, value in headers:
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self):  # noqa: N802 - the http.server name
                path = self.path
                site.hits[path] = site.hits.get(path, 0) + 1
                if path == "/page":
                    self.send(200, PAGE.encode())
                elif path == "/remember":
                    self.send(200, REMEMBER.encode())
                elif path == "/img/red.png":
                    self.send(200, png((200, 30, 30)), "image/png")
                elif path == "/img/green.png":
                    self.send(200, png((30, 200, 30)), "image/png")
                elif path.startswith("/hop/"):
                    number = int(path.rsplit("/", 1)[1])
                    target = "/page" if number >= 3 else f"/hop/{number + 1}"
                    self.send(302, b"", headers=[("Location", target)])
                elif path == "/loop/a":
                    self.send(301, b"", headers=[("Location", "/loop/b")])
                elif path == "/loop/b":
                    self.send(301, b"", headers=[("Location", "/loop/a")])
                elif path == "/changing":
                    text = (f"<html><body><p>Version {site.version}: {10 * site.version} bodies were reported "
                            "by the synthetic council.</p></body></html>")
                    self.send(200, text.encode())
                elif path == "/more":
                    body = (b'<html><body><p>Opening.</p><button id="more" onclick="document.getElementById('
                            b"'hidden').hidden = false\">more</button><p id=\"hidden\" hidden>Shown after the "
                            b"click: 9 bodies were recovered.</p></body></html>")
                    self.send(200, body)
                elif path == "/robots.txt":
                    self.send(200, b"User-agent: *\nDisallow: /private\n", "text/plain")
                elif path == "/gone":
                    self.send(404, b"<html><body><p>Not found</p></body></html>")
                elif path == "/never":
                    site.stop.wait(60)
                elif path == "/huge":
                    self.send_response(200)
                    self.send_header("Content-Type", "application/octet-stream")
                    self.send_header("Content-Length", str(2 * 1024**3))
                    self.end_headers()
                    block = b"\0" * 65536
                    try:
                        for _ in range(2 * 1024**3 // 65536):
                            if site.stop.is_set():
                                break
                            self.wfile.write(block)
                    except OSError:
                        pass  # the client stopped reading at its limit, as it should
                elif path == "/report.pdf":
                    self.send(200, b"%PDF-1.4\n%synthetic, not a real PDF\n%%EOF\n", "application/pdf")
                elif path == "/video-page":
                    body = (b'<html><body><p>A synthetic clip and a synthetic sound.</p><video src="/clip.webm">'
                            b'</video><audio src="/sound.wav"></audio></body></html>')
                    self.send(200, body)
                elif path == "/clip.webm":
                    self.send(200, b"synthetic bytes that no video decoder reads " * 20, "video/webm")
                elif path == "/sound.wav":
                    self.send(200, wav(), "audio/wav")
                else:
                    self.send(404, b"<html><body>no such page</body></html>")

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.server.shutdown()
        self.server.server_close()
        time.sleep(0.05)
