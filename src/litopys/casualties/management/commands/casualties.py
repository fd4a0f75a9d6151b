"""`litopys casualties import|link|export|publish-estimate`: victim lists in, linked records and totals out."""

import json
import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

#: Problems a dry run shows; a real import shows every one.
DRY_RUN_PROBLEMS = 20


class Command(BaseCommand):
    help = _("Victim lists: import a list (CSV or XLSX), link the records of every list, export victim data.")

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", title=_("actions"), metavar="ACTION")
        actions.required = True
        imp = actions.add_parser("import", help=_("Import a victim list from a CSV or XLSX file."),
                                 description=_("Preserve the file as evidence and store one record per row."))
        imp.add_argument("file", metavar="FILE", help=_("The list, as CSV or XLSX."))
        imp.add_argument("--list", required=True, dest="list_name", metavar="NAME",
                         help=_("Name of the list, e.g. exhumation, police, morgue."))
        imp.add_argument("--columns", default="", metavar="field=Header,...",
                         help=_("Columns the header vocabulary does not know, e.g. surname=Прізвище."))
        imp.add_argument("--one-row-per-person", action="store_true",
                         help=_("Each person is on this list once (an exhumation list: one body, one row); "
                                "linkage then never joins two of its rows."))
        imp.add_argument("--dry-run", action="store_true",
                         help=_("Show the column mapping and the first problems; store nothing."))
        imp.add_argument("--format", choices=["text", "json"], default="text", help=_("Output format."))
        link = actions.add_parser("link", help=_("Link the records of every list into clusters (splink)."),
                                  description=_("Estimate the model from the data and cluster the records."))
        link.add_argument("--engine", choices=["duckdb", "spark"], default=None,
                          help=_("Linkage engine (default: the LITOPYS_LINKAGE_ENGINE setting, else duckdb)."))
        link.add_argument("--threshold", type=float, default=None, metavar="P",
                          help=_("Match probability above which two records are linked (default 0.5)."))
        link.add_argument("--labels", default="", metavar="FILE",
                          help=_("CSV of labelled pairs: list,row,other_list,other_row,match (1 or 0)."))
        link.add_argument("--format", choices=["text", "json"], default="text", help=_("Output format."))
        export = actions.add_parser("export", help=_("Export reviewed victims as CSV (a custody event)."),
                                    description=_("Write reviewed victims to a CSV file; the export is recorded."))
        export.add_argument("file", metavar="FILE", help=_("Where to write the CSV."))
        export.add_argument("--by", default="", metavar="NAME", help=_("Who exports (default: your user name)."))

        est = actions.add_parser(
            "estimate", help=_("Estimate the total from the reviewed victims' lists (multiple-systems estimation)."),
            description=_("Build the capture histories of the reviewed victims and estimate how many no list "
                          "documented; stores nothing (see publish-estimate)."))
        est.add_argument("--stratum", choices=["oblast", "place", "sex", "status"], default=None,
                         help=_("Estimate each value separately and add them up."))
        est.add_argument("--model", default=None, help=_("Interactions to fit, e.g. 12,13 (default: BIC chooses)."))
        est.add_argument("--choose", choices=["bic", "aic"], default="bic",
                         help=_("Criterion that chooses the model (default: bic)."))
        est.add_argument("--format", choices=["json", "table"], default="table", help=_("Output format."))
        publish = actions.add_parser(
            "publish-estimate", help=_("Publish the estimated total of the reviewed victims (numbers only)."),
            # xgettext:no-python-format
            description=_("Estimate the total from the reviewed victims' lists and show it, with the documented "
                          "count and the 95% interval, on the public statistics page."))
        publish.add_argument("--area", required=True, help=_("What the lists cover, in readers' words."))
        publish.add_argument("--note", default="", help=_("A note readers see beside the numbers."))
        publish.add_argument("--model", default=None, help=_("Interactions to fit, e.g. 12,13 (default: BIC chooses)."))
        publish.add_argument("--user", required=True, metavar="USERNAME", help=_("The editor who publishes."))

    def handle(self, *args, **options):
        handler = {"import": self.import_list, "link": self.link, "export": self.export,
                   "estimate": self.estimate, "publish-estimate": self.publish_estimate}[options["action"]]
        handler(options)

    def import_list(self, options):
        from litopys.casualties.importing import import_list

        dry_run = options["dry_run"]
        report = import_list(options["file"], options["list_name"], options["columns"], dry_run=dry_run,
                             one_row_per_person=options["one_row_per_person"])
        shown = DRY_RUN_PROBLEMS if dry_run else None
        if options["format"] == "json":
            self.stdout.write(json.dumps(report.as_dict(shown), ensure_ascii=False, indent=2, default=str))
        else:
            self.print_report(report, shown)
        if report.status == "failed":
            sys.exit(1)

    def print_report(self, report, shown):
        if report.status == "failed":
            self.stderr.write(f"failed  {report.file}: {report.message}")
            return
        for name, header in report.columns.items():
            self.stdout.write(f"column  {name} ← {header!r}")
        for header in report.unmatched_headers:
            self.stdout.write(_("column  %(header)r is not used (name it with --columns)") % {"header": header})
        for note in report.notes:
            self.stdout.write(f"note    {note}")
        for problem in report.problems[:shown]:
            self.stdout.write(f"problem {report.file}: {problem.line()}")
        if shown is not None and len(report.problems) > shown:
            self.stdout.write(_("…and %(n)d more problems") % {"n": len(report.problems) - shown})
        summary = {"status": report.status, "list": report.list, "rows": report.rows, "bad": report.problem_rows,
                   "hash": report.file_hash or "-", "file": report.file}
        self.stderr.write(_("%(status)s  %(hash)s  list %(list)s: %(rows)d rows, %(bad)d with problems  %(file)s")
                          % summary)

    def link(self, options):
        from litopys.casualties.linking import LinkingError, link_records

        try:
            run, output = link_records(engine=options["engine"], threshold=options["threshold"],
                                       labels_file=options["labels"])
        except LinkingError as exc:
            raise CommandError(str(exc)) from None
        if options["format"] == "json":
            self.stdout.write(json.dumps(output, ensure_ascii=False))
            return
        linked = sum(1 for cluster in output["clusters"] if len(cluster["records"]) > 1)
        self.stdout.write(_("run %(run)d (%(engine)s): %(records)d records from %(lists)s → %(clusters)d clusters, "
                            "%(linked)d of them linking several records") % {
            "run": run.pk, "engine": run.engine, "records": output["records"], "lists": ", ".join(output["lists"]),
            "clusters": len(output["clusters"]), "linked": linked})

    def export(self, options):
        from litopys.casualties.actions import export_victims

        with open(options["file"], "w", encoding="utf-8", newline="") as handle:
            count = export_victims(handle, actor=options["by"] or None)
        self.stdout.write(_("%(count)d victims written to %(file)s; the export is recorded in the custody ledger")
                          % {"count": count, "file": options["file"]})

    def publish_estimate(self, options):
        from django.contrib.auth import get_user_model
        from django.core.exceptions import PermissionDenied, ValidationError

        from litopys.casualties.actions import publish_estimate

        user = get_user_model().objects.filter(username=options["user"]).first()
        if user is None:
            raise CommandError(_("No user %(name)s; give the user name of an editor.") % {"name": options["user"]})
        try:
            published = publish_estimate(user, options["area"], options["note"], model=options["model"])
        except (ValidationError, PermissionDenied) as exc:
            raise CommandError(" ".join(getattr(exc, "messages", [str(exc)]))) from None
        self.stdout.write(_("Published: %(area)s — %(documented)d documented, %(estimate)s estimated in all "
                            "(95%% interval %(low)s – %(high)s).") % {
            "area": published.area, "documented": published.documented, "estimate": f"{published.estimate:,.0f}",
            "low": f"{published.low:,.0f}", "high": "…" if published.high is None else f"{published.high:,.0f}"})

    def estimate(self, options):
        from litopys.casualties.estimation import Refused, StratifiedResult, estimate
        from litopys.casualties.management.commands.estimate import _single, _stratified
        from litopys.casualties.selectors import capture_histories

        rows = capture_histories(strata=options["stratum"])
        if not rows:
            raise CommandError(_("No victim has been reviewed yet: import the lists, link them, and have two people "
                                 "confirm the people first (see docs/casualties.md)."))
        try:
            result = estimate(rows, model=options["model"], strata=options["stratum"], choose=options["choose"])
        except Refused as refusal:
            raise CommandError(refusal.say(_)) from None
        if options["format"] == "json":
            self.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        else:
            self.stdout.write(_stratified(result) if isinstance(result, StratifiedResult) else _single(result))
