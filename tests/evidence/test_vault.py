import io
import stat

import pytest

from litopys.evidence.hashing import digest_bytes
from litopys.evidence.vault import LocalVault, TooLarge, relative_name


def test_store_writes_once_under_the_hash(tmp_path):
    vault = LocalVault(str(tmp_path))
    data = b"synthetic evidence bytes\n" * 1000
    first = vault.store(io.BytesIO(data), max_bytes=10**9)
    second = vault.store(io.BytesIO(data), max_bytes=10**9)
    assert first.digest == digest_bytes(data) and first.created and not second.created
    assert first.size == len(data) and first.head == data[:65536]
    path = tmp_path / relative_name(first.digest)
    assert path.read_bytes() == data
    assert not path.stat().st_mode & stat.S_IWUSR  # read-only once written
    assert list(vault.digests()) == [first.digest]
    assert vault.partials() == []


def test_too_large_leaves_nothing(tmp_path):
    vault = LocalVault(str(tmp_path))
    with pytest.raises(TooLarge, match="LITOPYS_MAX_ITEM_BYTES"):
        vault.store(io.BytesIO(b"x" * 100), max_bytes=10, label="big.bin")
    assert list(vault.digests()) == [] and vault.partials() == []


def test_failed_read_leaves_no_partial(tmp_path):
    class Broken(io.RawIOBase):
        calls = 0

        def readinto(self, buffer):
            self.calls += 1
            if self.calls > 1:
                raise OSError(5, "Input/output error")
            buffer[:3] = b"abc"
            return 3

    vault = LocalVault(str(tmp_path))
    with pytest.raises(OSError):
        vault.store(Broken(), max_bytes=100)
    assert vault.partials() == [] and list(vault.digests()) == []
