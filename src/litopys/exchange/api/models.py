"""Personal API tokens: only a digest is kept, the token itself is shown once when it is made."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Scope(models.TextChoices):
    READ = "read", _("read only")
    WRITE = "write", _("read and write")


class Token(models.Model):
    """A staff member's key to the API; it acts as that person, with that person's role, and no more."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE,
                             related_name="api_tokens")
    name = models.CharField(_("name"), max_length=100, blank=True,
                            help_text=_("What the token is for, e.g. the ingest script on the field laptop."))
    prefix = models.CharField(_("prefix"), max_length=20, unique=True, editable=False,
                              help_text=_("The token's first characters, to recognise it; not enough to use it."))
    digest = models.CharField(_("digest"), max_length=64, unique=True, editable=False,
                              help_text=_("SHA-256 of the token; the token itself is never stored."))
    scope = models.CharField(_("scope"), max_length=10, choices=Scope.choices, default=Scope.READ)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.prefix}… ({self.user})"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
