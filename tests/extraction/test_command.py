import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation


@pytest.fixture(autouse=True)
def english():
    """Messages are checked in English; the project's default language is Ukrainian."""
    with translation.override("en"):
        yield


def run(*args):
    out, err = StringIO(), StringIO()
    call_command("extract", *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_json_output(samples):
    out, _ = run(samples / "izium-police-2022-09-23.txt", "--published", "2022-09-23")
    data = json.loads(out)
    assert data["language"] == "en"
    assert [c["min"] for c in data["claims"]] == [447, 215, 194, 5, 22, 11]


def test_table_output(samples):
    out, _ = run(samples / "seed-article.txt", "--published", "2022-09-23", "--format", "table")
    lines = out.splitlines()
    assert lines[0].startswith("en: 7 claims")
    header = next(line for line in lines if line.startswith("kind"))
    assert "said by" in header and "quote" in header
    assert any(line.startswith("torture_sites") and "Ihor Klymenko" in line for line in lines)


def test_utf8_with_bom_and_other_encodings(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffЗагинули троє людей у Куп'янську.".encode())
    data = json.loads(run(path)[0])
    assert data["language"] == "uk" and data["claims"][0]["min"] == 3
    path = tmp_path / "cp1251.txt"
    path.write_bytes(("Погибли шесть человек в Купянске, еще около 15 ранены. " * 20).encode("cp1251"))
    out, err = run(path)
    assert json.loads(out)["claims"][0]["kind"] == "killed"
    assert "not UTF-8" in err


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
        "Ізюм Izium Изюм 10^100 тіл, " .encode() + b"9" * 100 + b" bodies",
        b"No numbers here at all.",
    ],
)
def test_bad_input_still_gives_json(tmp_path, content):
    path = tmp_path / "input.bin"
    path.write_bytes(content)
    data = json.loads(run(path)[0])
    assert set(data) == {"language", "claims", "opinions"}


def test_binary_input_is_reported(tmp_path):
    path = tmp_path / "photo.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    out, err = run(path)
    assert json.loads(out)["claims"] == []
    assert "photo.png" in err and "PNG image" in err


def test_missing_path_names_it(tmp_path):
    missing = tmp_path / "nowhere.txt"
    with pytest.raises(CommandError, match="nowhere.txt does not exist; check the path"):
        run(missing)
    with pytest.raises(CommandError, match="is a folder"):
        run(tmp_path)


def test_messages_follow_the_active_language(tmp_path):
    with translation.override("uk"), pytest.raises(CommandError) as raised:
        run(tmp_path / "nowhere.txt")
    assert "nowhere.txt" in str(raised.value)


def test_bad_publication_date(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("text")
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        run(path, "--published", "yesterday")


@pytest.mark.slow
def test_large_input_in_linear_time(tmp_path, samples):
    text = (samples / "seed-article.txt").read_text(encoding="utf-8")
    path = tmp_path / "big.txt"
    path.write_text(text * 400)  # about 2 MB
    data = json.loads(run(path)[0])
    assert data["claims"]  # captions and repeats collapse; the claims are still found
