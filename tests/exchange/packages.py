"""Helpers for the evidence package tests: run `litopys verify-package` where there is no database, flip a byte."""

import os
import subprocess
import sys
from pathlib import Path


def verify_elsewhere(package: Path, home: Path, *args: str) -> subprocess.CompletedProcess:
    """Run `litopys verify-package` in a fresh process with an empty LITOPYS_HOME and a database that does not
    exist: it must need neither."""
    home.mkdir(exist_ok=True)
    env = {key: value for key, value in os.environ.items() if not key.startswith(("LITOPYS_", "DATABASE_URL"))}
    env.update(LITOPYS_HOME=str(home), LITOPYS_CLI_LANGUAGE="en",
               DATABASE_URL="postgresql://nobody@127.0.0.1:9/no-such-database")
    return subprocess.run([sys.executable, "-m", "litopys", "verify-package", str(package), *args],
                          capture_output=True, text=True, env=env, timeout=300)


def flip_byte(path: Path, offset: int = 10) -> None:
    data = bytearray(path.read_bytes())
    data[offset % len(data)] ^= 0x01
    path.write_bytes(bytes(data))
