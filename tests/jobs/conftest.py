import pytest

from tests.jobs.isolated import drop, make_env


@pytest.fixture
def isolated(tmp_path):
    """Environment for subprocess commands with a home (and on PostgreSQL a database) of their own."""
    env, created = make_env(tmp_path, LITOPYS_JOB_LEASE=4)
    yield env
    drop(created)
