from django.urls import path

from . import views, views_nacalculatie, views_realisatie

app_name = "kosten"

urlpatterns = [
    path("", views.KostenverdelingView.as_view(), name="kostenverdeling"),
    path("realisatie/", views_realisatie.RealisatieView.as_view(), name="realisatie"),
    path(
        "realisatie/inlezen/",
        views_realisatie.RealisatieImportView.as_view(),
        name="realisatie-import",
    ),
    path(
        "verdeelsleutels/nieuw/",
        views.VerdeelsleutelCreateView.as_view(),
        name="verdeelsleutel-create",
    ),
    path(
        "verdeelsleutels/<int:pk>/bewerken/",
        views.VerdeelsleutelUpdateView.as_view(),
        name="verdeelsleutel-update",
    ),
    path("verrekening/", views.VerrekeningView.as_view(), name="verrekening"),
    path("budgetten/", views.BudgettenUpdateView.as_view(), name="budgetten"),
    path(
        "budgetten/<int:pk>/claims/",
        views.BudgetclaimsUpdateView.as_view(),
        name="budgetclaims",
    ),
    path("nacalculatie/", views_nacalculatie.NacalculatieView.as_view(), name="nacalculatie"),
    path("voorschotten/", views_nacalculatie.VoorschottenView.as_view(), name="voorschotten"),
    path(
        "voorschotten/nieuw/",
        views_nacalculatie.VoorschotregelingCreateView.as_view(),
        name="voorschotregeling-create",
    ),
    path(
        "voorschotten/<int:pk>/bewerken/",
        views_nacalculatie.VoorschotregelingUpdateView.as_view(),
        name="voorschotregeling-update",
    ),
    path(
        "voorschotten/<int:pk>/verwijderen/",
        views_nacalculatie.VoorschotregelingDeleteView.as_view(),
        name="voorschotregeling-delete",
    ),
    path(
        "jaarrekening/<int:jaar>/",
        views_nacalculatie.JaarrekeningView.as_view(),
        name="jaarrekening",
    ),
]
