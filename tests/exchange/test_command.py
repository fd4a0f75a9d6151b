"""`litopys import wordpress`: output, exit status and one-line errors for bad input."""

import io
import json
import os
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from litopys.chronicle.models import Post
from litopys.exchange.wordpress import importer

pytestmark = pytest.mark.django_db
SYNTHETIC = Path(__file__).parent / "data" / "synthetic-export.xml"


def run(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import", "wordpress", *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_text_output_ends_with_a_summary_and_warnings_go_to_stderr(tmp_path):
    out, err = run(SYNTHETIC, "--uploads", tmp_path)
    lines = out.splitlines()
    assert "  post: 7 created" in lines and "  pingback: 1 skipped" in lines
    assert lines[-1].startswith("synthetic-export.xml: 20 created, 0 updated, 0 unchanged, 5 skipped, 0 failed; "
                                "4 warnings in ")
    assert "warning: attachment 201 “Photo in the forest”: 2024/05/forest.png is not in the uploads folder" in err
    assert "Importing" not in err  # no progress bar when stderr is not a terminal
    assert Post.objects.count() == 8


def test_json_output(tmp_path):
    out, _ = run(SYNTHETIC, "--format", "json")
    data = json.loads(out)
    assert data["counts"]["comment"] == {"created": 5, "updated": 0, "unchanged": 0, "skipped": 0, "failed": 0}
    assert data["warnings"][0] == "no uploads folder given (--uploads): media rows keep their original URL but no file"
    assert data["failures"] == [] and data["seconds"] >= 0


def test_a_failed_item_makes_the_exit_status_1(monkeypatch):
    monkeypatch.setattr(importer, "render_markdown", lambda body: 1 / 0)
    with pytest.raises(SystemExit) as exit_:
        run(SYNTHETIC)
    assert exit_.value.code == 1


@pytest.mark.parametrize(("content", "message"), [
    (None, "does not exist; check the path."),
    (b"%PDF-1.7 not xml", "is not well-formed XML"),
    (b'<?xml version="1.0"?><rss version="2.0"><channel/></rss>', "is XML but not a WordPress export"),
])
def test_bad_files_give_one_line_errors(tmp_path, content, message):
    path = tmp_path / "export.xml"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(CommandError, match=message) as error:
        run(path)
    assert "\n" not in str(error.value) and str(path) in str(error.value)


def test_bad_uploads_folders_give_one_line_errors(tmp_path):
    with pytest.raises(CommandError, match=r"uploads folder .*nowhere does not exist"):
        run(SYNTHETIC, "--uploads", tmp_path / "nowhere")
    with pytest.raises(CommandError, match=r"export\.xml is not a folder"):
        run(SYNTHETIC, "--uploads", SYNTHETIC)
    assert Post.objects.count() == 0


def test_an_unreadable_uploads_folder(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):
            pytest.skip("running as root: permissions are not enforced")
        with pytest.raises(CommandError, match="cannot be read"):
            run(SYNTHETIC, "--uploads", locked)
    finally:
        locked.chmod(0o700)
    assert Post.objects.count() == 0


def test_a_source_is_required():
    with pytest.raises(CommandError, match="SOURCE|source"):
        call_command("import")
