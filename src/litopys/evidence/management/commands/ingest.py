import contextlib
import json
import signal
import sys
import threading
from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from litopys.evidence.files import check_file, printable, walk
from litopys.evidence.ingest import SourceFacts, ingest_paths
from litopys.evidence.leftovers import Leftovers, ingest_run
from litopys.evidence.models import Sensitivity, SourceKind
from litopys.evidence.vault import VaultError, get_vault


def iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--published {value!r} is not a date; write it as YYYY-MM-DD") from None


class Command(BaseCommand):
    help = _("Preserve files as evidence: hash, store once, record custody, extract text and claims.")

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help=_("Files or folders to ingest."))
        parser.add_argument("--kind", choices=SourceKind.values, default="",
                            help=_("Kind of source (default: guessed from the content)."))
        parser.add_argument("--title", default="", help=_("Title of the source (default: from the content)."))
        parser.add_argument("--publisher", default="", help=_("Who published the source."))
        parser.add_argument("--author", default="", help=_("Who wrote or made the source."))
        parser.add_argument("--url", default="", help=_("Where the source was found."))
        parser.add_argument("--published", type=str, default=None, metavar="YYYY-MM-DD",
                            help=_("When the source was published."))
        parser.add_argument("--collected-by", default="", help=_("Who collected it (default: your user name)."))
        parser.add_argument("--sensitivity", choices=Sensitivity.values, default=Sensitivity.RESTRICTED,
                            help=_("public, restricted (default) or confidential."))
        parser.add_argument("--notes", default="", help=_("Free notes on how and why it was collected."))
        parser.add_argument("--recursive", "-r", action="store_true", help=_("Descend into folders."))
        parser.add_argument("--format", choices=["text", "json"], default="text", help=_("Output format."))

    def handle(self, *args, **options):
        facts = SourceFacts(
            kind=options["kind"], title=options["title"], publisher=options["publisher"],
            author=options["author"], url=options["url"],
            published=iso_date(options["published"]) if options["published"] else None,
            collected_by=options["collected_by"], sensitivity=options["sensitivity"], notes=options["notes"])
        with contextlib.ExitStack() as stack:
            try:
                running = stack.enter_context(ingest_run(get_vault()))
            except VaultError as exc:
                raise CommandError(str(exc)) from None
            self.report_leftovers(running.leftovers)
            self.ingest(options, facts, running)

    def ingest(self, options, facts, running):
        bar = self.progress_bar(options)
        results = []
        stop = threading.Event()
        forced = False
        previous = _on_ctrl_c(stop)
        try:
            for result in ingest_paths(options["paths"], facts, options["recursive"],
                                       progress=bar.update if bar else None, stop=stop):
                results.append(result)
                if options["format"] == "text":
                    self.print_line(result, bar)
        except KeyboardInterrupt:  # a second Ctrl-C
            forced = True
        finally:
            if previous is not None:
                signal.signal(signal.SIGINT, previous)
            if bar:
                bar.close()
        interrupted = forced or stop.is_set()
        from litopys.evidence.custody import checkpoint

        checkpoint()
        if interrupted:
            running.interrupted = True  # the next run looks for what this one stored but did not record
            self.stderr.write(ngettext("interrupted: %(done)d file recorded above; the others were not recorded "
                                       "(run the same command again: what is held already is recognised)",
                                       "interrupted: %(done)d files recorded above; the others were not recorded "
                                       "(run the same command again: what is held already is recognised)",
                                       len(results)) % {"done": len(results)})
            sys.exit(130)
        failed = [r for r in results if not r.ok]
        if options["format"] == "json":
            leftovers = running.leftovers
            self.stdout.write(json.dumps({"results": [r.__dict__ for r in results], "failed": len(failed),
                                          "removed_partials": len(leftovers.removed),
                                          "orphans": leftovers.orphans}, ensure_ascii=False, indent=2))
        else:
            counts = {s: sum(r.status == s for r in results) for s in ("new", "held", "failed")}
            summary = _("%(new)d new, %(held)d already held, %(failed)d failed") % counts
            self.stderr.write(summary)
        if failed:
            sys.exit(1)

    def progress_bar(self, options):
        if options["format"] != "text" or not sys.stderr.isatty():
            return None
        from tqdm import tqdm

        total = 0
        for path, error in walk(options["paths"], options["recursive"]):
            if not error:
                total += check_file(path)[0]
        return tqdm(total=total, unit="B", unit_scale=True, unit_divisor=1024, file=sys.stderr, leave=False)

    def report_leftovers(self, leftovers: Leftovers):
        """Say what interrupted runs left, on stderr (stdout keeps one line per file)."""
        if leftovers.removed:
            self.stderr.write(ngettext("removed %(count)d temporary file left in the vault by an interrupted ingest",
                                       "removed %(count)d temporary files left in the vault by an interrupted ingest",
                                       len(leftovers.removed)) % {"count": len(leftovers.removed)})
        if leftovers.orphans:
            self.stderr.write(
                ngettext("%(count)d stored file has no record: an interrupted ingest stored its bytes but did not "
                         "record it; ingest that file again to record it (`litopys verify` lists it)",
                         "%(count)d stored files have no record: an interrupted ingest stored their bytes but did not "
                         "record them; ingest those files again to record them (`litopys verify` lists them)",
                         len(leftovers.orphans)) % {"count": len(leftovers.orphans)})

    def print_line(self, result, bar):
        # Names and messages can hold anything a file name can (a newline, a terminal escape): escaped, one
        # result is always one line.
        path = printable(result.path)
        if result.status == "failed":
            line = f"{'-' * 71}  failed  {path}: {printable(result.message)}"
        else:
            status = _("new") if result.status == "new" else _("already held")
            line = f"{result.digest}  {status}  {path}"
            if result.captures:
                line += "  " + _("(%d captured pages)") % result.captures
        lines = [line] + [f"    ! {path}: {printable(warning)}" for warning in result.warnings]
        for text in lines:
            if bar:
                bar.write(text, file=sys.stdout)
            else:
                self.stdout.write(text)


def _on_ctrl_c(stop: threading.Event):
    """Make Ctrl-C end the batch cleanly after the file being recorded; a second Ctrl-C stops at once.

    Return the handler it replaces, or None when signals cannot be handled here (not the main thread).
    """
    def handler(signum, frame):
        if stop.is_set():
            raise KeyboardInterrupt
        stop.set()

    try:
        if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
            return None  # started with Ctrl-C ignored (a background job): keep it so
        return signal.signal(signal.SIGINT, handler)
    except ValueError:
        return None
