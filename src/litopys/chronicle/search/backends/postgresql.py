"""Search on PostgreSQL: posts' text searched in place with the 'simple' configuration, which treats Ukrainian
and English alike."""

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.db.models import F, Func, TextField, Value

from litopys.chronicle.models import Post
from litopys.chronicle.search.backends.base import START, STOP, Hit, SearchBackend, marked


class PostgresSearch(SearchBackend):
    def search(self, words: list[list[str]], limit: int) -> list[Hit]:
        text = Func(F("body_html"), Value("<[^>]+>"), Value(" "), Value("g"), function="regexp_replace",
                    output_field=TextField())
        vector = (SearchVector("title", weight="A", config="simple")
                  + SearchVector("lead", weight="B", config="simple")
                  + SearchVector(text, weight="C", config="simple"))
        each = ("(" + " | ".join(f"{form}:*" for form in forms) + ")" for forms in words)
        query = SearchQuery(" & ".join(each), search_type="raw", config="simple")
        found = (Post.objects.published().select_related("category").annotate(document=vector)
                 .filter(document=query)
                 .annotate(rank=SearchRank(vector, query), snippet=SearchHeadline(
                     text, query, config="simple", start_sel=START, stop_sel=STOP, max_words=30, min_words=12))
                 .order_by("-rank", "-published_at")[:limit])
        return [Hit(post, marked(post.snippet)) for post in found]
