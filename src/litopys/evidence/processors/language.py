"""Language of the text earlier steps extracted, among the languages the documentation works in."""

from __future__ import annotations

import threading

from lingua import Language as LinguaLanguage
from lingua import LanguageDetector, LanguageDetectorBuilder

from litopys.evidence.processors.base import Processor, Subject

_detectors: dict[tuple[str, ...], LanguageDetector] = {}
_detectors_lock = threading.Lock()


def language_detector(languages: tuple[str, ...]) -> LanguageDetector:
    """Return the detector for these lingua language names, built once per process."""
    with _detectors_lock:
        if languages not in _detectors:
            unknown = [
                name for name in languages if not isinstance(getattr(LinguaLanguage, name, None), LinguaLanguage)
            ]
            if unknown:
                raise ValueError(f"lingua knows no language named {', '.join(unknown)}; use names like UKRAINIAN")
            chosen = [getattr(LinguaLanguage, name) for name in languages]
            # High accuracy: low accuracy mode loads faster but mistakes short Russian phrases for Ukrainian.
            # Models load lazily, per script met: ~25 ms for Cyrillic, ~0.85 s for the four Latin-script languages.
            _detectors[languages] = LanguageDetectorBuilder.from_languages(*chosen).build()
        return _detectors[languages]


class Language(Processor):
    """Record `language` (ISO 639-1) and `language_confidence` for any item with text."""

    name = "language"
    media_types = ()
    #: Candidates, as lingua names them. Fewer candidates: faster, and no exotic false guesses.
    languages: tuple[str, ...] = ("UKRAINIAN", "RUSSIAN", "ENGLISH", "POLISH", "GERMAN", "FRENCH")
    #: Characters looked at; the opening of a long document decides as well as all of it.
    sample_chars: int = 20_000

    def process(self, subject: Subject) -> None:
        if not subject.text or not subject.text.strip():
            return
        sample = subject.text[: self.sample_chars]
        best = language_detector(self.languages).compute_language_confidence_values(sample)[0]
        if best.value <= 0:
            subject.metadata["language_note"] = "undetermined: no words of the candidate languages"
            return
        subject.metadata["language"] = best.language.iso_code_639_1.name.lower()
        subject.metadata["language_confidence"] = round(best.value, 3)
