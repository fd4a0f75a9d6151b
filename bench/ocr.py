"""Benchmark OCR: pages per second and character error rate per language on clean renders.

    .venv/bin/python bench/ocr.py [--pages 3]

Renders SYNTHETIC Ukrainian, Russian and English paragraphs with DejaVu Sans into A4-sized pages at
150 dpi (PNG, and an image-only PDF read through pypdfium2), reads them with the OCR processor and prints
pages per second and the character error rate (edit distance / length of the truth, spaces folded) per
language; the issue targets CER < 5 %. It measures; it asserts nothing.
"""

import argparse
import io
import textwrap
import time

from PIL import Image, ImageDraw, ImageFont

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
TEXTS = {
    "uk": ("Харківська обласна прокуратура повідомила, що під час огляду місця поховання поблизу міста було "
           "виявлено тіла загиблих. Слідчі зафіксували сліди катувань, зібрали свідчення місцевих мешканців і "
           "передали матеріали до суду. Роботи на місці тривають, списки загиблих уточнюються щодня."),
    "ru": ("Областная прокуратура сообщила, что во время осмотра места захоронения возле города были "
           "обнаружены тела погибших. Следователи зафиксировали следы пыток, собрали показания местных жителей "
           "и передали материалы в суд. Работы на месте продолжаются, списки погибших уточняются ежедневно."),
    "en": ("The regional prosecutor's office said that during the inspection of the burial site near the town "
           "the bodies of the dead were found. Investigators recorded signs of torture, collected statements "
           "from local residents and handed the materials to the court. Work at the site continues."),
}


def render(text: str) -> Image.Image:
    page = Image.new("L", (1240, 1754), 255)
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(FONT, 30)
    y = 120
    for paragraph in (text, text):
        for line in textwrap.wrap(paragraph, 62):
            draw.text((100, y), line, fill=0, font=font)
            y += 46
        y += 40
    return page


def distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]


def fold(text: str) -> str:
    return " ".join(text.split())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=3, help="pages per language and format")
    options = parser.parse_args()
    import django

    django.setup()
    from litopys.evidence.processors.base import Subject
    from litopys.evidence.processors.ocr import Ocr
    from litopys.evidence.processors.pdf import PdfText

    processor = Ocr()
    for language, text in TEXTS.items():
        truth = fold(" ".join([text, text]))
        for kind in ("PNG", "PDF"):
            out = io.BytesIO()
            pages = [render(text).convert("RGB") for _ in range(options.pages)]
            if kind == "PDF":
                pages[0].save(out, format="PDF", save_all=True, append_images=pages[1:], resolution=150)
                media_type = "application/pdf"
            else:
                pages[0].save(out, format="PNG")
                media_type = "image/png"
            count = options.pages if kind == "PDF" else 1
            subject = Subject.from_bytes(out.getvalue(), media_type, name=f"synthetic-{language}")
            started = time.perf_counter()
            if kind == "PDF":
                PdfText().process(subject)
            processor.process(subject)
            elapsed = time.perf_counter() - started
            read = [fold(page) for page in (subject.text or "").split("\f")]
            errors = sum(distance(page, truth) for page in read)
            cer = errors / (len(truth) * len(read))
            print(f"{language} {kind}: {count / elapsed:5.2f} pages/s, CER {100 * cer:5.2f} % "
                  f"({count} page(s), {elapsed:.1f} s, languages {subject.metadata['ocr']['languages']})")


if __name__ == "__main__":
    main()
