"""Public pages of the chronicle: the front page, posts and pages, archives and search."""

import calendar
from datetime import date

from django.core.cache import cache
from django.core.paginator import InvalidPage, Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from litopys.chronicle import comments, directives, ratings, related, search, sharing
from litopys.chronicle.forms import CommentForm
from litopys.chronicle.models import Category, CommentStatus, Post, Tag
from litopys.chronicle.syndication import author_of
from litopys.sitecache import generations
from litopys.sitecache.http import public_page

PER_PAGE = 10
#: How long a cached post or rendered fragment lives; a new generation retires it sooner.
FRAGMENT_TIMEOUT = 3600


def public_posts():
    return (Post.objects.published().filter(kind=Post.Kind.POST)
            .select_related("category", "featured_image").defer("body", "body_html"))


def listing(request, queryset, template: str = "chronicle/list.html", **context):
    """Render one page of a list of posts; a page number past the end is not found."""
    paginator = Paginator(queryset, PER_PAGE)
    try:
        page = paginator.page(request.GET.get("page") or 1)
    except InvalidPage:
        raise Http404(_("There is no such page.")) from None
    suffix = f"?page={page.number}" if page.number > 1 else ""
    context.update(page=page, posts=page.object_list, canonical=sharing.canonical(request.path + suffix))
    return TemplateResponse(request, template, context).render()


@public_page
def home(request):
    return listing(request, public_posts(), "chronicle/home.html", heading=_("Latest posts"))


@public_page
def category(request, slug):
    found = get_object_or_404(Category, slug=slug)
    return listing(request, public_posts().filter(category=found), heading=found.name,
                   kicker=_("Category"), description=found.description, archive=found)


@public_page
def tag(request, slug):
    found = get_object_or_404(Tag, slug=slug)
    return listing(request, public_posts().filter(tags=found), heading=found.name, kicker=_("Tag"), archive=found)


@public_page
def month(request, year, month):
    year, month = int(year), int(month)
    if not 1 <= month <= 12 or not 1 <= year <= 9999:
        raise Http404(_("There is no such month."))
    start = date(year, month, 1)
    _weekday, days = calendar.monthrange(year, month)
    posts = public_posts().filter(published_at__date__gte=start, published_at__date__lte=date(year, month, days))
    if not posts.exists():
        raise Http404(_("Nothing was published in that month."))
    return listing(request, posts, heading=start, kicker=_("Archive"), month=start)


def find_post(request, slug: str, kind: str = Post.Kind.POST):
    """Return the published post (or page) with this slug, cached until the site changes; 404 otherwise.

    Every save of a post starts a new site generation, and so does a scheduled post falling due, so a
    cached post is never staler than the database.
    """
    key = f"chronicle:post:{generations.site_generation_for(request)}:{kind}:{slug}"
    found = cache.get(key)
    if found is None:
        post = get_object_or_404(Post.objects.published().filter(kind=kind)
                                 .select_related("category", "featured_image", "author"), slug=slug)
        found = (post, list(post.tags.all()))
        cache.set(key, found, FRAGMENT_TIMEOUT)
    post, tags = found
    post.cached_tags = tags
    return post


@public_page
def post_detail(request, slug):
    return render_post(request, find_post(request, slug))


@public_page
def page_detail(request, slug):
    return render_post(request, find_post(request, slug, Post.Kind.PAGE))


