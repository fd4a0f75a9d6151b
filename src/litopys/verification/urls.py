from django.urls import path

from litopys.verification import staff

app_name = "review"
urlpatterns = [
    path("source/<int:pk>/", staff.source_claims, name="source-claims"),
]
