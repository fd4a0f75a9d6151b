"""Counts in messages people read are written in the plural their number takes, in English and in Ukrainian: no
"file(s)" left in the catalogues, and the Ukrainian of a plural message reads for 1, 2, 5 and 21."""

from pathlib import Path

import pytest
from django.utils import translation
from django.utils.translation import ngettext

SOURCE = Path(__file__).resolve().parents[2] / "src" / "litopys"
CATALOGUES = sorted(SOURCE.glob("**/locale/uk/LC_MESSAGES/*.po"))


def test_the_catalogues_hold_no_english_plural_in_brackets():
    assert CATALOGUES
    for catalogue in CATALOGUES:
        ids = [line for line in catalogue.read_text(encoding="utf-8").splitlines() if line.startswith("msgid")]
        assert not [line for line in ids if "(s)" in line.replace("http(s)", "")], catalogue


@pytest.mark.parametrize("count, english", [(1, "1 item sealed with vault key K"),
                                            (2, "2 items sealed with vault key K")])
def test_a_count_takes_its_plural_in_english(count, english):
    with translation.override("en"):
        assert ngettext("%(count)d item sealed with vault key %(key)s", "%(count)d items sealed with vault key %(key)s",
                        count) % {"count": count, "key": "K"} == english


@pytest.mark.parametrize("count", [1, 2, 5, 21])
def test_a_plural_message_is_ukrainian_for_every_form(count):
    with translation.override("uk"):
        said = ngettext("%(count)d item sealed with vault key %(key)s", "%(count)d items sealed with vault key %(key)s",
                        count) % {"count": count, "key": "K"}
    assert said == f"Зашифровано ключем сховища K елементів: {count}"
