"""Public pages of the chronicle: the front page, posts and pages, archives and search."""

import calendar
from datetime import date

from django.core.paginator import InvalidPage, Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from litopys.chronicle import comments, directives, generations, ratings, related, search, sharing
from litopys.chronicle.forms import CommentForm, RatingForm
from litopys.chronicle.http import public_page
from litopys.chronicle.models import Category, CommentStatus, Post, Tag
from litopys.chronicle.syndication import author_of

PER_PAGE = 10


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


@public_page
def post_detail(request, slug):
    post = get_object_or_404(public_posts().defer(None).select_related("author"), slug=slug)
    return render_post(request, post)


@public_page
def page_detail(request, slug):
    page = get_object_or_404(Post.objects.published().filter(kind=Post.Kind.PAGE)
                             .select_related("featured_image", "author"), slug=slug)
    return render_post(request, page)


def render_post(request, post, form=None, status=200, preview_problems=None):
    """Render a post (or a page) with everything readers get under it."""
    is_post = post.kind == Post.Kind.POST
    waiting = waiting_comments(request, post)
    shown = comments.approved_comments(post) + waiting
    shown.sort(key=lambda comment: (comment.created_at, comment.pk))
    url = sharing.canonical(post.get_absolute_url())
    if form is None and post.comments_open:
        reply_to = request.GET.get("replytocom", "")
        form = CommentForm(post=post, initial={"parent": int(reply_to)} if reply_to.isdigit() else None)
    parent = _parent_of(form, shown)
    context = {
        "post": post, "is_post": is_post, "body": directives.post_body(post), "tags": list(post.tags.all()),
        "comments": comments.thread(shown), "comment_count": len(shown) - len(waiting), "form": form,
        "reply_to": parent, "waiting": bool(waiting), "canonical": url, "author": author_of(post),
        "og_image": sharing.preview_image(post.featured_image), "preview_problems": preview_problems,
    }
    if is_post:
        context.update(rating=ratings.summary(post.pk), rating_form=RatingForm(), stars=ratings.STARS,
                       rated=request.GET.get("rated", ""), share=sharing.share_links(post.title, url),
                       related=related.related_posts(post))
    response = TemplateResponse(request, "chronicle/post.html", context, status=status).render()
    response.litopys_deps = {generations.post_key(post.pk): generations.post_generation(post.pk)}
    if waiting or preview_problems is not None:
        response.litopys_private = True
    if request.COOKIES.get(comments.PENDING_COOKIE) and not waiting:
        still = waiting_ids_anywhere(request)
        if still != comments.pending_ids(request):
            comments.remember_pending(response, still)
    return response


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
    """Search published posts; the query may be Ukrainian or English."""
    query = request.GET.get("q", "").strip()[:200]
    hits = search.search(query) if query else []
    response = TemplateResponse(request, "chronicle/search.html", {"query": query, "hits": hits}).render()
    response["X-Robots-Tag"] = "noindex"
    return response


search_page = public_page(search_page)
