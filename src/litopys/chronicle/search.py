"""Site search over published posts: SQLite's FTS5 locally, PostgreSQL's full-text search at scale.

On SQLite a virtual table holds the plain text of every published or scheduled post; `ensure_index()`
creates it (and fills it) the first time it is missing, and saving a post re-indexes that post, so no
migration is needed. On PostgreSQL the text is searched in place with the 'simple' configuration, which
treats Ukrainian and English alike. Either way every word of a query matches as a prefix ("ізюм" finds
"Ізюмі"), results are ranked, and only posts a reader may see are returned.

Directive placeholders carry no text, so an index never holds a figure's number.
"""

import html
import re
from dataclasses import dataclass

from django.db import connection
from django.db.models import F, Func, TextField, Value

from litopys.chronicle.models import Post, PostStatus

TABLE = "chronicle_post_search"
LIMIT = 50
#: Sentinels around matched words, turned into <mark> after the snippet is escaped.
START, STOP = "\x02", "\x03"
_TAG = re.compile(r"<[^>]+>")
_TERM = re.compile(r"\w+")


@dataclass
class Hit:
    post: Post
    snippet: str


def terms(query: str) -> list[str]:
    return _TERM.findall((query or "").lower())[:12]


def plain_text(body_html: str) -> str:
    return " ".join(html.unescape(_TAG.sub(" ", body_html or "")).split())


def marked(snippet: str) -> str:
    """Escape a snippet and mark its matched words."""
    escaped = html.escape(html.unescape(snippet or ""))
    return escaped.replace(START, "<mark>").replace(STOP, "</mark>")


def is_sqlite() -> bool:
    return connection.vendor == "sqlite"


def ensure_index() -> None:
    """Create the SQLite index when it does not exist, and fill it; on PostgreSQL do nothing."""
    if not is_sqlite():
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name=%s", [TABLE])
        if cursor.fetchone():
            return
        cursor.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5("
                       "post_id UNINDEXED, title, lead, body, tokenize='unicode61 remove_diacritics 2')")
    for post in Post.objects.filter(status__in=(PostStatus.PUBLISHED, PostStatus.SCHEDULED)):
        index_post(post, ensure=False)


def index_post(post, ensure: bool = True) -> None:
    """Put a post's current text in the index, or take it out when it is neither published nor scheduled."""
    if not is_sqlite():
        return
    if ensure:
        ensure_index()
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLE} WHERE post_id = %s", [post.pk])
        if post.status in (PostStatus.PUBLISHED, PostStatus.SCHEDULED):
            cursor.execute(f"INSERT INTO {TABLE} (post_id, title, lead, body) VALUES (%s, %s, %s, %s)",
                           [post.pk, post.title, post.lead, plain_text(post.body_html)])


def remove_post(post_id: int) -> None:
    if is_sqlite():
        ensure_index()
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {TABLE} WHERE post_id = %s", [post_id])


def search(query: str, limit: int = LIMIT) -> list[Hit]:
    """Return published posts matching every word of ``query``, best first, with a marked snippet."""
    words = terms(query)
    if not words:
        return []
    return _sqlite(words, limit) if is_sqlite() else _postgresql(words, limit)


def _sqlite(words: list[str], limit: int) -> list[Hit]:
    ensure_index()
    match = " ".join(f'"{word}"*' for word in words)
    with connection.cursor() as cursor:
        # Titles weigh most, then leads: bm25 takes one weight per column, post_id's first.
        cursor.execute(
            f"SELECT post_id, snippet({TABLE}, -1, %s, %s, '…', 24) FROM {TABLE} WHERE {TABLE} MATCH %s "
            f"ORDER BY bm25({TABLE}, 0.0, 10.0, 4.0, 1.0) LIMIT %s", [START, STOP, match, limit * 2])
        rows = cursor.fetchall()
    posts = Post.objects.published().select_related("category").in_bulk([int(post_id) for post_id, _ in rows])
    hits = [Hit(posts[int(post_id)], marked(snippet)) for post_id, snippet in rows if int(post_id) in posts]
    return hits[:limit]


def _postgresql(words: list[str], limit: int) -> list[Hit]:
    from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector

    text = Func(F("body_html"), Value("<[^>]+>"), Value(" "), Value("g"), function="regexp_replace",
                output_field=TextField())
    vector = (SearchVector("title", weight="A", config="simple") + SearchVector("lead", weight="B", config="simple")
              + SearchVector(text, weight="C", config="simple"))
    query = SearchQuery(" & ".join(f"{word}:*" for word in words), search_type="raw", config="simple")
    found = (Post.objects.published().select_related("category").annotate(document=vector)
             .filter(document=query)
             .annotate(rank=SearchRank(vector, query), snippet=SearchHeadline(
                 text, query, config="simple", start_sel=START, stop_sel=STOP, max_words=30, min_words=12))
             .order_by("-rank", "-published_at")[:limit])
    return [Hit(post, marked(post.snippet)) for post in found]
