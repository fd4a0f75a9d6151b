"""Bring a WordPress export into the chronicle: categories, tags, media, posts and pages, comments.

Rows are matched by their WordPress id (`wp_id`), so running the import again updates what changed
and creates nothing twice. Each item is saved in its own transaction: a bad one is reported in one
line and the rest still comes in.
"""

import datetime
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.urls import NoReverseMatch

from litopys.chronicle.models import Category, Comment, CommentStatus, Media, Post, Tag
from litopys.chronicle.rendering import render_markdown
from litopys.exchange.wordpress import media as files
from litopys.exchange.wordpress.addresses import Addresses, host_of, slug_for
from litopys.exchange.wordpress.blocks import convert
from litopys.exchange.wordpress.comments import comment_html
from litopys.exchange.wordpress.markup import plain_text
from litopys.exchange.wordpress.media import UploadsError, check_uploads
from litopys.exchange.wordpress.posts import footnotes_of, post_fields
from litopys.exchange.wordpress.report import ImportReport
from litopys.exchange.wordpress.rows import apply_fields
from litopys.exchange.wordpress.terms import item_terms, parents_first, save_category, save_tag
from litopys.exchange.wordpress.wxr import Comment as WPComment
from litopys.exchange.wordpress.wxr import Export, Item, WXRError, parse_wxr

COMMENT_STATUSES = {"1": CommentStatus.APPROVED, "approve": CommentStatus.APPROVED, "0": CommentStatus.PENDING,
                    "hold": CommentStatus.PENDING, "spam": CommentStatus.SPAM, "trash": CommentStatus.TRASH,
                    "post-trashed": CommentStatus.TRASH}

__all__ = ["ImportReport", "UploadsError", "WXRError", "check_uploads", "import_wordpress"]


def import_wordpress(path: str | Path, uploads: str | Path | None = None,
                     progress: Callable[[int, int], None] | None = None) -> ImportReport:
    """Import a WXR file (and its uploads folder); raise WXRError or UploadsError when they cannot be read."""
    export = parse_wxr(path)
    folder, note = check_uploads(uploads)
    report = ImportReport(source=Path(path).name, warnings=list(export.warnings))
    if note:
        report.warn(note)
    _Import(export, folder, report, progress).run()
    return report


