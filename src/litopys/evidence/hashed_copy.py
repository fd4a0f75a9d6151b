"""The one copy loop of every vault backend: read an input in chunks, hash it, hand each chunk to a writer.

A second thread writes while this one reads and hashes, and the read stops at the size limit, so a backend
knows the digest of what it wrote without reading it twice.
"""

import hashlib
import queue
import threading
from typing import BinaryIO

from litopys.evidence.hashing import PREFIX

CHUNK = 4 * 1024 * 1024
BUFFERS = 4
HEAD = 64 * 1024
#: Buffers kept between stores: zeroing 4 x 4 MiB afresh for every small file cost more than hashing it.
_SPARE_BUFFERS: queue.SimpleQueue = queue.SimpleQueue()


def copy_hashing(source: BinaryIO, write, max_bytes: int, label: str) -> tuple[str, int, bytes]:
    """Stream source into write(), hashing as it goes; return (digest, size, head).

    Reading and hashing run here while a second thread writes the previous chunk: both release
    the GIL, so on two cores the disk is kept busy while the CPU hashes.
    """
    hasher = hashlib.sha256()
    free: queue.Queue = queue.Queue()
    for _ in range(BUFFERS):
        free.put(_take_buffer())
    filled: queue.Queue = queue.Queue()
    failure: list[BaseException] = []

    def writer() -> None:
        while (job := filled.get()) is not None:
            buffer, count = job
            try:
                if not failure:
                    write(memoryview(buffer)[:count])
            except BaseException as exc:  # noqa: BLE001 - handed to the reading thread below
                failure.append(exc)
            free.put(buffer)

    thread = threading.Thread(target=writer, name="vault-writer", daemon=True)
    thread.start()
    size = 0
    head = b""
    try:
        while not failure:
            buffer = free.get()
            count = source.readinto(buffer)
            if not count:
                free.put(buffer)
                break
            size += count
            if size > max_bytes:
                from litopys.evidence.vault import TooLarge  # not at the top: vault.py imports this module

                raise TooLarge(f"{label}: larger than LITOPYS_MAX_ITEM_BYTES ({max_bytes} bytes); "
                               "raise the limit or split the file")
            chunk = memoryview(buffer)[:count]
            hasher.update(chunk)
            if len(head) < HEAD:
                head += bytes(chunk[: HEAD - len(head)])
            filled.put((buffer, count))
    finally:
        filled.put(None)
        thread.join()
        while not free.empty():
            _SPARE_BUFFERS.put(free.get_nowait())
    if failure:
        raise failure[0]
    return PREFIX + hasher.hexdigest(), size, head


def _take_buffer() -> bytearray:
    try:
        return _SPARE_BUFFERS.get_nowait()
    except queue.Empty:
        return bytearray(CHUNK)
