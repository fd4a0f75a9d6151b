"""Sources, the bytes they came as (items), and the append-only custody ledger."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from litopys.vocab.choices import constants, source_kinds_choices


class Sensitivity(models.TextChoices):
    PUBLIC = "public", _("public")
    RESTRICTED = "restricted", _("restricted")
    CONFIDENTIAL = "confidential", _("confidential")


#: The kinds of source, from the vocabulary (``vocab/source_kinds.yaml``): ``SourceKind.WEB_ARCHIVE``.
SourceKind = constants("source_kinds")


class Item(models.Model):
    """Bytes held in the vault, written once under their SHA-256; never replaced."""

    sha256 = models.CharField(_("SHA-256"), max_length=71, unique=True,
                              help_text=_("Digest of the bytes, written as sha256:<hex>."))
    size = models.BigIntegerField(_("size in bytes"))
    media_type = models.CharField(_("media type"), max_length=120,
                                  help_text=_("Detected from the content, not from the file name."))
    original_name = models.CharField(_("original file name"), max_length=500, blank=True)
    derived_from = models.ForeignKey("self", verbose_name=_("derived from"), null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="derivatives")
    derivation = models.CharField(_("derivation"), max_length=40, blank=True,
                                  help_text=_("What this copy is of its original: text, thumbnail, redacted…"))
    metadata = models.JSONField(_("metadata"), default=dict, blank=True)
    sensitive_keys = models.JSONField(_("sensitive metadata"), default=list, blank=True,
                                      help_text=_("Metadata that can endanger someone, e.g. GPS position."))
    processing_errors = models.JSONField(_("processing errors"), default=list, blank=True)
    phash = models.CharField(_("perceptual hash"), max_length=40, blank=True, db_index=True)
    text = models.TextField(_("extracted text"), blank=True)
    language = models.CharField(_("language"), max_length=8, blank=True)
    stored_at = models.DateTimeField(_("stored at"), auto_now_add=True)

    class Meta:
        verbose_name = _("evidence item")
        verbose_name_plural = _("evidence items")
        ordering = ["-stored_at"]
        permissions = [("redact_item", _("Can make redacted copies of items"))]

    def __str__(self):
        return f"{self.sha256[:19]}… {self.original_name or self.media_type}"

    @property
    def is_original(self) -> bool:
        return self.derived_from_id is None


class Dossier(models.Model):
    """A case file: the people granted its confidential sources (witness testimony, unpublished records)."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    description = models.TextField(_("description"), blank=True)
    members = models.ManyToManyField(settings.AUTH_USER_MODEL, verbose_name=_("members"), blank=True,
                                     related_name="dossiers",
                                     help_text=_("Who may read the confidential sources filed in this dossier."))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("dossier")
        verbose_name_plural = _("dossiers")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Source(models.Model):
    """One act of collection: where some bytes came from, who collected them and how."""

    kind = models.CharField(_("kind"), max_length=30, choices=source_kinds_choices,
                            default=SourceKind.DOCUMENT)
    title = models.CharField(_("title"), max_length=500, blank=True)
    publisher = models.CharField(_("publisher"), max_length=300, blank=True)
    author = models.CharField(_("author"), max_length=300, blank=True)
    url = models.URLField(_("URL"), max_length=2000, blank=True)
    published = models.DateField(_("published"), null=True, blank=True)
    language = models.CharField(_("language"), max_length=8, blank=True)
    collected_at = models.DateTimeField(_("collected at"))
    collected_by = models.CharField(_("collected by"), max_length=200, blank=True)
    collection_method = models.CharField(_("collection method"), max_length=200, blank=True)
    tool_version = models.CharField(_("tool version"), max_length=100, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    sensitivity = models.CharField(_("sensitivity"), max_length=20, choices=Sensitivity.choices,
                                   default=Sensitivity.RESTRICTED,
                                   help_text=_("Only public sources may ever be named on the public site."))
    item = models.ForeignKey(Item, verbose_name=_("item"), on_delete=models.PROTECT, related_name="sources")
    file_name = models.CharField(_("file name at collection"), max_length=1000, blank=True)
    parent = models.ForeignKey("self", verbose_name=_("contained in"), null=True, blank=True,
                               on_delete=models.PROTECT, related_name="parts",
                               help_text=_("The web archive a captured page came from."))
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("owner"), null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="+")
    dossier = models.ForeignKey(Dossier, verbose_name=_("dossier"), null=True, blank=True,
                                on_delete=models.PROTECT, related_name="sources",
                                help_text=_("A confidential source is read only by its collector, the dossier's "
                                            "members and administrators."))

    class Meta:
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        ordering = ["-collected_at"]

    def __str__(self):
        return self.title or self.file_name or f"{self.get_kind_display()} #{self.pk}"