class _Import:
    def __init__(self, export: Export, uploads: Path | None, report: ImportReport, progress):
        self.export, self.uploads, self.report, self.progress = export, uploads, report, progress
        self.addresses = Addresses(export)
        self.reusable = {item.id: item.content for item in export.items if item.type == "wp_block"}
        self.done = 0
        self.total = (len(export.categories) + len(export.tags) + len(export.items)
                      + sum(len(item.comments) for item in export.items))

    def step(self) -> None:
        self.done += 1
        if self.progress:
            self.progress(self.done, self.total)

    def attempt(self, kind: str, label: str, work: Callable[[], str]) -> bool:
        try:
            with transaction.atomic():
                outcome = work()
        except Exception as error:  # one bad item must not stop the import: it is reported and skipped
            self.report.fail(kind, label, error)
            return False
        finally:
            self.step()
        self.report.count(kind, outcome)
        return True

    def run(self) -> None:
        self.check_site()
        for term in self.export.other_terms:
            self.report.count(f"{term.taxonomy} term", "skipped")
        for term in parents_first(self.export.categories):
            self.attempt("category", f"{term.term_id} “{term.slug}”", lambda t=term: save_category(t, self.report))
        for term in self.export.tags:
            self.attempt("tag", f"{term.term_id} “{term.slug}”", lambda t=term: save_tag(t))
        attachments = [item for item in self.export.items if item.type == "attachment"]
        stories = [item for item in self.export.items if item.type in ("post", "page")]
        captions, alts = self.figure_texts(stories)
        if attachments and self.uploads is None:
            self.report.warn("no uploads folder given (--uploads): media rows keep their original URL but no file")
        for item in attachments:
            self.attempt("attachment", item.label.removeprefix("attachment "),
                         lambda i=item: self.attachment(i, captions.get(i.id, ""), alts.get(i.id, "")))
        self.media_pks = dict(Media.objects.filter(wp_id__isnull=False).values_list("wp_id", "pk"))
        stored = {m.wp_id: m for m in Media.objects.filter(wp_id__in=[i.id for i in attachments]).exclude(file="")}
        for item in attachments:
            if item.id in stored and item.attached_file:
                self.addresses.files[item.attached_file] = stored[item.id].file.url
        self.plan_addresses(stories)
        for item in self.export.items:
            if item.type in ("post", "page"):
                # One transaction per item, its comments included; each comment can still fail alone.
                with transaction.atomic():
                    if self.attempt(item.type, item.label.removeprefix(item.type + " "), lambda i=item: self.story(i)):
                        self.comments(item)
                    else:
                        self.skip_comments(item)
            elif item.type != "attachment":
                self.report.count(item.type, "skipped")
                self.step()
                self.skip_comments(item)

    def check_site(self) -> None:
        """Warn when the database holds media from another site: WordPress ids of two sites collide."""
        urls = Media.objects.filter(wp_id__isnull=False).exclude(original_url="").values_list("original_url", flat=True)
        hosts = sorted({host_of(url) for url in urls} - {"", self.addresses.host})
        if hosts:
            self.report.warn(f"this database already holds media imported from {', '.join(hosts)}; if that was "
                             f"another WordPress site, its rows with the same WordPress ids are overwritten")

    # Media.

    def figure_texts(self, stories: list[Item]) -> tuple[dict[int, str], dict[int, str]]:
        """Collect the figcaptions and alt texts posts give their images, for attachments that have none."""
        captions, alts = {}, {}
        for item in stories:
            result = convert(item.content, reusable=self.reusable.get,
                             attachment_for_url=self.addresses.attachment_for_url)
            for wp_id, text in result.captions.items():
                captions.setdefault(wp_id, text)
            for wp_id, text in result.alts.items():
                alts.setdefault(wp_id, text)
        return captions, alts

    def attachment(self, item: Item, figure_caption: str, figure_alt: str) -> str:
        row = Media.objects.filter(wp_id=item.id).first() or Media(wp_id=item.id)
        metadata = item.attachment_metadata
        image_meta = metadata.get("image_meta") if isinstance(metadata.get("image_meta"), dict) else {}
        relative = files.safe_relative(item.attached_file) if item.attached_file else None
        fields = {
            "title": item.title[:300], "caption": plain_text(item.excerpt) or figure_caption,
            "alt_text": (item.meta.get("_wp_attachment_image_alt", "").strip() or figure_alt)[:500],
            "credit": str(image_meta.get("credit") or image_meta.get("copyright") or "")[:300],
            "media_type": files.media_type(relative or item.attachment_url), "original_url": item.attachment_url[:1000],
            "uploaded_at": item.date_gmt or item.pub_date or row.uploaded_at,
        }
        width, height = metadata.get("width"), metadata.get("height")
        if isinstance(width, int) and isinstance(height, int):
            fields.update(width=width, height=height)
        source = files.upload_path(self.uploads, relative) if self.uploads and relative else None
        if source is not None:
            stored = files.store(source, relative, row.file.name or "", row.original_sha256)
            if stored is not None:
                fields.update(file=stored.name, original_sha256=stored.sha256)
            if "width" not in fields and (size := files.image_size(source)):
                fields.update(width=size[0], height=size[1])
        elif self.uploads is not None:
            shown = relative or item.attached_file or item.attachment_url or "no file named"
            self.report.warn(f"{item.label}: {shown} is not in the uploads folder; "
                             f"the media row keeps its original URL only")
        return apply_fields(row, fields)

    # Posts and pages.

    def plan_addresses(self, stories: list[Item]) -> None:
        """Give every post and page its slug before any is saved, so links between them can be rewritten."""
        self.slugs, taken = {}, set()
        for item in stories:
            base = slug_for(item.slug.removesuffix("__trashed"), "") or slug_for(item.title, f"{item.type}-{item.id}")
            others = Post.objects.exclude(wp_id=item.id)
            slug, n = base, 2
            while slug in taken or others.filter(slug=slug).exists():
                slug, n = f"{base[:190]}-{n}", n + 1
            if slug != base and item.slug:
                self.report.warn(f"{item.label}: the slug “{base}” is taken; imported as “{slug}”")
            taken.add(slug)
            self.slugs[item.id] = slug
            try:
                self.addresses.targets[item.id] = Post(kind=item.type, slug=slug).get_absolute_url()
            except NoReverseMatch:
                pass  # the public URLs are not installed: links to the old site are kept as they are

    def story(self, item: Item) -> str:
        result = convert(item.content, self.media_pks.get, attachment_for_url=self.addresses.attachment_for_url,
                         link_for=self.addresses.link_for, footnotes=footnotes_of(item), reusable=self.reusable.get)
        fields, notes = post_fields(item, self.export, language=self.language())
        for note in result.warnings + notes:
            self.report.warn(f"{item.label}: {note}")
        categories = item_terms(item, Category, "category", self.report)
        if len(categories) > 1:
            self.report.warn(f"{item.label}: has {len(categories)} categories; Litopys keeps one, "
                             f"“{categories[0].slug}”")
        featured = Media.objects.filter(wp_id=item.thumbnail_id).first() if item.thumbnail_id else None
        if item.thumbnail_id and featured is None:
            self.report.warn(f"{item.label}: its featured image (attachment {item.thumbnail_id}) is not in the export")
        row = Post.objects.filter(wp_id=item.id).first() or Post(wp_id=item.id)
        unchanged = row.pk and row.body == result.markdown and row.body_html
        fields.update(slug=self.slugs[item.id], body=result.markdown,
                      body_html=row.body_html if unchanged else render_markdown(result.markdown),
                      category=categories[0] if categories else None, featured_image=featured)
        outcome = apply_fields(row, fields)
        tags = item_terms(item, Tag, "post_tag", self.report)
        if {tag.pk for tag in tags} != set(row.tags.values_list("pk", flat=True)):
            row.tags.set(tags)
            outcome = "updated" if outcome == "unchanged" else outcome
        self.post = row
        return outcome

    def language(self) -> str:
        code = self.export.site.language.split("-")[0].lower()
        if code in dict(settings.LANGUAGES):
            return code
        self.report.warn(f"the site's language “{self.export.site.language}” is not one of Litopys' languages; "
                         f"posts are marked “{settings.LANGUAGE_CODE}”")
        return settings.LANGUAGE_CODE

    # Comments.

    def comments(self, item: Item) -> None:
        known = {c.id for c in item.comments}
        for comment in _threads_first(item.comments):
            if comment.type not in ("comment", ""):
                self.report.count(comment.type, "skipped")  # pingbacks and trackbacks: other sites' links
                self.step()
                continue
            if comment.parent and comment.parent not in known:
                self.report.warn(f"comment {comment.id} answers comment {comment.parent}, which is not in the export")
            self.attempt("comment", f"{comment.id} on {item.label}", lambda c=comment: self.comment(c))

    def comment(self, comment: WPComment) -> str:
        status = COMMENT_STATUSES.get(comment.approved)
        if status is None:
            self.report.warn(f"comment {comment.id}: unknown state “{comment.approved}”; "
                             f"imported as awaiting moderation")
            status = CommentStatus.PENDING
        row = Comment.objects.filter(wp_id=comment.id).select_related("post").first() or Comment(wp_id=comment.id)
        if row.pk and row.post.wp_id != self.post.wp_id:
            raise ValueError(f"comment {comment.id} was imported on another post (“{row.post.slug}”); are these "
                             f"two different WordPress sites? Their comment ids collide")
        created = comment.date_gmt or (comment.date and comment.date.replace(tzinfo=datetime.UTC))
        website = comment.url if comment.url.startswith(("http://", "https://")) and len(comment.url) <= 500 else ""
        parent = Comment.objects.filter(wp_id=comment.parent).first() if comment.parent else None
        return apply_fields(row, {
            "post": self.post, "parent": parent, "name": (comment.author or "Anonymous")[:200],
            "email": comment.email[:254], "website": website, "body": comment_html(comment.content),
            "status": status, "created_at": created or row.created_at,
        })

    def skip_comments(self, item: Item) -> None:
        for _ in item.comments:
            self.report.count("comment", "skipped")
            self.step()


def _threads_first(comments: list[WPComment]) -> list[WPComment]:
    """Order comments so that every parent comes before its replies (the export's order otherwise)."""
    by_id, ordered, seen = {c.id: c for c in comments}, [], set()

    def visit(comment: WPComment) -> None:
        if comment.id in seen:
            return
        seen.add(comment.id)
        if comment.parent in by_id:
            visit(by_id[comment.parent])
        ordered.append(comment)

    for comment in comments:
        visit(comment)
    return ordered
