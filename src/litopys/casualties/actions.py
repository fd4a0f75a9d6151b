"""Every change to victim records, in one place: propose, confirm, reject, withdraw; consent; memorial; export.

The two-person rule lives here and nowhere else: a merge, split or acceptance takes effect only when a
person other than the one who proposed it confirms it. Views, admin actions and commands all call these.
"""

from __future__ import annotations

import csv
from collections import Counter

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from litopys.casualties.models import Cluster, ListRecord, Proposal, Victim
from litopys.casualties.summary import SUMMARY_FIELDS, summarise

Kind, State = Proposal.Kind, Proposal.State


def _require(user, permission: str, doing: str) -> None:
    if user is None or not user.is_authenticated or not user.has_perm(permission):
        raise PermissionDenied(_("You may not %(doing)s (your role lacks %(permission)s).")
                               % {"doing": doing, "permission": permission})


def _seen(record_ids: list[int]) -> dict[str, int | None]:
    found = dict(ListRecord.objects.filter(pk__in=record_ids).values_list("pk", "victim_id"))
    missing = sorted(set(record_ids) - set(found))
    if missing:
        raise ValidationError(_("No list records with ids %(ids)s.") % {"ids": ", ".join(map(str, missing))})
    return {str(pk): victim for pk, victim in found.items()}


def propose(kind: str, groups: list[list[int]], user, reason: str = "") -> Proposal:
    """Propose that each group of records is one person; nothing changes until someone else confirms."""
    _require(user, "casualties.add_proposal", _("propose a merge or split"))
    kind = Kind(kind)
    groups = [sorted({int(r) for r in group}) for group in groups if group]
    flat = [r for group in groups for r in group]
    if not groups or len(flat) != len(set(flat)):
        raise ValidationError(_("Each record must be in exactly one group."))
    seen = _seen(flat)
    victims = {v for v in seen.values() if v is not None}
    if kind == Kind.ACCEPT and (len(groups) != 1 or victims):
        raise ValidationError(_("Accept a cluster whose records are no reviewed person yet, as one group."))
    if kind == Kind.MERGE and (len(groups) != 1 or len(victims) + (None in seen.values()) < 2):
        raise ValidationError(_("A merge joins at least two people (or a person and unreviewed records) into one."))
    if kind == Kind.SPLIT:
        if len(groups) < 2 or len(victims) != 1 or None in seen.values():
            raise ValidationError(_("A split divides the records of one reviewed person into two or more groups."))
        if set(flat) != set(ListRecord.objects.filter(victim_id=next(iter(victims))).values_list("pk", flat=True)):
            raise ValidationError(_("A split must place every record of the person in one of the groups."))
    return Proposal.objects.create(kind=kind, groups=groups, seen=seen, reason=(reason or "").strip(),
                                   proposed_by=user)


def propose_accept(cluster: Cluster, user, reason: str = "") -> Proposal:
    """Propose that a link run's cluster is one person."""
    return propose(Kind.ACCEPT, [list(cluster.records.values_list("pk", flat=True))], user, reason)


def propose_merge(victims: list[Victim], user, reason: str = "", records: list[int] = ()) -> Proposal:
    """Propose that several reviewed people (and, optionally, loose records) are one person."""
    ids = list(ListRecord.objects.filter(victim__in=victims).values_list("pk", flat=True)) + list(records)
    return propose(Kind.MERGE, [ids], user, reason)


def propose_split(victim: Victim, groups: list[list[int]], user, reason: str = "") -> Proposal:
    """Propose that a reviewed person's records are in fact several people."""
    if not (reason or "").strip():
        raise ValidationError(_("Say why these records are different people."))
    return propose(Kind.SPLIT, groups, user, reason)


