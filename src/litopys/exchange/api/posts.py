"""Published posts and pages of the chronicle, as readers get them (never drafts, comments or e-mails)."""

from __future__ import annotations

from datetime import datetime

from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema

from litopys.chronicle.directives import post_body
from litopys.chronicle.models import Post
from litopys.chronicle.syndication import author_of, site_url
from litopys.exchange.api.paging import PageQuery, page_schema, paginate
from litopys.exchange.api.schemas import Input, IsoDate, answers
from litopys.incidents.models import RecordStatus

router = Router(tags=["public: posts"])


class Term(Schema):
    slug: str
    name: str


class PostOut(Schema):
    id: int
    slug: str
    kind: str
    title: str
    lead: str
    language: str
    url: str
    author: str
    published_at: datetime | None
    updated_at: datetime
    category: Term | None
    tags: list[Term]
    incidents: list[str] = Field(description="Slugs of the published incidents the post is about.")


class Note(Schema):
    number: int
    html: str


class PostDetail(PostOut):
    body_html: str = Field(description="The body as the post's page shows it, figures filled in.")
    notes: list[Note] = Field(description="The figure notes under the body, in reading order.")


class PostFilters(Input):
    kind: Post.Kind = Field(Post.Kind.POST, description="post (the default) or page")
    category: str = Field(None, max_length=200, description="A category's slug.")
    tag: str = Field(None, max_length=200, description="A tag's slug.")
    language: str = Field(None, max_length=8)
    since: IsoDate = Field(None, description="Published on or after this day.")
    until: IsoDate = Field(None, description="Published on or before this day.")


PostPage = page_schema("PostPage", PostOut)


def public_posts():
    return Post.objects.published().select_related("category", "author").prefetch_related("tags", "incidents")


def post_data(post: Post) -> dict:
    return {
        "id": post.pk, "slug": post.slug, "kind": post.kind, "title": post.title, "lead": post.lead,
        "language": post.language, "url": site_url(post.get_absolute_url()), "author": author_of(post),
        "published_at": post.published_at, "updated_at": post.updated_at,
        "category": {"slug": post.category.slug, "name": post.category.name} if post.category else None,
        "tags": [{"slug": tag.slug, "name": tag.name} for tag in post.tags.all()],
        "incidents": [i.slug for i in post.incidents.all() if i.status == RecordStatus.PUBLISHED],
    }


@router.get("/posts", response=answers(PostPage, public=True), summary="Published posts")
def list_posts(request, filters: Query[PostFilters], page: Query[PageQuery]):
    """List published posts (or pages), oldest first by id; follow `next` for more."""
    posts = public_posts().filter(kind=filters.kind)
    if filters.category:
        posts = posts.filter(category__slug=filters.category)
    if filters.tag:
        posts = posts.filter(tags__slug=filters.tag)
    if filters.language:
        posts = posts.filter(language=filters.language)
    if filters.since:
        posts = posts.filter(published_at__date__gte=filters.since)
    if filters.until:
        posts = posts.filter(published_at__date__lte=filters.until)
    return paginate(request, posts.distinct(), page, post_data)


@router.get("/posts/{slug}", response=answers(PostDetail, public=True), summary="One published post")
def get_post(request, slug: str):
    """Return one published post or page with its body as readers see it."""
    post = get_object_or_404(public_posts(), slug=slug)
    body = post_body(post)
    return {**post_data(post), "body_html": body.html,
            "notes": [{"number": number, "html": html} for number, html in body.notes]}
