"""What a job's handler gets: a way to log, report progress and fail one step while the rest goes on."""

from contextlib import contextmanager

from litopys.jobs import actions
from litopys.jobs.models import Job, JobLine


class JobFailed(Exception):
    """The whole job cannot go on; the message is one line naming the input and the reason."""


class JobContext:
    """Handed to a handler as its first argument."""

    def __init__(self, job: Job):
        self.job = job
        self.errors: list[str] = []

    @property
    def attempt(self) -> int:
        return self.job.attempts

    @property
    def owner(self):
        return self.job.owner

    @property
    def actor(self) -> str:
        return self.job.actor

    def log(self, message: str) -> None:
        actions.log(self.job, message)

    def warn(self, message: str) -> None:
        actions.log(self.job, message, JobLine.Level.WARNING)

    def error(self, message: str) -> None:
        """Record a failed step: one line on the job; the job goes on and ends as partly done."""
        self.errors.append(message)
        actions.log(self.job, message, JobLine.Level.ERROR)

    def progress(self, done: int, total: int | None = None) -> None:
        actions.set_progress(self.job, done, total)

    @contextmanager
    def step(self, label: str):
        """Run one step; an error in it becomes one line `label: reason` and the job goes on."""
        try:
            yield
        except JobFailed:
            raise
        except Exception as exc:  # noqa: BLE001 - a failed step never stops the rest of the job
            self.error(f"{label}: {one_line(exc)}")


def one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 400 else text[:397] + "..."
