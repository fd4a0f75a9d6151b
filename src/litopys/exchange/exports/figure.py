"""One figure's data as JSON and CSV, exactly what its public page shows."""

import csv
import json

from django.http import HttpResponse
from django.shortcuts import get_object_or_404

from litopys.figures.models import Figure
from litopys.record.figure_pages import figure_context
from litopys.sitecache.http import public_page


def figure_data(pk: int) -> dict:
    """Return a figure's public data: its numbers, status, remarks, corrections and public sources."""
    context = figure_context(get_object_or_404(Figure, pk=pk))
    figure = context["figure"]
    return {
        "id": figure.id, "url": context["url"], "about": context["about"], "kind": figure.kind,
        "label": figure.label, "qualifiers": figure.qualifiers, "min": figure.min, "max": figure.max,
        "best": figure.best, "status": figure.status, "under_review": figure.under_review,
        "independent_origins": figure.origins, "remarks": figure.flags, "best_reason": figure.best_reason,
        "withheld_remarks": figure.withheld_flags, "withheld_sources": figure.withheld_sources,
        "corrections": [{"date": c.at.isoformat(), "was": c.was, "now": c.now, "reason": c.reason}
                        for c in figure.corrections],
        "sources": [{"title": s.title, "url": s.url, "publisher": s.publisher,
                     "published": s.published.isoformat() if s.published else None, "kind": s.kind,
                     "quotes": [{"text": q.text, "attributed_to": q.attributed_to, "value": q.value}
                                for q in s.quotes]} for s in figure.sources],
        "cited_by": [{"title": post.title, "url": post.get_absolute_url()} for post in context["posts"]],
        "cite": context["cite"]["text"],
    }


@public_page
def figure_json(request, pk: int):
    response = HttpResponse(json.dumps(figure_data(pk), ensure_ascii=False, indent=2),
                            content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="litopys-figure-{pk}.json"'
    return response


@public_page
def figure_csv(request, pk: int):
    """One row per quoted public source, with the figure's numbers repeated on each."""
    data = figure_data(pk)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="litopys-figure-{pk}.csv"'
    writer = csv.writer(response)
    writer.writerow(["figure_id", "label", "about", "min", "max", "best", "status", "source_title",
                     "source_publisher", "source_published", "source_url", "quote", "attributed_to"])
    base = [data["id"], data["label"], data["about"], data["min"], data["max"], data["best"], data["status"]]
    rows = [[*base, s["title"], s["publisher"], s["published"] or "", s["url"], q["text"], q["attributed_to"]]
            for s in data["sources"] for q in s["quotes"]]
    writer.writerows(rows or [[*base, "", "", "", "", "", ""]])
    return response
