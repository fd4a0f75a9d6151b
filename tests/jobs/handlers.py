"""Job handlers for the tests only (SYNTHETIC work)."""

import io
import os
import time

from django.utils import timezone

from litopys.evidence.collect import collect
from litopys.evidence.ingest import SourceFacts
from litopys.jobs.context import JobFailed


def mark(ctx, number: int) -> dict:
    """Leave one line naming the worker that ran the job; a second run would leave a second line."""
    ctx.log(f"ran by {ctx.job.worker}")
    time.sleep(0.05)
    return {"number": number}


def steps(ctx, names: list[str]) -> dict:
    """Run named steps; a step named 'bad' fails, the others are done."""
    ctx.progress(0, len(names))
    done = []
    for index, name in enumerate(names, start=1):
        with ctx.step(f"step {name}"):
            if name == "bad":
                raise ValueError("synthetic failure of this one step")
            done.append(name)
        ctx.progress(index)
    return {"done": done}


def refuse(ctx) -> None:
    raise JobFailed("synthetic input: cannot be done at all")


class _Slow(io.RawIOBase):
    """Bytes that arrive slowly, so that a test can kill the worker while they are being stored."""

    def __init__(self, size: int, marker: str):
        self.left, self.marker = size, marker

    def readable(self):
        return True

    def readinto(self, buffer):
        if not self.left:
            return 0
        if self.marker and not os.path.exists(self.marker):
            open(self.marker, "w").close()
        time.sleep(0.2)
        count = min(len(buffer), self.left, 64 * 1024)
        buffer[:count] = b"S" * count
        self.left -= count
        return count


def slow_item(ctx, size: int, marker: str) -> dict:
    """Store `size` synthetic bytes as an item, slowly; only the first attempt is slow."""
    stream = _Slow(size, marker) if ctx.attempt == 1 else io.BytesIO(b"S" * size)
    kept = collect(stream, "synthetic.bin", "http://127.0.0.1/synthetic", SourceFacts(collected_at=timezone.now()),
                   actor="test", process=False, announce=False)
    return {"sha256": kept.item.sha256}
