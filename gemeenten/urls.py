from django.urls import path

from . import views

app_name = "gemeenten"

urlpatterns = [
    path("gemeenten/", views.GemeenteListView.as_view(), name="gemeente-list"),
    path("gemeenten/nieuw/", views.GemeenteCreateView.as_view(), name="gemeente-create"),
    path("gemeenten/<int:pk>/", views.GemeenteDetailView.as_view(), name="gemeente-detail"),
    path("gemeenten/<int:pk>/logo/", views.GemeenteLogoView.as_view(), name="gemeente-logo"),
    path(
        "gemeenten/<int:pk>/bewerken/", views.GemeenteUpdateView.as_view(), name="gemeente-update"
    ),
]
