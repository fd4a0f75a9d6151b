import pytest

from litopys.evidence.hashing import digest_bytes, digest_file, hex_of, is_digest

# FIPS 180-2 known answers.
ABC = "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
EMPTY = "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
TWO_BLOCKS = "sha256:248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"


def test_known_answers():
    assert digest_bytes(b"abc") == ABC
    assert digest_bytes(b"") == EMPTY
    assert digest_bytes(b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") == TWO_BLOCKS


def test_file_digest_reads_in_chunks(tmp_path):
    path = tmp_path / "abc"
    path.write_bytes(b"abc")
    assert digest_file(path, chunk=1) == ABC


def test_digest_form_is_checked():
    assert is_digest(ABC)
    assert not is_digest(ABC.upper())
    assert not is_digest("md5:" + "0" * 32)
    with pytest.raises(ValueError, match="not a sha256"):
        hex_of("ba7816bf")
