"""`litopys export package|dataset`: evidence packages for prosecutors, datasets for researchers."""

import json
import sys
from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from litopys.evidence.hashing import PREFIX, is_digest
from litopys.exchange.actions import export_package, exporter
from litopys.exchange.datasets.export import FORMATS, export_dataset
from litopys.exchange.datasets.tables import DatasetError
from litopys.exchange.packages.build import PackageBuildError
from litopys.exchange.packages.contents import Scope, ScopeError


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(_("--since %(value)s is not a date; write it as YYYY-MM-DD") % {"value": value}) from None


def _digest(value: str) -> str:
    digest = value.lower() if value.lower().startswith(PREFIX) else PREFIX + value.lower()
    if not is_digest(digest):
        raise CommandError(_("--items %(value)s is not an item hash; give sha256:<64 hex digits>") % {"value": value})
    return digest


class _Text:
    """Write bytes to a text stream (a StringIO in tests), as UTF-8."""

    def __init__(self, stream):
        self.stream = stream

    def write(self, data: bytes) -> None:
        self.stream.write(data.decode("utf-8"))

    def flush(self) -> None:
        self.stream.flush()


class Command(BaseCommand):
    help = _("Export from the record: 'package' (an evidence package for a prosecutor or a court) or 'dataset' "
             "(the public record for researchers).")

    def add_arguments(self, parser):
        kinds = parser.add_subparsers(dest="what", title=_("what to export"), metavar="WHAT")
        kinds.required = True
        package = kinds.add_parser("package", help=_("A BagIt evidence package: items, custody events with proofs, "
                                                     "claims and review decisions, checkable without Litopys."))
        scope = package.add_mutually_exclusive_group(required=True)
        scope.add_argument("--incident", metavar="SLUG", help=_("Everything documented about one incident."))
        scope.add_argument("--items", nargs="+", metavar="HASH", help=_("These items (sha256:<hex>)."))
        scope.add_argument("--source", nargs="+", type=int, metavar="ID", help=_("These sources (ids)."))
        package.add_argument("--to", required=True, metavar="DIR|FILE.zip",
                             help=_("A new folder, or a .zip file, to write the package to."))
        package.add_argument("--by", required=True, metavar="USERNAME",
                             help=_("The staff account exporting; its rights decide what the package holds."))
        package.add_argument("--recipient", required=True,
                             help=_("Who receives the package; the custody ledger records it."))
        package.add_argument("--include-confidential", action="store_true",
                             help=_("Include confidential sources the exporter may read (left out otherwise)."))
        package.add_argument("--format", choices=["text", "json"], default="text", help=_("Output format."))
        dataset = kinds.add_parser("dataset", help=_("The public record as CSV (with datapackage.json), XLSX, "
                                                     "GeoJSON, JSON, or HURIDOCS- or ACLED-style events."))
        dataset.add_argument("--format", dest="dataset_format", choices=FORMATS, required=True,
                             help=_("Format of the dataset."))
        dataset.add_argument("--to", default="", metavar="DIR|FILE",
                             help=_("Folder (csv) or file to write; standard output when absent (one-file formats)."))
        dataset.add_argument("--place", default="", help=_("Only incidents in this place or oblast."))
        dataset.add_argument("--since", default="", metavar="YYYY-MM-DD",
                             help=_("Only incidents starting or ending on or after this date."))

    def handle(self, *args, **options):
        if options["what"] == "package":
            self.package(**options)
        else:
            self.dataset(**options)

    def package(self, incident=None, items=None, source=None, to="", by="", recipient="", include_confidential=False,
                format="text", **options):
        scope = Scope(incident=incident or "", items=[_digest(value) for value in items or []],
                      sources=source or [])
        bar = None
        if format == "text" and sys.stderr.isatty():
            from tqdm import tqdm

            bar = tqdm(unit="B", unit_scale=True, unit_divisor=1024, desc=_("Packaging"), file=sys.stderr, leave=False)
        try:
            built = export_package(scope, exporter(by), recipient, to, include_confidential=include_confidential,
                                   progress=bar.update if bar else None)
        except (ScopeError, PackageBuildError) as exc:
            raise CommandError(str(exc)) from None
        finally:
            if bar is not None:
                bar.close()
        if format == "json":
            self.stdout.write(json.dumps(built.as_dict(), ensure_ascii=False, indent=2))
            return
        self.stdout.write(_("Package %(id)s written to %(target)s: %(items)d items (%(bytes)d bytes), %(events)d "
                            "custody events, %(claims)d claims, %(sources)d sources; checkpoint at %(size)d entries.")
                          % {"id": built.package_id, "target": built.target, "items": built.items,
                             "bytes": built.bytes, "events": built.events, "claims": built.claims,
                             "sources": built.sources, "size": built.checkpoint})
        withheld = built.withheld
        if withheld["sources"] or withheld["claims"] or withheld["items"] or withheld["custody_events"]:
            self.stdout.write(_("Withheld: %(sources)s; %(claims)d claims, %(items)d items, %(events)d custody events.")
                              % {"sources": ", ".join(f"{n} {why}" for why, n in withheld["sources"].items()) or "-",
                                 "claims": withheld["claims"], "items": withheld["items"],
                                 "events": withheld["custody_events"]})

    def dataset(self, dataset_format="", to="", place="", since="", **options):
        out = self.stdout._out
        if not to and dataset_format == "xlsx" and out.isatty():
            raise CommandError(_("--format xlsx is a binary file: give --to FILE.xlsx, or redirect the output"))
        try:
            result = export_dataset(dataset_format, to=to, stdout=getattr(out, "buffer", None) or _Text(out),
                                    place=place, since=_day(since) if since else None)
        except DatasetError as exc:
            raise CommandError(str(exc)) from None
        if to:
            rows = ", ".join(f"{count} {table}" for table, count in result["rows"].items())
            self.stderr.write(_("Wrote %(files)s to %(to)s (%(rows)s).")
                              % {"files": ", ".join(result["files"]), "to": result["to"], "rows": rows})
