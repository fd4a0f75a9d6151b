"""SYNTHETIC records at scale, for benchmarks, load tests and query-count tests — never for a real database.

Every title, text, quote and speaker says SYNTHETIC, and `generate` refuses a database that holds a source,
incident or post not marked so. The shape is a national effort's: places over every oblast, dates over
2022–2026, texts in Ukrainian, Russian and English, several sources per incident that disagree, public,
restricted and confidential sources, claims at every stage of review — verified ones sealed, accepted by one
reviewer and verified by another, their figures published.

Each source's text goes through the vault and the custody ledger as ingest would write it, so `verify` and
`backup` work on the result; rows are written in bulk, without the processors or extraction, which is what
makes a million claims take minutes rather than days. What readers see — the published figures, the posts
citing them and their readers — is made by `synthetic_publishing`.
"""

from __future__ import annotations

import io
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from pathlib import Path

import yaml
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.models import Max

from litopys.evidence import custody
from litopys.evidence.models import CustodyAction, Item, Sensitivity, Source
from litopys.evidence.vault import get_vault
from litopys.incidents.integrity import seal
from litopys.incidents.models import Actor, Claim, ClaimStatus, Incident, RecordStatus
from litopys.places.models import Place, PlaceKind
from litopys.review.models import Decision
from litopys.vocab import codes

WORDS_FILE = Path(__file__).with_name("synthetic.yaml")
MARK = "SYNTHETIC"
ACTOR = "synthetic generator"
BATCH = 500
FIRST_DAY, LAST_DAY = date(2022, 2, 24), date(2026, 6, 30)
LANGUAGES = (("uk", 0.5), ("en", 0.35), ("ru", 0.15))
SENSITIVITY = ((Sensitivity.PUBLIC, 0.6), (Sensitivity.RESTRICTED, 0.35), (Sensitivity.CONFIDENTIAL, 0.05))
#: What becomes of a claim about a published incident: most wait for review, many are verified.
STATUSES = ((ClaimStatus.UNVERIFIED, 0.45), (ClaimStatus.VERIFIED, 0.4), (ClaimStatus.CORROBORATED, 0.05),
            (ClaimStatus.DISPUTED, 0.05), (ClaimStatus.REJECTED, 0.05))
SOURCE_KINDS = ("article", "official_statement", "testimony", "document")
Progress = Callable[[str, int], None]


class SyntheticRefused(Exception):
    """The database holds real records: synthetic ones never go in with them."""


@dataclass
class Sizes:
    claims: int
    sources: int
    incidents: int
    posts: int


@cache
def words() -> dict:
    return yaml.safe_load(WORDS_FILE.read_text(encoding="utf-8"))


def refuse_real_records() -> None:
    """Refuse a database holding any source, incident or post not marked SYNTHETIC."""
    from litopys.chronicle.models import Post

    real = {"sources": Source.objects.exclude(title__startswith=MARK).count(),
            "incidents": Incident.objects.exclude(title__startswith=MARK).count(),
            "posts": Post.objects.exclude(title__startswith=MARK).count()}
    held = ", ".join(f"{count} {name}" for name, count in real.items() if count)
    if held:
        raise SyntheticRefused(f"this database holds real records ({held} not marked {MARK}); synthetic records go "
                               "only into a database of their own: point LITOPYS_HOME (and DATABASE_URL) at a new one")


def pick(rng: random.Random, weighted) -> object:
    return rng.choices([value for value, _ in weighted], [weight for _, weight in weighted])[0]


def day(rng: random.Random) -> date:
    return FIRST_DAY + timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days))


def places() -> list[tuple[int, dict]]:
    """Return (id, names) of the settlements to write about, over every oblast; load the gazetteer if need be."""
    if not Place.objects.filter(kind=PlaceKind.SETTLEMENT).exists():
        from litopys.places.loading import load_places

        load_places()
    rows = Place.objects.filter(kind=PlaceKind.SETTLEMENT, admin1__isnull=False).order_by("-population", "pk")
    return [(pk, {"en": name, "uk": name_uk or name, "ru": name_ru or name})
            for pk, name, name_uk, name_ru in rows.values_list("pk", "name", "name_uk", "name_ru")[:2000]]


