"""Benchmark extraction: accuracy per language on the labelled test set, and throughput on one core.

Run: .venv/bin/python bench/extraction.py [--megabytes 4]

Accuracy: a claim matches a labelled one when kind, min, max and qualifiers agree; place, speaker
and date are scored apart, over the matched claims. Printed with every miss for the sets the rules are
tuned on (the test set, the development set — the first sealed set, unsealed — and the second to eighth
development sets), then as totals only for the three sealed held-out sets (tests/data/extraction/sealed,
sealed-2 and sealed-3: never tuned against, only scored; their misses are never printed, so that nobody tunes on
them), with their attribution accuracy.
Throughput: CPU seconds on this process (one core) over corpora built by repeating the labelled texts and
the shared samples, and over the same texts read once each with the rules' caches of phrases and dates
emptied before each (unseen text: a repeated corpus finds every phrase and date already cached).
Prints figures; asserts nothing about time.
"""

from __future__ import annotations

import argparse
import datetime
import importlib
import pkgutil
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from litopys.extraction import extract  # noqa: E402
from litopys.extraction.evaluation import score  # noqa: E402

TEST_SET = REPO / "tests" / "data" / "extraction"
DEVELOPMENT = TEST_SET / "development"
DEVELOPMENT_2 = TEST_SET / "development-2"
DEVELOPMENT_3 = TEST_SET / "development-3"
DEVELOPMENT_4 = TEST_SET / "development-4"
DEVELOPMENT_5 = TEST_SET / "development-5"
DEVELOPMENT_6 = TEST_SET / "development-6"
DEVELOPMENT_7 = TEST_SET / "development-7"
DEVELOPMENT_8 = TEST_SET / "development-8"
SEALED = TEST_SET / "sealed"
SEALED_2 = TEST_SET / "sealed-2"
SEALED_3 = TEST_SET / "sealed-3"
SAMPLES = REPO.parent / "shared" / "samples"
PUBLISHED = datetime.date(2022, 9, 23)


def accuracy(gazetteer, folder: Path = TEST_SET, title: str = "", misses: bool = True) -> dict:
    """Print the accuracy table of the labelled texts in ``folder`` (with every miss unless told not to)."""
    print(f"Accuracy on {folder.relative_to(REPO)}{title} (claim = kind, min, max, qualifiers)")
    print(
        f"{'language':8}  {'texts':>5}  {'claims':>6}  {'P':>5}  {'R':>5}  {'F1':>5}  {'place':>5}  {'speaker':>7}"
        f"  {'date':>5}"
    )
    scores = score(folder, gazetteer)
    for language, result in sorted(scores.items()):
        expected = result.true_positives + result.false_negatives
        texts = len(list(folder.glob(f"{language}-*.txt")))
        print(
            f"{language:8}  {texts:5}  {expected:6}  {result.precision:5.2f}  {result.recall:5.2f}  {result.f1:5.2f}"
            f"  {result.place_accuracy:5.2f}  {result.speaker_accuracy:7.2f}  {result.date_accuracy:5.2f}"
        )
        for miss in result.misses if misses else ():
            print(f"{'':10}{miss}")
    return scores


def sealed(gazetteer, folder: Path = SEALED, name: str = "sealed held-out set") -> None:
    """Print a sealed held-out set's table and its attribution accuracy: the figures to quote for unseen text."""
    print()
    if not folder.is_dir():
        print(f"No sealed set at {folder.relative_to(REPO)}: nothing unseen to score.")
        return
    title = f" — {name} — the score that counts; its misses are never printed"
    scores = accuracy(gazetteer, folder, title, misses=False)
    print(f"Attribution (speaker) on the {name}: right over matched claims, and over all labelled claims")
    for language, result in sorted(scores.items()):
        labelled = result.true_positives + result.false_negatives
        share = result.speaker_right / labelled if labelled else 1.0
        print(
            f"  {language:6}  {result.speaker_right:3}/{result.true_positives:<3} {result.speaker_accuracy:5.2f}"
            f"   {result.speaker_right:3}/{labelled:<3} {share:5.2f}"
        )


