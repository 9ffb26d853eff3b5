from django.urls import path

from . import views

app_name = "berichten"

urlpatterns = [
    path("", views.BerichtListView.as_view(), name="bericht-list"),
    path("<int:pk>/onderwerp/", views.BerichtOnderwerpView.as_view(), name="bericht-onderwerp"),
    path("<int:pk>/opnieuw/", views.BerichtResendView.as_view(), name="bericht-resend"),
]
