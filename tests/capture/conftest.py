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


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    from litopys.capture.browser import CHROMIUM_ARGS

    # The browser that drives the staff site needs the network: the capture browser's dead proxy is left out.
    args = [arg for arg in CHROMIUM_ARGS if not arg.startswith(("--proxy", "--force-webrtc"))]
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "headless": True, "args": args}
