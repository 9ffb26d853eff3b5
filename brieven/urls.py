from django.urls import path

from . import views

app_name = "brieven"

urlpatterns = [
    path("", views.BriefListView.as_view(), name="brief-list"),
    path("nieuw/", views.BriefCreateView.as_view(), name="brief-create"),
    path("<int:pk>/", views.BriefDetailView.as_view(), name="brief-detail"),
    path("<int:pk>/bewerken/", views.BriefUpdateView.as_view(), name="brief-update"),
    path("<int:pk>/verzenden/", views.BriefSendView.as_view(), name="brief-send"),
]
