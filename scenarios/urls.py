from django.urls import path

from . import views

app_name = "scenarios"

# Below /samenwerkingsverbanden/<afkorting>/: "scenarios/..." (a real one's scenario's and their
# comparison) and "scenario/..." (a scenario's own page).
urlpatterns = [
    # -- H7: the comparison --
    path("scenarios/vergelijking/", views.VergelijkingView.as_view(), name="vergelijking"),
    # -- end of H7 --
]
