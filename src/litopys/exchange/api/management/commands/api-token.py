"""`litopys api-token`: make, list and revoke personal API tokens."""

import json

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from litopys.exchange.api import actions
from litopys.exchange.api.models import Scope, Token


class Command(BaseCommand):
    help = ("Make an API token for a staff account (printed once; only its digest is kept), list tokens, or "
            "revoke one.")

    def add_arguments(self, parser):
        parser.add_argument("username", nargs="?", help="the staff account the token acts as")
        parser.add_argument("--name", default="", help="what the token is for")
        parser.add_argument("--scope", choices=Scope.values, default=Scope.READ,
                            help="read (the default) or write: write also ingests, captures and decides")
        parser.add_argument("--list", dest="list_tokens", action="store_true",
                            help="list tokens (of USERNAME, or everyone's)")
        parser.add_argument("--revoke", metavar="PREFIX", help="revoke the token starting with PREFIX")
        parser.add_argument("--format", choices=["text", "json"], default="text")

    def handle(self, *args, username=None, name="", scope=Scope.READ, list_tokens=False, revoke=None, format="text",
               **options):
        if revoke:
            return self.revoke(revoke)
        if list_tokens:
            return self.listing(username, format)
        if not username:
            raise CommandError("give the staff account the token is for: litopys api-token USERNAME")
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"there is no account {username!r}; check the name with `litopys staff 2fa-list`")
        try:
            token, raw = actions.issue(user, name, scope)
        except actions.TokenRefused as exc:
            raise CommandError(str(exc)) from None
        if format == "json":
            self.stdout.write(json.dumps({"token": raw, **self.row(token)}, ensure_ascii=False))
        else:
            self.stdout.write(raw)
            self.stderr.write(f"{token.scope} token {token.prefix}… for {username}; it is shown only now.")

    def revoke(self, prefix: str) -> None:
        found = list(Token.objects.filter(prefix__startswith=prefix[:20])[:2]) if len(prefix) >= 8 else []
        if len(found) != 1:
            raise CommandError(f"{prefix!r} names no single token; give its prefix as `--list` shows it "
                               "(at least 8 characters)")
        actions.revoke(found[0])
        self.stdout.write(f"revoked {found[0].prefix}… of {found[0].user.get_username()}")

    def listing(self, username, format: str) -> None:
        tokens = Token.objects.select_related("user")
        if username:
            tokens = tokens.filter(user__username=username)
        rows = [self.row(token) for token in tokens]
        if format == "json":
            self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
            return
        for row in rows:
            self.stdout.write(f"{row['prefix']}…  {row['user']:<20} {row['scope']:<6} "
                              f"last used {row['last_used_at'] or 'never'}"
                              f"{'  REVOKED' if row['revoked_at'] else ''}  {row['name']}")

    @staticmethod
    def row(token: Token) -> dict:
        return {"prefix": token.prefix, "user": token.user.get_username(), "name": token.name,
                "scope": token.scope, "created_at": token.created_at.isoformat(),
                "last_used_at": token.last_used_at.isoformat() if token.last_used_at else None,
                "revoked_at": token.revoked_at.isoformat() if token.revoked_at else None}
