from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

#: The signed cookie that lists a reader's comments awaiting moderation: a page with it is that reader's own.
PENDING_COOKIE = "litopys_pending"
#: What the editor role may do in the chronicle.
EDITOR_PERMISSIONS = [
    "chronicle.view_post", "chronicle.add_post", "chronicle.change_post", "chronicle.publish_post",
    "chronicle.view_media", "chronicle.add_media", "chronicle.change_media",
    "chronicle.view_category", "chronicle.add_category", "chronicle.change_category",
    "chronicle.view_tag", "chronicle.add_tag", "chronicle.change_tag",
    "chronicle.view_comment", "chronicle.change_comment",
]


class ChronicleConfig(AppConfig):
    name = "litopys.chronicle"
    label = "chronicle"
    verbose_name = _("Public chronicle")
    role_permissions = {"editor": EDITOR_PERMISSIONS}
    #: Images shown in posts are part of the record pages draw from (see litopys.sitecache.invalidation).
    record_models = {"chronicle.Media": None}
    sitecache_next_due = "litopys.chronicle.publishing.next_due"
    personal_cookies = [PENDING_COOKIE]
    #: Who cites figures in public: the record's figure pages list these posts and show figures they cite.
    figure_citations = "litopys.chronicle.selectors.posts_citing"
    sitemaps = {"posts": "litopys.chronicle.sitemaps.PostSitemap", "pages": "litopys.chronicle.sitemaps.PageSitemap",
                "categories": "litopys.chronicle.sitemaps.CategorySitemap",
                "tags": "litopys.chronicle.sitemaps.TagSitemap"}

    def ready(self):
        from litopys.chronicle import signal_handlers

        signal_handlers.connect()
