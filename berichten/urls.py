from django.urls import path

from . import views

app_name = "berichten"

urlpatterns = [
    path("", views.BerichtListView.as_view(), name="bericht-list"),
    path("<int:pk>/opnieuw/", views.BerichtResendView.as_view(), name="bericht-resend"),
]
