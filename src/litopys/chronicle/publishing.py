"""Publishing rules: a post goes public only when every figure it cites is verified.

Draft → scheduled (a future `published_at`; `Post.objects.published()` shows it once due) → published.
"""

from django.db.models import Min
from django.utils import timezone
from django.utils.translation import gettext as _

from litopys.chronicle.models import Post, PostStatus
from litopys.chronicle.rendering import directives
from litopys.figures.public import about_public, showable, status_label
from litopys.figures.references import find_figure, parse_ref
from litopys.incidents.models import ClaimStatus

PUBLIC_STATUSES = (PostStatus.PUBLISHED, PostStatus.SCHEDULED)


class PublishRefused(Exception):
    """A post cannot go public yet; ``problems`` says why, one sentence each."""

    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


def next_due() -> float | None:
    """Return when the next scheduled post falls due (a Unix time), or None; the page cache turns over then."""
    due = Post.objects.filter(status=PostStatus.SCHEDULED, published_at__gt=timezone.now()).aggregate(
        at=Min("published_at"))["at"]
    return due.timestamp() if due else None


def figure_problem(ref: str) -> str | None:
    """Return why a figure reference may not be published, or None when it is verified."""
    try:
        parse_ref(ref)
        view = find_figure(ref)
    except ValueError as exc:
        return _("The figure reference “%(ref)s” cannot be read: %(error)s.") % {"ref": ref, "error": exc}
    if view is None:
        return _("The figure “%(ref)s” does not exist: no claims give it.") % {"ref": ref}
    if not about_public(view):
        return _("The figure “%(ref)s” is about an incident that is not published; publish the incident first.") % {
            "ref": ref}
    if view.figure.status != ClaimStatus.VERIFIED and not showable(view):
        return _("The figure “%(ref)s” is not verified yet (%(status)s).") % {
            "ref": ref, "status": status_label(view.figure.status)}
    return None


def publish_problems(post) -> list[str]:
    """Return what keeps a post from going public: each figure it cites that is not verified, by name."""
    problems, seen = [], set()
    for name, argument in directives(post.body):
        if name != "figure" or argument in seen:
            continue
        seen.add(argument)
        problem = figure_problem(argument)
        if problem:
            problems.append(problem)
    return problems


def publish(post, when=None) -> str:
    """Publish a post now, or schedule it for ``when``; raise PublishRefused with the reasons otherwise.

    Returns the status the post got.
    """
    problems = publish_problems(post)
    if problems:
        raise PublishRefused(problems)
    now = timezone.now()
    when = when or (post.published_at if post.status in PUBLIC_STATUSES else None) or now
    post.published_at = when
    post.status = PostStatus.SCHEDULED if when > now else PostStatus.PUBLISHED
    post.save()
    return post.status
