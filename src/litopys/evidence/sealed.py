"""Sealed items in the vault: which items must be sealed, where their sealed copies are, and reading them.

An item is sealed when one of its sources is confidential, or when it is made from a sealed item (extracted
text, thumbnails, redacted copies of a confidential photo). Its sealed copy is a new item ``derived_from`` it
with derivation "sealed", stored under the ciphertext's own SHA-256 like every other item, so `verify` checks
it without the key and nothing mistakes it for an orphan; the plaintext is then removed from the vault. The
item keeps its plaintext SHA-256: that is its identity, on its sources, claims and custody events.

Every reader goes through `get_vault()`, which wraps the backend in `UnsealingVault`: opening a sealed item
by its plaintext SHA-256 opens its sealed copy and decrypts it, so the staff download, the processors and the
exports need no change; without the key they get a `SealError` that says what is missing.
"""

from __future__ import annotations

import io
from typing import BinaryIO

from django.conf import settings
from django.db.models import Q

from litopys.evidence import sealed_stream, sealing
from litopys.evidence.models import Item, Sensitivity
from litopys.evidence.vault import Vault

SEALED = "sealed"


def key_hint() -> str:
    return (f"set LITOPYS_VAULT_KEY, or restore the key file {settings.LITOPYS_VAULT_KEY_FILE} from backup "
            "(LITOPYS_VAULT_KEY_FILE)")


def vault_key(create: bool = False) -> sealing.VaultKey | None:
    """Return the vault key: LITOPYS_VAULT_KEY, else the key file.

    With `create`, the key is one that may seal: the key file is made (mode 0600) when nothing in the vault is
    sealed yet, and a key other than the one the vault's sealed items use is refused, so that a lost or
    replaced key never leaves the vault sealed under two keys.
    """
    if settings.LITOPYS_VAULT_KEY:
        key = sealing.key_from_text(settings.LITOPYS_VAULT_KEY, "LITOPYS_VAULT_KEY")
    else:
        key = sealing.load_key_file(settings.LITOPYS_VAULT_KEY_FILE, create=False)
    if not create:
        return key
    used = sorted(set(Item.objects.filter(derivation=SEALED).values_list("metadata__key_id", flat=True)) - {None})
    if key is None and used:
        raise sealing.KeyMissing(f"the vault holds items sealed with vault key {', '.join(used)}, and no vault key "
                                 f"is available: {key_hint()}; a new key is made only while nothing is sealed")
    if key is None:
        key = sealing.load_key_file(settings.LITOPYS_VAULT_KEY_FILE, create=True)
    if used and used != [key.label]:
        raise sealing.WrongKey(f"the vault's sealed items use vault key {', '.join(used)}, but the key in use "
                               f"({key.origin}) is {key.label}: {key_hint()}")
    return key


def sealed_copy(item: Item) -> Item | None:
    return item.derivatives.filter(derivation=SEALED).order_by("pk").first()


def sealed_digest(digest: str) -> str | None:
    """Return the SHA-256 of the sealed copy of the item with this plaintext SHA-256, or None."""
    return (Item.objects.filter(derived_from__sha256=digest, derivation=SEALED)
            .order_by("pk").values_list("sha256", flat=True).first())


def confidential_items():
    """Return the items that must be sealed: those of confidential sources and everything made from them."""
    found = set(Item.objects.filter(sources__sensitivity=Sensitivity.CONFIDENTIAL).values_list("pk", flat=True))
    frontier = found
    while frontier:
        frontier = set(Item.objects.filter(derived_from__in=frontier).exclude(derivation=SEALED)
                       .values_list("pk", flat=True)) - found
        found |= frontier
    return Item.objects.filter(pk__in=found)


def must_be_sealed(item: Item) -> bool:
    """Tell whether an item must be sealed: it, or an item it was made from, has a confidential source."""
    if item.derivation == SEALED:
        return False
    current = item
    while current is not None:
        if current.sources.filter(sensitivity=Sensitivity.CONFIDENTIAL).exists():
            return True
        current = current.derived_from
    return False


def family(item: Item) -> list[Item]:
    """Return an item and every copy made from it (and from those), except sealed copies."""
    members, frontier = [item], [item]
    while frontier:
        frontier = list(Item.objects.filter(derived_from__in=frontier).exclude(derivation=SEALED).order_by("pk"))
        members.extend(frontier)
    return members


def unsealed_confidential_items():
    """Return the items that must be sealed and are not yet."""
    return confidential_items().exclude(Q(derivatives__derivation=SEALED)).order_by("pk")


class UnsealingVault(Vault):
    """A vault backend as every reader sees it: a sealed item opens as its plaintext when the key is at hand."""

    def __init__(self, inner: Vault):
        self.inner = inner

    def __getattr__(self, name):  # the backend's own attributes: root, path(), storage…
        return getattr(self.inner, name)

    def begin(self, source, max_bytes, label="input"):
        return self.inner.begin(source, max_bytes, label)

    def store(self, source, max_bytes, label="input"):
        return self.inner.store(source, max_bytes, label)

    def location(self, digest):
        return self.inner.location(sealed_digest(digest) or digest)

    def digests(self):
        return self.inner.digests()

    def partials(self):
        return self.inner.partials()

    def remove(self, digest):
        self.inner.remove(digest)

    def open(self, digest: str) -> BinaryIO:
        copy = sealed_digest(digest)
        if copy is None:
            return self.inner.open(digest)
        raw = self.inner.open(copy)
        reader = sealed_stream.SealedReader(raw, vault_key(), digest, label=f"item {digest}", key_hint=key_hint())
        return io.BufferedReader(reader, buffer_size=sealed_stream.CHUNK)

    def exists(self, digest: str) -> bool:
        copy = sealed_digest(digest)
        return self.inner.exists(copy or digest)
