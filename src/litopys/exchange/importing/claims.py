"""Claims from CSV: each one a quote that must stand in its source's text, recorded unverified (review decides
the rest). A claim already recorded from the same quote is left alone; one that would say something else is
refused, since claims change only on the staff site, where a change is reviewed."""

from __future__ import annotations

import re

from litopys.evidence.models import Source
from litopys.exchange.importing.values import RowError, day, place, vocabulary_code, whole, yes_no
from litopys.incidents.actions import actor_for
from litopys.incidents.models import Claim, Incident

#: "447", "440–450", "440-450", "≥1000", "≤20", "≈447", "~447".
VALUE = re.compile(r"^(?P<sign>[≥≤≈~]?)\s*(?P<low>\d[\d\s\u00a0\u202f,]*)(?:\s*[–—-]\s*(?P<high>\d[\d\s\u00a0,]*))?$")
QUALIFIER_NAMES = ("sex", "age", "status")


def parse_value(text: str) -> tuple[int | None, int | None, bool]:
    """Return (min, max, approximate) from a value as the dataset export writes it."""
    match = VALUE.match(text.strip())
    if not match:
        raise RowError(f"value {text!r} is not a number or a range (447, 440–450, ≥1000, ≈447)")
    low = whole(match["low"], "value")
    high = whole(match["high"], "value") if match["high"] else low
    sign = match["sign"]
    if sign == "≥":
        return low, None, False
    if sign == "≤":
        return None, low, False
    return low, high, sign in ("≈", "~")


def parse_qualifiers(text: str) -> dict:
    found = {}
    for part in filter(None, (p.strip() for p in re.split(r"[;,]", text or ""))):
        name, _, value = part.partition("=")
        name, value = name.strip().lower(), value.strip().lower()
        if name not in QUALIFIER_NAMES or not re.fullmatch(r"[a-z_]+", value):
            raise RowError(f"qualifiers {part!r} is not name=value with a name among {', '.join(QUALIFIER_NAMES)}")
        found[name] = value
    return found


class ClaimRows:
    kind = "claims"
    required = ("kind", "quote")

    def __init__(self, keys: set[str], dry_run: bool = False, user=None):
        self.user = user
        self.recorded: dict[int, list[Claim]] = {}

    @staticmethod
    def key(row: dict) -> str:
        return ""

    def read(self, row: dict) -> dict:
        source = self._source(row)
        if not row.get("quote"):
            raise RowError("quote is empty; a claim is the exact words of its source")
        text = source.item.text
        if not text:
            raise RowError(f"source {source.pk} has no text to quote (it is not a text, or its text was not "
                           "extracted); attach claims to a text source")
        start, end = self._span(row, text, source)
        low, high, approximate = parse_value(row["value"]) if row.get("value") else (None, None, False)
        if row.get("min") or row.get("max"):
            low, high = whole(row.get("min", ""), "min"), whole(row.get("max", ""), "max")
        if low is None and high is None:
            raise RowError("give the number: a value column (447, 440–450) or min and max")
        if low is not None and high is not None and high < low:
            raise RowError(f"max {high} is below min {low}; swap them")
        incident = None
        if row.get("incident"):
            incident = Incident.objects.filter(slug=row["incident"]).first()
            if incident is None:
                raise RowError(f"incident {row['incident']!r} is not in the record; import the incidents first")
        return {
            "source": source, "kind": vocabulary_code("claim_kinds", row["kind"], "kind"), "min": low, "max": high,
            "approximate": approximate or yes_no(row.get("approximate", ""), "approximate"),
            "qualifiers": parse_qualifiers(row.get("qualifiers", "")),
            "place": place(row.get("place_geonames_id", ""), row.get("place", ""), row.get("oblast", "")),
            "place_name": row.get("place", "")[:200], "incident": incident,
            "attributed_to": row.get("attributed_to", ""),
            "stated_on": day(row.get("stated_on", ""), "stated_on") or source.published,
            "refers_to": day(row.get("refers_to", ""), "refers_to"),
            "quote": text[start:end], "start": start, "end": end,
        }

    @staticmethod
    def _source(row: dict) -> Source:
        if row.get("source"):
            found = Source.objects.filter(pk=whole(row["source"], "source")).select_related("item").first()
            if found is None:
                raise RowError(f"source {row['source']} is not in the record; give the id of a source from the staff "
                               "site")
            return found
        if row.get("item"):
            digest = row["item"].lower()
            digest = digest if digest.startswith("sha256:") else f"sha256:{digest}"
            found = Source.objects.filter(item__sha256=digest).select_related("item").order_by("pk").first()
            if found is None:
                raise RowError(f"item {row['item']} is not in the vault; ingest the file first")
            return found
        raise RowError("give the source (its id) or the item (sha256) the quote comes from")

    @staticmethod
    def _span(row: dict, text: str, source: Source) -> tuple[int, int]:
        quote = row["quote"]
        if row.get("quote_start"):
            start = whole(row["quote_start"], "quote_start")
            end = whole(row.get("quote_end", ""), "quote_end") or start + len(quote)
            if text[start:end] != quote:
                raise RowError(f"quote_start {start}: the text of source {source.pk} there does not read as the quote; "
                               "fix the offsets or leave them empty")
            return start, end
        start = text.find(quote)
        if start < 0:
            raise RowError(f"the quote is not in the text of source {source.pk}; copy it exactly from the source")
        return start, start + len(quote)

    def write(self, values: dict) -> str:
        speaker = values.pop("attributed_to")
        existing = Claim.objects.filter(source=values["source"], kind=values["kind"], start=values["start"],
                                        end=values["end"]).first()
        if existing is not None:
            same = all(getattr(existing, name) == values[name]
                       for name in ("min", "max", "approximate", "qualifiers", "incident", "place"))
            if not same:
                raise RowError(f"claim {existing.pk} already records this quote and says {existing.value_text()}; "
                               "change it on the staff site, where the change is reviewed")
            return "unchanged"
        claim = Claim.objects.create(attributed_to=actor_for({"name": speaker}) if speaker else None,
                                     extracted_by="csv import", entered_by=self.user, **values)
        self.recorded.setdefault(claim.source_id, []).append(claim)
        return "created"

    def finish(self, report) -> None:
        """Tell review the claims are recorded, as extraction does: corroboration is worked out for them."""
        from litopys.incidents.signals import claims_recorded

        for claims in self.recorded.values():
            claims_recorded.send(sender=Claim, source=claims[0].source, claims=claims)