def throughput(gazetteer, megabytes: float) -> None:
    labelled = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(TEST_SET.glob("*.txt")))
    samples = {p.name: p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))}
    corpora = {"test set + samples (dense briefs)": "\n\n".join([labelled, *samples.values()])}
    if "seed-article.txt" in samples:
        corpora["seed article (a long article)"] = samples["seed-article.txt"]
    extract(corpora[next(iter(corpora))], published=PUBLISHED, gazetteer=gazetteer)  # load rules and data once
    print(f"\nThroughput on one core (CPU time), corpora of about {megabytes:g} MB")
    for name, text in corpora.items():
        corpus = (text + "\n\n") * max(1, int(megabytes * 1_000_000 / (len(text) + 2)))
        started = time.process_time()
        result = extract(corpus, published=PUBLISHED, gazetteer=gazetteer)
        seconds = time.process_time() - started
        size = len(corpus.encode("utf-8")) / 1_000_000
        rate = size / seconds
        print(f"  {name:36} {size:6.2f} MB  {seconds:6.2f} s  {rate:5.2f} MB/s  ({len(result.claims)} claims)")
    texts = [*sorted(TEST_SET.glob("*.txt"))]
    for folder in (DEVELOPMENT, DEVELOPMENT_2, DEVELOPMENT_3, DEVELOPMENT_4, DEVELOPMENT_5, DEVELOPMENT_6,
                   DEVELOPMENT_7, DEVELOPMENT_8):
        texts += sorted(folder.glob("*.txt"))
    unseen(gazetteer, [*(p.read_text(encoding="utf-8") for p in texts), *samples.values()])


def unseen(gazetteer, texts: list[str], rounds: int = 5) -> None:
    """Read each text once with the caches of phrases, sentences and dates emptied first, as new text finds them."""
    import litopys.extraction

    modules = [importlib.import_module(f"litopys.extraction.{m.name}") for m in pkgutil.iter_modules(
        litopys.extraction.__path__) if m.name not in ("apps", "management")]
    caches = {id(f): f for m in modules for f in vars(m).values() if hasattr(f, "cache_clear")}
    caches = [f for f in caches.values() if f.cache_info().maxsize]  # unbounded ones hold the rules, read once
    size = sum(len(text.encode("utf-8")) for text in texts) / 1_000_000
    seconds = []
    for _ in range(rounds):
        spent = 0.0
        for text in texts:
            for cache in caches:
                cache.cache_clear()
            started = time.process_time()
            extract(text, published=PUBLISHED, gazetteer=gazetteer)
            spent += time.process_time() - started
        seconds.append(spent)
    name = f"each text once, unseen ({len(texts)} texts)"
    print(f"  {name:36} {size:6.2f} MB  {min(seconds):6.2f} s  {size / min(seconds):5.2f} MB/s  (best of {rounds})")


def bad_input(gazetteer) -> None:
    """Time the issue's bad input, a text of 10 MB with 100,000 numbers (thin spaces, "тис.", "млн", capitals),
    beside 1 MB of the same: linear time reads a ratio near 10."""
    line = "Загинули 1\u2009{} людей, 3 тис. поранено, ЗРУЙНОВАНО {} ШКОЛИ; 1,5 млн осіб без світла. "
    print("\nBad input: numbers in every form the issue lists (CPU time)")
    seconds = {}
    for megabytes in (1, 10):
        count = 0
        parts = []
        while count < megabytes * 1_000_000:
            parts.append(line.format(100 + len(parts) % 900, 2 + len(parts) % 7))
            count += len(parts[-1].encode("utf-8"))
        text = "".join(parts)
        numbers = 4 * len(parts)
        started = time.process_time()
        result = extract(text, published=PUBLISHED, gazetteer=gazetteer)
        seconds[megabytes] = time.process_time() - started
        print(f"  {count / 1e6:5.1f} MB, {numbers:7} numbers: {seconds[megabytes]:6.2f} s, {len(result.claims)} claims")
    print(f"  10 MB / 1 MB time ratio: {seconds[10] / seconds[1]:.1f} (10 is linear)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=4.0, help="size of each throughput corpus")
    parser.add_argument("--no-bad-input", action="store_true", help="skip the 10 MB bad-input run")
    arguments = parser.parse_args()
    from litopys.places.gazetteer import Gazetteer

    gazetteer = Gazetteer.default()
    accuracy(gazetteer)
    print()
    accuracy(gazetteer, DEVELOPMENT, " — development set (the first sealed set, unsealed)")
    print()
    accuracy(gazetteer, DEVELOPMENT_2, " — second development set")
    print()
    accuracy(gazetteer, DEVELOPMENT_3, " — third development set")
    print()
    accuracy(gazetteer, DEVELOPMENT_4, " — fourth development set")
    print()
    accuracy(gazetteer, DEVELOPMENT_5, " — fifth development set")
    print()
    accuracy(gazetteer, DEVELOPMENT_6, " — sixth development set")
    print()
    accuracy(gazetteer, DEVELOPMENT_7, " — seventh development set")
    print()
    accuracy(gazetteer, DEVELOPMENT_8, " — eighth development set (Ukrainian only)")
    sealed(gazetteer)
    sealed(gazetteer, SEALED_2, "second sealed held-out set (written 2026-12-04)")
    sealed(gazetteer, SEALED_3, "third sealed held-out set (written 2026-12-04, sixth round)")
    throughput(gazetteer, arguments.megabytes)
    if not arguments.no_bad_input:
        bad_input(gazetteer)


if __name__ == "__main__":
    main()
