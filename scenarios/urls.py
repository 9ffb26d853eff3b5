from django.urls import path  # noqa: F401  (the pages are added below)

from . import views  # noqa: F401

app_name = "scenarios"

# Below /samenwerkingsverbanden/<afkorting>/: "scenarios/..." (a real one's scenario's and their
# comparison) and "scenario/..." (a scenario's own page).
urlpatterns = []
