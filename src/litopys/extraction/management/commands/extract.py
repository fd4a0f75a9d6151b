"""`litopys extract FILE`: print the claims and opinion spans a text holds; stores nothing."""

import datetime
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from litopys.extraction import extract
from litopys.extraction.decoding import decode
from litopys.extraction.language import LANGUAGES

#: Quotes are cut to this many characters in the table.
QUOTE_WIDTH = 60


class Command(BaseCommand):
    help = _(
        "Extract attributed claims (bodies, killed, injured, missing, detained, deported, tortured, torture "
        "sites, graves, area) and opinion spans from a text file in English, Ukrainian or Russian. "
        "Nothing is stored."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help=_("Text file to read (UTF-8, or another encoding that can be guessed)."))
        parser.add_argument(
            "--language", choices=["auto", *LANGUAGES], default="auto", help=_("Language of the text (default: auto).")
        )
        parser.add_argument(
            "--published", metavar="YYYY-MM-DD", help=_("Publication date; relative dates ('on Friday') use it.")
        )
        parser.add_argument("--format", choices=["json", "table"], default="json", help=_("Output format."))

    def handle(self, *args, **options):
        path = Path(options["file"])
        published = _published(options["published"])
        data = _read(path)
        decoded = decode(data)
        if decoded.binary:
            self.stderr.write(
                _("%(path)s looks like a %(what)s, not text; extract its text first.")
                % {"path": path, "what": decoded.note}
            )
        elif decoded.note:
            self.stderr.write(_("%(path)s: %(note)s.") % {"path": path, "note": decoded.note})
        result = extract(decoded.text, language=options["language"], published=published)
        if options["format"] == "table":
            self.stdout.write(_table(result, decoded.text))
        else:
            self.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))


def _published(value: str | None) -> datetime.date | None:
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise CommandError(
            _("--published %(value)s is not a date; write it as YYYY-MM-DD, e.g. 2022-09-23.") % {"value": value}
        ) from None


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise CommandError(_("%(path)s does not exist; check the path and try again.") % {"path": path}) from None
    except IsADirectoryError:
        raise CommandError(_("%(path)s is a folder; give the path of a text file.") % {"path": path}) from None
    except PermissionError:
        raise CommandError(
            _("%(path)s cannot be read (permission denied); check its permissions.") % {"path": path}
        ) from None
    except OSError as exc:
        raise CommandError(
            _("%(path)s cannot be read (%(error)s); check the file and try again.")
            % {"path": path, "error": exc.strerror or exc}
        ) from None


def _table(result, text: str) -> str:
    headers = [_("kind"), _("min"), _("max"), "~", _("qualifiers"), _("place"), _("said by"), _("date"), _("quote")]
    rows = []
    for claim in result.claims:
        quote = " ".join(claim.quote.split())
        speaker = claim.attributed_to
        rows.append(
            [
                claim.kind,
                "" if claim.min is None else str(claim.min),
                "" if claim.max is None else str(claim.max),
                "~" if claim.approximate else "",
                ", ".join(f"{k}={v}" for k, v in claim.qualifiers.items()),
                (claim.place or {}).get("name") or "",
                ", ".join(part for part in (speaker.name, speaker.role) if part) if speaker else "",
                claim.date.isoformat() if claim.date else "",
                quote if len(quote) <= QUOTE_WIDTH else quote[: QUOTE_WIDTH - 1] + "…",
            ]
        )
    widths = [max(len(row[i]) for row in [headers, *rows]) for i in range(len(headers))]
    numeric = {1, 2}
    lines = []
    for row in [headers, ["-" * w for w in widths], *rows]:
        cells = [cell.rjust(widths[i]) if i in numeric else cell.ljust(widths[i]) for i, cell in enumerate(row)]
        lines.append("  ".join(cells).rstrip())
    summary = _("%(language)s: %(claims)d claims, %(opinions)d opinion spans") % {
        "language": result.language,
        "claims": len(result.claims),
        "opinions": len(result.opinions),
    }
    return "\n".join([summary, "", *lines] if rows else [summary])
