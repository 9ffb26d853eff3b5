from django.urls import path

from . import views

app_name = "programma"

urlpatterns = [
    path("", views.PlanListView.as_view(), name="plan-list"),
    path("plannen/<int:pk>/", views.PlanDetailView.as_view(), name="plan-detail"),
    path("plannen/<int:pk>/bewerken/", views.PlanUpdateView.as_view(), name="plan-update"),
    path("plannen/<int:plan_pk>/planning/", views.PlanningView.as_view(), name="planning"),
    path("plannen/<int:plan_pk>/trend/", views.TrendView.as_view(), name="trend"),
    path("plannen/<int:plan_pk>/budget/", views.BudgetView.as_view(), name="budget"),
    path(
        "plannen/<int:plan_pk>/budget/nieuw/",
        views.BudgetpostCreateView.as_view(),
        name="budgetpost-create",
    ),
    path(
        "plannen/<int:plan_pk>/rapportages/nieuw/",
        views.RapportageCreateView.as_view(),
        name="rapportage-create",
    ),
    path(
        "budgetposten/<int:pk>/bewerken/",
        views.BudgetpostUpdateView.as_view(),
        name="budgetpost-update",
    ),
    path("opdrachten/", views.OpdrachtListView.as_view(), name="opdracht-list"),
    path("opdrachten/<int:pk>/", views.OpdrachtDetailView.as_view(), name="opdracht-detail"),
    path(
        "opdrachten/<int:pk>/bewerken/", views.OpdrachtUpdateView.as_view(), name="opdracht-update"
    ),
    path(
        "opdrachten/<int:pk>/startbijeenkomst/",
        views.StartbijeenkomstView.as_view(),
        name="startbijeenkomst",
    ),
    path("rapportages/", views.RapportageListView.as_view(), name="rapportage-list"),
    path("rapportages/<int:pk>/", views.RapportageDetailView.as_view(), name="rapportage-detail"),
    path(
        "rapportages/<int:pk>/bewerken/",
        views.RapportageUpdateView.as_view(),
        name="rapportage-update",
    ),
    path(
        "rapportages/<int:pk>/versturen/",
        views.RapportageFreezeView.as_view(),
        name="rapportage-freeze",
    ),
]
