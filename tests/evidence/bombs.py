"""Hostile web archives, written streaming (never whole in memory), and a normal archive to compare with.

Everything here is synthetic: zeros, random bytes and made-up pages. `bench/ingest_limits.py` uses the
same builders.
"""

import gzip
import os
import random
import struct
import sys
import zipfile
import zlib
from pathlib import Path

MIB = 1024 * 1024
GIB = 1024 * MIB
ZEROS = bytes(MIB)


def _warc_headers(url: str, length: int, number: int = 1, rec_type: str = "response") -> bytes:
    return (f"WARC/1.0\r\nWARC-Type: {rec_type}\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{number:012d}>"
            f"\r\nWARC-Date: 2022-09-23T10:15:00Z\r\nWARC-Target-URI: {url}\r\n"
            f"Content-Type: application/http; msgtype=response\r\nContent-Length: {length}\r\n\r\n").encode()


def _http_head(body_length: int, extra: str = "") -> bytes:
    return (f"HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\n{extra}"
            f"Content-Length: {body_length}\r\n\r\n").encode()


def zero_record_warc_gz(path: Path, size: int = 2 * GIB) -> Path:
    """A .warc.gz of ONE response record whose body is `size` zero bytes (2 GiB compress to ~2 MB).

    The deflate stream is cut into 1 MiB blocks with full flushes, so every block of zeros compresses to the
    same bytes: compressed once, written `size` / 1 MiB times (the CRC is the only work per block).
    """
    assert size % MIB == 0
    http = _http_head(size)
    head = _warc_headers("https://example.org/zeros.bin", len(http) + size)
    squeeze = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    tail = b"\r\n\r\n"
    with open(path, "wb") as out:
        out.write(b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff")  # gzip header: no name, no time
        out.write(squeeze.compress(head + http) + squeeze.flush(zlib.Z_FULL_FLUSH))
        crc = zlib.crc32(head + http)
        block = squeeze.compress(ZEROS) + squeeze.flush(zlib.Z_FULL_FLUSH)
        for _ in range(size // MIB):
            out.write(block)
            crc = zlib.crc32(ZEROS, crc)
        out.write(squeeze.compress(tail) + squeeze.flush(zlib.Z_FINISH))
        crc = zlib.crc32(tail, crc)
        out.write(struct.pack("<II", crc, (len(head) + len(http) + size + len(tail)) & 0xFFFFFFFF))
    return path


def zeros_wacz(path: Path, size: int = 100 * 1000 * 1000) -> Path:
    """A WACZ (~100 KB) whose archive/data.warc holds one record of `size` zeros, deflated by the zip."""
    http = _http_head(size)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("datapackage.json", b'{"profile": "data-package", "wacz_version": "1.1.1"}')
        with archive.open("archive/data.warc", "w", force_zip64=True) as member:
            member.write(_warc_headers("https://example.org/zeros.bin", len(http) + size) + http)
            left = size
            while left:
                member.write(ZEROS[: min(MIB, left)])
                left -= min(MIB, left)
            member.write(b"\r\n\r\n")
    return path


def header_then_garbage(path: Path, size: int = 2 * MIB, seed: int = 5) -> Path:
    """A WARC version line and a few plausible headers, then random bytes."""
    with open(path, "wb") as out:
        out.write(b"WARC/1.0\r\nWARC-Type: response\r\n")
        out.write(random.Random(seed).randbytes(size))
    return path


def endless_line(path: Path, size: int = 256 * MIB) -> Path:
    """A WARC whose URI header line never ends: `size` bytes without a newline."""
    with open(path, "wb") as out:
        out.write(b"WARC/1.0\r\nWARC-Target-URI: https://example.org/")
        for _ in range(size // MIB):
            out.write(b"a" * MIB)
    return path


def http_gzip_bomb(path: Path, size: int = GIB) -> Path:
    """A small WARC whose one page says Content-Encoding: gzip and inflates to `size` zeros."""
    squeeze = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    body = bytearray()
    for _ in range(size // MIB):
        body += squeeze.compress(ZEROS)
    body += squeeze.flush()
    http = _http_head(len(body), "Content-Encoding: gzip\r\n")
    with open(path, "wb") as out:
        out.write(_warc_headers("https://example.org/page", len(http) + len(body)) + http + bytes(body) + b"\r\n\r\n")
    return path


PAGE = ("<html><head><title>Synthetic report {n}</title></head><body><article><h1>Synthetic report {n}</h1>"
        "{paragraphs}</article></body></html>")
WORDS = ("residents", "village", "shelling", "dawn", "reported", "school", "roof", "damaged", "witness", "said",
         "the", "of", "and", "near", "road", "bridge", "morning", "two", "houses", "were", "hit", "by", "artillery",
         "monitors", "visited", "site", "later", "counted", "craters", "in", "field", "north", "evening")


def pages_warc_gz(path: Path, target_bytes: int, page_bytes: int = 40_000, seed: int = 3) -> Path:
    """A normal .warc.gz of synthetic English HTML pages of about `page_bytes`, each record its own gzip member.

    It is at least `target_bytes` long: the reference a bomb of the same size is compared with.
    """
    rng = random.Random(seed)
    with open(path, "wb") as out:
        number = 0
        while out.tell() < target_bytes:
            number += 1
            paragraphs, size = [], 0
            while size < page_bytes:
                sentence = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 20))).capitalize()
                paragraphs.append(f"<p>{sentence}.</p>")
                size += len(paragraphs[-1])
            body = PAGE.format(n=number, paragraphs="\n".join(paragraphs)).encode()
            http = _http_head(len(body)).replace(b"application/octet-stream", b"text/html; charset=utf-8")
            record = _warc_headers(f"https://example.org/report/{number}", len(http) + len(body), number)
            out.write(gzip.compress(record + http + body + b"\r\n\r\n", 6))
    return path


def size_of(path: Path) -> int:
    return os.stat(path).st_size


# The child's own peak memory: its rusage would count the parent's memory too (a forked child's high-water mark
# carries over exec), so the child writes Linux's VmHWM (its address space's own peak) to a file at exit.
_PEAK = """
import atexit, runpy, sys
def _peak(path=sys.argv[1]):
    with open("/proc/self/status") as status:
        kib = next(line.split()[1] for line in status if line.startswith("VmHWM:"))
    with open(path, "w") as out:
        out.write(kib)
atexit.register(_peak)
target, sys.argv = sys.argv[2], sys.argv[2:]
if target.endswith(".py"):
    runpy.run_path(target, run_name="__main__")
else:
    runpy.run_module(target, run_name="__main__", alter_sys=True)
"""


def peak_command(peak_file: Path, target: str, *args: str) -> list[str]:
    """Return a command running `python -m target args` (or a script) that writes its peak memory, in KiB."""
    return [sys.executable, "-c", _PEAK, str(peak_file), target, *args]


def read_peak(peak_file: Path) -> int:
    """Return the peak resident bytes a `peak_command` child wrote."""
    return int(Path(peak_file).read_text()) * 1024