def render_post(request, post, form=None, status=200, preview_problems=None, question=None, question_problem=""):
    """Render a post (or a page) with everything readers get under it.

    What lies under the post's header is the same for every reader who sent nothing and waits for no
    comment, so that part is kept, rendered, under the site and post generations; a reader's own state
    (a waiting comment, a reply in progress, a form with errors or the flood question, a fresh vote, a staff
    preview) renders it anew and keeps nothing.
    """
    waiting = waiting_comments(request, post)
    personal = bool(waiting or form is not None or preview_problems is not None
                    or request.GET.get("replytocom") or request.GET.get("rated"))
    url = sharing.canonical(post.get_absolute_url())
    post_generation = generations.part_generation(ratings.rating_part(post.pk))
    site = generations.site_generation_for(request)
    key = None if personal else f"chronicle:post-main:{site}:{post_generation}:{get_language()}:{post.pk}"
    parts = cache.get(key) if key else None
    if parts is None:
        head = {"post": post, "canonical": url, "og_image": sharing.preview_image(post.featured_image),
                "preview": preview_problems is not None}
        parts = (render_to_string("chronicle/_post_head.html", head),
                 render_to_string("chronicle/_post_main.html", {
                     **main_context(request, post, url, waiting, form),
                     "question": question, "question_problem": question_problem}, request))
        if key:
            cache.set(key, parts, FRAGMENT_TIMEOUT)
    context = {"post": post, "head": parts[0], "main": parts[1], "preview_problems": preview_problems}
    response = TemplateResponse(request, "chronicle/post.html", context, status=status).render()
    response.litopys_deps = {generations.part_key(ratings.rating_part(post.pk)): post_generation}
    if waiting or preview_problems is not None:
        response.litopys_private = True
    if request.COOKIES.get(comments.PENDING_COOKIE) and not waiting:
        still = waiting_ids_anywhere(request)
        if still != comments.pending_ids(request):
            comments.remember_pending(response, still, secure=request.is_secure())
    return response


def main_context(request, post, url, waiting, form) -> dict:
    is_post = post.kind == Post.Kind.POST
    shown = comments.approved_comments(post) + waiting
    shown.sort(key=lambda comment: (comment.created_at, comment.pk))
    if form is None and post.comments_open:
        reply_to = request.GET.get("replytocom", "")
        form = CommentForm(post=post, initial={"parent": int(reply_to)} if reply_to.isdigit() else None)
    tags = getattr(post, "cached_tags", None)
    context = {
        "post": post, "is_post": is_post, "body": directives.post_body(post),
        "tags": tags if tags is not None else list(post.tags.all()),
        "comments": comments.thread(shown), "comment_count": len(shown), "form": form,
        "reply_to": _parent_of(form, shown), "canonical": url, "author": author_of(post),
        "comment_url": post.get_absolute_url() + "comment/",
    }
    if is_post:
        context.update(rating=ratings.summary(post.pk), stars=ratings.star_labels(),
                       rated=request.GET.get("rated", ""), share=sharing.share_links(post.title, url),
                       related=related.related_posts(post), rate_url=post.get_absolute_url() + "rate/")
    return context


def _parent_of(form, shown):
    if form is None:
        return None
    parent_id = form["parent"].value()
    try:
        parent_id = int(parent_id)
    except (TypeError, ValueError):
        return None
    return next((comment for comment in shown if comment.pk == parent_id), None)


def waiting_comments(request, post) -> list:
    """Return this reader's own comments on ``post`` that still await moderation."""
    ids = comments.pending_ids(request) if request.COOKIES.get(comments.PENDING_COOKIE) else []
    if not ids:
        return []
    found = list(post.comments.filter(pk__in=ids, status=CommentStatus.PENDING))
    for comment in found:
        comment.awaiting = True
    return found


def waiting_ids_anywhere(request) -> list[int]:
    from litopys.chronicle.models import Comment

    ids = comments.pending_ids(request)
    return sorted(Comment.objects.filter(pk__in=ids, status=CommentStatus.PENDING).values_list("pk", flat=True))


def search_page(request):
    """Search published posts and the public record (incidents, places, sites, figures), in either script."""
    from litopys.chronicle.search.records import RecordHits, find

    query = request.GET.get("q", "").strip()[:200]
    hits = search.search(query) if query else []
    record = find(search.terms(query)) if query else RecordHits()
    response = TemplateResponse(request, "chronicle/search.html",
                                {"query": query, "hits": hits, "record": record}).render()
    response["X-Robots-Tag"] = "noindex"
    return response


search_page = public_page(search_page)
