"""Related posts: shared incidents, places and tags first, then the nearest wording of title and lead."""

import math
import re
from collections import Counter

from django.core.cache import cache

from litopys.chronicle.models import Post
from litopys.sitecache import generations

#: How much one shared record counts: an incident says more than a place, a place more than a tag.
WEIGHTS = (("incidents", "incident_id", 3.0), ("places", "place_id", 2.0), ("tags", "tag_id", 1.0))
COUNT = 3
#: How many recent posts the wording comparison reads.
TEXT_POOL = 500
STOPWORDS = frozenset("""
the and for with that this from were was are have has had not but its into their they them than then what when
which who will would been about after before over under there here also more most some such only other
та що які який яка яке для від при про без над під але або щоб так вже ще його її їх вони було були був буде
""".split())
_WORD = re.compile(r"\w{3,}")


def words(text: str) -> Counter:
    return Counter(word for word in _WORD.findall(text.lower()) if word not in STOPWORDS and not word.isdigit())


def related_posts(post, count: int = COUNT) -> list[dict]:
    """Return up to ``count`` published posts related to ``post``, cached until the site changes."""
    key = f"chronicle:related:{generations.site_generation()}:{post.pk}:{count}"
    found = cache.get(key)
    if found is None:
        found = [{"title": other.title, "url": other.get_absolute_url(), "published_at": other.published_at,
                  "lead": other.lead} for other in compute(post, count)]
        cache.set(key, found, 3600)
    return found


def compute(post, count: int = COUNT) -> list[Post]:
    """Rank published posts by weighted shared records, filling up with the nearest wording."""
    public = Post.objects.published().filter(kind=Post.Kind.POST).exclude(pk=post.pk)
    scores: Counter = Counter()
    for name, column, weight in WEIGHTS:
        through = getattr(Post, name).through
        mine = through.objects.filter(post_id=post.pk).values_list(column, flat=True)
        for other in through.objects.filter(**{f"{column}__in": mine}).exclude(post_id=post.pk) \
                .values_list("post_id", flat=True):
            scores[other] += weight
    chosen = []
    if scores:
        by_id = public.in_bulk(list(scores))
        ranked = sorted(by_id.values(), key=lambda other: (-scores[other.pk], -_time(other), -other.pk))
        chosen = ranked[:count]
    if len(chosen) < count:
        taken = {other.pk for other in chosen}
        pool = [other for other in public.only("pk", "title", "lead", "slug", "kind", "published_at")[:TEXT_POOL]
                if other.pk not in taken]
        chosen += by_wording(post, pool)[:count - len(chosen)]
    return chosen


def by_wording(post, pool: list[Post]) -> list[Post]:
    """Rank ``pool`` by TF-IDF cosine similarity of title and lead to ``post``; drop posts sharing no word."""
    documents = {other.pk: words(f"{other.title} {other.lead}") for other in pool}
    mine = words(f"{post.title} {post.lead}")
    if not mine or not documents:
        return []
    frequency = Counter(word for document in documents.values() for word in document)
    total = len(documents) + 1

    def weights(document: Counter) -> dict[str, float]:
        return {word: n * math.log(total / (1 + frequency.get(word, 0))) + n * 1e-3 for word, n in document.items()}

    target = weights(mine)
    target_norm = math.sqrt(sum(v * v for v in target.values())) or 1.0
    scored = []
    for other in pool:
        vector = weights(documents[other.pk])
        shared = set(vector) & set(target)
        if not shared:
            continue
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        scored.append((sum(vector[w] * target[w] for w in shared) / (norm * target_norm), other))
    scored.sort(key=lambda pair: (-pair[0], -_time(pair[1]), -pair[1].pk))
    return [other for _, other in scored]


def _time(post) -> float:
    return post.published_at.timestamp() if post.published_at else 0.0
