from django.urls import path

from litopys.exchange.packages import views

app_name = "exchange-packages"
urlpatterns = [
    path("incident/<slug:slug>/", views.incident_package, name="incident"),
]
