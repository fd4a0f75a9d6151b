"""What readers send: votes, replies, their choice of language; and the chronicle's uploaded images."""

import mimetypes
from pathlib import Path

from django.conf import settings
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.http import http_date
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from django.views.i18n import set_language as django_set_language

from litopys.chronicle import comments, ratings, readers
from litopys.chronicle.crosssite import same_origin
from litopys.chronicle.forms import CommentForm, RatingForm
from litopys.chronicle.models import Comment, CommentStatus, Media, Post
from litopys.chronicle.views import public_posts, render_post
from litopys.sitecache import generations


def refused(request, message: str, status: int, back: str = ""):
    response = TemplateResponse(request, "chronicle/refused.html", {"message": message, "back": back},
                                status=status).render()
    response["Cache-Control"] = "no-store"
    return response


def cross_site(request):
    return refused(request, _("This form must be sent from this site's own pages."), 403)


@csrf_exempt
@require_POST
def rate(request, slug):
    """Record a reader's 1–5 stars; without JavaScript the form posts here and comes back to the post."""
    if not same_origin(request):
        return cross_site(request)
    post = get_object_or_404(public_posts(), slug=slug)
    form = RatingForm(request.POST)
    if not form.is_valid():
        return refused(request, _("Choose from one to five stars."), 400, post.get_absolute_url() + "#rate")
    if not readers.within_limit("rating", readers.fingerprint(request), settings.LITOPYS_RATING_LIMIT):
        return refused(request, _("You have rated many posts in the last hour; please try again later."), 429,
                       post.get_absolute_url())
    ratings.rate(post, request, form.cleaned_data["stars"])
    return HttpResponseRedirect(f"{post.get_absolute_url()}?rated={form.cleaned_data['stars']}#rate", status=303)


@csrf_exempt
@require_POST
def comment(request, slug):
    """Take a reader's reply: it waits for a moderator unless its author is known (see comments.py)."""
    if not same_origin(request):
        return cross_site(request)
    post = get_object_or_404(Post.objects.published().select_related("category", "featured_image", "author"),
                             slug=slug)
    if not post.comments_open:
        return refused(request, _("Comments on this post are closed."), 403, post.get_absolute_url())
    form = CommentForm(request.POST, post=post)
    if form.is_robot:
        # Answer as if the comment were taken, so the robot learns nothing; keep nothing.
        return HttpResponseRedirect(post.get_absolute_url() + "#comments", status=303)
    reader = readers.fingerprint(request)
    if not form.is_valid():
        response = render_post(request, post, form=form, status=400)
        response.litopys_private = True
        response["Cache-Control"] = "no-store"
        return response
    if not readers.within_limit("comment", reader, settings.LITOPYS_COMMENT_LIMIT):
        return refused(request, _("You have sent many comments in the last hour; please try again later."), 429,
                       post.get_absolute_url())
    data = form.cleaned_data
    body = comments.sanitise(data["body"])
    saved = Comment.objects.create(
        post=post, parent=data["parent"], name=data["name"].strip(), email=data["email"].strip(),
        website=data["website"], body=body, status=comments.initial_status(data["email"], body),
        voter_hash=reader)
    response = HttpResponseRedirect(f"{post.get_absolute_url()}#comment-{saved.pk}", status=303)
    if saved.status == CommentStatus.PENDING:
        comments.remember_pending(response, [*comments.pending_ids(request), saved.pk], secure=request.is_secure())
    else:
        generations.bump_site()
    return response


@csrf_exempt
@require_POST
def set_language(request):
    """Django's set_language, for a form that carries no CSRF token so that pages stay cacheable."""
    if not same_origin(request):
        return cross_site(request)
    return django_set_language(request)


def media_file(request, path):
    """Serve an image the chronicle uploaded, and nothing else from the media folder."""
    media = Media.objects.filter(file=path).only("file", "uploaded_at").first()
    if media is None:
        raise Http404(_("No such image."))
    root = Path(settings.MEDIA_ROOT).resolve()
    full = (root / path).resolve()
    if root not in full.parents or not full.is_file():
        raise Http404(_("No such image."))
    response = FileResponse(open(full, "rb"), content_type=mimetypes.guess_type(full.name)[0]
                            or "application/octet-stream")
    response["Cache-Control"] = "public, max-age=86400"
    response["Last-Modified"] = http_date(full.stat().st_mtime)
    response["X-Content-Type-Options"] = "nosniff"
    return response
