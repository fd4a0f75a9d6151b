import json
import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from litopys.exchange.static_export import ExportError, export_site


class Command(BaseCommand):
    help = _("Publish the public site: with --static DIR, write it as static files for a CDN or any web server.")

    def add_arguments(self, parser):
        parser.add_argument("--static", metavar="DIR", required=True,
                            help=_("Folder to write the static site into; replaced as a whole when done."))
        parser.add_argument("--base-url", default="",
                            help=_("Origin the copy will be served from, e.g. https://chronicle.example.org; "
                                   "absolute links in feeds and sitemaps use it (default: LITOPYS_SITE_URL)."))
        parser.add_argument("--language", default="",
                            help=_("Language of the pages, uk or en (default: LITOPYS_LANGUAGE)."))
        parser.add_argument("--strict", action="store_true",
                            help=_("Fail, keeping the previous export, when any link is broken."))
        parser.add_argument("--format", choices=["text", "json"], default="text",
                            help=_("Print the summary as text (default) or JSON."))

    def handle(self, *args, **options):
        bar = None
        if options["format"] == "text" and sys.stderr.isatty():
            from tqdm import tqdm

            bar = tqdm(total=1, unit=_("page"), desc=_("Exporting"), leave=False, file=sys.stderr)

        def progress(done: int, total: int) -> None:
            bar.total = total
            bar.update(done - bar.n)

        try:
            result = export_site(options["static"], base_url=options["base_url"], language=options["language"],
                                 strict=options["strict"], progress=progress if bar else None)
        except ExportError as exc:
            raise CommandError(str(exc)) from None
        finally:
            if bar is not None:
                bar.close()
        if options["format"] == "json":
            self.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False))
            return
        for url, status, referrer in result.broken[:20]:
            self.stderr.write(_("broken link: %(url)s (%(status)s), linked from %(page)s")
                              % {"url": url, "status": status, "page": referrer or "-"})
        if result.skipped:
            self.stderr.write(_("%(count)s links with a query string were not exported, e.g. %(url)s")
                              % {"count": len(result.skipped), "url": result.skipped[0][0]})
        self.stdout.write(_("Exported %(summary)s.") % {"summary": result.summary()})