def people() -> dict:
    """Return the synthetic analyst and two reviewers, and the synthetic speakers."""
    users = {}
    for username, role in (("synthetic-analyst", "analyst"), ("synthetic-reviewer", "reviewer"),
                           ("synthetic-reviewer-2", "reviewer")):
        user, created = get_user_model().objects.get_or_create(username=username, defaults={"is_staff": True})
        if created:
            user.set_unusable_password()
            user.save()
            user.groups.add(Group.objects.get(name=role))
        users[username] = user
    speakers = [Actor.objects.get_or_create(name=name, defaults={"kind": "organisation"})[0]
                for name in words()["speakers"]]
    return {"users": users, "speakers": speakers}


def generate(sizes: Sizes, seed: int = 1, progress: Progress | None = None) -> dict[str, int]:
    """Add synthetic records of these sizes to the database; return how many of each were made."""
    refuse_real_records()
    rng = random.Random(seed)
    say = progress or (lambda stage, count: None)
    where = places()
    cast = people()
    incidents = make_incidents(rng, sizes.incidents, where)
    say("incidents", len(incidents))
    per_source = distribute(rng, sizes.claims, sizes.sources)
    made = {"incidents": len(incidents), "sources": 0, "claims": 0}
    truth: dict[tuple[int, str], int] = {}
    for start in range(0, sizes.sources, BATCH):
        counts = per_source[start:start + BATCH]
        sources, claims = make_sources(rng, counts, incidents, where, cast, truth)
        made["sources"] += sources
        made["claims"] += claims
        say("sources", made["sources"])
    custody.checkpoint()
    from litopys.demo.synthetic_publishing import make_posts, publish_figures  # it imports this module

    made["figures"] = publish_figures([pk for pk, _place, status in incidents if status == RecordStatus.PUBLISHED],
                                      lambda count: say("figures", count))
    made["posts"] = make_posts(rng, sizes.posts, incidents, where)
    say("posts", made["posts"])
    from litopys.sitecache import generations

    generations.bump_site()
    return made


def distribute(rng: random.Random, claims: int, sources: int) -> list[int]:
    """Return claims per source: every source says something, some say much more than others."""
    if sources <= 0:
        return []
    weights = [min(rng.paretovariate(1.5), 50.0) for _ in range(sources)]
    scale = claims / sum(weights)
    counts = [int(weight * scale) for weight in weights]
    for index in range(claims - sum(counts)):
        counts[index % sources] += 1
    return counts


def make_incidents(rng: random.Random, count: int, where) -> list[tuple[int, tuple, str]]:
    """Create incidents; return (id, place, status) of each."""
    types = codes("incident_types")
    offset = Incident.objects.count()
    rows = []
    for n in range(offset + 1, offset + count + 1):
        place = rng.choice(where)
        kind = rng.choice(types)
        start = day(rng)
        rows.append(Incident(
            title=words()["incident_title"]["en"].format(number=n, type=kind.replace("_", " "), place=place[1]["en"]),
            slug=f"synthetic-incident-{n}", type=kind, description=words()["incident_description"]["en"],
            start_date=start, start_precision=rng.choice(("day", "day", "week", "month")),
            end_date=start + timedelta(days=rng.randrange(30)) if rng.random() < 0.3 else None,
            place_id=place[0], geo_precision=rng.choice(("exact", "near", "region")),
            status=RecordStatus.PUBLISHED if rng.random() < 0.8 else RecordStatus.DRAFT))
    created = Incident.objects.bulk_create(rows, batch_size=BATCH)
    by_id = dict(where)
    return [(row.pk, (row.place_id, by_id[row.place_id]), row.status) for row in created]


def next_ids(model, count: int) -> range:
    """Reserve ids for rows whose seal covers their id (verified claims are sealed before they are written)."""
    start = (model.objects.aggregate(top=Max("pk"))["top"] or 0) + 1
    return range(start, start + count)


