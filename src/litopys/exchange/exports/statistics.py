"""The statistics page's tables as one CSV file."""

import csv

from django.http import HttpResponse

from litopys.record.statistics import statistics_charts
from litopys.sitecache.http import public_page


@public_page
def statistics_csv(request):
    """Return the statistics page's tables as one CSV file."""
    charts = statistics_charts()
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="litopys-statistics.csv"'
    writer = csv.writer(response)
    writer.writerow(["dimension", "kind", "key", "label", "incidents", "total"])
    for bar in charts["by_kind"].bars:
        writer.writerow(["kind", bar.key, bar.key, bar.label, bar.incidents, bar.total])
    for dimension in ("oblast", "month"):
        for chart in charts[f"by_{dimension}"]:
            kind = chart.slug.split("-", 1)[1]
            for bar in chart.bars:
                writer.writerow([dimension, kind, bar.key, bar.label, bar.incidents, bar.total])
    return response
