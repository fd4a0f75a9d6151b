"""Read PHP's `serialize()` format, in which WordPress stores attachment metadata.

Only plain data is read (null, booleans, integers, floats, strings, arrays); serialised objects are
refused, so nothing is ever instantiated. Attachment metadata holds no objects.
"""

#: Deeper nesting than this is refused: attachment metadata is three levels deep.
MAX_DEPTH = 32


class PHPSerialError(ValueError):
    """The value is not PHP-serialised data this reader understands."""


def unserialize(text: str) -> object:
    """Return the Python value of a PHP-serialised string (arrays become dicts)."""
    data = text.encode("utf-8")
    value, end = _value(data, 0, 0)
    if data[end:].strip():
        raise PHPSerialError(f"unexpected data after the value at byte {end}")
    return value


def _value(data: bytes, pos: int, depth: int) -> tuple[object, int]:
    if depth > MAX_DEPTH:
        raise PHPSerialError("nested too deeply")
    kind = data[pos:pos + 1]
    if kind == b"N":
        return None, _expect(data, pos + 1, b";")
    if kind in (b"b", b"i", b"d"):
        raw, end = _until(data, _expect(data, pos + 1, b":"), b";")
        try:
            if kind == b"b":
                return raw == b"1", end
            return (int(raw) if kind == b"i" else float(raw)), end
        except ValueError:
            raise PHPSerialError(f"bad number {raw!r} at byte {pos}") from None
    if kind == b"s":
        length, start = _length(data, pos + 1)
        start = _expect(data, start, b'"')
        end = start + length
        if data[end:end + 2] != b'";':
            raise PHPSerialError(f"string length {length} does not match at byte {pos}")
        return data[start:end].decode("utf-8", errors="replace"), end + 2
    if kind == b"a":
        count, pos = _length(data, pos + 1)
        pos = _expect(data, pos, b"{")
        result = {}
        for _ in range(count):
            key, pos = _value(data, pos, depth + 1)
            if not isinstance(key, int | str):
                raise PHPSerialError(f"array key {key!r} is neither integer nor string")
            result[key], pos = _value(data, pos, depth + 1)
        return result, _expect(data, pos, b"}")
    raise PHPSerialError(f"unknown type {kind!r} at byte {pos}")


def _length(data: bytes, pos: int) -> tuple[int, int]:
    raw, end = _until(data, _expect(data, pos, b":"), b":")
    if not raw.isdigit():
        raise PHPSerialError(f"bad length {raw!r} at byte {pos}")
    return int(raw), end


def _until(data: bytes, pos: int, stop: bytes) -> tuple[bytes, int]:
    end = data.find(stop, pos)
    if end < 0:
        raise PHPSerialError(f"missing {stop.decode()!r} after byte {pos}")
    return data[pos:end], end + 1


def _expect(data: bytes, pos: int, token: bytes) -> int:
    if data[pos:pos + len(token)] != token:
        raise PHPSerialError(f"expected {token.decode()!r} at byte {pos}")
    return pos + len(token)
