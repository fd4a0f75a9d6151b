import json

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from litopys.evidence import redaction, sealing
from litopys.evidence.actions import redact
from litopys.evidence.ingest import SourceFacts, actor_name
from litopys.evidence.management.commands.custody import resolve_item


class Command(BaseCommand):
    help = _("Make a redacted copy of an item: spans or phrases of its text, or rectangles (or the faces found) "
             "of its picture or of a PDF page, blacked out. The item itself is never changed.")

    def add_arguments(self, parser):
        parser.add_argument("item", metavar="ITEM", help=_("sha256:<hex>, a hex prefix, or a file path."))
        parser.add_argument("--span", action="append", default=[], metavar="START:END",
                            help=_("Characters START up to END of the item's text (from 0); repeatable."))
        parser.add_argument("--phrase", action="append", default=[], metavar="TEXT",
                            help=_("Every occurrence of TEXT in the item's text, ignoring case; repeatable."))
        parser.add_argument("--box", action="append", default=[], metavar="X,Y,W,H",
                            help=_("A rectangle of the picture in pixels from the top left; repeatable."))
        parser.add_argument("--faces", action="store_true",
                            help=_("Black out the faces OpenCV's face detector finds (check the result)."))
        parser.add_argument("--suggest-faces", action="store_true",
                            help=_("Only print the rectangles of the faces found, as X,Y,W,H; make nothing."))
        parser.add_argument("--page", type=int, metavar="N",
                            help=_("For a PDF: the page (from 1), rendered at %(dpi)d dpi; rectangles are in its "
                                   "pixels.") % {"dpi": redaction.PAGE_DPI})
        parser.add_argument("--actor", default="", help=_("Who redacts, for the custody ledger (default: you)."))
        parser.add_argument("--format", choices=["text", "json"], default="text", help=_("Output format."))

    def handle(self, *args, **options):
        item = resolve_item(options["item"])
        actor = actor_name(SourceFacts(collected_by=options["actor"]))
        try:
            if options["suggest_faces"]:
                return self.suggest(item, options)
            spans = [redaction.parse_span(text) for text in options["span"]]
            boxes = [redaction.parse_box(text) for text in options["box"]]
            copy = redact(item, actor, spans=spans, phrases=options["phrase"], boxes=boxes,
                          faces=options["faces"], page=options["page"])
        except (redaction.RedactionError, sealing.SealError) as exc:
            raise CommandError(f"{options['item']}: {exc}") from None
        marks = copy.metadata.get("redaction", {})
        if options["format"] == "json":
            self.stdout.write(json.dumps({"item": item.sha256, "redacted_copy": copy.sha256,
                                          "media_type": copy.media_type, "size": copy.size, **marks}, indent=2))
            return
        self.stdout.write(_("redacted copy %(copy)s (%(type)s, %(size)d bytes) of %(item)s") % {
            "copy": copy.sha256, "type": copy.media_type, "size": copy.size, "item": item.sha256})
        if "spans" in marks:
            spans = len(marks["spans"])
            self.stdout.write(ngettext("%(count)d span blacked out", "%(count)d spans blacked out", spans)
                              % {"count": spans})
        if "boxes" in marks:
            boxes = len(marks["boxes"])
            self.stdout.write(ngettext("%(count)d rectangle blacked out, %(faces)d of them faces found",
                                       "%(count)d rectangles blacked out, %(faces)d of them faces found", boxes)
                              % {"count": boxes, "faces": marks.get("faces_found", 0)})

    def suggest(self, item, options):
        from litopys.evidence.selectors import is_picture, picture_of

        if not is_picture(item):
            raise redaction.RedactionError(_("faces are looked for in pictures and PDF pages only"))
        faces = redaction.suggest_faces(picture_of(item, options["page"]))
        if options["format"] == "json":
            self.stdout.write(json.dumps({"item": item.sha256, "faces": [box.as_list() for box in faces]}))
        else:
            for box in faces:
                self.stdout.write(f"{box.x},{box.y},{box.w},{box.h}")