def confirm(proposal: Proposal, user, note: str = "") -> list[Victim]:
    """Confirm another person's proposal and apply it; return the people it leaves."""
    _require(user, "casualties.confirm_proposal", _("confirm a merge or split"))
    with transaction.atomic():
        proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
        if proposal.state != State.OPEN:
            raise ValidationError(_("This proposal is already %(state)s.") % {"state": proposal.get_state_display()})
        if proposal.proposed_by_id == user.pk:
            raise PermissionDenied(_("You proposed this; a different person must confirm it."))
        if _seen(proposal.record_ids()) != proposal.seen:
            raise ValidationError(_("These records changed since the proposal was made; reject it and propose again."))
        victims = _apply(proposal)
        proposal.state, proposal.decided_by, proposal.decided_at = State.CONFIRMED, user, timezone.now()
        proposal.note = (note or "").strip()
        proposal.save(update_fields=["state", "decided_by", "decided_at", "note"])
    return victims


def reject(proposal: Proposal, user, note: str = "") -> Proposal:
    """Turn down another person's proposal (its proposer withdraws instead)."""
    _require(user, "casualties.confirm_proposal", _("reject a merge or split"))
    if proposal.proposed_by_id == user.pk:
        raise PermissionDenied(_("You proposed this; withdraw it instead, or let a different person decide."))
    return _close(proposal, user, State.REJECTED, note)


def withdraw(proposal: Proposal, user) -> Proposal:
    """Take back one's own proposal."""
    if user is None or proposal.proposed_by_id != user.pk:
        raise PermissionDenied(_("Only the person who proposed this can withdraw it."))
    return _close(proposal, user, State.WITHDRAWN, "")


def _close(proposal: Proposal, user, state: str, note: str) -> Proposal:
    with transaction.atomic():
        proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
        if proposal.state != State.OPEN:
            raise ValidationError(_("This proposal is already %(state)s.") % {"state": proposal.get_state_display()})
        proposal.state, proposal.decided_by, proposal.decided_at = state, user, timezone.now()
        proposal.note = (note or "").strip()
        proposal.save(update_fields=["state", "decided_by", "decided_at", "note"])
    return proposal


def _apply(proposal: Proposal) -> list[Victim]:
    """Make each group one person: the existing person with most of its records, else a new one."""
    taken: set[int] = set()
    result = []
    before = {int(k): v for k, v in proposal.seen.items()}
    for group in proposal.groups:
        counts = Counter(before[r] for r in group if before[r] is not None)
        keep = next((v for v, _ in counts.most_common() if v not in taken), None)
        victim = Victim.objects.get(pk=keep) if keep else Victim()
        if keep is None:
            victim.save()
        taken.add(victim.pk)
        for record in ListRecord.objects.filter(pk__in=group).exclude(victim=victim):
            record.victim = victim
            record.save(update_fields=["victim"])
        result.append(victim)
    for gone in set(before.values()) - {None} - taken:  # merged: everything it had is now another person's
        victim = Victim.objects.get(pk=gone)
        if not victim.records.exists():
            victim.merged_into = result[0]
            victim.save(update_fields=["merged_into"])
    for victim in result:
        refresh(victim)
    return result


def refresh(victim: Victim) -> Victim:
    """Set a victim's fields from its records (the values most of them give)."""
    fields = [*SUMMARY_FIELDS, "full_name", "name_latin", "row", "victim_list__name"]
    rows = [dict(r, list=r.pop("victim_list__name")) for r in victim.records.values(*fields)]
    if not rows:
        return victim
    data = summarise(rows)
    for field in [*SUMMARY_FIELDS, "names", "full_name"]:
        setattr(victim, field, data[field])
    victim.save()
    return victim


def record_consent(victim: Victim, user, how: str) -> Victim:
    """Record that the family consented to a memorial entry, how, and who recorded it."""
    _require(user, "casualties.change_victim", _("record consent"))
    if not (how or "").strip():
        raise ValidationError(_("Say how consent was given: who gave it, in what form, where the record is."))
    victim.consent_recorded_by, victim.consent_recorded_at = user, timezone.now()
    victim.consent_how = how.strip()
    victim.save(update_fields=["consent_recorded_by", "consent_recorded_at", "consent_how", "updated_at"])
    return victim


