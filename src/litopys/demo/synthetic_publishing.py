"""What readers see of the SYNTHETIC records (see `synthetic`): published figures, and posts citing them with
their readers' comments and ratings.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from django.db import transaction
from django.db.models import Q

from litopys.demo.synthetic import MARK, words


def publish_figures(incident_ids: list[int], progress: Callable[[int], None]) -> int:
    """Track and publish the figures of published incidents, as verifying their claims would have."""
    from litopys.figures.actions import publish
    from litopys.figures.selectors import claims_queryset, compute_figures

    published = 0
    # A few incidents at a time: origins are compared across all the claims of one computation.
    for start in range(0, len(incident_ids), 20):
        views = compute_figures(claims_queryset().filter(incident_id__in=incident_ids[start:start + 20]))
        with transaction.atomic():
            publish(views, "", None)
        published += len(views)
        progress(published)
    return published


def make_posts(rng, count: int, incidents, where) -> int:
    """Publish posts that cite a verified figure of a published incident each (through the posts' own saving)."""
    from django.utils import timezone

    from litopys.chronicle.models import Post, PostStatus
    from litopys.figures.models import Figure

    cited = list(Figure.objects.filter(published_at__isnull=False, incident__isnull=False, qualifiers={})
                 .values_list("incident__slug", "kind", "incident__place__name")[:5000])
    if not cited:
        return 0
    offset = Post.objects.filter(Q(slug__startswith="synthetic-post-")).count()
    for n in range(offset + 1, offset + count + 1):
        slug, kind, place = rng.choice(cited)
        language = rng.choice(("uk", "en"))
        post = Post.objects.create(
            title=words()["post_title"][language].format(number=n, place=place), slug=f"synthetic-post-{n}",
            language=language, lead=f"{MARK}: {place}.", status=PostStatus.PUBLISHED,
            body=words()["post_body"][language].format(place=place, slug=slug, kind=kind),
            published_at=timezone.now() - timedelta(minutes=n), author_name=MARK)
        readers(rng, post, n)
    return count


def readers(rng, post, n: int) -> None:
    """Give a post its readers' comments (threaded, one awaiting moderation) and ratings."""
    from litopys.chronicle.models import Comment, CommentStatus, Rating

    comments = []
    for k in range(rng.randrange(8)):
        status = CommentStatus.PENDING if k == 0 else CommentStatus.APPROVED
        parent = comments[-1] if comments and rng.random() < 0.3 and comments[-1].status == status else None
        comments.append(Comment.objects.create(
            post=post, parent=parent, name=f"{MARK} reader {k}", email=f"synthetic-reader-{n}-{k}@example.invalid",
            body=f"<p>{MARK} comment {k} on post {n}.</p>", status=status, voter_hash=f"synthetic-{n}-{k}"))
    Rating.objects.bulk_create([Rating(post=post, voter_hash=f"synthetic-{n}-{k}", stars=rng.randint(1, 5))
                                for k in range(rng.randrange(12))])
