"""`litopys estimate TABLE.csv`: how many people no list documented, by multiple-systems estimation; stores nothing."""

import csv
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from litopys.casualties.estimation import Refused, StratifiedResult, StratumRefusal, estimate, read_rows


class Command(BaseCommand):
    help = _(
        "Estimate the total number of victims, documented or not, from a capture-history table of three lists "
        "or more (one 0/1 column per list and a count column): Poisson log-linear models with pairwise list "
        "interactions, each with its estimate, standard error and 95% profile-likelihood interval; one chosen by "
        "BIC. Nothing is stored."
    )

    def add_arguments(self, parser):
        parser.add_argument("table", help=_("CSV file: one 0/1 column per list, a count column, optionally a stratum "
                                            "column."))
        parser.add_argument("--model", help=_("Fit only these interactions, list numbers in column order, e.g. "
                                              "12,13,23 ('none' for independent lists)."))
        parser.add_argument("--stratum", help=_("Estimate each value of this column separately and add them up."))
        parser.add_argument("--choose", choices=["bic", "aic"], default="bic",
                            help=_("Criterion that chooses the model (default: bic)."))
        parser.add_argument("--format", choices=["json", "table"], default="table", help=_("Output format."))

    def handle(self, *args, **options):
        path = Path(options["table"])
        rows = _read(path)
        try:
            tables = read_rows(rows, stratum=options["stratum"], source=str(path))
            if options["stratum"] is None:
                result = estimate(tables[None], model=options["model"], choose=options["choose"])
            else:
                result = estimate(tables, model=options["model"], strata=options["stratum"], choose=options["choose"])
        except Refused as refusal:
            raise CommandError(refusal.say(_)) from None
        if options["format"] == "json":
            self.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        elif isinstance(result, StratifiedResult):
            self.stdout.write(_stratified(result))
        else:
            self.stdout.write(_single(result))


def _read(path: Path) -> list[dict]:
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            return [dict(row) for row in csv.DictReader(handle)]
    except FileNotFoundError:
        raise CommandError(_("%(path)s does not exist; check the path and try again.") % {"path": path}) from None
    except IsADirectoryError:
        raise CommandError(_("%(path)s is a folder; give the path of a CSV file.") % {"path": path}) from None
    except UnicodeDecodeError:
        raise CommandError(_("%(path)s is not UTF-8 text; save it as a UTF-8 CSV file.") % {"path": path}) from None
    except (OSError, csv.Error) as exc:
        raise CommandError(_("%(path)s cannot be read (%(error)s); check the file and try again.")
                           % {"path": path, "error": getattr(exc, "strerror", None) or exc}) from None


def _label(model) -> str:
    return model.label() if model.pairs else _("none")


def _number(value: float | None) -> str:
    return "-" if value is None else f"{value:,.1f}"


def _single(result, indent: str = "") -> str:
    lists = ", ".join(f"{i} = {name}" for i, name in enumerate(result.lists, start=1))
    headers = [_("interactions"), _("estimate"), _("std. error"), _("95 per cent interval"), _("deviance"), _("df"),
               "AIC", "BIC", ""]
    rows = []
    for fit in result.fits:
        marks = []
        if fit is result.chosen:
            marks.append(_("chosen"))
        for name, best in result.best.items():
            if best is fit:
                marks.append(_("lowest %(criterion)s") % {"criterion": name.upper()})
        rows.append([_label(fit.model), _number(fit.estimate), _number(fit.se),
                     f"{_number(fit.interval.lower)} – {_number(fit.interval.upper)}", f"{fit.deviance:.3f}",
                     str(fit.df), f"{fit.aic:.3f}", f"{fit.bic:.3f}", ", ".join(marks)])
    numeric = {1, 2, 4, 5, 6, 7}
    widths = [max(len(row[i]) for row in [headers, *rows]) for i in range(len(headers))]
    lines = [indent + _("Lists: %(lists)s. Documented: %(n)s.") % {"lists": lists, "n": f"{result.documented:,}"}, ""]
    for row in [headers, *rows]:
        cells = [cell.rjust(widths[i]) if i in numeric else cell.ljust(widths[i]) for i, cell in enumerate(row)]
        lines.append(indent + "  ".join(cells).rstrip())
    chosen = result.chosen
    by = {"bic": _("by lowest BIC"), "aic": _("by lowest AIC"), "model": _("as named by --model")}[result.chosen_by]
    lines += ["", indent + _("Chosen %(by)s: %(model)s — estimate %(estimate)s (95%% interval %(lower)s – %(upper)s), "
                             "of whom %(unobserved)s on no list.")
              % {"by": by, "model": _label(chosen.model), "estimate": _number(chosen.estimate),
                 "lower": _number(chosen.interval.lower), "upper": _number(chosen.interval.upper),
                 "unobserved": _number(chosen.unobserved)}]
    for refusal in result.refusals:
        lines.append(indent + _("Refused %(model)s: %(reason)s") % {"model": _label(refusal.model),
                                                                     "reason": refusal.reason.say(_)})
    return "\n".join(lines)


def _stratified(result: StratifiedResult) -> str:
    lines = []
    for name, outcome in result.strata:
        lines.append(_("Stratum %(column)s = %(value)s") % {"column": result.column, "value": name})
        if isinstance(outcome, StratumRefusal):
            lines.append("  " + _("Refused (%(n)s documented): %(reason)s") % {"n": f"{outcome.documented:,}",
                                                                               "reason": outcome.reason.say(_)})
        else:
            lines.append(_single(outcome, indent="  "))
        lines.append("")
    if result.total is None:
        lines.append(_("Total: %(reason)s") % {"reason": result.total_refusal.say(_)})
    else:
        total = result.total
        lines.append(_("Total over %(count)d strata: documented %(n)s, estimate %(estimate)s (std. error %(se)s, 95%% "
                       "interval %(lower)s – %(upper)s, log-normal).")
                     % {"count": len(result.strata), "n": f"{total.documented:,}", "estimate": _number(total.estimate),
                        "se": _number(total.se), "lower": _number(total.lower), "upper": _number(total.upper)})
    return "\n".join(lines)
