"""Search on SQLite: an FTS5 table holds the plain text of every published or scheduled post.

The table is created and filled the first time it is missing, and saving a post re-indexes that post, so no
migration is needed.
"""

from django.db import connection

from litopys.chronicle.models import Post, PostStatus
from litopys.chronicle.search.backends.base import START, STOP, Hit, SearchBackend, marked, plain_text

TABLE = "chronicle_post_search"


class SqliteSearch(SearchBackend):
    def ensure_index(self) -> None:
        """Create the index when it does not exist, and fill it."""
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name=%s", [TABLE])
            if cursor.fetchone():
                return
            cursor.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5("
                           "post_id UNINDEXED, title, lead, body, tokenize='unicode61 remove_diacritics 2')")
        for post in Post.objects.filter(status__in=(PostStatus.PUBLISHED, PostStatus.SCHEDULED)):
            self.index_post(post, ensure=False)

    def index_post(self, post, ensure: bool = True) -> None:
        if ensure:
            self.ensure_index()
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {TABLE} WHERE post_id = %s", [post.pk])
            if post.status in (PostStatus.PUBLISHED, PostStatus.SCHEDULED):
                cursor.execute(f"INSERT INTO {TABLE} (post_id, title, lead, body) VALUES (%s, %s, %s, %s)",
                               [post.pk, post.title, post.lead, plain_text(post.body_html)])

    def remove_post(self, post_id: int) -> None:
        self.ensure_index()
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {TABLE} WHERE post_id = %s", [post_id])

    def search(self, words: list[list[str]], limit: int) -> list[Hit]:
        self.ensure_index()
        match = " AND ".join("(" + " OR ".join(f'"{form}"*' for form in forms) + ")" for forms in words)
        with connection.cursor() as cursor:
            # Titles weigh most, then leads: bm25 takes one weight per column, post_id's first.
            cursor.execute(
                f"SELECT post_id, snippet({TABLE}, -1, %s, %s, '…', 24) FROM {TABLE} WHERE {TABLE} MATCH %s "
                f"ORDER BY bm25({TABLE}, 0.0, 10.0, 4.0, 1.0) LIMIT %s", [START, STOP, match, limit * 2])
            rows = cursor.fetchall()
        posts = Post.objects.published().select_related("category").in_bulk([int(post_id) for post_id, _ in rows])
        hits = [Hit(posts[int(post_id)], marked(snippet)) for post_id, snippet in rows if int(post_id) in posts]
        return hits[:limit]
