"""Video and audio a page carries, read with yt-dlp used as a library (its version recorded)."""

from __future__ import annotations

import logging
from pathlib import Path

from litopys.capture.client import Policy
from litopys.capture.netpolicy import Refused, check_literal_host, check_url, resolve


class _Quiet:
    """yt-dlp's messages go to our log, not to the terminal."""

    def __init__(self):
        self.log = logging.getLogger("litopys.capture.media")

    def debug(self, message):
        self.log.debug(message)

    def info(self, message):
        self.log.debug(message)

    def warning(self, message):
        self.log.info(message)

    def error(self, message):
        self.log.info(message)


def ytdlp_version() -> str:
    from yt_dlp.version import __version__

    return f"yt-dlp {__version__}"


def download(url: str, folder: Path, policy: Policy) -> list[Path]:
    """Download the media yt-dlp finds at url into folder; raise Refused with one line when it cannot.

    The address is checked like any other first. yt-dlp then makes its own requests (through the same
    proxy); the hosts it is sent on to by the site are not checked one by one.
    """
    parts = check_url(url)
    if policy.proxy:
        check_literal_host(url, parts.hostname, policy.allow_private)
    else:
        resolve(url, parts.hostname, parts.port or (443 if parts.scheme == "https" else 80), policy.allow_private)
    from yt_dlp import YoutubeDL
    from yt_dlp.utils import DownloadError

    options = {
        "outtmpl": str(folder / "media-%(id).60s.%(ext)s"), "quiet": True, "no_warnings": True,
        "noprogress": True, "noplaylist": True, "socket_timeout": policy.timeout, "retries": 0,
        "max_filesize": policy.max_bytes, "http_headers": {"User-Agent": policy.user_agent},
        "logger": _Quiet(), "proxy": policy.proxy or "", "cachedir": False, "playlistend": 5,
    }
    try:
        with YoutubeDL(options) as downloader:
            info = downloader.extract_info(url, download=True)
    except DownloadError as exc:
        reason = str(exc).replace("ERROR: ", "").split("\n")[0]
        raise Refused(f"{url}: no video or audio the extractor can read ({reason[:200]})") from None
    entries = info.get("entries") or [info] if info else []
    files = []
    for entry in entries:
        for download_ in (entry or {}).get("requested_downloads") or []:
            path = Path(download_.get("filepath") or "")
            if path.is_file():
                files.append(path)
    return files
