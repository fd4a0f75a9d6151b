import getpass
import json

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from litopys.core.accounts import actions, policy


class Command(BaseCommand):
    help = _("Staff accounts: who has two-factor authentication, reset it, unlock a locked account.")

    def add_arguments(self, parser):
        subcommands = parser.add_subparsers(
            dest="action", required=True, metavar="ACTION", title=_("actions"),
            help=_("What to do; `litopys staff ACTION --help` explains each."))
        explained = {
            "2fa-list": _("List staff accounts: role, whether two-factor authentication is required and set up, "
                          "recovery codes left."),
            "2fa-reset": _("Remove an account's authenticator and recovery codes; it sets them up again at its next "
                           "login."),
            "unlock": _("Forget an account's failed logins, ending its lockout."),
        }
        # The same words head the action's own --help (description) and its line in `litopys staff --help` (help).
        listing = subcommands.add_parser("2fa-list", help=explained["2fa-list"], description=explained["2fa-list"])
        listing.add_argument("--format", choices=("table", "json"), default="table",
                             help=_("Output format: a table to read, or JSON for scripts."))
        reset = subcommands.add_parser("2fa-reset", help=explained["2fa-reset"], description=explained["2fa-reset"])
        reset.add_argument("username", help=_("The account's username, as `litopys staff 2fa-list` shows it."))
        unlock = subcommands.add_parser("unlock", help=explained["unlock"], description=explained["unlock"])
        unlock.add_argument("username", help=_("The account's username, as `litopys staff 2fa-list` shows it."))

    def handle(self, *args, **options):
        {"2fa-list": self.listing, "2fa-reset": self.reset, "unlock": self.unlock}[options["action"]](options)

    def account(self, username: str):
        user = get_user_model()._default_manager.filter(username=username).first()
        if user is None:
            raise CommandError(_("No account is named %(name)s; `litopys staff 2fa-list` lists them.")
                               % {"name": username})
        return user

    def listing(self, options):
        rows = []
        for user in get_user_model()._default_manager.filter(is_staff=True).order_by("username"):
            rows.append({"username": user.get_username(),
                         "roles": sorted(group.name for group in user.groups.all()) + (
                             ["superuser"] if user.is_superuser else []),
                         "required": policy.must_have_second_factor(user),
                         "enrolled": policy.has_authenticator(user),
                         "recovery_codes": policy.recovery_codes_left(user),
                         "active": user.is_active})
        if options["format"] == "json":
            self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
            return
        for row in rows:
            state = _("set up") if row["enrolled"] else (_("MISSING") if row["required"] else _("not set up"))
            self.stdout.write(f"{row['username']:<24} {', '.join(row['roles']) or '—':<28} "
                              f"{_('required') if row['required'] else _('optional'):<9} {state:<11} "
                              f"{_('recovery codes')}: {row['recovery_codes']:<3} "
                              f"{_('active') if row['active'] else _('inactive')}")
        if not rows:
            self.stdout.write(_("No staff accounts."))

    def reset(self, options):
        user = self.account(options["username"])
        removed = actions.reset_second_factor(user, by=f"litopys staff 2fa-reset (system user {getpass.getuser()})")
        self.stdout.write(ngettext("%(name)s: %(n)d device removed; the account sets up two-factor authentication "
                                   "again at its next login.",
                                   "%(name)s: %(n)d devices removed; the account sets up two-factor authentication "
                                   "again at its next login.", removed) % {"name": user.get_username(), "n": removed})

    def unlock(self, options):
        from axes.utils import reset

        username = self.account(options["username"]).get_username()
        count = reset(username=username)
        self.stdout.write(ngettext("%(name)s: %(n)d failed-login record removed; the account may log in again.",
                                   "%(name)s: %(n)d failed-login records removed; the account may log in again.",
                                   count) % {"name": username, "n": count})
