from django.urls import path

from . import views

app_name = "scenarios"

# Below /samenwerkingsverbanden/<afkorting>/: "scenarios/..." (a real one's scenario's and their
# comparison) and "scenario/..." (a scenario's own page).
urlpatterns = [
    # --- H6: scenario pages -----------------------------------------------------------------
    path("scenarios/", views.ScenarioListView.as_view(), name="scenario-list"),
    path("scenarios/nieuw/", views.ScenarioCreateView.as_view(), name="scenario-create"),
    path("scenario/", views.ScenarioDetailView.as_view(), name="scenario-detail"),
    path("scenario/bewerken/", views.ScenarioUpdateView.as_view(), name="scenario-update"),
    path("scenario/verwijderen/", views.ScenarioDeleteView.as_view(), name="scenario-delete"),
    path(
        "scenario/gemeenten/",
        views.ScenarioGemeenteToevoegenView.as_view(),
        name="scenario-gemeente-toevoegen",
    ),
    path(
        "scenario/gemeenten/<int:pk>/verwijderen/",
        views.ScenarioGemeenteVerwijderenView.as_view(),
        name="scenario-gemeente-verwijderen",
    ),
    # --- end of H6 --------------------------------------------------------------------------
    # -- H7: the comparison --
    path("scenarios/vergelijking/", views.VergelijkingView.as_view(), name="vergelijking"),
    # -- end of H7 --
]
