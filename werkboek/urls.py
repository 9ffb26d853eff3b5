from django.urls import path

from . import views

app_name = "werkboek"

# Below the formatie's own path (samenwerkingsverbanden/<afkorting>/formatie/), as before.
urlpatterns = [
    path("werkboek/", views.WerkboekExportView.as_view(), name="export"),
    path("werkboek/inlezen/", views.WerkboekImportView.as_view(), name="import"),
]
