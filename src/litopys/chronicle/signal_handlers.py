"""Keep what the public site caches in step with the record and the posts, and keep bodies rendered."""

from django.conf import settings
from django.db.models import Q
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save

from litopys.chronicle import comments, media, ratings, search
from litopys.chronicle.models import Category, Comment, CommentStatus, Media, Post, Rating, Tag
from litopys.chronicle.rendering import directives, render_markdown
from litopys.sitecache import generations


def site_changed(sender, **kwargs):
    generations.bump_site()


def render_body(sender, instance, raw=False, **kwargs):
    """Render the Markdown body into body_html whenever a post is saved (fixtures load as they are)."""
    if raw:
        return
    if instance.body or not instance.body_html:
        instance.body_html = render_markdown(instance.body)


def post_saved(sender, instance, raw=False, **kwargs):
    generations.bump_site(schedule_changed=True)
    if not raw:
        search.index_post(instance)
        cite_figures(instance)
        show_media(instance)


def cite_figures(post) -> None:
    """Keep ``post.figures`` in step with the figures its body cites (each tracked, so it has a stable page)."""
    from litopys.figures.actions import track
    from litopys.figures.references import find_figure

    views = []
    for name, argument in directives(post.body):
        if name != "figure":
            continue
        try:
            view = find_figure(argument)
        except ValueError:
            continue
        if view is not None:
            views.append(view)
    post.figures.set([row.pk for row in track(views)])


def show_media(post) -> None:
    """Keep ``post.media`` in step with the media its body shows: what readers may fetch once it is published."""
    ids, names = media.shown_by(post.body, settings.MEDIA_URL)
    post.media.set(Media.objects.filter(Q(pk__in=ids) | Q(file__in=names)).values_list("pk", flat=True))


def post_deleted(sender, instance, **kwargs):
    generations.bump_site(schedule_changed=True)
    search.remove_post(instance.pk)


def comment_before_save(sender, instance, raw=False, **kwargs):
    """Sanitise every comment however it arrives, and note whether readers saw it before."""
    if raw:
        return
    instance.body = comments.clean_html(instance.body)
    instance._was_approved = bool(instance.pk) and Comment.objects.filter(
        pk=instance.pk, status=CommentStatus.APPROVED).exists()


def comment_saved(sender, instance, **kwargs):
    if instance.status == CommentStatus.APPROVED or getattr(instance, "_was_approved", False):
        generations.bump_site()


def comment_deleted(sender, instance, **kwargs):
    if instance.status == CommentStatus.APPROVED:
        generations.bump_site()


def rating_changed(sender, instance, **kwargs):
    generations.bump_part(ratings.rating_part(instance.post_id))


def connect():
    uid = "litopys.chronicle.%s.%s"
    for model in (Category, Tag):
        post_save.connect(site_changed, sender=model, dispatch_uid=uid % ("site-save", model.__name__))
        post_delete.connect(site_changed, sender=model, dispatch_uid=uid % ("site-delete", model.__name__))
    pre_save.connect(render_body, sender=Post, dispatch_uid=uid % ("render", "post"))
    post_save.connect(post_saved, sender=Post, dispatch_uid=uid % ("save", "post"))
    post_delete.connect(post_deleted, sender=Post, dispatch_uid=uid % ("delete", "post"))
    pre_save.connect(comment_before_save, sender=Comment, dispatch_uid=uid % ("clean", "comment"))
    post_save.connect(comment_saved, sender=Comment, dispatch_uid=uid % ("save", "comment"))
    post_delete.connect(comment_deleted, sender=Comment, dispatch_uid=uid % ("delete", "comment"))
    post_save.connect(rating_changed, sender=Rating, dispatch_uid=uid % ("save", "rating"))
    post_delete.connect(rating_changed, sender=Rating, dispatch_uid=uid % ("delete", "rating"))
    # Tags, incidents and places of a post change its related posts.
    for field in ("tags", "incidents", "places"):
        m2m_changed.connect(site_changed, sender=getattr(Post, field).through,
                            dispatch_uid=uid % ("m2m", field))
