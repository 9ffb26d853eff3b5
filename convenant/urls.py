from django.urls import path

from . import views

app_name = "convenant"

urlpatterns = [
    path(
        "samenwerkingsverbanden/",
        views.SamenwerkingsverbandListView.as_view(),
        name="samenwerkingsverband-list",
    ),
    path(
        "samenwerkingsverbanden/nieuw/",
        views.SamenwerkingsverbandCreateView.as_view(),
        name="samenwerkingsverband-create",
    ),
    path(
        "samenwerkingsverbanden/<str:afkorting>/",
        views.SamenwerkingsverbandDetailView.as_view(),
        name="samenwerkingsverband-detail",
    ),
    path(
        "samenwerkingsverbanden/<str:afkorting>/bewerken/",
        views.SamenwerkingsverbandUpdateView.as_view(),
        name="samenwerkingsverband-update",
    ),
    path("convenanten/", views.ConvenantListView.as_view(), name="convenant-list"),
    path("convenanten/nieuw/", views.ConvenantCreateView.as_view(), name="convenant-create"),
    path("convenanten/<int:pk>/", views.ConvenantDetailView.as_view(), name="convenant-detail"),
    path(
        "convenanten/<int:pk>/bewerken/",
        views.ConvenantUpdateView.as_view(),
        name="convenant-update",
    ),
    path("convenanten/<int:pk>/scan/", views.ConvenantScanView.as_view(), name="convenant-scan"),
    path(
        "convenanten/<int:pk>/verwijderen/",
        views.ConvenantDeleteView.as_view(),
        name="convenant-delete",
    ),
    path(
        "convenanten/<int:pk>/nieuwe-versie/",
        views.ConvenantNewVersionView.as_view(),
        name="convenant-new-version",
    ),
    path(
        "convenanten/<int:pk>/vergelijken/",
        views.ConvenantCompareView.as_view(),
        name="convenant-compare",
    ),
    path(
        "convenanten/<int:convenant_pk>/artikelen/nieuw/",
        views.ArtikelCreateView.as_view(),
        name="artikel-create",
    ),
    path("artikelen/<int:pk>/bewerken/", views.ArtikelUpdateView.as_view(), name="artikel-update"),
    path(
        "artikelen/<int:pk>/verwijderen/", views.ArtikelDeleteView.as_view(), name="artikel-delete"
    ),
]
