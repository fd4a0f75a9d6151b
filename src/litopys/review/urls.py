from django.urls import path

from litopys.review import queue, staff

app_name = "review"
urlpatterns = [
    path("", queue.queue, name="queue"),
    path("source/<int:pk>/", staff.source_claims, name="source-claims"),
]
