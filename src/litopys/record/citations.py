"""How to cite a figure: a sentence, BibTeX and CSL-JSON, from what its public page shows."""

from __future__ import annotations

import json
from datetime import date


def _title(figure, about: str) -> str:
    kind = f"{figure.label} — {figure.qualifier_text}" if figure.qualifier_text else figure.label
    return f"{kind}, {about}: {figure.value_text}"


def plain(figure, about: str, url: str, site: str, accessed: date) -> str:
    """Return a citation as a sentence: site, title, status, address and the day it was read."""
    return f"{site}. “{_title(figure, about)}” ({figure.status_label}). {url} ({accessed.isoformat()})."


def bibtex(figure, about: str, url: str, site: str, accessed: date) -> str:
    def escape(text: str) -> str:
        return "".join("\\" + ch if ch in "&%$#_{}" else ch for ch in text)

    return "\n".join([
        f"@misc{{litopys-figure-{figure.id},",
        f"  title = {{{escape(_title(figure, about))}}},",
        f"  author = {{{{{escape(site)}}}}},",
        f"  howpublished = {{\\url{{{url}}}}},",
        f"  year = {{{accessed.year}}},",
        f"  note = {{{escape(figure.status_label)}; accessed {accessed.isoformat()}}}",
        "}",
    ])


def csl_json(figure, about: str, url: str, site: str, accessed: date) -> str:
    item = {"id": f"litopys-figure-{figure.id}", "type": "dataset", "title": _title(figure, about),
            "publisher": site, "URL": url, "note": figure.status_label,
            "accessed": {"date-parts": [[accessed.year, accessed.month, accessed.day]]}}
    return json.dumps([item], ensure_ascii=False, indent=2)
