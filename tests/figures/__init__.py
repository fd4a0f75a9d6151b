"""Tests of the figures app; ``claim`` builds the small synthetic dossiers they share."""

from datetime import date, datetime

from litopys.figures.claims import ClaimInput

IZIUM = "incident:izium-mass-burial-site"
FRIDAY = date(2022, 9, 23)


def claim(id: int, value: int | None = None, *, kind: str = "bodies", min: int | None = None, max: int | None = None,
          approximate: bool = False, q: dict | None = None, cell: str = IZIUM, source: int | None = None,
          source_kind: str = "article", publisher: str = "", speaker: str = "", on: date | None = FRIDAY,
          at: datetime | None = None, status: str = "unverified", quote: str = "", digest: str = "") -> ClaimInput:
    """Return a claim; ``value`` makes it exact, ``min``/``max`` make it a bound, and each claim has its own source."""
    if value is not None:
        min = max = value
    return ClaimInput(id=id, kind=kind, min=min, max=max, approximate=approximate, qualifiers=q or {}, cell=cell,
                      source_id=id if source is None else source, source_kind=source_kind, publisher=publisher,
                      speaker=speaker, stated_on=on, stated_at=at, text_digest=digest, status=status, quote=quote)


def police(id: int, value: int, q: dict | None = None, **kwargs) -> ClaimInput:
    """Return a claim from the National Police statement of 23 September 2022, given by Ihor Klymenko."""
    kwargs = {"source": 100, "source_kind": "official_statement", "publisher": "National Police of Ukraine",
              "speaker": "Ihor Klymenko"} | kwargs
    return claim(id, value, q=q, **kwargs)


def seed(id: int, value: int | None = None, q: dict | None = None, **kwargs) -> ClaimInput:
    """Return a claim from the chronicle's own article of 23 September 2022, which names no speaker for it."""
    kwargs = {"source": 200, "source_kind": "article", "publisher": "War in Ukraine"} | kwargs
    return claim(id, value, q=q, **kwargs)