def make_sources(rng, counts, incidents, where, cast, truth) -> tuple[int, int]:
    """Write one batch of sources: their texts to the vault, items, sources, custody events, claims, decisions."""
    vault = get_vault()
    offset = Source.objects.count()
    texts, plans = [], []
    for index, claims in enumerate(counts):
        language = pick(rng, LANGUAGES)
        number = offset + index + 1
        text = words()["header"][language].format(number=number)
        planned = []
        for _ in range(claims):
            incident = rng.choice(incidents) if incidents and rng.random() < 0.7 else None
            place = incident[1] if incident else rng.choice(where)
            kind = rng.choice(list(words()["sentences"]))
            base = truth.setdefault((incident[0] if incident else -place[0], kind), rng.randint(2, 400))
            low = max(0, round(base * rng.uniform(0.8, 1.2)))
            high = low + (rng.randint(1, 10) if rng.random() < 0.15 else 0)
            shown = f"{low}" if low == high else f"{low}–{high}"
            sentence = words()["sentences"][kind][language].format(
                speaker=rng.choice(cast["speakers"]).name, n=shown, place=place[1][language])
            planned.append((len(text), sentence, incident, place, kind, low, high))
            text += sentence + " "
        texts.append(text.encode("utf-8"))
        plans.append((number, language, planned))
    pending = [vault.begin(io.BytesIO(data), len(data) + 1, label=f"synthetic source {plan[0]}")
               for data, plan in zip(texts, plans, strict=True)]
    stored = [job.finish() for job in pending]
    with transaction.atomic():
        items = Item.objects.bulk_create([
            Item(sha256=s.digest, size=s.size, media_type="text/plain; charset=utf-8",
                 original_name=f"synthetic-{plan[0]}.txt", text=data.decode("utf-8"), language=plan[1])
            for s, plan, data in zip(stored, plans, texts, strict=True)])
        sources = Source.objects.bulk_create([
            Source(kind=rng.choice(SOURCE_KINDS), title=f"{MARK} source {plan[0]}", publisher=rng.choice(
                words()["publishers"]), published=day(rng), language=plan[1],
                   collected_at=datetime.combine(day(rng), time(12), tzinfo=UTC), collected_by=ACTOR,
                   collection_method="synthetic generator", sensitivity=pick(rng, SENSITIVITY), item=item,
                   file_name=item.original_name)
            for item, plan in zip(items, plans, strict=True)])
        for source, item in zip(sources, items, strict=True):
            custody.record(CustodyAction.INGESTED, ACTOR, item.sha256, source=source.pk, file_name=item.original_name,
                           size=item.size, media_type=item.media_type, new_bytes=True, parent_source=None)
        claims = make_claims(rng, sources, plans, cast)
    return len(sources), claims


def make_claims(rng, sources, plans, cast) -> int:
    users = cast["users"]
    first, second = users["synthetic-reviewer"], users["synthetic-reviewer-2"]
    total = sum(len(plan[2]) for plan in plans)
    ids = iter(next_ids(Claim, total))
    rows, decisions = [], []
    for source, (_number, _language, planned) in zip(sources, plans, strict=True):
        for start, sentence, incident, place, kind, low, high in planned:
            published = incident is not None and incident[2] == RecordStatus.PUBLISHED
            status = pick(rng, STATUSES) if published else ClaimStatus.UNVERIFIED
            claim = Claim(pk=next(ids), source=source, kind=kind, min=low, max=high, approximate=rng.random() < 0.1,
                          place_id=place[0], place_name=place[1]["en"], incident_id=incident[0] if incident else None,
                          attributed_to=rng.choice(cast["speakers"]), stated_on=source.published, quote=sentence,
                          start=start, end=start + len(sentence), extracted_by="synthetic", status=status,
                          entered_by=users["synthetic-analyst"])
            if status == ClaimStatus.VERIFIED:
                claim.accepted_by = first
                claim.verified_seal = seal(claim)
                decisions += [Decision(claim=claim, action="accept", from_status="unverified", to_status="unverified",
                                       user=first, reason="SYNTHETIC: the quote says this"),
                              Decision(claim=claim, action="verify", from_status="unverified", to_status="verified",
                                       user=second, reason="SYNTHETIC: checked against the source")]
            elif status in (ClaimStatus.DISPUTED, ClaimStatus.REJECTED):
                decisions.append(Decision(claim=claim, action="dispute" if status == ClaimStatus.DISPUTED else "reject",
                                          from_status="unverified", to_status=status, user=second,
                                          reason="SYNTHETIC: other sources say otherwise"))
            rows.append(claim)
    Claim.objects.bulk_create(rows, batch_size=BATCH)
    Decision.objects.bulk_create(decisions, batch_size=BATCH)
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), [Claim]):
            cursor.execute(statement)
    return len(rows)
