"""Staff screens for the chronicle: writing and publishing posts, media, and moderating comments."""

import mimetypes

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from litopys.chronicle import comments, media, publishing
from litopys.chronicle.models import Category, Comment, CommentStatus, Media, Post, PostStatus, Tag
from litopys.chronicle.rendering import render_markdown
from litopys.core.history import HistoryAdmin


class PostForm(forms.ModelForm):
    """Refuses to make a post public while a figure it cites is not verified, naming each one."""

    class Meta:
        model = Post
        fields = ["kind", "title", "slug", "language", "category", "tags", "lead", "body", "featured_image",
                  "status", "published_at", "author", "author_name", "comments_open", "incidents", "places"]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean(self):
        data = super().clean()
        status = data.get("status")
        if status not in publishing.PUBLIC_STATUSES:
            return data
        was_public = self.instance.pk and Post.objects.filter(pk=self.instance.pk,
                                                              status__in=publishing.PUBLIC_STATUSES).exists()
        if not was_public and self.user is not None and not self.user.has_perm("chronicle.publish_post"):
            raise forms.ValidationError(_("You may not publish posts; save it as a draft for an editor."))
        when = data.get("published_at")
        if status == PostStatus.SCHEDULED and (when is None or when <= timezone.now()):
            self.add_error("published_at", _("A scheduled post needs a publication time in the future."))
        probe = Post(body=data.get("body", ""))
        problems = publishing.publish_problems(probe)
        if problems:
            raise forms.ValidationError(
                [_("This post cannot be published or scheduled yet:")] + problems
                + [_("Save it as a draft, or wait until reviewers verify these figures.")])
        if status == PostStatus.PUBLISHED and when is None:
            data["published_at"] = timezone.now()
        return data


@admin.register(Post)
class PostAdmin(HistoryAdmin):
    form = PostForm
    list_display = ("title", "kind", "status", "published_at", "category", "author_name", "preview_link")
    list_filter = ("status", "kind", "category", "language")
    search_fields = ("title", "lead", "body")
    prepopulated_fields = {"slug": ("title",)}
    date_hierarchy = "published_at"
    filter_horizontal = ("tags",)
    autocomplete_fields = ("incidents", "places", "featured_image")
    actions = ["publish_selected"]
    readonly_fields = ("preview_link",)
    fieldsets = (
        (None, {"fields": ("kind", "title", "slug", "language", "category", "tags", "lead", "body",
                           "featured_image", "preview_link")}),
        (gettext_lazy("Publishing"), {"fields": ("status", "published_at", "author", "author_name",
                                                 "comments_open")}),
        (gettext_lazy("Record"), {"fields": ("incidents", "places")}),
    )

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)

        class WithUser(form):
            def __init__(self, *args, **inner):
                super().__init__(*args, user=request.user, **inner)

        return WithUser

    def save_model(self, request, obj, form, change):
        if not obj.author_id and not change:
            obj.author = request.user
        obj.body_html = render_markdown(obj.body)
        super().save_model(request, obj, form, change)

    @admin.display(description=gettext_lazy("preview"))
    def preview_link(self, obj):
        if not obj or not obj.pk:
            return "—"
        return format_html('<a href="{}" target="_blank" rel="noopener">{}</a>',
                           reverse("admin:chronicle_post_preview", args=[obj.pk]), _("Preview"))

    @admin.action(description=gettext_lazy("Publish the selected posts"), permissions=["publish"])
    def publish_selected(self, request, queryset):
        done = 0
        for post in queryset:
            try:
                publishing.publish(post)
                done += 1
            except publishing.PublishRefused as refused:
                self.message_user(request, _("“%(post)s” was not published: %(why)s") % {
                    "post": post, "why": " ".join(refused.problems)}, messages.ERROR)
        if done:
            self.message_user(request, ngettext("%(count)d post published or scheduled.",
                                                "%(count)d posts published or scheduled.", done) % {"count": done})

    def has_publish_permission(self, request):
        return request.user.has_perm("chronicle.publish_post")

    def get_urls(self):
        preview = path("<int:pk>/preview/", self.admin_site.admin_view(self.preview_view),
                       name="chronicle_post_preview")
        return [preview, *super().get_urls()]

    def preview_view(self, request, pk):
        """Render a post as readers would see it, even a draft; staff only, never cached."""
        from litopys.chronicle.views import render_post

        post = get_object_or_404(Post.objects.select_related("category", "featured_image", "author"), pk=pk)
        if not self.has_view_or_change_permission(request, post):
            raise PermissionDenied
        response = render_post(request, post, preview_problems=publishing.publish_problems(post))
        response["Cache-Control"] = "private, no-store"
        response["X-Robots-Tag"] = "noindex"
        return response


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ("name", "post", "status", "created_at", "excerpt")
    list_filter = ("status", "created_at")
    search_fields = ("name", "email", "body")
    list_select_related = ("post",)
    raw_id_fields = ("post", "parent")
    readonly_fields = ("voter_hash", "created_at")
    actions = ["approve", "mark_spam", "trash"]

    @admin.display(description=gettext_lazy("comment"))
    def excerpt(self, obj):
        from django.utils.html import strip_tags

        text = strip_tags(obj.body)
        return text[:80] + ("…" if len(text) > 80 else "")

    def _moderate(self, request, queryset, status):
        count = comments.moderate(queryset, status)
        self.message_user(request, ngettext("%(count)d comment is now “%(status)s”.",
                                            "%(count)d comments are now “%(status)s”.", count) % {
            "count": count, "status": CommentStatus(status).label})

    @admin.action(description=gettext_lazy("Approve the selected comments"))
    def approve(self, request, queryset):
        self._moderate(request, queryset, CommentStatus.APPROVED)

    @admin.action(description=gettext_lazy("Mark the selected comments as spam"))
    def mark_spam(self, request, queryset):
        self._moderate(request, queryset, CommentStatus.SPAM)

    @admin.action(description=gettext_lazy("Move the selected comments to the trash"))
    def trash(self, request, queryset):
        self._moderate(request, queryset, CommentStatus.TRASH)


class MediaForm(forms.ModelForm):
    """Refuses a file named as an image that cannot be read as one: its metadata could not be removed."""

    class Meta:
        model = Media
        fields = ["file", "title", "caption", "alt_text", "credit", "sensitive", "width", "height", "media_type",
                  "wp_id", "original_url", "uploaded_at"]

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if hasattr(upload, "content_type"):  # a new upload, not the file already stored
            named_image = (mimetypes.guess_type(upload.name)[0] or "").startswith("image/")
            if named_image and not media.readable_image(upload):
                raise forms.ValidationError(
                    _("“%(name)s” is not an image that can be read, so its metadata (such as a GPS position) "
                      "cannot be removed. Upload it as JPEG, PNG, GIF or WebP.") % {"name": upload.name})
        return upload


@admin.register(Media)
class MediaAdmin(admin.ModelAdmin):
    form = MediaForm
    list_display = ("__str__", "sensitive", "credit", "uploaded_at", "directive")
    readonly_fields = ("original_sha256",)
    list_filter = ("sensitive",)
    search_fields = ("title", "caption", "alt_text", "credit")

    @admin.display(description=gettext_lazy("directive"))
    def directive(self, obj):
        return f"{{{{media {obj.pk}}}}}"


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "parent")
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ("name", "slug")
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}
