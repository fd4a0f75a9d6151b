import json
import os

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from litopys.evidence.custody import history
from litopys.evidence.hashing import PREFIX, digest_file, is_digest
from litopys.evidence.models import Item


def resolve_item(reference: str) -> Item:
    """Find an item by sha256:<hex>, a unique hex prefix, or a file holding the same bytes."""
    if os.path.isfile(reference):
        digest = digest_file(reference)
        item = Item.objects.filter(sha256=digest).first()
        if item is None:
            raise CommandError(f"{reference}: these bytes ({digest}) are not in the vault; ingest them first")
        return item
    value = reference.lower()
    if not value.startswith(PREFIX):
        value = PREFIX + value
    if is_digest(value):
        item = Item.objects.filter(sha256=value).first()
    else:
        matches = list(Item.objects.filter(sha256__startswith=value)[:2])
        if len(matches) > 1:
            raise CommandError(f"{reference}: more than one item starts with this; give more digits")
        item = matches[0] if matches else None
    if item is None:
        raise CommandError(f"{reference}: no item has this hash; `litopys custody` takes sha256:<hex> or a file")
    return item


class Command(BaseCommand):
    help = _("Print the chain of custody of one item (by hash, hash prefix, or a file with the same bytes).")

    def add_arguments(self, parser):
        parser.add_argument("item", metavar="ITEM", help=_("sha256:<hex>, a hex prefix, or a file path."))
        parser.add_argument("--format", choices=["text", "json"], default="text", help=_("Output format."))

    def handle(self, *args, **options):
        item = resolve_item(options["item"])
        related = [item.sha256] + list(item.derivatives.values_list("sha256", flat=True))
        events = [e for digest in related for e in history(digest)]
        events.sort(key=lambda e: e.sequence)
        if options["format"] == "json":
            self.stdout.write(json.dumps({
                "item": {"sha256": item.sha256, "size": item.size, "media_type": item.media_type,
                         "original_name": item.original_name,
                         "derived_from": item.derived_from.sha256 if item.derived_from else None},
                "sources": list(item.sources.values("id", "kind", "title", "collected_by", "collected_at")),
                "events": [{"sequence": e.sequence, "occurred_at": e.occurred_at.isoformat(), "actor": e.actor,
                            "action": e.action, "item_hash": e.item_hash, "details": e.details,
                            "entry_hash": e.entry_hash} for e in events],
            }, default=str, ensure_ascii=False, indent=2))
            return
        self.stdout.write(f"{item.sha256}  {item.media_type}  {item.size} bytes  {item.original_name}")
        for source in item.sources.all():
            self.stdout.write("  " + _("source #%(id)d: %(title)s (%(kind)s), collected %(at)s by %(by)s") % {
                "id": source.pk, "title": source, "kind": source.get_kind_display(),
                "at": source.collected_at.isoformat(timespec="seconds"), "by": source.collected_by or "-"})
        for e in events:
            own = "" if e.item_hash == item.sha256 else f" [{e.item_hash[:19]}…]"
            self.stdout.write(f"  #{e.sequence:<6} {e.occurred_at.isoformat(timespec='seconds')}  "
                              f"{e.action:<11} {e.actor}{own}  {json.dumps(e.details, ensure_ascii=False)}")
