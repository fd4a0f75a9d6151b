"""The public chronicle: posts and pages, their media, categories, tags, ratings and comments."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from litopys.chronicle.media import MediaFileField, upload_name


class Category(models.Model):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True, allow_unicode=True)
    description = models.TextField(_("description"), blank=True)
    parent = models.ForeignKey("self", verbose_name=_("parent"), null=True, blank=True, on_delete=models.SET_NULL)
    wp_id = models.PositiveIntegerField(_("WordPress term id"), null=True, blank=True, unique=True)

    class Meta:
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("chronicle:category", args=[self.slug])


class Tag(models.Model):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True, allow_unicode=True)
    wp_id = models.PositiveIntegerField(_("WordPress term id"), null=True, blank=True, unique=True)

    class Meta:
        verbose_name = _("tag")
        verbose_name_plural = _("tags")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("chronicle:tag", args=[self.slug])


class Media(models.Model):
    """An image (or other file) shown in posts, with its caption, alt text and credit."""

    file = MediaFileField(_("file"), upload_to=upload_name, max_length=500, blank=True,
                            help_text=_("Stored under a random name; an image without its metadata (EXIF, GPS). "
                                        "Empty when an imported file was missing; the original URL is kept."))
    original_sha256 = models.CharField(_("sha256 of the upload"), max_length=64, blank=True, editable=False,
                                       help_text=_("Of the file as it was uploaded, before its metadata was "
                                                   "removed."))
    title = models.CharField(_("title"), max_length=300, blank=True)
    caption = models.TextField(_("caption"), blank=True)
    alt_text = models.CharField(_("alt text"), max_length=500, blank=True,
                                help_text=_("What the image shows, for readers who cannot see it."))
    credit = models.CharField(_("credit"), max_length=300, blank=True)
    sensitive = models.BooleanField(_("sensitive"), default=False,
                                    help_text=_("Blurred behind a content warning until the reader chooses to see it."))
    width = models.PositiveIntegerField(_("width"), null=True, blank=True)
    height = models.PositiveIntegerField(_("height"), null=True, blank=True)
    media_type = models.CharField(_("media type"), max_length=120, blank=True)
    wp_id = models.PositiveIntegerField(_("WordPress attachment id"), null=True, blank=True, unique=True)
    original_url = models.URLField(_("original URL"), max_length=1000, blank=True)
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now)

    class Meta:
        verbose_name = _("media file")
        verbose_name_plural = _("media files")
        ordering = ["-uploaded_at"]

    def __str__(self):
        return self.title or self.file.name


class PostStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    SCHEDULED = "scheduled", _("scheduled")
    PUBLISHED = "published", _("published")
    PRIVATE = "private", _("private")
    TRASH = "trash", _("trash")


class PostQuerySet(models.QuerySet):
    def published(self):
        """Posts a reader may see: published, or scheduled and due."""
        now = timezone.now()
        return self.filter(models.Q(status=PostStatus.PUBLISHED) | models.Q(status=PostStatus.SCHEDULED),
                           published_at__lte=now)


class Post(models.Model):
    """A story of the chronicle (or a static page); its numbers are references to verified figures."""

    class Kind(models.TextChoices):
        POST = "post", _("post")
        PAGE = "page", _("page")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.POST)
    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(_("slug"), max_length=200, unique=True, allow_unicode=True)
    category = models.ForeignKey(Category, verbose_name=_("category"), null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="posts")
    tags = models.ManyToManyField(Tag, verbose_name=_("tags"), blank=True, related_name="posts")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("author"), null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="+")
    author_name = models.CharField(_("author name"), max_length=200, blank=True)
    language = models.CharField(_("language"), max_length=8, default="en", choices=settings.LANGUAGES)
    lead = models.TextField(_("lead"), blank=True, help_text=_("One or two sentences shown in lists and shares."))
    body = models.TextField(_("body"), blank=True,
                            help_text=_("Markdown with footnotes [^1], {{figure …}} and {{incident slug}}."))
    body_html = models.TextField(_("rendered body"), blank=True, editable=False)
    featured_image = models.ForeignKey(Media, verbose_name=_("featured image"), null=True, blank=True,
                                       on_delete=models.SET_NULL, related_name="+")
    status = models.CharField(_("status"), max_length=20, choices=PostStatus.choices, default=PostStatus.DRAFT)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    comments_open = models.BooleanField(_("comments open"), default=True)
    incidents = models.ManyToManyField("incidents.Incident", verbose_name=_("incidents"), blank=True,
                                       related_name="posts")
    places = models.ManyToManyField("places.Place", verbose_name=_("places"), blank=True, related_name="posts")
    figures = models.ManyToManyField("figures.Figure", verbose_name=_("figures cited"), blank=True,
                                     related_name="posts", editable=False,
                                     help_text=_("Kept in step with the post's {{figure …}} directives."))
    media = models.ManyToManyField(Media, verbose_name=_("media shown"), blank=True, related_name="shown_in",
                                   editable=False,
                                   help_text=_("Kept in step with the post's {{media …}} directives and the "
                                               "media addresses in its body."))
    wp_id = models.PositiveIntegerField(_("WordPress post id"), null=True, blank=True, unique=True)
    history = HistoricalRecords(verbose_name=_("revision"), excluded_fields=["body_html"])

    objects = PostQuerySet.as_manager()

    class Meta:
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        ordering = ["-published_at", "-pk"]
        permissions = [("publish_post", _("Can publish posts"))]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        if self.kind == self.Kind.PAGE:
            return reverse("chronicle:page", args=[self.slug])
        return reverse("chronicle:post", args=[self.slug])

    @property
    def is_public(self) -> bool:
        return self.status in (PostStatus.PUBLISHED, PostStatus.SCHEDULED) and bool(
            self.published_at and self.published_at <= timezone.now())


class CommentStatus(models.TextChoices):
    PENDING = "pending", _("awaiting moderation")
    APPROVED = "approved", _("approved")
    SPAM = "spam", _("spam")
    TRASH = "trash", _("trash")


class Comment(models.Model):
    """A reader's reply. The e-mail address is never shown, fed or exported."""

    post = models.ForeignKey(Post, verbose_name=_("post"), on_delete=models.CASCADE, related_name="comments")
    parent = models.ForeignKey("self", verbose_name=_("in reply to"), null=True, blank=True,
                               on_delete=models.CASCADE, related_name="replies")
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"), help_text=_("Never published."))
    website = models.URLField(_("website"), max_length=500, blank=True)
    body = models.TextField(_("comment"), help_text=_("Sanitised HTML."))
    status = models.CharField(_("status"), max_length=20, choices=CommentStatus.choices,
                              default=CommentStatus.PENDING)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    voter_hash = models.CharField(_("reader fingerprint"), max_length=64, blank=True,
                                  help_text=_("Salted hash of the address; never the address itself."))
    confirmation_sent_at = models.DateTimeField(
        _("confirmation link sent at"), null=True, blank=True, editable=False,
        help_text=_("When a link to publish this comment was mailed to its trusted address."))
    wp_id = models.PositiveIntegerField(_("WordPress comment id"), null=True, blank=True, unique=True)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.name} on {self.post}"


class Rating(models.Model):
    """One reader's 1–5 stars for a post, kept under a salted hash, never the raw address."""

    post = models.ForeignKey(Post, verbose_name=_("post"), on_delete=models.CASCADE, related_name="ratings")
    voter_hash = models.CharField(_("reader fingerprint"), max_length=64)
    stars = models.PositiveSmallIntegerField(_("stars"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("rating")
        verbose_name_plural = _("ratings")
        constraints = [
            models.UniqueConstraint(fields=["post", "voter_hash"], name="one_rating_per_reader"),
            models.CheckConstraint(condition=models.Q(stars__gte=1, stars__lte=5), name="stars_between_1_and_5"),
        ]

    def __str__(self):
        return f"{self.stars}★ {self.post}"
