"""What readers send: votes, replies, their choice of language; and the chronicle's uploaded images."""

import mimetypes

from django.conf import settings
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.http import http_date
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST
from django.views.defaults import page_not_found
from django.views.i18n import set_language as django_set_language

from litopys.chronicle import challenge, comments, confirmation, ratings, readers, selectors
from litopys.chronicle.crosssite import same_origin
from litopys.chronicle.forms import CommentForm, RatingForm
from litopys.chronicle.models import CommentStatus, Media, Post
from litopys.chronicle.views import public_posts, render_post


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
    """Take a reader's reply: it waits for a moderator, or for its author to confirm a trusted address."""
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
    asking = challenge.flooding()
    if not form.is_valid():
        return comment_form_again(request, post, form, 400, challenge.ask() if asking else None)
    if asking:
        problem = challenge.check(request.POST.get("challenge", ""), request.POST.get("answer", ""))
        if problem:
            status = 200 if not request.POST.get("challenge") else 400
            return comment_form_again(request, post, form, status, challenge.ask(), problem)
    reader = readers.fingerprint(request)
    if not readers.within_limit("comment", reader, settings.LITOPYS_COMMENT_LIMIT):
        return refused(request, _("You have sent many comments in the last hour; please try again later."), 429,
                       post.get_absolute_url())
    saved = comments.take(post, form.cleaned_data, reader)
    challenge.comment_taken()
    confirmation.offer(saved)
    response = HttpResponseRedirect(f"{post.get_absolute_url()}#comment-{saved.pk}", status=303)
    comments.remember_pending(response, [*comments.pending_ids(request), saved.pk], secure=request.is_secure())
    return response


def comment_form_again(request, post, form, status, question=None, problem=""):
    """Show the post with the reader's comment still in the form: its errors, or the flood question."""
    response = render_post(request, post, form=form, status=status, question=question, question_problem=problem)
    response.litopys_private = True
    response["Cache-Control"] = "no-store"
    return response


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def confirm_comment(request, token):
    """Publish a trusted address's waiting comment from the link mailed to it: a page with a button, then POST."""
    try:
        found = confirmation.comment_for(token) if request.method != "POST" else None
        if request.method == "POST":
            if not same_origin(request):
                return cross_site(request)
            found = confirmation.confirm(token)
            return HttpResponseRedirect(f"{found.post.get_absolute_url()}#comment-{found.pk}", status=303)
    except confirmation.LinkRefused as refusal:
        return refused(request, str(refusal), 400)
    response = TemplateResponse(request, "chronicle/confirm_comment.html", {
        "comment": found, "post": found.post, "done": found.status == CommentStatus.APPROVED}).render()
    response["Cache-Control"] = "no-store"
    response["X-Robots-Tag"] = "noindex"
    response["Referrer-Policy"] = "no-referrer"
    return response


@csrf_exempt
@require_POST
def set_language(request):
    """Django's set_language, for a form that carries no CSRF token so that pages stay cacheable."""
    if not same_origin(request):
        return cross_site(request)
    return django_set_language(request)


def media_file(request, path):
    """Serve a chronicle file: to anyone while a published post shows it, to staff always; nothing else."""
    media = Media.objects.filter(file=path).only("file", "media_type", "uploaded_at").first()
    if media is None:
        return not_found(request)
    public = selectors.media_shown_publicly(media)
    if not public and not staff_may_see_media(request.user):
        return not_found(request)
    try:
        handle = default_storage.open(media.file.name, "rb")
    except (FileNotFoundError, OSError):
        return not_found(request)
    kind = media.media_type or mimetypes.guess_type(media.file.name)[0] or "application/octet-stream"
    response = FileResponse(handle, content_type=kind)
    response["Cache-Control"] = "public, max-age=3600" if public else "private, no-store"
    try:
        response["Last-Modified"] = http_date(default_storage.get_modified_time(media.file.name).timestamp())
    except (NotImplementedError, OSError):
        pass
    response["X-Content-Type-Options"] = "nosniff"
    if not public:
        response["X-Robots-Tag"] = "noindex"
    if not kind.startswith("image/") or kind == "image/svg+xml":
        # Not a picture this site shows: a download, never a page of this origin.
        response["Content-Disposition"] = "attachment"
    return response


def staff_may_see_media(user) -> bool:
    return bool(user.is_active and user.is_staff and user.has_perm("chronicle.view_media"))


def not_found(request):
    """A 404 nobody keeps: the same file may be published a minute later."""
    response = page_not_found(request, Http404(_("No such file.")))
    response["Cache-Control"] = "no-store"
    return response
