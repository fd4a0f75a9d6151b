"""Schedule intervals: read in the units people write, bounded at both ends with a one-line reason."""

import pytest

from litopys.capture.actions import MAX_EVERY, parse_every


def test_intervals_are_read_and_bounded():
    assert parse_every("30m") == 1800 and parse_every("6h") == 21600 and parse_every("2w") == 1209600
    assert parse_every("52w") <= MAX_EVERY
    with pytest.raises(ValueError, match="too often"):
        parse_every("10s")
    with pytest.raises(ValueError, match="too seldom"):
        parse_every("9999999999d")  # beyond the database's integer column: refused, not a server error
    with pytest.raises(ValueError, match="not an interval"):
        parse_every("soon")
