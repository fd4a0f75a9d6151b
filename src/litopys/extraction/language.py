"""Tell the languages of the lexicon apart by script and by the letters only one language of a script uses.

Each ``lexicon/<language>.yaml`` says how (section ``detection``): its script and that script's commonest letters,
the letters only it uses among the languages of its script, and which of them is chosen when none decides.
"""

from __future__ import annotations

import functools

from .lexicon.loading import each, languages

#: The languages the rules know: one lexicon file each.
LANGUAGES = tuple(languages())
#: Long texts are judged on evenly spaced samples: counting is linear, but needs no more.
SAMPLE = 200_000


@functools.cache
def _scripts() -> dict[str, tuple[str, list[tuple[str, dict]]]]:
    """Return each script's commonest letters and its languages (code, detection), in the order first met."""
    scripts: dict[str, tuple[str, list]] = {}
    for code, detection in each("detection"):
        scripts.setdefault(detection["script"], (detection.get("common", ""), []))[1].append((code, detection))
    return scripts


def detect(text: str) -> str:
    """Return the code of the language of ``text``; the first script's fallback when there is nothing to go on."""
    if len(text) > SAMPLE:
        step = len(text) // 20
        text = "".join(text[i : i + SAMPLE // 20] for i in range(0, len(text), step))
    lowered = text.lower()
    scripts = _scripts()
    counts = {script: sum(lowered.count(c) for c in common) for script, (common, _) in scripts.items()}
    members = scripts[max(counts, key=counts.__getitem__)][1]  # a tie goes to the script met first
    if len(members) == 1:
        return members[0][0]
    fallback = next((code for code, detection in members if detection.get("fallback")), members[0][0])
    marks = {code: sum(lowered.count(c) for c in detection.get("own", "")) for code, detection in members}
    if not any(marks.values()):
        # No language's own letters: Russian writes "и" where Ukrainian often has "і" (lexicon: unmarked).
        for code, detection in members:
            rule = detection.get("unmarked")
            if rule and lowered.count(rule["more"]) > 2 * lowered.count(rule["than"]) + 2:
                return code
        return fallback
    most = max(marks.values())
    tied = [code for code, count in marks.items() if count == most]
    return fallback if fallback in tied else tied[0]
