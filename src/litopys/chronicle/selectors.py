"""Reads of the chronicle that other parts of the site need, declared in ChronicleConfig."""

from django.db.models import Q

from litopys.chronicle.models import Post


def posts_citing(figure_ids) -> dict[int, list[Post]]:
    """Return figure id -> the published posts citing it (newest first)."""
    found: dict[int, list[Post]] = {}
    through = Post.figures.through.objects.filter(figure_id__in=list(figure_ids),
                                                  post__in=Post.objects.published())
    for link in through.select_related("post").order_by("-post__published_at", "-post_id"):
        found.setdefault(link.figure_id, []).append(link.post)
    return found


def media_shown_publicly(media) -> bool:
    """Tell whether a published post or page shows this file: as its featured image, or in its body."""
    return Post.objects.published().filter(Q(featured_image=media) | Q(media=media)).exists()
