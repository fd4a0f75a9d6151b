from django.urls import path

from litopys.capture import views

app_name = "capture"
urlpatterns = [
    path("", views.capture_link, name="link"),
    path("<int:pk>/", views.capture_detail, name="detail"),
]