def publish_memorial(victim: Victim, user, text: str = "") -> Victim:
    """Publish a memorial entry by name; only an editor, and only with consent recorded."""
    _require(user, "casualties.publish_memorial", _("publish a memorial entry"))
    if not (victim.consent_recorded_at and victim.consent_how and victim.consent_recorded_by_id):
        raise ValidationError(_("Record the family's consent before publishing a memorial entry."))
    if victim.merged_into_id:
        raise ValidationError(_("This record was merged into another person; publish that one."))
    victim.memorial_published = True
    if text:
        victim.memorial_text = text.strip()
    victim.save(update_fields=["memorial_published", "memorial_text", "updated_at"])
    return victim


def unpublish_memorial(victim: Victim, user) -> Victim:
    _require(user, "casualties.publish_memorial", _("withdraw a memorial entry"))
    victim.memorial_published = False
    victim.save(update_fields=["memorial_published", "updated_at"])
    return victim


EXPORT_COLUMNS = ["id", "full_name", "surname", "given_name", "patronymic", "sex", "age_min", "age_max",
                  "birth_date", "death_date", "death_precision", "place", "status", "cause_of_death",
                  "grave_number", "body_number", "identification", "sources"]


def export_victims(handle, actor: str | None = None, user=None, victims=None) -> int:
    """Write reviewed victims as CSV and record the export in the custody ledger; return how many."""
    import getpass

    from litopys.evidence import custody
    from litopys.evidence.models import CustodyAction

    if user is not None:
        _require(user, "casualties.export_victim", _("export victim data"))
        actor = actor or user.get_username()
    actor = actor or getpass.getuser()
    victims = (victims if victims is not None else Victim.objects.all()).filter(merged_into__isnull=True)
    victims = victims.select_related("place").prefetch_related("records__victim_list")
    writer = csv.writer(handle)
    writer.writerow(EXPORT_COLUMNS)
    count, hashes = 0, set()
    for victim in victims.order_by("pk"):
        lists = sorted({f"{r.victim_list.name}:{r.row}" for r in victim.records.all()})
        hashes |= {r.victim_list.file_hash for r in victim.records.all()}
        writer.writerow([victim.pk, victim.full_name, victim.surname, victim.given_name, victim.patronymic,
                         victim.sex, victim.age_min, victim.age_max, victim.birth_date, victim.death_date,
                         victim.death_precision, victim.place or victim.place_text, victim.status,
                         victim.cause_of_death, victim.grave_number, victim.body_number, victim.identification,
                         " ".join(lists)])
        count += 1
    custody.record(CustodyAction.EXPORTED, actor, "", what="victims", count=count, lists=sorted(hashes),
                   file=getattr(handle, "name", ""))
    return count


def publish_estimate(user, area: str, note: str = "", model: str | None = None, choose: str = "bic"):
    """Estimate the total from the reviewed victims' capture histories and publish it (numbers only)."""
    from litopys.casualties.estimation import Refused, estimate
    from litopys.casualties.models import PublishedEstimate
    from litopys.casualties.selectors import capture_histories

    _require(user, "casualties.publish_estimate", _("publish an estimate"))
    if not (area or "").strip():
        raise ValidationError(_("Say what the estimate covers (the place and time of the lists)."))
    rows = capture_histories()
    try:
        result = estimate(rows, model=model or None, choose=choose)
    except Refused as refusal:
        raise ValidationError(refusal.say(_)) from None
    fit = result.chosen
    return PublishedEstimate.objects.create(
        area=area.strip(), lists=list(result.lists), documented=result.documented, estimate=round(fit.estimate, 1),
        low=round(fit.interval.lower, 1), high=None if fit.interval.upper is None else round(fit.interval.upper, 1),
        model=fit.model.label() if fit.model.pairs else "", chosen_by=result.chosen_by if not model else "",
        note=(note or "").strip(), published_by=user)


def withdraw_estimate(published, user, reason: str):
    """Take a published estimate off the public pages, saying why; it stays on record."""
    _require(user, "casualties.publish_estimate", _("withdraw an estimate"))
    if not (reason or "").strip():
        raise ValidationError(_("Say why the estimate is withdrawn."))
    published.withdrawn_at, published.withdrawn_by, published.withdrawn_reason = timezone.now(), user, reason.strip()
    published.save(update_fields=["withdrawn_at", "withdrawn_by", "withdrawn_reason"])
    return published
