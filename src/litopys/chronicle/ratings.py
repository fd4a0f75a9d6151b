"""Readers' stars: one vote per reader and post, kept under a keyed hash; a new vote replaces the old one."""

from dataclasses import dataclass

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import Avg, Count
from django.utils.translation import ngettext

from litopys.chronicle.models import Rating
from litopys.chronicle.readers import voter_hash
from litopys.sitecache import generations

STARS = (1, 2, 3, 4, 5)


@dataclass
class Summary:
    average: float
    count: int

    @property
    def rounded(self) -> int:
        """The average as whole stars, for drawing them."""
        return int(self.average + 0.5)


def rating_part(post_id: int) -> str:
    """Name the part of a post's page that a vote changes (its stars), for the page cache's generations."""
    return f"post:{post_id}"


def star_labels() -> list[tuple[int, str]]:
    """Return (stars, "3 stars") for each choice, in the active language."""
    return [(n, ngettext("%(count)d star", "%(count)d stars", n) % {"count": n}) for n in STARS]


def rate(post, request, stars: int) -> Rating:
    """Record a reader's vote (or change it) and retire the cached pages of that post only."""
    if stars not in STARS:
        raise ValueError(f"stars must be one of {STARS}, not {stars!r}")
    voter = voter_hash(request, post.pk)
    for attempt in range(2):
        try:
            with transaction.atomic():
                rating, _ = Rating.objects.update_or_create(post=post, voter_hash=voter, defaults={"stars": stars})
            break
        except IntegrityError:  # two votes of one reader raced; the second updates the first
            if attempt:
                raise
    generations.bump_part(rating_part(post.pk))
    return rating


def summary(post_id: int) -> Summary:
    """Return a post's average and number of votes, cached until the next vote."""
    key = f"chronicle:rating:{generations.part_generation(rating_part(post_id))}:{post_id}"
    found = cache.get(key)
    if found is None:
        row = Rating.objects.filter(post_id=post_id).aggregate(average=Avg("stars"), count=Count("pk"))
        found = Summary(round(float(row["average"] or 0), 1), row["count"])
        cache.set(key, found, 24 * 3600)
    return found
