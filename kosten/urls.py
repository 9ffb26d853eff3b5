from django.urls import path

from . import views, views_realisatie

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
]