class LedgerRefused(Exception):
    """The custody ledger is append-only."""


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise LedgerRefused("custody events are never updated")

    def delete(self):
        raise LedgerRefused("custody events are never deleted")

    def bulk_update(self, *args, **kwargs):
        raise LedgerRefused("custody events are never updated")


class CustodyAction(models.TextChoices):
    COLLECTED = "collected", _("collected")
    INGESTED = "ingested", _("ingested")
    ACCESSED = "accessed", _("accessed")
    DERIVED = "derived", _("derived")
    EXPORTED = "exported", _("exported")
    VERIFIED = "verified", _("verified")
    TRANSFERRED = "transferred", _("transferred")


class CustodyEvent(models.Model):
    """One entry of the hash-chained, append-only custody ledger."""

    sequence = models.PositiveBigIntegerField(_("sequence"), unique=True)
    occurred_at = models.DateTimeField(_("time (UTC)"))
    actor = models.CharField(_("actor"), max_length=200)
    action = models.CharField(_("action"), max_length=20, choices=CustodyAction.choices)
    item_hash = models.CharField(_("item hash"), max_length=71, blank=True, db_index=True)
    details = models.JSONField(_("details"), default=dict)
    prev_hash = models.CharField(_("previous entry hash"), max_length=71)
    entry_hash = models.CharField(_("entry hash"), max_length=71, unique=True)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        verbose_name = _("custody event")
        verbose_name_plural = _("custody events")
        ordering = ["sequence"]

    def __str__(self):
        return f"#{self.sequence} {self.action} {self.item_hash[:19]}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise LedgerRefused("custody events are never updated")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise LedgerRefused("custody events are never deleted")


class Checkpoint(models.Model):
    """A signed RFC 6962 Merkle root over the ledger's first `tree_size` entries."""

    tree_size = models.PositiveBigIntegerField(_("entries covered"), unique=True)
    root_hash = models.CharField(_("Merkle root"), max_length=71)
    signed_at = models.DateTimeField(_("signed at"))
    statement = models.TextField(_("signed statement"))
    statement_digest = models.CharField(_("statement digest"), max_length=71,
                                        help_text=_("SHA-256 of the statement: what a timestamp stamps."))
    public_key = models.CharField(_("public key"), max_length=100)
    signature = models.CharField(_("Ed25519 signature"), max_length=200)
    timestamp_proofs = models.JSONField(
        _("timestamp proofs"), default=list, blank=True,
        help_text=_("OpenTimestamps or RFC 3161 stamps over the statement digest, attached later."))
    stamp_pending = models.BooleanField(
        _("awaiting a timestamp"), default=False, db_index=True,
        help_text=_("A time-stamping authority was configured when this checkpoint was signed and has not "
                    "stamped it yet; `litopys checkpoint --stamp-pending` tries again."))
    stamp_error = models.CharField(_("last timestamp failure"), max_length=1000, blank=True,
                                   help_text=_("Why the last request for a timestamp failed."))

    class Meta:
        verbose_name = _("ledger checkpoint")
        verbose_name_plural = _("ledger checkpoints")
        ordering = ["tree_size"]

    def __str__(self):
        return f"{self.tree_size} entries, root {self.root_hash[:19]}…"


class Testimony(models.Model):
    """An account a person sent through the public testimony form; who they are is kept sealed.

    The account and its files are confidential sources in the vault (sealed there, under neutral file names);
    the person's name and contact details, when they gave any, and the files' own names are sealed here with
    the vault key (see sealing.py) and read only by people who may read the account's source, each reading a
    custody event.
    """

    reference = models.CharField(_("reference"), max_length=20, unique=True,
                                 help_text=_("A random name for the submission, used by staff; it says nothing "
                                             "about who sent it."))
    source = models.OneToOneField(Source, verbose_name=_("account"), on_delete=models.PROTECT,
                                  related_name="testimony")
    received_at = models.DateTimeField(_("received at"))
    language = models.CharField(_("language of the form"), max_length=8, blank=True)
    anonymous = models.BooleanField(_("anonymous"), default=True,
                                    help_text=_("The person gave neither a name nor a way to reach them."))
    sealed_details = models.TextField(_("who sent it (sealed)"), blank=True,
                                      help_text=_("Name, contact details and the names of the files as sent, "
                                                  "encrypted with the vault key."))

    class Meta:
        verbose_name = _("testimony")
        verbose_name_plural = _("testimonies")
        ordering = ["-received_at"]

    def __str__(self):
        return self.reference
