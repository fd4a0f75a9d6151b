from django.urls import path

from litopys.chronicle import views

app_name = "chronicle"
urlpatterns = [
    path("", views.home, name="home"),
]
