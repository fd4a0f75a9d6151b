"""The worker loop: claim a queued task under a row lock, run it, keep a heartbeat, requeue lost work.

Built on django-tasks' database backend: `select_for_update(skip_locked=True)` on PostgreSQL (an
exclusive transaction on SQLite) hands each task to exactly one worker.
"""

import logging
import threading
import time

from django.conf import settings
from django.db import close_old_connections, connection
from django.db.utils import OperationalError
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS
from django_tasks_db.management.commands.db_worker import Worker as DatabaseWorker
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction, is_locked_database_exception

from litopys.evidence import custody
from litopys.jobs import actions
from litopys.jobs.tasks import CURRENT_WORKER

logger = logging.getLogger(__name__)


class JobWorker(DatabaseWorker):
    """Run queued tasks until stopped (or, with `until_empty`, until none is ready)."""

    def __init__(self, *, until_empty: bool = False, interval: float = 1.0, task_ids: list[str] | None = None,
                 heartbeat: bool = True, name: str = ""):
        super().__init__(queue_names=["*"], interval=interval, batch=until_empty,
                         backend_name=DEFAULT_TASK_BACKEND_ALIAS, startup_delay=False, max_tasks=None,
                         worker_id=name or actions.worker_name(), excluded_queue_names=[])
        self.task_ids = task_ids
        self.heartbeat = heartbeat
        self.tasks_run = 0
        self._stopped = threading.Event()

    def run(self) -> None:
        CURRENT_WORKER["name"] = self.worker_id
        actions.register_worker(self.worker_id)
        beating = threading.Thread(target=self._beat, name="job-heartbeat", daemon=True) if self.heartbeat else None
        if beating:
            beating.start()
        last_sweep = 0.0
        try:
            while self.running:
                if not connection.in_atomic_block:  # in a caller's transaction (a test) the connection stays
                    close_old_connections()
                if time.monotonic() - last_sweep > max(1.0, settings.LITOPYS_JOB_LEASE / 4):
                    actions.requeue_lost()
                    last_sweep = time.monotonic()
                found, claimed = self.claim()
                if claimed is not None:
                    self.run_task(claimed)
                    self.tasks_run += 1
                    # What a job added to the custody ledger is signed at once (and logged outside the database).
                    custody.checkpoint()
                    continue
                if self.batch and found:
                    return
                if self.running:
                    time.sleep(self.interval)
        finally:
            self._stopped.set()
            if beating:
                beating.join(timeout=5)
            actions.stop_worker(self.worker_id)

    def claim(self) -> tuple[bool, DBTaskResult | None]:
        """Take the next ready task; return (looked, task). `looked` is False when the database was busy."""
        tasks = DBTaskResult.objects.ready().filter(backend_name=self.backend_name)
        if self.task_ids is not None:
            tasks = tasks.filter(id__in=self.task_ids)
        try:
            with exclusive_transaction(tasks.db):
                task = tasks.get_locked()
                if task is not None:
                    task.claim(self.worker_id)
                return True, task
        except OperationalError as exc:
            if is_locked_database_exception(exc):
                return False, None
            raise

    def _beat(self) -> None:
        every = max(0.5, settings.LITOPYS_JOB_LEASE / 6)
        try:
            while not self._stopped.wait(every):
                try:
                    actions.beat(self.worker_id, CURRENT_WORKER["job"])
                except OperationalError as exc:  # a busy SQLite file: the next beat will do
                    logger.info("heartbeat skipped: %s", exc)
        finally:
            connection.close()

    def configure_signals(self) -> None:
        """SIGTERM or Ctrl-C: finish the task in hand, then stop; a second one stops at once."""
        if threading.current_thread() is threading.main_thread():
            super().configure_signals()
