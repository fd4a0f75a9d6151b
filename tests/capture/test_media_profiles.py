"""Media a page carries (yt-dlp, its version recorded) and site profiles."""

import pytest

from litopys.capture.browser import Visit
from litopys.capture.models import CaptureState
from litopys.capture.profiles import Page, ScrollAndClick, TelegramPost, load_profiles, profile_for
from litopys.jobs.models import JobState
from tests.capture.helpers import capture


def test_a_telegram_post_is_read_through_the_public_web_preview():
    profile = profile_for("https://t.me/synthetic_channel/1234", load_profiles())
    assert isinstance(profile, TelegramPost)
    visit = Visit(url="https://t.me/synthetic_channel/1234")
    profile.prepare(visit)
    assert visit.url == "https://t.me/s/synthetic_channel/1234"
    assert visit.text_selector == '.tgme_widget_message[data-post="synthetic_channel/1234"] .tgme_widget_message_text'


def test_any_other_page_is_loaded_as_it_is():
    assert isinstance(profile_for("https://example.org/news/1", load_profiles()), Page)


def test_a_profile_that_does_not_import_is_named():
    with pytest.raises(ValueError, match="'litopys.capture.profiles.Nope' does not import"):
        load_profiles(["litopys.capture.profiles.Nope"])


class SyntheticMore(ScrollAndClick):
    """A synthetic site whose text appears after a click on "more"."""

    name = "synthetic-more"
    pattern = r"/more$"
    clicks = ("#more",)
    scrolls = 1


@pytest.mark.django_db
@pytest.mark.slow
def test_a_page_that_needs_a_click_is_read_after_it(site, capture_settings, chromium):
    capture_settings.LITOPYS_CAPTURE_PROFILES = ["tests.capture.test_media_profiles.SyntheticMore",
                                                 "litopys.capture.profiles.Page"]
    [job], [done] = capture(site.url + "/more", screenshots=False)
    assert job.state == JobState.SUCCEEDED, list(job.lines.values_list("message", flat=True))
    text = done.files.get(role="text").item.text
    assert "Shown after the click: 9 bodies were recovered." in text
    assert done.metadata["profile"] == "synthetic-more"


@pytest.mark.django_db
@pytest.mark.slow
def test_recursive_media_keeps_audio_and_names_a_video_it_cannot_read(site, capture_settings, chromium):
    [job], [done] = capture(site.url + "/video-page", recursive_media=True, screenshots=False)
    assert job.state == JobState.PARTIAL and done.state == CaptureState.PARTIAL
    errors = list(job.lines.filter(level="error").values_list("message", flat=True))
    assert any(line.startswith(site.url + "/clip.webm: not a video or audio file") for line in errors), errors
    media = {row.url: row.item for row in done.files.filter(role="media").select_related("item")}
    assert media[site.url + "/sound.wav"].media_type.startswith("audio/")
    assert media[site.url + "/sound.wav"].derived_from == done.files.get(role="wacz").item
    assert site.url + "/clip.webm" not in media
    assert done.metadata["tools"]["yt-dlp"].startswith("yt-dlp ")
