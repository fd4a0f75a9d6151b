import os

import pytest

from tests.capture.site import Site

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="module")
def site():
    with Site() as served:
        yield served


@pytest.fixture
def capture_settings(settings, vault):
    settings.LITOPYS_CAPTURE_ALLOW_PRIVATE = True
    settings.LITOPYS_CAPTURE_TIMEOUT = 3
    settings.LITOPYS_CAPTURE_MAX_BYTES = 1024 * 1024
    return settings


@pytest.fixture(scope="session")
def chromium():
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"Debian's Chromium is not installed at {CHROMIUM} (apt-get install chromium)")
    return CHROMIUM
