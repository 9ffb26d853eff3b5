from django.urls import path  # noqa: F401

app_name = "begroting"

# The pages are added by begroting/views.py (issue 21).
urlpatterns: list = []

# The councils' zienswijzen and the uitvoeringsplan of a begrotingsjaar (begroting/views_raden.py).
from . import views_raden  # noqa: E402

urlpatterns += [
    path("<int:jaar>/zienswijzen/", views_raden.ZienswijzenView.as_view(), name="zienswijzen"),
    path(
        "<int:jaar>/uitvoeringsplan/",
        views_raden.UitvoeringsplanView.as_view(),
        name="uitvoeringsplan",
    ),
]
