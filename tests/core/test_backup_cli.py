"""`litopys backup` and `litopys restore` as an organisation runs them: the demo's home (SQLite) backed up,
restored into a new home whose `verify` passes and whose figures are the same, and every refusal in one line."""

import json

import pytest

from tests.jobs.isolated import run

pytestmark = pytest.mark.slow


def home(tmp_path, name: str) -> dict:
    import os

    from tests.jobs.isolated import REPO

    env = {**os.environ, "LITOPYS_HOME": str(tmp_path / name), "LITOPYS_CLI_LANGUAGE": "en", "PYTHONPATH": str(REPO)}
    for variable in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL", "LITOPYS_SECRET_KEY", "LITOPYS_VAULT_BACKEND",
                     "LITOPYS_VAULT_OPTIONS", "LITOPYS_VAULT_ROOT", "LITOPYS_SIGNING_KEY", "LITOPYS_CHECKPOINT_LOG"):
        env.pop(variable, None)
    return env


def test_the_demo_home_backed_up_restores_into_a_new_home_that_verifies(tmp_path):
    first = home(tmp_path, "first")
    run(first, "demo", "--no-serve", timeout=600)
    figures = run(first, "figures", "--format", "json").stdout
    assert json.loads(figures), "the demo has figures"
    run(first, "backup", str(tmp_path / "plain"))
    made = json.loads(run(first, "backup", str(tmp_path / "with-keys"), "--include-keys", "--format", "json").stdout)
    assert made["items"] >= 3 and made["rows"] > 100 and made["keys_included"]

    second = home(tmp_path, "second")
    refused = run(second, "restore", str(tmp_path / "plain"), check=False)
    assert refused.returncode == 1 and "needs its secret key" in refused.stderr, refused.stderr
    assert refused.stderr.count("\n") <= 2, refused.stderr

    restored = run(second, "restore", str(tmp_path / "with-keys"))
    assert "installed the backup's key" in restored.stdout
    verified = run(second, "verify")
    assert verified.stdout.rstrip().endswith("intact"), verified.stdout
    # Verified claims keep their seals (the secret key came with the backup): the figures are the same.
    assert run(second, "figures", "--format", "json").stdout == figures

    again = run(second, "restore", str(tmp_path / "with-keys"), check=False)
    assert again.returncode == 1 and "is not empty" in again.stderr, again.stderr
    assert run(second, "verify").returncode == 0


def test_a_folder_that_is_no_backup_is_refused_in_one_line(tmp_path):
    (tmp_path / "nothing").mkdir()
    result = run(home(tmp_path, "home"), "restore", str(tmp_path / "nothing"), check=False)
    assert result.returncode == 1 and "is not a backup made by `litopys backup`" in result.stderr
