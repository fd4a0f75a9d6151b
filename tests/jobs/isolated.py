"""A home of its own for commands run in subprocesses: a temporary LITOPYS_HOME and, when the suite runs on
PostgreSQL, a fresh database of its own (dropped afterwards), so that workers see committed rows."""

import os
import subprocess
import sys
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
LITOPYS = [sys.executable, "-m", "litopys"]


def make_env(tmp_path: Path, **extra) -> tuple[dict, str | None]:
    env = {**os.environ, "LITOPYS_HOME": str(tmp_path / "home"), "LITOPYS_CLI_LANGUAGE": "en",
           "PYTHONPATH": str(REPO), **{key: str(value) for key, value in extra.items()}}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    url = os.environ.get("DATABASE_URL", "")
    created = None
    if url.startswith("postgres"):
        import psycopg

        base, _, _name = url.rpartition("/")
        created = f"litopys_sub_{uuid.uuid4().hex[:10]}"
        with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{created}"')
        env["DATABASE_URL"] = f"{base}/{created}"
    else:
        env.pop("DATABASE_URL", None)
    run(env, "migrate", "--verbosity", "0")
    return env, created


def drop(created: str | None) -> None:
    if not created:
        return
    import psycopg

    base = os.environ["DATABASE_URL"].rpartition("/")[0]
    with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{created}" WITH (FORCE)')


def run(env: dict, *args, check: bool = True, timeout: int = 300) -> subprocess.CompletedProcess:
    result = subprocess.run([*LITOPYS, *args], env=env, capture_output=True, text=True, timeout=timeout, cwd=REPO)
    if check and result.returncode != 0:
        raise AssertionError(f"litopys {' '.join(args)} exited {result.returncode}:\n{result.stdout}{result.stderr}")
    return result


def shell(env: dict, code: str) -> str:
    return run(env, "shell", "-c", code).stdout
